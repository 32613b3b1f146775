# Waypoint: two commands on a fresh machine -- `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install install-spark system-deps demo test lint format bench docs screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall only when the dependency files change.
$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The Spark target's extras (dbt-spark, pyspark) and Java 17 for the local Spark session (docs/spark.md).
install-spark: install
	bash scripts/install_system_deps.sh openjdk-17-jre-headless
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev,spark]'

# Debian packages the tests and the demo need (headless Chromium and fonts for the browser tests, PostgreSQL 15
# for the postgres tests). Java 17 for Spark comes with `make install-spark`.
SYSTEM_PACKAGES := chromium fonts-liberation postgresql
# The PostgreSQL server `make test` starts (scripts/postgres.sh; shared by checkouts, each test run makes its own
# database). Under /tmp so that, run as root, the server's unprivileged user can reach it.
TEST_POSTGRES := WAYPOINT_HOME=/tmp/waypoint-test-postgres WAYPOINT_POSTGRES_PORT=5439

system-deps:
	bash scripts/install_system_deps.sh $(SYSTEM_PACKAGES)

demo: install system-deps
	bash scripts/demo.sh

# The slowest 30 tests (setup, call, teardown) close the log, so every CI run shows where the time goes (docs/testing.md).
# One pytest worker per core, at most 4 (PYTEST_WORKERS=0: one process); tests/conftest.py keeps each test world on
# one worker (--dist loadgroup) and starts the costliest worlds first (--no-loadscope-reorder).
PYTEST_WORKERS ?= $(shell n=$$(nproc); echo $$(( n < 4 ? n : 4 )))
test: install system-deps
	$(BIN)/ruff check .
	$(TEST_POSTGRES) bash scripts/postgres.sh start >/dev/null
	WAYPOINT_POSTGRES_URL="$$($(TEST_POSTGRES) bash scripts/postgres.sh url)" \
		$(BIN)/pytest --durations=30 -n $(PYTEST_WORKERS) --dist loadgroup --no-loadscope-reorder

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# make bench PRESET=national (default state), CLIENTS=400000 (a fraction of it); BENCH="history ingest" runs some.
PRESET ?= state
CLIENTS ?=
BENCH ?=
bench: install
	WAYPOINT_BENCH_PRESET=$(PRESET) WAYPOINT_BENCH_CLIENTS=$(CLIENTS) $(BIN)/python -m benchmarks $(BENCH)

# dbt docs with the lineage graph of the published warehouse (build it first: make demo or waypoint build).
docs: install
	$(BIN)/python -m pipelines.warehouse.docs --serve

# The dashboards' page pictures (docs/screenshots/, linked from docs/dashboards.md): the browser test saves them.
screenshots: install system-deps
	WAYPOINT_SCREENSHOTS=docs/screenshots $(BIN)/pytest tests/dashboards/test_browser.py -q

clean:
	rm -rf var dbt_project/target dbt_project/logs
