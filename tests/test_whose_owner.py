""""Whose <thing> in <country> ..." asks for the body of that country that owns the thing (its scheme,
its officials), not for a country: the country is already named (app/qa/question.py, analyse).
"Whose ILO programme is financed by X" still asks for the programme's country.

The engine case takes a country's national institution and a scheme it administers from the graph;
the question is written from them, never from a typed answer."""
from __future__ import annotations

import pytest

from app.qa.question import analyse


@pytest.mark.parametrize("question, expected", [
    ("Whose old-age and health insurance schemes in Atlantis got an actuarial valuation?", "Organization"),
    ("Whose officials in Atlantis did the ILO train?", "Organization"),
    ("Whose ILO programme is financed by Utopia?", "Country"),  # the programme's country
    ("Whose schemes did the ILO value actuarially?", "Country"),  # no country named: the country is asked
])
def test_whose_thing_in_a_named_country_asks_for_a_body(engine, question, expected):
    names = sorted(e["label"] for e in engine.k.of_type("Country"))
    q = question.replace("Atlantis", names[0]).replace("Utopia", names[-1])
    assert analyse(q, engine.lexicon).answer_type == expected, q


def test_engine_answers_the_owning_institution(engine):
    """A national institution that administers a scheme in its country (both read from the graph):
    "whose schemes in <country> ..." is answered with organisations, not countries."""
    for f in engine.k.facts_where(predicate="institutionOf"):
        org, country = f["subject"], f["object"]
        run = [g["subject"] for g in engine.k.facts_where(obj=org, predicate="administeredBy")]
        if run:
            break
    else:
        pytest.skip("no national institution that runs a scheme")
    q = f"Whose schemes in {engine.k.label(country)} did the ILO support?"
    r = engine.ask(q)
    assert r["answer_type"] == "Organization", (q, r.get("path"))
    assert all(x.get("type") != "Country" for x in r["answers"]), (q, [x["label"] for x in r["answers"]])
