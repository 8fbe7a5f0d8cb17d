"""Negation scoped to one name: "funders of Jordan that do not fund Lebanon", "who pays for the
Ivory Coast programme but not for the Kenyan one", "arab states countries without netherlands
funding", "pathfinders that get no European Union money".

The relation-level negation in :mod:`app.qa.question` says *which relation* is negated ("not
funded"), which is enough when one name takes part.  When a question names two entities for the
same relation and negates only one of them, the answer is a set difference: the relation's answers
for the positive name minus those for the negated one.  Read as a relation-level flag, either both
constraints are kept (an intersection), or the second name is dropped (the first one's answers).

:func:`negated_ids` finds the names a negation governs: a negation cue ("not", "n't", "no",
"without", "never", "nor") followed, in the same clause, by only function words and the relation's
own words before the name ("do not *also finance the ILO's work in* Ethiopia"), or a name followed
by a negated auxiliary ("... that Lebanon does not get").  A noun of another kind in between ("no
*result* funded by the EU") stops the scope: the negation is about that noun.
:func:`scope_negations` then negates the constraint that goes through that name, or, when the
constraints only hold the positive name, adds the same constraint for the negated name (the same
pattern with the other entity), negated.

Ordinary English and the graph's own constraints: no names, no answers.
"""
from __future__ import annotations

import re
from dataclasses import replace

from app.qa.graphstep import AUTHOR_ORGS, Constraint, _iri

# "neither by the EU nor by Japan": "neither" governs the first name as "nor" the second
_CUE = re.compile(r"\b(?:not|never|no|none|nothing|without|neither|nor|\w+n['’]t|missing|absent|lacking|left off)\b", re.I)
# A name followed by its negated auxiliary: "the ones Lebanon does not get", "which Kenya doesn't".
_NEG_AFTER = re.compile(r"^\s+(?:does|do|did|is|are|was|were|has|have|had)(?:\s+not|n['’]t)\b", re.I)
# Words that may stand between the cue and the name: function words, the relation's verbs and
# nouns (funding, partnering, membership), and "the ILO's work in" / "programme" framing.
_BETWEEN = frozenset(
    "the a an any its their also either for to in of from by with at on into as one ones own "
    "ilo ilo's work works programme programmes program programs activities activity project projects "
    "country country's countries government government's governments "
    "fund funds funded funding finance finances financed financing financier financiers money "
    "funder funders donor donors backer backers sponsor sponsors "
    "pay pays paid paying support supports supported supporting back backs backed backing "
    "receive receives received receiving get gets got getting obtain obtains obtained "
    "contribute contributes contributed contributing contribution contributions resources "
    "partner partners partnered partnering collaborate collaborates collaborated work worked working "
    "alongside together jointly involve involves involved involving engage engages engaged engaging "
    "cooperate cooperates cooperated cooperating "
    "member members membership belong belongs belonged join joins joined "
    "same likewise too as well appear appears listed named at all among amongst anywhere within list "
    "part included include includes".split())
_PREPOSITION = re.compile(r"\b(?:in|of|for|to|from|by|with|at|on|about|into|across)\s+(?:the\s+)?$", re.I)
_CLAUSE_BREAK = re.compile(r"[,;:?]|\b(?:and|but|which|who|where|what|that|whose)\b(?!\s+not\b)", re.I)
_WINDOW = 7  # words between the cue and the name


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’.-]+", text.lower().replace("’", "'"))


def negated_ids(question: str, links: list) -> set[str]:
    """Ids of the linked names a negation governs (see the module docstring)."""
    out: set[str] = set()
    ordered = sorted(links, key=lambda l: l.start)
    for k, link in enumerate(ordered):
        if link.type == "Region" or set(link.ids) & AUTHOR_ORGS:
            continue  # regions have their own negation reading; the author is never the negated one
        before = question[:link.start]
        governed = False
        for m in _CUE.finditer(before):
            if any(o.start <= m.start() < o.end for o in ordered):
                continue  # "Convention No. 102": a name's own word
            gap = before[m.end():]
            if _CLAUSE_BREAK.search(gap) or any(o.start >= m.end() and o is not link and o.end <= link.start
                                                and not set(o.ids) & AUTHOR_ORGS for o in ordered):
                continue
            words = [w.strip(".") for w in _words(gap)]
            if len(words) <= _WINDOW and all(w in _BETWEEN or w.endswith("'s") and w[:-2] in _BETWEEN for w in words):
                governed = True
        if not governed and _NEG_AFTER.match(question[link.end:]) and not _PREPOSITION.search(before):
            # "the funders Lebanon does not have", not "the work in Senegal do not appear ..." 
            governed = True
        if governed:
            out.update(link.ids)
    return out


def _mentions(c: Constraint, ids: set[str]) -> bool:
    return any(e in ids for t in c.evidence for e in (t[0], t[2])) or any(_iri(i) in c.pattern for i in ids)


# Variables other than ?answer inside a negated pattern ("?via", "?fl") are its own: renamed so they
# never meet the positive constraint's variables of the same name.  Sharing them would correlate the
# two (the negation tested only through the positive side's intermediary), and Virtuoso refuses such a
# query outright ("selid is used outside its scope").
_INNER_VAR = re.compile(r"\?(?!answer\b)([A-Za-z_]\w*)")


def _negate(c: Constraint) -> Constraint:
    negated = c.negated_pattern or f"FILTER NOT EXISTS {{ {c.pattern} }}"
    return replace(c, pattern=_INNER_VAR.sub(r"?\1_not", negated), negated=True,
                   description="not: " + c.description, evidence=[])


def _swap(c: Constraint, old: str, new: str) -> Constraint | None:
    """The same constraint with another entity in place of ``old`` (None when the pattern does not
    name it)."""
    if _iri(old) not in c.pattern:
        return None
    return replace(c, pattern=c.pattern.replace(_iri(old), _iri(new)), description=c.description.replace(old, new),
                   evidence=[tuple(new if e == old else e for e in t) for t in c.evidence],
                   negated_pattern=c.negated_pattern.replace(_iri(old), _iri(new)) if c.negated_pattern else "")


def _kind(eid: str) -> str:
    return eid.split(":", 1)[0]


# "... is not the EU": the name is said not to be the answer, no relation of its own is negated
_IS_NOT = re.compile(r"\b(?:(?:is|are|was|were|be)\s+not|isn['’]t|aren['’]t|wasn['’]t|weren['’]t)\s+(?:the\s+|a\s+|an\s+)?$", re.I)
_BODIES = {"Organization", "Initiative"}  # a fund may be held as either ("the RBSA", "the MUL")


def _same_end(c: Constraint, old: str, new: str, identity: bool = False) -> bool:
    """May ``new`` stand where ``old`` stands in the constraint: of the same kind, or both of kinds
    the relation's end declares ("RBSA donors that do not fund the MUL": an organisation's and an
    initiative's funders alike, as the registry's ``fundedBy`` allows either)?"""
    if _kind(old) == _kind(new):
        return True
    if identity or {_kind(old), _kind(new)} != _BODIES \
            or len({e for t in c.evidence for e in (t[0], t[2]) if ":" in e}) != 1:
        # a name said not to *be* the answer sets that answer aside ("which partners in Zambia's
        # DCI is not the EU"), a country is no programme, and beside another name the kind decides
        return False
    from graph.relations import REGISTRY

    for s, rel, o in c.evidence:
        r = REGISTRY.get(rel)
        if r is None or old not in (s, o):
            continue
        end = r.domain if old == s else r.range
        return _kind(old) in end and _kind(new) in end
    return False


def scope_negations(question: str, links: list, cons: list[Constraint], answer_type: str,
                    excluded: set[str] = frozenset()) -> list[Constraint]:
    """The constraints with the negation moved onto the names it governs.

    Only when a positive constraint remains (a set difference needs a set to take from): a
    question whose every relation is negated keeps the relation-level reading.  A region the
    question sets aside is no filter as well ("our Africa team has its list, so leave the African
    ones out of it: which countries ..."): the answers are taken out of it afterwards."""
    cons = [c for c in cons if not (c.relation == "region" and not c.negated and c.evidence
                                    and all(t[2] in excluded for t in c.evidence))]
    neg = negated_ids(question, links)
    if not neg or not cons:
        return cons
    # a country negated as a funder is its government ("not by the UK"), whether or not the
    # linker gave the government's id beside the country's
    neg |= {f"Organization:gov-{i.split(':', 1)[1]}" for i in neg if i.startswith("Country:")}
    out, done = _negation_on_its_name(cons, links, neg)
    # 1. a constraint already goes through the negated name: negate it
    for n, c in enumerate(out):
        if not c.negated and _mentions(c, neg) and c.relation != "region":
            others = [x for m, x in enumerate(out) if m != n and not x.negated]
            if others:
                out[n] = _negate(c)
                done |= {i for t in c.evidence for i in (t[0], t[2]) if i in neg} or neg
    # 2. the negated name has no constraint of its own: the positive name's constraint, for it
    positive_ids = {i for l in links for i in l.ids if i not in neg}
    for link in links:
        ids = [i for i in link.ids if i in neg]
        if not ids or set(ids) & done:
            continue
        identity = bool(_IS_NOT.search(question[:link.start]))
        for n, c in enumerate(list(out)):
            if c.negated or c.relation == "region":
                continue
            pivots = [p for p in positive_ids if _iri(p) in c.pattern]
            for p in pivots:
                target = next((i for i in ids if _same_end(c, p, i, identity)), None)
                swapped = _swap(c, p, target) if target else None
                if swapped is not None:
                    out.append(_negate(swapped))
                    done.update(ids)
                    break
            if set(ids) & done:
                break
    return out


_NOT_EXISTS = re.compile(r"^FILTER NOT EXISTS \{ (.*) \}$", re.S)


def _negation_on_its_name(cons: list[Constraint], links: list, neg: set[str]) -> tuple[list[Constraint], set[str]]:
    """A relation negated as a whole, whose constraint went through a name the negation does not
    govern while it governs another name of that kind: "which ILO-IMF partnership countries are
    not among the Flagship Programme's priority countries" holds the priority-country relation of
    both; the ILO-IMF one is the set asked from, the Flagship Programme's the one taken out.
    Returns the constraints and the negated names now placed."""
    out, done = list(cons), set()
    positive = [i for l in links for i in l.ids if i not in neg]
    for n, c in enumerate(cons):
        m = _NOT_EXISTS.match(c.pattern) if c.negated and not c.negated_pattern else None
        if m is None or c.relation in ("region", ""):
            continue
        inner = m.group(1)
        for p in positive:
            target = next((i for i in sorted(neg) if _kind(i) == _kind(p)), None)
            if target is None or _iri(p) not in inner or _iri(target) in inner:
                continue
            kept = replace(c, pattern=inner, negated=False, description=c.description.removeprefix("not: "))
            swapped = _swap(kept, p, target)
            if swapped is not None:
                out[n] = kept
                out.append(_negate(swapped))
                done.add(target)
                break
    return out, done


def report_universe(out: list[Constraint], answer_type: str) -> list[Constraint]:
    """A country question whose only positive condition is a region (or nothing) and that
    negates a relation takes its complement among the report's countries (those it has an entry
    for).  Not for countries asked as funders ("which countries do not fund Kenya"): the report's
    entries are the funded ones."""
    if any(c.negated for c in out) and answer_type == "Country" and \
            not any("governmentOf" in c.pattern for c in out) and \
            all(c.negated or c.relation == "region" or _universe(c) for c in out) and \
            not any("isPriorityCountry" in c.pattern for c in out):
        # "arab states countries without netherlands funding", "which countries are not funded by
        # the EU": the countries asked about are the report's own (those with an entry), not every
        # country a region's gazetteer or a passing mention holds
        out = [c for c in out if not _universe(c)]
        out.append(Constraint("?answer fg:isPriorityCountry true .", "priority countries", [], strong=False,
                              relation="priority"))
    return out


def empty_is_none(cons: list[Constraint]) -> bool:
    """Is an empty graph answer the report saying "none"?  For "which Arab States countries are not
    funded by the EU" it is: the region's countries the report has an entry for are all funded by
    it.  The universe :func:`report_universe` adds is weak (a topic beside the negation is the
    text's to check), but it is no reason to call an empty region-minus-relation "silent"."""
    return any(c.negated for c in cons) and \
        any(c.relation == "region" and c.strong and not c.negated for c in cons) and \
        all(c.strong or _report_universe(c) for c in cons)


def none_message(cons: list[Constraint], label) -> str:
    """What an empty answer of :func:`empty_is_none` says: the report's "none", not silence
    (``label`` names an entity id left in a description)."""
    said = [re.sub(r"\b[A-Z][A-Za-z]+:[\w-]+\b", lambda m: label(m.group(0)), c.description)
            for c in cons if not _report_universe(c)]
    return "None: no country the report has an entry for meets all of: " + "; ".join(said) + "."


def _report_universe(c: Constraint) -> bool:
    return not c.strong and c.relation == "priority" and c.pattern == "?answer fg:isPriorityCountry true ."


def _universe(c: Constraint) -> bool:
    """The base a fully negated question gets ("anything of the asked kind", see graphstep)."""
    return not c.negated and not c.evidence and c.description == "any"
