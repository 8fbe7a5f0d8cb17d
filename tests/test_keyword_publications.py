"""Keyword queries that name a publication by kind and title words, and subtitles asked for.

Pure pieces run on invented text; the engine test builds its query from the graph's own publication
records (kind and title words), never from a title typed in from the report.
"""
from __future__ import annotations

import pytest

from app.qa.things.keyword_publication import names_publication
from app.qa.things.subtitles import add_subtitles, subtitle
from app.qa.units import terms
from tests.support.engine import answer_ids


@pytest.mark.parametrize("q, named", [
    ("pension reform working paper fiscal space", True),
    ("FAO WHO joint guidance malaria", True),           # the acronym WHO is no question word
    ("fact sheet on the right to housing", True),
    ("who published the working paper on pensions", False),  # asks the publisher
    ("which countries does the working paper cover", False),
    ("working paper pensions publication date", False),       # asks a date, not the title
    ("report country results kenya", False),                  # 'report' is the report itself
    ("kenya pension reform", False),                          # no kind noun
    ("funders pension reform working paper", False),          # asks who paid for it
])
def test_a_keyword_query_names_a_publication_only_by_kind_and_without_other_asks(q, named):
    assert names_publication(q) is named


def test_subtitle_is_the_part_after_the_colon():
    assert subtitle("Main Report 2030: Better pensions for all") == "Better pensions for all"
    assert subtitle("A title without one") is None
    assert subtitle("Report: ") is None


def test_subtitles_are_set_only_when_asked_and_only_on_publications():
    answers = [{"label": "Main Report 2030: Better pensions for all", "type": "Publication"},
               {"label": "Fund: one", "type": "Organization"}]
    add_subtitles("main report 2030 title", answers)
    assert all("name" not in x for x in answers)
    add_subtitles("main report 2030 subtitle", answers)
    assert answers[0]["name"] == "Better pensions for all" and "name" not in answers[1]


# -- the real engine ----------------------------------------------------------------------------------
def test_a_keyword_query_of_kind_and_title_words_answers_the_publication(engine):
    """'<title words> <kind>' with no question word, where a title word is also a keyword of a
    the funding relation in the registry ('financing' signals funders): the publication, not the organisations
    the intent matcher would read into that word."""
    from graph.relations import REGISTRY
    keywords = {w for w in REGISTRY.get("fundedBy").keywords if " " not in w}
    tried = 0
    for p in engine.titles.pubs:
        if p.language != "en" or not p.kind or p.kind == "report":
            continue
        words = [w.strip('",.?') for w in p.label.lower().replace(":", " ").split()]
        words = [w for w in words if set(terms(w)) and set(terms(w)) <= p.title_terms and w not in p.kind]
        stems = {tuple(terms(k)) for k in keywords if terms(k)}
        signal = [w for w in words if tuple(terms(w)) in stems]  # the title's own word ("financing")
        if not signal or len(words) < 3:
            continue
        rest = [w for w in words if not set(terms(w)) & set(terms(" ".join(signal)))][:3]
        res = engine.ask(f"{signal[0]} {' '.join(rest)} {p.kind}")
        assert answer_ids(engine, res) == {p.eid}, res["question"]
        tried += 1
    assert tried


def test_a_keyword_query_of_a_co_publisher_answers_its_one_publication(engine):
    """'<co-publisher> ILO joint guidance <year>': no title words, and "guidance" is not the kind the
    build recorded (a guide, a fact sheet), but the co-publisher has one publication in the graph, so
    that one is answered (the organisations of a "Joint Action Plan" sentence were)."""
    from app.qa.engine import AUTHOR_ORGS

    tried = 0
    for org in sorted({o for p in engine.titles.pubs for o in p.publishers
                       if o.startswith("Organization:") and o not in AUTHOR_ORGS}):
        acronym = (engine.k.entity(org) or {}).get("acronym")
        theirs = [p for p in engine.titles.pubs if org in p.publishers]
        if not acronym or not acronym.isupper() or len(theirs) != 1 or theirs[0].kind == "guidance":
            continue
        res = engine.ask(f"{acronym} ILO joint guidance {theirs[0].year}".strip())
        assert answer_ids(engine, res) == {theirs[0].eid}, (res["question"], res.get("path"))
        tried += 1
    if not tried:
        pytest.skip("no co-publisher with a single publication")


def test_a_subtitle_question_answers_the_part_after_the_colon(engine):
    titled = [p for p in engine.titles.pubs if ": " in p.label and p.number]
    assert titled
    p = titled[0]
    res = engine.ask(f"what is the subtitle of {p.kind} {p.number}?")
    names = [a.get("name") for a in res["answers"] if a.get("type") == "Publication"]
    assert names and names[0] == subtitle(p.label)


def test_a_named_publication_is_answered_when_its_subtitle_is_asked():
    from app.qa.things.subtitles import linked_publications
    ids = ["Country:KEN", "Publication:a", "Publication:a"]
    assert linked_publications("main report 2030 subtitle", [{"type": "Initiative"}], ids) == ["Publication:a"]
    assert linked_publications("main report 2030 subtitle", [{"type": "Publication"}], ids) == []
    assert linked_publications("main report 2030 theme", [{"type": "Initiative"}], ids) == []


def test_a_subtitle_asked_by_a_publications_short_form_answers_it(engine):
    """'<short form> subtitle' (the form the report writes in brackets after the title): the
    publication, carrying its subtitle, whatever relation the other words suggested."""
    tried = 0
    for p in engine.titles.pubs:
        ent = engine.k.entity(p.eid) or {}
        for alt in ent.get("alt_labels") or ():
            if subtitle(p.label) and len(alt.split()) <= 3:
                res = engine.ask(f"{alt} subtitle")
                assert [a.get("name") for a in res["answers"]] == [subtitle(p.label)], res["question"]
                tried += 1
    assert tried
