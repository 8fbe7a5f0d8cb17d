"""Forms of a body's name that people write but the report may not: initials and head-noun synonyms.

Why: readers shorten a long name they have just read to its initials ("the GA roadmaps" for the
Global Accelerator, "the TSF"), and they call a partnership a collaboration or a cooperation (the
report itself writes "the ILO-IMF collaboration" beside its heading "ILO-IMF Partnership").  The
linker only knows the names the graph holds, so such questions linked nothing and fell to the text.

Both forms are derived from the graph's own names (no names are listed here) and are added only
when unambiguous: initials that another entity's name already is, or that two entities share, are
left out, so "EU" stays the European Union and a rare clash costs a link rather than a wrong one.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Callable, Iterable, Iterator

from graph import countries

# Kinds of things named by proper names whose initials readers use.
_TYPES = ("Initiative", "Organization", "Project")
# Words a name's initials skip (connectives, articles).
_MINOR = {"of", "on", "for", "and", "the", "to", "in", "at", "de", "du", "la", "et", "des", "a", "an"}
# Head nouns that English uses interchangeably for a joint undertaking (general knowledge).
_HEAD_SYNONYMS = ({"partnership", "collaboration", "cooperation"},)
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")


def initials(name: str) -> str | None:
    """'Global Accelerator' -> 'GA'; None unless the name is two to five capitalised words joined
    only by minor words (a sentence-like label or a name with an acronym inside has no initials)."""
    words = _WORD.findall(re.sub(r"\([^)]*\)", " ", name))
    major = [w for w in words if w.lower() not in _MINOR]
    if not 2 <= len(major) <= 5 or len(words) > 8:
        return None
    if not all(w[0].isupper() and not w.isupper() for w in major):
        return None  # "ILO-IMF Partnership", "USP2030 Working Group": already acronym-led
    return "".join(w[0] for w in major).upper()


def head_variants(name: str) -> list[str]:
    """'ILO-IMF Partnership' -> ['ILO-IMF collaboration', 'ILO-IMF cooperation']."""
    m = re.search(r"(\w+)\s*$", name)
    if not m:
        return []
    head = m.group(1).lower()
    out = []
    for group in _HEAD_SYNONYMS:
        if head in group:
            out += [name[:m.start(1)] + alt for alt in sorted(group - {head})]
    return out


# "ILO-IMF Partnership": initials of two or three bodies joined by hyphens, then a joint-undertaking noun
_COMPOUND_LED = re.compile(r"^\s*(?P<stem>[A-Z][A-Z0-9]{1,7}(?:-[A-Z][A-Z0-9]{1,7}){1,2})\s+(?P<head>\w+)\s*$")


def compound_stem(name: str) -> str | None:
    """'ILO-IMF Partnership' -> 'ILO-IMF': readers name a joint undertaking by its partners' joined
    initials alone ("ilo-imf pilot countries"); None for any other shape of name."""
    m = _COMPOUND_LED.match(name)
    if m is None or not any(m.group("head").lower() in g for g in _HEAD_SYNONYMS):
        return None
    return m.group("stem")


# A company's legal-form suffix (general knowledge): "Eni S.p.A." is "Eni" to a reader.
_LEGAL_SUFFIX = re.compile(r",?\s+(?:S\.?p\.?A|S\.?A|N\.?V|A\.?G|GmbH|Ltd|Inc|PLC|LLC|S\.?A\.?S)\.?\s*$", re.I)


_RUN_IN_NUMBER = re.compile(r"\b([A-Z]{2,})(\d{2,4})\b")


def written_forms(name: str) -> list[str]:
    """'Eni S.p.A.' -> ['Eni SpA', 'Eni']: readers drop the dots of an abbreviation and the legal form;
    'USP2030' -> ['USP 2030']: they type an acronym apart from the number it runs into."""
    out = []
    # a dot after a one-letter segment ("S.p.A.", "U.S.") abbreviates: readers leave it out
    undotted = re.sub(r"(?<![A-Za-z])([A-Za-z])\.", r"\1", name) if re.search(r"\b[A-Za-z]\.[A-Za-z]\.", name) else name
    if undotted != name:
        out.append(undotted)
    bare = _LEGAL_SUFFIX.sub("", name).strip()
    if bare != name and len(bare) >= 3:
        out.append(bare)
    # an acronym run into a year or number ("USP2030") is typed apart as often ("USP 2030")
    spaced = _RUN_IN_NUMBER.sub(r"\1 \2", name)
    if spaced != name:
        out.append(spaced)
    return out


# "Universal Health Coverage (UHC) Financing Strategy": an acronym in brackets after the words it
# stands for, with more of the name after it
_INLINE_ACRONYM = re.compile(r"^(?P<long>.+?)\s*\((?P<acr>[A-Z][A-Za-z]{1,7})\)\s+(?P<rest>\S.*)$")


def acronym_led(name: str) -> str | None:
    """'Universal Health Coverage (UHC) Financing Strategy' -> 'UHC Financing Strategy': readers
    write the acronym in place of the words it stands for, as the report does once it has defined
    it; None unless the acronym's letters are the initials of the words just before it."""
    m = _INLINE_ACRONYM.match(name)
    if not m:
        return None
    acr = m.group("acr")
    letters = [c for c in acr if c.isupper()]
    words = list(_WORD.finditer(m.group("long")))
    major = [w for w in words if w.group(0).lower() not in _MINOR]
    if len(major) < len(letters) or len(letters) < 2:
        return None
    tail = major[-len(letters):]
    if [w.group(0)[0].upper() for w in tail] != letters:
        return None
    return f"{m.group('long')[:tail[0].start()]}{acr} {m.group('rest')}".strip()


# Kind nouns a scheme's or project's name may end on that readers leave out ("the Haba Haba scheme").
_KIND_TAIL = re.compile(r"\s+(?:scheme|programme|program|project|pilot|initiative)$", re.I)
_KIND_TYPES = ("Scheme", "Project", "Initiative")


def proper_stem(name: str, is_word: Callable[[str], bool]) -> str | None:
    """'Haba Haba scheme' -> 'Haba Haba': a name that is a proper name plus a kind noun, where the
    proper name is capitalised words none of which is an English word ("National Health Insurance
    scheme" keeps its noun: its words say a kind, not one scheme).  None for any other name."""
    m = _KIND_TAIL.search(name)
    if not m:
        return None
    stem = name[:m.start()].strip()
    words = _WORD.findall(stem)
    if not re.fullmatch(r"[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*)*", stem):
        return None  # "Estidama++": the linker drops the marks, and "Estidama" may be another programme
    english = lambda w: is_word(w.lower()) or all(is_word(p) for p in w.lower().split("-") if p)  # "Multi-donor"
    if not words or len(stem) < 4 or not all(w[0].isupper() for w in words) or any(english(w) for w in words) \
            or stem.isupper():  # an acronym ("ILES project") is a name of its own already
        return None
    return stem


def derived_forms(entities: Iterable[tuple[str, str, list[str]]],
                  taken: Callable[[str], bool]) -> Iterator[tuple[str, str]]:
    """(form, entity id) for each entity ``(id, type, names)`` of a named kind.

    ``taken(form)`` says whether some entity is already called ``form``: such a form is
    skipped, as are initials that several entities would share."""
    by_initials: dict[str, set[str]] = defaultdict(set)
    by_stem: dict[str, set[str]] = defaultdict(set)
    by_proper: dict[str, set[str]] = defaultdict(set)
    variants: list[tuple[str, str]] = []
    from app.qa.form.spelling import english_frequency

    english = english_frequency()
    for eid, etype, names in entities:
        if etype in _KIND_TYPES:
            for n in names:
                stem = proper_stem(n, english.__contains__)
                if stem:
                    by_proper[stem].add(eid)
        # any named thing: "UHC Financing Strategy" for a strategy the report names in full
        if etype not in ("Activity", "InstitutionalResult"):  # (an activity's label is a sentence)
            variants += [(v, eid) for v in map(acronym_led, names) if v]
        if etype not in _TYPES:
            continue
        for n in names:
            ini = initials(n)
            # Two letters are initials only for an initiative ("GA"); an organisation's two
            # letters clash too often ("EC", "GG"), and a name with a country in it ("Government
            # of Germany") is said by the country, not by initials.
            if ini and (2 if etype == "Initiative" else 3) <= len(ini) <= 5 and not countries.find_countries(n):
                by_initials[ini].add(eid)
            variants += [(v, eid) for v in head_variants(n) + written_forms(n)]
            joined = compound_stem(n)
            if joined:
                by_stem[joined].add(eid)
    for stem_form, ids in sorted(by_stem.items()):  # only when one undertaking has those partners
        if len(ids) == 1 and not taken(stem_form):
            yield stem_form, next(iter(ids))
    for stem, ids in sorted(by_proper.items()):  # "Haba Haba" for the Haba Haba scheme, when one thing is so called
        if len(ids) == 1 and not taken(stem):
            yield stem, next(iter(ids))
    for ini, ids in sorted(by_initials.items()):
        if len(ids) == 1 and not taken(ini):
            yield ini, next(iter(ids))
    for v, eid in variants:
        if not taken(v):
            yield v, eid
