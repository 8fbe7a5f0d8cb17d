"""Scoring answers against gold question sets, with the rules of the shared ``score.py``.

``score.py`` beside a gold file is the authority: :func:`load_scorer` imports it when present so
``floorgraph eval`` prints the same numbers; the built-in rules below are the same matching
(normalised label / alias equality, 0.8 token Jaccard for long titles, numeric equality for
numbers and years, ISO3 for countries) for question sets that come without it.
"""
from __future__ import annotations

import importlib.util
import re
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

from index.lexical import fold

_STOP = {"the", "of", "and", "a", "an", "s", "to", "for", "in", "kingdom", "republic", "government"}
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def _norm(s) -> str:
    s = unicodedata.normalize("NFKD", str(s))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold().replace("’", "'")
    return " ".join(re.sub(r"[^a-z0-9.+ ]+", " ", s).split())


def _tokens(s) -> list[str]:
    return [t for t in _norm(s).replace(".", " ").split() if t not in _STOP]


def _number(s) -> float | None:
    t = str(s).lower().replace(",", "")
    m = re.search(r"(\d+(?:\.\d+)?)\s*(million|billion|thousand|m\b|bn\b)?", t)
    if not m:
        return None
    mult = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "thousand": 1e3}.get(m.group(2) or "", 1)
    return float(m.group(1)) * mult


def matches(answer: dict, gold: str, aliases: dict, answer_type: str) -> bool:
    cands = [answer.get("label", "")] + [str(answer[k]) for k in ("iso3", "name", "value") if answer.get(k) is not None]
    forms = [gold] + list(aliases.get(gold, []))
    if answer_type in ("Number", "Year"):
        gv = _number(gold)
        return any(v is not None and gv is not None and abs(v - gv) <= 1e-6 * max(1.0, abs(gv))
                   for v in map(_number, cands))
    for c in cands:
        if any(_norm(c) == _norm(f) for f in forms):
            return True
        tc = set(_tokens(c))
        for f in forms:
            tf = set(_tokens(f))
            if tf and tc and (tf == tc or (len(tf) >= 3 and len(tc & tf) / len(tf | tc) >= 0.8)):
                return True
    if answer_type == "Country" and answer.get("iso3"):
        import pycountry

        for f in forms:
            try:
                if pycountry.countries.lookup(f).alpha_3 == str(answer["iso3"]).upper():
                    return True
            except LookupError:
                pass
    return False


def score_one(gold: dict, answers: list[dict]) -> tuple[float, float, float]:
    items, aliases, optional = gold["gold"], gold.get("aliases", {}), gold.get("optional", []) or []
    atype = gold.get("answer_type", "Text")
    answers = answers or []
    if not items:
        return (1.0, 1.0, 1.0) if not answers else (0.0, 1.0, 0.0)
    hit, tp, counted = set(), 0, 0
    for a in answers:
        h = [g for g in items if matches(a, g, aliases, atype)]
        if h:
            tp += 1
            counted += 1
            hit.update(h)
        elif any(matches(a, o, aliases, atype) for o in optional):
            continue
        else:
            counted += 1
    p = tp / counted if counted else 0.0
    r = len(hit) / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_scorer(gold_path: Path):
    """``score_one`` from the ``score.py`` next to the gold file when there is one, else ours."""
    path = Path(gold_path).resolve().parent / "score.py"
    if path.is_file():
        spec = importlib.util.spec_from_file_location("floorgraph_gold_scorer", path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        if hasattr(mod, "score_one"):
            return mod.score_one, str(path)
    return score_one, "built-in"


# -- evidence quotes -----------------------------------------------------------------------
def quote_norm(text: str) -> str:
    text = re.sub(r"</?u>|\*\*?", " ", text)
    return _NON_ALNUM.sub(" ", fold(text)).strip()


def holds(quote: str, passage: str) -> bool:
    """Does a passage contain a (normalised) quote, or a long enough part of it?  A quote may
    straddle two passages, so its first or last 60 characters, or 80% of its words in runs of three
    or more, also count."""
    if not quote:
        return False
    if quote in passage:
        return True
    if len(quote) >= 60 and (quote[:60] in passage or quote[-60:] in passage):
        return True
    qw = quote.split()
    if len(qw) < 8:
        return False
    blocks = SequenceMatcher(None, qw, passage.split(), autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks if b.size >= 3) >= 0.8 * len(qw)
