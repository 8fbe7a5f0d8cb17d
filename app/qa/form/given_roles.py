"""A role the question itself fills, in a clause describing a named initiative: set aside.

"Which agencies are part of the Global Accelerator Technical Support Facility, which the ILO
leads?", "wich UN agencys are part of the technical suport facility led by the ILO?": the clause
after the facility's name says who leads it, by name, to tell the reader which facility is meant.
Read whole, its role word ("leads", "led by") chose the chair relation and the answer was the ILO,
the one name the question gave.  A role whose holder the question names about a thing it also
names is not what it asks.

:func:`without` removes such a clause when it directly follows a linked initiative (not the
question's own head: "which working groups led by the ILO ..." asks by that role), its role word is
a role verb of ordinary English and its agent is one linked organisation or country, and the
question outside it still asks something (a question word).  Nothing here names a report's body.
"""
from __future__ import annotations

import re

# Role verbs of ordinary English, as a relative clause ("which X leads") or a participle ("led by X").
# ("which the ILO is leading", "which the ILO has been chairing": the progressive a second-language
# writer often uses)
_ACTIVE = (r"(?:leads|chairs|co-chairs|heads|hosts|coordinates|runs|"
           r"(?:is|are|was|were|has\s+been|have\s+been)\s+(?:leading|chairing|co-chairing|heading|hosting|coordinating|running))")
_PASSIVE = r"(?:led|chaired|co-chaired|headed|hosted|coordinated|run)"
_ASKS = re.compile(r"\b(?:which|what|who|whom|whose|where|when|how|list|name)\b", re.I)
_AGENTS = ("Organization", "Country")
# "which other agencies": the asked noun's "other" sets the role holder the clause named aside.
_OTHER = re.compile(r"\b(?:which|what)\s+(other\b)", re.I)


def without(question: str, links) -> str | None:
    """The question with the clause naming a linked initiative's role holder removed, or None."""
    links = sorted(links, key=lambda l: l.start)
    for i, l in enumerate(links):
        if l.type != "Initiative" or i + 1 >= len(links):
            continue
        agent = links[i + 1]
        if agent.type not in _AGENTS:
            continue
        between = question[l.end:agent.start]
        after = question[agent.end:]
        active = re.fullmatch(r"\s*,?\s*(?:which|that)\s+(?:the\s+)?", between, re.I) and \
            re.match(r"\s+" + _ACTIVE + r"\b", after, re.I)
        passive = re.fullmatch(r"\s*,?\s*\(?\s*(?:which\s+is\s+|that\s+is\s+)?" + _PASSIVE + r"\s+by\s+(?:the\s+)?",
                               between, re.I)
        if not (active or passive):
            continue
        end = agent.end + (active.end() if active else 0)
        tail = question[end:]
        closing = re.match(r"\s*\)", tail) if passive and "(" in between else None
        if closing:
            end += closing.end()
        rest = question[:l.end] + question[end:]
        if not _ASKS.search(question[:l.start]) and not _ASKS.search(question[end:]):
            continue
        rest = re.sub(r"\s+([?.,])", r"\1", rest).strip()
        other = _OTHER.search(rest)
        if other is not None:  # "which other agencies take part": other than the role holder the clause named
            rest = rest[:other.start(1)] + rest[other.end(1):].lstrip()
            rest = re.sub(r"\s*\?*\s*$", "", rest) + f", apart from {question[agent.start:agent.end]}?"
        return rest
    return None
