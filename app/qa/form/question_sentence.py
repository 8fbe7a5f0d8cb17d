"""The sentence that asks, in a question written as several sentences.

"Hi there. I'm doing some background reading for a grant proposal. Where did Kuwait finance the
ILO's work? Many thanks." asks one thing, in its third sentence; the others are about the asker
(first- or second-person words), the conversation ("Hi there", "Could you help me out?") or
thanks.  :mod:`app.qa.form.asides` looks for the question proper inside one sentence, after a comma, a
colon or a verb of asking; a full stop before it gave it no place to start, so the whole text was
read and the asker's words ("proposal", "at hand", "neither of us") became topics, negations and
anaphors.

:func:`split_sentences` cuts the text at sentence ends ("No. 102", "S.p.A." and initials are no
sentence end); :func:`asking_sentence` picks the sentence that asks (the last one ending in "?" or
opening on a question word that is not about the asker) and sets the others apart: a sentence about
the asker or the conversation, or one that only thanks, is dropped; so is a statement that is only
context ("GIZ keeps coming up in this report.") before an asking sentence that names something of
its own and does not point back; any other sentence ("Table 4 lists results by region.") is kept
before the question, as it may say what is asked.

Ordinary English only: pronouns, greetings and thanks, never names from a report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at ".", "!" or "?" after a lower-case letter, a digit or a closing bracket or
# quote, before a capital, a quote or a bracket ("No. 102" has a digit after it; "S.p.A." and
# "U.K." have a capital before the full stop).
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]”\"'’][.!?])\s+(?=[A-Z“\"'‘(#])|(?<=[?!])\s+(?=[a-z])|"
                           # "... at hand. in which year were ...": a question typed in lower case
                           r"(?:(?<=[a-z]{2}\.)|(?<=[^\d]\d{4}\.))\s+(?=(?:(?:in|of|for|from|among|by)\s+)?(?:which|what|who|whom|whose|where|"
                           r"when|how)\b)|"
                           # "GIZ keeps popping up in this report Where did ...": a capitalised question word
                           # after a lower-case word starts a sentence, typed without its full stop
                           r"(?<=[a-z0-9][a-z0-9])\s+(?=(?:(?:In|Of|For|From|Among|By)\s+(?:which|what)|Which|What|Who|Whom|Whose|"
                           r"Where|When|How)\s)")
# Thanks and sign-offs: a sentence of these asks nothing.
THANKS = re.compile(r"^\W*(?:(?:and|but|so|again|many|much|in advance|a lot|very much|so much|best|kind|warm|"
                    r"regards?|cheers|thanks?|thank you|appreciated?|grateful|ta|much obliged|in\s+advance)\W*)+"
                    # a signature after them ("Cheers, Tom", "Thanks! Maria Lopez")
                    r"(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\W*)?$",
                    re.I)
# A signature on its own after the thanks ("Thanks in advance! Maria"): one or two capitalised words.
_SIGNATURE = re.compile(r"^(?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)?\W*$")
# A second question about the answer itself, pointing back and naming nothing ("Is that right?",
# "Also, is that list complete as far as the report goes?", "Are those all of them?").
# ("Is this ratification already valid ...?" points back with a determiner and names a thing of its
# own: a question, not a follow-up)
_FOLLOW_UP = re.compile(r"^\W*(?:(?:also|and|but|so|ok|okay|oh|then)\W+)*(?:is|are|was|were|would|will|does|do|did|has|"
                        r"have|could|can)\s+(?:it\b|(?:that|this|these|those)\b(?!\s+(?!(?:right|correct|all|complete|true|"
                        r"accurate|really|so|list|answer|figure|number|total|count|year|names?|results?|ones?|everything|"
                        r"exhaustive|full|whole|final|still|also|the|a|an|what|how|because)\b)[a-z])|the\s+(?:list|answer|figure|"
                        r"number|total|count|year|names?|results?)\b)", re.I)
# Greetings and short openers that ask nothing ("Hi there.", "Hello!", "Good morning.").
_GREETING = re.compile(r"^\W*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b[\w\s,]{0,20}\W*$",
                       re.I)
# The asker and the one asked (never "US", the country or dollar).
ASKER = _ASKER = re.compile(r"(?-i:\bus\b)|\bi\b(?![.’'-]?\w?\.)|\b(?:i'm|i’m|i'd|i’d|i've|i’ve|i'll|i’ll|me|my|mine|myself|"
                    r"we|we're|we’re|we've|we’ve|we'd|we’d|our|ours|you|your|yours)\b", re.I)
# A sentence that asks: it ends in "?" or opens on a question word or a request.
_ASKS = re.compile(r"^\W*(?:(?:so|and|but|then|now|also|anyway|well)\s+)?(?:(?:in|by|to|at|of|for|from|on|with|under|"
                   r"among|across|according to)\s+)?(?:which|what|who|whom|whose|where|when|how|list|name|is|are|was|"
                   r"were|do|does|did|has|have|can|could|would|will)\b", re.I)


# "..., right?", "..., isn't it?": a statement asking to be confirmed, not a question of its own.
TAG_QUESTION = re.compile(r",\s*(?:right|correct|yes|no|true|yeah|ok(?:ay)?|isn['’]t\s+(?:it|that|they)|"
                           r"(?:didn|doesn|don|wasn|weren|aren|hasn|haven|hadn)['’]t\s+(?:it|they|he|she|we|you|that))\s*\?\s*$",
                           re.I)


@dataclass
class Sentences:
    """The sentence that asks, the sentences kept before it, and what was set apart (for the path)."""

    question: str
    dropped: list[str]


def split_sentences(text: str) -> list[str]:
    """The text's sentences, in order, each stripped."""
    return [s.strip() for s in _SENTENCE_END.split(" ".join(text.split())) if s.strip()]


# A fragment saying why the asker asks ("Asking for a donor review.", "Just curious.", "For a
# briefing note."): no verb of its own, nothing asked.
_PURPOSE = re.compile(r"^\W*(?:(?:just|only)\s+)?(?:asking\s+(?:for|because|since|as)\b|curious\b|wondering\b|"
                      r"(?:this\s+is\s+|it'?s\s+|it’s\s+)?(?:for|needed\s+for)\s+(?:a|an|the|my|our)\s+(?:[\w-]+\s+){0,2}?"
                      r"(?:review|report|briefing|brief|note|memo|paper|article|piece|meeting|talk|blog|newsletter|"
                      r"thesis|class|lecture|workshop|presentation|slide|deck)s?\W*$)", re.I)


def is_purpose(sentence: str) -> bool:
    """Does the sentence only say what the question is for ("FYI this is for a ministerial brief.")?"""
    if sentence.rstrip().endswith("?") or re.search(r"\b(?:which|what|who|whom|whose|where|when|how)\b", sentence, re.I):
        return False  # ("Curious which ones are in Africa." asks)
    return bool(_PURPOSE.match(re.sub(r"^\W*(?:fyi|btw|note)\b\W*", "", sentence, flags=re.I)))


# A request about the answer's form only ("Just the names, please.", "Only the number, thanks."):
# its nouns ("names", "number") say how to answer, not what is asked.
# So is a request for the whole answer that points back at it ("Name them all please.", "List all
# of them.", "Please give every one."): it asks for nothing new.
_FORM_ONLY = re.compile(r"^\W*(?:(?:(?:just|only)\s+)?(?:the\s+|a\s+)?(?:short\s+|brief\s+|plain\s+)?(?:names?|list|answer|"
                        r"number|figure|year|titles?|labels?)|(?:please\s+)?(?:name|list|give(?:\s+me|\s+us)?|tell\s+(?:me|us))\s+"
                        r"(?:them(?:\s+all)?|all\s+of\s+them|each\s+(?:one|of\s+them)|every\s+one|all)|"
                        # "Please keep it short.", "Short answer please."
                        r"(?:please\s+)?keep\s+it\s+(?:short|brief|simple|concise))"
                        r"\s*(?:,?\s*(?:please|thanks|thank\s+you|is\s+(?:enough|fine)|"
                        r"will\s+do|would\s+be\s+(?:great|enough|fine)))?\W*$", re.I)


def is_form_only(sentence: str) -> bool:
    """Does the sentence only say how to give the answer ("Just the names, please.", "Name them all
    please.")?"""
    return bool(_FORM_ONLY.match(sentence))


def _asides_only(sentence: str) -> bool:
    """Is the sentence about the asker or the conversation, or only thanks, a greeting, why the
    asker asks, the answer's form or a follow-up about the answer itself?"""
    return bool(THANKS.match(sentence) or _GREETING.match(sentence) or _ASKER.search(sentence)
                or (_PURPOSE.match(sentence) and not sentence.rstrip().endswith("?"))
                or _FORM_ONLY.match(sentence) or is_follow_up(sentence))


# A plea for help that asks nothing of its own ("Can you help?", "Could you please help me with
# this?", "Any help would be appreciated."): the question is the sentence before it.
_PLEA = re.compile(r"^\W*(?:(?:so|and|but|please|hoping)\W+)*(?:(?:can|could|would|will)\s+(?:you|anyone|someone|somebody)\s+"
                   r"(?:please\s+)?(?:help|assist)(?:\s+(?:me|us))?(?:\s+(?:out|here|with\s+(?:this|that|it)))*(?:\s+please)?|"
                   r"any\s+help\s+(?:is|would\s+be|much)?\s*(?:much\s+|greatly\s+|really\s+)?(?:appreciated|welcome)|"
                   r"(?:please\s+)?help(?:\s+(?:me|us))?(?:\s+please)?)\W*$", re.I)


def is_plea(sentence: str) -> bool:
    """Does the sentence only ask for help ("Can you help?"), naming and asking nothing else?"""
    return bool(_PLEA.match(sentence))


def is_follow_up(sentence: str) -> bool:
    """Is the sentence a second question about the answer already asked for ("Is that right?",
    "Is that list complete as far as the report goes?"): it points back, names nothing and holds no
    figure, so it cannot ask about anything else."""
    m = _FOLLOW_UP.match(sentence)
    if m is None or len(sentence.split()) > 14:
        return False
    rest = sentence[m.end():]
    return not re.search(r"\d|\b[A-Z]", rest)


# A statement that says where to look or limits what is asked ("Table 4 lists results by region.",
# "Only 2024 matters here.", "In 2024 ..."): the question may need it.
_SAYS_WHAT = re.compile(r"\b(?:tables?|figures?|box(?:es)?|annex(?:es)?|chapters?|sections?|only|just|except|excluding|"
                        r"not|never|no|without|besides|apart|other\s+than|aside|but)\b|"
                        # a year that opens the statement sets the question's scope ("In 2024 a lot
                        # changed."); figures inside a fact ("supported 31 countries in 2024") do not
                        r"^\W*(?:in|for|during|since|until|before|after)\s+(?:\w+\s+)?[12]\d{3}\b", re.I)
# A name of the asking sentence's own: a capitalised word past its first, or an acronym.
OWN_NAME = _OWN_NAME = re.compile(r"(?<!^)(?<![.?!:;]\s)\b(?:[A-Z][\w'’&-]*|\w*\d\w*)")


# A place that opens the statement sets the question's scope ("In Jordan the social security body
# has a new strategy. Which organisations helped it?"), as an opening year does: a name after "in".
_PLACE_OPENING = re.compile(r"^\W*(?:in|within|inside)\s+(?:the\s+)?(?-i:[A-Z][\w'’-]+)(?!\s*\d)", re.I)
# A run of capitalised words (with the small words names hold: "Ministry of Labour and Social Security").
_CAPITAL_RUN = re.compile(r"(?-i:[A-Z][\w'’-]*)(?:\s+(?:(?:of|and|for|the|on|de|du|des|la)\s+)*(?-i:[A-Z][\w'’-]*))*")
_ACRONYM = re.compile(r"(?-i:\b[A-Z]{2,6}s?\b)")


def _spells_out(sentence: str, asking: str) -> bool:
    """Does the statement write out a name the asking sentence only abbreviates ("the Social Security
    Corporation has a new strategy. Which organisations helped SSC to cost it?"): the statement
    introduces what is asked about, so it is no mere context."""
    initials = set()
    for m in _CAPITAL_RUN.finditer(sentence):
        caps = "".join(w[0] for w in m.group(0).split() if w[0].isupper())
        initials.update(caps[i:] for i in range(len(caps) - 1))  # "The Social Security Corporation": SSC too
    return any(a.rstrip("s") in initials or a in initials for a in _ACRONYM.findall(asking) if a not in ("ILO",))


def _context_only(sentence: str, asking: str) -> bool:
    """Is the statement before the asking sentence only context ("GIZ keeps coming up in this
    report.", "The report covers a lot of ground on pensions and financing.")?  Only when the asking
    sentence names something of its own and does not point back, and the statement names no part
    of the report and limits nothing: its words would otherwise become topics, relation cues and
    constraints of the question."""
    from app.qa.form.asides import _refers_back

    if _asks(sentence) or _SAYS_WHAT.search(sentence) or _PLACE_OPENING.match(sentence) \
            or _spells_out(sentence, asking):
        return False
    own = [m.group(0) for m in _OWN_NAME.finditer(asking.strip()) if m.group(0) not in ("I", "ILO")]
    return bool(own) and not _refers_back(asking)


def is_context_statement(text: str) -> bool:
    """Is a dropped text a whole statement sentence about neither the asker nor the conversation
    (what :func:`asking_sentence` sets apart as context)?  Its names are not the question's subject."""
    t = text.strip()
    return t[-1:] in ".!" and not _asks(t) and not _asides_only(t)


def _asks(sentence: str) -> bool:
    return sentence.rstrip().endswith("?") or bool(_ASKS.match(sentence))


# A sentence end before a query typed in lower case ("... for my team. pathfinders roadmap 2024"):
# three letters before the stop, so "vs." and "No." do not end a sentence, nor does "etc.".
_LOWER_START = re.compile(r"(?<=[a-z]{3}[.!])(?<!etc\.)\s+(?=[a-z0-9])|" + _SENTENCE_END.pattern)


def last_asking(question: str) -> str:
    """The last sentence that asks, or the whole text when it is one sentence or none asks.  A cue of
    the answer's shape ("by region", "per country") said in a sentence of context ("Table 4 lists
    every priority country by region ... . Counting only the African countries, how many ...?")
    describes the source, not the answer asked."""
    sentences = split_sentences(question)
    asking = [s for s in sentences if _asks(s)]
    return asking[-1] if len(sentences) >= 2 and asking else question


def _keyword_query_last(sentences: list[str]) -> bool:
    """Is the last sentence a keyword query ("pathfinders roadmap endorsed 2024": no question word,
    no full stop) after sentences that are all about the asker ("I'm preparing a briefing for my
    team.")?  A search-box query asks without a question word; the statement about the asker before
    it asks nothing."""
    if len(sentences) < 2:  # one sentence, or nothing left to read (a text of punctuation only)
        return False
    last = sentences[-1].rstrip()
    return last[-1:] not in ".!" and len(last.split()) >= 2 \
        and not _asides_only(last) and all(_asides_only(s) for s in sentences[:-1])


# A sentence about the asker that tells something heard or read ("I read that a pilot will target
# refugees.", "A friend told me registered workers grew ..."): what it tells is the question's.
_TELLS = re.compile(r"\b(?:said|says|say|told|tells?|read|reading|heard|hear|saw|seen|learn(?:ed|t)|noticed|mentioned|"
                    r"claims?|claimed|insists?|insisted|thinks?|thought|believes?|believed|remember(?:ed)?|recall(?:ed)?|"
                    r"know|knew|understand|understood|suggest(?:s|ed)?|reported|wrote|writes)\b", re.I)


def asker_sentences_apart(question: str) -> Sentences | None:
    """The asking sentence (:func:`asking_sentence`) when every sentence set apart is about the
    asker or the conversation (a greeting, thanks, "I'm preparing a briefing."), not a statement
    of context about the report nor one telling what the asker heard or read ("I read that a pilot
    will target refugees. Which country is that in?"); None otherwise."""
    split = asking_sentence(question)
    if not split.dropped:
        # "Context: I'm a policy analyst at a donor agency. # of ilo imf pilot countries": a keyword
        # query asks in no sentence form, so it is the last sentence after the asker's
        parts = split_sentences(question)
        if len(parts) < 2 or _ASKS.match(parts[-1]) or parts[-1].rstrip().endswith("?"):
            return None
        split = Sentences(parts[-1], parts[:-1])
    if not all(_asides_only(_LABEL_FIRST.sub("", s)) and not _TELLS.search(s) for s in split.dropped):
        return None
    return split


# A label opening a sentence ("Context: I'm a policy analyst ..."): the sentence is what follows it.
_LABEL_FIRST = re.compile(r"^\W*(?:context|background|note|fyi|info|about\s+me)\s*:\s*", re.I)


# A run-on text: a greeting or a sentence about the asker that runs into a lower-case question with
# no stop between them ("hi i work at a pension fund what countries does the eu fund"): the text
# opens on the asker ("i", "we", "my", a greeting before them) and the question starts at the first
# question word after it (with a preposition before it: "in which countries").
_RUN_ON_OPENER = re.compile(r"^\W*(?:(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening)|greetings)(?:\s+there)?\W+)?"
                            r"(?:i|i'm|i’m|im|i've|i’ve|i'd|i’d|we|we're|we’re|we've|we’ve|my|our)\s", re.I)
_RUN_ON_QUESTION = re.compile(r"\s(?=(?:(?:in|of|for|from|among|by|with|to)\s+)?(?:which|what|who|whom|whose|where|when|how)\s)")


# The asker's whole clause, when it says where the asker works or what they are ("hi i work at a
# pension fund", "we are a small ngo", "i'm a journalist"): it ends on the noun of a workplace or a
# job (ordinary English), so a keyword query typed after it with no stop ("... pension fund c102
# ratifications 2024") starts right after that noun.
_ASKER_CLAUSE = re.compile(
    _RUN_ON_OPENER.pattern[:-2] + r"(?:\s+(?:am|are|'m|’m|m|'re|’re)|\s+(?:just|currently|also|now)?\s*(?:work|works|worked|working|"
    r"volunteer|intern|study|studying)\s+(?:at|for|in|with|on))?\s+(?:a|an|the|my|our|one\s+of\s+the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:fund|bank|ministry|agency|ngo|charity|universit(?:y|ies)|compan(?:y|ies)|firm|office|union|institute|institution|"
    r"organi[sz]ation|newspaper|magazine|foundation|council|department|school|college|think\s+tank|consultancy|"
    r"insurer|journalist|student|researcher|consultant|analyst|officer|reporter|teacher|lecturer|advis[eo]r|economist|"
    r"lawyer|volunteer|manager|intern|official|civil\s+servant|activist)s?\b(?=\s)", re.I)


# A question that opens on a fronted phrase before a comma and its question word ("of Togo, Kenya
# and Ghana, which ...", "in Palestine, who ..."): no continuation of the asker's noun.
_FRONTED_PARTITIVE = re.compile(r"\s*(?:of|for|in|on|at|from|among|with|during|under|across|within|outside|since|after|before|"
                                r"besides)\s[^?]{3,}?,\s*(?:(?:in|of|for|from|among|by)\s+)?(?:which|what|who|whom|"
                                r"whose|how|where|when)\b", re.I)


def _run_on_split(text: str) -> list[str] | None:
    """The asker's words and the question of a run-on text typed with no stop between them
    (:data:`_RUN_ON_OPENER`), or None when the text does not open on the asker, the words before
    the question tell something heard or read, or the question is too short to ask."""
    # (a text with the marks of a sentence written out, ", so", ", and", a colon, a semicolon, a dash
    # or a bracket, has its question placed by them: app.qa.form.asides reads it)
    if _RUN_ON_OPENER.match(text) is None:
        return None
    # (a full stop inside: the text is written in sentences, its question the one after the stop,
    # "We are mapping who does what in social protection. any ILO UNDP joint work countries?")
    if re.search(r"[a-z]{3,}[.!?]\s+\S", text):
        return None
    clause = _ASKER_CLAUSE.match(text)
    # (not when the noun phrase goes on, "the ministry of labour ...")
    if clause is not None and len(text[clause.end():].split()) >= 2 \
            and (not re.match(r"\s*(?:of|for|and|&|or|but|so|interested|based|working|located|focus(?:ed|ing)|looking|that|who|"
                              r"whose|in|on|at|from|to|with|about|since|because|as|here|there|\w+ed\b|\w+ing\b)\b",
                              text[clause.end():], re.I)  # "... pension fund c102 ratifications 2024"
                 or _FRONTED_PARTITIVE.match(text[clause.end():])):  # "... fund of Togo and Ghana, which ..."
        head, tail = text[:clause.end()].strip(), text[clause.end():].strip()
        return None if re.search(r"[,:;()–—]", head) or _TELLS.search(head) else [head, tail]
    if re.search(r",\s*(?:so|and|but|or)\b|[:;()]|\s[-–—]\s", text, re.I):
        return None
    m = _RUN_ON_QUESTION.search(text)
    if m is None:
        return None
    head, tail = text[:m.start()].strip(), text[m.end():].strip()
    # ("the countries for which the Dutch are named", "want to see where ...": a relative clause or a
    # question embedded in the asker's sentence, not a question of its own)
    if re.match(r"(?:\w+\s+)?(?:which|what|whose|whom)\s+(?:the|a|an|this|that|these|those|it|its|they|their|he|she|we|i|you)\b",
                tail, re.I) or re.search(r"\b(?:know|see|wonder(?:ing)?|into|about|ask(?:ing)?|tell\s+me|understand|check|"
                                         r"explain|show|find\s+out|learn|map|on|at|of)$", head, re.I):
        return None
    # ("i'm not sure how to phrase this, but which ...": a question word before "to" asks nothing)
    if re.match(r"(?:\w+\s+)?\w+\s+to\b", tail) and re.match(r"(?:\w+\s+)?(?:which|what|who|whom|whose|where|when|how)\s+to\b",
                                                          tail, re.I):
        return None
    # (a comma, colon or dash before the question word: the question opens on a phrase of its own,
    # "in Viet Nam, how many ...", and is not cut inside)
    if len(head.split()) < 2 or len(tail.split()) < 3 or _TELLS.search(head) or not _ASKER.search(head) \
            or re.search(r"[,:;()–—]|\s-\s", head):
        return None
    return [head, tail]


def asking_sentence(question: str) -> Sentences:
    """The question's asking sentence with the sentences about the asker set apart; the text
    unchanged (nothing dropped) when it is one sentence or no sentence but one about the asker asks.

    The asking sentence is the last one that asks and is not about the asker ("Could you help me
    out? Of the countries ..., which ...?" asks in its second sentence); when every sentence that
    asks is about the asker ("Can you tell me which countries Kenya funds?"), the last of them is
    taken and :mod:`app.qa.form.asides` reads its asides."""
    sentences = split_sentences(question)
    asking = [i for i, s in enumerate(sentences) if _asks(s)]
    if not asking:  # "I'm preparing a briefing for my team. pathfinders roadmap endorsed 2024"
        typed = [s.strip() for s in _LOWER_START.split(" ".join(question.split())) if s.strip()]
        if _keyword_query_last(typed):
            sentences, asking = typed, [len(typed) - 1]
    if len(sentences) == 1:  # "hi i work at a pension fund which countries ratified C102"
        run_on = _run_on_split(sentences[0])
        if run_on is not None:
            sentences, asking = run_on, [1]
        else:
            # "We are mapping who does what in social protection. any ILO UNDP joint work countries?":
            # a stop before a question typed in lower case ends the asker's sentence, whose own
            # question word ("who") asks nothing
            typed = [t.strip() for t in _LOWER_START.split(" ".join(question.split())) if t.strip()]
            if len(typed) >= 2 and len(typed[-1].split()) >= 2 and all(_asides_only(t) for t in typed[:-1]):
                sentences, asking = typed, [len(typed) - 1]
    if len(sentences) < 2:
        return Sentences(question, [])
    if not asking:
        return Sentences(question, [])
    # "So the ILO did X for NASSIT, right? In which year ...?": a statement asking to be confirmed
    # is context when a later sentence asks
    asking = [i for i in asking if not (i < asking[-1] and TAG_QUESTION.search(sentences[i]))]
    own = [i for i in asking if not _asides_only(sentences[i])]
    at = own[-1] if own else asking[-1]
    kept, dropped = [], []
    for i, s in enumerate(sentences):
        if i == at:
            kept.append(s)
        elif _asides_only(s) or (i > at and not _asks(s) and THANKS.match(s)) or (i < at and _context_only(s, sentences[at])) \
                or (i == len(sentences) - 1 and i > at and dropped and dropped[-1] == sentences[i - 1]
                    and THANKS.match(sentences[i - 1]) and _SIGNATURE.match(s)):  # "Thanks in advance! Maria"
            dropped.append(s)
        elif i > at:
            return Sentences(question, [])  # a second question or remark after it: read whole
        else:
            kept.append(s)
    if not dropped:
        return Sentences(question, [])
    return Sentences(" ".join(kept), dropped)
