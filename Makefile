# The README's commands: `make run` sets everything up and starts the app; `make test` sets up and runs every check.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: setup sysdeps run test lint pytest check-bank self-test bench screenshot clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

sysdeps:
	@bash packaging/install-system-deps.sh

setup: sysdeps $(STAMP)

run: setup
	$(PY) -m app

lint: setup
	$(VENV)/bin/ruff check app tests bench
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

pytest: setup
	@bash packaging/install-system-deps.sh --with-test-tools
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest

check-bank: setup
	$(PY) -m app bank check questions

self-test: setup
	$(PY) -m app --self-test

test: lint pytest check-bank self-test

bench: setup
	QT_QPA_PLATFORM=offscreen $(PY) bench/run.py

screenshot: setup
	@bash packaging/install-system-deps.sh --with-xvfb
	$(PY) packaging/screenshot.py docs/screenshots

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
