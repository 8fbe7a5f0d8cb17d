"""Parse a converted report into Sections, Passages and Tables.

The input is the text a PDF converter produces (markdown-ish, no reliable heading markup).  The
structure is recovered from the shape of the text, never from line numbers or from one report's
headings:

* numbered headings ("2. Programme results", "2.1 Summary ...") give chapters and sections;
* a short title line naming an ILO region gives a region, one naming a country (flags and icons
  stripped) gives a country entry, "Box N:" a box, any other short title line a thematic block;
* markdown pipe tables give Tables (a caption-less table that repeats the previous table's header
  is its continuation across a page break);
* paragraphs cut by page breaks or by a figure caption dropped into them are joined again, and the
  caption is kept as its own passage, so nothing is lost; the end of a cut sentence glued onto a
  later paragraph after a heading goes back to its sentence (``graph/stray_tails.py``).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from graph import countries
from graph.contents import front_tables, heading_key, listed_headings
from graph.model import Document, Passage, Section, Table
from graph.stray_tails import MAX_BLOCKS_BETWEEN, is_cut, rejoin, split_tail
from graph.text import (
    FUNCTION_WORDS,
    Dehyphenator,
    clean_inline,
    clean_paragraph,
    ends_sentence,
    last_word,
)

MIN_WORDS = 40  # passages shorter than this are merged with a neighbour where sensible
MAX_WORDS = 250  # longer paragraphs are split at sentence boundaries

# "Financing support: ..." / "Financing source: ..." / "Financial support: ..." (the prefix, colon included)
FINANCING_LINE = re.compile(r"^\s*(?:(?:Financ\w*|Funding)\s+(?:support|sources?|partners?)|Funded\s+by|Donors?|Funding)"
                            r"\s*:\s*", re.I)
_CAPTION = re.compile(r"^(?:Figure|Source|Photo|Note)s?\b\s*\d*\s*[:.]|^©", re.I)
_TABLE_CAPTION = re.compile(r"^Table\s*(\d+)\s*[:.]\s*(.*)", re.I)
_BOX = re.compile(r"^Box\s+(\d+)\s*[:.]\s*(.*)")
_CHAPTER = re.compile(r"^(\d{1,2})\.\s+([A-Z].*)")
_SECTION = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?\s+([A-Z].*)")
_LABEL_LINE = re.compile(r"^[A-Z][A-Za-z]+(?: [a-z]+)?\s*:\s")
_LINK = re.compile(r"<u>|https?://|www\.", re.I)
_ACRONYM_END = re.compile(r"\(?[A-Z]{2,}\)?\W*$")  # "... Organization (WHO)": an acronym, not the pronoun
MAX_LISTED_WORDS = 40
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(])")


@dataclass
class Block:
    """A run of source lines: a paragraph, a list item, or a table."""

    start: int
    end: int
    raw: str
    kind: str  # text | list | table
    lines: list[str] = field(default_factory=list)


def split_blocks(text: str) -> list[Block]:
    """Group source lines into blocks, remembering character offsets."""
    blocks: list[Block] = []
    cur: Block | None = None
    pos = 0
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        stripped = line.strip()
        end = start + len(line.rstrip("\r\n"))
        if not stripped:
            cur = None
            continue
        kind = "table" if stripped.startswith("|") else "list" if re.match(r"^[-•►▶▪]\s", stripped) else "text"
        if cur is not None and cur.kind == kind and kind != "list":
            cur.end = end
            cur.raw += ("\n" if kind == "table" else " ") + stripped
            cur.lines.append(stripped)
            continue
        cur = Block(start, end, stripped, kind, [stripped])
        blocks.append(cur)
    return blocks


def is_noise(clean: str) -> bool:
    """Page numbers, lone footnote markers, icon-only lines, scrambled running headers."""
    if not clean or not re.search(r"[A-Za-z0-9]", clean):
        return True
    if re.fullmatch(r"[\divxlc.]{1,4}", clean, re.I):
        return True
    if " " not in clean and clean.isupper() and clean.isalpha() and len(clean) >= 6:
        return True  # e.g. a running header scrambled by the converter
    return False


def heading_kind(clean: str, raw: str, listed: bool = False) -> str | None:
    """What kind of heading a short line is, or None when it is body text.

    ``listed``: the report's contents table names this line (:mod:`graph.contents`), so it is a
    heading even when longer than a title usually is or holding a comma or a colon."""
    if _BOX.match(clean):
        return "box"
    if raw.lstrip().startswith(("-", "•", "►", "▶")):
        return None
    words = clean.split()
    if not words or len(words) > (MAX_LISTED_WORDS if listed else 16) or (len(clean) > 130 and not listed):
        return None
    if clean.endswith((".", ",", ";", ":")) or not (clean[0].isupper() or clean[0].isdigit()):
        return None
    if _SECTION.match(clean):
        return "section"
    if _CHAPTER.match(clean):
        return "chapter"
    if countries.region_name(clean):
        return "region"
    if countries.lookup(clean):
        return "country"
    if _LINK.search(raw) or clean.count("(") != clean.count(")"):
        return None  # a link line ("More information on the <u>...</u>"), or a title cut mid-bracket
    if listed:
        return None if clean[0].isdigit() else "thematic"
    ends_in_function_word = last_word(clean) in FUNCTION_WORDS and not _ACRONYM_END.search(clean)
    if ":" in clean or ends_in_function_word or re.search(r"[\"“”@]", clean):
        return None
    if ", " in clean and len(words) > 8:
        return None  # a sentence that lost its full stop, not a title
    if clean[0].isdigit() or len(words) < 1:
        return None
    return "thematic"


_UNNUMBERED = ("thematic", "region", "country")
MAX_LABEL_WORDS = 3  # 'Publication:', 'ILO Fact Sheet:' before a repeated title
LOOSE_CELL_WORDS = 12  # a line this long or longer is text again, not a cell of a loose table
_LEVEL = {"chapter": 1, "section": 2, "thematic": 3, "region": 4, "country": 5, "box": 6}


def _starts_continuation(s: str) -> bool:
    m = re.search(r"[A-Za-z(]", s)
    if not m:
        return False
    ch = s[m.start()]
    return ch.islower() or (ch == "(" and bool(re.match(r"\(?[A-Za-z]", s[m.start() + 1:])))


@dataclass
class Unit:
    """A cleaned text unit in a section, before grouping into passages."""

    text: str
    start: int
    end: int
    kind: str  # paragraph | list_item | financing | caption | table
    section_id: str


class _Builder:
    def __init__(self, doc: Document):
        self.doc = doc
        self.stack: list[Section] = []
        self._ids: set[str] = set()  # ids of doc.sections
        self.front = self._new_section("Front matter", "front", 0, 0)
        self.units: list[Unit] = []
        self.chapter_no = 0
        self.section_no = (0, 0)

    # -- sections ---------------------------------------------------------------------------
    def _new_section(self, title: str, kind: str, level: int, start: int) -> Section:
        parent = self.stack[-1] if self.stack else None
        if kind == "box":  # a box belongs to its numbered section, not to the entry it interrupts
            parent = next((s for s in reversed(self.stack) if s.kind in ("chapter", "section")), parent)
        path = (parent.path if parent and parent.kind != "front" else []) + [title]
        base = "/".join(countries.fold(t).replace(" ", "-").replace("'", "")[:40] for t in path) or "front"
        sid, n = base, 2
        if len(self._ids) != len(self.doc.sections):  # a set kept beside the list, not rebuilt per section
            self._ids = {s.id for s in self.doc.sections}
        existing = self._ids
        while sid in existing:
            sid, n = f"{base}-{n}", n + 1
        sec = Section(sid, title, kind, level, parent.id if parent else None, path, start)
        sec.region = countries.region_name(title) if kind == "region" else (parent.region if parent else None)
        if kind == "country":
            sec.iso3 = countries.lookup(title)
        self.doc.sections.append(sec)
        self._ids.add(sec.id)
        return sec

    def open_section(self, title: str, kind: str, start: int) -> Section:
        level = _LEVEL[kind]
        if kind == "box":
            while self.stack and self.stack[-1].kind == "box":
                self.stack.pop()
        else:
            while self.stack and (self.stack[-1].level >= level or self.stack[-1].kind == "front"):
                self.stack.pop()
        sec = self._new_section(title, kind, level, start)
        self.stack.append(sec)
        return sec

    @property
    def current(self) -> Section:
        return self.stack[-1] if self.stack else self.front

    def accept_heading(self, kind: str, clean: str) -> bool:
        """Numbered headings must follow the report's own numbering, so a stray '3. Improving
        operations' list line in a table of contents cannot open a chapter."""
        if kind == "chapter":
            n = int(_CHAPTER.match(clean).group(1))
            if n != self.chapter_no + 1 and not (self.chapter_no == 0 and n <= 2):
                return False
            self.chapter_no, self.section_no = n, (n, 0)
        elif kind == "section":
            m = _SECTION.match(clean)
            a, b = int(m.group(1)), int(m.group(2))
            if a != self.chapter_no or b <= self.section_no[1] and self.section_no[0] == a:
                return False
            self.section_no = (a, b)
        elif kind in ("region", "country", "thematic") and self.chapter_no == 0:
            return False  # before the first chapter: front matter keeps one flat section
        return True

    def add_unit(self, text: str, start: int, end: int, kind: str) -> None:
        if text:
            self.units.append(Unit(text, start, end, kind, self.current.id))


def _table_rows(block: Block) -> list[list[str]]:
    rows = []
    for line in block.lines:
        s = line.strip()
        if re.fullmatch(r"\|?[\s:|-]*-{2,}[\s:|-]*\|?", s):
            continue
        cells = s.strip("|").split("|")
        rows.append([clean_inline(c) for c in cells])
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


def join_cells(cells: list[str]) -> str:
    """Join cells a converter split mid-word ('Tabl' | 'e 4: ...') back into one string."""
    out = ""
    for c in cells:
        if not c:
            continue
        if out and out[-1].isalpha() and c[0].islower():
            out += c
        else:
            out = f"{out} {c}" if out else c
    return out.strip()


def render_table(title: str, rows: list[list[str]]) -> str:
    lines = [title] if title else []
    for r in rows:
        cells = [c for c in r if c]
        if cells:
            lines.append(" | ".join(cells))
    return "\n".join(lines)


def _split_long(text: str) -> list[str]:
    words = text.split()
    if len(words) <= MAX_WORDS:
        return [text]
    parts, cur = [], []
    for sent in _SENTENCE_END.split(text):
        if cur and len(" ".join(cur + [sent]).split()) > MAX_WORDS * 0.8:
            parts.append(" ".join(cur))
            cur = []
        cur.append(sent)
    if cur:
        parts.append(" ".join(cur))
    return parts


def parse_report(text: str, path: str | Path = "", doc_id: str | None = None, title: str | None = None) -> Document:
    """Parse report text into a :class:`Document` (sections, passages, tables)."""
    path = str(path)
    doc_id = doc_id or (countries.fold(Path(path).stem).replace(" ", "-") if path else "report")
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    doc = Document(doc_id, title or "", path, sha, text)
    dehyph = Dehyphenator(text)
    b = _Builder(doc)
    blocks = split_blocks(text)
    cleaned = [None if blk.kind == "table" else clean_inline(blk.raw) for blk in blocks]

    pending: Unit | None = None  # a paragraph that may continue in a later block
    dangling: tuple[Unit, int] | None = None  # a paragraph closed mid-sentence, and the block it closed at

    def flush():
        nonlocal pending, dangling
        if pending is not None:
            b.units.append(pending)
            if is_cut(pending.text):
                dangling = (pending, i)
            pending = None

    listed = listed_headings(front_tables(blocks, cleaned))
    loose_table = False  # inside a table the converter gave as loose lines after its caption
    i = 0
    last_table: Table | None = None
    table_caption: tuple[str, int] | None = None
    while i < len(blocks):
        blk, clean = blocks[i], cleaned[i]
        i += 1
        if blk.kind == "table":
            loose_table = False
            flush()
            rows = _table_rows(blk)
            if not rows:
                continue
            title = ""
            first = join_cells(rows[0])
            m = _TABLE_CAPTION.match(first)
            if m:
                title, rows = first, rows[1:]
            elif table_caption:
                title = table_caption[0]
            table_caption = None
            if not title and last_table is not None and any(
                [c for c in rows[0] if c] == [c for c in r if c] for r in last_table.rows[:3]
            ):
                # The same header again without a caption: the table continues after a page break.
                start_at = 1 if rows[0] in last_table.rows[:3] else 0
                last_table.rows.extend(rows[start_at:] if rows[0] in last_table.rows[:3] else rows)
                last_table.end = blk.end
                continue
            num = _TABLE_CAPTION.match(title)
            tid = f"{doc_id}-table-{len(doc.tables) + 1}"
            last_table = Table(tid, title, b.current.id, [], rows, blk.start, blk.end,
                               int(num.group(1)) if num else None)
            doc.tables.append(last_table)
            continue
        if is_noise(clean):
            continue
        is_listed = heading_key(clean) in listed
        kind = heading_kind(clean, blk.raw, is_listed) if blk.kind == "text" else None
        if kind in _UNNUMBERED and not is_listed and (
            _peek_any(blocks, cleaned, i) is None or _labels_next(clean, blocks, cleaned, i)
        ):
            # a closing line with nothing under it (an address), or a picture's label that the next
            # block repeats: no heading, and no sentence of the passage around it either
            flush()
            b.add_unit(clean_paragraph(clean), blk.start, blk.end, "caption")
            continue
        if kind in _UNNUMBERED and not is_listed and loose_table:
            kind = None  # a cell of a table given as loose lines
        loose_table = _opens_loose_table(clean, blocks, i) or (loose_table and len(clean.split()) < LOOSE_CELL_WORDS)
        if kind and pending is not None and last_word(pending.text) in FUNCTION_WORDS:
            kind = None  # "In Nepal, the ILO supported the" / "Social Security Fund ..."
        if kind and kind != "box":
            nxt = _peek_text(blocks, cleaned, i)
            if nxt is not None and _starts_continuation(nxt):
                kind = None  # a title is never continued in lowercase: this is a cut sentence
        if kind and b.accept_heading(kind, clean):
            flush()
            title = re.sub(r"^\d+(\.\d+)*\.?\s+", "", clean) if kind in ("chapter", "section") else clean
            b.open_section(clean if kind in ("chapter", "section") else title, kind, blk.start)
            continue
        tm = _TABLE_CAPTION.match(clean)
        if tm:
            flush()
            table_caption = (clean, blk.start)
            b.add_unit(clean, blk.start, blk.end, "caption")
            continue
        para = dehyph(clean_paragraph(clean))
        if not para:
            continue
        ukind = "list_item" if blk.kind == "list" else "paragraph"
        if FINANCING_LINE.match(para):
            ukind = "financing"
        elif _CAPTION.match(para):
            ukind = "caption"
        if pending is not None:
            joinable = _starts_continuation(para) or last_word(pending.text) in FUNCTION_WORDS or (
                _LABEL_LINE.match(pending.text) and len(para.split()) <= 20 and ukind != "financing"
            )
            if joinable:
                sep = "" if pending.text.endswith("-") else " "
                pending.text = pending.text + sep + para
                pending.end = blk.end
                if ends_sentence(pending.text):
                    flush()
                continue
            # A complete short paragraph between a cut sentence and its lowercase continuation is
            # a caption dropped into the paragraph: keep it apart and let the paragraph go on.
            nxt = _peek_text(blocks, cleaned, i)
            is_complete = ends_sentence(para) or (len(para.split()) < 25 and last_word(para) not in FUNCTION_WORDS)
            if nxt is not None and _starts_continuation(nxt) and ukind != "financing" and is_complete:
                b.add_unit(para, blk.start, blk.end, "caption")
                continue
            flush()
        if dangling is not None and ukind in ("paragraph", "list_item"):
            para, dangling = _restore_tail(para, dangling, i)
        unit = Unit(para, blk.start, blk.end, ukind, b.current.id)
        if ukind in ("paragraph", "list_item", "financing") and not ends_sentence(para):
            pending = unit
        else:
            b.units.append(unit)
    flush()
    for t in doc.tables:
        b.units.append(Unit(render_table(t.title, t.rows), t.start, t.end, "table", t.section_id))
    b.units.sort(key=lambda u: u.start)
    _close_sections(doc)
    doc.passages = _group_passages(doc, b.units)
    if not doc.title:
        doc.title = _guess_title(text)
    return doc


def _restore_tail(para: str, dangling: tuple["Unit", int], at: int) -> tuple[str, tuple["Unit", int] | None]:
    """Give a paragraph closed mid-sentence (``dangling``) the lowercase tail the converter glued
    onto ``para`` a few blocks later (:mod:`graph.stray_tails`); returns ``para`` without it and
    what still dangles."""
    cut, closed_at = dangling
    if at - closed_at > MAX_BLOCKS_BETWEEN:
        return para, None
    split = split_tail(para)
    if split is None:
        return para, dangling
    para, tail = split
    cut.text = rejoin(cut.text, tail)
    return para, (dangling if is_cut(cut.text) else None)


def _opens_loose_table(clean: str, blocks: list[Block], i: int) -> bool:
    """A "Table N:" caption (bulleted or not) whose next block is not a pipe table: the table's
    cells follow as short loose lines, and none of them is a heading."""
    return bool(_TABLE_CAPTION.match(clean_paragraph(clean))) and (i >= len(blocks) or blocks[i].kind != "table")


def _labels_next(clean: str, blocks: list[Block], cleaned: list, i: int) -> bool:
    """A title-like line of several words that the next block merely repeats, at most behind a
    short label, is the caption of a picture or an item ("X" above 'Publication: "X"'), not a
    heading over what follows (a heading's first sentence that names it says more than it)."""
    if len(clean.split()) < 4:
        return False
    nxt = _peek_any(blocks, cleaned, i)
    if nxt is None:
        return False
    key, nkey = heading_key(clean), heading_key(nxt)
    return nkey.endswith(key) and len(nkey[: len(nkey) - len(key)].split()) <= MAX_LABEL_WORDS


def _peek_any(blocks: list[Block], cleaned: list, i: int) -> str | None:
    """The next non-noise block's text (a table's rows joined), or None at the end of the text."""
    while i < len(blocks):
        if blocks[i].kind == "table":
            return blocks[i].raw
        if not is_noise(cleaned[i]):
            return clean_paragraph(cleaned[i])
        i += 1
    return None


def _peek_text(blocks: list[Block], cleaned: list, i: int) -> str | None:
    """The next non-noise text block's cleaned text, if it is body text."""
    while i < len(blocks):
        if blocks[i].kind == "table":
            return None
        c = cleaned[i]
        if not is_noise(c):
            return clean_paragraph(c)
        i += 1
    return None


def _close_sections(doc: Document) -> None:
    """Each section ends where the next section at the same or a higher level starts."""
    n = len(doc.text)
    # One pass with a stack of open sections (their levels never decrease up the stack): a
    # section that is not a box closes every open one at its level or deeper.  Scanning ahead
    # from each section instead was quadratic in the number of sections.
    open_: list = []
    for t in doc.sections:
        t.end = n
        if t.kind != "box":
            while open_ and t.level <= open_[-1].level:
                open_.pop().end = t.start
        open_.append(t)


def _group_passages(doc: Document, units: list[Unit]) -> list[Passage]:
    """Turn units into paragraph-sized passages: merge short neighbours, split long ones."""
    out: list[Passage] = []
    groups: list[list[Unit]] = []
    for u in units:
        prev = groups[-1] if groups else None
        mergeable = (
            prev is not None
            and prev[-1].section_id == u.section_id
            and u.kind in ("paragraph", "list_item")
            and all(p.kind in ("paragraph", "list_item") for p in prev)
            and (sum(len(p.text.split()) for p in prev) < MIN_WORDS or (u.kind == "list_item" and prev[-1].kind == "list_item"))
            and sum(len(p.text.split()) for p in prev) + len(u.text.split()) <= MAX_WORDS
        )
        if mergeable:
            prev.append(u)
        else:
            groups.append([u])
    seen: set[str] = set()
    for g in groups:
        sec = doc.section(g[0].section_id)
        kind = g[0].kind if len(g) == 1 else ("list_item" if all(u.kind == "list_item" for u in g) else "paragraph")
        joiner = "\n" if kind == "list_item" else " "
        text = joiner.join(u.text for u in g)
        pieces = _split_long(text) if kind not in ("table",) else [text]
        for piece in pieces:
            h = hashlib.sha1(f"{sec.id}\n{piece}".encode("utf-8")).hexdigest()[:12]
            pid = f"{doc.id}-{h}"
            while pid in seen:
                pid += "x"
            seen.add(pid)
            out.append(Passage(
                id=pid, section_id=sec.id, section_path=list(sec.path), text=piece,
                start=g[0].start, end=max(u.end for u in g), kind=kind, source=doc.id,
                region=sec.region, section_kind=sec.kind,
            ))
    return out


def _guess_title(text: str) -> str:
    for line in text.splitlines():
        c = clean_inline(line)
        if c and not is_noise(c):
            return c
    return "Untitled report"


def parse_file(path: str | Path) -> Document:
    p = Path(path)
    return parse_report(p.read_text(encoding="utf-8"), p)
