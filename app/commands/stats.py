"""``floorgraph stats``: the figures of the built graph (counts, SHACL, provenance)."""
from __future__ import annotations

import argparse
import json

from app.cli import add_common


def register(subparsers) -> None:
    p = subparsers.add_parser("stats", help="print counts and checks of the built graph")
    add_common(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from app.config import Config
    from app.builddir import verify_build
    from graph.errors import FloorgraphError

    config = Config.from_env(data_dir=args.data_dir)
    verify_build(config.data_dir)
    if not config.stats_file.is_file():
        raise FloorgraphError(f"no stats in {config.data_dir}; run: floorgraph build --data-dir {config.data_dir}")
    stats = json.loads(config.stats_file.read_text(encoding="utf-8"))
    if args.json:
        print(json.dumps(stats, indent=2))
        return 0
    for k, v in stats.items():
        if k != "shacl_report":
            print(f"{k:32} {v}")
    return 0
