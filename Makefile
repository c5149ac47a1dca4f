# Bảng tin Thi đua: the two commands are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run serve test bench lint format messages clean

install: $(STAMP) $(NODE_STAMP)

# Reinstalls only when a requirements file changed.
$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check -q -r requirements-dev.txt
	@touch $(STAMP)

# The CSS and JavaScript linters (ESLint, Stylelint), exactly as package-lock.json
# pins them, with the machine's Node.js and npm; again only when the lock changed.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $(NODE_STAMP)

run: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo
	$(PY) manage.py update_index -v0
	@echo "Serving on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/, user admin, password admin)"
	$(PY) manage.py runserver $(HOST):$(PORT)

# Production settings under gunicorn on loopback, plain HTTP (SECURE_HTTPS=false).
serve: install
	@test -s .serve-secret-key || $(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > .serve-secret-key
	SECRET_KEY="$${SECRET_KEY:-$$(cat .serve-secret-key)}" \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	SECURE_HTTPS="$${SECURE_HTTPS:-false}" \
	DJANGO_SETTINGS_MODULE=portal.settings.production \
	bash -c '$(PY) manage.py collectstatic --no-input -v0 && \
	  $(PY) manage.py migrate --no-input && \
	  exec $(VENV)/bin/gunicorn portal.wsgi --bind $(HOST):$(PORT) --workers 2 --access-logfile -'

test: install
	bash scripts/test.sh

# By hand, not part of `make test`: the public pages at BENCH_ARTICLES articles
# (default 100000) on a throwaway PostgreSQL; results in test-artifacts/bench.md.
bench: install
	bash scripts/bench.sh

# ruff, djLint (templates), ESLint (static/js), Stylelint (static/css): the same
# checks as the first step of `make test` and the pre-commit hooks.
lint: install
	bash scripts/lint.sh

# Templates are formatted by hand: djLint only checks them.
format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	node_modules/.bin/eslint --fix .
	node_modules/.bin/stylelint --fix 'static/css/**/*.css'

messages: install
	$(PY) manage.py makemessages -l vi --no-obsolete --no-location -i '.venv/*' -i 'staticfiles/*' -i 'node_modules/*'
	$(PY) manage.py compilemessages -l vi -i '.venv'

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .ruff_cache
