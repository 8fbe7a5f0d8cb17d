"""Country names as a typesetter slips them: two neighbouring letters swapped ("Keyna" for Kenya).

Why: a report is proofread by people, and one transposed pair in a country's name is the commonest
slip that survives ("representatives from Keyna and Jordan").  Missing it loses the country from
every sentence that names it that way.  Only one-word names of five letters or more are varied,
never in their first letter (a capital stays where it is), and a variant that is itself a spelling
of some country is dropped, so no real name is ever read as another.
"""
from __future__ import annotations

from typing import Iterable

MIN_LETTERS = 5  # "Mali"/"Mlai", "Iran"/"Iarn": short names are too near other words to vary


def transpositions(name: str) -> set[str]:
    """The name with one pair of neighbouring letters after the first swapped (repeats give nothing)."""
    out = set()
    for i in range(1, len(name) - 1):
        a, b = name[i], name[i + 1]
        if a != b and a.isalpha() and b.isalpha():
            out.add(name[:i] + b + a + name[i + 2:])
    return out


def slips(names_by_iso: Iterable[tuple[str, Iterable[str]]], fold) -> dict[str, tuple[str, str]]:
    """Folded slip -> (the slip as written, its country's ISO3), over one-word names of
    :data:`MIN_LETTERS` letters or more; a slip two countries share, or one that folds to any real
    name, is left out."""
    rows = [(iso, n) for iso, names in names_by_iso for n in names]
    real = {fold(n) for _, n in rows}
    out: dict[str, tuple[str, str]] = {}
    clash: set[str] = set()
    for iso, n in rows:
        if " " in n or "-" in n or len(n) < MIN_LETTERS or not n.isalpha() or n.isupper():
            continue
        for s in transpositions(n):
            k = fold(s)
            if k in real:
                continue
            if k in out and out[k][1] != iso:
                clash.add(k)
            out.setdefault(k, (s, iso))
    return {k: v for k, v in out.items() if k not in clash}
