"""Publications with titles: working papers, briefs, reports, fact sheets, guides, policy notes.

Read from two shapes of text:

* labelled items, as in a figure listing publications: ``<Publisher> <Type> [<number>]: "Title"``
  ("ILO Working Paper 132: "..."", "OHCHR-ILO Fact Sheet: "..."", "Report: "..."", "Guide: ...")
  — an unquoted title runs to the next label;
* running text: a quoted title whose nearest preceding noun is a publication type ("the Working
  Paper "..."", "a policy note ..., entitled "..."", "a joint policy paper "...""), a quoted title
  that "was published", or a quoted string that itself starts with a type ("Issue Paper on ...");
  quoted list items following "briefs are:"; and the named flagship report
  ("World Social Protection Report 2024-26: ... (WSPR 2024-26)").

A title seen several times (the text and a figure) is one Publication: the key is the slug of
the normalised title, and a title that is the main title (before ':') of another of the same
type is merged into it.  Attributes: series/type, number, year (from "In <Month> YYYY ...
published"), countries named in the title or sentence, ``described_by`` (the sentence that
describes it).  ``publishedBy`` facts go to the publishers named in the label ("OHCHR-ILO") or
as the subject of "published/developed/launched"; co-authors named by "in collaboration with"/
"jointly with" are publishers too.

Courses named by their title ("The massive open online course (MOOC) <Title> is ...") are
publications of kind "online course", produced with the bodies a later sentence names
(:mod:`graph.extract.courses`).

Then each publication is described (:func:`describe`): its kind (brief, working paper, guide,
report ... from its series or type word), its language (from the function words of its title:
general knowledge of French, Spanish and Portuguese, else English), the countries it covers
(``publicationAbout``: named in its title, or in the sentence presenting it inside that country's
entry), its policy topics (``onTopic``, read from the title) and, when several organisations
published it, each ``publishedBy`` statement is marked co-published.
"""
from __future__ import annotations

import re

from graph import countries
from graph.extract import courses, ensure_country, milestones
from graph.extract.instruments import resolve_org, sentences
from graph.kb import KnowledgeBase
from graph.model import Document
from graph.vocab import slug
from graph.dates import MONTH

_TYPES = (r"Working\s+[Pp]aper|[Bb]rief|[Rr]eport|Fact\s+[Ss]heet|[Gg]uide|[Pp]olicy\s+[Nn]ote|"
          r"[Pp]olicy\s+[Pp]aper|[Ii]ssue\s+[Pp]aper|[Tt]echnical\s+[Nn]ote|[Gg]uidance\s+[Nn]ote|"
          r"[Ss]tudy|[Pp]ublication|[Hh]andbook|[Tt]oolkit|[Ii]nfographic|[Bb]ulletin")
_Q = r"[\"“”]"
_PUBLISHER = r"(?P<pub>(?:[A-Z][A-Za-z]{1,10}-)*[A-Z]{2,10}(?:-[A-Z]{2,10})*)"
LABEL = re.compile(r"(?:" + _PUBLISHER + r"\s+)?(?P<type>" + _TYPES + r")(?:\s+(?P<num>\d{1,4}))?\s*:?\s*"
                   r"(?=" + _Q + r"|[A-Z])")
# LABEL tries its optional publisher at every character; a text without a type word cannot match
# it, and most passages have none, so they skip it (a third of this extractor's time)
_TYPE_WORD = re.compile(_TYPES)
QUOTED = re.compile(_Q + r"\s*(?P<title>[^\"“”]{4,300}?)\s*" + _Q)
_NOT_PUB_NOUN = re.compile(r"\b(event|side event|workshop|forum|project|webinar|course|training|conference|"
                           r"seminar|session|campaign|bill|roadmap|meeting|dialogue|initiative|programme|"
                           r"call to action|platform|title)\b", re.I)
_PUB_NOUN = re.compile(r"\b(" + _TYPES + r"|paper|note|guidance|publication)s?\b", re.I)
_MONTH = "(" + MONTH + ")"
_MONTH_YEAR = re.compile(r"\b(?:[Ii]n|[Oo]n)\s+(?:\d{1,2}\s+)?(?:" + _MONTH + r"\s+)?(?:\d{1,2},?\s+)?((?:19|20)\d{2})\b")


_MONTH_ONLY = re.compile(r"\b[Ii]n\s+" + _MONTH + r"\b(?!\s*,?\s*(?:19|20)\d{2})")


class _MonthYear:
    """A month named without its year ("In December, the ILO published ..."), read as the year the
    report covers: the match groups of :data:`_MONTH_YEAR` (month, year)."""

    def __init__(self, month: str, year: str):
        self._g = (None, month, year)

    def group(self, i: int):
        return self._g[i]


def _month_only(sent: str, doc: Document):
    from graph.extract.initiatives import _report_year

    m = _MONTH_ONLY.search(sent)
    year = _report_year(doc) if m else None
    return _MonthYear(m.group(1), year) if m and year else None


def _norm_title(t: str) -> str:
    t = re.sub(r"\s+", " ", t.replace("“", "").replace("”", "").replace('"', "")).strip(" ,.;:")
    return re.sub(r"\s*-\s+(?=[a-z])", "-", t)  # "long- term" -> "long-term"


def _series(pub: str | None, type_: str) -> str:
    type_ = re.sub(r"\s+", " ", type_)
    if pub:
        return f"{pub} {type_[0].upper()}{type_[1:]}"
    return type_[0].upper() + type_[1:]


class _Pubs:
    def __init__(self, doc: Document, kb: KnowledgeBase):
        self.doc, self.kb = doc, kb

    def add(self, title: str, pid: str, *, series: str | None = None, number: str | None = None,
            year: str | None = None, month: str | None = None, publishers=(), sentence: str = ""):
        title = _norm_title(title)
        if len(title) < 8 or len(title.split()) < 2:
            return None
        key = slug(title)[:60].strip("-")
        e = self.kb.add_entity("Publication", key, title, passage=pid, series=series, number=number,
                               year=year, month=month, described_by=sentence.strip()[:500] or None)
        if series and e.attrs.get("series") != series:
            e.attrs.setdefault("formats", [])
            if series not in e.attrs["formats"]:
                e.attrs["formats"].append(series)
        if number and not e.attrs.get("number"):
            e.attrs["number"] = number
        if year and not e.attrs.get("year"):
            e.attrs["year"] = year
        isos = [f[3] for f in countries.find_countries(title)]
        if isos:
            cs = e.attrs.setdefault("countries", [])
            for iso in isos:
                if iso not in cs:
                    cs.append(iso)
                ensure_country(self.kb, iso, pid)
        for name in publishers:
            org = resolve_org(self.kb, self.doc, name, pid)
            if org is not None:
                self.kb.add_fact(e.id, "publishedBy", org.id, [pid])
        return e


_PUBLISH_VERB = re.compile(r"\b(?:published|launched|released|issued|developed|produced|presented)\b")
# A capitalised title: capitalised words joined by minor words, colons and commas ("Towards
# Inclusive Social Protection Systems: Enabling Participation and Inclusion of Persons with
# Disabilities"); "and the Gender Working Group" ends it (an article starts another name).
_CAP = r"[A-Z][\w'’\-]*"
_TITLE_RUN = _CAP + r"(?:(?:\s*:\s*|,?\s+(?:(?:of|on|for|and|in|to|with|by|towards?|a|an)\s+)*)" + _CAP + r")*"
_TYPE_WORDS = (r"[Ww]orking\s+[Pp]aper|[Pp]olicy\s+[Bb]rief|[Bb]rief|[Rr]eport|[Ff]act\s+[Ss]heet|[Gg]uidance\s+[Nn]ote|"
               r"[Gg]uidance|[Gg]uide|[Pp]olicy\s+[Nn]ote|[Pp]olicy\s+[Pp]aper|[Ii]ssue\s+[Pp]aper|[Tt]echnical\s+[Nn]ote|"
               r"[Ss]tudy|[Hh]andbook|[Tt]oolkit|[Bb]ulletin|[Pp]laybook")
_DET = r"(?:\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Aa]n?)\s+)(?:(?:first|second|third|new|joint|final|national|\d+(?:st|nd|rd|th))\s+)*"
# 'launched its Guidance Note: Towards ...'
_COLON_TITLE = re.compile(_DET + r"(?P<type>" + _TYPE_WORDS + r")\s*:\s*(?P<title>" + _TITLE_RUN + r")")
# 'launched the first Bulletin of Social Protection Statistics', 'its Social Security Statistical
# Bulletin, 2018-2022', 'The second Statistical Bulletin on Social Protection, published ...'
_NAMED = re.compile(_DET + r"(?P<title>" + _TITLE_RUN + r")(?P<span>,\s*(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2})?")
# 'A policy brief on the extension of social protection to informal workers in Egypt, ...',
# 'published a first study on income security for older people in Ecuador and ...'
_DESCRIBED = re.compile(_DET + r"(?P<type>policy\s+brief|brief|report|study|guidance\s+note|guidance|guide|working\s+paper|"
                        r"policy\s+note|policy\s+paper|technical\s+note|issue\s+paper|bulletin|toolkit|handbook|"
                        r"fact\s+sheet|progress\s+report)\s+(?P<prep>on|about|of)\s+(?P<desc>[^,;.()\"“”]{8,160})(?![\"“”])")
_DESC_END = re.compile(r"\s+(?:was|were|is|are|has|have|which|that|who|in\s+(?:" + _MONTH + r"|\d{4})|by\s+the|as\s+well\s+as|"
                       r"to\s+be)\b.*$")


_TRAILING_DATE = re.compile(r"\s+(?:on|in|of|since|by)\s+" + _MONTH + r"\b.*$")


_VERB_BEFORE = re.compile(r"\b(?:published|launched|released|issued|developed|produced|presented)\s+(?:[\w-]+\s+){0,1}$")
_VERB_AFTER = re.compile(r"^(?:,[^,;]{1,60}(?=,))?\s*,?\s*(?:(?:which|that)\s+)?(?:(?:was|were|has\s+been|have\s+been)\s+)?(?:\w+\s+and\s+)?"
                         r"(?:published|launched|released|issued|developed|produced|presented)\b")


def _published_here(sent: str, start: int, end: int) -> bool:
    """The publication named at ``sent[start:end]`` is what the sentence's verb publishes: the verb
    comes right before it ("launched its ...", "published a first ...") or right after it ("...,
    published in December", "... was developed and published"), not elsewhere in the sentence
    ("findings featured in the UN Secretary General Report ..." publishes nothing)."""
    return bool(_VERB_BEFORE.search(sent[:start]) or _VERB_AFTER.match(sent[end:]))


def unquoted_titles(sent: str) -> list[tuple[str, str]]:
    """(title, series) of the publications a sentence presents without quotes.

    Why: titles are not always quoted ("launched its Guidance Note: Towards Inclusive ...",
    "launched the first Bulletin of Social Protection Statistics"), and many publications are
    named by what they are about ("a policy brief on the extension of social protection to informal
    workers in Egypt").  Only sentences that publish something are read (the caller checks)."""
    out: list[tuple[str, str]] = []
    taken: list[tuple[int, int]] = []
    for m in _COLON_TITLE.finditer(sent):
        if not _published_here(sent, m.start(), m.end()):
            continue
        out.append((m.group("title"), _series(None, m.group("type"))))
        taken.append(m.span())
    for m in _NAMED.finditer(sent):
        if any(a <= m.start() < b for a, b in taken):
            continue
        title = _TRAILING_DATE.sub("", m.group("title"))
        if not _published_here(sent, m.start(), m.start() + len(m.group(0)) - len(m.group("title")) + len(title)
                               + len(m.group("span") or "")):
            continue
        tm = list(re.finditer(r"\b(?:" + _TYPE_WORDS + r")\b", title))
        # the type word is the name's head or followed by its subject ("Bulletin of ...")
        if not tm or len(title.split()) < 3 or not title[:1].isupper() or re.search(r"\b(?:ILO|Government)\b", title[:4]):
            continue
        out.append((title + (m.group("span") or ""), _series(None, tm[-1].group(0))))
        taken.append(m.span())
    for m in _DESCRIBED.finditer(sent):
        if any(a <= m.start() < b for a, b in taken):
            continue
        desc = _DESC_END.sub("", m.group("desc")).strip()
        if not _published_here(sent, m.start(), m.start("desc") + len(desc)) and not _published_here(
                sent, m.start(), m.end()):
            continue
        if len(desc.split()) < 3 or desc.split()[0].lower() in ("it", "this", "that", "these", "them"):
            continue
        kind = re.sub(r"\s+", " ", m.group("type"))
        # Capitalised like a title, so a figure's "Guidance on ..." and the text's "a joint
        # guidance on ..." are one publication.
        out.append((f"{kind[0].upper()}{kind[1:]} {m.group('prep')} {desc}", _series(None, kind)))
    return out


def _sentence_publishers(sent: str) -> list[str]:
    out = []
    m = re.search(r"\b(?:the\s+)?([A-Z]{2,10})(?:\s+and\s+(?:the\s+)?([A-Z]{2,10}))?\s+(?:has\s+|have\s+|also\s+)*"
                  r"(?:published|developed|launched|released|produced)\b", sent)
    if m:
        out += [g for g in m.groups() if g]
    m = re.search(r"\b(?:in\s+collaboration|jointly|in\s+partnership|in\s+cooperation)\s+with\s+(?:the\s+)?"
                  r"([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)(?:\s+and\s+(?:the\s+)?([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*))?", sent)
    if m and out:
        out += [g for g in m.groups() if g]
    # "as part of the global ILO-IMF collaboration, leading to a jointly authored "...": the pair of
    # organisations a joint piece of work names are its co-authors
    if re.search(r"\b(?:jointly|co-?)\s*(?:authored|written|produced|published)\b|"
                 r"\bjoint(?:ly)?\s+(?:\w+\s+)?(?:paper|report|note|brief|publication|study)\b", sent):
        m = re.search(r"\b([A-Z]{2,10})-([A-Z]{2,10})\s+(?:collaboration|partnership|cooperation|mission|joint)", sent)
        if m:
            out += [g for g in m.groups() if g not in out]
    return out


def extract(doc: Document, kb: KnowledgeBase) -> None:
    pubs = _Pubs(doc, kb)
    later: list[tuple] = []
    for p in doc.passages:
        text = p.text
        used: list[tuple[int, int]] = []
        # 1. labelled items: 'ILO Working Paper 132: "Title"', 'Guide: Title Guide: ...'
        qspans = [(q.start(), q.end()) for q in QUOTED.finditer(text)]
        labels = [m for m in LABEL.finditer(text) if not any(a < m.start() < b for a, b in qspans)] \
            if _TYPE_WORD.search(text) else []
        labelled = [m for m in labels if re.match(r"\s*" + _Q, text[m.end():m.end() + 3]) or text[m.end() - 2:m.end()].strip().endswith(":")]
        if len(labelled) >= 2 or p.kind in ("table", "list_item", "caption"):
            for i, m in enumerate(labelled):
                nxt = labelled[i + 1].start() if i + 1 < len(labelled) else len(text)
                seg = text[m.end():nxt]
                q = QUOTED.match(seg.lstrip())
                if q:
                    title = q.group("title")
                else:
                    if not text[m.start():m.end()].rstrip().endswith(":"):
                        continue
                    title = re.sub(r"\s+\d{1,3}\s*$", "", seg.split("\n")[0]).strip(" |")  # page number
                pub = m.group("pub")
                if pub and not pub.isupper() and "-" not in pub:
                    pub = None
                publishers = re.split(r"-", pub) if pub else []
                if not publishers and re.search(r"\bILO\b", " ".join(s.title for s in [doc.section(p.section_id)])):
                    publishers = []
                pubs.add(title, p.id, series=_series(pub, m.group("type")), number=m.group("num"),
                         publishers=publishers or _figure_publishers(doc, p), sentence="")
                used.append((m.start(), nxt))
        # 2. running text
        for s0, s1, sent in sentences(text):
            if any(a <= s0 < b for a, b in used):
                continue
            ym = _MONTH_YEAR.search(sent) or _month_only(sent, doc)
            for q in QUOTED.finditer(sent):
                title = q.group("title")
                if not title[:1].isupper():
                    continue
                before = sent[max(0, q.start() - 90):q.start()]
                after = sent[q.end():q.end() + 40]
                noun = list(_PUB_NOUN.finditer(before))
                bad = list(_NOT_PUB_NOUN.finditer(before))
                starts_typed = re.match(r"(?:" + _TYPES + r")\b", title)
                published_after = re.match(r"[\s,]*(?:which\s+|that\s+)?(?:was|were|has been)\s+(?:\w+\s+)?"
                                           r"(?:published|launched|released)", after)
                ok = False
                series = None
                if re.search(r"\b(?:published|launched|released|issued)\s+(?:the\s+|a\s+|its\s+)?$", before):
                    ok = True
                    series = noun[-1].group(0) if noun and q.start() - (max(0, q.start() - 90) + noun[-1].end()) < 4 else None
                elif noun and (not bad or bad[-1].start() < noun[-1].start()) and q.start() - (
                        max(0, q.start() - 90) + noun[-1].end()) < 75:
                    ok, series = True, noun[-1].group(0)
                elif starts_typed or (published_after and not bad):
                    ok, series = True, (starts_typed.group(0) if starts_typed else None)
                if not ok:
                    continue
                pubm = re.search(r"(?:([A-Z]{2,10})\s+)?(" + _TYPES + r")\s*(\d{1,4})?\s*:?\s*$", before)
                number = pubm.group(3) if pubm else None
                pubs.add(title, p.id, series=_series(pubm.group(1) if pubm else None, series) if series else None,
                         number=number, year=ym.group(2) if ym and re.search(r"publish|launch|releas", sent) else None,
                         month=ym.group(1) if ym and re.search(r"publish|launch|releas", sent) else None,
                         publishers=_sentence_publishers(sent), sentence=sent)
            # "the ILO launched its flagship report, World Social Protection Report 2024-26: ... (WSPR 2024-26)"
            for m in re.finditer(r"\b(?:report|publication|study)\s*,\s*(?P<title>[A-Z][^()\"“”]{10,200}?)\s*"
                                 r"\((?P<acr>[A-Z]{2,}[^)]{0,15})\)", sent):
                e = pubs.add(m.group("title"), p.id, series="Report", publishers=_sentence_publishers(sent),
                             year=ym.group(2) if ym else None, sentence=sent)
                if e:
                    e.alt_labels.add(m.group("acr"))
        # 2b. running text, unquoted: a typed title after a colon, a capitalised name with a type
        # word published or launched, a publication named by what it is about.  Weaker readings,
        # so they are added after every labelled and quoted one (whose label and type then stand).
        for s0, s1, sent in sentences(text):
            if any(a <= s0 < b for a, b in used) or not _PUBLISH_VERB.search(sent):
                continue
            ym = _MONTH_YEAR.search(sent)
            year, month = (ym.group(2), ym.group(1)) if ym else (None, None)
            for title, series in unquoted_titles(sent):
                later.append((title, p.id, series, year, month, _sentence_publishers(sent), sent))
        # 3. quoted list items after "... briefs are:" (the list follows the announcing sentence)
        if p.kind == "list_item" and text.lstrip()[:1] in "\"“":
            prev_text = _previous_text(doc, p)
            tm = re.search(r"\b(" + _TYPES + r")s?\s+(?:are|include|is)\s*:\s*$", prev_text)
            for line in text.split("\n") if tm else []:
                q = QUOTED.match(line.strip())
                if q and line.strip()[0] in "\"“":
                        e = pubs.add(q.group("title"), p.id, series=_series(None, tm.group(1)),
                                     publishers=_sentence_publishers(prev_text[-400:]), sentence=line)
                        if e is not None and not e.attrs.get("context"):
                            # what the list is of ("a series of briefs on ... the care economy ... for
                            # the ILC"): said once before the list, true of every item in it
                            e.attrs["context"] = " ".join(prev_text[-400:].split())
    for title, pid, series, year, month, publishers, sent in later:
        pubs.add(title, pid, series=series, year=year, month=month, publishers=publishers, sentence=sent)
    courses.extract(doc, pubs)  # "The massive open online course (MOOC) <Title> is ..."
    _merge_main_titles(kb)
    describe(doc, kb)


def _position(doc: Document, p) -> int:
    """Index of passage ``p`` in ``doc.passages``, by a map kept on the document: list.index
    compares every earlier passage field by field, which grew with the report squared."""
    pos = getattr(doc, "_fg_passage_pos", None)
    if pos is None or len(pos) != len(doc.passages):
        pos = {id(q): i for i, q in enumerate(doc.passages)}
        object.__setattr__(doc, "_fg_passage_pos", pos)
    i = pos.get(id(p))
    return i if i is not None and doc.passages[i] is p else doc.passages.index(p)


_FIGURE_CAPTION = re.compile(r"^(?:Figure|Source|Photo|Note|Table)s?\b|^©", re.I)


def _figure_publishers(doc: Document, p) -> list[str]:
    """Items of a figure captioned 'Sample of ILO reports ...' are published by that organisation.
    A caption that is no figure's (one item's picture label among the items) is passed over."""
    idx = _position(doc, p)
    seen = 0
    for q in reversed(doc.passages[max(0, idx - 12):idx + 1]):
        if q.kind == "caption" or q.text.startswith("Figure"):
            m = re.search(r"\b([A-Z]{2,10})\s+(?:reports|publications|briefs|papers|documents)", q.text)
            if m or _FIGURE_CAPTION.match(q.text) or q is p:
                return [m.group(1)] if m else []
            continue  # a label: not counted in the figure's reach
        seen += 1
        if seen > 6:
            break
    return []


def _previous_text(doc: Document, p) -> str:
    idx = _position(doc, p)
    return doc.passages[idx - 1].text if idx > 0 else ""


def _merge_main_titles(kb: KnowledgeBase) -> None:
    """'Financing gap for universal social protection' is the main title of 'Financing gap ...: Global ...'."""
    pubs = kb.of_type("Publication")
    for short in pubs:
        for long in pubs:
            if long is short or short.id not in kb.entities or long.id not in kb.entities:
                continue
            if long.label.lower().startswith(short.label.lower() + ":"):
                s_series = (short.attrs.get("series") or "").lower()
                l_series = (long.attrs.get("series") or "").lower()
                if s_series and l_series and s_series.split()[-1] != l_series.split()[-1]:
                    continue
                long.alt_labels.add(short.label)
                long.passages |= short.passages
                for k, v in short.attrs.items():
                    long.attrs.setdefault(k, v)
                    if long.attrs.get(k) is None:
                        long.attrs[k] = v
                for f in list(kb.facts.values()):
                    if f.subject == short.id:
                        kb.facts.pop(f.key)
                        kb.add_fact(long.id, f.predicate, f.object, f.passages, kind=f.kind, **f.attrs)
                del kb.entities[short.id]


# ---------------------------------------------------------------------------------------------
#  Kind, language, countries, topics, co-publishers
# ---------------------------------------------------------------------------------------------

_KINDS = (courses.KIND, "working paper", "policy paper", "issue paper", "policy note", "technical note", "guidance note",
          "fact sheet", "policy brief", "brief", "guide", "report", "study", "handbook", "toolkit",
          "infographic", "bulletin", "paper", "note", "module")
# function words by language (general knowledge); a title needs two of a language's words
_LANG_WORDS = {
    "fr": {"le", "la", "les", "des", "du", "aux", "et", "pour", "une", "un", "dans", "sur", "sécurité", "l'",
           "d'", "protection sociale", "travailleurs", "étendre", "économie"},
    "es": {"el", "los", "las", "del", "para", "y", "una", "en", "con", "protección", "seguridad", "trabajadores"},
    "pt": {"os", "as", "do", "da", "dos", "das", "para", "e", "uma", "em", "proteção", "segurança", "trabalhadores"},
}


def publication_kind(series: str | None, title: str) -> str:
    """'ILO Working Paper' -> working paper; 'OHCHR-ILO Fact Sheet' -> fact sheet; a typed title
    ('Issue Paper on ...') -> issue paper; else publication."""
    for text in (series or "", title[:40]):
        low = re.sub(r"\s+", " ", text.lower())
        for k in _KINDS:
            if re.search(r"\b" + k + r"s?\b", low):
                return k
    return "publication"


def language_of(title: str) -> str:
    """ISO 639-1 code of a title's language: the language most of whose function words it uses
    (at least two, and more than of any other), else English."""
    words = re.findall(r"[\wÀ-ÿ']+", title.lower())
    toks = set(words) | {w[:2] for w in words if w[:2] in ("l'", "d'")}
    scores = {lang: len(toks & vocab) for lang, vocab in _LANG_WORDS.items()}
    lang, best = max(scores.items(), key=lambda kv: kv[1])
    if best >= 2 and sum(1 for v in scores.values() if v == best) == 1:
        return lang
    return "en"


def describe(doc: Document, kb: KnowledgeBase) -> None:
    from graph.extract.instruments import section_iso3

    by_id = {p.id: p for p in doc.passages}
    for e in kb.of_type("Publication"):
        e.attrs["kind"] = publication_kind(e.attrs.get("series"), e.label)
        e.attrs["language"] = language_of(e.label)
        # the evidence of what the title says is a passage that contains the title
        head = " ".join(e.label.lower().split())[:40]
        first = [p.id for p in doc.passages if p.id in e.passages and head in " ".join(
            p.text.lower().replace("“", '"').replace("”", '"').split())][:1]
        about: dict[str, str] = {}
        for iso in e.attrs.get("countries") or []:
            about.setdefault(iso, first[0] if first else "")
        # in a country entry, the sentence presenting a publication is about that country
        for pid in sorted(e.passages):
            p = by_id.get(pid)
            if p is None:
                continue
            home = section_iso3(doc, p.section_id)
            if home and (e.label[:40].lower() in p.text.lower()):
                about.setdefault(home, pid)
        for iso, pid in about.items():
            if not pid:
                continue
            ensure_country(kb, iso, pid)
            kb.add_fact(e.id, "publicationAbout", f"Country:{iso}", [pid], year=e.attrs.get("year"))
        for t in milestones.topics(e.label, names_too=True)[:3]:
            th = kb.add_entity("ThematicArea", slug(t), t, passage=first[0] if first else None)
            if first:
                kb.add_fact(e.id, "onTopic", th.id, first)
        pubs = kb.facts_where(subject=e.id, predicate="publishedBy")
        if len(pubs) > 1:
            for f in pubs:
                f.attrs["role"] = "co-publisher"
