# Build: the locked dependencies and the project into /app/.venv.
FROM python:3.11-slim AS build
COPY --from=ghcr.io/astral-sh/uv:0.13.9 /uv /usr/local/bin/uv
WORKDIR /app
ENV UV_LINK_MODE=copy UV_COMPILE_BYTECODE=1
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --locked --no-dev --no-install-project
COPY src ./src
COPY migrations ./migrations
COPY alembic.ini ./
RUN uv sync --locked --no-dev

# Run: the same code serves the API (default) or works the queue (`hireline worker`).
FROM python:3.11-slim
RUN useradd --create-home --uid 10001 hireline
WORKDIR /app
COPY --from=build --chown=hireline:hireline /app /app
ENV PATH=/app/.venv/bin:$PATH HIRELINE_HOST=0.0.0.0 HIRELINE_DATA_DIR=/data \
    HIRELINE_ENVIRONMENT=production PYTHONUNBUFFERED=1
RUN mkdir /data && chown hireline:hireline /data
USER hireline
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2)"
CMD ["hireline", "serve", "--no-demo"]
