"""Counting a country's funders counts the names its financing line writes.

"Financing support: China, European Union, the Multi-donor Programme (MUL) of the Flagship
Programme funded by Belgium and Luxembourg, ...": the list question "who funds Lao PDR?" answers
with the pooled fund's own donors too (they pay for the work through it), but "how many funders are
listed for Lao PDR", "number donors senegal" count the line's entries: the MUL is one of them, and
Belgium and Luxembourg are what the MUL is, not further funders of the country.  So a count keeps
only the direct reading of a "funders of <country>" constraint (:func:`app.qa.graphstep`'s
``funders_of``, recognised by its evidence template through a fund, ``VIA``).  The other direction
("how many countries does Luxembourg fund") still counts the countries it reaches through the fund.
"""
from __future__ import annotations

from dataclasses import replace

from app.qa.graphstep import VIA, Constraint, _iri


def direct_funders(cons: list[Constraint]) -> list[Constraint]:
    """The constraints with each "funders of <country>" read directly (see the module docstring)."""
    out = []
    for c in cons:
        through = [s for s, p, o in c.evidence if p == "fundedBy" and o == VIA and s.startswith("Country:")]
        if len(through) == 1 and not c.negated and c.pattern.count("UNION") == 1:
            r = through[0]
            c = replace(c, pattern=f"{_iri(r)} fg:fundedBy ?answer", evidence=[(r, "fundedBy", "?")],
                        description=c.description + " (as the financing line names them)")
        out.append(c)
    return out
