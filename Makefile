# Foras LMS — the whole set-up is `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := run

PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py

# Find a Python >= 3.12 by itself: an explicit PYTHON, then python3.13/3.12/python3 on PATH,
# then pyenv's installed versions.
PYTHON ?= $(shell for c in python3.13 python3.12 python3; do \
	  if command -v $$c >/dev/null 2>&1 && $$c -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then command -v $$c; exit; fi; \
	done; \
	if command -v pyenv >/dev/null 2>&1; then \
	  for v in $$(pyenv versions --bare 2>/dev/null | grep -E '^3\.(1[2-9])' | sort -rV); do \
	    p="$$(pyenv root)/versions/$$v/bin/python3"; [ -x "$$p" ] && echo "$$p" && exit; \
	  done; \
	fi)

.PHONY: run test test-e2e lint format bench messages install install-dev migrate seed clean vendor verifier

$(PY):
	@if [ -z "$(PYTHON)" ]; then \
	  echo "Foras LMS needs Python 3.12 or newer, and none was found."; \
	  echo "Install python3.12 (apt install python3.12 python3.12-venv, or pyenv install 3.12) or run: make PYTHON=/path/to/python3.12 run"; \
	  exit 1; fi
	@echo "Creating $(VENV) with $(PYTHON)"
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PIP) install --quiet .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(PIP) install --quiet '.[dev]'
	@touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

messages: install
	@command -v msgfmt >/dev/null || { echo "msgfmt is missing: apt install gettext"; exit 1; }
	@$(MANAGE) compilemessages --ignore=.venv -v0

migrate: messages
	$(MANAGE) migrate --no-input -v0

seed: migrate
	$(MANAGE) seed_demo

run: seed
	@$(MANAGE) collectstatic --no-input -v0
	@if (exec 3<>/dev/tcp/127.0.0.1/$(PORT)) 2>/dev/null; then \
	  echo "Port $(PORT) is already in use: try  make run PORT=8001"; exit 1; fi
	@echo ""
	@echo "Foras LMS on http://127.0.0.1:$(PORT)/   (public site /fr/ and /en/, staff /admin/)"
	@echo "Demo sign-ins (password foras-demo-2026): coordinator@example.org, editor@example.org,"
	@echo "  trainer.rabat@example.org, trainer.casablanca@example.org, trainer.oujda@example.org"
	@echo "Trainees (sign in at /accounts/trainee/): rabat01..rabat12, casa01..casa12,"
	@echo "  oujda01..oujda10 (a finished cohort with its certificates), PIN 2468"
	@echo "Stop with Ctrl+C."
	@$(MANAGE) qcluster & worker=$$!; \
	  trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	  $(MANAGE) runserver 127.0.0.1:$(PORT)

# A warm run keeps the test database of the previous one (--reuse-db); CI and anyone who
# changed a migration start afresh with: make test TEST_DB=--create-db
TEST_DB ?= --reuse-db
# The suite runs on every core (at most 4), one pytest-xdist worker each with its own test
# database (.test-db.sqlite3_gw0, ...). Tests that share a costly set-up are kept on one worker
# (--dist loadgroup, see SHARED_SETUP in tests/conftest.py); the rest are spread one by one.
# PYTEST_WORKERS=-n0 runs everything in this process (for pdb, or -x on a first failure).
PYTEST_WORKERS ?= -n auto --maxprocesses=4 --dist loadgroup

test: install-dev messages
	Q_SYNC=true $(VENV)/bin/pytest $(PYTEST_WORKERS) $(TEST_DB) $(PYTEST_ARGS)

test-e2e: install-dev messages
	Q_SYNC=true $(VENV)/bin/pytest $(PYTEST_WORKERS) $(TEST_DB) tests/e2e $(PYTEST_ARGS)

lint: install-dev
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/djlint templates --check --lint
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

format: install-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/djlint templates --reformat --quiet || true

bench: install-dev messages
	$(PY) bench/run.py

# Browser libraries are pinned in package.json and package-lock.json; their built files are
# committed under lms/static/vendor/<name>-<version>/ with their licences, so that `make run`
# and `make test` never need Node. After changing a pin: `make vendor`, then point
# templates/components/qr_scanner.html at the new folder (tests/lms/test_qr_scanner.py checks
# both).
# barcode-detector's browser build (a ponyfill: it never replaces a native BarcodeDetector) runs
# zxing-cpp compiled to WebAssembly; the .wasm must be the one its zxing-wasm version expects.
VENDOR := lms/static/vendor
vendor:
	@command -v npm >/dev/null || { echo "make vendor needs Node.js and npm (apt install nodejs npm)"; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund
	@set -e; \
	version=$$(node -p 'require("./node_modules/barcode-detector/package.json").version'); \
	zxing=$$(node -p 'require("./node_modules/zxing-wasm/package.json").version'); \
	grep -q "zxing-wasm@$$zxing/" node_modules/barcode-detector/dist/iife/ponyfill.js || \
	  { echo "barcode-detector $$version does not expect zxing-wasm $$zxing"; exit 1; }; \
	dest=$(VENDOR)/barcode-detector-$$version; \
	rm -rf $(VENDOR)/barcode-detector-*; mkdir -p $$dest; \
	cp node_modules/barcode-detector/dist/iife/ponyfill.js $$dest/barcode-detector.js; \
	cp node_modules/zxing-wasm/dist/reader/zxing_reader.wasm $$dest/zxing_reader.wasm; \
	cp node_modules/barcode-detector/LICENSE $$dest/LICENSE; \
	cp node_modules/zxing-wasm/LICENSE $$dest/LICENSE.zxing-wasm; \
	cp /usr/share/common-licenses/Apache-2.0 $$dest/LICENSE.zxing-cpp; \
	echo "Vendored barcode-detector $$version (zxing-wasm $$zxing) in $$dest"

# The independent verifier of signed credentials (tests only: tests/certificates/verifier/,
# Digital Bazaar's libraries under Node, pinned by its package-lock.json). The tests run it
# when it is installed and say why they skip it otherwise.
verifier:
	@command -v npm >/dev/null || { echo "make verifier needs Node.js and npm (apt install nodejs npm)"; exit 1; }
	cd tests/certificates/verifier && npm ci --ignore-scripts --no-audit --no-fund

clean:
	rm -rf $(VENV) static_collected .pytest_cache .test-db.sqlite3*
