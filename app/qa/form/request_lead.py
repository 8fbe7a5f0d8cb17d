"""A question asked inside a request: "I'd like to know morocco c102 ratification year."

People wrap what they ask in a request to the one asked: "Could you tell me ...", "I'd like to
know ...", "I was wondering ...", "Please let me know ...", "Can you find out for me ...".  When
a question word follows at once, :mod:`app.qa.form.asides` finds it; when a keyword core, a described
entity or a statement follows ("Could you tell me pakistan provincial governments drafting
inclusive labour codes?", "Please let me know the country where ... - when did it ratify ..."),
nothing marks where the question proper starts, and the request's words ("tell", "know", "let")
were read as relation cues and topics.

:func:`strip` drops such a lead-in at the start of the text (after a greeting), and only when what
follows is a question of its own: not "about ..." (a topic to talk about), not "whether"/"if"
(a yes/no question, read by :mod:`app.qa.form.embedded_polar`) and not "what X is" (a definition, read
by :mod:`app.qa.things.definition` in the request's words).  A label before a colon that only says
what the asking is for ("Quick question for a donor brief: ...") goes the same way.  Ordinary
English only.
"""
from __future__ import annotations

import re

from app.qa.form import as_sentence_start

_GREETING = r"(?:(?:hi|hello|hey|dear\s+\w+)(?:\s+there)?\s*[,!.]?\s+)?(?:(?:so|ok|okay|well)\s*,?\s+)?"
_YOU_TELL = r"(?:could|can|would|will)\s+(?:you|someone)\s+(?:please\s+)?(?:tell|show|let)\s+(?:me|us)(?:\s+know)?"
_YOU_FIND = (r"(?:could|can|would|will)\s+you\s+(?:please\s+)?(?:find\s+out|check|look\s+up|work\s+out|figure\s+out)"
             r"(?:\s+for\s+(?:me|us))?")
_PLEASE = r"(?:please\s+)?(?:tell|let|show)\s+(?:me|us)(?:\s+know)?"
_I_WANT = (r"(?:i|we)(?:'d|’d|\s+would|\s+should)\s+(?:like|love|want)\s+to\s+(?:know|find\s+out|learn|check|understand|see)"
           r"|(?:i|we)\s+(?:want|need|wanted|needed)\s+to\s+(?:know|find\s+out|check|understand)")
_WONDER = r"(?:i|we)(?:\s+was|\s+were|\s+am|'m|’m|\s+are)\s+wondering|(?:i|we)\s+wonder|do\s+you\s+(?:happen\s+to\s+)?know"
_LEAD = re.compile(rf"^\W*{_GREETING}(?:{_YOU_TELL}|{_YOU_FIND}|{_PLEASE}|{_I_WANT}|{_WONDER})\b[\s,:;–—-]*(?:please\b[\s,]*)?",
                   re.I)
# What follows is not a question of its own: a topic to talk about, a yes/no question, or more
# about the asker ("I'd like to know more", "let me know if ...").
_NOT_ASKED = re.compile(r"^(?:about|more|whether|if|something|anything|a\s+bit|a\s+little|what\s+you|how\s+you)\b", re.I)
# An embedded "what X is" clause (subject before the verb, the verb last): a definition asked, which
# :mod:`app.qa.things.definition` reads in the request's own words.
_EMBEDDED_DEFINITION = re.compile(r"\b(?:is|are|was|were|means?|stands?\s+for|refers?\s+to|does|do)"
                                  r"(?:\s+(?:actually|exactly|really|all\s+about|about))?\W*$", re.I)
_QWORD = re.compile(r"^(?:(?:in|for|from|by|to|of|with|on|at|among)\s+)?(?:which|what|who|whom|whose|where|when|how)\b", re.I)


# A label before a colon that only says what kind of asking this is, or what it is for ("Quick
# question for a donor brief: ...", "For my thesis: ...", "One more query:"): nothing in it is asked.
_PURPOSE_NOUN = (r"(?:review|report|briefing|brief|note|memo|paper|article|piece|meeting|talk|blog|newsletter|thesis|"
                 r"class|lecture|workshop|presentation|slides?|deck|call|proposal|chapter|dissertation|study)")
_LABEL = re.compile(rf"^\W*{_GREETING}(?:(?:a|one|another|my|our)\s+)?(?:(?:quick|short|simple|small|brief|related|"
                    r"follow-?up|last|final|more|other|further)\s+)*(?:question|query|request|check|one)?\s*"
                    rf"(?:(?:for|re|on)\s+(?:a|an|my|our|the|this|your)\s+(?:[\w-]+\s+){{0,2}}?{_PURPOSE_NOUN})?\s*:\s*",
                    re.I)


# "Name the UN agencies that partnered with the ILO on ...", "List the countries which have ratified
# C102": an imperative asking for the things a subject relative clause describes is the "which"
# question "Which UN agencies partnered with the ILO on ...?".  Only a relative whose verb follows
# "that"/"which"/"who" at once (a subject relative): in "name the convention that the ILO is helping
# Mongolia assess ... against" the relative's subject is another noun, and the wording stays.
_IMPERATIVE = re.compile(rf"^\W*{_GREETING}(?:please\s+)?(?:(?:could|can|would)\s+you\s+(?:please\s+)?)?"
                         r"(?:name|list|identify|give\s+(?:me|us)|show\s+(?:me|us)|tell\s+(?:me|us))\s+(?:please\s+)?"
                         r"(?:all\s+(?:of\s+)?)?the\s+(?P<np>(?:(?!(?:that|which|who|whom|whose|where|when|of|and)\b)[\w'’-]+\s+){0,5}?"
                         r"(?!(?:that|which|who)\b)[\w'’-]+)\s+(?:that|which|who)\s+"
                         r"(?P<rest>(?:have|has|had|is|are|was|were|did|do|does|also|\w+ed)\b[^?]*?)\W*$", re.I)
# A head that counts or names the answer itself ("the number of ...", "the name of ..."), not the things asked.
_NOT_A_THING = re.compile(r"\b(?:number|amount|total|name|names|list|share|percentage|year|date)$", re.I)


def imperative_as_which(question: str) -> str:
    """"Name/List the X that VERB ..." as "Which X VERB ...?"; any other text unchanged."""
    m = _IMPERATIVE.match(question)
    if m is None or _NOT_A_THING.search(m["np"]) or len(m["rest"].split()) < 2:
        return question
    return f"Which {m['np']} {m['rest'].rstrip(' .!')}?"


def strip(question: str) -> str:
    """The question without a request lead-in at its start; unchanged when it has none, or when
    what follows is not a question of its own or is a single word."""
    label = _LABEL.match(question)
    if label is not None and label.group(0).strip(" :") and len(question[label.end():].split()) >= 2:
        question = question[label.end():]  # "Quick question for a donor brief: kenya health insurance fund replaced 2024"
    question = imperative_as_which(question)  # "Name the agencies that partnered with ..."
    m = _LEAD.match(question)
    if m is None:
        return question
    rest = question[m.end():].strip()
    if len(rest.split()) < 2 or _NOT_ASKED.match(rest):
        return question
    if _EMBEDDED_DEFINITION.search(rest) and re.search(r"\b(?:what|who)\b", rest, re.I):
        return question  # "tell me what the PROSPECTS project is": the definitional frame reads it whole
    if _QWORD.match(rest):  # "which countries does Norway fund." is still a question
        rest = rest.rstrip(" .!") + ("" if rest.endswith("?") else "?")
        rest = as_sentence_start(rest)
    return rest
