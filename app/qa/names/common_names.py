"""Things the build named by a common noun ("pension reform", "unemployment insurance scheme").

Why: such a name is written in many sentences about many countries, so a question that happens
to say "pension reform" ("which Egyptian institution got the first actuarial valuation after the
2019 pension reform") does not mean the one entity the linker found under that phrase (another
country's reform).  Requiring the evidence to mention it kept only that country's passages and
left nothing to answer from.  A name with no capital letter is a description, not a proper name.
"""
from __future__ import annotations

_DESCRIBED_TYPES = ("Scheme", "LegalInstrument", "Project")


def common_named(knowledge, eid: str, kinds: tuple[str, ...] = _DESCRIBED_TYPES) -> bool:
    """Is ``eid`` a thing of one of ``kinds`` (by default a scheme, law or project) that the build
    knows only by a lower-case common noun?  The one test of "descriptive name" the engine uses."""
    ent = knowledge.entity(eid) if ":" in eid else None
    if not ent or ent["type"] not in kinds or not ent["label"]:
        return False
    if (ent.get("attrs") or {}).get("described") and any(n == n.lower() for n in ent.get("alt_labels") or ()):
        # found by its description and named later by its entry ("a community-based health insurance
        # scheme" is "Community-Based Health Insurance (AMBC)"): the description is still a kind
        return True
    # an acronym makes it a proper name after all ("old-age pension scheme (JP)")
    return ent["label"] == ent["label"].lower() and not ent.get("acronym")


__all__ = ["common_named"]
