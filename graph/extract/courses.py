"""Courses named by their title: an online course is a publication of kind "online course", with
the bodies it was produced with as its publishers.

Why: a report presents its learning products the way it presents a guide ("The massive open online
course (MOOC) Making Universal Social Protection a Reality is a resource for ..."), and readers
ask for them as publications ("what's the name of the online course on social protection", "who
produced the MOOC with the ILO").  The publication extractor skips everything after the word
"course" (a training course is an event), so a course needs its own shape: a determiner, a course
noun (optionally its acronym in brackets) and a capitalised title of three words or more, followed
by a verb or a comma.  Its producers are read from a later sentence of the same paragraph that
refers to it (by its acronym or as "the course") and says it "was produced / developed / designed
in partnership / collaboration with A and B".  Who paid for it is read from the same sentence ("...
thanks to the support of Belgium", "funded by A") as the course's funders (``fundedBy``): "which
donor supported the MOOC" is asked as often as who made it.  (The course's acronym stays an
attribute, not a name: as a name it linked "who made the mooc" to the course and away from the
sentence that answers it.)
"""
from __future__ import annotations

import re

from graph.extract.funding import resolve_funder
from graph.extract.initiatives import _party_list
from graph.extract.instruments import resolve_org, sentences

KIND = "online course"
_COURSE_NOUN = (r"(?P<noun>(?:massive\s+open\s+)?(?:online|e-?learning|self-paced|distance[\s-]learning|virtual)\s+course"
                r"|MOOC)")
_CAP = r"[A-Z][\w'’\-]*"
_TITLE = _CAP + r"(?:\s+(?:(?:of|on|for|and|in|to|with|a|an|the)\s+)*" + _CAP + r")*"
NAMED_COURSE = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Aa]n?)\s+(?:new\s+|free\s+|global\s+)*" + _COURSE_NOUN
                          + r"(?:\s*\((?P<acr>[A-Z]{2,8})\))?\s+(?P<title>" + _TITLE + r")"
                          r"(?=\s+(?:is|was|has|had|offers|provides|aims|which|that)\b|\s*[,;(])")
_PRODUCED_WITH = re.compile(r"\b(?:produced|developed|designed|created|launched|delivered)\s+(?:\w+\s+){0,2}"
                            r"(?:in\s+(?:partnership|collaboration|cooperation)|jointly|together)\s+with\s+"
                            r"(?P<list>[^.;]+?)(?=\s+(?:thanks\s+to|with\s+(?:the\s+)?(?:support|funding)|through|under|"
                            r"for|to\s+\w+|and\s+is|and\s+was)\b|[.;]|$)")


def named_courses(text: str) -> list[tuple[str, str | None, int]]:
    """(title, acronym, end offset) of every course a text names by its title."""
    out = []
    for m in NAMED_COURSE.finditer(text):
        title = m.group("title").strip()
        if len(title.split()) >= 3 and not title.isupper():
            out.append((title, m.group("acr") or (m.group("noun") if m.group("noun").isupper() else None), m.end()))
    return out


# "thanks to the support of Belgium", "with financial support from A and B", "funded by A"
_PAID_BY = re.compile(r"\b(?:thanks\s+to|with)\s+(?:the\s+)?(?:generous\s+)?(?:financial\s+)?(?:support|funding|contributions?)\s+"
                      r"(?:of|from)\s+(?P<list>[^.;]+?)(?=[.;]|$|,\s+(?:which|and\s+(?:is|was|has))\b)|"
                      r"\b(?:funded|financed|sponsored)\s+by\s+(?P<list2>[^.;]+?)(?=[.;]|$|,\s+(?:which|and)\b)")


def funders(text: str, refs: list[str]) -> list[str]:
    """The funders a sentence of ``text`` that refers to the course says paid for it."""
    out: list[str] = []
    ref = re.compile(r"\b(?:" + "|".join(re.escape(r) for r in refs if r) + r")\b", re.I)
    for _, _, sent in sentences(text):
        if not ref.search(sent):
            continue
        for m in _PAID_BY.finditer(sent):
            for name in _party_list((m.group("list") or m.group("list2")).strip()):
                if len(name) >= 3:
                    out.append(name)
    return list(dict.fromkeys(out))


_NAME_ACRONYM = re.compile(r"^(?P<name>.+?)\s*\((?P<acr>[A-Z][A-Za-z0-9&]{1,9})\)$")


def producers(text: str, refs: list[str]) -> list[tuple[str, str | None]]:
    """(name, acronym) of the bodies a sentence of ``text`` that refers to the course (``refs``:
    its acronym, "course") says it was produced with ("the French National School of Social
    Security (EN3S)" is the name and its acronym)."""
    out: list[tuple[str, str | None]] = []
    ref = re.compile(r"\b(?:" + "|".join(re.escape(r) for r in refs if r) + r")\b", re.I)
    for _, _, sent in sentences(text):
        if not ref.search(sent):
            continue
        for m in _PRODUCED_WITH.finditer(sent):
            for name in _party_list(m.group("list").strip()):
                na = _NAME_ACRONYM.match(name)
                if len(name) >= 3:
                    out.append((na.group("name"), na.group("acr")) if na else (name, None))
    return list(dict.fromkeys(out))


def extract(doc, pubs) -> None:
    """Add every named course to the publications (``pubs`` is the publication extractor's
    collector, so titles, keys and publishers are handled as for any publication)."""
    for p in doc.passages:
        if p.kind not in ("paragraph", "list_item"):
            continue
        for title, acronym, end in named_courses(p.text):
            sent = next((s for a, b, s in sentences(p.text) if a <= end <= b + 1), "")
            makers = producers(p.text, [acronym or "", "course"])
            e = pubs.add(title, p.id, series=KIND, publishers=[name for name, _ in makers], sentence=sent)
            if e is None:
                continue
            if acronym:
                e.attrs.setdefault("course_acronym", acronym)
            for name in funders(p.text, [acronym or "", "course"]):
                donor = resolve_funder(pubs.kb, name, p.id, None)
                line = next((s for _a, _b, s in sentences(p.text) if name in s), sent).strip()[:600]
                pubs.kb.add_fact(e.id, "fundedBy", donor.id, [p.id], kind="FundingLink", sentence=line,
                                 funding_line=line, funding_label=name, source="course_sentence")
            for name, acr in makers:
                org = resolve_org(pubs.kb, doc, name, p.id)
                if org is not None and acr and not org.acronym:
                    org.acronym = acr
