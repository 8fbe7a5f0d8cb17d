"""Lookups of initiatives and schemes named the way readers name them (round 10, qlook10):
an initiative by its head noun ("the accelerator", app/qa/names/head_references.py), a membership under
discussion worded "in discussions about joining" (app/qa/constraints/qualified_members.py), and a scheme the
question names as given while asking for another (app/qa/things/label_words.py).

The pure pieces run on invented names and text.  The engine tests ask questions written for these
tests over the real build; expected answers come from the graph's own statements, never typed in.
"""
from __future__ import annotations

import pytest

from app.qa.names.head_references import head_noun, head_references
from app.qa.things.label_words import by_name_words, first_named, given_names
from app.qa.constraints.qualified_members import _PROSPECTIVE, _words


# -- pure pieces ------------------------------------------------------------------------------------
@pytest.mark.parametrize("name, head", [("Global Accelerator", "Accelerator"),
                                        ("Working Group on Climate Action", "Group"),
                                        ("Northern Savings Network (NSN)", "Network")])
def test_a_proper_name_has_its_head_noun(name, head):
    assert head_noun(name) == head


@pytest.mark.parametrize("name", ["TRANSFORM", "Global Drive to systematically promote the ratification of X",
                                  "temporary task team on two events"])
def test_one_word_names_and_descriptions_have_no_head(name):
    assert head_noun(name) is None


_ENTS = [("Initiative:a", "Initiative", ["Orbit Accelerator"]),
         ("Initiative:n1", "Initiative", ["Blue Network"]), ("Initiative:n2", "Initiative", ["Red Network"]),
         ("Initiative:b", "Initiative", ["Harbour Board"]), ("Organization:rb", "Organization", ["River Board"]),
         ("Initiative:f", "Initiative", ["Tidal Facility"])]


def test_a_unique_head_the_text_refers_back_to_names_its_initiative():
    text = ["Ten states joined the Accelerator, and the Network met; the Board approved it."]
    assert list(head_references(_ENTS, text)) == [("the accelerator", "Initiative:a")]


def test_a_head_shared_or_never_written_back_names_nothing():
    # "the Network" is two initiatives', "the Board" an organisation's too, "the facility" lower case
    text = ["the Network met; the Board approved; the facility opened. The Accelerator is new."]
    assert list(head_references(_ENTS, text)) == []  # the Accelerator only opens a sentence


def test_a_longer_name_with_the_same_head_is_not_a_reference_back():
    text = ["members took part in the Accelerator on Oceans and Seas"]
    assert list(head_references(_ENTS, text)) == []


@pytest.mark.parametrize("q", ["which states are in discussions about joining", "countries discussing membership",
                               "which governments are in talks", "states with an interest in joining"])
def test_words_for_a_membership_under_discussion_meet_the_question_words(q):
    assert _words(q) & _PROSPECTIVE


_LABELS = {"S:nhis": "National Health Insurance Scheme", "S:sct": "Social Cash Transfer programme",
           "S:opg": "Old Persons' Grant"}


@pytest.mark.parametrize("q, given", [
    ("In Freedonia, households enrolled in which programme were brought into the national health insurance?", "S:nhis"),
    ("what national scheme did Freedonia extend to social cash transfer households?", "S:sct"),
    ("Which benefit do social cash transfer households now get?", "S:sct")])
def test_a_scheme_named_outside_the_asked_phrase_is_given(q, given):
    assert given_names(list(_LABELS), q, _LABELS.get) == [given]
    assert given not in by_name_words(list(_LABELS), ["health", "insurance", "social", "cash"], _LABELS.get, q)


def test_a_scheme_asked_by_its_own_words_stays():
    q = "which freedonian health insurance scheme covers households?"
    assert given_names(list(_LABELS), q, _LABELS.get) == []
    assert by_name_words(list(_LABELS), ["health", "insurance"], _LABELS.get, q) == ["S:nhis"]


@pytest.mark.parametrize("q, head", [("freedonia health insurance scheme extended social cash transfer households", "S:nhis"),
                                     ("freedonia social cash transfer households national health insurance", "S:sct")])
def test_a_keyword_query_asks_for_the_scheme_it_names_first(q, head):
    assert first_named(list(_LABELS), q, _LABELS.get) == [head]


# -- engine, real build -----------------------------------------------------------------------------
def _labels(engine, q):
    return {x["label"] for x in engine.ask(q)["answers"]}


def _engaged(engine):
    """Countries the graph holds as in talks to join some initiative (status engagement-ongoing)."""
    k = engine.k
    by_init = {}
    for f in k.facts_where(predicate="partneredWith"):
        if (f.get("attrs") or {}).get("status") == "engagement-ongoing" and f["object"].startswith("Country:"):
            by_init.setdefault(f["subject"], set()).add(k.label(f["object"]))
    return by_init


@pytest.mark.parametrize("q", ["which countries are in discussions about joining the accelerator",
                               "Which governments are in talks to join the Accelerator?",
                               "Could you tell me which states are currently in discussions about joining the Global Accelerator?"])
def test_countries_in_talks_to_join_the_accelerator(engine, q):
    engaged = _engaged(engine)
    init = next(i for i in engaged if "accelerator" in engine.k.label(i).lower())
    assert _labels(engine, q) == engaged[init]


def test_the_scheme_asked_is_not_the_one_the_question_gives(engine):
    k = engine.k
    # a sentence of the build that names two schemes of one country, one extended to the other's households
    pairs = [(f["subject"]) for f in k.facts_where(predicate="schemeInCountry")]
    names = {i: k.label(i) for i in pairs}
    nhis = next(i for i, n in names.items() if n.lower().startswith("national health insurance"))
    sct = next(i for i, n in names.items() if "cash transfer" in n.lower())
    country = k.label(next(f["object"] for f in k.facts_where(subject=sct, predicate="schemeInCountry")))
    assert _labels(engine, f"In {country}, households enrolled in which programme were brought into the "
                           f"national health insurance?") == {names[sct]}
    assert _labels(engine, f"what national scheme did {country} extend to {names[sct]} households?") == {names[nhis]}


# -- definition questions ("what is the OPG") -------------------------------------------------------
def _scheme_with_acronym_and_country(k):
    for f in k.facts_where(predicate="schemeInCountry"):
        e = k.entity(f["subject"]) or {}
        if e.get("acronym") and e["acronym"].isupper():
            return f["subject"], e["acronym"], k.label(f["object"])
    raise AssertionError("no scheme with an acronym in the build")


@pytest.mark.parametrize("form", ["what is the {acr}", "What's the {acr}?", "tell me about the {acr}",
                                  "What is the {acr} in {country}?", "what exactly is the {acr} scheme"])
def test_a_definition_question_answers_the_thing_itself(engine, form):
    eid, acr, country = _scheme_with_acronym_and_country(engine.k)
    d = engine.ask(form.format(acr=acr, country=country))
    assert [x["iri"] for x in d["answers"]] == [engine.k.iri(eid)]
    assert d["answers"][0]["evidence"], "the describing sentences are its evidence"


@pytest.mark.parametrize("form", ["what is the {acr}'s monthly benefit", "what is the {acr} coverage in {country}",
                                  "what is the country of the {acr}"])
def test_a_question_asking_more_than_what_it_is_is_not_a_definition(engine, form):
    from app.qa.things.definition import defined_entity
    from app.qa.question import analyse
    eid, acr, country = _scheme_with_acronym_and_country(engine.k)
    assert defined_entity(analyse(form.format(acr=acr, country=country), engine.lexicon)) is None


# -- the convention a scheme follows ("which convention is the EIS pilot in line with") -----------
def _scheme_citing_an_instrument(k):
    from app.qa.things.scheme_instruments import cited_with
    for e in k.entities.values():
        if e["type"] == "Scheme" and e.get("acronym"):
            cited = cited_with(e["id"], k)
            if cited:
                return e, cited
    raise AssertionError("no scheme of the build is named beside an ILO instrument")


def test_the_instrument_is_read_from_the_sentence_naming_the_scheme(engine):
    k = engine.k
    e, cited = _scheme_citing_an_instrument(k)
    for i, pids in cited.items():
        sents = [k.passage(p).text for p in pids]
        assert any(any(n in t for n in k.names(i)) and any(n in t for n in k.names(e["id"])) for t in sents)


@pytest.mark.parametrize("form", ["which convention is the {acr} in line with", "{acr} convention",
                                  "Which ILO convention does the {label} follow?"])
def test_a_convention_asked_of_a_scheme_is_the_one_cited_beside_it(engine, form):
    k = engine.k
    e, cited = _scheme_citing_an_instrument(k)
    d = engine.ask(form.format(acr=e["acronym"], label=e["label"]))
    assert {x["iri"] for x in d["answers"]} == {k.iri(i) for i in cited}


# -- a scheme's own name without the kind noun ("Haba Haba" for the Haba Haba scheme) ---------------
@pytest.mark.parametrize("label, name", [("Harvest Savings scheme", "Harvest Savings"),
                                         ("Renda da Família program", "Renda da Família"),
                                         ("Micro-insurance programme", "Micro-insurance"),
                                         ("old-age pension scheme", None), ("National Pension Scheme", None),
                                         ("tailored literacy programmes", None)])
def test_a_proper_name_is_read_without_its_lower_case_kind_noun(label, name):
    from app.qa.things.written_names import proper_name
    assert proper_name({"label": label}) == name


def test_a_scheme_answer_carries_its_own_name_beside_its_label(engine):
    from app.qa.things.written_names import proper_name
    k = engine.k
    e = next(e for e in k.entities.values() if e["type"] == "Scheme" and proper_name(e) and not e.get("acronym"))
    country = k.label(next(f["object"] for f in k.facts_where(subject=e["id"], predicate="schemeInCountry")))
    d = engine.ask(f"{country} schemes")
    got = [x for x in d["answers"] if x["label"] == e["label"]]
    assert got and got[0]["name"] == proper_name(e)


# -- "<modifier> <noun> funds" ending a keyword query -----------------------------------------------
@pytest.mark.parametrize("q, blanked", [("freedonia non-contributory health coverage funds", True),
                                        ("freedonia health coverage funds?", True),
                                        ("which donors funds health coverage projects", False),
                                        ("health ministry funds the scheme", False)])
def test_funds_ending_a_noun_phrase_of_a_fund_word_are_a_noun(q, blanked):
    from app.qa.relation.fund_nouns import blank_fund_nouns
    assert ("funds" not in blank_fund_nouns(q, frozenset({"health", "insurance"}))) == blanked


@pytest.mark.parametrize("form", ["Is there a report on {title}?", "Does the report mention a publication on {title}?",
                                  "are there any reports about {title}"])
def test_asking_whether_a_named_publication_exists_answers_it(engine, form):
    k = engine.k
    # a publication whose title names a country: the template guess answered the country
    pub = next(e for e in k.entities.values() if e["type"] == "Publication" and
               k.facts_where(subject=e["id"], predicate="publicationAbout") and len(e["label"].split()) >= 5)
    d = engine.ask(form.format(title=pub["label"].lower()))
    assert [x["iri"] for x in d["answers"]] == [k.iri(pub["id"])]
