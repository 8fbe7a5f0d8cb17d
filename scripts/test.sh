#!/usr/bin/env bash
# One command: set up from nothing (venv, npm libraries, chromium, Virtuoso) and run the whole test
# suite; then (when called without arguments) the whole suite again with the graph in an external
# Oxigraph server and in Virtuoso, and the passage-search tests with the vectors in Milvus Lite.
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
  # Milvus: the tests that search passages through the runtime.  The whole suite over Milvus Lite
  # passed 696 of 697 here; the one failure was Milvus Lite's own gRPC channel dropping
  # ("too_many_pings") under a long run, so CI keeps the passage-search subset until that is tamed.
  echo "== passage-search tests with --vector-store=milvus" >&2
  FLOORGRAPH_TEST_REUSE_BUILD="$build_dir" .venv/bin/python -m pytest -q --vector-store=milvus \
    tests/test_engine.py tests/test_web_api.py tests/test_sparql_endpoint.py tests/test_serve_cli.py \
    tests/test_runtime.py || rc=$?
fi
set -e
exit "$rc"
