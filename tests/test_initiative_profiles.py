"""Initiatives named by what the report says they are: the real linker over the real build.

Descriptions are made from the profiles the build yields (a word the report defines an initiative
with and no other initiative's text holds, beside its head noun), so the tests hold on another
report; the hand-written wordings only check that a region adjective, a hyphen or a prepositional
tail do not change which initiative a description names.
"""
from __future__ import annotations

import pytest

from app.qa.names.initiative_profiles import HEADS, profiles_for
from app.qa.question import analyse


def _initiatives(engine, question: str) -> set[str]:
    return {i for l in analyse(question, engine.lexicon).links for i in l.ids if i.startswith("Initiative:")}


def _distinct_descriptions(engine) -> list[tuple[str, str]]:
    """(initiative, description): its name's head noun, one word of its name and one defining word
    that no other initiative's profile holds."""
    prof = profiles_for(engine.k)
    out = []
    for eid, bag in prof.words.items():
        heads = [w for w in prof.names[eid] if w in HEADS]
        others = set().union(*(prof.words[o] | prof.section_words[o] for o in prof.words if o != eid))
        defining = sorted(w for w in bag - prof.names[eid] - others if w.isalpha() and len(w) > 4)
        name_words = sorted(w for w in prof.names[eid] - set(HEADS) if w.isalpha() and len(w) > 3)
        if heads and defining and name_words:
            out.append((eid, f"the {defining[0]} {name_words[0]} {heads[0]}"))
    return out


def test_a_description_by_a_defining_word_links_its_initiative(engine):
    pairs = _distinct_descriptions(engine)
    if not pairs:
        pytest.skip("no initiative the report defines with a word of its own")
    for eid, desc in pairs:
        assert eid in _initiatives(engine, f"Who are the members of {desc}?"), desc


@pytest.mark.parametrize("question", [
    "Who joined the Asian network on health protection in 2024?",
    "members of the asian social health protection network",
    "The Asian health-protection network studied access to health cover; who leads it?",
])
def test_a_region_adjective_picks_the_initiative_the_report_places_there(engine, question):
    linked = _initiatives(engine, question)
    assert len(linked) == 1
    (eid,) = linked
    assert "asia" in profiles_for(engine.k).words[eid]  # the report defines it by that region


@pytest.mark.parametrize("question, country", [
    ("albania global initiatives member", "Country:ALB"),
    ("who finances nepal's ilo programme", "Country:NPL"),
    ("How many countries' initiatives were showcased at the regional forum in Senegal?", "Country:SEN"),
])
def test_a_country_or_a_verb_is_not_read_into_a_description(engine, question, country):
    a = analyse(question, engine.lexicon)
    assert country in {i for l in a.links for i in l.ids}
    assert not any(l.type == "Initiative" and country.split(":")[1].lower() in l.surface.lower() for l in a.links)


def test_a_generic_phrase_links_nothing(engine):
    assert not _initiatives(engine, "Which countries joined the network in 2024?")
    assert not _initiatives(engine, "Which regional network did they join?")


@pytest.mark.parametrize("question", [
    "Who organised the meeting of the workers' social protection network?",
    "Which farmers' health protection network did the ILO support?",
])
def test_a_possessor_the_report_does_not_define_it_by_links_nothing(engine, question):
    a = analyse(question, engine.lexicon)
    prof = profiles_for(engine.k)
    for l in a.links:
        owner = l.surface.split("'")[0].split("’")[0].split()[-1].lower().rstrip("s") if "'" in l.surface or "’" in l.surface else None
        if owner and l.type == "Initiative":
            assert any(w.startswith(owner) for w in prof.words[l.ids[0]]), (question, l.surface)
