"""The README's map of the question engine stays complete, and `app/qa/` keeps its shape.

`app/qa/` holds the pipeline (the modules the README names in prose under "How questions are
answered") and one package per job, each module one mechanism.  A reader finds the one they need
through the map's table, whose rows give each job's package and modules.  A module added without a
line in its package's row, left loose in `app/qa/` without being pipeline, or without a docstring
saying what it recognises is invisible to the next engineer, so the suite fails instead.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QA = ROOT / "app" / "qa"
MODULE = re.compile(r"`([a-z_][a-z0-9_]*\.py)`")
PACKAGE = re.compile(r"`app/qa/([a-z_][a-z0-9_]*)/`")


def _section() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("## How questions are answered")
    end = text.index("\n## ", start + 1)
    return text[start:end].split("\n")


def _table_rows() -> dict[str, set[str]]:
    """package -> the modules its row names."""
    rows: dict[str, set[str]] = {}
    for line in _section():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 3 and PACKAGE.fullmatch(cells[0]):
            package = PACKAGE.fullmatch(cells[0]).group(1)
            assert package not in rows, f"two rows for app/qa/{package}/"
            rows[package] = {m[:-3] for m in MODULE.findall(cells[2])}
    assert rows, "the README's module map has no '| `app/qa/<package>/` | job | modules |' rows"
    return rows


def _pipeline() -> set[str]:
    """The modules the section names outside the table: the pipeline, kept in app/qa itself."""
    return {m[:-3] for line in _section() if not line.startswith("|") for m in MODULE.findall(line)}


def _packages() -> dict[str, set[str]]:
    return {d.name: {p.stem for p in d.glob("*.py") if p.name != "__init__.py"}
            for d in QA.iterdir() if d.is_dir() and (d / "__init__.py").exists()}


def _loose() -> set[str]:
    return {p.stem for p in QA.glob("*.py") if p.name != "__init__.py"}


def test_every_package_module_is_in_its_row() -> None:
    rows, packages = _table_rows(), _packages()
    unmapped = sorted(f"app/qa/{pkg}/{m}.py" for pkg, mods in packages.items() for m in mods - rows.get(pkg, set()))
    assert not unmapped, f"add these modules to their package's row of the README's module map: {unmapped}"


def test_the_map_names_no_module_that_does_not_exist() -> None:
    rows, packages = _table_rows(), _packages()
    stale = sorted(f"app/qa/{pkg}/{m}.py" for pkg, mods in rows.items() for m in mods - packages.get(pkg, set()))
    assert not stale, f"the README's module map names modules that are not there: {stale}"
    named = [m for mods in rows.values() for m in mods]
    assert len(named) == len(set(named)), "a module is named in two rows of the README's module map"


def test_no_module_is_loose_but_the_pipeline() -> None:
    loose = sorted(f"app/qa/{m}.py" for m in _loose() - _pipeline())
    assert not loose, (f"these modules sit in app/qa/ but are not pipeline: move each into the package of its job "
                       f"and add it to that row of the README's module map: {loose}")
    gone = sorted(f"{m}.py" for m in _pipeline() - _loose())
    assert not gone, f"the README names pipeline modules that are not in app/qa/: {gone}"


def test_every_qa_module_says_why_it_exists() -> None:
    undocumented = sorted(
        str(p.relative_to(ROOT)) for p in QA.rglob("*.py")
        if (p.name != "__init__.py" or p.parent != QA)
        and not ast.get_docstring(ast.parse(p.read_text(encoding="utf-8")))
    )
    assert not undocumented, f"these app/qa modules have no docstring: {undocumented}"
