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


def test_a_kind_set_aside_is_named_after_the_setting_aside_word():
    from app.qa.relation.role_kinds import set_aside_role

    assert set_aside_role("Besides the EU, and setting aside the national social security institution itself, "
                          "who else helped finance the work in Jordan?") == "national_institution"
    assert set_aside_role("Who funds the work in Kenya?", ["private companies"]) == "private_company"
    assert set_aside_role("Which UN agencies worked in Zambia?") is None  # asked, not set aside


def test_engine_leaves_out_the_funders_of_a_kind_set_aside(engine):
    role_of = lambda iri: (engine.k.entity_by_iri(iri) or {}).get("role")
    # a country with a private company among several funders (read from the graph)
    for c in sorted({f["subject"] for f in engine.k.facts_where(predicate="fundedBy") if f["subject"].startswith("Country:")}):
        funders = {f["object"] for f in engine.k.facts_where(subject=c, predicate="fundedBy")}
        roles = [(engine.k.entity(f) or {}).get("role") for f in funders]
        if "private_company" in roles and len(set(roles)) > 1:
            break
    else:
        raise AssertionError("no country funded by a private company among others")
    name = engine.k.label(c)
    every = engine.ask(f"Who funds the work in {name}?")["answers"]
    rest = engine.ask(f"Apart from private companies, who funds the work in {name}?")["answers"]
    assert {a["label"] for a in rest} == {a["label"] for a in every if role_of(a["iri"]) != "private_company"}


def test_a_negated_government_type_sets_the_governments_aside():
    from app.qa.relation.role_kinds import set_aside_role

    for q in ("Which funders of the ILO's work in Atlantis are not governments?",
              "atlantis funders that aren't governments", "Which of Atlantis's funders are not countries?",
              "non-government funders of Atlantis", "atlantis non governmental donors"):
        assert set_aside_role(q) == "bilateral_donor", q
    for q in ("Which countries' governments fund Atlantis?", "Which funders are not in Atlantis?",
              "Which governments are not funders of Atlantis?"):
        assert set_aside_role(q) is None, q


def test_engine_answers_the_funders_that_are_not_governments(engine):
    """A country funded by governments and by other bodies (read from the graph): asked for its funders
    that are not governments, the engine gives the others, however the negation is written."""
    role_of = lambda iri: (engine.k.entity_by_iri(iri) or {}).get("role")
    for c in sorted({f["subject"] for f in engine.k.facts_where(predicate="fundedBy") if f["subject"].startswith("Country:")}):
        roles = [(engine.k.entity(f["object"]) or {}).get("role") for f in engine.k.facts_where(subject=c, predicate="fundedBy")]
        if roles.count("bilateral_donor") >= 2 and len(set(roles)) > 2:
            break
    else:
        raise AssertionError("no country funded by two governments and bodies of two other kinds")
    name = engine.k.label(c)
    every = engine.ask(f"Who funds the ILO's work in {name}?")["answers"]
    expected = {a["label"] for a in every if role_of(a["iri"]) != "bilateral_donor"}
    assert expected and len(expected) < len(every)
    for q in (f"Which funders of the ILO's work in {name} are not governments?", f"{name} funders that aren't governments",
              f"non-government funders of {name}"):
        got = engine.ask(q)
        assert {a["label"] for a in got["answers"]} == expected, (q, got.get("path"))


def test_social_security_bodies_are_national_institutions():
    from app.qa.relation.role_kinds import named_role

    assert named_role("In which countries do national social security bodies help pay for the ILO's work?") == "national_institution"
