"""Projects named in a list of evaluations: each item is a project's title and the kind of
evaluation it had.

Why: a report's monitoring section lists the evaluations of the year ("In 2024, the following
evaluations were conducted on social protection projects in the priority countries ...: Reducing
vulnerability in Lao PDR: Advancing social protection ... in the coffee and tea sectors of Lao PDR -
Final independent evaluation. Strengthening Social Security Office capacities ..., Thailand -
Final independent evaluation. ..."), and that list is the only place many project titles are
written.  Without it "the Lao coffee and tea project" or "which projects were evaluated" had no
answer in the graph.

The shape: a lead sentence saying evaluations were conducted / carried out / completed (on
projects, programmes), ending in a colon; after it, items "<Title> - <kind> evaluation." (a hyphen
or a dash before "Final independent evaluation", "Final joint evaluation", "Independent
evaluation" ...).  Each title becomes a Project (or is merged into the project already known by
that title) with the evaluation's kind and the report's year; the countries its title names are
its countries (``projectInCountry``).  An item without an evaluation label is not read.
"""
from __future__ import annotations

import re

from graph import countries
from graph.extract import ensure_country
from graph.kb import KnowledgeBase, eid
from graph.model import Document
from graph.vocab import slug

LEAD = re.compile(r"\b(?:following|these|the\s+below)\s+(?:\w+\s+){0,2}evaluations?\s+(?:were|was|have\s+been|has\s+been)\s+"
                  r"(?:conducted|carried\s+out|completed|undertaken|finali[sz]ed)\b[^:]{0,200}:\s*")
ITEM = re.compile(r"(?P<title>[A-ZÀ-Ý][^.]*?(?:\.[^\s.][^.]*?)*?)\s+[-–—]\s+(?P<kind>(?:(?:[Ff]inal|[Mm]id-?term|[Ii]ndependent|"
                  r"[Jj]oint|[Ii]nternal|[Ee]x-?post|[Cc]luster)\s+){0,3}evaluation)\.(?=\s|$)")


def evaluated_items(text: str) -> list[tuple[str, str]]:
    """(title, kind of evaluation) of every item in the list a lead sentence of ``text`` opens."""
    out: list[tuple[str, str]] = []
    for lead in LEAD.finditer(text):
        pos = lead.end()
        while True:
            m = ITEM.match(text, pos)
            if m is None:
                break
            out.append((m.group("title").strip(), m.group("kind")[0].lower() + m.group("kind")[1:]))
            pos = m.end()
            while pos < len(text) and text[pos].isspace():
                pos += 1
    return out


def _known_project(kb: KnowledgeBase, title: str):
    """The project already known by this title (its label or another name), or None."""
    wanted = " ".join(title.lower().split())
    for e in kb.of_type("Project"):
        if wanted in {" ".join(n.lower().split()) for n in [e.label, *e.alt_labels]}:
            return e
    return None


def extract(doc: Document, kb: KnowledgeBase) -> None:
    from graph.extract.activities import report_year

    year = report_year(doc)
    for p in doc.passages:
        if "evaluation" not in p.text:
            continue
        for title, kind in evaluated_items(p.text):
            e = _known_project(kb, title) or kb.add_entity("Project", slug(title)[:60].strip("-"), title, passage=p.id)
            e.passages.add(p.id)
            e.attrs.setdefault("evaluation", kind)
            if year:
                e.attrs.setdefault("evaluation_year", year)
            for iso in dict.fromkeys(iso for _, _, _, iso in countries.find_countries(title)):
                ensure_country(kb, iso, p.id)
                kb.add_fact(e.id, "projectInCountry", eid("Country", iso), [p.id],
                            sentence=f"{title} - {kind}.")
