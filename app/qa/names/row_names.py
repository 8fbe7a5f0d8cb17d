"""The names a table's row label goes by, as a reader would name the row.

A converted table's row label is often longer than the name a question uses for it: a numbering
("Step 3: Improving operations" is "improving operations"), a gloss in parentheses ("Increased
adequacy (higher benefit levels)" is named either way: "increased adequacy" or "higher benefit
levels"; "ILO Headquarters (SOCPRO)" is "headquarters" or "SOCPRO"), or a qualifying tail after a
comma ("Mobilized before 1 August 2021 and partially covering the second phase, incl. US$10
million in regular budget ..." is named by the words before ", incl.").  Measuring how much of the
whole label a question covers misses all of these, so a row is scored by the best of its forms.
Group rows ("Increased adequacy (higher benefit levels) > Social assistance") keep the group part:
each form is made of the group's form and the branch's form.

Pure functions over the label's punctuation; nothing here names a table or a row of the report.
"""
from __future__ import annotations

import re

_NUMBERING = re.compile(r"^\s*(?:[A-Z][\w ]{0,20}?\s)?\d+\s*[:.\-–]\s+(?=\S)")
_PAREN = re.compile(r"\s*\(([^()]*)\)")
# A qualifying tail: after a comma, "incl." / "including", or "and" opening a participle clause
# ("Mobilized before 1 August 2021 and partially covering the second phase": named by its head).
_TAIL = re.compile(r",.*$|\s+incl(?:uding|\.)\s.*$|\s+and\s+(?:[a-z]+ly\s+)?[a-z]+ing\b.*$", re.I)


def _part_forms(part: str) -> list[str]:
    """Forms of one level of a label (no '>' inside)."""
    part = part.strip()
    bare = _NUMBERING.sub("", part) or part
    forms = [part, bare]
    no_paren = _PAREN.sub(" ", bare).strip()
    if no_paren and no_paren != bare:
        forms.append(no_paren)
    forms += [g.strip() for g in _PAREN.findall(bare) if _names_a_row(g.strip())]
    head = _TAIL.sub("", no_paren or bare).strip()
    if head and head not in forms and len(head.split()) >= 2:
        forms.append(head)
    return list(dict.fromkeys(f for f in forms if f))


def _names_a_row(gloss: str) -> bool:
    """A gloss that can name the row alone: two words or more ("higher benefit levels"), or an
    acronym ("SOCPRO"); not a date ("2021 – 2023") nor a lone qualifier ("estimated")."""
    words = re.findall(r"[A-Za-z][\w'-]*", gloss)
    return len(words) >= 2 or bool(re.fullmatch(r"[A-Z][A-Z0-9&-]{2,}", gloss))


def forms(label: str) -> list[str]:
    """Every name the row label goes by, the label itself first."""
    levels = [p for p in label.split(">")]
    out = [""]
    for level in levels:
        out = [f"{o} > {f}" if o else f for o in out for f in _part_forms(level)]
    return list(dict.fromkeys([label] + out))
