"""A keyword query that names a region and no type noun asks for the region's countries.

"eu funded arab states", "arab states eu funded", "netherlands funded africa": a search-box query
with a funder and a region but no "countries".  The nearest generated question ("organizations
funded by [organisation] by region") made it ask for bodies, and the answer was an initiative the
funder pays for, which lies in no region at all.  A region holds countries: when the query has no
type noun of its own and the relation it words can hold a country at the asked end, the countries
are asked.

Closed-class wording and the registry's ends only: no name from any report.
"""
from __future__ import annotations

from graph.relations import REGISTRY


def region_countries_asked(has_region: bool, has_head: bool, relation: str | None, direction: str | None,
                           answer_type: str) -> bool:
    """Should a keyword query with a region and no type noun ask for countries?  Only when the
    asked end of its relation (``direction``: the end the answers are) can hold a country and the
    type read so far is a body, an initiative or nothing."""
    if not has_region or has_head or answer_type not in ("Organization", "Initiative", "Text"):
        return False
    if not relation:
        return True  # "imf ilo partnership new phase africa": nothing but names, a topic and a region
    r = REGISTRY.get(relation)
    if r is None or direction not in ("subject", "object"):
        return False
    return "Country" in (r.domain if direction == "subject" else r.range)
