""""Which countries are highlighted both under <A> and under <B>?": the answers of each half, kept
where both hold.

A question that repeats its preposition after "both ... and" ("both under the informal economy
section and under the climate section", "both in the ILO-IMF partnership and in the Global
Accelerator") asks for what two readings of the same question have in common; read whole, its two
topics competed for one sentence and one of them won (Jordan, not Viet Nam, which both sections
also highlight).  Each half is asked as its own question and the answers are intersected; no
answer is decided here unless both halves give answers of one type.  Ordinary English only.
"""
from __future__ import annotations

import re

_BOTH = re.compile(r"\bboth\s+(?P<p>under|in|for|with|by|from|on|within|among|across)\s+(?P<a>[^?]+?)\s+and\s+"
                   r"(?:also\s+)?(?P=p)\s+(?P<b>[^?]+?)\s*(?=\?|$)", re.I)


def halves(question: str) -> tuple[str, str] | None:
    """The two questions a repeated-preposition "both ... and ..." asks, else None."""
    m = _BOTH.search(question)
    if m is None:
        return None
    head, tail = question[:m.start()], question[m.end():]
    return (f"{head}{m.group('p')} {m.group('a')}{tail}", f"{head}{m.group('p')} {m.group('b')}{tail}")


def answer(question: str, ask) -> dict | None:
    """The intersection of the halves' answers, as an answer dict, or None (see the module docstring).
    ``ask(question) -> dict`` answers one question."""
    pair = halves(question)
    if pair is None:
        return None
    first, second = ask(pair[0]), ask(pair[1])
    a, b = first.get("answers") or [], second.get("answers") or []
    if not a or not b or first.get("answer_type") != second.get("answer_type"):
        return None
    keys = {x.get("iri") or x.get("label") for x in b}
    both = [x for x in a if (x.get("iri") or x.get("label")) in keys]
    other = {x.get("iri") or x.get("label"): x for x in b}
    for x in both:  # each kept answer carries the evidence of both halves
        y = other[x.get("iri") or x.get("label")]
        x["evidence"] = (x.get("evidence") or [])[:2] + (y.get("evidence") or [])[:2]
        x["path"] = list(x.get("path") or [])[:2] + list(y.get("path") or [])[:2]
    out = dict(first)
    out["answers"] = both
    out["path"] = [f"both “{pair[0]}” and “{pair[1]}”: the answers of each, kept where both hold"]
    out["strategy"] = "both halves intersected"
    if not both:
        out["message"] = "No answer holds both halves of the question."
    return out
