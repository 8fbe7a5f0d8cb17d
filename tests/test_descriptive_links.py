"""A descriptive name (an entity the report only describes in common nouns, "pension reform") is a
topic in a question for many countries, not a filter to the one entry that wrote it.  The real
engine over the real build; names and expected countries are read from the knowledge base and the
report's passages."""
from __future__ import annotations

import re

import pytest

from app.qa.relation.descriptive_links import descriptive, topic_links
from app.qa.question import analyse
from tests.support.engine import answer_ids, entry_countries_saying


def _descriptive_entities(engine):
    return [e for e in engine.k.entities if descriptive(e, engine.k)]


def test_descriptive_means_lower_case_without_acronym(engine):
    found = _descriptive_entities(engine)
    if not found:
        pytest.skip("the build holds no descriptively named entity")
    for eid in found:
        label = engine.k.label(eid)
        ent = engine.k.entity(eid)
        # lower case, or found by its description and later named by its entry (the description
        # stays a lower-case alternative label: "a community-based health insurance scheme")
        assert label == label.lower() or ((ent.get("attrs") or {}).get("described")
                                          and any(n == n.lower() for n in ent.get("alt_labels") or ())), label
    named = [e for e in engine.k.entities if e.startswith("Scheme:") and engine.k.label(e)[:1].isupper()
             and not (engine.k.entity(e).get("attrs") or {}).get("described")]
    assert named and not any(descriptive(e, engine.k) for e in named)


def test_a_descriptive_link_is_dropped_only_when_many_countries_are_asked(engine):
    eid = next((e for e in _descriptive_entities(engine) if len(engine.k.label(e).split()) >= 2), None)
    if eid is None:
        pytest.skip("no descriptive name of two words or more")
    label = engine.k.label(eid)
    a = analyse(f"{label} countries", engine.lexicon)
    a.answer_type = "Country"
    if not any(eid in l.ids for l in a.links):
        pytest.skip(f"'{label}' is not linked on its own")
    assert topic_links(a, engine.k) and not any(eid in l.ids for l in a.links)
    assert set(re.findall(r"\w+", label.lower())) & {t[:4] for t in a.topic_terms} or a.topic_terms
    one = analyse(f"Which country has the {label}?", engine.lexicon)
    one.answer_type = "Country"
    assert not topic_links(one, engine.k)  # one country asked: the name stays a name


def test_a_topic_written_in_several_entries_is_answered_from_each(engine):
    """'[descriptive name] countries' when several country entries write those words."""
    for eid in _descriptive_entities(engine):
        label = engine.k.label(eid)
        words = re.findall(r"[a-z]+", label)
        if len(words) < 2 or len(words) > 3:
            continue
        want = entry_countries_saying(engine, r"\b" + r"\W+".join(w[:5] + r"\w*" for w in words))
        if len(want) < 2:
            continue
        got = answer_ids(engine, engine.ask(f"{label} countries"))
        assert len(got & want) >= 2, (label, got, want)
        return
    pytest.skip("no descriptive name whose words several country entries write")


def test_a_keyword_query_listing_two_wordings_finds_entries_of_either(engine):
    """'grievance complaints mechanisms countries': one entry writes 'grievance mechanism', another
    'management of complaints'; both are the topic."""
    one = entry_countries_saying(engine, r"\bgrievance mechanism")
    other = entry_countries_saying(engine, r"\bcomplaints?\b") - one
    if not one or not other:
        pytest.skip("the report does not write the topic both ways")
    got = answer_ids(engine, engine.ask("grievance complaints mechanisms health insurance countries"))
    assert one & got and other & got, (got, one, other)
