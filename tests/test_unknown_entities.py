"""A linked name with no entity in the graph (a gazetteer country the report never writes) makes
the question unanswerable, unless the question sets the name aside."""
from app.qa.constraints.unknown_entities import unknown_entities
from app.qa.question import Link

KNOWN = {"Country:KEN", "Country:NOR", "Organization:gov-NOR"}


def _known(i: str) -> bool:
    return i in KNOWN


def test_unknown_country_is_reported():
    q = "Which countries does Finland finance?"
    links = [Link(21, 28, "Finland", ["Country:FIN"])]
    assert unknown_entities(q, links, _known) == ["Finland"]


def test_known_id_among_several_keeps_the_question():
    q = "Which countries does Norway fund?"
    links = [Link(21, 27, "Norway", ["Country:NOR", "Organization:gov-NOR"])]
    assert unknown_entities(q, links, _known) == []


def test_set_aside_name_does_not_abstain():
    q = "funders of Kenya other than Canada"
    links = [Link(11, 16, "Kenya", ["Country:KEN"]), Link(28, 34, "Canada", ["Country:CAN"])]
    assert unknown_entities(q, links, _known) == []


def test_engine_abstains_on_a_country_the_report_never_names(engine):
    out = engine.ask("Which countries does Finland finance through the Flagship Programme?")
    assert out["answers"] == []
    assert "Finland" in out.get("message", "")
