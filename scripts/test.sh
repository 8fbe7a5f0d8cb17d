#!/usr/bin/env bash
# One command: set up from nothing (venv, npm libraries, chromium, Virtuoso) and run the whole test
# suite; then (when called without arguments) the store-dependent tests again with the graph in an
# external Oxigraph server, in Virtuoso, and with the passage vectors in Milvus Lite.
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
  # The tests that read the graph or the vectors through the runtime (engine, web API, /sparql,
  # serve).  Each run builds the report once and starts its store; ~5-8 min each on 2 cores.
  STORE_TESTS="tests/test_engine.py tests/test_web_api.py tests/test_sparql_endpoint.py tests/test_serve_cli.py tests/test_runtime.py"
  for opt in --graph-store=oxigraph-server --graph-store=virtuoso --vector-store=milvus; do
    echo "== external store run: $opt" >&2
    .venv/bin/python -m pytest -q "$opt" $STORE_TESTS || rc=$?
  done
fi
set -e
exit "$rc"
