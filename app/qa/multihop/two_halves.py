""""Which countries are highlighted both under <A> and under <B>?": the answers of each half, kept
where both hold; "... financed either by <A> or by <B>?": the answers of either.

A question that repeats its preposition after "both ... and" ("both under the informal economy
section and under the climate section", "both in the ILO-IMF partnership and in the Global
Accelerator") asks for what two readings of the same question have in common; read whole, its two
topics competed for one sentence and one of them won (Jordan, not Viet Nam, which both sections
also highlight).  "Either by China directly or by the UN Peace and Development Trust Fund that
China funds" read whole kept the fund's countries only.  Each half is asked as its own question and
the answers are intersected ("both") or joined ("either"); no answer is decided here unless both
halves give answers of one type.  Ordinary English only.
"""
from __future__ import annotations

import re

_PREP = r"(?P<p>under|in|for|with|by|from|on|within|among|across|through)"
_BOTH = re.compile(rf"\bboth\s+{_PREP}\s+(?P<a>[^?]+?)\s+and\s+(?:also\s+)?(?P=p)\s+(?P<b>[^?]+?)\s*(?=\?|$)", re.I)
_EITHER = re.compile(rf"\beither\s+{_PREP}\s+(?P<a>[^?]+?)\s+or\s+(?P=p)\s+(?P<b>[^?]+?)\s*(?=\?|$)", re.I)
# "whether directly from China or through the fund China pays into", set off by dashes or commas: two
# routes, each with its own preposition
_ROUTE = r"(?:from|by|through|via)"
_WHETHER = re.compile(rf"(?P<open>\s[-–—]\s|,\s*)whether\s+(?:directly\s+)?(?P<pa>{_ROUTE})\s+(?P<a>[^?,–—]+?)(?:\s+directly)?"
                      rf"\s+or\s+(?:indirectly\s+)?(?P<pb>{_ROUTE})\s+(?P<b>[^?,–—]+?)(?P<close>\s[-–—]\s|,\s*)", re.I)


# "Which countries are in both the expanded 2024 ILO-IMF partnership phase and the Global Accelerator
# pathfinder list?": the preposition said once, before "both"; only in a list question whose halves
# are lists of things (a figure's halves share no answer)
MIN_HALF_WORDS = 4  # a first half this long names its own set
_IN_BOTH = re.compile(r"^(?P<head>(?:which|what)\b[^?]*?\s)(?P<p>in|on|among|within)\s+both\s+(?P<a>[^?]+?)\s+and\s+(?:also\s+)?"
                      r"(?!(?P=p)\s)(?P<b>[^?]+?)\s*(?P<tail>\??)\s*$", re.I)


# two predicates after "did", "do" or "does": "Which countries did both receive new RBSA allocations
# in 2024 and also have donors to the RBSA written in their financing support line?" ("had both a
# policy result and an operations result" joins two nouns, which the result sets count)
_BOTH_DONE = re.compile(r"\b(?P<aux>did|do|does)\s+both\s+(?P<a>[^?]+?)\s+and\s+(?:also\s+)?(?P<b>[^?]+?)\s*(?=\?|$)",
                        re.I)


# A second half that refers back to the first ("... in the list of countries that enquired about the
# C102 campaign and in the list the ILO is helping assess alignment with the convention") cannot be
# asked on its own.
_REFERS_BACK = re.compile(r"\b(?:it|its|them|their|these|those|the\s+same|the\s+(?:convention|campaign|initiative|"
                          r"programme|partnership|scheme|fund|network|accelerator|law|strategy|project|former|latter))\b",
                          re.I)


def halves(question: str) -> tuple[str, str, bool] | None:
    """(first question, second question, whether both must hold) of a repeated-preposition "both
    ... and ..." or "either ... or ...", else None."""
    for rx, both in ((_BOTH, True), (_EITHER, False)):
        m = rx.search(question)
        if m is not None and not _REFERS_BACK.search(m.group("b")):
            head, tail = question[:m.start()], question[m.end():]
            return (f"{head}{m.group('p')} {m.group('a')}{tail}", f"{head}{m.group('p')} {m.group('b')}{tail}", both)
    m = _IN_BOTH.match(question)
    # (a short first half, "both the pilot and the expanded phase of the partnership", shares the
    # second's qualifier: not asked alone)
    if m is not None and not _REFERS_BACK.search(m.group("b")) and len(m.group("a").split()) >= MIN_HALF_WORDS:
        return (f"{m.group('head')}{m.group('p')} {m.group('a')}{m.group('tail')}",
                f"{m.group('head')}{m.group('p')} {m.group('b')}{m.group('tail')}", True)
    m = _BOTH_DONE.search(question)
    # ("their" after two predicates of the asked things is theirs: "... have donors written in their
    # financing support line")
    if m is not None and not _REFERS_BACK.search(re.sub(r"\btheir\b", "", m.group("b"), flags=re.I)) \
            and len(m.group("a").split()) >= 2:
        head, tail = question[:m.start()], question[m.end():]
        return (f"{head}{m.group('aux')} {m.group('a')}{tail}", f"{head}{m.group('aux')} {m.group('b')}{tail}", True)
    m = _WHETHER.search(question)
    if m is not None and not _REFERS_BACK.search(m.group("b")):
        head, tail = question[:m.start()], question[m.end():]
        return (f"{head}{m.group('open')}{m.group('pa')} {m.group('a')}{m.group('close')}{tail}",
                f"{head}{m.group('open')}{m.group('pb')} {m.group('b')}{m.group('close')}{tail}", False)
    return None


def answer(question: str, ask) -> dict | None:
    """The intersection (or union) of the halves' answers, as an answer dict, or None (see the
    module docstring).  ``ask(question) -> dict`` answers one question."""
    pair = halves(question)
    if pair is None:
        return None
    q1, q2, both = pair
    first, second = ask(q1), ask(q2)
    a, b = first.get("answers") or [], second.get("answers") or []
    if not a or not b or first.get("answer_type") != second.get("answer_type") \
            or first.get("answer_type") in ("Number", "Year", "Text"):
        return None  # (two figures or two yes/no verdicts have no answers in common to keep)

    def key(x: dict) -> str:
        return x.get("iri") or x.get("label")
    other = {key(x): x for x in b}
    if both:
        kept = [x for x in a if key(x) in other]
        for x in kept:  # each kept answer carries the evidence of both halves
            y = other[key(x)]
            x["evidence"] = (x.get("evidence") or [])[:2] + (y.get("evidence") or [])[:2]
            x["path"] = list(x.get("path") or [])[:2] + list(y.get("path") or [])[:2]
    else:
        mine = {key(x) for x in a}
        kept = a + [y for y in b if key(y) not in mine]
    out = dict(first)
    out["answers"] = kept
    out["path"] = [f"{'both' if both else 'either'} “{q1}” {'and' if both else 'or'} “{q2}”: the answers of each, "
                   + ("kept where both hold" if both else "together")]
    out["strategy"] = "both halves intersected" if both else "either half, joined"
    if not kept:
        out["message"] = "No answer holds both halves of the question."
    return out
