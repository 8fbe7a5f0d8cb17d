"""'What is X?' answers X itself, typed as what it is, with the sentence that says what it is
(app.qa.things.definition); a definition of something the report never names answers nothing."""

from types import SimpleNamespace

import pytest

from app.qa.things.definition import absent_object, asked_entity, defining_sentence
from app.qa.question import Link


def _exists(_eid: str) -> bool:
    return True


def _links(question: str, spans: dict[str, list[str]]) -> list[Link]:
    out = []
    for surface, ids in spans.items():
        i = question.index(surface)
        out.append(Link(i, i + len(surface), surface, ids))
    return out


@pytest.mark.parametrize("question,surface", [
    ("What is the Atlantis Accelerator?", "Atlantis Accelerator"),
    ("what is AAX", "AAX"),
    ("what's the AAX network", "AAX"),
    ("Could you tell me, as a newcomer, what the Atlantis Accelerator actually is?", "Atlantis Accelerator"),
    ("Explain the Atlantis Accelerator", "Atlantis Accelerator"),
    ("what does the AAX do?", "AAX"),
])
def test_definitional_frames_name_the_one_entity(question, surface):
    got = asked_entity(question, _links(question, {surface: ["Initiative:aax"]}), _exists)
    assert got is not None and got.entity_id == "Initiative:aax" and got.place is None


def test_a_country_may_place_the_defined_thing():
    q = "What is the Haba scheme in Atlantis?"
    got = asked_entity(q, _links(q, {"Haba scheme": ["Scheme:x-haba"], "Atlantis": ["Country:ATL"]}), _exists)
    assert got is not None and got.entity_id == "Scheme:x-haba" and got.place == "Country:ATL"


@pytest.mark.parametrize("question,spans", [
    ("What is the name of the Atlantis Accelerator's fund?", {"Atlantis Accelerator": ["Initiative:aax"]}),
    ("What is the total funding of the Atlantis Accelerator?", {"Atlantis Accelerator": ["Initiative:aax"]}),
    ("What are the members of the AAX?", {"AAX": ["Initiative:aax"]}),
    ("What is the AAX's role in Atlantis?", {"AAX": ["Initiative:aax"], "Atlantis": ["Country:ATL"]}),
    ("What is Atlantis?", {"Atlantis": ["Country:ATL"]}),
    ("What is AAX and BBX?", {"AAX": ["Initiative:aax"], "BBX": ["Initiative:bbx"]}),
    ("Which countries joined the AAX?", {"AAX": ["Initiative:aax"]}),
    ("What is SOCPRO?", {}),
])
def test_other_questions_are_no_definitions(question, spans):
    assert asked_entity(question, _links(question, spans), _exists) is None


def _toy_knowledge(texts: dict[str, tuple[str, list[str]]]):
    passages = {pid: SimpleNamespace(text=t, kind="paragraph", section_path=path) for pid, (t, path) in texts.items()}
    return SimpleNamespace(names=lambda eid: ["Atlantis Network", "AN"], passages_mentioning=lambda eid: list(passages),
                           passage=passages.get)


def test_the_defining_sentence_is_the_one_with_a_copula_or_apposition():
    k = _toy_knowledge({
        "p1": ("In 2024 the ILO worked with the Atlantis Network on three studies across the region.", ["Results"]),
        "p2": ("Much was done. The ILO expanded its work with AN, a network of public bodies working on health "
               "protection in the region. More followed.", ["Partnerships"]),
    })
    pid, s, e = defining_sentence("Initiative:an", k)
    assert pid == "p2" and k.passage(pid).text[s:e].startswith("The ILO expanded its work with AN, a network")


def test_a_section_titled_by_the_name_is_preferred():
    k = _toy_knowledge({
        "p1": ("Through projects such as the Atlantis Network, the ILO is able to multiply its impact everywhere.", ["Intro"]),
        "p2": ("The Atlantis Network has been established to foster collaboration on health financing in the region.",
               ["Partnerships", "Atlantis Network (AN)"]),
    })
    assert defining_sentence("Initiative:an", k)[0] == "p2"


def _linked_alone(engine, surface: str, eid: str) -> bool:
    links = engine.lexicon.link(f"What is {surface}?")
    return len(links) == 1 and links[0].ids == [eid]


def test_what_is_an_initiative_answers_the_initiative_with_its_sentence(engine):
    cases = [(e["id"], n) for e in engine.k.of_type("Initiative") for n in [e.get("acronym")]
             if n and len(n) >= 3 and _linked_alone(engine, n, e["id"])]
    assert len(cases) >= 3
    for eid, acronym in cases:
        for q in (f"What is {acronym}?", f"what's the {acronym}", f"Could you tell me, briefly, what {acronym} actually is?"):
            res = engine.ask(q)
            assert res["answer_type"] == "Initiative", q
            assert [a["iri"] for a in res["answers"]] == [engine.k.iri(eid)], q
            ev = res["answers"][0]["evidence"]
            assert ev and res["citations"]["1"] == ev[0]["passage_id"]
            s, e = ev[0]["highlights"][0]
            assert ev[0]["text"][s:e].strip() in res["answer_text"], q


def test_what_is_a_scheme_or_publication_is_typed_as_one(engine):
    for type_ in ("Scheme", "Publication"):
        cases = [(e["id"], e["label"]) for e in engine.k.of_type(type_)
                 if len(e["label"]) < 60 and _linked_alone(engine, e["label"], e["id"])][:3]
        assert cases, type_
        for eid, label in cases:
            res = engine.ask(f"What is {label}?")
            assert res["answer_type"] == type_ and [a["iri"] for a in res["answers"]] == [engine.k.iri(eid)]


def test_what_is_something_the_report_never_names_answers_nothing(engine):
    for q in ("What is the Zorblax Facility?", "what is QWXZ?"):
        res = engine.ask(q)
        assert res["answers"] == [] and "does not mention" in res["message"] and res["passages"]


def test_an_unlinked_name_in_a_definition_is_absent_only_when_no_report_word():
    vocab = {"socpro", "facility", "global"}
    assert absent_object("What is the Zorblax Facility?", [], vocab) == "the Zorblax Facility"
    assert absent_object("what is QWXZ?", [], vocab) == "QWXZ"
    assert absent_object("What is SOCPRO?", [], vocab) is None  # a report word: left to the engine
    assert absent_object("What is the name of Zorblax?", [], vocab) is None  # no definition asked


# -- the name asked of a described thing (round 24): "what is the name of <description>" -----------
@pytest.mark.parametrize("question,surface", [
    ("what is the name of the atlantis jobs accelerator", "atlantis jobs accelerator"),
    ("name of the atlantis jobs accelerator", "atlantis jobs accelerator"),
    ("what do they call the atlantis jobs accelerator?", "atlantis jobs accelerator"),
    ("atlantis jobs accelerator - what's it called?", "atlantis jobs accelerator"),
])
def test_the_name_of_a_described_thing_is_that_thing(question, surface):
    got = asked_entity(question, _links(question, {surface: ["Initiative:aax"]}), _exists)
    assert got is not None and got.entity_id == "Initiative:aax"


def test_a_named_description_may_go_on_in_the_words_the_report_defines_it_with():
    q = "global network of cooperation agencies for health financing - what's it called?"
    links = _links(q, {"global network of cooperation agencies": ["Initiative:aax"]})
    defines = lambda eid, w: w in {"health", "financing"}
    got = asked_entity(q, links, _exists, defines)
    assert got is not None and got.entity_id == "Initiative:aax"
    assert asked_entity(q.replace("health financing", "fishing boats"), _links(
        q.replace("health financing", "fishing boats"), {"global network of cooperation agencies": ["Initiative:aax"]}),
        _exists, defines) is None


def test_the_name_of_something_a_thing_has_is_not_the_thing():
    q = "what is the name of the atlantis jobs accelerator's fund"
    assert asked_entity(q, _links(q, {"atlantis jobs accelerator": ["Initiative:aax"]}), _exists) is None


@pytest.mark.parametrize("question,expected", [
    ("global network of technical cooperation agencies for social health protection and health financing - "
     "what's it called?", "p4h"),
    ("what is the name of the global partnership for universal social protection", "usp2030"),
])
def test_engine_answers_the_described_initiative_by_its_name(engine, question, expected):
    out = engine.ask(question)
    assert [x["label"] for x in out["answers"]] and all(expected in x["label"].lower() for x in out["answers"])
