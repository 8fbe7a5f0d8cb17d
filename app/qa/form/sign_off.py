"""What follows the question and asks nothing more: thanks, a signature, "Is that right?", "Can you help?".

"Which countries does Norway fund? Is that right?", "rbsa funded countries - Cheers, Tom",
"... what was the date of that commitment? Thanks in advance! Maria": the thanks and the name
were read as part of the question ("Tom" and "Maria" as names the report never writes, so no
answer), and a second question about the answer ("is that list complete as far as the report
goes?") became the question itself, asking about nothing.

:func:`strip` drops, from the end of the text, sentences that only thank or sign
(:data:`app.qa.form.question_sentence.THANKS`, a one- or two-word name after them) or only ask about
the answer already asked for (pointing back, naming nothing: ``question_sentence.is_follow_up``)
or only say how to give it ("Name them all please.": ``question_sentence.is_form_only``),
and a thank-you joined to a keyword query by a dash or comma.  Something that still names or asks
must remain.  Ordinary English only.
"""
from __future__ import annotations

import re

from app.qa.form.question_sentence import THANKS, is_follow_up, is_form_only, is_plea, split_sentences

_NAME = re.compile(r"^[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\W*$")
# A thank-you joined to the question by a dash or comma, with an optional "this helps a lot" and
# signature ("... countries - Thank you so much, this helps a lot.", "..., thanks! Tom").
_TAIL = re.compile(
    r"(?:\s+[-–—]+|[,;!.?]|\s+(?=(?-i:Thanks|Thank\s+you|Many\s+thanks|Cheers)\b|(?-i:thanks|thank\s+you)\b))"
    r"\s*(?:(?:many|much|thanks?|thank\s+you|cheers|regards|best(?:\s+wishes)?|kind|warm|ta|"
    r"in\s+advance|so|very|a\s+lot|again|for\s+(?:the|your|any)\s+help)(?![\w-])\W*)+"
    r"(?:(?:this|that|it)\s+(?:really\s+)?(?:helps?|will\s+help|would\s+help)(?:\s+(?:a\s+lot|so\s+much|loads))?\W*)?"
    r"(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\W*)?$", re.I)
_OPENS_THANKS = re.compile(r"^(?:many|thanks?|thank\s+you|cheers|regards|best|kind|warm|ta)\b", re.I)


# Where a sentence may start without a full stop before it: a capital after a lower-case word
# ("mul contributors Any help would be appreciated.").
_CAPITAL_BREAK = re.compile(r"(?<=[a-z0-9)])\s+(?=[A-Z])")


def _unpunctuated_tail(text: str) -> str:
    """The text without a thank-you or plea for help typed after a keyword query with no stop
    before it ("eu financing support countries Any help would be appreciated."): the first capital
    from which the rest only thanks or pleads starts it."""
    for m in _CAPITAL_BREAK.finditer(text):
        tail = text[m.end():]
        if len(text[:m.start()].split()) >= 2 and (THANKS.match(tail) or is_plea(tail) or _TAIL.fullmatch(". " + tail)):
            return text[:m.start()]
    return text


def strip(question: str) -> str:
    """The question without the thanks, signature and follow-ups after it; unchanged when nothing
    of a question would be left."""
    question = _unpunctuated_tail(" ".join(question.split()))
    sentences = split_sentences(question)
    end = len(sentences)
    while end > 1:
        s = sentences[end - 1]
        if THANKS.match(s) or is_follow_up(s) or is_plea(s) or is_form_only(s) or (_NAME.match(s) and end >= 2 and THANKS.match(sentences[end - 2])):
            end -= 1
            continue
        break
    text = " ".join(sentences[:end]) if end < len(sentences) else " ".join(question.split())
    m = _TAIL.search(text)
    if m is not None and _OPENS_THANKS.match(text[m.start():].lstrip(" -–—,;!.?")) and len(text[:m.start()].split()) >= 2:
        text = text[:m.start()].rstrip() + (m.group(0).strip()[0] if m.group(0).strip()[:1] in "?!." else "")
    return text if len(text.split()) >= 2 else " ".join(question.split())
