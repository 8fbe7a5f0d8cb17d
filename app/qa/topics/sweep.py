"""Plural country questions about a topic: every country the report writes about it, not only the
best sentence's.

"In which countries did mobile offices help people reach social security?" is answered by one
sentence per country entry, each naming the topic ("mobile") but not always the country (the entry's
title does).  The best sentence the text step found says which of the question's words is the topic:
its rarest word shared with the question, or the entity the question links.  Every sentence holding
that word then contributes its country: the country entry it sits in, or the single country it
names; so does every sentence holding a word the question offers as its alternative ("cocoa or
coffee").  A word written in many sentences is no topic ("social"), so the sweep only runs for rare ones.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.qa.topics import either_word
from app.qa.topics.name_words import stated_terms
from app.qa.units import terms
from graph import countries

MAX_TOPIC_UNITS = 6  # a topic word in more sentences than this is too common to sweep on
MIN_TOPIC_IDF = 4.0  # ... and so is one whose idf is below this
MIN_ASKED_IDF = 2.3  # a question word this rare, written in a name, makes it the name asked about


@dataclass
class SweepHit:
    iso3: str
    unit_id: int
    passage_id: str
    spans: list[tuple[int, int]]  # where the topic is written, in the passage text


class TopicSweep:
    def __init__(self, knowledge, units, text_step):
        self.k = knowledge
        self.units = units
        self.text = text_step
        # The sentences each topic word is written in (clauses repeat their sentence).
        self._by_term: dict[str, list[int]] = {}
        for u, ts in zip(units.units, units.unit_terms):
            if u.kind == "sentence":
                for t in ts:
                    self._by_term.setdefault(t, []).append(u.id)

    def topic(self, best_unit_id: int, question_terms: list[str], linked_names: list[str]) -> tuple[str, list[int]] | None:
        """The topic word (or linked name) and the sentences that hold it, or None when it is too common."""
        u = self.units.units[best_unit_id]
        low = u.text.lower()
        for name in sorted(linked_names, key=len, reverse=True):
            if len(name) >= 4 and re.search(r"(?<!\w)" + re.escape(name.lower()) + r"(?!\w)", low):
                rows = [i for i, x in enumerate(self.units.units) if x.kind == "sentence"
                        and re.search(r"(?<!\w)" + re.escape(name.lower()) + r"(?!\w)", x.text.lower())]
                if 1 < len(rows) <= MAX_TOPIC_UNITS:
                    return name, rows
        shared = [t for t in dict.fromkeys(question_terms) if t in self.units.unit_terms[best_unit_id]]
        shared = [t for t in shared if self.units.idf.get(t, 0) >= MIN_TOPIC_IDF]
        if not shared:
            return None
        t = max(shared, key=lambda x: self.units.idf.get(x, 0))
        rows = self._by_term.get(t, [])
        if not 1 < len(rows) <= MAX_TOPIC_UNITS:
            return None
        return t, rows

    def alternatives(self, question: str, word: str) -> list[tuple[str, list[int]]]:
        """The other items of a choice the question gives its topic word in ("cocoa or coffee supply
        chains", "maternity benefits, maternity leave or ..."), each with the sentences writing all
        its words, when rare enough to sweep on themselves (:mod:`app.qa.topics.either_word`).
        Each is returned with its rarest word, the one the spans mark.  A linked name has none."""
        out = []
        for phrase in either_word.coordinated_with(question, word):
            t = max(phrase, key=lambda x: self.units.idf.get(x, 0))
            rows = [r for r in self._by_term.get(t, []) if phrase <= set(self.units.unit_terms[r])]
            if self.units.idf.get(t, 0) >= MIN_TOPIC_IDF and 0 < len(rows) <= MAX_TOPIC_UNITS:
                out.append((t, rows))
        return out

    def sweep(self, best_unit_id: int, question: str, linked_names: list[str], exclude: set[str]) -> list[SweepHit]:
        found = self.topic(best_unit_id, terms(question), linked_names)
        if found is None:
            return []
        word, rows = found
        topics = [(word, rows)] + self.alternatives(question, word)
        # a topic word (not a linked name) counts as a statement, not as a word of a name or a
        # title ("the Technical Note on the Single Social Registry"): app.qa.topics.name_words
        named_topic = word not in terms(question)
        hits: dict[str, SweepHit] = {}
        for word, uid in [(w, uid) for w, rs in topics for uid in rs]:
            u = self.units.units[uid]
            if not named_topic:
                asked = {t for t in terms(question) if t != word and self.units.idf.get(t, 0.0) >= MIN_ASKED_IDF}
                if word not in stated_terms(self.units, uid, asked, [word]):
                    continue
            p = self.k.passage(u.passage_id)
            if p is None:
                continue
            entry = self.text._entry_country(p)
            named = {iso for *_, iso in countries.find_countries(u.text)}
            isos = [entry] if entry else (list(named) if len(named) == 1 else [])
            for iso in isos:
                if f"Country:{iso}" in exclude or iso in hits:
                    continue
                spans = [(u.start + m.start(), u.start + m.end()) for m in re.finditer(r"(?i)\b" + re.escape(word[:5]) + r"\w*", u.text)]
                hits[iso] = SweepHit(iso, uid, u.passage_id, spans[:3])
        return list(hits.values())
