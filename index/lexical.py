"""BM25 keyword search (bm25s) with a deliberately simple tokenizer.

Lexical search catches what embeddings blur: names of schemes, acronyms, numbers, rare country
names.  The tokenizer only lowercases, strips diacritics ("Türkiye" == "turkiye") and drops
stopwords; no stemming, so exact terms stay exact and the behaviour is easy to predict.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cached_property
from pathlib import Path
from typing import Sequence

import numpy as np

STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself no nor not now of off on once only or other our ours ourselves out over
    own same she should so some such than that the their theirs them themselves then there these
    they this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours yourself yourselves also its via per""".split()
)
_TOKEN = re.compile(r"[a-z0-9]+")
MIN_CORRECT_LEN = 5  # shorter words are acronyms, codes or other real words more often than typos


def fold(text: str) -> str:
    """Lowercase and strip diacritics."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokenize(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(fold(text)) if t not in STOPWORDS]


def stem(token: str) -> str:
    """A crude prefix stem, enough to meet "donors"/"donor", "financed"/"financing"."""
    return token[:6] if len(token) > 6 else token.rstrip("s")


class LexicalIndex:
    """BM25 over a fixed list of texts; ``scores(query)`` scores every document."""

    def __init__(self, retriever=None) -> None:
        self._bm25 = retriever

    @classmethod
    def build(cls, texts: Sequence[str]) -> "LexicalIndex":
        import bm25s

        retriever = bm25s.BM25()
        read: dict[str, list[str]] = {}  # a text repeated in the report is tokenised once
        retriever.index([list(read[t]) if t in read else read.setdefault(t, tokenize(t)) for t in texts],
                        show_progress=False)
        return cls(retriever)

    @property
    def size(self) -> int:
        return int(self._bm25.scores["num_docs"])

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every document (0 where no query term occurs)."""
        return self.token_scores(tokenize(query))

    def token_scores(self, tokens: Sequence[str]) -> np.ndarray:
        """BM25 score of every document for already tokenized query terms (unknown ones ignored)."""
        vocab = self._bm25.vocab_dict
        tokens = [t for t in tokens if t in vocab]
        if not tokens:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)

    def knows(self, token: str) -> bool:
        return token in self._bm25.vocab_dict

    @cached_property
    def _by_length(self) -> dict[int, list[str]]:
        """Vocabulary words by length, the candidates a misspelling is compared with."""
        out: dict[int, list[str]] = {}
        for word in self._bm25.vocab_dict:
            if word.isalpha():
                out.setdefault(len(word), []).append(word)
        return out

    @cached_property
    def _by_stem(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for word in self._bm25.vocab_dict:
            if word.isalpha() and len(word) >= MIN_CORRECT_LEN:
                out.setdefault(stem(word), []).append(word)
        return out

    def variants(self, token: str) -> list[str]:
        """Other indexed forms of the word ("financed" → financing, finance, financial ...).

        BM25 here does not stem (exact terms stay exact); this lets a query reach the report's
        inflection of its words as a separate, lower-weighted group.
        """
        if len(token) < MIN_CORRECT_LEN or not token.isalpha():
            return []
        return [w for w in self._by_stem.get(stem(token), ()) if w != token]

    def share(self, token: str) -> float:
        """The share of documents containing the token (0 for an unknown one)."""
        return self._df(token) / max(1, self.size) if self.knows(token) else 0.0

    def _df(self, word: str) -> int:
        indptr = self._bm25.scores["indptr"]
        i = self._bm25.vocab_dict[word]
        return int(indptr[i + 1] - indptr[i])

    def correct(self, token: str) -> str | None:
        """The indexed word a misspelt query word most likely means, or None.

        Only for words BM25 does not know (a known word is never "corrected"), of at least
        ``MIN_CORRECT_LEN`` letters; within one edit (two from 8 letters on, a swapped pair of
        letters counting as one) and with the same first letter (typos rarely hit it, and
        "paid" is not "aid"), the most widespread candidate wins.  Another inflection of the word
        ("financed" / "finance") is not a typo: :meth:`variants` handles those.  The vocabulary is
        the report's own words, so "countires" or "ratifyed" find the passages that spell them right.
        """
        if len(token) < MIN_CORRECT_LEN or not token.isalpha() or self.knows(token):
            return None
        if token not in self._corrections:
            self._corrections[token] = self._nearest(token)
        return self._corrections[token]

    @cached_property
    def _corrections(self) -> dict[str, str | None]:
        return {}

    def _nearest(self, token: str) -> str | None:
        from rapidfuzz.distance import OSA

        budget = 1 if len(token) <= 7 else 2
        best: tuple[int, int, str] | None = None
        for n in range(len(token) - budget, len(token) + budget + 1):
            for word in self._by_length.get(n, ()):
                if word[0] != token[0] or token.startswith(word) or word.startswith(token):
                    continue
                d = OSA.distance(token, word, score_cutoff=budget)
                if d <= budget:
                    key = (d, -self._df(word), word)
                    if best is None or key < best:
                        best = key
        return best[2] if best else None

    def save(self, directory: Path) -> None:
        self._bm25.save(str(directory), show_progress=False)

    @classmethod
    def load(cls, directory: Path) -> "LexicalIndex":
        import bm25s

        return cls(bm25s.BM25.load(str(directory), show_progress=False))
