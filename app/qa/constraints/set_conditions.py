"""Set conditions on a relation: "financed *only* by X", "*solely* by their own national institutions".

A list question about a relation keeps the answers that have *some* statement of it; "only" /
"solely" / "exclusively" / "no other" asks for the answers whose statements of it *all* satisfy
the condition:

* a named other end: every statement points at it (``FILTER NOT EXISTS`` another end);
* a kind of other end tied back to the answer ("their own national institutions", "their own
  government"): every other end stands in that registry relation to the answer itself.

The kinds come from the registry (relations from an organisation to a country, by their keywords),
so a newly declared "agency of" or "institution of" relation is usable here with no edit.
"""
from __future__ import annotations

import re

from app.qa.graphstep import AUTHOR_ORGS, Constraint, _as_funder, _iri
from app.qa.question import Analysis
from app.qa.relation.relation_choice import keyword_hits
from graph.relations import REGISTRY

# "no donor other than X", "none besides their own institution", "lack any donor other than X":
# X is the only one.
_NO_OTHER = re.compile(r"\b(?:no|none|nobody|without any|lack(?:s|ed|ing)?)\s+(?:[\w'’-]+\s+){0,2}(?:other than|besides|apart from|except|but)\b",
                       re.I)
ONLY = re.compile(r"\b(only|solely|exclusively|entirely|alone)\b|\bno (other|outside|external|additional)\b|"
                  + _NO_OTHER.pattern, re.I)
_ONLY_WORD = re.compile(r"\b(only|solely|exclusively|entirely)\b", re.I)  # "... with no outside donor" then restates it
_PAID_FOR = re.compile(r"\b(paid|pays?|paying) for\b", re.I)
_OWN = re.compile(r"\b(their|its|own)\b", re.I)
# "I only care about ...", "we are only interested in ...": "only" says what the asker wants, not a condition.
_ASIDE_VERB = re.compile(r"\s+(?:really\s+)?(?:care|cares|want|wants|need|needs|interested|concerned|looking|asking|ask|"
                         r"focus|focusing|mean)\b", re.I)


# "rather than relying only on foreign donors": the "only" of the alternative set aside, no condition
_CONTRAST_BEFORE = re.compile(r"\b(?:rather\s+than|instead\s+of)\s+(?:[\w'’-]+\s+){0,2}$", re.I)
_SCOPE_AFTER = re.compile(r"\s+(?:at|about|considering|counting|within|"
                          # "which countries does Japan fund - only the ones that are pathfinders?":
                          # "only" picks a subset by another condition; the funding stays as it is
                          r"(?:the\s+)?ones|those|(?:the\s+)?(?:countries|places)\s+(?:that|which|where)|"
                          # "counting only the country entries for Africa": where to count, not who pays
                          r"(?:the\s+)?(?:country\s+|regional\s+)?(?:entries|sections|pages|summaries|chapters))\b", re.I)


def _only_beside_funder(a: Analysis, core: str, knowledge) -> bool:
    """A keyword query writing "only" right beside a body the graph holds as a funder of countries
    ("countries only ILO Regular Budget", "regular budget only countries"): funded only by it."""
    if knowledge is None:
        return False
    for l in a.links:
        if l.type not in ("Organization", "Initiative"):
            continue
        funds = any(f["subject"].startswith("Country:") for i in l.ids
                    for f in knowledge.facts_where(predicate="fundedBy", obj=i))
        if funds and (re.search(r"\bonly\s+(?:the\s+)?$", a.question[:l.start], re.I)
                      or re.match(r"\s+only\b", a.question[l.end:], re.I)):
            return True
    return False


def only_constraint(a: Analysis, knowledge) -> Constraint | None:
    """The 'funded only by ...' constraint on countries, or None when the question sets none."""
    from app.qa.form.wording import core_question, partitive_preamble

    # "colleagues who only cover Asia": an "only" in a wordy preamble is not the question's condition,
    # but a partitive one ("Among the countries funded only by X, which ...") names the set picked from
    core = core_question(a.question)
    part = partitive_preamble(a.question)
    core = f"{part}, {core}" if part else core
    # "looking only at the country pages": "only" narrows where to look, not whom the funding comes from
    only = next((m for m in ONLY.finditer(core) if not _ASIDE_VERB.match(core, m.end())
                 and not _SCOPE_AFTER.match(core, m.end()) and not _CONTRAST_BEFORE.search(core[:m.start()])), None)
    funding = a.fund or _PAID_FOR.search(a.question) or (only is not None and _only_beside_funder(a, core, knowledge))
    if not (funding and only and a.answer_type in ("Country", "Number")):
        return None
    if "fund" in a.negated and not (_ONLY_WORD.search(a.question) or _NO_OTHER.search(a.question)):
        return None  # "not funded by X": a negation, not a set condition
    named = [f for f in (_as_funder(x, knowledge) for x in a.linked("Organization", "Initiative", "Country"))
             if f and f not in AUTHOR_ORGS and not f.startswith("Country:")]
    if named:
        o = _iri(named[0])
        return Constraint(f"?answer fg:fundedBy {o} . ?answer a fg:Country . "
                          f"FILTER NOT EXISTS {{ ?answer fg:fundedBy ?other . FILTER(?other != {o}) }}",
                          f"countries funded only by {named[0]}", [("?", "fundedBy", named[0])], relation="fund")
    if not _OWN.search(a.question):
        return None
    kinds = [r for r in REGISTRY if r.domain == ("Organization",) and r.range == ("Country",)
             and keyword_hits(a.question, r.name)]
    if not kinds:
        return None
    r = max(kinds, key=lambda r: keyword_hits(a.question, r.name))
    return Constraint(f"?answer fg:fundedBy ?anyFunder . ?answer a fg:Country . FILTER NOT EXISTS {{ ?answer "
                      f"fg:fundedBy ?other . FILTER NOT EXISTS {{ ?other {r.curie} ?answer }} }}",
                      f"countries funded only by their own {r.label.replace(' of', '')}s",
                      [("?", "fundedBy", "*")], relation="fund")


def apply(a: Analysis, cons: list[Constraint], knowledge) -> list[Constraint]:
    """Replace the funding constraint by its 'only' form when the question sets one; add a count
    condition ("with just one funder", see :mod:`app.qa.constraints.count_conditions`)."""
    from app.qa.constraints import count_conditions

    cons = count_conditions.apply(a, cons, knowledge)
    only = only_constraint(a, knowledge)
    if only is None:
        return cons
    # The negation's placeholder base ("any") goes with the negated funding constraint it stood for.
    rest = [c for c in cons if c.relation != "fund" and not (c.description == "any" and not c.strong)]
    return rest + [only]
