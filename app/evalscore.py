"""Scoring answers the way the shared ``score.py`` does, wherever that file is.

``score.py`` is the authority.  :func:`find_scorer` imports the one beside the gold file, else the
one in the shared eval folder, and only when neither exists falls back to :func:`score_one` below,
a line-for-line re-implementation of its rules (normalised label / alias equality, 0.8 token
Jaccard for names of three or more words, numbers by value, years by the year they contain, ISO3
for countries; an empty gold list scores 1 only for no answer).  ``tests/test_eval_command.py``
checks the two agree on every dev question.
"""
from __future__ import annotations

import importlib.util
import re
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path
from typing import Callable

ScoreFn = Callable[[dict, list], tuple[float, float, float]]

STOP = {"the", "of", "and", "a", "an", "s", "to", "for", "in", "kingdom", "republic", "government"}


def norm(s) -> str:
    s = unicodedata.normalize("NFKD", str(s))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = s.replace("’", "'")
    s = re.sub(r"[^a-z0-9.+ ]+", " ", s)
    return " ".join(s.split())


def tokens(s) -> list[str]:
    return [t for t in norm(s).replace(".", " ").split() if t not in STOP]


def number_of(s) -> float | None:
    t = str(s).lower().replace(",", "")
    m = re.search(r"(\d+(?:\.\d+)?)\s*(million|billion|thousand|m\b|bn\b)?", t)
    if not m:
        return None
    mult = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "thousand": 1e3}.get(m.group(2) or "", 1)
    return float(m.group(1)) * mult


def year_of(s) -> float | None:
    m = re.search(r"\b(1[5-9]\d\d|2[01]\d\d)\b", str(s))
    return float(m.group(1)) if m else number_of(s)


def matches(answer, gold_item: str, aliases: dict, answer_type: str) -> bool:
    label = answer.get("label", "") if isinstance(answer, dict) else str(answer)
    cands = [label]
    if isinstance(answer, dict):
        cands += [str(answer[k]) for k in ("iso3", "name", "value") if answer.get(k) is not None]
    forms = [gold_item] + list(aliases.get(gold_item, []))
    if answer_type in ("Number", "Year"):
        value = year_of if answer_type == "Year" else number_of
        for f in forms:
            gv = value(f)
            for c in cands:
                v = value(c)
                if v is not None and gv is not None and abs(v - gv) <= 1e-6 * max(1.0, abs(gv)):
                    return True
        return False
    for c in cands:
        nc = norm(c)
        if any(nc == norm(f) for f in forms):
            return True
        tc = set(tokens(c))
        for f in forms:
            tf = set(tokens(f))
            if tf and tc and len(tf) >= 3 and len(tc & tf) / len(tf | tc) >= 0.8:
                return True
            if tf and tc and tf == tc:
                return True
    if answer_type == "Country" and isinstance(answer, dict) and answer.get("iso3"):
        try:
            import pycountry
        except ImportError:
            return False
        for f in forms:
            try:
                if pycountry.countries.lookup(f).alpha_3 == str(answer["iso3"]).upper():
                    return True
            except LookupError:
                pass
    return False


def score_one(gold: dict, answers: list) -> tuple[float, float, float]:
    items, aliases, optional = gold["gold"], gold.get("aliases", {}), gold.get("optional", []) or []
    atype = gold.get("answer_type", "Text")
    answers = answers or []
    if not items:
        return (1.0, 1.0, 1.0) if not answers else (0.0, 1.0, 0.0)
    hit: set[str] = set()
    tp = counted = 0
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


def _import(path: Path) -> ScoreFn | None:
    spec = importlib.util.spec_from_file_location(f"floorgraph_score_{abs(hash(str(path)))}", path)
    if spec is None or spec.loader is None:
        return None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return getattr(mod, "score_one", None)


def find_scorer(gold_paths: list[Path], shared_dir: Path | None) -> tuple[ScoreFn, str]:
    """``score_one`` of the ``score.py`` beside the first gold file that has one, else of the
    shared eval folder's, else the built-in copy; with where it came from."""
    candidates = [Path(p).resolve().parent / "score.py" for p in gold_paths]
    if shared_dir is not None:
        candidates.append(Path(shared_dir) / "score.py")
    for path in candidates:
        if path.is_file():
            fn = _import(path)
            if fn is not None:
                return fn, str(path)
    return score_one, "built-in (same rules as score.py)"


_NON_ALNUM = re.compile(r"[^a-z0-9]+")


# -- evidence quotes (evidence recall: does a shown passage hold a gold quote?) -----------------------------------------------------------------------
def quote_norm(text: str) -> str:
    text = re.sub(r"</?u>|\*\*?", " ", text)
    from index.lexical import fold

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
    pw = passage.split()
    share = _run_share(qw, pw)
    if share >= 0.8:
        return True
    # A near miss may be a conversion artefact in the passage ("by resuilt type" for the report's
    # "by result type", a caption split across table cells): read each passage word one edit from
    # a quote word as that word and count again.
    return share >= 0.5 and _run_share(qw, _mended(pw, set(qw))) >= 0.8


def _run_share(qw: list[str], pw: list[str]) -> float:
    """The share of the quote's words found in the passage in runs of three or more."""
    blocks = SequenceMatcher(None, qw, pw, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks if b.size >= 3) / len(qw)


def _mended(words: list[str], vocabulary: set[str]) -> list[str]:
    """``words`` with each word of five letters or more that is not in ``vocabulary`` but one edit
    (same first letter) from exactly one word of it replaced by that word."""
    from rapidfuzz.distance import OSA

    long = [v for v in vocabulary if len(v) >= 5]
    out = []
    for w in words:
        near = [] if w in vocabulary or len(w) < 5 else \
            [v for v in long if v[0] == w[0] and OSA.distance(w, v, score_cutoff=1) <= 1]
        out.append(near[0] if len(near) == 1 else w)
    return out
