"""Taking part in an initiative, whatever the report calls it: members, pathfinders, selected or
pilot countries, co-chairs.

Why: people ask "which countries are in the ILO-IMF partnership", "ilo imf partnership new phase
african countries", "which initiatives does Senegal take part in", "uzbekistan initiatives".  The
build holds each initiative's list under the relation the report's wording gave it
(``pathfinderOf`` for the Global Accelerator, ``priorityCountryOf`` with role "selected country"
for one initiative, "pilot country" / "expanded country" for another, ``memberOf`` for a network).
A question that words no role, or only the general one ("member", "part of", "participating"),
reached none of them, or only ``memberOf``: the region filter then answered alone (every African
country), or one initiative of three came back.

The membership family is read from the registry: ``memberOf`` and every relation declared with
``parent="memberOf"``.  Nothing here names an initiative, a role or a country.

* :func:`participants` -- ``?answer <family> <initiative>`` for a linked initiative no constraint
  binds yet, when the asked type takes part in it in the graph;
* :func:`latest_or_first` -- "the new phase", "the original pilot round": of an initiative's lists
  told apart by their statements' years, the latest (or the earliest);
* :func:`family` -- the relation names, for the reverse direction (:func:`app.qa.relation.roles.reverse`).
"""
from __future__ import annotations

import re

from app.qa.question import Analysis, _negated_before
from app.qa.units import stem, terms
from graph.relations import REGISTRY

GENERAL = "memberOf"


def priority_countries(knowledge) -> set[str]:
    """The countries the build marks as the report's priority countries (ids)."""
    if knowledge is None:
        return set()
    return {e["id"] for e in knowledge.of_type("Country") if (e.get("attrs") or {}).get("priority")}


def own_programme(knowledge) -> set[str]:
    """The report's own programme: the initiative whose priority countries are the countries the
    build marks as the report's priority countries.  Being in its scope is not membership of an
    initiative ("which networks count Viet Nam among their members")."""
    flagged = priority_countries(knowledge)
    if not flagged:
        return set()
    by_init: dict[str, set[str]] = {}
    for f in knowledge.facts_where(predicate="priorityCountryOf"):
        by_init.setdefault(f["object"], set()).add(f["subject"])
    return {i for i, cs in by_init.items() if cs == flagged}


def family() -> list[str]:
    """``memberOf`` and its declared sub-relations (pathfinder, co-chair, priority country ...)."""
    return [r.name for r in REGISTRY if r.name == GENERAL or r.parent == GENERAL]


# Words for some other tie to an initiative: a funder or a partner is no participant.
_OTHER_TIE = re.compile(r"\b(fund\w*|financ\w*|donors?|money|contribut\w*|partner(?:s|ed|ing)?\b(?!ship)|"
                        r"collaborat\w*|cooperat\w*|work(?:s|ed|ing)? with|publish\w*|wr[io]te|authored|organi[sz]ed|"
                        r"launched|hosted|led|chair\w*|secretariat|engagements?|talks|negotiat\w*)\b", re.I)
# "the new phase", "its latest round", "the expanded set": the most recent of several lists
_LATEST = re.compile(r"\b(?:new|newer|newest|latest|current|recent|expanded|extended|enlarged|second|next|later|"
                     r"subsequent)\s+(?:[\w-]+\s+)?(?:phase|round|set|wave|cohort|stage|batch|group|list|tranche)\b", re.I)
_FIRST = re.compile(r"\b(?:original|initial|first|earlier|earliest|old|older|previous|starting|founding)\s+(?:[\w-]+\s+)?"
                    r"(?:phase|round|set|wave|cohort|stage|batch|group|list|tranche)\b", re.I)


def _blank(a: Analysis) -> str:
    text = a.question
    for l in a.links:
        text = text[:l.start] + " " * (l.end - l.start) + text[l.end:]
    return text


def latest_or_first(a: Analysis, init: str, knowledge) -> tuple[str, list[str]] | None:
    """(relation, roles) of the initiative's list the question dates by order ("new phase" = the
    roles whose statements carry the latest year, "initial phase" = the earliest), when the
    initiative holds lists under two or more roles with different years; else None."""
    blank = _blank(a)
    latest, first = _LATEST.search(blank), _FIRST.search(blank)
    if knowledge is None or bool(latest) == bool(first):
        return None
    for rel in family():
        years: dict[str, set[int]] = {}
        for f in knowledge.facts_where(predicate=rel, obj=init):
            at = f.get("attrs") or {}
            role, year = at.get("role"), str(at.get("year") or "")
            if role and year.isdigit():
                years.setdefault(role, set()).add(int(year))
        if len(years) < 2:
            continue
        when = {role: (max(ys) if latest else min(ys)) for role, ys in years.items()}
        pick = max(when.values()) if latest else min(when.values())
        roles = sorted(r for r, y in when.items() if y == pick)
        if len(roles) < len(when):
            if _OR.search(blank) and any(_named_role(r, blank) for r in when if r not in roles):
                return None  # "either as 2021 pilots or in the expanded 2024 phase": both lists are asked
            return rel, roles
    return None


_OR = re.compile(r"\b(?:or|either)\b", re.I)


def _named_role(role: str, text: str) -> bool:
    """Does the text name the role by a word of its own ("pilots" for "pilot country")?"""
    own = {stem(w) for w in terms(role)} - {stem(w) for w in terms("country countries member members")}
    return bool(own & {stem(w) for w in terms(text)})


def participants(a: Analysis, cons: list, knowledge, also: list = ()) -> list:
    """Constraints ``?answer <family> <initiative>`` (with the dated list's roles when the question
    orders them) for each linked initiative no constraint binds, when the question asks for
    countries or organisations and words no other tie (funding, partnership, authorship).
    ``cons`` loses (in place) a role constraint the graph holds nothing for on its initiative.

    Weak unless the question words taking part ("members", "part of", "participating"): a bare
    "[initiative] countries" may be about something the initiative did there, which the text says."""
    from app.qa.graphstep import Constraint, _iri

    if knowledge is None or a.answer_type not in ("Country", "Organization"):
        return []
    names = family()
    # A membership role worded for an initiative the graph holds no such statement for ("included
    # in [initiative]" read as a constituent agency of it, "priority countries ... before its
    # ratification campaign" as the campaign's priority countries) is no reading of the question.
    cons[:] = [c for c in cons if not _unheld_role(c, names, knowledge)]
    blank = _blank(a)
    if _OTHER_TIE.search(blank) or a.fund or a.ratify:
        return []
    used = {e for c in [*cons, *also] for t in c.evidence for e in (t[0], t[2])}
    worded = _worded(a)
    out = []
    other = _other_relation_worded(a, names)
    for link in a.links:
        init = link.ids[0]
        if link.type != "Initiative" or init in used or init in {o["id"] for o in out_ids(out)} or \
                any(_iri(init) in (c.pattern or "") for c in [*cons, *also]):
            continue  # bound already (a negated constraint keeps no evidence, only its pattern)
        if other or _negated_before(blank, link.start):
            continue  # "not among [initiative]'s priority countries": the negated set is another step's
        dated = latest_or_first(a, init, knowledge)
        rels = [dated[0]] if dated else names
        held = [r for r in rels if any(f["subject"].startswith(a.answer_type + ":")
                                       for f in knowledge.facts_where(predicate=r, obj=init))]
        if not held:
            continue
        path = "|".join(f"fg:{r}" for r in held)
        pattern = f"?answer {path} {_iri(init)} . ?answer a fg:{a.answer_type} ."
        what = "taking part in"
        if dated:
            values = " ".join(f'"{v}"' for v in dated[1])
            pattern += (f" ?pq rdf:subject ?answer ; rdf:predicate fg:{dated[0]} ; rdf:object {_iri(init)} ;"
                        f" fg:role ?pqrole . VALUES ?pqrole {{ {values} }}")
            said = (_LATEST.search(blank) or _FIRST.search(blank)).group(0)
            what = f"{' / '.join(dated[1])} (‘{said}’: its {'latest' if _LATEST.search(blank) else 'first'} list) of"
        year = _dated_year(a, init, held, knowledge) if not dated else None
        if year is not None:  # "which countries did the partnership start with in 2019": its list of that year
            from app.qa.graphstep import year_test

            pairs = " ".join(f'({_iri(c)} "{y}")' for c, ys in sorted(_years_taking_part(init, held, knowledge).items())
                             for y in sorted(ys))
            pattern += f" VALUES (?answer ?pyy) {{ {pairs} }} FILTER({year_test(a, '?pyy', year)})"
            what = f"taking part (dated {year}) in"
        # the general relation's words ("part of", "members") are what this constraint expresses too
        evidence = [("?", r, init) for r in held] + ([("?", GENERAL, init)] if GENERAL not in held else [])
        out.append(Constraint(pattern, f"{what} {init}", evidence, strong=bool(worded or dated), relation=held[0]))
    return out


def _dated_year(a: Analysis, init: str, held: list[str], knowledge) -> str | None:
    """The year that dates taking part in the initiative, when every statement of its lists
    carries a year (the report dates each list: "since 2021 ... pilot countries", "in 2024 ... an
    expanded set") and the question qualifies the relation with one.  A year the lists do not
    hold then answers none: the report names no list of that year.  An initiative with any
    undated list keeps every list (an undated member may have joined in any year)."""
    from app.qa.graphstep import year_for

    facts = [f for r in held for f in knowledge.facts_where(predicate=r, obj=init)
             if f["subject"].startswith(a.answer_type + ":")]
    if not facts or not all(str((f.get("attrs") or {}).get("year") or "").isdigit() for f in facts):
        return None
    return year_for(a, "member", knowledge)


def _years_taking_part(init: str, held: list[str], knowledge) -> dict[str, set[str]]:
    """Each participant's years in the initiative's lists: its statement's own year, and the year
    of every other list (role) it is also named in ("Mozambique" among both the 2021 pilots and
    the 2024 expanded set: one statement, dated by its first list).  A role dates its list when
    all the statements naming only that role carry one year."""
    facts = [f for r in held for f in knowledge.facts_where(predicate=r, obj=init)]
    role_years: dict[str, set[str]] = {}
    for f in facts:
        at = f.get("attrs") or {}
        if at.get("role") and not at.get("also_roles"):
            role_years.setdefault(at["role"], set()).add(str(at.get("year")))
    out: dict[str, set[str]] = {}
    for f in facts:
        at = f.get("attrs") or {}
        ys = out.setdefault(f["subject"], set())
        ys.add(str(at["year"]))
        for role in at.get("also_roles") or ():
            if len(role_years.get(role, ())) == 1:
                ys |= role_years[role]
    return out


def out_ids(out: list) -> list[dict]:
    return [{"id": t[2]} for c in out for t in c.evidence]


def _other_relation_worded(a: Analysis, names: list[str]) -> bool:
    """Does the question word another registry relation of an initiative ("focal point" of a
    position in it, "funds" ...), at a place no membership word covers?"""
    from app.qa.multihop.chains import keyword_hits
    from app.qa.relation.roles import _TOO_GENERIC

    general = set()
    for n in names:
        general |= set(keyword_hits(a, REGISTRY[n]))
    for r in REGISTRY:
        if r.name in names or r.name in _TOO_GENERIC or "Initiative" not in (*r.range, *r.domain):
            continue
        if set(keyword_hits(a, r)) - general:
            return True
        # a named thing of another kind tied to initiatives ("the P4H country focal point": a position)
        if "Initiative" in r.range and any(l.type in r.domain and l.type not in ("Country", "Organization", "Initiative")
                                           for l in a.links):
            return True
    return False


def _unheld_role(c, names: list[str], knowledge) -> bool:
    """Does the constraint bind an initiative only through role relations the graph holds none of
    for it, while the initiative does hold lists of the membership family?"""
    from app.qa.relation.roles import ROLE_NAMES

    if c.negated or not c.evidence:
        return False
    inits = {t[2] for t in c.evidence if t[0] == "?" and t[2].startswith("Initiative:")}
    if len(inits) != 1 or any(t[1] not in ROLE_NAMES for t in c.evidence):
        return False
    init = next(iter(inits))
    held = lambda r: bool(knowledge.facts_where(predicate=r, obj=init))
    return not any(held(t[1]) for t in c.evidence) and any(held(r) for r in names)


def _worded(a: Analysis) -> bool:
    """Does the question word taking part (a keyword of the general membership relation)?"""
    from app.qa.multihop.chains import keyword_hits

    r = REGISTRY.get(GENERAL)
    return bool(r and keyword_hits(a, r))


_ROLE_VALUES = re.compile(r"fg:role\s+\?(\w+)\s*\.\s*VALUES\s+\?\1\s*\{([^}]*)\}")


def role_list_words(cons: list, knowledge) -> set[str]:
    """Words of the sentences that state a role-picked list ("a new phase in an expanded set of
    countries, which include ..."): a constraint that picks the list by its role already says
    them, so they are no topic left for the text to narrow the list by."""
    from app.qa.units import terms

    out: set[str] = set()
    if knowledge is None:
        return out
    for c in cons:
        m = _ROLE_VALUES.search(c.pattern or "")
        if c.negated or not m:
            continue
        roles = set(re.findall(r'"([^"]+)"', m.group(2)))
        for _, rel, obj in c.evidence:
            if rel not in REGISTRY or ":" not in obj:
                continue
            for f in knowledge.facts_where(predicate=rel, obj=obj):
                at = f.get("attrs") or {}
                if at.get("role") in roles and at.get("sentence"):
                    out |= set(terms(at["sentence"]))
    return out
