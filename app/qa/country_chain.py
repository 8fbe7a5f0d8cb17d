"""Chains whose middle is a set of countries described by relations, with no connective.

"Who finances the Global Accelerator pathfinders located in Europe and Central Asia?", "Which
donors fund the African countries that adopted a policy in 2024?": the asked organisations stand in
one relation (funding, partnership) to *countries* the rest of the question describes by other
relations (pathfinder of a named initiative, a result kind, a ratification, a region).  The
description is answered first, as the country question it is; its countries then stand for the
described set (any of them), and the outer relation is asked of them as of named countries.

The outer relation is the one from a country to an organisation the question words (the registry
relations with Country in their domain and Organization in their range); the inner ones are
whatever the graph step reads from the rest.  Nothing names a report fact.
"""
from __future__ import annotations

from dataclasses import replace

from app.qa.question import Analysis, Link

# The analysis flag of each outer relation (country -> organisation) the graph step reads.
_OUTER_FLAGS = ("fund", "partner")
# Flags of the inner description, cleared once its countries stand for it.
_INNER_FLAGS = ("pathfinder", "ratify", "any_result", "priority", "membership", "members", "pending", "chair")


def resolve(a: Analysis, knowledge, run) -> str | None:
    """Replace the described countries by a link to the set; the path step, or None."""
    from app.qa.chains import compose
    from app.qa.graphstep import constraints_for, to_sparql

    if a.answer_type != "Organization" or a.linked("Country") or a.negation:
        return None
    outer = [f for f in _OUTER_FLAGS if getattr(a, f)]
    if len(outer) != 1:
        return None
    probe = replace(a, answer_type="Country", **{f: False for f in _OUTER_FLAGS}, links=list(a.links),
                    negated=set(a.negated), excluded=set(a.excluded))
    probe.links = [l for l in probe.links if l.type != "Organization"]  # the asked end is not described
    inner = compose(probe, constraints_for(probe, knowledge), knowledge)
    inner = [c for c in inner if c.relation not in ("fund", "partner")]
    # A region or priority filter alone names no relation: the funders of a region's countries
    # are asked the usual way.
    if not inner or all(c.relation in ("region", "priority") for c in inner) or any(not c.strong for c in inner):
        return None
    ids = [i for i in run(to_sparql(inner)) if i.startswith("Country:")]
    if not ids:
        return None
    used = {e for c in inner for t in c.evidence for e in (t[0], t[2]) if ":" in e} | set(a.regions)
    consumed = [l for l in a.links if set(l.ids) & used]
    start = min((l.start for l in consumed), default=len(a.question))
    end = max((l.end for l in consumed), default=len(a.question))
    a.links = [l for l in a.links if l not in consumed] + [Link(start, end, a.question[start:end], ids)]
    a.any_of = True
    a.regions, a.result_types, a.years = [], [], []
    for f in _INNER_FLAGS:
        setattr(a, f, False)
    return "countries described by: " + "; ".join(c.description for c in inner)
