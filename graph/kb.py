"""What extraction produces: entities, facts and mentions, before they become RDF.

Extractors are pure functions ``(Document, KnowledgeBase) -> None`` that add to one
:class:`KnowledgeBase`.  Every :class:`Fact` names the passages it was read from; the RDF writer
refuses a fact without one, which is how "every statement links to its passage" is enforced.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from graph.model import Mention

ENTITY_TYPES = (
    "Country", "Region", "Organization", "LegalInstrument", "Scheme", "Initiative", "Project",
    "Publication", "ThematicArea", "Position",
)


# How many times any entity's names (label, alternative labels, acronym, role, type, key) or the
# set of entities changed.  Why: name finders build a lookup over every entity's names once and
# must know when to rebuild it; asking this counter is O(1) where comparing the names was
# O(entities) - per sentence of a 10 MB report, a large part of extraction.
_NAME_CHANGES = [0]
_NAME_FIELDS = frozenset({"type", "key", "label", "alt_labels", "acronym", "role"})
_UNSET = object()


def name_changes() -> int:
    """A number that differs whenever any entity's names, or the set of entities, may have changed."""
    return _NAME_CHANGES[0]


def _changed() -> None:
    _NAME_CHANGES[0] += 1


class Names(set):
    """An entity's alternative labels: a set that counts its changes (see :func:`name_changes`)."""

    def _wrap(name):  # noqa: N805 - builds the counting version of one mutating set method
        base = getattr(set, name)

        def method(self, *args):
            before = len(self)
            out = base(self, *args)
            if len(self) != before or name.startswith(("symmetric", "__ixor")):
                _changed()  # these methods only add or only remove: same size, same set
            return out
        method.__name__ = name
        return method

    for _m in ("add", "update", "discard", "remove", "pop", "clear", "difference_update",
               "intersection_update", "symmetric_difference_update", "__ior__", "__iand__", "__isub__",
               "__ixor__"):
        locals()[_m] = _wrap(_m)
    del _m, _wrap


def eid(type_: str, key: str) -> str:
    """An entity id: 'Country:JOR', 'Organization:imf'."""
    return f"{type_}:{key}"


@dataclass
class Entity:
    type: str
    key: str
    label: str
    alt_labels: set[str] = field(default_factory=set)
    acronym: str | None = None
    role: str | None = None  # Organization: a key of graph.vocab.ORG_ROLES; LegalInstrument: subtype
    attrs: dict[str, Any] = field(default_factory=dict)  # iso3, number, year, country, title, ...
    passages: set[str] = field(default_factory=set)  # passages that mention it

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _NAME_FIELDS:
            if name == "alt_labels" and type(value) is not Names:
                value = Names(value)
            if self.__dict__.get(name, _UNSET) is not value:
                _changed()
        object.__setattr__(self, name, value)

    @property
    def id(self) -> str:
        return eid(self.type, self.key)


@dataclass
class Fact:
    """A relation read from the text: ``subject predicate object`` with its evidence.

    ``predicate`` is a local name in the fg: namespace (fundedBy, ratified, memberOf, ...);
    ``kind`` picks the statement class (FundingLink, Engagement, Ratification, Membership, Fact);
    ``attrs`` carries what the statement says beyond the triple (year, status, role, funding line).
    """

    subject: str
    predicate: str
    object: str
    passages: list[str]
    kind: str = "Fact"
    attrs: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.subject, self.predicate, self.object)


class _Entities(dict):
    """Entities by id that also know which ids are of which type, in insertion order.

    Why: extractors ask :meth:`KnowledgeBase.of_type` in every sentence; filtering every entity each
    time was a sixth of a 10 MB build.  New ids are indexed as they come; replacing or removing an
    entity (rare: merges) drops the index, rebuilt on the next question, so the answer is always
    ``[e for e in entities.values() if e.type == type_]``.
    """

    def __setitem__(self, key: str, e: Entity) -> None:
        _changed()
        index = getattr(self, "_by_type", None)
        if key in self:
            self._by_type = None
        elif index is not None:
            index.setdefault(e.type, {})[key] = e
        dict.__setitem__(self, key, e)

    def _drop_index(self) -> None:
        _changed()
        self._by_type = None

    def __delitem__(self, key: str) -> None:
        self._drop_index()
        dict.__delitem__(self, key)

    def pop(self, *args):
        self._drop_index()
        return dict.pop(self, *args)

    def popitem(self):
        self._drop_index()
        return dict.popitem(self)

    def clear(self) -> None:
        self._drop_index()
        dict.clear(self)

    def update(self, *args, **kw) -> None:
        self._drop_index()
        dict.update(self, *args, **kw)

    def setdefault(self, key, default=None):
        self._drop_index()
        return dict.setdefault(self, key, default)

    def __ior__(self, other):
        self._drop_index()
        return dict.__ior__(self, other)

    def of_type(self, type_: str) -> list[Entity]:
        index = getattr(self, "_by_type", None)
        if index is None:
            index = {}
            for k, e in self.items():
                index.setdefault(e.type, {})[k] = e
            self._by_type = index
        return list(index.get(type_, {}).values())


class KnowledgeBase:
    """Entities by id, facts deduplicated by (s, p, o), and mentions; merging as it goes."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = _Entities()
        self.facts: dict[tuple[str, str, str], Fact] = {}
        self.mentions: list[Mention] = []
        self.observations: list = []  # table cells (graph.extract.tables.Observation)

    def add_entity(self, type_: str, key: str, label: str, *, alt_labels: Iterable[str] = (),
                   acronym: str | None = None, role: str | None = None, passage: str | None = None,
                   **attrs: Any) -> Entity:
        e = self.entities.get(eid(type_, key))
        if e is None:
            e = Entity(type_, key, label, acronym=acronym, role=role)
            self.entities[e.id] = e
        e.alt_labels.update(a for a in alt_labels if a and a != e.label)
        if acronym and not e.acronym:
            e.acronym = acronym
        if role and (not e.role or e.role == "other"):
            e.role = role
        for k, v in attrs.items():
            if v is not None and k not in e.attrs:
                e.attrs[k] = v
        if passage:
            e.passages.add(passage)
        return e

    def add_fact(self, subject: str, predicate: str, obj: str, passages: Iterable[str], *,
                 kind: str = "Fact", **attrs: Any) -> Fact:
        passages = [p for p in passages if p]
        if not passages:
            raise ValueError(f"fact {subject} {predicate} {obj} has no evidence passage")
        for e in (subject, obj):
            if e not in self.entities:
                raise KeyError(f"fact refers to unknown entity {e}")
        f = self.facts.get((subject, predicate, obj))
        if f is None:
            f = Fact(subject, predicate, obj, list(dict.fromkeys(passages)), kind, dict(attrs))
            self.facts[f.key] = f
        else:
            for p in passages:
                if p not in f.passages:
                    f.passages.append(p)
            for k, v in attrs.items():
                if v is not None and f.attrs.get(k) is None:
                    f.attrs[k] = v
            if f.kind == "Fact" and kind != "Fact":
                f.kind = kind
        return f

    def add_mention(self, m: Mention) -> None:
        self.mentions.append(m)
        e = self.entities.get(eid(m.type, m.key))
        if e is not None:
            e.passages.add(m.passage_id)

    # Convenience views used by extractors and tests.
    def of_type(self, type_: str) -> list[Entity]:
        if isinstance(self.entities, _Entities):
            return self.entities.of_type(type_)
        return [e for e in self.entities.values() if e.type == type_]

    def facts_where(self, *, subject: str | None = None, predicate: str | None = None,
                    obj: str | None = None) -> list[Fact]:
        return [f for f in self.facts.values()
                if (subject is None or f.subject == subject)
                and (predicate is None or f.predicate == predicate)
                and (obj is None or f.object == obj)]
