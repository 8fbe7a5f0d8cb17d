"""A country the question names and no constraint binds is the country the question is about.

"tanzania C102 ratification", "Did the Flagship Programme achieve any institutional result in
Brazil in 2024?": the relation (ratified C102, has a result) is read and the graph lists every
country that holds it, while the one country the question names binds nothing, so the answer was
the whole list (thirteen ratifying countries, thirty result countries) although the question asks
about one country.  A named country that no constraint uses, that is not set aside ("apart from
Kenya"), and that is not a comparison's anchor ("like Kenya", "the same donors as Kenya") is the
subject: the graph's list keeps only it.  When the list does not hold it, the report does not say
it, and the question gets no answer (the list is the graph's complete set for that relation:
Tanzania is not among the ratifying countries).

Only for Country answers with a strong constraint (its set is complete: a country outside it does
not hold the relation), and only
with ordinary English words about comparison; nothing of the report is written here.
"""
from __future__ import annotations

import re
from typing import Callable

# Words that make a named country an anchor or a context, not the subject
_ANCHOR = re.compile(r"\b(?:like|unlike|as|than|same|similar|other|others|else|besides|beside|except|excluding|"
                     r"apart|aside|beyond|not|neither|nor|without|compared?|versus|vs|alongside|with|and|or|between|"
                     r"neighbou?r\w*|near|next|after|before|following|since|also|too)\b", re.I)


def unbound_countries(links, cons, excluded: set[str], pool: list[str],
                      government_of: Callable[[str], str | None] = lambda i: None) -> list[str]:
    """The linked countries no constraint binds (nor binds their government: "u.k. funding
    recipients" asks whom the UK's government funds), not set aside and not a pick's options."""
    bound = {e for c in cons for trip in c.evidence for e in trip}
    out = []
    for l in links:
        if l.type != "Country":
            continue
        ids = set(l.ids) | {g for g in map(government_of, l.ids) if g}
        if ids & bound or ids & set(excluded) or ids & set(pool):
            return []  # a country the constraints use: the others are context of the same relation
        out.extend(i for i in l.ids if i not in out)
    return out


def subject_only(question: str, links, cons, graph_ids: list[str], excluded: set[str], pool: list[str],
                 government_of: Callable[[str], str | None] = lambda i: None) -> tuple[list[str], str] | None:
    """(the graph's answers narrowed to the named country, why) when the question names exactly
    one country no constraint binds and asks about it; None when the rule does not apply."""
    if not cons or not graph_ids or not any(c.strong for c in cons) or any(c.negated for c in cons):
        return None  # a strong constraint's set is complete: a country outside it does not hold it
    if any(c.relation == "region" for c in cons):
        return None  # "which Asian countries ...": a region reads the named country differently
    named = unbound_countries(links, cons, excluded, pool, government_of)
    if len(named) != 1 or _ANCHOR.search(question):
        return None
    if len(graph_ids) < 2:
        return None
    return [i for i in graph_ids if i == named[0]], named[0]
