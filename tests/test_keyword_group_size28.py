"""A group's "size" in a keyword query is how many members it has (qkey28).

"p4h network size members" listed the members (the plural read as the asked end) and "p4h network
size" found nothing: "size" after a network, a membership, a board or a staff is the count of its
members, the keyword form of "how many members" (app.qa.form.keyword_order).  A size said first of
an amount ("size eu envelope ...") is that amount, read by the measure rules.

The real engine over the real build; the count is the one the graph holds for the initiative.
"""
from __future__ import annotations

import re

import pytest

from app.qa.form.keyword_order import question_word_first


def test_group_size_is_a_count_of_members():
    assert question_word_first("atlantis network size") == "how many atlantis network members"
    assert question_word_first("atlantis network size members") == "how many atlantis network members"
    assert question_word_first("atlantis membership size") == "how many atlantis membership"
    assert question_word_first("atlantis staff size") == "how many atlantis staff"
    assert question_word_first("size atlantis envelope") == "size atlantis envelope"


def test_network_size_in_any_order(engine):
    stated = []
    for e in engine.k.of_type("Initiative"):
        label = engine.k.label(e["id"])
        acronyms = [n for n in engine.k.names(e["id"]) if n and n.isupper() and n.isalnum() and 2 <= len(n) <= 6]
        if not acronyms or not label.lower().endswith("network"):
            continue
        for f in engine.k.facts_where(subject=e["id"], predicate="hasQuantity"):
            m = re.match(r"(\d+)\s+members\b", engine.k.label(f["object"]) or "")
            if m:
                stated.append((acronyms[0].lower(), m.group(1)))
    if not stated:
        pytest.skip("no abbreviated network with a stated number of members")
    for acronym, n in stated:
        for q in (f"{acronym} network size", f"{acronym} network size members"):
            got = [a["label"] for a in engine.ask(q)["answers"]]
            assert got and re.sub(r"\D", "", got[0]) == n, q
