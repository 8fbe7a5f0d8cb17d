"""A name's year span however it is typed: "World Social Protection Report 2024-26" is also
"... 2024-2026" and "... 24-26"; "Strategy 2024-2030" is also "... 2024-30".

General usage for writing a span of years, applied to whatever names the graph holds: without these
forms "wspr 24-26 subtitle" or "world social protection report 2024-2026" linked no publication.
Works on a name's token tuple (as the lexicon stores it: "2024-26" is the tokens "2024", "26").
"""
from __future__ import annotations

MAX_SPAN = 12  # years; a longer "1990 2024" pair is two numbers, not one span


def _span(a: str, b: str) -> tuple[int, int] | None:
    """(first, last) year when tokens ``a`` ``b`` write one span ("2024" "26", "2024" "2026")."""
    if not (len(a) == 4 and a.isdigit() and a[:2] in ("19", "20") and b.isdigit() and len(b) in (2, 4)):
        return None
    start = int(a)
    end = int(b) if len(b) == 4 else start - start % 100 + int(b)
    return (start, end) if 0 < end - start <= MAX_SPAN else None


def span_forms(tokens: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The other token tuples of a name whose tokens write a span of years (none otherwise)."""
    out: list[tuple[str, ...]] = []
    for i in range(len(tokens) - 1):
        span = _span(tokens[i], tokens[i + 1])
        if span is None:
            continue
        start, end = span
        for pair in ((str(start), f"{end % 100:02d}"), (str(start), str(end)), (f"{start % 100:02d}", f"{end % 100:02d}")):
            form = tokens[:i] + pair + tokens[i + 2:]
            if form != tokens and form not in out:
                out.append(form)
    return out
