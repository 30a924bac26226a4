# The pack's two commands:
#   make serve   set up (first time only) and run the pack
#   make test    set up and run every test
#   make site    build the pack as a static website in site/ (make site-serve to look at it)
# Adapting the pack:
#   make edit    set up JupyterLab (first time only) and open it on the pack
#   make check   the author's checks: content files, notebooks stored clean, Welsh twins, every notebook runs
# HOST and PORT can come from the environment or the command line: make serve PORT=9000

HOST ?= 127.0.0.1
PORT ?= 8866
EDIT_PORT ?= 8888
export HOST PORT EDIT_PORT

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium

SITE_VENV := .venv-site
SITE_PORT ?= 8000

.PHONY: serve test bench bench-room lint install install-test clean welsh-review site site-serve site-tools edit check

serve: $(VENV)/.runtime-installed
	@$(BIN)/python -m peer_support.server.frame_text >/dev/null
	@$(BIN)/python -m peer_support.server.serve

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime-installed: $(VENV)/bin/python requirements.txt pyproject.toml
	@echo "Installing the pack (first time only; this can take a few minutes)..."
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

# JupyterLab, for adapting the pack (make edit), and for the tests that start it.
$(VENV)/.edit-installed: $(VENV)/.runtime-installed requirements-edit.txt
	@echo "Installing JupyterLab (first time only; this can take a minute)..."
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-edit.txt
	@touch $@

$(VENV)/.test-installed: $(VENV)/.edit-installed requirements-test.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

# Adapt the pack in JupyterLab: notebooks are saved clean, and "Render with Voila" shows a
# page as participants see it (see README, "Adapting the pack"). EDIT_PORT=9999 for another port.
edit: $(VENV)/.edit-installed
	@$(BIN)/python -m peer_support.server.edit

# The author's checks, in a minute or two, each problem named with its file and what to do.
check: $(VENV)/.runtime-installed
	@$(BIN)/python -m peer_support.check

# The static site: every page runs its Python in the browser (see README, "The pack as a static
# website"). Its build tools live in their own venv, pinned in requirements-site.txt, and the
# Python runtime for the browser comes from npm (package-lock.json).
$(SITE_VENV)/bin/python:
	$(PYTHON) -m venv $(SITE_VENV)

$(SITE_VENV)/.installed: $(SITE_VENV)/bin/python requirements-site.txt
	@echo "Installing the static site's build tools (first time only)..."
	$(SITE_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-site.txt
	@touch $@

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js and npm (sudo apt-get install npm)."; exit 1; }
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

site-tools: $(SITE_VENV)/.installed node_modules/.installed

site: site-tools
	@$(SITE_VENV)/bin/python site_build/build.py

site/index.html:
	@$(MAKE) --no-print-directory site

site-serve: site/index.html
	@echo
	@echo "  The pack as a static site: http://$(HOST):$(SITE_PORT)/"
	@echo "  Press Ctrl+C to stop."
	@echo
	@$(PYTHON) -m http.server $(SITE_PORT) --bind $(HOST) --directory site

install: $(VENV)/.runtime-installed
install-test: $(VENV)/.test-installed site-tools

lint: $(VENV)/.test-installed
	$(BIN)/ruff check peer_support tests benchmarks tools site_build

test: $(VENV)/.test-installed site-tools
	@if [ ! -x "$(CHROMIUM)" ]; then \
		echo "Chromium is missing: the browser tests need Debian's Chromium at $(CHROMIUM)."; \
		echo "Install it with: sudo apt-get install chromium   (or set CHROMIUM=/path/to/chromium)"; \
		exit 1; \
	fi
	$(BIN)/ruff check peer_support tests benchmarks tools site_build
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest \
		tests notebooks --nbval-lax --nbval-current-env --nbval-cell-timeout=120

# Render ratio, kernel memory and a 30-page load test. Slow and machine-dependent, so not part
# of `make test`; the README quotes a run.
bench: $(VENV)/.test-installed
	CHROMIUM=$(CHROMIUM) $(BIN)/python benchmarks/bench.py

# The live room with 30 simulated phones answering 10 questions each (README, "Live room").
bench-room: $(VENV)/.test-installed
	$(BIN)/python benchmarks/live_room.py

# The reviewers' list: every Welsh label, content file and notebook cell still in draft, with
# the writers' doubts, grouped by page. Generated, so not kept in git.
welsh-review: $(VENV)/.runtime-installed
	$(BIN)/python tools/welsh_review_list.py --output welsh-review.md

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache test-artifacts
	rm -rf $(SITE_VENV) node_modules site .site-build .site-cache
