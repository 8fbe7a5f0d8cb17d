"""The document model: what a report is made of once parsed.

Plain data classes, no behaviour beyond small helpers, so that every later stage (extraction,
RDF, the passage index, the question engine) speaks about the same objects and can be tested on
hand-made instances. Offsets always point into the *source* text so any statement can be traced
back to the exact characters of the report it came from.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Section:
    """A titled part of the report.

    ``kind`` is one of: ``front`` (before the first chapter), ``chapter`` ("2. Programme
    results"), ``section`` ("2.1 Summary of ..."), ``region`` ("Africa"), ``country`` (a country
    entry), ``thematic`` (a titled block inside a section), ``box`` ("Box 3: ..."), ``table``.
    """

    id: str
    title: str
    kind: str
    level: int
    parent: str | None
    path: list[str]
    start: int
    end: int = -1
    iso3: str | None = None  # set for country entries
    region: str | None = None  # the region heading it sits under, if any

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Passage:
    """A paragraph-sized, cleaned piece of text: the unit of evidence and of retrieval.

    ``id`` is derived from the section and the cleaned text, so it is stable across re-parses of
    the same report and unaffected by edits elsewhere in the file.
    """

    id: str
    section_id: str
    section_path: list[str]
    text: str
    start: int
    end: int
    kind: str = "paragraph"  # paragraph | list_item | financing | caption | table | heading
    source: str = ""  # the report's document id
    countries: list[str] = field(default_factory=list)  # ISO3 codes mentioned (filled by extraction)
    organizations: list[str] = field(default_factory=list)  # organisation keys mentioned
    region: str | None = None
    section_kind: str = ""

    @property
    def section(self) -> str:
        return " > ".join(self.section_path)

    def to_dict(self) -> dict[str, Any]:
        # what asdict gives (fields in order, lists copied) without its recursive deep copy: a
        # passage holds only strings, numbers and lists of strings (a third of writing passages)
        d = {name: list(v) if isinstance(v := getattr(self, name), list) else v for name in _PASSAGE_FIELDS}
        d["section"] = self.section
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Passage":
        d = {k: v for k, v in d.items() if k in cls.__dataclass_fields__}
        return cls(**d)


_PASSAGE_FIELDS = tuple(Passage.__dataclass_fields__)


@dataclass
class Table:
    """A table with its caption, header rows and body rows (cells as cleaned strings)."""

    id: str
    title: str
    section_id: str
    header: list[list[str]]
    rows: list[list[str]]
    start: int
    end: int
    number: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Mention:
    """A span of a passage that names an entity.  Offsets are into ``Passage.text``."""

    passage_id: str
    start: int
    end: int
    surface: str
    type: str  # Country | Organization | LegalInstrument | Scheme | Initiative | Publication | Region
    key: str  # the entity's key (ISO3 for countries, a slug otherwise)


@dataclass
class Document:
    """A parsed report: its identity, structure and text units."""

    id: str
    title: str
    path: str
    sha256: str
    text: str
    sections: list[Section] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)

    def section(self, section_id: str) -> Section:
        return self._sections_by_id()[section_id]

    def _sections_by_id(self) -> dict[str, Section]:
        cache = getattr(self, "_sec_cache", None)
        if cache is None or len(cache) != len(self.sections):
            cache = {s.id: s for s in self.sections}
            object.__setattr__(self, "_sec_cache", cache)
        return cache

    def passages_in(self, section_id: str) -> list[Passage]:
        """Passages of a section and all its descendants, in document order.

        A descendant is a section listed after its parent (the order the parser writes them).
        Indexed once per document state (sections and passages by parent and section): scanning
        every section and passage per call made the extractors that ask it per section grow
        with the square of the report's length.
        """
        children, by_section = self._passage_index()
        ids, todo = {section_id}, [(section_id, -1)]
        while todo:
            sid, at = todo.pop()
            for child_at, child in children.get(sid, ()):
                if child_at > at and child not in ids:
                    ids.add(child)
                    todo.append((child, child_at))
        found = [i for sid in ids for i in by_section.get(sid, ())]
        return [self.passages[i] for i in sorted(found)]

    def first_passage_in(self, section_id: str) -> Passage | None:
        """The first passage whose own section is ``section_id`` (not a descendant's)."""
        at = self._passage_index()[1].get(section_id)
        return self.passages[at[0]] if at else None

    def table_passages(self) -> list[Passage]:
        """The passages that are tables, in document order (looked up per table and per cell)."""
        cache = getattr(self, "_table_cache", None)
        if cache is None or cache[0] != len(self.passages):
            cache = (len(self.passages), [p for p in self.passages if p.kind == "table"])
            object.__setattr__(self, "_table_cache", cache)
        return cache[1]

    def _passage_index(self) -> tuple[dict[str | None, list[tuple[int, str]]], dict[str, list[int]]]:
        key = (len(self.sections), len(self.passages))
        cache = getattr(self, "_passage_cache", None)
        if cache is None or cache[0] != key:
            children: dict[str, list[tuple[int, str]]] = {}
            for i, s in enumerate(self.sections):
                children.setdefault(s.parent, []).append((i, s.id))
            by_section: dict[str, list[int]] = {}
            for i, p in enumerate(self.passages):
                by_section.setdefault(p.section_id, []).append(i)
            cache = (key, (children, by_section))
            object.__setattr__(self, "_passage_cache", cache)
        return cache[1]
