"""A figure asked of a year comes first from a sentence that writes that year.

"how many users social protection platform 2024": two sentences of one passage give users, "In
2024, the Platform boasted over 121,000 users" and "The ... Dashboards were viewed by more than
14,500 users"; the second scored a little higher and answered.  The text step already drops a
sentence dated to another year (app.qa.textstep); among the sentences left, one that writes the
asked year dates its figure to it, while one that writes no year does not.

:func:`prefer_asked_year` moves the first of the next few sentences that writes every year the
question asks (and scores close to the best) ahead of a best sentence that writes none of them.
No report facts: only the years the question writes.
"""
from __future__ import annotations

import re

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def prefer_asked_year(results: list, question: str, text_of, said=lambda text: 0.0, ratio: float = 0.85,
                      window: int = 4) -> list:
    """``results`` with a close sentence that writes the asked year(s) ahead of a best one that writes
    none; unchanged when the question writes no year or the best sentence already writes one.
    ``text_of(result)`` is the sentence's text; ``said(text)`` how much of the question's topic a
    text says (idf-weighted): the sentence moved must say as much of it as the best ("11 per cent
    ... by bilateral partners" stays ahead of "in 2024 ... the European Union (53 per cent)")."""
    years = set(_YEAR.findall(question))
    if not results or not years or years & set(_YEAR.findall(text_of(results[0]))):
        return results
    top = said(text_of(results[0]))
    for r in results[1:window]:
        if r.score >= ratio * results[0].score and r.found and years <= set(_YEAR.findall(text_of(r))) \
                and said(text_of(r)) >= top:
            return [r] + [x for x in results if x is not r]
    return results


def topic_weight(question: str, text: str, idf: dict) -> float:
    """How much of the question's topic a text says: the idf of the question's terms it writes.

    The years are left out: whether a sentence writes the asked year is what :func:`prefer_asked_year`
    tests on its own, and counted again here it tipped the balance to a sentence sharing only the
    question's frame ("share of resources received for new projects in 2024 ... European Union (53
    per cent)") over the one writing its rare words ("new projects from direct trust funds (15 per
    cent)"), which a best sentence of the same passage need not date again."""
    from app.qa.units import terms

    said = set(terms(text))
    return sum(idf.get(t, 0.0) for t in set(terms(question)) if t in said and not _YEAR.fullmatch(t))
