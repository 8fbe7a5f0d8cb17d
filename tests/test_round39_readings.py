"""Readings found by round 39's probes (a development-finance journalist, a ministry actuary, a
regional desk officer, a thesis student), each in general form, through the real engine on the
bundled report.  Expected answers are read from the graph or the passages, never typed."""
from __future__ import annotations

import re

import pytest

from app.qa.figures.figure_rank import read_ask


def _labels(res) -> list[str]:
    return [a["label"] for a in res["answers"]]


def _passage_matching(engine, rx: re.Pattern):
    for _pid, p in sorted(engine.k.passages.items()):
        m = rx.search(p.text)
        if m:
            return m
    pytest.skip(f"no passage matches {rx.pattern}")


# ---- "Of the envelope of more than US$X, how much ...": the bar names what is given, no items counted

def test_a_bar_before_how_much_describes_the_given_amount():
    assert read_ask("Of the envelope of more than US$5 million for the two projects, how much was allocated in 2024?") is None
    counted = read_ask("How many meetings drew more than 40 attendees?")
    assert counted is not None and counted.counted


def test_how_much_of_a_described_envelope_answers_the_part(engine):
    m = _passage_matching(engine, re.compile(r"envelope of more than \**(US\$[\d.]+ million)\**.{0,80}?of which (US\$[\d.]+ million) allocated in (\d{4})"))
    got = engine.ask(f"Of the envelope of more than {m.group(1)} described there, how much was allocated in {m.group(3)}?")
    assert _labels(got) == [m.group(2)], got["path"]


# ---- keyword queries whose ask comes last: "... lowered to", "- year the ILO delivered it", "... rate for ..."

@pytest.mark.parametrize("q, want", [
    ("atlantis pension reform minimum age for receipt of benefits lowered to", "Number"),
    ("atlantis workers fund actuarial valuation - year the ILO delivered it?", "Year"),
    ("atlantis unemployment insurance reform - income replacement rate for the full benefit period?", "Number"),
    ("atlantis replacement rate", "Number"),
])
def test_a_keyword_query_closing_on_its_ask(q, want):
    from app.qa.question import answer_type
    assert answer_type(q) == want


def test_a_rate_naming_what_a_decree_sets_is_no_figure_asked():
    from app.qa.question import answer_type
    assert answer_type("atlantis health insurance scheme contribution rates decree") != "Number"


def test_a_length_of_time_is_no_count_condition(engine):
    from app.qa.constraints.count_conditions import count_condition
    from app.qa.question import analyse
    a = analyse("What is the income replacement rate for the full six month benefit period of the unemployment insurance?",
                engine.lexicon)
    assert count_condition(a, engine.k) is None


# ---- a sum of money named in a funder question: the payers of that sum, read from the sentence writing it

def _funded_sums(engine):
    """(sentence, sums, payers) for each sentence writing sums of money after a funding cue."""
    from app.qa.figures.numbers import spans
    from app.qa.multihop.activity_funders import funding_runs
    for u in engine.units.units:
        if u.kind != "sentence":
            continue
        sums = [s for s in spans(u.text) if s.kind == "money"]
        if not sums:
            continue
        p = engine.k.passage(u.passage_id)
        payers = [x for x in funding_runs(p.text, u.start, u.end, engine.k.mentions_in(u.passage_id), None) if x.eid]
        if len(payers) >= 2:
            yield u.text, sums, payers


def test_the_payers_of_a_named_sum_are_the_sentence_s(engine):
    for text, sums, payers in _funded_sums(engine):
        if len(sums) == 1 and "respectively" not in text:
            got = engine.ask(f"Which funders put up the {sums[0].label}?")
            want = {engine.k.label(p.eid) for p in payers if p.eid not in ("Organization:ilo",)}
            assert want <= set(_labels(got)), (text, got["path"])
            return
    pytest.skip("no sentence with one sum and its payers")


def test_a_sum_paired_respectively_names_its_one_payer(engine):
    for text, sums, payers in _funded_sums(engine):
        main = [s for s in sums if not text[:s.start].rstrip().endswith("(")]
        if "respectively" in text and len(main) == len(payers):
            order = sorted(payers, key=lambda p: p.span)
            got = engine.ask(f"Which country contributed {main[-1].label}?")
            assert _labels(got) == [engine.k.label(order[-1].eid)], (text, got["path"])
            return
    pytest.skip("no sentence pairing payers and sums respectively")


def test_a_sum_named_in_the_context_anchors_which_countries_contributed(engine):
    for text, sums, payers in _funded_sums(engine):
        countries = [p for p in payers if p.eid.startswith("Country:")]
        others = [p for p in payers if not p.eid.startswith("Country:")]
        if len(sums) == 1 and countries and others and "respectively" not in text:
            other = engine.k.label(others[0].eid)
            got = engine.ask(f"The report says {sums[0].label} was secured through contributions from the {other} "
                             f"and some other donors. Other than the {other}, which countries contributed?")
            assert set(_labels(got)) == {engine.k.label(p.eid) for p in countries}, (text, got["path"])
            return
    pytest.skip("no sentence whose sum has a country and a body among its payers")


# ---- a sum asked in a currency: the sentences writing sums in it rank higher

def test_a_sum_asked_in_euros_prefers_sentences_writing_euros(engine):
    import numpy as np

    from app.qa.figures.numbers import spans
    from app.qa.question import analyse
    eur = np.array([any(s.kind == "money" and s.currency == "EUR" for s in spans(u.text)) for u in engine.units.units])
    if not eur.any():
        pytest.skip("no sum in euros")

    def scores(q):
        a = analyse(q, engine.lexicon)
        allowed = np.arange(len(engine.units.units))
        return engine.text.unit_scores(a, engine._embed(q), [], allowed)

    rise = scores("How much money was secured in total, in euros?") - scores("How much money was secured in total?")
    assert rise[eur].mean() - rise[~eur].mean() > 0.1
