"""A country's institutional results asked in any wording: keyword queries ("nigeria results 2024"),
a back-reference to a country named in the asker's aside ("I'm preparing a note on Madagascar - what
results did the country achieve?") and variant names ("the Palestinian territories", "Timor").
Expected result types come from the knowledge base's achievedResult facts (computed here); the
questions are written here.
"""
from __future__ import annotations

import pytest


def _types_of(k, country: str) -> set[str]:
    """The result types the graph holds for a country, as words ('improving operations')."""
    return {str(f["attrs"].get("result_type")).replace("_", " ").lower()
            for f in k.facts if f["predicate"] == "achievedResult" and f["subject"] == country}


def _answered_types(r) -> set[str]:
    return {a["label"].lower() for a in r["answers"]}


def _matches(answered: set[str], held: set[str]) -> bool:
    """Each answered heading names one held type (headings read 'Introduction, reform of schemes'
    where the graph's type is 'scheme reform'): same count, every held type's last word found."""
    return len(answered) == len(held) and all(any(t.split()[-1][:5] in a for a in answered) for t in held)


@pytest.mark.parametrize("question,country", [
    ("nigeria results 2024", "Country:NGA"),
    ("results of zambia in 2024", "Country:ZMB"),
    ("madagascar institutional results", "Country:MDG"),
    ("lao pdr results", "Country:LAO"),
])
def test_keyword_results_query_lists_the_country_result_types(engine, question, country):
    held = _types_of(engine.k, country)
    assert held
    r = engine.ask(question)
    assert r["answer_type"] == "Text"
    assert _matches(_answered_types(r), held), (_answered_types(r), held)


def test_keyword_results_query_with_a_relation_word_keeps_the_relation(engine):
    r = engine.ask("kenya funders results")
    assert r["answers"] and all(a["type"] == "Organization" for a in r["answers"])


@pytest.mark.parametrize("question,country", [
    ("I'm preparing a note on Madagascar - could you tell me what kinds of institutional results the "
     "country achieved in 2024?", "Country:MDG"),
    ("We work a lot with Zambia: which results did the country record in 2024?", "Country:ZMB"),
])
def test_the_country_points_back_to_the_aside_country(engine, question, country):
    r = engine.ask(question)
    assert _matches(_answered_types(r), _types_of(engine.k, country))


def test_the_country_as_a_modifier_or_described_is_no_back_reference(engine):
    from app.qa.form.coreference import core_of
    from app.qa.question import analyse

    for q in ("I'm writing a note on Kenya; in which of the country write-ups does Japan appear as a funder?",
              "I'm writing about Kenya; which is the country with the most funders?"):
        reduced = core_of(q, lambda t: analyse(t, engine.lexicon))
        assert "Kenya" not in reduced.question.split(";")[-1], reduced.question
    filled = core_of("Our office follows Nepal closely; who are the country's funders?",
                     lambda t: analyse(t, engine.lexicon))
    assert "Nepal's funders" in filled.question


@pytest.mark.parametrize("question,country", [
    ("what results did the palestinian territories record in 2024", "Country:PSE"),
    ("timor results 2024", "Country:TLS"),
])
def test_variant_country_names_reach_the_results(engine, question, country):
    held = _types_of(engine.k, country)
    assert held
    assert _matches(_answered_types(engine.ask(question)), held)


def _cell(engine, row_words: str, col_words: str) -> float:
    """The value of the one table cell whose row and column labels hold the given words."""
    hits = {c.value for c in engine.tables.cells
            if all(w in c.row.lower() for w in row_words.split()) and all(w in c.col.lower() for w in col_words.split())}
    assert len(hits) == 1, hits
    return hits.pop()


@pytest.mark.parametrize("question,row,col", [
    ("scheme design law ambition 2021-25", "scheme design", "ambition"),
    ("headquarters technical cooperation staff", "headquarters", "technical cooperation"),
    ("social assistance adequacy 2024 persons", "social assistance", "number"),
])
def test_keyword_query_naming_a_row_and_column_is_the_cell(engine, question, row, col):
    """A keyword query whose words hold a type's noun ("scheme", "country") is still a cell when it
    names a table's row and column outright, not a request for schemes or countries."""
    r = engine.ask(question)
    assert r["answer_type"] == "Number"
    assert r["answers"] and r["answers"][0]["value"] == _cell(engine, row, col)
