"""No year of adoption for a law or scheme the report gives as still pending.

"When was Uzbekistan's Social Insurance Law adopted?" was answered 2024: the only year near the law
is the year it was being drafted.  The graph records each instrument's and scheme's status as the
report words it ("drafted", "under development"); a question asking when such a thing was adopted,
approved, enacted, passed or entered into force asks for an act the report does not state, so there
is no year to answer, and the answer says why.  A question on the pending step itself ("when was
the draft submitted", "since when has it been under development") keeps its year.

Only the graph's status attribute and ordinary English verbs of completion.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

PENDING = {"drafted", "under development", "proposed", "planned", "under discussion", "being discussed"}
# The completed act asked ("was it adopted", "year of enactment")
_COMPLETED = re.compile(r"\b(?:adopt\w*|approv\w*|enact\w*|pass(?:ed)?|promulgat\w*|sign(?:ed)?\s+into\s+law|"
                        r"entered\s+into\s+force|came\s+into\s+force|in\s+force|took\s+effect)\b", re.I)
# The pending step itself is asked
_PENDING_ASKED = re.compile(r"\b(?:draft\w*|submit\w*|discuss\w*|develop\w*|propos\w*|prepar\w*|expected|plann\w*|will)\b", re.I)
_KINDS = ("LegalInstrument", "Scheme")


@dataclass(frozen=True)
class Pending:
    message: str
    passages: list[str]


def pending_adoption(a, knowledge) -> Pending | None:
    """The named instrument or scheme whose adoption year is asked while the report gives it as
    pending (see the module docstring); None otherwise."""
    if a.answer_type != "Year" or not _COMPLETED.search(a.question) or _PENDING_ASKED.search(a.question):
        return None
    named = list(dict.fromkeys(i for l in a.links if l.type in _KINDS for i in l.ids))
    if len(named) != 1:
        return None
    e = knowledge.entity(named[0]) or {}
    status = str((e.get("attrs") or {}).get("status") or "").lower()
    if status not in PENDING:
        return None
    return Pending(f"The report gives {e.get('label')} as {status}, not as adopted: it states no year of adoption.",
                   list(e.get("passages") or [])[:3])
