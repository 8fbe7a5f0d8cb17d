"""Funders of named projects, read from the running-text sentence that names both (``fundedBy``).

Why: a report's financing lines name who funds the work in a *country*; who funds a *project* is
written in running text, in two shapes, and without it "who funds the PROSPECTS project" or
"which EU-funded project worked with Iraqi trade unions" had no graph answer:

* the funder before "funded" and the project after it: "the EU funded SP&PFM project", "the former
  EU funded project on "Improving synergies ..."", "the EU funded BEIT Social Protection Project in
  Iraq" (a capitalised name ending in "Project" is a project of its own when none is known);
* the projects, then "funded by" and a list of funders: "the ILES project funded by the EU", "the
  PROSPECTS and PATHWAYS projects funded by the Kingdom of the Netherlands and the US Bureau for
  Population, Refugees, and Migration (PRM)".  The sentence does not say which funder pays for
  which project, so each project gets every funder, unless it says "respectively".

A list item ending in an acronym in brackets takes back the items before it until its words'
initials hold the acronym's letters ("Population, Refugees, and Migration (PRM)" is one name).
Funders are resolved as a financing line's are (a country is its government).  Shapes of wording
only: the projects are those other extractors found, or the capitalised name the cue introduces.
"""
from __future__ import annotations

import re

from graph.extract import ensure_country
from graph.extract.funding import resolve_funder
from graph.extract.instruments import sentence_country, text_sentences
from graph.kb import Entity, KnowledgeBase, eid
from graph.model import Document
from graph.vocab import slug

_HEAD = r"(?:[Pp]rojects?|[Pp]rogrammes?|[Pp]rograms?)"
_ACR = r"[A-Z][A-Z0-9+&\-]{2,}"
_NAME_WORD = r"(?:[A-Z][\w&+\-]*|of|for|and|on|in|the)"
# "<funder> funded|financed|sponsored <what> project|programme", the funder a short capitalised name
FUNDER_FIRST = re.compile(
    r"\b(?P<funder>(?:[A-Z][\w&\-]*\s+){0,3}?[A-Z][\w&\-]*)[\s\-]+(?:funded|financed|sponsored)\s+"
    r"(?P<what>(?:(?:" + _ACR + r")\s+)?(?:(?:[A-Z][\w&+\-]*|of|for|and|on)\s+){0,6}?)" + r"(?P<head>" + _HEAD + r")\b"
    r"(?:\s+(?:on\s+|entitled\s+|called\s+|named\s+|titled\s+)?[\"“](?P<title>[^\"”]{10,160}?)[\"”])?")
# "<projects> project(s) funded by <list>"
FUNDED_BY = re.compile(
    r"\b(?:the\s+)?(?P<names>" + _ACR + r"(?:\s*(?:,|and)\s*(?:the\s+)?" + _ACR + r")*)\s+" + _HEAD
    + r"\s+(?:(?:were|was|are|is)\s+)?(?:funded|financed|sponsored)\s+by\s+(?P<list>[^.;]+?)"
    r"(?=\s*(?:[.;]|$|,\s+(?:which|who|to|with|and\s+(?:the\s+)?ILO)\b|\s+(?:to|in\s+order\s+to|for|through|with)\s+[a-z]))")
_LEAD = re.compile(r"^(?:the|The|former|new|an?|its|their)\s+")
_NOT_FUNDER = re.compile(r"^(?:The|This|These|Those|A|An|In|Under|Through|With|Its|Their|Former|New)$")


def _initials(text: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Z][\w\-]*", text))


def _holds(initials: str, acronym: str) -> bool:
    """Whether the acronym's letters occur in order among the initials."""
    it = iter(initials)
    return all(ch in it for ch in acronym)


def funder_list(text: str) -> list[str]:
    """The funders a 'funded by' list names, one name each even when a name holds commas."""
    text = re.sub(r"\s+respectively\s*$", "", text.strip())
    pieces = re.split(r"(\s*,\s*(?:and\s+)?|\s+and\s+)", text)  # names and, between them, what joined them
    out: list[str] = []
    for k in range(0, len(pieces), 2):
        part = pieces[k].strip()
        if not part:
            continue
        m = re.search(r"\((?P<acr>[A-Z][A-Za-z]{1,9})\)\s*$", part)
        if m and out and not _holds(_initials(part[:m.start()]), m.group("acr").upper()):
            taken = part
            while out and not _holds(_initials(taken[:taken.rfind("(")]), m.group("acr").upper()):
                taken = out.pop() + pieces[k - 1] + taken  # joined back with its own words
                k -= 2
            part = taken
        out.append(part)
    return [_LEAD.sub("", p) for p in out if p]


def _known_projects(kb: KnowledgeBase) -> tuple[dict[str, Entity], dict[str, Entity]]:
    """Projects by acronym, and by every normalised name."""
    by_acr: dict[str, Entity] = {}
    by_name: dict[str, Entity] = {}
    for e in kb.of_type("Project"):
        if e.acronym:
            by_acr.setdefault(e.acronym, e)
        for n in {e.label, *e.alt_labels}:
            by_name.setdefault(" ".join(n.lower().split()), e)
    return by_acr, by_name


def _project(kb: KnowledgeBase, doc: Document, p, sent: str, m: re.Match, known) -> Entity | None:
    """The project a FUNDER_FIRST match names: by its quoted title, its acronym, or its own
    capitalised name ending in "Project" (added when new)."""
    by_acr, by_name = known
    if m.group("title"):
        return by_name.get(" ".join(m.group("title").strip(" ,.;:").lower().split()))
    what = m.group("what").strip()
    if not what:
        return None
    first = what.split()[0]
    if first in by_acr:
        return by_acr[first]
    name = f"{what} {m.group('head')}"
    if name.lower() in by_name:
        return by_name[name.lower()]
    if not m.group("head")[0].isupper() or len(what.split()) < 2:
        return None  # "EU funded social protection project": no name of its own
    acronym = first if re.fullmatch(_ACR, first) else None
    e = kb.add_entity("Project", slug(name), name, alt_labels=[acronym] if acronym else [], acronym=acronym,
                      passage=p.id, description=sent.strip()[:500])
    iso = sentence_country(doc, p, sent, m.end())
    if iso:
        ensure_country(kb, iso, p.id)
        kb.add_fact(e.id, "projectInCountry", eid("Country", iso), [p.id], sentence=sent.strip()[:600])
    return e


def _fund(kb: KnowledgeBase, project: Entity, surface: str, pid: str, sent: str) -> None:
    funder = resolve_funder(kb, surface, pid, None)
    if funder.id == project.id:
        return
    line = sent.strip()[:600]  # a funding link carries the words that state it, as a financing line's does
    kb.add_fact(project.id, "fundedBy", funder.id, [pid], kind="FundingLink", sentence=line, funding_line=line,
                funding_label=surface, source="project_sentence")


def extract(doc: Document, kb: KnowledgeBase) -> None:
    known = _known_projects(kb)
    for p, _home, sent in text_sentences(doc):
        if "funded" not in sent and "financed" not in sent and "sponsored" not in sent:
            continue
        for m in FUNDER_FIRST.finditer(sent):
            funder = _LEAD.sub("", m.group("funder").strip())
            if not funder or _NOT_FUNDER.match(funder):
                continue
            project = _project(kb, doc, p, sent, m, known)
            if project is not None:
                _fund(kb, project, funder, p.id, sent)
                known = _known_projects(kb)
        for m in FUNDED_BY.finditer(sent):
            names = [n for n in re.split(r"\s*(?:,|and)\s*(?:the\s+)?", m.group("names")) if n]
            projects = [known[0][n] for n in names if n in known[0]]
            funders = funder_list(m.group("list"))
            if not projects or not funders:
                continue
            if "respectively" in m.group("list") and len(projects) == len(funders):
                pairs = list(zip(projects, funders))
            else:
                pairs = [(pr, f) for pr in projects for f in funders]
            for project, f in pairs:
                _fund(kb, project, f, p.id, sent)


__all__ = ["FUNDER_FIRST", "FUNDED_BY", "funder_list", "extract"]
