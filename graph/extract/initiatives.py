"""Initiatives (partnerships, networks, accelerators, programmes) and who belongs to them.

Initiatives are found, never listed:

* titles of the thematic blocks of the report's partnerships section ("UN Global Accelerator on
  ... (Global Accelerator)", "Providing for Health (P4H) Network", "The CONNECT Network",
  "USP2030 Working Group on Climate Action");
* acronym definitions in the report's acronym table and in running text ("Digital Convergence
  Initiative (DCI)") whose name is headed by Initiative/Partnership/Accelerator/Network/Board/
  Programme/Coalition/Alliance/Working Group;
* "<...> Programme on <...>" names of programmes, with the short form the report keeps using
  ("the Flagship Programme") as the key.

Keys are the acronym (``usp2030``), else the short name the report defines or keeps using
(``global-accelerator``, ``flagship-programme``), else the name.  A parenthesised short name is
an alternative label; an acronym such as "GA" is only added when the text defines it.

Membership statements (all ``kind="Membership"`` unless said otherwise):

* ``pathfinderOf`` — a parenthesised country list in a sentence about pathfinder countries, and
  "X joined <initiative> as a pathfinder country ... on <date>" (year from the date);
* ``memberOf`` role ``committed`` — "confirmed/formalized/reaffirmed ... commitment to (join) <I>";
  role ``member`` — "officially joined <I>"; attrs ``roadmap`` = ``endorsed`` (+ ``roadmap_year``)
  for "endorsed (its|their) national roadmap(s)", ``in-progress`` for "in the process of doing so
  / endorsing";
* ``memberOf`` role ``founder`` — "(formal) constitution/foundation/establishment by A and B";
* ``coChairOf`` — "Co-chaired by A, B and C";
* ``partneredWith`` kind ``Engagement`` — prospective members ("engagements are ongoing with A,
  B ...": status ``engagement-ongoing``; memberOf would overstate it) and countries an initiative
  worked in ("<Initiative> researched ... in A, B and C": status ``coverage``, with the topic).
"""
from __future__ import annotations

import re

from graph import countries
from graph.extract import ensure_country
from graph.extract.instruments import (acronym_table, resolve_org, section_chain, section_iso3,
                                       sentences)
from graph.kb import KnowledgeBase, eid
from graph.model import Document, Passage
from graph.vocab import slug

HEADS = ("Initiative", "Partnership", "Accelerator", "Network", "Board", "Programme", "Program",
         "Coalition", "Alliance", "Working Group")
_HEAD_RE = "|".join(re.escape(h) for h in HEADS)
_TOK = r"(?:[A-Z][A-Za-z0-9'’\-]*|[A-Z0-9][A-Z0-9\-]+)"
_CONN = r"(?:of|on|for|and|the|to|in)"
# A capitalised name headed by an initiative word, with an optional "on/for ..." tail.
NAME = (r"(?:" + _TOK + r"\s+(?:" + _CONN + r"\s+){0,2})*?" + _TOK + r"\s+(?:" + _HEAD_RE + r")"
        r"(?:\s+(?:on|for|to)\s+(?:" + _TOK + r"|" + _CONN + r")(?:\s+(?:" + _TOK + r"|" + _CONN + r"))*)?")
DEF_RE = re.compile(r"(?P<name>" + NAME + r")\s*\((?P<paren>[^()]{2,40})\)")
_ACR = re.compile(r"^[A-Z0-9][A-Za-z0-9\-]{1,10}$")
_ORG_HEADS = re.compile(r"(?<![\w\-])(Organi[sz]ation|Office|Fund|Bank|Agency|Ministry|Institute|Department|"
                        r"Authority|University|Union|Association|Federation|Confederation)\b")


def _initials_match(acr: str, name: str) -> bool:
    letters = [c for c in acr.upper() if c.isalpha()]
    words = [w for w in re.split(r"[\s\-]+", name) if w and (w[0].isupper() or w[0].isdigit())]
    initials = "".join(w[0].upper() for w in words)
    if not letters or not initials:
        return False
    # the acronym starts with the initial of one of the first words (skipping "UN", "ILO" ...)
    if letters[0] not in initials[:3]:
        return acr.upper().replace("-", "") in name.upper().replace(" ", "")
    it = iter(initials[initials.index(letters[0]):])
    hit = sum(1 for c in letters if c in it)  # subsequence match
    return hit >= max(2, len(letters) - 1) or acr.upper().replace("-", "") in name.upper().replace(" ", "")


def _is_initiative_name(name: str) -> bool:
    """A capitalised name headed by an initiative word, not an organisation or a national body."""
    name = _trim_lead(name)
    if not re.fullmatch(NAME, name):
        return False
    pre = re.split(r"\s+(?:of|for|on|to)\s+", name, maxsplit=1)
    if len(pre) > 1 and not re.search(r"(?:" + _HEAD_RE + r")$", pre[0]) and (
            " of " in name or not re.search(r"(?:" + _HEAD_RE + r")$", name)):
        return False  # "Technical Exchange Group of the ... Initiative": headed by "Group"
    if _ORG_HEADS.search(name) or countries.find_countries(name) or re.search(r"['’]s\b", name):
        return False
    try:
        from graph.gazetteer import organizations as gz
        info = gz.lookup(name)
    except Exception:
        return True
    # networks/partnerships the gazetteer knows are initiatives too; agencies and banks are not
    return info is None or getattr(info, "role", None) in ("network", "initiative", "partnership")


def _trim_lead(name: str) -> str:
    return re.sub(r"^(?:The|the|A|An|In|Through|Under|With|Since|By|From|Its)\s+", "", name).strip()


class _Registry:
    """Initiatives found so far and the surface forms that name them."""

    def __init__(self, doc: Document, kb: KnowledgeBase):
        self.doc, self.kb = doc, kb
        self.alias: dict[str, str] = {}
        self._pat = None

    def add(self, name: str, passage: str | None, *, acronym: str | None = None,
            short: str | None = None, part_of: str | None = None, key: str | None = None):
        name = _trim_lead(name.strip(" ,.;:"))
        if not name or _ORG_HEADS.search(name.split(" on ")[0]) or countries.lookup(name):
            return None
        # an existing initiative under any of these names?
        for n in (acronym, short, name):
            if n and n in self.alias:
                e = self.kb.entities[self.alias[n]]
                e.alt_labels.update(x for x in (name, short, acronym) if x and x != e.label)
                if acronym and not e.acronym:
                    e.acronym = acronym
                if passage:
                    e.passages.add(passage)
                self._register(e.id, name, acronym, short)
                return e
        key = key or slug(acronym or short or name)
        # the organisation gazetteer may also list a network/partnership as an Organization: keep
        # both views and say they are the same thing
        same = next((o.id for o in self.kb.of_type("Organization")
                     if (acronym and o.acronym == acronym) or o.key == key or o.label == name), None)
        e = self.kb.add_entity("Initiative", key, name, alt_labels=[x for x in (short, acronym) if x],
                               acronym=acronym, passage=passage, part_of=part_of, same_as=same)
        self._register(e.id, name, acronym, short)
        return e

    def _register(self, id_: str, *names):
        extra = []
        for n in names:  # "CONNECT Network" is also written "CONNECT"
            m = re.fullmatch(r"([A-Z][A-Z0-9\-]{3,})\s+(?:" + _HEAD_RE + r")", n or "")
            if m:
                extra.append(m.group(1))
        for n in list(names) + extra:
            if n and len(n) >= 3:
                self.alias.setdefault(n, id_)
                bare = re.sub(r"^(?:UN|ILO|United Nations)\s+", "", n)
                if bare != n and len(bare.split()) >= 2:
                    self.alias.setdefault(bare, id_)
        self._pat = None

    def pattern(self) -> re.Pattern:
        if self._pat is None:
            alts = []
            for a in sorted(self.alias, key=len, reverse=True):
                alts.append(re.escape(a))
                if a.isupper() and a.isalpha() and len(a) >= 5:  # "CONNECT" written "Connect Asia"
                    alts.append(re.escape(a.capitalize()) + r"(?=\s+[A-Z])")
            self._pat = re.compile(r"(?<![\w\-])(?:" + "|".join(alts) + r")(?![\w\-])") if alts else re.compile(r"$^")
        return self._pat

    def find(self, text: str) -> list[tuple[int, int, str]]:
        out = []
        for m in self.pattern().finditer(text):
            key = self.alias.get(m.group(0)) or self.alias.get(m.group(0).upper())
            if key:
                out.append((m.start(), m.end(), key))
        return out

    def section_initiative(self, p: Passage) -> str | None:
        for s in section_chain(self.doc, p.section_id):
            hits = self.find(s.title)
            if hits:
                # the title's own name (longest, earliest) is the section's subject
                return max(hits, key=lambda h: (h[1] - h[0], -h[0]))[2]
        return None


def _parse_title(title: str) -> tuple[str, str | None, str | None]:
    """'X (ACR)' / 'X (Short name)' -> (name, acronym, short)."""
    title = _trim_lead(title.strip())
    m = re.match(r"^(?P<name>.+?)\s*\((?P<paren>[^()]+)\)\s*(?P<rest>.*)$", title)
    if not m:
        return title, None, None
    name, paren, rest = m.group("name"), m.group("paren").strip(), m.group("rest").strip()
    if _ACR.match(paren) and not paren.isdigit():
        return (f"{name} {rest}".strip() if rest else name), paren, None
    return name, None, paren


def _find_initiatives(doc: Document, kb: KnowledgeBase, reg: _Registry) -> None:
    head_in = re.compile(r"^(?:" + _TOK + r"\s+(?:" + _CONN + r"\s+){0,2})*?" + _TOK + r"\s+(?:"
                         + _HEAD_RE + r")\b|^" + _TOK + r"\s+(?:" + _HEAD_RE + r")\b")
    # 1. titles of blocks in a partnerships section
    for s in doc.sections:
        if s.kind not in ("thematic", "box") or not s.parent:
            continue
        parent = doc.section(s.parent)
        if "partnership" not in parent.title.lower():
            continue
        name, acr, short = _parse_title(s.title)
        ps = doc.passages_in(s.id)
        pid = ps[0].id if ps else None
        if not (head_in.match(name) or acr) or re.search(r"\b(Partnerships|Networks|Initiatives)\b", name):
            continue
        if acr and not _initials_match(acr, name) and acr not in name:
            # "USP2030 Working Group on the Digital Convergence Initiative (DCI)": the acronym
            # names the tail phrase; the block itself is the working group
            tail = re.search(r"\s(?:on|for|of)\s+(?:the\s+)?(.+)$", name)
            if tail and _initials_match(acr, tail.group(1)):
                reg.add(tail.group(1), pid, acronym=acr)
                acr = None
        if not head_in.match(name) and not acr:
            continue
        part_of = None
        first = name.split()[0]
        if first in reg.alias and re.search(r"\bWorking Group\b", name):
            part_of = reg.alias[first]
        reg.add(name, pid, acronym=acr, short=short, part_of=part_of)
    # 2. the acronym table
    for acr, full in acronym_table(doc).items():
        if _is_initiative_name(full) and _initials_match(acr, full):
            reg.add(full, None, acronym=acr)
    # 3. acronym / short-name definitions in running text
    for p in doc.passages:
        for m in DEF_RE.finditer(p.text):
            name, paren = m.group("name").split("\n")[-1], m.group("paren").strip()
            name = re.sub(r"^.*\b(?:by|with|through|of|and|the|to)\s+(?=[A-Z])", "", name) \
                if re.search(r"\s(?:by|with|through)\s", name) else name
            if not _is_initiative_name(name):
                continue
            if _ACR.match(paren) and _initials_match(paren, name):
                reg.add(name, p.id, acronym=paren)
            elif not _ACR.match(paren) and paren in name and len(paren.split()) >= 2:
                reg.add(name, p.id, short=paren)
    # 4. "<...> Programme on <...>" names and the short form the report keeps using
    text = "\n".join(p.text for p in doc.passages)
    for m in re.finditer(r"(?:(?:ILO|UN)\s+)?(?:[A-Z][A-Za-z\-]+\s+){1,3}(?:Programme|Initiative|Partnership)"
                         r"\s+on\s+(?:[A-Z][A-Za-z\-]*|for|of|and|the)(?:\s+(?:[A-Z][A-Za-z\-]*|for|of|and|the))*",
                         text):
        full = re.sub(r"\s+(?:for|of|and|the)$", "", m.group(0).strip())
        head = re.search(r"([A-Z][A-Za-z\-]+)\s+(Programme|Initiative|Partnership)\s+on", full)
        short = f"{head.group(1)} {head.group(2)}" if head else None
        if short and len(re.findall(r"\b" + re.escape(short) + r"\b", text)) >= 3:
            pid = next((p.id for p in doc.passages if full in p.text), None)
            reg.add(full, pid, short=short)


def _country_list(text: str) -> list[tuple[int, str]]:
    return [(f[0], f[3]) for f in countries.find_countries(text)]


_CLAUSE_END = re.compile(r"\b(?:while|whereas|but)\b|;")
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")


def _org_list(text: str) -> list[str]:
    """'ILO, FAO and the Red Cross Red Crescent Climate Centre, the working group ...' -> names."""
    out = []
    for item in re.split(r",\s*(?:and\s+)?|\s+and\s+(?=(?:the\s+)?[A-Z])", text):
        item = re.sub(r"^(?:the|The)\s+", "", item.strip())
        toks = item.split()
        if not toks or len(toks) > 9 or not item[0].isupper():
            break
        if any(t[0].islower() and t not in ("of", "for", "and", "the", "on", "de", "du", "la") for t in toks):
            break
        out.append(item.strip(" .;:"))
    return out


def _membership(doc: Document, kb: KnowledgeBase, reg: _Registry) -> None:
    members: dict[tuple[str, str], dict] = {}

    def member(iso, init, pid, **attrs):
        rec = members.setdefault((iso, init), {"passages": [], "attrs": {}})
        rec["passages"].append(pid)
        for k, v in attrs.items():
            if v is not None and rec["attrs"].get(k) is None:
                rec["attrs"][k] = v

    for p in doc.passages:
        if p.kind in ("table",):
            continue
        sec_init = reg.section_initiative(p)
        prev = ""
        last_init = sec_init
        for s0, s1, sent in sentences(p.text):
            found = reg.find(sent)
            init = found[0][2] if found else last_init
            if found:
                last_init = found[-1][2]
            low = sent.lower()
            home = section_iso3(doc, p.section_id)
            named = _country_list(sent)

            # pathfinder lists in parentheses
            if "pathfinder" in low and init:
                for g in re.finditer(r"\(([^()]{10,})\)", sent):
                    isos = [i for _, i in _country_list(g.group(1))]
                    if len(isos) >= 2:
                        total = re.search(r"(?:to|of)\s+(\d{1,3})\s*$", sent[:g.start()].strip())
                        for iso in isos:
                            ensure_country(kb, iso, p.id)
                            kb.add_fact(eid("Country", iso), "pathfinderOf", init, [p.id], kind="Membership",
                                        role="pathfinder", listedTotal=total.group(1) if total else None)
                m = re.search(r"\bas\s+an?\s+pathfinder\b", sent)
                if m:
                    iso = home if (home and (not named or home in [i for _, i in named])) else \
                        (named[0][1] if named else None)
                    if iso:
                        jm = re.search(r"\bjoined\b", sent)
                        ys = _YEAR.findall(sent[jm.end():] if jm else sent)
                        ensure_country(kb, iso, p.id)
                        kb.add_fact(eid("Country", iso), "pathfinderOf", init, [p.id], kind="Membership",
                                    role="pathfinder", year=ys[-1] if (jm and ys) else None)

            # commitments and joining
            if found and re.search(r"\bcommit(?:ment|ted)\b", low) and re.search(
                    r"\b(confirm\w*|formali[sz]\w*|reaffirm\w*|expressed|made|secured|signed)\b", low):
                iso = home if (home and (not named or home in [i for _, i in named])) else \
                    (named[0][1] if len(named) == 1 else None)
                if iso:
                    ys = _YEAR.findall(sent)
                    member(iso, found[0][2], p.id, role="committed", year=ys[0] if ys else None)
            elif found and re.search(r"\b(?:officially|formally)?\s*joined\b", low) and "pathfinder" not in low:
                iso = home if (home and (not named or home in [i for _, i in named])) else \
                    (named[0][1] if len(named) == 1 else None)
                if iso:
                    ys = _YEAR.findall(sent)
                    member(iso, found[0][2], p.id, role="member", year=ys[0] if ys else None)

            # national roadmaps
            if re.search(r"\bendors\w*\s+(?:a|its|their|the)\s+(?:national\s+)?roadmaps?\b", low) and init:
                isos = [i for _, i in named] or ([home] if home else [])
                ys = _YEAR.findall(sent)
                for iso in isos:
                    member(iso, init, p.id, roadmap="endorsed", roadmap_year=ys[0] if ys else None)
            elif re.search(r"\bin the process of\b", low) and init and (
                    "roadmap" in low or "roadmap" in prev.lower()):
                for _, iso in named:
                    member(iso, init, p.id, roadmap="in-progress")

            # prospective members: "engagements are ongoing with A, B and C"
            m = re.search(r"\b(?:engagements?|discussions?|consultations?|talks)\s+(?:are|is|were|remain)\s+"
                          r"(?:\w+\s+)?ongoing\s+with\b", sent)
            if m and init:
                clause = sent[m.end():]
                end = _CLAUSE_END.search(clause)
                for _, iso in _country_list(clause[:end.start()] if end else clause):
                    ensure_country(kb, iso, p.id)
                    kb.add_fact(init, "partneredWith", eid("Country", iso), [p.id], kind="Engagement",
                                status="engagement-ongoing", topic="joining the initiative")

            # founders: "formal constitution by A and B"
            m = re.search(r"\b(?:constitution|foundation|establishment|creation|(?:co-)?founded|"
                          r"(?:was|were)\s+(?:jointly\s+)?(?:established|created|constituted))\s+by\s+", sent)
            if m and found:
                for name in _org_list(sent[m.end():]):
                    if reg.find(name):
                        break
                    org = resolve_org(kb, doc, name, p.id)
                    if org:
                        kb.add_fact(org.id, "memberOf", found[-1][2] if len(found) == 1 else found[0][2],
                                    [p.id], kind="Membership", role="founder")

            # co-chairs
            m = re.search(r"\b[Cc]o-?chaired\s+by\s+", sent)
            target = init
            if m and target:
                for name in _org_list(sent[m.end():]):
                    if reg.find(name):
                        break
                    org = resolve_org(kb, doc, name, p.id)
                    if org:
                        kb.add_fact(org.id, "coChairOf", target, [p.id], kind="Membership", role="co-chair")
            for m in re.finditer(r"\b(?:the\s+)?([A-Z][A-Za-z\-]+)\s+(?:continued\s+to\s+|also\s+)?co-?chairs?\s+"
                                 r"(?:the\s+)?", sent):
                hit = reg.find(sent[m.end():m.end() + 80])
                if hit and hit[0][0] == 0:
                    sub = re.match(r"\s+(?:working\s+group|task\s+team|group|committee)\s+on\s+(.{0,60})",
                                   sent[m.end() + hit[0][1]:], re.I)
                    if sub:  # "co-chair the USP2030 working group on climate change"
                        topic = set(re.findall(r"[a-z]{4,}", sub.group(1).lower())) - set(
                            re.findall(r"[a-z]{4,}", kb.entities[hit[0][2]].label.lower()))
                        best = max(((len(topic & set(re.findall(r"[a-z]{4,}", e.label.lower()))), e.id)
                                    for e in kb.of_type("Initiative") if e.attrs.get("part_of") == hit[0][2]),
                                   default=(0, None))
                        if not best[0]:
                            continue
                        hit = [(0, 0, best[1])]
                    # the thing co-chaired may be a working group of the named initiative
                    org = resolve_org(kb, doc, m.group(1), p.id)
                    if org:
                        kb.add_fact(org.id, "coChairOf", hit[0][2], [p.id], kind="Membership", role="co-chair")

            # coverage: "<Initiative> researched ... in A, B, and C"
            for f in found[:1]:
                vm = re.match(r"[^,;]{0,60}?\s(?:researched|studied|assessed|mapped|analy[sz]ed|"
                              r"conducted|piloted)\b", sent[f[1]:])
                if vm and not _country_list(sent[:f[0]]):
                    clause = sent[f[1]:]
                    end = _CLAUSE_END.search(clause)
                    clause = clause[:end.start()] if end else clause
                    isos = [i for _, i in _country_list(clause)]
                    topic = re.sub(r"\s+", " ", clause[:160]).strip(" ,")
                    for iso in isos:
                        ensure_country(kb, iso, p.id)
                        kb.add_fact(f[2], "partneredWith", eid("Country", iso), [p.id], kind="Engagement",
                                    status="coverage", topic=topic)
            prev = sent

    for (iso, init), rec in members.items():
        ensure_country(kb, iso, rec["passages"][0])
        attrs = dict(rec["attrs"])
        attrs.setdefault("role", "member")
        kb.add_fact(eid("Country", iso), "memberOf", init, rec["passages"], kind="Membership", **attrs)


def extract(doc: Document, kb: KnowledgeBase) -> None:
    reg = _Registry(doc, kb)
    _find_initiatives(doc, kb, reg)
    # every passage naming an initiative is evidence for it
    for p in doc.passages:
        for _, _, key in reg.find(p.text):
            kb.entities[key].passages.add(p.id)
    _membership(doc, kb, reg)
