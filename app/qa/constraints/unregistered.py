"""What a ratification question left out because the ratification is not registered yet.

The graph records a ratification approved at home (a parliament's vote, a presidential letter)
with a ``status`` other than ``registered``, and a question about ratifications only counts the
registered ones (:mod:`app.qa.graphstep`). Asked "which conventions did Angola ratify" or "did
Angola ratify C102", the graph's answer is then empty or "No" although the report says something a
reader needs: the ratification was approved in 2024 and is not registered yet. The answer says so,
with the sentence as evidence, rather than "no reliable answer" or a bare "No".
"""

from __future__ import annotations

from dataclasses import dataclass

from app.qa.graphstep import Constraint

# How each recorded status reads in a sentence; {when} is " in 2024" or "".
_STATUS_WORDS = {
    "approved-not-yet-registered": "was approved{when} and is not yet registered with the ILO",
    "approved": "was approved{when}",
}


@dataclass(frozen=True)
class Unregistered:
    """Ratifications recorded with a status other than registered, said in one sentence."""
    sentence: str  # "Angola's ratification of Convention No. 102 was approved in 2024 and ..."
    passages: list[str]

    @property
    def message(self) -> str:
        return f"No registered ratification; the report says {self.sentence}."


def of_countries(subjects: list[str], knowledge, obj: str | None = None) -> Unregistered | None:
    """The unregistered ratifications of ``subjects`` (of ``obj`` only, when given)."""
    facts = [f for s in dict.fromkeys(subjects) for f in knowledge.facts_where(subject=s, predicate="ratified", obj=obj)
             if (f.get("attrs") or {}).get("status") not in (None, "", "registered")]
    if not facts:
        return None
    said = []
    for f in facts:
        attrs = f["attrs"]
        when = f" in {attrs['year']}" if attrs.get("year") else ""
        status = _STATUS_WORDS.get(attrs["status"], "was " + attrs["status"].replace("-", " ") + "{when}")
        said.append(f"{knowledge.label(f['subject'])}'s ratification of {knowledge.label(f['object'])} "
                    + status.format(when=when))
    return Unregistered("; ".join(said), [p for f in facts for p in f.get("passages") or []])


def unregistered(cons: list[Constraint], knowledge) -> Unregistered | None:
    """The unregistered ratifications of the countries ``cons`` name (``None`` when there are
    none, or the question named no ratifying country: "which countries ratified ... in 2023" may
    have ruled a country out by its year, not its status)."""
    found = [(s, None if o in ("?", "*") or o.startswith("?") else o)
             for c in cons if not c.negated for s, p, o in c.evidence if p == "ratified" and not s.startswith("?")]
    objs = {o for _, o in found}
    if not found or len(objs) > 1:
        return None
    return of_countries([s for s, _ in found], knowledge, objs.pop())
