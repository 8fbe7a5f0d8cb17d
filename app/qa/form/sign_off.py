"""What follows the question and asks nothing more: thanks, a signature, "Is that right?", "Can you help?".

"Which countries does Norway fund? Is that right?", "rbsa funded countries - Cheers, Tom",
"... what was the date of that commitment? Thanks in advance! Maria": the thanks and the name
were read as part of the question ("Tom" and "Maria" as names the report never writes, so no
answer), and a second question about the answer ("is that list complete as far as the report
goes?") became the question itself, asking about nothing.

:func:`strip` drops, from the end of the text, sentences that only thank or sign
(:data:`app.qa.form.question_sentence.THANKS`, a one- or two-word name after them) or only ask about
the answer already asked for (pointing back, naming nothing: ``question_sentence.is_follow_up``)
or only say how to give it ("Name them all please.": ``question_sentence.is_form_only``) or why
it is asked ("I'm asking because our team is preparing a donor brief.") or ask for the evidence
or hedge the answer ("And where does the report say so?", "If the report says, that is."),
and a thank-you joined to a keyword query by a dash or comma; a closing "please" ("... pls") and
a run of marks ("??", "?!") go too, and so does the question mark of a keyword query that asks
nothing else with it (no question word, no auxiliary of a yes/no question: "malawi donors?").  Something that still names or asks
must remain.  Ordinary English only.
"""
from __future__ import annotations

import re

from app.qa.form.question_sentence import (ASKER, OWN_NAME, THANKS, is_follow_up, is_form_only, is_plea, is_purpose,
                                           split_sentences)

_NAME = re.compile(r"^[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\W*$")
# A thank-you joined to the question by a dash or comma, with an optional "this helps a lot" and
# signature ("... countries - Thank you so much, this helps a lot.", "..., thanks! Tom").
_TAIL = re.compile(
    r"(?:\s+[-–—]+|[,;!.?]|\s+(?=(?-i:Thanks|Thank\s+you|Many\s+thanks|Cheers)\b|(?-i:thanks|thank\s+you)\b))"
    r"\s*(?:(?:many|much|thanks?|thank\s+you|cheers|regards|best(?:\s+wishes)?|kind|warm|ta|"
    r"in\s+advance|so|very|a\s+lot|again|for\s+(?:the|your|any)\s+help)(?![\w-])\W*)+"
    r"(?:(?:this|that|it)\s+(?:really\s+)?(?:helps?|will\s+help|would\s+help)(?:\s+(?:a\s+lot|so\s+much|loads))?\W*)?"
    r"(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\W*)?$", re.I)
# A closing "please" or its chat forms, with nothing after it ("... pls", "..., please?", "... thx").
_PLEASE_LAST = re.compile(r"[\s,;-]+(?:pls|plz|please|pleeease|thx|thnx|tnx|ty|tia)\W*$", re.I)
# A sentence of chat shorthand alone ("TIA", "thx!", "pls"): thanks or a plea, asking nothing.
_CHAT_ONLY = re.compile(r"\W*(?:tia|thx|thnx|tnx|ty|pls|plz|cheers|ta)\W*", re.I)
# Pictographs and emoji ("... 🙏"): never a word of the question.
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D]+")
# A run of question and exclamation marks closing the question: one question mark.
_MARKS = re.compile(r"(?:\?[?!]+|![?!]*\?[?!]*)\s*$")
_OPENS_THANKS = re.compile(r"^(?:many|thanks?|thank\s+you|cheers|regards|best|kind|warm|ta)\b", re.I)


# Where a sentence may start without a full stop before it: a capital after a lower-case word
# ("mul contributors Any help would be appreciated.").
_CAPITAL_BREAK = re.compile(r"(?<=[A-Za-z0-9)%])\s+(?=[A-Z])")  # ("... percent of GDP If the report says, that is.")


# ... or the asker's own "I'm", "we are" in lower case ("... scheme i'm asking because ...").
_ASKER_BREAK = re.compile(r"\s+(?=(?:i'm|i’m|im|i\s+am|we're|we’re|we\s+are|i\s+need|i\s+want|our\s+team)\s)", re.I)
_AUXILIARY = re.compile(r"\b(?:is|are|was|were|am|do|does|did|has|have|had|can|could|will|would|should|shall|may|might|"
                        r"must|any|anyone|anything|ever|yes|no)\b", re.I)
_QUESTION_WORD = re.compile(r"\b(?:which|what|who|whom|whose|where|when|how|list|name)\b", re.I)


# A closing request for the evidence ("And where does the report say so?", "Where is that in the
# report?", "Please cite the page.") or a hedge on the answer ("If the report says, that is.", "If
# any."): the answer comes with its evidence and says when there is none, so neither asks more.
_EVIDENCE_OR_HEDGE = re.compile(
    r"^\W*(?:(?:and|also|but|so|please|pls)\W+)*(?:"
    r"where\s+(?:in\s+the\s+report\s+)?(?:(?:does|do|did|is|was)\s+)?(?:the\s+report|it|this|that)\s+(?:says?|states?|"
    r"mentions?|is\s+(?:stated|said|written|mentioned|reported)|(?:is\s+)?in\s+the\s+report)(?:\s+(?:so|that|this|it))?|"
    r"(?:which|what)\s+(?:page|section|passage|paragraph|source)\b[^?]*|"
    r"(?:cite|quote|give|show)\s+(?:me\s+|us\s+)?(?:the|a|your)\s+(?:page|source|passage|section|evidence|reference)s?|"
    r"if\s+(?:the\s+report\s+(?:says|mentions|covers|has|gives|lists)(?:\s+(?:it|so|that|this|them|one|any))?|"
    r"(?:it|that|this)\s+is\s+(?:in|covered\s+(?:by|in))\s+the\s+report|any(?:thing)?|possible|available|known|so|at\s+all|"
    r"there\s+(?:is|are)\s+any)(?:\s*,?\s*(?:that\s+is|i\s+mean|of\s+course))?"
    r")\W*$", re.I)


def _evidence_or_hedge(sentence: str) -> bool:
    """Does the sentence only ask for the evidence or hedge the answer, naming nothing?"""
    return bool(_EVIDENCE_OR_HEDGE.match(sentence)) and not OWN_NAME.search(sentence) and not re.search(r"\d", sentence)


def _about_asker(tail: str) -> bool:
    """Is the tail a sentence about the asker ("I'm asking because our team is preparing a donor
    brief."): opening on a first-person word, one clause with no question word and no name of its own?"""
    return bool(ASKER.match(tail)) and not _QUESTION_WORD.search(tail) and not OWN_NAME.search(tail) \
        and not re.search(r"[,;:]|\s[-–—]\s", tail.rstrip(" .!,;:"))  # ("For a piece I'm writing on X, drc fund acronym": the query follows)


# Words a phrase cannot end on: "... are not what I'm after here." goes on past "what".
_FUNCTION_END = re.compile(r"\b(?:what|which|who|that|not|no|and|or|but|if|as|because|than|the|a|an|of|to|"
                           r"for|in|on|with|by|is|are|was|were|be|do|does|did)\s*$", re.I)


def _query_ends(head: str) -> bool:
    """Does the text before a sentence about the asker read as a whole keyword query: no sentence
    stop in it and no function word closing it?"""
    return not re.search(r"[?!;:]|\.(?=\s+[A-Z]|\s*$)", head) and not _FUNCTION_END.search(head)  # ("law no. 18": no stop)


def _unpunctuated_tail(text: str) -> str:
    """The text without a thank-you, a plea for help or a sentence about the asker typed after a
    keyword query with no stop before it ("eu financing support countries Any help would be
    appreciated.", "dci selected countries africa I'm asking because our team is preparing a
    brief."): the first capital (or the asker's "i'm") from which the rest only thanks, pleads or
    speaks of the asker starts it."""
    for m in list(_CAPITAL_BREAK.finditer(text)) + list(_ASKER_BREAK.finditer(text)):
        tail = text[m.end():]
        head = text[:m.start()]
        if len(head.split()) >= 2 and (THANKS.match(tail) or is_plea(tail) or _TAIL.fullmatch(". " + tail) or is_form_only(tail)
                                       or _CHAT_ONLY.fullmatch(tail) or (is_purpose(tail) and _query_ends(head))
                                       or ((_about_asker(tail) or _evidence_or_hedge(tail)) and _query_ends(head))):
            return text[:m.start()]
    return text


def _asks_nothing(sentence: str) -> bool:
    """Is a closing sentence one of the kinds that ask nothing more: thanks, a follow-up about the
    answer, a plea for help, the answer's form, the asker's reason, an evidence request or hedge, a
    purpose, chat shorthand?"""
    return bool(THANKS.match(sentence) or is_follow_up(sentence) or is_plea(sentence) or is_form_only(sentence)
                or _about_asker(sentence) or _evidence_or_hedge(sentence) or is_purpose(sentence)
                or _CHAT_ONLY.fullmatch(sentence))


def strip(question: str) -> str:
    """The question without the thanks, signature and follow-ups after it; unchanged when nothing
    of a question would be left."""
    question = _unpunctuated_tail(" ".join(_EMOJI.sub(" ", question).split()))
    sentences = split_sentences(question)
    end = len(sentences)
    while end > 1:
        s = sentences[end - 1]
        if _asks_nothing(s) or (_NAME.match(s) and end >= 2 and THANKS.match(sentences[end - 2])):
            end -= 1
            continue
        break
    text = " ".join(sentences[:end]) if end < len(sentences) else " ".join(question.split())
    m = _TAIL.search(text)
    if m is not None and _OPENS_THANKS.match(text[m.start():].lstrip(" -–—,;!.?")) and len(text[:m.start()].split()) >= 2:
        text = text[:m.start()].rstrip() + (m.group(0).strip()[0] if m.group(0).strip()[:1] in "?!." else "")
    please = _PLEASE_LAST.search(text)
    if please and len(text[:please.start()].split()) >= 2 and len(split_sentences(text)) == 1:
        # "nda lebanon beneficiaries pls", "... funders, please?" (a sentence of its own, "Just the regions
        # please.", says how to answer and is read as written)
        text = text[:please.start()].rstrip(" ,;-–—") + ("?" if "?" in please.group(0) else "")
    text = _MARKS.sub("?", text)  # "japanese financing recipients??", "who funds it?!"
    if text.endswith("?") and not _QUESTION_WORD.search(text) and not _AUXILIARY.search(text):
        text = text[:-1].rstrip()  # "arab states ... table 4?": a keyword query's mark asks nothing more
    return text if len(text.split()) >= 2 else " ".join(question.split())
