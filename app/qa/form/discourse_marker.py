"""A discourse marker opening the question ("So, ...", "Ok so ...", "Well, ...", "Right - ..."), which asks nothing.

People start a question the way they would speak it: "So, uk funded countries", "So, who has
ratified 102 in the arab states", "Okay so what did the ILO release on tuberculosis", "btw ...",
"Quick one - ...", "Sorry if this is a basic question, but ...", "Any idea ...", and a question
pasted between quotation marks.  The marker
and its comma gave the question a clause before the question proper: a keyword query lost its
opening (the readings that need it never started), and a question word after the comma was read
as a relative clause's, so 18 of 300 pool questions changed their answer with "So, " before them.
:func:`without_marker` drops a run of markers at the start when a comma, colon, dash or stop
follows it, or a question word does ("so which countries ..."); "Now that Kenya joined, ..." and
"So far ..." are clauses of the question, not markers, and stay.

Ordinary English only: interjections and connectives.
"""
from __future__ import annotations

import re

_MARKER = (r"(?:so|ok(?:ay)?|well|right|alright|now|anyway|anyhow|hmm+|um+|uh+|er+m?|oh|also|and|but|then|actually|basically|"
           r"btw|by\s+the\s+way|fyi|quick\s+(?:one|q|question)|one\s+more(?:\s+(?:thing|question))?|another\s+one|"
           # wondering aloud, a plea for help, a greeting ("Just wondering, ...", "Can you help me with this: ...",
           # "Hello team, ...")
           r"(?:just\s+)?(?:wondering|curious)|(?:(?:can|could|would)\s+(?:you|someone|anyone)\s+)?help\s+(?:me|us)(?:\s+out)?"
           r"(?:\s+(?:with|on)\s+(?:this|something|a\s+question))?|(?:hi|hello|hey|dear|greetings)(?:\s+(?:team|all|there|"
           r"everyone|folks|colleagues))?|good\s+(?:morning|afternoon|evening)(?:\s+(?:team|all|everyone))?|"
           # an apology for asking ("Sorry if this is a basic question, but ...", "sorry to bother you, but")
           r"sorry(?:\s+(?:if\s+(?:this|it)\s+is|if\s+this's|for)\s+(?:a|an|the|such\s+a)?\s*(?:very\s+)?(?:basic|silly|stupid|"
           r"dumb|obvious|simple|naive|newbie|beginner['’]?s?)\s+(?:question|one|q)|\s+to\s+(?:bother|trouble)\s+you|"
           r"\s+in\s+advance)?(?:\s*,?\s*but)?)")
_QUESTION_WORD = (r"(?:which|what|who|whom|whose|where|when|why|how|list|name|tell|give|can|could|would|is|are|was|were|"
                  r"do|does|did|has|have|in\s+which|of\s+the|among)\b")
# a run of markers closed by punctuation ("So, ", "Ok so - ", "Well... "), or right before a question word
_OPENING = re.compile(r"^\s*(?:" + _MARKER + r"\b[\s,]*)*" + _MARKER + r"\b(?:\s*(?:[,:;!]|\.{1,3}|\s[-–—])\s*|\s+(?=" +
                      _QUESTION_WORD + r"))", re.I)
# written-chat markers that are never a word of the question, punctuated or not ("btw wat did ...")
_CHAT = re.compile(r"^\s*(?:btw|fyi|by\s+the\s+way|quick\s+q|any\s+ideas?(?:\s+(?:on|about|re))?|no\s+idea\s+if\s+this\s+is\s+"
                   r"covered\s+but|"
                   # an e-mail subject line of lower-case words only ("Re: social protection - ...")
                   r"(?:re|subject|fw|fwd)\s*:\s*(?-i:[a-z][a-z\s'’-]{0,60}?)\s+[-–—:])(?:\b|(?<=[-–—:]))[\s,:;!.-]*", re.I)
# A question pasted between quotation marks: the marks are not the question's.
_QUOTED = re.compile(r'^\s*(?:"(?P<a>[^"]+)"|“(?P<b>[^“”]+)”|‘(?P<c>[^‘’]+)’|\'(?P<d>[^\']+(?:\'s\b[^\']*)*)\')\s*$')


def without_marker(question: str) -> str:
    """The question without the discourse markers that open it, or unchanged."""
    quoted = _QUOTED.match(question)
    inner = next((g for g in quoted.groups() if g), "") if quoted else ""
    if len(inner.split()) >= 2:
        question = inner.strip()  # '"pathfinder countries count"'
        if not (_OPENING.match(question) or _CHAT.match(question)):
            return question
    m = _OPENING.match(question) or _CHAT.match(question)
    if m is None:
        return question
    rest = question[m.end():].lstrip(" ,:;-–—.")
    rest = re.sub(r"^but\s+", "", rest, flags=re.I)  # "Sorry if this is a basic question, but ..."
    if len(re.findall(r"[A-Za-z]{2,}", rest)) < 2:
        return question
    # a sentence opening on a question word starts with a capital; a query typed all in lower case,
    # or opening on anything else ("wat did ..."), stays as typed
    if rest == rest.lower() or not re.match(_QUESTION_WORD, rest, re.I):
        return rest
    return rest[:1].upper() + rest[1:]
