"""A keyword query that names the asked end of a relation by its role noun ("mul recipients",
"eu beneficiaries", "usp2030 members", "c102 ratifiers").

Such a query has no question word; the noun last says what is asked.  Read alone, a plural noun of
people closing a query ("... recipients", "... beneficiaries") asks how many people a figure counts
("older persons grant recipients"), so the engine took "joint sdg fund recipients" for a count.  The
registry declares, per relation, the nouns that name each end (``Relation.subject_nouns`` /
``object_nouns``); when the query's last noun is one of them and the query names a thing of the
*other* end (a funder before "recipients"), the noun asks for that end of the relation, not a
figure.  A scheme before "recipients" names no funder, so "older persons grant recipients" is still
a count.

Nothing here is a fact from a report: the nouns are the registry's, the rule is about word order.
"""
from __future__ import annotations

import re

from app.qa.form.passive_agent import closes_in_agent
from app.qa.form.query_tail import without_tail
from graph.relations import REGISTRY

# A query with one of these words is a sentence or a request; its own head rules apply.
_ASKING = re.compile(r"\b(?:which|what|who|whom|whose|where|when|why|how)\b", re.I)
# Words a keyword query may close on after the asked noun: a request for the list or its size
# (the count itself is read by the count rules; the noun still says which relation is counted).
_CLOSING = re.compile(r"\s+(?:list|names|full\s+list|overview|count|number|total|tally)\s*\??\s*$", re.I)
# ("eu recipients count" reaches the analysis as "how many eu recipients": the same count)
_OPENING = re.compile(r"^\s*(?:how\s+many\s+|(?:the\s+)?(?:number|count|total|list|names?)\s+of\s+(?:the\s+)?)", re.I)
# A pooled fund or programme ("the MUL") funds and is funded as an organisation does.  (A donor
# country's name links its government too, "Organization:gov-...", so "netherlands recipients"
# names a funder and "kenya beneficiaries" does not.)
_NAMED_AS = {"Organization": ("Organization", "Initiative")}
_ANSWER_TYPE = {"LegalInstrument": "Convention"}


def _ends_on(query: str, noun: str) -> bool:
    return bool(re.search(rf"(?:^|\s){re.escape(noun)}\s*\??\s*$", query, re.I))


def asked_end(question: str, linked_types: list[str]) -> tuple[str, str, str] | None:
    """(answer type, relation, direction) when a keyword query closes on a registry end noun and
    names a thing of the relation's other end; else None.

    ``linked_types``: the types of every id the question's names link to (the report's author
    left out), e.g. ["Country", "Organization"] for a donor country and its government."""
    query = _query_of(question)
    if _ASKING.search(query) or not linked_types or closes_in_agent(query):
        return None  # ("countries funded by dutch donors": the donors are the agent, not asked)
    hits = []
    for r in REGISTRY:
        if r.domain == r.range:
            continue  # a symmetric relation's nouns name both ends alike
        for noun, asked, named, direction in [*((n, r.domain, r.range, "subject") for n in r.subject_nouns),
                                              *((n, r.range, r.domain, "object") for n in r.object_nouns)]:
            if not _ends_on(query, noun):
                continue
            admits = {t for n in named for t in _NAMED_AS.get(n, (n,))}
            if any(t in admits for t in linked_types):
                hits.append((len(noun), _ANSWER_TYPE.get(asked[0], asked[0]), r.name, direction))
    if not hits:
        return None
    hits.sort(reverse=True)
    best = [h for h in hits if h[0] == hits[0][0]]
    # a more specific relation's noun ("pathfinders") and its parent's agree on the asked type
    if len({h[1] for h in best}) > 1:
        return None
    return best[0][1], best[0][2], best[0][3]


def _query_of(question: str) -> str:
    query = _OPENING.sub("", _CLOSING.sub("", without_tail(question))).strip()
    return _CONTRIBUTING.sub("contributors", query)


# "rbsa contributing governments", "mul contributing countries": those paying in, the same agents
# as "contributors" (read here, not declared as registry nouns: "contributing countries" drew
# "non-contributory law" questions to funding in the generated bank)
_CONTRIBUTING = re.compile(r"\bcontributing\s+(?:governments|countries|states|members|partners)(?=\s*\??\s*$)", re.I)


# An end that holds bodies of either kind (an organisation, or an initiative's working group that
# publishes) is asked as organisations: "co-authors" asks bodies, whichever kind wrote.
_BODIES = ("Organization", "Initiative")


def end_noun_type(question: str) -> str | None:
    """The answer type a keyword query asks by closing on a registry end noun whose end holds
    things of one type ("uhc day 2024 organisers", "cfs52 side event co-organisers": bodies, not
    how many people), whatever it names; None when there is no such noun or the end is mixed."""
    query = _query_of(question)
    if _ASKING.search(query) or closes_in_agent(query):
        return None
    types = set()
    for r in REGISTRY:
        for nouns, end in ((r.subject_nouns, r.domain), (r.object_nouns, r.range)):
            if any(_ends_on(query, n) for n in nouns):
                types.add(end if len(end) == 1 else _BODIES if set(end) <= set(_BODIES) else None)
    if len(types) != 1 or None in types:
        return None
    t = types.pop()[0]
    return _ANSWER_TYPE.get(t, t)


def is_end_noun(word: str) -> bool:
    """Is the word a noun the registry names a relation's end by ("recipients", "organisers")?"""
    w = word.lower()
    return any(w == n.lower() for r in REGISTRY for n in (*r.subject_nouns, *r.object_nouns))


def role_head(head: str | None, role: tuple[str, str, str]) -> str | None:
    """The answer type of a keyword query whose last type noun belongs to the named end
    ("usp2030 climate working group co-chair": "working group" names the initiative, the role noun
    after it asks for the holder).  Agents that are countries or bodies are asked as bodies (a
    government counts as one); any other head stands."""
    r = REGISTRY.get(role[1])
    if r is None or head is None:
        return head
    asked, named = (r.domain, r.range) if role[2] == "subject" else (r.range, r.domain)
    want = {"Convention": "LegalInstrument"}.get(head, head)
    if want not in named or want in asked:
        return head
    if "Organization" in asked and "Country" in asked:
        return "Organization"
    return _ANSWER_TYPE.get(asked[0], asked[0])
