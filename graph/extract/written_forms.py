"""The full name a scheme or national law is written with, beyond the short name its extractor keeps.

Why: the scheme and law extractors keep a short capitalised name ("Simplified Social Security
Scheme", "Employment Injury Scheme", "Social Security and Pensions Law"), but the report writes
the thing in full where it introduces it: "Simplified Social Security Scheme for workers in the
informal economy (RSPC)", "Employment Injury Scheme (EIS) Pilot", "Social Security and Pensions
Law (No. 18)".  Readers ask with those forms and their acronyms, and expect them in answers.

For each such entity, every passage that names it is read for the forms that continue its name:
  - a parenthesis right after it: an acronym "(RSPC)" or a number "(No. 18)";
  - up to seven lower-case qualifier words, then an acronym: "... for workers in the informal
    economy (RSPC)" (a qualifier never crosses a comma or a verb-like capitalised word);
  - one capitalised word right after that parenthesis: "(EIS) Pilot".
Each form found becomes an alternative label, and a found acronym becomes the entity's acronym
when it has none.  Pure reading of the text: no names are listed here.
"""
from __future__ import annotations

import re

from graph.kb import KnowledgeBase
from graph.model import Document

_PAREN = r"\((?P<par>[A-Z][A-Za-z0-9\-]{1,10}|No\.\s*\d{1,4}(?:/\d{1,4})?)\)"
# What may follow a name before its parenthesis: lower-case qualifier words ("for workers in the
# informal economy"), never a verb of the sentence (those are lower-case too, so the list of
# words a qualifier opens with is closed: prepositions).
_QUALIFIER = r"(?P<qual>\s+(?:for|of|in|on|to|covering)(?:\s+[a-z][a-z\-]*){1,6})?"
_NEXT_WORD = r"(?P<next>\s+[A-Z][a-z]{2,})?(?![\w\-])"
_ACRONYM = re.compile(r"[A-Z][A-Z0-9\-]{1,10}[a-z]?")
_TYPES = ("Scheme", "LegalInstrument")


def written_forms(label: str, text: str) -> list[tuple[str, str | None]]:
    """(full written form, acronym or None) for each place ``text`` continues ``label``."""
    out = []
    pat = re.compile(r"(?<![\w\-])" + re.escape(label) + _QUALIFIER + r"\s*" + _PAREN + _NEXT_WORD)
    for m in pat.finditer(text):
        form = m.group(0).strip()
        nxt = m.group("next")
        if nxt and nxt.strip() in ("The", "This", "It", "In", "A", "An"):  # a new sentence, not a name
            form = form[: -len(nxt)].strip()
        par = m.group("par")
        acr = par if _ACRONYM.fullmatch(par) and not par.startswith("No") else None
        out.append((" ".join(form.split()), acr))
    return out


def add_written_forms(doc: Document, kb: KnowledgeBase) -> None:
    """Add the full written forms (and acronyms) of every scheme and national instrument."""
    text_of = {p.id: p.text for p in doc.passages}
    # An acronym another entity already goes by ("NSSF" after "... under the National Social
    # Security Fund") names that entity, not the scheme whose name ends where it begins.
    taken = {x.acronym for t in ("Organization", "Initiative", "Project", *_TYPES) for x in kb.of_type(t) if x.acronym}
    for type_ in _TYPES:
        for e in kb.of_type(type_):
            if (e.role or "").startswith("ILO") or len(e.label) < 6 or not e.label[0].isupper():
                continue  # ILO instruments have their own titles (see instruments); described
                # measures ("a community-based health insurance scheme") have no written name
            for pid in sorted(e.passages):
                for form, acr in written_forms(e.label, text_of.get(pid, "")):
                    if acr and acr in taken and acr != e.acronym:
                        continue
                    if form != e.label:
                        e.alt_labels.add(form)
                    if acr and not e.acronym:
                        e.acronym = acr
                        e.alt_labels.add(acr)
                        taken.add(acr)


# -- a described scheme's own name, written capitalised with an acronym in its country's entry ----
# "the Ministry of Public Health established a community-based health insurance scheme" (a summary)
# is told in the country's entry as "established ... Community-Based Health Insurance (AMBC)": the
# capitalised words and the acronym are the scheme's name, the description only says what it is.
_DESCRIBED_HEADS = ("scheme", "schemes", "system", "programme", "program", "fund")
_ACR_CLOSE = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z0-9\-]{1,10})\)(?!\s+[A-Z])")


def _capitalised(form: str) -> bool:
    """Every word of four letters or more (each part of a hyphenated word) opens with a capital."""
    parts = [w for w in re.split(r"[\s\-]+", form) if len(w) >= 4]
    return bool(parts) and all(w[0].isupper() for w in parts)


def add_described_written_forms(doc: Document, kb: KnowledgeBase) -> None:
    """Name a described scheme by the capitalised form with an acronym its country's entry writes."""
    from graph import countries

    taken = {x.acronym for t in ("Organization", "Initiative", "Project", *_TYPES) for x in kb.of_type(t) if x.acronym}
    entry: dict[str, list] = {}
    for p in doc.passages:
        iso = next((c for c in map(countries.lookup, reversed(p.section_path or [])) if c), None)
        if iso:
            entry.setdefault(iso, []).append(p)
    for e in kb.of_type("Scheme"):
        words = e.label.split()
        if not e.attrs.get("described") or e.acronym or e.label != e.label.lower() or len(words) < 3 \
                or words[-1] not in _DESCRIBED_HEADS:
            continue
        base = " ".join(words[:-1])
        pat = re.compile(r"(?<![\w\-])" + re.escape(base).replace(r"\-", r"[\-\s]?") + r"(?:\s+" + words[-1] + r")?",
                         re.I)
        found = set()
        for p in entry.get(e.attrs.get("country") or "", []):
            for m in pat.finditer(p.text):
                tail = _ACR_CLOSE.match(p.text, m.end())
                if tail and _capitalised(m.group(0)) and tail.group("acr") not in taken:
                    found.add((" ".join(m.group(0).split()), tail.group("acr"), p.id))
        if len({(f, a) for f, a, _ in found}) != 1:
            continue  # none, or several readings: the description stays the label
        form, acr, pid = next(iter(found))
        e.alt_labels.update({e.label, acr, f"{form} ({acr})"})
        e.label, e.acronym = form, acr
        e.passages.add(pid)
        taken.add(acr)
