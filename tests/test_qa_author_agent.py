"""The report's author answered from a sentence only when the sentence lists it with the other
answers (round 12, qlook12; app/qa/topics/author_agent.py).

Pure pieces run on invented names and sentences; the engine tests ask keyword and plain questions
written for these tests over the real build, and read what the sentence lists from the build's text.
"""
from __future__ import annotations

import re

import pytest

from app.qa.topics.author_agent import drop_author_agent, listed_with

_AUTHOR = ["NLO", "Northern Labour Office"]


@pytest.mark.parametrize("text", ["together with the Harbour Fund, the Tidal Bank and NLO",
                                  "the NLO, the Tidal Bank, and the Harbour Fund renewed support",
                                  "the Northern Labour Office, in cooperation with the Tidal Bank, published a study",
                                  "NLO and the Tidal Bank co-organised a forum"])
def test_the_author_in_one_list_with_another_answer_is_listed(text):
    assert listed_with(text, _AUTHOR, ["Tidal Bank", "Harbour Fund"])


@pytest.mark.parametrize("text", ["The NLO has worked closely with partners, such as the Tidal Bank and the Harbour Fund",
                                  "the NLO helped set up a task force for the nets operated by the Tidal Bank and the Harbour Fund",
                                  "NLOs and banks"])
def test_the_author_as_the_sentences_agent_is_not_listed(text):
    assert not listed_with(text, _AUTHOR, ["Tidal Bank", "Harbour Fund"])


def _answers(text):
    ev = [{"text": text}]
    return [{"label": "Northern Labour Office", "iri": "a", "evidence": ev},
            {"label": "Tidal Bank", "iri": "t", "evidence": ev}, {"label": "Harbour Fund", "iri": "h", "evidence": ev}]


_NAMES = {"a": _AUTHOR, "t": ["Tidal Bank"], "h": ["Harbour Fund"]}


def test_a_sentence_answer_drops_the_author_as_agent_only():
    agent = "The NLO has worked closely with partners, such as the Tidal Bank and the Harbour Fund."
    assert [x["iri"] for x in drop_author_agent(_answers(agent), "text", {"a"}, _NAMES.get)] == ["t", "h"]
    listed = "The NLO, the Tidal Bank and the Harbour Fund met."
    assert len(drop_author_agent(_answers(listed), "text", {"a"}, _NAMES.get)) == 3


def test_graph_answers_and_a_lone_author_are_kept():
    agent = "The NLO has worked closely with partners, such as the Tidal Bank and the Harbour Fund."
    assert len(drop_author_agent(_answers(agent), "graph", {"a"}, _NAMES.get)) == 3
    assert len(drop_author_agent(_answers(agent)[:1], "text", {"a"}, _NAMES.get)) == 1


# -- engine, real build -----------------------------------------------------------------------------
def _scheme_with_agent_sentence(engine):
    """A scheme whose passage has the author as the agent of a partnership ("The ILO has worked
    closely with ... partners, such as ...") rather than in a list of partners."""
    k = engine.k
    for e in k.entities.values():
        if e["type"] != "Scheme":
            continue
        for pid in k.passages_mentioning(e["id"]):
            m = re.search(r"\bThe ILO has worked closely with [^.]*partners, such as [^.]*inclusion of (\w+)", k.passage(pid).text)
            if m:
                from app.qa.things.written_names import proper_name
                # the scheme by the name readers use, and who it was opened to (the sentence's topic)
                return (proper_name(e) or e["label"]), m.group(1)
    pytest.skip("no scheme passage with the author as agent of a partnership in this build")


@pytest.mark.parametrize("form", ["{s} {t} partners", "{t} {s} partners", "{s} {t} inclusion international partners",
                                  "Who were the partners for including {t} in {s}?"])
def test_partners_read_from_a_sentence_leave_out_the_author_as_agent(engine, form):
    scheme, topic = _scheme_with_agent_sentence(engine)
    d = engine.ask(form.format(s=scheme, t=topic))
    labels = {x["label"] for x in d["answers"]}
    # (a graph answer narrowed by the sentence, "graph+text", reads it too: since round 24 the scheme's
    # partners are the graph's partnerships scoped to it, and the sentence's names join them)
    if "text" not in str(d.get("strategy", "")) or len(labels) < 2:
        pytest.skip("not answered from a sentence")
    assert "International Labour Organization" not in labels
