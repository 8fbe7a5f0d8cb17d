"""The kind of organisation a question asks for, by the build's organisation roles
(app/qa/relation/role_kinds.py, phrases declared in graph.vocab.ORG_ROLE_PHRASES)."""
from __future__ import annotations

import pytest

from app.qa.relation.role_kinds import asked_role, of_role
from graph.vocab import ORG_ROLE_LABELS, ORG_ROLE_PHRASES


def test_every_declared_role_phrase_belongs_to_a_declared_role():
    assert set(ORG_ROLE_PHRASES) <= set(ORG_ROLE_LABELS)
    for role, phrases in ORG_ROLE_PHRASES.items():
        assert phrases and all(p.strip() for p in phrases), role


@pytest.mark.parametrize("question, role", [
    ("zambia un agency partners", "un_agency"),
    ("Which UN agencies did the ILO work with in Zambia?", "un_agency"),
    ("Which United Nations agencies are members of the board?", "un_agency"),
    ("which development banks worked with the ILO in Tajikistan", "ifi"),
    ("which private sector funders support Kenya", "private_company"),
    ("Which workers' organisations took part?", "social_partner"),
])
def test_a_role_that_heads_the_asked_phrase_is_asked(question, role):
    assert asked_role(question) == role


@pytest.mark.parametrize("question", [
    "Apart from the bilateral donors, who funds Kenya?",  # set aside, not asked
    "Does a private company fund the ILO in Mozambique?",  # named as context
    "Which UN agencies and development banks worked in Jordan?",  # two roles: no single kind
    "Who funds the work in Jordan?",
])
def test_context_or_several_roles_ask_no_kind(question):
    assert asked_role(question) is None


def test_of_role_keeps_answers_when_the_build_knows_no_such_role():
    answers = [{"iri": "a", "label": "A"}, {"iri": "b", "label": "B"}]
    roles = {"a": "un_agency", "b": "bilateral_donor"}
    assert of_role(answers, "un_agency", roles.get) == answers[:1]
    assert of_role(answers, "foundation", roles.get) == answers  # silence is no reason to drop


def test_engine_keeps_the_partners_of_the_asked_role(engine):
    everyone = engine.ask("Which organisations did the ILO partner with in Zambia?")
    role_of = lambda iri: (engine.k.entity_by_iri(iri) or {}).get("role")
    un = {a["label"] for a in everyone["answers"] if role_of(a["iri"]) == "un_agency"}
    assert un and len(un) < len(everyone["answers"])
    for q in ("zambia un agency partners", "Which UN agencies did the ILO partner with in Zambia?"):
        assert {a["label"] for a in engine.ask(q)["answers"]} == un, q


def test_role_words_are_the_asked_phrase():
    from app.qa.relation.role_kinds import role_words

    assert role_words("Which UN agencies are members of the facility?") == "UN agencies"
    assert role_words("Apart from the bilateral donors, who funds Kenya?") == ""
