"""The README's map of the question engine stays complete.

`app/qa/` holds one mechanism per module, and a reader finds the one they need through the table
under "How questions are answered". A module added without a line there (or without a docstring
saying what it recognises) is invisible to the next engineer, so the suite fails instead.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QA = ROOT / "app" / "qa"


def _qa_modules() -> set[str]:
    return {p.name for p in QA.glob("*.py") if p.name != "__init__.py"}


def _readme_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("## How questions are answered")
    end = text.index("\n## ", start + 1)
    return text[start:end]


def _named_modules(section: str) -> set[str]:
    return set(re.findall(r"`([a-z_]+\.py)`", section))


def test_every_qa_module_is_in_the_readme_map() -> None:
    missing = sorted(_qa_modules() - _named_modules(_readme_section()))
    assert not missing, f"add these app/qa modules to the README's module map: {missing}"


def test_the_map_names_no_module_that_does_not_exist() -> None:
    stale = sorted(_named_modules(_readme_section()) - _qa_modules())
    assert not stale, f"the README's module map names modules that are gone: {stale}"


def test_every_qa_module_says_why_it_exists() -> None:
    undocumented = sorted(
        p.name for p in QA.glob("*.py")
        if p.name != "__init__.py" and not ast.get_docstring(ast.parse(p.read_text(encoding="utf-8")))
    )
    assert not undocumented, f"these app/qa modules have no docstring: {undocumented}"
