"""Variant names and keyword queries whose relation or direction only the graph can settle.

- initials typed with dots ("e.u.") link as the initials do (``app/qa/names/dotted_acronyms.py``);
- a country's adjective ("Kuwaiti") links to what its name links to, the government as funder too;
- a joint undertaking named by its partners' joined initials ("abc-xyz pilot countries") links to it
  (``app/qa/names/name_forms.py``: ``compound_stem``);
- "kuwaiti funding": the named end the graph holds facts for decides the direction
  (``app/qa/relation/grounded_direction.py``: ``reversed_direction``); "[fund] countries": the one relation
  the graph holds between the fund and countries (``held_relation``);
- "... join date": a date asked is its year; "albania convention 102 ratification": the type noun
  inside a name is no asking word, so the year is what is left to ask (``app/qa/relation/open_slot.py``).

Names in the pure tests are invented; the engine tests read their expected answers from the
knowledge base's facts (never typed from the report), so they hold on an altered report too.
"""
from __future__ import annotations

import re

import pytest

from app.qa.names.demonyms import IRREGULAR, demonym_country
from app.qa.names.dotted_acronyms import is_dotted, letter_key
from app.qa.names.name_forms import compound_stem
from tests.support.engine import answer_ids


# -- pure pieces ---------------------------------------------------------------------------------
@pytest.mark.parametrize("name, key", [("EU", ("e", "u")), ("UNDP", ("u", "n", "d", "p")), ("ILO", ("i", "l", "o")),
                                       ("Eu", None), ("EUROSTATS", None), ("ILO-IMF", None), ("E", None)])
def test_letter_key(name, key):
    assert letter_key(name) == key


@pytest.mark.parametrize("span, dotted", [("e.u.", True), ("E.U", True), ("u.n.d.p.", True), ("eu", False),
                                          ("e u", False), ("e-u", False)])
def test_is_dotted(span, dotted):
    assert is_dotted(span) is dotted


@pytest.mark.parametrize("name, stem", [("ABC-XYZ Partnership", "ABC-XYZ"), ("ABC-XYZ Collaboration", "ABC-XYZ"),
                                        ("AB-CD-EF Cooperation", "AB-CD-EF"), ("ABC-XYZ Working Group", None),
                                        ("Global Accelerator", None), ("ABC Partnership", None)])
def test_compound_stem(name, stem):
    assert compound_stem(name) == stem


# -- helpers over the knowledge base -------------------------------------------------------------
def _funded_by(k, funder: str) -> set[str]:
    return {f["subject"] for f in k.facts_where(obj=funder, predicate="fundedBy") if f["subject"].startswith("Country:")}


def _adjective(iso3: str, name: str) -> str | None:
    """A general-English adjective for the country that the demonym rules read back to it."""
    cands = [w for w, i in IRREGULAR.items() if i == iso3] + [name.lower() + s for s in ("i", "n", "ian", "ese", "ish")]
    return next((c for c in cands if " " not in c and demonym_country(c) == iso3), None)


# -- engine --------------------------------------------------------------------------------------
def test_dotted_initials_link_as_the_initials(engine):
    """An organisation named by initials that funds countries: the dotted spelling answers alike."""
    k = engine.k
    cases = []
    for eid, e in k.entities.items():
        if e["type"] != "Organization" or len(_funded_by(k, eid)) < 2:
            continue
        for n in k.names(eid):
            if letter_key(n) and len(engine.lexicon.names.get(tuple(n.lower().split()), ())) == 1:
                cases.append((eid, n))
    if not cases:
        pytest.skip("no funder named by initials")
    eid, initials = cases[0]
    dotted = ".".join(initials.lower()) + "."
    links = engine.lexicon.link(f"{dotted} funded countries")
    assert any(eid in l.ids for l in links)
    for q in (f"{dotted} funded countries", f"countries financed by the {dotted.upper()}", f"{dotted} funding recipients"):
        assert answer_ids(engine, engine.ask(q)) == answer_ids(engine, engine.ask(q.replace(dotted, initials.lower())
                                                                                       .replace(dotted.upper(), initials))), q
    # two loose letters are no initials
    assert not any(eid in l.ids for l in engine.lexicon.link(" ".join(initials.lower()) + " countries"))


def _funder_countries_without_funders(k):
    """(iso3, name, adjective, recipients) of donor countries the report gives no funder of."""
    out = []
    for eid, e in k.entities.items():
        if not eid.startswith("Organization:gov-"):
            continue
        iso = eid.split("gov-", 1)[1]
        country = f"Country:{iso}"
        recipients = _funded_by(k, eid)
        if not recipients or k.facts_where(subject=country, predicate="fundedBy") or country not in k.entities:
            continue
        adj = _adjective(iso, k.label(country) or "")
        if adj:
            out.append((iso, k.label(country), adj, recipients))
    return out


def test_adjective_of_a_donor_country_links_its_government(engine):
    cases = _funder_countries_without_funders(engine.k)
    if not cases:
        pytest.skip("no donor country with a regular adjective")
    for iso, _, adj, _ in cases[:3]:
        ids = {i for l in engine.lexicon.link(f"{adj} funding") for i in l.ids}
        assert {f"Country:{iso}", f"Organization:gov-{iso}"} <= ids


def test_unworded_direction_follows_the_graph(engine):
    """"<adjective> funding" / "<country> money": the country gives; "<country> funders" stays empty
    (the report names no funder of it: a negative keeps its empty answer)."""
    k = engine.k
    cases = [c for c in _funder_countries_without_funders(k)  # it funds countries and nothing else
             if all(f["subject"].startswith("Country:") for f in k.facts_where(obj=f"Organization:gov-{c[0]}", predicate="fundedBy"))]
    if not cases:
        pytest.skip("no donor country funding only countries")
    for iso, name, adj, recipients in cases[:3]:
        for q in (f"{adj} funding", f"{adj.capitalize()} money", f"{name.lower()} funding"):
            assert answer_ids(engine, engine.ask(q)) == recipients, q
        assert engine.ask(f"{name.lower()} funders")["answers"] == []


def test_fund_named_beside_countries_asks_the_relation_the_graph_holds(engine):
    """A pooled fund (an initiative) that funds countries and has no members: "[fund] countries"."""
    k = engine.k
    cases = []
    for eid, e in k.entities.items():
        if e["type"] != "Initiative":
            continue
        recipients = _funded_by(k, eid)
        ties = {f["predicate"] for f in k.facts_where(obj=eid) if f["subject"].startswith("Country:")}
        if len(recipients) >= 2 and ties == {"fundedBy"}:
            cases.append((eid, recipients))
    if not cases:
        pytest.skip("no fund tied to countries by funding alone")
    for eid, recipients in cases[:2]:
        for n in k.names(eid)[:2]:
            assert answer_ids(engine, engine.ask(f"{n.lower()} countries")) == recipients, n


def test_joint_undertaking_by_joined_initials(engine):
    k = engine.k
    cases = [(eid, compound_stem(n)) for eid, e in k.entities.items() if e["type"] == "Initiative"
             for n in k.names(eid) if compound_stem(n)]
    if not cases:
        pytest.skip("no initiative named by joined initials")
    for eid, stem in cases:
        for written in (stem.lower(), stem, stem.lower().replace("-", " ")):
            assert any(eid in l.ids for l in engine.lexicon.link(f"{written} pilot countries")), written


def test_date_and_named_convention_ask_the_year(engine):
    k = engine.k
    dated = [f for f in k.facts_where(predicate="pathfinderOf") if f["subject"].startswith("Country:")
             and (f.get("attrs") or {}).get("year")]
    if not dated:
        pytest.skip("no dated pathfinder")
    for f in dated[:2]:
        name = k.label(f["subject"]).lower()
        for q in (f"{name} pathfinder join date", f"{name} pathfinder date"):
            res = engine.ask(q)
            # a query closing on "date" asks the day where the evidence writes one ("20 February 2024"),
            # as "on what date" does: the year is the answer's value either way
            labels = [a["label"] for a in res["answers"]]
            assert res["answer_type"] == "Year" and len(labels) == 1 and \
                re.fullmatch(r"(?:(?:\d{1,2}\s+)?[A-Z][a-z]+\s+)?" + str(f["attrs"]["year"]), labels[0]), (q, labels)
    rat = [f for f in k.facts_where(predicate="ratified") if (f.get("attrs") or {}).get("year")]
    for f in rat[:2]:
        number = next((n.split()[-1] for n in k.names(f["object"]) if n.split()[-1].isdigit()), None)
        if number is None:
            continue
        name = k.label(f["subject"]).lower()
        for q in (f"{name} convention {number} ratification", f"{name} convention no{number} ratification"):
            res = engine.ask(q)
            assert [a["label"] for a in res["answers"]] == [str(f["attrs"]["year"])], q


# -- the "variant" perturbation (app/evalperturb.py) ----------------------------------------------
@pytest.mark.parametrize("question", ["Who funds the work in Viet Nam?", "Which countries does the Netherlands fund?",
                                      "Who funds Côte d'Ivoire?", "Which countries does the European Union fund?",
                                      "What did UNICEF do in 2024?"])
def test_variant_perturbation_names_the_same_thing(question):
    """The rewritten question names the same country or organisation by another general name."""
    import random

    from app.evalperturb import variant_name
    from graph import countries
    from graph.gazetteer import organizations

    out = variant_name(question, random.Random(0))
    assert out != question
    before = {iso for *_, iso in countries.find_countries(question)}
    after = {iso for *_, iso in countries.find_countries(out)}
    if before:
        assert before == after
    else:
        orgs = [o for o in organizations.ORGANIZATIONS if o.acronym and
                (o.acronym in question or o.label.lower() in question.lower())]
        assert orgs and (orgs[0].acronym in out or orgs[0].label in out)


def test_variant_perturbation_leaves_a_nameless_question():
    import random

    from app.evalperturb import variant_name

    assert variant_name("Which year did the campaign start?", random.Random(0)) == "Which year did the campaign start?"


def test_author_spelled_out_answers_as_its_short_name(engine):
    """"the International Labour Organization" (any long name the graph gives the author) reads as
    its acronym: the same answers, for a partner, a publication and a funding question."""
    from app.qa.graphstep import AUTHOR_ORGS

    author = sorted(AUTHOR_ORGS)[0]
    acronym = (engine.k.entity(author) or {}).get("acronym")
    longer = [n for n in engine.k.names(author) if acronym and len(n) > len(acronym) + 3 and " " in n]
    if not longer:
        pytest.skip("the author has no long name")
    org = next((e["id"] for e in engine.k.of_type("Organization")
                if len({f["subject"] for f in engine.k.facts_where(predicate="partneredWith", obj=e["id"])}) >= 2
                and e["id"] not in AUTHOR_ORGS), None)
    questions = [f"Which {acronym} brief is about child benefits?", f"Which countries does the {acronym} support with funding from Japan?"]
    if org:
        questions.append(f"Where does the {acronym} partner with the {engine.k.label(org)}?")
    for q in questions:
        short = answer_ids(engine, engine.ask(q))
        for n in longer[:2]:
            assert answer_ids(engine, engine.ask(q.replace(acronym, n))) == short, (q, n)
    assert engine.author_names.shorten(f"the {longer[0]}'s work") == f"the {acronym}'s work"
