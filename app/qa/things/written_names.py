"""The full written name of a scheme or national law in an answer, beside its short label.

Why: the graph labels a scheme by its short name ("Simplified Social Security Scheme") and keeps
the forms the report writes it with as alternative labels ("Simplified Social Security Scheme for
workers in the informal economy (RSPC)", "Social Cash Transfer (SCT) programme").  A reader who
asked for the scheme wants the name as the report gives it, acronym included, so each such answer
carries ``name``: the fullest alternative label that contains every word of the short label and
adds the acronym or number the report writes with it.  The label stays as it is (citations, the
UI and the network read it).

Organisations and initiatives are labelled by their expansion ("United Nations Children's Fund",
"Digital Convergence Initiative") while the report, and its readers, mostly write the short form
("UNICEF", "Digital Convergence Initiative (DCI)").  Their answers carry that form as ``name`` too
(:func:`short_name`), as a publication's answer carries its main title without the subtitle
(:func:`main_title`).
"""
from __future__ import annotations

import re

_WORD = re.compile(r"[a-z0-9]+")
_TYPES = ("Scheme", "LegalInstrument")


def _words(s: str) -> set[str]:
    return set(_WORD.findall(re.sub(r"\([^)]*\)", " ", s.lower())))


def full_name(entity: dict) -> str | None:
    """The fullest written form of the entity's name that adds a parenthesis to its label."""
    label = entity.get("label") or ""
    want = _words(label)
    forms = [f for f in entity.get("alt_labels") or () if "(" in f and want <= _words(f) and f != label]
    return max(forms, key=len) if forms else None


# a lower-case kind noun after a proper name: "Haba Haba scheme", "Bolsa da Mãe program"
_KIND_TAIL = re.compile(r"^(?P<proper>.+?)\s+(?:scheme|programme|program)$")
# small words a proper name keeps in lower case (English and Romance particles: general orthography)
_PARTICLES = {"of", "for", "and", "the", "da", "de", "do", "dos", "das", "del", "di", "la", "le", "du", "des"}


def proper_name(entity: dict) -> str | None:
    """'Haba Haba scheme' -> 'Haba Haba': the scheme's own name without the lower-case kind noun
    the report writes after it (readers call it "Haba Haba", "Bolsa da Mãe"); None unless every
    other word is capitalised or a particle."""
    m = _KIND_TAIL.match(entity.get("label") or "")
    if not m:
        return None
    words = m.group("proper").split()
    if not all(w[0].isupper() or w in _PARTICLES for w in words) or not words[0][0].isupper():
        return None
    return m.group("proper")


def short_name(entity: dict) -> str | None:
    """The name an organisation or initiative goes by beside its expanded label: its acronym
    ("UNICEF") for an organisation, the fullest written form with the acronym in parenthesis
    ("Digital Convergence Initiative (DCI)") for an initiative, else its acronym; None when the
    label already holds the acronym."""
    label, acronym = entity.get("label") or "", entity.get("acronym") or ""
    if not acronym or acronym.lower() in set(_WORD.findall(label.lower())) | {label.lower()}:
        return None
    if entity.get("type") == "Initiative":
        return full_name(entity) or acronym
    return acronym


def main_title(entity: dict) -> str | None:
    """'Financing gap for universal social protection: Global, regional and national estimates
    ...' -> 'Financing gap for universal social protection': a publication's title before its
    subtitle, the part readers cite; None without a subtitle or when the main title is under
    three words ('Report: ...')."""
    head, sep, _ = (entity.get("label") or "").partition(": ")
    return head.strip() if sep and len(head.split()) >= 3 else None


def add_full_names(answers: list[dict], knowledge) -> None:
    """Set ``name`` on the scheme and national-law answers whose full written name differs: the
    fullest written form, else the scheme's own name without a trailing lower-case kind noun; on
    organisation and initiative answers, the short name they go by (:func:`short_name`); on
    publication answers, the main title (:func:`main_title`)."""
    for x in answers:
        if not x.get("iri") or x.get("name"):
            continue
        if x.get("type") in ("Organization", "Initiative", "Publication"):
            ent = knowledge.entity_by_iri(x["iri"])
            short = main_title if x["type"] == "Publication" else short_name
            name = short(ent) if ent and ent.get("type") == x["type"] else None
            if name:
                x["name"] = name
            continue
        if x.get("type") not in ("Scheme", "Convention"):
            continue
        ent = knowledge.entity_by_iri(x["iri"])
        if not ent or ent.get("type") not in _TYPES or (ent.get("role") or "").startswith("ILO"):
            continue
        name = full_name(ent) or proper_name(ent)
        if name:
            x["name"] = name
