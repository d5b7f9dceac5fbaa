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

SETUP  := PYTHON=$(PYTHON) VENV=$(VENV) sh tools/setup.sh

.PHONY: run test lint bench eval train system test-system clean app dev

# A working .venv with the app's packages (dev: and the test tools). tools/setup.sh checks for Python >= 3.11
# and python3-venv and says what to install, rebuilds a broken .venv, and installs only what changed.
app:
	@$(SETUP) app

dev:
	@$(SETUP) dev

# Graphviz's `dot` renders SVG/PNG/PDF downloads; the in-browser map works without it.
system:
	@command -v dot >/dev/null || { echo "setup: installing Graphviz (apt-get, about 10 s)"; \
		$(APT) graphviz || ($(SUDO) apt-get update -qq && $(APT) graphviz); }

# Debian's Chromium for the browser tests; PostgreSQL's server for the store tests (they start their own);
# the Argdown CLI (npm) as an independent reader.
test-system: system
	@command -v chromium >/dev/null || { echo "setup: installing Chromium for the browser tests (apt-get, about 20 s)"; \
		$(APT) chromium chromium-driver || ($(SUDO) apt-get update -qq && $(APT) chromium chromium-driver); }
	@ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || { echo "setup: installing PostgreSQL for the store tests (apt-get, about 20 s)"; \
		$(APT) postgresql || ($(SUDO) apt-get update -qq && $(APT) postgresql); }
	@[ -x node_modules/.bin/argdown ] && [ -f node_modules/axe-core/axe.min.js ] || { echo "setup: installing the Argdown CLI and axe-core (npm, about 15 s)"; \
		npm install --no-audit --no-fund --silent; }

run: app system
	$(BIN)/streamlit run streamlit_app.py --server.port $(PORT) --browser.gatherUsageStats false

test: dev test-system
	@echo "test: lint, format and type checks, then every test (pytest; several minutes)"
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest

bench: dev test-system
	for b in bench/bench_*.py; do $(BIN)/python $$b || exit 1; done

eval: app
	$(BIN)/argmap eval

# Refit the extractor's weights (src/argmap/extractor/weights.json) from ../shared/corpora: same data, same file.
train: dev
	$(BIN)/python bench/train.py

clean:
	rm -rf $(VENV) node_modules
