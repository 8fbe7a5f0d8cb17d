"""A keyword topic query with nothing named asks where the report tells of the topic.

"gig workers social protection", "self-employed workers coverage": no asking word, no type noun, no
name.  The generated bank's topic questions differ only by their asking frame ("which countries ...",
"how many people ...", "what is the name of the scheme ..."), which such a query lacks, so the
nearest one's answer type was noise: a scheme's name, a number of workers.  Such a query is now read
as asking for countries; a named thing, a head noun or a figure word still types a keyword query.
"""
from __future__ import annotations

import pytest

from graph import countries


@pytest.mark.parametrize("question", ["gig workers social protection", "self-employed workers coverage"])
def test_a_bare_topic_asks_for_countries(engine, question):
    res = engine.ask(question)
    assert res["answer_type"] == "Country"
    assert res["answers"] and all(countries.find_countries(a["label"]) for a in res["answers"])


def test_a_named_thing_or_head_noun_still_types_a_keyword_query(engine):
    assert engine.ask("timor-leste fiscal space report title")["answer_type"] != "Country"
    assert engine.ask("malawi older persons grant reach")["answer_type"] == "Number"
