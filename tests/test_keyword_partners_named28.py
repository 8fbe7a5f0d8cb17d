"""Keyword queries whose asked noun sits in the middle or opens on a dropped "which" (qkey28).

- "with foundation ilo assess ...", "with union confederation ilo organise ...": a partner body
  after an opening "with" is asked, as "with which ..." (app.qa.form.keyword_heads), unless the
  query names countries, which are then the asked kind;
- "members p4h network named who", "... co-chairs named": a plural end noun with "named" / "listed"
  asks for the things listed, not for a name read off a sentence (app.qa.topics.spans,
  app.qa.form.query_tail).

The real engine over the real build; what is asked is built from the graph's own facts.
"""
from __future__ import annotations

import pytest

from app.qa.form.keyword_order import question_word_first
from app.qa.form.query_tail import without_tail
from app.qa.topics.spans import asked_span
from tests.support.engine import answer_ids


def test_with_a_partner_body_first_asks_it():
    assert question_word_first("with foundation ilo assess atlantis pension scheme") == \
        "with which foundation ilo assess atlantis pension scheme"
    assert question_word_first("with union confederation ilo organise 3rd meeting workers network").startswith(
        "with which union confederation")
    # countries named later are the asked kind; a description without a body is left alone
    assert "which" not in question_word_first("with un agency ilo partner refugee inclusion countries outside africa")
    assert "which" not in question_word_first("with eu funding countries africa")


def test_listed_end_nouns_are_no_name_cue():
    assert asked_span("members atlantis network named who", [(8, 23)]) is None
    assert asked_span("who members atlantis network named", [(12, 27)]) is None
    assert without_tail("atlantis working group co-chairs named") == "atlantis working group co-chairs"
    assert without_tail("bill named") == "bill named"  # a singular's "named" asks its name


def _initiatives_with_members(engine):
    """Initiatives the report abbreviates, each with three or more members in the graph: (the
    acronym, with the kind noun its name ends on, e.g. "network"; the member ids)."""
    out = []
    for e in engine.k.of_type("Initiative"):
        acronyms = [n for n in engine.k.names(e["id"]) if n and n.isupper() and n.isalnum() and 2 <= len(n) <= 6]
        members = {f["subject"] for f in engine.k.facts_where(predicate="memberOf", obj=e["id"])}
        last = engine.k.label(e["id"]).split()[-1].lower()
        if acronyms and len(members) >= 3:
            out.append((f"{acronyms[0].lower()} {last}" if last in ("network", "partnership", "initiative") else
                        acronyms[0].lower(), members))
    if not out:
        pytest.skip("no abbreviated initiative with three members")
    return out


def test_members_named_in_any_order(engine):
    for name, members in _initiatives_with_members(engine):
        plain = answer_ids(engine, engine.ask(f"{name} members"))
        if not plain or not plain <= members:
            continue  # a list the plain query does not give is not this test's
        for q in (f"members {name} named who", f"who members {name} named"):
            assert answer_ids(engine, engine.ask(q)) == plain, q


def test_languages_said_first_are_asked():
    asked = asked_span("languages atlantis new portal available")
    assert asked is not None and asked.kind == "language"
    assert asked_span("languages of atlantis") is None or asked_span("languages of atlantis").kind == "language"


def test_languages_first_in_the_engine(engine):
    from tests.support.engine import passage_with

    _, m = passage_with(engine, r"launched an? multilingual ([A-Z][\w ]+?) available in (\w+), (\w+),? and (\w+)")
    res = engine.ask(f"languages new {m.group(1).lower()} available")
    assert {a["label"] for a in res["answers"]} == {m.group(2), m.group(3), m.group(4)}


def test_author_instrument_opening_is_asked():
    assert question_word_first("ilo convention atlantis injury scheme pilot aligned with").startswith("which ilo convention")
    assert question_word_first("ilo convention 102 ratified 2024") == "ilo convention 102 ratified 2024"


def test_author_instrument_opening_in_the_engine(engine):
    # a scheme written in line with a numbered ILO convention: asked with the convention first
    from tests.support.engine import passage_with

    _, m = passage_with(engine, r"the ([A-Z][\w ]+?) \(\w+\) Pilot was launched in ([A-Z]\w+)[^.]*?in line with "
                                r"international standards and ILO [\w ]+? Convention, \d{4}[^(]*\(No\. (\d+)\)")
    res = engine.ask(f"ilo convention {m.group(2).lower()} {m.group(1).lower()} pilot aligned with")
    got = [a["label"] for a in res["answers"]]
    assert got and got[0].endswith(f"No. {m.group(3)}")
