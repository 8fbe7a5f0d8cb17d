"""A wordy question's pronoun filled in from the asker's aside.

"Because we're updating a legal database, and I know Morocco ratified C102 in 2019, in which year
was its framework law adopted?" asks about Morocco's law; the aside also says what the asker
already knows (a ratification, a year).  Read whole, the aside's relation and year become the
answer (2019); dropped, the question proper loses its subject ("its").  :func:`fill_referent`
puts the one country the dropped asides name in place of the pronoun ("Morocco's framework law"),
so the question proper stands alone and the asker's own knowledge stays out of it.

Only a single country named in the asides is a referent of "there", "its"; an "it" that is a
verb's object ("which countries ratified it?") is the single convention, initiative, scheme or
publication the asides name (:func:`fill_object`).  With none or several the question is read
whole, as before.  Ordinary English only: pronouns.
"""
from __future__ import annotations

import re

from app.qa.form.asides import THE_COUNTRY, Reduced

# pronoun -> how the referent replaces it ("there" is a place: "in Morocco")
# Only a place ("there") or a possessor ("its", "their") is a country; "it"/"they" is as often the
# thing asked about ("the report that assesses ...; what is it called?").
# "the country" (see :data:`app.qa.form.asides.THE_COUNTRY`) is the named country itself.
_FORMS = (("there", "in {n}"), ("its", "{n}'s"), ("their", "{n}'s"))
_PRONOUN = re.compile(r"\b(" + "|".join(p for p, _ in _FORMS) + r")\b|(" + THE_COUNTRY + ")", re.I)


# "...; what is its title?": the name of the thing the asides describe, not of their country.
_ITS_NAME = re.compile(r"\bits\s+((?:full\s+|official\s+|exact\s+)?(?:title|name))\b", re.I)
# A thing described by a noun phrase ("the joint policy paper the ILO did with ... in Iraq").
_THING_PHRASE = re.compile(r"\b(?:the|a|an|one|that|this)\s+(?:[\w'’-]+\s+){0,4}?(?:paper|report|study|brief|publication|"
                           r"guide|note|scheme|programme|program|pilot|law|act|decree|bill|strategy|policy|project|"
                           r"initiative|network|tool|toolkit|course|bulletin|portal|platform|fund|benefit|allowance|grant)s?\b.*$",
                           re.I)


def fill_thing_name(reduced: Reduced) -> str | None:
    """"My supervisor asked me to dig up the joint policy paper the ILO did with the IMF on pensions
    in Iraq; what is its title?": "its title" is the title of the thing the last aside describes
    (a paper, a scheme, a law), so it is written in ("what is the title of the joint policy paper
    ..."); None when no aside describes a thing."""
    m = _ITS_NAME.search(reduced.question)
    if m is None:
        return None
    for clause in reversed(reduced.dropped):
        t = _THING_PHRASE.search(clause)
        if t:
            phrase = t.group(0).strip().rstrip(".,;:!?-–— ")
            return f"{reduced.question[:m.start()]}the {m.group(1)} of {phrase}{reduced.question[m.end():]}"
    return None


# "there" as a place ("launched there"), not the existential "is there", "there are".
_LOCATIVE_THERE = re.compile(r"(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)\bthere\b"
                             r"(?!\s+(?:is|are|was|were|has|have|had|be|been|seems?|appears?|exists?|remains?)\b)", re.I)


def fill_place(reduced: Reduced, analyse) -> str | None:
    """"I'm reading up on workplace accidents in Bangladesh - what is the pilot the ILO and GIZ
    launched there in 2022 called?": the question proper names organisations before "there", so it
    was not taken to point back (:func:`app.qa.form.asides.without_asides`), yet an organisation is
    no place: "there" is the one country the dropped asides name.  Written in ("launched in
    Bangladesh") when the question proper names no country itself; None otherwise."""
    if not reduced.dropped:
        return None
    m = _LOCATIVE_THERE.search(reduced.question)
    if m is None or any(l.type in ("Country", "Region") for l in analyse(reduced.question).links):
        return None
    named: dict[str, str] = {}
    for clause in reduced.dropped:
        for l in analyse(clause).links:
            if l.type == "Country":
                named.setdefault(l.ids[0], clause[l.start:l.end])
    if len(named) != 1:
        return None
    return reduced.question[:m.start()] + "in " + next(iter(named.values())) + reduced.question[m.end():]


def fill_referent(reduced: Reduced, analyse) -> str | None:
    """The reduced question with its first pronoun replaced by the single country its dropped
    asides name, or None.  ``analyse(text)`` links names in a text (an Analysis with ``links``).
    "Its title" / "its name" is the thing's the asides describe (:func:`fill_thing_name`)."""
    if not reduced.pronoun:
        return None
    thing = fill_thing_name(reduced)
    if thing is not None:
        return thing
    named: dict[str, str] = {}
    for clause in reduced.dropped:
        a = analyse(clause)
        for l in a.links:
            if l.type == "Country":
                named.setdefault(l.ids[0], clause[l.start:l.end])
    if len(named) != 1:
        return None
    name = next(iter(named.values()))
    m = _PRONOUN.search(reduced.question)
    if m is None or re.search(r"\b(?:it|they|them)\b", reduced.question, re.I):
        return None
    form = dict(_FORMS)[m.group(1).lower()] if m.group(1) else "{n}"
    return reduced.question[:m.start()] + form.format(n=name) + reduced.question[m.end():]


# "ratified it", "joined it": "it" as the object of a verb is the thing the asides named, not the
# thing asked about.  Verbs whose object is a treaty take a convention first (general English).
_OBJECT_IT = re.compile(r"\b(?!(?:is|was|are|were|be|been|being|do|does|did|has|have|had|will|would|can|could|should|shall|"
                        r"may|might|must|about|of|on|in|for|with|to|from|by|at|call|calls|called|name|names|named)\b)"
                        r"(?P<verb>[a-z]+(?:ed|es|s)?|ratify|join|sign|adopt|endorse|fund|finance|host|launch|support)\s+"
                        r"(?P<it>it)\b(?!\s+(?:is|was|has|had|does|did)\b)", re.I)
# "which agencies are part of it", "take part in it", "belong to it": "it" after a phrase of
# membership is the body the asides named, as after a verb
_MEMBER_OF_IT = re.compile(r"\b(?P<verb>part\s+of|part\s+in|members?\s+of|participat\w*\s+in|belong\w*\s+to|involved\s+in|"
                           r"sit\w*\s+on|represented\s+in)\s+(?P<it>it)\b", re.I)
# "There is a Technical Support Facility for the Global Accelerator": the thing a sentence
# introduces is what a later "it" refers back to when the asides name several
_INTRODUCED = re.compile(r"\bthere\s+(?:is|are|was|were)\s+(?:also\s+)?(?:a|an|the|one)?\s*$", re.I)
_TREATY_VERB = re.compile(r"^(?:ratif|accede|acced|sign|denounc)", re.I)
_THINGS = ("Convention", "LegalInstrument", "Initiative", "Scheme", "Publication")
_TREATIES = ("Convention", "LegalInstrument")


def fill_object(reduced: Reduced, analyse) -> str | None:
    """The reduced question with an object "it" ("which countries ratified it in 2022?") replaced
    by the one thing its dropped asides name ("... tracks Convention No. 102 closely."), or None.
    A verb of treaties takes the one convention named; any other verb the one named thing of any
    kind; with none or several the question is read whole, as before."""
    if not reduced.pronoun or not reduced.dropped:
        return None
    m = _OBJECT_IT.search(reduced.question) or _MEMBER_OF_IT.search(reduced.question)
    if m is None or len(re.findall(r"\b(?:it|its|they|them|their)\b", reduced.question, re.I)) != 1:
        return None
    named: dict[str, tuple[str, str]] = {}
    introduced: set[str] = set()
    for clause in reduced.dropped:
        for l in analyse(clause).links:
            if l.type in _THINGS:
                named.setdefault(l.ids[0], (l.type, clause[l.start:l.end]))
                if _INTRODUCED.search(clause[:l.start]):
                    introduced.add(l.ids[0])
    if _TREATY_VERB.match(m["verb"]):
        named = {k: v for k, v in named.items() if v[0] in _TREATIES}
    if len(named) > 1 and len(introduced & set(named)) == 1:
        named = {k: v for k, v in named.items() if k in introduced}
    if len(named) != 1:
        return None
    return reduced.question[:m.start("it")] + next(iter(named.values()))[1] + reduced.question[m.end("it"):]


# "ones" stands for a plural noun said before it ("the EU funds a lot of countries, but which of
# the Arab States ones ..."): the nouns of what the report's answers are.
_ONES = re.compile(r"\bones\b", re.I)
_KIND_NOUN = re.compile(r"\b(countries|organi[sz]ations|donors|funders|partners|agencies|schemes|programmes|programs|"
                        r"initiatives|publications|reports|conventions|members|institutions|networks|projects)\b", re.I)


def fill_ones(reduced: Reduced) -> Reduced:
    """The reduced question with "ones" replaced by the last plural noun of kind its dropped asides
    said ("... but which of the Arab States ones" after "the EU funds a lot of countries"), so the
    question proper asks for that kind on its own; unchanged when none was said."""
    if not reduced.dropped or not _ONES.search(reduced.question):
        return reduced
    nouns = [m.group(1) for clause in reduced.dropped for m in _KIND_NOUN.finditer(clause)]
    if not nouns:
        return reduced
    return Reduced(_ONES.sub(nouns[-1].lower(), reduced.question, count=1), reduced.dropped, reduced.pronoun)


def core_of(question: str, analyse) -> Reduced:
    """:func:`app.qa.form.asides.without_asides`, with a pronoun that refers back to the asides filled in
    when it can be; otherwise the question is kept whole, as without_asides keeps it."""
    from app.qa.form.asides import without_asides

    reduced = fill_ones(without_asides(question, pronouns=True))
    if not reduced.pronoun:
        placed = fill_place(reduced, analyse)
        return Reduced(placed, reduced.dropped) if placed else reduced
    filled = fill_referent(reduced, analyse) or fill_object(reduced, analyse)
    return Reduced(filled, reduced.dropped) if filled else Reduced(question, [])
