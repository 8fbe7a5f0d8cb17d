"""Legal instruments: ILO Conventions/Recommendations, national laws and strategies, ratifications.

Everything is read from the shape of sentences:

* ILO instruments: "Convention No. 102", "C102", "C.102", "Recommendation No. 202", "R202" and
  full titles "Social Protection Floors Recommendation, 2012 (No. 202)" (the title becomes an
  alternative label).  Key ``c102`` / ``r202``; general knowledge only says that C/R + number is
  an ILO Convention/Recommendation.
* National instruments: capitalised names whose head word is Strategy/Policy/Plan (role
  ``NationalStrategy``) or Act/Law/Code/Decree/Bill (role ``NationalLaw``), in a sentence that
  places them in a country (named country, else the country entry the passage sits in).
* Ratifications: "Convention No. 102 (ratified in 2022)", "which El Salvador ratified in 2022",
  "the ratification of Convention No. 102 in 2024", "ratifications ... were registered in 2024:
  the ratifications of A and B", "N Member States have now ratified this Convention, A, B, ...",
  and parliamentary approval not yet registered ("approving the ratification ... yet to be
  considered valid").  When several statements concern the same (country, instrument), the most
  explicit one sets year and status.

This module also holds the small text helpers the sibling extractors (initiatives, schemes,
publications) share: sentence splitting, the country context of a passage, the report's acronym
table and organisation resolution.
"""
from __future__ import annotations

import re
from functools import lru_cache

from graph import countries
from graph.extract import ensure_country
from graph.gazetteer.ilo_instruments import instrument_title
from graph.kb import KnowledgeBase, eid
from graph.model import Document, Passage
from graph.vocab import slug
from graph.dates import MONTH

# ---------------------------------------------------------------------------------------------
#  Shared helpers
# ---------------------------------------------------------------------------------------------

_ABBREV = {"no", "nos", "e.g", "i.e", "mr", "ms", "mrs", "dr", "st", "vs", "etc", "art", "para",
           "approx", "fig", "vol", "p", "pp", "inc", "ltd", "co", "jr", "sr", "u.s", "u.n"}
_SENT_BREAK = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z\"“(0-9])|\n+")


def sentences(text: str) -> list[tuple[int, int, str]]:
    """Split text into sentences as (start, end, sentence); abbreviation-aware ("No. 102").

    About twenty extractors split every passage: the split is cached by text (a fresh list each
    call, so a caller may change its copy)."""
    return list(_sentences(text))


@lru_cache(maxsize=65536)
def _sentences(text: str) -> tuple[tuple[int, int, str], ...]:
    out: list[tuple[int, int, str]] = []
    start = 0
    for m in _SENT_BREAK.finditer(text):
        if m.group(0).strip() == "" or "\n" not in m.group(0):
            before = text[start:m.start()].rstrip()
            last = re.search(r"([A-Za-z.]+)\.$", before)
            if last:
                tok = last.group(1).lower()
                if tok in _ABBREV or (len(tok) == 1 and tok.isalpha()):
                    continue
        seg = text[start:m.start()]
        if seg.strip():
            out.append((start, m.start(), seg))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text), text[start:]))
    return tuple(out)


def section_iso3(doc: Document, section_id: str | None) -> str | None:
    """The ISO3 of the country entry a section is (or sits inside), walking up the parents."""
    seen = set()
    while section_id and section_id not in seen:
        seen.add(section_id)
        try:
            s = doc.section(section_id)
        except KeyError:
            return None
        if s.iso3:
            return s.iso3
        section_id = s.parent
    return None


def text_sentences(doc: Document):
    """(passage, ISO3 of its country entry or None, sentence) for every sentence of the running text
    (tables, captions and headings left out): the walk several extractors make."""
    for p in doc.passages:
        if p.kind in ("table", "caption", "heading"):
            continue
        home = section_iso3(doc, p.section_id)
        for _s0, _s1, sent in sentences(p.text):
            yield p, home, sent


def section_chain(doc: Document, section_id: str | None):
    """The section and its ancestors, innermost first."""
    seen = set()
    while section_id and section_id not in seen:
        seen.add(section_id)
        try:
            s = doc.section(section_id)
        except KeyError:
            return
        yield s
        section_id = s.parent


def sentence_country(doc: Document, p: Passage, sent: str, anchor: int | None = None) -> str | None:
    """The country a sentence is about.

    The passage's country entry when the sentence names it or names no country; otherwise the
    named country closest to ``anchor`` (preferring one before it).
    """
    home = section_iso3(doc, p.section_id)
    found = countries.find_countries(sent)
    if not found:
        return home
    if home and any(f[3] == home for f in found):
        return home
    if anchor is None:
        return found[0][3]
    before = [f for f in found if f[1] <= anchor]
    if before:
        return before[-1][3]
    return min(found, key=lambda f: abs(f[0] - anchor))[3]


_ACR_ROW = re.compile(r"^\s*([A-Za-z][A-Za-z0-9&/\-]{1,15})\s*\|\s*([^|]{3,150}?)\s*$")


@lru_cache(maxsize=8)
def _acronyms_cached(doc_id: str, sha: str, rows: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in rows:
        m = _ACR_ROW.match(line)
        if not m:
            continue
        acr, full = m.group(1), m.group(2).strip()
        if not any(c.isupper() for c in acr) or len(full.split()) < 2:
            continue
        out.setdefault(acr, full)
    return out


_ACR_TABLES: dict[tuple, dict[str, str]] = {}


def acronym_table(doc: Document) -> dict[str, str]:
    """Acronym -> expansion, from two-column tables whose first cells look like acronyms.

    Memoised per document (identity, checksum and passage count): extractors ask for it once per
    sentence and name, and scanning every table passage each time cost a second per build."""
    key = (id(doc), doc.sha256, len(doc.passages))
    hit = _ACR_TABLES.get(key)
    if hit is None:
        if len(_ACR_TABLES) > 8:
            _ACR_TABLES.clear()
        hit = _ACR_TABLES[key] = _acronym_table(doc)
    return hit


def _acronym_table(doc: Document) -> dict[str, str]:
    rows = []
    for p in doc.passages:
        if p.kind != "table":
            continue
        lines = [ln for ln in p.text.splitlines() if ln.count("|") == 1]
        if len(lines) >= 3 and sum(bool(_ACR_ROW.match(ln)) for ln in lines) >= 0.6 * len(lines):
            rows.extend(lines)
    return _acronyms_cached(doc.id, doc.sha256, tuple(rows))


def _gazetteer_lookup(name: str) -> str | None:
    """Ask the organisation gazetteer (if present) for the key of a name."""
    try:
        from graph.gazetteer import organizations as gz  # type: ignore
    except Exception:
        return None
    for fn in ("lookup", "lookup_key", "find", "resolve"):
        f = getattr(gz, fn, None)
        if callable(f):
            try:
                r = f(name)
            except Exception:
                continue
            if isinstance(r, str):
                return r
            key = getattr(r, "key", None)
            if isinstance(key, str):
                return key
            if isinstance(r, tuple) and r and isinstance(r[0], str):
                return r[0]
    return None


_UN_WORDS = re.compile(r"\b(United Nations|UN|World Health|Food and Agriculture|Labour Organization|"
                       r"Children's Fund|Programme|High Commissioner)\b")
_IFI_WORDS = re.compile(r"\b(Bank|Monetary Fund)\b")


@lru_cache(maxsize=65536)  # every organisation's names are normalised again per lookup
def _norm_name(s: str) -> str:
    s = re.sub(r"^(?:the|The)\s+", "", s.strip())
    return re.sub(r"\s+", " ", s).strip(" ,.;:").lower()


def _passage_country(doc: Document, passage: str) -> str | None:
    """The ISO3 of the country entry the passage sits in, if any."""
    p = next((q for q in doc.passages if q.id == passage), None)
    return section_iso3(doc, p.section_id) if p is not None else None


def resolve_org(kb: KnowledgeBase, doc: Document, name: str, passage: str | None = None,
                create: bool = True):
    """The Organization entity for a name or acronym: existing KB entity, gazetteer key, or new."""
    name = re.sub(r"^(?:the|The)\s+", "", name.strip()).strip(" ,.;:")
    if not name:
        return None
    acr_map = acronym_table(doc)
    full = acr_map.get(name)
    acronym = name if full else None
    if full is None:
        rev = {_norm_name(v): k for k, v in acr_map.items()}
        if _norm_name(name) in rev:
            acronym, full = rev[_norm_name(name)], name
    wanted = {_norm_name(name)} | ({_norm_name(full)} if full else set())
    hits = []
    for e in kb.of_type("Organization"):
        labels = {_norm_name(e.label)} | {_norm_name(a) for a in e.alt_labels}
        if e.acronym:
            labels.add(_norm_name(e.acronym))
        if labels & wanted:
            hits.append(e)
    if hits:
        # Two countries' institutions share a name ("INSS"): the one of the country whose entry
        # the passage is in is meant.
        home = _passage_country(doc, passage) if len(hits) > 1 and passage else None
        e = next((h for h in hits if home and h.attrs.get("country") == home), hits[0])
        if passage:
            e.passages.add(passage)
        return e
    key = _gazetteer_lookup(name) or (_gazetteer_lookup(full) if full else None)
    if key and eid("Organization", key) in kb.entities:
        e = kb.entities[eid("Organization", key)]
        if passage:
            e.passages.add(passage)
        return e
    if not create:
        return None
    label = full or name
    role = "ifi" if _IFI_WORDS.search(label) else "un_agency" if _UN_WORDS.search(label) else "other"
    return kb.add_entity("Organization", key or slug(label), label,
                         alt_labels=[name] if name != label else [], acronym=acronym, role=role,
                         passage=passage)


# ---------------------------------------------------------------------------------------------
#  ILO instruments
# ---------------------------------------------------------------------------------------------

_NO = r"No\.?\s*(\d{1,3})"
ILO_INSTR = re.compile(
    r"(?P<kind>Convention|Recommendation)s?\s+" + _NO.replace("(\\d", "(?P<n1>\\d")
    + r"|(?<![\w\-./])(?P<cr>[CR])\.?\s?(?P<n2>\d{2,3})(?![\w\-])")
_TITLE_TOKEN = r"(?:\(?[A-Z][A-Za-z'’\-]*\)?)"
ILO_TITLE = re.compile(
    r"(?P<title>(?:" + _TITLE_TOKEN + r"\s+(?:(?:and|of|for|on|the|in)\s+)?){1,9}"
    r"(?P<kind>Convention|Recommendation)),\s*(?P<year>\d{4})\s*(?:\[[^\]]{0,60}\]\s*)?"
    r"\(No\.\s*(?P<num>\d{1,3})\)")
_THIS_INSTR = re.compile(r"\b(?:this|the|that)\s+(?:\w+\s+){0,2}?(Convention|Recommendation)\b(?!\s+No)")


def _instr_entity(kb: KnowledgeBase, kind: str, num: int, passage: str | None, title: str | None = None,
                  year: str | None = None, surface: str | None = None):
    letter = "c" if kind.lower().startswith("c") else "r"
    kind_word = "Convention" if letter == "c" else "Recommendation"
    alts = [f"{letter.upper()}{num}", f"{kind_word} No. {num}"]
    if surface:
        alts.append(surface)
    if title:
        alts.append(title)
        alts.append(f"{title}, {year} (No. {num})" if year else title)
    known = instrument_title(letter, num)  # general knowledge: how people name it when the report cites a number
    if known and known not in alts:
        alts.append(known)
    return kb.add_entity("LegalInstrument", f"{letter}{num}", f"{kind_word} No. {num}",
                         alt_labels=alts, role="ILOConvention" if letter == "c" else "ILORecommendation",
                         passage=passage, number=num, title=title, adoptionYear=year,
                         issuer="ILO")


def instrument_mentions(text: str) -> list[tuple[int, int, str, int]]:
    """(start, end, 'c'|'r', number) for each ILO instrument mention in text."""
    out = []
    for m in ILO_INSTR.finditer(text):
        if m.group("kind"):
            out.append((m.start(), m.end(), m.group("kind")[0].lower(), int(m.group("n1"))))
        else:
            out.append((m.start(), m.end(), m.group("cr").lower(), int(m.group("n2"))))
    for m in ILO_TITLE.finditer(text):
        out.append((m.start("title"), m.end(), m.group("kind")[0].lower(), int(m.group("num"))))
    return sorted(set(out))


# The title-case words a cut sentence ends on ("... and the ILO Social" | page break | "Security
# (Minimum Standards) Convention, 1952 (No. 102)"): the head of a title the break split.
_CUT_TAIL = re.compile(r"(?:^|[^.!?:;)\]\"'’])\s(?P<tail>(?:[A-Z][A-Za-z'’\-]*\s+){0,3}[A-Z][A-Za-z'’\-]*)$")
_LOOKBACK = 6  # passages back to a cut sentence (figures and headings may sit between its halves)


def cut_before(passages: list, i: int):
    """The nearest passage shortly before passage ``i`` that stops mid-sentence on title-case words
    (the first half of a sentence a layout break cut), or None.  A passage that ends a sentence, or
    a list item or heading without a full stop ("Step 3. Improving operations"), is passed over."""
    for back in range(1, _LOOKBACK + 1):
        if i - back < 0:
            return None
        text = passages[i - back].text.rstrip()
        if text[-1:] in ".!?:;)\"'’”":
            continue  # a finished sentence: not the cut one
        if _CUT_TAIL.search(text) is None:
            continue
        return passages[i - back]
    return None


def _cut_head(passages: list, i: int) -> str | None:
    """The title-case words a cut sentence shortly before passage ``i`` ends on, or None.

    A layout break can split an instrument's title across passages, so the title at the start of
    passage ``i`` lacks its first words; they end the nearest earlier passage that stops mid-sentence."""
    cut = cut_before(passages, i)
    if cut is None:
        return None
    m = _CUT_TAIL.search(cut.text.rstrip())
    head = re.sub(r"^(?:(?:ILO|The|the)\s+)+", "", m.group("tail")).strip()
    return head or None


def _extract_ilo(doc: Document, kb: KnowledgeBase) -> None:
    for i, p in enumerate(doc.passages):
        for m in ILO_TITLE.finditer(p.text):
            title = m.group("title").strip()
            title = re.sub(r"^(?:ILO|The|the)\s+", "", title)
            if m.start("title") == 0:
                head = _cut_head(doc.passages, i)  # "Social" + "Security (Minimum Standards) Convention"
                title = f"{head} {title}" if head else None
            if title is not None and len(title.split()) < 2:
                title = None  # likely cut by a page break: keep the number, not a partial title
            _instr_entity(kb, m.group("kind"), int(m.group("num")), p.id, title, m.group("year"))
        for m in ILO_INSTR.finditer(p.text):
            if m.group("kind"):
                _instr_entity(kb, m.group("kind"), int(m.group("n1")), p.id)
            else:
                _instr_entity(kb, m.group("cr"), int(m.group("n2")), p.id, surface=m.group(0))
    for s in doc.sections:  # titles such as "Box 3: Convention No. 102 ratification campaign"
        for m in ILO_INSTR.finditer(s.title):
            kind = m.group("kind") or m.group("cr")
            num = int(m.group("n1") or m.group("n2"))
            ps = doc.passages_in(s.id)
            _instr_entity(kb, kind, num, ps[0].id if ps else None)


# ---------------------------------------------------------------------------------------------
#  National laws and strategies
# ---------------------------------------------------------------------------------------------

_STRATEGY_HEADS = ("Strategy", "Policy", "Plan")
_LAW_HEADS = ("Act", "Law", "Code", "Decree", "Bill", "Regulation", "Ordinance", "Constitution")
_CONNECT = r"(?:of|on|for|and|the|to|in|de|la|du|des)"
_CAPTOK = r"(?:[A-Z][A-Za-z'’\-]*|\([A-Z]{2,8}\)|\d{4}(?:\s*[-–]\s*\d{2,4})?)"
NAT_INSTR = re.compile(
    r"(?P<name>(?:" + _CAPTOK + r"(?:\s+(?:" + _CONNECT + r"\s+){0,2}" + _CAPTOK + r")*?\s+)?"
    r"(?P<head>" + "|".join(_STRATEGY_HEADS + _LAW_HEADS) + r")(?![\w\-])"
    r"(?:\s+(?:on|for|of)\s+(?:the\s+)?[A-Z][A-Za-z'’\-]*(?:\s+(?:and\s+|(?:of|for|on)\s+(?:the\s+)?)?[A-Z][A-Za-z'’\-]*){0,6})?)"
    r"(?P<tail>(?:\s*No\.?\s*[\d][\w/.\-]*(?:\s*/\s*\d{4})?)?"
    r"(?:\s+(?:of\s+)?\d{4}(?:\s*[-–]\s*\d{2,4})?)?"
    r"(?:\s*\((?P<acr>[A-Z][A-Za-z0-9\-]{1,11})\))?"
    r"(?:\s*\((?P<period>\d{4}\s*[-–]\s*\d{2,4})\))?)")
# "Decree No. 2024-123", or a coded number without "No." that ends in a year: "Decree 824/MOH/2024"
# (written "824/MOH/ 2024" when a line broke after the slash)
_CODED_NO = r"\d+(?:/[A-Za-z0-9.\-]+)*/\s?(?:19|20)\d{2}\b"
LAW_NO = re.compile(r"\b(?P<name>(?:Law|Decree|Act|Resolution)\s+(?:No\.?\s*\d[\w/.\-]*(?:\s*/\s*\d{4})?|"
                    + _CODED_NO + r"))")
_NUMBERED = re.compile(r"No\.?\s*\d|\b" + _CODED_NO)
_ORG_WORDS = re.compile(r"\b(Ministry|Minister|Department|Institute|Agency|Authority|Office|Commission|"
                        r"Council|Assembly|Parliament|Bureau|Organi[sz]ation|Board|Directorate|Secretariat|"
                        r"Committee|Unit|Team|Centre|Center|Fund|Bank|University|Party|Plenum)\b")
_LEAD_STRIP = re.compile(r"^(?:(?:The|A|An|In|On|By|Its|Their|Under|With|Following|Through|New|"
                         r"Revised|Current|First|Second|Third|\d{4})\s+)+")
_ACTION = re.compile(r"\b(adopt\w*|approv\w*|launch\w*|validat\w*|endors\w*|pass\w*|enact\w*|"
                     r"publish\w*|finali[sz]\w*|sign\w*|promulgat\w*|introduc\w*|issued)\b[^.]{0,80}?"
                     r"\b(?:in|on)\s+(?:(?:early|late|mid-?)\s*)?(?:\d{1,2}\s+)?"
                     + MONTH + r"?\s*(\d{4})\b")
_GENERIC_NAMES = {"national strategy", "national policy", "strategy", "policy", "law", "act",
                  "national plan", "action plan", "framework", "legal framework", "social policy",
                  "social protection policy", "social protection strategy"}


_VERB = (r"(?:adopt\w*|approv\w*|launch\w*|validat\w*|endors\w*|pass\w*|enact\w*|publish\w*|"
         r"finali[sz]\w*|sign\w*|promulgat\w*|introduc\w*|issued)")
_PRE_VERB = re.compile(r"\b" + _VERB + r"\s+(?:(?:the|its|a|an|their|new|revised|first|updated)\s+){0,3}$")
_YEAR_IN = re.compile(r"\b(?:[Ii]n|[Oo]n|[Bb]y)\s+(?:(?:early|late|mid-?)\s*)?(?:\d{1,2}\s+)?"
                      r"(?:" + MONTH + r"\s+)?((?:19|20)\d{2})\b(?!\s*[-–])")
_FUTURE = re.compile(r"\b(expected|will|to be|planned|slated|due|would|should)\b[^.]{0,25}$")


# "National Strategy on Social Protection": a head noun with its topic after "on"/"for" (one to
# three capitalised words, nothing after them)
_TOPIC_AFTER = re.compile(r"^(?P<lead>(?:[A-Z][a-z]+\s+)?)(?P<head>" + "|".join(_STRATEGY_HEADS) + r")\s+(?:on|for)\s+"
                          r"(?P<topic>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})$")


def compound_forms(name: str) -> list[str]:
    """The same strategy's name with its topic written before the head noun, as English also says it:
    "National Strategy on Social Protection" is "National Social Protection Strategy".  Why: a
    reader asking which countries adopted a "national social protection strategy" means Albania's
    "National Strategy on Social Protection" as much as Uganda's NSPS; only the label told them apart."""
    m = _TOPIC_AFTER.match(name)
    return [f"{m.group('lead')}{m.group('topic')} {m.group('head')}"] if m else []


def _action_year(sent: str, st: int, en: int) -> str | None:
    """The year a named instrument was adopted/launched/validated, when the sentence says so."""
    for am in _ACTION.finditer(sent, st):
        if am.start() - en > 120:
            break
        if not _FUTURE.search(sent[max(0, am.start() - 40):am.start()]) and \
                not re.search(r"\b(expected|will|to be|planned|slated|due)\b", am.group(0)):
            return am.group(2)
    if _PRE_VERB.search(sent[max(0, st - 60):st]) and not _FUTURE.search(sent[max(0, st - 100):st]):
        ys = list(_YEAR_IN.finditer(sent))
        if ys:
            return min(ys, key=lambda y: abs(y.start() - st)).group(1)
    return None


def _period(full: str) -> str | None:
    m = re.search(r"\b((?:19|20)\d{2})\s*[-–]\s*(\d{2,4})\b", full)
    return f"{m.group(1)}-{m.group(2)}" if m else None


def _clean_nat_name(name: str) -> str:
    name = _LEAD_STRIP.sub("", name.strip())
    return re.sub(r"\s+", " ", name).strip()


def _extract_national(doc: Document, kb: KnowledgeBase) -> None:
    for p in doc.passages:
        if p.kind in ("table", "caption"):
            continue
        for s0, s1, sent in sentences(p.text):
            quoted = [(q.start(), q.end()) for q in re.finditer(r"[\"“][^\"”]{3,300}[\"”]", sent)]
            cands = []
            for m in NAT_INSTR.finditer(sent):
                cands.append((m.start("name"), m.end(), m.group("name"), m.group("head"),
                              m.group("tail") or "", m.group("acr"), m.group("period"), None))
            for m in LAW_NO.finditer(sent):
                # the name as written too ("824/MOH/ 2024"): the sentences that name it are found by it
                cands.append((m.start(), m.end(), re.sub(r"/\s+", "/", m.group("name")), m.group("name").split()[0],
                              "", None, None, m.group("name")))
            taken: list[tuple[int, int]] = []
            for st, en, name, head, tail, acr, period, written in sorted(cands, key=lambda c: (c[0], -c[1])):
                if any(a <= st < b for a, b in taken) or any(a <= st < b for a, b in quoted):
                    continue
                name = _clean_nat_name(name)
                poss = re.match(r"^([A-Z][\w' ]+?)['’]s\s+", name)
                if poss and countries.lookup(poss.group(1)):
                    name = name[poss.end():]
                if _ORG_WORDS.search(name) or name.lower() in _GENERIC_NAMES:
                    continue
                if countries.lookup(name) or len(name) < 6:
                    continue
                words = [w for w in name.split() if w[0].isupper()]
                if len(words) < 2 and not _NUMBERED.search(name + tail):
                    continue
                if name.split()[0] == head and not re.match(r"\S+\s+(?:on|for|of)\s", name) \
                        and not _NUMBERED.search(name + tail):
                    continue
                full = (name + tail).strip()
                num = re.search(r"No\.?\s*([\d][\w/.\-]*(?:\s*/\s*\d{4})?)", full) or \
                    re.search(r"\b(" + _CODED_NO + r")", full)
                yr_in = re.search(r"\b(?:of\s+)?(\d{4})\s*$", re.sub(r"\s*\([^)]*\)\s*$", "", full))
                label = re.sub(r"\s*\([A-Z][A-Za-z0-9\-]{1,11}\)", "", full).strip()
                iso = sentence_country(doc, p, sent, st)
                if not iso:
                    continue
                taken.append((st, en))
                role = "NationalStrategy" if head in _STRATEGY_HEADS else "NationalLaw"
                year = _action_year(sent, st, en)
                base = re.sub(r"(?:\s+\(?|\s*\()(?:of\s+)?\d{4}(?:\s*[-–]\s*\d{2,4})?\)?\s*$", "", label) or label
                key = slug(f"{iso} {base}")
                ensure_country(kb, iso, p.id)
                alts = [full, base] + ([acr] if acr else []) + ([written] if written and written != full else [])
                if role == "NationalStrategy":
                    alts += compound_forms(base)
                e = kb.add_entity("LegalInstrument", key, label, alt_labels=alts,
                                  acronym=acr, role=role, passage=p.id, country=iso,
                                  number=num.group(1) if num else None,
                                  period=(period or _period(full)),
                                  description=sent.strip()[:400])
                if year and not e.attrs.get("year"):
                    e.attrs["year"] = year
                if yr_in and not period and not e.attrs.get("enactedYear") and role == "NationalLaw":
                    e.attrs["enactedYear"] = yr_in.group(1)
                if acr:
                    _remember_acronym(e, acr)
    # "Framework Law" and "Framework Law No. 09/21" in one country: one instrument
    laws = kb.of_type("LegalInstrument")
    for e in laws:
        if e.role not in ("NationalLaw", "NationalStrategy") or e.attrs.get("number"):
            continue
        for o in laws:
            if o is not e and o.attrs.get("country") == e.attrs.get("country") and o.attrs.get("number") \
                    and o.label.lower().startswith(e.label.lower() + " ") and e.id in kb.entities:
                o.passages |= e.passages
                o.alt_labels.add(e.label)
                del kb.entities[e.id]
                break
    # later bare acronym mentions in the same country entry add evidence passages
    for e in kb.of_type("LegalInstrument"):
        if e.acronym and e.attrs.get("country"):
            pat = re.compile(r"(?<![\w-])" + re.escape(e.acronym) + r"(?![\w-])")
            for p in doc.passages:
                if section_iso3(doc, p.section_id) == e.attrs["country"] and pat.search(p.text):
                    e.passages.add(p.id)


def _remember_acronym(e, acr: str) -> None:
    e.alt_labels.add(acr)


# ---------------------------------------------------------------------------------------------
#  Ratifications
# ---------------------------------------------------------------------------------------------

_INTENT = re.compile(r"(promot\w*|towards|advocat\w*|accelerat\w*|encourag\w*|consider\w*|possible|"
                     r"potential|campaign\s+for|call\s+for|supporting|prepar\w*)\s+(?:the\s+)?(?:its\s+)?"
                     r"(?:\w+\s+){0,2}$")
_NOT_YET = re.compile(r"\b(yet to be|not yet|pending|awaiting)\b", re.I)
_CLAUSE_END = re.compile(r"\b(?:while|whereas|but|although|however)\b|;|\.\s")
_SINCE = re.compile(r"\b[Ss]ince\b[^.;]{0,60}?\b((?:19|20)\d{2})\b")


def _instrument_at(doc: Document, p: Passage, sent: str, sent_start: int) -> list[tuple[int, int, str]]:
    """Instrument mentions in a sentence as (start, end, entity id); anaphora resolved."""
    out = [(a, b, eid("LegalInstrument", f"{k}{n}")) for a, b, k, n in instrument_mentions(sent)]
    if out:
        return out
    m = _THIS_INSTR.search(sent)
    if not m:
        return []
    kind = m.group(1)[0].lower()
    prior = [x for x in instrument_mentions(p.text[:sent_start]) if x[2] == kind]
    if prior:
        return [(m.start(), m.end(), eid("LegalInstrument", f"{kind}{prior[-1][3]}"))]
    for s in section_chain(doc, p.section_id):
        ms = [x for x in instrument_mentions(s.title) if x[2] == kind]
        if ms:
            return [(m.start(), m.end(), eid("LegalInstrument", f"{kind}{ms[0][3]}"))]
    return []


def _countries_in(text: str) -> list[str]:
    return list(dict.fromkeys(f[3] for f in countries.find_countries(text)))


def _extract_ratifications(doc: Document, kb: KnowledgeBase) -> None:
    # (iso3, instrument id) -> list of (rank, year, status, since, passage id)
    cands: dict[tuple[str, str], list[tuple[int, str | None, str, str | None, str]]] = {}

    def add(iso, inst, rank, year, status, since, pid):
        if iso and inst in kb.entities:  # `sent` is the sentence being read (the evidence)
            cands.setdefault((iso, inst), []).append((rank, year, status, since, pid, sent.strip()))

    for p in doc.passages:
        if "ratif" not in p.text.lower():
            continue
        for s0, s1, sent in sentences(p.text):
            low = sent.lower()
            if "ratif" not in low:
                continue
            insts = _instrument_at(doc, p, sent, s0)
            if not insts:
                continue
            since = _SINCE.search(sent)
            since = since.group(1) if since else None
            done = set()
            for a, b, inst in insts:
                tail = sent[b:b + 60]
                # "Convention No. 102 (ratified in 2022)"
                m = re.match(r"\s*\(\s*ratified\s+(?:in\s+)?((?:19|20)\d{2})\s*\)", tail)
                if m:
                    add(sentence_country(doc, p, sent, a), inst, 3, m.group(1), "registered", None, p.id)
                    done.add(inst)
                    continue
                # "..., which El Salvador ratified in 2022" / "X ratified it in 2022"
                m = re.match(r"[^.;()]{0,40}?\b(?:which|that)\s+([A-Z][^.;]{1,60}?)\s+(?:has\s+)?ratified\s+"
                             r"(?:it\s+)?in\s+((?:19|20)\d{2})", tail + sent[b + 60:b + 120])
                if m:
                    iso = countries.lookup(m.group(1)) or sentence_country(doc, p, sent, a)
                    add(iso, inst, 3, m.group(2), "registered", None, p.id)
                    done.add(inst)
                    continue
                head = sent[max(0, a - 80):a]
                # "the ratification of Convention No. 102 in 2024"
                hm = re.search(r"\bratification\s+of\s+(?:the\s+)?$", head)
                if hm:
                    pre = head[:hm.start()]
                    approved = re.search(r"\bapprov\w*\s+(?:the\s+)?$", pre)
                    if approved:
                        ym = re.search(r"\b(?:in|on)\s+(?:\w+\s+)?((?:19|20)\d{2})\b", sent)
                        status = "approved-not-yet-registered" if _NOT_YET.search(p.text[s0:]) else "approved"
                        add(sentence_country(doc, p, sent, a), inst, 2, ym.group(1) if ym else None,
                            status, None, p.id)
                        done.add(inst)
                        continue
                    if _INTENT.search(pre):
                        continue
                    ym = re.match(r"\s*(?:,\s*)?(?:in|on)\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?((?:19|20)\d{2})\b", tail)
                    if ym:
                        add(sentence_country(doc, p, sent, a), inst, 2, ym.group(1), "registered", None, p.id)
                        done.add(inst)
                        continue
            # "two new ratifications of Convention No. 102 were registered in 2024: the
            #  ratifications of Suriname and Sao Tome and Principe"
            m = re.search(r"ratifications?\b(?:[^.;]|\.(?=\s*\d)){0,80}?\b(?:were|was|have been|has been)\s+"
                          r"(?:registered|deposited|recorded)\s+in\s+((?:19|20)\d{2})", sent)
            if m:
                inst = insts[0][2]
                for iso in _countries_in(sent[m.start():]):
                    add(iso, inst, 2, m.group(1), "registered", since, p.id)
                continue
            # "eight Member States have now ratified this landmark Convention, A, B ... and C,
            #  while many others ..."
            m = re.search(r"\b(?:have|has)\s+(?:now\s+|already\s+|also\s+|since\s+)?ratified\b", sent)
            if m:
                rest = sent[m.end():]
                end = _CLAUSE_END.search(rest)
                clause = rest[:end.start()] if end else rest
                isos = _countries_in(clause)
                if not isos:
                    isos = _countries_in(sent[:m.start()])
                ym = re.search(r"\bin\s+((?:19|20)\d{2})\b", clause)
                inst = insts[0][2]
                for iso in isos:
                    if inst in done:
                        break
                    add(iso, inst, 1, ym.group(1) if ym else None, "registered", since, p.id)

    for (iso, inst), evs in cands.items():
        evs.sort(key=lambda e: (-e[0], e[1] is None))
        best = evs[0]
        statuses = {e[2] for e in evs}
        status = "registered" if "registered" in statuses else best[2]
        year = next((e[1] for e in evs if e[1] and e[2] == status), best[1])
        since = next((e[3] for e in evs if e[3]), None)
        ensure_country(kb, iso, best[4])
        pids = [e[4] for e in evs]
        kb.add_fact(eid("Country", iso), "ratified", inst, pids, kind="Ratification", sentence=best[5],
                    year=year, status=status, since=since)


# ---------------------------------------------------------------------------------------------
#  Ratification campaign: formal inquiries, assessments of alignment or gaps
# ---------------------------------------------------------------------------------------------

_INQUIRED = re.compile(r"\b(?:formally\s+|officially\s+)?(?:inquired|enquired|requested\s+information|"
                       r"expressed\s+(?:an\s+)?interest)\s+(?:about|on|in|into)\b")
_ASSESS = re.compile(r"\b(?:assess\w*|gap\s+(?:analys[ie]s|assessments?|studies|study)|comparative\s+"
                     r"(?:assessments?|analys[ie]s|stud(?:y|ies)|reviews?|reports?)|compliance\s+(?:review|assessment|"
                     r"analysis)|alignment\s+(?:review|assessment|analysis))\b")
_ALIGN_CUE = re.compile(r"\b(?:align\w*|against|between|gaps?|compl\w+|conform\w*|compatib\w*|"
                        r"minimum\s+(?:requirements|standards)|requirements\s+(?:of|set\s+out))\b")
_LIST_AFTER = re.compile(r"(?::|,?\s*(?:including|namely|such\s+as))\s+")


def _countries_listed(text: str) -> list[str]:
    """Countries of a list that starts the text (stops at the clause's end)."""
    end = re.search(r"(?<!\bNo)\.\s|;|\bwhile\b|\bwhereas\b", text)
    return _countries_in(text[:end.start()] if end else text)


def _extract_campaign(doc: Document, kb: KnowledgeBase) -> None:
    for p in doc.passages:
        low = p.text.lower()
        if not any(w in low for w in ("inquir", "enquir", "assess", "gap", "interest", "compar", "compliance",
                                       "alignment")):
            continue
        for s0, s1, sent in sentences(p.text):
            insts = _instrument_at(doc, p, sent, s0)
            if not insts:
                # "inquired about the Campaign": the campaign's instrument, from the section title
                if not _INQUIRED.search(sent):
                    continue
                for s in section_chain(doc, p.section_id):
                    ms = instrument_mentions(s.title)
                    if ms:
                        insts = [(0, 0, eid("LegalInstrument", f"{ms[0][2]}{ms[0][3]}"))]
                        break
                if not insts:
                    continue
            inst = insts[0][2]
            if inst not in kb.entities:
                continue
            ym = _YEAR_IN.search(sent)
            year = ym.group(1) if ym else None
            since = _SINCE.search(sent)
            if since and year == since.group(1):
                year = None  # "Since the Campaign's launch in 2021, ... inquired": not the inquiry's year
            # formal inquiries: "many others have formally inquired about the Campaign, including A, B"
            m = _INQUIRED.search(sent)
            if m:
                rest = sent[m.end():]
                lm = _LIST_AFTER.search(rest)
                isos = _countries_listed(rest[lm.end():]) if lm else []
                if not isos:  # "A and B formally inquired about ..."
                    clause = sent[:m.start()]
                    cut = max(clause.rfind(","), clause.rfind(";"))
                    isos = _countries_in(clause[cut + 1:] if cut > 0 and "while" in clause[cut:] else clause)
                    isos = isos if not re.search(r"\bratified\b", clause) else []
                for iso in isos:
                    ensure_country(kb, iso, p.id)
                    kb.add_fact(eid("Country", iso), "inquiredAbout", inst, [p.id], year=year, sentence=sent.strip(),
                                since=since.group(1) if since else None, status="inquired")
            # assessments of alignment or gaps against the instrument
            for am in _ASSESS.finditer(sent):
                a0 = insts[0][0]
                window = sent[am.start():a0 + 1] if a0 > am.start() else sent[am.start():am.start() + 160]
                comparative = re.match(r"(?:comparative|gap)\b", am.group(0))
                if not (comparative or _ALIGN_CUE.search(window)) or (a0 > am.start() and a0 - am.end() > 160):
                    continue
                rest = sent[insts[0][1]:] if a0 > am.start() else sent[am.end():]
                lm = _LIST_AFTER.match(rest) or (re.match(r"\s*:\s*", rest))
                isos = _countries_listed(rest[lm.end():]) if lm else []
                if not isos:
                    iso = sentence_country(doc, p, sent, am.start())
                    isos = [iso] if iso else []
                status = "ongoing" if re.search(r"\b(?:assessing|is\s+conducting|are\s+conducting|ongoing|"
                                                 r"is\s+supporting|are\s+supporting)\b", sent) else "conducted"
                for iso in isos:
                    ensure_country(kb, iso, p.id)
                    f = kb.add_fact(eid("Country", iso), "alignmentAssessed", inst, [p.id], year=year, status=status,
                                    sentence=sent.strip())
                    # One assessment told twice, as done in the country's entry and as under way in a
                    # list: the statement keeps both statuses, so "which countries is the ILO helping
                    # assess" (the ongoing ones) finds it as well as a question about those conducted.
                    if f.attrs.get("status") != status and status not in f.attrs.setdefault("also_status", []):
                        f.attrs["also_status"].append(status)
                break


def extract(doc: Document, kb: KnowledgeBase) -> None:
    _extract_ilo(doc, kb)
    _extract_national(doc, kb)
    _extract_ratifications(doc, kb)
    _extract_campaign(doc, kb)
