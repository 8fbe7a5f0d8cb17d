"""Of close sentences that each write a figure, the one whose figure counts the noun the query counts.

"social protection platform users 2024": the sentence the retrieval ranked first writes "3,300
copies ... downloaded from the Platform in 2024" (the query's words, another noun counted), one a
little lower "the Platform boasted over 121,000 users".  A figure written right before the noun a
question counts ("how many users" / a keyword query closing on "users") is that count; another
noun after the best sentence's figure says it counts something else.

:func:`prefer_counted` moves the first close sentence (within a few places and a score ratio of the
best) whose one figure stands before the counted noun ahead of a best sentence whose figure does not.
Nothing here is a report fact: the counted noun is the keyword query's own last word.
"""
from __future__ import annotations

import re

from app.qa.form.query_tail import without_tail

# people or an audience counted after "how many" / "number of" (not a kind of entity: "how many
# countries" may count the countries a sentence lists)
_COUNTED = re.compile(r"\b(?:how many|number of)\b", re.I)

_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def counted_noun(question: str) -> str | None:
    """The people or audience noun a question counts: after "how many" ("how many nepal migrant
    workers abroad"), or the one a keyword query closes on ("... platform users 2024"); None
    otherwise.  (A question saying "how many countries ..." may count the countries a sentence lists,
    "in Cambodia, Lao PDR and Viet Nam", over a figure written before the noun, "from 37 countries":
    the count rules read it.)"""
    from app.qa.figures.numbers import _AUDIENCE, _PEOPLE_SUFFIX, _TYPE_HEADS, counted_noun_last
    from graph.extract.quantities import _PEOPLE

    m = _COUNTED.search(question)  # "how many nepal migrant workers abroad" (a keyword query's "number" moved first)
    for w in _WORD.findall(question[m.end():])[:4] if m else ():
        if _TYPE_HEADS.fullmatch(w.lower()):
            break  # "how many countries ...": the count rules read it
        if any(re.fullmatch(rx, w.lower()) for rx in (_PEOPLE, _PEOPLE_SUFFIX, _AUDIENCE)):
            return w
    if not counted_noun_last(question):
        return None
    words = _WORD.findall(without_tail(question))
    if len(words) >= 2 and re.fullmatch(r"[a-z]{3,}ed", words[-1].lower()):
        return words[-2]  # "... workers covered": the workers are counted
    return words[-1] if words else None


def figure_counts(text: str, start: int, end: int, noun: str) -> bool:
    """Is the figure at text[start:end] written right before ``noun`` (at most one word between:
    "121,000 users", "5,243 new subscribers")?"""
    from app.qa.multihop.chains import _root, same_root

    after = _WORD.findall(text[end:end + 40])[:2]
    return any(same_root(_root(w), _root(noun)) for w in after)


def prefer_counted(results: list, question: str, figure_of, ratio: float = 0.9, window: int = 4) -> list:
    """``results`` with the first close sentence whose figure counts the question's counted noun
    ahead of a best one whose figure does not; unchanged otherwise.  ``figure_of(result)`` is
    (text, start, end) of the result's one figure, or None."""
    noun = counted_noun(question)
    if not results or noun is None:
        return results

    def counts(r) -> bool:
        one = figure_of(r)
        return one is not None and figure_counts(*one, noun)

    if counts(results[0]):
        return results
    for r in results[1:window]:
        if r.score >= ratio * results[0].score and counts(r):
            return [r] + [x for x in results if x is not r]
    return results
