"""Readings found by round 41's probes (a newspaper fact-checker, an African labour ministry official,
an evaluation officer, a health-financing researcher, an informal-economy advocate typing on a
phone, a donor's partnership analyst), each in general form, through the real engine on the
bundled report.  Expected answers are read from the graph's facts and the report's passages, or
from the engine's own answer to the open question, never typed."""
from __future__ import annotations

import re

import pytest

from app.qa.figures.number_words import UNITS


def _labels(res) -> list[str]:
    return [a["label"] for a in res["answers"]]


def _passage_matching(engine, rx):
    for _pid, p in sorted(engine.k.passages.items()):
        m = rx.search(p.text)
        if m:
            return m
    pytest.skip(f"no passage matches {rx.pattern}")


def _figure(res) -> int:
    assert res["answer_type"] == "Number" and len(res["answers"]) == 1, res["path"]
    return int(float(re.search(r"\d[\d,]*", res["answers"][0]["label"]).group(0).replace(",", "")))


# ---- "Is it correct that ... achieved 45 institutional changes in 2024?": a stated count checked

def test_a_stated_count_is_read_as_its_open_question():
    from app.qa.constraints.figure_polar import read
    got = read("Has the Atlantis Programme achieved 45 institutional changes in 2024?")
    assert got.value == 45 and got.stated == "45 institutional changes"
    assert got.open_question == "how many institutional changes in 2024 the Atlantis Programme achieved"
    said = read("Report says ten countries joined the Atlantis Initiative in 2024 - correct?")
    assert said.value == 10 and said.open_question == "how many countries joined the Atlantis Initiative in 2024"
    # no count stated: a year, a convention's number, a quantified question, a negated one
    assert read("Did Atlantis ratify Convention No. 102 in 2024?") is None
    assert read("Did any country achieve all three result types?") is None
    assert read("Did the programme not achieve 45 changes?") is None
    assert read("How many changes did the programme achieve?") is None


def test_a_stated_count_is_yes_when_it_is_the_reports_and_no_otherwise(engine):
    n = _figure(engine.ask("How many institutional changes did the Flagship Programme achieve in 2024?"))
    right = engine.ask(f"Is it correct that the Flagship Programme achieved {n} institutional changes in 2024?")
    wrong = engine.ask(f"Is it correct that the Flagship Programme achieved {n + 4} institutional changes in 2024?")
    assert _labels(right) == ["Yes"], right["path"]
    assert _labels(wrong) == ["No"] and f"not {n + 4} institutional changes" in wrong["answer_text"], wrong["path"]


def test_a_claim_framed_by_its_source_and_tagged_correct(engine):
    n = _figure(engine.ask("How many countries joined the Global Accelerator in 2024?"))
    words = {v: k for k, v in UNITS.items()}
    if n not in words:
        pytest.skip("the count is not one written in words")
    got = engine.ask(f"Report says {words[n]} countries joined the Global Accelerator in 2024 - correct?")
    assert _labels(got) == ["Yes"], got["path"]
    other = words.get(n + 1) or words[n - 1]
    assert _labels(engine.ask(f"Report says {other} countries joined the Global Accelerator in 2024 - correct?")) == ["No"]


# ---- "Angola's National Assembly approved ... - is that ratification already valid ...?"

def test_a_stated_context_then_a_clause_referring_back_is_one_statement():
    from app.qa.constraints.statement_polar import read
    got = read("Atlantis's parliament approved the new law in 2024 - is that law already in force?")
    assert got.context and got.statement.startswith("Atlantis's parliament approved the new law in 2024")
    framed = read("Our draft says Atlantis's parliament approved the law - but can we say the law is in force, yes or no?")
    assert framed.context and "can we say" not in framed.statement and "Our draft" not in framed.statement
    # a context that asks makes the clause a check of its answer, no statement of its own
    assert read("Which partner gave the largest share - was it the Atlantis Fund?") is None
    assert read("which law, adopted in 2021, is the set of reforms in Atlantis built on?") is None


def test_a_context_and_a_clause_are_matched_against_two_sentences(engine):
    m = _passage_matching(engine, re.compile(r"resolution approving the ratification of (Convention No\. \d+)[^.]*\. "
                                             r"[^.]*is yet to be considered (valid at the international level)"))
    country = next(c for c in [e["id"] for e in engine.k.of_type("Country")]
                   if re.search(r"\b" + re.escape(engine.k.label(c)) + r"\b", engine.k.passage(
                       next(pid for pid, p in sorted(engine.k.passages.items()) if m.group(0) in p.text)).text))
    name = engine.k.label(country)
    got = engine.ask(f"{name}'s National Assembly approved ratifying {m.group(1)} - is that ratification "
                     f"already {m.group(2)}?")
    assert _labels(got) == ["No"] and "yet to be considered" in got["answer_text"], got["path"]


def test_an_abbreviations_dot_ends_no_sentence():
    from app.qa.constraints.statement_polar import _ABBREVIATION, _SENTENCE
    text = "It ratified Convention No. 102 in 2024. Then it acted."
    masked = _ABBREVIATION.sub(lambda a: a.group(0)[:-1] + "\u2024", text)
    assert [s.group(0).strip() for s in _SENTENCE.finditer(masked)][0].startswith("It ratified Convention No")
    assert len(list(_SENTENCE.finditer(masked))) == 2


# ---- "regional focal points ... implemented in 2024 yes or no": a tagged keyword statement

def test_a_tagged_keyword_statement_is_read_without_its_tag():
    from app.qa.constraints.statement_polar import read
    got = read("atlantis digital platform for migrant workers y/n")
    assert got is not None and got.statement == "atlantis digital platform for migrant workers" and not got.context
    assert read("which atlantis platforms y/n") is None


def test_a_tagged_keyword_statement_the_report_negates_is_no(engine):
    m = _passage_matching(engine, re.compile(r"by appointing ([a-z]+ focal points) for the ([A-Z][\w ]+?)\. However, "
                                             r"[^.]*could not be (implemented) in ((?:19|20)\d\d)"))
    got = engine.ask(f"{m.group(1)} {m.group(2).lower()} {m.group(3)} in {m.group(4)} yes or no")
    assert _labels(got) == ["No"], got["path"]


# ---- "are the monthly pensions of the Bangladesh EIS pilot paid by voluntary contributions?"

def test_a_sentence_naming_no_rival_goes_on_about_its_paragraphs_subject(engine):
    m = _passage_matching(engine, re.compile(r"Currently, the ([A-Z]{2,}) Pilot covers [^.]*?with (monthly pensions) "
                                             r"funded by (voluntary contributions) from [^.]*?(international brands)"))
    pid = next(pid for pid, p in sorted(engine.k.passages.items()) if m.group(0) in p.text)
    country = next((engine.k.label(i) for i in [e["id"] for e in engine.k.of_type("Country")]
                    if engine.k.label(i) and engine.k.label(i) in engine.k.passage(pid).text), None)
    if country is None or country in m.group(0):
        pytest.skip("the sentence names its country itself")
    got = engine.ask(f"Are the {m.group(2)} of the {country} {m.group(1)} pilot paid for by {m.group(3)} "
                     f"from {m.group(4)}?")
    assert _labels(got) == ["Yes"], got["path"]


# ---- "Which development partners fund the RBSA?": a fund's own funders, no countries described

def _fund_with_government_funders(engine):
    for e in sorted([e["id"] for e in engine.k.of_type("Organization")]):
        funders = [f["object"] for f in engine.k.facts_where(subject=e, predicate="fundedBy")]
        govs = sorted({f for f in funders if f.startswith("Organization:gov-")})
        if len(govs) >= 4 and engine.k.facts_where(predicate="fundedBy", obj=e):
            return e, govs
    pytest.skip("no fund with four government funders that itself funds countries")


def test_development_partners_of_a_fund_are_its_funders(engine):
    fund, govs = _fund_with_government_funders(engine)
    label = engine.k.label(fund)
    want = sorted(engine.k.label(g) for g in govs)
    got = engine.ask(f"Which development partners fund the {label}?")
    assert sorted(_labels(got)) == want, got["path"]
    kept = engine.ask(f"Apart from {want[0]} and {want[1]}, which development partners have contributed to the {label}?")
    assert sorted(_labels(kept)) == want[2:], kept["path"]


def test_countries_that_contribute_to_one_fund_and_fund_another(engine):
    from app.qa.graphstep import FUNDER_ASKED
    assert FUNDER_ASKED.search("Which of the countries that contribute to the Atlantis Fund also fund it?")
    fund, govs = _fund_with_government_funders(engine)
    for other in sorted({f["subject"] for f in engine.k.facts_where(predicate="fundedBy")}):
        if other.startswith("Country:"):
            continue
        theirs = {f["object"] for f in engine.k.facts_where(subject=other, predicate="fundedBy")}
        both = set(govs) & theirs
        if other != fund and both and both != set(govs) and all(g.startswith("Organization:gov-") for g in theirs):
            break
    else:
        pytest.skip("no second fund shares some government funders")
    got = engine.ask(f"Which of the countries that contribute to the {engine.k.label(fund)} also fund the "
                     f"{engine.k.label(other)}?")
    want = sorted(engine.k.label(f"Country:{g.split('gov-', 1)[1].upper()}") for g in both)
    assert sorted(_labels(got)) == want, got["path"]
