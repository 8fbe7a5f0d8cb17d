"""Countries funded by someone other than a named funder: "which Arab States countries have
funders other than the European Union", "countries funded by donors besides the Netherlands",
"which Europe and Central Asia countries had a donor other than the ILO's Regular Budget".

Why: the set-aside reader takes "other than X" out of the question and keeps X to be removed from
the answers.  When X is a funder and the answers are countries, removing X removes nothing, and the
question left ("which Arab States countries have funders?") names no funder for the graph step: a
sentence about some funder came back instead.  What is asked is a funding statement whose funder
is not X.  A set-aside country the report funds ("besides Jordan, which countries get funding")
is an answer set aside, not a funder, and is left to the set-aside reader.  Nothing here names a
funder or a country.
"""
from __future__ import annotations

from app.qa.graphstep import Constraint, _as_funder, _iri
from app.qa.question import Analysis


def other_funder(a: Analysis, cons: list[Constraint], knowledge) -> Constraint | None:
    """``?answer fg:fundedBy ?f`` with ``?f`` none of the set-aside funders, when a question for
    countries words funding, names no funder of its own, and sets aside only funders; else None."""
    if knowledge is None or a.answer_type != "Country" or not a.fund or not a.excluded:
        return None
    if any(l.type == "Organization" for l in a.links) or \
            any(t[1] == "fundedBy" and t[2] != "*" for c in cons for t in c.evidence):
        return None  # a funder is named: what is set aside is among its countries
    funders: set[str] = set()
    for x in a.excluded:
        if x.startswith("Country:"):
            if knowledge.facts_where(subject=x, predicate="fundedBy"):
                return None  # a country the report funds: an answer set aside
            gov = _as_funder(x, knowledge)
            if gov:
                funders.add(gov)
        elif knowledge.facts_where(predicate="fundedBy", obj=x):
            funders.add(x)
        # a set-aside body that funds nothing ("the ILO's own Regular Budget": the ILO) names the
        # funder's owner, not a funder: the funders beside it decide
    if not funders:
        return None
    listed = ", ".join(_iri(f) for f in sorted(funders))
    return Constraint(f"?answer fg:fundedBy ?otherFunder . ?answer a fg:Country . FILTER(?otherFunder NOT IN ({listed}))",
                      f"countries funded by someone other than {', '.join(sorted(funders))}",
                      [("?", "fundedBy", "*")], strong=True, relation="fundedBy")
