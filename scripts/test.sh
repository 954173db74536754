#!/usr/bin/env bash
# The README's test command: set up (system packages included) and run lint and the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
# The corpus tests run on SQLite and on PostgreSQL: start an installed server that is not running.
if command -v pg_lsclusters >/dev/null && ! pg_lsclusters --no-header 2>/dev/null | grep -q online; then
  pg_lsclusters --no-header 2>/dev/null | while read -r version name _; do
    pg_ctlcluster "$version" "$name" start || echo "test: PostgreSQL $version/$name did not start" >&2
  done
elif ! command -v pg_lsclusters >/dev/null && command -v service >/dev/null && [ -x /etc/init.d/postgresql ]; then
  service postgresql start || true
fi
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/python -m pytest -q
