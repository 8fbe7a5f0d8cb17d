#!/usr/bin/env bash
# One command: set up from nothing and serve floorgraph on the bundled report
# (the first start builds the graph and the index; later starts reuse them).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
exec .venv/bin/floorgraph serve "$@"
