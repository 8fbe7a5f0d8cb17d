"""The funders behind a funder the question sets aside: "leaving the Multi-donor Programme aside,
who funds Senegal?", "apart from the MUL, who finances Rwanda?".

Why: a financing line may name a pooled fund with its own funders ("the Multi-donor Programme
(MUL) of the Flagship Programme funded by Belgium and Luxembourg"), and the funders of a country
are read through such a fund (``graphstep.funders_of``).  Setting the fund aside removed the fund
but left the donors that reach the country only through it, so half of what was set aside came
back.  A donor that also funds the named recipient directly stays: it is a funder in its own right.
Everything is read from the graph's funding facts; nothing here names a fund or a donor.
"""
from __future__ import annotations


def behind_set_aside(excluded: set[str], recipients: list[str], knowledge) -> set[str]:
    """The funders of a set-aside funder that fund none of ``recipients`` directly (their money
    reaches the recipients only through what was set aside); empty when nothing set aside funds
    a recipient or no recipient is named."""
    if knowledge is None or not excluded or not recipients:
        return set()
    direct = {f["object"] for r in recipients for f in knowledge.facts_where(subject=r, predicate="fundedBy")}
    channels = excluded & direct  # a set-aside funder of the recipient itself, not one named in passing
    behind = {f["object"] for x in channels for f in knowledge.facts_where(subject=x, predicate="fundedBy")}
    return behind - direct - excluded
