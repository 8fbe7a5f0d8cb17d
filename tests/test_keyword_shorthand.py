"""Search-box forms of a question read as the written-out question does.

- shorthand ("no. of", "# of", "w/", "%", "yr") is written out before reading (``app/qa/form/symbol_shorthand.py``, inside the speller);
- an instrument's kind shortened ("conv 102", "conv. no. 102", "rec 202") cites it
  (``app/qa/names/instrument_names.py``);
- a query that is word for word one generated bank question ("[scheme] operator") reads as that
  question's intent, not as the vote of its neighbours (``app/qa/intent.py``: ``worded_as``).

The engine tests read their expected answers from the knowledge base's facts (never typed from
the report), so they hold on an altered report too (or skip, saying why).
"""
from __future__ import annotations

import numpy as np
import pytest

from app.qa.names.instrument_names import citation_variants
from app.qa.intent import IntentIndex
from app.qa.form.symbol_shorthand import spell_out
from tests.support.engine import answer_ids


# -- pure pieces ---------------------------------------------------------------------------------
@pytest.mark.parametrize("query, written", [
    ("no. of countries w/ a result", "number of countries with a result"),
    ("No of funders", "number of funders"),
    ("nr of pathfinders asia", "number of pathfinders asia"),
    ("# of regions", "number of regions"),
    ("#members usp2030", "number of members usp2030"),
    ("% population covered", "percentage of population covered"),
    ("gap as % of gdp", "gap as percentage of gdp"),
    ("countries w/o funders", "countries without funders"),
])
def test_shorthand_is_written_out(query, written):
    assert spell_out(query)[0] == written


@pytest.mark.parametrize("query", [
    "Convention No. 102 ratifiers", "c102 No.102 year", "52% of workers", "now noted years",
    "malawi donors", "NO funders", "number of countries", "yards of cloth",
])
def test_words_and_designators_are_left_alone(query):
    assert spell_out(query) == (query, [])


def test_shortened_kind_cites_a_numbered_instrument():
    forms = {f.lower() for f in citation_variants("Convention No. 102")}
    assert {"conv 102", "conv. 102", "conv no. 102", "conv. no. 102"} <= forms
    assert {"rec 202", "rec. 202"} <= {f.lower() for f in citation_variants("Recommendation No. 202")}
    assert citation_variants("Global Accelerator") == []


def _index(texts_keys):
    rows = [{"text": t, "key": k} for t, k in texts_keys]
    return IntentIndex(rows, np.eye(len(rows), dtype=np.float32))


def test_exact_wording_picks_its_intent_over_the_vote():
    """Three near neighbours vote for one intent; the query is word for word the fourth row."""
    idx = _index([("[scheme] country", "list|inCountry|object|Country"),
                  ("[scheme] in which country", "list|inCountry|object|Country"),
                  ("[scheme] country name", "list|inCountry|object|Country"),
                  ("[scheme] operator", "list|runBy|object|Organization")])
    q = np.array([0.6, 0.6, 0.6, 0.5], dtype=np.float32)
    assert idx.guess(q, "[scheme] country x").intent.relation == "inCountry"  # no exact wording: the vote
    g = idx.guess(q, "[Scheme]  Operator")
    assert g.intent.relation == "runBy" and g.confidence > 0.5
    # the same words generated for two intents decide nothing
    twice = _index([("[scheme] operator", "list|runBy|object|Organization"),
                    ("[scheme] operator", "list|inCountry|object|Country")])
    assert twice.worded_as("[scheme] operator", [0, 1]) is None


# -- engine --------------------------------------------------------------------------------------
def _funders_of_several(k) -> list[str]:
    """Labels of funders the knowledge base gives at least two funded countries."""
    out = []
    for eid, e in k.entities.items():
        if e["type"] != "Organization":
            continue
        funded = {f["subject"] for f in k.facts_where(obj=eid, predicate="fundedBy") if f["subject"].startswith("Country:")}
        if len(funded) >= 2 and " " not in k.label(eid).strip():
            out.append(k.label(eid))
    return out


def test_count_shorthand_counts_as_number_of_does(engine):
    names = _funders_of_several(engine.k)
    if not names:
        pytest.skip("no one-word funder of several countries")
    for name in names[:2]:
        plain = engine.ask(f"number of {name.lower()} funded countries")
        assert plain["answer_type"] == "Number" and plain["answers"], name
        for form in ("no. of {} funded countries", "# of {} funded countries", "nr of {} funded countries"):
            res = engine.ask(form.format(name.lower()))
            assert res["answer_type"] == "Number", form
            assert [a["label"] for a in res["answers"]] == [a["label"] for a in plain["answers"]], form


def test_shortened_convention_asks_the_ratification_year(engine):
    """Where the full citation answers a country's ratification year from its fact, the shortened
    kind ("conv 102", "conv. 102", "conv no. 102") answers the same year."""
    k = engine.k
    checked = 0
    for f in k.facts_where(predicate="ratified"):
        year, inst = (f.get("attrs") or {}).get("year"), k.label(f["object"]) or ""
        if not (f["subject"].startswith("Country:") and year and inst.lower().startswith("convention no.")):
            continue
        num, name = inst.split()[-1], k.label(f["subject"]).lower()
        if [a["label"] for a in engine.ask(f"{name} convention no. {num} ratified year")["answers"]] != [year]:
            continue  # the full citation does not settle it either: nothing to compare
        for form in ("{} conv {} year", "{} conv. {} ratification year", "{} conv no. {} ratified year"):
            assert [a["label"] for a in engine.ask(form.format(name, num))["answers"]] == [year], (form, name)
        checked += 1
        if checked == 4:
            break
    if not checked:
        pytest.skip("no dated ratification of a numbered convention")


def test_bank_keyword_wording_reads_as_its_intent(engine):
    """"<scheme> operator" (the bank's keyword form of "who administers <scheme>"): its administrator."""
    k = engine.k
    cases = []
    for f in k.facts_where(predicate="administeredBy"):
        if f["subject"].startswith("Scheme:") and f["object"].startswith("Organization:"):
            cases.append((f["subject"], {g["object"] for g in k.facts_where(subject=f["subject"], predicate="administeredBy")}))
    if not cases:
        pytest.skip("no administered scheme")
    checked = 0
    for scheme, admins in cases:
        name = k.label(scheme)
        if not engine.lexicon.link(name.lower()):
            continue
        for form in ("{} operator", "operator of {}"):
            assert answer_ids(engine, engine.ask(form.format(name.lower()))) == admins, (form, name)
        checked += 1
        if checked == 2:
            break
    if not checked:
        pytest.skip("no administered scheme whose name links")


# -- a region and one other name, no relation worded ("africa kingdom of the netherlands") -------
def test_dominant_tie():
    from app.qa.relation.grounded_direction import dominant_tie

    assert dominant_tie({("fundedBy", "subject"): {"a", "b", "c", "d"}, ("partneredWith", "subject"): {"e"}}) \
        == ("fundedBy", "subject")
    assert dominant_tie({("fundedBy", "subject"): {"a", "b"}, ("partneredWith", "subject"): {"e"}}) == ("fundedBy", "subject")
    assert dominant_tie({("ratified", "subject"): {"a", "b", "c"}, ("assessed", "subject"): {"d", "e"}}) is None
    assert dominant_tie({("ratified", "object"): {"x"}, ("cites", "object"): {"y"}}) is None
    assert dominant_tie({("fundedBy", "subject"): {"a"}}) == ("fundedBy", "subject")
    assert dominant_tie({}) is None


def test_region_and_a_funder_with_a_stray_tie_intersect(engine):
    """A donor government that funds several countries and is tied to another country by some other
    relation: "<region> <donor>" is the donor's funded countries in that region, not the region."""
    k = engine.k
    region_of = {f["subject"]: f["object"] for f in k.facts_where(predicate="inRegion") if f["subject"].startswith("Country:")}
    cases = []
    for eid in k.entities:
        if not eid.startswith("Organization:gov-"):
            continue
        funded = {f["subject"] for f in k.facts_where(obj=eid, predicate="fundedBy") if f["subject"].startswith("Country:")}
        other = {f["subject"] for f in k.facts_where(obj=eid) if f["predicate"] not in ("fundedBy", "inRegion")
                 and f["subject"].startswith("Country:")} - funded
        if len(funded) >= 2 and other and len(funded) >= 2 * len(other):
            cases.append((eid, funded))
    if not cases:
        pytest.skip("no donor government with a second, smaller tie to countries")
    checked = 0
    for eid, funded in cases:
        regions = {region_of[c] for c in funded if c in region_of}
        name = (k.label(f"Country:{eid.split('gov-', 1)[1]}") or k.label(eid)).lower()
        for region in sorted(regions)[:1]:
            want = {c for c in funded if region_of.get(c) == region}
            for q in (f"{k.label(region).lower()} {name}", f"{name} {k.label(region).lower()}"):
                assert answer_ids(engine, engine.ask(q)) == want, q
            checked += 1
    if not checked:
        pytest.skip("no funded country placed in a region")


# -- "<name> countries count": how many the list reading finds (app/qa/figures/counted_keywords.py) -------
@pytest.mark.parametrize("query, rest", [
    ("japan countries count", "japan countries"), ("kuwait countries, count", "kuwait countries"),
    ("eni countries total", "eni countries"), ("abc funded countries how many", "abc funded countries"),
    ("how many countries count", None), ("which funders number", None), ("count", None), ("countries", None),
])
def test_list_part(query, rest):
    from app.qa.figures.counted_keywords import list_part

    assert list_part(query) == rest


def test_found_nothing_and_count_of():
    from app.qa.figures.counted_keywords import count_of, found_nothing

    assert found_nothing({"answers": []})
    assert found_nothing({"answers": [{"type": "Number", "value": 0.0, "label": "0"}]})
    assert not found_nothing({"answers": [{"type": "Number", "value": 53.0, "label": "53"}]})
    listed = {"answers": [{"label": "A", "iri": "x:a", "type": "Country", "evidence": [{"passage_id": "p1"}]},
                          {"label": "B", "iri": "x:b", "type": "Country", "evidence": [{"passage_id": "p1"}]},
                          {"label": "a sentence", "iri": None, "type": "Text", "evidence": []}]}
    got = count_of(listed, "abc countries")
    assert got["value"] == 2.0 and got["counted"] == ["A", "B"] and len(got["evidence"]) == 1
    assert count_of({"answers": []}, "abc countries") is None


def test_keyword_count_counts_the_list_reading(engine):
    """For funders the graph names by one word, "<funder> countries count" is how many
    "<funder> countries" lists, whenever that list is not empty."""
    checked = 0
    for name in _funders_of_several(engine.k) + [engine.k.label(e) for e in engine.k.entities
                                                  if e.startswith("Organization:gov-")]:
        if not name or " " in name.strip():
            continue
        listed = engine.ask(f"{name.lower()} countries")
        ids = answer_ids(engine, listed)
        if not ids or any(a["type"] != "Country" for a in listed["answers"]):
            continue
        res = engine.ask(f"{name.lower()} countries count")
        assert res["answer_type"] == "Number" and [a["value"] for a in res["answers"]] == [float(len(ids))], name
        checked += 1
        if checked == 4:
            break
    if not checked:
        pytest.skip("no one-word funder whose countries are listed")


# -- a name's span of years typed another way (app/qa/names/year_spans.py) ------------------------------
def test_span_forms():
    from app.qa.names.year_spans import span_forms

    assert set(span_forms(("report", "2024", "26"))) == {("report", "2024", "2026"), ("report", "24", "26")}
    assert set(span_forms(("strategy", "2024", "2030"))) == {("strategy", "2024", "30"), ("strategy", "24", "30")}
    assert span_forms(("law", "1990", "2024")) == []  # two numbers, no span
    assert span_forms(("convention", "102")) == [] and span_forms(("phase", "2024", "20")) == []


def test_year_span_typed_another_way_links_the_same_name(engine):
    import re

    k = engine.k
    checked = 0
    for eid, e in k.entities.items():
        if e["type"] not in ("Publication", "LegalInstrument"):
            continue
        for n in k.names(eid):
            m = re.search(r"\b(20\d\d)-(\d\d)\b(?!\d)", n)
            if not m or not engine.lexicon.link(n.lower()) or eid not in {i for l in engine.lexicon.link(n.lower()) for i in l.ids}:
                continue
            start, end = m.group(1), m.group(1)[:2] + m.group(2)
            for form in (n.replace(m.group(0), f"{start}-{end}"), n.replace(m.group(0), f"{start[2:]}-{m.group(2)}")):
                assert eid in {i for l in engine.lexicon.link(form.lower()) for i in l.ids}, form
            checked += 1
            break
    if not checked:
        pytest.skip("no name with a span of years written 'YYYY-YY'")


# -- two slips in a common word that is also a word of a short name ("reccomendation") ------------
def _two_slips(word: str) -> str:
    """The word with a letter doubled and the next but one dropped ("recommendation" ->
    "reccomendation" is the same kind of pair of slips)."""
    i = 3
    return word[:i] + word[i - 1] + word[i:i + 2] + word[i + 3:]


def test_common_word_of_a_name_is_corrected_from_two_slips(engine):
    import re

    text = " ".join(p.text for p in engine.k.passages.values())
    lower = set(re.findall(r"\b[a-z]{10,}\b", text))
    name_words = {t for n in engine.lexicon.names for t in n if len(n) <= 3 and t.isalpha() and len(t) >= 10}
    words = sorted(w for w in name_words & lower if text.count(w) >= 3)
    if not words:
        pytest.skip("no long common word inside a short name")
    checked = 0
    for w in words:
        typo = _two_slips(w)
        if engine.speller.known(typo) or len(engine.speller.candidates(typo)) > 1:
            continue
        assert engine.speller.correct(f"which {typo} is it")[0] == f"which {w} is it", typo
        checked += 1
        if checked == 3:
            break
    if not checked:
        pytest.skip("no unambiguous two-slip typo")
