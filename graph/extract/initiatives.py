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
  attr ``means`` — the instrument the sentence names ("through a high-level commitment", "in a
  letter to ...": ``high-level commitment``, ``letter``);
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
from graph.gazetteer import organizations as gaz
from graph.dates import iso_date
from graph.kb import KnowledgeBase, eid
from graph.model import Document, Passage
from graph.trie_regex import LongestNames
from graph.vocab import slug

HEADS = ("Initiative", "Partnership", "Accelerator", "Network", "Board", "Programme", "Program",
         "Coalition", "Alliance", "Working Group", "Facility")
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
        # text -> what find() found in it, for the current aliases: the readings below scan the
        # same sentences (and their openings) again and again; emptied whenever an alias is added
        self._found: dict[str, list[tuple[int, int, str]]] = {}

    def add(self, name: str, passage: str | None, *, acronym: str | None = None,
            short: str | None = None, part_of: str | None = None, key: str | None = None):
        name = _trim_lead(name.strip(" ,.;:"))
        if not name or _ORG_HEADS.search(name.split(" on ")[0]) or countries.lookup(name):
            return None
        # "Global Accelerator Technical Support Facility": a facility *of* a known initiative; its
        # own name is the rest, so "Global Accelerator" stays a mention of the initiative itself
        for alias in sorted(self.alias, key=len, reverse=True):
            rest = name[len(alias):].strip()
            if name.startswith(alias + " ") and acronym and _initials_match(acronym, rest) and \
                    not acronym.upper().startswith(alias.upper()):
                name, part_of = rest, part_of or self.alias[alias]
                break
        # an existing initiative under any of these names?
        for n in (acronym, short, name):
            if n and n in self.alias:
                e = self.kb.entities[self.alias[n]]
                e.alt_labels.update(x for x in (name, short, acronym) if x and x != e.label)
                if acronym and not e.acronym:
                    e.acronym = acronym
                if part_of and part_of != e.id:
                    e.attrs.setdefault("part_of", part_of)
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
        before = len(self.alias)
        for n in list(names) + extra:
            if n and len(n) >= 3:
                self.alias.setdefault(n, id_)
                bare = re.sub(r"^(?:UN|ILO|United Nations)\s+", "", n)
                if bare != n and len(bare.split()) >= 2:
                    self.alias.setdefault(bare, id_)
        if len(self.alias) != before:  # the pattern is of the aliases: recompile only for a new one
            self._pat = None
            self._found.clear()

    def pattern(self) -> LongestNames:
        """Every alias, the longest that fits first (tries: this is looked up in every sentence)."""
        if self._pat is None:
            exact = [a for a in self.alias if len(a.split()) < 4]
            # a long name the text capitalises differently ("... on Social protection and ..." in
            # a title, "Social Protection" in the text) is still that name
            any_case = [a for a in self.alias if len(a.split()) >= 4]
            # "CONNECT" written "Connect Asia"
            capitalised = [a.capitalize() for a in self.alias if a.isupper() and a.isalpha() and len(a) >= 5]
            self._pat = LongestNames([(exact, False, ""), (any_case, True, ""), (capitalised, False, r"(?=\s+[A-Z])")],
                                     r"(?<![\w\-])", r"(?![\w\-])")
            self._fold = {a.lower(): k for a, k in self.alias.items() if len(a.split()) >= 4}
        return self._pat

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, initiative id) of every known initiative name in ``text``, longest first
        at each place (a pure function of the text and the aliases, so remembered per text)."""
        hit = self._found.get(text)
        if hit is None:
            hit = self._found[text] = self._find(text)
        return list(hit)

    def _find(self, text: str) -> list[tuple[int, int, str]]:
        out = []
        for m in self.pattern().finditer(text):
            key = self.alias.get(m.group(0)) or self.alias.get(m.group(0).upper()) or self._fold.get(m.group(0).lower())
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
    # 4. "<...> Programme on <...>" names and the short form the report keeps using.  Counts and
    # first passages are memoised by name: the same name recurs, and scanning the whole text per
    # occurrence made this step grow with the square of the report's length.
    text = "\n".join(p.text for p in doc.passages)
    uses: dict[str, int] = {}
    first_pid: dict[str, str | None] = {}
    for m in re.finditer(r"(?:(?:ILO|UN)\s+)?(?:[A-Z][A-Za-z\-]+\s+){1,3}(?:Programme|Initiative|Partnership)"
                         r"\s+on\s+(?:[A-Z][A-Za-z\-]*|for|of|and|the)(?:\s+(?:[A-Z][A-Za-z\-]*|for|of|and|the))*",
                         text):
        full = re.sub(r"\s+(?:for|of|and|the)$", "", m.group(0).strip())
        head = re.search(r"([A-Z][A-Za-z\-]+)\s+(Programme|Initiative|Partnership)\s+on", full)
        short = f"{head.group(1)} {head.group(2)}" if head else None
        if short and short not in uses:
            uses[short] = len(re.findall(r"\b" + re.escape(short) + r"\b", text))
        if short and uses[short] >= 3:
            if full not in first_pid:
                first_pid[full] = next((p.id for p in doc.passages if full in p.text), None)
            reg.add(full, first_pid[full], short=short)


_BODY = re.compile(r"\s+((?:[A-Z][a-z]+\s+){0,3}(?:Steering\s+Group|Steering\s+Committee|Working\s+Group|Task\s+Force|"
                   r"Task\s+Team|Exchange\s+Group|Advisory\s+Group|Support\s+Facility))\b(?:\s*\(([A-Z][A-Za-z0-9\-]{1,12})\))?")


# "through the TRANSFORM initiative", "the TRANSFORM learning package": a capitalised one-word name
# before a lower-case initiative head
_CAPS_INITIATIVE = re.compile(r"(?<![\w\-])([A-Z][A-Z0-9]{3,})\s+(?:initiative|programme|program|learning\s+package)\b")


def _find_caps_initiatives(doc: Document, kb: KnowledgeBase, reg: "_Registry") -> None:
    """A one-word capitalised name followed by 'initiative' or 'programme' is an initiative, unless it
    is an organisation's acronym ('UNICEF programme'), a country or an initiative already known."""
    for p in doc.passages:
        if p.kind == "table":
            continue
        for m in _CAPS_INITIATIVE.finditer(p.text):
            word = m.group(1)
            if reg.find(word) or gaz.lookup_acronym(word) or countries.lookup(word) or \
                    any(o.acronym == word for o in kb.of_type("Organization")):
                continue
            reg.add(word, p.id, acronym=word)


def _find_bodies(doc: Document, reg: "_Registry") -> None:
    """'<Initiative> Steering Group', 'P4H Technical Exchange Group (P4H-TEG)': bodies of a known
    initiative named after it become initiatives that are part of it."""
    for p in doc.passages:
        for start, end, key in reg.find(p.text):
            m = _BODY.match(p.text, end)
            surface = p.text[start:end]
            # "SPIAC-B Working Group on ...": the group's own name goes on; only a complete name
            # ("Global Accelerator Steering Group") is a body
            if m and not reg.find(m.group(1)) and not re.match(r"\s+(?:on|for|of)\b", p.text[m.end():]) \
                    and (len(surface) >= 4 or re.fullmatch(r"[A-Z][A-Z0-9]{2}", surface)):
                acr = m.group(2)
                # "(P4H-TEG)": the initiative's acronym, a hyphen and the body's initials
                if acr and not _initials_match(acr, surface + " " + m.group(1)) and not (
                        acr.startswith(surface + "-") and _initials_match(acr[len(surface) + 1:], m.group(1))):
                    acr = None
                name = surface + " " + re.sub(r"\s+", " ", m.group(1))
                # "USP2030 Financing Working Group" is the "USP2030 Working Group on Financing Social
                # Protection" already known: every word of the short name is in the known one
                words = set(re.findall(r"[a-z0-9]{3,}", name.lower()))
                same = next((e for e in reg.kb.of_type("Initiative") if e.attrs.get("part_of") == key
                             and words <= set(re.findall(r"[a-z0-9]{3,}", e.label.lower()))), None)
                if same is not None:
                    same.alt_labels.add(name)
                    same.passages.add(p.id)
                    reg._register(same.id, name)
                    continue
                reg.add(name, p.id, acronym=acr, part_of=key)


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


# How a member joined: "through a high-level commitment by ...", "in a letter to the UN Resident
# Coordinator", "expressed in a resolution of ...": the instrument noun with up to two modifiers.
_MEANS = re.compile(r"\b(?:through|by|in|via|with)\s+(?:a|an)\s+(?P<means>(?:[a-z][\w\-]*\s+){0,2}?"
                    r"(?:commitment|letter|resolution|decree|declaration|agreement|memorandum(?:\s+of\s+understanding)?|"
                    r"decision|communiqué|note\s+verbale))\b", re.I)


# "confirmed Cabo Verde's high-level commitment to join": the commitment the country made
_OWN_COMMITMENT = re.compile(r"['’]s\s+(?P<means>(?:[a-z][\w\-]*\s+){0,2}?commitment)\s+to\b")


def join_means(sent: str) -> str | None:
    """The instrument a membership sentence says it came by ('high-level commitment', 'letter')."""
    m = _MEANS.search(sent) or _OWN_COMMITMENT.search(sent)
    return m.group("means").lower() if m else None


# the cues _membership reads in every sentence, compiled once; each is tried only when the sentence
# has the literal text the cue cannot match without (a plain substring test)
_COMMIT = re.compile(r"\bcommit(?:ment|ted)\b")
_COMMIT_VERB = re.compile(r"\b(confirm\w*|formali[sz]\w*|reaffirm\w*|expressed|made|secured|signed)\b")
# "joined", or "became (a) part / a member of": the same act worded as a change of state; "by
# officially joining <I>" reports the act done (a bare "joining" is as often only discussed)
_JOINED = re.compile(r"\b(?:officially|formally)?\s*(?:joined|became\s+(?:an?\s+)?(?:part|member)\s+of)\b|"
                     r"\b(?:officially|formally)\s+joining\b")
_ENDORSED_ROADMAP = re.compile(r"\bendors\w*\s+(?:a|its|their|the)\s+(?:national\s+)?roadmaps?\b")
_IN_PROCESS = re.compile(r"\bin the process of\b")
_ONGOING_WITH = re.compile(r"\b(?:engagements?|discussions?|consultations?|talks)\s+(?:are|is|were|remain)\s+"
                           r"(?:\w+\s+)?ongoing\s+with\b")
_FOUNDED_BY = re.compile(r"\b(?:constitution|foundation|establishment|creation|(?:co-)?founded|"
                         r"(?:was|were)\s+(?:(?:jointly|formally|officially|originally)\s+)?(?:established|created|constituted|"
                         r"set\s+up))\s+by\s+")
_COCHAIRED_BY = re.compile(r"\b[Cc]o-?chaired\s+by\s+")
_COCHAIRS = re.compile(r"\b(?:the\s+)?([A-Z][A-Za-z\-]+)\s+(?:continued\s+to\s+|also\s+)?co-?chairs?\s+"
                       r"(?:the\s+)?")


class _LazyCountries:
    """``_country_list(sentence)``, computed on the first call only."""

    __slots__ = ("_sent", "_out")

    def __init__(self, sent: str):
        self._sent, self._out = sent, None

    def __call__(self) -> list[tuple[int, str]]:
        if self._out is None:
            self._out = _country_list(self._sent)
        return self._out


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
        home = section_iso3(doc, p.section_id)  # the passage's, the same for each of its sentences
        for s0, s1, sent in sentences(p.text):
            found = reg.find(sent)
            init = found[0][2] if found else last_init
            if found:
                last_init = found[-1][2]
            low = sent.lower()
            # the countries the sentence names, read only when a reading below needs them (most
            # sentences have no cue of membership at all)
            named = _LazyCountries(sent)

            # pathfinder lists in parentheses
            if "pathfinder" in low and init:
                for g in re.finditer(r"\(([^()]{10,})\)", sent):
                    isos = [i for _, i in _country_list(g.group(1))]
                    if len(isos) >= 2:
                        total = re.search(r"(?:to|of)\s+(\d{1,3})\s*$", sent[:g.start()].strip())
                        for iso in isos:
                            ensure_country(kb, iso, p.id)
                            kb.add_fact(eid("Country", iso), "pathfinderOf", init, [p.id], kind="Membership", sentence=sent.strip(),
                                        role="pathfinder", listedTotal=total.group(1) if total else None)
                m = re.search(r"\bas\s+an?\s+pathfinder\b", sent)
                if m:
                    iso = home if (home and (not named() or home in [i for _, i in named()])) else \
                        (named()[0][1] if named() else None)
                    if iso:
                        jm = re.search(r"\bjoined\b", sent)
                        ys = _YEAR.findall(sent[jm.end():] if jm else sent)
                        ensure_country(kb, iso, p.id)
                        year = ys[-1] if (jm and ys) else None
                        kb.add_fact(eid("Country", iso), "pathfinderOf", init, [p.id], kind="Membership", sentence=sent.strip(),
                                    role="pathfinder", year=year, date=iso_date(sent[jm.end():], year) if year else None)
                        if jm and join_means(sent):  # "joined ... through a high-level commitment"
                            member(iso, init, p.id, sentence=sent.strip(), means=join_means(sent),
                                   year=ys[-1] if ys else None, date=iso_date(sent, ys[-1]) if ys else None)

            # commitments and joining
            if found and "commit" in low and _COMMIT.search(low) and _COMMIT_VERB.search(low):
                iso = home if (home and (not named() or home in [i for _, i in named()])) else \
                    (named()[0][1] if len(named()) == 1 else None)
                if iso:
                    ys = _YEAR.findall(sent)
                    member(iso, found[0][2], p.id, sentence=sent.strip(), role="committed", year=ys[0] if ys else None,
                           means=join_means(sent), date=iso_date(sent, ys[0]) if ys else None)
            elif found and ("join" in low or "became" in low) and _JOINED.search(low) and "pathfinder" not in low:
                iso = home if (home and (not named() or home in [i for _, i in named()])) else \
                    (named()[0][1] if len(named()) == 1 else None)
                if iso:
                    ys = _YEAR.findall(sent)
                    member(iso, found[0][2], p.id, sentence=sent.strip(), role="member", year=ys[0] if ys else None,
                           means=join_means(sent), date=iso_date(sent, ys[0]) if ys else None)

            # national roadmaps
            if "roadmap" in low and _ENDORSED_ROADMAP.search(low) and init:
                isos = [i for _, i in named()] or ([home] if home else [])
                ys = _YEAR.findall(sent)
                for iso in isos:
                    member(iso, init, p.id, sentence=sent.strip(), roadmap="endorsed", roadmap_year=ys[0] if ys else None)
            elif "in the process of" in low and _IN_PROCESS.search(low) and init and (
                    "roadmap" in low or "roadmap" in prev.lower()):
                for _, iso in named():
                    member(iso, init, p.id, sentence=sent.strip(), roadmap="in-progress")

            # prospective members: "engagements are ongoing with A, B and C"
            m = _ONGOING_WITH.search(sent) if "ongoing" in sent else None
            if m and init:
                clause = sent[m.end():]
                end = _CLAUSE_END.search(clause)
                for _, iso in _country_list(clause[:end.start()] if end else clause):
                    ensure_country(kb, iso, p.id)
                    kb.add_fact(init, "partneredWith", eid("Country", iso), [p.id], kind="Engagement", sentence=sent.strip(),
                                status="engagement-ongoing", topic="joining the initiative")

            # founders: "formal constitution by A and B"
            m = _FOUNDED_BY.search(sent) if found and "by" in sent else None
            if m:
                for name in _org_list(sent[m.end():]):
                    if reg.find(name):
                        break
                    org = resolve_org(kb, doc, name, p.id)
                    if org:
                        role_fact(kb, org.id, "founderOf", found[-1][2] if len(found) == 1 else found[0][2],
                                  [p.id], role="founder", sentence=sent.strip())

            # co-chairs
            m = _COCHAIRED_BY.search(sent) if "haired" in sent else None
            target = init
            if m and target:
                for name in _org_list(sent[m.end():]):
                    if reg.find(name):
                        break
                    org = resolve_org(kb, doc, name, p.id)
                    if org:
                        kb.add_fact(org.id, "coChairOf", target, [p.id], kind="Membership", sentence=sent.strip(), role="co-chair")
            for m in (_COCHAIRS.finditer(sent) if "chair" in sent else ()):
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
                        kb.add_fact(org.id, "coChairOf", hit[0][2], [p.id], kind="Membership", sentence=sent.strip(), role="co-chair")

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
                        kb.add_fact(f[2], "partneredWith", eid("Country", iso), [p.id], kind="Engagement", sentence=sent.strip(),
                                    status="coverage", topic=topic)
            prev = sent

    for (iso, init), rec in members.items():
        ensure_country(kb, iso, rec["passages"][0])
        attrs = dict(rec["attrs"])
        attrs.setdefault("role", "member")
        kb.add_fact(eid("Country", iso), "memberOf", init, rec["passages"], kind="Membership", **attrs)


# ---------------------------------------------------------------------------------------------
#  Roles: chair/lead, secretariat, host, constituent agencies, members and new members,
#  contributors; pathfinders get the year of their commitment and their roadmap status
# ---------------------------------------------------------------------------------------------

def role_fact(kb: KnowledgeBase, subject: str, relation: str, init: str, passages: list[str], **attrs):
    """The role statement, plus the membership it implies when the registry says so (the question
    engine reads members of an initiative from fg:memberOf)."""
    from graph.relations import REGISTRY

    f = kb.add_fact(subject, relation, init, passages, kind="Membership", **attrs)
    rel = REGISTRY.get(relation)
    if rel is not None and rel.parent == "memberOf":
        kb.add_fact(subject, "memberOf", init, passages, kind="Membership", **attrs)
    return f


_LIST_SPLIT = re.compile(r"\s*;\s*(?:and\s+|as\s+well\s+as\s+)?|,\s*(?:and\s+|as\s+well\s+as\s+)?|"
                         r"\s+and\s+(?=(?:the\s+)?[A-Z])|\s+as\s+well\s+as\s+")
_LIST_STOP = re.compile(r"\b(?:thereby|bringing|which|who|in\s+order|among\s+others|"
                        r"and\s+many\s+others|and\s+others|amongst\s+others)\b")


def _party_list(text: str) -> list[str]:
    """Names in a list: 'A, B and the C' or 'A, Thailand; the B, Sri Lanka; as well as C'.
    An item followed by its country ('Thammasat University, Thailand') keeps it as ', Country'."""
    stop = _LIST_STOP.search(text)
    text = text[:stop.start()] if stop else text
    text = re.split(r"[.:]\s", text)[0]
    depth = 0
    for i, ch in enumerate(text):  # a ')' closing a parenthesis opened before the list ends it
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            text = text[:i]
            break
    if ";" in text:
        items = [x for x in re.split(r"\s*;\s*(?:and\s+|as\s+well\s+as\s+)?", text)]
        out = []
        for it in items:
            it = re.sub(r"^(?:and|as well as)\s+", "", it.strip())
            out.extend(_party_list(it) if ";" not in it and it.count(",") > 1 else [it])
        return [o.strip(" ,.;") for o in out if o.strip(" ,.;")]
    out = []
    for item in _LIST_SPLIT.split(text):
        item = re.sub(r"^(?:the|The|and|as well as)\s+", "", item.strip()).strip(" .;:")
        if not item:
            continue
        toks = item.split()
        if len(toks) > 10 or not item[0].isupper():
            break
        # a name runs until the first lowercase word that is not a connector, or a number:
        # "Spain through their support ..." -> "Spain", "Germany €1.2 million" -> "Germany"
        keep = []
        for t in toks:
            if (t[0].islower() and t not in _CONNECTORS) or not (t[0].isalpha() or t[0] in "(&"):
                break
            keep.append(t)
        while keep and keep[-1] in _CONNECTORS:
            keep.pop()
        if keep:
            out.append(" ".join(keep).strip(" ,.;:"))
        if len(keep) < len(toks):
            break
    return out


_CONNECTORS = {"of", "for", "and", "the", "on", "de", "du", "la", "in", "to", "des", "et"}
_NAME_ACR = re.compile(r"(?<![\w-])([A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|of|for|and|the|on|für))*)\s*"
                       r"\(([A-Z][A-Za-z0-9&\-]{1,10})\)")


def _acronyms_for_names(doc: Document, text: str, table: dict[str, str] | None = None) -> str:
    """'German Federal Ministry for Economic Cooperation and Development (BMZ)' -> 'BMZ' when the
    acronym is known (the report's acronym table or general knowledge), so that 'and' inside a
    name does not split a list."""
    from graph.gazetteer import organizations as gz

    if "(" not in text:
        return text
    table = acronym_table(doc) if table is None else table

    def sub(m: re.Match) -> str:
        acr = m.group(2)
        if countries.lookup(re.sub(r"^(?:the|The)\s+", "", m.group(1))):
            return m.group(0)  # "Italy (AICS)": an agency after its country, the country is the party
        return acr if (acr in table or gz.lookup_acronym(acr)) else m.group(0)

    return _NAME_ACR.sub(sub, text)


def _party(kb: KnowledgeBase, doc: Document, reg: "_Registry", item: str, pid: str):
    """The entity a list item names: a country, a known or new organisation ('X, Country' is an
    institution of that country); never an initiative."""

    item = re.sub(r"^(?:the|The)\s+", "", item.strip(" ,.;:"))
    if not item or reg.find(item) and reg.find(item)[0][1] - reg.find(item)[0][0] >= len(item) - 1:
        return None
    iso = countries.lookup(item)
    if iso:
        return ensure_country(kb, iso, pid)
    m = re.match(r"^(.+?),\s*([^,]+)$", item)
    if m and countries.lookup(m.group(2)):
        name, iso = m.group(1).strip(), countries.lookup(m.group(2))
        acr = re.search(r"\(([A-Z][A-Za-z0-9\-]{1,10})\)", name)
        name = re.sub(r"\s*\([^)]*\)", "", name).strip()
        known = resolve_org(kb, doc, name, pid, create=False)
        if known is not None and (known.label == name or known.acronym == name):
            return known
        from graph.vocab import slug

        return kb.add_entity("Organization", f"{slug(name)}-{iso.lower()}", name, acronym=acr.group(1) if acr else None,
                             role="national_institution" if re.search(r"\b(?:Ministry|National|Agency|Fund|"
                                                                      r"Authority|Office|Department)\b", name) else "other",
                             passage=pid, country=iso)
    if len(item) < 2:
        return None
    m = re.match(r"^(.*?\S)\s*\(([A-Z][A-Za-z0-9&\-]{1,10})\)$", item)
    if m:  # "ASEAN Institute for Health Development (AIHD)"
        name, acr = m.group(1), m.group(2)
        hit = resolve_org(kb, doc, acr, pid, create=False) or resolve_org(kb, doc, name, pid, create=False)
        if hit is not None:
            return hit
        org = resolve_org(kb, doc, name, pid)
        if org is not None and not org.acronym:
            org.acronym = acr
            org.alt_labels.update({acr, item})
        return org
    return resolve_org(kb, doc, item, pid)


_REPORT_YEAR: dict[str, str | None] = {}


def _report_year(doc: Document) -> str | None:
    """The year a report is about: in its title, else the year its text names most often."""
    if doc.sha256 not in _REPORT_YEAR:
        _REPORT_YEAR[doc.sha256] = _find_report_year(doc)
    return _REPORT_YEAR[doc.sha256]


def _find_report_year(doc: Document) -> str | None:
    ys = _YEAR.findall(doc.title or "")
    if ys:
        return ys[-1]
    from collections import Counter

    counts = Counter(_YEAR.findall(doc.text))
    return counts.most_common(1)[0][0] if counts else None


def _sentence_year(sent: str, before: str, doc: Document) -> str | None:
    """The sentence's year; for 'throughout the year' / 'in the reporting period', the year the
    text before it names, else the report's year."""
    ys = _YEAR.findall(sent)
    if ys:
        return ys[0]
    if re.match(r"\s*(?:In\s+addition|Additionally|Moreover|Furthermore|Also|Likewise)\b", sent):
        prior = _YEAR.findall(before[-400:])
        return prior[-1] if prior else None
    if re.search(r"\b(?:throughout|during|over|in)\s+the\s+(?:year|reporting\s+period)\b|\bthis\s+year\b", sent, re.I):
        prior = _YEAR.findall(before)
        return prior[-1] if prior else _report_year(doc)
    return None


_LEAD = re.compile(r"(?:\s+(?:" + _HEAD_RE + r"))?\s*[(,]?\s*(?:led|chaired|headed|coordinated)\s+by\s+")
_INCLUDING = re.compile(r",?\s*(?:and\s+)?(?:including|comprising|with)\s+")
_NEW_MEMBERS = re.compile(r"\b(?:welcomed|added|admitted|gained|accepted|onboarded)\s+(?:\w+\s+){0,3}?new\s+members?\b"
                          r"[^.;:]*?(?:,?\s*(?:including|namely|such\s+as)\s+|:\s*)")
_HAS_MEMBERS = re.compile(r"\b(?:has|have|had|with|counts?|comprises?|comprising|of)\s+(?:over\s+|more\s+than\s+|some\s+)?"
                          r"(?:\d+|several|many|\w+teen|twenty[\w-]*|thirty[\w-]*|forty[\w-]*|fifty[\w-]*)\s+members?"
                          r",?\s*(?:including|such\s+as|namely|:)\s+")
_SECRETARIAT_BY = re.compile(r"\b(?:established|set\s+up|hosts?|hosted|took\s+over|assumed|runs?|provides?)\s+"
                             r"the\s+secretariat\s+(?:for|of)\s+")
_AS_SECRETARIAT = re.compile(r",?\s*as\s+(?:a|the)\s+")
_HOSTED_BY = re.compile(r"\bhosted\s+(?:by|at|within)\s+")
_UNDER = re.compile(r"\bsecretariat\b[^.;]{0,60}?\bunder\s+(?:the\s+)?")
_CONTRIB = re.compile(r"\b(?:contributions?|funding|resources)\s+(?:were\s+\w+\s+)?(?:from|by)\s+")
_COFUNDER = re.compile(r"\bas\s+(?:a\s+)?(?:co-?funders?|donors?|contributors?|funding\s+partners?)\s+(?:of|to)\s+(?:the\s+)?")
_COMMITTED_TO = re.compile(r"\b(?:committed|pledged|contributed)\b")


def _subject_before(sent: str, end: int) -> str | None:
    """The name that ends right before ``end`` ('..., Mahidol University established ...')."""
    m = re.search(r"((?:[A-Z][\w'’\-]*|of|the|for|and)(?:\s+(?:[A-Z][\w'’\-]*|of|the|for|and))*)\s*$", sent[:end])
    if not m:
        return None
    name = re.sub(r"^(?:(?:In|On|By|During|Throughout|Since|The|the|and|of|for)\s+)+", "", m.group(1)).strip()
    name = re.sub(r"^(?:[A-Z][a-z]+\s+\d{4},?\s+)", "", name)
    return name or None


def _roles(doc: Document, kb: KnowledgeBase, reg: "_Registry") -> None:
    acronyms = acronym_table(doc)
    for p in doc.passages:
        if p.kind == "table":
            continue
        sec_init = reg.section_initiative(p)
        last_init = sec_init
        for s0, s1, raw in sentences(p.text):
            sent = _acronyms_for_names(doc, raw, acronyms)
            found = reg.find(sent)
            before = p.text[:s0]

            def yr():
                return _sentence_year(sent, before, doc)

            # "<Initiative> (led by X, and including A, B and C)": lead and constituent agencies
            for f in found:
                m = _LEAD.match(sent, f[1])
                if not m:
                    continue
                rest = sent[m.end():]
                inc = _INCLUDING.search(rest)
                leads = _party_list(rest[:inc.start()] if inc else rest)
                for name in leads:
                    ent = _party(kb, doc, reg, name, p.id)
                    if ent is not None:
                        role_fact(kb, ent.id, "chairOf", f[2], [p.id], sentence=raw.strip(), role="lead", year=yr())
                if inc and sent[f[1]:f[1] + 2].lstrip().startswith("("):
                    for name in _party_list(rest[inc.end():]):
                        ent = _party(kb, doc, reg, name, p.id)
                        if ent is not None:
                            role_fact(kb, ent.id, "constituentOf", f[2], [p.id], sentence=raw.strip(), role="constituent agency", year=yr())
            # "X chairs / chaired <I>" (co-chairs are read by _membership)
            for m in re.finditer(r"\b(?:chairs?|chaired|leads|heads)\s+(?:the\s+)?", sent):
                if re.search(r"co-?$", sent[max(0, m.start() - 3):m.start()]):
                    continue
                hit = reg.find(sent[m.end():m.end() + 80])
                who = _subject_before(sent, m.start())
                if hit and hit[0][0] == 0 and who:
                    ent = _party(kb, doc, reg, who, p.id)
                    if ent is not None:
                        role_fact(kb, ent.id, "chairOf", hit[0][2], [p.id], sentence=raw.strip(), role="chair", year=yr())

            # secretariat and host
            for m in _SECRETARIAT_BY.finditer(sent):
                hit = reg.find(sent[m.end():m.end() + 80])
                who = _subject_before(sent, m.start())
                if hit and hit[0][0] == 0 and who:
                    ent = _party(kb, doc, reg, who, p.id)
                    if ent is not None:
                        kb.add_fact(ent.id, "secretariatOf", hit[0][2], [p.id], kind="Membership",
                                    role="secretariat", year=yr())
                    um = _UNDER.search(sent)
                    if um:
                        host = _party_list(sent[um.end():])
                        if host:
                            h = _party(kb, doc, reg, host[0], p.id)
                            if h is not None:
                                kb.add_fact(h.id, "hostOf", hit[0][2], [p.id], kind="Membership",
                                            role="host", year=yr())
            for f in found:
                m = _AS_SECRETARIAT.search(sent[max(0, f[0] - 12):f[0]])
                tail = sent[f[1]:f[1] + 20]
                if m and re.match(r"\s*(?:Network\s+|Initiative\s+)?[Ss]ecretariat\b", tail):
                    who = _subject_before(sent, max(0, f[0] - 12) + m.start())
                    ent = _party(kb, doc, reg, who, p.id) if who else None
                    if ent is not None:
                        kb.add_fact(ent.id, "secretariatOf", f[2], [p.id], kind="Membership",
                                    role="secretariat", year=yr())
            for m in _HOSTED_BY.finditer(sent):
                init = found[0][2] if found else last_init
                names = _party_list(sent[m.end():])
                if init and names and (found and found[0][0] < m.start()):
                    ent = _party(kb, doc, reg, names[0], p.id)
                    if ent is not None:
                        kb.add_fact(ent.id, "hostOf", init, [p.id], sentence=raw.strip(), kind="Membership", role="host", year=yr())

            # members: "welcomed five new members, including A, X; B, Y" / "has 25 members including ..."
            init = found[0][2] if found else (last_init or sec_init)
            m = _NEW_MEMBERS.search(sent)
            if m and init:
                for name in _party_list(sent[m.end():]):
                    ent = _party(kb, doc, reg, name, p.id)
                    if ent is not None:
                        kb.add_fact(ent.id, "memberOf", init, [p.id], sentence=raw.strip(), kind="Membership", role="new member",
                                    year=yr())
            m = _HAS_MEMBERS.search(sent)
            if m and init:
                for name in _party_list(sent[m.end():]):
                    ent = _party(kb, doc, reg, name, p.id)
                    if ent is not None:
                        kb.add_fact(ent.id, "memberOf", init, [p.id], sentence=raw.strip(), kind="Membership", role="member")
            # organisations that joined: "In 2024, the European Union joined <I> / joined X as a co-funder of <I>"
            for jm in re.finditer(r"\bjoined\s+", sent):
                who = _subject_before(sent, jm.start())
                if not who or countries.lookup(who):
                    continue  # countries joining are read by _membership
                cf = _COFUNDER.search(sent, jm.end())
                hit = reg.find(sent[cf.end():cf.end() + 80]) if cf else reg.find(sent[jm.end():jm.end() + 80])
                if not hit or hit[0][0] != 0:
                    continue
                target = hit[0][2]
                ent = _party(kb, doc, reg, who, p.id)
                if ent is None:
                    continue
                if cf:
                    _contribution(kb, doc, reg, target, [who], p.id, yr(), "co-funder", raw)
                    # the one joined is a co-funder too: "joined X as a co-funder"
                    _contribution(kb, doc, reg, target, _party_list(sent[jm.end():cf.start()]), p.id, yr(), "co-funder", raw)
                    # "..., as well as France (Expertise France) and Spain (FIIAPP)"
                    more = re.search(r",?\s*as\s+well\s+as\s+", sent[cf.end():])
                    if more:
                        tail = re.sub(r"\s*\([^)]*\)", "", sent[cf.end() + more.end():])
                        _contribution(kb, doc, reg, target, _party_list(tail), p.id, yr(), "co-funder", raw)
                else:
                    kb.add_fact(ent.id, "memberOf", target, [p.id], sentence=raw.strip(), kind="Membership", role="new member", year=yr())

            # contributions to an initiative: "contributions from Ireland and Germany ... for the M-GA";
            # "France and Korea committed ... to ILO to further support projects on the Global Accelerator"
            m = _CONTRIB.search(sent)
            if m and (found or last_init):
                target = next((f[2] for f in found if f[0] > m.start()), None) or (found[0][2] if found else last_init)
                names = [n for n in _party_list(re.sub(r"\s*\([^)]*\)", "", sent[m.end():]))
                         if countries.lookup(n) or resolve_org(kb, doc, n, None, create=False)]
                if target and names:
                    _contribution(kb, doc, reg, target, names, p.id, yr(), "contributor", raw)
            m = _COMMITTED_TO.search(sent)
            if m and found and not _CONTRIB.search(sent):
                names = [n for n in _party_list(re.sub(r"^(?:In addition|Additionally|Moreover),?\s*", "", sent[:m.start()]))
                         if countries.lookup(n) or resolve_org(kb, doc, n, None, create=False)]
                target = next((f[2] for f in found if f[0] > m.start()), None)
                if target and names and re.search(r"\d", sent[m.end():]):
                    _contribution(kb, doc, reg, target, names, p.id, yr(), "contributor", raw)
            if found:
                last_init = found[-1][2]


def _contribution(kb, doc, reg, target: str, names: list[str], pid: str, year, role: str,
                  sentence: str | None = None) -> None:
    """``target fundedBy funder`` for each named contributor (a country is its government)."""
    from graph.gazetteer import organizations as gz

    for name in names:
        name = re.sub(r"^(?:the|The)\s+", "", name.strip())
        iso = gz.country_of_funder(name)
        if iso:
            org = gz.bilateral_donor(kb, iso, name, pid)
        else:
            org = resolve_org(kb, doc, name, pid)
        if org is None or org.id == target:
            continue
        kb.add_fact(target, "fundedBy", org.id, [pid], kind="FundingLink", role=role, year=year,
                    sentence=sentence.strip() if sentence else None,
                    funding_line=next((p.text for p in doc.passages if p.id == pid), "")[:400],
                    funding_label=name)


def _pathfinder_detail(kb: KnowledgeBase) -> None:
    """A pathfinder's year of commitment and roadmap status, from the membership statements of the
    same country and initiative (the report says them in other sentences)."""
    for f in list(kb.facts.values()):
        if f.predicate != "pathfinderOf":
            continue
        m = kb.facts.get((f.subject, "memberOf", f.object))
        if m is None:
            continue
        for k in ("roadmap", "roadmap_year"):
            if m.attrs.get(k) and not f.attrs.get(k):
                f.attrs[k] = m.attrs[k]
        if m.attrs.get("year") and not f.attrs.get("year") and m.attrs.get("role") in ("committed", "member"):
            f.attrs["year"] = m.attrs["year"]
            f.attrs.setdefault("commitment_year", m.attrs["year"])
            if m.attrs.get("date") and not f.attrs.get("date"):  # the day or month of that commitment
                f.attrs["date"] = m.attrs["date"]
        for pid in m.passages:
            if pid not in f.passages:
                f.passages.append(pid)


_WORKS_WITH = re.compile(r"\b(?:works?|worked|working|collaborat\w*|partner\w*|cooperat\w*)\s+(?:closely\s+)?with\s+"
                         r"|\b(?:in\s+collaboration|in\s+partnership|together|jointly)\s+with\s+")


def names_of_initiative(kb: KnowledgeBase, init: str) -> list[str]:
    e = kb.entities[init]
    return [e.label, *e.alt_labels, *([e.acronym] if e.acronym else [])]


def _partners(doc: Document, kb: KnowledgeBase, reg: "_Registry") -> None:
    """Partners of an initiative: 'Through the <I>, the ILO works with other UN agencies as well as
    the World Bank', 'in collaboration with UNICEF and the World Bank, and under the umbrella of <I>'.
    Only organisations already known by name count (a list may run on into other words)."""
    for p in doc.passages:
        if p.kind in ("table", "financing"):
            continue
        for _, _, sent in sentences(p.text):
            found = reg.find(sent)
            if not found:
                continue
            for m in _WORKS_WITH.finditer(sent):
                # the initiative must frame the clause: "Through <I>," / "under the umbrella of <I>"
                frame = [f for f in found if re.search(r"\b(?:through|under|within|via|umbrella\s+of)\s+(?:the\s+)?"
                                                       r"(?:UN\s+|United\s+Nations\s+)?$",
                                                       sent[max(0, f[0] - 40):f[0]], re.I)]
                # the frame nearest before the cue ("through the A initiative, ..., and through B, in
                # partnership with X": X is B's partner)
                before = [f for f in frame if f[0] < m.start()]
                if not frame:
                    continue
                init = (before or frame)[-1 if before else 0][2]
                own = " ".join(names_of_initiative(kb, init))
                who = []
                head = re.search(r"(?:,\s*|^)(?:the\s+)?([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)\s+(?:has\s+been\s+|is\s+|also\s+)?$",
                                 sent[:m.start()])
                if head:
                    who.append(head.group(1))
                clause = re.split(r"[;(]|\.\s|,\s+(?:and\s+)?(?:under|through|the\s+ILO)\b", sent[m.end():])[0][:160]
                who += re.findall(r"(?<![\w-])([A-Z][\w\-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w\-]*)*)", clause)
                for name in who:
                    org = resolve_org(kb, doc, name, p.id, create=False)
                    if org is None or org.id == init or org.type != "Organization":
                        continue
                    if any(re.search(r"(?<![\w-])" + re.escape(n) + r"(?![\w-])", own)
                           for n in (org.acronym, org.label) if n):
                        continue  # the organisation an initiative is named after owns it
                    if True:
                        kb.add_fact(org.id, "partneredWith", init, [p.id], kind="Engagement", role="partner",
                                    sentence=sent.strip())


# "<I> is supporting X", "X, with the support of <I>, established ...", "... to join <I>, with the
# support of X", "A and B are complementary initiatives": who an initiative works with, and how
_SUPPORTING = re.compile(r"\s+(?:is|are|has\s+been|have\s+been|was|were)\s+(?:also\s+)?supporting\s+")
_WITH_SUPPORT = re.compile(r",\s*with\s+the\s+support\s+of\s+(?:the\s+)?")
_COMPLEMENTARY = re.compile(r"\s+are\s+(?:complementary|sister|mutually\s+reinforcing)\s+"
                            r"(?:initiatives|programmes|programs|partnerships|efforts)\b")
_LEADING_NAME = re.compile(r"(?:the\s+)?(?P<name>[A-Z][\w'’\-]*(?:\s+(?:(?:of|for|and|the|on)\s+)?[A-Z][\w'’\-]*)*"
                           r"(?:\s*\([A-Z][\w\-]+\))?)")
_JOINT_SUBJECT = re.compile(r"^\s*(?:(?:In|During|Throughout)\s+(?:\d{4}|the\s+year),?\s+)?(?:the\s+)?"
                            r"(?P<name>[A-Z][\w'’\-]*(?:\s+(?:(?:of|for|and|the|on)\s+)?[A-Z][\w'’\-]*)*"
                            r"(?:\s*\([A-Z][\w\-]+\))?)\s+and\s+(?:the\s+)?$")
_JOINT_VERB = re.compile(r"\s+(?:jointly\s+|together\s+|also\s+)?(?:advanced|organi[sz]ed|co-organi[sz]ed|launched|"
                         r"held|co-hosted|developed|published|convened|prepared|produced)\b")
_NATIONAL_BODY = re.compile(r"\b(?:Ministry|Commission|Council|Agency|Authority|Office|Department|Directorate|"
                            r"Institute|Fund|Board|Secretariat)\b")
_CLAUSE_NAME = re.compile(r"(?:^|,\s*|;\s*)(?:the\s+)?(?P<name>[A-Z][\w'’\-]*(?:\s+(?:\([A-Z][\w\-]*\)|[A-Z][\w'’\-]*|"
                          r"of|for|and|the|on|in))*?)\s*$")


def _supporting_party(kb: KnowledgeBase, doc: Document, reg: "_Registry", name: str, pid: str, home: str | None):
    """The organisation, country or initiative a support clause names: a known one, a national
    body of the country the passage is about (created), or a new initiative (a name headed by an
    initiative word, the acronym it carries in the middle kept as an alternative form)."""
    name = re.sub(r"^(?:the|The)\s+", "", name.strip(" ,.;:"))
    if not name or len(name) < 3:
        return None
    hit = reg.find(name)
    if hit and hit[0][1] - hit[0][0] >= len(name) - 1:
        return kb.entities[hit[0][2]]
    if countries.lookup(name):
        return ensure_country(kb, countries.lookup(name), pid)
    plain = re.sub(r"\s*\([^)]*\)", "", name).strip()
    org = resolve_org(kb, doc, name, pid, create=False) or resolve_org(kb, doc, plain, pid, create=False)
    if org is not None:
        return org
    if re.search(r"(?:" + _HEAD_RE + r")(?:\s+(?:on|for|to)\s+[A-Z][\w\s\-]*)?$", plain) and len(plain.split()) >= 3:
        acr = re.search(r"\(([A-Z][A-Za-z0-9\-]{1,10})\)", name)
        e = reg.add(plain, pid)
        if e is not None:
            e.alt_labels.add(name)
            if acr:
                e.alt_labels.add(re.sub(r"^.*?\(" + re.escape(acr.group(1)) + r"\)\s*", acr.group(1) + " ", name))
        return e
    if home and _NATIONAL_BODY.search(plain) and len(plain.split()) >= 2:
        from graph.extract.organizations import add_institution

        return add_institution(kb, plain, None, home, pid)
    return None


def _supporters(doc: Document, kb: KnowledgeBase, reg: "_Registry") -> None:
    """``partneredWith`` between an initiative and the party a support clause names: 'the Global
    Accelerator is supporting the National Planning Commission' (role 'supported by the initiative'),
    'X, with the support of <I>, established ...' (the same), '... commitment to join <I>, with the
    support of X' (role 'supporter'), 'A and B are complementary initiatives' (role 'complementary
    initiative').  Only a name right next to the cue counts."""
    for p in doc.passages:
        if p.kind in ("table", "financing", "caption", "heading"):
            continue
        home = section_iso3(doc, p.section_id)
        for _, _, sent in sentences(p.text):
            found = reg.find(sent)
            if not found:
                continue
            pairs: list[tuple[object, str, str]] = []
            for f in found:
                m = _SUPPORTING.match(sent, f[1])
                if m:
                    nm = _LEADING_NAME.match(sent, m.end())
                    if nm:
                        pairs.append((nm.group("name"), f[2], "supported by the initiative"))
                m = _WITH_SUPPORT.match(sent, f[1])
                if m:  # "<I>, with the support of X": X helped with what concerns the initiative
                    orgs = find_organizations_at(kb, sent[m.end():], home)
                    pairs += [(o, f[2], "supporter") for o in orgs]
                before = _WITH_SUPPORT.search(sent[:f[0]] + "\0")
                if before and before.end() == f[0] and re.match(r"\s*,", sent[f[1]:]):
                    # "X, with the support of <I>, established ...": X is the clause's subject
                    cm = _CLAUSE_NAME.search(sent[:before.start()])
                    if cm:
                        pairs.append((cm.group("name"), f[2], "supported by the initiative"))
            for f in found:  # "In 2024, the X Coalition (X) and the <I> advanced key initiatives": joint work
                lead = _JOINT_SUBJECT.match(sent[:f[0]])
                if lead and _JOINT_VERB.match(sent, f[1]):
                    pairs.append((lead.group("name"), f[2], "joint work"))
            for a, b in zip(found, found[1:]):
                if re.fullmatch(r"\s+and\s+(?:the\s+)?", sent[a[1]:b[0]]) and _COMPLEMENTARY.match(sent, b[1]) \
                        and a[2] != b[2]:
                    kb.add_fact(a[2], "partneredWith", b[2], [p.id], kind="Engagement", role="complementary initiative",
                                sentence=sent.strip())
            for who, init, role in pairs:
                ent = who if not isinstance(who, str) else _supporting_party(kb, doc, reg, who, p.id, home)
                if ent is None or ent.id == init or ent.type not in ("Organization", "Country", "Initiative"):
                    continue
                kb.add_fact(ent.id, "partneredWith", init, [p.id], kind="Engagement", role=role, sentence=sent.strip())


def find_organizations_at(kb: KnowledgeBase, text: str, iso3: str | None):
    """The organisation named at the very start of ``text`` (after an article), if any."""
    from graph.extract.organizations import find_organizations

    text = re.sub(r"^(?:the|The)\s+", "", text)
    return [kb.entities[eid("Organization", k)] for st, _en, _s, k in find_organizations(text, kb, iso3=iso3)
            if st == 0][:1]


# "DCI aims to assist at least 10 countries, including the already selected A, B and C"
_AIMS_COUNTRIES = re.compile(r"\b(?:aims?|plans?|seeks?|intends?|is\s+set)\s+to\s+(?:assist|support|reach|cover|"
                             r"work\s+with)\s+(?:at\s+least\s+|up\s+to\s+|some\s+)?(?:\w+\s+)?countries,?\s+"
                             r"(?:including|among\s+them|such\s+as)\s+(?:the\s+)?(?P<sel>(?:already\s+)?selected\s+)?")


def _selected_countries(doc: Document, kb: KnowledgeBase, reg: "_Registry") -> None:
    """Countries an initiative names as the ones it assists: ``priorityCountryOf`` the initiative
    (role 'selected country' when the sentence says they were already selected)."""
    for p in doc.passages:
        if p.kind == "table":
            continue
        for _, _, sent in sentences(p.text):
            for m in _AIMS_COUNTRIES.finditer(sent):
                found = [f for f in reg.find(sent[:m.start()])]
                init = found[-1][2] if found else reg.section_initiative(p)
                if not init:
                    continue
                end = _CLAUSE_END.search(sent, m.end())
                clause = sent[m.end():end.start() if end else len(sent)]
                clause = re.split(r",\s+(?:in|to|for|with)\s", clause)[0]
                for iso in dict.fromkeys(c[3] for c in countries.find_countries(clause)):
                    ensure_country(kb, iso, p.id)
                    kb.add_fact(eid("Country", iso), "priorityCountryOf", init, [p.id], kind="Fact",
                                role="selected country" if m.group("sel") else "target country",
                                sentence=sent.strip())


# "beginning in four pilot countries (A, B, C and D)", "a new phase in an expanded set of countries,
# which include A, B ...": the countries an initiative works in, with the words that qualify them
_QUALIFIED_COUNTRIES = re.compile(
    r"(?P<q>(?:[A-Za-z-]+\s+){0,4}?)countries\s*(?:\((?P<paren>[^()]{6,})\)|,?\s+(?:which\s+include|including|"
    r"namely|such\s+as)\s+(?P<list>[^;.]+))")
_NOT_QUALIFIER = {"a", "an", "the", "of", "in", "to", "for", "and", "with", "its", "their", "these", "those", "other",
                  "more", "several", "many", "all", "some", "new", "set", "number", "group", "beginning", "starting",
                  "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}


def _participating_countries(doc: Document, kb: KnowledgeBase, reg: "_Registry") -> None:
    """Countries listed as the ones an initiative works in, in its own section or a sentence that
    names it: ``priorityCountryOf`` with the role the list's own words give ("pilot country",
    "expanded country").  Pathfinder lists and prospective members have their own readings."""
    for p in doc.passages:
        if p.kind == "table":
            continue
        sec = reg.section_initiative(p)
        for _, _, sent in sentences(p.text):
            low = sent.lower()
            if "pathfinder" in low or re.search(r"\b(?:engagements?|discussions?|talks)\b[^.]{0,30}\bongoing\b", low):
                continue
            if "countries" not in sent:  # the pattern's one literal word: skip its slow scan
                continue
            for m in _QUALIFIED_COUNTRIES.finditer(sent):
                found = reg.find(sent[:m.start()])
                init = found[-1][2] if found else sec
                if not init:
                    continue
                words = [w.lower() for w in re.findall(r"[A-Za-z-]+", m.group("q"))
                         if w.lower() not in _NOT_QUALIFIER and not w[:1].isupper()]
                if not words:
                    continue
                clause = m.group("paren") or m.group("list") or ""
                isos = list(dict.fromkeys(c[3] for c in countries.find_countries(clause)))
                if len(isos) < 2:
                    continue
                ys = _YEAR.findall(sent[:m.start()])
                role = " ".join(words[-2:]) + " country"
                for iso in isos:
                    ensure_country(kb, iso, p.id)
                    f = kb.add_fact(eid("Country", iso), "priorityCountryOf", init, [p.id], kind="Fact",
                                    role=role, year=ys[-1] if ys else None, sentence=sent.strip())
                    if f is not None and f.attrs.get("role") != role:  # in the pilot and the expanded phase
                        also = f.attrs.setdefault("also_roles", [])
                        if role not in also:
                            also.append(role)


# "In collaboration with X, the annual training ... took place" in the initiative's own section
_OPENS_WITH_PARTNER = re.compile(r"^(?:In\s+(?:close\s+)?(?:collaboration|partnership|cooperation)\s+with)\s+")


_FUNDING_ROUND_BY = re.compile(r"\b(?:round\s+of\s+funding|funding\s+(?:round|window|call))\s+(?:was|were|has\s+been)\s+"
                               r"(?:launched|opened|provided|made\s+available)\s+by\s+(?:the\s+)?")
_CO_ORGANISED_BY = re.compile(r"\bco-?organi[sz]ed\s+by\s+")


def _section_partners(doc: Document, kb: KnowledgeBase, reg: "_Registry") -> None:
    """Partners of an initiative named in its own section, where the work the sentence reports is
    the initiative's: a sentence opening 'In collaboration with X, ...', or one whose subject is the
    initiative's own focal point/secretariat/network ('the regional focal point organized a webinar
    ... in collaboration with X').  Only organisations already known by name count."""
    for p in doc.passages:
        if p.kind in ("table", "financing", "caption"):
            continue
        init = reg.section_initiative(p)
        if not init:
            continue
        for _, _, sent in sentences(p.text):
            text = re.sub(r"^In\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3},?\s+(?=[A-Za-z])", "", sent.strip())  # "In Asia(,) ..."
            fm = _FUNDING_ROUND_BY.search(text)
            if fm:  # "the first round of funding was launched by the UN Joint SDG Fund and ...": its funder
                ym = re.search(r"\b((?:19|20)\d{2})\b", text[:fm.start()])
                clause = re.split(r"[;(]|\.\s|,\s", text[fm.end():])[0][:160]
                for name in _org_list(clause):
                    org = resolve_org(kb, doc, name, p.id, create=False)
                    if org is not None and org.type == "Organization" and not reg.find(name):
                        kb.add_fact(init, "fundedBy", org.id, [p.id], kind="FundingLink", role="funding round",
                                    year=ym.group(1) if ym else None, sentence=sent.strip(),
                                    funding_line=sent.strip()[:400], funding_label=name)
            m = _OPENS_WITH_PARTNER.match(text)
            co = _CO_ORGANISED_BY.search(text)
            if m:
                clause = re.split(r",\s|[;(]", text[m.end():])[0]
            elif co:  # "A side event, co-organized by WFP, FAO, and UNICEF, showcased ..."
                clause = re.split(r",\s+(?!and\b)(?=[a-z])|[;(]|\.\s", text[co.end():])[0][:160]
            else:
                own = re.match(r"^(?:the\s+)?(?:\w+\s+){0,3}(?:focal\s+(?:point|person)|secretariat|network)\b"
                               r"[^.;]{0,160}?\b(?:in\s+(?:collaboration|partnership|cooperation)|together|jointly)\s+with\s+",
                               text, re.I)
                if not own:
                    continue
                clause = re.split(r"[;(]|\.\s", text[own.end():])[0][:160]
            others = [f for f in reg.find(clause) if f[2] != init]
            names = re.findall(r"(?<![\w-])([A-Z][\w\-]*(?:\s+(?:of\s+(?:the\s+)?|for\s+|and\s+)?[A-Z][\w\-]*)*)", clause)
            for name in names:
                org = resolve_org(kb, doc, name, p.id, create=False)
                if org is None or org.id == init or org.type != "Organization" or org.key == "ilo":
                    continue
                kb.add_fact(org.id, "partneredWith", init, [p.id], kind="Engagement", role="partner",
                            sentence=sent.strip())
            for f in others:
                kb.add_fact(f[2], "partneredWith", init, [p.id], kind="Engagement", role="partner",
                            sentence=sent.strip())


# "the Partnership decided to constitute a temporary task team dedicated to ...", "an inception
# meeting was held for a dedicated working group on ...": a new body, named by what it is for
_NEW_BODY = re.compile(r"\ba\s+(?P<name>(?:dedicated|new|temporary)\s+(?:working\s+group|task\s+team|task\s+force)"
                       r"\s+(?:on|dedicated\s+to)\s+[^,;:.()\"“]{5,120}?)(?=\s*[,;:.(]|$)")


def _new_bodies(doc: Document, kb: KnowledgeBase, reg: "_Registry") -> None:
    """Bodies an initiative sets up, named in lower case in its own section with an indefinite
    article ('a temporary task team dedicated to ...'): part of that initiative.  Skipped when the
    sentence names another initiative (whose body it may be)."""
    for p in doc.passages:
        if p.kind in ("table", "financing", "caption"):
            continue
        init = reg.section_initiative(p)
        if not init or kb.entities[init].attrs.get("part_of"):
            continue
        for _, _, sent in sentences(p.text):
            if any(f[2] != init for f in reg.find(sent)):
                continue
            for m in _NEW_BODY.finditer(sent):
                name = re.sub(r"^(?:dedicated|new)\s+", "", m.group("name")).strip()
                reg.add(name, p.id, part_of=init)


# "the ILO launched a Global Campaign to systematically promote the ratification of Convention No. 102"
_LAUNCHED_CAMPAIGN = re.compile(r"\b(?:has\s+|had\s+)?launched\s+(?:a|the|its)\s+(?P<name>(?:[A-Z][\w\-]*\s+){0,3}"
                                r"Campaign\s+(?:to|for|on)\s+[^,;:()]{5,140}?)(?=\s*[,;:(]|(?<!\bNo)\.\s|\.$|$)")


def _launched_campaigns(doc: Document, kb: KnowledgeBase, reg: "_Registry") -> None:
    """A campaign an organisation launched, named as written ('a Global Campaign to ...'): an
    initiative whose founder is the organisation that launched it, with the sentence's year."""
    for p in doc.passages:
        if p.kind in ("table", "financing"):
            continue
        for _, _, sent in sentences(p.text):
            for m in _LAUNCHED_CAMPAIGN.finditer(sent):
                who = _subject_before(sent, m.start())
                org = resolve_org(kb, doc, who, p.id, create=False) if who else None
                if org is None or org.type != "Organization":
                    continue
                camp = reg.add(m.group("name").strip(), p.id)
                if camp is None:
                    continue
                ym = re.search(r"\b[Ii]n\s+((?:19|20)\d{2})\b", sent[:m.start()])  # "In 2021, ... launched"
                role_fact(kb, org.id, "founderOf", camp.id, [p.id], role="launched", sentence=sent.strip(),
                          year=ym.group(1) if ym else None)


def _parts(doc: Document, kb: KnowledgeBase) -> None:
    """``partOf`` for a working group or facility recorded as part of a larger initiative, cited by
    the first passage that names the part (its block or the sentence that defines it)."""
    order = {p.id: i for i, p in enumerate(doc.passages)}
    for e in kb.of_type("Initiative"):
        whole = e.attrs.get("part_of")
        if not whole or whole not in kb.entities or whole == e.id:
            continue
        pids = sorted((p for p in e.passages if p in order), key=order.get)
        texts = {p.id: p.text for p in doc.passages}
        paths = {p.id: p.section_path for p in doc.passages}
        def names(pid, ent):
            return any(n and len(n) >= 3 and n.lower() in texts[pid].lower() for n in names_of_initiative(kb, ent))

        def headed(pid):  # the part's own block: a passage under a heading that names it
            return any(n and len(n) >= 3 and n.lower() in " > ".join(paths[pid]).lower() for n in names_of_initiative(kb, e.id))

        # a passage naming both, else one naming the whole, else one naming the part itself, else
        # one of the part's own block (its heading names the part, its text says "the working group")
        # whose text names the whole
        ranked = [p for p in pids if names(p, whole) and names(p, e.id)] or [p for p in pids if names(p, whole)] \
            or [p for p in pids if names(p, e.id)] or [p for p in texts if headed(p) and names(p, whole)]
        if ranked:
            kb.add_fact(e.id, "partOf", whole, ranked[:1], kind="Membership", role="part")


def extract(doc: Document, kb: KnowledgeBase) -> None:
    reg = _Registry(doc, kb)
    _find_initiatives(doc, kb, reg)
    _find_bodies(doc, reg)
    _find_caps_initiatives(doc, kb, reg)
    # every passage naming an initiative is evidence for it
    for p in doc.passages:
        for _, _, key in reg.find(p.text):
            kb.entities[key].passages.add(p.id)
    _membership(doc, kb, reg)
    _roles(doc, kb, reg)
    _partners(doc, kb, reg)
    _section_partners(doc, kb, reg)
    _supporters(doc, kb, reg)
    _selected_countries(doc, kb, reg)
    _participating_countries(doc, kb, reg)
    _new_bodies(doc, kb, reg)
    _launched_campaigns(doc, kb, reg)
    _pathfinder_detail(kb)
    _parts(doc, kb)
