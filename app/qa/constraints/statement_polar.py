"""Yes/no questions the report answers in a sentence, not in a list: "Was the ILO identified as the
lead agency of the UN Global Accelerator country team in Malawi?", "Were regional focal points
for the Flagship Programme appointed in 2024?", "Can non-nationals living in Lebanon receive the
National Disability Allowance?".

The membership readings (:mod:`app.qa.constraints.polar`, :mod:`superlative_polar`,
:mod:`every_polar`, :mod:`topic_polar`) need a list, a ranking or a country's topic; a statement
about one thing has none, and the engine answered such a question with whatever list its words
suggested.  Here the question is set against the report's sentences: the sentence, list item or
clause (with the one before it when it goes on from it, "this recommendation ...", and the one
after it when that one turns on it, "However, ... could not be implemented") that writes most of the
question's words, weighted by how rare each is, every year, ordinal and figure it names, and every entity it names.  When that window writes enough of the question (``MIN_COVER``), the
answer is Yes, or No when the window negates ("could not be implemented", "is yet to"); a
question that is itself negated turns the verdict.  When no window does, there is no verdict and
the engine's own answer stands: silence is no "No" here, as the question may be worded in words
the report does not use.

Only ordinary English: auxiliaries, negation words, light verbs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.qa.topics.topic_coverage import holds_any
from app.qa.units import terms

_POLAR = re.compile(r"^\s*(?:is|are|was|were|has|have|had|does|do|did|can|could|will|would)\b"
                    r"(?!\s+(?:you|u|there|it\s+true|the\s+report\s+(?:say|state|mention)))", re.I)
# a choice, a quantifier over a set, or a wh-word inside: another reading's question
_NOT_STATEMENT = re.compile(r"\b(?:or|any|every|all|each|which|what|who|whom|whose|where|when|how|why|list|name|"
                            r"more|most|fewer|less|least)\b", re.I)
_NEGATION = re.compile(r"\b(?:not|never|no\s+longer|yet\s+to|unable\s+to|failed\s+to|lack\s+of|without|cannot|"
                       r"\w+n['’]t)\b", re.I)
_ASKED_NOT = re.compile(r"\b(?:not|never|\w+n['’]t)\b", re.I)
# A sentence, a list item, or a clause a semicolon ends: "... Article IV reports in Cambodia, ...;
# providing technical assistance ... in Lebanon" says nothing of Article IV in Lebanon.
_SENTENCE = re.compile(r"[^.!?\n;]+(?:[.!?;]+|$)", re.M)
# A sentence that goes on from the one before ("However, ... this recommendation could not be
# implemented"): read with it
_CONTRAST = re.compile(r"^\s*(?:however|but|yet|unfortunately|nevertheless)\b", re.I)
_GOES_ON = re.compile(r"^\s*(?:however|but|yet|unfortunately|nevertheless|still|despite\s+this|this|these|that|those|"
                      r"it|they|such)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# years, ordinals and figures the question names are what it asks about: the window must write them
# ("the second funding round" is not the first)
_EXACT = re.compile(r"\b(?:(?:19|20)\d\d|\d+(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|"
                    r"ninth|tenth|eleventh|twelfth)\b", re.I)
_STOP = frozenset(terms("is are was were has have had does do did can could will would be been being the a an of "
                        "to in on for by with from at as and report ilo get gets got make made take took give gave "
                        "go went happen happened also already yet still ever really actually indeed"))
MIN_COVER = 0.75  # share of the question's words (weighted by rarity) the window must write
MIN_KEYS = 3  # a question of fewer content words says too little to be matched against a sentence


@dataclass(frozen=True)
class Statement:
    label: str  # "Yes" | "No"
    passage_id: str
    span: tuple[int, int]
    cover: float
    negated: bool  # the window negates


def asks(question: str) -> bool:
    """A yes/no question about one statement (no choice, quantifier or wh-word)?"""
    return bool(_POLAR.match(question)) and not _NOT_STATEMENT.search(question)


def verdict(question: str, entity_ids: list[str], knowledge, idf: dict[str, float],
            long_forms: dict[str, list[str]], default_idf: float = 5.0) -> Statement | None:
    """The verdict of the window that writes the question best, or None (see the module docstring).
    ``entity_ids``: the question's linked entities (each a passage must mention), not the report's author."""
    keys = [t for t in dict.fromkeys(terms(question)) if t not in _STOP]
    if len(keys) < MIN_KEYS:
        return None
    weight = {k: idf.get(k, default_idf) for k in keys}
    total = sum(weight.values())
    exact = {w.lower() for w in _EXACT.findall(question)}
    pids = None
    for e in entity_ids:
        got = set(knowledge.passages_mentioning(e))
        pids = got if pids is None else pids & got
    pool = sorted(pids) if pids is not None else sorted(knowledge.passages)
    names = {e: [n for n in knowledge.names(e) if len(n) >= 2] for e in entity_ids}

    def named(e: str, pid: str, lo: int, hi: int, text: str) -> bool:
        """Does the window name the entity (a mention inside it, or one of its names written)?"""
        return any(f"{m['type']}:{m['key']}" == e and lo <= m["start"] and m["end"] <= hi
                   for m in knowledge.mentions_in(pid)) or \
            any(re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", text, re.I) for n in names[e])
    best = None
    for pid in pool:
        p = knowledge.passage(pid)
        if p is None:
            continue
        sentences = list(_SENTENCE.finditer(p.text))
        for i, m in enumerate(sentences):
            joined = bool(i) and bool(_GOES_ON.match(m.group(0)))
            window = (sentences[i - 1].group(0) + " " if joined else "") + m.group(0)
            if exact and not exact <= {w.lower() for w in _EXACT.findall(window)}:
                continue
            lo = sentences[i - 1].start() if joined else m.start()
            if not all(named(e, pid, lo, m.end(), window) for e in entity_ids):
                continue  # "... Article IV reports in Cambodia ...": not the clause that names Lebanon
            held = terms(window)
            cover = sum(w for k, w in weight.items() if holds_any(held, k, long_forms)) / total
            if best is None or cover > best[0]:
                after = sentences[i + 1] if i + 1 < len(sentences) else None
                if after is not None and _CONTRAST.match(after.group(0)):
                    # "... plans to expand the team. However, ... could not be implemented": the
                    # contrast that follows decides what became of it
                    best = (cover, pid, (lo, after.end()), window + " " + after.group(0))
                else:
                    best = (cover, pid, (lo, m.end()), window)
    if best is None or best[0] < MIN_COVER:
        return None
    cover, pid, span, window = best
    # a negative word the question writes as part of its topic ("workers without contracts") negates nothing
    topical = {w.lower() for w in _NEGATION.findall(question)} - {w.lower() for w in _ASKED_NOT.findall(question)}
    negated = any(w.lower() not in topical for w in _NEGATION.findall(window))
    yes = negated == bool(_ASKED_NOT.search(question))
    return Statement("Yes" if yes else "No", pid, span, round(cover, 3), negated)


def answer(out: dict, said: Statement, knowledge, make_evidence) -> dict:
    """Fill ``out`` with the verdict and the window it rests on."""
    p = knowledge.passage(said.passage_id)
    text = " ".join(p.text[said.span[0]:said.span[1]].split())
    why = (f"a sentence writes {said.cover:.0%} of the question's words"
           + (" and negates it" if said.negated else "") + f": “{text}”")
    ev = [make_evidence(said.passage_id, [], spans=[said.span])]
    out.update(answers=[{"label": said.label, "type": "Text", "score": said.cover, "evidence": ev, "path": [why]}],
               answer_type="Text", strategy="text (yes/no on a statement)", path=[why],
               answer_text=f"{said.label}: the report says “{text}” [1]", citations={"1": said.passage_id})
    return out
