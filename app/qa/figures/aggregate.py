"""Aggregate templates over a registry relation: argmax / argmin and group-by region.

"Which country has the most funders?" counts, per country, the objects of ``fg:fundedBy`` and
returns the country (or the tied countries) with the highest count, with the runner-up named in
the path; "pathfinders by region" groups the subjects of ``fg:pathfinderOf`` by ``fg:inRegion``.
Every row carries the entities it counted and the facts behind them, so the answer shows its
rows, not just a number.  The SPARQL is generated from the relation's registry declaration.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.qa.bank import ANSWER_TYPE
from app.qa.graphstep import AUTHOR_ORGS, PREFIXES, _as_funder, _iri, gazetteer_placements, in_region
from app.qa.figures import top_n
from app.qa.figures.ordinal import ordinal_word, select
from app.qa.question import _HEAD_TYPE, ENTITY_FOR_TYPE, Analysis
from graph.relations import Relation


@dataclass
class Row:
    key: str  # entity id
    label: str
    count: int
    counted: list[str]
    facts: list[dict] = field(default_factory=list)
    score: float = 1.0
    why: str = ""


@dataclass
class AggregateResult:
    sparql: str
    rows: list[Row]
    path: list[str]
    answer_type: str | None = None


def _named_other_end(a: Analysis, types: tuple[str, ...]) -> str | None:
    ids = [i for i in a.linked(*types) if i not in AUTHOR_ORGS and not i.startswith("Region:")]
    return ids[0] if ids else None


def oriented(r: Relation, direction: str, a: Analysis) -> str:
    """The end of the relation the question ranks.  "Which *donor* funds the most *countries*"
    ranks the funders even when the nearest generated question ranked the countries: the asked
    type names the answer's end; when it fits both ends (an organisation can fund and be funded),
    the noun counted after the superlative ("the most ... countries") names the other end."""
    if not _ASKS.search(a.question):
        return direction  # a keyword query's type is a guess; the matched template's end stands
    want = {"Convention": "LegalInstrument"}.get(a.answer_type, a.answer_type)
    ans, other = (r.domain, r.range) if direction == "subject" else (r.range, r.domain)
    flip = "object" if direction == "subject" else "subject"
    if want not in ans and want in other:
        return flip
    m = SUPERLATIVE_WORD.search(a.question)
    head = _COUNTED_NOUN.match(a.question, m.end()) if m else None
    if head and want in ans and want in other:
        counted = _HEAD_TYPE.get(next(k for k in _HEAD_TYPE if head.group(1).lower().startswith(k)))
        counted = ENTITY_FOR_TYPE.get(counted, counted)
        if counted in ans and counted not in other:
            return flip  # the counted things sit at the answer's end: the answer is the other end
    return direction


_ASKS = re.compile(r"\b(which|what|who|whom)\b", re.I)  # the question's words state the asked type
# The noun a superlative counts: "the most (African priority) countries", "the largest number of donors".
_COUNTED_NOUN = re.compile(r"(?:\s+(?:number|of|the|[\w'’-]+)){0,4}?\s+(countr(?:y|ies)|governments?|organi[sz]ations?|"
                           r"funders?|donors?|partners?|publications?|programmes?|schemes?|conventions?|"
                           r"initiatives?|laws?|states|pathfinders)\b", re.I)


_PER_REGION = re.compile(r"\b(each|every|per|by|across)\s+(the\s+)?regions?\b|\bregions\b|\bregional (breakdown|split)\b", re.I)


# A name set aside from a ranking: "apart from X", "besides X", "other than X", "excluding X".
_EXCEPT = re.compile(r"\b(?:apart from|besides|other than|except(?: for)?|excluding|aside from|not counting|"
                     r"leaving aside|leaving out|ignoring)\s+(?:the\s+)?$", re.I)
COMPARATIVE_WORD = re.compile(r"\b(more|fewer|less)\b", re.I)


def superlative_intent(a: Analysis, relation: str | None, word_rx: re.Pattern | None = None,
                       want: str | None = None, votes=None) -> tuple[str, str, str] | None:
    """(op, relation, direction) when the question's own words rank one kind of thing by how many
    of another it relates to ("which organisation finances the greatest number of Arab States
    countries", "which funder backs the most priority countries"), whatever template the nearest
    generated question suggested.  The relation is the matched one when it links the two kinds,
    else the registry relation between them whose keywords the question uses most (no tie)."""
    from graph.relations import REGISTRY

    m = (word_rx or SUPERLATIVE_WORD).search(a.question)
    head = _COUNTED_NOUN.match(a.question, m.end()) if m else None
    if head is None and m and word_rx is not None and m.end() >= len(a.question.rstrip(" ?.!")) - 1:
        # keyword order, the comparative last: "japan vs ireland number of countries funded - which more"
        head = _COUNTED_NOUN.search(a.question[:m.start()])
    want = want or ENTITY_FOR_TYPE.get(a.answer_type)
    if head is None or want is None or not (_ASKS.search(a.question) or word_rx is not None):
        return None
    if not re.search(r"(?:ies|s)$", head.group(1), re.I) and not re.search(r"\bnumber\b", head.group(0), re.I):
        return None  # "the largest contributory health insurance scheme": a size, not a count of things
    counted = _HEAD_TYPE.get(next(k for k in _HEAD_TYPE if head.group(1).lower().startswith(k)))
    counted = ENTITY_FOR_TYPE.get(counted, counted)
    if counted == want == "Country" and funder_countries_asked(a.question):
        # "which donor country is named for the largest number of countries": governments ranked by
        # the countries they fund (see _extreme)
        op = "argmin" if m.group(1).lower() in ("fewest", "least", "lowest", "smallest", "shortest", "fewer", "less") else "argmax"
        return op, "fundedBy", "object"
    if counted is None or counted == want:
        return None
    links = [r for r in REGISTRY if (want in r.domain and counted in r.range) or (want in r.range and counted in r.domain)]
    from app.qa.figures.ranking import choose_for, worded, worded_by_head_only

    if relation not in [r.name for r in links]:
        chosen = choose_for(a, want, counted, votes)  # the asked noun's keyword, then the question's, then meaning
        if chosen is None:
            return None
        relation = chosen[0]
    elif not worded(a, relation) or worded_by_head_only(a, relation):  # the template's relation, unworded, yields to one the question words
        chosen = choose_for(a, want, counted)
        if chosen is not None and worded(a, chosen[0]):
            relation = chosen[0]
    r = REGISTRY[relation]
    direction = "subject" if want in r.domain and counted in r.range else "object"
    op = "argmin" if m.group(1).lower() in ("fewest", "least", "lowest", "smallest", "shortest", "fewer", "less") else "argmax"
    return op, relation, direction


def run(store, knowledge, op: str, r: Relation, direction: str, a: Analysis,
        among: list[str] | None = None, within: list[str] | None = None) -> AggregateResult | None:
    """``among``: entity ids the ranking is restricted to ("Ireland or Japan": a comparison);
    ``within``: the set the question's other conditions define ("which *pathfinder* has the most
    funders"), ranked without adding zero rows for its members."""
    direction = oriented(r, direction, a) if not among else direction
    if op in ("argmax", "argmin"):
        return _extreme(store, knowledge, op, r, direction, a, among, within)
    if op == "groupby":
        if a.regions and not _PER_REGION.search(a.question):
            return None  # "the number of countries in Africa funded by X" filters by a region, not groups by it
        return _by_region(store, knowledge, r, direction, a, within=within)
    return None


def _extreme(store, knowledge, op: str, r: Relation, direction: str, a: Analysis,
             among: list[str] | None = None, within: list[str] | None = None) -> AggregateResult | None:
    want = {"Convention": "LegalInstrument"}.get(a.answer_type, a.answer_type)
    governments = r.name == "fundedBy" and want == "Country" and not among and funder_countries_asked(a.question)
    if governments:  # "which donor country funds the most countries": the countries whose governments fund
        direction = "object"
    ans_types, other_types = (r.domain, r.range) if direction == "subject" else (r.range, r.domain)
    triple = r.pattern("?answer", "?x") if direction == "subject" else r.pattern("?x", "?answer")
    if governments:
        triple = r.pattern("?x", "?gov") + " ?gov fg:governmentOf ?answer . ?x a fg:Country ."
    body = [triple]
    if want in ans_types and not governments:
        body.append(f"?answer a fg:{want} .")
    if r.name == "fundedBy" and direction == "object" and not governments and _BILATERAL.search(a.question):
        body.append("?answer fg:governmentOf ?funderCountry .")  # "the top bilateral donor": a government
    from app.qa.figures.ranking import counted_type

    counted = counted_type(a, want if want in ans_types else ans_types[0], other_types) \
        if len(other_types) > 1 and not governments else None
    if counted:  # "the most countries": an organisation funded by the funder is not one of them
        body.append(f"?x a fg:{counted} .")
    for reg in a.regions:  # the region filters whichever end is a country
        if among and reg in among:
            continue  # "how many more countries does Africa have than the Americas": compared, not a filter
        var = "?answer" if "Country" in ans_types and (want == "Country" or "Country" not in other_types) else "?x"
        body.append(in_region(var, reg, knowledge))
    if a.years and "year" in r.qualifiers:
        body.append(f"?st rdf:subject {'?answer' if direction == 'subject' else '?x'} ; rdf:predicate {r.curie} ; "
                    f"fg:year ?yy . FILTER(STR(?yy) = \"{a.years[0]}\")")
    if among:
        body.append("VALUES ?answer { " + " ".join(_iri(i) for i in among) + " }")
    elif within:  # the ranked countries, or (ranking funders ...) the countries counted
        var = "?answer" if want == "Country" or "Country" not in other_types else "?x"
        body.append(f"VALUES {var} {{ " + " ".join(_iri(i) for i in within) + " }")
    # Names the engine already took out of the question (a.excluded) or still after a cue here.
    set_aside = sorted(a.excluded) + [i for l in a.links if _EXCEPT.search(a.question[:l.start]) for i in l.ids]
    set_aside += [f for f in (_as_funder(i, knowledge) for i in set_aside if i.startswith("Country:")) if f]
    if set_aside:  # "apart from the Regular Budget, which funder ... the most": ranked without it
        body.append("FILTER(?answer NOT IN (" + ", ".join(_iri(i) for i in set_aside) + "))")
    order = "DESC" if op == "argmax" else "ASC"
    sparql = (f"{PREFIXES}SELECT ?answer (COUNT(DISTINCT ?x) AS ?n) (GROUP_CONCAT(DISTINCT STR(?x); separator=\" \") AS ?xs) "
              f"WHERE {{\n  " + "\n  ".join(body) +
              f"\n}}\nGROUP BY ?answer\nORDER BY {order}(?n)\nLIMIT 50")
    rows = _rows(store, knowledge, sparql, r, direction)
    if governments:  # each country's rows are its government's statements
        for row in rows:
            govs = {f["subject"] for f in knowledge.facts_where(predicate="governmentOf", obj=row.key)}
            row.facts = [f for g in govs for f in knowledge.facts_where(obj=g, predicate=r.name)
                         if f["subject"].startswith("Country:")]
            row.counted = list(dict.fromkeys(knowledge.label(f["subject"]) for f in row.facts))
    if among:  # a compared entity with no statement at all counts zero
        have = {x.key for x in rows}
        zeros = [Row(i, knowledge.label(i), 0, []) for i in among if i not in have]
        rows = rows + zeros if op == "argmax" else zeros + rows
    if not rows:
        return None
    best = rows[0].count
    top = [x for x in rows if x.count == best]
    if len(top) == len(rows) and len(rows) > 2:
        return None  # every row ties: there is no most (or fewest) to report
    runner = next((x for x in rows if x.count != best), None)
    word = "most" if op == "argmax" else "fewest"
    noun = r.label if direction == "subject" else r.inverse_label
    rival = set(a.ranked_after) | {f for f in (_as_funder(i, knowledge) for i in a.ranked_after if i.startswith("Country:")) if f}
    below = _below_top(rows, a, rival)
    n_top = top_n.asked(a.question) if below is None and not among else None
    if n_top:  # "which five countries have the most funders": the first five, the ranking in the path
        top, runner = top_n.first(rows, n_top, lambda x: x.count)
        path = [f"{op}: " + top_n.said(n_top, rows, lambda x: x.label, lambda x: x.count) + f" ‘{noun}’ statements"]
    elif below is not None:  # "the second most", "after the EU": a rank further down (app.qa.figures.ordinal)
        if not below[0]:
            return None
        (top, runner), lead = below, f"{ordinal_word(a.rank)} {word}" if not a.ranked_after else \
            f"{word} after {', '.join(x.label for x in rows if x.key in rival)}"
        path = [f"{op}: {len(top)} ranked {lead} ({top[0].count}) ‘{noun}’ statements; top: "
                f"{', '.join(x.label for x in rows if x.count == best)} ({best})"]
    else:
        path = [f"{op}: {len(top)} with the {word} ({best}) ‘{noun}’ statements"]
    if runner is not None:
        path.append(f"runner-up: {runner.label} ({runner.count})")
    for x in top:
        x.why = f"{x.label}: {x.count} ({', '.join(x.counted[:8])})"
    t = "Country" if governments else (want if want in ans_types else ans_types[0])
    return AggregateResult(sparql, top, path, ANSWER_TYPE.get(t, t))


def _below_top(rows: list[Row], a: Analysis, rival: set[str] | None = None) -> tuple[list[Row], Row | None] | None:
    """The rows at the rank a question asks below the top (and the runner-up after them); None
    when it asks for the top; ([], None) when the ranking has no such rank.  ``rival``: the ids
    the named rival stands for ("the Netherlands": the country and its government as a funder)."""
    if a.rank == 1 and not a.ranked_after:
        return None
    rival = rival or set(a.ranked_after)
    got = select(rows, lambda x: x.count, a.rank, (lambda x: x.key in rival) if rival else None)
    return got if got is not None else ([], None)


def _by_region(store, knowledge, r: Relation, direction: str, a: Analysis,
               count_objects: bool = False, within: list[str] | None = None) -> AggregateResult | None:
    """Countries of the relation grouped by region.  ``within``: the countries the question's own
    conditions define ("how many countries improved operations in each region": those with an
    operations result), grouped whatever relation the template guessed."""
    ans_types, other_types = (r.domain, r.range) if direction == "subject" else (r.range, r.domain)
    if "Country" not in ans_types and not within:
        return None
    other = _named_other_end(a, other_types) if not within else None
    end = _iri(other) if other else "?x"
    triple = r.pattern("?answer", end) if direction == "subject" else r.pattern(end, "?answer")
    if within:
        triple = "VALUES ?answer { " + " ".join(_iri(i) for i in within) + " }"
    counted = "?x" if count_objects and not other else "?answer"
    # a country with no regional entry (a pathfinder named only in a list) is grouped by the
    # general region table, as the region filters count it; priority status never widens a region
    # there (the programme's priority list is its regional table), nor here
    extra = " ".join(f"({_iri(c)} {_iri(g)})" for c, g in sorted(gazetteer_placements(knowledge).items())) \
        if r.name != "priorityCountryOf" else ""
    placed = f"{{ ?answer fg:inRegion ?region }} UNION {{ VALUES (?answer ?region) {{ {extra} }} }}" if extra \
        else "?answer fg:inRegion ?region ."
    sparql = (f"{PREFIXES}SELECT ?region (COUNT(DISTINCT {counted}) AS ?n) (GROUP_CONCAT(DISTINCT STR(?answer); "
              f"separator=\" \") AS ?members) WHERE {{\n  {triple}\n  ?answer a fg:Country .\n  {placed}\n}}"
              f"\nGROUP BY ?region\nORDER BY DESC(?n)")
    rows = []
    for sol in store.query(sparql):
        reg = knowledge.entity_by_iri(sol["region"].value)
        if reg is None:
            continue
        members = [knowledge.entity_by_iri(i) for i in sol["members"].value.split()]
        ids = [m["id"] for m in members if m]
        facts = [] if within else [f for i in ids for f in knowledge.facts_where(subject=i, predicate=r.name)
                                   if other is None or f["object"] == other][:20] if direction == "subject" else \
            [f for i in ids for f in knowledge.facts_where(obj=i, predicate=r.name)][:20]
        labels = [knowledge.label(i) for i in ids]
        rows.append(Row(reg["id"], reg["label"], int(sol["n"].value), labels, facts,
                        why=f"{reg['label']}: {len(ids)} ({', '.join(labels[:10])})"))
    if not rows:
        return None
    said = "the countries the question's conditions define" if within else \
        f"{r.label} {knowledge.label(other) if other else ''}".strip()
    return AggregateResult(sparql, rows, [f"group by region: {said}"], "Region")


# "which donor country", "which government funds", "which single donor country is named": the
# countries asked are funders (their governments), not the countries funded.
_DONOR_COUNTRY = re.compile(r"\b(?:which|what)\s+(?:single\s+|one\s+|individual\s+)?(?:donor|funding|financing|bilateral|"
                            r"contributing|sponsoring)\s+(?:countr(?:y|ies)|governments?|nations?|states?)\b", re.I)


# "bilateral donor / partner / funder": a government that gives (general English), not a fund or a bank
_BILATERAL = re.compile(r"\bbilateral\s+(?:donors?|funders?|partners?|financiers?|contributors?|sources?)\b", re.I)


def funder_countries_asked(question: str) -> bool:
    """Does the question ask for countries in the funder's role (their governments fund)?"""
    from app.qa.graphstep import FUNDER_ASKED

    return bool(_DONOR_COUNTRY.search(question) or FUNDER_ASKED.search(question))


def _rows(store, knowledge, sparql: str, r: Relation, direction: str) -> list[Row]:
    out = []
    for sol in store.query(sparql):
        if sol["answer"] is None:
            continue
        ent = knowledge.entity_by_iri(sol["answer"].value)
        if ent is None:
            continue
        eid = ent["id"]
        facts = knowledge.facts_where(subject=eid, predicate=r.name) if direction == "subject" else \
            knowledge.facts_where(obj=eid, predicate=r.name)
        xs = sol.get("xs") if hasattr(sol, "get") else None
        if xs is not None and xs.value:  # only what the ranking counted (its type and region filters)
            keep = {e["id"] for e in (knowledge.entity_by_iri(i) for i in xs.value.split()) if e}
            facts = [f for f in facts if (f["object"] if direction == "subject" else f["subject"]) in keep]
        counted = list(dict.fromkeys(knowledge.label(f["object"] if direction == "subject" else f["subject"])
                                     for f in facts))
        out.append(Row(eid, ent["label"], int(sol["n"].value), counted, facts))
    return out


# Words that end the counted noun phrase after "how many".
_PHRASE_END = frozenset("did does do is are was were has have had in of for by from with that which who were "
                        "across among under to on at".split())


# Every way a question says "count": "how many results", "the number of results", "count of results",
# "total number of results" ("number of" after a superlative ranks, it does not count).
_COUNT_WORDS = re.compile(r"\b(?:how many|(?<!largest )(?<!highest )(?<!most )(?<!\bby )(?<!by the )(?:total\s+)?number of|count of|tally of)\s+"
                          r"((?:[\w-]+\s+){0,6})", re.I)


def counted_relation(question: str) -> Relation | None:
    """'How many institutional results did ... achieve': the counted noun names the *object* type
    of a relation whose subjects are countries, so the objects are counted, not the countries."""
    from app.qa.bank import TYPE_NOUNS
    from graph.relations import REGISTRY

    m = _COUNT_WORDS.search(question + " ")
    if m is None:
        return None
    heads = {n.split()[-1].lower(): t for t, ns in TYPE_NOUNS.items() for n in ns}
    heads.update({h.rstrip("s"): t for h, t in list(heads.items())})
    # The counted noun is the first type noun after "how many" ("how many Arab States countries" counts
    # countries), within its noun phrase ("how many policies and strategies results did ..." counts results).
    phrase = m.group(1).split()
    # a verb ends it too: "how many recorded a result" counts the countries left unsaid, not results
    phrase = phrase[:next((i for i, w in enumerate(phrase) if w.lower() in _PHRASE_END or
                           re.search(r"[a-z]ed$", w.lower())), len(phrase))]
    noun = next((w.lower() for w in phrase if w.lower() in heads), None)
    if noun is None:
        return None
    # "how many ilo imf partnership new phase countries" (a keyword query put in order): the
    # compound's last noun is counted, and countries or organisations are no relation's objects here
    tail = re.match(r"(?:[\w-]+\s+){0,10}", question[m.start(1):] + " ").group(0).split()
    stop = next((i for i, w in enumerate(tail) if w.lower() in _PHRASE_END), len(tail))
    tail = tail[:stop]  # the noun phrase only: "results did the Arab States countries" counts results
    if any(heads.get(w.lower()) in ("Country", "Organization", "Region") for w in tail):
        return None
    for r in REGISTRY:
        if r.domain == ("Country",) and r.range == (heads[noun],) and heads[noun] not in ("Country", "Organization", "Region"):
            return r
    return None


def count_objects(store, r: Relation, a: Analysis, patterns: list[str]) -> tuple[str, int, list[str]]:
    """COUNT of the objects of ``r`` over the countries that satisfy ``patterns`` (and the year)."""
    year = ""
    if a.years:
        year = (f"{{ ?x fg:year ?yy }} UNION {{ ?st rdf:subject ?answer ; rdf:predicate {r.curie} ; rdf:object ?x ; "
                f"fg:year ?yy }} FILTER(STR(?yy) = \"{a.years[0]}\")")
    body = "\n  ".join([*patterns, r.pattern("?answer", "?x"), year])
    sparql = f"{PREFIXES}SELECT (COUNT(DISTINCT ?x) AS ?count) (GROUP_CONCAT(DISTINCT STR(?answer); separator=\" \") " \
             f"AS ?who) WHERE {{\n  {body}\n}}"
    sol = next(iter(store.query(sparql)))
    who = sol["who"].value.split() if sol["who"] is not None else []
    return sparql, int(sol["count"].value), who


# "the earliest", "the most recent", "the first/last to ...": a superlative over the year a
# statement carries, not over a count.
# The adverb closing a wh-question says it too: "which country ratified C102 first?", "who joined last".
# (or the clause after a framing phrase's comma: "Looking only at the pathfinders ..., which one
# joined first?")
_CLOSING = r"|(?:^\s*|,\s*)(?=(?:which|who|what)\b)[^?,]*?\b{}(?=\s*\??\s*$)"
EARLIEST = re.compile(r"\b(earliest|(?:the )?first (?:one |country |state )?to|longest ago|(?:the )?oldest|"
                      # "which one has had C102 in force the longest": the earliest of the statements
                      r"(?:in\s+force|ratified|been\s+(?:a\s+)?(?:member|party|pathfinder|signator)\w*)\s+(?:for\s+)?(?:the\s+)?longest|"
                      r"for\s+the\s+longest(?:\s+(?:time|period))?|longest[- ]standing)\b"
                      + _CLOSING.format("first"), re.I)
LATEST = re.compile(r"\b(most recent(?:ly)?|latest|newest|(?:the )?last (?:one |country |state )?to)\b"
                    + _CLOSING.format("last"), re.I)
# Between named ones: "did A or B ratify earlier?", "which of A and B joined more recently?"
EARLIER = re.compile(r"\b(earlier|sooner|first|before the other)\b", re.I)
LATER = re.compile(r"\b(later|more recent(?:ly)?|last|after the other)\b", re.I)


def by_year(store, knowledge, r: Relation, a: Analysis, latest: bool, pool: list[str] | None = None) -> AggregateResult | None:
    """The subjects of ``r`` whose statement has the earliest (latest) year, with the runner-up;
    the object is the named entity when the question names one of the range's type.  ``pool``:
    the named subjects compared ("did A or B ratify earlier"), the only ones ranked."""
    named = [i for i in a.linked(*r.range) if i not in AUTHOR_ORGS and not i.startswith("Region:")]
    obj = _iri(named[0]) if named else "?o"
    status = ' OPTIONAL { ?st fg:status ?rs } FILTER(!BOUND(?rs) || ?rs = "registered")' if "status" in r.qualifiers \
        and r.name == "ratified" else ""
    regions = "".join(f"\n  {in_region('?answer', reg, knowledge)}" for reg in a.regions if "Country" in r.domain)
    sparql = (f"{PREFIXES}SELECT ?answer (MIN(xsd:integer(STR(?y))) AS ?n) (MIN(STR(?dt)) AS ?d) WHERE {{\n"
              f"  {r.pattern('?answer', obj)}{regions}\n"
              f"  ?st rdf:subject ?answer ; rdf:predicate {r.curie} ; rdf:object {obj} ; fg:year ?y .{status}\n"
              f"  OPTIONAL {{ ?st fg:date ?dt }}\n}}"
              f"\nGROUP BY ?answer\nORDER BY {'DESC' if latest else 'ASC'}(?n)\nLIMIT 50")
    rows = []
    dates: dict[str, str] = {}  # the day or month within the year, where the text gives one
    for sol in store.query(sparql):
        ent = knowledge.entity_by_iri(sol["answer"].value) if sol["answer"] is not None else None
        if ent is None:
            continue
        if sol["d"] is not None and sol["d"].value:
            dates[ent["id"]] = sol["d"].value
        facts = [f for f in knowledge.facts_where(subject=ent["id"], predicate=r.name)
                 if not named or f["object"] == named[0]]
        rows.append(Row(ent["id"], ent["label"], int(sol["n"].value), [str(sol["n"].value)], facts))
    if pool:
        rows = [x for x in rows if x.key in pool]
    if len(rows) < 2:
        return None
    top = [x for x in rows if x.count == rows[0].count]
    runner = next((x for x in rows if x.count != rows[0].count), None)
    word = "latest" if latest else "earliest"
    path = [f"{word} year of ‘{r.label}’: {rows[0].count}"]
    below = _below_top(rows, a)  # "the second-earliest": rows are sorted best first, ties together
    dated = _by_date(top, dates, latest) if below is None else None
    if dated is not None:  # "which country joined first": of the top year's rows, the day or month decides
        top, runner = dated
        path.append(f"{word} date within {rows[0].count}: " + ", ".join(f"{x.label} ({dates[x.key]})" for x in top))
    if below is not None:
        (top, runner), first = below, rows[0]
        if not top:
            return None
        path = [f"{ordinal_word(a.rank) if not a.ranked_after else 'next'} {word} year of ‘{r.label}’: {top[0].count}",
                f"first: {', '.join(x.label for x in rows if x.count == first.count)} ({first.count})"]
    if runner is not None:
        path.append(f"runner-up: {runner.label} ({dates[runner.key] if dated is not None else runner.count})")
    for x in top:
        x.why = f"{x.label}: {r.label} {knowledge.label(named[0]) if named else ''} in {x.count}".replace("  ", " ")
    t = r.domain[0]
    return AggregateResult(sparql, top, path, ANSWER_TYPE.get(t, t))


def _by_date(top: list[Row], dates: dict[str, str], latest: bool) -> tuple[list[Row], Row] | None:
    """Rows tied on their year, ordered by the day or month each statement is dated by: the first
    (the last, ``latest``) and the runner-up; None unless every tied row has a date and they differ.
    A month and a day in it ("2023-12", "2023-12-05") cannot be told apart and stay tied."""
    if len(top) < 2 or not all(dates.get(x.key) for x in top):
        return None
    order = sorted(top, key=lambda x: dates[x.key], reverse=latest)
    first = dates[order[0].key]
    kept = [x for x in order if dates[x.key].startswith(first) or first.startswith(dates[x.key])]
    if len(kept) == len(order):
        return None
    return kept, next(x for x in order if x not in kept)


# "which region ...", and a keyword query that opens on it ("region most countries improving operations")
# The regions named first and asked after: "across all regions, which one ...", "of the five
# regions, which has ...", "which of the regions ...".
REGIONS_FRONTED = (r"\b(?:of|among(?:st)?|across|between|from)\s+(?:all\s+)?(?:the\s+)?(?:\w+\s+)?(?:ilo\s+)?regions\b"
                   r"[^?.;]{0,12}?\b(?:which|what)\b|\bwhich\s+(?:one\s+)?of\s+(?:the\s+)?(?:\w+\s+)?regions\b")
WHICH_REGION = re.compile(r"\b(which|what)\s+(?:[\w-]+\s+)?regions?\b|^\s*(?:the\s+)?regions?\s+(?:with\s+|having\s+|that\s+has\s+)?"
                          r"(?:the\s+)?(?:most|fewest|least|largest|highest|lowest|smallest|greatest|biggest)\b|" + REGIONS_FRONTED, re.I)


def region_extreme(store, knowledge, r: Relation, a: Analysis, lowest: bool) -> AggregateResult | None:
    """'Which region has the most priority countries / recorded the most results?': the group-by
    region, its top (or bottom) row and the runner-up.  Objects are counted when the question
    counts them ('the most institutional results'), else the countries."""
    objects = counted_relation("how many " + a.question[SUPERLATIVE_WORD.search(a.question).end():]) \
        if SUPERLATIVE_WORD.search(a.question) else None
    res = _by_region(store, knowledge, r, "subject", a, count_objects=objects is not None and objects.name == r.name)
    if res is None or len(res.rows) < 2:
        return None
    rows = sorted(res.rows, key=lambda x: x.count, reverse=not lowest)
    top = [x for x in rows if x.count == rows[0].count]
    runner = next((x for x in rows if x.count != rows[0].count), None)
    below = _below_top(rows, a)  # "the region with the second most priority countries"
    if below is not None:
        if not below[0]:
            return None
        top, runner = below
    path = [f"{'fewest' if lowest else 'most'} by region: {r.label} ({rows[0].count})"] + \
        ([f"ranked {ordinal_word(a.rank) if not a.ranked_after else 'next'}: {top[0].label} ({top[0].count}); "
          f"first: {rows[0].label} ({rows[0].count})"] if below else []) + ([f"runner-up: {runner.label} ({runner.count})"] if runner else [])
    return AggregateResult(res.sparql, top, path, "Region")


SUPERLATIVE_WORD = re.compile(r"\b(most|fewest|(?<!at )least|largest|highest|lowest|smallest|greatest|biggest|longest|shortest)\b", re.I)
