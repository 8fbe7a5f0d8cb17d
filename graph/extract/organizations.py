"""Organisations: the report's acronym table, inline definitions, ministries, and the gazetteer.

* (a) The acronym table — a two-column table whose first cells are acronyms and whose second cells
  expand them — gives organisations for the expansions that name an organisation (a head noun such
  as Organization/Fund/Bank/Programme..., or an organisation the general gazetteer knows).
  Acronyms the converter spelled with look-alike letters and that ``clean_inline`` folded to
  lowercase ('wно' -> 'who') get their case back when the row is clearly an acronym.
* (b) "Full Name (ACRONYM)" definitions in running text, where the name is an institution
  (ending in Fund, Institute, Corporation, Board, ... or starting with Ministry/Department of),
  give organisations; in a country entry, or when followed/ended by "of <Country>", they are
  national institutions of that country.
* (c) "Ministry of ..." names attach to the country of the passage (or the one they name).
* Well-known international organisations named anywhere in the text are added from the gazetteer.

``find_organizations(text, kb)`` finds organisation names, alternative names and acronyms in a
text; it is used by later extractors (engagements, mentions).
"""
from __future__ import annotations

import re

from graph import countries
from graph.gazetteer import organizations as gaz
from graph.kb import Entity, KnowledgeBase, eid, name_changes
from graph.model import Document, Passage, Section, Table
from graph.vocab import slug

# --- helpers shared with the other extractors -----------------------------------------------

_ACR = r"[A-Z][A-Za-z0-9&+./-]{0,14}[A-Z0-9+]"
_ACRONYM_RX = re.compile(rf"^{_ACR}$")
_INTERNATIONAL = re.compile(
    r"^(?:the\s+)?(?:International|Global|World|United Nations|UN|Inter-|Regional|European|African|Asian|"
    r"Arab|Latin American|Pacific|Caribbean|Islamic)\b"
)
INLINE_HEADS = {
    "Fund", "Institute", "Institution", "Corporation", "Board", "Trust", "Agency", "Ministry", "Authority",
    "Organization", "Organisation", "Office", "Bank", "Foundation", "Confederation", "Union", "Commission",
    "Council", "Service", "Services", "Department", "Directorate", "Secretariat", "Bureau", "Caisse",
    "Committee", "Federation", "Association", "Centre", "Center", "Forum", "Chamber", "Administration",
    # a mutual or cooperative that covers a group of workers ("National Social Mutual of Artisans
    # (MSNAS)") and a government unit ("Social Protection Reform Unit (SPRU)") are bodies too
    "Mutual", "Mutuelle", "Cooperative", "Unit",
}
_FIRST_HEADS = {"Ministry", "Department", "Directorate", "Caisse", "Office", "Secretariat", "Agency",
                "Institute", "Bureau", "Commission", "Council", "Federation", "Association", "Confederation",
                "Authority", "Fund", "Board", "Union", "Centre", "Center",
                # "National Organization for Social Insurance (NOSI)": the head before "for"
                "Organization", "Organisation",
                # "National Social Mutual of Artisans": the head before "of"
                "Mutual", "Mutuelle", "Cooperative", "Unit"}
_CONNECT = {"of", "for", "and", "the", "on", "de", "des", "du", "la", "le", "et", "für", "fur", "in",
            "&", "d'", "del", "y", "e", "da", "do", "dos", "das"}


def is_acronym(s: str) -> bool:
    s = s.strip()
    return bool(_ACRONYM_RX.match(s)) and sum(c.isupper() for c in s) >= 2


def entry_country(doc: Document, section_id: str) -> str | None:
    """ISO3 of the country entry a section is (or sits in), else None."""
    sec: Section | None = doc.section(section_id)
    while sec is not None:
        if sec.kind == "country" and sec.iso3:
            return sec.iso3
        sec = doc.section(sec.parent) if sec.parent else None
    return None


def _existing(kb: KnowledgeBase, *, name: str | None = None, acronym: str | None = None,
              iso3: str | None = None) -> Entity | None:
    """An organisation already in the KB with this name or acronym (and country, when given)."""
    want = countries.fold(name) if name else None
    for e in kb.of_type("Organization"):
        if iso3 is not None and e.attrs.get("country") not in (iso3, None):
            continue
        if e.role == "national_institution" and e.attrs.get("country") != iso3:
            continue  # another country's institution, or no country to tell which
        if acronym and e.acronym == acronym:
            if iso3 is None or e.attrs.get("country") == iso3 or e.role != "national_institution":
                return e
        if want and (countries.fold(e.label) == want or any(countries.fold(a) == want for a in e.alt_labels)):
            return e
    return None


def add_known(kb: KnowledgeBase, info: gaz.OrgInfo, passage: str | None = None, **extra) -> Entity:
    return kb.add_entity("Organization", info.key, info.label, alt_labels=info.aliases, acronym=info.acronym,
                         role=info.role, passage=passage, country=info.country, **extra)


def add_institution(kb: KnowledgeBase, name: str, acronym: str | None, iso3: str | None,
                    passage: str | None, role: str | None = None, alt: tuple[str, ...] = ()) -> Entity:
    """A named institution: the gazetteer's entry, an existing one, or a new (national) one."""
    name = re.sub(r"^(?:the|The)\s+", "", name.strip(" ,;.")).strip()
    known = (gaz.lookup_acronym(acronym) if acronym else None) or gaz.lookup(name)
    if known:
        return add_known(kb, known, passage)
    hit = _existing(kb, name=name, acronym=acronym, iso3=iso3)
    alts = {*alt}
    if acronym:
        alts.add(acronym)
        alts.add(f"{name} ({acronym})")
    national = iso3 is not None and not _INTERNATIONAL.match(name)
    if hit is not None:
        if role is None and national:
            role = "national_institution"
        return kb.add_entity("Organization", hit.key, hit.label, alt_labels=alts | {name}, acronym=acronym,
                             role=role, passage=passage, country=iso3 if national else None)
    if role is None:
        role = "national_institution" if national else guess_role(name)
    base = slug(acronym) if acronym else slug(name)
    key = f"{base}-{iso3.lower()}" if national else base
    if f"Organization:{key}" in kb.entities and not national and acronym:
        key = slug(f"{name}")
    return kb.add_entity("Organization", key, name, alt_labels=alts, acronym=acronym, role=role,
                         passage=passage, country=iso3 if national else None)


def guess_role(name: str) -> str:
    n = name
    if re.search(r"multi-?\s?donor|trust fund|joint .*fund|pooled fund", n, re.I):
        return "multi_donor_fund"
    if gaz.COMPANY_SUFFIX.search(n):
        return "private_company"
    if re.search(r"\bFoundation\b", n):
        return "foundation"
    if re.search(r"\bTrade Union|\bEmployers'|\bWorkers'|\bConfederation\b", n):
        return "social_partner"
    if re.search(r"^(?:the\s+)?(?:United Nations|UN)\b", n) and re.search(
            r"\b(Organi[sz]ation|Programme|Fund|Office|Agency|Secretariat|Commission)\b", n):
        return "un_agency"
    if re.search(r"\bNetwork\b", n):
        return "network"
    return "other"


# --- (a) the acronym table ------------------------------------------------------------------

TABLE_ORG_HEADS = re.compile(
    r"\b(Organi[sz]ation|Fund|Bank|Programme|Program|Office|Board|Centre|Center|Confederation|Association|"
    r"Agency|Initiative|Committee|Union|Facility|Secretariat|Network|Team|Federation|Institute|Foundation|"
    r"Council|Commission|Group)\b"
)


def initials_match(acr: str, expansion: str) -> bool:
    """Whether the acronym's letters are initials of the expansion's words, in order (words it skips,
    as "of", "and", allowed): "social health protection" gives SHP, not CMU."""
    letters = [c for c in acr.upper() if c.isalpha()]
    words = [w for w in re.split(r"[\s/-]+", expansion) if w]
    initials = "".join(w[0].upper() for w in words if w[0].isalpha())
    it = iter(initials)
    return len(letters) >= 2 and all(ch in it for ch in letters)


def _acronym_like(cell: str, expansion: str) -> bool:
    cell = cell.strip()
    if not cell or " " in cell or len(cell) > 12 or not expansion or len(expansion.split()) < 2:
        return False
    if is_acronym(cell.replace("$", "")):
        return True
    return cell.isalpha() and cell.islower() and initials_match(cell, expansion)


def acronym_rows(table: Table) -> list[tuple[str, str]] | None:
    """(acronym, expansion) rows when the table is an acronym list, else None."""
    rows = []
    for r in table.rows:
        cells = [c for c in r if c]
        if len(cells) == 2:
            rows.append((cells[0], cells[1]))
    if len(rows) < 3:
        return None
    good = [(a, x) for a, x in rows if _acronym_like(a, x)]
    caption = re.search(r"acronym|abbreviation", table.title or "", re.I)
    if len(good) < 0.6 * len(rows) and not caption:
        return None
    out = []
    for a, x in good:
        if a.isalpha() and a.islower() and initials_match(a, x):
            a = a.upper()  # a look-alike acronym folded to lowercase ('who' -> 'WHO')
        out.append((a, x))
    return out


def names_organization(expansion: str) -> bool:
    return bool(TABLE_ORG_HEADS.search(expansion)) or gaz.lookup(expansion) is not None


def _table_passage(doc: Document, table: Table) -> Passage | None:
    return next((p for p in doc.table_passages() if p.start == table.start), None)


def acronym_table(doc: Document) -> list[tuple[str, str, str | None]]:
    """Every (acronym, expansion, passage id) of the report's acronym tables."""
    out = []
    for t in doc.tables:
        rows = acronym_rows(t)
        if rows:
            p = _table_passage(doc, t)
            out.extend((a, x, p.id if p else None) for a, x in rows)
    return out


def _from_acronym_table(doc: Document, kb: KnowledgeBase) -> None:
    for acr, expansion, pid in acronym_table(doc):
        known = gaz.lookup_acronym(acr) or gaz.lookup(expansion)
        if known is not None and (known.acronym in (None, acr) or gaz.lookup(expansion) is known):
            add_known(kb, known, pid, expansion=expansion)
            kb.add_entity("Organization", known.key, known.label, alt_labels=[expansion], acronym=acr)
            continue
        if not names_organization(expansion):
            continue
        key = slug(acr)
        kb.add_entity("Organization", key, expansion, alt_labels=[acr, f"{expansion} ({acr})"], acronym=acr,
                      role=guess_role(expansion), passage=pid, expansion=expansion)


# --- (b) inline definitions and (c) ministries ----------------------------------------------

# A short name in brackets is an acronym ("(NSSF)", "(MoLSA)") or a name made of two words run
# together ("(PhilHealth)", "(EsSalud)"): both define the name before them.
_SHORT_NAME = r"[A-Z][a-z]+(?:[A-Z][a-z]+)+"
_DEF = re.compile(rf"\(({_ACR}|{_SHORT_NAME})\)")
_OF_COUNTRY_AFTER = re.compile(r"^\s*of\s+((?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|the|and|d'Ivoire)){0,5})")


def _country_prefix(text: str) -> tuple[str, str] | None:
    """The longest country name at the start of text: (surface, iso3)."""
    words = text.split()
    for n in range(min(6, len(words)), 0, -1):
        cand = " ".join(words[:n]).rstrip(".,;:)")
        iso = countries.lookup(cand)
        if iso:
            return cand, iso
    return None


def _name_before(text: str, end: int) -> str | None:
    """The capitalised name that ends at ``end`` (walking back over connectors)."""
    toks = list(re.finditer(r"[^\s]+", text[:end]))
    words: list[str] = []
    for m in reversed(toks):
        w = m.group(0)
        core = w.rstrip(",")
        if w.endswith(",") and words and (words[0][:1].isupper() or words[0] == "and"):
            # "Ministry of Employment, Labour, and Social Security": commas inside a ministry name
            if not re.search(r"\b(Ministry|Department)\b", text[max(0, m.start() - 80):m.start() + len(w)]):
                break
        elif w.endswith((",", ";", ":", ".", ")")) or w.startswith("("):
            break
        if core == "and" and words and (words[0].lower() == "the" or is_acronym(words[0])):
            break  # "NSSF and the Department of ...": a list, not one name
        if core == "and" and toks.index(m) > 0 and is_acronym(toks[toks.index(m) - 1].group(0).strip(",")):
            break  # "ILO and Rwanda's Social Security Board"
        if core[:1].isupper() or core.lower() in _CONNECT or re.match(r"^\d", core):
            words.insert(0, w)
            if len(words) > 16:
                break
            continue
        break
    while words and (words[0].rstrip(",").lower() in _CONNECT):
        words.pop(0)
    name = " ".join(words).strip(" ,")
    # "Actuarial Advisory Unit of the Social Security Institute (IPS)": the acronym is the last unit's
    parts = re.split(r"\s+of\s+the\s+", name)
    if len(parts) > 1 and _head_ok(parts[-1]):
        name = parts[-1]
    return name or None


def _head_ok(name: str) -> bool:
    words = re.findall(r"[\w'’]+", name)
    if len(words) < 2:
        return False
    if words[-1] in INLINE_HEADS:
        return True
    for i, w in enumerate(words[:-1]):
        if w in INLINE_HEADS and (i == 0 or w in _FIRST_HEADS) and words[i + 1] in ("of", "for", "on", "de", "des", "du"):
            return True
    return False


def inline_definitions(text: str) -> list[tuple[int, int, str, str, str | None]]:
    """(start, end, name, acronym, iso3-named-after) for 'Full Name (ACR) [of Country]' in text."""
    out = []
    for m in _DEF.finditer(text):
        acr = m.group(1)
        if not (is_acronym(acr) or re.fullmatch(_SHORT_NAME, acr)):
            continue
        name = _name_before(text, m.start())
        if not name or not _head_ok(name):
            continue
        start = text.rfind(name, 0, m.start())
        iso, end = None, m.end()
        after = _OF_COUNTRY_AFTER.match(text[m.end():])
        if after:
            hit = _country_prefix(after.group(1))
            if hit:
                iso = hit[1]
                end = m.end() + after.start(1) + len(hit[0])
        if iso is None:
            inner = re.search(r"\bof\s+(.+)$", name)
            if inner:
                hit = _country_prefix(inner.group(1))
                if hit and hit[0] == inner.group(1).strip():
                    iso = hit[1]
        out.append((start, end, name, acr, iso))
    return out


# "the country's social security institution (IESS)": a body the report names only by its acronym,
# after a lower-case description of what it is, owned by a country (a possessive) or by the
# entry's country.  The acronym is its name; the description is a kind, never its label.
_DESCRIBED_BODY = re.compile(
    r"\b(?:(?:the\s+)?(?:country|nation|government)['’]s|(?P<owner>[A-Z][\w'’ -]{1,40}?)['’]s|the|its|their)\s+(?P<desc>(?:[a-z][a-z-]*\s+){1,4}"
    r"(?:institution|institute|fund|agency|authority|corporation|board|office|mutual|trust|bureau))\s+"
    rf"\((?P<acr>{_ACR})\)")


def described_bodies(text: str) -> list[tuple[int, int, str, str, str | None]]:
    """(start, end, acronym, description, iso3-of-the-owner) for "the country's social security
    institution (IESS)" and "Ruritania's pension fund (RPF)"; an owner that is no country gives None
    (the caller falls back to the entry's country, which a possessive "the country's" means)."""
    out = []
    for m in _DESCRIBED_BODY.finditer(text):
        acr = m.group("acr")
        if not is_acronym(acr):
            continue
        owner = m.group("owner")
        iso = countries.lookup(owner.strip()) if owner else None
        out.append((m.start(), m.end(), acr, m.group("desc"), iso))
    return out


_MINISTRY = re.compile(
    r"\bMinistry\s+(?:of|for)\s+(?:the\s+)?(?!Ministry\b)[A-Z][\w’-]*(?:'(?!s\b)[\w-]+)?"
    r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+(?:of|for|&|on)\s+(?:the\s+)?|\s+)"
    r"(?!Ministry\b|Government\b)[A-Z][\w’-]*(?:'(?!s\b)[\w-]+)?)*"
)


def ministries(text: str) -> list[tuple[int, int, str, str | None, str | None]]:
    """(start, end, name, acronym, iso3-named) for 'Ministry of ...' names."""
    out = []
    for m in _MINISTRY.finditer(text):
        name = m.group(0).rstrip(" ,")
        iso = None
        tail = re.search(r"\s+of\s+((?:the\s+)?[A-Z][\w'’ -]*)$", name)
        if tail and name.count(" of ") + name.count(" for ") >= 1:
            hit = _country_prefix(tail.group(1))
            if hit and hit[0] == tail.group(1).strip() and tail.start() > len("Ministry"):
                iso = hit[1]
                name = name[:tail.start()]
        acr = None
        pm = re.match(rf"\s*\(({_ACR})\)", text[m.end():])
        if pm and is_acronym(pm.group(1)):
            acr = pm.group(1)
        if len(name.split()) >= 3:
            out.append((m.start(), m.end(), name, acr, iso))
    return out


# "a collaboration among key national institutions, including the Department of Labor and
# Employment (DOLE), ..., the Social Security System (SSS), and the National Economic and
# Development Authority": the sentence itself says each listed name is a body, whatever its head
# noun ("System") and whether or not an acronym follows it.
_BODIES_LISTED = re.compile(r"\b(?:(?:key|main|national|public|government|state|relevant|several)\s+){0,3}"
                            r"(?:institutions|bodies|agencies|stakeholders|entities|authorities)\s*,?\s+"
                            r"(?:including|such\s+as|namely|notably)\s+")
_LISTED_ITEM = re.compile(rf"(?:and\s+)?(?:the\s+)?(?P<name>[A-Z][\w’'-]*(?:\s+(?:(?:of|for|and|the|on|&)\s+)*[A-Z][\w’'-]*)+)"
                          r"(?:\s*\((?P<acr>[A-Z][\w&+./-]{1,14})\))?")


def listed_bodies(text: str) -> list[tuple[int, int, str, str | None]]:
    """(start, end, name, acronym) for each capitalised name listed after "institutions, including";
    the list ends at the first item that is not such a name (a lower-case "trade unions")."""
    out = []
    for m in _BODIES_LISTED.finditer(text):
        pos = m.end()
        while True:
            item = _LISTED_ITEM.match(text, pos)
            if not item:
                break
            name = item.group("name")
            if countries.lookup(name) is None and not re.match(r"(?:The|A|An|In|This)\b", name):
                out.append((item.start("name"), item.end(), name, item.group("acr")))
            sep = re.match(r"\s*,\s*|\s+and\s+", text[item.end():])
            if not sep:
                break
            pos = item.end() + sep.end()
    return out


_SENT = re.compile(r"(?<=[.!?;])\s+(?=[A-Z\"“(])")


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = 0
    for m in _SENT.finditer(text):
        if m.end() <= pos:
            start = m.end()
        else:
            return start, m.start()
    return start, len(text)


def sentence_country(text: str, pos: int) -> str | None:
    """The one country the sentence around ``pos`` names, if exactly one."""
    a, b = sentence_bounds(text, pos)
    isos = {c[3] for c in countries.find_countries(text[a:b])}
    return isos.pop() if len(isos) == 1 else None


# A name that says it belongs to a state: a ministry, a national or public body, a social security
# institution.  Without one, where the entry is the only clue to a country, the body may be regional.
_STATE_MARK = re.compile(r"\b(?:National|Nationale?|Ministry|Minist[eè]re|Ministerio|Department|Directorate|State|"
                         r"Public|Federal|Government|Social\s+(?:Security|Insurance|Protection|Health)|"
                         r"Health\s+Insurance|Caisse|Instituto|Institut|Agency|Authority|Fund|Corporation|Board)\b")


def listed_with_international(text: str, end: int, name: str) -> bool:
    """Whether 'Name (ACR)' heads a list whose next item is an international organisation.

    "in cooperation with the Economic Research Forum (ERF), UNICEF, UNHCR, and WFP": a body with no
    state mark in its name, named among international organisations, is not typed as a national
    institution of the entry's country just because the entry is about that country.
    """
    if _STATE_MARK.search(name):
        return False
    m = re.match(r"\s*,\s*(?:and\s+)?(?:the\s+)?([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,6})", text[end:])
    if not m:
        return False
    words = m.group(1).split()
    for k in range(len(words), 0, -1):
        info = gaz.lookup(" ".join(words[:k])) or gaz.lookup_acronym(" ".join(words[:k]))
        if info is not None:
            return info.country is None
    return False


def _inline(doc: Document, kb: KnowledgeBase) -> None:
    for p in doc.passages:
        if p.kind in ("table", "caption"):
            continue
        here = entry_country(doc, p.section_id)
        for _s, _e, name, acr, iso in inline_definitions(p.text):
            if gaz.lookup(name) or gaz.lookup_acronym(acr):
                known = gaz.lookup(name) or gaz.lookup_acronym(acr)
                add_known(kb, known, p.id)
                continue
            country = iso
            if country is None and not _INTERNATIONAL.match(name):
                named = countries.find_countries(name)
                country = named[0][3] if named else here or sentence_country(p.text, _s)
                if not named and listed_with_international(p.text, _e, name):
                    country = None
            add_institution(kb, name, acr, country, p.id)
        for _s, _e, acr, _desc, iso in (described_bodies(p.text) if "(" in p.text else ()):
            if gaz.lookup_acronym(acr) or any(e.acronym == acr for e in kb.of_type("Organization")):
                continue  # a body already named in full elsewhere
            country = iso or here
            if country is not None:
                add_institution(kb, acr, None, country, p.id, role="national_institution")
        for _s, _e, name, acr in listed_bodies(p.text):
            known = gaz.lookup(name) or (gaz.lookup_acronym(acr) if acr else None)
            country = here or sentence_country(p.text, _s)
            if known:
                add_known(kb, known, p.id)
            elif country is not None and not _INTERNATIONAL.match(name):  # (a listed name has two words or more)
                add_institution(kb, name, acr, country, p.id, role="national_institution")
        for _s, _e, name, acr, iso in ministries(p.text):
            country = iso or here
            if country is None:
                named = countries.find_countries(p.text)
                isos = {c[3] for c in named}
                country = isos.pop() if len(isos) == 1 else None
            if country is None:
                continue
            add_institution(kb, name, acr, country, p.id, role="national_institution")


# --- gazetteer organisations named in the text ----------------------------------------------

_GAZ_RX: re.Pattern | None = None


def _gazetteer_pattern() -> re.Pattern:
    global _GAZ_RX
    if _GAZ_RX is None:
        forms = {s for o in gaz.ORGANIZATIONS for s in gaz.surfaces(o) if len(s) >= 2}
        forms |= set(gaz.COMPOUND_ALIASES)
        from graph.trie_regex import alternation  # longest first, as a trie: one test per position

        _GAZ_RX = re.compile(r"(?<![\w])" + alternation(forms) + r"(?![\w])")
    return _GAZ_RX


def _gazetteer(doc: Document, kb: KnowledgeBase) -> None:
    rx = _gazetteer_pattern()
    for p in doc.passages:
        for m in rx.finditer(p.text):
            info = gaz.lookup(m.group(0))
            if info is not None:
                add_known(kb, info, p.id)


# --- finding organisations in text ----------------------------------------------------------

# "Mahidol University" is "Mahidol" in a later sentence ("the Masters ... with Mahidol was renewed"):
# a body named by one proper word and the generic noun of its kind
_KIND_HEAD = re.compile(r"^(?P<proper>[A-Z][a-z]{3,})\s+(?:University|Institute|College|Foundation|Academy)$")


def proper_short_form(label: str) -> str | None:
    """The proper word of a name made of it and its kind's noun, when that word is no country's name
    and no English word, else None."""
    from graph.english import english_frequency

    m = _KIND_HEAD.match(label or "")
    if m is None or countries.lookup(m.group("proper")) or m.group("proper").lower() in english_frequency():
        return None  # ("Open University" is never "Open")
    return m.group("proper")


def _org_index(kb: KnowledgeBase) -> tuple[dict[str, list[str]], re.Pattern | None]:
    cached = getattr(kb, "_fg_org_index", None)
    version = name_changes()
    if cached and cached[3] == version:  # no entity's names changed since: O(1), once per sentence
        return cached[1], cached[2]
    orgs = kb.of_type("Organization")
    sig = (len(orgs), sum(len(e.alt_labels) for e in orgs), sum(bool(e.acronym) for e in orgs))
    if cached and cached[0] == sig:
        kb._fg_org_index = (*cached[:3], version)  # type: ignore[attr-defined]
        return cached[1], cached[2]
    forms: dict[str, list[str]] = {}

    def add(surface: str, key: str) -> None:
        surface = (surface or "").strip()
        if len(surface) < 2 or (len(surface) < 3 and not surface.isupper()):
            return
        keys = forms.setdefault(surface, [])
        if key not in keys:
            keys.append(key)

    for e in orgs:
        names = [e.label, *sorted(e.alt_labels)]
        if e.acronym:
            names.append(e.acronym)
        for n in names:
            if e.role == "bilateral_donor" and e.key.startswith("gov-") and countries.lookup(n):
                continue  # a bare country name is the country, not its government
            add(n, e.key)
            if n.startswith(("the ", "The ")):
                add(n[4:], e.key)
        short = proper_short_form(e.label)
        if short:
            add(short, e.key)
    rx = None
    if forms:
        from graph.trie_regex import alternation  # longest first, as a trie: one test per position

        rx = re.compile(r"(?<![\w])" + alternation(forms) + r"(?![\w])")
    kb._fg_org_index = (sig, forms, rx, version)  # type: ignore[attr-defined]
    return forms, rx


_WORD_START = re.compile(r"(?<![\w'’])\w")


def _longest_matches(rx: re.Pattern, text: str):
    """``rx``'s matches in ``text``, left to right, where a name that starts inside an earlier match
    and runs past its end wins over it: "from the ILO's Regular Budget Supplementary Account" names
    the account, not "the ILO's Regular Budget" followed by stray words (the regex alone takes the
    leftmost name, however short)."""
    pos = 0
    while True:
        m = rx.search(text, pos)
        if m is None:
            return
        best = m
        for w in _WORD_START.finditer(text, m.start() + 1, m.end()):
            n = rx.match(text, w.start())
            if n is not None and n.end() > best.end():
                best = n
        yield best
        pos = best.end()


def find_organizations(text: str, kb: KnowledgeBase, iso3: str | None = None) -> list[tuple[int, int, str, str]]:
    """(start, end, surface, org_key) for organisations named in text.

    Names and acronyms match as whole words, case-sensitively, longest first; a hyphenated pair
    of acronyms ("ILO-IMF") yields both organisations.  An acronym several organisations share
    (national "NSSF"s) resolves to the one of ``iso3`` when given, else to the one without a
    country, else is left out.
    """
    forms, rx = _org_index(kb)
    if rx is None:
        return []
    out = []
    for m in _longest_matches(rx, text):
        keys = forms[m.group(0)]
        if len(keys) > 1:
            ents = [kb.entities[eid("Organization", k)] for k in keys]
            if iso3:
                local = [e.key for e in ents if e.attrs.get("country") == iso3]
                if local:
                    keys = local
            if len(keys) > 1:
                free = [e.key for e in ents if not e.attrs.get("country")]
                keys = free if len(free) == 1 else keys
            if len(keys) > 1:
                continue
        if iso3 and _foreign_acronym(kb.entities[eid("Organization", keys[0])], m.group(0), iso3):
            continue
        out.append((m.start(), m.end(), m.group(0), keys[0]))
    return out


def _foreign_acronym(org: Entity, surface: str, iso3: str) -> bool:
    """Whether ``surface`` is only the acronym of another country's national body: written about
    ``iso3`` ("Decree 824/MOH/2024" in Lao PDR), it is that country's own body, not the other's."""
    home = org.attrs.get("country")
    return (surface == org.acronym and org.role == "national_institution" and bool(home) and home != iso3)


# --- the extractor --------------------------------------------------------------------------

def extract(doc: Document, kb: KnowledgeBase) -> None:
    _from_acronym_table(doc, kb)
    _gazetteer(doc, kb)
    _inline(doc, kb)
