# The README's two commands are `make run` and `make test`; the other targets help editors and IT.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: run test check site lint format bench clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

## run: start the app on the shipped content pack at http://localhost:8501
run: $(VENV)/.installed
	$(PY) -m streamlit run app.py

## test: lint, validate the shipped pack, then every test (browser tests skip without Chromium unless CI=true)
test: $(VENV)/.installed
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m behaviours check
	$(PY) -m pytest

## check: validate a content pack (PACK=path/to/pack, default the shipped one)
check: $(VENV)/.installed
	$(PY) -m behaviours check $(PACK)

## site: write the offline reference (static HTML, no JavaScript) to SITE=dir, default build/offline
SITE ?= build/offline
site: $(VENV)/.installed
	$(PY) -m behaviours export-site $(SITE) $(if $(PACK),--pack $(PACK))

lint: $(VENV)/.installed
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(VENV)/.installed
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

## bench: print speed figures and write bench/results.json
bench: $(VENV)/.installed
	$(PY) -m bench

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis build
