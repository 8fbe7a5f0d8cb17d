"""A question asked without its auxiliary, as a writer in a second language types it: "With who
RSSB made the implementation plan in August?", "What the ILO co-publish with OHCHR?", "Where the
EU funded social protection?".  Without "did" the name after the question word reads as the
answer's kind or a context, and the verb loses its subject: no answer, or one of the wrong kind.
The auxiliary goes back between the question word and a named subject followed by its verb (a
past form, or a plain verb that is rarely a noun); "who" after a preposition becomes "whom".  A
question that has its auxiliary, or whose question word is the subject ("who funded X"), is
unchanged.  Ordinary English only: the subject is a capitalised name or an acronym, as typed."""
from __future__ import annotations

import re

from app.qa.form.keyword_heads import _IRREGULAR_PAST, _NOT_VERB_ED, _VERB_ONLY

_AUX = r"(?:did|does|do|has|have|had|is|are|was|were|will|would|can|could)"
# the question word (with its preposition or asked noun), the named subject, its verb
_DROPPED = re.compile(
    rf"^(?P<wh>\W*(?:(?:with|for|by|to|from|in|on)\s+)?(?:who|whom|what|where|when|which\s+(?-i:[a-z]+)))\s+"
    rf"(?P<subject>(?:the\s+)?(?:(?-i:[A-Z][\w'’-]*)\s+){{0,3}}?(?-i:[A-Z][\w'’&-]*))\s+"
    rf"(?P<verb>(?-i:[a-z][\w-]*ed)|{_IRREGULAR_PAST}|(?:co-?)?(?:{_VERB_ONLY}))\b(?!['’])", re.I)


def rewrite(question: str) -> str:
    """The question with its auxiliary put back, or unchanged."""
    m = _DROPPED.match(question)
    if m is None or re.match(_AUX + r"$", m.group("verb"), re.I) or _NOT_VERB_ED.match(m.group("verb")):
        return question
    if re.search(rf"\b{_AUX}\b", m.group("subject"), re.I):
        return question
    wh = re.sub(r"\bwho$", "whom", m.group("wh")) if re.match(r"^\W*(?:with|for|by|to|from)\s", m.group("wh"), re.I) \
        else m.group("wh")
    return f"{wh} did {m.group('subject')} {question[m.start('verb'):]}"
