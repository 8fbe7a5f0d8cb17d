"""``floorgraph``: a thin command line over the library.

Each subcommand lives in ``app/commands/<name>.py`` and exposes ``register(subparsers)``; this
module only wires them together, so adding a command never touches the others and heavy imports
(torch, FAISS) happen only inside the command that needs them.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from typing import Any

COMMANDS = ("build", "stats", "search", "ask", "eval", "serve")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="floorgraph", description=__doc__.splitlines()[0].strip("`: "))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"app.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"app.commands.{name}":
                continue  # command not written yet
            raise
        module.register(sub)
    return parser


def add_common(p: argparse.ArgumentParser) -> None:
    """Options every subcommand takes."""
    p.add_argument("--data-dir", help="artefact folder (default: $FLOORGRAPH_DATA_DIR or data/build)")


def read_questions(path: str) -> list[dict[str, Any]]:
    """Questions from a JSON-lines file ({"id", "question"}); the line number stands in for a
    missing id, and a bad line is an error that names it."""
    from app.evalsets import read_jsonl
    from graph.errors import FloorgraphError

    out = []
    for lineno, item in read_jsonl(path, "questions file"):
        if not isinstance(item, dict):
            raise FloorgraphError(f"{path}:{lineno}: expected a JSON object with \"id\" and \"question\"")
        out.append({"id": item.get("id", lineno), "question": str(item.get("question", ""))})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a clear message, not a traceback, for errors we anticipate
        from graph.errors import FloorgraphError

        if isinstance(exc, FloorgraphError):
            print(f"floorgraph: error: {exc}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
