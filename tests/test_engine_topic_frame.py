"""Topic questions whose asking outweighs their topic ("which countries did the ILO support on ...
for migrant workers"), answered from the sentences that say the topic: the real engine over the
real build of the bundled report.

Questions are written for these tests (not in any tuning set).  Expected sets are read from the
report's passages by pattern, so the tests hold on another report with the same kinds of facts.
"""
from __future__ import annotations

import re

from app.qa.topics.topic_rerank import topic_words
from app.qa.units import terms
from tests.support.engine import answer_ids as _ids
from tests.support.engine import entry_countries_saying as _entry_countries_saying
from tests.support.engine import evidence_texts as _evidence_text


def test_topic_words_leave_the_frame_out():
    stop = set(terms("which countries did the ilo support on social protection for workers"))
    assert topic_words("Which countries did the ILO support on social protection for migrant workers?", stop, set()) == \
        ["migrant"]


def test_a_frame_heavy_question_is_answered_from_the_topic_sentences(engine):
    """The whole question's embedding prefers 'the ILO has provided technical support to ...'; the
    answer must come from the sentences that write the topic word."""
    want = _entry_countries_saying(engine, r"\bmigrant")
    assert len(want) >= 2
    res = engine.ask("In which countries did the ILO support social protection for migrant workers?")
    got = _ids(engine, res)
    assert res["answer_type"] == "Country"
    assert len(got & want) >= 2 and got <= want, (got, want)
    for text in _evidence_text(res):
        assert re.search(r"migrant", text, re.I), text


def test_a_name_holding_a_topic_word_does_not_stand_for_the_topic(engine):
    """'Department of Labor and Employment' writes one of 'employment injury': the sentences that
    write both say the topic, and only their countries are answers."""
    want = {f"Country:{engine.text._entry_country(p)}" for p in engine.k.passages.values()
            if engine.text._entry_country(p) and re.search(r"employment injury", p.text, re.I)}
    assert want
    res = engine.ask("which countries did the ILO help with employment injury insurance")
    got = _ids(engine, res)
    assert got and len(got) <= 6, got
    for text in _evidence_text(res):
        assert re.search(r"employment injury|injur", text, re.I), text
    assert want & got, (got, want)


def test_loose_exclusion_cues_set_a_region_aside():
    from app.qa.constraints.exclusion import set_aside
    from app.qa.question import Link

    q = "We cover Africa separately, so skip the African ones: which countries had pension reforms?"
    links = [Link(q.index("Africa"), q.index("Africa") + 6, "Africa", ["Region:africa"]),
             Link(q.index("African"), q.index("African") + 7, "African", ["Region:africa"])]
    out = set_aside(q, links)
    assert out.ids == {"Region:africa"}
    assert "Africa" not in out.question and "ones" not in out.question and "pension reforms" in out.question


def test_a_keyword_query_setting_a_place_aside_asks_for_places():
    from app.qa.constraints.exclusion import type_set_aside

    assert type_set_aside("actuarial valuations outside africa", "Text", "Organization", {"Region:africa"}) == "Country"
    assert type_set_aside("typhoon response except vietnam", "Text", "Publication", {"Country:VNM"}) == "Country"
    # a type the query's words state, a question word, or a guessed scheme stay
    assert type_set_aside("which report covers typhoons outside asia", "Text", "Publication", {"Region:asia"}) == "Publication"
    assert type_set_aside("pension schemes outside africa", "Text", "Scheme", {"Region:africa"}) == "Scheme"
    assert type_set_aside("donors outside europe", "Organization", "Organization", {"Region:europe"}) == "Organization"
    # a scheme noun that only modifies the query's last word is no scheme asked
    assert type_set_aside("pension actuarial valuations outside africa", "Text", "Scheme", {"Region:africa"}) == "Country"
    assert type_set_aside("pension work by the ilo except ukraine", "Text", "Scheme", {"Country:UKR"}) == "Country"
    assert type_set_aside("health insurance outside africa", "Text", "Scheme", {"Region:africa"}) == "Scheme"


def test_asks_for_many():
    from app.qa.topics.topic_rerank import asks_for_many

    assert asks_for_many("Where did the ILO support awareness campaigns?")
    assert asks_for_many("typhoon response except vietnam")
    assert not asks_for_many("c102 national assembly approval 2024 country")  # a keyword query for one
    assert not asks_for_many("Where was the forum held?")


def test_a_keyword_query_with_a_country_set_aside_answers_countries_on_the_topic(engine):
    """"<topic> other than <country>": the other countries whose sentences say the topic."""
    want = _entry_countries_saying(engine, r"employment injury")
    res = engine.ask("employment injury insurance work other than bangladesh")
    got = _ids(engine, res)
    assert res["answer_type"] == "Country"
    assert got and "Country:BGD" not in got
    assert got & want, (got, want)
    for text in _evidence_text(res):
        assert re.search(r"injur", text, re.I), text


def test_a_passing_mention_of_the_commoner_topic_word_adds_no_country(engine):
    """'gig and platform workers': a sentence on 'a microservices platform' is another topic."""
    res = engine.ask("Where did the ILO work on extending social protection to gig and platform workers?")
    texts = _evidence_text(res)
    assert texts
    for text in texts:
        assert re.search(r"\bgig", text, re.I) or re.search(r"platform (?:economy|workers|based gig)", text, re.I), text


def test_a_trailing_cue_sets_aside_the_names_it_follows():
    from app.qa.constraints.exclusion import set_aside
    from app.qa.question import Link

    def link(q, name, eid):
        return Link(q.index(name), q.index(name) + len(name), name, [eid])

    q = "countries funded by the netherlands, egypt and kenya excluded"
    out = set_aside(q, [link(q, "netherlands", "Organization:gov-NLD"), link(q, "egypt", "Country:EGY"),
                        link(q, "kenya", "Country:KEN")])
    assert out.ids == {"Country:EGY", "Country:KEN"}  # the clause's own funder stays
    assert "netherlands" in out.question and "egypt" not in out.question
    q = "jordan donors, eu and uk left out"
    out = set_aside(q, [link(q, "jordan", "Country:JOR"), link(q, "eu", "Organization:eu"),
                        link(q, "uk", "Organization:gov-GBR")])
    assert out.ids == {"Organization:eu", "Organization:gov-GBR"}


def test_a_topic_the_report_never_writes_gets_no_answer(engine):
    """A question whose only rare word no sentence near it writes is answered by nothing, not by
    the sentences that share its frame ("the ILO supported ... to extend social security")."""
    phrase = "domestic workers"
    assert not any(phrase in p.text.lower() for p in engine.k.passages.values())
    res = engine.ask(f"In which countries did the ILO help extend social security to {phrase}?")
    assert res["answers"] == []
    # the same frame on a topic the report writes still answers
    res = engine.ask("In which countries did the ILO help extend social security to migrant workers?")
    assert res["answers"]


def test_countries_named_as_givers_of_money_are_not_where_the_work_happened(engine):
    """"... secured through contributions from the European Union (EU), France, and Spain, the
    Ministry ... introduced allowances": the entry's country is the place, the givers are not."""
    from app.qa.textstep import Found
    from app.qa.topics.topic_coverage import givers_in_sentence

    text = "With €67 million secured through contributions from the European Union (EU), France, and Spain, the Ministry paid."
    fr = Found("Country", "Country:FRA", "France", [(text.index("France"), text.index("France") + 6)])
    es = Found("Country", "Country:ESP", "Spain", [(text.index("Spain"), text.index("Spain") + 5)])
    assert givers_in_sentence([fr, es], text, 0) == {"Country:FRA", "Country:ESP"}
    text2 = "Funded by the EU, the ILO worked in Kenya and Uganda."
    ke = Found("Country", "Country:KEN", "Kenya", [(text2.index("Kenya"), text2.index("Kenya") + 5)])
    assert givers_in_sentence([ke], text2, 0) == set()
    p, m = None, None
    for psg in engine.k.passages.values():
        m = re.search(r"contributions from the [^.]*?\b(France|Spain)\b[^.]*?allowances for persons with (?:severe )?disabilities",
                      psg.text)
        if m:
            p = psg
            break
    if p is None:
        import pytest
        pytest.skip("the report names no givers of an allowance's money")
    res = engine.ask("In which countries were disability allowances paid out in 2024?")
    labels = {a["label"] for a in res["answers"]}
    assert labels and m.group(1) not in labels, labels
