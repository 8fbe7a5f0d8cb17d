"""What replaced a body or scheme (app.qa.relation.succession).  Invented bodies and sentences."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from app.qa.question import Analysis, Link
from app.qa.relation.succession import asks_succession, other_party


@dataclass
class _P:
    text: str


class _K:
    def __init__(self, text: str, names: dict[str, str]):
        self.p = _P(text)
        self.ms = []
        for eid, surface in names.items():
            for i in [j for j in range(len(text)) if text.startswith(surface, j)]:
                t, key = eid.split(":")
                self.ms.append({"type": t, "key": key, "start": i, "end": i + len(surface)})
        self.ents = {eid: {"id": eid, "attrs": {"country": "ATL"}} for eid in names}

    def passages_mentioning(self, eid):
        return ["p1"]

    def passage(self, pid):
        return self.p

    def mentions_in(self, pid):
        return self.ms

    def entity(self, eid):
        return self.ents.get(eid)


_NAMES = {"Organization:old": "Harbour Health Fund (HHF)", "Organization:new": "Coastal Health Agency (CHA)"}


def _a(q: str, linked: dict[str, str]) -> Analysis:
    a = Analysis(question=q, answer_type="Organization")
    for surface, eid in linked.items():
        i = q.index(surface)
        a.links.append(Link(i, i + len(surface), surface, [eid]))
    return a


@pytest.mark.parametrize("text", [
    "The transition from the former Harbour Health Fund (HHF) to the newly established Coastal Health Agency (CHA) "
    "was completed in 2024.",
    "In 2024 the Coastal Health Agency (CHA) replaced the Harbour Health Fund (HHF).",
    "The Harbour Health Fund (HHF) was replaced by the Coastal Health Agency (CHA) in 2024.",
])
def test_the_successor_is_read_from_each_way_of_writing_it(text):
    k = _K(text, _NAMES)
    got = other_party(_a("what replaced the HHF?", {"HHF": "Organization:old"}), k)
    assert got is not None and got[0] == "Organization:new"
    back = other_party(_a("what did the CHA replace?", {"CHA": "Organization:new"}), k)
    assert back is not None and back[0] == "Organization:old"


def test_two_bodies_merely_listed_together_are_no_succession():
    k = _K("The Harbour Health Fund (HHF) and the Coastal Health Agency (CHA) met in 2024.", _NAMES)
    assert other_party(_a("what replaced the HHF?", {"HHF": "Organization:old"}), k) is None


def test_a_question_without_a_verb_of_replacing_is_left_alone():
    k = _K("The Coastal Health Agency (CHA) replaced the Harbour Health Fund (HHF).", _NAMES)
    assert not asks_succession("who funds the HHF?")
    assert not asks_succession("Which countries have a health fund that was replaced?")  # places asked
    assert other_party(_a("who funds the HHF?", {"HHF": "Organization:old"}), k) is None
