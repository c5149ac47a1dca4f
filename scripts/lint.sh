#!/usr/bin/env bash
# Every linter, as `make lint` and the first step of `make test` run them, with
# the same tools and settings as the pre-commit hooks (.pre-commit-config.yaml):
# ruff for Python, djLint for the templates ([tool.djlint] in pyproject.toml,
# .djlint_rules.yaml), ESLint for static/js (eslint.config.mjs) and Stylelint for
# static/css (stylelint.config.mjs). `make install` puts them in .venv and
# node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in .venv/bin/ruff .venv/bin/djlint node_modules/.bin/eslint node_modules/.bin/stylelint; do
  [ -x "$tool" ] || { echo "$tool is missing: run \`make install\` first." >&2; exit 1; }
done

.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/djlint templates --lint
node_modules/.bin/eslint --max-warnings=0 .
node_modules/.bin/stylelint 'static/css/**/*.css'
