"""The institution that runs a scheme, named beside the scheme (``administeredBy``).

Why: the scheme extractor reads an administrator only where the text says so in so many words
("administered by", "the NSSF re-launched the Haba Haba scheme", "administrative entity of").
Reports as often name the institution *beside* the scheme, and readers ask "who runs Nepal's new
contributory schemes" or "which fund were people affiliated with under the RAMU":

* the scheme, then "of" / "under" the institution: "the Health and Occupational Risks Systems of
  the Salvadoran Social Security Institute (ISSS)", "a new scheme for the self-employed under the
  National Social Security Fund (NSSF)" (also inside a scheme's own name);
* the institution doing to the scheme what only its operator does: "The SSC closed registrations
  for the donor-supported Estidama++ pilot programme", "supported RSSB to explore the extension of
  the mandatory social insurance scheme";
* people registering with, affiliated to or enrolled in the institution, in the sentence naming
  the scheme or in a paragraph about one scheme of that country only: "Registration to the Social
  Security Fund (SSF) is voluntary for the estimated 8 million informal and self-employed workers"
  (Nepal's new contributory schemes), "led to the affiliation of more than 300,000 people with the
  Caisse Nationale d'Assurance Maladie Universelle (CNAMU)" (the RAMU).

Only a national institution of the scheme's own country counts, and never a ministry (ministries
oversee schemes; the fund, institute, board or corporation runs them).  Shapes of wording only:
the schemes and institutions are those other extractors found.
"""
from __future__ import annotations

import re

from graph.extract.instruments import sentences
from graph.kb import Entity, KnowledgeBase
from graph.model import Document

# after the scheme: "... Systems of the ISSS", "... scheme under the NSSF"
_AFTER_SCHEME = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:under|of|within)\s+(?:the\s+)?")
# before the scheme, after the institution: "SSC closed registrations for the donor-supported ..."
_OPERATOR_ACT = re.compile(r"\s*(?:has\s+|have\s+|also\s+|then\s+)*"
                           r"(?:opened|closed|suspended|re-?opened|started|stopped|paused)\s+"
                           r"(?:new\s+)?(?:registrations?|enrol+ments?|applications?|affiliations?)\s+"
                           r"(?:for|to|in|under|of)\s+(?:the\s+|its\s+)?(?:[\w\-]+\s+){0,3}$")
_EXTENDS = re.compile(r"\s+to\s+(?:(?:explore|consider|assess|study|examine|plan)\s+)?(?:the\s+)?"
                      r"(?:extend|extension\s+of|expand|expansion\s+of|reform|reforming)\s+(?:the\s+|its\s+)?$")
# "registration to the SSF", "affiliation of more than 300,000 people with the CNAMU", "enrolled in"
_JOINS = re.compile(r"\b(?:[Rr]egistration|[Aa]ffiliation|[Ee]nrol+ment|[Mm]embership|registered|affiliated|"
                    r"enrol+ed)\s+(?:of\s+(?:[\w,.\-]+\s+){0,6}?)?(?:to|with|in|at)\s+(?:the\s+)?")
_MINISTRY = re.compile(r"\bMinistr(?:y|ies)\b|\bMinister\b")


def _names(e: Entity) -> list[str]:
    names = {e.label, *e.alt_labels}
    if e.acronym:
        names.add(e.acronym)
    return sorted((n for n in names if len(n) >= 3), key=len, reverse=True)


def _institutions(kb: KnowledgeBase) -> dict[str, list[Entity]]:
    """National institutions (no ministries) by country."""
    out: dict[str, list[Entity]] = {}
    for e in kb.of_type("Organization"):
        iso = e.attrs.get("country")
        if iso and e.role == "national_institution" and not _MINISTRY.search(e.label):
            out.setdefault(iso, []).append(e)
    return out


def org_at(text: str, orgs: list[Entity]) -> Entity | None:
    """The institution the text starts by naming: one of its names, or a name followed by the
    institution's acronym in brackets ("Caisse Nationale ... (CNAMU)")."""
    for e in orgs:
        for n in _names(e):
            if re.match(re.escape(n) + r"(?![\w\-])", text):
                return e
        if e.acronym and re.match(r"[A-Z][^,.;()]{0,90}\(" + re.escape(e.acronym) + r"\)", text):
            return e
    return None


def org_before(text: str, orgs: list[Entity]) -> Entity | None:
    """The institution the text ends by naming (its name, or its acronym in brackets)."""
    text = text.rstrip()
    for e in orgs:
        for n in _names(e) + ([f"({e.acronym})"] if e.acronym else []):
            if re.search(r"(?<![\w\-])" + re.escape(n) + r"$", text):
                return e
    return None


def _scheme_names(e: Entity) -> list[str]:
    names = {e.label, *e.alt_labels}
    if e.acronym:
        names.add(e.acronym)
    # "Estidama++ programme" is written "the Estidama++ pilot programme": its name without the head
    core = re.sub(r"\s+(?:scheme|programme|program|system|fund)s?$", "", e.label, flags=re.I)
    if core != e.label and (re.search(r"[A-Z+]", core) and len(core) >= 4):
        names.add(core)
    return sorted((n for n in names if len(n) >= 3), key=len, reverse=True)


def scheme_spans(sent: str, schemes: list[Entity]) -> list[tuple[int, int, Entity]]:
    out = []
    for e in schemes:
        for n in _scheme_names(e):
            m = re.search(r"(?<![\w\-])" + re.escape(n) + r"(?![\w\-])", sent)
            if m:
                out.append((m.start(), m.end(), e))
                break
    return out


def administrators(sent: str, schemes: list[Entity], orgs: list[Entity]) -> list[tuple[Entity, Entity]]:
    """(scheme, institution) pairs one sentence states by the shapes above (no paragraph rule)."""
    pairs = []
    for a, b, s in scheme_spans(sent, schemes):
        after = sent[b:]
        m = _AFTER_SCHEME.match(after)
        org = org_at(after[m.end():], orgs) if m else None
        if org is None and " under " in s.label:  # "new scheme for the self-employed under the NSSF"
            inner = re.split(r"\s+under\s+(?:the\s+)?", s.label, maxsplit=1)[1]
            org = org_at(inner, orgs)
        before = sent[:a]
        for cue in (_OPERATOR_ACT, _EXTENDS):
            m = cue.search(before[-200:]) if org is None else None
            if m is not None:
                org = org_before(before[-200:][:m.start()], orgs)
        if org is not None:
            pairs.append((s, org))
    return pairs


def extract(doc: Document, kb: KnowledgeBase) -> None:
    by_country = _institutions(kb)
    schemes_in: dict[str, list[Entity]] = {}
    for e in kb.of_type("Scheme"):
        if e.attrs.get("country") in by_country:
            for pid in e.passages:
                schemes_in.setdefault(pid, []).append(e)
    for p in doc.passages:
        here = schemes_in.get(p.id, [])
        if not here:
            continue
        for _a, _b, sent in sentences(p.text):
            for iso in {s.attrs["country"] for s in here}:
                mine = [s for s in here if s.attrs.get("country") == iso]
                orgs = by_country[iso]
                for scheme, org in administrators(sent, mine, orgs):
                    kb.add_fact(scheme.id, "administeredBy", org.id, [p.id], sentence=sent.strip()[:600],
                                source="beside_scheme")
                for m in _JOINS.finditer(sent):
                    org = org_at(sent[m.end():], orgs)
                    if org is None:
                        continue
                    named = [s for _x, _y, s in scheme_spans(sent, mine)]
                    for scheme in named or (mine if len(mine) == 1 else []):
                        kb.add_fact(scheme.id, "administeredBy", org.id, [p.id], sentence=sent.strip()[:600],
                                    source="joined_institution")


__all__ = ["administrators", "org_at", "org_before", "scheme_spans", "extract"]
