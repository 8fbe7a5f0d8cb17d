"""A bracketed "(not the RBSA)" after a name tells which of two similar names is meant.

"For how many priority countries is the ILO's Regular Budget (not the RBSA) named among the sources
financing the ILO's work?": the asker heads off a confusion between the Regular Budget and the
Regular Budget Supplementary Account.  Read as part of the question, the second name became a
negated constraint (countries funded by the Regular Budget and not by the RBSA), and the count
fell to zero.  A parenthesis that opens with "not", "rather than" or "as opposed to", sits right
after a linked name and names another entity of the same type distinguishes the first; it asks
nothing and is dropped.  A parenthesis that is only a name of another type ("who funds the work in
Jordan (not the EU)?") sets that name aside, as "except the EU" does, which the set-aside reading
understands; one naming no entity ("countries (not territories)") stays as it is.  Ordinary English only.
"""
from __future__ import annotations

import re
from typing import Callable

_DISTINGUISHING = re.compile(r"\s*\(\s*(?:not|rather\s+than|as\s+opposed\s+to|as\s+distinct\s+from|as\s+against)\s+"
                             r"(?:the\s+)?(?P<x>[^()]{2,60}?)\s*\)", re.I)


def drop(question: str, link: Callable[[str], list]) -> str | None:
    """The question without a bracket that only tells a linked name from a similar one, with a
    bracketed name of another type said as set aside; or None when it has neither."""
    links = link(question)
    out, changed, last = [], False, 0
    for m in _DISTINGUISHING.finditer(question):
        before = [l for l in links if l.end <= m.start() and not question[l.end:m.start()].strip()]
        inside = [l for l in links if m.start("x") <= l.start and l.end <= m.end("x")]
        if before and inside and any(b.type == i.type and set(b.ids) != set(i.ids) for b in before for i in inside):
            out.append(question[last:m.start()])
            last, changed = m.end(), True
        elif len(inside) == 1 and not question[m.start("x"):m.end("x")].replace(inside[0].surface, "", 1).strip():
            out.append(question[last:m.start()] + f", except the {inside[0].surface},")  # "(not the EU)": set aside
            last, changed = m.end(), True
    if not changed:
        return None
    out.append(question[last:])
    return "".join(out)
