# Two commands: `make demo` serves the demo wiki, `make test` runs the whole test suite.
# Both set up everything they need (a virtual environment, the package, and for tests Debian's chromium).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck bench setup

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

setup: $(STAMP)
	PYTHON=$(BIN)/python bash scripts/install-browser.sh

demo: $(STAMP)
	$(BIN)/mkdocs serve --livereload -f demo_site/mkdocs.yml -a 127.0.0.1:8000

test: setup
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

typecheck: $(STAMP)
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/run.py
