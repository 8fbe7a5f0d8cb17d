"""``floorgraph build``: report(s) -> graph, network and passage index in the data dir."""
from __future__ import annotations

import argparse
import json

from app.cli import add_common


def register(subparsers) -> None:
    p = subparsers.add_parser("build", help="parse reports and build the graph, network and index")
    add_common(p)
    p.add_argument("--source", action="append", metavar="FILE",
                   help="report text file (repeatable; default: the bundled ILO report)")
    p.add_argument("--no-index", action="store_true", help="build the graph only, not the passage index")
    p.add_argument("--quiet", action="store_true", help="no progress display")
    p.add_argument("--max-source-mb", type=float, default=None,
                   help="refuse a report larger than this many MB (default 20; 0: no limit)")
    p.add_argument("--push", action="store_true",
                   help="then load the graph into the external SPARQL store ($FLOORGRAPH_SPARQL_ENDPOINT / "
                        "$FLOORGRAPH_SPARQL_UPDATE_ENDPOINT) as a new named graph and switch to it atomically")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from app.config import Config
    from app.pipeline import build, push, stderr_progress

    config = Config.from_env(data_dir=args.data_dir, sources=args.source, max_source_mb=args.max_source_mb)
    progress = (lambda s: None) if args.quiet else stderr_progress
    if args.push and not config.sparql_endpoint:
        push(config, progress)  # the clear error, before a build that would be wasted
    manifest = build(config, progress, with_index=not args.no_index, bar=not args.quiet)
    if args.push:
        push(config, progress)
    stats = json.loads((config.stats_file).read_text())
    print(f"built {config.data_dir}: {stats['passages']} passages, {stats['countries']} countries, "
          f"{stats['organizations']} organisations, {stats['triples']} triples "
          f"(SHACL {'conforms' if stats.get('shacl_conforms') else 'VIOLATED'}; "
          f"parse+extract+rdf {sum(manifest['timings_s'].values()):.1f} s)")
    return 0 if stats.get("shacl_conforms", True) else 1
