"""Which of two groups a figure is larger for: "In the West Bank, did the new social allowances reach
more persons with severe disabilities or more older persons?", "Did more older persons or more
persons with disabilities receive the new allowances?".

The two options are not names the graph links but groups of people (or things) the report counts
in one sentence ("reaching 15,000 and 18,000 persons respectively").  The engine answered one of the
figures where the asker wants the group.  Here each option is asked as a count of its own ("How
many older persons did the new social allowances reach in the West Bank?"), which the number
readings answer from that sentence, and the option with the larger (or smaller, for "fewer") figure
is the answer, as the question words it.  Both figures must be read, and differ.

Ordinary English only: an auxiliary that asks, "more"/"fewer" repeated before each option, "or".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_AUX = r"(?:did|does|do|has|have|had|was|were|is|are|will|would)"
_CMP = r"(?P<cmp>more|fewer|less)"
# "did <subject> <verb> more <A> or more <B> [tail]"
_VERB_FIRST = re.compile(rf"^(?P<aux>{_AUX})\s+(?P<subject>(?:[\w'’-]+\s+){{1,8}}?)(?P<verb>[a-z]+)\s+{_CMP}\s+"
                         rf"(?P<a>(?:[\w'’-]+\s+){{0,5}}?[\w'’-]+)\s+or\s+(?P=cmp)\s+(?P<b>[^?,;]+?)\s*$", re.I)
# "did more <A> or more <B> <verb> <rest>"
_OPTIONS_FIRST = re.compile(rf"^(?P<aux>{_AUX})\s+{_CMP}\s+(?P<a>(?:[\w'’-]+\s+){{0,5}}?[\w'’-]+)\s+or\s+(?:(?P=cmp)\s+)?"
                            rf"(?P<b>(?:[\w'’-]+\s+){{0,5}}?[\w'’-]+?)\s+(?P<verb>(?:[a-z]+ed|receive|get|gain|benefit|join|"
                            rf"obtain|access|enrol|enroll|sign|register|paid|given|covered|reached)\b)(?P<rest>[^?]*?)\s*$", re.I)
# a lead-in closed by a comma ("In the West Bank, did ..."): said again as the sub-questions' context
# (or by a dash or a colon, as a keyword-style topic: "OPT new allowances - did more older people ...")
_LEAD = re.compile(rf"^\s*(?P<lead>[^,?;:]{{3,80}}?)(?:,|\s+[-–—]+|\s*:)\s*(?={_AUX}\b)", re.I)
# the tail of the last option: a place or time said after it ("... older persons in the West Bank")
_TAIL = re.compile(r"\s+(?P<tail>(?:in|at|during|by|under|through|since)\s+.+)$", re.I)


@dataclass(frozen=True)
class OptionChoice:
    options: tuple[str, str]  # the two groups, as the question words them
    questions: tuple[str, str]  # the count asked of each
    larger: bool  # does the larger figure win?


def _lower_first(text: str) -> str:
    """"In the West Bank" said after the question's words: "in the West Bank" (a name keeps its capital)."""
    first = text.split(" ", 1)[0]
    return text[0].lower() + text[1:] if first.istitle() and first.lower() in _OPENERS else text


_OPENERS = frozenset("in at during for under across among within since by on of from".split())


def read(question: str) -> OptionChoice | None:
    """The two options and the count to ask of each, or None for another question."""
    q = " ".join(question.split()).rstrip(" ?.!")
    lead = _LEAD.match(q)
    clause = q[lead.end():] if lead else q
    context = f" {_lower_first(lead.group('lead').strip())}" if lead else ""
    m = _VERB_FIRST.match(clause)
    if m:
        b, tail = m.group("b"), ""
        t = _TAIL.search(b)
        if t:
            b, tail = b[:t.start()], " " + t.group("tail")
        subject, verb = m.group("subject").strip(), m.group("verb")
        asked = [f"How many {x} {m.group('aux').lower()} {subject} {verb}{tail}{context}?" for x in (m.group("a"), b)]
        options = (m.group("a").strip(), b.strip())
    else:
        m = _OPTIONS_FIRST.match(clause)
        if not m:
            return None
        options = (m.group("a").strip(), m.group("b").strip())
        # ("were more older persons or persons with disabilities paid": the passive keeps its auxiliary)
        aux = f"{m.group('aux').lower()} " if m.group("aux").lower() in ("was", "were", "is", "are", "has", "have") else ""
        asked = [f"How many {x} {aux}{m.group('verb')}{m.group('rest')}{context}?" for x in options]
    if options[0].lower() == options[1].lower():
        return None
    larger = m.group("cmp").lower() == "more"
    return OptionChoice(options, (asked[0], asked[1]), larger)
