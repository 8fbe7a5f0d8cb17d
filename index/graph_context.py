"""What the knowledge graph knows that helps find passages: who is mentioned where, the names of
each entity, and the words of each relation.

Lexical and dense retrieval only see the words of a query.  The graph adds three things:

* **entity boost** -- a passage that mentions an entity the query is about ("malawi donors" →
  Malawi) is a better candidate than one that merely shares the word "donors".  The passages an
  entity is mentioned in come from the build's mentions (and each passage's country / organisation
  metadata, which includes the country of a country entry), so "Financing support: Germany ..."
  under "Cameroon" counts as a Cameroon passage;
* **alias expansion** -- the query's entities are searched under every name the graph has for them
  (label, other labels, acronym), so "Ivory Coast", a typo the linker forgave, or an acronym still
  finds the passages that use the report's own spelling;
* **relation words** -- a query that uses one word of a relation ("donors", "money from") is
  expanded with the other words the relation registry declares for it ("financing", "funding",
  "funded by" ...), which is how the report's own sentences put it.

A *reader* (any callable ``query -> query``; the question engine's reading of French, Spanish and
Portuguese names and words in English, :func:`app.qa.form.foreign_words.in_english`, by default)
puts the query in the report's language before any of this: "bailleurs Liban" links Lebanon and
searches for "donors Lebanon", as the engine reads it.

Entities come from a *linker* (any callable ``question -> links``, each link with ``.ids``; the
question engine's :class:`app.qa.question.Lexicon` by default) or are passed by the caller
(``PassageIndex.search(..., boost_entities=[...])``), so the engine can hand over the links it has
already made.  Everything here is read from the build, never typed in by hand.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

import numpy as np

from graph.model import Passage

from .lexical import fold, stem as _stem, tokenize
from .set_aside import set_aside

Linker = Callable[[str], Sequence[Any]]  # question -> links (objects with .ids, optionally .surface)

# An entity mentioned in more than this share of the passages says little about which passage is
# meant (the ILO, the report's own programme); it is not boosted (SearchOptions.entity_max_share).
MAX_ENTITY_SHARE = 0.2


@dataclass
class QueryPlan:
    """How one query is searched: the token groups for BM25 (with weights), the entities to boost."""

    tokens: list[str]  # the query's own tokens, typos corrected against the BM25 vocabulary
    alias_tokens: list[str] = field(default_factory=list)
    relation_tokens: list[str] = field(default_factory=list)
    variant_tokens: list[str] = field(default_factory=list)  # other inflections of the query's words
    entities: list[str] = field(default_factory=list)
    dense_text: str = ""
    relations: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"tokens": self.tokens, "alias_tokens": self.alias_tokens,
                "relation_tokens": self.relation_tokens,
                "variant_tokens": self.variant_tokens, "entities": self.entities,
                "relations": self.relations, "dense_text": self.dense_text}


@dataclass
class Links:
    """What the linker found in a query."""

    ids: list[str] = field(default_factory=list)
    renames: list[tuple[str, str]] = field(default_factory=list)  # (surface, the report's name)
    expand: list[str] = field(default_factory=list)  # entities whose other names to search for
    surfaces: list[str] = field(default_factory=list)  # every linked span, as written


# English irregular verb forms -> the base form (general English, no report's word): the crude
# prefix stem meets "financed" and "financing" but not "paid" and "pays".
IRREGULAR = {"paid": "pay", "gave": "give", "given": "give", "led": "lead", "sent": "send", "made": "make",
             "bought": "buy", "met": "meet", "took": "take", "taken": "take", "held": "hold", "chose": "choose",
             "chosen": "choose", "began": "begin", "begun": "begin", "brought": "bring", "built": "build",
             "spent": "spend", "won": "win", "lent": "lend"}


class RelationWords:
    """The relation registry's keywords, per relation, for query expansion.

    A relation is signalled by one of its keywords in the query: a one-word keyword by that word
    (or a word with the same stem, "donor" for "donors"), a phrase only when all its words occur,
    so "pathfinder countries" does not make every question about countries a pathfinder question.
    The expansion is every other keyword of the relation.
    """

    def __init__(self, groups: Mapping[str, Iterable[str]]):
        self.groups: dict[str, list[str]] = {}
        self.triggers: dict[str, list[frozenset[str]]] = {}
        for name, phrases in groups.items():
            toks = list(dict.fromkeys(t for ph in phrases for t in tokenize(ph)))
            triggers = [frozenset(_stem(t) for t in tokenize(ph)) for ph in phrases]
            if toks:
                self.groups[name] = toks
                self.triggers[name] = [t for t in triggers if t]

    @classmethod
    def from_registry(cls) -> "RelationWords":
        from graph.relations import REGISTRY

        return cls({r.name: r.keywords for r in REGISTRY})

    def expand(self, tokens: Sequence[str], common: Callable[[str], bool] = lambda t: False
               ) -> tuple[list[str], list[str]]:
        """(relation names the tokens signal, their other words not already in the query).

        A query word that ``common`` says is everywhere in the corpus ("programme", "report" in a
        programme's report) signals nothing, so it triggers no relation.
        """
        have = {_stem(t) for t in tokens if not common(t)}
        # "who paid for ...": an irregular form signals what its base form does ("pays")
        have |= {_stem(IRREGULAR[t]) for t in tokens if t in IRREGULAR and not common(t)}
        names = [name for name, triggers in self.triggers.items() if any(t <= have for t in triggers)]
        extra: list[str] = []
        for name in names:
            for t in self.groups[name]:
                if _stem(t) not in have and t not in extra:
                    extra.append(t)
        return names, extra


class GraphContext:
    """Per-passage entity sets, entity names and relation words, over a fixed list of passages."""

    def __init__(self, passages: Sequence[Passage], passage_entities: Mapping[str, Iterable[str]],
                 names: Mapping[str, Sequence[str]], linker: Linker | None = None,
                 relation_words: RelationWords | None = None,
                 facts: Iterable[Mapping[str, Any]] = (), reader: Callable[[str], str] | None = None) -> None:
        self.size = len(passages)
        # Passages that state a fact, per (entity, relation) at either end: "Kenya's funders" are
        # stated in the passages of the facts Kenya —fundedBy→ X, a short financing line that
        # merely mentioning Kenya does not single out among Kenya's many passages.
        row_of = {p.id: row for row, p in enumerate(passages)}
        stated: dict[tuple[str, str], set[int]] = defaultdict(set)
        for f in facts:
            rows = {row_of[pid] for pid in f.get("passages", ()) if pid in row_of}
            if rows:
                stated[(f["subject"], f["predicate"])].update(rows)
                stated[(f["object"], f["predicate"])].update(rows)
        self.fact_rows = {key: np.fromiter(sorted(rows), dtype=np.int64) for key, rows in stated.items()}
        rows_of: dict[str, set[int]] = defaultdict(set)
        region_of = _region_ids(names)
        for row, p in enumerate(passages):
            ents = set(passage_entities.get(p.id, ()))
            ents.update(f"Country:{c}" for c in p.countries)
            ents.update(f"Organization:{o}" for o in p.organizations)
            if p.region and fold(p.region) in region_of:
                # A country entry's passages sit under its region's heading: "the Arab States'
                # countries with the most funders" is about the Arab States' financing lines,
                # which never name the region themselves.
                ents.add(region_of[fold(p.region)])
            for e in ents:
                rows_of[e].add(row)
        n = max(1, self.size)
        self.entity_rows: dict[str, np.ndarray] = {}
        self.idf: dict[str, float] = {}
        self.share: dict[str, float] = {}
        for e, rows in rows_of.items():
            self.entity_rows[e] = np.fromiter(sorted(rows), dtype=np.int64)
            self.idf[e] = math.log(1 + n / len(rows))
            self.share[e] = len(rows) / n
        self.names = {e: list(v) for e, v in names.items()}
        self.linker = linker
        self.reader = reader
        self.relation_words = relation_words or RelationWords.from_registry()

    # ---------------------------------------------------------------- construction
    @classmethod
    def from_knowledge(cls, knowledge: Any, passages: Sequence[Passage],
                       linker: Linker | None = None, reader: Callable[[str], str] | None = None) -> "GraphContext":
        """From an :class:`app.knowledge.Knowledge` (mentions per passage, names per entity)."""
        per_passage: dict[str, set[str]] = defaultdict(set)
        for m in knowledge.mentions:
            per_passage[m["passage_id"]].add(f"{m['type']}:{m['key']}")
        for eid, e in knowledge.entities.items():
            for pid in e.get("passages", ()):
                per_passage[pid].add(eid)
        names = {eid: knowledge.names(eid) for eid in knowledge.entities}
        return cls(passages, per_passage, names, linker, facts=knowledge.facts, reader=reader)

    @classmethod
    def from_data_dir(cls, data_dir: Path, passages: Sequence[Passage]) -> "GraphContext":
        """Load the build in ``data_dir`` and link with the question engine's lexicon.

        Imported here, not at module level: the index package must stay usable (and cheap to
        import) without the application layer, e.g. for synthetic benchmarks.
        """
        from app.knowledge import Knowledge
        from app.qa.question import Lexicon

        knowledge = Knowledge(Path(data_dir))
        lexicon = Lexicon(knowledge)
        return cls.from_knowledge(knowledge, passages, linker=lexicon.link, reader=english_reader(lexicon))

    def read(self, query: str) -> str:
        """The query in the report's language (unchanged without a reader or a foreign word)."""
        return " ".join(self.reader(query).split()) if self.reader is not None else query

    # ---------------------------------------------------------------- per query
    def link(self, query: str, known: Callable[[str], bool] = lambda t: True) -> "Links":
        """Via the linker: entity ids, [(surface, the report's name)] for surfaces that are not a
        name of their entity, entities whose other names are worth searching for, every surface."""
        out = Links()
        if self.linker is None:
            return out
        ids, renames, expand, surfaces = out.ids, out.renames, out.expand, out.surfaces
        for link in self.linker(query):
            if set_aside(query, getattr(link, "start", None)):
                # "pathfinders not in Africa": Africa's passages are where the answer is not; the
                # name stays a (protected) word of the query, but is neither boosted nor expanded
                surfaces.append(getattr(link, "surface", "") or "")
                continue
            link_ids = [i for i in getattr(link, "ids", ()) if i in self.entity_rows]
            ids.extend(i for i in link_ids if i not in ids)
            surface = getattr(link, "surface", "")
            if surface:
                surfaces.append(surface)
            # one thing named (a country and its own government, "Norwegian", count as one: the
            # country's names are the ones the report writes)
            names = self.names.get(link_ids[0], []) if len(link_ids) == 1 or _one_country(link_ids) else []
            if not surface or not names or self.share[link_ids[0]] > MAX_ENTITY_SHARE:
                continue
            surface_toks = tokenize(surface)
            if surface_toks not in [tokenize(n) for n in names]:
                # A typo or variant the linker forgave ("Keyna", "the Swiss") reads as the
                # report's name, and the entity's names are searched for.
                renames.append((surface, names[0]))
                expand.append(link_ids[0])
            elif (len(surface_toks) == 1 and surface.isupper()) or not all(known(t) for t in surface_toks):
                # An acronym, or a name the report never uses ("Ivory Coast"): the entity's other
                # names find the passages that spell it the report's way.
                expand.append(link_ids[0])
        return out

    def plan(self, query: str, tokens: list[str], boost_entities: Sequence[str] | None = None,
             common: Callable[[str], bool] = lambda t: False, links: "Links | None" = None) -> QueryPlan:
        """The expansions and boosts for one (already typo-corrected) query.

        Names are added only for entities the query names by a variant, a typo or an acronym:
        when it already uses the report's name, the other names (a long official title) only
        pull in passages about the entity in general.
        """
        if boost_entities is None:
            links = links if links is not None else self.link(query)
            entities, renames, expand = links.ids, links.renames, links.expand
        else:
            entities, renames, expand = [e for e in dict.fromkeys(boost_entities) if e in self.entity_rows], [], []
        dense_text = query
        for surface, label in renames:
            dense_text = re.sub(re.escape(surface), label, dense_text)
        have = set(tokens)
        alias: list[str] = []
        for e in expand:
            for name in self.names.get(e, ()):
                for t in tokenize(name):
                    if t not in have and t not in alias:
                        alias.append(t)
        relations, rel_tokens = self.relation_words.expand(tokens, common)
        rel_tokens = [t for t in rel_tokens if t not in alias]
        return QueryPlan(tokens, alias_tokens=alias, relation_tokens=rel_tokens, entities=entities,
                         dense_text=dense_text, relations=relations)

    def fact_scores(self, entities: Sequence[str], relations: Sequence[str]) -> np.ndarray:
        """Per passage: how many of the query's (entity, signalled relation) pairs it states a fact of."""
        scores = np.zeros(self.size, dtype=np.float32)
        for e in entities:
            for r in relations:
                rows = self.fact_rows.get((e, r))
                if rows is not None:
                    scores[rows] += 1.0
        return scores

    def entity_scores(self, entities: Sequence[str], max_share: float = MAX_ENTITY_SHARE) -> np.ndarray:
        """Per passage: the summed idf of the query's entities it mentions (0 for none).

        An entity mentioned in more than ``max_share`` of the passages (the ILO, the programme
        the report is about) says nothing about which passage is meant and is left out.
        """
        scores = np.zeros(self.size, dtype=np.float32)
        for e in entities:
            rows = self.entity_rows.get(e)
            if rows is not None and self.share[e] <= max_share:
                scores[rows] += self.idf[e]
        return scores


def english_reader(lexicon: Any) -> Callable[[str], str]:
    """The question engine's reading of foreign names and words in English, for a lexicon (the
    words the report itself writes, a quoted French title, are read as written)."""
    from app.qa.form.foreign_words import in_english

    written = lexicon.vocab.__contains__
    return lambda query: in_english(query, written)[0]


def _region_ids(names: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Folded name -> id of every ``Region:`` entity, to match a passage's ``region`` metadata."""
    return {fold(n): e for e, ns in names.items() if e.startswith("Region:") for n in ns}


def _one_country(ids: Sequence[str]) -> bool:
    """Are the ids a country and its own government (``Country:NOR``, ``Organization:gov-NOR``)?"""
    if not ids or not ids[0].startswith("Country:"):
        return False
    code = ids[0].split(":", 1)[1]
    return all(i == ids[0] or i == f"Organization:gov-{code}" for i in ids)
