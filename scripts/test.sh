#!/usr/bin/env bash
# One command: set up from nothing (venv, npm libraries, chromium, Virtuoso) and run the whole test
# suite; then (when called without arguments) every store-dependent test module again with the graph
# in an external Oxigraph server and in Virtuoso, and the passage-search tests with the vectors in Milvus Lite.
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
  # on free ports), and with the vectors in Milvus Lite: every test module that reads the graph
  # through a store - engine, API, entity pages, network, browser, SPARQL endpoint and its
  # hardening, W3C protocol, serve, runtime, the registry's toy relation (pushed as its own
  # dataset).  The modules left out (parse, extract, precision/recall, build integrity) never open
  # a store and take most of the suite's time.  The report is built once for these runs; the
  # default run above tested the build.
  build_dir=$(mktemp -d)
  trap 'rm -rf "$build_dir"' EXIT
  .venv/bin/floorgraph build --quiet --data-dir "$build_dir" >/dev/null
  store_tests=(tests/test_engine.py tests/test_engine_understanding.py tests/test_web_api.py
               tests/test_web_pages.py tests/test_web_view.py tests/test_web_hardening.py
               tests/test_api_schema.py tests/test_browser.py tests/test_eval_command.py
               tests/test_sparql_endpoint.py tests/test_sparql_hardening.py tests/test_w3c_protocol.py
               tests/test_stores.py tests/test_serve_cli.py tests/test_runtime.py
               tests/test_relation_registry.py tests/test_probe_properties.py)
  for opt in --graph-store=oxigraph-server --graph-store=virtuoso; do
    echo "== store-dependent tests with $opt" >&2
    FLOORGRAPH_TEST_REUSE_BUILD="$build_dir" .venv/bin/python -m pytest -q "$opt" "${store_tests[@]}" || rc=$?
  done
  # Milvus: the tests that search passages through the runtime (a search reconnects once when
  # Milvus Lite has dropped an idle channel).
  echo "== passage-search tests with --vector-store=milvus" >&2
  FLOORGRAPH_TEST_REUSE_BUILD="$build_dir" .venv/bin/python -m pytest -q --vector-store=milvus \
    tests/test_engine.py tests/test_web_api.py tests/test_sparql_endpoint.py tests/test_serve_cli.py \
    tests/test_runtime.py || rc=$?
fi
set -e
exit "$rc"
