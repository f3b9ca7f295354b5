# The README's two commands are `make run` and `make test`; the other targets help editors and IT.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: run test check site lint format bench clean preview diff review lock mutate

# Installs exactly what requirements-dev.lock lists (every package, dependencies included, each
# file checked against its SHA-256); requirements*.txt are the readable sources it is made from.
$(VENV)/.installed: requirements-dev.lock
	@echo "First run: installing the app and its test tools into $(VENV) from requirements-dev.lock"
	@echo "(about 90 packages, each checked against its SHA-256): usually 2 to 8 minutes, most of it downloading."
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
	touch $@

## lock: after changing a pin in requirements*.txt, rewrite requirements.lock and requirements-dev.lock (uv, from the registry)
LOCK_FLAGS = --universal --python-version 3.11 --generate-hashes --quiet --custom-compile-command "make lock"
lock: $(VENV)/.installed
	$(PY) -m uv pip compile requirements-dev.txt $(LOCK_FLAGS) --output-file requirements-dev.lock
	$(PY) -m uv pip compile requirements.txt $(LOCK_FLAGS) --constraint requirements-dev.lock --output-file requirements.lock

## run: start the app on the shipped content pack at http://localhost:8501
run: $(VENV)/.installed
	$(PY) -m streamlit run app.py

## test: lint, the layers contract (lint-imports), types (mypy, strict for behaviours/), validate the shipped pack,
## then every test (browser tests skip without Chromium unless CI=true)
test: $(VENV)/.installed
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) -m mypy
	$(PY) -m behaviours check
	$(PY) -m pytest

## check: validate a content pack (PACK=path/to/pack, default the shipped one)
check: $(VENV)/.installed
	$(PY) -m behaviours check $(PACK)

## preview: for editors only: run the app on PACK (default the shipped pack) and show each saved edit at once
## (the page reruns when a pack file is saved). Never use it to host the app: production reads the pack once, at start.
PREVIEW_PACK = $(abspath $(or $(PACK),behaviours/content))
preview: $(VENV)/.installed
	TRAFFIC_LIGHT_PREVIEW=1 TRAFFIC_LIGHT_PACK=$(PREVIEW_PACK) $(PY) -m streamlit run app.py \
		--server.fileWatcherType auto --server.runOnSave true --server.folderWatchList $(PREVIEW_PACK)

## diff: what changed between two packs, as Markdown for sign-off (make diff OLD=path NEW=path [OUT=changes.md])
diff: $(VENV)/.installed
	$(PY) -m behaviours diff $(OLD) $(NEW) $(if $(OUT),--out $(OUT))

## review: everything with a review date, due first (PACK=path, default the shipped one)
review: $(VENV)/.installed
	$(PY) -m behaviours review $(PACK)

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

## mutate: mutation testing of the age, look-up, hours and case-level modules (pyproject.toml [tool.mutmut]); lists the survivors
mutate: $(VENV)/.installed
	rm -rf mutants
	$(PY) -m mutmut run --max-children 2
	$(PY) -m mutmut results

## bench: print speed figures and write bench/results.json
bench: $(VENV)/.installed
	$(PY) -m bench

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis build mutants
