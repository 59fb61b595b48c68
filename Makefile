# Clinic CMS — every task behind one target. See README.md.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8000
# Port written into the clinic Sites (and so into links between sites); follows PORT.
SITE_PORT ?= $(PORT)
PYTEST_ARGS ?=

.PHONY: bench bench-deps faults help install migrate seed run worker scheduler test lint format check ci clean browser-deps security

help:
	@echo "make run      set everything up and serve http://localhost:$(PORT) (+ SLUG.localhost:$(PORT))"
	@echo "make test     run the whole test suite (SQLite, or DATABASE_URL when set)"
	@echo "make lint     ruff check + ruff format --check"
	@echo "make check    Django system checks and missing-migration check"
	@echo "make ci       what CI runs (.ci/run)"
	@echo "make security bandit (code) and pip-audit (requirements.txt)"

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is required ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(PY) requirements.txt requirements-dev.txt
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PY) manage.py migrate --noinput

seed: migrate
	SITE_PORT=$(SITE_PORT) $(PY) manage.py seed_demo
	$(PY) manage.py create_dev_admin

run: seed
	@echo "Brand site: http://localhost:$(PORT)/   admin: http://localhost:$(PORT)/admin/ (admin / admin-dev-only)"
	@echo "Clinics:    http://northeast.localhost:$(PORT)/  http://downtown.localhost:$(PORT)/  http://south.localhost:$(PORT)/"
	@trap 'trap - INT TERM EXIT; kill $$(jobs -p) 2>/dev/null' INT TERM EXIT; \
	SITE_PORT=$(SITE_PORT) $(PY) manage.py db_worker & \
	SITE_PORT=$(SITE_PORT) $(PY) manage.py run_scheduler & \
	SITE_PORT=$(SITE_PORT) $(PY) manage.py runserver $(HOST):$(PORT)

worker: install
	$(PY) manage.py db_worker

scheduler: install
	$(PY) manage.py run_scheduler

# Debian's chromium for the browser tests (idempotent; Playwright never downloads a browser).
browser-deps:
	@if [ -x /usr/bin/chromium ]; then echo "chromium: $$(/usr/bin/chromium --version 2>/dev/null)"; \
	else apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; fi

test: install
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py makemigrations --check --dry-run

# bandit: every finding fixed or carrying `# nosec` with its reason (pyproject.toml [tool.bandit]).
# pip-audit: fails on a known vulnerability. Where no vulnerability service answers it can only
# list what it could not audit; PIP_AUDIT_ARGS=--strict makes that a failure (docs/deploy.md).
PIP_AUDIT_ARGS ?=
security: install
	$(BIN)/bandit -c pyproject.toml -r . -q
	@$(BIN)/pip-audit -r requirements.txt --progress-spinner off $(PIP_AUDIT_ARGS) \
		> $(VENV)/pip-audit.txt 2>&1; status=$$?; cat $(VENV)/pip-audit.txt; \
	unaudited=$$(grep -c "could not be audited" $(VENV)/pip-audit.txt); \
	if [ "$$unaudited" -gt 0 ]; then echo "pip-audit: WARNING: $$unaudited dependencies were NOT audited:" \
		"no vulnerability service answered from this machine (docs/deploy.md#dependency-audit)"; fi; \
	exit $$status

# wrk (Debian's package) drives the benchmark's HTTP load; installed once, like chromium.
bench-deps:
	@if command -v wrk >/dev/null 2>&1; then echo "wrk: $$(command -v wrk)"; \
	else apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; fi

bench: install bench-deps
	$(PY) -m bench.run --sizes small,medium --duration 10

faults: install
	$(PY) -m bench.faults --short

ci:
	bash .ci/run

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* media static .pytest_cache .ruff_cache
