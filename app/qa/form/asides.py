"""The asker's asides: the personal clauses a wordy question wraps around the question proper.

"I'm preparing a briefing for our board, which follows West Africa and the World Bank's work
there, and I was wondering which donors financed the ILO's work in Senegal?" asks about Senegal's
funders; West Africa and the World Bank are the asker's context.  Read as a whole, the aside's
names become constraints (a region filter, a second entity), and its words ("our focus is the EU's
*funding*") become relation cues.  :func:`without_asides` drops the clauses that talk about the
asker or a third person (first- and second-person pronouns, "my colleague", "the minister") from
the preamble before the question proper and from parentheses, keeping the clauses that say what is
asked ("based on the annual report", "according to Table 4", "among African countries").

The question proper starts at the first interrogative that opens a clause and is followed by no
personal word; an aside is dropped only when the question proper still names something of its own
(else "I work on Jordan: who funds it?" would lose its subject) — the engine checks that on the
analysis (:func:`keeps_subject`).

Ordinary English only: pronouns, verbs of asking and nouns for people, never names from a report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.qa.constraints.exclusion import _CUE as _SET_ASIDE_CUE
from app.qa.form.question_sentence import THANKS, asking_sentence, is_context_statement

# Words that make a clause about the asker or a third person, not about the report.
_PERSONAL = re.compile(
    r"(?-i:\bus\b)|"  # "us", never "US" (dollars, the United States)
    r"\bi\b(?![.’'-]?\w?\.)|"  # "I", not "i.e."
    r"\b(?:i'm|i’m|i'd|i’d|i've|i’ve|i'll|me|my|mine|myself|we|we're|we’re|we've|we’ve|we'd|we’d|our|ours|"
    r"you|your|yours|she|he|her|his|him)\b|"
    # the people around the asker, not an office the report names ("approved by the Minister in 2024")
    r"(?<!\bthe\s)(?<!\bits\s)\b(?:"
    r"colleagues?|manager|boss|minister|board|team|delegation|office|director|client|audience|readers?|"
    r"students?|supervisor|editor)\b"
    # a stated purpose: "for a slide on Asia", "for my briefing"
    r"|\bfor\s+(?:a|an|my|our|this)\s+(?:[\w-]+\s+){0,2}?(?:slides?|speech|presentation|briefing|brief|note|memo|"
    r"paper|article|piece|meeting|talk|blog|newsletter|thesis|class|lecture|workshop|dashboard|map)\b", re.I)
# Words that refer back to the preamble ("that region", "there", "both"): the question proper is
# not whole without it, so nothing is dropped.
_ANAPHOR = re.compile(r"\b(?:both(?![^,;:?]*\band\b)|either(?![^,;:?]*\bor\b)|neither(?![^,;:?]*\bnor\b)|"
                      # "both A and B" joins two things named there; "both" alone points back
                      r"such|former|latter|same|"
                      # "for a piece on the Americas, which country in the region ...": the region named before
                      r"(?<=\bin\s)the(?=\s+(?:sub-?)?region\b)|"
                      # "that the EU doesn't", "that Kenya funds": a clause opens, no noun is pointed at
                      r"(?:that|this|these|those)(?!\s+(?:of|which|who|whose|where|is|are|was|were|have|has|had|"
                      r"the|a|an|its|their|it|they|he|she|we|you|i|there|no|not|all|every|each|any|some)\b)"
                      # "in that context", "to that end", "that said": a turn of the conversation,
                      # pointing at no thing the report names
                      r"(?!\s+(?:context|regard|respect|vein|connection|light|spirit|note|end|sense|case|matter|said|"
                      r"being\s+said|in\s+mind)\b)"
                      r"(?!\s+(?-i:[A-Z])))\b", re.I)
# A pronoun refers back to the preamble unless the question proper names something before it
# ("what percentage Utopia raised its pensions").
# "the country" after the asker named one ("I'm preparing a note on Madagascar - what results did the
# country achieve?") points back like "its"; not when it heads a description ("which is the country
# with the most funders", "the country that ratified ...": the asked one).
THE_COUNTRY = (r"(?<!\bis\s)(?<!\bwas\s)(?<!\bwhich\s)(?<!\bwhat\s)\bthe\s+country"
               # the country itself (then a verb, its possessive or the clause's end), not a compound's
               # modifier ("the country write-ups", "the country teams") nor a described one ("the
               # country with the most funders")
               r"(?=\s*(?:[?.,;:!)]|$|['’]s\b)|\s+(?:achieve|record|receive|get|ratify|join|adopt|introduce|have|"
               r"has|had|take|make|see|report|obtain|secure|\w+ed)\b)")
_PRONOUN = re.compile(r"\b(?:there|it|its|they|them|their)\b|" + THE_COUNTRY, re.I)
_NAME_WORD = re.compile(r"(?<!^)\b[A-Z][\w'’-]*")


# "the countries that formally inquired": a "that" after a noun, before a lower-case word, opens a
# relative clause; a demonstrative "that" follows a preposition, a verb or a conjunction ("in that
# region", "does that country").
_RELATIVE_THAT = re.compile(r"(?<=[a-z])(?<!\bin)(?<!\bof)(?<!\bfor)(?<!\bfrom)(?<!\bto)(?<!\bat)(?<!\bon)(?<!\bwith)"
                            r"(?<!\bby)(?<!\babout)(?<!\bdo)(?<!\bdoes)(?<!\bdid)(?<!\bis)(?<!\bwas)(?<!\bare)"
                            r"(?<!\bwere)(?<!\bhas)(?<!\bhad)(?<!\bhave)(?<!\band)(?<!\bor)(?<!\bbut)(?<!\blike)"
                            r"(?<!\bthan)(?<!\bunder)(?<!\binto)(?<!\bover)(?<!\ball)(?<!\bboth)"
                            r"\s+that(?=\s+[a-z])")


# The asked thing named by its kind ("which country", "what organisations"): a later "its" or
# "their" may be its own.
_KIND = r"(?:countr|government|organi[sz]ation|institution|agenc|donor|funder|partner|scheme|programme|fund|bod|" \
        r"network|initiative|state|nation|ministr|board)"
_ASKED_HEAD = re.compile(r"\b(?:which|what)\s+(?:(?!" + _KIND + r"(?:y|ies|s)?\b)[a-z-]+\s+)?(?:(?P<one>" + _KIND + r"(?:y|)(?<!countr)(?<!agenc)"
                         r"(?<!bod)(?<!ministr))|" + _KIND + r"(?:ies|s))\b", re.I)


# An opening phrase whose possessive is the asked thing's, named just after the comma ("Going by
# their country entries, which of the Europe and Central Asia countries ...?"): it points forward.
_FORWARD_HEAD = re.compile(r"[^,;:?]*,\s*(?:(?:in|of|among|for)\s+)?(?:which|what)\b(?:\s+[\w'’-]+){0,7}?\s+"
                           + _KIND + r"(?P<many>ies|s)?\b", re.I)


def _points_forward(text: str, m: re.Match) -> bool:
    """Is the possessive at m in an opening phrase, owned by the asked noun after its comma (of the
    number the possessive agrees with)?"""
    head = _FORWARD_HEAD.match(text, m.end())
    if head is None or m.group(0).lower() not in ("its", "their"):
        return False
    return (m.group(0).lower() == "their") == bool(head.group("many"))


def _refers_back(text: str) -> bool:
    text = _RELATIVE_THAT.sub(" ", text)
    if _ANAPHOR.search(text):
        return True
    m = _PRONOUN.search(text)
    while m is not None and _points_forward(text, m):
        m = _PRONOUN.search(text, m.end())
    head = _ASKED_HEAD.search(text[:m.start()]) if m is not None else None
    if head is not None:
        # "which country decided to update its 2014 assessment": the possessive agreeing with the
        # asked noun is the asked thing's own, not a name in the preamble ("which donors fund its
        # work" still points back)
        own = "its" if head.group("one") else "their"
        while m is not None and m.group(0).lower() == own:
            m = _PRONOUN.search(text, m.end())
    if m is None:
        return False
    # a name the question sets aside ("apart from FAO, ... its working group") is not the referent
    before = text[:m.start()]
    if head is not None:  # "which UN agencies are part of it": a capital in the asked noun phrase names nothing
        before = before[:head.start()] + " " * (head.end() - head.start()) + before[head.end():]
    before = re.sub(_SET_ASIDE_CUE.pattern + r"[^,;:]*", " ", before, flags=re.I)
    return not _NAME_WORD.search(before)
# A clause that continues the one before it (a relative clause, "and ...", "since ..."): it is
# about the same person as the clause it continues.
# ("but" turns from the asker to what is asked: "I don't know whether ..., but in Asia, which ...")
_CONTINUES = re.compile(r"^(?:which|who|whom|whose|where|that|and|or|so|since|as|because|while|although|though)\b",
                        re.I)
# A courtesy ("if it's not too much trouble", "if possible", "when you have a moment"): a condition
# on the asking, not on what is asked; its "it" points at the request, not back at a name.
_COURTESY = re.compile(r"^(?:(?:and|but|so|only)\s+)*(?:(?:it'?s\s+|it’s\s+|this\s+is\s+)?(?:not\s+urgent|no\s+rush|no\s+hurry|"
                       r"no\s+pressure|at\s+your\s+(?:convenience|leisure))\b|"
                       # "not urgent, but ...": a courtesy, not a negation of what is asked
                       r"(?:if|when|whenever)\s+(?:it'?s|it’s|it\s+is|that'?s|that’s|"
                       r"that\s+is|possible|convenient|not\s+too|at\s+all|you\b|time\s+allows))", re.I)
# The reader told what to compute ("If you sum the health protection rows under ...", "when you add
# up ..."): the question's operation, however personal its "you"
OPERATION = re.compile(r"^(?:(?:and|so|now)\s+)?(?:if|when|once)\s+(?:you|we|i)\s+(?:sum|add|combine|total|tally|"
                        r"subtract|deduct|count|compare|group|lump|aggregate)\b", re.I)
# A clause that only asks ("wants to know", "so") says nothing about what is asked.
_ONLY_ASKING = re.compile(r"^(?:(?:so|and|but|then|well|now|ok|okay|please|kindly|wants?|wanted|would|like|to|know|"
                          r"wonder(?:ing)?|ask(?:ing|s|ed)?|tell|me|us|check|curious|compare|see|find)\b\s*)*$", re.I)
# Where the question proper may start: a question word opening a clause, after punctuation, a
# verb of asking, or a hedge ("so: roughly how many", "tell me by roughly what percentage").
_QWORD = r"(?:which|what|who|whom|whose|where|when|how many|how much|how|list|name)\b"
_LEAD = r"(?:(?:so|then|and|but)\s+(?=(?:in|by|to|at|of|for|from|on|with|under)\s))?" \
        r"(?:(?:in|by|to|at|of|for|from|on|with|under)\s+)?(?:(?:so|then|and|but|roughly|approximately|about|exactly|" \
        r"precisely|just|simply)\s+){0,2}"
# A verb of asking or telling with its person ("remind me", "somebody asked me", "let us know")
# hands over to the question proper as "tell me" does.
_TELL = r"(?:tell|remind|show|ask(?:ed|s)?|let|inform|advise|help|wonders?|wondered)\s+(?:me|us|him|her|them)(?:\s+know)?"
_START = re.compile(r"(?:^|[,;:(]\s*|\s[-–—]\s+|(?<=[A-Za-z0-9)]{2}[.!?])\s+(?-i:(?=[A-Z]))|\b(?:know|" + _TELL + r"|wondering|whether you could tell me|"
                    r"find out|learn|confirm|clarify|check|curious|ask(?:ing)?|(?:could|would|can|will)\s+you"
                    r"(?:\s+(?:please|kindly))?(?:\s+(?:tell|say|list|name|show|remind)\s+(?:me|us))?|please|kindly)\s+)"
                    r"(?=" + _LEAD + _QWORD + ")", re.I)
# Clause breaks inside a preamble.
# ("..., what was the name of ..." after a comma asks; "what" opens no relative clause on a noun)
_RELATIVE = re.compile(r"^(?:(?:in|by|to|at|of|for|from|on|with|under)\s+)?(?:which|who|whom|where)\s+"
                       r"(?:the|a|an|its|their|this|these|those|it|they|we|i|you|he|she|is|was|has|had|used|covers?|"
                       r"works?|follows?)\b", re.I)
_BREAK = re.compile(r"[,;:()]|\s[-–—]\s")
# Clause and sentence breaks after the question proper ("No. 102" and "S.p.A." are no sentence end).
_TRAIL_BREAK = re.compile(r"\s*(?:[,;:]|(?<=[a-z]{2}[?.!])(?=\s+[A-Z])|\?|\s[-–—])\s*")
_OPENER = re.compile(r"^\s*(?:" + _LEAD + _QWORD + r"|(?:is|are|was|were|do|does|did|has|have|can|could|list|name|"
                     r"give)\b)", re.I)
_PAREN = re.compile(r"\(([^()]*)\)")
# A hedge after the question proper ("..., if any", "if the report says anything about it at
# all", "as far as the report goes"): a condition on the answer's existence, not on what is asked.
_TRAIL_HEDGE = re.compile(r"^(?:(?:and|or|but)\s+)?(?:if\s+(?:any(?:thing)?|at\s+all|so|there\s+(?:is|are|were|was)\s+any|"
                          r"applicable|possible|relevant|known|available|ever|the\s+(?:report|document|text)\b|"
                          r"it\s+(?:does|did|is|was|says|mentions|exists)\b)|as\s+far\s+as\s+(?:the\s+(?:report|document)|"
                          r"(?:is\s+)?known|it\s+goes|that\s+goes)|in\s*so\s*far\s+as|to\s+the\s+extent|"
                          # "..., at least the ones it names": the answer's completeness, not a condition
                          r"at\s+least\s+(?:the\s+ones|those|as\s+far\s+as|according\s+to\s+the\s+report))", re.I)
# A name the linker may not know: a capitalised word or acronym after the clause's first word (not
# "I"), or a figure.  A trailing hedge that holds one may restrict what is asked ("if Kenya is
# included") and stays.
NAMEISH = re.compile(r"(?<=\s)(?!I\b|I['’])[A-Z][\w'’-]*|\d")
# A verb of asking and its person at the end of the asker's clause ("can you tell me", "I was
# wondering"): what follows it in the same clause ("... tell me according to Table 8, what ...")
# belongs to the question proper.
_ASKING_VERB = re.compile(r"\b(?:(?:tell|remind|show|ask|let)\s+(?:me|us)(?:\s+know)?|wonder(?:ing|ed)?|"
                          r"(?:to|like\s+to|want\s+to|wanted\s+to|need\s+to)\s+(?:know|check|confirm)|curious)\b", re.I)
# What may follow it and still be part of what is asked: a phrase that scopes the question.
_SCOPE = re.compile(r"^(?:according\s+to|in|of|among|amongst|across|from|within|under|for|based\s+on|looking\s+at)\s+"
                    r"(?!(?:me|us|you|my|our|your)\b)", re.I)
# A demonstrative on a noun of what the report's answers are ("in that country", "those donors"):
# a clause holding one points back at a thing named before it.
_POINTS_AT = re.compile(r"\b(?:that|this|these|those|the\s+same)\s+(?:[\w-]+\s+)?(?:countr(?:y|ies)|regions?|"
                        r"organi[sz]ations?|funders?|donors?|partners?|schemes?|programmes?|initiatives?|places?)\b", re.I)
# A connective left in front of the question proper ("..., but where did ...").
_LEADING_JOIN = re.compile(r"^(?:(?:so|but|and|then)\s+)+(?=\w)", re.I)


# A preamble clause that sets a topic aside ("setting aside the question of funding", "leaving the
# money side aside", "quite apart from the health-insurance work that ..."): it says what is *not*
# asked, and its words ("funding", "Africa") are no relation or filter of what is.  A name set aside
# ("apart from Kenya, which ...") is an exclusion the engine reads (app.qa.constraints.exclusion), and stays.
_SETS_ASIDE = re.compile(r"^(?:(?:and|but|so|quite|just|also|while)\s+)*(?:"
                         r"(?:setting|leaving|putting|laying|keeping)\s+(?:aside|to\s+one\s+side)\s+(?P<obj>.+)|"
                         r"(?:apart|aside)\s+from\s+(?P<obj2>.+)|(?:ignoring|not\s+counting|leaving\s+out|"
                         r"without\s+going\s+into|regardless\s+of)\s+(?P<obj3>.+)|"
                         r"(?:setting|leaving|putting|laying)\s+(?P<obj4>.{1,60}?)\s+(?:aside|to\s+one\s+side)"
                         r"(?:\s+for\s+(?:a|the)\s+(?:moment|minute|time\s+being|now))?)\s*$", re.I)
# A clause that goes on with a new frame or scope, not with the list of what was set aside.
_NEW_FRAME = re.compile(r"^(?:(?:and|but|so|then|also)\s+)*(?:thinking|looking|considering|focusing|focus|turning|"
                        r"regarding|for|in|within|among|amongst|of|from|across|with|according|based|under|only|just|"
                        r"setting|leaving|putting|laying|apart|aside|ignoring|not|which|what|who|where|when|how)\b", re.I)


# A discourse marker that frames the asking, not what is asked ("going back a bit in time", "just out
# of interest", "on a related note", "as a follow-up", "quick question"): it names nothing.
_DISCOURSE = re.compile(r"^(?:(?:and|but|so|now|also|just|ok|okay|well)\s+)*(?:"
                        r"(?:going|looking|thinking|stepping|casting\s+my\s+mind)\s+back(?:\s+(?:a\s+(?:bit|little|while)|"
                        r"briefly|for\s+a\s+moment))?(?:\s+in\s+time)?|"
                        r"(?:out\s+of|for)\s+(?:interest|curiosity)|(?:purely\s+)?out\s+of\s+(?:interest|curiosity)|"
                        r"on\s+a\s+(?:related|different|separate|similar|lighter)\s+note|as\s+a\s+follow[- ]up|"
                        r"by\s+the\s+way|incidentally|for\s+what\s+it'?s\s+worth|(?:a\s+)?quick\s+(?:one|question|check)|"
                        r"one\s+more\s+(?:thing|question)|another\s+(?:thing|question)|broadly\s+speaking|"
                        r"generally\s+speaking|in\s+short|in\s+a\s+nutshell)\s*[.!]?$", re.I)


def sets_topic_aside(clause: str) -> bool:
    """Does the clause set a topic aside (no name at the head of what it sets aside)?"""
    m = _SETS_ASIDE.match(clause.strip())
    if m is None:
        return False
    obj = next(g for g in (m["obj"], m["obj2"], m["obj3"], m["obj4"]) if g)
    head = " ".join(obj.split()[:4])
    return not NAMEISH.search(" " + head)


@dataclass
class Reduced:
    """A question without its personal asides, and what was dropped (for the path)."""

    question: str
    dropped: list[str]
    # The question proper refers back to the asides by a pronoun only ("... I know Morocco ratified
    # C102 in 2019, in which year was its framework law adopted?"): ``question`` is then the reduced
    # text, pronoun and all, for :mod:`app.qa.form.coreference` to fill in; without it nothing was dropped.
    pronoun: bool = False


def _core_start(q: str, strict: bool = True) -> int | None:
    """Where the question proper starts: a clause-opening interrogative with no personal word
    after it (the asker's "I was wondering" ends before it; with ``strict`` off, only in its own
    first clause, for a question followed by a remark).  One right after a verb of asking or a
    colon ("I'd like to know which ...") is preferred to one after a comma, which may open a
    relative clause ("a colleague, who covers the Americas, ..."): of those, the last is taken;
    "which the report mentions" (a determiner or pronoun next) is always a relative clause."""
    weak = None
    for m in _START.finditer(q):
        if m.end() == 0:
            return None  # the question opens on its question word: no preamble
        rest = _PAREN.sub(" ", q[m.end():])
        if not strict:
            rest = _TRAIL_BREAK.split(rest, maxsplit=1)[0]
        if _PERSONAL.search(rest):
            continue
        opener = q[m.start():m.end()]
        if not re.search(r"[,;(]\s*$|^[,;(]", opener) or ":" in opener:
            return m.end()
        # after a comma, the last candidate: an earlier one may be a relative clause going on
        # about the asker's noun ("our office, which handles Kenya, wants to compare: ..., which ...")
        if not _RELATIVE.match(rest) or _picks_from(q[:m.start()]):
            weak = m.end()
    return weak


# "of the countries that ..., which had ...", "among Kenya, Nepal and Ghana, which ...": a set named
# first and picked from; the "which" after it asks, it opens no relative clause.
_PARTITIVE = re.compile(r"^(?:(?:but|so|and)\s+)?(?:of|among|amongst|out\s+of|from)\s+(?!(?:me|us|you|my|our|your)\b)",
                        re.I)


def _picks_from(before: str) -> bool:
    """Does the text since the last colon, semicolon or sentence end hold a clause opening on a
    partitive ("of the countries ...", "among Iraq, Jordan and Lebanon")?"""
    segment = re.split(r"[:;]|(?<=[a-z]{2}[.!?])\s+(?=[A-Z])", before)[-1]
    return any(_PARTITIVE.match(c.strip()) for c in re.split(r",|\s[-–—]\s", segment))


# A restatement after the question proper ("..., i.e. the donors named in India's entry", "..., in other
# words the countries it funds"): the asker says the question again in other words, naming the asked things.  Its words ("named",
# "entry") would be read as a second question; it is dropped when it names nothing the question
# proper does not already name (:func:`_restates`).
_RESTATEMENT = re.compile(r"^(?:i\.\s?e\.?|ie\b|that\s+is(?:\s+to\s+say)?\b|in\s+other\s+words\b|put\s+differently\b|"
                          r"or\s+rather\b|to\s+put\s+it\s+(?:another|differently)\b)", re.I)


def _restates(clause: str, kept: str) -> bool:
    """Is the trailing clause a restatement whose names (capitalised words, figures) the question
    proper already writes?"""
    m = _RESTATEMENT.match(clause)
    negated = re.match(r"\s*,?\s*(?:no|none|not|without)\b", clause[m.end():], re.I) if m else None
    if negated and not re.search(r"\b(?:no|none|not|without|never)\b|n['’]t\b", kept, re.I):
        return False  # "..., i.e. no policy result": a restatement only of a question that already negates
    if not m or not (negated or re.match(r"\s*,?\s*(?:the|those|these|all)\b", clause[m.end():], re.I)):
        # "..., i.e. who financed it?" is the asker's sharper question, "a Result 3, i.e. improving
        # operations" glosses a name: only a restatement of the asked things ("the donors ...") says it again
        return False
    said = kept.lower()
    return all(re.sub(r"['’]s$", "", n).lower() in said for n in NAMEISH.findall(clause))


def _without_trailing(core: str) -> tuple[str, list[str]]:
    """The question proper without the remarks about the asker that follow it ("..., since our
    board follows Kenya", "? My colleague thinks ..."): its first clause always stays."""
    asked = core.rstrip().endswith("?")
    core = core.rstrip().rstrip("?")
    parts = _TRAIL_BREAK.split(core)
    seps = _TRAIL_BREAK.findall(core)
    if not _OPENER.match(parts[0]):  # the first clause is no question ("In Lebanon, what ..."): keep all
        return core + ("?" if asked else ""), []
    kept, dropped, personal, restating = parts[0], [], False, False
    for sep, clause in zip(seps, parts[1:]):
        c = clause.strip()
        if not c:
            continue
        personal = bool(_PERSONAL.search(c)) or (personal and bool(_CONTINUES.match(c)))
        # a restatement's list goes on past its commas ("i.e. no policy, scheme or operations result")
        restating = (restating and sep.strip() == "," and not _OPENER.match(c)) or _restates(c, kept)
        if personal or THANKS.match(c) or (_TRAIL_HEDGE.match(c) and not NAMEISH.search(c)) or restating:
            dropped.append(c)
        else:
            kept += sep + clause
    if (asked or dropped and "?" in core) and not re.search(r"[?.!]\s*$", kept):
        kept = kept.rstrip(" ,;:-–—") + "?"
    return kept, dropped


def _personal_parens(text: str) -> tuple[str, list[str]]:
    """Parenthesised remarks about the asker ("(our focus is the EU's funding)") removed."""
    dropped = [m.group(0) for m in _PAREN.finditer(text) if _PERSONAL.search(m.group(1))]
    for d in dropped:
        text = text.replace(d, " ")
    return text, dropped


# "This might be in the report somewhere, I can't find it: ...": a preamble opening on "this"/"it"
# and a modal or copula points ahead to the question, not back to anything.
_EXPLETIVE = re.compile(r"^\s*(?:this|it|that)\s+(?:might|may|could|should|must|will|would|is|was|seems?)\b", re.I)


def _pronoun_only(text: str) -> bool:
    """Does the text refer back by a pronoun alone ("its", "there"), no anaphoric determiner?"""
    return not _ANAPHOR.search(text) and bool(_PRONOUN.search(text))


def without_asides(question: str, pronouns: bool = False) -> Reduced:
    """The question with the personal clauses of its preamble and its personal parentheses dropped.
    With ``pronouns``, a question proper that refers back by a pronoun alone is still returned
    reduced, marked ``pronoun`` (the caller fills in the referent or ignores it)."""
    sentences = asking_sentence(question)
    if sentences.dropped:  # "Hi there. I'm reading the report for a proposal. Where did ...?"
        return _with_sentences_dropped(question, sentences.dropped, without_asides(sentences.question, pronouns),
                                       pronouns)
    q, dropped = _personal_parens(question)
    start = _core_start(q)
    if start is None:
        start = _core_start(q, strict=False)
    if start is None:
        core, trail = _without_trailing(q)
        dropped += trail
        if dropped and _refers_back(core) and pronouns and _pronoun_only(core):
            return Reduced(" ".join(core.split()), dropped, pronoun=True)
        if not dropped or _refers_back(core):
            return Reduced(question, [])
        return Reduced(" ".join(core.split()), dropped)
    pre, core = q[:start], _LEADING_JOIN.sub("", q[start:])
    core, trail = _without_trailing(core)
    dropped += trail
    kept: list[str] = []
    pos, personal, aside = 0, False, False
    # "Portugal's ministry backed Cabo Verde's bid, but in which countries does Portugal fund ...":
    # a statement the question proper turns from with "but" is its context, not its scope
    contrast = bool(re.match(r"\s*but\b", q[start:], re.I))
    opened_by_dash = False
    for m in list(_BREAK.finditer(pre)) + [None]:
        end = m.start() if m else len(pre)
        clause = pre[pos:end].strip()
        pos = m.end() if m else len(pre)
        # "I'm cross-checking two lists - the pathfinders of X and the priority countries of Y -
        # which ...": a phrase between dashes after the asker's clause says what the asker's noun is
        between_dashes = opened_by_dash and m is not None and m.group(0).strip() in "-–—"
        opened_by_dash = m is not None and m.group(0).strip() in "-–—"
        if not clause:
            continue
        if personal and between_dashes and not _NEW_FRAME.match(clause):
            dropped.append(clause)
            continue
        # a topic set aside, and the list that goes on from it ("leaving aside every foreign donor,
        # the EU and the UN funds alike"): what is not asked
        aside = sets_topic_aside(clause) or (aside and not _NEW_FRAME.match(clause) and not _PERSONAL.search(clause))
        turned_from = contrast and not pre[pos:].strip(" ,;:()-–—") and not _NEW_FRAME.match(clause)
        if aside or turned_from or _DISCOURSE.match(clause):
            dropped.append(clause)
            continue
        # a clause going on from the asker's ("so in that country") that points back is kept: the
        # question proper needs what it points at
        if OPERATION.match(clause):  # "if you sum the rows under A, B and C": what to compute, not the asker
            kept.append(clause)
            personal = False
            continue
        personal = bool(_PERSONAL.search(clause)) or (personal and bool(_CONTINUES.match(clause))
                                                       and not _POINTS_AT.search(clause))
        if personal or _COURTESY.match(clause):
            dropped.append(clause)
            last = not pre[pos:].strip(" ,;:()-–—")  # the clause right before the question proper
            scope = _scope_after_asking(clause) if personal and last else None
            if scope:  # "can you tell me according to Table 8, what ...": the scope is asked
                kept.append(scope)
        elif not _ONLY_ASKING.match(clause):
            kept.append(clause)
    if not dropped:
        return Reduced(question, [])
    head = _LEADING_JOIN.sub("", ", ".join(c for c in kept if re.search(r"\w", c)))
    text = f"{head}, {core}" if head else core
    text = " ".join(text.split())
    if _refers_back(_EXPLETIVE.sub(" ", head) + " " + core):
        if pronouns and _pronoun_only(head + " " + core):
            return Reduced(text[:1].upper() + text[1:], dropped, pronoun=True)
        return Reduced(question, [])  # "in that region", "there": the asides are needed
    return Reduced(text[:1].upper() + text[1:], dropped)


def _scope_after_asking(clause: str) -> str | None:
    """The scoping phrase after the asker's verb of asking at the end of a clause ("I was wondering
    of the countries covered by ...", "can you tell me according to Table 8"), or None."""
    last = None
    for last in _ASKING_VERB.finditer(clause):
        pass
    if last is None:
        return None
    rest = clause[last.end():].strip()
    if not rest or _PERSONAL.search(rest) or not _SCOPE.match(rest):
        return None
    return rest


def _with_sentences_dropped(question: str, sentences: list[str], inner: Reduced, pronouns: bool) -> Reduced:
    """The asking sentence read by :func:`without_asides`, with the sentences about the asker
    before and after it dropped too; a pronoun or anaphor pointing back into them keeps the
    question whole unless ``pronouns`` lets the caller fill it in."""
    dropped = sentences + inner.dropped
    if inner.pronoun:
        return Reduced(inner.question, dropped, pronoun=True)
    if _refers_back(inner.question):
        if pronouns and _pronoun_only(inner.question):
            return Reduced(inner.question, dropped, pronoun=True)
        return Reduced(question, [])
    return Reduced(inner.question, dropped)


def _set_aside_clauses(dropped: list[str]) -> list[str]:
    """The dropped clauses that set a topic aside or only frame the asking, and the list going on
    from one (as :func:`without_asides` reads them): never the asker's own clause."""
    out, aside = [], False
    for d in dropped:
        aside = sets_topic_aside(d) or bool(_DISCOURSE.match(d)) or (
            aside and not _NEW_FRAME.match(d) and not _PERSONAL.search(d))
        if aside:
            out.append(d)
    return out


# A question proper that only points back at what came before it ("... - which ones does the
# report mention?", "which are they?"): what it asks is all in the part before.
ONLY_POINTS_BACK = re.compile(r"^\W*(?:so\s+|and\s+)?(?:which|what)\s+(?:ones?|of\s+(?:them|these|those)|(?:are|were)\s+(?:they|these|those))"
                               r"(?:\s+(?:does|do|did|is|are|was|were)\s+(?:the\s+(?:annual\s+)?report|it|they)\s+"
                               r"(?:mention|list|name|cite|say|give|show|include|cover|describe)\w*(?:\s+(?:there|then))?)?\W*$", re.I)


def keeps_subject(full_links: list, reduced_links: list, author_ids: set[str], question: str = "",
                  dropped: list[str] = (), reduced_question: str = "") -> bool:
    """Dropping the asides is safe when the question proper still names something (beyond the
    report's author) or the asides named nothing, and it asks something of its own (not only
    "which ones does the report mention?").  A name inside a dropped clause that sets a topic
    aside (``dropped`` found in ``question``), or inside a statement sentence set apart as context,
    is never the subject the question proper leaves unnamed."""
    if ONLY_POINTS_BACK.match(reduced_question):
        return False
    not_subject = [(i, i + len(d)) for d in _set_aside_clauses(dropped) + [d for d in dropped if is_context_statement(d)]
                   for i in [question.find(d)] if i >= 0]
    own = [l for l in reduced_links if not set(l.ids) <= author_ids]
    theirs = [l for l in full_links if not set(l.ids) <= author_ids
              and not any(s <= l.start and l.end <= e for s, e in not_subject)]
    return bool(own) or not theirs
