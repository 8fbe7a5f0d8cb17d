"""Choosing between relations that share their words: the most specifically worded one wins.

"Which countries formally inquired about the C102 ratification campaign?" says "ratification",
a word of ``ratified``, but it asks about ``inquiredAbout`` (worded by "inquired" and "campaign").
The hand-written graph step switches ``ratified`` on at the first "ratif..." word; this module
counts, for every registry relation linking the same kinds of things, how many of its keywords
the question uses, and hands the question to the generic registry template of the relation with
strictly more of them.  Nothing here names a relation: the keywords come from the registry.
"""
from __future__ import annotations

import re

from app.qa.question import Analysis
from app.qa.units import STOP, stem
from graph.relations import REGISTRY

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _stem(w: str) -> str:
    """The shared stemmer, except that a word ending in "ss" keeps it ("assess" meets "assessed")."""
    return w if w.endswith("ss") else stem(w)


def _prefixes(r) -> set[str]:
    """Five-letter prefixes of every word a relation is said with (label, inverse, keywords)."""
    return {w.lower()[:5] for kw in (r.label, r.inverse_label, *r.keywords) for w in _TOKEN.findall(kw) if len(w) > 3}


def keyword_hits(question: str, relation: str, besides: str | None = None, phrases_only: bool = False) -> int:
    """How many of the relation's keywords (all their word stems) the question contains; with
    ``besides``, keywords whose words that other relation is also said with do not count; with
    ``phrases_only``, only keywords of several words count."""
    r = REGISTRY.get(relation)
    if r is None:
        return 0
    shared = _prefixes(REGISTRY[besides]) if besides in REGISTRY else set()
    words = {_stem(w.lower()) for w in _TOKEN.findall(question)}
    hits: set[tuple[str, ...]] = set()  # by stems: "ratification" and "ratifications" are one word
    for kw in r.keywords:
        if phrases_only and len(_TOKEN.findall(kw)) < 2:
            continue
        if shared and all(w.lower()[:5] in shared for w in _TOKEN.findall(kw) if len(w) > 3):
            continue
        toks = tuple(_stem(w.lower()) for w in _TOKEN.findall(kw))
        if toks and all(t in words for t in toks):
            hits.add(toks)
    return len(hits)


def more_specific(a: Analysis, relation: str) -> tuple[str, str] | None:
    """(relation, direction) of a relation between the same kinds of things as ``relation`` that
    the question words more (strictly), with one of its ends named; else None."""
    base = REGISTRY.get(relation)
    if base is None:
        return None
    best = None
    for r in REGISTRY:
        if r.name == relation or r.domain != base.domain or r.range != base.range:
            continue
        own = keyword_hits(a.question, relation)
        n = keyword_hits(a.question, r.name)
        # A word both relations are said with ("ratification", and "inquired about ratifying")
        # tells neither apart: when every word of the base is such a word and the question says
        # the other relation's own label word ("inquired"), the other relation is the one meant.
        # A phrase of its own ("asked about") tells it apart the same way; a single context word
        # ("campaign") does not: "ratified since the campaign began" is a ratification.
        if n <= own and keyword_hits(a.question, relation, besides=r.name) == 0 and (
                _label_worded(a.question, r, base) or keyword_hits(a.question, r.name, besides=relation, phrases_only=True) > 0):
            n = own + 1
        if n > own and _negated(a, r.name):
            continue  # "ratified C102 but never inquired about the campaign": the other relation excludes
        if n > own and (best is None or n > best[0]):
            named_obj = any(i for i in a.linked(*r.range))
            named_subj = any(i for i in a.linked(*r.domain)) and not _only_funders(a, r.domain)
            if named_obj != named_subj:
                best = (n, r.name, "subject" if named_obj else "object")
            elif not named_obj and _asks_end(a, r.domain) and not _asks_end(a, r.range):
                # "which countries in the Americas formally inquired": neither end named, the
                # subjects asked (their relation to any object; the generic template allows it)
                best = (n, r.name, "subject")
    return (best[1], best[2]) if best else None


def _only_funders(a: Analysis, types: tuple[str, ...]) -> bool:
    """Are the named entities of these types all countries named as funders ("Irish-funded
    countries that inquired ..."), so none of them is the relation's subject?"""
    from app.qa.multihop.country_chain import _funding_countries

    named = [l for l in a.links if l.type in types]
    return bool(named) and all(l.type == "Country" for l in named) and _funding_countries(a, a.fund) \
        and a.answer_type == "Country"


def _label_worded(question: str, r, base) -> bool:
    """Does the question say a word of r's label (by five-letter prefix) that base is not said with?
    A function word of the label ("about" in "inquired about ratifying") says no relation: a wordy
    preamble ("Thinking about the campaign, which states ratified ...") uses it for anything."""
    label = {w.lower()[:5] for w in _TOKEN.findall(r.label) if len(w) > 3 and w.lower() not in STOP} - _prefixes(base)
    return any(w.lower()[:5] in label for w in _TOKEN.findall(question) if len(w) > 3)


def beyond_region(a: Analysis, relation: str | None) -> tuple[str, str] | None:
    """(relation, "subject") when the understood relation is only the region filter the question
    names ("which Asian countries formally inquired"), and exactly one relation whose subjects are
    of the asked type is worded by a keyword of its own; else None."""
    from app.qa.graphstep import AUTHOR_ORGS

    if relation != "inRegion" or not a.linked("Region"):
        return None
    # (a relation to the report's author, "the ILO helping", is the frame of the question, not what it asks)
    hits = [r.name for r in REGISTRY if r.name != relation and _asks_end(a, r.domain) and not _asks_end(a, r.range)
            and r.range != ("Region",) and keyword_hits(a.question, r.name) > 0
            and not any(i in AUTHOR_ORGS for i in a.linked(*r.range))]
    return (hits[0], "subject") if len(hits) == 1 else None


def region_filters_thing(a: Analysis, relation: str | None, neighbours, holds=None) -> tuple[str, str] | None:
    """(relation, "subject") for a keyword query naming a region and one thing of another kind
    with no relation word ("c102 africa", "asia convention 102"): the region filters the asked
    countries, and the relation is the one the bank's nearest questions vote for among those from
    the asked type to that thing's type ("[region] [convention] ratifying countries").  None when
    the understood relation is not the region's, a relation is worded, or the vote is not clear.
    ``neighbours``: (bank text, intent key, similarity) of the intent guess; ``holds(relation, ids)``:
    does the graph hold the relation to one of these things (a national policy is ratified by no one,
    so "great lakes region national social protection policy" is not read as ratifications)."""
    from app.qa.graphstep import AUTHOR_ORGS

    if not a.linked("Region") or not neighbours:
        return None
    if relation not in (None, "inRegion") and (relation not in REGISTRY or keyword_hits(a.question, REGISTRY[relation])):
        return None  # a relation the question words is the question's; one matched by meaning alone is not
    others = {l.type for l in a.links if l.type != "Region" and not set(l.ids) <= AUTHOR_ORGS}
    if len(others) != 1 or not _asks_end(a, ("Country",)) and a.answer_type != "Text":
        return None
    other = {"Convention": "LegalInstrument"}.get(next(iter(others)), next(iter(others)))
    if other in ("Country", "Organization"):
        return None  # an agent beside a region ("americas rbsa") is read by app.qa.relation.region_agent
    linking = {r.name for r in REGISTRY if r.domain == ("Country",) and other in r.range and r.range != ("Region",)}
    if not linking or any(keyword_hits(a.question, r) for r in REGISTRY if r.name != "inRegion"):
        return None
    ranked = relation_votes(neighbours, linking)
    if not ranked:
        return None
    if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
        return None  # two relations nearly tied: the query does not say which
    things = [i for l in a.links if l.type != "Region" for i in l.ids]
    if holds is not None and not holds(ranked[0][0], things):
        return None
    return ranked[0][0], "subject"


def relation_votes(neighbours, allowed) -> list[tuple[str, float]]:
    """The bank neighbours' votes for each allowed relation (squared similarity, so the nearest
    questions weigh most), best first; [] when none of them is allowed.  Shared by the readings
    that choose a relation a keyword query leaves unsaid (a region beside a thing or a body)."""
    from app.qa.bank import Intent

    votes: dict[str, float] = {}
    for _, key, sim in neighbours:
        rel = Intent.from_key(key).relation
        if rel in allowed:
            votes[rel] = votes.get(rel, 0.0) + max(0.0, sim) ** 2
    return sorted(votes.items(), key=lambda kv: -kv[1])


def _asks_end(a: Analysis, types: tuple[str, ...]) -> bool:
    """Is the question's answer type one of these entity types?"""
    want = {"Convention": "LegalInstrument"}.get(a.answer_type, a.answer_type)
    return want in types


def _negated(a: Analysis, relation: str) -> bool:
    """Is every wording of the relation in the question under a negation ("never inquired")?"""
    from app.qa.multihop.chains import _worded_negated

    return _worded_negated(a, REGISTRY[relation])


# Words that put a relation in the future or in intention ("with a view to ratifying", "plans to",
# "expected to", "which convention to ratify").
_PROSPECTIVE = re.compile(r"\b(with a view to|eventual(?:ly)?|expect\w*|set to|yet to|going to|hop(?:e|es|ed|ing) to|seek\w*|wish\w*|want\w*|(?:which|what)\s+(?:[\w-]+\s+){1,2}to|towards?|lead(?:s|ing)? to|meant to|roadmap (?:for|to)|road to|ahead of|in preparation for|future|plans?|planned|"
                          r"aims?|aiming|intends?|intention|would|could|might|possible|potential|prospect\w*|"
                          r"consider\w*|explor\w*|prepar\w*|importance of|need to|needs to|calls? (?:on|for)|called (?:on|for)|"
                          r"urg\w*|advocat\w*|promot\w*|encourag\w*)\s+(?:[\w'’-]+\s+){0,3}$", re.I)


def prospective(question: str, relation_words: re.Pattern) -> bool:
    """Is every wording of the relation in the question only intended or future ('with a view to
    the country eventually ratifying it'), so the question is not about the relation's facts?"""
    hits = list(relation_words.finditer(question))
    return bool(hits) and all(_PROSPECTIVE.search(question[max(0, m.start() - 60):m.start()]) for m in hits)
