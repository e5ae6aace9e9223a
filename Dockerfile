# One image for every process: `hireline serve` (the default) and `hireline worker`.
# `docker build --build-arg EXTRAS=semantic .` adds the semantic-matching extra (~100 MB).
# The development machines have no Docker engine: tests/deploy/test_container.py checks this
# file and docker-compose.yml by parsing them; `docker compose config` validates them where
# Docker runs.

# Build: the locked dependencies, then the project itself into /app/.venv.
FROM python:3.11-slim AS build
ARG EXTRAS=""
COPY --from=ghcr.io/astral-sh/uv:0.13.9 /uv /usr/local/bin/uv
WORKDIR /app
ENV UV_LINK_MODE=copy UV_COMPILE_BYTECODE=1 UV_PYTHON_DOWNLOADS=never
COPY pyproject.toml uv.lock ./
# The lock names the generated client (a dev dependency, not installed here) by its path.
COPY clients/python ./clients/python
RUN uv sync --locked --no-dev --no-install-project ${EXTRAS:+--extra "$EXTRAS"}
# The project is installed editable (uv's default): hireline.core.migrations finds the
# Alembic scripts at <src>/../migrations, so /app/src and /app/migrations must stay side by side.
COPY README.md ./
COPY src ./src
COPY migrations ./migrations
RUN uv sync --locked --no-dev ${EXTRAS:+--extra "$EXTRAS"}

# Run: root owns the code; the app user writes only to /data (files, keys, embedded PostgreSQL).
FROM python:3.11-slim
RUN useradd --create-home --uid 10001 hireline \
    && install -d -o hireline -g hireline /data
WORKDIR /app
COPY --from=build /app /app
ENV PATH=/app/.venv/bin:$PATH \
    HIRELINE_DATA_DIR=/data \
    HIRELINE_ENVIRONMENT=production \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1
USER hireline
EXPOSE 8000
# Ready = the database answers (a 503 fails the check). slim has no curl. A `hireline worker`
# container has no HTTP server: disable this there.
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=2)"]
# `docker stop` sends SIGTERM: requests in flight finish (up to 20 s) before the exit.
STOPSIGNAL SIGTERM
CMD ["hireline", "serve", "--host", "0.0.0.0", "--no-demo"]
