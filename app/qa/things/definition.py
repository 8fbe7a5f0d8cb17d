"""“What is X?”: the thing named is the answer, explained by the sentence that says what it is.

"What is the Global Accelerator?", "what is the GTAC", "wat is the digital convergance initiative",
"Could you tell me, for a newcomer, what the P4H network actually is?" ask for a definition of one
named thing.  Read as ordinary questions they go wrong: the intent bank matches them to "which
initiatives ..." and the answer is the initiatives *beside* the one named, or a figure of it, or
nothing.  The answer is the named thing itself (typed as what it is: an initiative, an
organisation, a scheme, a publication), with the report's defining sentence ("CONNECT, a network
of public and non-for-profit organizations in Asia working on social health protection") as its
first evidence and in the summary.

:func:`asked_entity` recognises the frame: a definitional opening ("what is / what are / what's /
define / explain / tell me what ... is") whose object is, apart from articles and a kind noun
("network", "scheme"), one linked non-country entity, optionally placed by a country ("the Haba
Haba scheme in Kenya", "Malawi's OPG").  :func:`defining_sentence` picks, among the sentences that
name it, the one whose wording defines (a copula or apposition right after the name, "established
to", "aims to"), preferring the section titled by the name.  A question that names nothing the
graph holds ("What is SOCPRO?" when the report only writes the acronym) is left to the rest of the
engine, which abstains.  Ordinary English only: no name from a report is written here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.qa.things.titles import KIND_WORDS
from typing import Callable, Iterable

from app.qa.question import Analysis, answer_type

# A definitional frame, as an opening or after a clause break; the object is group "obj".
_OPEN = r"(?:^|[:;,.?!]\s*|\b(?:so|but|and|then|please|kindly)\s+)"
_FRAMES = [
    re.compile(_OPEN + r"(?:what|who)\s*(?:'s|\s+is|\s+are|\s+was|\s+were)\s+(?P<obj>.+?)\s*\??\s*$", re.I),
    re.compile(_OPEN + r"(?:can\s+you\s+|could\s+you\s+|please\s+)?(?:define|explain|describe)\s+(?P<obj>.+?)\s*[.?]?\s*$", re.I),
    re.compile(r"\b(?:tell\s+me|explain|know|understand|say)\b[^?:;]{0,80}?\bwhat\s+(?P<obj>.+?)\s+"
               r"(?:(?:actually|really|exactly|basically)\s+)?(?:is|are|was|were|means?|does)\s*[.?]?\s*$", re.I),
    re.compile(_OPEN + r"what\s+does\s+(?P<obj>.+?)\s+(?:mean|do|stand\s+for)\s*\??\s*$", re.I),
]
_NAME_FRAMES = [
    # The name asked of a thing described ("what is the name of the global partnership for
    # universal social protection", "what do they call ...", "... - what's it called?"): when the
    # description links one thing, that thing (by its name) is the answer, as for "what is X?".
    re.compile(_OPEN + r"(?:(?:what|which)\s*(?:'s|\s+is|\s+was)\s+)?(?:the\s+)?(?:full\s+|official\s+|exact\s+|proper\s+)?"
               r"name\s+(?:of|for)\s+(?P<obj>.+?)\s*\??\s*$", re.I),
    re.compile(_OPEN + r"(?:what|how)\s+(?:do|does|did)\s+(?:they|people|you|we|i|the\s+report)\s+call\s+(?P<obj>.+?)\s*\??\s*$",
               re.I),
    re.compile(r"^\s*(?P<obj>.+?)\s*(?:[-–—:,]|\.{3})\s*(?:so\s+)?(?:what(?:'s|\s+is|\s+was)\s+(?:it|its\s+name|this|that)"
               r"(?:\s+(?:called|named))?|(?:its\s+)?name)\s*\??\s*$", re.I),
]
# Words an object may hold besides the name: articles, possessive marks, adverbs of the frame and
# general nouns for kinds of body or programme (plain English).
_FILLER = {
    "the", "a", "an", "this", "that", "so-called", "called", "s", "'s", "exactly", "actually", "really",
    "ilo", "ilo's", "un", "un's", "international", "global", "network", "networks", "scheme", "schemes",
    "programme", "programmes", "program", "programs", "initiative", "initiatives", "fund", "funds",
    "partnership", "report", "board", "committee", "facility", "project", "platform", "coalition",
    "alliance", "group", "working", "body", "mechanism", "tool", "system", "campaign", "in", "of",
}
# Link types that describe a thing rather than name another one, and the glue of a description.
_DESCRIBING = ("ThematicArea", "Region")
_GLUE = {"and", "or", "for", "on", "to", "with", "by", "its", "their", "which", "that", "is", "are", "whose"}
# Words that make a question more than a definition ("what is the total", "what are the funders of").
_NOT_DEFINITION = re.compile(
    r"\b(?:name|names|title|number|total|amount|share|percentage|year|when|how|which|who\s+(?:funds|finances)|"
    r"funders?|donors?|members?|countries|role|status|purpose\s+of\s+the\s+\w+\s+in|difference|relationship|"
    r"between|result|results|budget|cost|figure|many|much|first|last|latest|next)\b", re.I)
_DEFINES = re.compile(
    r"^\W{0,3}(?:\([^)]{1,20}\)\s*)?(?:,\s*(?:a|an)\s|\s*(?:is|are|was)\s+(?:a|an|the|one)\b|\s*has\s+been\s+"
    r"established|\s*was\s+established|\s*(?:aims?|seeks?|works?)\s+to\b|\s*(?:is|are)\s+(?:co-)?(?:led|chaired|"
    r"composed|made\s+up|comprised)|\s*,?\s*compris)", re.I)
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+|$)")
# A described thing whose last word is a kind of publication: its name is a title, not the body named
_ENDS_ON_KIND = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in KIND_WORDS) + r")s?\W*$", re.I)


@dataclass(frozen=True)
class Defined:
    """The entity a definitional question asks about, and the country placing it (if any)."""

    entity_id: str
    place: str | None


def _object_span(question: str, named: bool = False) -> tuple[int, int] | None:
    """Where the object of a definitional frame is written ("the Global Accelerator" in "What is
    the Global Accelerator?"), or None when no frame fits or the object asks more than what it is.
    ``named``: the frames that ask a described thing's name instead."""
    for rx in _NAME_FRAMES if named else _FRAMES:
        m = rx.search(question)
        if m:
            break
    else:
        return None
    return None if _NOT_DEFINITION.search(m.group("obj")) else m.span("obj")


def asked_entity(question: str, links: Iterable, exists: Callable[[str], bool],
                 defines: Callable[[str, str], bool] | None = None) -> Defined | None:
    """The one non-country entity a "what is X?" question asks to define, or None.

    ``links`` are the lexicon's links of ``question`` (``start``, ``end``, ``type``, ``ids``).
    A question asking a described thing's name ("what is the name of the global partnership for
    universal social protection", "the global network of ... - what's it called?") is read the same
    way; its description may go on past the linked words with words that ``defines(id, word)``
    says the report defines that thing with ("... for social health protection and health financing")."""
    links = list(links)
    span = _object_span(question, named=True)
    named = span is not None
    if span is None:
        span = _object_span(question)
    if span is None:
        return None
    s, e = span
    obj = question[s:e]
    inside = [l for l in links if l.start >= s - 1 and l.end <= e + 1]
    if named:  # topics and regions inside a description describe the thing ("... on social health protection")
        inside = [l for l in inside if l.type not in _DESCRIBING]
        if any(re.match(r"['’]s?\b", question[l.end:l.end + 2]) for l in inside):
            return None  # "the name of the Accelerator's fund": the name of something it has
    things = {i for l in inside if l.type != "Country" for i in l.ids if exists(i)}
    places = {i for l in inside if l.type == "Country" for i in l.ids}
    if len(things) != 1 or len(places) > 1:
        return None
    rest = list(obj)
    for l in inside:
        for k in range(max(l.start, s) - s, min(l.end, e) - s):
            rest[k] = " "
    words = re.findall(r"[\w'’+-]+", "".join(rest).lower().replace("’", "'"))
    thing = things.pop()
    if named and _ENDS_ON_KIND.search(obj) and not thing.startswith("Publication:"):
        return None  # "name of the SPIAC-B disability working group guidance note": a publication's name
    if any(w not in _FILLER and not w.isdigit() and not (named and defines and (w in _GLUE or defines(thing, w)))
           for w in words):
        return None
    return Defined(thing, next(iter(places), None))


def absent_object(question: str, links: Iterable, vocab: set[str]) -> str | None:
    """The object of a "what is X?" question when nothing in it is linked and one of its names
    ("Zorblax", "QWXZ") is no word of the report: the report cannot say what it is.  Else None.

    ``vocab``: the report's words, lower case."""
    span = _object_span(question)
    if span is None:
        return None
    s, e = span
    obj = question[s:e]
    if any(l.start < e and l.end > s for l in links):
        return None
    names = [w for w in re.findall(r"[A-Za-z][\w'’-]*", obj) if w[0].isupper() or (w.isupper() and len(w) > 1)]
    missing = [w for w in names if re.sub(r"['’]s?$", "", w.lower()) not in vocab and w.lower() not in _FILLER]
    return obj.strip(" ?.") if missing else None


def defining_sentence(entity_id: str, knowledge) -> tuple[str, int, int] | None:
    """(passage id, start, end) of the sentence that best says what the entity is, or None.

    A sentence scores by whether a name of the entity is followed by defining wording, whether its
    passage sits under a heading that names the entity, and earliness in the report."""
    names = sorted({n for n in knowledge.names(entity_id) if n and len(n) >= 2}, key=len, reverse=True)
    if not names:
        return None
    name_rx = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.I)
    best, best_key = None, None
    for order, pid in enumerate(knowledge.passages_mentioning(entity_id)):
        p = knowledge.passage(pid)
        if p is None or p.kind in ("table", "caption", "financing", "heading"):
            continue
        titled = any(name_rx.search(h) for h in (p.section_path or [])[-2:])
        for sm in _SENTENCE.finditer(p.text):
            sent = sm.group(0)
            if len(sent) < 40:
                continue
            hits = list(name_rx.finditer(sent))
            if not hits:
                continue
            defines = any(_DEFINES.match(sent[h.end():]) for h in hits)
            opens = hits[0].start() < 25
            key = (defines and titled, titled and opens, defines, titled, opens, -order)
            if best_key is None or key > best_key:
                lead = len(sent) - len(sent.lstrip())  # the span starts at the sentence's first word
                best_key, best = key, (pid, sm.start() + lead, sm.start() + len(sent.rstrip()))
    return best


def answer(out: dict, defined: Defined, knowledge, make_answer, make_evidence, types: dict) -> dict:
    """Fill ``out`` with the defined entity as the one answer: its defining sentence first among its
    evidence (highlighted), in the summary and in ``path``.

    ``make_answer(eid, score, evidence)`` and ``make_evidence(pid, names, spans=None)`` are the
    engine's answer and evidence builders; ``types`` maps graph types to answer types."""
    eid = defined.entity_id
    names = knowledge.names(eid)
    found = defining_sentence(eid, knowledge)
    pids = [p for p in knowledge.passages_mentioning(eid) if not found or p != found[0]]
    evidence = ([make_evidence(found[0], names, spans=[(found[1], found[2])])] if found else []) + \
        [make_evidence(pid, names) for pid in pids[:2]]
    d = make_answer(eid, 1.0, evidence)
    ent = knowledge.entity(eid) or {}
    if ent.get("acronym") and ent["acronym"] not in d["label"]:
        d["label"] = f"{d['label']} ({ent['acronym']})"
    said = None
    if found:
        p = knowledge.passage(found[0])
        said = " ".join(p.text[found[1]:found[2]].split())
    why = "the question asks what this is: the thing itself, with the sentence that says what it is" + \
        (f": {said}" if said else "")
    d["path"] = [why]
    kind = eid.split(":", 1)[0]
    out.update(answers=[d], answer_type=types.get(kind, kind), strategy="definition", path=[why])
    out["citations"] = {"1": evidence[0]["passage_id"]} if evidence else {}
    out["answer_text"] = f"{d['label']}: {said} [1]" if said else f"{d['label']} [1]" if evidence else d["label"]
    return out


# --- The same question read after the engine's reading (asides dropped, spelling fixed) -------
# "tell me about the Haba Haba scheme", "what does the OPG do", and "is there a report on <title>":
# a question that names one scheme, initiative, convention, project or publication and asks for
# nothing else.  The template guess reached for the one relation the graph holds for it and
# answered its country ("what is the OPG" -> Malawi); the answer a reader expects is the thing
# itself.  The question qualifies only when, once its opener, the linked name, a country the thing
# is placed in, articles, kind nouns and punctuation are taken away, nothing is left: "what is the
# OPG's monthly benefit" asks something else and is left alone.

# the kinds of named thing a definition question asks about (a country or organisation is asked
# about by its relations: "what is Kenya" is not a question this report answers by a definition)
_DEFINED = ("Scheme", "Initiative", "LegalInstrument", "Project", "Publication")
_OPENER = re.compile(r"^\s*(?:(?:so|and|ok|okay|please)[,\s]+)?(?:what\s+(?:exactly\s+|precisely\s+)?(?:is|was|are|were)|what['’]s|"
                     r"tell\s+me\s+(?:more\s+)?about|describe|explain|define|who\s+(?:is|are)|"
                     r"what\s+(?:does|did|do))\b", re.I)
_LEFTOVER = re.compile(r"\b(?:the|a|an|its|this|that|in|of|exactly|briefly|actually|called|known\s+as|"
                       r"do|does|did|doing|for|scheme|programme|program|initiative|network|convention|"
                       r"recommendation|project|fund|system|allowance|grant|benefit|partnership|report)\b|['’]s\b|"
                       r"[?.!,;:'\"()\-–—]", re.I)


# "is there a report on ...", "does the report mention a scheme called ...": the thing is asked for
_EXISTS = re.compile(r"^\s*(?:is\s+there|are\s+there|was\s+there|were\s+there|does\s+the\s+report\s+"
                     r"(?:mention|include|list|cite|name|have)|do\s+you\s+have)\b", re.I)
# the graph type a stated answer type is held as
_HELD_AS = {"Publication": "Publication", "Scheme": "Scheme", "Initiative": "Initiative", "Convention": "LegalInstrument"}


def existing_entity(a: Analysis) -> str | None:
    """'Is there a report on fiscal space for social protection in Timor-Leste?': the one named
    thing of the asked kind the question links, answered as itself (not its country); else None."""
    if not _EXISTS.match(a.question):
        return None
    held = _HELD_AS.get(answer_type(a.question))
    ids = list(dict.fromkeys(i for l in a.links for i in l.ids if held and i.startswith(held + ":")))
    return ids[0] if len(ids) == 1 else None


def defined_entity(a: Analysis) -> str | None:
    """The id of the one named thing a definition question asks about (or whose existence it asks
    about, :func:`existing_entity`), else None."""
    if _EXISTS.match(a.question):
        return existing_entity(a)
    m = _OPENER.match(a.question)
    if not m:
        return None
    named = [l for l in a.links if l.start >= m.end() and l.type in _DEFINED]
    if len({i for l in named for i in l.ids if i.split(":", 1)[0] in _DEFINED}) != 1:
        return None
    rest = a.question[m.end():]
    for l in sorted(a.links, key=lambda l: -l.start):
        if l.start >= m.end() and (l in named or l.type == "Country"):
            rest = rest[:l.start - m.end()] + " " + rest[l.end - m.end():]
    if _LEFTOVER.sub(" ", rest).strip():
        return None
    return next(i for l in named for i in l.ids if i.split(":", 1)[0] in _DEFINED)
