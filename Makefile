# Two commands: `make demo` serves the demo wiki, `make test` runs the whole test suite.
# Both set up everything they need (a virtual environment, the package, and for tests Debian's chromium).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# A second environment with the lowest versions pyproject.toml allows, for the compatibility run.
LOWEST := .venv-lowest
LOWEST_STAMP := $(LOWEST)/.installed

.PHONY: demo test lint typecheck compat bench setup

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

setup: $(STAMP)
	PYTHON=$(BIN)/python bash scripts/install-browser.sh

demo: $(STAMP)
	$(BIN)/mkdocs serve --livereload -f demo_site/mkdocs.yml -a 127.0.0.1:8000

$(LOWEST_STAMP): pyproject.toml $(STAMP)
	$(BIN)/uv venv --quiet --allow-existing --python $(BIN)/python $(LOWEST)
	$(BIN)/uv pip install --quiet --python $(LOWEST)/bin/python --resolution lowest-direct -e '.[test]'
	touch $(LOWEST_STAMP)

# The whole suite with branch coverage, then the compatibility part against the oldest supported versions.
test: setup
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/coverage erase
	$(BIN)/coverage run -m pytest
	$(BIN)/coverage report
	$(MAKE) --no-print-directory compat

# Tests marked `compat` (see tests/conftest.py) with mkdocs, Markdown, PyYAML ... at their lowest allowed versions.
compat: $(LOWEST_STAMP)
	$(LOWEST)/bin/python -m pytest -m compat -q -p no:cacheprovider

lint: $(STAMP)
	$(BIN)/ruff check .

typecheck: $(STAMP)
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/run.py
