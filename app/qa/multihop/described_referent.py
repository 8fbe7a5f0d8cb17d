"""A question that first describes a country, then asks about it by a back-reference.

"There is a country whose Older Persons' Act brought in a social pension for everyone over 70;
who finances the ILO's work in that country?" names its subject by what happened there, in a
clause of its own, and refers back to it ("that country", "there").  Read as it stands, the
description is dropped as a preamble and the back-reference names nothing, so the engine answers
nothing.  :func:`fold` writes the description into the question at the back-reference ("... work
in the country whose Older Persons' Act ..."), the form the engine already resolves by retrieval
(``QuestionEngine._resolve_description``): the best sentence for the description names the country.

Only a description that opens the question with an indefinite or demonstrative frame ("there is a
country whose", "take the country where", "a country that ...:") and a back-reference near the end
of the rest are folded; anything else is left alone.  Ordinary English only.
"""
from __future__ import annotations

import re

_NOUN = r"country|nation|member state|state"
_NOUNS = r"countries|nations|member states|states"
_LEAD = re.compile(
    r"^(?:(?:there\s+is|there's|there\s+was|take|consider|think\s+of|picture|imagine|i'?m\s+thinking\s+of|"
    r"i\s+have\s+in\s+mind|i'?m\s+interested\s+in|looking\s+at|of|among|amongst|for|"
    # a topic frame: "thinking about the country whose ...", "as for the country where ..."
    r"thinking\s+(?:about|of)|regarding|concerning|as\s+(?:for|to)|when\s+it\s+comes\s+to|speaking\s+of|"
    r"turning\s+to|with\s+regard\s+to)\s+)?"
    r"(?:(?:a|one|the|some)\s+(?P<noun>" + _NOUN + r")|the\s+(?P<nouns>" + _NOUNS + r"))\s+"
    r"(?P<rel>whose|where|in\s+which|that|which)\s+(?P<desc>\S.{10,}?)\s*"
    # the description ends at a clause break before the question proper
    r"(?:[;:?!]+|\.\s+(?=(?-i:[A-Z]))|\s+[—–-]+\s+|,\s*(?=(?:so|and|now|then|but)?\s*(?:who|whom|which|what|where|how|when|can|could|"
    r"would|please|tell|list|name)\b))\s*(?P<rest>\S.*)$", re.I)
# The back-reference, with at most a few words after it ("in that country in 2024?").
_BACK = re.compile(r"\b(?:(?:in|for|of|to|with)\s+)?(?:that|this|the\s+same|said|the\s+said)\s+(?:" + _NOUN + r")(?:'s)?"
                   r"|\bthere\b", re.I)
_BACKS = re.compile(r"\b(?:(?:in|for|of|to|with)\s+)?(?:those|these|the\s+same|said|the\s+said)\s+"
                    r"(?:(?:two|three|four|five|six|\d+)\s+)?(?:" + _NOUNS + r")(?:'s)?|\bthere\b", re.I)
_TAIL_WORDS = 4
# A set of countries stated in a sentence of its own before the question: "Two priority countries
# ratified Convention No. 102 in 2022, according to their country sections. Who funds those two
# countries?"  The statement's predicate says which countries; a trailing source remark is not part
# of it.
_SET_STATEMENT = re.compile(
    r"^(?:the\s+)?(?:two|three|four|five|six|several|some|a\s+few|\d+)\s+(?P<mods>(?:[\w'’-]+\s+){0,2}?)"
    r"(?P<nouns>" + _NOUNS + r")\s+(?P<pred>(?!(?:are|were|is|was|have|has|had|do|does|did)\b)[a-z][\w-]*\b.{4,}?)"
    r"(?:,\s*(?:according\s+to|as|per|judging\s+by|going\s+by|if)\b.*)?[.;]?$", re.I)


def fold(question: str) -> str | None:
    """The question with its opening description written in at the back-reference, or None."""
    m = _LEAD.match(question.strip())
    if m is None:
        return _fold_stated_set(question.strip())
    rest = m["rest"]
    plural = m["nouns"] is not None
    if plural and not re.match(r"(?:looking\s+at|of|among|amongst|for|take|consider|thinking|regarding|concerning|as\s+for|"
                               r"when\s+it\s+comes|speaking|turning|with\s+regard)\b", question.strip(), re.I):
        return None  # "the countries that ...; who ..." without a frame may be the question itself
    backs = list((_BACKS if plural else _BACK).finditer(rest))
    if not backs:
        return None
    b = backs[-1]
    tail = rest[b.end():]
    if len(re.findall(r"[\w'’-]+", tail)) > _TAIL_WORDS:
        return None  # the description must end the question for the engine to resolve it
    said = b.group(0)
    prep = re.match(r"(in|for|of|to|with)\s+", said, re.I)
    lead = (prep.group(1) + " ") if prep else ("in " if said.lower() == "there" else "")
    desc = m["desc"].rstrip(" ,")
    tail_words = tail.strip(" ?.!")
    return (f"{rest[:b.start()].rstrip()} {lead}the {'countries' if plural else 'country'} {m['rel']} {desc}"
            + (f", {tail_words}" if tail_words else "") + "?")


def _fold_stated_set(question: str) -> str | None:
    """"N countries <did something>. Who funds those countries?" with the set written in at the
    back-reference that ends the question ("Who funds the countries that <did something>?"), or None."""
    from app.qa.form.question_sentence import split_sentences

    sentences = split_sentences(question)
    if len(sentences) < 2:
        return None
    m = _SET_STATEMENT.match(sentences[0])
    if m is None:
        return None
    rest = " ".join(sentences[1:])
    backs = list(_BACKS.finditer(rest))
    if not backs or backs[-1].group(0).lower() == "there" or rest[backs[-1].end():].strip(" ?.!"):
        return None
    b = backs[-1]
    prep = re.match(r"(in|for|of|to|with)\s+", b.group(0), re.I)
    lead = (prep.group(1) + " ") if prep else ""
    nouns = f"{m['mods'].strip()} {m['nouns']}".strip()
    return f"{rest[:b.start()].rstrip()} {lead}the {nouns} that {m['pred'].strip()}?"
