"""Who provided a programme's resources, as its resource-mobilisation section says (``fundedBy`` on
the programme).

Why: the financing lines name who funds the ILO's work in each country, and a fund's own paragraph
names its donors; but the report's programme itself has its funders only in the section on its
resources: "An additional US$8.1 million in resources were mobilized and received for the Flagship
Programme ...", then "The largest share of resources received for new projects in 2024 were
provided by the European Union (53 per cent)", "allocations from the ILO's Regular Budget
Supplementary Account (RBSA) represented the next largest share ...", "Over 11 per cent ... were
provided by bilateral partners, including the United Kingdom ... and by Switzerland ...".  Without
this module "who funds the Flagship Programme?" had no graph answer (a sentence gave the Joint SDG
Fund alone).

The shape read: a section whose title says it is about resources, funding or financing
("Resource mobilization"); the programme is the initiative its opening sentence says the resources
were "mobilized / received / raised for" (none named, nothing is read); then each sentence of the
section saying resources, contributions or allocations "were provided by <funders>" or
"allocations / contributions from <funder> represented / accounted for ... share".  A class of
funders before "including" ("bilateral partners, including A ... and by B") gives its named
members, each name ending at its first lower-case word.  Funders resolve as financing lines' do (a
country is its government); the share in brackets is kept with the statement.
"""
from __future__ import annotations

import re

from graph.extract.funding import resolve_funder
from graph.extract.instruments import section_chain, sentences, text_sentences
from graph.extract.named import NameIndex
from graph.kb import KnowledgeBase
from graph.model import Document

_SECTION = re.compile(r"\b(?:resources?|resource\s+mobili[sz]ation|funding|financing)\b", re.I)
# "resources were mobilized and received for the Flagship Programme": whose resources the section tells
_FOR_PROGRAMME = re.compile(r"\b(?:mobili[sz]ed|received|raised|secured)\s+(?:and\s+\w+\s+)?(?:for|by)\s+(?P<rest>.+)$", re.I)
_MONEY_NOUN = r"(?:resources|contributions|funding|funds|allocations)"
PROVIDED = re.compile(_MONEY_NOUN + r"\b[^.;]{0,120}?\b(?:were|was|have\s+been|has\s+been)\s+provided\s+by\s+(?P<list>[^.;]{3,300})",
                      re.I)
FROM_SHARE = re.compile(r"\b(?:allocations|contributions|resources|funding)\s+from\s+(?P<list>[^.;]{3,160}?)\s+"
                        r"(?:represented|accounted\s+for|made\s+up|provided|constituted)\b[^.;]{0,80}?\bshare\b", re.I)
_SHARE = re.compile(r"\((?P<share>\d[\d.]*\s*(?:per\s*cent|%))\)")
_INCLUDING = re.compile(r"\bincluding\s+", re.I)


def funders_named(text: str) -> list[str]:
    """The funders a 'provided by' list names: "the European Union (53 per cent) (see Figure 7),
    including ..." -> ["the European Union"]; "bilateral partners, including the United Kingdom
    through a new project ... and by Switzerland for ..." -> ["the United Kingdom", "Switzerland"]."""
    inc = _INCLUDING.search(text)
    if inc and not re.search(r"[A-Z]", text[:inc.start()]):  # a class of funders, its members named
        text = text[inc.end():]
    else:
        text = text[:inc.start()] if inc else text
    out = []
    for part in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+(?:by\s+)?", text):
        # a share or a cross-reference in brackets goes; an acronym stays ("... Account (RBSA)")
        part = re.sub(r"\s*\((?![A-Z][A-Za-z]{1,9}\))[^)]*\)", "", part).strip()
        # a name runs over capitalised words and the small words inside names
        m = re.match(r"(?:the\s+)?(?:[A-Z][\w'’&.-]*|of|the|for|and|de)(?:\s+(?:[A-Z][\w'’&.-]*|of|the|for|and|de))*"
                     r"(?:\s*\([A-Z][A-Za-z]{1,9}\))?", part)
        if m and re.search(r"[A-Z]", m.group(0)):
            out.append(re.sub(r"\s+(?:of|the|for|and|de)$", "", m.group(0)))
    return out


def _programme(doc: Document, section_id: str, names: NameIndex) -> str | None:
    """The initiative the section's opening sentence says the resources were raised for."""
    for p in doc.passages:
        if p.section_id != section_id or p.kind in ("table", "caption", "heading"):
            continue
        for _s0, _s1, sent in sentences(p.text):
            m = _FOR_PROGRAMME.search(sent)
            if m:
                found = names.find(m.group("rest"))
                return found[0][2] if found else None
            return None  # only the opening sentence says whose resources these are
    return None


def _known(orgs: NameIndex, surface: str) -> str | None:
    """The organisation already known by the whole of these words ("the ILO's Regular Budget
    Supplementary Account (RBSA)": the fund the financing lines made), else None."""
    bare = re.sub(r"^the\s+", "", surface)
    found = [(a, b, i) for a, b, i in orgs.find(bare) if b - a >= len(bare) - 1]
    return found[0][2] if len(found) == 1 else None


def extract(doc: Document, kb: KnowledgeBase) -> None:
    names = NameIndex(kb, ("Initiative",), national_only=False)
    orgs = NameIndex(kb, ("Organization",), national_only=False)
    programmes: dict[str, str | None] = {}
    for p, _home, sent in text_sentences(doc):
        top = next((s for s in section_chain(doc, p.section_id) if _SECTION.search(s.title)), None)
        if top is None:
            continue
        if top.id not in programmes:
            programmes[top.id] = _programme(doc, top.id, names)
        programme = programmes[top.id]
        if programme is None:
            continue
        for rx in (PROVIDED, FROM_SHARE):
            for m in rx.finditer(sent):
                share = _SHARE.search(sent, m.start("list"))
                line = sent.strip()[:600]
                for surface in funders_named(m.group("list")):
                    funder_id = _known(orgs, surface) or resolve_funder(kb, surface, p.id, None).id
                    if funder_id != programme:
                        kb.add_fact(programme, "fundedBy", funder_id, [p.id], kind="FundingLink", sentence=line,
                                    funding_line=line, funding_label=surface,
                                    share=share.group("share") if share else None, source="programme_resources")


__all__ = ["FROM_SHARE", "PROVIDED", "extract", "funders_named"]
