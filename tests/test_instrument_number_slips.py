"""A cited ILO instrument whose number is one keystroke off ("C 012", "convention 120",
"Recommendation No. 220"): linked to the one instrument of that kind the graph holds within one
slip, never when two are that near or when the number is one the graph holds.

Pure pieces run on invented numbers; the engine test derives its slip from the graph's own
ratification facts.
"""
from __future__ import annotations

import pytest

from app.qa.names.instrument_names import _one_slip, mistyped_numbers
from tests.support.engine import answer_ids


@pytest.mark.parametrize("a, b, near", [
    ("012", "102", True), ("120", "102", True), ("103", "102", True), ("201", "102", False),
    ("102", "102", False), ("12", "102", False), ("911", "102", False),
])
def test_one_slip_is_one_wrong_digit_or_two_adjacent_swapped(a, b, near):
    assert _one_slip(a, b) is near


_NUMBERS = {"555": {"LegalInstrument:c555"}, "565": {"LegalInstrument:c565"}, "777": {"LegalInstrument:r777"},
            "345": {"LegalInstrument:c345"}}


def _kind(i: str) -> str:
    return "Recommendation" if i.split(":")[1].startswith("r") else "Convention"


@pytest.mark.parametrize("q, ids", [
    ("which countries ratified C 435", {"LegalInstrument:c345"}),
    ("who ratified Convention No. 354", {"LegalInstrument:c345"}),
    ("recommendation 787 number", {"LegalInstrument:r777"}),
])
def test_a_mistyped_citation_links_the_one_near_instrument_of_its_kind(q, ids):
    assert [found for _, _, found in mistyped_numbers(q, _NUMBERS, _kind)] == [ids]


@pytest.mark.parametrize("q", [
    "who ratified convention 575",  # 555 and 565 are both one slip away
    "who ratified convention 555",  # a number the graph holds is linked by its name, not here
    "who ratified convention 787",  # 777 is a recommendation
    "how many projects in 435 countries",  # no citation
])
def test_ambiguous_held_or_uncited_numbers_link_nothing(q):
    assert mistyped_numbers(q, _NUMBERS, _kind) == []


def test_ratifiers_of_a_convention_cited_with_two_digits_swapped(engine):
    from app.qa.names.instrument_names import instrument_number

    by_inst: dict[str, set[str]] = {}
    for f in engine.k.facts_where(predicate="ratified"):
        if (f.get("attrs") or {}).get("status") in (None, "registered"):  # a pending ratification is no answer
            by_inst.setdefault(f["object"], set()).add(f["subject"])
    for inst, countries in sorted(by_inst.items()):
        num = instrument_number(engine.k.label(inst)) or ""
        slip = num[1] + num[0] + num[2:] if len(num) == 3 else ""
        held = engine.lexicon.instrument_numbers
        if slip and slip not in held and slip != num and sum(_one_slip(slip, n) for n in held) == 1:
            res = engine.ask(f"which countries ratified C {slip}")
            assert answer_ids(engine, res) == countries
            return
    pytest.skip("no ratified convention whose swapped number is unambiguous")
