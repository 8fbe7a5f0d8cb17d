"""Question analysis: what is asked (answer type), about what (linked entities), and how
(relation hints: fund, ratify, membership roles, result types, regions, years, negation).

Pure functions over the question text and a :class:`Lexicon` of the graph's names.  The word lists
here are ordinary English for relations, never facts from a report.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from graph import countries
from app.qa.form.coordinated_heads import joined_type
from app.qa.names.common_bodies import case_only, lower_words, written_as_name
from app.qa.names.dotted_acronyms import dotted_end, is_dotted, letter_key
from app.qa.names.demonyms import IRREGULAR, QUESTION_REGIONS, demonym_country
from app.qa.relation.fund_nouns import blank_fund_nouns, blank_non_funders_funds, fund_modifiers
from app.qa.figures.ordinal_figures import ORDINAL_TYPE
from app.qa.names.year_spans import span_forms
from app.qa.form.spelling import other_english
from app.qa.names.instrument_names import bare_numbers, citation_variants, instrument_number, mistyped_numbers
from app.qa.names.parent_names import drop_parents
from app.qa.names.instrument_years import resolve as resolve_years, title_years, years_outside_titles
from app.qa.units import STOP, stem, terms
from graph.extract.structure import RESULT_KEYWORDS

_TABLE_NAMED = re.compile(r"\btables?\s*\d+\b", re.I)
# Words of a result-kind quantifier ("all three result types") that are no result type.
_KIND_FREE = re.compile(r"\b(kinds?|types?|results?|tables?|institutional|changes?)\b", re.I)

# -- answer types --------------------------------------------------------------------------
# "what was the <modifiers> gap / amount / budget / share": a measure ends the noun phrase asked, whatever
# kind noun modifies it ("flagship programme funding gap"); not past a preposition or relative word
# ("the country with the largest share" asks for the country).
_MEASURE_PHRASE = re.compile(r"\bwhat\s+(?:was|is|were|are|will\s+be)\s+the\s+(?:(?!(?:with|of|whose|that|which|who|for|in|to|by|from)\b)"
                             r"[\w'’-]+\s+){0,4}?(?:gap|amount|budget|share|rate|percentage|proportion|total|cost|sum|"
                             r"allocation|envelope|ambition|target(?!\s+(?:groups?|populations?|beneficiar\w*|countr\w*|audiences?)\b))\b", re.I)
_TYPE_RULES: list[tuple[str, re.Pattern]] = [
    ("Number", re.compile(r"\bhow (many|much)\b|^\s*(?:the\s+)?(?:count|tally|total number|share|percentage|proportion) of\b|"
                          r"\bwhat (?:[a-z-]+\s+){0,4}?(?:per ?cent(?:age)?|percent|proportion|rate|ratio)\b|"
                          # "what ratification target does the campaign set": a figure aimed at
                          r"\bwhat (?:[a-z0-9-]+\s+){0,2}?target(?!\s+(?:groups?|populations?|beneficiar\w*|countr\w*|audiences?)\b)\b|"
                          # ("what monthly amount", "what overall budget": a modifier or two before the measure)
                          r"\bwhat (?:(?!(?:kind|type|sort|form)\b)[a-z-]+\s+){0,2}?(number|share|percentage|proportion|amount|rate|ratio|envelope|"
                          r"budget|sum|total|allocation|figure)\b(?!\s+of\s+(?:the\s+)?(?:countr|organi|partner|funder|donor))|\bin (per ?cent|percent|(?:us )?dollars|euros|us\$|usd)(?!\w)|"
                          r"\bto what (level|rate|amount)\b|(?<!largest )(?<!highest )(?<!greatest )(?<!smallest )(?<!biggest )(?<!lowest )(?<!\bby )(?<!by the )\bnumber of\b|"
                          r"\bwhat (was|is|were|are) the [\w\s'’-]{0,40}?\b(gap|amount|total|number|share|percentage|"
                          r"budget|cost|value|sum|count|ambition|target|figure|average|mean|median|rate|ratio|proportion|percent|per cent|payment)\b|"
                          r"\b(?:from|at|above|over|under|below)\s+what\s+age\b|\bhow old\b|\bwhat (?:is|was|will be) the (?:(?:new|current|minimum|maximum|"
                          r"youngest|oldest|upper|lower|eligibility|qualifying|pensionable|retirement|statutory|legal)\s+){0,3}age\b|"
                          # "what is the minimum contribution period required": a duration
                          r"\bwhat (?:is|was|will be) the (?:[a-z-]+\s+){0,3}?(?:contribution|contributory|vesting|waiting|qualifying|insurance)\s+period\b|\b(?:up )?to what (?:maximum |upper )?age\b|"
                          r"\bage\s+(?:from|at)\s+which\b", re.I)),  # "the age from which the grant is paid"
    # a keyword query naming a share ("india share covered by at least one benefit wspr"): a figure,
    # not a sharing of donors ("share funders") nor a share of things asked by a wh-word
    ("Number", re.compile(r"^(?!.*\b(?:which|what|who|whom|whose|where|when|how|why|is|are|was|were|do|does|did|list|name)\b)"
                          r".*(?:\b(?:percentage|proportion|per ?cent|share(?!\s+(?:the\s+)?(?:same\s+)?(?:donors?|funders?|"
                          r"partners?|members?|countries|initiatives?|knowledge|experiences?|information|lessons?|insights?|"
                          r"practices?|priorities|goals?)\b))\b|"
                          # ... or a rate closing the query or its noun phrase ("income replacement rate for
                          # the full benefit period"), not one naming what a decree sets ("contribution rates decree")
                          r"\b(?:rates?|ratios?)\b(?=\s*(?:\?|$|[-–,;:]|(?:for|of|in|at|under|on|during|from|to|among|across|by)\b)))", re.I)),
    # a keyword query closing on a change's end ("... minimum age for receipt of benefits lowered to"):
    # the figure it was changed to
    ("Number", re.compile(r"^(?!.*\b(?:which|what|who|whom|whose|where|when|how|why|list|name)\b)"
                          r".*\b(?:lowered|raised|reduced|increased|cut|decreased|lifted|brought\s+down|dropped|rose|risen|fell)"
                          r"\s+to\s*\??\s*$", re.I)),
    ("Number", ORDINAL_TYPE),
    ("Number", re.compile(r"\bhow long\b|\b(?:for\s+)?how many\s+(?:minutes|hours|days|weeks|months|years)\b", re.I)),  # a duration  # "which session of the conference", "spiac-b meeting number": the ordinal
    # (a phone user's own language: "cuánto", "quanto", "combien"; "año", "ano", "année", "cuándo", "quando", "quand")
    ("Number", re.compile(r"\b(?:cu[aá]nt[oa]s?|quant[oa]s?|combien)\b", re.I)),
    ("Year", re.compile(r"\b(?:a[nñ]o|ann[ée]e|cu[aá]ndo|quando|quand)\b", re.I)),
    ("Year", re.compile(r"^\s*when\b|\bsince\s*\??\s*$|\b(?:until|till|by) (?:when|what year)\b|\b(what|which|in what) year\b|\bwhen did\b|\bwhen was\b|\bsince when\b|\bwhen\s*\??\s*$", re.I)),
    # a keyword query closing on the launch it asks about ("global accelerator second funding round
    # launch"), or on another dated event of an act ("uzbekistan social insurance law entry into
    # force", "... start date"): its date, not a launch named as the start of a period ("... since
    # campaign launch")
    ("Year", re.compile(r"^(?!.*\b(?:which|what|who|whom|whose|where|when|how|why|is|are|was|were|do|does|did|list|name)\b)"
                        r"(?!.*\b(?:since|after|before|until|from|of|at|by)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}launch\w*\s*\??\s*$)"
                        r".*\s(?:launch|launched|launches|(?:entry|came|come|entered|enters?)\s+into\s+force|(?:start|effective|launch)\s+date)\s*\??\s*$", re.I)),
    ("Publication", re.compile(r"\b(publication|title|working paper|report|brief|paper|guide|fact sheet|policy note)s?\b.*\?*", re.I)),
    ("Convention", re.compile(r"\b(which|what)\b[^?]{0,40}\b(convention|recommendation|instrument|standard)s?\b", re.I)),
    ("Law", re.compile(r"\b(which|what)\b[^?]{0,40}\b(law|act|decree|code|strategy|policy|legislation)s?\b", re.I)),
    ("Scheme", re.compile(r"\b(which|what)\b[^?]{0,60}\b(scheme|programme|program|system|benefit|allowance|grant|pension|insurance|fund(?=s?\b(?!\s+(?:the|ilo|ilo['’]s|its|their|work|activities|a|an)\b)))s?\b|\bcalled\b|\bnamed\b", re.I)),
    ("Initiative", re.compile(r"\b(which|what)\b[^?]{0,30}\b(initiative|partnership|network|coalition)s?\b", re.I)),
    ("Country", re.compile(r"\b(which|what)\b[^?]{0,40}\b(countr(y|ies)|governments?|member states?|territor(y|ies)|nations?)\b|"
                           r"\b(?:which|what)\s+(?:[\w-]+\s+){0,3}?states?\b(?!['’-]|\s+(?:institutions?|agenc\w+|bod(?:y|ies)|actors?|"
                           r"budgets?|owned|funds?|pensions?|level|authorit\w+|services?)\b)|^\s*where\b(?![^?]*\bcomes? from\b)|^\s*whose\b|\bin which\b(?![^?]{0,25}\b(year|month|programme|scheme|publication)\b)|"
                           # "did any Europe and Central Asia country achieve ...": the countries, listed (none: empty)
                           r"^\s*(?:did|does|do|has|have|had|is|are|was|were)\s+any\s+(?:[\w'’-]+\s+){0,5}?(?:countr(?:y|ies)|nations?)\b", re.I)),
    ("Organization", re.compile(r"^\s*who\b|^\s*where\b(?=[^?]*\b(?:money|funding|financ\w*|funds|resources)\b)"
                                r"(?=[^?]*\bcom(?:e|es|ing)\s+from\b)|\bwho (funds?|finances?|financed|funded|supports?|supported|pays?)\b|\b(which|what)\b[^?]{0,40}\b(organi[sz]ations?|funders?|financiers?|backers?|donors?|partners?|agenc(y|ies)|institutions?|companies|company|foundations?|banks?|universit(y|ies)|institutes?|confederations?|federations?|ministr(y|ies)|firms?|multinationals?|corporations?)\b", re.I)),
]
# The head noun after "which"/"what" decides when several rules fire.
# (up to four words before it: "which regional inter-African social security body", never a rate's
# unit: "what share of GDP per year"; never across
# "did"/"does"/"do": "what did the Togolese government ratify" asks the object; the
# noun after the auxiliary is the verb's subject); a name's possessive may come first ("which of
# Lebanon's funders"), a kind noun's may not ("which country's ministry" asks for the country)
_HEAD = re.compile(r"\b(?:which|what)\s+(?:(?!(?:did|does|do|has|have|had)\b)(?:[\w-]+|(?-i:[A-Z][\w-]*)['’]s?)\s+){0,4}?(?<!\bper\s)(countr(?:y|ies)|territor(?:y|ies)|governments?|organi[sz]ations?|funders?|financiers?|backers?|donors?|bod(?:y|ies)|"
                   r"boards?|trusts?|bureaus?|authorit(?:y|ies)|institutions?|"
                   # a fund as a body ("which Malagasy social security fund launched ..."), not the verb
                   # ("which donor funds the most ...", "which of these funds the fewest ...")
                   r"fund(?!s?\s+(?:the|more|most|fewer|least|less|it|its|their|his|her|a|an|both|all)\b)s?|"
                   r"partners?|universit(?:y|ies)|institutes?|confederations?|federations?|ministr(?:y|ies)|firms?|compan(?:y|ies)|multinationals?|corporations?|"
                   r"brands?|retailers?|contributors?|sponsors?|mutuals?|"
                   # a bank as the asked body ("which banks are also helping ..."), not a name's word
                   # ("which World Bank report", "which development bank programme")
                   r"banks?(?=\s*[?,.]|\s*$|\s+(?:are|is|was|were|have|has|had|did|does|do|also|help\w*|support\w*|"
                   r"fund\w*|financ\w*|work\w*|partner\w*|contribut\w*|provid\w*|join\w*|co-?\w+|in|with|besides|other)\b)|"
                   # kinds of public body ("which Ivorian council", "which planning commission")
                   r"councils?|commissions?|committees?|departments?|secretariats?|associations?|"
                   r"(?:trade\s+)?unions?|cent(?:re|er)s?|"
                   r"publications?|programmes?|pilots?(?![\w\s,/-]{0,25}\bcountr)|schemes?|systems?|conventions?|recommendation|initiatives?|laws?|titles?|"
                   r"years?|reports?|papers?|pathfinders?|states|agenc(?:y|ies)|bulletins?|stud(?:y|ies)|briefs?|guides?|"
                   r"guidance(?:\s+notes?)?|toolkits?|handbooks?|fact\s+sheets?|playbooks?|documents?|"
                   # "which members of the network": bodies and governments alike, as "who are the members"
                   r"members?(?!\s+(?:states?|countr))|"
                   # "which treaties did X ratify": an ILO instrument by the general word for one
                   r"treat(?:y|ies)|"
                   # "which other sources finance ...": a source of money is a body
                   r"sources?(?=\s+(?:of\s+(?:fund|financ|money)|fund|financ|pay|provid|support|behind|for))|"
                   # "which funding source appears most often": the money word before it says so
                   r"(?:(?<=funding\s)|(?<=financing\s)|(?<=financial\s)|(?<=donor\s))sources?)\b(?!['’]s\b)", re.I)
# Kinds of initiative asked for by a lower-case noun ("which health financing network", "which working
# group"): a capitalised one is part of a name ("by which the Global Partnership ...").
_INITIATIVE_HEAD = re.compile(r"\b(?:[Ww]hich|[Ww]hat|WHICH|WHAT)\s+(?:[a-z][\w-]*\s+){0,3}?"
                              r"(networks?|partnerships?|working groups?|coalitions?|alliances?|accelerators?)\b(?!['’]s\b)")
_HEAD_TYPE = {"countr": "Country", "territor": "Country", "government": "Country", "organi": "Organization", "funder": "Organization", "financier": "Organization", "backer": "Organization",
              "bod": "Organization", "board": "Organization", "trust": "Organization", "bureau": "Organization",
              "authorit": "Organization", "institution": "Organization", "fund": "Organization",
              "donor": "Organization", "partner": "Organization", "publication": "Publication",
              "programme": "Scheme", "pilot": "Scheme", "scheme": "Scheme", "system": "Scheme", "law": "Law",
              "convention": "Convention", "recommendation": "Convention", "initiative": "Initiative", "title": "Publication", "year": "Year",
              "report": "Publication", "paper": "Publication", "pathfinder": "Country", "member state": "Country",
              "state": "Country", "agenc": "Organization", "network": "Initiative", "partnership": "Initiative",
              "working group": "Initiative", "coalition": "Initiative", "alliance": "Initiative",
              "source": "Organization", "contributor": "Organization", "sponsor": "Organization",
              # kinds of body: "under which institute", "which confederation", "which university"
              "universit": "Organization", "institute": "Organization", "bank": "Organization", "confederation": "Organization",
              "federation": "Organization", "ministr": "Organization", "firm": "Organization", "compan": "Organization",
              "multinational": "Organization", "corporation": "Organization", "bank": "Organization",
              "brand": "Organization", "retailer": "Organization", "mutual": "Organization",  # an insurer, a body
              "council": "Organization", "commission": "Organization", "committee": "Organization",
              "department": "Organization", "secretariat": "Organization", "association": "Organization",
              "union": "Organization", "trade union": "Organization", "centre": "Organization", "center": "Organization",
              # kinds of publication (the extractor's kinds): "which bulletin", "what study"
              "bulletin": "Publication", "stud": "Publication", "brief": "Publication", "guid": "Publication",
              "toolkit": "Publication", "handbook": "Publication", "fact": "Publication", "playbook": "Publication",
              "document": "Publication", "treat": "Convention", "accelerator": "Initiative", "member": "Organization"}

def explicit_head(question: str) -> str | None:
    """The type a "which/what <noun>" head asks for in so many words ("which countries"), else None."""
    m = _HEAD.search(question)
    if not m:
        return None
    noun = m.group(1).lower()
    return next((t for p, t in sorted(_HEAD_TYPE.items(), key=lambda kv: -len(kv[0])) if noun.startswith(p)), None)


_HEAD_PREFIXES = sorted(_HEAD_TYPE.items(), key=lambda kv: -len(kv[0]))

def is_network(type_: str, label: str) -> bool:
    """A network the graph holds as an initiative ("CONNECT Network"): a body of members that a
    sentence names as a partner beside organisations ("in collaboration with UNICEF and the CONNECT
    network"), so an organisation asked from the text may be it.  General English: the head noun."""
    return type_ == "Initiative" and bool(re.search(r"\bnetwork$", (label or "").strip(), re.I))


ENTITY_FOR_TYPE = {"Country": "Country", "Organization": "Organization", "Scheme": "Scheme", "Law": "LegalInstrument",
                   "Convention": "LegalInstrument", "Publication": "Publication", "Initiative": "Initiative"}

# -- relation hints (plain English) ----------------------------------------------------------
# Funding as a relation ("who funds", "financed by", "donors"), not as a topic ("financing for reforms").
FUND = re.compile(r"\b(fund|funds|funded|funders?|finance|finances|financed|financiers?|donors?|sponsor\w*|bankroll\w*|"
                  # "financing partners", "funding partners": the funders, by the partnership word
                  r"(financing|financial|funding) (support|source|partner)s?|who (fund|finance|pay)s?|"
                  # "for the Cabo Verde, who is paying?": the progressive, with no object after it
                  r"who (?:is|are|was|were) (?:paying|funding|financing|bankrolling)(?=\s*(?:[?.!,;:]|$))|"
                  # "listed as a source of financing", "sources of funding": the same, the other way round
                  r"sources?\s+of\s+(?:financing|funding|finance|financial\s+support)|"
                  # the partners who pay: "among the partners financing the work", "partners that funded it"
                  r"partners?\s+(?:(?:that|who|which)\s+(?:[a-z]+\s+)?(?:financ|fund|pa[iy]|bankroll)\w*|"
                  r"(?:financing|funding|paying for|bankrolling))|"
                  r"(funding|financing|money|resources) (from|by)|(receiv\w*|gets?|got|getting)\s+(funding|financing)|"
                  # support said to be financial by its adverb: "who supports Kenya financially"
                  r"financially\s+(support|back|assist|help)\w*|(support|back|assist|help)\w*\s+(?:[\w'’.-]+\s+){0,4}?financially|"
                  r"(money|funding|financing|funds|resources)\b[^?]{0,80}\bcom(e|es|ing) from|"
                  # "whose money was behind the work in ...", "what money is behind it"
                  r"whose\s+(own\s+)?(money|funding|financing|funds|cash|resources)|(money|funding|financing|funds|cash)\s+(is|was|are|were)\s+behind|"
                  r"(financing|funding|bankrolling) (the|its|their)|pa(id|ys?|ying) (for|into)|allocations?|"
                  # a keyword query's pay verb: closing it ("... ireland pay"), or with its source ("paid out of"; benefits
                  # "paid out" to people are no funding)
                  r"pa(id|ys?)\s*\??\s*$|paid\s+out\s+of\b|"
                  # ("contributing to the digitalisation of X" is work, not money: an activity noun after it)
                  # ("contributed or committed new money in 2024 to ...": a second verb, an adjective and a year between)
                  r"contribut(e|es|ed|ing) (?:or [a-z]+ )?(?:(?:new|additional|extra|more|fresh) )?(money |funds |resources |funding )?"
                  r"(?:(?:in|during|since|by) (?:19|20)\d\d )?(to|for)"
                  r"(?!\s+(?:the\s+|its\s+|their\s+)?(?!financ|fund)[a-z]+(?:ing|isation|ization|ment)\b)|contributors?|"
                  # other ways to say who pays: "puts up the money", "foots the bill", "picks up the tab"
                  r"put(s|ting)? up (the )?(money|funds|funding|cash)|foot(s|ed|ing)? (the )?bill|pick(s|ed|ing)? up (the )?(tab|bill)|"
                  r"(provid|gave|give|giv|put|mobili[sz]|commit|pledg)\w* (the |its |their )?(additional |new |more |extra )?(resources|funds|funding|financing|money) "
                  r"(?:(?:in|during|since|by) (?:19|20)\d\d )?(to|for|into)|"
                  r"contributions? (from|of|by|to)|(donat|pledg)\w*|"
                  # a sum stated after the verb: "committed US$1.3 million to the ILO"
                  r"(provid|gave|give|giv|put|mobili[sz]|commit|contribut|allocat|grant)\w* (?:about |around |over |some |"
                  r"nearly |almost |a total of )?(?:US\$|\$|€|£|EUR |USD |CHF )\s?\d|"
                  # a name's funding, with its name blanked: "countries with(out) [MUL] funding", "no [EU] money"
                  r"(with|without|w/o|no|any)\s+(funding|financing|money)(?!\s+gaps?)|"
                  # the progressive: "where is the Netherlands funding ILO work"
                  r"(is|are|was|were|been)\s+(?:[\w'’-]+\s+){0,3}?(funding|financing|bankrolling|paying for))\b", re.I)
PARTNER = re.compile(r"\b((?<!financing )(?<!financial )(?<!funding )partner\w*"
                     # a partner said to pay ("the partners financing the work") is a funder (FUND reads it)
                     r"(?!\s+(?:(?:that|who|which)\s+(?:[a-z]+\s+)?(?:financ|fund|pa[iy]|bankroll)|"
                     r"(?:financing|funding|paying for|bankrolling)\b))|collaborat\w*|co-?operat\w*|"
                     r"work(ed|s|ing)? (closely |jointly |directly |hand in hand )?(together )?with|together with|"
                     r"jointly|alongside|engag\w* with|"
                     # "did the ILO's work involve the World Bank": a name follows (blanked where the
                     # cue is read), not a thing ("involve allowances") nor "involved in" (taking part)
                     r"involv(?:e|es|ed|ing)(?=\s(?:the\s)?\s\s)|"
                     # other words for working together: "teamed up with", "joined forces", "the ILO's allies"
                     r"team(s|ed|ing)? up|join(s|ed|ing)? (forces|hands)|all(y|ies|ied) (with|of)|allies|"
                     r"hand in hand|in tandem|side by side|in concert with|in conjunction with|link(s|ed|ing)? up)\b", re.I)
# Not finished yet: "in the process of", "still working on", "not yet", "pending".
IN_PROGRESS = re.compile(r"\b(in (the )?process|in progress|ongoing|underway|under way|yet to|not yet|preparing|developing|"
                         r"still|pending|awaiting|working (on|towards?)|in the works)\b", re.I)
ENDORSED = re.compile(r"\b(endors\w*|adopt\w*|approv\w*|validat\w*|sign(?:s|ed|ing)?[\s-]+off)\b", re.I)  # "signed off on": endorsed
ROADMAP = re.compile(r"\broadmaps?\b", re.I)
CHAIR = re.compile(r"\bco-?chair\w*|\bchair\w*", re.I)
MEMBERS = re.compile(r"\bmembers?\b|\bmembership\b", re.I)
def _ratify_cue() -> re.Pattern:
    """"ratified" plus the registry's multi-word phrases for the relation ("party to"), so
    "when did Salvador become party to C102" is a ratification question like "ratify" is."""
    from graph.relations import REGISTRY

    rel = REGISTRY.get("ratified")
    phrases = [k for k in (rel.keywords if rel else ()) if " " in k]
    return re.compile(r"\bratif\w*\b" + "".join(r"|\b" + re.escape(p).replace(r"\ ", r"\s+") + r"\b"
                                                  for p in phrases), re.I)


RATIFY = _ratify_cue()
PATHFINDER = re.compile(r"\bpathfinders?\b", re.I)
MEMBERSHIP = re.compile(r"\b(members?|membership|join\w*|pathfinders?|constitut\w*|found(ed|ing|ers?)|co-?chair\w*|"
                        r"endors\w*|roadmaps?|commit\w*(?!\s+(?:US\$|\$|€|£|EUR\b|USD\b)\s?\d)|engag\w*|part of|belong\w*)\b", re.I)
NEGATION = re.compile(r"\b(no|not|never|without|none|neither|nor|lack\w*|absent|\w+n['’]t|except|excluding|besides|apart|"
                      r"nothing(?!\s+(?:else|more|but|other))|zero(?=\s+[a-z]))\b",
                      re.I)
PRIORITY = re.compile(r"\bpriority\b", re.I)
RESULT_TYPES = {
    "policies_strategies": re.compile(r"\bresult\s*(1|one|i)\b|\bpolic(y|ies),? (and |or |& )?strateg|\b(polic(y|ies)|strateg(y|ies))[\s-]+(results?|adopt\w*)\b|\bstrateg(y|ies),? (or |and |& )?polic|"
                                      r"\bstrateg(y|ies) adopted\b|\bpolicies and strategies\b", re.I),
    "scheme_reform": re.compile(r"\bresult\s*(2|two|ii)\b|\b(introduc\w*|reform\w*|design\w*)\b[^?,]{0,25}\bschemes?\b|"
                               # a result in law: the kind results tables call "scheme design/law"
                               r"\b(?:legal|legislative|law)\s+(?:results?|changes?)\b|"
                               # "schemes introduced", "schemes were introduced or reformed", "schemes being designed"
                               r"\bschemes?[\s-]+(?:(?:were|was|are|is|have been|has been|had been|being|got|get)\s+)?(introduc\w*|reform\w*|design\w*|enact\w*)|"
                               r"\bnew\s+(?:social\s+protection\s+)?schemes?\b", re.I),
    # "improving operations", "improvement of/in operations", "operations improvement", "operational improvements"
    "operations": re.compile(r"\bresult\s*(3|three|iii)\b|\b(improv\w*|strengthen\w*|better\w*)[\s-]+(?:(?:of|in)\s+)?(?:the\s+|its\s+|their\s+)?"
                             # "improved social protection operations", "improving scheme operations"
                             r"(?:(?:social\s+(?:protection|security)|schemes?|programmes?|programs?|systems?)[\s-]+)?operations?\b|"
                             # what the results table's "improving operations" is made of: "improved the
                             # administration of their schemes", "strengthened financial governance"
                             r"\b(?:improv\w*|strengthen\w*)\s+(?:the\s+|its\s+|their\s+)?(?:operational\s+efficiency|"
                             r"administration|administrative\s+(?:capacity|capacities|processes|efficiency)|"
                             r"(?:administrative\s+and\s+)?financial\s+governance)\b|"
                             r"\boperations?[\s-]+improv\w*|\boperational\b", re.I),
}
# A table named as the place something is listed ("in the institutional results table for 2024"): a
# source, no condition on what is asked.
_TABLE_LOCATOR = re.compile(r"\b(?:in|from|of|per|according\s+to)\s+(?:the\s+)?(?:(?:19|20)\d\d\s+)?(?:institutional\s+)?"
                            r"results?\s+table(?:\s+(?:for|of)\s+(?:19|20)\d\d)?\b", re.I)
ANY_RESULT = re.compile(r"\binstitutional (result|change)s?\b|\bresults? (table|type|achieved)\b|\bresults?\b", re.I)
# (also the steps still to come: "still awaits submission of the instrument", "a resolution approving
# the ratification", "the instrument has not yet reached the ILO")
STATUS_PENDING = re.compile(r"\bnot (yet )?(valid|registered|in force|deposited|taken effect|entered into force|effective|"
                            r"submitted|reached|lodged|sent)\b|\bawait(s|ing|ed)?\b|"
                            r"\byet to\b|\bpending\b|\bapprov(ed|al|ing)\b|\bin (the )?(process|course) of\b|\bnot yet been\b", re.I)
# A ratification the country has not made but works towards ("which convention is Tajikistan looking to
# ratify", "considering ratifying", "on the way to ratification"): ordinary English.
PROSPECTIVE = re.compile(
    r"\b(?:look\w*|consider\w*|plan\w*|aim\w*|hop\w*|intend\w*|prepar\w*|want\w*|seek\w*|wish\w*)\s+(?:to\s+)?"
    r"(?:eventually\s+)?ratif\w*|\b(?:work\w*|mov\w*|head\w*|way|road|path|roadmap|steps?)\s+(?:towards?|to)\s+"
    r"(?:(?:the|an?|its|eventual(?:ly)?|possible|future)\s+)*ratif\w*|\b(?:eventual(?:ly)?|future|possible|potential)\s+"
    r"ratif\w*|\bratif\w*\s+(?:\w+\s+){0,3}?(?:eventually|later|in\s+(?:the\s+)?future|one\s+day|some\s*day)\b"
    # "the convention that the country will ratify", "is expected to ratify"
    r"|\b(?:will|shall|(?:is|are)\s+(?:going|expected|set|due)\s+to)\s+(?:(?:eventually|soon|later|then)\s+)?ratif\w*", re.I)
# The negated statuses of STATUS_PENDING: their "not" qualifies the status, it negates nothing.
_NOT_YET_STATUS = re.compile(r"\bnot (?:yet )?(?:been )?(?:valid|registered|in force|deposited|taken effect|entered into force|"
                             r"effective|submitted|reached|lodged|sent)\b", re.I)
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
# Words of the question that are about the asking, not the topic.
QUESTION_WORDS = frozenset("""which what who whom where when how many much did does do is are was were has have had
list name give tell me please country countries organisation organisations organization organizations ilo ilo's
work support supported supports""".split())
_QUESTION_WORD_STEMS = frozenset(stem(w) for w in QUESTION_WORDS)  # once, not per word of every question


@dataclass
class Link:
    """A span of the question linked to graph entities."""

    start: int
    end: int
    surface: str
    ids: list[str]

    @property
    def type(self) -> str:
        return self.ids[0].split(":", 1)[0]


@dataclass
class Analysis:
    question: str
    answer_type: str
    links: list[Link] = field(default_factory=list)
    years: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)  # Region entity ids
    fund: bool = False
    ratify: bool = False
    pathfinder: bool = False
    membership: bool = False
    negation: bool = False
    negated: set[str] = field(default_factory=set)  # relations under a negation: fund, ratify, priority, ...
    priority: bool = False
    pending: bool = False
    prospective: bool = False  # a ratification still ahead: "looking to ratify", "towards ratification"
    chair: bool = False
    partner: bool = False
    roadmap: str | None = None  # endorsed | in-progress, when the question is about roadmaps
    members: bool = False
    result_types: list[str] = field(default_factory=list)
    any_result: bool = False
    topic_terms: list[str] = field(default_factory=list)
    any_of: bool = False  # several named countries stand for one described set (a chain): any of them
    all_of: bool = False  # ... each of them ("the funder named for every single Arab States priority country")
    excluded: set[str] = field(default_factory=set)  # set aside by the question ("besides the EU"): never answers
    aside_phrases: list[str] = field(default_factory=list)  # the words each "apart from ..." names, linked or not
    aside_governments: bool = False  # "members that are not countries", "besides governments": no state answers
    read_as: str | None = None  # the question after its asides were dropped (a pronoun filled in), said in `path`
    # the question with the asker's context sentences and asides still in it ("... €67 million was
    # secured from the EU and others. Which countries contributed?"): what a later step may anchor on
    whole: str = ""
    # the families of the name the span step read ("which platform": a project's), when it answered
    span_families: frozenset = frozenset()
    # relations switched on only by a registry keyword ("Swiss-backed"), not by the analysis's own
    # cues: an empty graph answer through them is the graph being silent, not negative
    keyword_only: set[str] = field(default_factory=set)
    # words that make "fund" a noun ("health fund"), from the graph's names (see app.qa.relation.fund_nouns)
    fund_modifiers: frozenset = frozenset()
    # a ranking asked below the top ("the second most", "after the EU": see app.qa.figures.ordinal): the
    # rank wanted, and the entities ranked just before the answer
    rank: int = 1
    ranked_after: set[str] = field(default_factory=set)

    def linked(self, *types: str) -> list[str]:
        out = []
        for l in self.links:
            for i in l.ids:
                if i.split(":", 1)[0] in types and i not in out:
                    out.append(i)
        return out


def _fold(s: str) -> str:
    """Accents off, curly apostrophes straight, and - unlike plain NFKD - the same length, so
    offsets found in the folded text point at the same characters of the question."""
    return "".join((unicodedata.normalize("NFKD", c)[:1] or c) for c in s).replace("’", "'")


def _drop_possessives(s: str) -> str:
    return re.sub(r"['’]s\b", "  ", s)


_TOKEN = re.compile(r"[A-Za-z0-9]+")
# A row of the report's acronym list, a line of its own: "RMT | Results Monitoring Tool".
ACRONYM_ROW = re.compile(r"^\s*([^\s|]{2,12})\s*\|\s*([^|]+?)\s*\|?\s*$")


# Kinds of things whose long names keyword queries reorder (not figures or activities, whose
# "names" are descriptions).
_REORDERED_TYPES = {"Initiative", "Organization", "Scheme", "LegalInstrument", "Project", "Publication"}


# Bodies, funds and instruments: named with an acronym in brackets that questions leave out.
_NAMED_BODIES = {"Organization", "Initiative", "Scheme", "LegalInstrument", "Project"}
_ACRONYM_PAREN = re.compile(r"\(\s*[A-Z][\w&.+-]*[A-Z0-9][\w&.+-]*\s*(?:\)|$)")


# Question words that never stand inside a reordered name ("standards of which convention").
_WH_INSIDE = frozenset({"which", "what", "whose", "who", "whom"})
_INSTRUMENT_CUE = re.compile(r"\b(ratif\w*|signator\w*|conventions?|recommendations?)\b", re.I)


def _other_spelling(toks: tuple[str, ...]) -> tuple[str, ...]:
    """The name's tokens in the other English spelling ("organisation" / "organization")."""
    return tuple(other_english(t) or t for t in toks)


def _name_key(name: str) -> tuple[str, ...]:
    """The token tuple a name is linked by (as :meth:`Lexicon._add` stores it)."""
    return tuple(t.lower() for t in _TOKEN.findall(_fold(_drop_possessives(name))))


# An elided French or Italian article ("d'Ivoire", "l'Union"), which a question may type without
# its apostrophe ("cote divoire").
_ELISION = re.compile(r"\b([dlDL])['’]\s*(?=[^\W\d_])")
# What may follow a scheme's proper name up to its kind noun ("++ pilot programme", " savings scheme").
_KIND_TAIL_AFTER = re.compile(r"(?:\+\+)?(?:\s+[a-z][\w-]*){0,2}?\s+(?:scheme|programme|program|project|pilot|initiative)s?\b")
def _is_country_name(word: str) -> bool:
    """Whether ``word`` is a country's own name ("Jordan"), not only its adjective ("Jordanian")."""
    w = word.lower()
    return any(w == n.lower() for c in countries.all_countries().values() for n in c.names)


def _origin_adjectives(question: str, links: list[Link]) -> list[Link]:
    """"the German BMZ", "the Italian company Eni": a country's adjective right before an
    organisation's name says where the organisation is from; it names no country the question is
    about (Germany is not what the BMZ's co-funders fund).  Such a link is dropped; a country's
    name ("Germany BMZ") or a possessive ("Jordan's SSC") stays, and so does an adjective before the
    report's author, which works in countries and comes from none ("the Ivorian ILO programme")."""
    from app.qa.graphstep import AUTHOR_ORGS

    out = []
    for i, l in enumerate(links):
        nxt = links[i + 1] if i + 1 < len(links) else None
        if nxt is not None and l.type == "Country" and nxt.type == "Organization" \
                and not question[l.end:nxt.start].strip() and len(l.surface.split()) == 1 \
                and demonym_country(l.surface) is not None and not _is_country_name(l.surface) \
                and not any(i.startswith("Organization:gov-") for i in nxt.ids) and not set(nxt.ids) & AUTHOR_ORGS:
            continue
        out.append(l)
    return out


_KIND_WORD_END = re.compile(r"\b(?:convention|recommendation)s?\s*$", re.I)


def _cited_numbers_win(question: str, links: list[Link]) -> list[Link]:
    """"the minimum standards of Convention No. 183": a description that ends on the instrument's kind
    word, read as one instrument ("minimum standards ... Convention" is C102's), is cut short by the
    number cited right after it: "Convention No. 183" is the instrument named."""
    out: list[Link] = []
    i = 0
    while i < len(links):
        a = links[i]
        b = links[i + 1] if i + 1 < len(links) else None
        kind = _KIND_WORD_END.search(a.surface)
        if b is not None and kind and a.type == "LegalInstrument" and b.type == "LegalInstrument" \
                and not set(a.ids) & set(b.ids) and not question[a.end:b.start].strip():
            start = a.start + kind.start()
            out.append(Link(start, b.end, question[start:b.end], list(b.ids)))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


# A token mixing letters and digits ("c102", "usp2030", "p4h"): a code, never a word of English.
_ALPHANUMERIC = re.compile(r"(?=[^\W\d_]*\d)(?=\d*[^\W\d_])\w+")


# How many texts' links a lexicon keeps (a few KB each).
_LINK_MEMO_SIZE = 20_000


class Lexicon:
    """Every name the graph knows (and every country name in general), for linking questions."""

    def __init__(self, knowledge):
        self.k = knowledge
        self.names: dict[tuple[str, ...], set[str]] = {}
        self.acronyms: set[tuple[str, ...]] = set()
        self.dotted: dict[tuple[str, ...], set[str]] = {}  # initials typed with dots (app.qa.names.dotted_acronyms)
        self.instrument_numbers: dict[str, set[str]] = {}  # "102" -> Convention No. 102, for "ratified 102"
        for eid, e in knowledge.entities.items():
            if e["type"] in ("InstitutionalResult",):
                continue
            for n in knowledge.names(eid):
                self._add(n, eid)
                if e["type"] == "LegalInstrument":  # "convention 102", "C.102"
                    for v in citation_variants(n):
                        self._add(v, eid)
                    if instrument_number(n):
                        self.instrument_numbers.setdefault(instrument_number(n), set()).add(eid)
        for iso3, c in countries.all_countries().items():
            for n in c.names:
                self._add(n, f"Country:{iso3}")
        from app.qa.names.name_forms import derived_forms

        derived: set[tuple[str, ...]] = set()  # linked as written only, never reordered

        for form, eid in list(derived_forms(((i, e["type"], knowledge.names(i)) for i, e in knowledge.entities.items()),
                                            lambda f: _name_key(f) in self.names)):
            self._add(form, eid)  # "GA" for the Global Accelerator, "ILO-IMF collaboration"
            derived.add(_name_key(form))
        from app.qa.names.head_references import head_references

        for form, eid in head_references(((i, e["type"], knowledge.names(i)) for i, e in knowledge.entities.items()),
                                         [p.text for p in knowledge.passages.values()]):
            if _name_key(form) not in self.names:
                self._add(form, eid)  # "the accelerator": the one initiative the report calls so
                derived.add(_name_key(form))
        from app.qa.names.country_words import distinctive_words
        from app.qa.form.spelling import english_frequency

        known = {iso3: c for iso3, c in countries.all_countries().items() if f"Country:{iso3}" in knowledge.entities}
        for word, iso3 in distinctive_words({i: list(c.names) for i, c in countries.all_countries().items()},
                                            english_frequency(), {i: c.name for i, c in known.items()}).items():
            if (word,) not in self.names:  # "burkina donors": a report country by its distinctive word
                self._add(word, f"Country:{iso3}")
        from app.qa.names.demonyms import QUESTION_ABBREVIATIONS

        for iso3, shorts in QUESTION_ABBREVIATIONS.items():
            for n in shorts:
                self._add(n, f"Country:{iso3}")
        from app.qa.names.country_groups import region_forms

        # "the Andean countries", "the Sahel": a group of countries lies in its members' ILO region
        known_countries = {i.split(":", 1)[1] for i, e in knowledge.entities.items() if e["type"] == "Country"}
        for alias, region in {**region_forms(known_countries), **QUESTION_REGIONS, **countries.REGION_ALIASES}.items():
            key = f"Region:{countries.fold(region).replace(' ', '-')}"
            if key in knowledge.entities:
                self._add(alias, key)
        self.longest = max((len(n) for n in self.names), default=1)
        self.fund_modifiers = fund_modifiers(knowledge)  # "health fund" names a fund, it funds nothing
        self.instrument_years = title_years(knowledge)  # "the 1952 convention"
        # "Social Security System": a body named by common words, linked only where capitalised
        lowered = lower_words(p.text for p in knowledge.passages.values())
        self.case_only = {eid for eid, e in knowledge.entities.items()
                          if e["type"] == "Organization" and case_only(e.get("label") or "", lowered)}
        # Words that are not typos: every name token and every word of the report.
        self.vocab = {t for name in self.names for t in name}
        for p in knowledge.passages.values():
            self.vocab.update(t.lower() for t in _TOKEN.findall(_fold(p.text)))
        # Long names by their content words in any order: keyword queries reorder them
        # ("usp2030 climate action working group" for "USP2030 Working Group on Climate Action").
        self.unordered: dict[frozenset, set[str]] = {}
        # A derived form ("ILO-IMF cooperation") reorders only across one small word ("ILO and IMF
        # cooperation"): in a longer window its words are the question's ("the ILO's collaboration
        # with the IMF" names two organisations).
        self.unordered_tight: dict[frozenset, set[str]] = {}
        for name, ids in self.names.items():
            content = frozenset(t for t in name if t not in STOP)
            named = {i for i in ids if i.split(":", 1)[0] in _REORDERED_TYPES}
            if len(content) >= 3 and named:
                (self.unordered_tight if name in derived else self.unordered).setdefault(content, set()).update(named)
        # Fuzzy candidates by (token count, first letter): a typo rarely hits the first letter.
        self.by_shape: dict[tuple[int, str], list[tuple[str, tuple[str, ...]]]] = {}
        for name in self.names:
            joined = " ".join(name)
            self.by_shape.setdefault((len(name), joined[0]), []).append((joined, name))

    def _add(self, name: str, eid: str) -> None:
        toks = tuple(t.lower() for t in _TOKEN.findall(_fold(_drop_possessives(name))))
        raw = _fold(name).strip()
        acronym = raw.isupper() and len(raw.replace("-", "")) <= 8
        if not toks or (len(toks) == 1 and toks[0] in STOP and not acronym):
            return
        self.names.setdefault(toks, set()).add(eid)
        other = _other_spelling(toks)  # "National Organisation for Social Insurance": the -ization name
        if other != toks and len(toks) >= 2:
            self.names.setdefault(other, set()).add(eid)
        for form in span_forms(toks):  # "wspr 24-26", "strategy 2024-30": the span typed another way
            self.names.setdefault(form, set()).add(eid)
        elided = _ELISION.sub(r"\1", _fold(name))  # "cote divoire": the apostrophe of an elision left out
        if elided != _fold(name):
            self.names.setdefault(tuple(t.lower() for t in _TOKEN.findall(_drop_possessives(elided))), set()).add(eid)
        if acronym:
            self.acronyms.add(toks)
            letters = letter_key(raw)
            if letters is not None:  # "E.U." for "EU": linked only where the question writes the dots
                self.dotted.setdefault(letters, set()).add(eid)
            return
        # Questions drop the acronym and the article a name is written with ("the ILO's Regular Budget
        # Supplementary Account" for "ILO's Regular Budget Supplementary Account (RBSA)"); without
        # these forms a shorter name inside it wins the link.
        if eid.split(":", 1)[0] not in _NAMED_BODIES:
            return
        if not raw[:1].isupper():  # "universal health coverage (CMU)": without its acronym, the general idea
            return
        bare = tuple(t.lower() for t in _TOKEN.findall(_fold(_drop_possessives(_ACRONYM_PAREN.sub(" ", name)))))
        for form in (bare, bare[1:] if bare[:1] == ("the",) else ()):
            if len(form) >= 2 and form != toks:
                self.names.setdefault(form, set()).add(eid)

    def link(self, question: str) -> list[Link]:
        """The question's spans linked to graph entities (longest names first, typos, demonyms,
        descriptions).  The engine links the same text many times while it reads one question (each
        reading step re-links its own rewrite), and linking is the costliest pure step, so the
        links of a text are kept: the lexicon never changes after it is built.  Callers get their own
        copies, since some narrow a link's ids in place."""
        memo = self.__dict__.setdefault("_link_memo", {})
        kept = memo.get(question)
        if kept is None:
            if len(memo) >= _LINK_MEMO_SIZE:
                memo.clear()  # bounded: a server's questions never stop coming
            kept = memo[question] = tuple(self._link(question))
        return [Link(l.start, l.end, l.surface, list(l.ids)) for l in kept]

    def region_in_name(self, question: str, link: Link) -> bool:
        """Is the region word one word of a name the graph does not hold ("Connect Asia research on
        ...", "a study by Connect Asia": the Connect Asia network, not a filter to Asian countries)?
        Only when a capitalised word stands right before it and the report itself writes the two
        words so inside a sentence: a capital alone says little (every question's first word has
        one, and "African Flagship priority countries", "Asian Global Accelerator pathfinders" are
        regions before names)."""
        from app.qa.names.region_in_name import word_before

        prev = word_before(question, link.start)
        if prev is None or not hasattr(self.k, "passages"):
            return False  # (a lexicon over a knowledge base without the report's text: nothing to check)
        written = self.__dict__.setdefault("_written_names", {})
        phrase = f"{prev} {question[link.start:link.end]}"
        if phrase not in written:
            if len(written) >= _LINK_MEMO_SIZE:
                written.clear()  # bounded, as the link memo: a server's questions never stop coming
            rx = re.compile(r"(?<=[a-z,;]\s)" + re.escape(phrase) + r"\b")
            written[phrase] = any(rx.search(p.text) for p in self.k.passages.values())
        return written[phrase]

    def _link(self, question: str) -> list[Link]:
        text = _fold(_drop_possessives(question))
        toks = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
        lowercase_query = question == question.lower()  # keyword style: acronyms typed in lower case
        low = [t[2].lower() for t in toks]
        found: list[tuple[int, int, list[str]]] = []
        for n in range(min(self.longest, len(toks)), 0, -1):  # a long official name links whole
            for i in range(len(toks) - n + 1):
                gram = tuple(low[i:i + n])
                ids = self.names.get(gram)
                if n >= 2 and all(len(t) == 1 for t in gram) and gram in self.dotted and \
                        is_dotted(text[toks[i][0]:toks[i + n - 1][1] + 1]):
                    found.append((i, i + n, sorted(self.dotted[gram])))  # "e.u." is the EU
                    continue
                if ids is None and n == 1 and gram[0] not in STOP and (len(gram[0]) >= 4 or gram[0] in IRREGULAR):
                    # "the Swiss", "Kenyan", "Dutch funding"; a short one only from the table ("lao funders")
                    iso = demonym_country(gram[0])
                    ids = self._country_ids(iso) if iso else None
                if ids is None and n <= 4 and not (n > 1 and any(len(t) >= 4 and demonym_country(t) for t in gram)) and (
                        any(len(t) >= 6 and t not in self.vocab for t in gram) or (
                        n >= 2 and len(" ".join(gram)) >= 9 and any(len(t) >= 4 and t not in self.vocab for t in gram))):
                    # (a demonym is a word, not a typo: "the Zambian" is not "The Gambia")
                    # a typo in a short word of a longer name ("Sierra Leon") is judged on the whole name
                    ids = self._fuzzy(gram)
                if not ids:
                    continue
                # (a token of letters and digits is no English word in any case: "Malawi c102", "the p4h network")
                if gram in self.acronyms and not all(toks[j][2].isupper() or toks[j][2].isdigit() or _ALPHANUMERIC.fullmatch(toks[j][2])
                                                     for j in range(i, i + n)) \
                        and not _ALPHANUMERIC.fullmatch(re.sub(r"[\s.-]", "", text[toks[i][0]:toks[i + n - 1][1]])) \
                        and not (lowercase_query and all(_lower_acronym_ok(t, joined=n >= 2 or bool(_SET_ASIDE_BEFORE.search(
                            text[:toks[i][0]]))) for t in gram)) \
                        and not (lowercase_query and _hyphen_joined_acronym(text[toks[i][0]:toks[i + n - 1][1]], gram)) \
                        and not (lowercase_query and n == 1 and _keyword_country_acronym(low, i, ids)) \
                        and not (lowercase_query and n == 1 and gram[0] not in QUESTION_WORDS and gram[0] not in STOP
                                 and _in_name_slot(text, toks[i][0], toks[i][1])):
                    continue  # "who" is not WHO (but in "eu financed countries", eu is the EU)
                if n == 1 and gram[0] in QUESTION_WORDS and gram not in self.acronyms:
                    continue
                if self.case_only & set(ids) and not written_as_name(text[toks[i][0]:toks[i + n - 1][1]]):
                    ids = [x for x in ids if x not in self.case_only]  # "Timor-Leste's social security system"
                    if not ids:
                        continue
                if text[toks[i + n - 1][1]:toks[i + n - 1][1] + 1] == "$" or _CURRENCY_AFTER.match(text, toks[i + n - 1][1]):
                    continue  # "US$100", "NZ$", "in US dollars": a currency, not a country
                if _REFERENCE_CODE_BEFORE.search(text, 0, toks[i][0]) or _REFERENCE_CODE_AFTER.match(text, toks[i + n - 1][1]):
                    continue  # "Decree 824/MOH/2024": a part of a document's number, not the body
                # every name of a country links its government as a funder too, as its adjective
                # does ("the netherlands" and "uk" as "netherlands" and "united kingdom")
                ids = set(ids) | {g for i in ids if i.startswith("Country:") for g in self._country_ids(i.split(":", 1)[1])}
                found.append((i, i + n, sorted(ids)))
        for n in range(3, min(9, len(toks)) + 1):
            for i in range(len(toks) - n + 1):
                if low[i] in STOP or low[i + n - 1] in STOP:
                    continue
                if any(t in _WH_INSIDE for t in low[i + 1:i + n - 1]):
                    continue  # "the minimum standards of which convention": the question word parts two phrases
                content = frozenset(t for t in low[i:i + n] if t not in STOP)
                ids = self.unordered.get(content) or (
                    self.unordered_tight.get(content) if n <= len(content) + 1 else None)
                if ids and self.case_only & ids and not written_as_name(text[toks[i][0]:toks[i + n - 1][1]]):
                    ids = ids - self.case_only
                # Not when the entity is already linked inside the window by its own name: the
                # other words are then the question's ("un joint programmes donors").
                if ids and not any(f[0] <= i and i + n <= f[1] or (i <= f[0] and f[1] <= i + n and set(f[2]) & ids)
                                   for f in found):
                    found.append((i, i + n, sorted(ids)))
        # Longest spans win; drop spans inside a longer one.
        found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
        taken: set[int] = set()
        links = []
        for a, b, ids in found:
            if any(j in taken for j in range(a, b)):
                continue
            taken.update(range(a, b))
            end = dotted_end(question, toks[a][0], toks[b - 1][1])  # "E.U." whole, its last stop too
            links.append(Link(toks[a][0], end, question[toks[a][0]:end], ids))
        links.sort(key=lambda l: l.start)
        if _INSTRUMENT_CUE.search(question) and not any(i.startswith("LegalInstrument:") for l in links for i in l.ids):
            # "102 ratifiers", "who ratified 102": a bare instrument number where instruments are the topic
            for a, b, ids in bare_numbers(question, self.instrument_numbers):
                if not any(l.start < b and a < l.end for l in links):
                    links.append(Link(a, b, question[a:b], sorted(ids)))
            links.sort(key=lambda l: l.start)
        if not any(i.startswith("LegalInstrument:") for l in links for i in l.ids):
            # "who ratified C 012": a cited instrument's number one keystroke off the one the graph holds
            for a, b, ids in mistyped_numbers(question, self.instrument_numbers, self._instrument_kind):
                if not any(l.start < b and a < l.end for l in links):
                    links.append(Link(a, b, question[a:b], sorted(ids)))
            links.sort(key=lambda l: l.start)
        links = resolve_years(question, links, self.instrument_years)  # "the 1952 social security convention"
        if self.k is not None and hasattr(self.k, "_mentions_by_entity"):
            from app.qa.names.descriptions import resolve

            links = resolve(question, links, self.k)  # "the Italian energy company" is an organisation
            from app.qa.names.initiative_descriptions import resolve as resolve_initiatives

            links = resolve_initiatives(question, links, self.k)  # "the UN jobs and social protection accelerator"
            from app.qa.names.joint_partnerships import resolve as resolve_joint

            links = resolve_joint(question, links, self.k)  # "where the ILO and the IMF have worked together"
            links = drop_parents(question, links, self._part_of())  # "the Global Accelerator technical support facility"
        return _origin_adjectives(question, _cited_numbers_win(question, self._with_kind_tails(question, links)))

    def _with_kind_tails(self, question: str, links: list[Link]) -> list[Link]:
        """A scheme linked by its proper name alone ("Haba Haba" for the Haba Haba scheme) takes the
        kind noun written after it, with up to two words between ("Haba Haba savings scheme",
        "Estidama++ pilot programme"): the phrase is the scheme's name, not a kind the question asks."""
        stems = getattr(self, "_proper_stems", None)
        if stems is None:
            from app.qa.form.spelling import english_frequency
            from app.qa.names.name_forms import proper_stem

            english = english_frequency()
            stems = self._proper_stems = {
                (_name_key(st), eid) for eid, e in self.k.entities.items() if e["type"] in ("Scheme", "Project", "Initiative")
                for n in self.k.names(eid) for st in [proper_stem(n, english.__contains__)] if st}
        if not stems:
            return links
        out = []
        for l in links:
            if len(l.ids) == 1 and (_name_key(l.surface), l.ids[0]) in stems:
                m = _KIND_TAIL_AFTER.match(question, l.end)
                if m and not any(o is not l and l.end <= o.start < m.end() for o in links):
                    l = Link(l.start, m.end(), question[l.start:m.end()], l.ids)
            out.append(l)
        return out

    def _part_of(self) -> set[tuple[str, str]]:
        """(part, parent) pairs of the graph's ``partOf`` statements, read once."""
        if getattr(self, "_part_of_pairs", None) is None:
            self._part_of_pairs = {(f["subject"], f["object"]) for f in self.k.facts_where(predicate="partOf")}
        return self._part_of_pairs

    def _instrument_kind(self, eid: str) -> str:
        """"Convention" or "Recommendation", the kind an instrument's label starts with."""
        return self.k.label(eid).split(" ", 1)[0]

    def _country_ids(self, iso3: str) -> set[str]:
        """What a country's adjective links to: the same ids as its name (the country and, where the
        graph has one, its government as a funder: "Kuwaiti funding" is Kuwait's, as "Kuwait" is)."""
        ids = {f"Country:{iso3}"}
        gov = f"Organization:gov-{iso3}"
        if self.k is not None and gov in getattr(self.k, "entities", {}):
            ids.add(gov)
        return ids

    def _fuzzy(self, gram: tuple[str, ...]) -> set[str] | None:
        """A name within a small edit of the gram ("Cameroun", "Mozambiqe"), else None."""
        joined = " ".join(gram)
        best, best_ids = 0.0, None
        for cand, name in self.by_shape.get((len(gram), joined[0]), []):
            if abs(len(cand) - len(joined)) > 2:
                continue
            sm = difflib.SequenceMatcher(None, joined, cand)
            if sm.real_quick_ratio() < 0.85 or sm.quick_ratio() < 0.85:
                continue
            r = sm.ratio()
            if r > best:
                best, best_ids = r, self.names[name]
        return best_ids if best >= 0.85 else None


_CURRENCY_AFTER = re.compile(r"\s*(?:dollars?|cents?)\b", re.I)


# What a word that is also a verb is followed by when it is the verb ("opt out", "opt for").
_VERB_NEXT = frozenset("in into out for to not".split())


def _keyword_country_acronym(low: list[str], i: int, ids) -> bool:
    """A country's acronym that is also an English word ("opt" for the Occupied Palestinian
    Territory), typed in lower case, opening a keyword query ("opt funders excluding kuwait"): the
    query's subject, not the verb (a query with a question word, or the word followed by "out" /
    "for" / "in", reads it as the verb)."""
    return i == 0 and len(low) >= 2 and low[1] not in _VERB_NEXT and all(e.startswith("Country:") for e in ids) \
        and not any(t in _ASKING for t in low)


_ASKING = frozenset("which what who whom where when how did does do is are was were has have had can could should "
                    "would will i we you they".split())


# A cue that sets the next name aside or puts it beside the asked ones ("besides the ilo", "apart from
# the ilo", "alongside the ilo"): after it, the author's acronym typed in lower case is a name the
# question sets apart, as "besides the ILO" is, not the asking word it is elsewhere ("what did the ilo do").
_SET_ASIDE_BEFORE = re.compile(r"\b(?:besides|apart\s+from|aside\s+from|other\s+than|except(?:\s+for)?|excluding|"
                               r"alongside|not\s+counting)\s+(?:the\s+)?$", re.I)


# Where an acronym that is also an English word ("connect", "leap") can only be the name when typed
# in lower case: after a verb of joining or becoming, a copula, a preposition or an article ("joined
# connect", "what is connect", "the connect"), or before a noun of membership ("connect members").
_NAME_SLOT_BEFORE = re.compile(r"\b(?:joined|join|joins|joining|became|become|becomes|is|was|of|in|from|about|the|a|an)\s+$")
_NAME_SLOT_AFTER = re.compile(r"^\s+(?:members?|membership|network|partners?)\b")


def _in_name_slot(text: str, start: int, end: int) -> bool:
    """Is the lower-case word at text[start:end] where English grammar leaves room only for a name?"""
    return bool(_NAME_SLOT_BEFORE.search(text[:start]) or _NAME_SLOT_AFTER.match(text[end:]))


# A name glued by a slash to a number is a part of a document's reference ("Decree 824/MOH/2024").
_REFERENCE_CODE_BEFORE = re.compile(r"\d\s?/$")
_REFERENCE_CODE_AFTER = re.compile(r"/\s?\d")


def _hyphen_joined_acronym(span: str, gram: tuple[str, ...]) -> bool:
    """Is a lower-case span an acronym of initials joined by hyphens ("sen-csu" for SEN-CSU), with a
    part no English word?  Written as one hyphenated token, the parts are no phrase of the
    question's own, even when one of them is a word ("sen")."""
    from app.qa.form.spelling import english_words

    return len(gram) >= 2 and re.fullmatch(r"\w+(?:-\w+)+", span) is not None and \
        any(t not in english_words() and t not in QUESTION_WORDS and not t.isdigit() for t in gram)


def _lower_acronym_ok(tok: str, joined: bool = False) -> bool:
    """A lower-case token may stand for an acronym unless it is a question word or an English word.
    Inside a compound of initials ("ilo-imf") a word the questions skip as their author's name is a
    part of the name, not a question word."""
    from app.qa.form.spelling import english_words

    return tok.isdigit() or ((joined or tok not in QUESTION_WORDS) and tok not in STOP and tok not in english_words())


# "according to the report", "as set out in the report", "named in the report": the source, not a
# publication asked for (nor "named" a kind's name asked for).
_META = re.compile(r"\b(?:(?:(?:named|mentioned|listed|cited)\s+)?(?:in|according to|as (?:\w+ )?(?:out |)in|given in|from|of|by|throughout|across|does) )?"
                   # "the 2024 report", "this annual report": the source, whatever its edition words
                   r"(?:the|this)(?:\s+(?:\d{4}|annual|latest|flagship|programme['’]s))*\s+report(?:['’]s)?\b(?!\s+(?:on|about|titled|called|entitled|from \w+ \d{4}|that|which|"
                   # "the name of the report assessing ...": a report the question describes, not the source
                   r"[a-z]+ing\b))(?<!\bname of the report)(?<!\btitle of the report)", re.I)
# Keyword style drops the article: "p4h members named in report".
_BARE_META = re.compile(r"\b(?:(?:named|mentioned|listed|cited)\s+)?(?:in|according to|per)\s+report\b", re.I)


def blank_source_mentions(text: str) -> str:
    """The text with every mention of the report itself as the source ("according to the report",
    "by the time of the report", "named in report") blanked, same length.  Why: a registry
    keyword ("report" of ``publishedBy``) said of the source is no relation word; read as one it
    made "which countries did X pick ... by the time of the report" word another tie to X than
    taking part once ``publishedBy`` could end at an initiative."""
    for rx in (_META, _BARE_META):
        text = rx.sub(lambda m: " " * len(m.group(0)), text)
    return text


# "the year in which ...": a year is asked (years may stay regex).
# "what I need is the year the country ratified ...": a relative clause without "that" asks a year too
# (but "ratified in the year the campaign began" dates something else).
_YEAR_ASKED = re.compile(r"\b(?:the|which|what) year (?:in which|when|that|of)\b|\bwhat year\b"
                         r"|(?<!\bin )(?<!\bof )\bthe year (?:the|it|they|this|[A-Z][\w'’-]+)\s+(?:\w+\s+){0,3}?"
                         r"(?:ratif\w*|launch\w*|join\w*|adopt\w*|introduc\w*|set up|start\w*|establish\w*|deliver\w*|"
                         r"complet\w*|present\w*|approv\w*|enact\w*|creat\w*|publish\w*)\b"
                         # a keyword query's ask opening after a dash or colon ("tanzania ... valuation - year
                         # the ILO delivered it?"): the year of what the clause tells
                         r"|(?:^|[-–—:;]\s*)year\s+(?:the|it|they|when|that|in\s+which)\b", re.I)


# A name's own money ("where do Luxembourg's contributions end up", "the EU's money"): the noun
# after the possessive says the relation is funding ("Kenya's fund" is a thing: fund_nouns).
_OWN_MONEY = re.compile(r"(?:['’]s?)?\s+(?:own\s+)?(?:contributions|money|funding|financing|grants|donations)\b", re.I)


# "whose <national scheme or fund>": a country's own thing (not its officials, nor a body's members)
_WHOSE_NATIONAL = re.compile(r"^\s*whose\s+(?:[\w'’-]+\s+){0,6}?(?:schemes?|systems?|funds?|insurance|pensions?|"
                             r"benefits?|registration|beneficiaries)\b(?!\s+(?:money|funding|financing)\b)", re.I)
# "whose task force on ... is the ILO a member of", "whose working group": a body's own unit, so the
# body is asked (a country has no task force in the report's sense)
_WHOSE_UNIT = re.compile(r"^\s*whose\s+(?:[\w'’-]+\s+){0,3}?(?:task\s*forces?|working\s+groups?|secretariats?|"
                         r"steering\s+(?:groups?|committees?)|technical\s+exchange\s+groups?|coalitions?|"
                         r"departments?|staff|specialists?|experts?)\b", re.I)
_IN_PLACE = re.compile(r"\b(?:in|of)\s+(?:the\s+)?$", re.I)
_WHOSE = re.compile(r"^\s*whose\s+(?:[\w'’-]+\s+){0,3}?(?:programmes?|work|entry|entries|support|line|"
                    r"activities|portfolio|projects?)\b", re.I)
# "whose money was behind the work in ...": the payers are asked, not the money's country
_WHOSE_MONEY = re.compile(r"^\s*whose\s+(?:own\s+)?(?:money|funding|financing|funds|cash|resources|grants?|contributions?|"
                          r"budgets?|donations?)\b", re.I)
_WHO = re.compile(r"^\s*(?:and\s+|so\s+|but\s+)?(?:who|(?:(?:with|by|from|for|to|alongside)\s+)?whom)\b(?!\s+(?:else\s+)?(?:is|was|are|were)\s+the\s+(?:country|countries))", re.I)
# "which (island) state was the first to ...": a country, unless it is "the state of" something.
# "which Arab States", "which places did ...": the places are asked, whatever noun follows
_WHICH_STATE = re.compile(r"\b(which|what)\s+(?:[\w-]+\s+)?(?:states?|places)\b(?!\s+of\b)", re.I)
# The units inside a country ("which provinces", "what districts of Kenya"): places in the country the
# question names, never a country themselves.
_WHICH_INNER = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+)?(?:provinces?|districts?|counties|county|governorates?|"
                          r"municipalit(?:y|ies))\b", re.I)


# Groups of people asked by their noun ("which groups were brought into the scheme", "which new groups
# of workers", "... target groups"): the people a sentence lists, not an entity (a "working group" is one).
_PEOPLE_GROUPS = re.compile(r"\b(?:which|what)\s+(?:(?!working\b)[\w-]+\s+){0,2}?(?:groups|categories)\b(?!\s+of\s+(?:countries|organi))|"
                            r"\b(?:target|population|beneficiary)\s+groups\s*\??\s*$", re.I)


def asks_people_groups(question: str) -> bool:
    """Does the question ask for groups of people ("which population groups", "target groups")?"""
    return bool(_PEOPLE_GROUPS.search(question))


# Tools asked by their noun ("which actuarial model", "what software ..."): the names a sentence
# writes ("the ILO/PENSIONS actuarial model"), which the graph holds no entity for.  The span reader
# (app.qa.topics.spans, the "tool" family) reads names headed by the same nouns.
TOOL_NOUNS = ("model", "software", "methodology")
_TOOL_ASKED = re.compile(r"\b(?:which|what)\s+(?:(?!(?:did|does|do|is|was|are|were|has|have|had|can|will|would)\s)[\w/-]+\s+)"
                         r"{0,3}?(?:" + "|".join(n[:-1] + "(?:y|ies)" if n.endswith("y") else n + "s?" for n in TOOL_NOUNS)
                         + r")\b", re.I)


# A keyword query closing on a tool noun ("egypt nosi actuarial valuation model"): the tool's name.
_TOOL_LAST = re.compile(r"^(?!.*\b(?:which|what|who|whom|whose|where|when|how|why|is|are|was|were|do|does|did)\b)"
                        r".*\s(?:" + "|".join(n[:-1] + "(?:y|ies)" if n.endswith("y") else n + "s?" for n in TOOL_NOUNS)
                        + r")\s*\??\s*$", re.I)


def asks_tool(question: str) -> bool:
    """Does the question ask for a tool by its noun ("which ILO actuarial models", a keyword query
    closing on "model")?"""
    return bool(_TOOL_ASKED.search(question) or _TOOL_LAST.search(question))


def asks_inner_place(question: str) -> bool:
    """Does the question ask for a place inside a country: "which provinces ...", or "which
    <country adjective> state" ("which Indian state"), as against a state that is a country ("which
    Arab states", "which member states")?  Such places are written in the report's sentences, not
    held in the graph, so the answer is read from text."""
    from app.qa.names.demonyms import demonym_country

    if _WHICH_INNER.search(question):
        return True
    m = _WHICH_STATE.search(question)
    words = m.group(0).split() if m else []
    return len(words) == 3 and demonym_country(words[1]) is not None


# "Of the countries ..., which one(s) ...", "Among these funders, which ...": the set named first is asked.
# At the start, or after a preamble's clause break ("for a briefing, and among the ... countries, which one").
_PICK_FROM = re.compile(r"(?:^\s*|(?<=[.!?])\s+|[,;:—–]\s*(?:and\s+|but\s+|so\s+)?|\s-\s+)(?:"
                        r"(?:of|among|out of|from)\s+(?:the|these|those|all)?\s*(?:[\w'’-]+\s+){0,3}?"
                        r"(countr(?:y|ies)|governments?|organi[sz]ations?|funders?|donors?|partners?|publications?|"
                        r"programmes?|schemes?|conventions?|initiatives?|pathfinders?)\b[^?]*?,\s*(?:which|what)\b"
                        r"(?:\s+(?:one|ones)\b|\s+(?!\w+\s+(?:of|do|does|did)\b))"
                        # ("Between the countries ..., which one", "Looking only at the countries ..., which one":
                        # only "which one" picks from the set; "which single funder" asks a noun of its own)
                        r"|(?:between|looking\s+(?:only\s+)?at|considering)\s+(?:the|these|those|all)?\s*(?:[\w'’-]+\s+){0,3}?"
                        r"(countr(?:y|ies)|governments?|organi[sz]ations?|funders?|donors?|partners?|publications?|"
                        r"programmes?|schemes?|conventions?|initiatives?|pathfinders?)\b[^?]*?,\s*(?:which|what)\s+(?:one|ones)\b)",
                        re.I)


def asks_written_text(question: str) -> bool:
    """Is the answer something only the sentences write: a place inside a country, groups of
    people or a tool (:func:`asks_inner_place`, :func:`asks_people_groups`, :func:`asks_tool`)?  Such a question is typed Text
    whatever relation the bank's nearest question would give it."""
    return asks_inner_place(question) or asks_people_groups(question) or asks_tool(question)


# A question closing on the unit its answer is wanted in ("..., in years?", "(in months)", "(number)",
# "(year)"): whatever noun it asks about, the answer is that measure.  A year alone asks a date.
_UNIT_CLOSING = re.compile(r"(?:,|\()\s*(?:(?:in|as\s+an?)\s+(?:years|months|weeks|days|per\s?cent|percent|percentage|"
                           r"(?:us\s+)?dollars|euros|us\$|usd|numbers?|figures?)|(?:a\s+)?(?:number|figure|amount)|"
                           r"(?P<year>(?:the\s+)?year))\s*\)?\s*\??\s*$|"
                           # ... or in brackets anywhere: "what is the new minimum period (in years) for ..."
                           r"\(\s*in\s+(?:years|months|weeks|days|per\s?cent|percent|(?:us\s+)?dollars|euros|us\$|usd)\s*\)", re.I)
_HOW_MANY_FIRST = re.compile(r"(?:^|(?<=[.!?])\s+(?=[A-Z]))\W*(?:[\w'’-]+\W+){0,2}?(?:how (?:many|much)|"
                             r"what (?:is |was |'s )?(?:(?:now|currently|today|then)\s+)?(?:the )?(?:total )?number of)\b"
                             # "After the new members joined, what is now the total number of members": after a lead-in
                             r"|(?<=,)\s+what (?:is |was |'s )?(?:(?:now|currently|today|then)\s+)?(?:the )?total number of\b",
                             re.I)  # "what number of countries"
# (also at the start of the last sentence: "I'm preparing a brief on core funding. How many ...")


# "In Senegal, the ILO works with who?", "the report was written by whom": a question word left in
# place after its preposition (a second-language or spoken word order) asks for the agent or partner
# as a fronted "with whom" does; never a relative "with whom the ILO worked" after a noun.
_WHO_IN_PLACE = re.compile(r"(?<!^)\b(?:[a-z]+(?:ed|s)|work|works|working|partner|cooperate|collaborate|"
                           r"funded|financed|supported|written|published|run|led|made|done|paid)\s+"
                           r"(?:with|by|from|alongside)\s+whom?\b(?!\s+(?:the|a|an|it|they|he|she|we|(?-i:[A-Z])\w*)\b)", re.I)
_AGENT_LAST = re.compile(r"\b(?:published|co-?published|written|authored|co-?authored|released|issued|produced|prepared|"
                         r"commissioned|funded|financed|led|run|organi[sz]ed|co-?organi[sz]ed|implemented|managed|"
                         r"hosted|chaired|co-?chaired|launched|supported|founded|established)\s+by\s*[?.!]*\s*$", re.I)


_WHOM_FIRST = re.compile(r"^\s*(?:with|by|from|for|to|alongside)\s+whom\b", re.I)

# Keyword queries ask a count with a bare count word at either end ("total members of the connect
# network", "usp2030 assembly representatives number", "connect members total"), not "in total".
_KEYWORD_COUNT = re.compile(r"^\W*(?:the\s+)?(?:total|overall)\s+(?!of\b)[\w'’-]+"
                            r"|(?<!\bin )(?<!\bthe )\b(?:total|count|tally|number|numbers|how many)\s*\??\s*$"
                            # "global accelerator first round number of pathfinder countries": a count
                            # wherever a keyword query writes it
                            r"|(?<!\bby )(?<!\bby the )\b(?:number|count|tally)\s+of\b"  # "top 3 X by number of Y" ranks
                            # "global accelerator total pathfinder countries": "total" before the
                            # plural noun of what is counted, wherever the query writes it
                            r"|(?<!\bin )\btotal\s+(?:[\w'’-]+\s+){0,2}?(?:countries|members|member\s+states|states|"
                            r"pathfinders|organi[sz]ations|partners|donors|governments|initiatives)\b"
                            # "c102 ratifications goal 2026": the aim set for a counted act is a number
                            # (not "target countries", the countries a programme targets)
                            r"|\b(?:ratifications?|memberships?|enrol(?:l)?ments?|affiliations?)\s+(?:goal|target)s?\b", re.I)
# "... signed up to one UN initiative in 2024 - which one?": the pronoun stands for the last kind
# noun before it, which says what is asked.
# "... a 2024 document from WHO - what was it called?": the name of that kind of thing is asked.
_WHICH_ONE = re.compile(r"\b(?:which|what)\s+(?:one|ones|is it|was it|are they|were they|'s it)"
                        r"(?:\s+(?:called|named|titled|entitled))?\s*\??\s*$", re.I)


# "which ones" followed by the rest of its clause ("with which ones are talks ongoing"): a pronoun
# for a kind said before, unless a noun of its own follows ("which ones of the countries")
_WHICH_ONES_ON = re.compile(r"\b(?:which|what)\s+ones\b(?!\s+(?:of|among)\b)", re.I)


# "Looking at the pathfinders that also get money from the EU, which of them recorded ...": the
# pronoun stands for the set the frame named, whatever nouns its description holds ("money").
_WHICH_OF_THEM = re.compile(r"\b(?:which|what|how\s+many)\s+(?:ones?\s+)?(?:of|among)\s+(?:them|those|these)\b|"
                            r"\b(?:of|among)\s+(?:them|those|these)\s*,?\s*(?:which|what|how\s+many)\b", re.I)
_SET_FRAME = re.compile(r"\b(?:looking\s+at|thinking\s+(?:about|of)|considering|consider|take|taking|regarding|"
                        r"as\s+for|when\s+it\s+comes\s+to|of|among|amongst|out\s+of|from|lists?|names?|mentions?)\s+"
                        r"(?:the|those|these|all(?:\s+the)?)\s+((?:[\w'’-]+\s+){0,4}?[\w'’-]+)", re.I)


def set_pronoun_type(question: str) -> str | None:
    """The answer type "which of them" stands for, when a frame before it names a set; else None."""
    them = _WHICH_OF_THEM.search(question)
    return _set_named_before(question[:them.start()]) if them else None


def _set_named_before(text: str) -> str | None:
    """The answer type of the set a frame names before "which of them" ("looking at the
    pathfinders that ...": countries); the last frame's first kind noun, else the last kind noun."""
    frames = list(_SET_FRAME.finditer(text))
    for m in reversed(frames):
        for w in m.group(1).split():
            kind = _kind_before(w)
            if kind:
                return kind
    return _kind_before(text)


def kind_of_word(word: str) -> str | None:
    """The answer type a kind noun asks for ("organisations": Organization), else None."""
    w = word.lower()
    return next((t for prefix, t in _HEAD_PREFIXES if w.startswith(prefix)), None) if _HEAD.match("which " + w) else None


def _kind_before(text: str, plural: bool | None = None) -> str | None:
    """The answer type of the last kind noun ("initiative", "countries") in text, else None.
    ``plural``: the number of the pronoun standing for it ("which are they": plural), when said;
    the last kind noun of that number is meant first ("the priority countries whose results
    included a new scheme - which are they?": the countries, not the scheme)."""
    found = []
    for w in reversed(re.findall(r"[A-Za-z][\w-]*", text)):
        for head in (_HEAD, _INITIATIVE_HEAD):
            m = head.match("which " + w.lower())
            if m and m.end() == len(w) + 6:
                word = m.group(1).lower()
                t = next((t for prefix, t in _HEAD_PREFIXES if word.startswith(prefix)), None)
                if plural is None or t is None:
                    return t
                found.append((t, word.endswith("s") and not word.endswith("ss")))
                break
    agreeing = [t for t, many in found if many == plural]
    return agreeing[0] if agreeing else (found[0][0] if found else None)


def _pronoun_number(phrase: str) -> bool | None:
    """Is the pronoun of "which one / which are they / what was it called" plural (True),
    singular (False) or silent on number (None)?"""
    if re.search(r"\b(?:ones|are they|were they)\b", phrase, re.I):
        return True
    if re.search(r"\b(?:one|is it|was it|'s it)\b", phrase, re.I):
        return False
    return None


# "what did/does/do ...": the wh-word is the verb's object; the noun after the auxiliary is its subject
_WH_OPENS = re.compile(r"^\W*(?:what|which)\b", re.I)
_AMONG_KIND = re.compile(r"\bamong(?:st)?\s+(?:the|all|its|their)\s+(?:[\w-]+\s+){0,2}?"
                         r"(initiatives|networks|partnerships|countries|conventions|schemes|programmes|publications|"
                         r"organi[sz]ations|agencies|institutions)\b", re.I)
_DO_SUPPORT = re.compile(r"^\W*(?:what|which)\s+(?:did|does|do|has|have|had)\s+(?!been\b)", re.I)
# The kinds a do-supported question's subject can name without being asked: "what did the
# Flagship Programme aim for" asks the object of "aim for", not a programme; a kind noun further on
# ("what did Kenya extend under the scheme") is still the asked thing's kind.
_SUBJECT_KINDS = frozenset({"Scheme", "Law", "Initiative", "Convention"})
_SUBJECT_WORDS = 4  # "the Flagship Programme", "the new pension system": the subject's few words


def _in_subject(question: str, do: re.Match, m: re.Match) -> bool:
    """Does the kind noun the rule matched close within the few words after the auxiliary?"""
    return m.end() > do.end() and len(question[do.end():m.end()].split()) <= _SUBJECT_WORDS
_WH_WORD = re.compile(r"\b(?:which|what|who|whom|whose|where|when|why|list|name)\b", re.I)


# A country noun right after a head noun ("partner countries"): the compound names places.
# (a role noun may stand between: "which Flagship Programme priority countries" asks countries)
_THEN_PLACES = re.compile(r"\s+(?:(?:priority|pathfinder|partner|pilot|donor|target|focus|recipient|participating|"
                          r"beneficiary)\s+)?(?:countr(?:y|ies)|governments?|states|nations?)\b(?!['’]s\b)", re.I)
# A body noun right after "government"/"country" ("government ministry", "country office"): the body is asked.
_THEN_BODY = re.compile(r"\s+(?:ministr(?:y|ies)|departments?|agenc(?:y|ies)|institutions?|bod(?:y|ies)|offices?|"
                        r"authorit(?:y|ies))\b", re.I)
# "who works with unicef where": a keyword query closing on "where" asks for the places.
_WHERE_LAST = re.compile(r"\bwhere\s*\??\s*$", re.I)


# A leading frame naming a set ("Of all the countries where ...,", "Looking only at the pathfinders
# for which ...,") closed by a comma before the asking word
_SET_THEN_ASK = re.compile(r"^\W*(?:of|among|amongst|between|out\s+of|looking\s+(?:only\s+)?at|considering|taking|from)\s+"
                           r"(?:only\s+)?(?:all\s+(?:of\s+)?(?:the\s+|those\s+|these\s+)?|(?:the|those|these)\s+|"
                           r"(?=(?:[\w'’-]+\s+){0,2}?(?:countries|pathfinders|governments|organi[sz]ations|funders|donors)\b))"
                           r"[^?]*?,\s*(?=(?:which|what|who)\b)", re.I)


# "rise from 3 percent to what": the figure a change reaches
_TO_WHAT = re.compile(r"\bfrom\s+(?:us\$|\$|€)?\s*\d[\d.,]*\s*(?:%|per\s*cent|percent|million|billion)?\s+"
                      r"to\s+(?:what|how\s+(?:much|many))\b", re.I)
# "When the 2024 money is broken down by region, which region ends up with the smallest share?": a
# clause of circumstance ("when", "if", "once") closed by a comma before the asking word asks no date
_WHEN_CLAUSE_THEN_ASK = re.compile(r"^\W*(?:when|whenever|if|once)\s+(?!(?:was|is|were|are|did|does|do|has|have|had|will)\b)"
                                   r"[^?,]{8,}?,\s*(?=(?:which|what|who|how)\b)", re.I)


def answer_type(question: str) -> str:
    asked = question
    unit = _UNIT_CLOSING.search(question)
    from app.qa.figures.event_month import MONTH_ASKED

    # "Of all the countries where the report gives the year of ratification, which one ratified
    # earliest?": the frame's year or date describes the set; the clause after it asks
    if _TO_WHAT.search(question):
        return "Number"  # "to rise from 3 percent to what over the 10 year period?": the figure it reaches
    circumstance = _WHEN_CLAUSE_THEN_ASK.match(question)
    if circumstance:  # the asking clause after the clause of circumstance says what is asked
        return answer_type(question[circumstance.end():])
    frame = _SET_THEN_ASK.match(question)
    scope = question[frame.end():] if frame else question
    # "The country sections tell the exact date when some joined. From these dates, which country was
    # the first one?": a sentence of context before the asking one describes; the asking one asks
    told = re.split(r"(?<=[.!?])\s+(?=[A-Z])", scope.strip())
    if len(told) > 1 and _WH_WORD.search(told[-1]):
        scope = told[-1]
    if _YEAR_ASKED.search(scope) or unit and unit.group("year") or MONTH_ASKED.search(scope):
        return "Year"  # (a month asked is a year answered with its month: "February 2024")
    if unit:
        return "Number"  # "what is the new minimum contribution period for a pension, in years?": the unit says it
    if _HOW_MANY_FIRST.search(question) or (_KEYWORD_COUNT.search(question) and not _WH_WORD.search(question)):
        return "Number"  # "how many funders are listed for the country whose ...": a count, whatever noun follows
    if asks_written_text(question):
        return "Text"  # "which Indian state", "which groups of workers": read from the sentences
    if _WHICH_STATE.search(question):
        return "Country"
    from app.qa.things.name_asked import name_asked_type

    named = name_asked_type(question)  # "the name of Jordan's donor-funded pilot that ...": a scheme
    if named:
        return named
    one = _WHICH_ONE.search(question)
    if one and _kind_before(question[:one.start()]):
        return _kind_before(question[:one.start()], _pronoun_number(one.group(0)))
    pick = _PICK_FROM.search(question)
    if pick:  # "Of the countries the UK helps finance, which one had ...": one of the set named first
        word = (pick.group(1) or pick.group(2)).lower()
        return next(t for prefix, t in _HEAD_TYPE.items() if word.startswith(prefix))
    ones = _WHICH_ONES_ON.search(question)
    if ones and _kind_before(question[:ones.start()]):
        # "Governments keep showing interest in the Accelerator - with which ones are engagements
        # ongoing?": the pronoun, mid-question too, stands for a kind noun said before it
        return _kind_before(question[:ones.start()], _pronoun_number(ones.group(0)))
    from app.qa.form.wording import asked_head, core_question

    if _WHOM_FIRST.match(question):
        return "Organization"  # "by whom was the issue paper written": the agent, not the paper
    if _WHOSE_MONEY.match(question):
        return "Organization"  # "whose money was behind the work in the country where ...": the payers
    if _WHOSE_UNIT.match(question):
        return "Organization"  # "whose task force ... is the ILO a member of": the body it belongs to
    if _WHOSE_NATIONAL.match(question):
        # "Whose national health insurance fund's arrangements did the ILO evaluate, with publication
        # expected in 2025?": the owner of a national scheme or fund, whatever noun comes later
        # (a named country turns it into the body, below in ``analyse``)
        return "Country"
    full = _META.sub(" ", _BARE_META.sub(" ", question))
    if _MEASURE_PHRASE.search(full):
        return "Number"  # "what was the flagship programme funding gap": the measure heads the phrase, not "programme"
    question = core_question(full)  # a wordy preamble does not say what is asked ...
    for text in dict.fromkeys((question, full)):  # ... unless the question proper has no noun ("which had")
        head = min((m for m in (_HEAD.search(text), _INITIATIVE_HEAD.search(text)) if m),
                   key=lambda m: m.start(), default=None)
        if head and _THEN_PLACES.match(text[head.end():]):
            return "Country"  # "which IMF partner countries", "which donor countries": the last noun is the head
        if head and head.group(1).lower().startswith(("government", "countr")) and _THEN_BODY.match(text[head.end():]):
            return "Organization"  # "which government ministry in Uganda launched ...": the ministry is the head
        if head:
            word = head.group(1).lower()
            for prefix, t in _HEAD_PREFIXES:  # longest first: a "partnership" is no "partner"
                if word.startswith(prefix):
                    return joined_type(text, head.end(), t, kind_of_word)  # "which governments and organisations"
        noun = asked_head(text)  # "the countries for which ...", "which country's programme"
        if noun:
            return noun
    if _WHOSE.match(question):
        return "Country"  # "whose ILO programme is financed by Kuwait": the programme's country
    if _WHO.match(question) or _AGENT_LAST.search(question) or _WHO_IN_PLACE.search(question):
        # "who is named as providing the financing": a body, whatever the verb; a keyword query
        # ending on "published by" / "led by" asks for the agent the same way
        return "Organization"
    among = _AMONG_KIND.search(question) if _WH_OPENS.match(question) else None
    if among:  # "what is Rwanda involved in among the global initiatives": the set it is picked from
        word = among.group(1).lower()
        return next(t for prefix, t in _HEAD_PREFIXES if word.startswith(prefix))
    do = _DO_SUPPORT.match(question)
    for t, rx in _TYPE_RULES:
        if t == "Country" and do:
            continue  # "what did the Togolese government ratify": the government is the subject, not asked
        # a possessive is no head: "which of the ILO-IMF partnership's pilot countries" asks for countries
        if any(not re.match(r"['’]s\b", question[m.end():]) and not (do and t in _SUBJECT_KINDS and _in_subject(question, do, m))
               for m in rx.finditer(question)):
            return t
    if re.search(r"\b(name of|called|named|title of)\b", question, re.I):
        for t, rx in (("Law", r"\b(law|act|decree|code|strateg(y|ies)|polic(y|ies)|legislation)\b"),
                      ("Scheme", r"\b(scheme|programme|program|system|fund|allowance|grant|benefit|insurance|pension)\b")):
            if re.search(rx, question, re.I):
                return t
    if re.search(r"\b(which|name|list|identify|give)\b", question, re.I) and \
            re.search(r"\bcountr(y|ies)\b", question, re.I):
        return "Country"
    # "looking at the pathfinders that ..., which of them ...": the set the frame named
    return set_pronoun_type(asked) or "Text"


# "leaving aside Africa", "outside the Americas", "other than Asia": a region set aside is excluded.
_SET_ASIDE = re.compile(r"\b(aside(\s+from)?|outside(\s+of)?|other\s+than|leaving\s+out|not\s+counting|ignoring|"
                        r"beyond)\s+((those|the ones|countries)\s+(in|of|from)\s+)?(the\s+)?$", re.I)


# ("are not part of / one of / included in the Flagship Programme's priority countries": the same)
_NEG_AMONG = re.compile(r"\b(?:not|never|\w+n['’]t)\b(?:\s+[\w'’-]+){0,3}?\s+(?:among|amongst|within|on\s+the\s+list\s+of|"
                        r"in\s+the\s+list\s+of|part\s+of|one\s+of|included\s+(?:in|among))\b", re.I)


# The set a negated "among" opens, named by its kind before a relative clause ("not among the
# countries (that) the ILO is supporting ...")
_AMONG_CLAUSE = re.compile(r"\s+(?:the|those|these)\s+(?:[\w'’-]+\s+){0,2}?(?:countries|ones|nations|states|governments|"
                           r"organi[sz]ations|bodies|members|pathfinders|partners|donors|funders)\s+"
                           r"(?:(?:that|which|who|whom|where)\s+)?", re.I)


# A relation's match that starts with its own negation ("no money", "without funding", "w/o funding")
_OPENS_NEGATED = re.compile(r"(?:no|without|w/o)\s", re.I)


_NON_KIND = re.compile(r"non-?(?:government(?:al)?|state|profit)", re.I)


# After a negated endorsement, the alternative joined to it: "... nor (are) in the process of doing
# so", "... or started doing so", "... nor begun the endorsement process".
_OR_PROGRESS = re.compile(r"^[^,;?]{0,60}?\b(?:nor|or)\s+(?:[\w'’-]+\s+){0,3}?(?:start\w*|beg[au]n\w*|initiat\w*|"
                          r"in\s+(?:the\s+)?process|in\s+progress|underway|under\s+way|working\s+(?:on|towards?)|"
                          r"preparing|developing)\b", re.I)


def neither_status(blank: str) -> bool:
    """Does the question negate both roadmap statuses ("have neither endorsed their roadmap nor are
    in the process of doing so", "haven't endorsed a roadmap or started doing so")?  Read alone,
    the progress words made it the in-progress list; it asks for the members with neither."""
    for m in ENDORSED.finditer(blank):
        if _negated_before(blank, m.start(), window=5) and _OR_PROGRESS.match(blank[m.end():]):
            return True
    return False


def _negated_before(text: str, pos: int, window: int = 4) -> bool:
    """Is there a negation among the few words before pos, in the same clause?
    ('pathfinders that have not ratified', 'not among the priority countries', 'non-priority')"""
    before = re.split(r"[,;?]", text[:pos])[-1]
    words = re.findall(r"[A-Za-z'-]+", before)[-window:]
    # "non-" negates the word it is attached to ("non-priority"), not a later one ("non-contributory
    # health funds" is no negation of funding)
    # "non-government funders", "non-state donors", "non-profit partners" name a kind of funder or
    # partner, not funders negated
    if any(NEGATION.fullmatch(w) for w in words) or bool(words) and words[-1].lower().startswith("non") \
            and not _NON_KIND.fullmatch(words[-1]) or text[max(0, pos - 4):pos].lower() == "non-":
        return True
    # "do not appear anywhere among the priority countries": a negated "among" negates the set it opens
    m = _NEG_AMONG.search(before)
    if m is None:
        return False
    # "are not among the countries the ILO is supporting in assessing ...": the set is described by
    # a relative clause, and the negation reaches through the clause (no "and"/"but" turns it)
    clause = _AMONG_CLAUSE.match(before, m.end())
    if clause and not re.search(r"\b(?:and|but|or)\b", before[clause.end():], re.I):
        return len(re.findall(r"[A-Za-z'-]+", before[clause.end():])) <= window + 4
    return len(re.findall(r"[A-Za-z'-]+", before[m.end():])) <= window


_PLACE_WORDS = frozenset("in the of from within across inside located based situated part are is be being any a an "
                         "one those ones countries country".split())


def _negation_reaches(text: str, pos: int) -> bool:
    """Does the negation before pos govern the place named at pos ("not in the Americas"), rather
    than a thing named between them ("without any *result* in the Americas": the region filters)?"""
    before = re.split(r"[,;?]", text[:pos])[-1]
    words = re.findall(r"[A-Za-z'-]+", before)
    last = max((i for i, w in enumerate(words) if NEGATION.fullmatch(w) or w.lower().startswith("non")), default=None)
    if last is None:
        return True
    return all(w.lower() in _PLACE_WORDS for w in words[last + 1:])


def heading_result_types(a: Analysis) -> None:
    """A question about the results (or naming a table) that asks for countries says a result type
    in the words the extractor reads the results table's headings with ("a policy or strategy
    adopted"), even inside a linked name ("national social protection strategy")."""
    if a.answer_type in ("Country", "Number", "Text") and (a.any_result or a.result_types or _TABLE_NAMED.search(a.question)):
        # every kind the question words, in any order ("operations improvement", "improvement in
        # operations", "a reform of schemes"), not only the first phrasing a pattern knows
        loose = _KIND_FREE.sub(" ", _without_kind_phrases(a.question))
        said = [k for k in RESULT_KEYWORDS if RESULT_TYPES[k].search(a.question) or RESULT_KEYWORDS[k].search(loose)]
        a.result_types = list(a.result_types) + [k for k in said if k not in a.result_types]


# What a result kind's phrase is about: "improved the operation *of their social protection schemes*"
# names one kind (operations); the schemes it operates are its object, not a second kind (a reform of
# schemes).  The complement stops at a conjunction, so "improved operations and reformed schemes"
# still says two kinds.
_KIND_COMPLEMENT = re.compile(r"\s+(?:of|in|for|within|under|across)\s+(?:(?!(?:and|or|but|while|as|plus)\b)[\w'’-]+\s+){0,4}?"
                              r"(?:schemes?|programmes?|programs?|systems?|operations?|administration|delivery|policies|"
                              r"policy|strateg(?:y|ies)|benefits?)\b", re.I)


# The verb a precisely worded kind is the subject of: "measures to improve operations (of social
# protection) *were introduced* in 2024" tells that the measures were taken, not a second kind (the
# introduction of schemes).  Only the passive right after the phrase (and its complement, up to four
# words) is the phrase's own; an active "introduced" after a conjunction still says a kind.
_KIND_PREDICATE = re.compile(r"(?:\s+(?:of|in|for|within|under|across)\s+(?:(?!(?:and|or|but|while|as|plus|were|was|"
                             r"are|is|been|being)\b)[\w'’-]+\s+){0,4}?)?\s*(?:(?:were|was|are|is|have\s+been|has\s+been|"
                             r"had\s+been|being|got|get)\s+)?(?:introduc\w*|adopt\w*|implement\w*|taken|undertaken|"
                             r"put\s+in\s+place)\b", re.I)


def _without_kind_phrases(question: str) -> str:
    """The question with each precisely worded result kind blanked together with its complement, so
    the loose heading words ("scheme", "operation") are read only where no precise phrase used them."""
    out = question
    for rx in RESULT_TYPES.values():
        for m in rx.finditer(question):
            end = m.end()
            c = _KIND_COMPLEMENT.match(question, end)
            if c:
                end = c.end()
            v = _KIND_PREDICATE.match(question, end)
            if v:
                end = v.end()
            out = out[:m.start()] + " " * (end - m.start()) + out[end:]
    return out


_WH_BEFORE = re.compile(r"\b(?:which|what)\s+(?:[\w'’-]+\s+){0,2}$", re.I)


def _without_owner_countries(q: str, links: list, knowledge) -> list:
    """The links without a country that only says whose aid agency a named body is: in "Which
    organisation joined Germany's BMZ as a co-funder ...?" Germany describes the BMZ (the graph holds
    it as an ``agencyOf`` Germany's government), it is no end of the relation asked (read as one,
    the question asked for Germany's funders and found none).  A country's own institution ("Jordan's
    Social Security Corporation") keeps its country: the work asked about is there."""
    if knowledge is None:
        return links
    out = []
    for i, l in enumerate(links):
        nxt = links[i + 1] if i + 1 < len(links) else None
        if l.type == "Country" and nxt is not None and nxt.type == "Organization" and len(nxt.ids) == 1 and \
                re.fullmatch(r"['’]s\s+", q[l.end:nxt.start]) and \
                any(f["object"] == f"Organization:gov-{i.split(':', 1)[1]}" for i in l.ids if i.startswith("Country:")
                    for f in knowledge.facts_where(subject=nxt.ids[0], predicate="agencyOf")):
            continue
        out.append(l)
    return out


def analyse(question: str, lexicon: Lexicon) -> Analysis:
    q = " ".join(question.split())
    a = Analysis(q, answer_type(q))
    a.links = _without_owner_countries(q, lexicon.link(q), getattr(lexicon, "k", None))
    if a.answer_type != "Country" and any(l.type in ("Region", "Country") for l in a.links) and not asks_written_text(q):
        # "which europe and central asia countries ...": a long place name hides the head noun
        short = q
        for l in sorted(a.links, key=lambda l: -l.start):
            if l.type in ("Region", "Country"):
                short = short[:l.start] + "X" + short[l.end:]
        if answer_type(short) == "Country":
            a.answer_type = "Country"
    if a.answer_type not in ("Country", "Text", "Year", "Number") and a.links and not any(
            _WH_BEFORE.search(q[:l.start]) for l in a.links):  # "which ILO convention's standards": the name is the head
        # "... the ones supported by the multi-donor programme; which are they?": a kind noun inside
        # a linked name ("programme") is that entity's name, not the kind asked; the question with
        # every name blanked says the kind, when it says one.
        short = q
        for l in sorted(a.links, key=lambda l: -l.start):
            short = short[:l.start] + "X" + short[l.end:]
        kind = answer_type(short)
        if kind not in ("Text", a.answer_type):
            a.answer_type = kind
    if a.answer_type == "Organization" and _WHERE_LAST.search(q) and a.linked("Organization", "Initiative"):
        a.answer_type = "Country"  # the named body is the "who": the places it works in are asked
    if a.answer_type == "Country" and re.match(r"\s*whose\b", q, re.I) and not _WHOSE.match(q) and any(
            l.type == "Country" and _IN_PLACE.search(q[:l.start]) for l in a.links):
        # "Whose old-age and health insurance schemes in Paraguay got an ILO actuarial valuation?",
        # "Whose officials in Cambodia did the ILO train?", "Whose governance models did the ILO
        # review in Lao PDR?": the country is named, so its body is asked
        a.answer_type = "Organization"
    a.years = years_outside_titles(q, YEAR.findall(q), a.links, lexicon.instrument_years)  # a title's year names it
    payer = None
    if a.answer_type == "Organization":
        from app.qa.names.payer_places import payer_place

        # "which non-European donors fund Jordan": where the payers are from (the engine keeps them
        # by it at the end), neither a region whose countries are asked nor a negated relation
        payer = payer_place(q)
        if payer is not None:
            a.links = [l for l in a.links if not (l.type == "Region" and payer.span[0] <= l.start < payer.span[1])]
    a.links = [l for l in a.links if not (l.type == "Region" and lexicon.region_in_name(q, l))]
    a.regions = a.linked("Region")
    # Relation words are looked for outside linked names ("Global Fund" is not a funding verb).
    blank = q
    for l in a.links:
        blank = blank[:l.start] + " " * (l.end - l.start) + blank[l.end:]
    if payer is not None:
        blank = blank[:payer.span[0]] + " " * (payer.span[1] - payer.span[0]) + blank[payer.span[1]:]
    # "donors to the RBSA" is a funder's name and a funding relation at once.
    a.fund_modifiers = lexicon.fund_modifiers
    # A theme's name that holds no funding word stays for the funding cue's own look-ahead:
    # "contributed to the digitalisation of ..." is work on an activity, not money
    fund_blank = blank
    for l in a.links:
        if l.type == "ThematicArea" and not FUND.search(l.surface):
            fund_blank = fund_blank[:l.start] + q[l.start:l.end] + fund_blank[l.end:]
    a.fund = bool(FUND.search(blank_non_funders_funds(blank_fund_nouns(fund_blank, lexicon.fund_modifiers), a.links))) or \
        any(re.match(r"(the\s+)?donors?\b", l.surface, re.I) for l in a.links) or \
        any(_OWN_MONEY.match(q, l.end) for l in a.links)  # "health funds" is a noun
    a.ratify = bool(RATIFY.search(blank))
    a.pathfinder = bool(PATHFINDER.search(blank))
    a.membership = bool(MEMBERSHIP.search(blank))
    # "approved but not yet registered": a status of the fact asked, not a negation of it
    status_blank = _NOT_YET_STATUS.sub(lambda m: " " * len(m.group(0)), blank)
    a.negation = bool(NEGATION.search(status_blank))
    a.priority = bool(PRIORITY.search(blank))
    a.pending = bool(STATUS_PENDING.search(blank))
    a.prospective = bool(PROSPECTIVE.search(blank))
    a.chair = bool(CHAIR.search(blank))
    a.partner = bool(PARTNER.search(blank))
    if ROADMAP.search(blank):
        a.roadmap = "in-progress" if IN_PROGRESS.search(blank) else "endorsed" if ENDORSED.search(blank) else None
    a.members = bool(MEMBERS.search(blank))
    a.result_types = [k for k, rx in RESULT_TYPES.items() if rx.search(blank)]
    # "fall under the Africa region in the institutional results table": where they are listed, no result asked
    a.any_result = bool(ANY_RESULT.search(_TABLE_LOCATOR.sub(" ", blank)))
    heading_result_types(a)
    for name, rx in (("fund", FUND), ("ratify", RATIFY), ("pathfinder", PATHFINDER), ("priority", PRIORITY)):
        m = rx.search(status_blank)
        # "get no money from X", "without EU funding": the cue may open the relation's own match
        if m and (_negated_before(status_blank, m.start()) or _OPENS_NEGATED.match(m.group(0))):
            a.negated.add(name)
    if a.roadmap == "endorsed":  # "pathfinders that did not endorse a roadmap" ("not yet" says in progress)
        for rx in (ENDORSED, ROADMAP):
            m = rx.search(blank)
            if m and _negated_before(blank, m.start()):
                a.negated.add("roadmap")
    if a.roadmap and neither_status(blank):  # "neither endorsed ... nor in the process": no roadmap status at all
        a.roadmap = "any"
        a.negated.add("roadmap")
    for l in a.links:
        # read with the names blanked: "Convention No. 102 are in Africa" has no negation ("No.")
        if l.type == "Region" and ((_negated_before(blank, l.start) and _negation_reaches(blank, l.start))
                                   or _SET_ASIDE.search(q[:l.start])):
            a.negated.add("region")
    # Topic: what is left once linked names and question words are set aside.
    rest = q
    for l in sorted(a.links, key=lambda l: -l.start):
        rest = rest[:l.start] + " " + rest[l.end:]
    a.topic_terms = [t for t in terms(rest) if t not in _QUESTION_WORD_STEMS]
    return a
