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

.PHONY: profile client client-check frontend frontend-dev frontend-build js-install backup restore restore-check refactor-check bench bench-deps cluster-deps cluster-check faults fanout soak help install migrate seed run worker scheduler test lint format check ci clean browser-deps security

help:
	@echo "make run      set everything up and serve http://localhost:$(PORT) (+ SLUG.localhost:$(PORT))"
	@echo "make test     run the whole test suite (SQLite, or DATABASE_URL when set)"
	@echo "make lint     ruff check + ruff format --check"
	@echo "make check    Django system checks and missing-migration check"
	@echo "make ci       what CI runs (.ci/run)"
	@echo "make security bandit (code) and pip-audit (requirements.txt)"
	@echo "make backup   database + media into backups/<time> (BACKUP=folder to choose)"
	@echo "make restore BACKUP=folder   restore into an empty database and media folder"
	@echo "make frontend the reference clinic front end on http://localhost:$(FRONTEND_PORT) (against make run)"
	@echo "make client   regenerate the TypeScript client's types from the OpenAPI document"

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

# One library publish carried by 3, 30 and 300 clinics (about 10 minutes: building 300 clinics).
fanout: install
	$(PY) -m bench.fanout --clinics 3,30,300

# cProfile of the cold API detail, listing, find and HTML page (bench/README.md, "Cold path profile").
profile: install
	$(PY) -m bench.profile --size medium

# Varnish, nginx and wrk (Debian's packages) for the cluster check and the soak.
cluster-deps:
	@if command -v varnishd >/dev/null && command -v nginx >/dev/null && command -v wrk >/dev/null \
		&& [ -e /usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so ]; then echo "varnish, nginx, wrk: present"; \
	else apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish varnish-modules nginx wrk; fi

# Varnish -> nginx -> two app instances, publishes on either, one instance killed and restarted.
cluster-check: install cluster-deps
	$(PY) -m bench.cluster --duration 30

# Ten minutes at twice the peak mix while an editor publishes (bench/README.md#soak); not in CI.
soak: install cluster-deps
	$(PY) -m bench.soak

# Backups (docs/deploy.md#backup-and-restore): the database named by DATABASE_URL and the media.
BACKUP ?=
RESTORE_ARGS ?=
backup: install
	$(PY) manage.py backup $(BACKUP)

restore: install
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=backups/<time> [RESTORE_ARGS=--replace]"; exit 2; }
	$(PY) manage.py restore $(BACKUP) $(RESTORE_ARGS)

# Back up the demo content, restore it into fresh databases and media folders, compare every public URL.
restore-check: install
	$(PY) -m bench.restore_check --database sqlite
	$(PY) -m bench.restore_check --database postgres

# A refactor keeps every public answer: crawl the demo content with BASE's code and this tree's.
refactor-check: install
	@test -n "$(BASE)" || { echo "usage: make refactor-check BASE=<commit>"; exit 2; }
	$(PY) -m bench.refactor_check --base $(BASE)

ci:
	bash .ci/run

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* media static .pytest_cache .ruff_cache node_modules frontend/.next

# The typed TypeScript client and the reference clinic front end (docs/frontend.md): one npm
# workspace (package.json, package-lock.json), installed with `npm ci` when the lock changes.
NPM ?= npm
FRONTEND_PORT ?= 3000
CLINIC_SITE ?= northeast.localhost:$(PORT)
CMS_API_URL ?= http://localhost:$(PORT)
JS_STAMP := node_modules/.package-lock.json
FRONTEND_SOURCES := $(shell find frontend/app frontend/components frontend/lib clients/typescript/src \
	-type f 2>/dev/null) frontend/next.config.mjs frontend/tsconfig.json cms/static/css/site.css

$(JS_STAMP): package-lock.json package.json clients/typescript/package.json frontend/package.json
	@command -v $(NPM) >/dev/null 2>&1 || { echo "Node.js 20 and npm are required for the front end"; exit 1; }
	$(NPM) ci --no-audit --no-fund
	@touch $(JS_STAMP)

js-install: $(JS_STAMP)

# Regenerate clients/typescript/src/schema.d.ts from the document (manage.py openapi_document).
client: install js-install
	$(NPM) run generate --workspace clients/typescript

# Fails when the committed types are out of date with the document (CI runs it).
client-check: install js-install
	$(NPM) run check --workspace clients/typescript

frontend/.next/BUILD_ID: $(JS_STAMP) $(FRONTEND_SOURCES)
	NEXT_TELEMETRY_DISABLED=1 $(NPM) run build --workspace frontend

frontend-build: frontend/.next/BUILD_ID

# Build (when a source changed) and serve the front end for one clinic, against `make run`.
frontend: frontend-build
	@echo "Front end for $(CLINIC_SITE): http://localhost:$(FRONTEND_PORT)/ (API $(CMS_API_URL))"
	cd frontend && CLINIC_SITE=$(CLINIC_SITE) CMS_API_URL=$(CMS_API_URL) NEXT_TELEMETRY_DISABLED=1 \
		npx next start -H $(HOST) -p $(FRONTEND_PORT)

# The same with `next dev` (reloads on edits; slower first requests).
frontend-dev: js-install
	cd frontend && CLINIC_SITE=$(CLINIC_SITE) CMS_API_URL=$(CMS_API_URL) NEXT_TELEMETRY_DISABLED=1 \
		npx next dev -H $(HOST) -p $(FRONTEND_PORT)
