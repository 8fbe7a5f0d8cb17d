"""A country the question names and no constraint binds is the question's subject
(app.qa.constraints.named_subject): "tanzania c102 ratification" is about Tanzania, not every ratifying country."""

import pytest

from app.qa.graphstep import Constraint
from app.qa.constraints.named_subject import subject_only
from app.qa.question import Link


def _link(q, surface, ids):
    i = q.index(surface)
    return Link(i, i + len(surface), surface, ids)


_RATIFIED = Constraint("?answer fg:ratified <c102>", "countries that ratified C102",
                       [("?", "ratified", "LegalInstrument:c102")], relation="ratify")


def test_a_named_unbound_country_narrows_the_list_to_itself_or_to_nothing():
    q = "atlantis c102 ratification"
    links = [_link(q, "atlantis", ["Country:ATL"])]
    assert subject_only(q, links, [_RATIFIED], ["Country:BOR", "Country:ATL"], set(), []) == (["Country:ATL"], "Country:ATL")
    assert subject_only(q, links, [_RATIFIED], ["Country:BOR", "Country:ZEM"], set(), []) == ([], "Country:ATL")


@pytest.mark.parametrize("q,names", [
    ("which countries ratified c102 like atlantis", {"atlantis": ["Country:ATL"]}),  # an anchor
    ("which countries besides atlantis ratified c102", {"atlantis": ["Country:ATL"]}),
    ("did atlantis or borduria ratify c102", {"atlantis": ["Country:ATL"], "borduria": ["Country:BOR"]}),
    ("which countries ratified c102", {}),
])
def test_anchors_pairs_and_plain_lists_are_left_alone(q, names):
    links = [_link(q, s, ids) for s, ids in names.items()]
    assert subject_only(q, links, [_RATIFIED], ["Country:BOR", "Country:ZEM"], set(), []) is None


def test_a_weak_only_reading_is_left_to_the_text():
    weak = Constraint("?answer fg:partneredWith ?x", "partners", [("?", "partneredWith", "*")], strong=False)
    q = "atlantis partners"
    assert subject_only(q, [_link(q, "atlantis", ["Country:ATL"])], [weak], ["Country:BOR", "Country:ZEM"], set(), []) is None


def _ratifiers(engine):
    return {a["iso3"] for a in engine.ask("Which countries ratified Convention No. 102?")["answers"]}


@pytest.mark.parametrize("asking", ["{c} c102 ratification", "{c} ratification of convention 102",
                                    "c102 ratified {c}?"])
def test_a_country_outside_the_ratifying_list_gets_no_answer(engine, asking):
    ratifiers = _ratifiers(engine)
    others = [e for e in engine.k.of_type("Country") if e["attrs"].get("priority") and e["key"] not in ratifiers]
    assert ratifiers and others
    for e in others[:3]:
        res = engine.ask(asking.format(c=e["label"]))
        assert not {a.get("iso3") for a in res["answers"]} & ratifiers, (e["label"], res["answers"])


def test_a_result_question_about_a_country_without_results_is_not_answered_with_every_country(engine):
    res = engine.ask("Did the Flagship Programme achieve any institutional result in Brazil in 2024?")
    assert res["answers"] == []
