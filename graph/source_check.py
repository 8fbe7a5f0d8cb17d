"""Is this file a report we can build from?  Checked before anything is parsed or written.

A build used to accept anything: random bytes gave "United Kingdom" entities, ``/usr/bin/ls`` built
with exit 0, a table of empty cells half-built (issue 10, D10).  A report is UTF-8 *text* with
*prose* in it; these pure functions say why a file is not, in words a user can act on.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

DEFAULT_MAX_MB = 20.0
_WORD = re.compile(r"[^\W\d_]{2,}")  # a run of 2+ letters, any script
_TOKEN = re.compile(r"\S+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class TextVerdict:
    ok: bool
    reason: str = ""


def decode_report(raw: bytes, name: str) -> tuple[str | None, str]:
    """(text, "") for a UTF-8 text file, else (None, why not)."""
    if not raw.strip():
        return None, f"{name} is empty"
    head = raw[:65536]
    if b"\x00" in head:
        return None, f"{name} is a binary file (it contains NUL bytes), not report text"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = raw.decode("utf-8", errors="replace").count("\ufffd")
        if bad > max(3, len(raw) // 1000):
            return None, (f"{name} is not UTF-8 text ({bad} undecodable byte sequences, first at byte "
                          f"{exc.start}); convert it, e.g. iconv -f LATIN1 -t UTF-8")
        text = raw.decode("utf-8", errors="replace")
    text = text.removeprefix("\ufeff")
    controls = len(_CONTROL.findall(text[:200_000]))
    if controls > max(3, min(len(text), 200_000) // 200):
        return None, f"{name} looks binary ({controls} control characters), not report text"
    return text, ""


def looks_like_prose(text: str, name: str, min_words: int = 20, min_word_share: float = 0.4) -> TextVerdict:
    """Enough words, and words making up a fair share of the tokens (not noise, not empty cells)."""
    sample = text[:2_000_000]
    tokens = _TOKEN.findall(sample)
    # each distinct token judged once: prose repeats its words (a 2 MB sample has ~300,000 tokens
    # but a tenth as many distinct ones), and the judgement is the costly part
    n_words = sum(n for t, n in Counter(tokens).items() if _is_word(t))
    if n_words < min_words:
        return TextVerdict(False, f"{name} has no recognisable report text ({n_words} words); "
                                  "expected a report in Markdown or plain text")
    share = n_words / max(1, len(tokens))
    if share < min_word_share:
        return TextVerdict(False, f"{name} has no recognisable report text: only {share:.0%} of its "
                                  f"tokens are words (random data or markup without prose?)")
    return TextVerdict(True)


def _is_word(token: str) -> bool:
    """Letters make up most of the token (punctuation around it aside): one regex scan per token."""
    letters = _WORD.findall(token)
    return bool(letters) and sum(len(w) for w in letters) >= 0.6 * len(token.strip(".,;:!?()[]\"'“”‘’*_|#"))


def check_size(size: int, name: str, max_mb: float | None) -> str:
    """'' when within the limit (``max_mb`` None or <= 0: no limit), else why not."""
    if max_mb and max_mb > 0 and size > max_mb * 1_000_000:
        return (f"{name} is {size / 1e6:.1f} MB, over the {max_mb:g} MB limit for one report; "
                f"pass --max-source-mb {int(size / 1e6) + 1} (or 0 for no limit) if this is intended")
    return ""
