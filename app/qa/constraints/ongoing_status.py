"""A relation asked in the present progressive keeps the statements the report tells as under way:
"How many countries is the ILO supporting in assessing how their systems align with Convention
No. 102?", "Which Asian countries is the ILO helping assess against it?".

Why: the report tells some facts of one relation twice over: a list of the work still going on
("The ILO is supporting a number of other countries in assessing how their social security
systems align with the Convention") and, elsewhere, work already done ("The ILO has supported in
2024 <country> to develop a comparative report ... validated ..."). The extractor records which
one each statement is (its ``fg:status``; a relation names the value it uses for "still under
way" in the registry's ``ongoing_status``), and a question put in the present progressive asks for
that one: the answer was the done ones too, one more than the list the report gives.  A question in
the past ("which country's law did the ILO compare against C102"), or with no verb at all
("c102 alignment assessments"), keeps every statement.

Nothing here names a relation, an instrument or a country: the status value is the registry's,
the test is English grammar.
"""
from __future__ import annotations

import re

# The past, or work said to be done: "did the ILO help", "was assessed", "were compared", "had",
# "have been"; "the law the ILO compared ... in a report validated in March"; what the work "led
# to", what a country "developed" or "drew up" after it.  (Not every "-ed": "c102 alignment
# assessments supported countries" names the supported ones, it does not tell a past.)
_PAST = re.compile(r"\b(?:did|was|were|had|has\s+been|have\s+been|compared|validated|completed|conducted|carried\s+out|"
                   r"finished|done|delivered|undertaken|finali[sz]ed|led|developed|drew|drawn|made|produced|prepared|"
                   r"wrote|written|resulted|concluded|ended)\b", re.I)


def asks_ongoing(question: str) -> bool:
    """Does the question ask about the work as it stands (not put in the past, nor said done)?"""
    return not _PAST.search(question or "")


def mixed(relation, facts) -> bool:
    """Do the statements ``facts`` (of ``relation``) hold both the ongoing status and another, so
    that keeping the ongoing ones narrows the answer without emptying it?"""
    status = getattr(relation, "ongoing_status", None)
    if not status:
        return False
    told = [{at.get("status"), *(at.get("also_status") or ())}
            for at in ((f.get("attrs") or {}) if isinstance(f, dict) else f.attrs for f in facts)]
    return any(status in t for t in told) and any(status not in t for t in told)


def status_filter(relation, subject: str, obj: str, var: str = "?ongoingSt") -> str:
    """The SPARQL that keeps the ``subject —relation→ obj`` statements the report tells as under
    way, or "" when the relation records no such status."""
    status = getattr(relation, "ongoing_status", None)
    if not status:
        return ""
    return (f" {var} rdf:subject {subject} ; rdf:predicate {relation.curie} ; rdf:object {obj} ; "
            f"fg:status \"{status}\" .")
