"""The report as the source of a list ("named in the report") is no kind asked; a list of
answers of several types is not named after one of them in the answer sentence."""
from app.qa.question import answer_type
from app.qa.summary import summarise


def test_named_in_the_report_is_the_source_not_a_name_asked():
    # "named" alone asks for a name (a scheme's); "named in the report" only cites the source
    assert answer_type("P4H network members named in the report") != "Scheme"
    assert answer_type("members of the P4H network mentioned in the report") != "Scheme"
    assert answer_type("what is the scheme named in Jordan") == "Scheme"


def _answer(label, kind, pid):
    return {"label": label, "type": kind, "evidence": [{"passage_id": pid}]}


def test_mixed_types_are_all_named():
    out = {"answer_type": "Country", "strategy": "graph", "path": [],
           "answers": [_answer("France", "Country", "p1"), _answer("World Bank", "Organization", "p1")]}
    text, cites = summarise(out)
    assert text.startswith("The report names two countries and organisations")
    assert cites == {"1": "p1", "2": "p1"}


def test_one_type_keeps_its_noun():
    out = {"answer_type": "Country", "strategy": "graph", "path": [],
           "answers": [_answer("France", "Country", "p1"), _answer("Germany", "Country", "p2")]}
    assert summarise(out)[0].startswith("The report names two countries")
