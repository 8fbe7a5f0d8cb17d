"""A time given by when a body began ("since the ratification campaign started", "before the
campaign's launch") reads as that body's launch year, taken from the graph's dated ``founderOf``
statement; the body's words must name exactly one dated body, else the wording stays."""
from __future__ import annotations

from app.qa.constraints.anchored_years import started_years


class _K:
    def __init__(self, facts, names):
        self._facts, self._names = facts, names

    def facts_where(self, predicate=None, **_):
        return [f for f in self._facts if f["predicate"] == predicate]

    def names(self, eid):
        return self._names.get(eid, [])


_KB = _K([{"subject": "Organization:x", "predicate": "founderOf", "object": "Initiative:c", "attrs": {"year": "2019"}},
          {"subject": "Organization:x", "predicate": "founderOf", "object": "Initiative:n", "attrs": {"year": "2015"}},
          {"subject": "Organization:x", "predicate": "founderOf", "object": "Initiative:u", "attrs": {}}],
         {"Initiative:c": ["Global Campaign for the ratification of the Maritime Convention"],
          "Initiative:n": ["Knowledge Network on Care"], "Initiative:u": ["Undated Campaign"]})


def test_since_a_dated_body_started_reads_as_its_year():
    assert started_years("which countries ratified it since the ratification campaign started", _KB) == \
        "which countries ratified it since 2019"
    assert started_years("who joined after the network was set up?", _KB) == "who joined since 2015?"
    assert started_years("ratified before the campaign's launch", _KB) == "ratified before 2019"


def test_an_undated_or_unknown_body_leaves_the_wording():
    assert started_years("members since the undated campaign began", _KB) is None
    assert started_years("since the steering group was established", _KB) is None
    assert started_years("which countries ratified it since 2019", _KB) is None


def test_a_launch_year_already_written_leaves_the_wording():
    assert started_years("ratifications since campaign launch 2019", _KB) is None
    assert started_years("since the campaign's launch in 2019, who ratified it", _KB) is None
    assert started_years("the campaign started in 2019; how many ratified since the campaign began?", _KB) is None


def _labels(engine, q):
    return {x["label"] for x in engine.ask(q)["answers"]}


def test_ratified_since_the_campaign_started_is_ratified_since_its_launch_year(engine):
    years = {(f.get("attrs") or {}).get("year") for f in engine.k.facts_where(predicate="founderOf")
             if "campaign" in " ".join(engine.k.names(f["object"])).lower()} - {None}
    assert len(years) == 1
    year = years.pop()
    want = _labels(engine, f"Which countries ratified Convention No. 102 since {year}?")
    assert want
    assert _labels(engine, "Which countries ratified Convention No. 102 since the ratification campaign started?") == want
    assert _labels(engine, "whcih countires ratified convention 102 since the campaign began") == want


def test_a_range_word_binds_its_year_to_the_cue_before_it_in_a_keyword_query(engine):
    """"c102 ratified since <year> pathfinder countries": the year dates the ratification (the cue
    the range word follows), not the pathfinder membership written after it."""
    want = _labels(engine, "Which pathfinder countries ratified Convention No. 102 since 2021?")
    assert want
    assert _labels(engine, "c102 ratified since 2021 pathfinder countries") == want
    assert _labels(engine, "c102 ratified since campaign launch pathfinder countries") == want
