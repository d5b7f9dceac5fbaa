# The two commands of the README:
#   make run    install what the app needs, then start it (the seed piece already mapped)
#   make test   install what the tests need (browser, Graphviz, Argdown CLI), then run them all
# Both are idempotent: a second run installs nothing new.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT    := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq
PORT   ?= 8501

.PHONY: run test lint bench eval system test-system clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.app: $(BIN)/python requirements.txt pyproject.toml
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.txt -e .
	touch $@

$(VENV)/.dev: $(VENV)/.app requirements-dev.txt
	$(BIN)/python -m pip install -q -r requirements-dev.txt
	touch $@

# Graphviz's `dot` renders SVG/PNG/PDF downloads; the in-browser map works without it.
system:
	@command -v dot >/dev/null || $(APT) graphviz || ($(SUDO) apt-get update -qq && $(APT) graphviz)

# Debian's Chromium for the browser tests; PostgreSQL's server for the store tests (they start their own);
# the Argdown CLI (npm) as an independent reader.
test-system: system
	@command -v chromium >/dev/null || $(APT) chromium chromium-driver || ($(SUDO) apt-get update -qq && $(APT) chromium chromium-driver)
	@ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || $(APT) postgresql || ($(SUDO) apt-get update -qq && $(APT) postgresql)
	@[ -x node_modules/.bin/argdown ] || npm install --no-audit --no-fund --silent

run: $(VENV)/.app system
	$(BIN)/streamlit run streamlit_app.py --server.port $(PORT) --browser.gatherUsageStats false

test: $(VENV)/.dev test-system
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest

bench: $(VENV)/.dev test-system
	for b in bench/bench_*.py; do $(BIN)/python $$b || exit 1; done

eval: $(VENV)/.app
	$(BIN)/argmap eval

clean:
	rm -rf $(VENV) node_modules
