"""How a question is worded, apart from what it asks: wordy preambles and the noun asked for.

Wordy questions wrap the question proper in a frame ("For a donor briefing I'm putting together,
could you please list ...", "In the report's country-by-country financing information, where does
...") whose words mislead rules that look for the asked type ("named", "report", "fund" in the
frame).  :func:`core_question` finds where the question proper starts: the first interrogative
that opens a clause (at the start, after punctuation, or after a verb of asking or knowing).
:func:`asked_head` reads the noun a question asks for when it is not headed by "which <noun>":
"the countries for which ...", "a list of the countries ...", "which country's programme ..."
(a possessive still asks for the country).

Ordinary English only: the words here are closed-class question words and verbs of asking.
"""
from __future__ import annotations

import re

_INTERROGATIVE = r"(?:which|what|who|whom|whose|where|when|how many|how much|in which|for which|from which|list|name)"
# A clause opener: the start, punctuation, or a verb of asking/knowing ("I'd like to know which").
_CLAUSE = re.compile(r"(?:^|[,;:]\s*|\s[-–—]\s+|\b(?:know|knowing|tell me|tell us|wondering|understand|find out|learn|"
                     r"see|ask|asking|confirm|clarify|check|identify|out|(?:could|would|can|will)\s+you(?:\s+please)?|"
                     r"please)\s+)(?=" + _INTERROGATIVE + r"\b)", re.I)
# The asked noun and the type it names.
_NOUNS = [(r"countr(?:y|ies)|governments?|member states?|nations?|territor(?:y|ies)", "Country"),
          (r"organi[sz]ations?|funders?|financiers?|backers?|donors?|partners?|agenc(?:y|ies)|institutions?|institutes?|bod(?:y|ies)|"
           r"ministr(?:y|ies)|authorit(?:y|ies)|corporations?|sources of (?:finance|financing|funding)",
           "Organization")]
# "which country's programme", "which Paraguayan institute's schemes": the possessor is asked,
# whatever adjectives (a demonym, "national") stand before it
# (a possessive also asks for a body named by what it is: "which Kenyan fund's scheme", "which service's staff")
_POSSESSIVE_ONLY = {"Organization": r"|funds?|services?|boards?|trusts?|bureaus?|offices?"}
# ... and a scheme named by what it is: "which scheme's contribution rates", "which programme's households"
# (not "which of the programme's countries": the countries are asked)
_POSSESSIVE_KINDS = _NOUNS + [(r"(?:schemes?|programmes?|programs?|allowances?|grants?|pensions?)(?=['’]s?\s+(?![\w-]*\s*"
                               r"(?:countr|nations?\b|governments?\b|partners?\b|donors?\b|members?\b|funders?\b)))", "Scheme")]
_POSSESSIVE = [re.compile(rf"\b(?:which|what)\s+(?:[\w-]+\s+){{0,2}}?(?:{n}{_POSSESSIVE_ONLY.get(t, '')})['’]s?(?=\s)", re.I)
               for n, t in _POSSESSIVE_KINDS]
# A plural noun with any relative clause ("the countries that ..."); a singular one only with a
# clause that cannot be a determiner ("the country that year" is no question about a country).
_NOUN_THEN_CLAUSE = [re.compile(rf"\b(?:the|all|every|each|any)\s+(?:[\w-]+\s+){{0,2}}?(?:(?:{n})(?<=s)\s+(?:that|which)|(?:{n})\s+"
                                rf"(?:for which|in which|where|whose|with which|from which|to which|by which|by whom))\b", re.I)
                     for n, _ in _NOUNS]
# "which ones", "which of them": the noun asked for was named before, in the preamble.
_PRONOUN_HEAD = re.compile(r"^(?:which|what)\s+(?:ones?|of them|of these|of those)\b", re.I)
# ... or the imperative itself: "list the organisations the ILO cooperated with on policy papers ..."
# (the noun after "list the", not a later one, is asked)
_LIST_OF = [re.compile(rf"\b(?:list|names?|set)\s+of\s+(?:the\s+|all\s+)?(?:\w+\s+){{0,2}}?(?:{n})\b|"
                       rf"^\s*(?:please\s+)?(?:list|name)\s+(?:the|all(?:\s+the)?)\s+(?:[\w-]+\s+){{0,2}}?(?:{n})\b", re.I)
            for n, _ in _NOUNS]


# "In Cameroon, where the ILO backs health vouchers, who funds the work?": an interrogative after a
# comma that goes on with a clause's subject (or "is", "has") is a relative clause on the noun
# before it, when a later clause asks.
_RELATIVE = re.compile(r"[,;]\s*(?:which|who|whom|where)\s+(?:the|a|an|its|their|this|these|those|it|they|is|was|has|had)\b",
                       re.I)


def core_question(question: str) -> str:
    """The question proper, without a wordy preamble (the whole question when there is none)."""
    starts = list(_CLAUSE.finditer(question))
    while len(starts) > 1 and _RELATIVE.match(question, starts[0].start()):
        starts.pop(0)
    m = starts[0] if starts else None
    if m is None or m.end() == 0 or _PRONOUN_HEAD.match(question[m.end():]):
        return question
    return question[m.end():]


# "Of the countries X is in talks with, which have ratified ...": a partitive clause before the
# interrogative names the set the question picks from; it is the question's own, not discourse.
_PARTITIVE = re.compile(r"(?:^|[,;:.]\s*|\s[-–—]\s+)((?:of|among|amongst|out of|from among)\s+(?:the|those|these|all(?:\s+the)?)\s"
                        r"[^,;:.?]*)[,;:]?\s*$", re.I)


def partitive_preamble(question: str) -> str:
    """The partitive clause that ends a preamble and opens the question proper ("of the
    countries the Accelerator is in talks with"), or "" when the preamble has none."""
    core = core_question(question)
    if core is question or len(core) == len(question):
        return ""
    m = _PARTITIVE.search(question[:len(question) - len(core)])
    return m.group(1) if m else ""


def asked_head(question: str) -> str | None:
    """The type a question asks for by a possessive or a noun followed by a clause, else None."""
    for rxs, kinds in ((_POSSESSIVE, _POSSESSIVE_KINDS), (_LIST_OF, _NOUNS), (_NOUN_THEN_CLAUSE, _NOUNS)):
        hits = [(m.start(), t) for rx, (_, t) in zip(rxs, kinds) for m in [rx.search(question)] if m]
        if hits:
            return min(hits)[1]
    return None


# Words of the asking, not of the topic: discourse and politeness ("I'd like to know", "for a
# briefing I am preparing"), hedges and connectives.  A topic word must say what the evidence is
# about, so these never count as one.
FRAME_WORDS = frozenset("""
like know knowing wonder wondering grateful appreciate please kindly tell tells list listing give name naming
understand interested curious briefing brief note notes preparing prepare compiling compile drafting draft
putting together looking find finding learn confirm clarify check help helping want wanted need needed
could would should might may can will shall also still already yet but however though although just even
several various certain particular specific one ones those these them that this there their its it
individual write-ups write-up entries entry going judging taking apart regarding concerning about
""".split())


def frame_terms() -> set[str]:
    """FRAME_WORDS as the stems the topic-term code compares (see :func:`app.qa.units.terms`)."""
    from app.qa.units import terms

    return set(terms(" ".join(FRAME_WORDS))) | {w for w in FRAME_WORDS}
