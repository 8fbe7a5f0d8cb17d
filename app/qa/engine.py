"""The question engine: graph traversal and vector search, combined, with evidence.

``QuestionEngine.from_config(config).ask("who funds the work in Jordan?")`` returns the JSON shape
shared by ``floorgraph ask --json`` and ``/api/ask``::

    {"question", "answer_type", "answers": [{"label", "iri", "type", "iso3", "value", "score",
      "evidence": [{"passage_id", "section", "text", "highlights": [[start, end], ...]}]}],
     "sparql", "strategy", "timings_ms", "message"?}

Strategy: the question is analysed (answer type, linked entities, relation hints); relations the
graph models become one SPARQL query; whatever the question says beyond them (its topic) is
matched against sentence-level evidence units, and the answers of the asked type are read from the
best unit.  When both apply, the answer is their intersection.  When the graph models the relation
and finds nothing, the answer is empty: the report does not say it.
"""
from __future__ import annotations

import copy
import dataclasses
import math
import re
from functools import cached_property
import threading
import time

import numpy as np
from dataclasses import replace

from app.qa.figures.line_counts import direct_funders
from app.qa.relation.funder_side import funds_work_in_general
from app.qa.graphstep import AUTHOR_ORGS, GOV, PREFIXES, VIA, VIA_GOV, Constraint, _as_funder, _iri, constraints_for, \
    region_constraint, to_sparql
from app.qa.question import ACRONYM_ROW, Link, asks_written_text, explicit_head, is_network
from app.qa.question import answer_type as stated_answer_type
from app.qa.question import (ANY_RESULT, ENDORSED, ENTITY_FOR_TYPE, FUND, IN_PROGRESS, NEGATION, PATHFINDER, PRIORITY,
                             QUESTION_WORDS, RATIFY, RESULT_TYPES, ROADMAP, STATUS_PENDING, YEAR, Analysis, Lexicon,
                             analyse)
from app.qa.multihop import activity_funders, event_year, two_halves
from app.qa.figures import aggregate
from app.qa.constraints import choices
from app.qa.figures import counted_list
from app.qa.multihop import country_chain, country_roles
from app.qa.things import definition
from app.qa.topics import entry_scope
from app.qa.topics import either_word
from app.qa.constraints import month_dated, region_topic
from app.qa.topics import clause_sets
from graph import countries
from app.qa.topics import scope_topic
from app.qa.constraints import topic_polar
from app.qa.figures import figure_rank
from app.qa.relation import kind_heads
from app.qa.figures import listed_subset, ordinal
from app.qa.multihop import origin_of_members
from app.qa.figures import ranking, region_answers, region_count, region_rank, result_counts
from app.qa.constraints import result_sets, set_conditions
from app.qa.constraints import language_polar
from app.qa.constraints import (bar_polar, compared_polar, every_polar, figure_polar, no_country_funded,
                                statement_polar, superlative_polar, year_polar)
from app.qa.topics import counted_spans
from app.qa.constraints.absent import absent_names, glossary_only, unwritten_bodies
from app.qa.constraints.absent_topic import absent_topic
from app.qa.constraints.branch_words import keep_branch
from app.qa.constraints.subject_evidence import keep_about_named
from app.qa.constraints.unknown_entities import uncited_instruments, unknown_entities
from app.qa.constraints import superseded, topic_complement, worded_result
from app.qa.constraints.funding_years import financing_years, undated_years
from app.qa.names.region_in_name import inside_name
from app.qa.form.asides import keeps_subject
from app.qa.form.bare_nouns import with_articles
from app.qa.form.background_clause import also_without_background
from app.qa.form.conversation import without_shell
from app.qa.form import asked_core
from app.qa.form.foreign_words import in_english
from app.qa.form import count_words, counted_entries, money_words, or_not_tag, said_as_having, designation, dropped_auxiliary, dropped_prepositions, outside_sets
from app.qa.form import distinguishing_aside
from app.qa.form.shouted import unshout
from app.qa.form.lost_commas import list_commas, partitive_comma
from app.qa.form.coreference import core_of
from app.qa.form.named_relative import place_description_spans, without_describing_clause
from app.qa.multihop.entry_country import entry_country, named_as_donor, named_as_government
from app.qa.form.keyword_order import question_word_first
from app.qa.form.question_sentence import asker_sentences_apart, last_asking
from app.qa.relation.implied_subject import with_implied_subject
from app.qa.relation.undone import undone
from app.qa.multihop.chains import _root as root, compose, described_set, implied, joint_with_author, prefer_clause, says_topic, \
    topic_coverage
from app.qa.form.wording import frame_terms
from app.qa.figures.counts import stated_count
from app.qa.relation.context_names import author_is_context, context_names, offered_names, partner_names
from app.qa.constraints.channel_funders import behind_set_aside
from app.qa.constraints.exclusion import aside_phrases, drop_named, keeps, named_before_other, not_a_state, set_aside, \
    states_set_aside, type_set_aside
from app.qa.things.fact_years import fact_year
from app.qa.things.keyword_publication import names_publication
from app.qa.things.subtitles import add_subtitles, linked_publications
from app.qa.things.pending_status import pending_adoption
from app.qa.figures.dated_figures import prefer_asked_year, topic_weight
from app.qa.figures.tables import addresses_cell, lists_things
from app.qa.things.entry_instruments import asks_entry_instruments, entry_instruments
from app.qa.things.instrument_kind import keep_asked_kind, keep_named
from app.qa.names.instrument_identity import asked_instrument, full_title, instrument_by_subject, titled
from app.qa.things.instrument_listing import listed_instruments
from app.qa.things.scheme_kinds import keep_schemes
from app.qa.things.scheme_kind_list import asked_kind
from app.qa.topics.author_agent import drop_author_agent
from app.qa.form.qword_acronyms import held_names, reorder_keeping_names
from app.qa.things.written_names import add_full_names
from app.qa.graphstep import widen_regions
from app.qa.names.common_names import common_named
from app.qa.multihop.possessor_country import possessed
from app.qa.multihop import embedded_country
from app.qa.multihop.described_scheme import described, label_asked
from app.qa.multihop.scheme_body import body_of_described
from app.qa.relation.succession import other_party
from app.qa.constraints.org_country import CHANNEL_ASKED, bodies_placed, national_answers, placed_in_named_country
from app.qa.constraints.qualified_members import joining_words, qualified_members
from app.qa.constraints.measure_acts import measure_acts
from app.qa.constraints.role_complement import binds, role_complement
from app.qa.constraints.other_funder import other_funder
from app.qa.constraints.keyword_negation import as_negated_relation
from app.qa.figures import cell_choice, column_pairs, counted_keywords, thresholds, top_n
from app.qa.figures import event_month, picked_count
from app.qa.form import paired_superlatives, two_asks
from app.qa.multihop import described_country, described_referent, description_sentence, event_country, set_by_description, told_country
from app.qa.relation import role_kinds, sub_relations
from app.qa.form.describer_aside import describers_set_aside
from app.qa.relation.participation import own_programme, participants, priority_countries, role_list_words
from app.qa.multihop.shared_initiatives import shared_initiatives
from app.qa.relation.grounding import adopt, ground
from app.qa.names.author_names import AuthorNames
from app.qa.relation.grounded_direction import adopt_held_relation, reversed_direction
from app.qa.intent import IntentIndex
from app.qa.figures.numbers import (asked_unit, beside_counted, counts_entities, prefer_per_period, respective_extreme,
                                    respective_item)
from app.qa.figures.counted_beside import prefer_counted
from app.qa.relation.roles import ROLE_NAMES
from app.qa.relation.open_slot import adopt_worded_over_region, both_ends_year, typed_relation
from app.qa.understand import _keyword_support as keyword_support
from app.qa.multihop.owned import asks_expansion, expanded_acronyms, owned_schemes
from app.qa.constraints.placed import in_named_countries, placing_relations
from app.qa.figures.counted_relation import counted_by_relation_noun
from app.qa.understand import RELATION_FLAGS
from app.qa.constraints.exclusion import only_exclusions, without_negated_clause
from app.qa.relation.implied_end import implied_end
from app.qa.constraints.negated_names import empty_is_none, none_message, report_universe, scope_negations
from app.qa.constraints.unregistered import unregistered
from app.qa.relation.descriptive_links import topic_links
from app.qa.names.owned_elsewhere import drop_owned_elsewhere
from app.qa.relation.said_partners import said_partners
from app.qa.relation import scoped_partners
from app.qa.form import given_roles
from app.qa.names import initiative_profiles, spelled_acronyms
from app.qa.form.embedded_polar import claim_checked, direct_question, time_last
from app.qa.form import amount_phrase, keyword_polar
from app.qa.relation.funded_names import drop_describing_funders
from app.qa.constraints.polar import open_subject, summary as polar_summary, tagged_subject, verdict
from app.qa.things.definition import defined_entity
from app.qa.things.scheme_instruments import asks_scheme_instruments, cited_with
from app.qa.things.label_words import asked_words, by_name_words
from app.qa.things import acronym_expansion, country_bodies
from app.qa.names.payer_places import keep_payers
from app.qa.names.subregions import keep_asked_places, named_places
from app.qa.relation.relation_choice import beyond_region, more_specific, prospective, region_filters_thing
from app.qa.relation.region_agent import region_agent_relation
from app.qa.topics.spans import SpanFinder, asked_span, graph_fits, headed_ask, number_value
from app.qa.summary import summarise
from app.qa.topics.sweep import MIN_TOPIC_IDF, TopicSweep
from app.qa.topics import topic_coverage as topic_cover
from app.qa.topics.name_words import stated_terms
from app.qa.figures import figure_choice, figure_place, option_choice, tables_place
from app.qa.figures.region_figures import region_countries
from app.qa.things import scheme_place
from app.qa.topics import section_items, theme_sections
from app.qa.constraints import valid_years
from app.qa.constraints import named_subject
from app.qa.topics import topic_rerank
from app.qa.topics.everyday_terms import EverydayTerms
from app.qa.figures.tables import TABLE_NAMED, TableLookup, heading as column_heading
from app.qa.textstep import Found, TextResult, TextStep, counts_people, prefer_dated_event, whole_over_lead_clause
from app.qa.constraints.anchored_years import anchored_years, replace_question
from app.qa.things.publication_number import publication_number
from app.qa.figures.publication_count import counted_publications
from app.qa.things.titles import PublicationFinder
from app.qa.understand import HANDWRITTEN, Understanding, _keyword_head, apply_intent, delexicalised, generic_constraint, speller_for
from app.qa.figures import measure_words
from app.qa.units import UnitIndex, terms
from graph.relations import REGISTRY
from graph.rdf import entity_uri

COUNTED_NUMBER_SCORE = 0.35  # a figure written before the very noun counted needs less similarity
TYPED_NUMBER_SCORE = 0.3  # "twice" for "how many times", "70 years of age" for "what age": less still
MIN_TEXT_SCORE = 0.55  # below this the best sentence is not an answer (calibrated on the dev set)
NARROW_FACTOR = 1.3  # how much stronger than an answer a sentence must be to narrow a graph answer
AMBIGUOUS_LINK = 3  # a mention linked to more entities than this is a generic phrase, not a name
RESIDUAL_MIN_TERMS = 2
DESCRIBED_MIN_TERMS = 3  # topic words beyond bare filters that describe an event the graph cannot express
FULL_TOPIC_TERMS = 3  # topic words a sentence must write all of to narrow a graph answer at the answer bar
NARROW_COVERAGE = 0.5  # share of the topic words a sentence must contain to narrow a graph answer  # topic terms left beyond the graph's relations that call for the text step
OUTPUT_TYPES = {"Convention": "Convention", "LegalInstrument": "Convention"}
# The entity types an asked type names by its own kind's words ("framework law", "health insurance scheme")
_NAMED_KINDS = {"Law": ("LegalInstrument",), "Convention": ("LegalInstrument",), "Scheme": ("Scheme",)}
_LAW_NOUNS = frozenset({"law", "act", "code", "decree", "bill", "convention", "constitution", "regulation"})
_KIND_NOUNS = {"Law": _LAW_NOUNS, "Convention": _LAW_NOUNS,
               "Scheme": frozenset({"scheme", "programme", "program", "fund", "insurance", "allowance", "benefit",
                                    "pension", "grant", "transfer"})}
_WH_NOUN = re.compile(r"\b(?:which|what)\s+(?!(?:is|are|was|were|does|do|did|has|have|the|of)\b)([A-Za-z]+)", re.I)
# Domain words too common to say what a question is about beyond its relations.
_WHICH_ONE_OF = re.compile(r"\bwhich\s+(?:one|of\s+(?:them|these|those|the\s+(?:two|three|four)))\b", re.I)
_GENERIC = set(terms("""countries country government governments national social protection ilo work support
programme flagship report year years new which have had achieved received institutional results result table
adopted priority in 2024 member members region regions advise advised advising advice"""))


# "since the ILO launched its campaign in 2021": the event only dates the year filter the graph
# applies; its words are not a topic for the text step to narrow the answer by.
YEAR_CLAUSE = re.compile(r"\b(since|after|before|until|prior to)\b[^,;?]{0,120}?\b(19[5-9]\d|20\d\d)\b", re.I)
_QUESTION_STEMS = set(terms(" ".join(QUESTION_WORDS)))
_FRAME = frame_terms()  # words of the asking ("I'd like to know", "but", "yet"): never a topic
# Words for relations (from the registry) and for the report's own structure: never a topic.
_STRUCTURE_WORDS = set(terms(
    "report reported listed list named names line lines entry entries according appears appear mention mentioned "
    "financing support sources source money provide provided providing behind set out looking look recorded record "
    "records recording having shown show shows noted note recorded registered could would please regarding "
    "concerning formal formally officially paid pay pays paying only solely exclusively entirely alone other "
    "outside external"))
_RELATION_WORDS = set(terms(" ".join(w for r in REGISTRY for w in (*r.keywords, r.label, r.inverse_label)))) | _STRUCTURE_WORDS
def _possessive_head(question: str) -> bool:
    """Does the question ask "which <type noun>'s <thing>" ("which country's fund ..."): the possessor,
    named by its type noun, is what is asked, as a plain head noun would say."""
    from app.qa.form.wording import asked_head

    return bool(re.search(r"\b(?:which|what)\s+[\w-]+['’]s\b", question, re.I)) and asked_head(question) is not None


# Kinds of named thing a narrowing sentence must be about when the question names one (a theme or a
# region is said in many words, no passage "mentions" it as an entity)
_NAMED_THINGS = frozenset({"Initiative", "Organization", "Scheme", "LegalInstrument", "Project"})
_TOPIC_STOP = _GENERIC | _RELATION_WORDS | _QUESTION_STEMS | _FRAME  # words that never name a topic
# "the country whose Older Persons' Act ...", "the country where trade union leaders were trained ..."
# ("the pathfinder countries that Japan supports": a modifier or two before the noun belongs to the description)
# (a country is also named as "the place" or "the territory" where something happened)
_DESCRIBED = re.compile(r"\bthe ((?:(?!(?:country|countries|nation|member|two|three|four|five|six|both|several|many|few|other|same|only|\d+|"
                       r"of|the|a|an|in|on|at|to|for|by|with|from|and|or|its|their)\b)[\w-]+\s+){0,3}?(?:country|countries|nation|member state|place|territory))\s+(where|whose|in which|that|which|"
                       # "the country with the Estidama++ pilot programme": a thing it has, never a
                       # ranking ("the country with the most donors") nor "with which"
                       r"with(?=\s+(?:the|a|an|its)\s+(?!(?:most|least|more|fewer|less|fewest|same|\w+est)\b))|"
                       r"(?:hit|struck|affected|hurt|devastated|ravaged|[a-z]+ed)\s+by|"
                       # a relative clause with no connective: "the country Kuwait funds", "the
                       # countries the EU finances" (a name, then a verb of its own)
                       r"(?=(?:the\s+)?(?-i:[A-Z])[\w'’&.-]*(?:\s+(?-i:[A-Z&])[\w'’&.-]*){0,5}\s+(?!(?:is|was|has|does)\b)(?-i:[a-z]+s)\b))\b(.{12,})$", re.I)
_SET_NOUN_END = re.compile(r"\b(?:countries|nations|places|territories|member\s+states)$", re.I)
_ASKS_BEFORE = re.compile(r"\b(?:who|whom|which|what|where|when|how)\b|,", re.I)
# Singular nouns too: a keyword query counts with them ("kenya donor count", "ga pathfinder count");
# "regions" counts the regions the related countries lie in (app.qa.figures.region_count).
_WHERE_OPENS = re.compile(r"\s*where\s+(?:is|are|was|were|do|does|did)\b", re.I)  # a place asked
_COUNTED = re.compile(r"\b(?:how many|number of|count of|tally of)\s+(?:(?!(?:did|does|do|is|are|was|were|has|have|had)\b)[\w'’-]+\s+){0,7}?(countr(?:ies|ys|y)|pathfinders?|governments?|territories|"
                      r"member states?|states|nations?|regions|"
                      r"organi[sz]ations?|funders?|donors?|partners?|financiers?|backers?|"
                      r"(?:funding|financing|financial)\s+(?:sources?|partners?)|sources?(?=\s+of\s+(?:funding|financing|money)))\b"
                      # the last noun of a compound is counted ("unhcr partner countries": countries)
                      r"(?!\s+(?:countr\w*|pathfinders?|governments?|organi[sz]ations?|funders?|donors?|partners?|"
                      r"member states?|nations?|regions)\b)"
                      # a singular noun before a plural one modifies it ("how many country profiles")
                      r"(?:(?<=[sS])|(?!\s+(?!is\b|has\b|was\b|does\b|as\b|this\b|its\b)[a-z]{3,}s\b))", re.I)
# Any question word or request but "where" and "when" (a keyword query's own words): a text with none is a keyword query.
_ANY_QUESTION_WORD = re.compile(r"\b(?:which|what|who|whom|whose|why|how|list|name|is|are|does|did|do|was|were|"
                                r"has|have|can|could)\b", re.I)
# A wh-word: a sentence holding one before a colon may be the question.
_WH_WORD = re.compile(r"\b(?:which|what|who|whom|whose|where|when|why|how)\b", re.I)
# A sentence about the asker closed by a colon, before the question ("I could not figure out: ...").
_ASKER_BEFORE_COLON = re.compile(r"^(?P<pre>[^:?]*\b(?:i|i'm|i’m|i've|i’ve|i'd|i’d|me|my|we|we're|our|us)\b[^:?]*):\s+"
                                 r"(?P<rest>\S+\s+\S.*)$", re.I)
_WHAT_WROTE = re.compile(r"^\s*what\s+(?:did|has|have|had|was|were)\b.*\b(?:co-?)?(?:publish\w*|author\w*|wr[io]te|written|releas\w*|launch\w*|produc\w*|"
                         r"put\s+out|issued)\b",
                         re.I)
# The question asks for a government or a partner ("which government partnered ..."), not a place.
_ASKS_AGENT = re.compile(r"\b(governments?|partner\w*|donors?|funders?|financ\w*|fund(?:s|ed|ing)?|pa(?:y|id|ys))\b", re.I)
# "allowances paid out", "benefits paid to older persons", "paid disability allowances": money paid
# to people, no payer asked
_BENEFIT_PAID = re.compile(r"\b(?:allowances?|benefits?|pensions?|grants?|transfers?|wages?|salar\w+)\s+(?:(?:were|was|are|is|being|been|to be)\s+)*"
                           r"pa(?:y|id|ys|ying)(?:\s+out)?\b|\bpa(?:y|id|ys|ying)\s+out\b|"
                           r"\bpa(?:y|id|ys|ying)\s+(?:[\w-]+\s+){0,2}?(?:allowances?|benefits?|pensions?|grants?|transfers?)\b", re.I)
# A keyword query opening on the measure it asks ("year jordan ratify ...", "number of ...").
_OPENS_ON_MEASURE = re.compile(r"^\W*(?:year|date|month|when|number|amount|share|percentage|total)\b", re.I)
_AIMED = re.compile(r"\b(aims?|aiming|aimed|targets?|targeted|goals?|plans?|planned|intends?|expected|projected|"
                    r"ambitions?)\b", re.I)


def _outside_names(a: Analysis) -> str:
    """The question with its linked names blanked: a word inside a name ("... Sustainable
    Development Goals") is not the question's own ("aim", "goal")."""
    text = a.question
    for link in a.links:
        text = text[:link.start] + " " * (link.end - link.start) + text[link.end:]
    return text


# "Among the Asia and the Pacific countries in Table 4, how many had ...": the counted noun comes first.
# "at the country pages, ... how many of them": a country's page or write-up counts as the country.
_COUNTED_BEFORE = re.compile(r"\b(?:among|of|out of|from|at)\s+(?:the\s+)?[^?]{0,60}?\b(countries|country(?=\s+(?:pages?|write-?ups?|entries|"
                             r"sections?|profiles?))|pathfinders|governments|"
                             r"territories|organi[sz]ations|funders|donors|partners)\b[^?]{0,60}?,?\s*how many\b(?!\s+\w+\s+(of|do|does|did)\b)",
                             re.I)
# "europe and central asia countries with any result 2024 count": a keyword query names the counted
# noun first and closes with the count word.
_COUNTED_KEYWORD = re.compile(r"\b(countries|pathfinders|governments|territories|organi[sz]ations|funders|donors|partners)\b"
                              r"[^?]{0,80}?\b(?:count|number|total|tally|how many)\s*\??\s*$", re.I)
# "how many of them", "how many name ...": no counted noun follows "how many"; it was said before.
_NO_NOUN_AFTER = re.compile(r"\s+(?:of\s+(?:them|these|those)|name|names|mention|mentions|list|lists|cite|cites|show|shows|"
                            r"have|has|had|are|were|get|gets|got|receive|receives|received)\b", re.I)
_HOW_MANY_MORE = re.compile(r"\bhow (?:many|much) (?:more|fewer|less)\b|\bby how (?:many|much)\b[^?]*\b(?:more|fewer|less)\b", re.I)
# One country asked by its kind noun in the singular ("which country's", "what African country").
_ONE_COUNTRY = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+){0,2}?(?:country|nation)(?:['’]s)?\b(?![\w-])", re.I)
# Words of a funder question, never of the scheme it describes.
_FUND_ASKING = frozenset(terms("fund funds funded funder funders funding donor donors pay pays paying paid contribute "
                               "contributes contributing contribution contributions finance finances financed financing "
                               "money named listed"))
# A question about funders ("which other donors co-finance ..."), and a support verb in the
# description of the set it asks about, read as funding there.
_FUNDERS_ASKED = re.compile(r"\b(?:donors?|funders?|financiers?|backers?|co-?financ\w*|co-?fund\w*|financ\w*|fund(?:s|ed|ing)?)\b",
                            re.I)
_SUPPORT_VERB = re.compile(r"\b(supports|supported|support|supporting)\b", re.I)
# A named country's own funders, as a group a ranking picks from: "Kenya's funders", "the donors of
# (the ILO's work in) Jordan".
_GIVER_NOUNS = r"(?:funders|donors|financiers|backers|sponsors|contributors|financing\s+partners)"
_OWN_FUNDERS_AFTER = re.compile(r"['’]s?\s+(?:own\s+)?" + _GIVER_NOUNS + r"\b", re.I)
_FUNDERS_OF_BEFORE = re.compile(r"\b" + _GIVER_NOUNS + r"\s+(?:of|to|for|in)\s+(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?"
                                r"(?:(?:social\s+protection\s+)?work\s+in\s+)?$", re.I)
# Countries counted in so many words by a ranking: "funds the most countries", "in the fewest African countries".
_COUNTRIES_COUNTED = re.compile(r"\b(?:most|fewest|least|more|fewer|largest\s+number\s+of|greatest\s+number\s+of)\s+"
                                r"(?:[a-z-]+\s+){0,2}?(?:countr(?:y|ies)|nations|states|places)\b", re.I)
_FUND_FORM = {"supports": "funds", "supported": "funded", "support": "fund", "supporting": "funding"}
# A kind of scheme named by its noun ("the garment workers' injury pilot").
_SCHEME_NOUN = re.compile(r"\b(?:schemes?|pilots?|programmes?|programs?|insurance|grants?|allowances?|pensions?|"
                          r"benefits?|transfers?)\b", re.I)
_PLURAL = re.compile(r"\b(which|what|name|list)\b[^?]{0,40}\b(countries|governments|organi[sz]ations|funders|donors|"
                     r"partners|schemes|programmes|publications|laws)\b", re.I)


def _bound_ends(cons: list[Constraint]) -> set[str]:
    """The entities the question's positive graph constraints bind, at either end of their relations."""
    return {e for c in cons if not c.negated for trip in c.evidence for e in (trip[0], trip[2])}


def _agents(cons: list[Constraint]) -> bool:
    """Do the constraints ask for members, pathfinders, roadmap holders or role holders (which are
    governments and organisations alike)?"""
    return bool(cons) and all(c.relation in ("member", "pathfinder", "roadmap") or c.relation in ROLE_NAMES for c in cons)


def _through(cons: list[Constraint], relations: set[str]) -> bool:
    """Does any constraint go through one of these relations (by its evidence's predicate)?"""
    return bool(relations) and any(t[1] in relations for c in cons for t in c.evidence)


# What an empty answer says when nothing more specific is known (a page shows its own notice then).
NO_RELIABLE_ANSWER = ("No reliable answer: the report does not state one that the graph or a sentence supports. "
                      "The nearest passages are listed.")


_ONE_COUNTRY_ASKED = re.compile(r"\bcountry\b", re.I)
_COUNTRIES_ASKED = re.compile(r"\b(?:countries|nations)\b", re.I)
# A publication's kind said in a question ("report", "working paper", "brief"): general English.
_PUB_KIND = re.compile(r"\b(?:report|paper|brief|study|publication|guide|guidance|fact\s*sheet|bulletin|note)s?\b", re.I)


# Two options each opening on the rank word ("did more older persons or more persons with ...").
_PARALLEL_MORE = re.compile(r"\b(more|fewer|less)\s+\S[^?]*?\s+or\s+\1\b", re.I)


# things a country holds (its law, scheme, project): named in another country, a generic name
_PLACED_KINDS = frozenset({"LegalInstrument", "Scheme", "Project"})


class QuestionEngine:
    def __init__(self, knowledge, store, units: UnitIndex, embedder, intents: IntentIndex | None = None):
        self.k = knowledge
        self.store = store
        self.units = units
        self.embedder = embedder
        self.lexicon = Lexicon(knowledge)
        self.author_names = AuthorNames(knowledge)  # "the International Labour Organization" is "the ILO"
        self.text = TextStep(knowledge, units)
        self.spans = SpanFinder(knowledge, units, self.text)
        self.sweep = TopicSweep(knowledge, units, self.text)
        self.intents = intents
        self.tables = TableLookup(store, units.idf, units.default_idf,
                                  lambda pid: (knowledge.passage(pid) or None) and knowledge.passage(pid).text)
        self.titles = PublicationFinder(knowledge, AUTHOR_ORGS)
        self.speller = speller_for(knowledge, self.lexicon, [r["text"] for r in intents.rows] if intents else [])
        self.everyday = EverydayTerms(u.text for u in units.units)  # "jobless benefits": unemployment benefits
        self.max_chars = 1000
        self._embed_cache: dict[str, np.ndarray] = {}

    # -- loading ----------------------------------------------------------------------------
    @classmethod
    def from_config(cls, config) -> "QuestionEngine":
        """The engine of a fresh :class:`app.runtime.Runtime` (which injects store, units and model)."""
        from app.runtime import Runtime

        return Runtime(config).engine

    # -- asking -----------------------------------------------------------------------------
    def ask(self, question: str, qid: str | None = None) -> dict:
        """Answer one question (see :meth:`_ask_question`).  While one question is read, each whole
        reading of one text is made once: the readings of a chain ("the country where ... - who
        funds it?") and the checks after it ask the same text again, and a reading depends on
        nothing but its text.  Kept per thread, for the duration of the outermost question."""
        local = self.__dict__.setdefault("_local", threading.local())
        if getattr(local, "whole", None) is not None:
            return self._ask_question(question, qid)
        local.whole = {}
        try:
            return self._ask_question(question, qid)
        finally:
            local.whole = None

    def _ask_whole(self, question: str, qid: str | None = None) -> dict:
        """:meth:`_read_whole`, once per text while one question is read (callers get a copy each:
        they add to the path and the summary)."""
        memo = getattr(self.__dict__.get("_local"), "whole", None)
        if memo is None:
            return self._read_whole(question, qid)
        key = (" ".join((question or "").split()), qid)
        if key not in memo:
            memo[key] = self._read_whole(question, qid)
        return copy.deepcopy(memo[key])

    def _ask_question(self, question: str, qid: str | None = None) -> dict:
        """:meth:`_ask_reading`; a count of a pick from a set ("how many of the countries X are
        Y?") is the size of the pick's own answer when that is narrower than the count reading
        (:mod:`app.qa.figures.picked_count`)."""
        pair = paired_superlatives.split(asked_core.of(" ".join(str(question or "").split())))
        if pair is not None:  # "which country ratified C102 earliest, and which most recently": both ends
            ends = [self._ask_reading(p) for p in pair]
            if all(e.get("answers") for e in ends):
                return self._both(question, qid, ends, f"two rankings asked: “{pair[0]}” and “{pair[1]}”")
        two = self._two_asks(question, qid)  # "which X did A, and which ones did B?": both asks
        if two is not None:
            return two
        either = self._either_relation(question, qid)  # "a partner or funder": what either relation holds
        if either is not None:
            return either
        out = self._ask_reading(question, qid)
        if self._regions_of_countries(question, out):  # "the region of the country where ...": one hop more
            out["answer_text"], out["citations"] = summarise(out, self.k)
        pick = picked_count.pick_form(asked_core.of(" ".join(str(question or "").split())))
        if pick is not None and picked_count.narrower(out, self._ask_reading(pick), pick):
            out["answer_text"], out["citations"] = summarise(out, self.k)
        return out

    def _either_relation(self, question: str, qid: str | None) -> dict | None:
        """Both readings of a question offering two relations as a choice
        (:mod:`app.qa.relation.either_relation`), joined when they answer with one type; the one
        with answers when the other has none; None when neither reading answers (read whole)."""
        from app.qa.relation.either_relation import relations_of, split

        pair = split(" ".join(str(question or "").split()), relations_of)
        if pair is None:
            return None
        ends = [e for e in (self._ask_reading(p) for p in pair) if e.get("answers")]
        if not ends or len({e.get("answer_type") for e in ends}) != 1:
            return None
        why = f"a choice of two relations: “{pair[0]}” or “{pair[1]}”"
        if len(ends) == 1:
            ends = [ends[0], {"answers": [], "path": []}]
        return self._both(question, qid, ends, why)

    def _two_asks(self, question: str, qid: str | None) -> dict | None:
        """Both asks of a question asking two things of one kind (:mod:`app.qa.form.two_asks`), when
        each comes back with answers of the same type; None otherwise (the question is read whole)."""
        def name_start(text: str) -> int | None:
            starts = [l.start for l in self.lexicon.link(text) if not set(l.ids) & set(AUTHOR_ORGS)]
            return min(starts) if starts else None

        asks = two_asks.split(asked_core.of(" ".join(str(question or "").split())), name_start)
        if asks is None:
            return None
        ends = [self._ask_reading(p) for p in (asks.first, asks.second)]
        if not all(e.get("answers") for e in ends) or ends[0].get("answer_type") != ends[1].get("answer_type"):
            return None
        return self._both(question, qid, ends, f"two asks: “{asks.first}” and “{asks.second}”")

    def _both(self, question: str, qid: str | None, ends: list[dict], why: str) -> dict:
        """One answer from the two readings of a question that asks two things (two rankings, two
        asks): the first reading's answers, then the second's not already in, both paths after
        ``why``, and the summary made again over them."""
        out = ends[0]
        seen = {x.get("iri") or x["label"] for x in out["answers"]}
        out["answers"] = out["answers"] + [x for x in ends[1]["answers"] if (x.get("iri") or x["label"]) not in seen]
        out["path"] = [why] + list(out.get("path") or []) + list(ends[1].get("path") or [])
        out["question"] = " ".join(str(question or "").split())
        if qid is not None:
            out["id"] = qid
        out["answer_text"], out["citations"] = summarise(out, self.k)
        return out

    def _with_commas(self, text: str) -> str:
        """A question typed without commas, with those of a fronted partitive and of a list of
        countries put back (:mod:`app.qa.form.lost_commas`)."""
        if "," in text:
            return text
        head, comma, rest = partitive_comma(text).partition(",")  # the list is in the fronted phrase, or anywhere
        spans = [(l.start, l.end) for l in self.lexicon.link(head) if l.type == "Country"]
        return list_commas(head, spans) + comma + rest

    def _keeps_capitals(self, word: str) -> bool:
        """Does a word of a question typed in capitals keep them: the short name of something in
        the graph that in lower case is an English word ("CONNECT", "US"), never a question word?"""
        from app.qa.form.spelling import english_words
        from app.qa.units import STOP

        low = word.lower()
        return (low,) in self.lexicon.acronyms and low not in QUESTION_WORDS and (low in english_words() or low in STOP)

    def _ask_reading(self, question: str, qid: str | None = None) -> dict:
        """Answer one question (see :meth:`_read_whole`).  The writer's frame around the question
        (a request, a sign-off, a marked aside) is peeled off first (:mod:`app.qa.form.asked_core`).
        A question about one country it describes first ("The country where ... - when did it
        ratify C102?") is asked of that country by name (:mod:`app.qa.multihop.described_country`);
        a set described first is read by :mod:`app.qa.multihop.set_by_description`: a second relation
        over it is chained before the whole reading, a second condition narrows the whole reading
        to what both conditions hold."""
        asked = " ".join(str(question or "").split())
        # "colombia global accelerator pathfinder?": a keyword query's question mark asks yes or no (read
        # before the frame is peeled, which takes the mark)
        # ("Angola's ratification is now valid. Does the report back that up?": the claim checked)
        # ("Germany's 2024 contribution to the Global Accelerator?": how much it was)
        question = keyword_polar.as_polar(asked) or amount_phrase.as_question(asked) or claim_checked(asked) \
            or or_not_tag.as_polar(asked) or asked  # ("Is X a pathfinder or not?": a yes/no, no choice)
        # "quien financia OIT en Nepal": French, Spanish, Portuguese words and names in English first
        question = asked_core.of(in_english(self._with_commas(unshout(question, self._keeps_capitals)),
                                            self.lexicon.vocab.__contains__)[0])  # "I'd like to know ...", "... Is that right? Thanks! Tom"
        question = time_last(question) or question  # "By end-2024, had ...?": the auxiliary first
        question = count_words.rewrite(question)  # "how much country are pathfinder": how many
        question = money_words.rewrite(question)  # "pledged extra cash for": money, not cash transfers
        question = said_as_having.rewrite(question)  # "not described anywhere as having ratified": not ratified
        question = outside_sets.rewrite(question)  # "countries outside the 50 priority countries": not among them
        question = dropped_prepositions.rewrite(question)  # "apart Portugal": apart from Portugal
        question = dropped_auxiliary.rewrite(question)  # "With who RSSB made ...": with whom did RSSB make
        question = counted_entries.as_countries(question)  # "how many country programmes does Holland finance"
        question = self._asking_sentence_proper(question)  # "Hi there! Of the pathfinders ...", "For my thesis. number donors senegal"
        question = with_articles(question)  # "Who funds ILO in country where NHIF was replaced?": "in the country where"
        named = described_country.split(question) or told_country.split(  # "X was launched there. Who funds that country?"
            question, lambda t: [(l.surface, l.ids[0]) for l in self.lexicon.link(t) if l.type == "Country"], self.k.label)
        spelled = None
        if named is None:  # "wat yaer did the contry that used ...": the frame's words read once spelled
            spelled = self.speller.correct(self.author_names.shorten(question))[0]
            named = described_country.split(spelled) if spelled != question else None
        out = described_country.answer(named, self._ask_whole, self._described_country, self.k.label,
                                          lambda i: str(self.k.iri(i))) \
            if named is not None else None
        readings = set_by_description.read(question)  # "the countries that ... - who funds them?", "of the countries that ..., which ..."
        if not readings:  # "The countriees that ratified C102 in 2023 - who funds them?": the frame's words read once spelled
            spelled = spelled or self.speller.correct(self.author_names.shorten(question))[0]
            readings = set_by_description.read(spelled) if spelled != question else readings
        if out is None:
            out = set_by_description.chain(readings, self._ask_whole)
        if out is None:  # "highlighted both under <A> and under <B>", "either by <A> or by <B>": each half
            out = two_halves.answer(question, self._ask_whole)
        if out is None:  # "ratified before the ILO launched its campaign": the event's year, then the question
            out = event_year.answer(question, self._ask_whole)
        if out is not None:
            out["question"] = asked
            if qid is not None:
                out["id"] = qid
            # a pick from the set keeps some of the question proper's answers: cite only those
            out["answer_text"], out["citations"] = summarise(out, self.k)
            return out
        out = self._ask_whole(question, qid)
        self._language_polar(question, out)  # "Is the MOOC offered in Spanish?": the languages listed
        self._statement_polar(question, out)  # "Was the ILO identified as the lead agency ... in Malawi?"
        self._yes_no_or_nothing(question, out)  # "Does the pilot cover informal workers?": no scheme list
        if not out.get("answers"):
            # "which country launched a campaign in 2024 about ...": its sentence (the question proper's,
            # without the asker's sentences before it)
            self._event_country(self._without_asides_early(question) or question, out)
        if counted_keywords.count_instead(out, self._ask_whole):  # "japan countries count": how many "japan countries" lists
            out["answer_text"], out["citations"] = summarise(out, self.k)
        if set_by_description.overlap(out, readings, self._ask_whole):  # "which countries that X are (also) Y"
            out["answer_text"], out["citations"] = summarise(out, self.k)
        if no_country_funded.narrow(out, question, self._ask_whole):  # "... do not fund any country"
            out["answer_text"], out["citations"] = summarise(out, self.k)
        # "which Flagship priority countries ... affected by conflict": the whole scope came back
        whole = out.get("answers")
        scope_topic.rescope(out, self.lexicon.link, self._ask_whole, lambda: own_programme(self.k),
                            lambda: priority_countries(self.k),
                            lambda q: self._names_topic([t for t in terms(q) if t not in _TOPIC_STOP]))
        if out.get("answers") is not whole:
            out["answer_text"], out["citations"] = summarise(out, self.k)
        if question != asked:
            out["path"] = [f"question read as: “{question}”"] + list(out.get("path") or [])
            out["question"] = asked
        return out

    @staticmethod
    def _verdict(out: dict, said: dict, strategy: str, summary, t0: float) -> dict:
        """``out`` answered by one yes/no reading's verdict: its path, its summary, the time taken."""
        out.update(answer_type="Text", answers=[said], strategy=strategy, path=said["path"])
        out["answer_text"], out["citations"] = summary(said)
        out["timings_ms"] = {"total_ms": round((time.perf_counter() - t0) * 1e3, 2)}
        return out

    def _language_polar(self, question: str, out: dict) -> None:
        """Yes or no on one language a thing is available in, from the languages the report lists
        for it (see :mod:`app.qa.constraints.language_polar`).  It stands over a verdict the readings
        before gave: they read "Spanish" as Spain, a country, where the question names a language."""
        asked = language_polar.read(self.speller.correct(self._without_asides_early(question) or question)[0])
        if asked is None:
            return
        listed = self._ask_whole(asked.listing)
        got = language_polar.verdict(asked, listed.get("answers") or [])
        if got is None:
            return
        label, why = got
        ev = [e for x in listed["answers"][:1] for e in (x.get("evidence") or [])[:1]]
        out.pop("message", None)
        out.update(answers=[{"label": label, "type": "Text", "score": 1.0, "evidence": ev, "path": [why]}],
                   answer_type="Text", strategy="text (yes/no on a listed language)",
                   path=[f"listed first: “{asked.listing}”", why])
        out["answer_text"], out["citations"] = summarise(out, self.k)

    def _statement_polar(self, question: str, out: dict) -> None:
        """A yes/no question the readers before did not answer Yes or No, set against the report's
        sentences (see :mod:`app.qa.constraints.statement_polar`); the answer stands when no
        sentence writes enough of the question."""
        if [a.get("label") for a in out.get("answers") or []] in (["Yes"], ["No"]):
            return
        proper = self._without_asides_early(question) or question
        asked = statement_polar.read(self.speller.correct(proper)[0])
        if asked is None:
            return
        fixed = asked.statement
        ids = [i for l in self.lexicon.link(fixed) if not set(l.ids) <= AUTHOR_ORGS for i in l.ids[:1]]
        ids = self._without_placed_elsewhere(ids)
        said = statement_polar.verdict(fixed, ids, self.k, self.units.idf, topic_cover._long_forms(self.text),
                                       pairs=asked.context)
        if said is not None:
            statement_polar.answer(out, said, self.k, self._evidence)

    def _yes_no_or_nothing(self, question: str, out: dict) -> None:
        """A yes/no question no reader answered Yes or No gets no answer, not a wrong-typed one: the
        words of "Did the Social Insurance Law in Viet Nam reduce the minimum contribution period?"
        suggest a year, and of "Can non-nationals receive the National Disability Allowance?" the
        allowance, neither of which says yes or no.  The nearest passages are listed instead."""
        answers = out.get("answers") or []
        if not answers or {str(a.get("label")).lower() for a in answers} <= {"yes", "no"}:
            return
        if not statement_polar.answers_yes_or_no(self._without_asides_early(question) or question):
            return
        found = ", ".join(str(a.get("label")) for a in answers[:3])
        out.update(answers=[], answer_type="Text", strategy="none (yes/no unsettled)",
                   path=list(out.get("path") or []) + [f"a yes/no question; the readings found {found}, "
                                                          "which is no yes or no"],
                   message="The report does not settle this yes/no question in one sentence or one list: "
                           "no answer. The nearest passages are listed.",
                   passages=self._nearest_passages(question), answer_text="", citations={})

    def _without_placed_elsewhere(self, ids: list[str]) -> list[str]:
        """The linked ids without a thing the graph places only in a country the question does not
        name: "Viet Nam's ... Social Insurance Law amendments" links another country's "Social
        Insurance Law" by its generic name; its words still count, its name need not be written.
        Only laws, schemes and projects: an organisation working elsewhere too is still named."""
        countries = {i for i in ids if i.startswith("Country:")}
        if not countries:
            return ids

        def placed(i: str) -> set[str]:
            return {f[k] for f in self.k.facts_where(subject=i) + self.k.facts_where(obj=i)
                    for k in ("subject", "object") if f[k] != i and f[k].startswith("Country:")}
        return [i for i in ids if i.split(":", 1)[0] not in _PLACED_KINDS or not placed(i) or placed(i) & countries]

    def _read_whole(self, question: str, qid: str | None = None) -> dict:
        t0 = time.perf_counter()
        q = " ".join((question or "").split())
        out = {"id": qid, "question": q, "answer_type": "Text", "answers": [], "sparql": "", "strategy": "none",
               "timings_ms": {}}
        if qid is None:
            out.pop("id")
        if not q:
            out["message"] = "Ask a question about the report, e.g. 'Who funds the work in Jordan?'"
            return out
        if len(q) > self.max_chars:
            out["message"] = (f"The question is {len(q)} characters long; the limit is {self.max_chars}. "
                              "Ask about one thing at a time.")
            return out
        timings = {}
        t = time.perf_counter()
        fixed, fixes = self.speller.correct(self.author_names.shorten(q))  # "no. of", "w/", "%" spelled out first
        fixed, plain = self.everyday.rewrite(fixed)  # "work accident insurance": employment injury insurance
        fixed = count_words.rewrite(fixed)  # "how much NDA beneficaries": its noun read once spelled
        fixed = designation.rewrite(fixed) or fixed  # "moroccan framework law ... number": the law itself
        fixed = distinguishing_aside.drop(fixed, self.lexicon.link) or fixed  # "the Regular Budget (not the RBSA)"
        fixed = described_referent.fold(fixed) or fixed  # "there is a country whose ...; who funds it there?"
        fixed = top_n.as_superlative(fixed) or fixed  # "top 3 funders by number of countries": the 3 with the most
        fixed = given_roles.without(fixed, self.lexicon.link(fixed)) or fixed  # "part of the TSF, which the ILO leads"
        direct = direct_question(fixed)  # "Is it true that Kenya is not ...?" asks "Is Kenya not ...?"
        direct_links = self.lexicon.link(direct)
        # "Was the funding gap smaller at the end of 2024 than at the end of 2023?": the measure asked
        # open at each date, the two figures compared
        compared = compared_polar.read(direct)
        said = compared_polar.verdict(compared, self.ask(compared.later), self.ask(compared.earlier)) \
            if compared is not None else None
        if said is not None:
            return self._verdict(out, said, "yes/no (a figure at two dates)", compared_polar.summary, t0)
        top = superlative_polar.read(direct, direct_links, lambda i: self.k.entity(i) is not None)
        # "Was the EU the biggest source of ...?": the superlative asked with the name left open
        said = superlative_polar.verdict(top, self.ask(top.open_question), self.k) if top is not None else None
        if said is not None:
            return self._verdict(out, said, "yes/no (superlative)", superlative_polar.summary, t0)
        # "Is it correct that ... achieved 45 institutional changes?", "Did ... take effect in 2024?", "Did
        # the gap fall below US$30 million?": the stated figure, year or bar taken out, the question asked
        # open, its answer compared
        for stating, strategy in ((figure_polar, "yes/no (stated figure)"), (year_polar, "yes/no (stated year)"),
                                  (bar_polar, "yes/no (a figure against a bar)")):
            stated = stating.read(direct)
            said = stating.verdict(stated, self.ask(stated.open_question)) if stated is not None else None
            if said is not None:
                return self._verdict(out, said, strategy, stating.summary, t0)
        polar = open_subject(direct, direct_links, lambda i: self.k.entity(i) is not None) \
            if not column_pairs.tests_target(direct) else None  # "Has Kenya not ratified C102?"
        polar = polar or tagged_subject(direct, direct_links)  # "sao tome c102 ratification 2024 yes/no"
        said = verdict(polar, self.ask(polar.list_question), self.k) if polar is not None else None
        if said is not None:
            return self._verdict(out, said, "graph (yes/no)", polar_summary, t0)
        every = every_polar.read(direct)  # "did every one of the Arab States priority countries record ...?"
        said = every_polar.verdict(every, self.ask(every.set_question), self.ask(every.held_question)) \
            if every is not None else None
        if said is not None:
            return self._verdict(out, said, "graph (yes/no over a set)", every_polar.summary, t0)
        fixed_links = self.lexicon.link(fixed)
        spelled = acronym_expansion.expanded(fixed, fixed_links, self.k)  # "what does OPG stand for"
        if spelled is not None:
            self._spelled_out(out, spelled)
            out["timings_ms"] = {"total_ms": round((time.perf_counter() - t0) * 1e3, 2)}
            return out
        short = acronym_expansion.abbreviated(fixed, fixed_links, self.k)  # "health insurance organisation acronym"
        if short is not None:
            self._spelled_out(out, short, shortened=True)
            out["timings_ms"] = {"total_ms": round((time.perf_counter() - t0) * 1e3, 2)}
            return out
        defined = definition.asked_entity(fixed, fixed_links, lambda i: self.k.entity(i) is not None,
                                          initiative_profiles.defines_word(self.k))
        unknown = definition.absent_object(fixed, fixed_links, self.lexicon.vocab) if defined is None else None
        if defined is not None or unknown:  # "what is the Global Accelerator?": the thing itself, with its defining sentence
            if defined is not None:
                definition.answer(out, defined, self.k, self._answer_dict, self._evidence, OUTPUT_TYPES)
            else:  # "what is the Zorblax Facility?": a name the report never writes
                out["message"] = f"The report does not mention {unknown}: no answer."
                out["passages"] = self._nearest_passages(fixed)
            out["timings_ms"] = {"total_ms": round((time.perf_counter() - t0) * 1e3, 2)}
            return out
        bodies = country_bodies.answer_ids(fixed, fixed_links, self.k) \
            or country_bodies.owned_body(fixed, fixed_links, self.k)  # "sierra leone social security trust name"
        proper = None
        if not bodies:  # "I work for a fund in East Africa ... Which Tanzanian fund had ...?": the question proper's
            proper = self._without_asides_early(fixed)
            if proper is not None:
                plinks = self.lexicon.link(proper)
                bodies = country_bodies.answer_ids(proper, plinks, self.k) or country_bodies.owned_body(proper, plinks, self.k)
        if bodies:
            self._country_bodies(out, bodies, country_bodies.asks_acronym(proper or fixed))
            if proper is not None:
                out["path"] = [f"question read as: “{proper}”"] + out["path"]
            out["timings_ms"] = {"total_ms": round((time.perf_counter() - t0) * 1e3, 2)}
            return out
        about = topic_polar.asked(fixed, fixed_links, AUTHOR_ORGS)  # "did the ILO work on X in Ghana?"
        keys = topic_polar.key_words(about[1], self.units.idf, _GENERIC | _RELATION_WORDS | _QUESTION_STEMS | _FRAME) \
            if about else []
        if keys:
            topic_polar.answer(out, topic_polar.verdict(about[0], keys, self.k, topic_cover._long_forms(self.text),
                                                        words=about[1]), self.k, self._evidence)
            out["timings_ms"] = {"total_ms": round((time.perf_counter() - t0) * 1e3, 2)}
            return out
        fixed, rank, ranked_after = self._ordinal(fixed)  # "the second most", "after the EU, which ... most"
        acronyms = self._org_acronyms()  # "joint ilo who guidance": WHO is a name, not the question word
        held = held_names(fixed, acronyms, lambda t: [(l.start, l.end) for l in self.lexicon.link(t)
                                                      if l.type in ("Organization", "Initiative")])
        # a query opening on what it asks keeps its long names whole: "year jordan ratify social
        # security minimum standards convention" does not front the name's last noun ("which
        # convention ..."); "employment injury benefits convention number" still asks the convention
        if _OPENS_ON_MEASURE.match(fixed):
            held += [(l.start, l.end, fixed[l.start:l.end]) for l in self.lexicon.link(fixed)
                     if l.type != "Country" and len(fixed[l.start:l.end].split()) >= 3
                     and not any(s < l.end and l.start < e for s, e, _ in held)]
        fixed = reorder_keeping_names(fixed, held, question_word_first)  # "irish money where" reads as "where irish money"
        a = analyse(fixed, self.lexicon)
        gone = undone(fixed, a.links)  # "which countries left the Global Accelerator": not its members
        if gone is not None:
            self._undone(out, gone, a.answer_type, fixed)
            out["timings_ms"] = {"total_ms": round((time.perf_counter() - t0) * 1e3, 2)}
            return out
        subject_added = with_implied_subject(fixed, a.links)  # "arab states scheme reform result": the countries asked
        subject_implied = subject_added != fixed
        if subject_implied:
            fixed, a = subject_added, analyse(subject_added, self.lexicon)
        # "for our board, which follows West Africa, ...": context, not subject ("I know Morocco
        # ratified in 2019, ... its law": the aside's country fills in the pronoun)
        reduced = core_of(fixed, lambda t: analyse(t, self.lexicon))
        if not reduced.dropped:  # "not sure how to phrase this, but morocco c102 year": no question word opens the core
            reduced = without_shell(fixed, lambda t: any(not set(l.ids) <= AUTHOR_ORGS for l in analyse(t, self.lexicon).links))
        reduced = also_without_background(reduced, lambda t: analyse(t, self.lexicon))  # "Given that the Flagship works with 50 countries, who ...?"
        set_aside_before: set[str] = set()
        if reduced.dropped:
            r = analyse(reduced.question, self.lexicon)
            if keeps_subject(a.links, r.links, AUTHOR_ORGS, fixed, reduced.dropped, reduced.question):
                # "we know about Malawi, so leave Malawi out of it: where else ...": the dropped
                # preamble may set a name aside for the question proper
                set_aside_before = set_aside(fixed, a.links).ids - {i for l in r.links for i in l.ids}
                # "for a note on Cambodia's work: which other Asian country ...": named in the preamble
                set_aside_before |= named_before_other(fixed, a.links, r.answer_type) - {i for l in r.links for i in l.ids}
                a = r
                a.read_as = reduced.question  # said in `path`: the asides dropped, a pronoun filled in
        named_only = without_describing_clause(a.question, a.links, AUTHOR_ORGS)
        if named_only.dropped:  # "who funds the UNPDF that finances the ILO's work in Tajikistan": the fund's funders
            a = replace_question(a, named_only.question, self.lexicon, set())
        stateless, no_states = states_set_aside(a.question)  # "which members are not countries?"
        if no_states:
            a = analyse(stateless, self.lexicon)
            a.aside_governments = True
        phrases = aside_phrases(a.question)  # what each "apart from ..." names, linked or not
        aside = set_aside(a.question, a.links)
        if aside.ids:  # "besides the EU", "apart from Viet Nam": read the rest, drop those after
            rest = analyse(aside.question, self.lexicon)
            negated = as_negated_relation(a.question, aside, a.links, rest.answer_type, self.k)  # "pathfinders no c102"
            if negated is not None:
                a = analyse(negated, self.lexicon)
            else:
                a = rest
                a.excluded = aside.ids
        anchored = anchored_years(a.question, a.links, self.k)  # "ratified before Jordan": Jordan's year
        if anchored is not None:
            a = replace_question(a, anchored.question, self.lexicon, anchored.excluded)
        a.excluded |= named_before_other(a.question, a.links, a.answer_type) | set_aside_before  # "..., which other countries"
        a.aside_phrases = phrases
        a.rank, a.ranked_after = rank, ranked_after
        a.whole = fixed
        q = a.question
        timings["analyse_ms"] = (time.perf_counter() - t) * 1e3
        stated_type = a.answer_type  # what the question's own words ask for, before the intent guess
        if stated_type not in ("Text", "Number", "Year", "Country") and self.tables.row_kind_table(q):
            # "which branch saw the biggest increase in benefit adequacy": the asked noun is the kind of
            # a table's rows ("Branch of social security"); a later word ("benefit") names no kind asked
            stated_type = "Text"
        und = self._understand(a, timings)
        a.answer_type = type_set_aside(fixed, stated_type, a.answer_type, a.excluded,
                                       lambda i: self.k.entity(i) is not None)  # "... outside africa": countries
        topic_links(a, self.k)  # "pension reform countries": a descriptive name is the topic, not one entry
        drop_owned_elsewhere(a, self.k)  # "Viet Nam's social insurance law": not Uzbekistan's of that name
        drop_describing_funders(a, und)  # "the EU-funded SP&PFM project": the funder says which project
        role_kinds.drop_described_bodies(a)  # "co-financed by their own social security institute": a kind
        joint_with_author(a, [n for i in AUTHOR_ORGS for n in self.k.names(i) if n.isupper()] or ["ILO"])
        und.corrections = [f"{f.original} → {f.corrected}" for f in list(fixes) + plain]
        if a.ratify and not a.negated:
            switch = more_specific(a, "ratified")  # "inquired about the ratification campaign"
            if switch:
                a.ratify, (und.relation, und.direction) = False, switch
            elif prospective(a.question, RATIFY):
                a.ratify = False  # "with a view to eventually ratifying it": not a ratification the graph holds
                if und.relation == "ratified":
                    und.relation = None
        region_only = beyond_region(a, und.relation)  # "which Asian countries formally inquired"
        if region_only and region_only[0] not in HANDWRITTEN:
            und.relation, und.direction = region_only
        filtered = None if region_only else region_filters_thing(
            a, und.relation, und.guess.neighbours if und.guess else None,
            lambda rel, ids: any(self.k.facts_where(predicate=rel, obj=i) for i in ids))
        if not filtered and not region_only:  # "americas rbsa": the countries there the body is linked to
            filtered = region_agent_relation(a, und.relation, stated_type, und.guess.neighbours if und.guess else None,
                                             self._held_in_region)
        if filtered:  # "c102 africa": the region filters the countries of the relation the bank votes for
            und.relation, und.direction = filtered
            flag = RELATION_FLAGS.get(filtered[0])
            if flag:
                setattr(a, flag, True)
            a.answer_type = "Country"
        resolved = self._resolve_description(a) or country_chain.resolve(a, self.k, self._run)
        out["answer_type"] = OUTPUT_TYPES.get(a.answer_type, a.answer_type)
        missing = absent_names(a.question, a.links, self.lexicon.vocab, AUTHOR_ORGS) or \
            unknown_entities(a.question, a.links, lambda i: self.k.entity(i) is not None) or \
            unwritten_bodies(a.question, a.links, self._written) or \
            uncited_instruments(a.question, a.links, self.lexicon.instrument_numbers)  # "convention 130 ratifications"
        if missing:  # "in Kosovo": the report never names it, so no sentence can answer for it
            out["message"] = f"The report does not mention {', '.join(missing)}: no answer."
            out["path"] = [f"not in the report: {m}" for m in missing]
            return self._finish(out, a, und, timings, t0)
        listed = glossary_only(a.links, lambda i: i not in self._glossary_only_ids, AUTHOR_ORGS)
        if listed:  # "co-authored with the OECD": spelled out in the acronym list, said nowhere else
            out["message"] = f"The report names {', '.join(listed)} only in its list of acronyms: no answer."
            out["path"] = [f"only in the list of acronyms: {m}" for m in listed]
            return self._finish(out, a, und, timings, t0)
        unwritten = absent_topic(a.question, self.units.idf, _TOPIC_STOP, [(l.start, l.end) for l in a.links]) \
            if out["answer_type"] == "Country" else None
        if unwritten:  # "pension schemes for teachers": no sentence is about teachers
            out["message"] = f"The report does not write about {unwritten}: no answer."
            out["path"] = [f"not in the report: {unwritten}"]
            return self._finish(out, a, und, timings, t0)

        undated = undated_years(a.question, a, self.k)  # "who funded Kenya in 2019": the lines are the report's year's
        if undated:
            out["message"] = (f"The report's financing lines are for {', '.join(sorted(financing_years(self.k)))}; "
                              f"it does not say who funded in {', '.join(undated)}: no answer.")
            out["path"] = [f"funding asked for {', '.join(undated)}: not a year of the report's financing lines"]
            return self._finish(out, a, und, timings, t0)

        self._fund_of_described_scheme(a)  # "brands paying into the garment workers' injury pilot in Bangladesh"
        owner = possessed(a, self.k)  # "which country's National Social Security Fund ... CNaPS"
        if owner:
            eid, facts = owner
            country = facts[0]["object"]
            d = self._answer_dict(country, 1.0, [self._evidence(pid, self.k.names(eid)) for pid in facts[0]["passages"][:3]])
            d["path"] = [f"{self.k.label(eid)} {REGISTRY[facts[0]['predicate']].label} {self.k.label(country)}"]
            out["answers"], out["strategy"], out["path"] = [d], "graph", d["path"]
            return self._finish(out, a, und, timings, t0)
        succeeded = other_party(a, self.k)  # "what replaced the NHIF in Kenya": the sentence of the transition
        if succeeded:
            eid, was, pid = succeeded
            d = self._answer_dict(eid, 1.0, [self._evidence(pid, self.k.names(eid))])
            d["path"] = [f"succession written with {self.k.label(was)}: {self.k.label(eid)}"]
            out["answers"], out["strategy"], out["path"] = [d], "text", d["path"]
            out["answer_type"] = OUTPUT_TYPES.get(eid.split(":", 1)[0], eid.split(":", 1)[0])
            return self._finish(out, a, und, timings, t0)
        ran = body_of_described(a, self.k)  # "what fund in Nepal runs the new contributory schemes for ..."
        if ran:
            scheme, why, facts = ran
            found = []
            for f in facts:
                d = self._answer_dict(f["object"], 1.0, [self._evidence(pid, self.k.names(f["object"]))
                                                        for pid in (f.get("passages") or [])[:3]])
                d["path"] = [f"{self.k.label(scheme)} (described by: {', '.join(why)}) administered by {self.k.label(f['object'])}"]
                found.append(d)
            out["answers"], out["answer_type"], out["strategy"], out["path"] = found, "Organization", "graph", found[0]["path"]
            return self._finish(out, a, und, timings, t0)
        chosen = described(a, self.k)  # "bangladesh employment injury pilot name": the one described
        if chosen:
            eid, why = chosen
            kind = eid.split(":", 1)[0]
            d = self._answer_dict(eid, 1.0, [self._evidence(pid, self.k.names(eid)) for pid in self.k.passages_mentioning(eid)[:3]],
                                  label_asked(a.question, self.k, eid))
            whose = f" of {self.k.label(a.linked('Country')[0])}" if a.linked("Country") else ""
            d["path"] = [f"the {kind.lower()}{whose} described by: {', '.join(why)}"]
            out["answers"], out["answer_type"], out["strategy"], out["path"] = [d], OUTPUT_TYPES.get(kind, kind), "graph", d["path"]
            return self._finish(out, a, und, timings, t0)
        if self._listed_instruments(a, out):  # "which conventions does the report mention"
            return self._finish(out, a, und, timings, t0)
        kinded = asked_kind(a, self.k)  # "which health insurance schemes are in Africa": schemes by their label
        if kinded:
            self._kind_answers(kinded, out)
            return self._finish(out, a, und, timings, t0)
        numbered = asked_instrument(a, self.k) or instrument_by_subject(a, self.k)  # "employment injury benefits convention number"
        if numbered:
            self._named_itself(numbered, out, "the instrument named by its subject: its number is in its name")
            return self._finish(out, a, und, timings, t0)
        titled = full_title(a, self.k)  # "Convention 102 full title"
        if titled:
            self._named_itself(titled[0], out, "the full title asked: the instrument's longest name")
            out["answers"][0]["label"] = titled[1]
            return self._finish(out, a, und, timings, t0)
        defined = defined_entity(a)  # "what is the OPG", "tell me about the Haba Haba scheme": the thing itself
        if defined:
            self._named_itself(defined, out, "the named thing the question asks to define")
            return self._finish(out, a, und, timings, t0)

        # A question that names a table and asks for no kind of entity ("In Table 1, which branch
        # ...") is about the table's rows before any relation the template guess suggests.
        # "africa number of Result 3 results": the place's countries with such a result, before any
        # table total (unless a section is named by its title: "most significant results africa count")
        early = (self._section_items(a, out) or self._count(a, out, timings, und)) if result_counts.asks(a) else None
        paired = None if early else self._column_pair(a, out)
        if paired is not None and not paired:  # "which step fell short of its ambition?": no row did
            out["answers"] = []
            return self._finish(out, a, und, timings, t0)
        early = early or paired or (
            self._table(a, out, stated_type) if (stated_type == "Text" and (TABLE_NAMED.search(a.question)
                                                                             or self.tables.row_kind_table(a.question))
                                                 and not region_answers.asks_regions(a.question)
                                                 and not lists_things(out["question"])) or
            self.tables.marked_extreme(a.question) else None)  # "which region ... (table 4)": regions are no rows
        # (a results query whose countries were implied asks for them, not a cell of one region's row)
        if early is None and addresses_cell(a.question, stated_type, self.tables.column_dates,
                                            None if subject_implied else out["question"]):
            early = self._addressed_cell(a, out)  # "regional and country teams regular budget staff"
        regional = None if early else self._regions(a, out)
        if regional is not None and not regional:  # regions asked, and none meets the condition
            return self._finish(out, a, und, timings, t0)
        done = early or self._listed_names_count(a, out) or self._rows_of_kind(a, out) or self._option_choice(a, out) or self._section_items(a, out) or self._result_kinds(a, out) or self._year_series(a, out) or self._figure_rank(a, out) or self._aggregate(a, und, out, timings, stated_type) or regional \
            or self._stated_count(a, out) or self._publication_number(a, out) or self._publication_count(a, out) \
            or self._shared_initiatives(a, out) \
            or self._count(a, out, timings, und) or (None if stated_type == "Text" and lists_things(out["question"])
                                                     else self._table(a, out, stated_type)) or self._figure_choice(a, out)
        if done is None:
            done = self._fact_year(a, und, out)
        if done is not None:
            out["answers"] = done
            return self._finish(out, a, und, timings, t0)
        if a.answer_type == "Country" and entry_scope.asks_entries(a.question) and not (
                a.years or a.ratify or a.fund or a.pathfinder or a.roadmap or a.priority):
            scoped = self._entry_scope(a, out)  # "which country entries mention TRANSFORM"
            if scoped:
                out["answers"] = scoped
                return self._finish(out, a, und, timings, t0)
        linked, pool = list(a.links), choices.take(a)  # "between A and B, which one ...": a pool, not an end
        if pool and a.fund and all(i.startswith("Country:") for i in pool) and a.linked("Country"):
            funders = [_as_funder(i, self.k) for i in pool]  # "Japan or Portugal: which finances Timor-Leste"
            if all(funders):
                pool, a.answer_type = funders, "Organization"
        cons = scope_negations(a.question, a.links, self._constraints(a, und), a.answer_type, a.excluded)  # "... but not Lebanon"
        named = None if cons else self._named_by_kind(a)  # "What is Morocco's framework law on social protection?"
        if named:
            out["answers"] = named
            return self._finish(out, a, und, timings, t0)
        exclusions: list[Constraint] = []  # negated relations a text answer must still satisfy
        two_lists = role_complement(a, self.k)  # "[initiative] pilot countries not in its new phase"
        if two_lists is not None:  # the two lists replace every other reading of that initiative
            cons = [c for c in cons if not binds(c, two_lists[0])] + two_lists[1]
        funded_otherwise = other_funder(a, cons, self.k)  # "countries with funders other than the EU"
        if funded_otherwise is not None:
            cons = cons + [funded_otherwise]
        qualified = qualified_members(a, cons, self.k)  # "the pilot countries of [initiative]"
        qualified += participants(a, cons, self.k, also=qualified)  # "[initiative] new phase countries"
        cons = widen_regions(cons + qualified, self.k) if qualified else cons  # a region now filters them
        acts = measure_acts(a) if all(c.relation == "region" for c in cons) else None
        if acts is not None:  # "which countries passed a new law in 2024": the measures' kind, status and year
            cons = widen_regions(cons + [acts], self.k) if cons else [acts]
        if pool and not cons:
            a.links, pool = linked, []  # nothing the graph checks: the text step needs the names
            cons = self._constraints(a)
        if pool:
            cons = cons + [choices.constraint(pool)]
            out["answer_type"] = OUTPUT_TYPES.get(a.answer_type, a.answer_type)
        if not self._residual_terms(a, cons):  # nothing left unexplained: a bare name next to the
            cons = cons + implied(a, cons, self.k)  # asked type means its usual relation
        extra = generic_constraint(a, und, self.k) if a.answer_type not in ("Number", "Year") else None
        if extra is None and not cons and not a.links and a.answer_type == "Country":
            # "which countries formally inquired about the ratification campaign": nothing named, the
            # relation said by a word of its own: its subjects, whatever the object
            extra = generic_constraint(a, und, self.k, any_object=True)
        if extra is not None:  # "the facility's agencies": its lead agency is one (registry ``includes``)
            extra = sub_relations.with_included([extra])[0]
        if extra is None and not cons:  # "which country has the BISP": the one relation held for it
            cons = [c for c in [implied_end(a, self.k)] if c is not None]
        if cons and all(c.relation == "region" for c in cons) and a.answer_type not in ("Number", "Year"):
            # "which Asian countries formally inquired": the region filters the worded relation's subjects
            beside = extra or generic_constraint(a, und, self.k, any_object=True)
            if beside is not None and beside.relation:
                cons = widen_regions(cons + [beside], self.k)
        if extra is not None and not cons:
            from app.qa.understand import answer_type_for

            guessed = answer_type_for(und.relation, und.direction, a.answer_type)
            if guessed != a.answer_type and a.answer_type == stated_type and (
                    explicit_head(a.question) or _possessive_head(a.question) or asks_written_text(a.question)
                    or (_WHERE_OPENS.match(a.question) and guessed not in ("Country", "Region"))):
                # ("where are the P4H focal points stationed": a place, not the positions)
                extra = None  # "which countries did the research cover": the head noun, not a guessed relation, types it
                # ("which country's Health Insurance Organization manages ...": the possessor is asked)
            else:
                cons = [extra]
                a.answer_type = guessed
                out["answer_type"] = OUTPUT_TYPES.get(a.answer_type, a.answer_type)
        if worded_result.only_worded(a.question, cons) and (self._names_topic(self._residual_terms(a, cons)) or
                                                            any(l.type == "ThematicArea" for l in a.links)):
            cons = []  # "help design pension schemes for platform workers": the topic, not the results table
        graph_ids: list[str] | None = None
        silent_pool: set[str] | None = None  # the region asked, when the graph's answer gave way to the text
        if cons:
            t = time.perf_counter()
            cons = report_universe(cons, a.answer_type)  # "arab states countries not funded by X": the report's
            sparql = to_sparql(cons)
            graph_ids = self._run(sparql)
            # "which Thai organisation is a member of X": the demonym's country narrows the members
            graph_ids = placed_in_named_country(graph_ids, a, {e for c in cons for t in c.evidence for e in t}, self.k)
            if a.excluded and graph_ids:  # a name set aside never answers, so no sentence may narrow the pool to it
                graph_ids = [i for i in graph_ids if i not in a.excluded]
            if graph_ids and all(not c.strong for c in cons) and not bodies_placed(graph_ids, a, self.k):
                graph_ids = []  # "which Ethiopian institution ...": the weak pool has no Ethiopian body
            out["sparql"] = sparql
            if not graph_ids and empty_is_none(cons):  # "arab states countries not funded by the EU": none
                out["message"] = none_message(cons, self.k.label)
            pending = unregistered(cons, self.k) if not graph_ids and a.ratify and not a.pending else None
            if pending is not None:  # "which conventions did Angola ratify": approved, not registered
                out["message"], out["message_passages"] = pending.message, pending.passages
            if not graph_ids and not empty_is_none(cons) and (any(not c.strong for c in cons) or _through(cons, a.keyword_only)
                                                              or CHANNEL_ASKED.match(q)):
                # ("through which agencies do France and Spain support the DCI": the channel the
                # money takes, which no relation of the graph holds, is read from the sentence)
                if a.answer_type == "Country" and any(c.relation == "region" and not c.negated for c in cons):
                    # "in which Asian countries did the ILO partner with UNHCR": the sentences the
                    # text finds are kept in the region, as the graph's answer was
                    silent_pool = {f"Country:{iso}" for r in a.regions for iso in region_countries(self.k, r)}
                graph_ids, cons = None, []  # the graph is silent, not negative: ask the text
            elif only_exclusions(cons) and self._names_topic(self._residual_terms(a, cons)):
                # "apart from the pathfinders, with which countries are discussions ongoing": the
                # graph only says who is left out; what is asked is a topic, for the text; the
                # excluded set is taken out of the text's answers afterwards (a set difference)
                exclusions = [c for c in cons if c.negated]
                graph_ids, cons = None, []
            placed = origin_of_members.holder_countries(q, graph_ids or [], self.k) if a.answer_type == "Country" else {}
            if placed:  # "the new members ... came from which countries": where the holders are
                out["answers"] = self._holder_countries(placed, cons)
                out["strategy"], out["path"] = "graph", [c.description for c in cons] + ["countries the report places them in"]
                return self._finish(out, a, und, timings, t0)
            timings["sparql_ms"] = (time.perf_counter() - t) * 1e3
            if graph_ids and a.answer_type == "Organization" and a.linked("Country") and kind_heads.asks_body(q) \
                    and all(i.startswith("Country:") for i in graph_ids) and _agents(cons):
                # "which national body in Malawi led the roadmap": the graph's pathfinders are
                # countries, and a body of the country is asked: the sentence names it
                graph_ids, cons = None, []

        complement = self._topic_complement(a, cons, graph_ids) if graph_ids else None
        if complement is not None:  # "which Asian priority countries had no work on X": the universe minus X's
            out["answers"] = [self._graph_answer(i, cons, a) for i in complement[0]]
            out["strategy"], out["path"] = "graph", [c.description for c in cons] + [complement[1]]
            if not complement[0]:
                out["message"] = "None: every country of the universe asked about has such work in the report."
            return self._finish(out, a, und, timings, t0)
        # Members, pathfinders and roadmap holders are governments and organisations alike.
        und.agents_asked = _agents(cons)
        residual = self._residual_terms(a, cons)
        region_pool = region_topic.region_pool(a, cons, residual, graph_ids, _GENERIC | _FRAME | _QUESTION_STEMS,
                                               lambda i: common_named(self.k, i)) \
            if len(residual) < RESIDUAL_MIN_TERMS else None  # with fewer topic words the region would answer alone
        if region_pool is not None:  # "which African countries ... on unemployment insurance": the topic's, in the region
            graph_ids, cons = None, []
            a = replace(a, question=region_topic.without_regions(a.question, a.links))
            und.vector = self._embed(" ".join(a.question.split()))
        placed_in = None
        if graph_ids and not any(c.relation in placing_relations(a.answer_type) for c in cons):
            narrowed = in_named_countries(graph_ids, a.linked("Country"), a.answer_type, self.k)  # "... on Iraq's pensions"
            if len(narrowed) < len(graph_ids):
                graph_ids, placed_in = narrowed, "placed by the graph in " + ", ".join(
                    self.k.label(c) for c in a.linked("Country"))
        if graph_ids and a.answer_type == "Country":  # "tanzania c102 ratification": that country's, not the list
            narrowed_to = named_subject.subject_only(a.question, a.links, cons, graph_ids, a.excluded, pool,
                                                      lambda i: _as_funder(i, self.k))
            if narrowed_to is not None:
                graph_ids, placed_in = narrowed_to[0], f"the question is about {self.k.label(narrowed_to[1])}"
                if not graph_ids:
                    out["message"] = f"The report does not say this of {self.k.label(narrowed_to[1])}: no answer."
        if graph_ids and a.answer_type == "Scheme":  # "zambia health insurance scheme": the one named so
            names = [n for l in a.links for i in l.ids for n in self.k.names(i)]
            graph_ids = by_name_words(graph_ids, asked_words(a.topic_terms, names), self.k.label, a.question)
        named_thing = False  # one scheme or project named that no constraint binds
        scoped_to = None  # the scheme or initiative whose sentences narrowed the partners
        if cons and graph_ids and all(not c.strong for c in cons):
            # "partnered with the ILO under a UN Joint Programme on Zambia's policy": a named thing no
            # constraint binds says which of the weak pool's candidates the question means.
            bound = {e for c in cons for trip in c.evidence for e in trip}
            unbound = [l for l in a.links if l.type in ("Project", "LegalInstrument", "Scheme", "Initiative")
                       and not (set(l.ids) & bound)]
            residual = residual + [t for l in unbound for t in terms(l.surface)]
            # "Lebanon NDA - ILO working with which partners?": one named scheme is enough to look for
            # its sentence (the evidence must then name it), however few words its name has.
            named_thing = any(len(l.ids) == 1 and l.type in ("Scheme", "Project") for l in unbound)
            partnered_in = {t[0] for c in cons if not c.negated for t in c.evidence
                            if t[1] == "partneredWith" and t[0].startswith("Country:")}
            if a.answer_type == "Organization" and partnered_in and not unbound:
                # "who helped the ilo expand lebanon's disability allowance": the scheme by its name's end
                shortened = scoped_partners.scheme_by_tail(a.question, partnered_in, self.k)
                if shortened is not None and shortened not in bound:
                    unbound = [Link(0, 0, self.k.label(shortened), [shortened])]
            if a.answer_type == "Organization" and partnered_in and unbound:
                # "zambia digital convergence initiative partners": the partnerships whose own
                # sentence names the scheme or initiative asked about, not all of the country's
                narrowed_to = scoped_partners.scoped(graph_ids, partnered_in,
                                                     [l.ids[0] for l in unbound if len(l.ids) == 1], self.k)
                if narrowed_to is not None:
                    graph_ids, scoped_to = narrowed_to
                    placed_in = f"partnerships whose sentence names {self.k.label(scoped_to)}"
        need_text = not cons or ((len(residual) >= RESIDUAL_MIN_TERMS or named_thing) and a.answer_type not in ("Year",))
        # "which development banks contribute to Tajikistan's digitalisation": the graph's bodies
        # (Tajikistan's funders) hold none of the kind asked, so the sentence must say which do
        need_text = need_text or self._kindless(a, graph_ids)
        text_best: TextResult | None = None
        good: list[TextResult] = []
        also: list[TextResult] = []  # further sentences that narrow a graph answer the same way
        if need_text and a.answer_type != "Text":
            used = {e for c in cons for trip in c.evidence for e in trip}
            want = ENTITY_FOR_TYPE.get(a.answer_type)
            # Entities the question is about (beyond the asked type): the evidence must mention one
            # of each link's readings ("CNPS" may be either country's fund).
            # A phrase that names many things ("national social protection strategy") is a topic,
            # not an entity the evidence must mention.
            required = [set(l.ids) for l in a.links
                        if not (set(l.ids) & used) and not (set(l.ids) & AUTHOR_ORGS) and len(l.ids) <= AMBIGUOUS_LINK
                        and not all(common_named(self.k, i) for i in l.ids)  # "pension reform": a description
                        and l.type in ("Country", "Organization", "Initiative", "Scheme", "LegalInstrument")
                        and l.type != want]
            if exclusions:  # the excluded set's own names ("not Global Accelerator pathfinders") are no filter
                excluded_by = " ".join(c.pattern for c in exclusions)
                required = [ids for ids in required if not any(str(self.k.iri(i)) in excluded_by for i in ids)]
            exclude = set(a.linked("Organization")) & AUTHOR_ORGS
            # the author named in lower case ("with whom did the ilo organise ..."): its partners are asked
            exclude |= {o for o in AUTHOR_ORGS for n in self.k.names(o) if n.isupper() and len(n) >= 3
                        and re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", q, re.I)}
            if not pool:
                exclude |= context_names(a)  # "after its 2023 delivery in the DRC": context, not answer
                exclude |= AUTHOR_ORGS if author_is_context(a) else set()  # the ILO's partners, not the ILO
            if a.answer_type in ("Scheme", "Law", "Publication"):
                exclude |= set(a.linked("Organization"))  # "Kenya's NSSF" is who acts, not the scheme
            if exclusions:  # the excluded set is never read as an answer, so the best sentence is one that has others
                exclude |= self._excluded_set(a, exclusions)
            if region_pool is not None:  # the best sentence is one about a country of the region
                exclude |= {e["id"] for e in self.k.of_type("Country")} - region_pool
            # The dense query is the question without the names the filter already guarantees, so
            # similarity rewards the topic ("technical assistance on financing"), not the name.
            topic_q = q
            for link in sorted(a.links, key=lambda l: -l.start):
                if set(link.ids) & {i for ids in required for i in ids}:
                    topic_q = topic_q[:link.start] + topic_q[link.end:]
            t = time.perf_counter()
            # One embedding per question: the delexicalised question (names as type tokens) already
            # is the topic without the names the filter guarantees.
            qvec = und.vector if und.vector is not None else self._embed(" ".join(topic_q.split()))
            text_a = a
            if exclusions:  # the excluded set is the graph's to take out; the topic is the rest
                text_a = replace(a, question=without_negated_clause(a.question))
                qvec = self._embed(" ".join(without_negated_clause(topic_q).split()))
            timings["embed_ms"] = (time.perf_counter() - t) * 1e3
            t = time.perf_counter()
            results = figure_place.about_place(self.text.run(text_a, qvec, required, exclude), a, self.text)
            timings["text_ms"] = (time.perf_counter() - t) * 1e3
            # With (almost) no topic left beyond the required names ("Which country did the Gates
            # Foundation support?"), any unit that names them is evidence: the bar is lower.
            topic_left = [t for t in terms(topic_q) if t not in _QUESTION_STEMS]
            # The filter on required entities already vouches for relevance, so less similarity
            # is needed when there is one.
            bar = MIN_TEXT_SCORE if not required else MIN_TEXT_SCORE * (0.8 if len(topic_left) > 1 else 0.5)
            good = [r for r in results if r.score >= bar]
            if not good and a.answer_type == "Number" and results and results[0].score >= COUNTED_NUMBER_SCORE \
                    and _beside_counted(results[0], q, self.k):  # "how many entries" / "490 entries"
                good = results[:1]
            if not good and a.answer_type == "Number" and results and results[0].score >= TYPED_NUMBER_SCORE \
                    and _typed_figure(results[0], q, self.k):  # "how many times" / "convened twice"
                good = results[:1]
            if a.answer_type == "Number" and good:  # "one to present X (123 attendees); one to discuss Y (44 ...)"
                good = whole_over_lead_clause(good, self.units.units)
            if a.answer_type == "Number" and good:  # "platform users 2024": the figure before "users"
                good = prefer_counted(good, q, lambda r: _one_figure(r, self.k))
            if a.answer_type == "Number" and good:  # "platform users 2024": the sentence that writes 2024
                good = prefer_asked_year(good, q, lambda r: self.units.units[r.unit_id].text,
                                         lambda text: topic_weight(q, text, self.units.idf))
            if a.answer_type == "Number" and good:  # "monthly amount": the paragraph's amount per month
                good = prefer_per_period(good, results, q, lambda r: self.units.units[r.unit_id].text)
            if a.answer_type == "Year" and good:  # "launched in November 2023" over "in 2024, ... Eni"
                dated = prefer_dated_event(results)
                good = [dated[0]] + [r for r in good if r is not dated[0]]
            if good:
                text_best = good[0]
                if graph_ids is not None:
                    # The graph answer stands; a sentence narrows it only on strong evidence for a
                    # topic the graph cannot express (NARROW_SCORE above the answer bar).
                    # A sentence about another country is no evidence about the country the
                    # constraints name (another country's financing line says nothing of this one's
                    # funders): it must be in that country's context.
                    anchors = {e for c in cons if not c.negated for trip in c.evidence for e in (trip[0], trip[2])
                               if e.startswith("Country:")}
                    if a.answer_type != "Country":
                        # Nor is a sentence that never names the thing the question asks about
                        # ("the Flagship Programme's strategy guided by ...": a sentence on Jordan's
                        # strategy says nothing of the programme's): the named end must be in context.
                        named = {i for l in a.links for i in l.ids}
                        anchors |= {e for c in cons if not c.negated for trip in c.evidence for e in (trip[0], trip[2])
                                    if e in named and e.split(":", 1)[0] in _NAMED_THINGS and e not in AUTHOR_ORGS}
                    # And it must say the topic: most of the words left beyond the relations.
                    # A weak graph answer (partnerships are only held where a cue states them) is a
                    # pool of candidates: the answer bar suffices to narrow it.
                    factor = NARROW_FACTOR if any(c.strong for c in cons) else 1.0
                    # A theme no constraint filters on ("connect asia disability research ga
                    # pathfinders": the pathfinders are filtered, not the disability) is topic too.
                    patterns = " ".join(c.pattern for c in cons)
                    topic = residual + [t for l in a.links if l.type == "ThematicArea"
                                        and not any(str(self.k.iri(i)) in patterns for i in l.ids)
                                        for t in terms(l.surface) if t not in residual]

                    def narrows(r: TextResult) -> bool:
                        if not ({f.key for f in r.found} & set(graph_ids)) \
                                or not anchors <= self.text.passage_entities(r.passage_id):
                            return False
                        said = self.units.units[r.unit_id].text
                        if r.score >= factor * bar and says_topic(topic, said):
                            return True
                        if r.score >= factor * bar and len(topic) >= 2 and _ONE_COUNTRY.search(q) \
                                and topic_coverage(topic, said) > 0 \
                                and len(self.text.passage_entities(r.passage_id) & set(graph_ids)) == 1:
                            # "which country's comparative report ... led to a roadmap": a paragraph
                            # about one of the candidates tells its story over several sentences
                            # ("... a comparative report on X's legislation. ... The report ... led to
                            # a strategic roadmap"); every topic word in that paragraph is as strong
                            p = self.k.passage(r.passage_id)
                            return p is not None and topic_coverage(topic, p.text) >= 1.0
                        # A terse query is less similar to any sentence than its wordy form, yet a
                        # sentence writing every one of its topic words is as strong evidence: the
                        # answer bar suffices.
                        return r.score >= bar and len(topic) >= FULL_TOPIC_TERMS and topic_coverage(topic, said) >= 1.0

                    text_best = next((r for r in good[:3] if narrows(r)), None)
                    if text_best is not None and _PLURAL.search(q):
                        # "Which pathfinders joined through a high-level commitment?" is said entry
                        # by entry: other sentences that say the same topic add their answers.
                        also = [r for r in good[:12] if r is not text_best and r.score >= 0.9 * text_best.score
                                and narrows(r)]

        if graph_ids and text_best is None and a.answer_type == "Country" and len(residual) >= DESCRIBED_MIN_TERMS:
            text_best = self._description_over_filters(cons, residual, good)
            if text_best is not None:  # "which African island state's minister was quoted ...": one country
                graph_ids, cons = None, []
        if text_best is not None and graph_ids is None and a.answer_type == "Country" and \
                topic_rerank.asks_for_many(q):
            # a near sentence that writes the question's rare words beats one that only shares its frame
            text_best = topic_cover.prefer_keyed(good, a.question, self.units,
                                                 _GENERIC | _RELATION_WORDS | _QUESTION_STEMS | _FRAME,
                                                 topic_cover._long_forms(self.text)) or text_best
        if text_best is not None and graph_ids is None and a.answer_type == "Country":
            # the frame ("did the ILO support ...") chose a sentence with none of the topic's words
            text_best, good = topic_rerank.refocus(self.text, text_a, self._embed, text_best, good,
                                                   _GENERIC | _RELATION_WORDS | _QUESTION_STEMS | _FRAME,
                                                   required, exclude, qvec)
        if text_best is not None and graph_ids is None and a.answer_type == "Number" and not required and counts_people(q):
            # "how many people used the platform": every "N million people" sentence shares the frame;
            # the topic's own words choose the sentence, as for a topic's countries (a named country
            # or body already anchors the sentence: "how many people ... in Nigeria")
            text_best, good = topic_rerank.refocus(self.text, text_a, self._embed, text_best, good,
                                                   _GENERIC | _RELATION_WORDS | _QUESTION_STEMS | _FRAME,
                                                   required, exclude, qvec)
        if text_best is not None and graph_ids is None and a.answer_type == "Number" and \
                measure_words.unwritten(q, self.units.units[text_best.unit_id].text):
            # "What discount rate was assumed ...?": a sentence writing neither "discount" nor "rate"
            # states another figure ("more than 93 per cent of total employment")
            text_best = None
        if text_best is not None:
            topic = residual if graph_ids is not None else [t for t in a.topic_terms if t not in _FRAME]
            clause = prefer_clause(text_best, results, self.units.units, topic)
            if clause is text_best and graph_ids is not None:  # the question's whole topic tells the clauses apart
                clause = prefer_clause(text_best, results, self.units.units,
                                       list(dict.fromkeys(topic + [t for t in a.topic_terms if t not in _FRAME])))
            text_best = clause
            if also:  # other entries, not the sentence around the best clause (its other clauses say other things)
                also = [r for r in also if not _overlaps(self.units.units[r.unit_id], self.units.units[text_best.unit_id])]
            if a.answer_type == "Country":  # "participants from A and B explored C's ...": the part asked
                text_best = self._country_roles(text_best, q, asks_place=not (a.fund or a.partner or _ASKS_AGENT.search(_BENEFIT_PAID.sub(" ", q))))
        if text_best is not None and len(text_best.found) > 1:  # "the former NHIF to the new SHA": the SHA acts now
            p_best = self.k.passage(text_best.passage_id)
            current = superseded.current_only(text_best.found, p_best.text if p_best else "", q)
            if len(current) < len(text_best.found):
                text_best = dataclasses.replace(text_best, found=current)
        listed_why = None
        if graph_ids and text_best is None and not pool and a.answer_type in ("Country", "Organization"):
            # "ilo-imf pilot countries": a sentence lists the part of the graph's set the question's
            # extra words qualify.  A list only narrows: every name it gives must be in the graph's set.
            refined = self._listed_subset(a, cons, graph_ids)
            if refined is not None and set(refined[0]) < set(graph_ids):
                graph_ids, listed_why = refined
        answers: list[dict] = []
        if graph_ids is not None and text_best is not None:
            found = {f.key: (text_best, f) for f in text_best.found}
            for r in also:
                for f in r.found:
                    found.setdefault(f.key, (r, f))
            unit = self.units.units[text_best.unit_id]
            # a graph answer the narrowing sentence writes in apposition to an entity it read stays:
            # one mention, two names ("France (Expertise France) and Spain (FIIAPP)": the agencies
            # were read, the funders France and Spain are written beside them)
            keep = [i for i in graph_ids if i in found or self._apposed_in(i, [f for f in found if f != i], unit.text)]
            answers = [self._graph_answer(i, cons, a, extra=found.get(i)) for i in keep]
            if a.answer_type == "Organization" and (scoped_to is None or scoped_partners.names(unit.text, scoped_to, self.k)):
                # "national partners, such as the NSSF ...": the sentence says so (and, when the
                # partners were narrowed to a scheme's, it names that scheme)
                said = said_partners(text_best.found, unit.text,
                                     {t[1] for c in cons if not c.negated for t in c.evidence}, keep, AUTHOR_ORGS,
                                     unit.start)
                answers += [self._text_answer(f, text_best) for f in text_best.found if f.key in said]
            out["strategy"] = "graph+text"
        elif graph_ids is not None:
            answers = [self._graph_answer(i, cons, a) for i in graph_ids]
            out["strategy"] = "graph"
        elif text_best is not None:
            found_here = text_best.found
            seg = self.units.units[text_best.unit_id].text
            # "which country contributed €20 million", "which one made the largest contribution": the one
            # the list pairs with that figure, or with the extreme one
            owner = respective_item(seg, q) or respective_extreme(seg, q) if len(found_here) > 1 else None
            if owner:
                found_here = [f for f in found_here if any(n.lower() == owner.lower() for n in self.k.names(f.key))
                              or f.label.lower() == owner.lower()] or found_here
            answers = [self._text_answer(f, text_best) for f in found_here]
            if len(text_best.found) == 1 and _PLURAL.search(q):
                # "Which countries did the ILO support with actuarial valuations?" is answered
                # entry by entry: other passages that say the same about another country count.
                seen = {f.key for f in text_best.found}
                on_topic = self._on_best_topic(a.question, text_best)
                for r in good[1:12]:
                    if not on_topic(r):
                        continue  # "typhoons ... which countries": a near sentence on climate, no typhoon
                    if a.answer_type == "Country" and r.passage_id != text_best.passage_id:
                        r = self._country_roles(r, q)  # "in partnership with the Government of Japan": the entry's country
                    if r.passage_id != text_best.passage_id and r.score >= 0.9 * text_best.score \
                            and len(r.found) == 1 and r.found[0].key not in seen:
                        seen.add(r.found[0].key)
                        answers.append(self._text_answer(r.found[0], r))
            if a.answer_type == "Country" and len(text_best.found) == 1 and \
                    topic_rerank.asks_for_many(q):
                answers += self._swept(a, text_best, {x["iri"] for x in answers})
            if a.answer_type == "Country" and topic_rerank.asks_for_many(q):
                # a best sentence naming several countries may be one event's list: only sentences
                # writing every key word nearly as well add theirs (see app.qa.topics.topic_coverage)
                answers += self._covered(text_a, text_best, qvec, required, {x["iri"] for x in answers},
                                         strict=len(text_best.found) > 1, keyed=text_best.refocused)
            out["strategy"] = "text"
        themed = None
        if need_text and graph_ids is None and a.answer_type == "Country" and not required and topic_rerank.asks_for_many(q):
            # the question's theme is a thematic section's title: its country items (app.qa.topics.theme_sections)
            themed = theme_sections.results(self.text, text_a.question, _GENERIC | _RELATION_WORDS | _QUESTION_STEMS | _FRAME,
                                            exclude)
            if themed:
                answers, text_best, out["strategy"] = [self._text_answer(f, r) for r in themed[1] for f in r.found], \
                    themed[1][0], "text"
        if text_best is not None and graph_ids is None and answers and not out["sparql"]:
            out["sparql"] = self._label_query([x["iri"] for x in answers if x.get("iri")])
        answers = [x for x in answers if x is not None]
        dated_why = None
        if graph_ids is not None and a.answer_type not in ("Number", "Year", "Text"):
            dated = month_dated.narrowed(q, answers)  # "took on the secretariat in December 2024"
            if dated is not None:
                answers, dated_why = dated
        answers = national_answers(answers, a, self.k)  # "which Lao body ...": a body of that country
        if not pool and graph_ids is not None:  # "co-chair ... alongside the ILO": not one of the answers
            beside = {self.k.iri(i) for i in partner_names(a)}
            answers = [x for x in answers if x.get("iri") not in beside]
        kind = kind_heads.asked_kind(q) if a.answer_type == "Organization" else None
        if kind and answers:  # "which university led ...": the bodies of that kind
            # (a graph answer with none of that kind: the bodies of the kind the best sentence names)
            answers = self._of_kind(answers, kind, text_best or (good[0] if good and graph_ids is not None else None))
        activity = self._activity_funders(a, und, cons, out)
        if activity:  # who paid for the described activity, not the country's financing line
            answers, graph_ids, text_best, cons = activity, None, None, []
        if region_pool is not None:
            answers = region_topic.within(answers, region_pool, self.k.iri)
            # the topic asked report-wide, then kept in the region: its sentences are measured
            # against the topic's best sentence anywhere, not the region's best
            wide = region_topic.topic_question(q, a.links)
            # asked again only when the report-wide wording is itself settled (no region left to take out)
            if wide != q and region_topic.topic_question(wide, analyse(wide, self.lexicon).links) == wide:
                answers = region_topic.added_within(answers, self._ask_whole(wide).get("answers") or [],
                                                    region_pool, self.k.iri)
                out["strategy"] = out["strategy"] if out["strategy"] != "none" or not answers else "text"
            placed_in = "on the topic, kept when in the region asked"
        elif silent_pool and answers:
            answers = region_topic.within(answers, silent_pool, self.k.iri)
            placed_in = "kept when in the region asked"
        differed = bool(exclusions and answers and graph_ids is None)
        if differed:
            answers = self._set_difference(answers, exclusions)
        answers.sort(key=lambda x: (-x["score"], x["label"]))
        out["answers"] = answers
        out["path"] = ([resolved] if resolved else []) + (out.get("path", []) if activity else []) \
            + self._path(cons if graph_ids is not None else [], text_best) \
            + ([placed_in] if placed_in else []) + ([listed_why[0]] if listed_why else []) \
            + ([dated_why] if dated_why else []) \
            + ([f"the country items of the report's thematic section “{themed[0]}”"] if themed else []) \
            + ([f"minus the excluded set: {'; '.join(c.description for c in exclusions)}"] if differed else [])
        if not pool:  # a pick among named countries asks for one of them, not a name in a sentence
            self._span_step(a, und, out, timings)
        return self._finish(out, a, und, timings, t0)

    def _holder_countries(self, placed: dict[str, list[str]], cons: list[Constraint]) -> list[dict]:
        """Answers for the countries of a relation's holders (see :mod:`app.qa.multihop.origin_of_members`),
        each with the holders' facts as evidence."""
        res = []
        for country, holders in placed.items():
            pids = list(dict.fromkeys(p for h in holders for c in cons for f in self._facts_for(h, c) for p in f["passages"]))
            names = self.k.names(country) + [n for h in holders for n in self.k.names(h)]
            d = self._answer_dict(country, 1.0, [self._evidence(pid, names) for pid in pids[:3]])
            d["path"] = [f"{', '.join(self.k.label(h) for h in holders)}, placed in {d['label']}"]
            res.append(d)
        return res

    def _entry_scope(self, a: Analysis, out: dict) -> list[dict]:
        """Countries whose own entry names what the question asks about (see
        :mod:`app.qa.topics.entry_scope`); [] when the question names nothing to look for."""
        ids = {i for l in a.links if l.type in ("Organization", "Initiative", "Scheme", "LegalInstrument")
               for i in l.ids if i not in AUTHOR_ORGS}
        names = entry_scope.written_names(a.question, [(l.start, l.end) for l in a.links])
        if not ids and not names:
            return []
        found = entry_scope.entry_mentions(self.k, self.lexicon, ids, names)
        found = {c: pids for c, pids in found.items() if c not in a.linked("Country")}
        what = ", ".join([self.k.label(i) for i in sorted(ids)] + names)
        res = []
        for country, pids in found.items():
            d = self._answer_dict(country, 1.0, [self._evidence(pid, [n for i in ids for n in self.k.names(i)] + names)
                                                 for pid in pids[:3]])
            d["path"] = [f"the country entry of {d['label']} names {what}"]
            res.append(d)
        out["strategy"], out["path"] = "graph-entries", [f"country entries that name {what}"]
        out["sparql"] = self._label_query([self.k.iri(c) for c in found]) if found else ""
        return res

    def _description_over_filters(self, cons: list[Constraint], residual: list[str],
                                  good: list[TextResult]) -> TextResult | None:
        """When the graph holds only filters for a question (a region, priority status) and the
        question describes an event it cannot express ("the minister of which African island state
        was quoted on ratifying ..."), the filter's whole list is no answer: the sentence that says
        the description decides, and the filters keep only its countries that pass them (a region
        as the gazetteer places it, since a country without an entry has no region fact)."""
        def common(eid: str) -> bool:  # "pension reform": a thing the build named by a common noun
            ent = self.k.entity(eid) if ":" in eid else None
            return bool(ent) and ent["type"] in ("Scheme", "LegalInstrument", "Project") and ent["label"] == ent["label"].lower()

        # A constraint bound only by such a thing is the linker's guess at a description, not a name.
        soft = [c for c in cons if not c.negated and any(common(e) for trip in c.evidence for e in trip)]
        hard = [c for c in cons if c not in soft]
        if not cons or any(c.relation not in ("region", "priority") or c.negated for c in hard):
            return None
        widened = [region_constraint(c.evidence[0][2], self.k, widen=True, within=c.within)
                   if c.relation == "region" and len(c.evidence) == 1 else c for c in hard]
        allowed = set(self._run(to_sparql(widened))) if widened else None
        # The best sentence only: it must be strong, say a good part of the description itself,
        # and its passage most of it (a description paraphrases what the context around it says).
        r = good[0] if good else None
        if r is None or r.score < NARROW_FACTOR * MIN_TEXT_SCORE:
            return None
        u = self.units.units[r.unit_id]
        p = self.k.passage(u.passage_id)
        if topic_coverage(residual, u.text) < 0.3 or topic_coverage(residual, p.text if p else "") < NARROW_COVERAGE:
            return None
        kept = [f for f in r.found if allowed is None or f.key in allowed]
        return replace(r, found=kept) if kept else None

    def _country_roles(self, best: TextResult, question: str, asks_place: bool = True) -> TextResult:
        """The best sentence's countries narrowed to the part the question asks (see
        :mod:`app.qa.multihop.country_roles`)."""
        u = self.units.units[best.unit_id]
        p = self.k.passage(u.passage_id)
        if p is None:
            return best
        kept = country_roles.narrow(best.found, p.text[u.start:u.end], u.start, question, self.k.names,
                                    entry_country(p, self.lexicon))
        if asks_place:  # donors named in a country's entry stand for it, unless a donor or partner is asked
            kept = topic_cover.donors_as_entry(kept, self.text._entry_country(p), self.k, p.text[u.start:u.end], u.start)
        return best if [f.key for f in kept] == [f.key for f in best.found] else replace(best, found=kept)

    def _of_kind(self, answers: list[dict], kind: str, best: TextResult | None) -> list[dict]:
        """The answers whose names say the asked kind of body (see :mod:`app.qa.relation.kind_heads`); when
        none does, the bodies of that kind the answer's sentence names; else the answers as they are."""
        def names(x: dict) -> list[str]:
            ent = self.k.entity_by_iri(x["iri"]) if x.get("iri") else None
            return self.k.names(ent["id"]) if ent else [x["label"]]

        keep = [x for x in answers if kind_heads.of_kind(names(x), kind)]
        if keep and kind in kind_heads.SOFT_KINDS:
            return answers  # "which agencies co-organised it": the others are agencies too
        if keep:
            return keep
        if best is None:
            return self._of_kind_beside(answers, kind) or answers
        u = self.units.units[best.unit_id]
        found: dict[str, object] = {}
        for m in self.k.mentions_in(u.passage_id):
            eid = f"{m['type']}:{m['key']}"
            if m["type"] == "Organization" and u.start <= m["start"] and m["end"] <= u.end \
                    and kind_heads.of_kind(self.k.names(eid), kind):
                f = found.setdefault(eid, Found("Organization", eid, self.k.label(eid)))
                f.spans.append((m["start"], m["end"]))
        return [self._text_answer(f, best) for f in found.values()] or self._of_kind_beside(answers, kind) or answers

    def _kindless(self, a: Analysis, graph_ids: list[str] | None) -> bool:
        """Does the question ask a hard kind of body (a bank, a ministry: :mod:`app.qa.relation.kind_heads`)
        that none of the graph's answers is?"""
        kind = kind_heads.asked_kind(a.question) if a.answer_type == "Organization" and graph_ids else None
        return bool(kind) and kind not in kind_heads.SOFT_KINDS \
            and not any(kind_heads.of_kind(self.k.names(i), kind) for i in graph_ids)

    def _of_kind_beside(self, answers: list[dict], kind: str) -> list[dict]:
        """The bodies of the asked kind named in the very sentences that put the graph's answers in.
        "Which Lebanese ministry partnered with the ILO on the emergency top-up?": the graph's
        partners in that scheme's sentence are the EU and UNICEF, none a ministry; the sentence reads
        "the Ministry of Social Affairs (MoSA), in partnership with the ILO, UNICEF, and the EU", and
        the ministry is the answer.  Only a hard kind (a ministry, bank, council ...: never "agency",
        said of any body), and only bodies sharing a sentence with an answer's own mention."""
        if kind in kind_heads.SOFT_KINDS:
            return []
        have = {x.get("iri") for x in answers}
        found: dict[str, tuple[Found, TextResult, str]] = {}
        for x in answers:
            for ev in x.get("evidence", []):
                pid, spans = ev.get("passage_id"), ev.get("highlights") or []
                for uid in self.units.by_passage.get(pid, []):
                    u = self.units.units[uid]
                    if not any(u.start <= st < u.end for st, _ in spans):
                        continue
                    for m in self.k.mentions_in(pid):
                        eid = f"{m['type']}:{m['key']}"
                        if m["type"] != "Organization" or not (u.start <= m["start"] and m["end"] <= u.end) \
                                or str(self.k.iri(eid)) in have or not kind_heads.of_kind(self.k.names(eid), kind):
                            continue
                        f, _, _ = found.setdefault(eid, (Found("Organization", eid, self.k.label(eid)),
                                                         TextResult(uid, pid, float(x.get("score") or 1.0), []), x["label"]))
                        f.spans.append((m["start"], m["end"]))
        return [dict(self._text_answer(f, r), path=[f"a {kind} named in the sentence that puts {beside} in: "
                                                     f"{self.units.units[r.unit_id].text}"])
                for f, r, beside in found.values()]

    def _activity_funders(self, a: Analysis, und: Understanding, cons: list[Constraint], out: dict) -> list[dict]:
        """The payers of the one activity a funder question describes, read from the sentence that
        describes it (see :mod:`app.qa.multihop.activity_funders`); [] when the question describes no
        activity or no sentence says it with a funding cue."""
        # "which funders put up the €67m", "... €67 million was secured from the EU and others. Which
        # countries contributed?": the payers of the sum named, in the question or the context before it
        amounts = activity_funders.named_amounts(a.whole or a.question)
        # ("... €67 million was secured through contributions from the EU and others. Which countries
        # contributed?": the payers of a named sum asked as countries are its payers that are countries)
        as_countries = a.answer_type == "Country" and bool(amounts)
        if a.answer_type != "Organization" and not as_countries \
                or not (a.fund or amounts and activity_funders.PAID_VERB.search(a.question)) \
                or funds_work_in_general(a.question, role_kinds.role_words(a.question)) \
                or activity_funders.asks_the_line(a.question):
            return []  # "which social security institutions pay for the ILO's own work", "going by the financing line": no activity
        named = {t for l in a.links for i in l.ids for n in self.k.names(i) for t in terms(n)}
        topic = activity_funders.activity_terms(a.topic_terms, named, _FRAME | _QUESTION_STEMS, self.units.idf)
        # the words of ", where ..." on the country only say what the asker knows of the place
        bound = _bound_ends(cons)
        for s, e in place_description_spans(a.question, a.links, bound):
            outside = set(terms(a.question[:s] + " " + a.question[e:]))
            topic = [t for t in topic if t in outside]
        if len(topic) < activity_funders.MIN_TOPIC_TERMS and not amounts:
            return []
        required = [set(l.ids) for l in a.links if l.type in ("Country", "Organization", "Initiative", "Scheme")
                    and not (set(l.ids) & AUTHOR_ORGS) and len(l.ids) <= AMBIGUOUS_LINK]
        qvec = und.vector if und.vector is not None else self._embed(a.question)
        results = self.text.run(replace(a, answer_type="Organization"), qvec, required, set(), top=8)[:5]
        if amounts:  # a named sum is the anchor: the sentences that write it, the best retrieved first
            order = {r.unit_id: i for i, r in enumerate(results)}
            results = sorted((TextResult(i, u.passage_id, MIN_TEXT_SCORE, []) for i, u in enumerate(self.units.units)
                              if u.kind == "sentence" and activity_funders.writes_amount(u.text, amounts)),
                             key=lambda r: order.get(r.unit_id, len(order)))
        home = a.linked("Country")
        long_forms = topic_cover._long_forms(self.text)
        for r in results:
            if r.score < MIN_TEXT_SCORE * 0.8:
                break
            u = self.units.units[r.unit_id]
            p = self.k.passage(u.passage_id)
            if p is None or u.kind != "sentence":
                continue
            nxt = next((v for v in self.units.units[r.unit_id + 1:r.unit_id + 4]
                        if v.passage_id == u.passage_id and v.kind == "sentence"), None)
            prv = next((v for v in reversed(self.units.units[max(0, r.unit_id - 3):r.unit_id])
                        if v.passage_id == u.passage_id and v.kind == "sentence"), None)
            # the activity may be told across the sentence before ("expanded coverage to Social Cash
            # Transfer households ... With financial support from X, members of SCT households ...")
            said = (prv.text if prv else "") + " " + u.text + " " + (nxt.text if nxt else "")
            # an acronym the report defines says its long form's words ("members of SCT beneficiary
            # households": Social Cash Transfer) when they are the activity's, two or more of them
            # (the author's "ILO" says "labour" of no activity)
            own = u.text + " " + " ".join(w for t in terms(u.text) for w in long_forms.get(t, ())
                                          if len(set(long_forms[t]) & set(topic)) >= 2)
            if not amounts and (topic_coverage(topic, said) < activity_funders.MIN_COVERAGE
                                or topic_coverage(topic, own) < 0.25):
                continue
            country = home[0] if len(home) == 1 else None
            payers = activity_funders.funding_runs(p.text, u.start, u.end, self.k.mentions_in(u.passage_id), country)
            payers = activity_funders.paired_payers(u.text, payers, amounts)  # "... €1.2 million and €20 million respectively"
            named_ids = {i for l in a.links for i in l.ids}
            res = []
            for pay in payers:
                eid = pay.eid
                if as_countries and not (eid or "").startswith("Country:"):
                    continue  # "which countries contributed": the payers that are countries
                if eid is not None and eid.startswith("Country:") and not as_countries:
                    eid = _as_funder(eid, self.k) or eid
                if eid in named_ids or eid in AUTHOR_ORGS or eid in a.excluded:
                    continue
                ev = self._evidence(u.passage_id, [], spans=[pay.span])
                if eid is None:
                    d = {"label": pay.label, "iri": None, "type": "Organization", "score": round(r.score, 4),
                         "evidence": [ev]}
                else:
                    d = self._answer_dict(eid, r.score, [ev])
                    d["type"] = "Country" if as_countries else "Organization"
                d["path"] = [f"pays for the activity described, by the sentence: {u.text}"]
                res.append(d)
            if res:
                out["strategy"], out["sparql"] = "text-activity", ""
                out["path"] = [f"funders of the activity described (not the country's financing line), "
                               f"by the sentence: {u.text}"]
                return res
        return []

    def _fact_year(self, a: Analysis, und: Understanding, out: dict) -> list[dict] | None:
        """The year the graph dates a fact between the question's named ends (see :mod:`app.qa.things.fact_years`)."""
        pending = valid_years.not_in_effect(a, self.k)
        if pending is not None:  # "in what year did it become valid": approved, not registered yet
            out["strategy"], out["path"] = "graph", [pending.message]
            out["message"], out["message_passages"] = pending.message, pending.passages
            return []
        waiting = pending_adoption(a, self.k)
        if waiting is not None:  # "when was the (draft) law adopted": the report gives it as drafted
            out["strategy"], out["path"] = "graph", [waiting.message]
            out["message"], out["message_passages"] = waiting.message, waiting.passages
            return []
        fy = fact_year(a, und.relation, self.k)
        if fy is None:
            return None
        if not fy.year:  # the event asked is not the one the graph dates between the names
            out["strategy"], out["path"], out["message"] = "graph", [fy.why], f"The report does not date this: {fy.why}."
            return []
        out["strategy"], out["path"] = "graph", [fy.why]
        ev = [self._evidence(pid, [fy.year]) for pid in fy.passages]
        return [{"label": fy.year, "iri": None, "type": "Year", "value": float(fy.year), "score": 1.0,
                 "evidence": ev, "path": [fy.why]}]

    def _constraints(self, a: Analysis, und: Understanding | None = None) -> list[Constraint]:
        """The graph constraints of a list question, with its set conditions (a relation's kind read
        as the question says it: :mod:`app.qa.relation.sub_relations`)."""
        return result_sets.apply(a, set_conditions.apply(a, compose(a, sub_relations.apply(
            a, constraints_for(a, self.k), self.k, sub_relations.understood(und)), self.k), self.k), self.store)

    def _on_best_topic(self, question: str, best: TextResult):
        """A test of a further sentence: does it write the topic's rarest key word, the one the best
        sentence shares with the question (:func:`app.qa.topics.topic_coverage.key_terms`)?  A
        near score alone is the question's frame ("which countries did the ILO help ..."); the
        topic coverage step asks the same of the sentences it adds.  No key word: every sentence passes."""
        stop = _GENERIC | _RELATION_WORDS | _QUESTION_STEMS | _FRAME
        keys = topic_cover.key_terms(question, set(self.units.unit_terms[best.unit_id]), self.units.idf, stop)
        if not keys:
            return lambda r: True
        rarest = max(keys, key=lambda k: self.units.idf.get(k, self.units.default_idf))
        long_forms = topic_cover._long_forms(self.text)
        # "cocoa or coffee": a sentence writing the other word of the choice is on the topic too
        others = [ph for ph in either_word.coordinated_with(question, rarest)
                  if max(self.units.idf.get(t, 0.0) for t in ph) >= MIN_TOPIC_IDF]
        # ... as a statement, not as a word of a name or a title (app.qa.topics.name_words)
        asked = {t for t in terms(question) if t not in stop and t not in keys and
                 self.units.idf.get(t, 0.0) >= topic_cover.MIN_SECOND_IDF}

        def stated(r):
            return stated_terms(self.units, r.unit_id, asked, keys)
        return lambda r: either_word.holds_key_or_alternative(
            lambda t: topic_cover.holds_any(stated(r), t, long_forms), rarest, others)

    def _swept(self, a: Analysis, best: TextResult, have: set[str]) -> list[dict]:
        """Countries of every other sentence on the best sentence's topic (see :mod:`app.qa.topics.sweep`)."""
        linked_names = [n for l in a.links if l.type != "Country" for i in l.ids for n in self.k.names(i)]
        exclude = {i for i in a.linked("Country")}
        out = []
        for h in self.sweep.sweep(best.unit_id, a.question, linked_names, exclude):
            eid = f"Country:{h.iso3}"
            if str(entity_uri(eid)) in have:
                continue
            ev = self._evidence(h.passage_id, [], spans=h.spans)
            d = self._answer_dict(eid, 0.95 * best.score, [ev])
            d["path"] = [f"same topic, in the entry or sentence of {d['label']}: {self.units.units[h.unit_id].text}"]
            out.append(d)
        return out

    def _names_topic(self, residual: list[str]) -> bool:
        """Do the words left beyond the relations name a topic: two of them, or one rare enough
        ("which countries where the ILO worked on including refugees are not pathfinders")?"""
        return len(residual) >= RESIDUAL_MIN_TERMS or any(
            self.units.idf.get(t, 0.0) >= topic_cover.MIN_KEY_IDF for t in residual)

    def _topic_complement(self, a: Analysis, cons: list[Constraint], graph_ids: list[str]) -> tuple[list[str], str] | None:
        """The universe the graph names minus the countries a negated topic holds, with the path
        line saying so (see :mod:`app.qa.constraints.topic_complement`); None when the question
        negates no topic over a country universe.  A region alone stands for the region's
        countries the report has an entry for: a passing mention is no country it covers."""
        if a.answer_type != "Country" or a.negated or a.excluded or a.pending or a.any_result or a.result_types or \
                any(c.negated for c in cons) or \
                not all(i.startswith("Country:") for i in graph_ids):
            return None
        pos = topic_complement.positive(a.question)
        wide = topic_complement.report_wide(pos) if pos else None
        if wide is None:
            return None
        names = {t for l in a.links for i in l.ids for n in self.k.names(i) for t in terms(n)}
        if not [t for t in terms(wide) if t not in _TOPIC_STOP and t not in names and t not in _STRUCTURE_WORDS]:
            return None  # nothing but the universe left: "which priority countries did not ..." asks a relation
        universe = graph_ids
        if all(c.relation == "region" for c in cons):
            universe = self._run(to_sparql(cons + [Constraint("?answer fg:isPriorityCountry true .", "priority countries",
                                                              [], strong=False, relation="priority")]))
        held = {x.get("iri") for x in self._ask_whole(wide).get("answers") or []}
        kept = topic_complement.universe_minus(universe, {i for i in universe if str(entity_uri(i)) in held})
        return kept, f"minus the countries the question's topic holds (asked as “{wide}”)"

    def _excluded_set(self, a: Analysis, exclusions: list[Constraint]) -> set[str]:
        """The entities of the asked type that the question's negated relations leave out."""
        want = ENTITY_FOR_TYPE.get(a.answer_type)
        if not want:
            return set()
        every = set(self._run(f"{PREFIXES}SELECT DISTINCT ?answer WHERE {{ ?answer a fg:{want} . }}"))
        body = "\n  ".join(c.pattern for c in exclusions)
        kept = set(self._run(f"{PREFIXES}SELECT DISTINCT ?answer WHERE {{\n  ?answer a fg:{want} .\n  {body}\n}}"))
        return every - kept

    def _set_difference(self, answers: list[dict], exclusions: list[Constraint]) -> list[dict]:
        """The text's answers on the topic minus the set the question excludes by a relation
        ("which countries that had an actuarial valuation are not priority countries"): the graph
        keeps those that satisfy every negated constraint, and each kept answer says why in its path."""
        iris = [x["iri"] for x in answers if x.get("iri")]
        if not iris:
            return answers
        values = " ".join(f"<{i}>" for i in iris)
        body = "\n  ".join(c.pattern for c in exclusions)
        kept = {self.k.iri(i) for i in self._run(f"{PREFIXES}SELECT DISTINCT ?answer WHERE {{\n  VALUES ?answer {{ {values} }}\n  {body}\n}}")}
        why = "; ".join(c.description for c in exclusions)
        out = []
        for x in answers:
            if x.get("iri") and x["iri"] not in kept:
                continue
            x["path"] = list(x.get("path", [])) + [f"{why} (checked in the graph: set difference with the topic's answers)"]
            out.append(x)
        return out

    def _covered(self, a: Analysis, best: TextResult, qvec, required: list[set[str]], have: set[str],
                 strict: bool = False, keyed: bool = False) -> list[dict]:
        """Countries of every sentence that says the best sentence's topic nearly as well
        (see :mod:`app.qa.topics.topic_coverage`)."""
        stop = _GENERIC | _RELATION_WORDS | _QUESTION_STEMS | _FRAME
        exclude = set(a.linked("Country")) | set(a.excluded)
        keys, found = topic_cover.covered(self.text, a, qvec, required, best, stop, exclude, strict=strict, keyed=keyed)
        out = []
        for c in found:
            eid = f"Country:{c.iso3}"
            if str(entity_uri(eid)) in have:
                continue
            d = self._answer_dict(eid, min(c.score, 0.95 * best.score), [self._evidence(c.passage_id, [], spans=c.spans)])
            d["path"] = [f"on the same topic ({', '.join(keys)}), nearly as close as the best sentence "
                         f"({c.score:.2f} vs {best.score:.2f}), in the entry or sentence of {d['label']}: "
                         f"{self.units.units[c.unit_id].text}"]
            out.append(d)
        return out

    def _spelled_acronym(self, a: Analysis, out: dict) -> bool:
        """The words a passage writes before "(ACRONYM)" for an acronym the question asks the
        meaning of and the graph links to nothing (see :mod:`app.qa.names.spelled_acronyms`);
        passages of a country the question names first."""
        countries = set(a.linked("Country"))
        pids = sorted(self.k.passages, key=lambda pid: (not any(
            f"Country:{m['key']}" in countries for m in self.k.mentions_in(pid) if m["type"] == "Country"),
            self.k.passage_order[pid]))
        for acr in spelled_acronyms.question_acronyms(a.question, [(l.start, l.end) for l in a.links]):
            for pid in pids:
                text = self.k.passages[pid].text
                found = spelled_acronyms.spelled_out(text, acr) if f"({acr}" in text else None
                if found is None:
                    continue
                label, s, e = found
                why = f"the words the report writes before “({acr})”"
                d = {"label": label, "iri": None, "type": "Text", "score": 1.0,
                     "evidence": [self._evidence(pid, [acr], spans=[(s, e)])], "path": [why]}
                out["answers"], out["answer_type"], out["strategy"], out["path"] = [d], "Text", "text-span", [why]
                out["sparql"] = ""
                return True
        return False

    @cached_property
    def _glossary_only_ids(self) -> frozenset[str]:
        """The entities every mention of which is a row of the report's acronym list (read once:
        the mentions do not change while the engine runs)."""
        in_row: dict[str, list[bool]] = {}
        for pid, p in self.k.passages.items():
            for m in self.k.mentions_in(pid):
                line = p.text[p.text.rfind("\n", 0, m["start"]) + 1:].split("\n", 1)[0]
                in_row.setdefault(f"{m['type']}:{m['key']}", []).append(bool(ACRONYM_ROW.match(line)))
        return frozenset(eid for eid, rows in in_row.items() if rows and all(rows))

    def _named_itself(self, eid: str, out: dict, why: str, facts: list | None = None) -> None:
        """The question's own linked entity is the answer (its full name and acronym), with the
        passages that place or name it as evidence."""
        pids = list(dict.fromkeys([p for f in facts or [] for p in f["passages"]] + self.k.passages_mentioning(eid)))
        d = self._answer_dict(eid, 1.0, [self._evidence(pid, self.k.names(eid)) for pid in pids[:3]])
        ent = self.k.entity(eid) or {}
        if ent.get("acronym") and ent["acronym"] not in d["label"]:
            d["label"] = f"{d['label']} ({ent['acronym']})"
        d["path"] = [why]
        kind = eid.split(":", 1)[0]
        out["answers"], out["answer_type"], out["strategy"] = [d], OUTPUT_TYPES.get(kind, kind), "graph"
        out["path"] = d["path"]

    def _span_step(self, a: Analysis, und: Understanding, out: dict, timings: dict) -> None:
        """A name, title, number, place or group written in a sentence (see :mod:`app.qa.topics.spans`)
        replaces an answer that is not of the asked kind; a graph answer of that kind stands."""
        asked = asked_span(a.question, [(l.start, l.end) for l in a.links], a.answer_type)
        which = counted_spans.as_which(a.question) if a.answer_type == "Number" and not out.get("answers") else None
        if which is not None:  # "from how many Indian states did representatives take part": the group listed, counted
            grouped = asked_span(which, [(l.start, l.end) for l in a.links], "Text")
            if grouped is not None and grouped.kind == "group" and grouped.plural:
                asked = grouped
            else:
                which = None
        if asked is not None and asked.kind in ("title", "name") and a.answer_type in ("Year", "Number"):
            asked = None  # "the year in which the first study on ... came out": the study is named, its year asked
            # ("how many contributing countries does the report name": a count, not a name)
        if self._publication_countries(a, out):  # "which country is the report titled ... about"
            return
        if self._described_publication(a, asked, out):
            return
        if not (str(out.get("strategy", "")).startswith("graph") and out.get("answers")) or asks_expansion(a):
            expanded = expanded_acronyms(a, self.k)  # "what does OPG stand for in malawi": the name itself
            if expanded:
                self._named_itself(expanded[0], out, f"the name the acronym {self.k.entity(expanded[0]).get('acronym')} abbreviates")
                return
        if asks_expansion(a) and self._spelled_acronym(a, out):  # "what does CODI stand for": no entity of it
            return
        if asked is not None and asked.kind == "name" and "tool" not in asked.families and \
                a.answer_type not in ("Convention", "Publication", "Number", "Year") and not (
                str(out.get("strategy", "")).startswith("graph") and out.get("answers")):
            owned = owned_schemes(a, self.k)  # "Burkina Faso's universal health insurance scheme"
            if len(owned) == 1:
                self._named_itself(owned[0], out, "the scheme of that description the graph places in "
                                   f"{', '.join(self.k.label(c) for c in a.linked('Country'))}",
                                   [f for f in self.k.facts_where(subject=owned[0], predicate="schemeInCountry")
                                    if f["object"] in a.linked("Country")])
                return
        if asked is None and not out.get("answers") and a.answer_type not in ("Number", "Year"):
            # "which typhoon did Viet Nam's plan address": a thing no family knows, named in the
            # report with its head noun ("Typhoon Yagi"); asked only when nothing else answered
            asked = headed_ask(a.question, [(l.start, l.end) for l in a.links])
        if asked is None or graph_fits(asked, out, a.question, a.answer_type):
            return
        t = time.perf_counter()
        required = [set(l.ids) for l in a.links if not (set(l.ids) & AUTHOR_ORGS)
                    and (l.type in ("Country", "Organization", "Initiative") or
                         l.type in ("Scheme", "LegalInstrument") and asked.kind != "name")]
        linked = {i for l in a.links for i in l.ids}
        qvec = und.vector if und.vector is not None else self._embed(a.question)
        # "schemes in X": the sentence must place them in X, not just name X (as a funder, say)
        located = [set(l.ids) for l in a.links if l.type == "Country"
                   and re.search(r"\b(?:in|within)\s+(?:the\s+)?$", a.question[:l.start], re.I)]
        found = self.spans.find(which or a.question, asked, qvec, required, a.years, linked, set(terms(a.question)), located)
        timings["span_ms"] = (time.perf_counter() - t) * 1e3
        if not found:
            return
        if which is not None:
            counted_spans.answer(out, found, self.units, self._evidence)
            return
        answers = []
        for c in found:
            ev = [self._evidence(pid, [c.label], spans=[(s, e)])
                  for pid, s, e in [(c.passage_id, c.start, c.end)] + c.support]
            if c.eid and self.k.entity(c.eid) is not None:
                d = self._answer_dict(c.eid, c.score, ev)
            else:
                d = {"label": c.label, "iri": None, "type": c.kind, "score": round(c.score, 4), "evidence": ev}
                if c.kind == "Number":
                    d["value"] = number_value(c.label)
            u = self.units.units[c.unit_id]
            d["path"] = [f"{asked.kind} read from the sentence: {u.text}"]
            answers.append(d)
        out["answers"] = answers
        out["answer_type"] = {"number": "Number", "quantity": "Number", "title": "Publication"}.get(asked.kind, "Text")
        out["strategy"] = "text-span"
        a.span_families = frozenset(asked.families) if asked.kind == "name" else frozenset()
        out["path"] = [f"asked: a {asked.kind}" + (f" ({', '.join(asked.heads)})" if asked.heads else "")] + \
            [f"sentence: {self.units.units[found[0].unit_id].text}"]

    def _name_rx(self, eid: str) -> str | None:
        names = sorted({(n or "").strip() for n in self.k.names(eid) or [] if len((n or "").strip()) >= 3}, key=len, reverse=True)
        return "(?:" + "|".join(re.escape(n) for n in names) + ")" if names else None

    def _apposed_in(self, eid: str, others: list[str], text: str) -> bool:
        """The text writes one of the entity's names with one of ``others``' names in brackets right
        after it, or the other way round ("France (Expertise France)"): one mention, two names."""
        mine = self._name_rx(eid)
        if mine is None:
            return False
        for o in others:
            theirs = self._name_rx(o)
            if theirs is None:
                continue
            if re.search(r"(?<![\w-])" + mine + r"\s*\(\s*" + theirs + r"\s*\)", text) or \
                    re.search(r"(?<![\w-])" + theirs + r"\s*\(\s*" + mine + r"\s*\)", text):
                return True
        return False

    def _publication_countries(self, a: Analysis, out: dict) -> bool:
        """"Which country's National Social Security Fund had its health insurance schemes assessed
        in an ILO report?": the country a publication is about, the publication named by its own
        title's words.  The graph records the countries a publication is about (its title's
        adjectives, its sentence); the sentence nearest the question's words may be about another
        country's scheme.  Only when the question asks for countries, names none itself, says a
        publication kind, and one publication's title is named outright (its words, not its
        description or filters alone)."""
        # one country asked ("which country", "which country's"): "which countries put out a
        # statistics bulletin" asks for every country with one of that kind, which a title of
        # generic words ("Bulletin of Social Protection Statistics") does not single out
        if a.answer_type != "Country" or a.linked("Country") or not _PUB_KIND.search(a.question) \
                or not _ONE_COUNTRY_ASKED.search(a.question) or _COUNTRIES_ASKED.search(a.question) \
                or str(out.get("strategy", "")).startswith("graph"):
            return False
        found = self.titles.find(a.question, [l for l in a.links if l.type != "Country"], False, asks_place=True)
        # named by its title's own words (not by filters alone, nor by a translation's openings)
        if found is None or len(found.ids) != 1 or not found.why or "in English" in found.why[-1] or \
                not found.why[-1].startswith(("the question repeats ", "every word of the question's topic is in the title",
                                              "only its title writes")):
            return False
        eid = found.ids[0]
        countries = [f"Country:{c}" for c in sorted(self.titles.countries_of(eid))]
        countries = [c for c in countries if self.k.entity(c) is not None]
        if not countries:
            return False
        pids = self.k.passages_mentioning(eid) or (self.k.entity(eid) or {}).get("passages", [])
        names = self.k.names(eid)
        res = []
        for c in countries:
            d = self._answer_dict(c, 1.0, [self._evidence(pid, names) for pid in pids[:2]])
            d["path"] = [f"the country {self.k.label(eid)} is about"]
            res.append(d)
        out["answers"], out["answer_type"], out["strategy"] = res, "Country", "graph-publication"
        out["path"] = [f"publication named by the question: {'; '.join(found.why)}", f"the countries it is about"]
        return True

    def _described_publication(self, a: Analysis, asked, out: dict) -> bool:
        """A publication asked by what it is (kind, language, co-author, title words): the graph's
        publication records decide (see :mod:`app.qa.things.titles`); a graph answer of publications stands."""
        wrote = bool(_WHAT_WROTE.search(a.question))  # "what did the ILO co-publish with OHCHR?"
        keyword = asked is None and not wrote and a.answer_type != "Publication" and names_publication(a.question)
        if a.answer_type in ("Number", "Year") or (asked is not None and asked.kind != "title") or \
                not (a.answer_type == "Publication" or asked is not None or wrote or keyword):
            return False
        answers = out.get("answers") or []
        if answers and str(out.get("strategy", "")).startswith("graph") and all(x.get("type") == "Publication" for x in answers) \
                and not self.titles.kind_mismatch(a.question, [(self.k.entity_by_iri(x.get("iri", "")) or {}).get("id", "") for x in answers]):
            return False
        # "what did the ILO co-publish with X" names no single publication: every one is asked
        plural = asked.plural if asked is not None else bool(_PLURAL.search(a.question)) or not re.search(
            r"\b(paper|brief|report|title|guide|note|sheet|study|publication)\b", a.question, re.I)
        found = self.titles.find(a.question, a.links, plural)
        # (or the one publication of its kind a named co-publisher has: "joint ilo who guidance 2024")
        single_joint = len(found.ids) == 1 and any(w.startswith("published with") for w in found.why) if found else False
        if found is None or keyword and not single_joint and (found.listed or not found.why or found.why[-1].startswith("best match")):
            return False  # a keyword query is taken only for a title its words single out
        res = []
        for eid in found.ids:
            names = self.k.names(eid)
            pids = self.k.passages_mentioning(eid) or (self.k.entity(eid) or {}).get("passages", [])
            # a passage that writes the title first (the citation must show it), then the one that
            # says what the question says of it ("Working Paper 132: ...")
            qt = set(terms(a.question))
            texts = {pid: (self.k.passage(pid).text if self.k.passage(pid) else "") for pid in pids}
            low_names = [n.lower() for n in names if len(n) > 3]
            pids = sorted(pids, key=lambda pid: (not any(n in texts[pid].lower() for n in low_names),
                                                 -len(qt & set(terms(texts[pid])))))
            d = self._answer_dict(eid, 1.0, [self._evidence(pid, names) for pid in pids[:3]])
            d["path"] = [f"publication described by the question: {'; '.join(found.why)}"]
            res.append(d)
        out["answers"], out["answer_type"], out["strategy"] = res, "Publication", "graph-publication"
        out["sparql"] = self._label_query([self.k.iri(i) for i in found.ids])
        out["path"] = [f"publications of the graph filtered by: {'; '.join(found.why) or 'title words'}"]
        return True

    # -- understanding and shaping the result ------------------------------------------------
    def _embed(self, text: str) -> np.ndarray:
        """One question embedding, cached (a repeated question costs no model call)."""
        vec = self._embed_cache.get(text)
        if vec is None:
            vec = self.embedder.encode([text])[0]
            if len(self._embed_cache) > 2048:
                self._embed_cache.clear()
            self._embed_cache[text] = vec
        return vec

    def _understand(self, a: Analysis, timings: dict) -> Understanding:
        """Match the question to a template by meaning (one embedding of the delexicalised text)."""
        if self.intents is None:
            return Understanding(None, a.question, [])
        t = time.perf_counter()
        d = delexicalised(a)
        qvec = self._embed(d)
        first = self.intents.guess(qvec, d)
        guess = ground(first, a, self.k)  # the graph breaks a tie of meanings
        timings["intent_ms"] = (time.perf_counter() - t) * 1e3
        und = apply_intent(a, guess)
        if guess is not first:
            adopt(a, und, self.k)
        switched = typed_relation(a, und, keyword_support, self.k)  # an unworded relation gives way
        if switched:
            und.relation, und.direction = switched
        else:  # "mul countries": no relation worded, the one the graph holds for the name
            adopt_held_relation(a, und, keyword_support, self.k)
        adopt_worded_over_region(a, und, keyword_support)  # "europe central asia results 2024"
        flipped = reversed_direction(a, und.relation, und.direction, und.op, keyword_support, self.k)  # "kuwaiti funding"
        if flipped:
            und.direction, a.answer_type = flipped
        if both_ends_year(a, keyword_support, self.k):  # "ukraine No.102 ratified": only the year is left open
            a.answer_type = "Year"
        und.vector = qvec
        return und

    def _held_in_region(self, relation: str, things, regions) -> int:
        """How many countries of ``regions`` the graph links to one of ``things`` by ``relation``."""
        placed = {f["subject"] for r in regions for f in self.k.facts_where(predicate="inRegion", obj=r)}
        return len({f["subject"] for i in things for f in self.k.facts_where(predicate=relation, obj=i)} & placed)

    def _fund_of_described_scheme(self, a: Analysis) -> None:
        """"Which brands are paying into the garment workers' injury pilot in Bangladesh?": a funder
        question that names only a country and describes one of its schemes asks for that scheme's
        funders, when the graph holds some; the country is where the scheme is, not what is funded.
        The description is read by :func:`app.qa.multihop.described_scheme.described`."""
        if not a.fund or a.answer_type not in ("Organization", "Text") or len(a.linked("Country")) != 1 \
                or any(l.type != "Country" for l in a.links):
            return
        if not _SCHEME_NOUN.search(a.question):
            return  # "Senegal's social protection work": the country's work, no scheme described
        got = described(a, self.k, need_name=False, asking=_FUND_ASKING)
        if got is None or not got[0].startswith("Scheme:") or \
                not self.k.facts_where(predicate="fundedBy", subject=got[0]):
            return
        country = next(l for l in a.links if l.type == "Country")
        a.links = [Link(country.start, country.end, country.surface, [got[0]])]
        a.answer_type = "Organization"

    def _resolve_description(self, a: Analysis) -> str | None:
        """A country named by what happened there ("who financed the work in the country whose
        Older Persons' Act ...") is found by retrieval: the best sentence for the description that
        names a country decides it; the description's own names are then context, not constraints."""
        m = _DESCRIBED.search(a.question)
        if m is None:
            return None
        if not m.group(2) and (not _ASKS_BEFORE.search(a.question[:m.start()]) or _ASKS_BEFORE.search(m.group(3))):
            return None  # no connective: only a clause closing the question ("who funds the country Kuwait funds")
        if m.group(2).lower() == "with" and (not re.search(r"\b(?:country|nation)$", m.group(1), re.I)
                                             or embedded_country.split(a.question) is not None):
            # "the countries with a scheme": a set the graph reads, never one country by retrieval;
            # "when did the country with X join Y": the question proper follows the thing, which
            # the chain asked (app.qa.multihop.embedded_country)
            return None
        if re.search(r"\bwho\b", a.question[:m.start()], re.I):
            a.answer_type = "Organization"  # "who bankrolled the work in the country where ..."
        if a.answer_type == "Country":
            return None
        if any(l.type == "Country" and l.start < m.start() for l in a.links):
            return None  # a country is already named outside the description
        chained = described_set(a, m, self.lexicon, self.k, self._run)
        if chained is None and _SET_NOUN_END.search(m.group(1)):
            chained = self._described_set_asked(m)  # "the countries that adopted a national policy in 2024"
        if chained is None and _SET_NOUN_END.search(m.group(1)) and m.group(2).lower() in ("where", "in which", "that", "which"):
            chained = self._described_set_read(m)  # "the countries where the ILO is helping bring refugees in"
        if chained is not None:  # a relation the graph holds, or the description's own question: its whole answer set
            ids, why = chained
            start = m.start(1)
            a.excluded |= describers_set_aside(a, start)  # "who else funds the country Kuwait funds"
            a.links = [l for l in a.links if l.end <= start] + [Link(start, len(a.question), a.question[start:], ids)]
            a.any_of = True  # the named countries are alternatives: the asked relation holds for any
            country_chain.clear_described(a, start)  # "partners in the countries funded by the EU": partners
            return why
        if " " in m.group(1) and not re.search(r"\b(?:country|nation|place|territory)$", m.group(1), re.I):
            # "the African countries that ...": a described set, never one country by retrieval
            # ("the South American country where ...": one country, its modifiers a place it must lie in)
            return None
        # a country the description names is its context ("the countries that Japan supports")
        named_inside = {i for l in a.links if l.start >= m.start(1) for i in l.ids}
        found = self._described_country(m.group(2), m.group(3).strip(), m.group(1), named_inside)
        if found is None:
            return None
        country = found.country
        start = m.start(1)
        a.links = [l for l in a.links if l.end <= start] + [Link(start, len(a.question), a.question[start:], [country])]
        return f"“{a.question[start:]}” is {self.k.label(country) or country}, by the sentence: {found.sentence}"

    def _described_set_read(self, m) -> tuple[list[str], str] | None:
        """A set of countries described by what happened in them that no relation of the graph holds
        ("the countries where the ILO is helping bring refugees into national social protection"):
        the countries the description's own question answers ("In which countries is the ILO ..."),
        never one country by retrieval, since the noun is plural."""
        desc = m.group(3).strip().rstrip("?.! ")
        rel = m.group(2).lower()
        inner = f"In which countries {desc}?" if rel in ("where", "in which") else f"Which countries {desc}?"
        got = self._ask_whole(inner)
        ids = [e["id"] for x in got.get("answers") or [] if x.get("type") == "Country"
               for e in [self.k.entity_by_iri(x.get("iri") or "")] if e]
        if not ids:
            return None
        return ids, f"“{m.group(0).strip()}”: " + ", ".join(self.k.label(i) for i in ids) + f" (asked first: “{inner}”)"

    def _described_set_asked(self, m) -> tuple[list[str], str] | None:
        """A set of countries a description names ("the countries that adopted a national social
        protection policy in 2024"), asked as a question of its own ("Which countries adopted ...?"):
        its graph answer, when every answer is a country, is the set (a chain of two relations).
        Why: a plural description the hand-written steps do not compose went to retrieval, which
        settles one country, so the second relation was asked of one country of the set."""
        connective = " ".join(m.group(2).split()).lower()
        noun = " ".join(m.group(1).split())  # with its modifiers: "the African countries that ..."
        lead = {"that": f"Which {noun}", "which": f"Which {noun}", "where": f"In which {noun}",
                "in which": f"In which {noun}"}.get(connective)
        desc = m.group(3).strip().rstrip("?.! ")
        if lead is None or not desc:
            return None
        if _FUNDERS_ASKED.search(m.string[:m.start()]) and any(
                self.k.facts_where(predicate="fundedBy", obj=i) for l in self.lexicon.link(desc) for i in l.ids):
            # "which other donors co-finance the countries that Japan supports": among funders, a
            # donor's support is its money, not a partnership
            desc = _SUPPORT_VERB.sub(lambda v: _FUND_FORM[v.group(1).lower()], desc)
        asked = f"{lead} {desc}?"
        got = self._ask_whole(asked)
        ids = [x.get("iri") for x in got.get("answers") or []]
        if not ids or not str(got.get("strategy") or "").startswith("graph") or \
                any(x.get("type") != "Country" for x in got["answers"]):
            return None
        found = [e for e in (self.k.entity_by_iri(i) for i in ids) if e]
        if len(found) != len(ids):
            return None
        why = [p for p in got.get("path") or [] if not p.startswith(("understood as", "spelling", "question read"))]
        return [e["id"] for e in found], f"“{m.group(0)}”: asked as “{asked}”" + (f" ({why[0]})" if why else "")

    def _event_country(self, question: str, out: dict) -> None:
        """The one country a question asks by an event it tells, named by the sentence that best tells
        the event (:mod:`app.qa.multihop.event_country`); ``out`` unchanged when none does."""
        event = event_country.event_of(question)
        found = self._described_country("that", event) if event else None
        if found is None:
            return
        pid = next((u.passage_id for u in self.units.units if u.text == found.sentence), None)
        d = self._answer_dict(found.country, 1.0, [self._evidence(pid, self.k.names(found.country))] if pid else [])
        d["path"] = [f"the country the sentence that best tells “{event}” names: {found.sentence}"]
        out.pop("message", None)
        out.update(answers=[d], answer_type="Country", strategy="text (event)", path=d["path"] + list(out.get("path") or []))
        out["answer_text"], out["citations"] = summarise(out, self.k)

    def _described_country(self, rel: str, desc: str, noun: str = "country", named_inside: set[str] = frozenset()):
        """The one country the sentence that best says ``desc`` names, where ``noun`` places it
        ("the South Asian country"; see :mod:`app.qa.multihop.description_sentence`), or None."""
        found = description_sentence.country_of(
            rel, desc, analyse=lambda t: analyse(t, self.lexicon), encode=lambda t: self.embedder.encode([t])[0],
            text_run=self.text.run, units=self.units.units, passage=self.k.passage,
            entry_country=lambda p: entry_country(p, self.lexicon), names=self.k.names,
            as_government=named_as_government, as_donor=named_as_donor, min_score=MIN_TEXT_SCORE,
            author_orgs=AUTHOR_ORGS, named_inside=named_inside)
        return found if found is None or description_sentence.in_places(found.country, noun, self.lexicon.link, self.k) \
            else None

    def _finish(self, out: dict, a: Analysis, und: Understanding, timings: dict, t0: float) -> dict:
        """Drop answers of the wrong type, abstain with the nearest passages when nothing is left,
        write the one-sentence summary, and say in ``path`` how the question was understood."""
        want = out["answer_type"]
        if a.excluded:
            # "leaving the MUL aside, who funds Senegal": the donors behind a set-aside fund go with it
            behind = behind_set_aside(a.excluded, [i for i in a.linked("Country", "Scheme", "Project", "Initiative")
                                                   if i not in a.excluded], self.k) \
                if a.fund and want == "Organization" else set()
            out["answers"] = [x for x in out["answers"] if keeps(x, a.excluded | behind, self.k)]
            out.setdefault("path", []).append("set aside: " + ", ".join(sorted(i for i in a.excluded if self.k.entity(i)))
                                              + (" (and the funders behind it: " + ", ".join(sorted(behind)) + ")"
                                                 if behind else ""))
        out["answers"] = drop_named(out["answers"], a.aside_phrases)
        out["answers"] = titled(a.question, out["answers"], self.k)  # "... - full title?": the instruments' full titles
        if a.aside_governments:  # "besides governments, which organisations ...": no state is an answer
            out["answers"] = [x for x in out["answers"] if not_a_state(x, self.k)]
        out["answers"], places = keep_asked_places(a.question, a.links, out["answers"], self.k)  # "West African", "Maghreb"
        if want == "Organization" and "aggregate" not in str(out.get("strategy", "")):
            # "which European donors", "funders ... not European": where the payers are from (a
            # ranking is left whole: filtering after the top is taken would leave none)
            out["answers"], payers = keep_payers(a.question, out["answers"], self.k)
            if payers:
                out.setdefault("path", []).append(payers)
        if want == "Country" and region_answers.regions_asked_after(a.question):
            # "which countries ..., and in which region is each?": each country says its region
            for x in out["answers"]:
                eid = (self.k.entity_by_iri(x.get("iri") or "") or {}).get("id")
                for f in self.k.facts_where(subject=eid, predicate="inRegion") if eid else []:
                    x.setdefault("path", []).append(self._placing(x["label"], f["object"]))
        if places:
            out.setdefault("path", []).append(f"countries in {' or '.join(places)}")
        if counted_list.needs_count(want, str(out.get("strategy", "")), out["answers"], a.question):
            # "how many of them ...": the size of the list left once the set-aside names are out
            out["answers"] = [counted_list.as_count(out["answers"])]
            want = out["answer_type"] = "Number"
            out.setdefault("path", []).extend(out["answers"][0]["path"])
        out["answers"] = drop_author_agent(out["answers"], str(out.get("strategy", "")),  # "the ILO worked with X and Y"
                                           {str(entity_uri(i)) for i in AUTHOR_ORGS}, self._names_of_iri)
        named_pubs = linked_publications(a.question, out["answers"], [i for l in a.links for i in l.ids])
        if named_pubs:  # "wspr 24-26 subtitle": the publication named, whatever relation was read
            out["answers"] = [self._answer_dict(i, 1.0, [self._evidence(pid, self.k.names(i))
                                                         for pid in self.k.passages_mentioning(i)[:3]])
                              for i in named_pubs]
            # the publication named is what is asked, whatever type the relation read would want
            out["answer_type"], out["strategy"] = "Publication", "graph-publication"
            want = "Publication"
            out.setdefault("path", []).append("the subtitle of the publication named")
        add_subtitles(a.question, out["answers"])  # "... report 2024-26 subtitle": the part after the colon
        add_full_names(out["answers"], self.k)  # "Social Cash Transfer (SCT) programme" beside its label
        if want == "Scheme":  # "kenya schemes": not the public-private partnership beside them
            out["answers"] = keep_schemes(out["answers"], a.question, self.k)
        if want == "Year" or want == "Number" and out.get("strategy") == "text" and asked_unit(a.question) == "money":
            # "kenya roadmap endorsement year", "how much did the UK put into the Lebanon project":
            # not a date or an amount from a sentence about others
            named = {("Country:" + i.split("-", 1)[1]) if i.startswith("Organization:gov-") else i
                     for l in a.links for i in l.ids if i.startswith(("Country:", "Organization:gov-"))}
            out["answers"] = keep_about_named(out["answers"], sorted(c for c in named if c not in a.excluded
                                                                     and self.k.entity(c) is not None), self.k.names,
                                              [e["id"] for e in self.k.of_type("Country")])
        if want in ("Scheme", "Text", "Number") or a.answer_type == "Scheme":
            # "the unemployment insurance scheme kenya launched": not a health scheme read nearby
            out["answers"] = keep_branch(out["answers"], a.question, [(l.start, l.end) for l in a.links])
        if "Scheme" in (want, a.answer_type) and (not a.span_families or "scheme" in a.span_families):
            # not the donors' pooled fund, nor a scheme of another country ("on which platform is
            # Moldova's system built": a platform was read, not a scheme)
            out["answers"] = scheme_place.country_schemes(out["answers"], a, self.k)
        if want == "Convention" and re.search(r"\b(conventions?|recommendations?|standards?)\b", a.question, re.I):
            # a convention is asked: a national law or strategy (same graph type) is not one, nor
            # is a scheme; an ILO instrument the same evidence sentence names is (type repair)
            kept, dropped = [], []
            for x in out["answers"]:
                ent = self.k.entity_by_iri(x["iri"]) if x.get("iri") else None
                ok = ent is None and x.get("type") in ("Convention", "Text") or ent is not None and \
                    ent.get("type") == "LegalInstrument" and (ent.get("role") or "ILO").startswith("ILO")
                (kept if ok else dropped).append(x)
            if not kept and dropped:
                kept = self._instruments_in_evidence(dropped)
            out["answers"] = keep_asked_kind(kept, a.question, a.links, self.k,  # "which recommendation"
                                             self._instruments_in_evidence)
        scheme_of = asks_scheme_instruments(a, out, self.k)  # "which convention is the EIS pilot in line with"
        cited = cited_with(scheme_of, self.k) if scheme_of else {}
        entry_of = None if cited else asks_entry_instruments(a, out)  # "ukrainian pension reform aligned with which convention"
        if cited or entry_of:
            cited = cited or entry_instruments(entry_of, self.k, self.lexicon)
            why = [f"cited in the entry of {self.k.label(entry_of)}" if entry_of else f"cited with {self.k.label(scheme_of)}"]
            found = [dict(self._answer_dict(i, 1.0, [self._evidence(p, self.k.names(i)) for p in pids[:2]]), path=why)
                     for i, pids in cited.items()]
            out["answers"] = keep_named(keep_asked_kind(found, a.question, a.links, self.k), a.question, a.links,
                                        a.excluded, self.k)  # "recommendation cited alongside C102"
            if out["answers"]:
                out["strategy"] = "entry"
        if want in ("Country", "Organization"):
            # A pooled fund the graph holds as an initiative ("the Multi-donor Programme") is a
            # funder when the graph says so; text answers must be of the asked type.
            ok = {want, "Initiative"} if want == "Organization" and out.get("strategy", "").startswith("graph") else {want}
            if out.get("strategy") == "graph" and getattr(und, "agents_asked", False) and _keyword_head(a) is None:
                # "p4h network members": no noun says which kind of member, and members are
                # governments and organisations alike.
                ok |= {"Country", "Organization"}
            elif out.get("strategy") == "graph" and getattr(und, "agents_asked", False) and want == "Organization":
                # "which organisations are members of [network]": a member government is one of them.
                ok |= {"Country"}
            # (a network a sentence names beside the partners is one of them: "UNICEF and the CONNECT
            # network"; not the network the question itself names: "who led the CONNECT network's session")
            named = {i for l in a.links for i in l.ids}
            out["answers"] = [x for x in out["answers"] if x.get("type") in ok or
                              want == "Organization" and not out.get("strategy", "").startswith("graph")
                              and is_network(x.get("type", ""), x.get("label", ""))
                              and (self.k.entity_by_iri(x.get("iri", "")) or {}).get("id") not in named]
            role = role_kinds.asked_role(a.question) if want == "Organization" else None
            if role:  # "zambia un agency partners": the UN agencies among the partners
                out["answers"] = role_kinds.of_role(out["answers"], role,
                                                    lambda iri: (self.k.entity_by_iri(iri) or {}).get("role"), a.question)
            elif want == "Organization" and (side := role_kinds.asked_side(a.question)):
                # "which international development partners worked on ...": not the national bodies
                out["answers"] = role_kinds.of_side(out["answers"], side,
                                                    lambda iri: (self.k.entity_by_iri(iri) or {}).get("role"))
            # (read in the question as asked: an aside "apart from ..." may be out of the reading)
            aside = role_kinds.set_aside_role(out.get("question") or a.question, getattr(a, "aside_phrases", None) or ()) \
                if want == "Organization" else None
            if aside:  # "setting aside the national social security institution itself, who else ..."
                out["answers"] = role_kinds.without_role(out["answers"], aside,
                                                         lambda iri: (self.k.entity_by_iri(iri) or {}).get("role"))
            kinds = {x.get("type") for x in out["answers"]}
            if len(kinds) == 1 and kinds <= {"Country", "Organization"}:
                out["answer_type"] = kinds.pop()  # "usp2030 founders": the type says what the answers are
        if not out["answers"] and want not in ("Country", "Organization"):
            out["answers"] = self._addressed_cell(a, out) or []  # no reading found any: the cell its words name
        path = list(out.get("path") or [])
        if und.guess is not None:
            g = und.guess
            head = [f"understood as: {g.intent.op} {g.intent.relation or '(topic)'} "
                    f"({g.confidence:.2f}; nearest generated question: “{g.neighbours[0][0]}”)"]
            if und.corrections:
                head.insert(0, "spelling: " + ", ".join(und.corrections))
            path = head + path
        if getattr(a, "read_as", None):
            path = [f"question read as: “{a.read_as}”"] + path
        out["path"] = [re.sub(r"\b[A-Z][A-Za-z]+:[\w-]+\b", lambda m: self.k.label(m.group(0))
                              if self.k.entity(m.group(0)) else m.group(0), p) for p in path]
        if out["answer_type"] == "Year":  # "when did the ILO publish ...": "April 2024", as the evidence dates it
            out["answers"] = event_month.with_month(a.question, out["answers"])
        if out["answer_type"] == "Country" and out["answers"] and "text" in str(out.get("strategy", "")):
            self._clause_sets(a, out)  # "both A and B": two clauses of one sentence
        if not out["answers"]:
            out.setdefault("message", NO_RELIABLE_ANSWER)
            # the sentences the message rests on come first, marked, so a page can show them as its evidence
            said = [dict(self._evidence(p, []), backs_message=True) for p in out.pop("message_passages", [])]
            out["passages"] = said + [p for p in self._nearest_passages(a.question, und.vector)
                                      if p["passage_id"] not in {s["passage_id"] for s in said}]
        else:
            out["answer_text"], out["citations"] = summarise(out, self.k)
        timings["total_ms"] = (time.perf_counter() - t0) * 1e3
        out["timings_ms"] = {k: round(v, 2) for k, v in timings.items()}
        return out

    def _clause_sets(self, a: Analysis, out: dict) -> None:
        """"Which countries got both A and B", "... which did not also B": when the sentence that
        answered lists countries clause by clause, the two clauses the question names, combined
        (see :mod:`app.qa.topics.clause_sets`)."""
        pair = clause_sets.asked_pair(a.question, [(l.start, l.end) for l in a.links])
        if pair is None:
            return
        labels = [x["label"] for x in out["answers"]]
        for x in out["answers"]:
            for ev in (x.get("evidence") or [])[:1]:
                sentence = clause_sets.sentence_of(ev.get("text") or "", labels)
                isos = clause_sets.combine(pair, sentence) if sentence else None
                if isos is None:
                    continue
                why = (f"in {'both' if pair.op == 'and' else 'the first but not the second'} of two clauses of one "
                       f"sentence, “{pair.said[0]}” and “{pair.said[1]}”")
                kept = []
                for iso in isos:
                    d = self._answer_dict(f"Country:{iso}", x.get("score", 1.0),
                                          [self._evidence(ev["passage_id"], [countries.display_name(iso)])])
                    d["path"] = [why, f"sentence: {sentence}"]
                    kept.append(d)
                out["answers"], out["strategy"] = kept, "text (clauses)"
                out["path"] = list(out.get("path") or []) + [why, f"sentence: {sentence}"]
                return

    def _instruments_in_evidence(self, answers: list[dict]) -> list[dict]:
        """ILO conventions the evidence sentences of wrong-typed answers name ("the EIS Pilot ... in
        line with ... Convention (No. 121)"): the convention the question asked about that thing."""
        out: dict[str, dict] = {}
        for x in answers:
            for ev in x.get("evidence", [])[:1]:
                hl = ev.get("highlights") or [[0, 0]]
                text = ev.get("text", "")
                # the sentence around the answer's own mention
                start = text.rfind(". ", 0, hl[0][0]) + 1
                end = text.find(". ", hl[0][1])
                sent = (start, len(text) if end < 0 else end)
                for m in self.k.mentions_in(ev["passage_id"]):
                    eid = f"{m['type']}:{m['key']}"
                    ent = self.k.entity(eid) or {}
                    if m["type"] == "LegalInstrument" and (ent.get("role") or "").startswith("ILO") \
                            and sent[0] <= m["start"] < sent[1] and eid not in out:
                        d = self._answer_dict(eid, x.get("score", 1.0),
                                              [self._evidence(ev["passage_id"], self.k.names(eid))])
                        d["path"] = [f"the ILO instrument named with {x['label']} in the evidence sentence"]
                        out[eid] = d
        return list(out.values())

    def _nearest_passages(self, question: str, qvec: np.ndarray | None = None, k: int = 3) -> list[dict]:
        qvec = qvec if qvec is not None else self._embed(question)
        sims = self.units.vectors @ qvec
        seen, out = set(), []
        for i in np.argsort(-sims)[:20]:
            pid = self.units.units[int(i)].passage_id
            if pid in seen:
                continue
            seen.add(pid)
            p = self.k.passage(pid)
            out.append({"passage_id": pid, "section": p.section if p else "", "text": p.text if p else "",
                        "score": round(float(sims[i]), 4)})
            if len(out) >= k:
                break
        return out

    def _aggregate(self, a: Analysis, und: Understanding, out: dict, timings: dict,
                   stated: str | None = None) -> list[dict] | None:
        """argmax / argmin / group-by over a registry relation (see :mod:`app.qa.figures.aggregate`)."""
        dated = self._dated_extreme(a, und)
        if dated is not None:
            res = dated
            out["sparql"], out["strategy"], out["path"] = res.sparql, "graph-aggregate", res.path
            out["answer_type"] = res.answer_type or out["answer_type"]
            return [self._aggregate_answer(row) for row in res.rows]
        pair = region_rank.compared_regions(a)  # "which has more pathfinders, Africa or the Americas?"
        if pair:
            ranked = self._region_rank(a, out, region_rank.asks_fewer(a.question), pool=pair)
            if ranked is not None:
                return ranked
        if aggregate.WHICH_REGION.search(a.question) and aggregate.SUPERLATIVE_WORD.search(a.question):
            low = aggregate.SUPERLATIVE_WORD.search(a.question).group(1).lower() in ("fewest", "least", "lowest", "smallest")
            ranked = self._region_rank(a, out, low)
            if ranked is not None:
                return ranked
        if aggregate.WHICH_REGION.search(a.question) and aggregate.SUPERLATIVE_WORD.search(a.question) \
                and und.relation in REGISTRY and "Country" in REGISTRY[und.relation].domain:
            low = aggregate.SUPERLATIVE_WORD.search(a.question).group(1).lower() in ("fewest", "least", "lowest", "smallest")
            res = aggregate.region_extreme(self.store, self.k, REGISTRY[und.relation], a, lowest=low)
            if res is not None:
                out["sparql"], out["strategy"], out["path"], out["answer_type"] = res.sparql, "graph-aggregate", \
                    res.path, res.answer_type
                return [self._aggregate_answer(row) for row in res.rows]
        op, relation, direction = und.op, und.relation, und.direction
        said, among = ranking.read(a, und, stated, self._comparison) if op != "groupby" or a.regions else (None, None)
        if said is None and aggregate.COMPARATIVE_WORD.search(a.question):
            said, among = self._comparison(a, relation, votes=und.guess)
        if said is not None:
            op, relation, direction = said  # the question's own superlative over a counted noun
        if op not in ("argmax", "argmin", "groupby") or not relation or relation not in REGISTRY:
            return None
        if not among and op in ("argmax", "argmin") and relation == "fundedBy":
            among = self._funders_named(a)  # "which of Kenya's funders funds the most countries"
        t = time.perf_counter()
        within = (self._grouped_within(a) if op == "groupby" else self._ranked_within(a, op, relation)) \
            if not among else None
        res = aggregate.run(self.store, self.k, op, REGISTRY[relation], direction, a, among, within)
        timings["sparql_ms"] = (time.perf_counter() - t) * 1e3
        if res is None:
            return None
        out["sparql"], out["strategy"], out["path"] = res.sparql, "graph-aggregate", res.path
        if said is not None:
            out["path"] = [f"the question ranks by its own words ({'comparison' if among else 'superlative'}): "
                           f"{op} over ‘{relation}’"] + res.path
        if res.answer_type:
            out["answer_type"] = res.answer_type
        if among and len(among) == 2 and _HOW_MANY_MORE.search(a.question):
            # "how many more countries does the EU fund than the Netherlands": the gap between the two
            other = aggregate.run(self.store, self.k, "argmin" if op == "argmax" else "argmax", REGISTRY[relation],
                                  direction, a, among)
            if other is not None and other.rows and res.rows:
                gap = abs(res.rows[0].count - other.rows[0].count)
                why = f"{res.rows[0].label} ({res.rows[0].count}) − {other.rows[0].label} ({other.rows[0].count}) = {gap}" \
                    if res.rows[0].key != other.rows[0].key else f"both {res.rows[0].count}"
                out["answer_type"], out["path"] = "Number", out["path"] + [why]
                row = aggregate.Row(res.rows[0].key, str(gap), gap, res.rows[0].counted + other.rows[0].counted,
                                    res.rows[0].facts + other.rows[0].facts, why=why)
                d = self._aggregate_answer(row)
                d.update({"label": str(gap), "iri": None, "type": "Number"})
                return [d]
        return [self._aggregate_answer(row) for row in res.rows]

    def _ordinal(self, question: str) -> tuple[str, int, set[str]]:
        """The question with a ranking's ordinal taken out, the rank it wants and the entities named
        as ranked just before the answer (see :mod:`app.qa.figures.ordinal`); unchanged when it names a
        rival the lexicon does not know."""
        got = ordinal.read(question)
        if got is None:
            return question, 1, set()
        after = {i for l in self.lexicon.link(got.after) for i in l.ids} if got.after else set()
        if got.after and not after:
            return question, 1, set()
        return got.question, got.rank, after

    def _figure_rank(self, a: Analysis, out: dict) -> list[dict] | None:
        """'Which region got the largest share', 'did A or B get more': items of a written list of
        figures ranked by their figures (see :mod:`app.qa.figures.figure_rank`)."""
        ask = figure_rank.read_ask(a.question, self.lexicon.link) or figure_rank.read_sum(a.question, self.lexicon.link)
        if ask is not None and ask.total:
            return self._figure_sum(a, out, ask)
        if ask is None or (a.answer_type in ("Number", "Year") and not re.search(r"\b(?:which|who)\b", a.question, re.I)
                           and figure_rank.asked_item_type(a.question, ask) is None and not ask.counted
                           # ("did more older persons or more persons with disabilities receive ...": a
                           # figure a template guessed, the question's own ask is one of its two options)
                           and not (ask.options and _PARALLEL_MORE.search(a.question)
                                    and stated_answer_type(a.question) not in ("Number", "Year"))
                           # ("... share 2024 africa vs asia-pacific higher": two items set against each other)
                           and not (len(ask.options) == 2 and re.search(r"\b(?:vs\.?|versus)\s", a.question, re.I))):
            return None  # "what was the largest share": the figure itself, not the item it is said of
        got = figure_rank.best_ranking(a.question, ask, self.units, lambda pid: (self.k.passage(pid) or None) and
                                       self.k.passage(pid).text, self.lexicon.link, self.k.label,
                                       section_of=lambda pid: (self.k.passage(pid) or None) and self.k.passage(pid).section)
        if got is None and ask.options:
            return self._table_rows(a, out, ask)
        if got is None:
            return None
        chosen = ordinal.select(got.order, lambda i: got.items[i].value, a.rank,
                                (lambda i: got.ids[i] in a.ranked_after) if a.ranked_after else None)
        if chosen is None:
            return None
        ties, runner = chosen  # the top, or the rank a question asks below it ("the second largest share")
        polar = self._ranked_polar(a, got, out)  # "did RBSA allocations account for a bigger share than trust funds?"
        if polar is not None:
            return polar
        n_top = top_n.asked(a.question) if a.rank == 1 and not a.ranked_after else None
        if n_top:  # "top 3 regions by new-project money": the first three items
            ties, runner = top_n.first(got.order, n_top, lambda i: got.items[i].value)
        bar = thresholds.read(a.question) if a.rank == 1 and not a.ranked_after and not got.compared else None
        if bar is not None and (ask.kind == "percent" or not bar.percent):
            # "which regions received more than 12 per cent": every item over the bar, not the top one
            ties, runner = thresholds.meeting(list(got.order), lambda i: got.items[i].value, bar), None
            if not ties:
                return None
            bar_said = f"bar {bar.said}: " + ", ".join(f"{got.names[i]} ({got.items[i].figure})" for i in ties)
        else:
            bar_said = None
        listing = [f"{got.names[i]}: {got.items[i].figure}" for i in got.order]
        if ask.counted:  # "how many meetings drew more than 40 attendees": the items over the bar, counted
            return self._items_over_bar(got, ties, listing, bar_said, out) if bar_said else None
        out["strategy"], out["sparql"] = "text-aggregate", ""
        out["path"] = [f"{'compared' if got.compared else 'ranked'} by the figures the report writes: " + "; ".join(listing)]
        if runner is not None and len(ties) == 1:
            out["path"].append(f"runner-up: {got.names[runner]}: {got.items[runner].figure}")
        if bar_said:
            out["path"].append(bar_said)
        answers = []
        for i in ties:
            ev = [self._evidence(got.passage_of(i), [got.items[i].figure])]
            if got.ids[i]:
                d = self._answer_dict(got.ids[i], 1.0, ev)
            else:
                d = {"label": got.names[i], "iri": None, "type": "Text", "score": 1.0, "evidence": ev}
            d.update({"value": round(got.items[i].value, 6), "counted": listing, "path": list(out["path"])})
            answers.append(d)
        out["answer_type"] = answers[0]["type"]
        return answers

    def _ranked_polar(self, a: Analysis, got, out: dict) -> list[dict] | None:
        """Yes or no on two items of a written list of figures, each side of "more ... than" naming
        one (see :mod:`app.qa.figures.rank_polar`)."""
        from app.qa.figures import rank_polar

        pair = rank_polar.read(a.question)
        if pair is None:
            return None
        verdict = rank_polar.decide(*pair, got.names, [it.value for it in got.items], lambda text: set(terms(text)),
                                    lambda text: " ".join([text] + [self.k.label(i) for l in self.lexicon.link(text)
                                                                    if len(l.ids) == 1 for i in l.ids]))
        if verdict is None:
            return None
        i, j = verdict.first, verdict.second
        why = f"figures compared: {got.names[i]} {got.items[i].figure} vs {got.names[j]} {got.items[j].figure}"
        out["strategy"], out["sparql"], out["answer_type"], out["path"] = "text-aggregate", "", "Text", [why]
        ev = [self._evidence(p, [got.items[k].figure for k in (i, j) if got.passage_of(k) == p])
              for p in dict.fromkeys(got.passage_of(k) for k in (i, j))]
        return [{"label": "Yes" if verdict.held else "No", "iri": None, "type": "Text", "score": 1.0, "evidence": ev,
                 "counted": [f"{got.names[k]}: {got.items[k].figure}" for k in (i, j)], "path": [why]}]

    def _items_over_bar(self, got, ties: list[int], listing: list[str], bar_said: str, out: dict) -> list[dict]:
        """The number of a written list's items whose figures clear a bar, with the items counted
        and every item's figure (see :func:`app.qa.figures.figure_rank.read_ask`)."""
        counted = [f"{got.names[i]} ({got.items[i].figure})" for i in ties]
        out["strategy"], out["sparql"], out["answer_type"] = "text-aggregate", "", "Number"
        out["path"] = [bar_said, "the figures the report writes: " + "; ".join(listing)]
        ev = [self._evidence(p, [got.items[i].figure for i in ties if got.passage_of(i) == p])
              for p in dict.fromkeys(got.passage_of(i) for i in ties)]
        return [{"label": str(len(ties)), "iri": None, "type": "Number", "score": 1.0, "value": float(len(ties)),
                 "evidence": ev, "counted": counted, "path": list(out["path"])}]

    def _figure_sum(self, a: Analysis, out: dict, ask) -> list[dict] | None:
        """'The combined attendance of the four GTT meetings': the figures of a written list added
        up, each item with its figure in the answer's rows (see :func:`app.qa.figures.figure_rank.read_sum`)."""
        got = figure_rank.best_ranking(a.question, ask, self.units, lambda pid: (self.k.passage(pid) or None) and
                                       self.k.passage(pid).text, self.lexicon.link, self.k.label)
        if got is not None and ask.options:  # "the combined share of Africa and Asia-Pacific": those items only
            got = figure_rank.items_named(got, ask.options, lambda text: set(terms(text)),
                                          lambda text: {i for l in self.lexicon.link(text) for i in l.ids})
        size = figure_rank.stated_size(a.question)
        if got is not None and size is not None and 2 <= size < len(got.items):
            got = figure_rank.items_dated_as(got, a.question, size)  # "the two meetings held in September and November"
        if got is None or len(got.items) < 2 or (size is not None and size != len(got.items)) or \
                figure_rank.states_total(got.items):
            return None  # a total the report writes itself ("totalling US$17.8 million") is said, not added up
        total = sum(it.value for it in got.items)
        listing = [f"{n}: {it.figure}" for n, it in zip(got.names, got.items)]
        label = f"{total:,.0f}".replace(",", "") if float(total).is_integer() else f"{total:g}"
        if ask.kind == "percent" and all(re.search(r"per ?cent|%", it.figure, re.I) for it in got.items):
            label += " per cent"  # shares added up are a share
        why = "added up from the figures the report writes: " + " + ".join(it.figure for it in got.items) + f" = {total:,.0f}"
        out["strategy"], out["sparql"], out["answer_type"], out["path"] = "text-aggregate", "", "Number", [why]
        ev = [self._evidence(p, [it.figure for i, it in enumerate(got.items) if got.passage_of(i) == p])
              for p in dict.fromkeys(got.passage_of(i) for i in range(len(got.items)))]
        return [{"label": label, "iri": None, "type": "Number", "score": 1.0, "value": total, "evidence": ev,
                 "counted": listing, "path": [why]}]

    def _table_rows(self, a: Analysis, out: dict, ask) -> list[dict] | None:
        """'Are more staff at headquarters or in regional teams?': two rows of a table compared."""
        got = figure_rank.table_rows(self.tables.cells, ask, a.question)
        if got is None:
            return None
        rows, values, col, cells = got
        i = min(range(2), key=lambda k: values[k]) if ask.low else max(range(2), key=lambda k: values[k])
        if values[0] == values[1]:
            return None
        from app.qa.figures.tables import _cell_sparql

        label = rows[i].split(">")[-1].strip()
        why = f"{cells[i].table} — {col}: " + "; ".join(f"{r.split('>')[-1].strip()} {v:,.0f}" for r, v in zip(rows, values))
        out["strategy"], out["answer_type"], out["path"], out["sparql"] = "graph-table", "Text", [why], \
            _cell_sparql(cells[i].iri)
        ev = [self._evidence(cells[i].passage_id, [label])] if cells[i].passage_id else []
        return [{"label": label, "iri": None, "type": "Text", "score": 1.0, "value": float(values[i]),
                 "evidence": ev, "counted": [f"{r.split('>')[-1].strip()}: {v:,.0f}" for r, v in zip(rows, values)],
                 "path": [why]}]

    def _region_rank(self, a: Analysis, out: dict, lowest: bool, pool: list[str] | None = None) -> list[dict] | None:
        """'Which region has the most countries with an improving-operations result / funded by the
        Dutch?': the countries of the same question asked as a list (every constraint the graph step
        reads, region words aside), grouped by region (see :mod:`app.qa.figures.region_rank`).  None when
        the question ranks by counted objects ('the most results') or sets no condition beyond
        regions and priority status (the registry's group-by answers those)."""
        cons = self._region_free_constraints(a)
        if region_rank.counts_objects(a.question) or (cons is None and not pool):
            return None
        # two regions compared by their countries alone ("more priority countries in A or B"): all of each
        ids = [i for i in self._run(to_sparql(cons)) if i.startswith("Country:")] if cons else \
            region_rank.members(pool, self.k)
        rows = [(r.region, r.countries, r.facts) for r in region_answers.regions_for(ids, "", self.k) or []]
        if pool:  # two regions compared: only they are ranked, one holding none of the countries among them
            rows = [r for r in rows if r[0] in pool] + [(p, [], []) for p in pool if p not in {r[0] for r in rows}]
        elif lowest:  # a region with none of them has the fewest
            rows = region_rank.with_empty_regions(rows, self.k)
        ranked = region_rank.rank(rows, lowest, a.rank, a.ranked_after)
        if ranked is None:
            return None
        top, runner = ranked
        n_top = top_n.asked(a.question) if not pool and a.rank == 1 and not a.ranked_after else None
        if n_top:  # "which two regions have the most pathfinders": the first two
            top, runner = top_n.first(sorted(rows, key=lambda r: len(r[1]), reverse=not lowest), n_top, lambda r: len(r[1]))
        out["sparql"], out["strategy"], out["answer_type"] = to_sparql(cons) if cons else \
            region_rank.members_sparql(pool, _iri), "graph-aggregate", "Region"
        said = '; '.join(c.description for c in cons) if cons else "countries of each region"
        out["path"] = [f"{'fewest' if lowest else 'most'} countries by region: {said}"] + \
            ordinal.said(a.rank, a.ranked_after, self.k.label(top[0][0]), len(top[0][1]), rows, lowest, self.k.label) + \
            ([f"runner-up: {self.k.label(runner[0])} ({len(runner[1])})"] if runner else [])
        answers = []
        if pool and len(top) > 1:
            out["path"].append("a tie: " + ", ".join(f"{self.k.label(r)} ({len(c)})" for r, c, _ in top))
        for region, countries, facts in top:
            labels = [self.k.label(c) for c in countries]
            why = f"{self.k.label(region)}: {len(labels)} ({', '.join(labels)})"
            answers.append(self._aggregate_answer(aggregate.Row(region, self.k.label(region), len(labels), labels,
                                                                facts, why=why)))
        return answers

    def _funders_named(self, a: Analysis) -> list[str] | None:
        """"Which of Kenya's funders funds the most countries", "among the donors of Jordan, which
        ...": the ranked funders are the named country's own (its financing line), or None when
        the question names no such group."""
        out: list[str] = []
        for l in a.links:
            if l.type != "Country":
                continue
            if _OWN_FUNDERS_AFTER.match(a.question, l.end) or _FUNDERS_OF_BEFORE.search(a.question[:l.start]):
                for c in l.ids:
                    out += [f["object"] for f in self.k.facts_where(subject=c, predicate="fundedBy")]
        return list(dict.fromkeys(out)) or None

    def _ranked_within(self, a: Analysis, op: str, relation: str) -> list[str] | None:
        """'Which pathfinder country has the most funders?': the countries the question's other
        conditions define (pathfinder status, a result, a ratification ...; regions are the
        ranking's own filter), or None when it sets none.  When the ranked things are not countries
        ('which funder backs the most *pathfinder* countries'), these are the countries counted."""
        r = REGISTRY[relation]
        if op not in ("argmax", "argmin") or (a.answer_type != "Country" and "Country" not in r.domain + r.range):
            return None
        described = [i for l in a.links if a.any_of and len(l.ids) > 1 and all(i.startswith("Country:") for i in l.ids)
                     for i in l.ids]  # "the Global Accelerator pathfinder countries", resolved to a set (country_chain)
        if described and a.answer_type != "Country":
            return described
        named = a.linked("Country")
        if named and a.answer_type != "Country" and "Country" in r.domain \
                and not _COUNTRIES_COUNTED.search(a.question):
            # "which is the main donor in Madagascar", "the biggest funder of the ILO's work in
            # Jordan": the named countries are the ones counted, so only their own funders rank
            # (the report gives no amounts; breadth across the named countries decides). "Which of
            # Kenya's funders funds the most countries" counts countries in so many words: not so
            return named
        cons = [c for c in (self._region_free_constraints(a) or [])
                if c.relation not in ("region", "priority") and not _through([c], {relation})]
        return self._countries_meeting(cons)

    def _grouped_within(self, a: Analysis) -> list[str] | None:
        """'How many countries improved operations in each region?': the countries the question's
        conditions define (a result type, a funder, a ratification ...), to be grouped by region;
        None when it sets none beyond region and priority status (the relation alone groups)."""
        return self._countries_meeting(self._region_free_constraints(a) or [])

    def _countries_meeting(self, cons: list[Constraint]) -> list[str] | None:
        """The countries that meet every constraint; None when there are no constraints or none meets them."""
        if not cons:
            return None
        ids = [i for i in self._run(to_sparql(cons)) if i.startswith("Country:")]
        return ids or None

    def _region_free_constraints(self, a: Analysis) -> list[Constraint] | None:
        """The list question's constraints with its region words aside; None when they set nothing
        beyond region and priority status."""
        as_list = replace(a, answer_type="Country", regions=[], links=[l for l in a.links if l.type != "Region"])
        cons = [c for c in self._constraints(as_list) if c.strong]
        if not cons or all(c.relation in ("region", "priority") for c in cons):
            return None
        return cons

    def _year_series(self, a: Analysis, out: dict) -> list[dict] | None:
        """'year most new projects approved', 'total new projects 2021 to 2024', 'by how much did
        ... fall from 2023 to 2024': arithmetic over a table whose rows are years (see
        :mod:`app.qa.figures.year_series`)."""
        if a.linked("Country") or set(a.linked("Organization")) - AUTHOR_ORGS:
            return None  # "the EU's new project ... over three years": one funder's, which no year row holds
        if a.linked("Region") and figure_rank.summed_names(a.question, self.lexicon.link):
            return None  # "the combined share of Africa and Asia-Pacific": named items added, not year rows
        res = self.tables.series(a.question, a.answer_type, a.rank)
        if res is None:
            return None
        from app.qa.figures.tables import _cell_sparql

        out["sparql"], out["strategy"], out["answer_type"] = _cell_sparql(res.cells[0].iri), "graph-table", res.kind
        out["path"] = [res.why]
        if len(res.labels) > 1:  # "which years had more than 15 new projects": each year with its own row
            return [{"label": y, "iri": None, "type": res.kind, "score": 1.0, "value": float(y),
                     "evidence": [self._evidence(c.passage_id, [c.row])] if c.passage_id else [], "path": [res.why]}
                    for y, c in zip(res.labels, res.cells)]
        ev = [self._evidence(c.passage_id, [c.row]) for c in res.cells[:3] if c.passage_id]
        return [{"label": res.label, "iri": None, "type": res.kind, "score": 1.0, "value": res.value,
                 "evidence": ev[:1], "path": [res.why]}]

    def _result_kinds(self, a: Analysis, out: dict) -> list[dict] | None:
        """'How many kinds of results did Lao PDR achieve?' (see :func:`app.qa.constraints.result_sets.kinds_of`)."""
        found = result_sets.kinds_of(a, self.store)
        if found is None:
            return None
        sparql, kinds = found
        country = a.linked("Country")[0]
        labels = [re.sub(r"(?<=[a-z])(?=[A-Z])", " ", re.split(r"[#/]", k)[-1]).lower() for k in kinds]
        facts = self.k.facts_where(subject=country, predicate="achievedResult")
        pids = list(dict.fromkeys(p for f in facts for p in f["passages"]))
        out["sparql"], out["strategy"] = sparql, "graph"
        out["path"] = [f"distinct result types of {self.k.label(country)}: {', '.join(labels) or 'none'}"]
        return [{"label": str(len(kinds)), "iri": None, "type": "Number", "score": 1.0, "value": float(len(kinds)),
                 "counted": labels, "evidence": [self._evidence(pid, self.k.names(country)) for pid in pids[:3]],
                 "path": list(out["path"])}]

    def _regions(self, a: Analysis, out: dict) -> list[dict] | None:
        """'Which regions does X fund countries in?' (see :mod:`app.qa.figures.region_answers`)."""
        if not region_answers.asks_regions(a.question) or aggregate.SUPERLATIVE_WORD.search(a.question) \
                or a.answer_type in ("Number", "Year"):
            return None
        as_list = replace(a, answer_type="Country", regions=[], links=[l for l in a.links if l.type != "Region"])
        cons = [c for c in self._constraints(as_list) if c.strong]
        if not cons or all(c.relation in ("region", "priority") for c in cons):
            # "which region is Kenya in", "region of the country with the Haba Haba scheme": the
            # countries are named, or implied by the one thing named; no relation describes them
            found = None if cons or a.regions else region_answers.subject_countries(as_list, self.k, self._run)
            if found is None:
                return None
            ids, sparql, why = found
        else:
            ids = [i for i in self._run(to_sparql(cons)) if i.startswith("Country:")]
            sparql, why = to_sparql(cons), "; ".join(c.description for c in cons)
        rows = region_answers.regions_for(ids, a.question, self.k)
        out["sparql"], out["strategy"], out["answer_type"] = sparql, "graph-aggregate", "Text"
        out["path"] = [f"regions of: {why}"]
        if not rows:  # the graph answers the condition for every region: none meets it
            out["message"] = "No region meets that condition in the report."
            return []
        answers = []
        for r in rows:
            labels = [self.k.label(c) for c in r.countries]
            row = aggregate.Row(r.region, self.k.label(r.region), len(r.countries), labels, r.facts,
                                why=f"{self.k.label(r.region)}: {', '.join(labels)}")
            answers.append(self._aggregate_answer(row))
        return answers

    def _comparison(self, a: Analysis, relation: str | None, word_rx=aggregate.COMPARATIVE_WORD, votes=None):
        """"Which funds more countries, Ireland or Japan?": the named names, ranked by the relation
        the comparative (or a superlative over a named pool) counts.  Countries compared as funders
        are their governments."""
        pair = choices.compared(a)
        if not pair:
            return None, None
        kind = pair[0].type if len({l.type for l in pair}) == 1 else "Organization"
        said = aggregate.superlative_intent(a, relation, word_rx, kind, votes)
        ids = [choices.main_id(l) for l in pair]
        if kind == "Organization":  # a country set against organisations is its government
            ids = [_as_funder(i, self.k) if i and i.startswith("Country:") else i for i in ids]
        if said is None and kind == "Country":
            kind = "Organization"
            said = aggregate.superlative_intent(a, relation, word_rx, kind, votes)
            ids = [_as_funder(i, self.k) for i in ids]
        if said is None or not all(ids):
            return None, None
        a.links = [l for l in a.links if l not in pair]
        a.answer_type = kind  # the compared names are what is answered
        return said, ids

    def _dated_extreme(self, a: Analysis, und: Understanding):
        """'Which country ratified C102 the earliest / most recently?': the statement year decides."""
        pool = [choices.main_id(l) for l in choices.compared(a)] or None  # "did A or B ratify earlier?"
        # (the year a template guessed is no ask of the question's own: "did the Jordanian or the
        # Iraqi government ratify first?" picks one of the two)
        guessed_year = a.answer_type == "Year" and pool and stated_answer_type(a.question) != "Year"
        if a.answer_type in ("Number", "Year", "Text") and not guessed_year:
            return None
        latest, earliest = aggregate.LATEST.search(a.question), aggregate.EARLIEST.search(a.question)
        if not (latest or earliest):
            later, earlier = aggregate.LATER.search(a.question), aggregate.EARLIER.search(a.question)
            if not pool or not (later or earlier):
                return None
            latest = later if later and (not earlier or later.start() < earlier.start()) else None
        rel = "ratified" if a.ratify else und.relation
        r = REGISTRY.get(rel) if rel else None
        if r is None or "year" not in r.qualifiers:
            return None
        if pool and not all(p and p.split(":", 1)[0] in r.domain for p in pool):
            pool = None  # the names compared are not what the relation ranks
        want = ENTITY_FOR_TYPE.get(a.answer_type, a.answer_type)
        if want not in r.domain and not pool:  # "which ratified Convention 102 first, A or B": the pair is asked
            return None
        return aggregate.by_year(self.store, self.k, r, a, latest=bool(latest), pool=pool)

    def _shared_initiatives(self, a: Analysis, out: dict) -> list[dict] | None:
        """The initiative the named countries all take part in (see :mod:`app.qa.multihop.shared_initiatives`)."""
        found = shared_initiatives(a, self.k, AUTHOR_ORGS)
        if found is None:
            return None
        res = []
        for init in found.initiatives:
            pids = list(dict.fromkeys(p for f in found.facts[init] for p in f.get("passages") or []))
            d = self._answer_dict(init, 1.0, [self._evidence(pid, self.k.names(init)) for pid in pids[:3]])
            d["path"] = [f"every named participant is held under the membership family of {self.k.label(init)}"]
            res.append(d)
        out["strategy"], out["path"] = "graph", ["initiatives shared by " + ", ".join(
            self.k.label(i) for i in a.linked("Country", "Organization") if i not in AUTHOR_ORGS)]
        out["sparql"] = self._label_query([self.k.iri(i) for i in found.initiatives])
        return res

    def _stated_count(self, a: Analysis, out: dict) -> list[dict] | None:
        """A count the report states for the named entity ("has 25 members"; see :mod:`app.qa.figures.counts`)."""
        if _AIMED.search(_outside_names(a)):
            return None  # an ambition or target is read from where it is stated (a table, a sentence), not a count held
        c = stated_count(a, self.k, AUTHOR_ORGS)
        if c is None:
            return None
        why = f"{self.k.label(c.entity)} —hasQuantity→ {c.label}"
        out["strategy"], out["path"] = "graph", [why]
        out["sparql"] = (f"{PREFIXES}SELECT ?answer WHERE {{\n  <{self.k.iri(c.entity)}> fg:hasQuantity "
                         f"<{self.k.iri(c.quantity)}> .\n  <{self.k.iri(c.quantity)}> ?p ?answer .\n}}")
        ev = [self._evidence(pid, [c.label]) for pid in c.passages[:3]]
        label = f"{c.value:,.0f}" if c.value == int(c.value) else f"{c.value:,}"
        return [{"label": label, "iri": None, "type": "Number", "value": c.value, "score": 1.0,
                 "evidence": ev, "path": [why]}]

    def _listed_instruments(self, a: Analysis, out: dict) -> bool:
        """Every ILO instrument of the asked kind, or their number (:mod:`app.qa.things.instrument_listing`)."""
        listed = listed_instruments(a, self.k, AUTHOR_ORGS)
        if not listed:
            return False
        answers = [self._answer_dict(i, 1.0, [self._evidence(pid, self.k.names(i)) for pid in
                                              (self.k.entity(i) or {}).get("passages", [])[:1]]) for i in listed]
        counted = re.search(r"\bhow many\b", a.question, re.I) is not None
        out["answers"] = [counted_list.as_count(answers)] if counted else answers
        out["answer_type"] = a.answer_type = "Number" if counted else "Convention"
        out["strategy"], out["path"] = "graph", ["every ILO instrument of the asked kind the graph holds"]
        out["sparql"] = self._label_query([self.k.iri(i) for i in listed])
        return True

    def _publication_number(self, a: Analysis, out: dict) -> list[dict] | None:
        """The number a described publication carries (:mod:`app.qa.things.publication_number`)."""
        found = publication_number(a.question, a.links, self.titles)
        if found is None:
            return None
        eid, number, why = found
        names = self.k.names(eid)
        pids = self.k.passages_mentioning(eid) or (self.k.entity(eid) or {}).get("passages", [])
        out["strategy"], out["path"] = "graph-publication", [f"the number of {self.k.label(eid)}: {'; '.join(why)}"]
        out["answer_type"] = a.answer_type = "Number"
        out["sparql"] = self._label_query([self.k.iri(eid)])
        return [{"label": number, "iri": None, "type": "Number", "value": float(number), "score": 1.0,
                 "evidence": [self._evidence(pid, names + [number]) for pid in pids[:2]], "path": list(out["path"])}]

    def _publication_count(self, a: Analysis, out: dict) -> list[dict] | None:
        """How many publications of a stated kind, language or co-author (:mod:`app.qa.figures.publication_count`)."""
        found = counted_publications(a.question, a.links, self.titles)
        if found is None:
            return None
        out["strategy"], out["path"] = "graph-publication", [f"publications of the graph filtered by: {'; '.join(found.why)}"]
        out["answer_type"] = a.answer_type = "Number"
        out["sparql"] = self._label_query([self.k.iri(i) for i in found.ids])
        return [counted_list.as_count([self._answer_dict(i, 1.0, []) for i in found.ids])]

    def _table(self, a: Analysis, out: dict, stated_type: str | None = None) -> list[dict] | None:
        """A figure addressed by a table's row and column (see :mod:`app.qa.figures.tables`).

        ``stated_type``: the type the question's words ask for before the intent guess; a question
        that names its table ("In Table 1, which branch ...") is looked up with it too, so a weak
        guess from the generated bank ("which report ...") cannot hide the table."""
        if not a.linked("Country"):
            top = self.tables.marked_extreme(a.question, [self.k.label(r) for r in a.regions])  # "... by the most countries"
            if top is not None:
                labels, n, counts, pid = top
                out["strategy"], out["answer_type"] = "graph-table", "Text"
                within = f" ({', '.join(self.k.label(r) for r in a.regions)})" if a.regions else ""
                out["path"] = [f"marked rows per column{within}: " + "; ".join(f"{column_heading(c)} {k}" for c, k in counts)]
                out["sparql"] = ""
                return [{"label": label, "iri": None, "type": "Text", "score": 1.0, "value": float(n),
                         "evidence": [self._evidence(pid, [label])] if pid else [], "path": list(out["path"])}
                        for label in labels]
        compared = result_sets.kinds_compared(a, self.k)  # "which had more kinds of result, A or B?"
        if compared is not None:
            winners, kinds, op = compared
            why = f"{op} by distinct result types: " + "; ".join(f"{self.k.label(c)} {len(v)}" for c, v in kinds.items())
            out["strategy"], out["answer_type"], out["path"], out["sparql"] = "graph-aggregate", "Country", [why], ""
            rows = [aggregate.Row(c, self.k.label(c), len(kinds[c]), [t.replace("_", " ") for t in kinds[c]],
                                  self.k.facts_where(subject=c, predicate="achievedResult"), why=why) for c in winners]
            return [self._aggregate_answer(r) for r in rows]
        if a.answer_type not in ("Country", "Organization", "Number") and not self._sets_names_against(a):
            cells = self.tables.marked(a.question, [i.split(":", 1)[1] for i in a.linked("Country")])
            if cells:
                from app.qa.figures.tables import _cell_sparql, heading

                out["sparql"], out["strategy"], out["answer_type"] = _cell_sparql(cells[0].iri), "graph-table", "Text"
                out["path"] = [f"{c.table} — row “{c.row}”: marked under “{c.col}”" for c in cells]
                return [{"label": heading(c.col), "iri": None, "type": "Text", "score": 1.0, "value": None,
                         "evidence": [self._evidence(c.passage_id, [c.row.split(">")[-1].strip()])] if c.passage_id
                         else [], "path": [f"{c.row} — {c.col}"]} for c in cells]
        t = self._asked_cell(a.question, a.answer_type, a.rank)
        if t is None and stated_type and stated_type != a.answer_type and (
                TABLE_NAMED.search(a.question) or self.tables.row_kind_table(a.question)):
            t = self.tables.lookup(a.question, stated_type, a.rank)  # "which branch ...": a table's rows
        if t is None and TABLE_NAMED.search(a.question) and a.answer_type not in ("Country", "Organization", "Year"):
            t = self.tables.lookup(a.question, "Number", a.rank)  # a table of figures, named: "what were the resources required"
        if t is None or not tables_place.about_named(t.cell, a.linked("Country"), self.k.names, a.question):
            return None
        c = t.cell
        ev = self._evidence(c.passage_id, [], spans=None) if c.passage_id else None
        if ev is not None:
            low = ev["text"].lower()
            for needle in (c.row.split(">")[-1].strip().lower(), f"{c.value:,.0f}".lower()):
                i = low.find(needle)
                if i >= 0:
                    ev["highlights"].append([i, i + len(needle)])
            ev["highlights"].sort()
        out["sparql"], out["strategy"], out["path"] = t.sparql, "graph-table", [t.why]
        out["answer_type"] = t.kind
        ans = {"label": t.label, "iri": None, "type": t.kind, "score": t.score, "evidence": [ev] if ev else [],
               "path": [t.why], "unit": c.unit}
        ans["value"] = (t.value if t.value is not None else c.value) if t.kind == "Number" else \
            (float(t.label) if t.kind == "Year" else None)
        return [ans] + [dict(ans, label=label, value=float(label) if t.kind == "Year" else ans["value"]) for label in t.tied]

    def _asked_cell(self, question: str, answer_type: str, rank: int):
        """The cell the asking sentence addresses, with the table a sentence of context names
        ("... depends on project money rather than the regular budget. Table 5 breaks down staff by
        location and funding source. How many technical cooperation staff were in the regional and
        country teams?": the context's "regular budget" is not the column asked); the whole
        question's cell when the asking sentence alone addresses none."""
        asked = last_asking(question)
        if asked != question:
            named = TABLE_NAMED.search(question)
            if named and not TABLE_NAMED.search(asked):
                asked = f"{asked} ({named.group(0)})"
            t = self.tables.lookup(asked, answer_type, rank)
            if t is not None:
                return t
        return self.tables.lookup(question, answer_type, rank)

    def _column_pair(self, a: Analysis, out: dict) -> list[dict] | None:
        """'Which step exceeded its ambition by the largest margin?', 'where do regular budget staff
        outnumber technical cooperation staff?': rows of a table compared across two columns."""
        if a.linked("Country") or (a.answer_type in ("Country", "Organization") and not TABLE_NAMED.search(a.question)
                                   and not cell_choice.sets_side_by_side(a.question)):
            return None  # a named table's rows are what "in which part of the organisation" asks
        res = self.tables.column_pair(a.question, a.whole if a.excluded else None)
        if res is None:
            return None
        from app.qa.figures.tables import _cell_sparql

        out["strategy"], out["answer_type"], out["path"] = "graph-table", res.kind, [res.why]
        out["sparql"] = _cell_sparql(res.rows[0][2].iri) if res.rows else ""
        if not res.rows:
            out["message"] = "No row of the table meets that condition."
        answers = []
        if res.kind == "Boolean":  # "has effective coverage reached its ambition?": the row against its target
            out["answer_type"] = "Text"
            row, value, ca, cb = res.rows[0]
            ev = [self._evidence(ca.passage_id, [row.split(">")[-1].strip()])] if ca.passage_id else []
            return [{"label": "Yes" if res.held else "No", "iri": None, "type": "Text", "score": 1.0, "evidence": ev,
                     "counted": [f"{ca.col}: {ca.value:,.0f}", f"{cb.col}: {cb.value:,.0f}"], "path": [res.why]}]
        for row, value, ca, cb in res.rows:
            label = f"{value:,.2f}".rstrip("0").rstrip(".") if res.kind == "Number" else row.split(">")[-1].strip()
            ev = [self._evidence(c.passage_id, [row.split(">")[-1].strip()]) for c in (ca,) if c.passage_id]
            answers.append({"label": label, "iri": None, "type": res.kind, "score": 1.0, "evidence": ev,
                            "value": float(value) if res.kind == "Number" else float(label) if res.kind == "Year" else None,
                            "counted": [f"{ca.col}: {ca.value:,.0f}", f"{cb.col}: {cb.value:,.0f}"], "path": [res.why]})
        return answers

    @staticmethod
    def _sets_names_against(a: Analysis) -> bool:
        """'Which had more results in 2024, Albania or Uzbekistan?': two names set against each other
        by a comparative ask which of them wins (:meth:`_figure_choice`), not the table cells marked
        in their rows, even when no head noun says the names' type."""
        run = choices.compared(a)
        return len(run) == 2 and figure_choice.questions(a.question, choices.compared_spans(a, run)) is not None

    def _figure_choice(self, a: Analysis, out: dict) -> list[dict] | None:
        """'Which country affiliated more people, A or B?': the figure asked of each name alone, the
        larger (or smaller) wins (see :mod:`app.qa.figures.figure_choice`)."""
        if a.answer_type in ("Number", "Year") and not _WHICH_ONE_OF.search(a.question):
            return None  # a figure is asked, unless "which one" of the names is ("... the largest number of")
        run = choices.compared(a)
        got = figure_choice.questions(a.question, choices.compared_spans(a, run)) if len(run) >= 2 else None
        if got is None:
            return None
        compared = self._compare_figures(got.questions, got.larger)
        if compared is None:
            return None
        subs, values, k, why = compared
        eid = choices.main_id(run[k])
        out["strategy"], out["path"], out["sparql"] = "text-aggregate", [why], ""
        d = self._answer_dict(eid, 1.0, subs[k]["answers"][0].get("evidence", [])[:1])
        d["path"] = [why]
        out["answer_type"] = d.get("type") or out.get("answer_type")  # "who achieved more, A or B": one of the named
        # ... whatever type the descriptors' names suggested ("Malawi's new Old Persons' Grant or
        # Burkina Faso's CNAMU enrolment" is no scheme question: the finish keeps the country chosen)
        a.answer_type = out["answer_type"]
        return [d]

    def _compare_figures(self, questions, larger: bool):
        """Each figure question asked on its own: (answers, figures, index of the winner, why), or
        None unless every one gave one figure and the top ones differ."""
        subs = [self.ask(q) for q in questions]
        values = [next((x.get("value") for x in r["answers"] if x.get("type") == "Number"), None)
                  if len(r["answers"]) == 1 else None for r in subs]
        k = figure_choice.pick(values, larger)
        if k is None:
            return None
        return subs, values, k, "figures compared: " + "; ".join(f"“{q}” {v:,.0f}" for q, v in zip(questions, values))

    def _rows_of_kind(self, a: Analysis, out: dict) -> list[dict] | None:
        """'Which branches of social security show impacts in the 2024 impact table?': a table's
        row labels of the kind asked, each once (see :meth:`TableLookup.rows_of_kind`)."""
        if a.answer_type in ("Number", "Year") or a.linked("Country"):
            return None
        got = self.tables.rows_of_kind(a.question)
        if got is None:
            return None
        table, level, cells = got
        why = f"row labels of {table}" + (" (nested rows)" if level else "")
        from app.qa.figures.tables import _cell_sparql

        out["strategy"], out["answer_type"], out["path"] = "graph-table", "Text", [why]
        out["sparql"] = _cell_sparql(cells[0].iri)
        return [{"label": c.row.split(">")[level].strip(), "iri": None, "type": "Text", "score": 1.0,
                 "evidence": [self._evidence(c.passage_id, [c.row.split(">")[level].strip()])] if c.passage_id else [],
                 "path": [f"{why}: “{c.row}”"]} for c in cells]

    def _listed_names_count(self, a: Analysis, out: dict) -> list[dict] | None:
        """'In how many languages is the toolkit available?': the names the listing question finds
        in a sentence, counted (see :func:`app.qa.figures.counted_list.listing_question`)."""
        listing = counted_list.listing_question(a.question)
        if listing is None:
            return None
        sub = self.ask(listing)
        names = [x for x in sub.get("answers") or [] if x.get("type") == "Text"]
        if not names or len(names) != len(sub.get("answers") or []):
            return None
        counted = counted_list.as_count(names)
        out["strategy"], out["sparql"], out["answer_type"] = sub.get("strategy") or "text", "", "Number"
        out["path"] = [f"listed first: “{listing}”"] + counted["path"]
        return [counted]

    def _option_choice(self, a: Analysis, out: dict) -> list[dict] | None:
        """'Did the allowances reach more persons with disabilities or more older persons?': each
        group's count asked on its own, the group with the larger figure answered as the question
        words it (see :mod:`app.qa.figures.option_choice`)."""
        got = option_choice.read(a.question)
        if got is None:
            return None
        compared = self._compare_figures(got.questions, got.larger)
        if compared is None:
            return None
        subs, values, k, why = compared
        out["strategy"], out["path"], out["sparql"], out["answer_type"] = "text-aggregate", [why], "", "Text"
        evidence = [e for r in (subs[k], subs[1 - k]) for e in (r["answers"][0].get("evidence") or [])[:1]]
        return [{"label": got.options[k], "iri": None, "type": "Text", "score": 1.0, "evidence": evidence,
                 "path": [why], "counted": [f"{o}: {v:,.0f}" for o, v in zip(got.options, values)]}]

    def _section_items(self, a: Analysis, out: dict) -> list[dict] | None:
        """The countries of a report section the question names by its title ("the most significant
        results"), in the region it names, on the topic it adds (see :mod:`app.qa.topics.section_items`)."""
        counting = a.answer_type == "Number"
        offered = offered_names(a)  # "..., e.g. Vietnam, Laos?": examples of the list, not a filter on it
        if a.answer_type not in ("Country", "Number") or [c for c in a.linked("Country") if c not in offered]:
            return None
        example_words = {t for l in a.links if set(l.ids) & offered for t in terms(l.surface)}  # no topic
        got = section_items.answer(self.text, a.question, [self.k.label(r) for r in a.regions],
                                   _GENERIC | _RELATION_WORDS | _STRUCTURE_WORDS | _QUESTION_STEMS | _FRAME
                                   | listed_subset.NOT_QUALIFIERS | example_words, counting)
        if got is None:
            return None
        sec, items = got
        answers = [self._answer_dict(f"Country:{iso}", 1.0, [self._evidence(self.text.units.units[i].passage_id,
                                                                           self.k.names(f"Country:{iso}"))])
                   for iso, _, i in items]
        out["strategy"], out["path"] = "text", [f"the country items of the report's section “{sec.title}”"]
        out["sparql"] = self._label_query([x["iri"] for x in answers])
        if counting:
            out["answer_type"] = "Number"
            return [counted_list.as_count(answers)]
        return answers

    def _addressed_cell(self, a: Analysis, out: dict) -> list[dict] | None:
        """A question whose words name a table's row and column outright, and little else, asks for
        that cell whatever relation its other words suggest (see :func:`app.qa.figures.tables.addresses_cell`)."""
        t = self.tables.lookup(a.question, "Number", a.rank)
        if t is None or not t.addressed or not tables_place.about_named(t.cell, a.linked("Country"), self.k.names, a.question):
            return None
        a.answer_type = "Number"
        return self._table(a, out, "Number")

    def _aggregate_answer(self, row: "aggregate.Row") -> dict:
        pids = list(dict.fromkeys(p for f in row.facts for p in f["passages"]))
        names = self.k.names(row.key) if ":" in row.key else [row.label]
        ev = [self._evidence(pid, names) for pid in pids[:3]]
        if ":" in row.key and self.k.entity(row.key) is not None:
            d = self._answer_dict(row.key, row.score, ev)
        else:
            d = {"label": row.label, "iri": None, "type": "Text", "score": row.score, "evidence": ev}
        d["value"] = float(row.count)
        d["counted"] = row.counted
        d["path"] = [row.why]
        return d

    # -- graph ------------------------------------------------------------------------------
    def _count(self, a: Analysis, out: dict, timings: dict, und: Understanding | None = None) -> list[dict] | None:
        """'How many pathfinder countries ...?': when the counted things are what the graph
        relates, count the answers of the same question asked as a list (COUNT in SPARQL)."""
        if a.answer_type != "Number":
            return None
        objects = aggregate.counted_relation(a.question)
        if objects is not None and a.linked(*objects.range) and not _AIMED.search(_outside_names(a)) and \
                (counted_by_relation_noun(a.question, _outside_names(a)) or ("",))[0] == objects.name:
            objects = None  # "how many ratifications of convention 102": the named object's statements
        if objects is not None and _AIMED.search(_outside_names(a)):
            return None  # "to how many ratifications does the campaign aim to bring the total": a stated goal, not a count of facts
        if objects is not None:
            return self._count_objects(objects, a, out)
        # A long name between "how many" and the counted noun is one word ("how many <initiative> pathfinders").
        collapsed = a.question
        for link in sorted(a.links, key=lambda l: -l.start):
            collapsed = collapsed[:link.start] + "NAME" + collapsed[link.end:]
        m = _COUNTED.search(collapsed) or _COUNTED_BEFORE.search(a.question) or _COUNTED_KEYWORD.search(collapsed)
        before = _COUNTED_BEFORE.search(a.question)
        if before and _NO_NOUN_AFTER.match(a.question, before.end()):
            m = before  # "of the country write-ups, how many name Portugal among the funders": pages counted
        # a count by the relation's own noun, unless it is a stated goal ("target number of ratifications")
        by_noun = None if m or _AIMED.search(_outside_names(a)) else \
            counted_by_relation_noun(a.question, collapsed.replace("NAME", "    "))
        pooled = choices.pooled_type(a)  # "of Kenya, Ghana and Ethiopia, how many recorded a result": the named are counted
        if pooled:
            counted = pooled
        elif m:
            counted = "Organization" if re.match(r"organi|funder|donor|partner|financ|fund|backer|source", m.group(1), re.I) \
                else "Country"
        elif by_noun is not None and by_noun[1] in ("Country", "Organization"):
            counted = by_noun[1]  # "number of c102 ratifications": one per country that ratified
            flag = RELATION_FLAGS.get(by_noun[0])
            if flag:
                setattr(a, flag, True)
        elif result_counts.asks(a):
            counted = "Country"  # "africa number of Result 3 results": the place's countries with such a result
        elif und is not None and und.op == "count" and und.relation:
            from app.qa.understand import answer_type_for

            counted = answer_type_for(und.relation, und.direction)
            if not (counts_entities(a.question, counted) or und.role):
                return None  # "how much money ...", "how many beneficiaries ...": a figure, not a count of things
        else:
            return None
        # "arab states results 2024 count": results counted one by one, whichever reading found the noun
        marks = counted == "Country" and not pooled and result_counts.asks(a) and result_counts.counts_marks(a)
        as_list = replace(a, answer_type=counted)
        pool = choices.take(as_list)  # "of Kenya, Ghana and Ethiopia, how many ...": counted among the named
        cons = result_sets.apply(as_list, set_conditions.apply(
            as_list, compose(as_list, constraints_for(as_list, self.k), self.k), self.k), self.store)
        if pool and cons:
            cons = cons + [choices.constraint(pool)]
        qualified = qualified_members(as_list, cons, self.k)  # "how many pilot countries ..."
        qualified += participants(as_list, cons, self.k, also=qualified)  # "how many countries are in [initiative]'s new phase"
        cons = widen_regions(cons + qualified, self.k) if qualified else cons  # a region filters them as in the list
        if not cons and und is not None:
            extra = generic_constraint(as_list, und, self.k)
            cons = [extra] if extra is not None else []
        if not cons or (all(c.relation == "region" for c in cons) and a.linked("Region") and all(
                inside_name(a.question, l.start, l.end) for l in a.links if l.type == "Region")):
            return None  # "showcased at the African Regional Forum": a name's region word is no count's filter
        # "number of asia pacific countries on the regular budget": a named organisation no
        # constraint binds is counted through the relation the graph holds for it, not dropped.
        cons = cons + [replace(c, strong=True) for c in implied(as_list, cons, self.k)]
        cons = direct_funders(cons) if counted == "Organization" else cons  # "how many funders are listed for Lao PDR"
        if all(c.relation == "region" for c in cons) and region_count.narrowed_beyond_region(self._residual_terms(as_list, cons)):
            return None  # "how many African countries sent representatives to the Dakar conference": not the region's count
        cons = [replace(c, strong=True) if self._listed_donors(c) else c for c in cons]
        weak = [c for c in cons if not c.strong]
        # A partnership the graph holds only where a cue states it counts when it finds some; its
        # empty answer is silence, not zero (the text may state a count).  Other weak readings never count.
        if weak and (not all("partneredWith" in c.pattern for c in weak) or not self._run(to_sparql(cons))):
            return None
        t = time.perf_counter()
        body = "\n  ".join(c.pattern for c in cons)
        sparql = f"{PREFIXES}SELECT (COUNT(DISTINCT ?answer) AS ?count) WHERE {{\n  {body}\n}}"
        n = int(next(iter(self.store.query(sparql)))["count"].value)
        if by_noun is not None and not m and (n == 0 or not _through(cons, {by_noun[0]})):
            # counted by a relation's noun only ("how many members does X have"): zero is silence, and
            # a count no statement of that relation bounds (only a region) counts something else
            return None
        ids = self._run(to_sparql(cons))
        if marks:
            counted_results = self._count_results(cons, out)  # "how many results did Asia and the Pacific record"
            if counted_results is not None:
                return counted_results
        said = self._stated_figure(as_list, cons)  # "how many priority countries host GTT staff": "... in 37 ..."
        if said is not None:
            return self._said_count(said, out, n)
        refined = self._listed_subset(as_list, cons, ids)  # "since the campaign started", "its new phase"
        if refined is not None:
            ids, listed_why = refined
            n = len(ids)
        if a.excluded:  # "outside Africa, how many ...": what the question sets aside is not counted
            ids = [i for i in ids if keeps({"iri": self.k.iri(i), "iso3": i.split(":", 1)[1] if i.startswith("Country:")
                                            else None}, a.excluded, self.k)]
            n = len(ids)
        timings["sparql_ms"] = (time.perf_counter() - t) * 1e3
        grouped = region_count.regions_of(ids, a.question, self.k)
        if grouped is not None:  # "in how many regions ...": the regions the counted countries lie in
            ids, n = grouped, len(grouped)
        out["sparql"], out["strategy"] = sparql, "graph"
        pids = list(dict.fromkeys(p for i in ids for c in cons for f in self._facts_for(i, c) for p in f["passages"]))
        ev = [self._evidence(pid, [str(n)] + [self.k.label(i) for i in ids]) for pid in pids[:3]]
        out["path"] = [f"count of: {c.description}" for c in cons] + ([listed_why[0]] if refined is not None else [])
        if refined is not None:
            ev = [self._evidence(listed_why[1], [self.k.label(i) for i in ids])] + ev[:2]
        return [{"label": str(n), "iri": None, "type": "Number", "value": float(n), "score": 1.0,
                 "evidence": ev, "counted": [self.k.label(i) for i in ids],
                 "counted_iris": [self.k.iri(i) for i in ids]}]

    def _count_results(self, cons: list[Constraint], out: dict) -> list[dict] | None:
        """Every result the counted countries hold, one per (country, result type, year): the
        constraint that says it binds a result (:attr:`Constraint.counts_through`) is counted
        through, not the countries.  None unless exactly one constraint does (two result types
        asked together, or results set against a negated kind, count countries)."""
        binding = [c for c in cons if c.counts_through and not c.negated]
        if len(binding) != 1:
            return None
        var = binding[0].counts_through
        body = "\n  ".join(c.pattern for c in cons)
        sparql = f"{PREFIXES}SELECT DISTINCT ?answer {var} WHERE {{\n  {body}\n}}"
        rows = [(str(r["answer"].value), str(r[var[1:]].value)) for r in self.store.query(sparql)]
        if not rows:
            return None
        results = sorted({r for _, r in rows})
        facts = [f for country, result in rows for f in self.k.facts_where(
            subject=(self.k.entity_by_iri(country) or {}).get("id"), predicate="achievedResult")
            if self.k.iri(f["object"]) == result]
        labels = [f"{self.k.label(f['subject'])}: {f['attrs'].get('result_type', '').replace('_', ' ')}" for f in facts]
        pids = list(dict.fromkeys(p for f in facts for p in f["passages"]))
        ev = [self._evidence(pid, [self.k.label(f["subject"]) for f in facts]) for pid in pids[:3]]
        out["sparql"], out["strategy"] = sparql, "graph"
        out["path"] = [f"results counted one by one: {len(results)} results held by {len({a for a, _ in rows})} countries"] + \
            [f"count of: {c.description}" for c in cons]
        return [{"label": str(len(results)), "iri": None, "type": "Number", "value": float(len(results)), "score": 1.0,
                 "evidence": ev, "counted": labels or results, "counted_iris": results}]

    def _stated_figure(self, a: Analysis, cons: list[Constraint]):
        """The count a sentence states for the question's qualified phrase (see
        :func:`app.qa.figures.listed_subset.stated_figure`), or None."""
        residual = [t for t in self._residual_terms(a, cons) if t not in listed_subset.NOT_QUALIFIERS]
        return listed_subset.stated_figure(a.question, residual, self.units) if residual else None

    def _said_count(self, said, out: dict, graph_n: int) -> list[dict]:
        value, unit = said
        text = unit.text.strip()
        why = f"the report states the count: “{text if len(text) <= 240 else text[:240].rsplit(' ', 1)[0] + ' …'}” " \
            f"(the graph relation alone counts {graph_n})"
        out["strategy"], out["path"] = "text-aggregate", [why]
        return [{"label": str(value), "iri": None, "type": "Number", "value": float(value), "score": 1.0,
                 "evidence": [self._evidence(unit.passage_id, [str(value)])], "path": [why]}]

    def _listed_subset(self, a: Analysis, cons: list[Constraint], ids: list[str]):
        """The entities a sentence lists when the count's words qualify its relation ("since the
        campaign started", "in the new phase"); None when the graph count stands (see
        :mod:`app.qa.figures.listed_subset`).  Returns (ids, (why, passage id))."""
        residual = [t for t in self._residual_terms(a, cons, listed_subset.QUALIFIERS) if t not in listed_subset.NOT_QUALIFIERS]
        if not residual or listed_subset.DISJUNCTION.search(a.question):
            return None  # "the pilot or new-phase countries": a union of lists, not one sentence's
        # a qualifier as common as "new" says which sentence only beside the names the question links
        anchor = {t for l in a.links for t in terms(a.question[l.start:l.end])} \
            if set(residual) <= listed_subset.QUALIFIERS else None
        found = listed_subset.best_list(a.question, residual, ENTITY_FOR_TYPE.get(a.answer_type, a.answer_type),
                                        self.units, self.lexicon.link, anchor=anchor)
        if found is None:
            return None
        unit, clauses = found
        rel = [c for c in cons if c.relation not in ("region", "priority")]
        other = [c for c in cons if c.relation in ("region", "priority")]
        # the names a sentence lists refine one of the relations ("the ILO-IMF pilot countries that
        # are also pathfinders": the pilot list is the IMF partnership's, then the pathfinders filter)
        held = list(dict.fromkeys(i for c in rel for i in self._run(to_sparql([c])))) if len(rel) > 1 else \
            (self._run(to_sparql(rel)) if rel else None)
        got = listed_subset.choose(clauses, ids, held,
                                   self._run(to_sparql(other)) if other else None, residual)
        if got is None or set(got[2]) == set(ids):
            return None
        clause, listed, chosen = got
        why = f"the words ‘{' '.join(residual)}’ qualify the relation: the {len(listed)} names listed in " \
              f"“{clause.strip()[:160]}”" + (" that the question's other conditions keep" if len(chosen) < len(listed) else "")
        return chosen, (why, unit.passage_id)

    def _listed_donors(self, c: Constraint) -> bool:
        """Is the constraint "the funders of a fund whose donors the report lists" ("the RBSA ... has
        benefited from the contributions of Belgium, Denmark, ...")?  Funders of anything but a
        country are a weak reading (the graph may not know them all), but a count of a listed
        fund's donors is a count of facts: "how many RBSA contributors" is 9, not a sentence's 2."""
        return not c.strong and not c.negated and bool(c.evidence) and c.evidence[0][1] == "fundedBy" \
            and c.evidence[0][2] == "?" and len(self.k.facts_where(subject=c.evidence[0][0], predicate="fundedBy")) >= 3

    def _count_objects(self, r, a: Analysis, out: dict) -> list[dict] | None:
        """'How many institutional results did the Arab States countries achieve': count the
        relation's objects over the countries the rest of the question describes."""
        cons = [c for c in constraints_for(replace(a, answer_type="Country"), self.k) if r.name not in c.pattern]
        if any(not c.strong for c in cons):
            return None
        patterns = [c.pattern for c in cons]
        # "how many results did Lao PDR achieve": a named country no constraint uses is the one counted for
        own = [i for i in a.linked("Country") if not any(self.k.iri(i) in p for p in patterns)]
        if own:
            patterns.append("VALUES ?answer { " + " ".join(f"<{self.k.iri(i)}>" for i in own) + " }")
        kinds = result_sets.typed_objects(a, r.name)  # "how many Result 3 results": only that kind is counted
        sparql, n, who = aggregate.count_objects(self.store, r, a, patterns + ([kinds] if kinds else []))
        ids = [e["id"] for e in (self.k.entity_by_iri(i) for i in who) if e]
        pids = list(dict.fromkeys(p for i in ids for f in self.k.facts_where(subject=i, predicate=r.name)
                                  for p in f["passages"]))
        out["sparql"], out["strategy"] = sparql, "graph-aggregate"
        said = [c.description for c in cons] + [self.k.label(i) for i in own]
        out["path"] = [f"count of ‘{r.label}’ objects of: " + ("; ".join(said) or "any country")]
        ev = [self._evidence(pid, [self.k.label(i) for i in ids]) for pid in pids[:3]]
        return [{"label": str(n), "iri": None, "type": "Number", "value": float(n), "score": 1.0, "evidence": ev,
                 "counted": [self.k.label(i) for i in ids], "counted_iris": [self.k.iri(i) for i in ids]}]

    def _run(self, sparql: str) -> list[str]:
        """Answer ids (entity ids, or literal values for Year answers) in a stable order."""
        out = []
        for sol in self.store.query(sparql):
            term = sol["answer"]
            if term is None:
                continue
            value = term.value
            ent = self.k.entity_by_iri(value)
            out.append(ent["id"] if ent else f"value:{value}")
        return list(dict.fromkeys(out))

    def _label_query(self, iris: list[str]) -> str:
        values = " ".join(f"<{i}>" for i in iris)
        sparql = f"{PREFIXES}SELECT ?answer ?label WHERE {{\n  VALUES ?answer {{ {values} }}\n  ?answer skos:prefLabel ?label .\n}}"
        list(self.store.query(sparql))  # run it: it is what the graph confirms of the text answers
        return sparql

    def _facts_for(self, answer_id: str, c: Constraint) -> list[dict]:
        out = []
        for s, p, o in c.evidence:
            s = answer_id if s == "?" else s
            o = answer_id if o == "?" else o
            who = answer_id
            if o in (GOV, VIA_GOV):  # the answer country stands for its government, the funder
                who = f"Organization:gov-{answer_id.split(':', 1)[-1]}"
                o = who if o == GOV else VIA
            if o == VIA:  # s is funded through a fund that the answer funds: both links are evidence
                for f in self.k.facts_where(subject=s, predicate=p):
                    behind = [g for g in self.k.facts_where(subject=f["object"], predicate=p, obj=who)
                              if not g["attrs"].get("role")]
                    if behind:
                        out += [f] + behind
                continue
            if o.startswith("result:"):
                rt = o.split(":", 1)[1]
                out += [f for f in self.k.facts_where(subject=s, predicate=p) if f["attrs"].get("result_type") == rt]
                continue
            out += self.k.facts_where(subject=None if s == "*" else s, predicate=p, obj=None if o == "*" else o)
        return out

    def _graph_answer(self, answer_id: str, cons: list[Constraint], a: Analysis,
                      extra: tuple[TextResult, object] | None = None) -> dict | None:
        if answer_id.startswith("value:"):
            value = answer_id.split(":", 1)[1]
            pids = [p for c in cons for f in self._facts_for(a.linked("Country")[0] if a.linked("Country") else "*", c)
                    for p in f["passages"]]
            ev = [self._evidence(pid, [value]) for pid in dict.fromkeys(pids)]
            return {"label": value, "iri": None, "type": a.answer_type,
                    "value": float(value) if value.replace(".", "").isdigit() else None,
                    "score": 1.0, "evidence": ev[:3]}
        pids: list[str] = []
        steps: list[str] = []
        for c in cons:
            for f in self._facts_for(answer_id, c):
                pids.extend(f["passages"])
                steps.append(f"{self.k.label(f['subject'])} —{f['predicate']}→ {self.k.label(f['object'])}")
        if extra is not None:
            pids.insert(0, extra[0].passage_id)
        names = self.k.names(answer_id)
        ev = [self._evidence(pid, names) for pid in dict.fromkeys(pids)]
        # Make sure one evidence passage names the answer itself (a financing line need not).
        if ev and not any(e["highlights"] for e in ev):
            for pid in self.k.passages_mentioning(answer_id):
                e = self._evidence(pid, names)
                if e["highlights"]:
                    ev.append(e)
                    break
        d = self._answer_dict(answer_id, 1.0, ev)
        d["path"] = list(dict.fromkeys(steps))[:6]
        return d

    def _path(self, cons: list[Constraint], text_best: TextResult | None) -> list[str]:
        """The route to the answers, readable: each graph constraint, then the sentence used."""
        steps = [re.sub(r"\b[A-Z][A-Za-z]+:[\w-]+\b", lambda m: self.k.label(m.group(0)) if self.k.entity(m.group(0))
                        else m.group(0), c.description) for c in cons]
        if text_best is not None:
            u = self.units.units[text_best.unit_id]
            p = self.k.passage(u.passage_id)
            steps.append(f"sentence in “{p.section if p else ''}”: {u.text}")
        return steps

    # -- text -------------------------------------------------------------------------------
    def _text_answer(self, f, r: TextResult) -> dict:
        """An answer read from one sentence; its path says which sentence, and how close it is to the
        question (every answer says why it is in)."""
        why = [f"named in a sentence on the question's topic (similarity {r.score:.2f}): {self.units.units[r.unit_id].text}"]
        if f.type in ("Number", "Year"):
            ev = self._evidence(r.passage_id, [], spans=f.spans)
            return {"label": f.label, "iri": None, "type": f.type, "value": f.value,
                    "score": round(r.score, 4), "evidence": [ev], "path": why}
        if ":" in f.key and self.k.entity(f.key) is not None or f.key.startswith("Country:"):
            names = self.k.names(f.key) or [f.label]
            ev = self._evidence(r.passage_id, names, spans=f.spans)
            return dict(self._answer_dict(f.key, r.score, [ev], label=f.label), path=why)
        ev = self._evidence(r.passage_id, [f.label], spans=f.spans)
        return {"label": f.label, "iri": None, "type": f.type, "score": round(r.score, 4), "evidence": [ev], "path": why}

    # -- shaping ----------------------------------------------------------------------------
    def _kind_answers(self, kinded: tuple[list[str], str, list[str]], out: dict) -> None:
        """Answers of :func:`app.qa.things.scheme_kind_list.asked_kind`: the schemes, or their countries."""
        ids, asked, kind = kinded
        answers: dict[str, dict] = {}
        for sid in ids:
            for f in self.k.facts_where(subject=sid, predicate="schemeInCountry"):
                key = sid if asked == "Scheme" else f["object"]
                ev = [self._evidence(pid, self.k.names(sid)) for pid in f["passages"][:2]]
                d = answers.setdefault(key, self._answer_dict(key, 1.0, []))
                d["evidence"] = (d["evidence"] + ev)[:5]
                d.setdefault("path", []).append(f"{self.k.label(sid)} ({' '.join(kind)}) in {self.k.label(f['object'])}")
        out["answer_type"] = asked
        out["answers"] = sorted(answers.values(), key=lambda d: d["label"])
        out["strategy"] = "graph"
        out["path"] = [f"schemes whose names say {' '.join(kind)}"] + [p for d in out["answers"] for p in d["path"]]

    def _undone(self, out: dict, gone, answer_type: str, question: str) -> None:
        """Abstain on a question about the end of a relation the graph holds only the start of
        (:mod:`app.qa.relation.undone`), with the nearest passages in case one tells of it."""
        rel = REGISTRY[gone.relation]
        label = self.k.label(gone.object_id)
        out.update(answer_type=answer_type, strategy="graph (undone relation)", answers=[],
                   path=[f"asks about “{gone.verb}” {label}: the graph holds “{rel.label}”, not its end"])
        out["message"] = (f"The question asks about “{gone.verb}” {label}: the report's facts record who is "
                          f"“{rel.label}” it, not who ended that, so no answer is given. The nearest passages are listed.")
        out["passages"] = self._nearest_passages(question)

    def _spelled_out(self, out: dict, eid: str, shortened: bool = False) -> None:
        """Answer what an acronym stands for (:mod:`app.qa.things.acronym_expansion`): the thing's
        full name, with the passages that write it; or, ``shortened``, the acronym of a thing named
        in full, given with the name ("Health Insurance Organization (HIO)")."""
        names = self.k.names(eid)
        d = self._answer_dict(eid, 1.0, [self._evidence(pid, names) for pid in self.k.passages_mentioning(eid)[:3]])
        acronym = (self.k.entity(eid) or {}).get("acronym") or ""
        why = f"the question asks what {acronym} stands for: the full name" if not shortened else \
            f"the question asks the acronym of {d['label']}: {acronym}"
        d["label"] = acronym_expansion.spelt_name(d["label"], names, acronym)  # "LEAP project": its expansion
        if shortened:
            d["label"] = f"{d['label']} ({acronym})"
        d["path"] = [why]
        kind = eid.split(":", 1)[0]
        out.update(answers=[d], answer_type=OUTPUT_TYPES.get(kind, kind), strategy="graph", path=[why])
        out["answer_text"], out["citations"] = summarise(out, self.k)

    def _asking_sentence_proper(self, question: str) -> str:
        """The asking sentence alone when every other sentence is about the asker or the
        conversation and names nothing ("Hi there! Of the pathfinders that ..., which one ...?",
        "We are mapping who does what. Which programme ...?", "For my thesis. number donors
        senegal"; :func:`app.qa.form.question_sentence.asker_sentences_apart`).  Read whole, the
        readings that need the question's own opening ("of the pathfinders that ...", a keyword
        query's count word) never start.  A sentence naming something ("I work on Jordan.
        funders", "I work on Jordan. Who funds it?") may be what the question is about, and stays;
        one naming nothing has nothing a pronoun of the question could point at."""
        split = asker_sentences_apart(question)
        if split is not None and not any(self.lexicon.link(s) for s in split.dropped):
            question = split.question
        return self._keyword_core_proper(question)

    def _keyword_core_proper(self, question: str) -> str:
        """A keyword query without the asker's words around it: a sentence about the asker closed by
        a colon ("I have been reading the ILO's report ... I could not figure out: unpdf
        contributors"), or the asker's clauses before or after it ("For a piece I'm writing on social
        protection, drc health solidarity fund acronym").  Read whole, the readings that need the
        query's own opening (a country's body by its kind noun) never started.  Only for a query with
        no question word, and only when what is dropped names nothing the graph holds
        (:func:`app.qa.form.conversation.without_shell`)."""
        names = lambda t: any(not set(l.ids) <= AUTHOR_ORGS for l in self.lexicon.link(t))  # noqa: E731
        colon = _ASKER_BEFORE_COLON.match(question)
        if colon and "?" not in colon["rest"] and not _ANY_QUESTION_WORD.match(colon["rest"]) \
                and not _WH_WORD.search(colon["pre"]) and not names(colon["pre"]):
            return colon["rest"]
        if "?" in question or _ANY_QUESTION_WORD.search(question):
            return question  # ("german donor where africa": a keyword query's "where" or "when" is a word of it)
        shell = without_shell(question, names)
        if not shell.dropped or any(names(c) for c in shell.dropped):
            return question
        return shell.question

    def _without_asides_early(self, question: str) -> str | None:
        """The question proper of a wordy question, for the steps that read the whole question before
        the asides are dropped (:mod:`app.qa.things.country_bodies`): the asker's clauses ("I work for a
        social security institution in East Africa") bring body nouns and places of their own, and
        make the question too long for those rules.  None when nothing is an aside or the question
        proper would lose its subject (the same test as the main reading's)."""
        if len(question.split()) <= 16:
            return None  # (short questions carry no preamble for these rules to trip on)
        reduced = core_of(question, lambda t: analyse(t, self.lexicon))
        if not reduced.dropped or reduced.question == question:
            return None
        full, own = self.lexicon.link(question), self.lexicon.link(reduced.question)
        return reduced.question if keeps_subject(full, own, AUTHOR_ORGS, question, reduced.dropped, reduced.question) else None

    def _country_bodies(self, out: dict, ids: list[str], acronym: bool) -> None:
        """Answer a country's institutions asked by their kind noun (:mod:`app.qa.things.country_bodies`),
        the sentence of each one's ``institutionOf`` fact first among its evidence; with its acronym
        when the query asks for it."""
        answers = []
        for eid in ids:
            names = self.k.names(eid)
            pids = [p for f in self.k.facts_where(subject=eid, predicate="institutionOf") for p in f.get("passages", [])]
            pids = list(dict.fromkeys(pids + self.k.passages_mentioning(eid)))[:3]
            d = self._answer_dict(eid, 1.0, [self._evidence(pid, names) for pid in pids])
            ent = self.k.entity(eid) or {}
            if acronym and ent.get("acronym") and ent["acronym"] not in d["label"]:
                d["label"] = f"{d['label']} ({ent['acronym']})"
            d["path"] = ["the country's own institution of the kind the query names (institutionOf)"]
            answers.append(d)
        out.update(answers=answers, answer_type="Organization", strategy="graph",
                   path=["a keyword query for a country's body by its kind noun: the country's institutions "
                         "(institutionOf) of that kind, picked by the query's other words"])
        out["answer_text"], out["citations"] = summarise(out, self.k)

    def _placing(self, country_label: str, region: str) -> str:
        """The path line that places a country in its region."""
        return f"{country_label} —inRegion→ {self.k.label(region)}"

    def _regions_of_countries(self, question: str, out: dict) -> bool:
        """"Which region of the report is that country listed under?", "whats the regoin of the
        country where OpenIMIS was deployed": the reading found the country; the region it lies in
        (``inRegion``) is asked.  Each region answers with the country's placing as evidence."""
        answers = out.get("answers") or []
        if not answers or any(x.get("type") != "Country" for x in answers):
            return False
        if not (region_answers.asks_regions(question)  # spelled only when the typed words do not ask it ("regoin")
                or region_answers.asks_regions(self.speller.correct(" ".join(str(question).split()))[0])):
            return False
        regions: dict[str, dict] = {}
        for x in answers:
            eid = (self.k.entity_by_iri(x.get("iri") or "") or {}).get("id")
            for f in self.k.facts_where(subject=eid, predicate="inRegion") if eid else []:
                d = regions.get(f["object"])
                if d is None:
                    d = regions[f["object"]] = self._answer_dict(f["object"], 1.0, [
                        self._evidence(pid, self.k.names(eid)) for pid in f["passages"][:1]] + x.get("evidence", [])[:1])
                    d["path"] = []
                d["path"].append(self._placing(x["label"], f["object"]))
        if not regions:
            return False
        out["answers"] = list(regions.values())
        out["answer_type"] = "Text"
        out["path"] = list(out.get("path") or []) + ["the region asked: where the country found lies"]
        return True

    def _named_by_kind(self, a: Analysis) -> list[dict] | None:
        """The one entity of the asked kind the question itself names by its kind's words, when it
        stands in a fact with every other name the question links: "What is Morocco's framework law
        on social protection?" links the law by "framework law" and Morocco, and the law is
        Morocco's.  No relation is left to ask (its end is linked), so the graph step had nothing
        to compose and the text step answered another country's law."""
        kinds = _NAMED_KINDS.get(a.answer_type)
        if not kinds:
            return None
        own = [l for l in a.links if l.type in kinds]
        others = [l for l in a.links if l.type not in kinds and not set(l.ids) <= AUTHOR_ORGS]
        if len(own) != 1 or len(own[0].ids) != 1 or not others:
            return None
        words = {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z]+", own[0].surface)}
        head = _WH_NOUN.search(a.question)
        if not words & _KIND_NOUNS[a.answer_type] or (head and head.group(1).lower().rstrip("s") not in words):
            # "SCT", "One UN plan": a name, not the kind asked; "which programme got NHIS coverage":
            # the kind asked is another than the one named
            return None
        eid = own[0].ids[0]
        facts = self.k.facts_about(eid)
        tying = [next((f for f in facts if {f["subject"], f["object"]} & set(l.ids)), None) for l in others]
        if not all(tying):
            return None
        ev = [self._evidence(pid, [self.k.label(eid)]) for f in tying for pid in f.get("passages", [])[:1]]
        d = self._answer_dict(eid, 1.0, ev)
        d["path"] = [f"the question names it by its kind (“{own[0].surface}”): "
                     + "; ".join(f"{self.k.label(f['subject'])} —{f['predicate']}→ {self.k.label(f['object'])}" for f in tying)]
        return [d]

    def _answer_dict(self, eid: str, score: float, evidence: list[dict], label: str | None = None) -> dict:
        type_ = eid.split(":", 1)[0]
        ent = self.k.entity(eid)
        d = {"label": label or (ent["label"] if ent else eid.split(":", 1)[1]), "iri": str(entity_uri(eid)),
             "type": OUTPUT_TYPES.get(type_, type_), "score": round(float(score), 4), "evidence": evidence[:5]}
        if type_ == "Country":
            d["iso3"] = eid.split(":", 1)[1]
            from graph import countries

            d["label"] = label or countries.display_name(d["iso3"])
        return d

    def _written(self, phrase: str) -> bool:
        """Does the report write ``phrase`` (its words in this order, any case) anywhere?"""
        memo = self.__dict__.setdefault("_written_memo", {})
        if phrase not in memo:
            if len(memo) >= 4096:
                memo.clear()  # bounded: a server's questions never stop coming
            rx = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, phrase.split())) + r"(?!\w)", re.I)
            memo[phrase] = any(rx.search(p.text) for p in self.k.passages.values())
        return memo[phrase]

    def _org_acronyms(self) -> set[str]:
        if not hasattr(self, "_acronyms"):
            self._acronyms = {e["acronym"].upper() for e in self.k.of_type("Organization") if e.get("acronym")}
        return self._acronyms

    def _names_of_iri(self, iri: str) -> list[str]:
        ent = self.k.entity_by_iri(iri)
        return self.k.names(ent["id"]) if ent else []

    def _evidence(self, pid: str, names: list[str], spans: list | None = None) -> dict:
        p = self.k.passage(pid)
        if p is None:
            return {"passage_id": pid, "section": "", "text": "", "highlights": []}
        hl = set(tuple(s) for s in (spans or []))
        low = p.text.lower()
        for n in names:
            if not n or len(n) < 2:
                continue
            for m in re.finditer(r"(?<!\w)" + re.escape(n.lower()) + r"(?!\w)", low):
                hl.add((m.start(), m.end()))
        merged = []
        for s, e in sorted(hl):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        return {"passage_id": pid, "section": p.section, "text": p.text, "highlights": merged}

    def _residual_terms(self, a: Analysis, cons: list[Constraint], keep: frozenset = frozenset()) -> list[str]:
        """Topic words the graph constraints do not account for: not the words of the linked
        entities' names (a long name only partly linked), nor the registry's words for relations.
        ``keep``: common words kept however often the report uses them (see listed_subset.QUALIFIERS)."""
        if not cons:
            return a.topic_terms
        q = a.question
        # Names and named places ("South Asian", "the Great Lakes") are conditions, not topic words;
        # blanked in place, so overlapping spans keep their offsets.
        # (asked for other things than countries, a direction coordinated before a place ("a report
        # covering Central and Western Asia") stays a topic word, as a title may write it)
        joined = a.answer_type in ("Country", "Number")
        bound = _bound_ends(cons)
        for start, end in [(l.start, l.end) for l in a.links] + [(s, e) for _, s, e in named_places(a.question, joined)] \
                + place_description_spans(a.question, a.links, bound):
            q = q[:start] + " " * (end - start) + q[end:]
        # A roadmap status the graph filters on ("still endorsing their roadmaps") is no topic either.
        roadmap = (ROADMAP, ENDORSED, IN_PROGRESS) if a.roadmap and any("roadmap" in c.description for c in cons) else ()
        for rx in (YEAR_CLAUSE, FUND, RATIFY, PATHFINDER, PRIORITY, NEGATION, STATUS_PENDING, YEAR, ANY_RESULT,
                   *RESULT_TYPES.values(), *roadmap):
            q = rx.sub(" ", q)
        named = {t for l in a.links for i in l.ids for n in self.k.names(i) for t in terms(n)}
        # Words of the relations the constraints express are accounted for; words of other
        # relations ("technical assistance" in a partnership question) say the topic.
        used = {t[1] for c in cons for t in c.evidence if t[1] in REGISTRY} | \
            {c.relation for c in cons if c.negated and c.relation in REGISTRY}  # a negated one keeps no evidence
        related = set(terms(" ".join(w for r in used for w in (*REGISTRY[r].keywords, REGISTRY[r].label,
                                                                 REGISTRY[r].inverse_label, *REGISTRY[r].subject_nouns,
                                                                 *REGISTRY[r].object_nouns))))
        relation_words = _STRUCTURE_WORDS | related if used else _RELATION_WORDS
        # the words of a role the graph filters on ("pilot country of [initiative]") are expressed
        relation_words = relation_words | {t for c in cons if c.relation in ("priorityCountryOf", "memberOf")
                                           and " of " in c.description for t in terms(c.description.split(" of ")[0])}
        relation_words = relation_words | role_list_words(cons, self.k)  # "new phase": the role's own list says it
        relation_words = relation_words | joining_words(a.question, cons, self.k)  # "made a commitment to, or joined"
        if a.answer_type == "Organization":  # "which UN agencies ...": the role filter says it, not a sentence
            relation_words = relation_words | set(terms(role_kinds.role_words(a.question)))
        roots = {root(w) for w in relation_words}  # "collaboration" is the relation "collaborated"
        rest = [t for t in terms(q) if (t not in _GENERIC or t in keep) and t not in relation_words and t not in named
                and t not in _FRAME and root(t) not in roots
                and (len(t) > 3 or t in keep)]  # not a stub a relation pattern left ("strateg|ies")
        if any(c.relation == "result" for c in cons):
            # "Result 2 (scheme introduction or reform)" glosses the result type the graph filters
            # on: the words of the results table's own headings are no topic.
            rest = [t for t in rest if t[:6] not in self.tables.heading_prefixes]
        # Only words rare enough in the report to point at specific sentences.
        idf = self.units.idf
        cut = math.log(1 + len(self.units.units) / 60)
        return [t for t in rest if idf.get(t, self.units.default_idf) >= cut or t in keep]


def _one_figure(r: TextResult, knowledge) -> tuple[str, int, int] | None:
    """The passage text and span of the result's one figure (None: not exactly one)."""
    p = knowledge.passage(r.passage_id)
    if p is None or len(r.found) != 1 or not r.found[0].spans:
        return None
    s, e = r.found[0].spans[0]
    return p.text, s, e


def _typed_figure(r: TextResult, question: str, knowledge) -> bool:
    """Is the result's one figure of the very kind asked (see :func:`app.qa.figures.numbers.typed_figure`)?"""
    from app.qa.figures.numbers import typed_figure

    one = _one_figure(r, knowledge)
    return one is not None and typed_figure(*one, question)


def _overlaps(unit, other) -> bool:
    """Do the two units share text (a sentence and one of its clauses)?"""
    return unit.passage_id == other.passage_id and unit.start < other.end and other.start < unit.end


def _beside_counted(r: TextResult, question: str, knowledge) -> bool:
    """Does the result's one figure stand right before the noun the question counts?"""
    one = _one_figure(r, knowledge)
    return one is not None and beside_counted(*one, question)
