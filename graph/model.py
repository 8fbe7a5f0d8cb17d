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
        d = asdict(self)
        d["section"] = self.section
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Passage":
        d = {k: v for k, v in d.items() if k in cls.__dataclass_fields__}
        return cls(**d)


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
        """Passages of a section and all its descendants."""
        ids = {section_id}
        for s in self.sections:
            if s.parent in ids:
                ids.add(s.id)
        return [p for p in self.passages if p.section_id in ids]
