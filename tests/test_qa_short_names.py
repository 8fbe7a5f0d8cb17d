"""Named things in answers carry the name readers use beside the graph's label (round 12, qlook12).

An organisation is labelled by its expansion ("United Nations Children's Fund") while the report
and its readers write its acronym; an initiative's label drops the acronym the report writes in
parenthesis ("Digital Convergence Initiative (DCI)").  ``app.qa.things.written_names.short_name`` gives that
form; answers carry it as ``name``.  The pure pieces run on invented entities; the engine tests ask
questions written for these tests over the real build, with the expected names read from the graph.
"""
from __future__ import annotations

import pytest

from app.qa.things.written_names import add_full_names, short_name


# -- pure pieces ------------------------------------------------------------------------------------
@pytest.mark.parametrize("entity, name", [
    ({"type": "Organization", "label": "Northern Relief Agency", "acronym": "NRA", "alt_labels": []}, "NRA"),
    ({"type": "Initiative", "label": "Harbour Data Initiative", "acronym": "HDI",
      "alt_labels": ["HDI", "Harbour Data Initiative (HDI)"]}, "Harbour Data Initiative (HDI)"),
    ({"type": "Initiative", "label": "Tidal Network", "acronym": "TN", "alt_labels": []}, "TN"),
])
def test_an_expanded_label_gets_the_short_name(entity, name):
    assert short_name(entity) == name


@pytest.mark.parametrize("entity", [
    {"type": "Organization", "label": "Regular Budget Supplementary Account (RBSA)", "acronym": "RBSA"},
    {"type": "Initiative", "label": "TRANSFORM", "acronym": "TRANSFORM"},
    {"type": "Organization", "label": "Orbit Bank", "acronym": None},
])
def test_a_label_holding_its_acronym_or_without_one_gets_none(entity):
    assert short_name(entity) is None


class _K:
    def __init__(self, ents):
        self.by_iri = ents

    def entity_by_iri(self, iri):
        return self.by_iri.get(iri)


def test_only_answers_of_the_entitys_own_type_are_named():
    k = _K({"o": {"type": "Organization", "label": "Northern Relief Agency", "acronym": "NRA"}})
    answers = [{"label": "Northern Relief Agency", "iri": "o", "type": "Organization"},
               {"label": "Northern Relief Agency", "iri": "o", "type": "Initiative"}]
    add_full_names(answers, k)
    assert answers[0]["name"] == "NRA" and "name" not in answers[1]


# -- engine, real build -----------------------------------------------------------------------------
def _partner_with_acronym(engine):
    """A country and an organisation the graph says the ILO partners with there, whose label is
    the expansion of an acronym the label does not hold."""
    k = engine.k
    for f in k.facts_where(predicate="partneredWith"):
        if not (f["subject"].startswith("Country:") and f["object"].startswith("Organization:")):
            continue
        ent = k.entity(f["object"])
        if ent.get("acronym") and short_name(ent) == ent["acronym"] and ent.get("role") == "un_agency":
            return k.label(f["subject"]), ent
    pytest.skip("no UN agency with an acronym partners in a country of this build")


@pytest.mark.parametrize("form", ["Who does the ILO work with in {c}?", "{c} partners", "which agencies partner with the ILO in {c}"])
def test_an_organisation_answer_carries_its_acronym(engine, form):
    country, ent = _partner_with_acronym(engine)
    got = [x for x in engine.ask(form.format(c=country))["answers"] if x.get("iri", "").endswith("/" + ent["key"])]
    assert got and got[0]["label"] == ent["label"] and got[0]["name"] == ent["acronym"]


@pytest.mark.parametrize("label, title", [
    ("Tidal savings: Regional estimates and strategies for coastal states", None),  # main title under three words
    ("Paying for harbour pensions: What role for ports?", "Paying for harbour pensions"),
    ("Report: Harbour pensions in 2030", None),
    ("Harbour pensions in review", None),
])
def test_a_publication_is_also_named_by_its_main_title(label, title):
    from app.qa.things.written_names import main_title
    assert main_title({"label": label}) == title


def test_a_publication_answer_carries_its_main_title(engine):
    from app.qa.things.written_names import main_title
    k = engine.k
    pub = next((e for e in k.entities.values() if e["type"] == "Publication" and main_title(e)), None)
    if pub is None:
        pytest.skip("no publication with a subtitle in this build")
    answers = [{"label": pub["label"], "iri": engine._answer_dict(pub["id"], 1.0, [])["iri"], "type": "Publication"}]
    add_full_names(answers, k)
    assert answers[0]["name"] == main_title(pub) and answers[0]["label"] == pub["label"]
