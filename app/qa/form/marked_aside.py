"""An aside the asker marks off inside the question: between dashes, in brackets, or a hedge
between commas.

"Which of the countries financed - and this is just for my own notes - by Ireland are also
pathfinders?", "rbsa funded countries (roughly speaking)", "C102 ratified 2022 countries, if the
report says,": the writer marked the remark off, but it sits inside the question or after a keyword
query, where :mod:`app.qa.form.asides` (which reads clauses around a question word) and
:mod:`app.qa.form.conversation` (which drops short asker clauses) do not reach it; its words became
topics, or a dash was left dangling in the question ("financed - by Ireland").

:func:`strip` removes a marked segment when it is about the asker or only hedges (first- or
second-person words, "roughly speaking", "if the report says"), and names, counts and limits
nothing: no capitalised name, no figure, no word that changes what is asked ("not", "only",
"except").  Ordinary English only.
"""
from __future__ import annotations

import re

from app.qa.form.conversation import _ASKER

_HEDGE = (r"roughly\s+speaking|broadly\s+speaking|generally\s+speaking|more\s+or\s+less|give\s+or\s+take|so\s+to\s+speak|"
          r"if\s+the\s+(?:report|document)\s+(?:says|says\s+so|mentions\s+it|covers\s+it|is\s+right)|"
          r"as\s+far\s+as\s+(?:i\s+)?(?:can\s+tell|know|the\s+report\s+goes)|for\s+what\s+it'?s\s+worth|"
          r"if\s+memory\s+serves|in\s+short|in\s+a\s+nutshell|out\s+of\s+curiosity|just\s+curious|"
          # a share qualifier on a relation the graph holds whole: "financed (at least partly) by"
          r"(?:at\s+least|even|only)?\s*(?:partly|partially|in\s+part)|(?:wholly|fully|entirely)\s+or\s+(?:partly|partially|in\s+part)")
_HEDGE_ONLY = re.compile(rf"^\W*(?:(?:and|or|but|so|just)\s+)*(?:{_HEDGE})\W*$", re.I)
_HEDGE_IN = re.compile(rf"\b(?:{_HEDGE})\b", re.I)
# Words that change what is asked, and names or figures: a segment holding one stays.
_KEEPS = re.compile(r"\b(?:not|no|never|without|except|excluding|besides|apart|other|only|but\s+not|also|both|either|"
                    r"neither|nor|or\s+(?:a|an|the)|including|especially|mainly|at\s+least)\b|\d", re.I)
_CAPITAL = re.compile(r"\b(?!I\b)[A-Z]")
_SEGMENTS = (
    re.compile(r"\s+[-–—]+\s+(?P<body>[^-–—()?]{3,90}?)\s+[-–—]+\s+"),  # "... - and this is just for my notes - ..."
    re.compile(r"\s*\((?P<body>[^()]{3,90})\)"),                       # "(roughly speaking)"
    re.compile(r"\s*[,;]\s*(?P<body>[^,;()?]{3,40}?)\s*(?:[,;]\s*|(?=[?.!]?\s*$))"),  # ", if the report says,"
)


def _aside(body: str, comma: bool) -> bool:
    """Is the marked segment the asker's remark or a hedge, limiting nothing?  Between commas only
    a hedge counts (a comma also marks a list or a clause of the question)."""
    if _CAPITAL.search(body) or re.search(r"\d", body):
        return False
    if _HEDGE_ONLY.match(body):
        return True
    if comma:
        return False
    words = re.sub(r"\b(?:i|me|my|mine|we|our|us|you|your)\b", " ", body, flags=re.I)
    return bool(_ASKER.search(body) or _HEDGE_IN.search(body)) and not _KEEPS.search(words.lower())


# Examples of the answer marked off right after the asked noun: "Which donors - Dutch, British, EU or
# others - fund ...", "what partners (e.g. UNICEF, WFP) ...": the names illustrate the kind asked,
# they are no condition on it.  An example list says so: a lead ("e.g.", "such as", "like") or a
# close ("or others", "etc.").
_EXAMPLES = re.compile(r"(?P<asked>\b(?:which|what)\s+(?:[\w-]+\s+){0,2}?[\w-]+s)"
                       r"(?P<seg>\s+[-–—]+\s+(?P<b1>[^-–—()?]{3,90}?)\s+[-–—]+\s+|\s*\((?P<b2>[^()]{3,90})\)\s*)", re.I)
_EXAMPLE_LEAD = re.compile(r"^(?:e\.\s?g\.?|eg|for\s+example|for\s+instance|such\s+as|like|say)[,:]?\s+", re.I)
_EXAMPLE_CLOSE = re.compile(r"(?:,?\s*(?:or|and)\s+(?:others|the\s+others|the\s+rest|other\s+\w+|so\s+on|the\s+like|"
                            r"anyone\s+else|more|whoever)|"
                            r",?\s*etc\.?|\.\.\.|…)$", re.I)
_EXAMPLE_ITEMS = re.compile(r"^(?:the\s+)?[\w'’.&-]+(?:\s+[\w'’.&-]+){0,3}(?:\s*(?:,|\bor\b|\band\b|/)\s*(?:the\s+)?"
                            r"[\w'’.&-]+(?:\s+[\w'’.&-]+){0,3})*$", re.I)


def _examples(body: str) -> bool:
    lead, close = _EXAMPLE_LEAD.match(body), _EXAMPLE_CLOSE.search(body)
    if not (lead or close):
        return False
    items = body[lead.end() if lead else 0:close.start() if close else len(body)].strip(" ,")
    return bool(items) and bool(_EXAMPLE_ITEMS.match(items)) and not re.search(r"\b(?:not|except|only|without)\b", items, re.I)


# A bracketed example anywhere, said to be one by its lead: "countries financed by their own national
# institution (e.g. ISSS El Salvador)" asks every such country, not El Salvador's.
_LED_EXAMPLE = re.compile(r"\s*\((?P<b>(?:e\.\s?g\.?|eg|for\s+example|for\s+instance|such\s+as)[,:]?\s+[^()]{2,90})\)", re.I)
# ... or by its close ("the pathfinders in Africa (Cape Verde, DR Congo and the others)")
_CLOSED_EXAMPLE = re.compile(r"\s*\((?P<b>[^()]{2,90}?(?:,?\s*(?:and|or)\s+(?:the\s+)?(?:others|rest)|,?\s*etc\.?))\)", re.I)


# A bracket after a date that only says which period it is ("end of 2023 (previous year)"): the
# date says it already, and the bracket's "year" asked for none.
_DATE_GLOSS = re.compile(r"(?<=\b(?:19|20)\d\d)\s*\(\s*(?:i\.?e\.?,?\s+)?(?:the\s+)?(?:previous|last|prior|preceding|"
                         r"current|this|that|same|reporting|calendar|fiscal|financial|first|second|base)\s+"
                         r"(?:programme\s+|reporting\s+)?(?:year|period|phase)\s*\)", re.I)


def strip(question: str) -> str:
    """The question without the asides it marks off; unchanged when it has none."""
    question = _DATE_GLOSS.sub("", question)
    text = _EXAMPLES.sub(lambda m: m.group("asked") + " " if _examples(m.group("b1") or m.group("b2") or "")
                         else m.group(0), question)
    text = _LED_EXAMPLE.sub(lambda m: " " if _examples(m.group("b")) else m.group(0), text)
    text = _CLOSED_EXAMPLE.sub(lambda m: " " if _examples(m.group("b")) else m.group(0), text)
    for i, pattern in enumerate(_SEGMENTS):
        def repl(m: re.Match) -> str:
            if not _aside(m.group("body"), comma=i == 2):
                return m.group(0)
            return " " if i == 0 else (" " if m.group(0).rstrip().endswith((",", ";")) and m.end() < len(m.string) else "")
        text = pattern.sub(repl, text)
    text = re.sub(r"\s+([?.!,])", r"\1", " ".join(text.split()))
    return text if len(text.split()) >= 2 else question
