"""Dated activities per country: what was done there with the ILO, of what kind, and when.

A sentence is an activity when it tells of something done — a finite verb of doing in the past or
present perfect ("conducted", "validated", "delivered a training", "has supported", "launched") that
is not future or conditional — in a country entry, or elsewhere in a sentence that names the ILO
and one or two countries (not as donors).  One ``Activity`` per sentence, country and year its
verbs are dated with (a future verb with a year is a planned activity, status 'planned'):

* kind: a named scheme or national law/strategy whose status the sentence gives becomes
  "<kind> <status>" ("strategy validated", "law adopted", "scheme relaunched"); otherwise the kind
  of work the sentence describes (study, training, campaign, dialogue, publication, pilot, legal
  drafting, policy development, system development), else what its verb says (submission, launch,
  approval ...), else "technical support";
* year: the year dating the verb (not a year another verb of the sentence owns: "(ratified in
  2006)"), else the report's year (from its title or cover; ``year_source`` says which) -- except
  in a passage saying no activity took place that year ("no formal activities have taken place
  during the 2024 reporting period"), where an undated sentence is past work, not that year's;
* facts: ``activityIn`` (-> country), ``activityInvolved`` (-> the organisations the sentence
  names, the ILO included), ``activityConcerns`` (-> the schemes, laws, initiatives, publications
  it names), ``onTopic`` (-> the policy topics, as ThematicArea entities: the sentence's, and
  those of the thematic heading it is told under, :mod:`graph.extract.section_topics`).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from graph import countries
from graph.extract import ensure_country, milestones
from graph.extract.instruments import section_iso3, sentences
from graph.extract.named import NameIndex
from graph.extract.organizations import find_organizations
from graph.gazetteer import organizations as gaz
from graph.extract.event_organisers import ORGANISER_CUE, organiser_countries
from graph.extract.section_topics import heading_topics, with_heading_topics
from graph.kb import KnowledgeBase, eid
from graph.model import Document
from graph.vocab import slug

DONE = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:also\s+|been\s+|successfully\s+|further\s+)*)?(?P<verb>completed|conducted|"
    r"carried out|delivered|held|organi[sz]ed|co-organi[sz]ed|launched|re-?launched|validated|adopted|"
    r"published|developed|trained|undertook|undertaken|finali[sz]ed|approved|endorsed|introduced|signed|"
    r"piloted|deployed|established|drafted|presented|facilitated|hosted|rolled out|enacted|passed|renewed|produced|"
    r"prepared|initiated|started|began|convened|ran|implemented|supported|provided|assisted|contributed|"
    r"helped|extended|reviewed|assessed|mapped|costed|trained|updated|revised|amended|submitted|"
    r"continued to (?:support|provide|work)|supporting|providing|working|confirmed|committed|joined|issued|"
    r"discussed|announced|agreed|created|given|received|attended|evaluated|examined|consolidated|validated|"
    r"(?<=been )(?:drafting|developing|designing|preparing|implementing|piloting))\b",
    re.I)
# the kind of an activity told only by its verb
_VERB_KIND = {"submitted": "submission", "launched": "launch", "re-launched": "launch", "relaunched": "launch",
              "published": "publication", "held": "event", "hosted": "event", "convened": "event",
              "organized": "event", "organised": "event", "co-organized": "event", "co-organised": "event",
              "approved": "approval", "adopted": "adoption", "endorsed": "endorsement", "validated": "validation",
              "signed": "signature", "enacted": "enactment", "issued": "issuance", "confirmed": "commitment",
              "committed": "commitment", "joined": "membership", "given": "training", "trained": "training",
              "evaluated": "evaluation", "reviewed": "review", "assessed": "assessment", "drafted": "drafting",
              "discussed": "dialogue", "presented": "presentation", "piloted": "pilot", "deployed": "deployment", "established": "establishment",
              "created": "establishment", "introduced": "introduction", "renewed": "renewal",
              "extended": "extension", "amended": "amendment", "revised": "revision", "updated": "revision",
              # "have been drafting / developing ...": work under way
              "drafting": "drafting", "developing": "development", "designing": "design",
              "preparing": "preparation", "implementing": "implementation", "piloting": "pilot"}
_FUTURE = re.compile(r"\b(?:will|would|shall|could|should|may|might|to be|expected|planned|plans? to|aims? (?:to|at)|"
                     r"intends? to|seeks? to|set to|is to|are to|yet to|not yet)\s+(?:\w+\s+){0,2}$", re.I)
_SUPPORT_ONLY = {"supported", "provided", "assisted", "contributed", "helped", "supporting", "providing",
                 "working", "facilitated"}
_DONOR_NEWS = re.compile(r"\b(?:committed|contributed|pledged|donated|allocated|mobili[sz]ed)\b.{0,60}"
                         r"(?:US\$|USD|€|£|\d+\s*(?:million|thousand|billion))")
_PAST = re.compile(r"\b(?:has|have|had|was|were|did)\b|\b\w+ed\s+(?:the|a|an|its|their|in|on|by)\b")
# statuses too vague to name what was done ("implemented" is any mention of implementation)
_WEAK_STATUS = {"planned", "under development", "implemented"}
_DONOR_BEFORE = re.compile(r"\b(?:from|by|of the Government of|donors?|contributions? (?:from|of))\s+(?:the\s+)?$")


def report_year(doc: Document) -> str | None:
    """The year a report is about: from its title, else the 'Annual Report 2024' / 'Report 2024'
    line of its cover page (the first 2,000 characters)."""
    m = re.search(r"\b((?:19|20)\d{2})\b", doc.title or "") or \
        re.search(r"\bReport\s+((?:19|20)\d{2})\b", doc.text[:2000])
    return m.group(1) if m else None


_COUNTRY_ITEM = re.compile(r"^\W*(?:In|For)\s+(?:the\s+)?([A-Z][^,]{2,40}),")


def _countries_for(doc: Document, p, sent: str, following: str = "") -> list[str]:
    """The countries a sentence tells of work in: its country entry's, else the one or two it
    names when it names the ILO too.  A country item ("In Nepal, coverage has been extended to
    ...") whose next sentence names no country but the ILO ("Under new guidelines developed with
    ILO support, ...") tells of the ILO's work there as well."""
    home = section_iso3(doc, p.section_id)
    if home:
        return [home]
    if not re.search(r"\bILO\b", sent):
        item = _COUNTRY_ITEM.match(sent)
        iso = countries.lookup(item.group(1).strip("* ")) if item else None
        if iso and re.search(r"\bILO\b", following) and not countries.find_countries(following):
            return [iso]
        return []
    out = []
    for s, _e, _surf, iso in countries.find_countries(sent):
        if _DONOR_BEFORE.search(sent[max(0, s - 30):s]):
            continue
        if iso not in out:
            out.append(iso)
    return out if 1 <= len(out) <= 2 else []


_OPENING_YEAR = re.compile(r"^\W*(?:[A-Z]\w+,\s+)?(?:[Ii]n|[Bb]y|[Dd]uring|[Tt]hroughout|[Ss]ince)\s+(?:[A-Za-z]+\s+)?"
                           r"(?:\d{1,2}\s+)?(?:[A-Za-z]+\s+)?((?:19|20)\d{2})\s*,")


@dataclass
class Event:
    """One thing a sentence says was done (or is planned), at its verb."""

    start: int
    end: int
    verb: str
    year: str | None
    planned: bool


def events(sent: str) -> list[Event]:
    """The sentence's activities: one per year its verbs of doing are dated with ("approved in
    September 2024 and published in January 2025" is two), else the first verb that is not
    future.  A future verb with its own year is a planned activity ("will be evaluated ... in 2025")."""
    dated: dict[str, Event] = {}
    first: Event | None = None
    opening = _OPENING_YEAR.match(sent)  # "In November 2024, X was finalised ...": the main verb's date
    brackets = [(b.start(), b.end()) for b in re.finditer(r"\([^()]*\)|\[[^\[\]]*\]", sent)]
    for m in DONE.finditer(sent):
        if any(a < m.start() < b for a, b in brackets):
            continue  # "(ratified in 2022)", "[Schedule I amended in 1980]": an aside, not the activity
        clause = re.split(r"[;:]", sent[:m.start()])[-1]
        planned = bool(_FUTURE.search(sent[max(0, m.start() - 40):m.start()])) or (
            bool(re.search(r"\b(?:will|shall)\b", clause)) and not _PAST.search(clause))  # "will be aiding ..., providing"
        yr = milestones.event_year(sent, m.start("verb"), m.end("verb"))
        if opening and first is None and not planned:
            yr = opening.group(1)
        ev = Event(m.start("verb"), m.end("verb"), m.group("verb").lower(), yr, planned)
        if yr and yr not in dated:
            dated[yr] = ev
        if first is None and not planned:
            first = ev
    if dated:
        return sorted(dated.values(), key=lambda e: e.start)
    return [first] if first else []


def _what(sent: str, verb_end: int) -> str:
    """What was done: the object of the verb when it reads as a noun phrase ('a feasibility and
    costing study'), else the opening words of the sentence."""
    tail = re.split(r"[,;:(]|\s+(?:which|that|to|in order|through|with|by|in|for|as|and|on|at|from)\s+",
                    sent[verb_end:].strip(), maxsplit=1)[0]
    words = tail.split()
    if len(words) >= 2 and not re.match(r"(?:by|to|on|in|with|and|including|the Government)\b", tail):
        return " ".join(words[:10]).rstrip(".")
    return " ".join(sent.split()[:12]).rstrip(".,") + "..."


# "While no formal activities have taken place during the 2024 reporting period, the groundwork laid
# through past technical assistance ...": the entry says nothing was done in that year, so its
# undated sentences ("has provided technical assistance over the years") are not that year's work.
_NOTHING_DONE = re.compile(r"\b[Nn]o\s+(?:formal\s+|new\s+|specific\s+|other\s+|further\s+)?(?:activities|activity|work|"
                           r"interventions?|support)\s+(?:has|have|had|were|was)\s+(?:been\s+)?(?:taken\s+place|took\s+place|"
                           r"carried\s+out|conducted|undertaken|implemented|delivered|provided)\b(?P<rest>[^.;]*)")


def quiet_year(text: str, fallback: str | None) -> str | None:
    """The year a passage says no activity took place in (the year it names, else the report's)."""
    m = _NOTHING_DONE.search(text)
    if m is None:
        return None
    named = re.search(r"\b((?:19|20)\d{2})\b", m.group("rest"))
    return named.group(1) if named else fallback


_FRAME = re.compile(r"\b(?:under|within|in)\s+the\s+(?:framework|umbrella)\s+of\s+(?:(?:a|an|the)\s+)?$")


def extract(doc: Document, kb: KnowledgeBase) -> None:
    names = NameIndex(kb, ("Scheme", "LegalInstrument", "Initiative", "Publication", "Project"))
    fallback_year = report_year(doc)
    for p in doc.passages:
        if p.kind not in ("paragraph", "list_item"):
            continue
        quiet = quiet_year(p.text, fallback_year)
        under_heading = heading_topics(doc, p.section_id)
        said = sentences(p.text)
        for k, (_s0, _s1, sent) in enumerate(said):
            isos = _countries_for(doc, p, sent, said[k + 1][2] if k + 1 < len(said) else "")
            if not isos:
                continue
            if not section_iso3(doc, p.section_id) and _DONOR_NEWS.search(sent):
                continue  # "France and Korea committed €300 thousand ...": a donor's money, not work there
            evs = events(sent)
            per_country = {iso: (names.find(sent, iso), find_organizations(sent, kb, iso3=iso)) for iso in isos} \
                if evs else {}
            # the sentence's own kind and topics, read once for all its events and countries
            sentence_kind: list = []
            sentence_topics: list = []
            for iso, ev in ((i, e) for i in isos for e in evs):
                named, orgs = per_country[iso]
                # "under the framework of a UN Joint Programme, provided support to the policy": the
                # frame the work was done in is not what it was about
                named = [x for x in named if not _FRAME.search(sent[max(0, x[0] - 40):x[0]])]
                kind, status, year = None, None, None
                for st, en, ent in named:
                    e = kb.entities[ent]
                    if e.type not in ("Scheme", "LegalInstrument"):
                        continue
                    stt, yr, vs, _ve = milestones.status_span(sent, st, en, finite_only=True)
                    if stt and stt not in _WEAK_STATUS and (len(evs) == 1 or vs == ev.start):
                        kind, status = f"{e.attrs.get('kind') or milestones.measure_kind(e.label)} {stt}", stt
                        year = ev.year if vs == ev.start else yr
                        break
                if kind is None:
                    own = milestones.activity_kind(sent[ev.start:ev.start + 90])
                    if len(evs) > 1 and own:
                        kind = own
                    else:
                        if not sentence_kind:
                            sentence_kind.append(milestones.activity_kind(sent))
                        kind = sentence_kind[0] or own
                    if kind is None:
                        kind = _VERB_KIND.get(ev.verb)
                    if kind is None:
                        if ev.verb not in _SUPPORT_ONLY and not ev.verb.startswith("continued"):
                            continue
                        kind = "technical support"
                if ev.planned:
                    status = "planned"
                year = year or ev.year
                source = "sentence" if year else "report"
                year = year or fallback_year
                if quiet and source == "report" and year == quiet:
                    continue  # undated, in an entry that says nothing was done that year
                country = ensure_country(kb, iso, p.id)
                what = kb.entities[named[0][2]].label if named else _what(sent, ev.end)
                digest = hashlib.sha1(f"{iso}|{ev.start}|{sent.strip()}".encode()).hexdigest()[:8]
                key = slug(f"{iso} {year or ''} {kind}")[:60] + "-" + digest
                label = f"{kind[0].upper()}{kind[1:]} in {country.label} ({year or 'undated'}): {what}"
                if not sentence_topics:
                    sentence_topics.append(with_heading_topics(milestones.topics(sent), under_heading))
                themes = sentence_topics[0]
                a = kb.add_entity("Activity", key, label[:160], passage=p.id, kind=kind, status=status,
                                  year=year, year_source=source, country=iso,
                                  topic=themes[0] if themes else None,
                                  sentence=milestones.clip(sent, 600), description=milestones.clip(sent, 500))
                kb.add_fact(a.id, "activityIn", country.id, [p.id], year=year, kind_of=kind, status=status,
                            sentence=milestones.clip(sent, 600))
                # who took part is said of the sentence's main event, not of a dated aside
                # ("... the Framework Law No. 09/21, adopted in March 2021" was not the ILO's 2024 work)
                for _s, _e, _surf, okey in (orgs if ev is evs[0] or
                                            ev.year == evs[0].year else []):
                    oid = eid("Organization", okey)
                    if oid in kb.entities:
                        org = kb.entities[oid]
                        if org.attrs.get("country") == iso and org.role == "bilateral_donor":
                            continue
                        kb.add_fact(a.id, "activityInvolved", oid, [p.id], year=year)
                if ev is evs[0] and ORGANISER_CUE.search(sent):
                    # "organized by the ILO and the Republic of Korea": that country's government
                    for giso in organiser_countries(sent, iso):
                        gov = gaz.bilateral_donor(kb, giso, None, p.id)
                        kb.add_fact(a.id, "activityInvolved", gov.id, [p.id], year=year)
                for _s, _e, ent in named:
                    kb.add_fact(a.id, "activityConcerns", ent, [p.id], year=year, status=status)
                for t in themes:
                    th = kb.add_entity("ThematicArea", slug(t), t, passage=p.id)
                    kb.add_fact(a.id, "onTopic", th.id, [p.id])


__all__ = ["extract", "report_year"]
