"""A title in another language is matched through ordinary words' equivalents ("self-employed" /
"indépendants"), not only through shared word openings."""
from __future__ import annotations

import pytest

from app.qa.things.titles import cognates, equivalent_cognates


# -- titles in another language ---------------------------------------------------------------
def test_equivalents_give_the_other_languages_openings():
    assert cognates("travailleurs indépendants") & equivalent_cognates("briefs on the self-employed")
    assert cognates("trabajadores autónomos") & equivalent_cognates("self employed workers")
    assert not equivalent_cognates("a report on pensions")


@pytest.mark.parametrize("question", [
    "french brief social security self-employed",
    "Which French-language ILO brief is about the self-employed?",
])
def test_a_french_title_is_found_by_an_english_word_it_translates(engine, question):
    french = [p for p in engine.titles.pubs if p.language == "fr"]
    if not any(cognates(p.label) & equivalent_cognates("self-employed") for p in french):
        pytest.skip("no French title on the self-employed in this report")
    out = engine.ask(question)
    assert len(out["answers"]) == 1
    label = out["answers"][0]["label"]
    assert label in {p.label for p in french}
    assert cognates(label) & equivalent_cognates("self-employed")
