"""A question that joins one thematic section's theme with another section's ("financing" of
"universal health coverage") asks for the part of the theme the other narrows to, not for the
whole section's country list (app.qa.topics.theme_sections)."""

import pytest


def _countries(engine, question):
    res = engine.ask(question)
    return {a["iso3"] for a in res["answers"] if a.get("iso3")}, res["path"]


@pytest.mark.parametrize("q", [
    "Which countries did the ILO support with financing strategies for universal health coverage in 2024?",
    "countries where the ILO worked on financing universal health coverage",
    "Where did the ILO help with the financing of health protection schemes?",
])
def test_a_second_theme_narrows_the_first(engine, q):
    whole, _ = _countries(engine, "Where did the ILO work on social health protection?")
    got, path = _countries(engine, q)
    assert len(whole) >= 5
    assert not any("thematic section" in p and "health" in p.lower() for p in path)
    assert len(got) < len(whole)


def test_one_theme_alone_still_answers_with_its_section(engine):
    got, path = _countries(engine, "Where did the ILO work on digital transformation of social protection?")
    assert any("thematic section" in p for p in path) and len(got) >= 3
