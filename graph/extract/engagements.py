"""Engagements: which organisations a country works with, and the passage that says so.

Within one sentence, an organisation (found with ``find_organizations``) and a country (named in
the sentence, or the country of the entry the sentence sits in) are linked when a partnership cue
ties the organisation to the work:

* the organisation is in the object of a cue — "in partnership with X", "in collaboration with X",
  "together with X", "alongside X", "partnered with X" (-> ``partneredWith``) or "with the support
  of X", "supported by X", "funded by X" (-> ``supportedBy``);
* or it is paired with the ILO — "the ILO and UNHCR have supported", "ILO-IMF collaboration",
  "the ILO with UNHCR" (-> ``partneredWith``);
* "both organizations" / "the two organizations" in the next sentence carries the pair on;
* in a country entry, organisations whose representatives attended the work's event ("Representatives
  from seven African countries and the X (ACR) attended the event") (-> ``partneredWith``).

The ILO itself (the report's author) is never recorded as a partner, nor are its own units and
budget, nor a country's own national institutions.  In a country entry, other countries named in
a cue's object are partner governments (BilateralDonor ``gov-ISO3``).

Organisations the report first names as the ILO's partner ("the ILO has partnered with X", "the ILO
and X partnered") are added with the kind their description or section gives (:func:`discover_partners`).

Each fg:Engagement statement carries the sentence, the kind of collaboration (joint programme,
study, capacity building, technical assistance ...), the policy topic and the year the sentence
gives (:mod:`graph.extract.milestones`).
"""
from __future__ import annotations

import re

from graph import countries
from graph.extract import ensure_country, milestones
from graph.extract.organizations import entry_country, find_organizations
from graph.gazetteer import organizations as gaz
from graph.kb import Entity, KnowledgeBase, eid
from graph.model import Document
from graph.vocab import slug as gaz_slug

PARTNER_CUES = re.compile(
    r"\b(?:in (?:close )?(?:partnership|collaboration|cooperation|coordination) with|"
    r"partner(?:s|ed|ing)? with|partnership (?:of|with|between)|together with|jointly with|alongside|"
    r"collaborat\w* (?:closely )?with|cooperat\w* with|work(?:s|ed|ing)? (?:closely )?with|"
    r"joint(?:ly)? (?:with|by)|co-organi[sz]ed with|implemented by|(?:partners?|organi[sz]ations|agencies),?\s*[—–]?\s*(?:such as|including|like)|"
    r"collaborations? (?:with|between)|(?:with|among) (?:various |other |several )?partners,?\s+including)\b", re.I)
SUPPORT_CUES = re.compile(
    r"\b(?:with the (?:financial |technical |generous )?support (?:of|from)|with (?:financial |technical )?"
    r"support (?:of|from)|(?:financially |technically )?supported by|funded by|financed by|"
    r"thanks to the (?:financial |technical )?support of|with funding from|through the support of)\b", re.I)
FREE_CUES = re.compile(r"\bjoint (?:mission|work|analysis|programme|program|project|paper|report)s?\b|\bjointly\b", re.I)
# organisations whose representatives attended an event of the work in a country entry
ATTENDEES = re.compile(r"\b[Rr]epresentatives\s+(?:from|of)\s+(?P<list>[^.;:]{3,260}?)\s+(?:attended|"
                       r"participated\s+in|took\s+part\s+in|joined)\b")
COREF = re.compile(r"\b(?:both|the two) (?:organi[sz]ations|agencies|institutions|partners)\b", re.I)
WINDOW = 160
# what may stand between a support cue and a country that is the backer: other names, "the
# Government(s) of", commas and "and" ("thanks to the support of Belgium", "of France and the
# Government of Japan"); a lowercase word ("of the EU in Jordan") makes the country a place again
_BACKER_LEAD = re.compile(r"(?:[\s,]|\b(?:and|the|of)\b|\b[A-Z][\w'’-]*)*")
_WINDOW_STOP = re.compile(
    r"[;:]|\.\s|\b(?:has|have|had|will|was|were|is|are|to|in order|which|that|who|launched|organi[sz]ed|"
    r"produced|conducted|published|developed|provided|supported|decided|agreed)\b")
_PAIR = re.compile(r"^\s*(?:-|–|/|and|and the|with|with the|,\s*alongside|,\s*together with|and its partner)\s*$")
_PAIR_BEFORE = re.compile(r"^\s*(?:-|–|/|and|and the)\s*$")
# cues that coordinate what precedes with what follows ("X, alongside Y", "X together with Y"), and
# the gap between an organisation and such a cue right after it
_COORDINATE = re.compile(r"(?:alongside|together with)$", re.I)
_JUST_BEFORE = re.compile(r"\s*,?\s*")
_XREF = re.compile(r"\((?:see|cf\.?)\b[^)]*\)?", re.I)
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(])")


def sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _SENT.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return [(a, b) for a, b in out if b > a]


def _author_side(e: Entity) -> bool:
    """The ILO, its own units and budget: never a partner of a country in the ILO's report."""
    if e.key == "ilo":
        return True
    names = [e.label, e.acronym or "", *e.alt_labels]
    return any(re.search(r"\bILO\b|International Labour|Flagship Programme", n) for n in names) or \
        e.attrs.get("owner") == "ILO"


def _window(sent: str, end: int) -> int:
    stop = _WINDOW_STOP.search(sent, end, min(len(sent), end + WINDOW))
    return stop.start() if stop else min(len(sent), end + WINDOW)


def engagements_in(text: str, kb: KnowledgeBase, here: str | None) -> list[tuple[str, str, str, str, int, int]]:
    """(iso3, predicate, org_key, sentence, start, end) for one passage's text."""
    out = []
    orgs_all = find_organizations(text, kb, iso3=here)
    prev_partners: list[str] = []
    for a, b in sentences(text):
        sent = text[a:b]
        orgs = [(s - a, e - a, surf, k) for s, e, surf, k in orgs_all if s >= a and e <= b]
        ilo_spans = [(s, e) for s, e, _surf, k in orgs if k == "ilo"]
        found: dict[str, str] = {}  # org key -> predicate
        partner_countries: dict[str, str] = {}
        backers: list[tuple[int, int]] = []  # "thanks to the support of Belgium": who paid, not where
        xref = [(m.start(), m.end()) for m in _XREF.finditer(sent)]
        orgs = [o for o in orgs if not any(xs <= o[0] < xe for xs, xe in xref)]
        for cue_rx, pred in ((PARTNER_CUES, "partneredWith"), (SUPPORT_CUES, "supportedBy")):
            for cm in cue_rx.finditer(sent):
                if any(xs <= cm.start() < xe for xs, xe in xref):
                    continue
                stop = _window(sent, cm.end())
                if pred == "supportedBy":
                    backers.append((cm.end(), stop))
                for s, e, _surf, k in orgs:
                    if cm.end() <= s < stop:
                        found.setdefault(k, pred)
                    elif e <= cm.start() and _COORDINATE.match(cm.group(0)) and _JUST_BEFORE.fullmatch(sent[e:cm.start()]):
                        found.setdefault(k, pred)  # "convened the X, alongside the Y": X is in the work too
                if here:
                    seg = sent[cm.end():stop]
                    for s, e, surf, iso in countries.find_countries(seg):
                        if surf.isupper() and seg[max(0, s - 1):s] == "(":
                            continue  # "(DRC)" after an organisation's name is its acronym
                        if iso != here:
                            partner_countries.setdefault(iso, pred)
        for s, e, _surf, k in orgs:
            if k == "ilo":
                continue
            for i_s, i_e in ilo_spans:
                if (i_e <= s and _PAIR.match(sent[i_e:s])) or (e <= i_s and _PAIR_BEFORE.match(sent[e:i_s])):
                    found.setdefault(k, "partneredWith")
        if here:  # "Representatives from ... and the X (ACR) attended the event": took part in the work there
            for am in ATTENDEES.finditer(sent):
                for s, e, _surf, k in orgs:
                    if am.start("list") <= s < am.end("list"):
                        found.setdefault(k, "partneredWith")
        if FREE_CUES.search(sent) and ilo_spans:
            for s, e, _surf, k in orgs:
                found.setdefault(k, "partneredWith")
        if not found and not partner_countries and COREF.search(sent) and prev_partners:
            found = {k: "partneredWith" for k in prev_partners}
        # drop the author and its own units
        found = {k: p for k, p in found.items()
                 if eid("Organization", k) in kb.entities and not _author_side(kb.entities[eid("Organization", k)])}
        prev_partners = [k for k, p in found.items() if p == "partneredWith"]
        if not found and not partner_countries:
            continue
        org_spans = [(s, e) for s, e, _surf, _k in orgs]
        named = []
        for s, e, _surf, iso in countries.find_countries(sent):
            if any(os <= s and e <= oe for os, oe in org_spans) or iso in partner_countries or \
                    any(bs <= s < be and _BACKER_LEAD.fullmatch(sent[bs:s]) for bs, be in backers):
                continue
            named.append(iso)
        targets = [here] if here else list(dict.fromkeys(named))
        for iso in targets:
            for k, pred in found.items():
                org = kb.entities[eid("Organization", k)]
                if org.role == "national_institution" and org.attrs.get("country") == iso:
                    continue  # a country's own institution is not its partner
                if org.attrs.get("country") == iso and org.role == "bilateral_donor":
                    continue
                out.append((iso, pred, k, sent, a, b))
            for piso, pred in partner_countries.items():
                out.append((iso, pred, f"gov-{piso}", sent, a, b))
    return out


_NAME = (r"[A-Z][\w\-’'&]*(?:(?:\s+|,\s*)(?:S\.p\.A\.|S\.A\.|AG|Ltd\.?|Inc\.?|plc|GmbH|[A-Z][\w\-’'&]*|"
         r"(?:of|for|and|de|du)(?=\s+[A-Z]))){0,6}")
# "the ILO has (also) partnered with [Italian energy company] X", "the ILO and X partnered"
_NEW_PARTNER = re.compile(
    r"\bILO\s+(?:has\s+)?(?:also\s+)?(?:partner(?:ed|s)|collaborat(?:ed|es))\s+with\s+(?:the\s+)?"
    r"(?P<desc>(?:[a-z][\w\-]*\s+){0,3})(?P<name>" + _NAME + r")"
    r"|\bthe\s+ILO\s+and\s+(?:the\s+)?(?P<name2>" + _NAME + r")\s+(?:have\s+)?(?:partnered|collaborated|"
    r"teamed up|joined forces)")
_KIND_WORDS = (("private_company", r"compan(?:y|ies)|multinational|corporation|firm|enterprise|private[\s-]sector|mutual|"
                                   r"S\.p\.A\.|S\.A\.|\bAG\b|Ltd|Inc\.?|plc|GmbH"),
               ("foundation", r"foundations?"),
               ("ifi", r"development bank|financial institution"),
               ("un_agency", r"UN agency|United Nations"))


def discover_partners(doc: Document, kb: KnowledgeBase) -> None:
    """Organisations first named as the ILO's partner ("the ILO has partnered with X"), added with
    the kind their description or the section gives (a company in 'Private-sector partnerships')."""
    new: list[tuple[tuple, dict]] = []
    for p in doc.passages:
        if p.kind not in ("paragraph", "list_item"):
            continue
        for m in _NEW_PARTNER.finditer(p.text):
            name = (m.group("name") or m.group("name2") or "").strip(" ,")
            name = re.sub(r"(?:,?\s+(?:of|for|and|de|du))+$", "", name)
            start = m.start("name") if m.group("name") else m.start("name2")
            # "Italian energy company Eni S.p.A.": the capitalised word was a description
            later = re.match(r"\s+((?:[a-z][\w\-]*\s+){1,3})(" + _NAME + r")", p.text[start + len(name):])
            if m.group("name") and later and len(name.split()) == 1:
                desc_more = name + " " + later.group(1)
                start = start + len(name) + later.start(2)
                name = later.group(2).strip(" ,")
            else:
                desc_more = ""
            if len(name) < 3 or name in ("ILO", "The", "Government") or countries.lookup(name):
                continue
            if any(s <= start < e for s, e, _surf, _k in find_organizations(p.text, kb)):
                continue  # already known
            context = " ".join([m.group("desc") or "", desc_more, name, *p.section_path])
            role = next((r for r, rx in _KIND_WORDS if re.search(rx, context, re.I)), "other")
            new.append((("Organization", gaz_slug(name), name), dict(role=role, passage=p.id)))
        here = entry_country(doc, p.section_id)
        lists = [m.group("list") for m in _PARTNER_LIST.finditer(p.text)]
        if here:  # named attendees of an event in a country entry are partners of the work there
            lists += [m.group("list") for m in ATTENDEES.finditer(p.text)]
        for text in lists:
            for item in re.split(r",\s*(?:and\s+)?|\s+and\s+", text):
                found = _new_listed_partner(kb, p, item, here)
                if found:
                    new.append(found)
    # added at the end: adding one by one would rebuild the organisation index after each
    for args, kwargs in new:
        kb.add_entity(*args, **kwargs)


# "partners, such as UNHCR, the Danish Refugee Council (DRC) and ...", "partners, including X and Y",
# "collaboration between the Ministry of Labour and the X health mutual insurance company"
_PARTNER_LIST = re.compile(
    r"\b(?:partners?,?\s+(?:such as|including|like)|collaborations? between)\s+(?P<list>[^.;:]{3,260}?)"
    r"(?=,?\s+(?:to|in order|were|was|have|has|is|are|which|who|that|for|on|in)\s|[.;:]|$)")
_LISTED = re.compile(r"^(?:the\s+)?(?P<name>[A-Z][\w\-’'&]*(?:\s+(?:[A-Z][\w\-’'&]*|of|for|and|on|de|du)){0,8})"
                     r"(?:\s*\((?P<acr>[A-Z][A-Za-z\-]{1,12})\))?(?P<desc>(?:\s+[a-z][\w\-]*){0,4})\s*$")
_INSTITUTION_HEAD = re.compile(r"^(?:Ministry|Department|Directorate|National|Office|Agency|Authority|Commission|"
                               r"Council of Ministers|Social Security|Institute)\b")


def _new_listed_partner(kb: KnowledgeBase, p, item: str, here: str | None) -> tuple[tuple, dict] | None:
    """One item of a partner list as the organisation to add (add_entity arguments) when it is a
    proper name not yet known."""
    m = _LISTED.match(item.strip())
    if not m:
        return None
    name = re.sub(r"(?:\s+(?:of|for|and|on|de|du))+$", "", m.group("name")).strip()
    if len(name) < 3 or len(name.split()) > 9 or countries.lookup(name) or name in ("ILO", "Government"):
        return None
    if find_organizations(item, kb, iso3=here) or (m.group("acr") and find_organizations(m.group("acr"), kb, iso3=here)):
        return None  # already known
    context = " ".join([name, m.group("desc") or "", *p.section_path])
    if _INSTITUTION_HEAD.match(name) and here:
        role = "national_institution"
    else:
        role = next((r for r, rx in _KIND_WORDS if re.search(rx, context, re.I)), "other")
    return (("Organization", gaz_slug(name), name),
            dict(acronym=m.group("acr"), role=role, passage=p.id, country=here if role == "national_institution" else None))


def extract(doc: Document, kb: KnowledgeBase) -> None:
    discover_partners(doc, kb)
    for p in doc.passages:
        if p.kind not in ("paragraph", "list_item"):
            continue
        here = entry_country(doc, p.section_id)
        for iso, pred, key, sent, _a, _b in engagements_in(p.text, kb, here):
            if key.startswith("gov-") and eid("Organization", key) not in kb.entities:
                gaz.bilateral_donor(kb, key[4:], None, p.id)
            country = ensure_country(kb, iso, p.id)
            part = sent if here else _clause_of(sent, iso)
            themes = milestones.topics(part)
            default = "partnership" if pred == "partneredWith" else "technical assistance"
            kb.add_fact(country.id, pred, eid("Organization", key), [p.id], kind="Engagement",
                        topic=milestones.clip(sent), sentence=milestones.clip(sent, 600),
                        topic_label=themes[:3] or None,
                        kind_of=milestones.collaboration_kind(part, default),
                        year=milestones.year_near(sent))


def _clause_of(sent: str, iso: str) -> str:
    """The part of a sentence that lists work by country ("...; technical assistance on financing in
    Lebanon, Eswatini and Thailand; gender-responsive design in Morocco and Paraguay") that names
    the country: what the sentence says was done there, not in the other countries."""
    parts = re.split(r";\s*", sent)
    if len(parts) < 2:
        return sent
    for part in parts:
        if any(f[3] == iso for f in countries.find_countries(part)):
            return part
    return sent
