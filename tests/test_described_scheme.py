"""A country's scheme or programme asked by what it does, not by its name (app.qa.multihop.described_scheme).

The pure tests run over a made-up country ("Atlantis") and made-up schemes; the engine tests ask
questions written for these tests over the real build and check the kind of answer (the scheme
the graph places in the named country), with the expected scheme read from the graph by the words
of its own name, never typed in.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from app.qa.multihop.described_scheme import asked_head, described, label_asked
from app.qa.question import Link


@dataclass
class _P:
    text: str


@dataclass(eq=False)  # hashable by identity, as the real knowledge base is
class _K:
    """Just enough of app.knowledge.Knowledge for the step: entities, facts, passages."""
    entities: dict = field(default_factory=dict)
    facts: list = field(default_factory=list)
    passages: dict = field(default_factory=dict)

    def entity(self, eid):
        return self.entities.get(eid)

    def label(self, eid):
        return self.entities[eid]["label"]

    def names(self, eid):
        e = self.entities.get(eid) or {}
        return [e.get("label"), *e.get("alt_labels", [])] + ([e["acronym"]] if e.get("acronym") else [])

    def of_type(self, t):
        return [e for e in self.entities.values() if e["type"] == t]

    def facts_about(self, eid):
        return [f for f in self.facts if eid in (f["subject"], f["object"])]

    def facts_where(self, subject=None, predicate=None, obj=None):
        return [f for f in self.facts if (subject is None or f["subject"] == subject)
                and (obj is None or f["object"] == obj) and (predicate is None or f["predicate"] == predicate)]

    def passages_mentioning(self, eid):
        return [pid for pid, p in self.passages.items() if any(n and n in p.text for n in self.names(eid))]

    def passage(self, pid):
        return self.passages.get(pid)


def _scheme(key, label, country="ATL", acronym=None, alt=()):
    return {"id": f"Scheme:{key}", "type": "Scheme", "label": label, "acronym": acronym,
            "alt_labels": list(alt), "attrs": {"country": country}}


def _k() -> _K:
    k = _K()
    for e in [_scheme("dock", "Dockworkers Accident Scheme", acronym="DAS", alt=["Dockworkers Accident Scheme (DAS) Pilot"]),
              _scheme("elder", "Elder Grant", acronym="EG"),
              _scheme("fish", "Fishers Health Insurance Scheme", acronym="FHIS"),
              _scheme("other", "Harbour Pension Scheme", country="ELD")]:
        k.entities[e["id"]] = e
    k.entities["Country:ATL"] = {"id": "Country:ATL", "type": "Country", "label": "Atlantis", "alt_labels": [], "attrs": {}}
    k.passages["p1"] = _P("Implemented by the Ports Agency, the Dockworkers Accident Scheme (DAS) Pilot was launched "
                          "in Atlantis in 2022 and covers crane operators after a workplace injury. The Elder Grant "
                          "pays a monthly benefit to people aged 75 and above. Fishing households now join the Fishers "
                          "Health Insurance Scheme, which pays for clinic visits.")
    return k


def _links(q: str, spans: dict[str, list[str]]) -> list[Link]:
    out = []
    for surface, ids in spans.items():
        i = q.lower().index(surface.lower())
        out.append(Link(i, i + len(surface), q[i:i + len(surface)], ids))
    return out


def _a(q: str, spans: dict[str, list[str]]):
    from app.qa.question import Analysis
    a = Analysis(question=q, answer_type="Text")
    a.links = _links(q, spans)
    return a


@pytest.mark.parametrize("q, expected", [
    ("atlantis crane workplace injury pilot name", "Scheme:dock"),
    ("Atlantis dock accident pilot run by the Ports Agency - what's it called?", "Scheme:dock"),
    ("Which benefit does Atlantis pay to people aged 75 and above?", "Scheme:elder"),
    ("atlantis monthly benefit older people grant", "Scheme:elder"),
    ("What is the health insurance scheme that fishing households in Atlantis join?", "Scheme:fish"),
    ("which insurance scheme did atlantis open to fishing households for clinic visits", "Scheme:fish"),
    # "whose" opens a relative clause on the kind noun: the scheme is still what is asked
    ("What's the Atlantis insurance scheme whose fishing households get clinic visits?", "Scheme:fish"),
])
def test_a_described_scheme_of_the_named_country_is_found(q, expected):
    got = described(_a(q, {"atlantis": ["Country:ATL"]}), _k())
    assert got is not None and got[0] == expected


@pytest.mark.parametrize("q", [
    "atlantis crane workplace injury pilot launch year",       # a year asked
    "atlantis elder grant recipients",                        # a figure asked (the tail is no scheme noun)
    "How many crane operators does the Atlantis pilot cover?",
    "Which fund pays the elder grant in Atlantis?",            # an institution asked
    "Which schemes does Atlantis run?",                        # several asked: the usual list step
    "atlantis scheme name",                                    # nothing says which one
    "Who runs the dock accident pilot in Atlantis?",
    "Whose pilot covers crane operators in Atlantis?",        # "whose" asks the owner
])
def test_questions_asking_something_else_are_left_alone(q):
    assert described(_a(q, {"atlantis": ["Country:ATL"]}), _k()) is None


def test_another_countrys_scheme_is_never_the_answer():
    q = "atlantis harbour pension scheme name"
    assert described(_a(q, {"atlantis": ["Country:ATL"]}), _k()) is None


def test_a_scheme_the_question_names_is_context_not_the_answer():
    # the Elder Grant is said; the other scheme of the country the sentence describes is asked
    q = "Which insurance scheme did Atlantis extend to Elder Grant households for clinic visits?"
    got = described(_a(q, {"atlantis": ["Country:ATL"]}), _k())
    assert got is not None and got[0] == "Scheme:fish"


def test_the_acronym_is_the_label_when_asked():
    k = _k()
    assert label_asked("atlantis elder grant acronym", k, "Scheme:elder") == "EG"
    assert label_asked("atlantis elder grant name", k, "Scheme:elder") is None


@pytest.mark.parametrize("q, head", [
    ("which health insurance scheme did it extend", "scheme"),
    ("What is the name of the joint programme Atlantis launched", "programme"),
    ("what was that allowance called", "allowance"),
    ("Which scheme's coverage did it extend", None),
    ("which two pension-related schemes did it review", None),
    ("What is the health insurance fund that replaced it", None),
    ("What's the cash transfer programme whose households joined", "programme"),  # "what's", then a relative clause
])
def test_the_asked_noun_is_the_last_of_the_phrase(q, head):
    assert asked_head(q) == head


def test_a_name_is_also_found_with_a_word_before_its_kind_noun():
    from app.qa.multihop.described_scheme import _cores

    assert _cores(["Estidama++ programme", "Haba Haba scheme"]) == ["Estidama++", "Haba Haba"]
    assert _cores(["National Social Protection Programme"]) == []  # nothing of its own is left
    assert _cores(["Pilot programme"]) == []
    assert _cores(["old-age pension scheme"]) == []  # an everyday phrase, said of other schemes too


def _k_with_system() -> _K:
    k = _k()
    e = _scheme("civil", "Compulsory Health Insurance System", acronym="CHIS")
    k.entities[e["id"]] = e
    return k


@pytest.mark.parametrize("q", [
    "atlantis compulsory health insurance system for civil servants",   # kind noun, then for whom
    "atlantis compulsory health insurance system name",                 # "system" is a kind noun
])
def test_a_keyword_query_naming_a_scheme_by_its_kind_noun_asks_for_it(q):
    got = described(_a(q, {"atlantis": ["Country:ATL"], "compulsory health insurance system": ["Scheme:civil"]}),
                    _k_with_system())
    assert got is not None and got[0] == "Scheme:civil"


def test_a_named_scheme_is_found_without_a_country_the_linker_knows():
    # "Atlantide" is not linked: the scheme's own name says which one
    q = "Atlantide compulsory health insurance system name"
    got = described(_a(q, {"compulsory health insurance system": ["Scheme:civil"]}), _k_with_system())
    assert got is not None and got[0] == "Scheme:civil"


@pytest.mark.parametrize("q", [
    "atlantis compulsory health insurance system for civil servants contribution rates",  # a fact after the tail
    "atlantis compulsory health insurance system for civil servants number",              # a figure asked
    "Which fund runs the compulsory health insurance system for civil servants in Atlantis?",  # the fund asked
])
def test_a_for_tail_that_asks_a_fact_is_left_alone(q):
    got = described(_a(q, {"atlantis": ["Country:ATL"], "compulsory health insurance system": ["Scheme:civil"]}),
                    _k_with_system())
    assert got is None


def test_a_named_scheme_of_another_country_is_not_the_answer():
    q = "atlantis harbour pension scheme for dockers"
    assert described(_a(q, {"atlantis": ["Country:ATL"], "harbour pension scheme": ["Scheme:other"]}), _k()) is None


# -- over the real build -------------------------------------------------------------------------
def _placed_scheme(engine, iso: str, word: str) -> str:
    """The one scheme the graph places in `iso` whose name holds `word` (read from the graph)."""
    k = engine.k
    hits = [e["id"] for e in k.of_type("Scheme") if (e.get("attrs") or {}).get("country") == iso
            and any(word in n.lower() for n in k.names(e["id"]))]
    assert len(hits) == 1, hits
    return hits[0]


@pytest.mark.parametrize("q, iso, word", [
    ("bangladesh garment workers work-accident pilot name", "BGD", "injury"),
    ("Bangladesh RMG sector pilot run by ILO and GIZ - what's it called?", "BGD", "injury"),
    ("What was the pilot the ILO and GIZ launched in Bangladesh for garment workers called?", "BGD", "injury"),
    ("egypt refugees health insurance scheme acronym", "EGY", "universal"),
    # a keyword query naming the scheme, its kind noun "system" followed by whom it covers
    ("drc mandatory health insurance system for state employees", "COD", "mandatory"),
    # the sentence that describes it writes "the donor-supported Estidama++ pilot programme"
    ("What is the name of Jordan's donor-supported pilot that the SSC closed to registrations in January 2025?",
     "JOR", "estidama"),
])
def test_engine_answers_the_described_scheme(engine, q, iso, word):
    want = _placed_scheme(engine, iso, word)
    got = engine.ask(q)
    assert [a["iri"].rsplit("/", 1)[-1] for a in got["answers"]] and got["answer_type"] == "Scheme"
    assert [a["label"] for a in got["answers"]] in ([engine.k.label(want)], [engine.k.entity(want)["acronym"]])


@pytest.mark.parametrize("q", [
    "bangladesh employment injury pilot launch year",
    "bangladesh employment injury pilot ilo convention",
])
def test_engine_leaves_other_asks_of_a_described_scheme_alone(engine, q):
    got = engine.ask(q)
    assert got["answer_type"] != "Scheme"
