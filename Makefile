# Two commands on a fresh machine: `make run` and `make test`. Everything they need
# is installed here, into .venv; nothing is downloaded at run time.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.kzx-installed

.PHONY: install run test bench snapshot clean-venv

install: $(STAMP)

# Re-installs only when the project's dependencies or the model pin change.
$(STAMP): pyproject.toml models/manifest.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dask,table]'
	$(PY) -m kzx.manifest > $(VENV)/model-requirements.txt
	$(PY) -m pip install --quiet --no-deps --require-hashes -r $(VENV)/model-requirements.txt
	touch $(STAMP)

run: install
	$(VENV)/bin/kzx extract data/raw -o data/out/records.jsonl

# The report test opens the HTML in a real headless browser (Debian's chromium).
BROWSER := /usr/bin/chromium
$(BROWSER):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

test: install $(BROWSER)
	$(PY) -m pytest

# The reviewed snapshot of the pipeline's output on the annotated documents.
GOLD_DOCS := $(patsubst tests/golden/%.gold.json,data/raw/%.txt,$(wildcard tests/golden/*.gold.json)) \
	$(patsubst tests/golden/html/%.gold.json,data/raw/html/%.html,$(wildcard tests/golden/html/*.gold.json))
snapshot: install
	$(VENV)/bin/kzx extract $(GOLD_DOCS) -o tests/golden/expected.jsonl --workers 1 --strict --errors data/out/snapshot.errors.jsonl

clean-venv:
	rm -rf $(VENV)

# kzx as it was when issue 13 asked that the outcome parser keep >= 0.95x of its speed.
BENCH_BASELINE ?= 69597e9
bench: install
	$(PY) -m kzx.bench --baseline $(BENCH_BASELINE)
