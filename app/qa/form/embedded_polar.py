"""A yes/no question asked about a stated clause: "Is it true that Kenya is not yet a pathfinder?".

"Is it true that X is ...", "Would it be right to say that X has ...", "Can you confirm that X
ratified ...", "Am I right that X does not ..." ask the same as the direct question ("Is X not yet
a pathfinder?"), but open on "it" and a truth word, so :mod:`app.qa.constraints.polar` finds no named subject
right after the auxiliary and the question falls through to the list step, which answers a list
for a yes/no.  :func:`direct_question` inverts the embedded clause: the clause's own auxiliary goes
to the front ("Kenya is not ..." → "Is Kenya not ..."); a clause with none takes "has" for a past
participle ("Jordan ratified ..." → "Has Jordan ratified ...") and "does" for a present verb ("the
EU funds Jordan" → "Does the EU fund Jordan").

Ordinary English only: auxiliaries, truth words and verb endings, no name from any report.
"""
from __future__ import annotations

import re

from app.qa.form.asides import _refers_back, _without_trailing
from app.qa.form.question_sentence import asking_sentence, split_sentences

# The asker's frame around a stated clause, up to "that" (or "whether"/"if" after confirm/check).
_FRAME = re.compile(
    # at the start, after a clause break, or opening a later sentence ("Could you help me out? Is it true that ...")
    r"(?:^|(?<=[:;,])|(?<=\s[-–—])|(?<=[a-z][.!?]\s))\s*(?:(?:so|and|but|ok|okay|just)\s*,?\s+)?(?:"
    r"(?:is|was)\s+it\s+(?:really\s+|actually\s+)?(?:true|the\s+case|correct|right|accurate|so|fair\s+to\s+say)|"
    r"(?:would|could|can)\s+(?:it|one|i|we)\s+(?:be\s+)?(?:right|correct|fair|accurate)(?:\s+to\s+(?:say|state|claim))?|"
    r"am\s+i\s+(?:right|correct|wrong)(?:\s+(?:in\s+)?(?:thinking|saying|assuming|understanding))?|"
    r"(?:can|could|would)\s+you\s+(?:please\s+)?(?:confirm|check|verify)(?:\s+(?:for|to)\s+(?:\w+\s+){1,3}?(?=whether|if|that))?|"
    r"do(?:es)?\s+(?:i|we)\s+(?:understand|read\s+(?:it|the\s+report))\s+(?:correctly|right)|"
    r"is\s+it\s+(?:stated|said|reported)\s+(?:in\s+the\s+report\s+)?"
    r")\s*,?\s*(?:that|whether|if)\s+"
    # a leading check on the clause that follows: "True or false: Kenya recorded ...", "Yes or no - ..."
    r"|^\W*(?:true\s+or\s+false|yes\s+or\s+no|true\s*/\s*false|yes\s*/\s*no|y\s*/\s*n)\s*[:?–—-]\s*", re.I)
# The asker's source stating a claim to check ("Report says ...", "Our draft says that ..."), and a
# closing check on a claim or a keyword query ("- correct?", ", right?", "(yes/no)", "true or false?"):
# read by the statement and stated-figure yes/no readings (app.qa.constraints.statement_polar,
# app.qa.constraints.figure_polar).
CLAIM_SOURCE = re.compile(r"^\W*(?:(?:the|this|our|my|a|one\s+of\s+our)\s+)?(?:report|draft|source|article|story|notes?|"
                          r"brief|press\s+release|colleague|editor)s?\s+(?:says?|states?|claims?|writes?|reports?)"
                          r"(?:\s+that)?\s+", re.I)
CLAIM_TAG = re.compile(r"\s*[-–—,:;]?\s*\(?\s*(?:(?:is\s+(?:that|this|it)\s+)?(?:correct|right|true|accurate)|yes\s*/\s*no|"
                       r"y\s*/\s*n|true\s*/\s*false|yes\s+or\s+no|true\s+or\s+false)\s*\)?\s*[?.!]*\s*$", re.I)
# A check asked in the negative ("Did ... not achieve 45 ...?"): the readings of a stated figure,
# year or statement turn or leave it.
ASKED_NOT = re.compile(r"\b(?:not|never|\w+n['’]t)\b", re.I)


def checked_clause(question: str) -> tuple[str, bool]:
    """(the clause a check states, whether a frame marked it): the question without its closing
    check ("- correct?", "(yes/no)") or its final punctuation, and without the claim's source
    ("Report says ..."), for the stated-figure, stated-year and bar readings."""
    q = " ".join(question.split())
    tag = CLAIM_TAG.search(q)
    clause = q[:tag.start()] if tag else q.rstrip(" ?.!")
    claim = CLAIM_SOURCE.match(clause)
    return (clause[claim.end():] if claim else clause), bool(tag or claim)


# The embedded clause's auxiliary (before a negation, participle or noun phrase).
_AUX = re.compile(r"\b(is|are|was|were|has|have|had|does|do|did)\b", re.I)
# Words ending in "s" that are no present-tense verb.
_NOT_VERB = {"is", "has", "was", "its", "this", "thus", "plus", "always", "perhaps", "across", "nevertheless"}


def _base(verb: str) -> str | None:
    """"funds" → "fund", "finances" → "finance", "supplies" → "supply"; None for no such verb."""
    if len(verb) <= 3 or not verb.isalpha() or not verb.endswith("s") or verb in _NOT_VERB or \
            verb.endswith(("ss", "us", "is")):
        return None
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if re.search(r"(?:[sxz]|ch|sh)es$", verb):
        return verb[:-2]
    return verb[:-1]


# A sentence that opens on an auxiliary asks yes or no ("Has Morocco ratified ...?").
_POLAR_OPEN = re.compile(r"^\W*(?:is|are|was|were|has|have|had|does|do|did)\b", re.I)


# A yes/no question after the asker's leading clause ("Despite the draft law being featured among the
# year's results, does Uzbekistan have any result recorded in Table 4?", "Going by the results
# table, did ...?"): a concession, a cause or a source opens the clause, a comma closes it.
_LEADING = re.compile(r"^\W*(?:despite|in\s+spite\s+of|although|though|even\s+though|while|whilst|given(?:\s+that)?|since|"
                      r"because|as|considering|knowing(?:\s+that)?|apart\s+from|besides|according\s+to|going\s+by|"
                      r"based\s+on|looking\s+at|judging\s+by|from)\b[^?,;]{6,}?,\s*(?:so\s+|then\s+|but\s+)?"
                      r"(?=(?:is|are|was|were|has|have|had|does|do|did)\b)", re.I)


# A time set out before a yes/no question ("By end-2024, had ...?", "As of March 2025, were ...?"): it
# dates the question, whose own words follow.
_FRONTED_TIME = re.compile(r"^\W*(?P<time>(?:by|as\s+of|as\s+at|at\s+the\s+end\s+of|until|up\s+to|in|during|since|before|"
                           r"after)\s+[^,?]{0,20}?(?:(?:19|20)\d\d|\b(?:year|month)\b)[^,?]{0,12}?),\s*"
                           r"(?=(?:is|are|was|were|has|have|had|does|do|did)\b)", re.I)


def time_last(question: str) -> str | None:
    """"By end-2024, had total changes exceeded the ambition?" as "Had total changes exceeded the
    ambition by end-2024?", else None: every yes/no and table reading expects the auxiliary first."""
    fronted = _FRONTED_TIME.match(question)
    if fronted is None:
        return None
    rest = question[fronted.end():].rstrip(" ?")
    time = fronted.group("time")
    return f"{rest[:1].upper()}{rest[1:]} {time[:1].lower()}{time[1:]}?"


# A topic set out first and taken up by a pronoun ("Uganda's national strategy for informal workers,
# was it launched in 2024?"): the topic is the yes/no question's subject.
_DISLOCATED = re.compile(r"^\W*(?P<topic>[^,;:?]{8,}?)\s*[,;:–—-]\s*(?P<aux>is|are|was|were|has|have|had|does|do|did)\s+"
                         r"(?:it|they)\s+(?P<rest>[^?]{3,}?)\s*\??\s*$", re.I)
# a topic is a noun phrase: not a clause or phrase opened by a subordinator or a preposition
_CLAUSE_LEAD = re.compile(r"^\W*(?:despite|in\s+spite|although|though|even|while|whilst|given|since|because|as|considering|"
                          r"knowing|apart|besides|according|going|based|looking|judging|from|after|before|when|if|unless|"
                          r"for|in|on|at|with|by|so|and|but|then|also|regarding|about|concerning|on|of)\b", re.I)
_ASKS_OR_STATES = re.compile(r"\b(?:which|what|who|whom|whose|where|when|how|why|is|are|was|were|has|have|had|does|do|"
                             r"did|i|we|you|my|our)\b", re.I)


def _dislocated(question: str) -> str | None:
    """"<topic>, was it <rest>?" as "Was <topic> <rest>?", when the topic is a bare noun phrase."""
    m = _DISLOCATED.match(question)
    if m is None or _ASKS_OR_STATES.search(m.group("topic")) or _CLAUSE_LEAD.match(m.group("topic")):
        return None  # ("Despite that, does it have any result?": a leading clause, not a topic)
    topic = re.sub(r"^(The|A|An)\b", lambda a: a.group(1).lower(), m.group("topic").strip())
    return f"{m.group('aux').capitalize()} {topic} {m.group('rest').strip()}?"


# A claim stated in a sentence of its own, then checked in the next ("Angola's ratification is now
# valid. Does the report back that up?", "... Is that correct?"): the check asks the claim.
# ("Does the ILO report back that claim up?", "Is that correct according to the report?")
_THE_REPORT = r"the\s+(?:ilo(?:['’]s)?\s+)?(?:annual\s+)?(?:report|document|data|figures)"
_THAT = r"(?:that|this|it)(?:\s+(?:claim|statement|figure|point|line|assertion))?"
_CHECK_AFTER = re.compile(r"(?<=[.!])\s+(?:so\s+)?(?:"
                          r"(?:is|was)\s+(?:that|this|it)\s+(?:really\s+)?(?:correct|right|true|accurate|so|the\s+case)|"
                          rf"(?:does|do|can|would|will)\s+(?:{_THE_REPORT}|it)\s+(?:back\s+{_THAT}\s+up|"
                          rf"back\s+up\s+{_THAT}|support\s+{_THAT}|confirm\s+{_THAT}|"
                          rf"bear\s+{_THAT}\s+out)|"
                          rf"(?:can|could)\s+you\s+(?:please\s+)?(?:confirm|verify|check)(?:\s+{_THAT})?|"
                          r"true|correct|right|accurate)"
                          rf"(?:,?\s+(?:according\s+to|based\s+on|going\s+by|judging\s+by)\s+{_THE_REPORT})?\s*\??\s*$", re.I)
# The claim's source before it ("We have a draft line saying ...", "My colleague notes that ..."):
# the asker or a document says it.
_SAYING = (r"(?:say|saying|says|said|state|stating|states|claim|claiming|claims|read|reading|reads|suggest|suggesting|"
           r"suggests|note|noting|notes|write|writes|wrote|argue|argues|arguing|heard|"
           r"told\s+(?:me|us|(?:the\s+)?\w+(?:\s+\w+)?(?=\s+that\b)))")
# (a noun that is also a verb of saying is the source when the verb follows: "our notes say ...")
_SAID_BY = re.compile(rf"^[^.?!]{{0,70}}?\b{_SAYING}\s+(?!{_SAYING}\b)(?:that\b[\s,]*)?", re.I)
_SAID_PASSIVE = re.compile(r"^\W*(?:it|this)\s+(?:was|is|has\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:claimed|said|stated|"
                           r"reported|argued|suggested|asserted|alleged|written|mentioned)(?:\s+\w+){0,4}?\s+that\b[\s,]*",
                           re.I)
_SOURCE_WORD = re.compile(r"\b(?:i|we|our|my|draft|article|report|notes?|story|line|brief|press|colleague|source|"
                          r"someone|they|paper|text|memo|minister|member|mp|senator|speaker|official|spokes\w+|"
                          r"politician|journalist|campaigners?|critics?|opposition|committee|witness|expert|analyst|"
                          r"debate|speech|post|tweet|headline)s?\b", re.I)


def claim_checked(question: str) -> str | None:
    """"<claim>. Is that correct?" as the direct yes/no question of the claim, else None.  Read on
    the whole text, before the sign-off is peeled (which drops a closing "Is that right?" as a
    follow-up to a question, and would leave the claim a bare statement)."""
    check = _CHECK_AFTER.search(question)
    if check is None:
        return None
    before = split_sentences(question[:check.start()])
    claim = before[-1].rstrip(" .!") if before else ""
    said = _SAID_BY.match(claim)
    passive = _SAID_PASSIVE.match(claim)
    if passive:
        claim = claim[passive.end():]  # "It was claimed that ...": said by someone unnamed
    elif said and _SOURCE_WORD.search(claim[:said.end()]):
        claim = claim[said.end():]
    if len(claim.split()) < 4 or re.match(r"(?:which|what|who|whom|whose|where|when|how|why)\b", claim, re.I):
        return None
    direct = _inverted(f"Is it true that {claim}?")
    return _without_trailing(direct)[0] if direct is not None else None


def direct_question(question: str) -> str:
    """The direct yes/no question for "is it true that <clause>?", or the question unchanged; the
    asker's remarks after the clause ("..., since my manager wants it checked") are no part of it,
    nor are the asker's sentences before a yes/no question ("I'm checking our notes. Has Morocco
    ratified ...?") unless it points back into them ("I work on Kenya. Is it a pathfinder?")."""
    direct = _inverted(question)
    if direct is not None:
        return _without_trailing(direct)[0]
    topic = _dislocated(question)  # "Uganda's strategy for informal workers, was it launched in 2024?"
    if topic is not None:
        return topic
    asked = asking_sentence(question)
    if asked.dropped and _POLAR_OPEN.match(asked.question) and not _refers_back(asked.question):
        return asked.question
    lead = _LEADING.match(question)
    if lead and not _refers_back(question[lead.end():]):
        rest = question[lead.end():]
        return rest[:1].upper() + rest[1:]
    return question


def _inverted(question: str) -> str | None:
    m = _FRAME.search(question)
    if not m:
        return None
    clause = question[m.end():].rstrip(" ?.!")
    if not clause or re.match(r"(?:which|what|who|whom|whose|where|when|how|why)\b", clause, re.I):
        return None  # "can you confirm which countries ...": a list question, not a yes/no
    if _POLAR_OPEN.match(clause):  # "Yes or no: is Kenya a pathfinder?": already the direct question
        return clause[:1].upper() + clause[1:] + "?"
    aux = _AUX.search(clause)
    words = clause.split()
    # a leading adverbial set off by a comma ("for the first time, more than half of ... is covered")
    # is no part of the subject: it closes the question
    lead = re.match(r"^([^,]{3,40}),\s+", clause) if aux else None
    framed = lead is not None and lead.end() < aux.start() and len(clause[:aux.start()].split()) > 8
    if framed:
        clause = clause[lead.end():] + ", " + lead.group(1)
        aux = _AUX.search(clause)
    if aux and len(clause[:aux.start()].split()) <= 8:
        subject, rest = clause[:aux.start()].strip(), clause[aux.end():].strip()
        if subject:
            return f"{aux.group(1).capitalize()} {subject} {rest}?"
    # no auxiliary: the first verb-like word after a short subject takes "has" or "does", an
    # irregular past "did" ("Angola's ratification of Convention No. 102 took effect ...")
    for i, w in enumerate(words[1:8], start=1):
        low = w.lower()
        if low.endswith("ed") and len(low) > 4 and i < 6:
            return f"Has {' '.join(words[:i])} {' '.join(words[i:])}?"
        if low in _IRREGULAR_PAST and not w[:1].isupper():
            return f"Did {' '.join(words[:i])} {_IRREGULAR_PAST[low]} {' '.join(words[i + 1:])}".rstrip() + "?"
        base = None if w[:1].isupper() or i >= 6 else _base(low)
        if base:
            return f"Does {' '.join(words[:i])} {base} {' '.join(words[i + 1:])}".rstrip() + "?"
    return None


# Common irregular past tenses (ordinary English) and their base forms.
_IRREGULAR_PAST = {"took": "take", "made": "make", "became": "become", "came": "come", "went": "go", "gave": "give",
                   "got": "get", "began": "begin", "rose": "rise", "fell": "fall", "grew": "grow", "paid": "pay",
                   "won": "win", "held": "hold", "met": "meet", "brought": "bring", "built": "build", "sent": "send",
                   "spent": "spend", "led": "lead", "saw": "see", "chose": "choose", "drew": "draw", "wrote": "write",
                   "sought": "seek", "undertook": "undertake", "overtook": "overtake", "underwent": "undergo"}
