#!/usr/bin/env bash
# One command: set up from nothing (venv, npm libraries, chromium, Virtuoso) and run the whole test
# suite; then (when called without arguments) the store-dependent tests again with the graph in an
# external Oxigraph server and in Virtuoso, and the passage-search tests with the vectors in Milvus Lite.
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
  # Again with the graph in an external Oxigraph server and in Virtuoso (pytest starts each store
  # on free ports), and with the vectors in Milvus Lite: the tests whose answers go through a
  # store (engine, API, SPARQL endpoint, serve, runtime, stores; the registry's toy-relation test
  # builds its own graph, embedded).  The report is built once for these runs; the default run above tested the build.
  build_dir=$(mktemp -d)
  trap 'rm -rf "$build_dir"' EXIT
  .venv/bin/floorgraph build --quiet --data-dir "$build_dir" >/dev/null
  store_tests=(tests/test_engine.py tests/test_engine_understanding.py tests/test_web_api.py
               tests/test_sparql_endpoint.py tests/test_stores.py
               tests/test_serve_cli.py tests/test_runtime.py)
  for opt in --graph-store=oxigraph-server --graph-store=virtuoso; do
    echo "== store-dependent tests with $opt" >&2
    FLOORGRAPH_TEST_REUSE_BUILD="$build_dir" .venv/bin/python -m pytest -q "$opt" "${store_tests[@]}" || rc=$?
  done
  # Milvus: the tests that search passages through the runtime.  (A whole session opens dozens of
  # idle pymilvus clients, and the Milvus Lite gRPC server drops idle channels after a few minutes.)
  echo "== passage-search tests with --vector-store=milvus" >&2
  FLOORGRAPH_TEST_REUSE_BUILD="$build_dir" .venv/bin/python -m pytest -q --vector-store=milvus \
    tests/test_engine.py tests/test_web_api.py tests/test_sparql_endpoint.py tests/test_serve_cli.py \
    tests/test_runtime.py || rc=$?
fi
set -e
exit "$rc"
