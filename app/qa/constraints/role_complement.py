"""One of an initiative's lists minus another of its lists: "which ILO-IMF pilot countries are not
in the expanded phase", "expanded-phase countries that were not pilot countries", "which of the
original pilot countries were left out of the new phase".

Why: the build holds an initiative's lists under one relation told apart by the statement's role
("pilot country", "expanded country") and year.  A question naming two of them around a negation
was read with one list only: the role readers (:mod:`app.qa.constraints.qualified_members`,
:func:`app.qa.relation.participation.latest_or_first`) each picked a single list, so the negated
list came back as the answer, or the negation went to an unrelated relation of the initiative
("not: constituent agency of ...") and the universe came back whole.  Here the words before the
negation pick the universe's list and the words after it the list taken away, each by a role's own
words or by "new / expanded phase" (the latest year's roles) and "original / first round" (the
earliest).  The role names and years come from the graph; nothing here names an initiative, a role
or a country.
"""
from __future__ import annotations

import re

from app.qa.graphstep import Constraint, _iri
from app.qa.question import Analysis
from app.qa.constraints.qualified_members import _role_words, _words
from app.qa.relation.participation import _FIRST, _LATEST, _blank, family

# a negation or set-aside that splits "the list asked" from "the list taken away"
_CUT = re.compile(r"\b(?:not|never|no\s+longer|without|except(?:\s+for)?|excluding|besides|apart\s+from|aside\s+from|"
                  r"other\s+than|left\s+out\s+of|(?:dropped|missing|absent|excluded|omitted)\s+from)\b|\w+n['’]t\b", re.I)


def _lists(knowledge, init: str) -> dict[str, dict[str, set[int]]]:
    """The initiative's role-told lists, per relation of the membership family: role -> years
    (a statement's ``also_roles`` put it on those lists too)."""
    out: dict[str, dict[str, set[int]]] = {}
    for rel in family():
        roles: dict[str, set[int]] = {}
        for f in knowledge.facts_where(predicate=rel, obj=init):
            at = f.get("attrs") or {}
            year = str(at.get("year") or "")
            for role in [at.get("role"), *(at.get("also_roles") or [])]:
                if role:
                    roles.setdefault(role, set()).update([int(year)] if year.isdigit() else [])
        if len(roles) >= 2:
            out[rel] = roles
    return out


def _pick(segment: str, roles: dict[str, set[int]]) -> set[str]:
    """The roles a stretch of the question names: by a role's distinctive words, else by ordering
    words ("new phase" = the roles of the latest year, "initial round" = of the earliest)."""
    said = _words(segment)
    by_word = {r for r in roles if _role_words(r) and _role_words(r) <= said}
    if by_word:
        return by_word
    latest, first = _LATEST.search(segment), _FIRST.search(segment)
    dated = {r: ys for r, ys in roles.items() if ys}
    if bool(latest) == bool(first) or len(dated) < 2:
        return set()
    when = {r: (max(ys) if latest else min(ys)) for r, ys in dated.items()}
    pick = max(when.values()) if latest else min(when.values())
    chosen = {r for r, y in when.items() if y == pick}
    return chosen if len(chosen) < len(when) else set()


def _on_list(rel: str, init: str, roles: set[str], var: str) -> str:
    values = " ".join(f'"{r}"' for r in sorted(roles))
    return (f"?answer fg:{rel} {_iri(init)} . ?{var} rdf:subject ?answer ; rdf:predicate fg:{rel} ; "
            f"rdf:object {_iri(init)} ; fg:role ?{var}role . VALUES ?{var}role {{ {values} }}")


def role_complement(a: Analysis, knowledge) -> tuple[str, list[Constraint]] | None:
    """(initiative, [its asked list, not its other list]) when the question names two of one
    initiative's lists on either side of a negation; None otherwise."""
    if knowledge is None or a.answer_type != "Country":
        return None
    inits = a.linked("Initiative")
    if len(inits) != 1:
        return None
    init = inits[0]
    blank = _blank(a)
    cut = _CUT.search(blank)
    if cut is None:
        return None
    before, after = blank[:cut.start()], blank[cut.end():]
    for rel, roles in _lists(knowledge, init).items():
        asked, away = _pick(before, roles), _pick(after, roles)
        if not asked or not away or asked & away:
            continue
        keep = Constraint(_on_list(rel, init, asked, "rca"), f"{' / '.join(sorted(asked))} of {init}",
                          [("?", rel, init)], strong=True, relation=rel)
        drop = Constraint(f"FILTER NOT EXISTS {{ {_on_list(rel, init, away, 'rcn')} }}",
                          f"not: {' / '.join(sorted(away))} of {init}", [], strong=True, relation=rel, negated=True)
        return init, [keep, drop]
    return None


def binds(c: Constraint, init: str) -> bool:
    """Does a constraint read the initiative (by its evidence or its pattern)?  Such readings give
    way to the two lists: they took one list, or the negation to another tie to the initiative."""
    return any(init in (t[0], t[2]) for t in c.evidence) or _iri(init) in (c.pattern or "")
