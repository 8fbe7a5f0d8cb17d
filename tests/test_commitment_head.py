"""A membership qualifier asked by its head noun alone takes every qualifier built on it: "countries
that confirmed a Global Accelerator commitment" are those whose statement says they committed (role
``committed``) or joined by any kind of commitment ("commitment", "high-level commitment"), not only
those whose means is the bare word (app/qa/constraints/qualified_members.py, ``_picked``).  A question
that says the modifier too ("through a high-level commitment") still takes that kind only."""
from __future__ import annotations

from app.qa.constraints.qualified_members import _picked, _qual_words, _words

_QUALS = {("role", "committed"), ("role", "member"), ("joinedBy", "commitment"),
          ("joinedBy", "high-level commitment"), ("joinedBy", "letter")}


def test_a_participle_role_is_also_named_by_its_noun():
    assert _words("commitment") <= _qual_words(("role", "committed"))
    assert _words("endorsement") <= _qual_words(("role", "endorsed"))
    assert not _words("commitment") <= _qual_words(("joinedBy", "letter"))


def test_the_head_noun_alone_takes_every_qualifier_built_on_it():
    got = _picked(_QUALS, _words("which countries confirmed a commitment to the initiative"))
    assert got == sorted({("role", "committed"), ("joinedBy", "commitment"), ("joinedBy", "high-level commitment")})


def test_the_modified_noun_takes_that_kind_only():
    got = _picked(_QUALS, _words("which countries joined through a high-level commitment"))
    assert got == [("joinedBy", "high-level commitment")]


def _members_by_commitment(k) -> set[str]:
    out = set()
    for f in k.facts_where(predicate="memberOf"):
        at = f.get("attrs") or {}
        if "accelerator" in k.label(f["object"]).lower() and (
                at.get("role") == "committed" or "commitment" in (at.get("means") or "")):
            out.add(f["subject"])
    return out


def test_funded_members_that_confirmed_a_commitment(engine):
    k = engine.k
    mul = {f["subject"] for f in k.facts_where(predicate="fundedBy")
           if "multi-donor" in k.label(f["object"]).lower() and f["subject"].startswith("Country:")}
    want = {k.label(c) for c in mul & _members_by_commitment(k)}
    # the bare means alone would keep only members whose means is the word "commitment"
    bare = {k.label(f["subject"]) for f in k.facts_where(predicate="memberOf")
            if (f.get("attrs") or {}).get("means") == "commitment"}
    assert len(want) >= 2 and want != bare & want
    got = engine.ask("Which countries that the Multi-donor Programme funds also confirmed a Global Accelerator commitment?")
    assert {a["label"] for a in got["answers"]} == want
    assert any("committed, or joined by" in p for p in got["path"])


def test_a_pathfinder_that_joined_through_a_commitment(engine):
    k = engine.k
    central = {k.label(c) for c in _members_by_commitment(k) if k.label(c) in {"Uzbekistan", "Kazakhstan", "Tajikistan",
                                                                                 "Kyrgyzstan", "Turkmenistan"}}
    assert central
    got = engine.ask("Which country in Central Asia joined the Global Accelerator as a pathfinder through a "
                     "commitment by its Prime Minister?")
    assert {a["label"] for a in got["answers"]} == central
