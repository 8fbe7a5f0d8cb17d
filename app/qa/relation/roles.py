"""Relations asked from either end, with the named end the graph actually holds them for.

The hand-written graph step and :func:`app.qa.multihop.chains.compose` answer "who are the members /
co-chairs / founders of [initiative]": the asked thing is the relation's *subject*.  People ask the
same fact from the other end just as often ("which initiatives is the WHO a member of", "which
working group does the ILO co-chair", "which partnership did the ILO and the World Bank found",
"which network counts the Swiss among its members").  :func:`reverse` answers those: the asked
type sits in a registry relation's range, a linked entity in its domain, and the relation is the
one the question words (registry keywords, by stem).

Two generic choices make both directions robust:

* :func:`holders` -- of several linked names that could fill the named end ("global accelerator
  technical support facility led by"), the ones the graph holds that relation for win; a name
  with no such fact is context, not the end of the relation;
* relations tied on wording are unioned (the report's words "led", "co-chaired" each name one
  relation, but a question's "leads" fits both ``chairOf`` and ``coChairOf``).

Everything comes from the relation registry and the graph's facts: no phrasing rules.
"""
from __future__ import annotations

import re

from app.qa.relation.participation import GENERAL, family, own_programme
from app.qa.question import Analysis
from graph.relations import REGISTRY, Relation

# Relations too generic to be asked from their far end by keyword alone (their words are
# everyday words of every question), as for composition.
_TOO_GENERIC = {"hasQuantity", "onTopic", "activityConcerns", "activityIn", "activityInvolved", "publicationAbout",
                "partOf", "inRegion", "governmentOf", "agencyOf", "institutionOf"}
_ASKED = {"Convention": "LegalInstrument"}


def role_relations() -> list[Relation]:
    """Relations between an agent (country or organisation) and an initiative: membership, roles."""
    return [r for r in REGISTRY if r.range == ("Initiative",) and {"Country", "Organization"} & set(r.domain)]


ROLE_NAMES = frozenset(r.name for r in role_relations())


def holders(candidates: list[str], r: Relation, knowledge, as_subject: bool) -> list[str]:
    """The candidates the graph holds ``r`` for (as subject or as object); all of them when the
    graph holds it for none (the caller's constraint then says "none", as it should)."""
    if knowledge is None:
        return candidates
    held = [c for c in candidates
            if (knowledge.facts_where(subject=c, predicate=r.name) if as_subject
                else knowledge.facts_where(predicate=r.name, obj=c))]
    return held or candidates


# "Through which initiative does the ILO give technical assistance to Khyber Pakhtunkhwa": the
# initiative is the means of one piece of the author's work, not any body the author belongs to.
_MEANS = re.compile(r"\b(?:through|via|under|by\s+means\s+of)\s+(?:which|what)\b", re.I)


def _named_subjects(a: Analysis, r: Relation, author: set[str]) -> list[str]:
    """Linked entities that can be the relation's subject; the report's author only when it is the
    only one ("which working group does the ILO co-chair")."""
    named = [i for i in a.linked(*r.domain)]
    others = [i for i in named if i not in author]
    return others or named


def reverse(a: Analysis, knowledge, hits_of) -> list:
    """Constraints ``<named> fg:rel ?answer`` for a question that asks for the range end of a
    relation it words, naming its domain end ("which initiatives is [organisation] a member of").

    ``hits_of(a, relation)`` gives the positions of the relation's words in the question (see
    :func:`app.qa.multihop.chains.keyword_hits`).  Relations tied on the most words are unioned; each named
    subject is one conjunct ("founded by the ILO and the World Bank": both)."""
    from app.qa.graphstep import AUTHOR_ORGS, Constraint, _iri

    want = _ASKED.get(a.answer_type, a.answer_type)
    scored: list[tuple[int, Relation, list[str]]] = []
    for r in REGISTRY:
        if r.name in _TOO_GENERIC or want not in r.range or r.domain == r.range or want in r.domain:
            continue
        n = len(hits_of(a, r))
        named = _named_subjects(a, r, AUTHOR_ORGS)
        if not n or not named:
            continue
        held = [s for s in named if knowledge is None or knowledge.facts_where(subject=s, predicate=r.name)]
        if held:
            scored.append((n, r, held))
    if not scored and want == "Initiative" and not (_MEANS.search(a.question) and
                                                     not [i for i in a.linked("Organization", "Country") if i not in AUTHOR_ORGS]):
        # No role worded ("which initiatives is Senegal involved in"): every relation that ties the
        # named entity to an initiative in the graph.
        for r in REGISTRY:
            if r.name in _TOO_GENERIC or r.range != ("Initiative",) or r.domain == r.range:
                continue
            named = _named_subjects(a, r, AUTHOR_ORGS)
            held = [s for s in named if knowledge is not None and knowledge.facts_where(subject=s, predicate=r.name)]
            if held:
                scored.append((0, r, held[:1]))
    if not scored:
        return []
    top = max(n for n, _, _ in scored)
    best = [(r, held) for n, r, held in scored if n == top]
    rels = [r for r, _ in best]
    subjects = list(dict.fromkeys(s for _, held in best for s in held))
    # "morocco initiatives" (no role worded) reads as membership in general too; so does a worded
    # "member"/"take part", which must not keep the report's own programme's scope either
    general = not top or any(r.name == GENERAL for r in rels)
    if want == "Initiative" and not a.years and general:
        # "which initiatives is Senegal a member of / taking part in": membership in general is
        # every relation declared as a kind of it (pathfinder, selected country, co-chair ...);
        # a dated event ("commit to join in January 2024") is the dated membership alone
        if top:
            rels += [REGISTRY[n] for n in family() if REGISTRY[n] not in rels and knowledge is not None and
                     any(knowledge.facts_where(subject=s, predicate=n) for s in subjects)]
        # the report's own programme's scope is not a membership
        not_own = "".join(f" FILTER(?answer != {_iri(o)})" for o in sorted(own_programme(knowledge)))
    else:
        not_own = ""
    path = "|".join(r.curie for r in rels)
    typed = f" ?answer a fg:{want} ." if any(len(r.range) > 1 for r in rels) else ""
    label = " or ".join(r.label for r in rels)
    return [Constraint(f"{_iri(s)} {path} ?answer .{typed}{not_own}", f"{s} {label}",
                       [(s, r.name, "?") for r in rels], strong=True, relation=rels[0].name)
            for s in subjects]


__all__ = ["role_relations", "holders", "reverse"]


def described_part(question: str, initiatives: list[str], relation: str, knowledge) -> str | None:
    """A part of a named initiative that the question describes instead of naming ("USP2030 ...
    its working group on climate action"): when the named initiative holds no ``relation`` facts,
    its parts (``partOf``) that do are candidates, and the one whose name shares the most content
    words with the question (two at least, beyond the parent's own name) is meant."""
    from app.qa.units import terms

    if knowledge is None:
        return None
    asked = set(terms(question))
    best: tuple[int, str] | None = None
    holders_ = {f["object"] for f in knowledge.facts_where(predicate=relation)}
    for init in initiatives:
        parent_words = {t for n in knowledge.names(init) for t in terms(n)}
        # Its parts: held as such, or named after it ("USP2030 Working Group on ...").
        parts = {f["subject"] for f in knowledge.facts_where(predicate="partOf", obj=init)}
        parts |= {h for h in holders_ if h != init and any(
            len(n) >= 3 and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", knowledge.label(h) or "")
            for n in knowledge.names(init))}
        for part in sorted(parts):
            if part not in holders_:
                continue
            words = {t for n in knowledge.names(part) for t in terms(n)} - parent_words
            shared = len(words & asked)
            if shared >= 2 and (best is None or shared > best[0]):
                best = (shared, part)
    return best[1] if best else None


def _dated_role(question: str, years: list[str], hits: list[int]) -> bool:
    """Does a year of the question date the role?  Not when every year sits in a clause before
    the role's words, coordinated with it ("ratified C102 since 2021 and joined the Global
    Accelerator": the year dates the ratification)."""
    if not hits:
        return True
    first = min(hits)
    for y in years:
        at = [m.start() for m in re.finditer(re.escape(y), question)]
        if not at or any(p > first or not re.search(r"\band\b", question[p:first], re.I) for p in at):
            return True
    return False


def forward(a: Analysis, knowledge, hits_of) -> list:
    """``?answer fg:rel <initiative>`` for a role the question words by a registry keyword the
    hand-written step does not know ("which organisations belong to [network]", "who joined
    [initiative]"): the best-worded role relations the graph holds for a named initiative, unioned
    when tied.  Empty when no role is worded or no named initiative holds one."""
    from app.qa.graphstep import Constraint, _iri

    initiatives = a.linked("Initiative")
    if not initiatives:
        return []
    scored = []
    for r in role_relations():
        n = len(hits_of(a, r))
        held = [i for i in initiatives if knowledge is None or knowledge.facts_where(predicate=r.name, obj=i)]
        if n and held:
            scored.append((n, r, held[0]))
    if not scored:
        return []
    top = max(n for n, _, _ in scored)
    best = [(r, i) for n, r, i in scored if n == top]
    if a.years and _dated_role(a.question, a.years, [p for r, _ in best for p in hits_of(a, r)]):
        return []  # a dated role ("joined during 2024") is the hand-written step's or the text's
    init = best[0][1]
    rels = [r for r, i in best if i == init]
    return [Constraint(f"?answer {'|'.join(r.curie for r in rels)} {_iri(init)} .",
                       " or ".join(r.label for r in rels) + f" {init}", [("?", r.name, init) for r in rels],
                       strong=True, relation=rels[0].name)]
