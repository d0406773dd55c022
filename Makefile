# Seaward — every target installs what it needs into .venv first, so each works on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CONSTRAINTS := requirements/constraints.txt
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: demo test test-postgres test-browser lint format bench install clean messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml $(CONSTRAINTS) | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c $(CONSTRAINTS) -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/seaward demo

# The whole suite on SQLite (browser tests run in `make test-browser`, PostgreSQL-only tests
# in `make test-postgres`).
test: $(STAMP)
	SEAWARD_TESTING=1 $(BIN)/pytest -m "not browser and not postgres" -n 2 --dist loadfile

test-postgres: $(STAMP)
	SEAWARD_TESTING=1 DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/seaward} \
		$(BIN)/pytest -m "not browser" -n 2 --dist loadfile

test-browser: $(STAMP)
	SEAWARD_TESTING=1 $(BIN)/pytest -m browser tests/browser

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	SEAWARD_TESTING=1 $(BIN)/mypy src

format: $(STAMP)
	$(BIN)/ruff check --fix src tests benchmarks
	$(BIN)/ruff format src tests benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

messages: $(STAMP)
	cd src/seaward && SEAWARD_TESTING=1 ../../$(BIN)/seaward manage makemessages -l zh_Hans -l es --no-obsolete --no-location
	$(BIN)/python scripts/compile_messages.py

clean:
	rm -rf $(VENV) var/test.sqlite3
