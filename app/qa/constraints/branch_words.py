"""The branch of social security a question qualifies its scheme with must be the evidence's branch.

"name of the unemployment insurance scheme kenya launched in 2024" was answered "Social Health
Insurance (SHI)": the span finder read the best sentence about Kenya's schemes and took the name
in it, although that sentence is about health insurance and never says unemployment.  When the
question puts a branch word right before its scheme noun ("unemployment insurance", "maternity
benefit", "old-age pension scheme"), an answer read from a sentence that writes no word of that
branch is a near miss, not an answer; with none left the engine abstains.

The branches are the ILO's general classification of social security (medical care, sickness,
unemployment, old age, employment injury, family, maternity, invalidity, survivors), written with
the everyday words for each.  Ordinary vocabulary only: nothing of a report is written here.
"""
from __future__ import annotations

import re

from app.qa.constraints.subject_evidence import SENTENCE_BREAK as _SENTENCE  # evidence read with one splitter
from graph.text import split_sentences

# branch -> the words (stems) that name it in a question or a sentence
_BRANCHES: dict[str, str] = {
    "unemployment": r"unemploy\w*|jobless\w*|job[- ]loss\w*|job[- ]seeker\w*",
    "health": r"health\w*|medical\w*|sickness\w*|hospital\w*",
    "old_age": r"old[- ]age|pension\w*|retire\w*|elderly|older\s+(?:persons?|people)",
    "injury": r"(?:employment|work|occupational)[- ]injur\w*|injur\w*|occupational|workers['’]?\s+compensation",
    "maternity": r"maternity|pregnan\w*|maternal",
    "family": r"child\w*|famil\w*",
    "disability": r"disabilit\w*|disabled|invalidity",
    "survivors": r"survivor\w*|widow\w*",
}
_WORDS = {b: re.compile(rf"\b(?:{w})\b", re.I) for b, w in _BRANCHES.items()}
# The scheme nouns a branch word qualifies ("unemployment insurance", "child benefit scheme").
_SCHEME_NOUN = r"(?:insurance|schemes?|benefits?|allowances?|grants?|funds?|programmes?|programs?)"
_QUALIFIED = {b: re.compile(rf"\b(?:{w})\s+(?:[\w-]+\s+)?{_SCHEME_NOUN}\b", re.I) for b, w in _BRANCHES.items()}


def asked_branches(question: str) -> set[str]:
    """The branches the question qualifies a scheme noun with ("unemployment insurance scheme" ->
    {"unemployment"}); a pension scheme is its own noun ("pension scheme" -> {"old_age"}).  Only the
    sentence that asks counts: a preamble's branch ("the pension law got all the headlines, but ...
    By what percentage did the decree raise social assistance?") is context, not the asked scheme's."""
    spans = split_sentences(question)
    question = question[spans[-1][0]:spans[-1][1]] if spans else question
    return {b for b, rx in _QUALIFIED.items() if rx.search(question)} | ({"old_age"} if _PENSION.search(question) else set())


_PENSION = re.compile(r"\bpensions?\b", re.I)  # a scheme noun that is its branch's own word


def fits_branch(branches: set[str], text: str) -> bool:
    """Does the text (the evidence sentence and the answer's name) write a word of an asked branch?"""
    return any(_WORDS[b].search(text) for b in branches)


def _evidence_text(answer: dict) -> str:
    """What an answer stands on: its name and, for a name or figure read from the text, the
    sentences of its evidence that write it (the whole passage only when none does); a graph
    answer's whole evidence passages."""
    label = answer.get("label", "")
    texts = [e.get("text", "") for e in answer.get("evidence") or ()]
    if answer.get("iri") is None and label:
        # the sentence that writes it and the one before (which often names the scheme it speaks of)
        sentences = [" ".join(parts[max(0, k - 1):k + 1]) for t in texts for parts in [_SENTENCE.split(t)]
                     for k, s in enumerate(parts) if label.lower() in s.lower()]
        texts = sentences or texts
    return " ".join([label, *texts])




def keep_branch(answers: list[dict], question: str, names: list[tuple[int, int]] = ()) -> list[dict]:
    """The answers whose name or evidence writes a branch the question qualifies its scheme with;
    all of them when the question names no branch.  A branch word inside a name the question links
    ("the Employment Injury Scheme pilot", "the National Disability Allowance") is the name's: its
    sentences may cite it by acronym, and the graph already ties them to it."""
    for start, end in names:
        question = question[:start] + " " * (end - start) + question[end:]
    branches = asked_branches(question)
    if not branches:
        return answers
    return [x for x in answers if fits_branch(branches, _evidence_text(x))]
