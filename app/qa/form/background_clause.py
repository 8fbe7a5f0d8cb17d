"""A clause of background before the question proper: "Given that ..., which ...?".

"Given that the Flagship Programme works with 50 priority countries, who financed the ILO's work
in India?", "Since the network grew to 18 members, which organisations joined CONNECT in 2024?",
"With all the talk about social protection floors these days, which donor ...?": a subordinate
clause that states what the asker takes as known, then the question.  It is about nobody, so
:mod:`app.qa.form.asides` keeps it, and read whole its words become the question's constraints ("50
priority countries": the priority filter and a count of 50; "18 members": exactly 18 members).
A strip-and-compare probe over 185 questions answered right lost 106 to the first wording.

:func:`without_background` sets such a clause apart when it opens on a subordinator of reason or
background and is a clause (not "since 2021", "as of 2024"), limits nothing ("given that only
African countries count"), dates nothing ("since the debate opened in 2022", "since the campaign began"), and the question
proper after its comma asks (a question word, or a question mark at its end) and does not point
back into it ("given that Kenya joined, who funds it there?").  The engine keeps the reduction
only when the question proper still names something (``asides.keeps_subject``).

Ordinary English only: subordinators, question words, limiting words; nothing from a report.
"""
from __future__ import annotations

import re

from app.qa.form.asides import Reduced, _refers_back

# Reason and background subordinators; "since" and "as" only before a clause's subject (not
# "since 2021", "since January", "as of", "as for", "as part of").
_OPENER = (r"(?:given\s+(?:that\s+)?|seeing\s+(?:that|as)\s+|considering\s+(?:that\s+)?|bearing\s+in\s+mind\s+(?:that\s+)?|"
           r"because\s+|now\s+that\s+|in\s+light\s+of\s+|with\s+all\s+the\s+(?:talk|attention|focus|interest|discussion|"
           r"buzz|noise)\s+(?:about|on|of|around)\s+|(?:since|as)\s+(?=(?:the|a|an|this|that|these|those|it|its|there|they|"
           r"their|many|most|several|some|so\s+many)\b))")
_CLAUSE = re.compile(r"^\s*(?:(?:and|so|but|well|now|ok|okay)\s*,?\s+)?(?P<clause>" + _OPENER + r"[^,;:?]{8,}?)\s*,\s*"
                     r"(?P<rest>\S.*)$", re.I)
# The question proper asks: a question word or a request, or a question mark at its end.
_ASKS = re.compile(r"\b(?:which|what|who|whom|whose|where|when|how|list|name)\b|\?\s*$", re.I)
# A clause that limits what is asked, or names a part of the report to look in, is the question's.
_LIMITS = re.compile(r"\b(?:only|just|except|excluding|not|never|no|none|without|besides|apart|other\s+than|aside|"
                     r"tables?|figures?|box(?:es)?|annex(?:es)?|\w+n['’]t|"
                     # a year dates the question ("since the reform debate opened in 2022, which ...")
                     r"[12]\d{3}|"
                     # so does the start of an event ("since the ratification campaign began, which ...")
                     r"beg[au]n|begins|started|starts|launched|opened|commenced|kicked\s+off|launch|start|beginning|inception|outset)\b", re.I)


# "After the countries that joined in 2024, how many pathfinder countries ... in total?": a clause of
# what happened before, whose year dates the events told, not the total asked.
_AFTER_CLAUSE = re.compile(r"^\s*(?P<clause>(?:after|following|once|with)\s+(?:the|a|an|these|those|its|their|all)\s+"
                           r"[^,;:?]{8,}?)\s*,\s*(?P<rest>\S.*)$", re.I)
_TOTAL = re.compile(r"\b(?:in\s+total|altogether|all\s+told|in\s+all|overall)\b", re.I)


def without_background(question: str) -> Reduced:
    """The question without an opening clause of background, or unchanged (nothing dropped)."""
    after = _AFTER_CLAUSE.match(question or "")
    if after is not None and _TOTAL.search(after["rest"]) and _ASKS.search(after["rest"]) \
            and not _refers_back(after["rest"]):
        rest = after["rest"].strip()
        return Reduced(rest[:1].upper() + rest[1:], [after["clause"].strip()])
    m = _CLAUSE.match(question or "")
    if m is None:
        return Reduced(question, [])
    clause, rest = m["clause"].strip(), m["rest"].strip()
    if _LIMITS.search(clause) or not _ASKS.search(rest) or _refers_back(rest):
        return Reduced(question, [])
    return Reduced(rest[:1].upper() + rest[1:], [clause])


def _pointing_back(question: str, analyse) -> Reduced | None:
    """"Since the USP2030 partnership now has 53 members, which two organisations formally
    constituted it?": the question proper points back into the background clause with an object
    "it".  The one thing the clause names is written in for it (:func:`app.qa.form.coreference.fill_object`),
    and the clause's figure ("53 members") is no longer read as a condition; None otherwise."""
    from app.qa.form.coreference import fill_object

    m = _CLAUSE.match(question or "")
    if m is None or analyse is None:
        return None
    clause, rest = m["clause"].strip(), m["rest"].strip()
    if _LIMITS.search(clause) or not _ASKS.search(rest) or not _refers_back(rest):
        return None
    filled = fill_object(Reduced(rest, [clause], True), analyse)
    return Reduced(filled[:1].upper() + filled[1:], [clause]) if filled else None


def also_without_background(reduced: Reduced, analyse=None) -> Reduced:
    """``reduced`` (the question with the asker's asides dropped) with an opening clause of
    background dropped too ("Out of curiosity, since the network grew to 18 members, which ..."),
    its thing written in where the question proper points back at it (``analyse`` links names)."""
    if reduced.pronoun:
        return reduced
    more = without_background(reduced.question)
    if not more.dropped:
        more = _pointing_back(reduced.question, analyse) or more
    if not more.dropped:
        return reduced
    return Reduced(more.question, list(reduced.dropped) + more.dropped)
