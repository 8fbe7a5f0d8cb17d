#!/usr/bin/env bash
# One command: set up from nothing (venv, npm libraries, chromium, Virtuoso) and run the whole test
# suite; then (when called without arguments) the whole suite again with the graph in an external
# Oxigraph server and in Virtuoso, and with the passage vectors in Milvus Lite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
set +e
.venv/bin/python -m pytest "$@"
rc=$?
if [ "$rc" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure here, not a pass" >&2
  exit 1
fi
if [ "$rc" -eq 0 ] && [ "$#" -eq 0 ]; then
  # The whole suite again with the graph in an external Oxigraph server and in Virtuoso (pytest
  # starts each store on free ports): issue 11, every test holds over every graph store.  Tests that need the embedded worker pool itself are marked
  # embedded_only and skip there.  The bundled report is built once for these runs (tests that
  # build an altered report still build their own); measured here: ~7 min per run.
  build_dir=$(mktemp -d)
  trap 'rm -rf "$build_dir"' EXIT
  .venv/bin/floorgraph build --quiet --data-dir "$build_dir" >/dev/null
  for opt in --graph-store=oxigraph-server --graph-store=virtuoso; do
    echo "== the whole suite with $opt" >&2
    FLOORGRAPH_TEST_REUSE_BUILD="$build_dir" .venv/bin/python -m pytest -q "$opt" || rc=$?
  done
  # The whole suite again with the passage vectors in Milvus Lite (a `milvus-lite server` started
  # by pytest).  The one failure seen in earlier whole-suite runs, a channel dropped with GOAWAY
  # "too_many_pings", came from pymilvus's 10 s keepalive on idle channels; the client now pings
  # as a stock gRPC server allows (app/stores/vectors.py milvus_client).
  echo "== the whole suite with --vector-store=milvus" >&2
  FLOORGRAPH_TEST_REUSE_BUILD="$build_dir" .venv/bin/python -m pytest -q --vector-store=milvus || rc=$?
fi
set -e
exit "$rc"
