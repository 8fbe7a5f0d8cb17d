"""Publications asked by their kind, counted by kind; instruments named by their general-knowledge
title; ratification years given by naming another ratifier (issue 9, round 8: app/qa/things/titles.py,
app/qa/figures/publication_count.py, graph/gazetteer/ilo_instruments.py, app/qa/constraints/anchored_years.py).

Expected sets are computed from the graph's own publication records and ``ratified`` facts, so
the tests hold on an altered report (or skip, saying why).
"""
from __future__ import annotations

import re
from collections import defaultdict

import pytest

from app.qa.constraints.anchored_years import anchored_years
from app.qa.question import analyse
from app.qa.units import terms
from graph.gazetteer.ilo_instruments import instrument_title
from tests.support.engine import answer_ids


def _by_kind(engine) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for e in engine.k.of_type("Publication"):
        kind = ((e.get("attrs") or {}).get("kind") or "").lower()
        if kind:
            out[kind].add(e["id"])
    return out


def _small_kinds(engine) -> dict[str, set[str]]:
    """Kinds (other than the loose 'report') held by 2 to 5 publications, whose word is no part
    of another kind's name (so the kind word selects exactly these)."""
    kinds = _by_kind(engine)
    return {k: ids for k, ids in kinds.items()
            if k != "report" and 2 <= len(ids) <= 5 and not any(k in other for other in kinds if other != k)}


def _some_kinds(engine, n: int = 3) -> list[tuple[str, set[str]]]:
    kinds = _small_kinds(engine)
    if not kinds:
        pytest.skip("no publication kind held by 2-5 publications")
    return list(kinds.items())[:n]


def test_a_plural_kind_word_lists_exactly_that_kind(engine):
    for kind, ids in _some_kinds(engine):
        for q in (f"Which {kind}s are listed among the ILO's 2024 publications?",
                  f"list the {kind}s the ILO published", f"what {kind}s does the report mention"):
            assert answer_ids(engine, engine.ask(q)) == ids, q


def test_how_many_of_a_kind_counts_the_records(engine):
    for kind, ids in _some_kinds(engine):
        for q in (f"How many {kind}s are in the ILO's sample of 2024 publications?",
                  f"how many {kind}s did the ilo publish"):
            res = engine.ask(q)
            assert [a["label"] for a in res["answers"]] == [str(len(ids))], q


def test_a_count_of_other_things_is_not_a_publication_count(engine):
    res = engine.ask("how many countries have publications about them")
    assert all(a.get("type") == "Number" for a in res["answers"])
    assert res["strategy"] != "graph-publication"


def test_an_acronym_led_short_form_names_its_publication(engine):
    for e in engine.k.of_type("Publication"):
        short = [a for a in e.get("alt_labels") or [] if a.split() and a.split()[0].isupper() and len(a.split()[0]) >= 2]
        if short:
            for q in (f"{short[0].lower()} full title", f"what does {short[0]} stand for"):
                assert answer_ids(engine, engine.ask(q)) == {e["id"]}, q
            return
    pytest.skip("no publication with an acronym-led short form")


def test_general_knowledge_titles_name_instruments_cited_by_number(engine):
    assert instrument_title("c", 183) == "Maternity Protection Convention"
    assert instrument_title("r", 9999) is None
    for e in engine.k.of_type("LegalInstrument"):
        num = (e.get("attrs") or {}).get("number")
        letter = e["id"].split(":", 1)[1][:1]
        title = instrument_title(letter, num) if isinstance(num, int) else None
        if title:
            assert title in engine.k.names(e["id"]), e["id"]
            res = engine.ask(f"which ILO convention or recommendation is the {title.lower()}?")
            assert e["id"] in answer_ids(engine, res), title


def _dated_ratifiers(engine) -> dict[str, str]:
    return {f["subject"]: str(f["attrs"]["year"]) for f in engine.k.facts_where(predicate="ratified")
            if (f.get("attrs") or {}).get("year") and f["attrs"].get("status") == "registered"}


def test_before_after_and_the_same_year_as_a_named_ratifier(engine):
    years = _dated_ratifiers(engine)
    inst = {f["object"] for f in engine.k.facts_where(predicate="ratified")}
    if len(inst) != 1 or len(years) < 4:
        pytest.skip("needs one ratified instrument with several dated ratifications")
    code = engine.k.entity(inst.pop())["label"]
    ordered = sorted(years.items(), key=lambda kv: kv[1])
    anchor, year = ordered[len(ordered) // 2]
    name = engine.k.label(anchor)
    before = {c for c, y in years.items() if y < year}
    for q in (f"Which countries ratified {code} before {name}?", f"countries that ratified {code} earlier than {name} did"):
        got = answer_ids(engine, engine.ask(q))
        assert before <= got and not got & {c for c, y in years.items() if y >= year}, q
    same = {c for c, y in years.items() if y == year} - {anchor}
    res = answer_ids(engine, engine.ask(f"Which country ratified {code} in the same year as {name}?"))
    assert anchor not in res and (res == same if same else True)


def test_an_anchor_without_a_dated_fact_leaves_the_question_alone(engine):
    q = "Which organisations worked with the ILO before the European Union?"
    a = analyse(q, engine.lexicon)
    assert anchored_years(q, a.links, engine.k) is None


def test_a_ratification_not_yet_registered_is_a_status_not_a_negation(engine):
    pending = {f["subject"] for f in engine.k.facts_where(predicate="ratified")
               if (f.get("attrs") or {}).get("status") not in (None, "registered")}
    inst = {f["object"] for f in engine.k.facts_where(predicate="ratified")}
    if not pending or len(inst) != 1:
        pytest.skip("no ratification approved but not registered")
    code = engine.k.entity(inst.pop())["label"]
    for q in (f"which country has approved but not yet registered its ratification of {code}",
              f"whose {code} ratification has not yet been registered with the ILO",
              f"which countries are in the process of ratifying {code}"):
        assert answer_ids(engine, engine.ask(q)) == pending, q


def test_every_instrument_of_the_asked_kind_when_nothing_else_is_asked(engine):
    by_role: dict[str, set[str]] = defaultdict(set)
    for e in engine.k.of_type("LegalInstrument"):
        if e.get("role") in ("ILOConvention", "ILORecommendation"):
            by_role[e["role"]].add(e["id"])
    if not by_role.get("ILOConvention"):
        pytest.skip("no ILO convention in the graph")
    for q in ("which conventions are mentioned in the report", "list all ILO conventions mentioned in the report",
              "ilo conventions list"):
        assert answer_ids(engine, engine.ask(q)) == by_role["ILOConvention"], q
    both = by_role["ILOConvention"] | by_role.get("ILORecommendation", set())
    assert answer_ids(engine, engine.ask("which conventions and recommendations does the report cite")) == both
    res = engine.ask("how many ILO conventions does the report mention")
    assert [a["label"] for a in res["answers"]] == [str(len(by_role["ILOConvention"]))]
    # a country, a year or a relation makes it another question
    # (a country whose only statement is a ratification approved but not registered has none: see
    # tests/test_engine_unregistered.py; every registered one is tried, not one set order picks)
    registered = [f for f in engine.k.facts_where(predicate="ratified")
                  if (f.get("attrs") or {}).get("status") in (None, "registered")]
    ratified = {f["object"] for f in registered}
    for some in sorted({f["subject"] for f in registered}):
        got = answer_ids(engine, engine.ask(f"which conventions did {engine.k.label(some)} ratify"))
        assert got and got <= ratified, some


def test_a_topic_word_only_one_title_holds_names_that_publication(engine):
    finder = engine.titles
    # a title word no other title uses, long enough to be a topic rather than a function word
    for p in finder.pubs:
        rare = sorted(t for t in p.title_terms if len(t) > 6 and sum(t in q.title_terms for q in finder.pubs) == 1)
        if rare:
            word = next(w for w in re.findall(r"[A-Za-z]+", p.label) if terms(w) == [rare[0]])
            for q in (f"what has the ILO published on {word.lower()}", f"which ILO publication covers {word.lower()}"):
                assert answer_ids(engine, engine.ask(q)) == {p.eid}, q
            break
    else:
        pytest.skip("no title with a word of its own")
    # a question that says more than any title (several words no title uses) is not a title match
    res = finder.find("what is the title of the article about the woman whose family benefit was increased in her village",
                      [], plural=False)
    assert res is None or "topic" not in " ".join(res.why)


def test_the_kind_asked_survives_a_name_link_that_took_its_word(engine):
    recs = [e for e in engine.k.of_type("LegalInstrument") if e.get("role") == "ILORecommendation"
            and (e.get("attrs") or {}).get("title")]
    if not recs:
        pytest.skip("no titled ILO recommendation")
    title = recs[0]["attrs"]["title"]
    topic = re.sub(r"\s*Recommendation$", "", title).lower()
    for q in (f"Which ILO recommendation is about {topic}?", f"which recommendation concerns {topic}"):
        got = answer_ids(engine, engine.ask(q))
        assert got == {recs[0]["id"]}, q


def test_number_of_a_publication_kind_is_a_count(engine):
    kind, ids = _some_kinds(engine, 1)[0]
    res = engine.ask(f"number of {kind}s in the 2024 publications figure")
    assert res["answer_type"] == "Number" and [a["label"] for a in res["answers"]] == [str(len(ids))]
