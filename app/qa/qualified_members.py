"""Countries an initiative lists under a qualifying word the question repeats ("the pilot countries
of the ILO-IMF partnership", "its expanded phase countries", "the DCI's selected countries").

Why: the build holds such lists as ``priorityCountryOf`` (and memberships as ``memberOf``) with the
list's own qualifier as the statement's role ("pilot country"), but no question wording reached
them: the text step read one sentence, and a chain ("pilot countries that are also pathfinders")
had no graph set to intersect.  The qualifier words come from the graph's roles, not from here.
"""
from __future__ import annotations

from app.qa.graphstep import Constraint, _iri
from app.qa.question import Analysis
from app.qa.units import stem, terms

_RELATIONS = ("priorityCountryOf", "memberOf")
_MEMBERSHIP = {"memberOf", "pathfinderOf"}
_GENERIC = {stem(w) for w in ("country", "countries", "member", "members", "new", "part")}


def _role_words(role: str) -> set[str]:
    return {stem(t) for t in terms(role)} - _GENERIC


def _engaged(init: str, asked: set[str], knowledge) -> Constraint | None:
    """Countries the initiative is engaged with under a status the question words (every word of
    the status, e.g. 'engagement-ongoing'), from ``<initiative> fg:partneredWith ?country``."""
    statuses = {(f.get("attrs") or {}).get("status") for f in knowledge.facts_where(subject=init, predicate="partneredWith")
                if f["object"].startswith("Country:")} - {None}
    for st in sorted(statuses):
        words = {stem(t) for t in terms(st.replace("-", " "))}
        if len(words) >= 2 and words <= asked:
            return Constraint(
                f"{_iri(init)} fg:partneredWith ?answer . ?qe rdf:subject {_iri(init)} ; rdf:predicate fg:partneredWith ; "
                f'rdf:object ?answer ; fg:status "{st}" . ?answer a fg:Country .',
                f"{st.replace('-', ' ')} of {init}", [(init, "partneredWith", "?")], strong=True, relation="partneredWith")
    return None


def _roles(fact: dict) -> list[str]:
    at = fact.get("attrs") or {}
    return [r for r in [at.get("role"), *(at.get("also_roles") or [])] if r]


def qualified_members(a: Analysis, cons: list[Constraint], knowledge) -> list[Constraint]:
    """``?answer fg:<rel> <initiative>`` with the role the question's words pick, for each linked
    initiative not already constrained; empty when no role word of the graph is in the question."""
    if knowledge is None or a.answer_type not in ("Country",):
        return []
    used = {e for c in cons for trip in c.evidence for e in (trip[0], trip[2])}
    asked = {stem(t) for t in terms(a.question)}
    out = []
    for init in a.linked("Initiative"):
        engaged = _engaged(init, asked, knowledge)
        if engaged is not None:
            # "with which governments are engagements ongoing about joining [initiative]": not its
            # members; the plain membership reading of the same initiative gives way
            cons[:] = [c for c in cons if c.negated or not any(t[0] == "?" and t[2] == init and t[1] in _MEMBERSHIP
                                                                for t in c.evidence)]
            out.append(engaged)
            continue
        if init in used:
            continue
        for rel in _RELATIONS:
            roles = {r for f in knowledge.facts_where(predicate=rel, obj=init) for r in _roles(f)}
            # a role word that tells some of the initiative's lists from others (an initiative with
            # one kind of list, "priority countries", is asked by the relation, not by its role)
            picked = sorted(r for r in roles if _role_words(r) & asked)
            if not picked or len(roles) < 2 or len(picked) == len(roles):
                continue
            values = " ".join(f'"{r}"' for r in picked)
            out.append(Constraint(
                f"?answer fg:{rel} {_iri(init)} . ?qm rdf:subject ?answer ; rdf:predicate fg:{rel} ; "
                f"rdf:object {_iri(init)} ; fg:role ?qmrole . VALUES ?qmrole {{ {values} }}",
                f"{' / '.join(picked)} of {init}", [("?", rel, init)], strong=True, relation=rel))
            break
    return out
