"""Yes/no questions about a topic in one country are answered from the country's own sentences
(app.qa.constraints.topic_polar), not with a list of other countries."""

import pytest

from app.qa.question import Link
from app.qa.constraints.topic_polar import asked


def _link(q, surface, ids):
    i = q.index(surface)
    return Link(i, i + len(surface), surface, ids)


def test_one_country_and_the_author_is_a_topic_question():
    q = "Did the ILO work on unemployment insurance in Atlantis?"
    got = asked(q, [_link(q, "ILO", ["Organization:ilo"]), _link(q, "Atlantis", ["Country:ATL"])], {"Organization:ilo"})
    assert got is not None and got[0] == "Country:ATL" and "atlantis" not in got[1]


@pytest.mark.parametrize("q,spans", [
    ("Which countries did the ILO help on unemployment insurance?", {}),  # a list question
    ("Does the EU fund Atlantis?", {"EU": ["Organization:eu"], "Atlantis": ["Country:ATL"]}),  # a relation
    ("Did Atlantis ratify the convention?", {"Atlantis": ["Country:ATL"]}),
    ("Did the ILO work on pensions in Atlantis or Borduria?", {"Atlantis": ["Country:ATL"], "Borduria": ["Country:BOR"]}),
])
def test_other_questions_are_left_to_the_engine(q, spans):
    assert asked(q, [_link(q, s, ids) for s, ids in spans.items()], {"Organization:ilo"}) is None


def _topic_countries(engine, question):
    return {a["iso3"] for a in engine.ask(question)["answers"] if a.get("iso3")}


@pytest.mark.parametrize("topic,asking", [
    ("unemployment insurance", "Did the ILO work on {t} in {c}?"),
    ("refugees", "Has the ILO supported {c} on social protection for {t}?"),
    ("actuarial valuations", "did the ilo do {t} in {c}"),
])
def test_yes_for_a_country_the_topic_list_names_and_no_for_one_the_report_never_links_to_it(engine, topic, asking):
    listed = _topic_countries(engine, f"Which countries did the ILO support on {topic}?")
    assert listed
    for iso in sorted(listed)[:3]:
        name = engine.k.label(f"Country:{iso}")
        res = engine.ask(asking.format(t=topic, c=name))
        assert [a["label"] for a in res["answers"]] == ["Yes"], (topic, name)
        assert res["answers"][0]["evidence"] and res["citations"]["1"]
    # a priority country whose sentences never write the topic's rare words
    key = topic.split()[0][:6].lower()
    silent = [e for e in engine.k.of_type("Country") if e["attrs"].get("priority") and e["key"] not in listed and not any(
        key in (engine.k.passage(p).text.lower() if engine.k.passage(p) else "") for p in engine.k.passages_mentioning(e["id"]))]
    assert silent
    res = engine.ask(asking.format(t=topic, c=silent[0]["label"]))
    assert [a["label"] for a in res["answers"]] == ["No"] and "as far as the report says" in res["answer_text"]
