"""Why an answer is imperfect: is the fact missing from the graph, or is it there and misread?

``benchmarks/miss_split.py`` runs the engine over gold sets and sorts every imperfect answer
(F1 < 1) into one cause, so the team can see where held-out misses are (graph completeness or
question reading) from counts alone, without reading a held-out question.  The rule is simple on
purpose, so that a count means the same thing in every round:

* ``empty_gold`` — the gold list is empty (the report is silent) and the engine answered anyway;
* ``non_entity`` — the answer type is a Number, a Year or Text: no entity to look up;
* ``entity_absent`` — some gold answer matches no entity of the graph (label, alternative label,
  acronym or ISO code, compared with the scorer's rules: normalised equality, equal token sets,
  0.8 token Jaccard for names of three or more words, ISO3 for countries);
* ``relation_absent`` — every gold answer is in the graph, the question names entities of the
  graph (a name or acronym written in it, not a lower-case description nor a name two things of
  one type share: those name a kind), and at least one gold answer is linked to none of them
  through at most two statements: no statement joins the two, nor a chain of two statements
  through one other entity (a funder's initiative's countries), each statement direct or through
  one event node (an activity, a result, a quantity), counting a donor country and its government
  as one thing.  The middle entity of a chain is never the report's author nor a region or a
  theme: those are joined to nearly everything, so a chain through one says nothing;
* ``present`` — every gold answer is in the graph and linked to what the question names (or the
  question names nothing to link to): the fact is there, the question was misread.  Those whose
  recall is already 1 (only extra answers cost precision) are counted again as ``extra_only``;
  those linked only through a chain of two statements (counted as ``relation_absent`` by the
  one-statement rule of rounds 12–13) again as ``chain``.  Each is also counted by what the engine
  answered instead: ``right_type`` (every answer is of a type the gold has: wrong or extra
  entities of the right kind), ``wrong_type`` (some answer is of another kind) or ``nothing``.

Everything here is pure: it reads a :class:`~app.knowledge.Knowledge` and an answer list.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from app.evalscore import norm, tokens
from app.qa.graphstep import AUTHOR_ORGS

CAUSES = ("entity_absent", "relation_absent", "present", "non_entity", "empty_gold")
NON_ENTITY_TYPES = frozenset({"Number", "Year", "Text"})
# Nodes that stand for one event or figure rather than a thing: a path through one of them is still
# one statement of the report ("Germany funded a study in Malawi": Activity between the two).
EVENT_TYPES = frozenset({"Activity", "InstitutionalResult", "Quantity"})
# Classification nodes: a chain through a region or a theme joins any two things under it, so it is
# no chain of facts (and the report's author is the agent of nearly every sentence).
NOT_CHAIN_MIDDLE_TYPES = frozenset({"Region", "ThematicArea"})
# A middle entity joined to more than this share of the graph's named entities (the report's own
# programme, a global initiative of every pathfinder) is a hub like the author: through it anything
# reaches anything.
HUB_SHARE = 0.1
# What the engine answered for a misread question, in the order the columns are printed.
ANSWERED = ("right_type", "wrong_type", "nothing")
# Parts of ``present``, counted again beside the causes.
SUBCOUNTS = ("extra_only", "chain", *ANSWERED)
# Entity types whose names a question may carry; the event nodes' generated labels are not names.
NAMED_TYPES_EXCLUDED = EVENT_TYPES | {"Region"}
MIN_NAME_CHARS = 3


@dataclass
class Verdict:
    """One imperfect answer's cause, and the gold answers behind it (for ``-v`` on tunable sets)."""

    cause: str
    f1: float
    recall: float
    absent: list[str] = field(default_factory=list)      # gold answers no entity matches
    unlinked: list[str] = field(default_factory=list)    # gold answers not linked to a named entity
    named: list[str] = field(default_factory=list)       # entity ids the question names
    chain: bool = False                                  # linked only through two statements
    answered: str = ""                                   # for ``present``: one of ANSWERED

    @property
    def extra_only(self) -> bool:
        return self.cause == "present" and self.recall >= 1.0


class GraphNames:
    """The graph's entities by every name they carry, normalised as the scorer normalises."""

    def __init__(self, knowledge):
        self.k = knowledge
        self._by_norm: dict[str, set[str]] = defaultdict(set)
        self._token_sets: list[tuple[frozenset[str], str]] = []
        for eid, e in knowledge.entities.items():
            if e["type"] in EVENT_TYPES:
                continue
            for name in knowledge.names(eid):
                self._by_norm[norm(name)].add(eid)
                ts = frozenset(tokens(name))
                if ts:
                    self._token_sets.append((ts, eid))
            iso3 = (e.get("attrs") or {}).get("iso3")
            if iso3:
                self._by_norm[norm(iso3)].add(eid)

    def matching(self, gold: str, aliases: list[str]) -> set[str]:
        """Entity ids a gold answer (or one of its aliases) would be scored as matching."""
        out: set[str] = set()
        for form in [gold, *aliases]:
            out |= self._by_norm.get(norm(form), set())
            tf = frozenset(tokens(form))
            if not tf:
                continue
            for tc, eid in self._token_sets:
                if tc == tf or (len(tf) >= 3 and len(tc & tf) / len(tc | tf) >= 0.8):
                    out.add(eid)
            iso = _iso3(form)
            if iso:
                out |= self._by_norm.get(norm(iso), set())
        return out

    @cached_property
    def _name_patterns(self) -> tuple[re.Pattern, re.Pattern, dict[str, set[str]]]:
        """Two patterns over the nameable entities: written names matched case-blind on the
        normalised question, acronyms (names written all in capitals) matched as written, so that
        "who funds" is not the WHO nor "connect" the CONNECT network."""
        names: dict[str, set[str]] = defaultdict(set)
        acronyms: dict[str, set[str]] = defaultdict(set)
        for eid, e in self.k.entities.items():
            if e["type"] in NAMED_TYPES_EXCLUDED or eid in AUTHOR_ORGS:
                continue
            for name in self.k.names(eid):
                if name.isupper() and " " not in name:
                    acronyms[name].add(eid)
                elif len(norm(name)) >= MIN_NAME_CHARS and not _describes_a_kind(name, e["type"]):
                    names[norm(name)].add(eid)
        names = {n: ids for n, ids in names.items() if not self._several_things(ids)}
        acronyms = {n: ids for n, ids in acronyms.items() if not self._several_things(ids)}
        table = {**names, **acronyms}
        return _alternation(names, r"a-z0-9"), _alternation(acronyms, r"A-Za-z0-9"), table

    def _several_things(self, ids: set[str]) -> bool:
        """Whether a name is carried by two different things of one type ("National Social
        Protection Strategy" of five countries): written in a question, it names a kind, not one
        of them (a country and its government are one thing)."""
        types = [self.k.entities[i]["type"] for i in ids]
        return len(types) != len(set(types))

    def named_in(self, question: str) -> set[str]:
        """Entity ids whose name or acronym is written in the question, the report's author apart
        (it is the agent of nearly every sentence, so it links nothing)."""
        written, acronyms, table = self._name_patterns
        spans = _overlapping(written, norm(question)) + _overlapping(acronyms, question)
        # of two names that overlap, the longer is meant ("the ILO's Regular Budget Supplementary
        # Account" is the account, not the ILO's Regular Budget)
        kept = [(a, b, n) for a, b, n in spans
                if not any(c < b and a < d and d - c > b - a for c, d, _ in spans)]
        return {i for _, _, name in kept for i in table[name]}


def _describes_a_kind(name: str, entity_type: str) -> bool:
    """A name written all in lower case ("pension reform", "subsidized contribution scheme") is the
    report's description of one country's measure, and in a question it names the kind ("which
    countries worked on pension reform?"), not that measure.  Themes are named by such words."""
    return entity_type != "ThematicArea" and name == name.lower()


def _alternation(names, word: str) -> re.Pattern:
    """One pattern finding any of the names as whole words, from any position (in a lookahead, so
    that names overlapping each other are all found)."""
    body = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<![{word}])(?=({body})(?![{word}]))")


def _overlapping(pattern: re.Pattern, text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of every name the pattern finds, overlapping ones included."""
    return [(m.start(), m.start() + len(m.group(1)), m.group(1)) for m in pattern.finditer(text)]


def _iso3(form: str) -> str | None:
    try:
        import pycountry

        return pycountry.countries.lookup(form).alpha_3
    except (LookupError, ImportError):
        return None


def neighbourhood(knowledge, entity_id: str) -> set[str]:
    """Every node one statement away from an entity: its direct neighbours, the neighbours of the
    event nodes it takes part in, and the same for the other nodes that are the same real thing."""
    selves = {entity_id, *knowledge.same_thing(entity_id)}
    out: set[str] = set(selves)
    for me in selves:
        for f in knowledge.facts_about(me):
            other = f["object"] if f["subject"] == me else f["subject"]
            out.add(other)
            if other.split(":", 1)[0] in EVENT_TYPES:
                out |= {g["object"] if g["subject"] == other else g["subject"] for g in knowledge.facts_about(other)}
    for node in list(out):
        out |= set(knowledge.same_thing(node))
    return out


def two_step_neighbourhood(knowledge, entity_id: str) -> tuple[set[str], set[str]]:
    """(one statement away, at most two statements away) from an entity: the second set adds the
    neighbourhoods of its neighbours, none of them the author, a region, a theme or a hub."""
    near = neighbourhood(knowledge, entity_id)
    far = set(near)
    hub = HUB_SHARE * sum(e["type"] not in EVENT_TYPES for e in knowledge.entities.values())
    for node in near:
        e = knowledge.entities.get(node)
        if node == entity_id or not e or node in AUTHOR_ORGS or e["type"] in NOT_CHAIN_MIDDLE_TYPES | EVENT_TYPES:
            continue
        middle = neighbourhood(knowledge, node)
        if len(middle) <= hub:
            far |= middle
    return near, far


def answered_kind(answers: list, gold_types: set[str], names: "GraphNames") -> str:
    """What the engine gave instead of the gold: ``nothing``, entities all of a type the gold has
    (``right_type``), or some answer of another type (``wrong_type``).  An answer without a type is
    typed by the entities its label names."""
    if not answers:
        return "nothing"
    for a in answers:
        types = {a["type"]} if a.get("type") else {names.k.entities[i]["type"] for i in names.matching(a.get("label", ""), [])}
        if not types & gold_types:
            return "wrong_type"
    return "right_type"


def classify(q: dict, answers: list, scores: tuple[float, float, float], names: GraphNames) -> Verdict:
    """The cause of one imperfect answer (``scores`` = precision, recall, F1 from the scorer)."""
    _, recall, f1 = scores
    gold = q.get("gold") or []
    if not gold:
        return Verdict("empty_gold", f1, recall)
    if q.get("answer_type", "Text") in NON_ENTITY_TYPES:
        return Verdict("non_entity", f1, recall)
    aliases = q.get("aliases") or {}
    matched = {g: names.matching(g, list(aliases.get(g, []))) for g in gold}
    absent = [g for g, ids in matched.items() if not ids]
    if absent:
        return Verdict("entity_absent", f1, recall, absent=absent)
    gold_ids = {i for ids in matched.values() for i in ids}
    gold_types = {q.get("answer_type", "")} | {names.k.entities[i]["type"] for i in gold_ids}
    answered = answered_kind(answers, gold_types, names)
    named = names.named_in(q["question"]) - gold_ids  # a gold answer written in the question is not what it is linked to
    if not named:
        return Verdict("present", f1, recall, answered=answered)
    reach = {i: two_step_neighbourhood(names.k, i) for ids in matched.values() for i in ids}
    unlinked = [g for g, ids in matched.items() if not any(reach[i][1] & named for i in ids)]
    if unlinked:
        return Verdict("relation_absent", f1, recall, unlinked=unlinked, named=sorted(named))
    chain = any(not any(reach[i][0] & named for i in ids) for ids in matched.values())
    return Verdict("present", f1, recall, named=sorted(named), chain=chain, answered=answered)


def tally(verdicts: list[Verdict], n: int) -> dict[str, int]:
    """Counts per cause for one set of ``n`` questions (``extra_only``, ``chain`` and the
    ``ANSWERED`` kinds are parts of ``present``)."""
    row = {"n": n, "imperfect": len(verdicts)} | {c: 0 for c in (*CAUSES, *SUBCOUNTS)}
    for v in verdicts:
        row[v.cause] += 1
        row["extra_only"] += v.extra_only
        row["chain"] += v.chain
        if v.cause == "present":
            row[v.answered] += 1
    return row
