#!/usr/bin/env bash
# Set up floorgraph from nothing: a virtual environment at .venv/ with every Python package,
# the front-end libraries from npm, and (with --browser, as scripts/test.sh calls it) Debian's chromium
# for the browser tests and Virtuoso for the external-store tests.
# Idempotent: re-running only fills in what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
# torch first and pinned: an unpinned torch pulls a multi-GB CUDA build.
.venv/bin/pip install -q --disable-pip-version-check "torch==2.13.0"
.venv/bin/pip install -q --disable-pip-version-check -e ".[test]"
if ! command -v npm >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null;
  else sudo apt-get update -qq && sudo apt-get install -y -qq nodejs npm >/dev/null; fi
fi
if [ -f app/static/package.json ]; then
  # (re)install when the lock file changed since the last install, not only when node_modules is absent
  (cd app/static && { cmp -s package-lock.json node_modules/.floorgraph-lock 2>/dev/null || \
    { npm ci --no-audit --no-fund --silent && cp package-lock.json node_modules/.floorgraph-lock; }; })
fi
# Virtuoso Open Source: one of the two external SPARQL stores the test suite runs against
# (tests only, like chromium: nothing is started by the install; the tests start virtuoso-t on free
# ports with a temp database).
if [ "${1:-}" = "--browser" ] && ! command -v virtuoso-t >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource >/dev/null;
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource >/dev/null; fi
fi
if [ "${1:-}" = "--browser" ] && ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null;
  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium chromium-driver >/dev/null; fi
fi
