# ABM Desk — the two commands of the README, and a few more.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench installer translations clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

translations: $(STAMP)
	$(PY) -m abmdesk.tools.translations compile

run: $(STAMP) translations
	$(PY) -m abmdesk --demo

test: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q
	$(VENV)/bin/lint-imports
	$(VENV)/bin/ruff check abmdesk tests bench

lint: $(STAMP)
	$(VENV)/bin/ruff check abmdesk tests bench
	$(VENV)/bin/ruff format --check abmdesk tests bench
	$(VENV)/bin/lint-imports

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) bench/run.py

installer: $(STAMP) translations
	$(PY) -m pip install --quiet -e ".[build]"
	$(VENV)/bin/pyinstaller --noconfirm --clean build_installer.spec
	QT_QPA_PLATFORM=offscreen dist/abmdesk/abmdesk --smoke-test

clean:
	rm -rf build dist .pytest_cache
