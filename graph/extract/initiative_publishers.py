"""Publications an initiative, network or working group published (``publishedBy`` -> Initiative).

The publications extractor finds publishers among organisations.  A piece of work an inter-agency
working group or a network puts out has no organisation behind it: "The SPIAC-B disability
working group launched its Guidance Note: ...", "the group also developed a policy brief on ...",
"a joint guidance note ... was published ahead of COP29" (under the heading of the working group),
"The first progress report of the Global Accelerator was published".  For a publication no
organisation published, the initiative is read from the sentence that presents it:

* an initiative named before the publishing verb (its subject: "The SPIAC-B ... working group");
* else, when the subject only points back ("the group", "the network", "its members") or the verb
  is passive with no agent ("was published"), the initiative the passage's own heading names;
* else an initiative the title names as its owner ("progress report of the Global Accelerator").

Shapes of wording only: the initiatives are those the graph already holds.
"""
from __future__ import annotations

import re

from graph.extract.named import NameIndex
from graph.kb import KnowledgeBase
from graph.model import Document

_VERB = re.compile(r"\b(?:published|launched|released|issued|developed|produced|presented|put out)\b")
_PASSIVE_NO_AGENT = re.compile(r"\b(?:was|were|has been|have been|had been)\s+(?:\w+\s+)?"
                               r"(?:published|launched|released|issued|developed|produced)\b(?![^.;]*\bby\b)")
# a subject that points back to the body the passage is about
_BACK_REFERENCE = re.compile(r"\b(?:the|this|its)\s+(?:working\s+)?(?:group|network|board|alliance|partnership|"
                             r"initiative|task\s+team|members)\b", re.I)
_OWNER_IN_TITLE = re.compile(r"\b(?:report|review|update|strategy|plan)\s+of\s+(?:the\s+)?", re.I)


def _one(found: list[tuple[int, int, str]]) -> str | None:
    ids = list(dict.fromkeys(i for _s, _e, i in found))
    return ids[0] if len(ids) == 1 else None


def _heading_initiative(doc: Document, section_id: str, names: NameIndex) -> str | None:
    """The initiative the innermost heading above the passage names, if it names one."""
    section = doc.section(section_id)
    return _one(names.find(section.title)) if section is not None else None


def publisher(sentence: str, title: str, heading: str | None, names: NameIndex) -> str | None:
    """The initiative that published the titled piece the sentence presents, if the wording says
    one did (``heading``: the initiative the passage's heading names)."""
    at = sentence.find(title[:30]) if title else -1
    verb = _VERB.search(sentence)
    subject = sentence[:verb.start()] if verb and (at < 0 or verb.start() <= at) else ""
    named = _one(names.find(subject)) if subject else None
    if named:
        return named
    if heading and (_BACK_REFERENCE.search(subject) or _PASSIVE_NO_AGENT.search(sentence)):
        return heading
    m = _OWNER_IN_TITLE.search(title)
    return _one(names.find(title[m.end():])) if m else None


def extract(doc: Document, kb: KnowledgeBase) -> None:
    names = NameIndex(kb, ("Initiative",))
    passages = {p.id: p for p in doc.passages}
    for e in list(kb.of_type("Publication")):
        if kb.facts_where(subject=e.id, predicate="publishedBy"):
            continue
        sentence = e.attrs.get("described_by") or ""
        for pid in sorted(e.passages):
            p = passages.get(pid)
            if p is None or (sentence and sentence[:60] not in p.text):
                continue
            heading = _heading_initiative(doc, p.section_id, names)
            found = publisher(sentence or e.label, e.label, heading, names)
            if found:
                kb.add_fact(e.id, "publishedBy", found, [pid], sentence=sentence[:600] or None)
                break
