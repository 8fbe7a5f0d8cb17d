"""A relation's kinds (the registry's ``parent``): the kind a question says, or the kinds when the parent is silent.

Why: the registry declares some relations as kinds of another: ``receivedAllocationFrom`` (a pooled
fund's allocation to a country, as the fund's own text states it) is a kind of ``fundedBy`` (the
country's financing line).  The funding constraints of :mod:`app.qa.graphstep` ask ``fg:fundedBy``
only, so "Which countries had RBSA money allocated to new activities in 2024?" answered the countries
whose financing lines name the fund, and "who funds the ILO's work in Jamaica?" answered nothing,
though the graph holds the fund's allocation to Jamaica.

Two readings, both from the registry, never from a report name:

- :func:`narrow`: the question words a kind by its own registry keywords ("allocated", "allocations")
  or the question bank understood the kind: the parent's predicate in every constraint becomes the kind's.
- :func:`widen`: a constraint's named end holds no statement of the parent but one of a kind: the
  constraint asks the parent or its kinds (an allocation is funding).
"""
from __future__ import annotations

import re
from dataclasses import replace

from app.qa.graphstep import Constraint
from app.qa.question import Analysis
from graph.relations import REGISTRY


def kinds_of(parent: str) -> list[str]:
    """The registered relations declared as kinds of ``parent``."""
    return [r.name for r in REGISTRY if r.parent == parent]


def _predicate(name: str) -> re.Pattern:
    """The relation's predicate wherever it is written."""
    return re.compile(rf"\bfg:{re.escape(name)}\b(?!\|)")


def _in_triple(name: str) -> re.Pattern:
    """The relation's predicate where it joins a subject to an object (a property path may stand
    there; not in a VALUES list or as a statement's ``rdf:predicate`` object)."""
    return re.compile(rf"(?<=[>\w]\s)fg:{re.escape(name)}\b(?!\|)(?=\s+[?<])")


def understood(und) -> tuple[str, ...]:
    """The relations an understanding reads: its own and its nearest template's (a later reading may
    have set the first to the parent the analysis's cue says: "send its new money" is funding too)."""
    if und is None:
        return ()
    guess = getattr(getattr(und, "guess", None), "intent", None)
    return tuple(r for r in (und.relation, getattr(guess, "relation", None)) if r)


def _said_kind(a: Analysis, parent: str, understood: tuple[str, ...]) -> str | None:
    """The one kind of ``parent`` the question words by its own keywords (outside its names), or the
    one the bank understood."""
    from app.qa.figures.ranking import worded

    kinds = kinds_of(parent)
    said = [k for k in kinds if worded(a, k)] or [k for k in understood if k in kinds]
    return said[0] if len(set(said)) == 1 else None


def narrow(a: Analysis, constraints: list[Constraint], understood: tuple[str, ...] = (), knowledge=None) -> list[Constraint]:
    """Constraints over a parent relation asked as the kind the question says, where their named end
    holds that kind."""
    out = []
    for c in constraints:
        for parent in {t[1] for t in c.evidence if kinds_of(t[1])}:
            kind = _said_kind(a, parent, understood)
            ends = _named_ends(c, parent)
            if kind is None or c.negated or (knowledge is not None and not any(
                    knowledge.facts_where(predicate=kind, **{side: e}) for e, side in ends)):
                continue  # "received RBSA allocations ... does the EU also fund": the EU's is plain funding
            c = replace(c, pattern=_predicate(parent).sub(f"fg:{kind}", c.pattern),
                        description=f"{c.description} ({REGISTRY[kind].label})",
                        evidence=[(s, kind if p == parent else p, o) for s, p, o in c.evidence])
        out.append(c)
    return out


def _named_ends(c: Constraint, parent: str) -> list[tuple[str, str]]:
    """(entity, keyword of facts_where) of the constraint's evidence templates over ``parent`` that name an entity."""
    return [(s, "subject") if ":" in s else (o, "obj") for s, p, o in c.evidence
            if p == parent and (":" in s) != (":" in o)]


def widen(constraints: list[Constraint], knowledge) -> list[Constraint]:
    """Constraints over a parent relation its named end holds nothing of, asked with its kinds too."""
    if knowledge is None:
        return constraints
    out = []
    for c in constraints:
        for parent in {t[1] for t in c.evidence if kinds_of(t[1])}:
            ends = _named_ends(c, parent)

            def held(rel: str) -> bool:
                return any(knowledge.facts_where(predicate=rel, **{side: e}) for e, side in ends)

            kinds = [k for k in kinds_of(parent) if held(k)]
            if not ends or held(parent) or not kinds:
                continue
            c = _also_asked(c, parent, kinds)
        out.append(c)
    return out


def with_included(constraints: list[Constraint]) -> list[Constraint]:
    """Constraints over a relation that declares others it ``includes`` (the registry), asked with
    those too: "which agencies make up the facility" counts the agency that leads it.  A negated
    constraint is left as it is (not being a constituent says nothing of the lead)."""
    out = []
    for c in constraints:
        if not c.negated:
            for name in {t[1] for t in c.evidence}:
                r = REGISTRY.get(name)
                extra = [i for i in (r.includes if r else ()) if REGISTRY.get(i)]
                if not extra or not _in_triple(name).search(c.pattern):
                    continue
                c = _also_asked(c, name, extra)
        out.append(c)
    return out


def _also_asked(c: Constraint, name: str, more: list[str]) -> Constraint:
    """The constraint with relation ``name`` asked as any of ``name`` and ``more`` (a SPARQL
    alternative path), with an evidence row for each."""
    path = "|".join(f"fg:{r}" for r in [name, *more])
    return replace(c, pattern=_in_triple(name).sub(path, c.pattern),
                   evidence=c.evidence + [(s, x, o) for s, p, o in c.evidence if p == name for x in more])


def apply(a: Analysis, constraints: list[Constraint], knowledge, understood: tuple[str, ...] = ()) -> list[Constraint]:
    """The question's constraints with the parent relations read as the kind it says, else widened
    to their kinds where the parent is silent; a relation's declared inclusions asked with it."""
    return with_included(widen(narrow(a, constraints, understood, knowledge), knowledge))
