"""Helpers for tests that ask the real engine about the bundled report without naming its facts."""
from __future__ import annotations

import re
from collections import defaultdict

import pytest

from graph import countries


def passage_with(engine, pattern: str):
    """The first passage whose text matches ``pattern`` and the match: questions are then built
    from what the report says, so the test holds on an altered report (or skips, saying why)."""
    rx = re.compile(pattern)
    for p in engine.k.passages.values():
        m = rx.search(p.text)
        if m:
            return p, m
    pytest.skip(f"the report has no passage matching {pattern!r}")


def answer_ids(engine, res) -> set[str]:
    """The knowledge-base ids of an answer's entities: tests compare these with ids computed from
    the facts directly, a route independent of the engine's SPARQL."""
    out = set()
    for a in res["answers"]:
        ent = engine.k.entity_by_iri(a["iri"]) if a.get("iri") else None
        if ent:
            out.add(ent["id"])
    return out


def funders_per_country(k) -> dict[str, set[str]]:
    """Each country's funders, read from the knowledge base's ``fundedBy`` facts."""
    out: dict[str, set[str]] = defaultdict(set)
    for f in k.facts:
        if f["predicate"] == "fundedBy" and f["subject"].startswith("Country:"):
            out[f["subject"]].add(f["object"])
    return out


def countries_per_government_funder(k) -> dict[str, set[str]]:
    """Each government funder (``Organization:gov-*``) and the countries it funds directly."""
    out: dict[str, set[str]] = {}
    for f in k.facts_where(predicate="fundedBy"):
        if f["subject"].startswith("Country:") and f["object"].startswith("Organization:gov-"):
            out.setdefault(f["object"], set()).add(f["subject"])
    return out


def pathfinder_sides(engine) -> tuple[str, str]:
    """A priority country that is a pathfinder and one that is not (``pathfinderOf`` facts); the test
    is skipped when the build has no country on one side."""
    out = {f["subject"] for f in engine.k.facts_where(predicate="pathfinderOf") if f["subject"].startswith("Country:")}
    priority = {e for e, ent in engine.k.entities.items() if ent["type"] == "Country" and ent["attrs"].get("priority")}
    inside, outside = sorted(out & priority), sorted(priority - out)
    if not inside or not outside:
        pytest.skip("no priority countries on both sides of the pathfinder list")
    return inside[0], outside[0]


def result_kinds(k, year: str) -> dict[str, set[str]]:
    """Each country's kinds of institutional result in ``year`` (``achievedResult`` facts)."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for f in k.facts:
        if f["predicate"] == "achievedResult" and str(f["attrs"].get("year")) == year:
            kinds[f["subject"]].add(f["attrs"]["result_type"])
    return kinds


def entry_countries_saying(engine, pattern: str) -> set[str]:
    """Countries whose own entry (section) writes a sentence matching ``pattern``."""
    rx = re.compile(pattern, re.I)
    out = set()
    for p in engine.k.passages.values():
        iso = engine.text._entry_country(p)
        if iso and rx.search(p.text):
            out.add(f"Country:{iso}")
    return out


def evidence_texts(res) -> list[str]:
    """Each answer's evidence quotes, joined: what a reader sees cited for it."""
    return [" ".join(e["text"] for e in a.get("evidence", [])) for a in res["answers"]]


def answer_labels(res) -> list[str]:
    return [a["label"] for a in res["answers"]]


def amount_value(label: str) -> float:
    """The number an answer's label writes, with its scale word ("1.2 million" -> 1200000.0)."""
    m = re.search(r"(\d[\d,]*(?:\.\d+)?)\s*(million|thousand)?", label)
    return float(m.group(1).replace(",", "")) * {"million": 1e6, "thousand": 1e3}.get(m.group(2) or "", 1)


def countries_saying(engine, pattern: str) -> set[str]:
    """Countries whose entry writes ``pattern`` (:func:`entry_countries_saying`), and those a
    sentence writing it names, wherever it stands (a thematic or partnership section)."""
    rx = re.compile(pattern, re.I)
    named = {f"Country:{iso}" for p in engine.k.passages.values() for s in re.split(r"(?<=[.!?])\s+", p.text)
             if rx.search(s) for *_, iso in countries.find_countries(s)}
    return entry_countries_saying(engine, pattern) | named

