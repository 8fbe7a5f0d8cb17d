"""The graph step: turn a question analysis into SPARQL over the knowledge graph.

Each recognised relation becomes a :class:`Constraint` — a SPARQL group pattern on ``?answer``
plus a way to find the evidence passages for one answer.  All constraints of a question are
conjoined into one SELECT, so intersections ("pathfinders that ratified C102"), differences
("priority countries with no result") and region filters are answered by the query engine.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.qa.relation.funder_side import asks_for_funders, funds_work_in_general
from app.qa.relation.role_kinds import asks_governments, by_role_of_end, government_partners, asked_role, role_words
from app.qa.question import ENTITY_FOR_TYPE, FUND as FUND_CUE, Analysis
from app.qa.constraints.org_country import CHANNEL
from app.qa.constraints.year_ranges import range_test, set_aside_years, upper_bounds, year_range
from graph.rdf import entity_uri
from graph.vocab import ORG_ROLE_LABELS, ORG_ROLES, RESULT_TYPES
from app.qa.figures.result_counts import counts_results

PREFIXES = """PREFIX fg: <https://w3id.org/floorgraph/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
AUTHOR_ORGS = {"Organization:ilo"}  # the report's author: never a constraint by itself
# A result of any type, asked as a condition (not merely the word "results").
ACHIEVED_ANY = re.compile(r"\binstitutional (results?|changes?)\b|\bat least one\b[^?]{0,20}\bresults?\b|"
                          # "got a result", "recorded any result", "with any result", "achieved results in 2024"
                          r"\b(?:got|gets?|getting|record(?:ed|s|ing)?|achiev(?:ed|es|e|ing)|obtain(?:ed|s)?|"
                          r"register(?:ed|s)?|show(?:ed|s|ing)?|ha[sd]|have|having|with)\s+(?:an?\s+|any\s+|some\s+)?"
                          # ("with 2024 results": the year of the results between)
                          r"(?:(?:19|20)\d\d\s+)?(?:institutional\s+)?results?\b(?!\s+(?:[123]\b|types?\b|kinds?\b))|\bany\s+results?\b", re.I)
# A keyword query drops the verb: "europe central asia results 2024", "results africa" ask the
# countries with a result, as "... that achieved results" does. Not when it counts, negates or
# names the results table.
_SENTENCE_WORDS = re.compile(r"\b(?:which|what|who|whom|where|when|how|why|is|are|was|were|do|does|did|has|have|had|"
                             r"list|name|give|tell|show|count|number|no|not|without|none)\b", re.I)


def keyword_results(question: str, answer_type: str = "Country") -> bool:
    """Does a keyword query (no question word, auxiliary, imperative or negation) ask countries by
    their results?"""
    return (answer_type == "Country" and not _SENTENCE_WORDS.search(question)
            and re.search(r"\bresults?\b(?!\s+tables?\b)", question, re.I) is not None)


VIA = "?via"  # evidence template: facts ``s —p→ X`` where ``X —p→ answer`` (a fund's own funders)
GOV = "?gov"  # evidence template: the answer country's government
VIA_GOV = "?via-gov"  # both: behind a fund, the answer country's government
# The asked countries are the funding verb's subject ("which countries fund X", "which governments
# contributed to the RBSA"), not its object ("which countries are funded by / does X fund").
# The first type noun after the question word is the one asked: in "which countries korean
# government finance" (a keyword query) the government is named, the countries are asked.
FUNDER_ASKED = re.compile(r"\b(?:which|what)\s+(?:(?!(?:countr(?:y|ies)|governments?|member|nations?)\b)[\w-]+\s+){0,2}?"
                          r"(?:countr(?:y|ies)|governments?|member states?|nations?)"
                          # ("which of the countries that contribute to the RBSA": a relative clause)
                          # ("what countries are giving un-earmarked core money to the RBSA": a progressive)
                          # (a passive is not: "the work in which countries is paid for by donors to the RBSA")
                          r"\s+(?:(?:that|which|who)\s+)?(?:(?:have|has|had|also|each|both|all|jointly|together)\s+){0,2}"
                          r"(?:(?:are|is|were|was)\s+(?=\w+ing\b))?"
                          # ("which countries are credited with / listed as contributing to the RBSA": a frame before the participle)
                          r"(?:(?:are|is|were|was)\s+(?:credited\s+with|(?:listed|named|mentioned|described|recorded|shown|cited|"
                          r"identified)\s+as)\s+)?"
                          # ("which of the countries funding ILO work in X": the participle too)
                          r"(?:co-?)?(?:fund(?:s|ed|ing)?|financ(?:e|es|ed|ing)|contribut(?:e|es|ed|ing)|donat\w*|pa(?:y|ys|id)|"
                          r"bankroll\w*|sponsor\w*|"
                          # "which countries provided (additional) resources / pledged funds for X"
                          # ("which governments provide the un-earmarked core funding that goes to the ILO
                          # through the RBSA": the funding described by up to three words and a relative clause)
                          r"(?:provid|gave|giv|put|mobili[sz]|commit|pledg)\w*\s+(?:the\s+|their\s+)?(?:[\w-]+\s+){0,3}?"
                          # ("give money through the RBSA": the fund is the giver's channel, the giver its donor)
                          r"(?:resources|funds|funding|financing|money)(?=\s+(?:to|for|into|that|which)\b|\s+(?:through|via)\b(?P<channel>)))"
                          r"\b(?(channel)|(?!\s+(?:by|through|via|with|from|under|using|out of|in part)\b))"
                          # the relation as a noun: "which country is the only funder of the ILO's work
                          # in X", "which countries does the report name as donors to X"
                          # (the country noun is the copula's subject: "which countries list France as a
                          # funder of X" asks the recipients, France is the funder)
                          r"|\b(?:which|what)\s+(?:countr(?:y|ies)|governments?|member states?|nations?)\s+"
                          r"(?:is|are|was|were|acts?\s+as|serves?\s+as|does\s+the\s+report\s+(?:name|list|cite|give)\s+as|"
                          r"(?:is|are|was|were)\s+(?:named|listed|cited|given|credited|mentioned|recorded|identified|acknowledged|"
                          r"recogni[sz]ed|shown|thanked)\s+(?:(?:in|by)\s+(?:the|this)\s+report\s+)?as)\s+(?:the\s+|a\s+|an\s+)?"
                          r"(?:(?:only|main|sole|largest|biggest|key|principal|other|single|lead|leading)\s+)?"
                          r"(?:funders?|donors?|financiers?|sponsors?|contributors?|backers?)\s+(?:of|to|for|behind)\b", re.I)
# ("which donors do X and Y share", "which donors they are sharing", "the same donors": a verb of
# sharing, never the noun "share of"); read here and by understand.shared_ends
SHARING = r"shar(?:e|es|ed|ing)\b(?!\s+of\b)|the\s+same\b(?!\s+(?:year|time|day|month|way)\b)"
# Several named ends of one relation: "both A and B", "common to", "each of" ask for what they share.
# ("in Kenya as well as in Ghana", "Kenya and Ghana alike": what the two share)
# Two partners of one piece of work: "with both X and Y", "jointly with X and Y".
_JOINTLY = re.compile(r"\b(both|jointly|joint)\b", re.I)
_SHARED = re.compile(r"\b(both|each of|all of|in common|common|shared|every one of|also|alike|as well as|"
                     + SHARING + r")\b", re.I)
_LISTED = re.compile(r"\b(and|or|as well as)\b|,", re.I)
_THROUGH_BEFORE = re.compile(rf"\b{CHANNEL}\s+(?:the\s+|its\s+|their\s+)?$", re.I)  # "... through the MUL"


@dataclass
class Constraint:
    """One relation the answer must satisfy (or, when negated, must not)."""

    pattern: str  # SPARQL group pattern on ?answer
    description: str
    # (subject, predicate, object) templates for evidence lookup; "?" marks the answer
    evidence: list[tuple[str, str, str]] = field(default_factory=list)
    strong: bool = True  # an empty result is a real "the report says none"
    relation: str = ""  # fund | ratify | pathfinder | result | region | priority
    negated: bool = False
    # The pattern's own negation when it is not simply NOT EXISTS { pattern }: NOT EXISTS over a
    # UNION with a long IN list overflowed Virtuoso's planner, so a region says it plainly.
    negated_pattern: str = ""
    within: str = ""  # a region's constraint narrowed to the sub-region or group the question names
    region: str = ""  # a region's constraint: its region (kept when negated, which drops the evidence)
    # A variable the pattern binds besides ?answer that a count may go through ("?r0", one
    # institutional result): "how many results" counts these, not the countries that hold them.
    counts_through: str = ""


def _iri(eid: str) -> str:
    return f"<{entity_uri(eid)}>"


# "the ILO's work in Nepal", "support to Nepal": the country named there receives, it does not fund.
_RECIPIENT_BEFORE = re.compile(r"\b(?:in|to|for|within|inside)\s+(?:the\s+)?$", re.I)


def results_either(question: str, kinds: list[str]) -> bool:
    """Does the question ask for any of the result kinds it names ("a policy, scheme or operations
    result") rather than all of them ("both a policy and a scheme result")?  The kinds' words are
    joined by "or", with no "and"/"both" between them."""
    from app.qa.question import RESULT_TYPES as KIND_PHRASES
    from graph.extract.structure import RESULT_KEYWORDS

    found = sorted(m.span() for k in kinds for m in [KIND_PHRASES[k].search(question) or RESULT_KEYWORDS[k].search(question)] if m)
    if len(found) < 2:
        return False
    between = question[found[0][1]:found[-1][0]]
    return bool(re.search(r"\bor\b", between, re.I)) and not re.search(r"\b(?:and|both)\b|&", between, re.I)


def _as_funder(eid: str, knowledge) -> str | None:
    """A linked country named as a funder is its government ("Which countries does Japan fund?")."""
    if eid.startswith("Country:"):
        gov = f"Organization:gov-{eid.split(':', 1)[1]}"
        return gov if knowledge is None or knowledge.entity(gov) else None
    return eid


def _only_a_funder(named: list[str], knowledge) -> str | None:
    """The one named entity, as a funder, when the graph has it fund bodies and never be funded."""
    if knowledge is None:
        return None
    funders = {_as_funder(x, knowledge) or x for x in named}  # a country and its government are one
    if len(funders) != 1:
        return None
    f = funders.pop()
    if any(knowledge.facts_where(subject=x, predicate="fundedBy") for x in [f, *named]):
        return None
    funded = [x["subject"] for x in knowledge.facts_where(obj=f, predicate="fundedBy")]
    return f if any(not s.startswith("Country:") for s in funded) else None


def _is_funder(eid: str, knowledge) -> bool:
    """Does the graph hold the entity as funding something (a pooled fund, a donor)?"""
    if knowledge is None:
        return not eid.startswith("Initiative:")
    return bool(knowledge.facts_where(predicate="fundedBy", obj=eid))


# "2013 or 2014", "2019, 2021 and 2023", and the keyword form "c102 ratifications 2021 2022"
_YEAR_LIST = re.compile(r"\b(?:19|20)\d\d(?:(?:\s*(?:,|or|and|and/or|&)\s*(?:in\s+)?|\s+)(?:19|20)\d\d)+\b", re.I)


def _listed_years(question: str, year: str) -> list[str]:
    """The years written as one enumeration with ``year`` ("2013 or 2014"), else []; a range
    ("between 2015 and 2020", "from 2019 to 2021") is read by :func:`year_range` first."""
    for m in _YEAR_LIST.finditer(question):
        found = re.findall(r"(?:19|20)\d\d", m.group(0))
        if year in found and not re.search(r"\bbetween\s*$", question[:m.start()], re.I):
            return list(dict.fromkeys(found))
    return []


# A state reached by a date: "pathfinders by the end of 2024", "members as of 2024", "at the end of
# 2024" (the year stands for the date; \x00 marks it).  Whatever was dated up to then is in.  A bare
# "by 2026" is as often a target ("ratifications the campaign wants by 2026"): not read here.
_CUMULATIVE = re.compile(r"\b(?:(?:as\s+of|as\s+at|up\s+to)\s+(?:the\s+)?(?:(?:end|close)\s+of\s+(?:the\s+)?)?|"
                         r"by\s+(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+)?|"
                         r"(?:at\s+)?(?:the\s+)?end[- ](?:of\s+)?(?:the\s+)?)(?:(?:calendar|fiscal)\s+)?(?:year\s+)?\x00", re.I)


def is_cumulative(test: str) -> bool:
    """Is a :func:`year_test` an upper bound only ("by 2024")?  Then a fact the report states
    without a date is in too: the report tells the state it was written in."""
    return "<=" in test and ">" not in test.replace("<=", "")


def dated_by(statement: str, var: str, test: str) -> str:
    """The SPARQL that dates ``statement`` (``?ps rdf:subject ... ;``, without the year) by ``test``."""
    if is_cumulative(test):
        return f" OPTIONAL {{ {statement} fg:year {var} }} FILTER(!BOUND({var}) || {test})"
    return f" {statement} fg:year {var} . FILTER({test})"


def year_test(a: Analysis, var: str, year: str | None = None) -> str:
    """SPARQL test of a year qualifier: "in 2024" is equality, "since 2021" / "before 2020" a range."""
    y = year or a.years[0]
    span = year_range(a.question, y)
    if span is not None:  # "between 2015 and 2020": both bounds, whichever year was picked
        return range_test(var, span)
    listed = _listed_years(a.question, y)
    if listed:  # "in 2013 or 2014", "in 2019, 2021 and 2023": any of the years written together
        return f'STR({var}) IN ({", ".join(chr(34) + v + chr(34) for v in listed)})'
    if _CUMULATIVE.search(a.question.replace(y, "\x00", 1)):  # "by the end of 2024", "as of 2024": up to it
        return f'xsd:integer(STR({var})) <= {int(y)}'
    # "since 2021", "before the ILO launched its campaign in 2021": the filter word dates the year.
    m = re.search(r"\b(since|after|from|before|until|prior to)\s+(?:[\w'’.-]+\s+){0,14}?" + y, a.question, re.I)
    op = {"since": ">=", "from": ">=", "after": ">", "before": "<", "until": "<=", "prior to": "<"}.get(
        m.group(1).lower(), "=") if m else "="
    if op == ">" and (len(m.group(0).split()) > 3 or re.match(r"after\s+(?:the|its|their|this|that)\s", m.group(0), re.I)) \
            and not re.fullmatch(r"after\s+(?:the\s+)?(?:(?:calendar|fiscal)\s+)?(?:year|end\s+of)\s+\S+", m.group(0), re.I):
        # "after the campaign was launched in 2021", "after the 2021 campaign was launched": after
        # an event of that year (the year dates a thing), not after the year itself ("after the
        # year 2019", "after the end of 2019" still leave it out)
        op = ">="
    if op == ">" and _YEAR_AS_MODIFIER.match(a.question, m.end()):
        op = ">="  # "after 2021 ratification campaign was launched" (article dropped): the year dates the campaign
    return f'xsd:integer(STR({var})) {op} {int(y)}' if op != "=" else f'STR({var}) = "{y}"'


# A lower-case content word right after the year: the year modifies a noun ("2021 ratification
# campaign"), not the end of the bound ("after 2021 and ...", "after 2021 were ...")
_YEAR_AS_MODIFIER = re.compile(r"\s+(?!(?:and|or|but|nor|to|in|on|at|for|with|by|from|until|till|when|while|the|a|an|was|"
                               r"were|is|are|be|been|have|has|had|did|do|does|as|than|who|which|that|so|yet|onwards?|"
                               r"inclusive)\b)[a-z]{3,}\b")


# "which pathfinders ...", "what members ...": the head noun is the joined set itself
_MEMBERS_HEAD = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+){0,3}?(?:pathfinders?|members?)\b(?!\s+(?:states?|countr))", re.I)


def _members_asked(a: Analysis, cue: str) -> bool:
    """Are the members of the joined set asked by their own noun ("which pathfinders did not join
    in 2024")?  Then a negated joining sets its year aside within the set."""
    return cue in ("pathfinder", "member") and bool(_MEMBERS_HEAD.search(a.question))


def years_set_aside(a: Analysis, cue: str, statement: str) -> str:
    """SPARQL leaving out the relation's facts dated in a year the question sets aside ("ratified
    since 2021 but not in 2024"); ``statement`` binds the fact's statement (``?st``, or the
    ``rdf:subject ... ;`` triple pattern opening it).  A fact the report does not date stays in:
    nothing says it falls in the year set aside; any statement of the fact dated in it takes
    the fact out (the report may state one ratification twice, once undated).  With several
    relations worded, only a year nearest this relation's cue is its."""
    aside = set_aside_years(a.question, _members_asked(a, cue)) & set(a.years)
    if not aside:
        return ""
    from app.qa.multihop.chains import cue_count, year_owner

    mine = sorted(y for y in aside if cue_count(a) < 2 or year_owner(a, y) == cue)
    if not mine:
        return ""
    listed = ", ".join(f'"{y}"' for y in mine)
    return f" FILTER NOT EXISTS {{ {statement} fg:year ?asideY . FILTER(STR(?asideY) IN ({listed})) }}"


def _kind_negated(a: Analysis, kind: str) -> bool:
    """Is the result kind worded under a negation ("had *no* scheme introduced")?"""
    from app.qa import question

    for rx in (question.RESULT_TYPES.get(kind), question.RESULT_KEYWORDS.get(kind)):
        m = rx.search(a.question) if rx is not None else None
        if m:
            return question._negated_before(a.question, m.start())
    return False


def year_for(a: Analysis, cue: str, knowledge=None) -> str | None:
    """The year that qualifies one relation of the question.  With one relation worded, the year
    qualifies it; with several ("ratified since 2021 ... a result in 2024", "pathfinders with no
    result for 2024"), each year belongs to the relation worded nearest to it, and a relation
    with none gets no year filter."""
    if not a.years:
        return None
    from app.qa.multihop.chains import cue_count, fronted_year, year_in_other_clause, year_owner

    fronted = fronted_year(a, cue)
    if fronted is not None:  # "Since the campaign started in 2021, which states ratified ...": it dates the question
        return fronted
    aside = set_aside_years(a.question, _members_asked(a, cue))  # "since 2021 but not in 2024": 2024 dates nothing in
    if aside and all(y in aside for y in a.years):
        return None
    years = [y for y in a.years if y not in upper_bounds(a.question) and y not in aside] or \
        [y for y in a.years if y not in aside]  # a range is one qualifier
    if len(set(years)) == 1 and cue_count(a) < 2:
        # "pathfinders that are also in the expanded phase agreed in 2024": the year is the phase's
        return None if year_in_other_clause(a, years[0], cue, knowledge) else years[0]

    return next((y for y in years if year_owner(a, y) == cue), None)


def _nearest(a: Analysis, ids: list[str], rx: re.Pattern) -> str | None:
    """Of several linked entities, the one named nearest to the relation's word (two initiatives:
    "selected for DCI support ... also Global Accelerator pathfinders")."""
    if len(ids) < 2:
        return ids[0] if ids else None
    cues = [m.start() for m in rx.finditer(a.question)]
    spans = [(l.start, l.end, i) for l in a.links for i in l.ids if i in ids]
    if not cues or not spans:
        return ids[0]
    # Distance from the name's nearer end (a long name ends right before its "pathfinders").
    return min(spans, key=lambda se: min(min(abs(se[0] - c), abs(se[1] - c)) for c in cues))[2]


def _placed_by_gazetteer(knowledge, region: str) -> list[str]:
    """Countries the report names without placing them under a regional heading (a pathfinder with
    no country entry), placed in the region by the general ILO region table.  The report's own
    placement wins: a country it places anywhere is never moved."""
    if knowledge is None or knowledge.entity(region) is None:
        return []
    from graph.countries import ilo_region

    name = knowledge.label(region)
    placed = {f["subject"] for f in knowledge.facts_where(predicate="inRegion")}
    return sorted(i for i, e in knowledge.entities.items()
                  if e["type"] == "Country" and i not in placed and ilo_region(i.split(":", 1)[1]) == name)


def gazetteer_placements(knowledge) -> dict[str, str]:
    """Country -> region for every country the report places nowhere, by the general ILO region
    table (:func:`_placed_by_gazetteer` over every region): what groupings by region add to the
    report's placements so that they count the countries the region filters count."""
    return {c: r["id"] for r in knowledge.of_type("Region") for c in _placed_by_gazetteer(knowledge, r["id"])}


def in_region(var: str, region: str, knowledge) -> str:
    """A SPARQL pattern placing ``var`` in ``region`` the way a region filter over a relation
    does: the report's placements, and the countries it places nowhere by the general region table.
    Rankings and groupings use it so that they count the countries the filters count.  The second
    branch is a FILTER, not a one-variable VALUES block: Virtuoso 7 answers no row at all for a
    group holding ``{ ... } UNION { VALUES ?v { ... } }`` (measured: the Arab States rankings)."""
    placed = _placed_by_gazetteer(knowledge, region)
    if not placed:
        return f"{var} fg:inRegion {_iri(region)} ."
    listed = ", ".join(_iri(c) for c in placed)
    return f"{{ {var} fg:inRegion {_iri(region)} }} UNION {{ {var} a fg:Country . FILTER({var} IN ({listed})) }}"


def region_constraint(region: str, knowledge, widen: bool, within: str = "") -> Constraint:
    """Countries in a region.  A region alone asks for the report's entries there; a region
    filtering another relation ("pathfinders in Africa", "Asian countries assessed against C102")
    covers the countries the report names without an entry too (``widen``).  A sub-region or
    country group the question names ("West African", "the Andean countries") keeps its members
    only (``within``, :mod:`app.qa.names.subregions`)."""
    placed = _placed_by_gazetteer(knowledge, region) if widen else []
    listed = ", ".join(_iri(c) for c in placed)
    extra = f" UNION {{ ?answer a fg:Country . FILTER(?answer IN ({listed})) }}" if placed else ""
    negated = (f"FILTER NOT EXISTS {{ ?answer fg:inRegion {_iri(region)} }} FILTER(?answer NOT IN ({listed}))"
               if placed else "")
    pattern, description = f"{{ ?answer fg:inRegion {_iri(region)} }}{extra}", f"countries in {region}"
    if within:
        from app.qa.names.subregions import members_in

        members = ", ".join(_iri(c) for c in members_in(within, knowledge))
        pattern = f"{{ {pattern} FILTER(?answer IN ({members})) }}" if members else "FILTER(false)"
        negated = f"FILTER(?answer NOT IN ({members}))" if members else ""
        description = f"countries in {region} ({within})"
    return Constraint(pattern, description, [("?", "inRegion", region)], negated_pattern=negated, relation="region",
                      within=within, region=region)


def widen_regions(cons: list[Constraint], knowledge) -> list[Constraint]:
    """Once a later step (registry composition) adds a relation next to a bare region filter, the
    region filters that relation's answers: it is widened as if the relation had come first."""
    if not any(c.relation != "region" for c in cons):
        return cons
    from app.qa.constraints.negated_names import _negate

    def widened(c: Constraint) -> Constraint:
        if c.relation != "region" or not c.region:
            return c
        if not c.negated:
            return region_constraint(c.region, knowledge, widen=True, within=c.within) \
                if " UNION " not in c.pattern else c
        # "which countries the Global Accelerator is in talks with are not in Africa": the countries
        # the report places nowhere are kept out of the region by the same table as in the positive
        if c.within or " NOT IN " in c.pattern:
            return c
        return _negate(region_constraint(c.region, knowledge, widen=True))

    return [widened(c) for c in cons]


_AFTER_PENALTY = 15  # characters: how much farther a following relation word counts than a preceding one


_OR_BETWEEN = re.compile(r"^\s*(?:,\s*)?(?:or|and/or|or else)\s+(?:the\s+|by\s+(?:the\s+)?)?$", re.I)
# "money from China, directly or through the UN trust fund it finances": the second name is another
# way the first one's money arrives, so the countries either reaches are asked, however long the gap.
_OR_THROUGH = re.compile(r"\bor\s+(?:indirectly\s+)?(?:through|via|by\s+way\s+of)\s+(?:the\s+|its\s+|their\s+)?$", re.I)


# Kinds of body that work with the ILO in a country rather than belong to it ("tajikistan development
# banks", "Which UN agencies are active in Albania?").
_PARTNERING_ROLES = ("un_agency", "ifi", "private_company", "foundation", "social_partner")


def _role_beside_country(a: Analysis) -> bool:
    """Does a question for organisations name only their kind and a country, no relation of its own?
    The kind is the ILO's partners' (who else works on social protection there)."""
    from app.qa.relation.role_kinds import asked_role

    return not (a.fund or a.ratify or a.members or a.chair or a.pathfinder) and asked_role(a.question) in _PARTNERING_ROLES


def _home_countries(a: Analysis, knowledge) -> list[str]:
    """The one country the graph places the question's named schemes and projects in, else none."""
    if knowledge is None:
        return []
    homes = {f["object"] for i in a.linked("Scheme", "Project") for p in ("schemeInCountry", "projectInCountry")
             for f in knowledge.facts_where(subject=i, predicate=p)}
    return sorted(homes) if len(homes) == 1 else []


def _alternatives(a: Analysis, named: list[str]) -> bool:
    """Are the first two named ends joined by "or" ("funded by the EU or the Netherlands"), or both
    readings of one name ("the Social Security Institute": two countries' institutes are called so)?"""
    if any(len(set(l.ids) & set(named[:2])) == 2 for l in a.links):
        return True
    spans = sorted((l.start, l.end, frozenset(set(l.ids) & set(named[:2]))) for l in a.links if set(l.ids) & set(named[:2]))
    # any two neighbouring mentions of the two names: a name said twice ("Where did Chinese money
    # go? Which countries got funding from China, either directly or through the UNPDF?") puts
    # its first mention before the other name without an "or" between
    gaps = [a.question[x[1]:y[0]] for x, y in zip(spans, spans[1:]) if x[2] != y[2]]
    return any(_OR_BETWEEN.match(gap) or _OR_THROUGH.search(gap) for gap in gaps) \
        and not re.search(r"\bboth\b", a.question, re.I)


def _cue_of(a: Analysis, eid: str) -> str | None:
    """Which relation word, funding or partnership, is nearest to a linked name in the question."""
    from app.qa.question import FUND, PARTNER

    spans = [(l.start, l.end) for l in a.links if eid in l.ids]
    if not spans:
        return None
    best = None
    for name, rx in (("fund", FUND), ("partner", PARTNER)):
        for m in rx.finditer(a.question):
            if any(s <= m.start() < e for s, e in spans):
                continue  # a word inside the name ("Monetary Fund") is no cue
            # A relation word governs the name after it ("partners with the X", "funded by the X");
            # one after the name ("EU-funded") binds only when none comes before.
            d = min((s - m.end()) if m.end() <= s else (m.start() - e) + _AFTER_PENALTY for s, e in spans)
            if best is None or d < best[0]:
                best = (d, name)
    return best[1] if best else None


def _nearest_to(a: Analysis, cue: re.Pattern, eids: list[str]) -> str | None:
    """The linked entity nearest (either side) to a word the cue matches outside the names."""
    best = None
    for x in eids:
        for l in (l for l in a.links if x in l.ids):
            for m in cue.finditer(a.question):
                if l.start <= m.start() < l.end:
                    continue
                d = l.start - m.end() if m.end() <= l.start else m.start() - l.end
                if best is None or d < best[0]:
                    best = (d, x)
    return best[1] if best else None


def _holds(knowledge, initiatives: list[str], relation: str, question: str = "") -> str | None:
    """The first named initiative the graph holds the relation for (any, without a graph), else a
    part of one that the question describes ("USP2030 ... its working group on climate action")."""
    if knowledge is None:
        return initiatives[0] if initiatives else None
    from app.qa.relation.roles import described_part

    return next((i for i in initiatives if knowledge.facts_where(predicate=relation, obj=i)), None) \
        or (described_part(question, initiatives, relation, knowledge) if question else None)


# "supported by", "backed by", "support from": the verbs of funding when the body only ever funds.
_SUPPORTED = re.compile(r"\b(?:support(?:ed|s|ing)?|back(?:ed|s|ing)?|help(?:ed|s)?|assist(?:ed|s|ance)?)\b", re.I)


# "which RBSA donor countries", "what MUL contributing governments": a name, then the donor noun
# and a country noun: the countries that give to the named fund, not the ones it funds.
_NAMED_DONOR_COUNTRIES = re.compile(r"\b(?:which|what)\s+(?:[\w'’()-]+\s+){0,2}?(?:donor|contributing|contributor|"
                                    r"funding|financing|sponsoring)\s+(?:countr(?:y|ies)|governments?|nations?|states?)\b",
                                    re.I)


def _named_donor_countries(a: Analysis) -> bool:
    """Does a named body stand before "donor countries" ("which RBSA donor countries")?  Read with
    the names blanked, however long the body's name."""
    from app.qa.multihop.chains import _blank

    m = _NAMED_DONOR_COUNTRIES.search(_blank(a))
    return m is not None and any(m.start() < l.start < m.end() for l in a.links)


def _support_is_funding(a: Analysis, bodies: list[str], knowledge) -> bool:
    """Is a named body the funder of the asked countries though no funding word is said?
    "pathfinders supported by the multi-donor programme", "countries backed by the Joint SDG Fund":
    the body funds countries in the graph and has no pathfinders (beside "pathfinder"), or the
    question says it supports them and the graph holds it in no other relation to countries."""
    if a.fund or a.negation or knowledge is None or a.answer_type != "Country" or not bodies:
        return False
    from app.qa.multihop.chains import _blank

    def funds_countries(b: str) -> bool:
        return any(f["subject"].startswith("Country:") for f in knowledge.facts_where(predicate="fundedBy", obj=b))

    def engaged(b: str) -> bool:
        return bool(knowledge.facts_where(predicate="partneredWith", obj=b) or knowledge.facts_where(predicate="supportedBy", obj=b)
                    or knowledge.facts_where(subject=b, predicate="partneredWith"))

    if a.pathfinder:
        return any(funds_countries(b) and not _holds(knowledge, [b], "pathfinderOf") for b in bodies)
    return bool(_SUPPORTED.search(_blank(a))) and any(funds_countries(b) and not engaged(b) for b in bodies)


# "Member States", the ILO's word for countries, is no membership of the initiative named beside it
# ("among the Member States who ratified C102, which are not priority countries of the Flagship
# Programme"), unless a member word or a joining is said too ("which partner joined BMZ as a co-funder")
_MEMBER_OF = re.compile(r"\bmembers?\b(?!\s+states?\b)|\bmembership\b|\bjoin\w*", re.I)
_MEMBER_STATES = re.compile(r"\bmember\s+states?\b", re.I)


def _only_member_states(question: str) -> bool:
    return bool(_MEMBER_STATES.search(question)) and not _MEMBER_OF.search(question)


def constraints_for(a: Analysis, knowledge=None) -> list[Constraint]:
    """The graph constraints a question expresses (possibly none)."""
    out: list[Constraint] = []
    from app.qa.question import PATHFINDER
    at = a.answer_type
    countries_ = a.linked("Country")
    orgs = [o for o in a.linked("Organization", "Initiative") if o not in AUTHOR_ORGS]
    instruments = a.linked("LegalInstrument")
    initiatives = a.linked("Initiative")

    if _support_is_funding(a, orgs, knowledge):
        a.fund = True

    # Funding.
    if a.fund:
        # "sweden funders", "who funds the work in France": the named entity's own funders, not what it funds
        donor = _only_a_funder(countries_ + orgs, knowledge) \
            if at in ("Organization", "Initiative") and not asks_for_funders(a.question) else None
        if donor:
            # "Which funds does Sweden contribute to?", "which initiatives does France help fund?":
            # the named body only ever funds, so the bodies (not countries) it funds are asked.
            out.append(Constraint(f"?answer fg:fundedBy {_iri(donor)} . FILTER NOT EXISTS {{ ?answer a fg:Country }}",
                                  f"bodies funded by {donor}", [("?", "fundedBy", donor)]))
        elif at == "Organization":
            recipients = countries_ + [o for o in orgs if o.split(":", 1)[0] in ("Initiative", "Organization")]
            # "which companies fund the Bangladesh employment injury scheme": a named scheme or project
            # the graph holds funders for is what is funded, not its country's financing line
            things = [i for i in a.linked("Scheme", "Project") if knowledge is not None
                      and knowledge.facts_where(subject=i, predicate="fundedBy")]
            if things:
                recipients, countries_ = things, []
            if recipients:
                def funders_of(r: str) -> Constraint:
                    # Directly, or behind a pooled fund the financing line names with its own funders
                    # ("the MUL funded by Belgium and Luxembourg"), not a fund's general contributors.
                    # Financing lines are per country: for anything else the graph may just not know.
                    return Constraint(f"{{ {_iri(r)} fg:fundedBy ?answer }} UNION {{ {_iri(r)} fg:fundedBy ?via . "
                                      f"?via fg:fundedBy ?answer . FILTER NOT EXISTS {{ ?fl fg:recipient ?via ; "
                                      f"fg:funder ?answer ; fg:role ?anyRole }} }}", f"funders of {r}",
                                      [(r, "fundedBy", "?"), (r, "fundedBy", VIA)], strong=r.startswith("Country:"))

                several = countries_ if len(countries_) > 1 and (_LISTED.search(a.question) or _SHARED.search(a.question)
                                                                  or a.any_of or a.all_of) else recipients[:1]
                # "which funders of Tajikistan also contribute to the RBSA", "which RBSA contributors
                # also fund Jordan": a country and a fund the graph holds donors of, both funded by
                # the answer
                pooled = [o for o in recipients if o not in countries_ and knowledge is not None
                          and knowledge.facts_where(subject=o, predicate="fundedBy")]
                # "which funders of Lao PDR channel their money through the Multidonor Programme": the
                # fund named after "through"/"via" is the way the money goes, so its donors are asked
                through = [o for o in pooled if any(o in l.ids and _THROUGH_BEFORE.search(a.question[:l.start])
                                                    for l in a.links)]
                if len(several) == 1 and countries_ and not things and pooled and (_SHARED.search(a.question) or through) \
                        and not a.any_of:
                    several = countries_[:1] + (through or pooled)[:1]
                elif len(several) == 1 and not countries_ and not things and len(pooled) > 1 and _SHARED.search(a.question) \
                        and not a.any_of:
                    several = pooled[:2]  # "which RBSA contributors also fund the MUL": two funds' donors, both
                if len(several) > 1 and (_SHARED.search(a.question) or through or a.all_of) and not a.any_of:
                    out.extend(funders_of(r) for r in several)  # "funders of both Jordan and Lebanon"
                elif len(several) > 1:  # "who funds Jordan and Lebanon": the funders of either
                    parts = [funders_of(r) for r in several]
                    out.append(Constraint(" UNION ".join(f"{{ {c.pattern} }}" for c in parts),
                                          "funders of " + " or ".join(several),
                                          [t for c in parts for t in c.evidence], strong=True))
                else:
                    out.append(funders_of(recipients[0]))
            elif all(set(l.ids) <= AUTHOR_ORGS for l in a.links) and funds_work_in_general(a.question, role_words(a.question)):
                # "Who funds the ILO's work?", "which foundations fund the ILO's work?": no recipient
                # named, so every funder of the ILO's country work (the financing lines) is asked, of
                # the kind asked by the build's role class (no funder of that kind is "none")
                role = asked_role(a.question)
                kind = f" ?answer a <{ORG_ROLES[role]}> ." if role in ORG_ROLES else ""
                out.append(Constraint(f"?funded fg:fundedBy ?answer . ?funded a fg:Country .{kind}",
                                      "funders of the ILO's work in countries"
                                      + (f" (each a {ORG_ROLE_LABELS.get(role, role)})" if kind else ""),
                                      [("*", "fundedBy", "?")]))
        elif at == "Country" and (FUNDER_ASKED.search(a.question) or _named_donor_countries(a)) and (countries_ or orgs):
            # "Which countries fund the work in Jordan?", "which governments contributed to the
            # RBSA?": the asked countries are the funders (their governments), not the recipients.
            named = sorted(countries_ + orgs, key=lambda i: next((l.start for l in a.links if i in l.ids), 0))
            # "which RBSA donor countries do not also fund the MUL": the second name's donors, which
            # the negation machinery takes out (or keeps, "also fund the MUL")
            two = len(named) > 1 and not FUNDER_ASKED.search(a.question) and _named_donor_countries(a)
            # "which countries fund the work in both Viet Nam and Indonesia", "... in Viet Nam also
            # fund it in Indonesia": several named recipients share the asked funders
            # ("which countries fund both the RBSA and the MUL": two funds the graph holds donors of)
            funded = countries_ if countries_ else [o for o in orgs if knowledge is not None
                                                    and knowledge.facts_where(subject=o, predicate="fundedBy")]
            shared = not two and len(funded) > 1 and bool(_SHARED.search(a.question)) and not a.any_of
            # "which countries fund the work in Jordan and Lebanon": the funders of either
            either = not two and not shared and len(countries_) > 1 and bool(_LISTED.search(a.question))
            if shared or either:
                named = [r for r in named if r in (funded if shared else countries_)]
            gov_funders = []
            for n, r in enumerate(named[:2] if two or shared else named if either else named[:1]):
                gov_funders.append(Constraint(f"{{ {_iri(r)} fg:fundedBy ?gov{n} }} UNION {{ {_iri(r)} fg:fundedBy ?via{n} . "
                                      f"?via{n} fg:fundedBy ?gov{n} . FILTER NOT EXISTS {{ ?fl{n} fg:recipient ?via{n} ; "
                                      f"fg:funder ?gov{n} ; fg:role ?anyRole{n} }} }} ?gov{n} fg:governmentOf ?answer .",
                                      f"countries whose governments fund {r}", [(r, "fundedBy", GOV), (r, "fundedBy", VIA_GOV)],
                                      strong=bool(two or shared) or r.startswith("Country:")))
            if either:
                gov_funders = [Constraint(" UNION ".join(f"{{ {c.pattern} }}" for c in gov_funders),
                                          "countries whose governments fund " + " or ".join(named),
                                          [t for c in gov_funders for t in c.evidence], strong=True)]
            out.extend(gov_funders)
        elif at == "Country":
            named = orgs + countries_
            if a.partner:  # "partners with the World Bank ... funded by the EU": each name to its relation's word
                partnered = [x for x in named if _cue_of(a, x) == "partner"]
                if len(named) > 1 and len(partnered) == len(named):
                    # "imf partner countries eu funded": every name is nearest the partnership word,
                    # but the funding word is worded too; the name next to it is the funder
                    funder = _nearest_to(a, FUND_CUE, named)
                    partnered = [x for x in named if x != funder]
                named = [x for x in named if x not in partnered] or named
            funders = list(dict.fromkeys(f for f in (_as_funder(x, knowledge) for x in named) if f))
            # An initiative is a funder only when the graph has it fund something (a pooled fund such
            # as a multi-donor programme), not "pathfinders of the GA financed by Ireland".
            funders = [f for f in funders if not f.startswith("Initiative:") or _is_funder(f, knowledge)]
            if not funders and countries_ and not orgs and not _RECIPIENT_BEFORE.search(
                    a.question[:next((l.start for l in a.links if countries_[0] in l.ids), 0)]):
                # "Which countries does Canada fund?": a country whose government funds nothing in
                # the graph; the financing lines are complete, so the answer is none, not a sentence.
                funders = [_as_funder(countries_[0], None)]
            if not funders and not named:  # "countries co-financed by their own social security institute"
                out.extend(by_role_of_end(a.question, "fundedBy"))
            funded_by = [Constraint(f"{{ ?answer fg:fundedBy {_iri(o)} }} UNION {{ ?answer fg:fundedBy ?via . "
                                    f"?via fg:fundedBy {_iri(o)} . FILTER NOT EXISTS {{ ?fl fg:recipient ?via ; "
                                    f"fg:funder {_iri(o)} ; fg:role ?anyRole }} }} ?answer a fg:Country .",
                                    f"countries funded by {o}", [("?", "fundedBy", o), ("?", "fundedBy", "*")])
                         for o in funders[:2]]
            # Directly, or through a fund whose own funders the financing line names ("the MUL
            # funded by Belgium"), not through a fund's general contributors (a role).  "the EU or
            # the Dutch" names alternatives: the countries either funds.
            if len(funded_by) == 2 and _alternatives(a, named):
                funded_by = [Constraint(" UNION ".join(f"{{ {c.pattern} }}" for c in funded_by),
                                        " or ".join(c.description for c in funded_by),
                                        [t for c in funded_by for t in c.evidence])]
            out.extend(funded_by)

    # Ratification.
    if a.ratify and a.prospective and at in ("Convention", "Text") and len(countries_) == 1 and not instruments \
            and knowledge is not None and not knowledge.facts_where(subject=countries_[0], predicate="ratified"):
        # "which convention is Tajikistan looking to ratify": a country that has ratified nothing asks
        # what it works towards: the instruments it is assessed against or inquired about
        c = countries_[0]
        out.append(Constraint(f"{{ {_iri(c)} fg:alignmentAssessed ?answer }} UNION {{ {_iri(c)} fg:inquiredAbout ?answer }}",
                              f"instruments {c} works towards ratifying",
                              [(c, "alignmentAssessed", "?"), (c, "inquiredAbout", "?")], strong=False))
    elif a.ratify:
        # Of several instruments named ("the framework law passed in 2021 ... when had it ratified
        # Convention No. 102"), the one anything is recorded as ratifying is the one asked about.
        ratifiable = [i for i in instruments if knowledge is None or knowledge.facts_where(predicate="ratified", obj=i)]
        inst = (ratifiable or instruments or [None])[0]
        inst_pat = _iri(inst) if inst else "?inst"
        filters = ""
        ry = year_for(a, "ratify", knowledge)
        if ry and at != "Year":
            test = year_test(a, "?ry", ry)
            if ">" in test and "<" not in test:  # "since 2021": a statement dated only "since <year>" is in too
                filters += f' {{ ?st fg:year ?ry }} UNION {{ ?st fg:sinceYear ?ry }} FILTER({test})'
            else:
                filters += f' ?st fg:year ?ry . FILTER({test})'
        filters += years_set_aside(a, "ratify", f"?xs rdf:subject {'?answer' if at == 'Country' else '?ratc'} ; "
                                                f"rdf:predicate fg:ratified ; rdf:object {inst_pat if inst else '?answer'} ;")
        if a.pending:
            filters += ' ?st fg:status ?rs . FILTER(?rs != "registered")'
        else:  # a ratification approved at home but not registered with the ILO is not one yet
            filters += ' OPTIONAL { ?st fg:status ?rs } FILTER(!BOUND(?rs) || ?rs = "registered")'
        if at == "Year" and countries_:
            c = countries_[0]
            out.append(Constraint(
                f"{_iri(c)} fg:ratified {inst_pat} . ?st rdf:subject {_iri(c)} ; rdf:predicate fg:ratified ; "
                f"rdf:object {inst_pat} ; fg:year ?answer .", f"year {c} ratified {inst or 'an instrument'}",
                [(c, "ratified", inst or "*")]))
        elif at in ("Convention", "Text", "Scheme") and countries_:
            # A described set of countries ("the countries the Dutch fund"): what any of them ratified.
            chosen = countries_ if a.any_of else countries_[:1]
            values = " ".join(_iri(c) for c in chosen)
            out.append(Constraint(
                f"VALUES ?ratc {{ {values} }} ?ratc fg:ratified ?answer . ?st rdf:subject ?ratc ; "
                f"rdf:predicate fg:ratified ; rdf:object ?answer .{filters}",
                f"instruments {' or '.join(chosen)} ratified", [(c, "ratified", "?") for c in chosen]))
        elif at == "Country":
            # Negated, the registered-status test is itself a NOT EXISTS: the same set, and Virtuoso
            # cannot compile an OPTIONAL + !BOUND inside a NOT EXISTS ("bad e_external_src_idx").
            plain = "OPTIONAL { ?st fg:status ?rs } FILTER(!BOUND(?rs) || ?rs = \"registered\")"
            negated = "" if not filters.endswith(plain) else (
                f"FILTER NOT EXISTS {{ ?answer fg:ratified {inst_pat} . ?st rdf:subject ?answer ; rdf:predicate fg:ratified ; "
                f"rdf:object {inst_pat} .{filters[:-len(plain)]} FILTER NOT EXISTS {{ ?st fg:status ?rs . "
                f"FILTER(?rs != \"registered\") }} }}")
            out.append(Constraint(
                f"?answer fg:ratified {inst_pat} . ?st rdf:subject ?answer ; rdf:predicate fg:ratified ; "
                f"rdf:object {inst_pat} .{filters}", f"countries that ratified {inst or 'an instrument'}",
                [("?", "ratified", inst or "*")], negated_pattern=negated))

    # Pathfinders / membership of an initiative.
    if at in ("Country", "Organization"):
        init = initiatives[0] if initiatives else None
        if a.pathfinder:
            cands = [i for i in initiatives if not (a.fund and _is_funder(i, knowledge))] or initiatives
            # Of several named initiatives, those the graph holds pathfinders for are the relation's end.
            cands = [i for i in cands if _holds(knowledge, [i], "pathfinderOf")] or cands
            init = _nearest(a, cands, PATHFINDER)
            if init and a.fund and _is_funder(init, knowledge):
                init = None  # the only initiative named is the fund: pathfinders of any initiative
            ip = _iri(init) if init else "?init"
            py = year_for(a, "pathfinder", knowledge) if not a.roadmap else None  # "endorsed roadmaps in 2024": the roadmap's year
            year = dated_by(f"?ps rdf:subject ?answer ; rdf:predicate fg:pathfinderOf ; rdf:object {ip} ;", "?py",
                         year_test(a, "?py", py)) if py else ""
            if not a.roadmap:  # "pathfinders, but not those that joined in 2024"
                year += years_set_aside(a, "pathfinder", f"?pa rdf:subject ?answer ; rdf:predicate fg:pathfinderOf ; "
                                                         f"rdf:object {ip} ;")
            out.append(Constraint(f"?answer fg:pathfinderOf {ip} .{year}",
                                  f"pathfinders of {init or 'an initiative'}", [("?", "pathfinderOf", init or "*")]))
            if a.roadmap:  # "which pathfinders are still endorsing their roadmaps": both hold
                out.append(_roadmap(init, a.roadmap, a))
        elif init and a.roadmap:
            out.append(_roadmap(init, a.roadmap, a))
        elif init and a.chair and _holds(knowledge, initiatives, "coChairOf", a.question):
            # Co-chairs of the named initiative the graph holds co-chairs for (another relation
            # worded alike, "led by" a chair, is composed from the registry).
            init = _holds(knowledge, initiatives, "coChairOf", a.question)
            out.append(Constraint(f"?answer fg:coChairOf {_iri(init)} .", f"co-chairs of {init}",
                                  [("?", "coChairOf", init)]))
        elif init and a.members and not _only_member_states(a.question):
            my = year_for(a, "member", knowledge)  # "new members in 2024": the membership dated that year
            year = (" VALUES ?mp { fg:memberOf fg:pathfinderOf fg:coChairOf fg:priorityCountryOf }" +
                    dated_by(f"?ms rdf:subject ?answer ; rdf:predicate ?mp ; rdf:object {_iri(init)} ;", "?my",
                          year_test(a, "?my", my)) if my else "")
            year += years_set_aside(a, "member", f"?ma rdf:subject ?answer ; rdf:predicate fg:memberOf ; "
                                                 f"rdf:object {_iri(init)} ;")
            # A programme's priority (selected) countries take part in it as much as a network's members.
            out.append(Constraint(f"?answer fg:memberOf|fg:pathfinderOf|fg:coChairOf|fg:priorityCountryOf {_iri(init)} .{year}",
                                  f"members of {init}", [("?", "memberOf", init), ("?", "pathfinderOf", init),
                                                         ("?", "coChairOf", init), ("?", "priorityCountryOf", init)]))

    # Partnerships: who the linked organisation works with (weak: the graph only holds engagements
    # stated with a partnership cue, so an empty result falls back to the text).
    used = {e for c in out for t in c.evidence for e in (t[0], t[2])}
    partners = [x for x in orgs if x not in AUTHOR_ORGS and x not in used]  # the GA of "GA pathfinders" is no partner
    if a.partner and at == "Country" and (not a.fund or any(_cue_of(a, x) == "partner" for x in partners)):
        if a.fund:
            partners = [x for x in partners if _cue_of(a, x) == "partner"]
        if len(partners) >= 2 and _JOINTLY.search(a.question):
            # "together with both the IMF and the World Bank": one piece of work with the two, the
            # same sentence stating both partnerships, not two partnerships anywhere in the country
            x, y = partners[:2]
            out.append(Constraint(
                f"?sx rdf:subject ?answer ; rdf:predicate fg:partneredWith ; rdf:object {_iri(x)} ; fg:evidenceText ?said . "
                f"?sy rdf:subject ?answer ; rdf:predicate fg:partneredWith ; rdf:object {_iri(y)} ; fg:evidenceText ?said . "
                f"?answer a fg:Country .", f"countries partnering with {x} and {y} in one piece of work",
                [("?", "partneredWith", x), ("?", "partneredWith", y)], strong=False))
            partners = []
        for o in partners[:2]:  # "with both the IMF and the World Bank"
            out.append(Constraint(f"{{ ?answer fg:partneredWith|fg:supportedBy {_iri(o)} }} UNION "
                                  f"{{ {_iri(o)} fg:partneredWith ?answer }} ?answer a fg:Country .",
                                  f"countries partnering with {o}",
                                  [("?", "partneredWith", o), ("?", "supportedBy", o), (o, "partneredWith", "?")],
                                  strong=False))

    if a.partner and not a.fund and at == "Country" and not partners and not countries_:
        out.extend(by_role_of_end(a.question, "partneredWith"))  # "countries where the ILO worked with UN agencies"
    if a.partner and not a.fund and at == "Country" and not partners and len(countries_) == 1 and asks_governments(a.question):
        out.append(government_partners(countries_[0]))  # "which governments did the ILO partner with in Lebanon"

    # The other end: who the ILO works with in a named country ("which organisations does the ILO
    # partner with in Zambia").  Of several named countries, the ones the graph holds partnerships
    # for ("which Italian company partners with the ILO in Ivory Coast": the company's country is
    # not where the partnership is).  Weak, like the forward direction.
    if (a.partner or _role_beside_country(a)) and not a.fund and at == "Organization" and not countries_:
        # "who did the ILO work with on the Haba Haba scheme": the partners in the named scheme's or
        # project's country (the scheme, bound by no constraint, then narrows them by its sentence)
        countries_ = _home_countries(a, knowledge)
    # "lebanon partners not funders", "who does the ILO work with in Jordan that does not fund it":
    # a negated funding is the list taken away, so the partners are still the list asked.
    if (a.partner or _role_beside_country(a)) and (not a.fund or _funding_taken_away(a)) and at == "Organization" \
            and countries_:
        partnered = [c for c in countries_ if knowledge is None or knowledge.facts_where(subject=c, predicate="partneredWith")
                     or knowledge.facts_where(subject=c, predicate="supportedBy")
                     or knowledge.facts_where(predicate="partneredWith", obj=c)]
        chosen = countries_ if a.any_of else (partnered or countries_)[:1]  # a described set: any of them
        # "in both Egypt and Ethiopia, ... which agency": the partners the named countries share
        groups = [[c] for c in partnered] if len(partnered) > 1 and _SHARED.search(a.question) and not a.any_of \
            else [chosen]
        for group in groups:
            out.append(Constraint(" UNION ".join(f"{{ {_iri(c)} fg:partneredWith|fg:supportedBy ?answer }} UNION "
                                                 f"{{ ?answer fg:partneredWith {_iri(c)} }}" for c in group)
                                  + " ?answer a fg:Organization .",
                                  "organisations partnering in " + " or ".join(group),
                                  [t for c in group for t in ((c, "partneredWith", "?"), (c, "supportedBy", "?"),
                                                              ("?", "partneredWith", c))],
                                  strong=False))

    # Institutional results, region, priority.
    if at == "Country":
        rty = year_for(a, "result", knowledge)
        year_filter = f' ?r{{n}} fg:year ?ry{{n}} . FILTER({year_test(a, "?ry{n}", rty)})' if rty else ""
        negated_kinds = [rt for rt in a.result_types if _kind_negated(a, rt)] if a.negation else []
        # "countries with a result 1 that are not pathfinders": the negation is another relation's,
        # the results are worded positively
        from app.qa.constraints.negated_names import negated_ids

        from app.qa.constraints.result_negation import governs_results

        # a "not" about something else ("extended coverage to people who were not covered before")
        # leaves the results positive
        results_negated = a.negation and bool(negated_kinds or not (a.negated or negated_ids(a.question, a.links))) \
            and (bool(negated_kinds) or governs_results(a.question))
        if a.result_types and a.negation and negated_kinds and len(negated_kinds) < len(a.result_types):
            # "adopted a policy but had no scheme reform": the kinds worded positively must hold,
            # the negated ones must not
            for n, rt in enumerate(t for t in a.result_types if t not in negated_kinds):
                out.append(Constraint(
                    f"?answer fg:achievedResult ?r{n} . ?r{n} fg:resultType <{RESULT_TYPES[rt]}> .{year_filter.format(n=n)}",
                    f"countries with a {rt} result", [("?", "achievedResult", f"result:{rt}")]))
            types = " ".join(f"<{RESULT_TYPES[rt]}>" for rt in negated_kinds)
            dated = year_filter.format(n="x")
            out.append(Constraint(f"FILTER NOT EXISTS {{ ?answer fg:achievedResult ?rx . ?rx fg:resultType ?rt . "
                                  f"VALUES ?rt {{ {types} }}{dated} }}",
                                  "without a " + " or ".join(negated_kinds) + " result", []))
        elif a.result_types and not results_negated and results_either(a.question, a.result_types):
            # "at least one institutional result (policy, scheme or operations)": any of the kinds
            types = " ".join(f"<{RESULT_TYPES[rt]}>" for rt in a.result_types)
            out.append(Constraint(
                f"?answer fg:achievedResult ?r0 . ?r0 fg:resultType ?rt0 . VALUES ?rt0 {{ {types} }}{year_filter.format(n=0)}",
                "countries with a " + " or ".join(a.result_types) + " result",
                [("?", "achievedResult", f"result:{rt}") for rt in a.result_types], counts_through="?r0"))
        elif a.result_types and not results_negated:
            for n, rt in enumerate(a.result_types):
                concept = f"<{RESULT_TYPES[rt]}>"
                out.append(Constraint(
                    f"?answer fg:achievedResult ?r{n} . ?r{n} fg:resultType {concept} .{year_filter.format(n=n)}",
                    f"countries with a {rt} result", [("?", "achievedResult", f"result:{rt}")], counts_through=f"?r{n}"))
        elif a.any_result and not results_negated and (ACHIEVED_ANY.search(a.question) or keyword_results(a.question, a.answer_type)
                                                        or counts_results(a.question)):
            # "countries that achieved at least one institutional result / institutional changes"
            out.append(Constraint(f"?answer fg:achievedResult ?r0 .{year_filter.format(n=0)}",
                                  "countries with an institutional result", [("?", "achievedResult", "*")],
                                  counts_through="?r0"))
        elif results_negated and (a.result_types or a.any_result):
            types = " ".join(f"<{RESULT_TYPES[rt]}>" for rt in a.result_types)
            type_pat = f" ?rx fg:resultType ?rt . VALUES ?rt {{ {types} }}" if types else ""
            out.append(Constraint(
                f"?answer fg:isPriorityCountry true . FILTER NOT EXISTS {{ ?answer fg:achievedResult ?rx .{type_pat} }}",
                "priority countries without such a result", [("?", "priorityCountryOf", "*")]))
            from app.qa.constraints.result_negation import results_also_held

            if a.result_types and results_also_held(a.question):  # "... with a 2024 result did not improve operations"
                out.append(Constraint(f"?answer fg:achievedResult ?rh .{year_filter.format(n='h')}",
                                      "countries with an institutional result", [("?", "achievedResult", "*")]))
        relations_before_region = bool(out)
        from app.qa.names.subregions import named_subregion

        within = named_subregion(a.question) or "" if a.regions else ""  # "West African", "Andean"
        regional = [region_constraint(r, knowledge, widen=relations_before_region, within=within) for r in a.regions]
        if len(regional) > 1:
            # A country lies in one region: "in the Arab States and Africa" means either of them, and
            # "outside the Arab States and Asia" neither.
            regional = [Constraint(" UNION ".join(f"{{ {c.pattern} }}" for c in regional),
                                   "countries in " + " or ".join(c.description[len("countries in "):] for c in regional),
                                   [t for c in regional for t in c.evidence],
                                   negated_pattern=" ".join(c.negated_pattern or f"FILTER NOT EXISTS {{ {c.pattern} }}"
                                                            for c in regional),
                                   relation="region")]
        out.extend(regional)
        # "selected by [initiative]": a named initiative holding priority (selected) countries is the
        # list meant; the composed step asks it by name, and the report's own priority list is not
        # meant as well
        own_list = knowledge is not None and any(knowledge.facts_where(predicate="priorityCountryOf", obj=i)
                                                 for i in a.linked("Initiative"))
        if a.priority and not own_list and not any("isPriorityCountry" in c.pattern for c in out):
            out.append(Constraint("?answer fg:isPriorityCountry true .", "priority countries",
                                  [("?", "priorityCountryOf", "*")]))
    for c in out:
        c.relation = next((rel for key, rel in (('"roadmap-', "roadmap"), ("achievedResult", "result"), ("fundedBy", "fund"),
                                                ("ratified", "ratify"), ("pathfinderOf", "pathfinder"),
                                                ("inRegion", "region"), ("isPriorityCountry", "priority"),
                                                ("coChairOf", "member"), ("memberOf", "member"))
                           if key in c.pattern), "")
    return _apply_negation(a, out)


def _funding_taken_away(a: Analysis) -> bool:
    """Is funding only what the question takes away from the partners it asks for ("partners in
    Lebanon that do not fund the work there")?  Then the partners are the list, the funders the
    set removed by :func:`_apply_negation`."""
    return a.partner and "fund" in a.negated


def _apply_negation(a: Analysis, out: list[Constraint]) -> list[Constraint]:
    """Turn the constraints of negated relations into FILTER NOT EXISTS; keep a positive base."""
    for c in out:
        if c.relation and c.relation in a.negated:
            c.negated = True
            c.pattern = c.negated_pattern or f"FILTER NOT EXISTS {{ {c.pattern} }}"
            c.description = "not: " + c.description
            c.evidence = []
    if out and all(c.negated for c in out):
        # everything but the excluded, of the asked kind (never statements or observations)
        want = ENTITY_FOR_TYPE.get(a.answer_type)
        out.insert(0, Constraint(f"?answer a fg:{want} ." if want else "?answer a ?anyType .",
                                 "any", [], strong=False))
    return out


def to_sparql(constraints: list[Constraint]) -> str:
    from app.qa.relation.sub_relations import with_included

    # every path's constraints, with a relation's declared inclusions ("the facility's agencies"
    # count the agency that leads it: graph.relations ``includes``)
    body = "\n  ".join(c.pattern for c in with_included(constraints))
    return f"{PREFIXES}SELECT DISTINCT ?answer WHERE {{\n  {body}\n}}"


def _roadmap_year(a: Analysis) -> str | None:
    """The year an endorsement is asked for: the one year of the question, written after the
    roadmap or endorsing word in the same clause ("endorsed their roadmap in 2019", "roadmaps
    endorsed 2024"); a year before it ("pathfinders that joined in 2023 and endorsed ...") dates
    something else."""
    from app.qa.question import ENDORSED, ROADMAP, YEAR

    if a.roadmap != "endorsed" or len(set(a.years)) != 1:
        return None
    year = a.years[0]
    cues = [m.end() for rx in (ENDORSED, ROADMAP) for m in rx.finditer(a.question)]
    for ym in YEAR.finditer(a.question):
        if ym.group(0) == year and any(c <= ym.start() and not re.search(r"[,;?]", a.question[c:ym.start()])
                                       for c in cues):
            return year
    return None


def _roadmap(init: str | None, status: str, a: Analysis | None = None) -> Constraint:
    """Members of ``init`` (of any initiative when None) whose national roadmap has ``status``
    (endorsed / in-progress); dated by the endorsement's year when the question gives one (the
    statement's own year where the report gives the roadmap none), so a year the report does not
    date any endorsement in has no answer."""
    year = _roadmap_year(a) if a is not None else None
    dated = (" OPTIONAL { ?rm fg:roadmapYear ?rmry } OPTIONAL { ?rm fg:year ?rmfy } BIND(COALESCE(?rmry, ?rmfy) AS ?rmy)"
             f" FILTER(BOUND(?rmy) && {year_test(a, '?rmy', year)})") if year else ""
    said = (f'fg:status "roadmap-{status}" .' if status != "any" else  # either status ("neither ... nor", negated)
            'fg:status ?rmst . FILTER(?rmst IN ("roadmap-endorsed", "roadmap-in-progress"))')
    return Constraint(
        f"?rm rdf:subject ?answer ; rdf:predicate fg:memberOf ; rdf:object {_iri(init) if init else '?rminit'} ; "
        f'{said}{dated}', f"members of {init or 'an initiative'} with a roadmap {status if status != 'any' else 'endorsed or in progress'}"
        + (f" ({year})" if year else ""), [("?", "memberOf", init or "*")])
