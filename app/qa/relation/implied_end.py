"""The far end of the one relation the graph holds for a named thing: "Which country has the
Benazir Income Support Programme?", "bolsa da mae country", "Which country operates the Basic
Healthcare Provision Fund?", "who administers the Haba Haba scheme".

Such questions name one thing (a scheme, a fund, a law) and ask for an entity of another type with
no word the registry knows for the relation ("has", "operates") or a word shared by several.  The
registry says which relations join the two types; the graph says which of them it holds for this
thing.  When exactly one does (after the question's own relation words, if any, have picked among
them) its other end is the answer.  Without this, such questions went to the text step, which
returned every country the sentence names ("Timor-Leste's Bolsa da Mãe program, Pakistan's
Benazir Income Support Programme ... and Mexico's").
"""
from __future__ import annotations

from app.qa.question import ENTITY_FOR_TYPE, Analysis
from graph.relations import REGISTRY

# Relations that relate a thing to its context rather than answering "which X": never implied.
_NEVER = {"hasQuantity", "onTopic", "activityConcerns", "activityIn", "activityInvolved", "publicationAbout",
          "mentions", "inRegion"}
# The linked thing must be something other than the kinds the hand-written steps already relate.
# Initiatives are left out: their members, pathfinders and focal points are the roles' own steps.
_NAMED_TYPES = ("Scheme", "Organization", "LegalInstrument", "Publication", "Project")


def _candidates(e: str, want: str, knowledge) -> list[tuple[str, str, list[str]]]:
    """(relation, direction, answers) for each registry relation the graph holds between `e` and
    entities of type `want`; direction "object" means the answer is the relation's object."""
    etype = e.split(":", 1)[0]
    out = []
    for r in REGISTRY:
        if r.name in _NEVER:
            continue
        if etype in r.domain and want in r.range:
            ends = [f["object"] for f in knowledge.facts_where(subject=e, predicate=r.name)
                    if f["object"].startswith(want + ":")]
            if ends:
                out.append((r.name, "object", ends))
        if etype in r.range and want in r.domain:
            ends = [f["subject"] for f in knowledge.facts_where(predicate=r.name, obj=e)
                    if f["subject"].startswith(want + ":")]
            if ends:
                out.append((r.name, "subject", ends))
    return out


def implied_end(a: Analysis, knowledge):
    """A weak constraint for the answer at the far end of the one relation held for the named
    thing, or None when the question names no single such thing or several relations qualify."""
    from app.qa.multihop.chains import keyword_hits
    from app.qa.graphstep import AUTHOR_ORGS, Constraint, _iri

    want = ENTITY_FOR_TYPE.get(a.answer_type)
    if knowledge is None or want is None:
        return None
    named = [l for l in a.links if not set(l.ids) & AUTHOR_ORGS]
    if len(named) != 1 or named[0].type not in _NAMED_TYPES or named[0].type == want or len(named[0].ids) != 1:
        return None  # none, or several things named (a country too): the relation between them is not implied
    e = named[0].ids[0]
    # A descriptive label ("unemployment insurance scheme") names a kind, not this one thing; one
    # with its acronym ("universal health coverage (CMU)") names one.
    if not any(w.lstrip("(")[:1].isupper() for w in knowledge.label(e).split()):
        return None
    cands = _candidates(e, want, knowledge)
    worded = [c for c in cands if keyword_hits(a, REGISTRY[c[0]])]
    cands = worded or cands
    if len(cands) != 1:
        return None
    rel, direction, _ = cands[0]
    r = REGISTRY[rel]
    if direction == "object":
        pat, ev, desc = r.pattern(_iri(e), "?answer"), [(e, rel, "?")], f"{e} {r.label}"
    else:
        pat, ev, desc = r.pattern("?answer", _iri(e)), [("?", rel, e)], f"{r.label} {e}"
    return Constraint(f"{pat} ?answer a fg:{want} .", f"{desc} (the one relation the graph holds for it)", ev,
                      strong=False, relation=rel)
