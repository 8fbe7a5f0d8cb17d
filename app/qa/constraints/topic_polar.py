"""Yes/no questions about a topic in one country: "Did the ILO work on unemployment insurance in
Ghana?", "Has the ILO helped Kenya with refugees' social protection?".

The polar step (:mod:`app.qa.constraints.polar`) answers yes/no questions whose subject is a list's entry in the
graph ("Has Kenya ratified C102?").  A question about the report's author doing something on a
topic somewhere has no such list: it fell through to the list reading and was answered with
another country ("Morocco").  The report answers it in the country's own text: :func:`verdict`
says Yes when a sentence about the country (its entry, or a sentence naming it) writes the
question's rare topic words, with that sentence as evidence, and No ("as far as the report says")
when none does.

Only for one linked country and no other linked entity but the report's author (a funder or an
initiative makes it a relation question the graph answers), and only when the question has topic
words rare enough to point at sentences.  Ordinary English only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.qa.topics.topic_coverage import MIN_KEY_IDF, holds_any
from app.qa.units import terms

_POLAR = re.compile(r"^\s*(?:is|are|was|were|has|have|had|does|do|did|can|could)\b", re.I)
_NOT_TOPIC = re.compile(r"\b(?:which|what|who|whom|whose|where|when|how|why|or|fund\w*|financ\w*|donor\w*|pay|paid|"
                        r"ratif\w*|pathfinder\w*|member\w*)\b", re.I)
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+|$)")


@dataclass(frozen=True)
class Verdict:
    label: str  # "Yes" | "No"
    country: str  # entity id
    keys: tuple[str, ...]
    passage_id: str | None = None
    span: tuple[int, int] | None = None


def asked(question: str, links, author_ids) -> tuple[str, list[str]] | None:
    """(country id, the question's words without the country) for a yes/no question about a topic
    in one country, else None."""
    if not _POLAR.match(question) or _NOT_TOPIC.search(question):
        return None
    links = list(links)
    topics = [l for l in links if l.type == "ThematicArea"]  # "climate change": a topic the report names
    others = [l for l in links if l.type not in ("Country", "ThematicArea") and not set(l.ids) <= set(author_ids)]
    countries = {l.ids[0] for l in links if l.type == "Country"}
    if others or len(countries) != 1:
        return None
    rest = question
    for l in sorted((l for l in links if l not in topics), key=lambda l: -l.start):
        rest = rest[:l.start] + " " + rest[l.end:]
    return countries.pop(), terms(rest)


# English light verbs: rare in a report's prose, so rare by idf, but they never name a topic
# ("Did the programme get results in Kenya?" asks about results, not about "get")
_LIGHT_VERBS = frozenset(terms("get gets got gotten getting make makes made making take takes took taken taking "
                               "give gives gave given giving put puts putting go goes went gone going see saw seen "
                               "bring brings brought happen happens happened occur occurred"))


def key_words(words: list[str], idf: dict[str, float], stop: set[str]) -> list[str]:
    """The topic's rare words (as topic coverage reads them), never a light verb."""
    return [t for t in dict.fromkeys(words) if t not in stop and t not in _LIGHT_VERBS and idf.get(t, 0.0) >= MIN_KEY_IDF]


# "While no formal activities have taken place ...": the sentence writes the topic to deny it
_DENIAL = re.compile(r"\b(?:no|not|never|nor)\s+((?:[\w-]+\s+){0,2}?[\w-]+)", re.I)


def _denies(sentence: str, words: list[str]) -> bool:
    """Whether the sentence's "no"/"not" governs one of the question's own words ("no formal activities")."""
    asked = set(words) - _LIGHT_VERBS
    return any(set(terms(m.group(1))) & asked for m in _DENIAL.finditer(sentence))


def verdict(country: str, keys: list[str], knowledge, long_forms: dict[str, list[str]],
            words: list[str] = ()) -> Verdict:
    """Yes with the first sentence about the country that writes every key word, No with it when it
    denies one of the question's words (``words``), No on silence when none writes them."""
    for pid in knowledge.passages_mentioning(country):
        p = knowledge.passage(pid)
        if p is None:
            continue
        for m in _SENTENCE.finditer(p.text):
            if all(holds_any(terms(m.group(0)), k, long_forms) for k in keys):
                lead = len(m.group(0)) - len(m.group(0).lstrip())
                label = "No" if _denies(m.group(0), list(words)) else "Yes"
                return Verdict(label, country, tuple(keys), pid, (m.start() + lead, m.end()))
    return Verdict("No", country, tuple(keys))


def answer(out: dict, v: Verdict, knowledge, make_evidence) -> dict:
    """Fill ``out`` with the verdict: Yes citing the sentence, or No saying it rests on silence."""
    name = knowledge.label(v.country)
    topic = ", ".join(v.keys)
    if v.passage_id is not None:
        ev = [make_evidence(v.passage_id, [], spans=[v.span])]
        p = knowledge.passage(v.passage_id)
        said = " ".join(p.text[v.span[0]:v.span[1]].split())
        why = f"a sentence about {name} " + ("writes" if v.label == "Yes" else "denies") + f" the topic's words ({topic})"
        out.update(answers=[{"label": v.label, "type": "Text", "score": 1.0, "evidence": ev, "path": [why]}],
                   answer_text=f"{v.label}: {said} [1]", citations={"1": v.passage_id})
    else:
        why = f"no sentence about {name} writes the topic's words ({topic})"
        out.update(answers=[{"label": "No", "type": "Text", "score": 1.0, "evidence": [], "path": [why]}],
                   answer_text=f"No, as far as the report says: no sentence about {name} mentions {topic}.",
                   citations={})
    out.update(answer_type="Text", strategy="text (yes/no)", path=[why])
    return out
