"""Metadata filters (country, region, section kind, organisation) as row masks.

Filters are resolved to a boolean mask over the passage rows *before* ranking, and ranking then
runs over the allowed rows only; so a restrictive filter can never starve the results the way
post-filtering a fixed top-k does.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np

from graph.model import Passage


def _norm(value: str) -> str:
    return " ".join(value.split()).casefold()


def _as_tuple(value: str | Iterable[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    return tuple(_norm(v) for v in value if v and v.strip())


@dataclass(frozen=True)
class Filters:
    """Each field is one value or several (any of them matches); fields combine with AND."""

    country: tuple[str, ...] = ()  # ISO3 codes
    region: tuple[str, ...] = ()
    section_kind: tuple[str, ...] = ()
    organization: tuple[str, ...] = ()  # organisation keys

    @classmethod
    def of(cls, country=None, region=None, section_kind=None, organization=None) -> "Filters":
        return cls(_as_tuple(country), _as_tuple(region), _as_tuple(section_kind), _as_tuple(organization))

    @classmethod
    def coerce(cls, value: "Filters | dict | None") -> "Filters | None":
        if value is None or isinstance(value, Filters):
            return value
        return cls.of(**value)

    def __bool__(self) -> bool:
        return any((self.country, self.region, self.section_kind, self.organization))

    def to_dict(self) -> dict[str, list[str]]:
        return {k: list(v) for k, v in vars(self).items() if v}


class MetadataIndex:
    """Inverted lists ``field -> value -> rows`` so a filter costs O(matching rows), not O(corpus)."""

    FIELDS = ("country", "region", "section_kind", "organization")

    def __init__(self, passages: Sequence[Passage]):
        self.size = len(passages)
        self._rows: dict[str, dict[str, list[int]]] = {f: defaultdict(list) for f in self.FIELDS}
        for row, p in enumerate(passages):
            for field, values in (
                ("country", p.countries), ("region", [p.region] if p.region else []),
                ("section_kind", [p.section_kind] if p.section_kind else []),
                ("organization", p.organizations),
            ):
                for v in set(_norm(x) for x in values if x):
                    self._rows[field][v].append(row)

    def mask(self, filters: Filters | None) -> np.ndarray | None:
        """Boolean mask of rows passing every filter; None when there is nothing to filter."""
        if not filters:
            return None
        mask = np.ones(self.size, dtype=bool)
        for field in self.FIELDS:
            wanted = getattr(filters, field)
            if not wanted:
                continue
            field_mask = np.zeros(self.size, dtype=bool)
            for value in wanted:
                field_mask[self._rows[field].get(value, [])] = True
            mask &= field_mask
        return mask
