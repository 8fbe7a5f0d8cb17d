"""Names a question sets aside ("besides the EU", "apart from Viet Nam", "leaving aside Africa").

"Who funds the work in Jordan besides the EU?" asks for Jordan's funders *minus* the EU; "Apart
from Viet Nam, which countries does Japan finance?" asks for Japan's countries minus Viet Nam.
Read naively, the set-aside name becomes a second constraint (a funder, a recipient, a region
filter) and the answer is wrong or empty.  :func:`set_aside` finds such names: a linked entity (or a
list of them) right after an exclusion cue, with only articles and a few filler words between.  The
engine then analyses the question without that phrase and drops the set-aside entities (and, for a
region, the countries in it) from the answers.

Ordinary English only: the cues are closed-class phrases, never names from a report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from app.qa.names.subregions import place_members, set_aside_places
from app.qa.question import Link

# Cues that set the following name aside.  "except/excluding/besides/apart/other than" alone are
# also negations elsewhere; here they only act when a linked name follows.
_CUE = re.compile(r"\b(?:besides|apart from|aside from|other th[ae]n|except(?:\s+for)?|excluding|excepting|with the exception of|"
                  r"not counting|not including|leaving (?:out|aside)|setting aside|putting aside|leave (?:out|aside)|"
                  r"skip(?:ping)?|ignor(?:e|ing)|omit(?:ting)?|disregard(?:ing)?|exclude|barring|save for|"
                  r"in addition to|on top of|beyond|outside(?:\s+of)?)\b", re.I)
# Words allowed between the cue (or the previous set-aside name) and a name: articles, pronouns,
# "those in", "the ILO's own", list glue.
_FILLER = {"the", "a", "an", "its", "their", "own", "those", "ones", "in", "of", "from", "by", "and", "or", "nor",
           "countries", "country", "ilo", "ilo's", "'s", "s", "region", "regions", "entire", "whole", "any", "all",
           "just", "merely", "simply"}  # "other than just the ILO's Regular Budget"
_WRAP_BEFORE = re.compile(r"\b(?:setting|leaving|putting|set|leave|put)\s+(?:the\s+|its\s+|their\s+)?(?:ilo['’]s\s+)?$", re.I)
_WRAP_AFTER = re.compile(r"\s+(?:(?:countries|country|ones|states|nations)\s+)?(?:aside|to (?:one|the) side|out of (?:it|this|the picture)|"
                         r"out(?=\s*(?:[,;:?.!]|$)))\b",
                         re.I)  # "leaving the Asian countries out of it", "..., leaving iraq out"
# "we cover Africa separately", "our colleagues handle Jordan elsewhere": a name someone else covers
_COVERED_BEFORE = re.compile(r"\b(?:cover|covers|covered|covering|handle|handles|handled|handling|track|tracks|tracked|"
                             r"treat|treats|treated|deal with|deals with|dealt with)\s+(?:the\s+)?$", re.I)
_COVERED_AFTER = re.compile(r"\s+(?:separately|elsewhere|on (?:its|their) own|in (?:a|another) (?:note|brief|report|paper))\b",
                            re.I)
# "we have Africa covered in a separate note", "I've got Jordan done already": a name someone has dealt with
_HAVE_BEFORE = re.compile(r"\b(?:have|has|had|['’]ve|got)\s+(?:the\s+)?$", re.I)
_HAVE_AFTER = re.compile(r"\s+(?:already\s+)?(?:covered|handled|done|sorted|written up)\b", re.I)
# "I already have the European Union. Who else pays ...?": a name the asker already has, when the
# question then asks for the others ("else", "other", "remaining")
_KNOWN_BEFORE = re.compile(r"\balready\s+(?:have|has|got|know(?:\s+about)?|listed|list|included|counted|noted|mentioned)\s+"
                           r"(?:the\s+|about\s+(?:the\s+)?)?$", re.I)
_OTHERS_ASKED = re.compile(r"\b(?:else|other|others|another|remaining|rest)\b", re.I)
_NOTHING = re.compile(r"")
# "countries the Netherlands finances, egypt and kenya excluded", "jordan donors, eu left out": the
# cue follows the names it sets aside (a list of them, joined by commas and "and")
_POST_CUE = re.compile(r"^\s*(?:(?:is|are|being)\s+)?(?:excluded|left out|omitted|not counted|not included|set aside|"
                       r"aside|removed|taken out)\b", re.I)
_GOVERNED = re.compile(r"\b(?:by|from|of|with|to|for|in|on|funds?|finances?|supports?)\s+(?:the\s+)?(?:kingdom\s+of\s+(?:the\s+)?)?$",
                       re.I)
_LIST_GLUE = re.compile(r"^\s*(?:,\s*)?(?:and|or|&)?\s*$", re.I)
# Capitalised words right after a linked name continue it ("African" + " Development Bank")
_NAME_GOES_ON = re.compile(r"(?:\s+[A-Z][\w'’-]*)+")
# "Apart from the ILO, which leads it, which UN agencies ...": a clause describing the set-aside name
# (a relative pronoun then its verb, closed by a comma) goes with it, so its verb is no relation asked
_DESCRIBED_AFTER = re.compile(r"^\s*,\s*(?:which|who)\s+(?:also\s+|itself\s+)?(?:is|was|are|were|has|have|had|leads|led|"
                              r"chairs|chaired|co-chairs|co-chaired|heads|headed|hosts|hosted|runs|ran|coordinates|"
                              r"coordinated|manages|managed|funds|funded|does|did)\b[^,;?]{0,50}(?=,)", re.I)
# "skip the African ones": the noun after the set-aside name goes with it
_ONES_AFTER = re.compile(r"^\s+(?:ones|countries|states|nations)\b", re.I)
_GLUE = re.compile(r"^[\s,]*$")
# "all X but Y", "every funder but the EU": "but" sets aside what follows only after "all"/"every"
# in the same clause (elsewhere it joins two clauses).
_ALL_BUT = re.compile(r"\b(?:all|every|each)\b[^,;?]*?\s(but)\s", re.I)
# Keyword-query cues ("... not eu", "... minus eu", "... w/o eni") and what makes a query a sentence.
_TAIL_CUE = re.compile(r"(?<![\w-])(?:not|but not|minus|without|w/o|excl\.?|excluding|sans|no)(?=\s)", re.I)
_ASKS = re.compile(r"\b(?:which|what|who|whom|where|when|how|list|name|give|tell|is|are|was|were|do|does|did|has|have)\b",
                   re.I)
_ONLY_FRAME = re.compile(r"\b(?:no|none|nobody|nothing|not any|without any|without|lack(?:s|ed|ing)?)\s+(?:[\w'’-]+\s+){0,2}$", re.I)


@dataclass(frozen=True)
class _Cue:
    """Where a cue found by a pattern's group is (the part of a match :func:`set_aside` reads)."""

    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def group(self, _: int = 0) -> str:
        return "but"


@dataclass
class SetAside:
    """What a question sets aside, and the question without those phrases."""

    question: str
    ids: set[str] = field(default_factory=set)
    phrases: list[str] = field(default_factory=list)


def _names_after(question: str, ordered: list, end: int) -> tuple[list, int]:
    """The linked names that follow ``end`` with only fillers between them ("the EU, Germany and
    Japan"), and where the last one ends."""
    taken = []
    for link in ordered:
        if link.start < end:
            continue
        if not _only_filler(question[end:link.start]):
            break
        taken.append(link)
        end = link.end
    return taken, end


def _only_filler(text: str) -> bool:
    words = re.findall(r"[\w'’]+", text.lower().replace("’", "'"))
    return len(words) <= 4 and all(w in _FILLER for w in words) and bool(_GLUE.match(re.sub(r"[\w'’]+", "", text)))


def set_aside(question: str, links: list[Link]) -> SetAside:
    """Find set-aside names (entity links right after an exclusion cue)."""
    out = SetAside(question)
    cuts: list[tuple[int, int]] = []
    ordered = sorted(links, key=lambda l: l.start)
    cues = sorted([*_CUE.finditer(question), *(_Cue(m.start(1), m.end(1)) for m in _ALL_BUT.finditer(question))],
                  key=lambda m: m.start())
    for m in cues:
        # "in addition to" and "beyond" only set a name aside when they open a clause or the
        # question ("Beyond the EU, who ...", "who funds X, in addition to Y").
        if m.group(0).lower() in ("in addition to", "beyond", "on top of") and \
                not re.search(r"(^|[,;:(])\s*$", question[:m.start()]):
            continue
        if _ONLY_FRAME.search(question[:m.start()]):
            continue  # "no donor other than X", "none besides X": X is the only one, a set condition
        taken, end = _names_after(question, ordered, m.end())
        longer = _NAME_GOES_ON.match(question, end) if taken else None
        if longer and not any(l.start >= end and l.start < longer.end() for l in ordered):
            # "apart from the African Development Bank": the linked word opens a longer name the
            # graph does not hold; that name is set aside whole, not the region its first word links
            taken, end = taken[:-1], longer.end()
            cuts.append((m.start(), end))
            out.phrases.append(question[m.start():end])
            out.ids.update(i for l in taken for i in l.ids)
            continue
        if taken:
            ones = _ONES_AFTER.match(question[end:])
            end += ones.end() if ones else 0
            described = _DESCRIBED_AFTER.match(question[end:])
            end += described.end() if described else 0  # "apart from the ILO, which leads it, ...": its clause goes too
            out.ids.update(i for l in taken for i in l.ids)
            cuts.append((m.start(), end))
            out.phrases.append(question[m.start():end])
    # A keyword query ends on what it leaves out: "lebanon donors not eu", "jordan funders minus
    # the eu", "kenya funders excl eni" (only when the names run to the query's end, so "countries
    # not EU-funded" or "not in africa, which ..." stay negations for the analysis).
    if not _ASKS.search(question):
        for m in _TAIL_CUE.finditer(question):
            taken, end = _names_after(question, ordered, m.end())
            if taken and re.search(r"\b(?:by|from)\b", question[m.end():taken[0].start], re.I):
                continue  # "funded by the UK but not by Norway": the relation's negated argument, not a name set aside
            ones = _ONES_AFTER.match(question[end:]) if taken else None
            end += ones.end() if ones else 0  # "... minus african ones": the noun goes with the name
            if taken and not question[end:].strip(" ?.!") and not any(s <= m.start() < e for s, e in cuts):
                out.ids.update(i for l in taken for i in l.ids)
                cuts.append((m.start(), end))
                out.phrases.append(question[m.start():end])
    # "..., egypt and kenya excluded": the names a trailing cue follows, back to the list's start
    for k, link in enumerate(ordered):
        post = _POST_CUE.match(question[link.end:])
        if not post or any(s <= link.start < e for s, e in cuts):
            continue
        taken = [link]
        for prev in reversed(ordered[:k]):
            if not _LIST_GLUE.match(question[prev.end:taken[0].start]) or _GOVERNED.search(question[:prev.start]):
                break  # "financed by the Netherlands, egypt and kenya excluded": the clause's own name stays
            taken.insert(0, prev)
        start = taken[0].start
        out.ids.update(i for l in taken for i in l.ids)
        cuts.append((start, link.end + post.end()))
        out.phrases.append(question[start:link.end + post.end()])
    # "setting the Regular Budget aside", "leaving Jordan to one side": the cue wraps the name.
    for link in ordered:
        pre = _WRAP_BEFORE.search(question[:link.start])
        post = _WRAP_AFTER.match(question[link.end:])
        if not (pre and post):
            pre, post = _COVERED_BEFORE.search(question[:link.start]), _COVERED_AFTER.match(question[link.end:])
        if not (pre and post):
            pre, post = _HAVE_BEFORE.search(question[:link.start]), _HAVE_AFTER.match(question[link.end:])
        if not (pre and post) and _OTHERS_ASKED.search(question[link.end:]):
            # nothing need follow the name: the question's asking for the others is the cue's second half
            pre, post = _KNOWN_BEFORE.search(question[:link.start]), _NOTHING.match(question[link.end:])
        if pre and post and not any(s <= link.start < e for s, e in cuts):
            out.ids.update(link.ids)
            cuts.append((pre.start(), link.end + post.end()))
            out.phrases.append(question[pre.start():link.end + post.end()])
    # "outside West Africa", "except the Nordic countries": a place finer than a region, set aside
    # with its countries (general tables), so the region its words link to is no constraint either
    for place, start, end in set_aside_places(question):
        if not any(s <= start < e or start <= s < end for s, e in cuts):
            out.ids.update(f"Country:{iso}" for iso in place_members(place))
            cuts.append((start, end))
            out.phrases.append(question[start:end])
    if cuts:
        text = question
        for s, e in sorted(cuts, reverse=True):
            text = text[:s] + text[e:]
        text = re.sub(r"\s+([,?.;])", r"\1", re.sub(r",\s*,", ",", text))
        out.question = " ".join(re.sub(r"^[\s,;]+", "", text).split())
    return out


def keeps(answer: dict, ids: set[str], knowledge) -> bool:
    """Is an answer still in once the set-aside entities are dropped?  A country named as a
    funder is its government; a set-aside region drops the countries in it."""
    if not ids:
        return True
    from graph.rdf import entity_uri

    iris = {str(entity_uri(i)) for i in ids}
    iris |= {str(entity_uri(f"Organization:gov-{i.split(':', 1)[1]}")) for i in ids if i.startswith("Country:")}
    if answer.get("iri") in iris:
        return False
    regions = {i for i in ids if i.startswith("Region:")}
    if regions and answer.get("iso3"):
        country = f"Country:{answer['iso3']}"
        inside = {f["object"] for f in knowledge.facts_where(subject=country, predicate="inRegion")}
        if inside & regions:
            return False
        if not inside:  # a country the report places nowhere (a pathfinder with no entry): the
            from app.qa.graphstep import _placed_by_gazetteer  # general region table, as the filters do

            if any(country in _placed_by_gazetteer(knowledge, r) for r in regions):
                return False
    return True


# The set-aside phrase ends at a clause break or where the question proper starts.
_CLAUSE_END = re.compile(r"[,;?]|\s(?:which|what|who|whom|where|when|how|did|does|do|is|are|was|were|has|have)\b", re.I)


def aside_phrases(question: str) -> list[str]:
    """The words each cue sets aside, up to the clause's end ("apart from Karnataka"): a name read
    from a sentence (no graph entity) is matched against them."""
    out = []
    for m in _CUE.finditer(question):
        end_m = _CLAUSE_END.search(question, m.end())
        out.append(question[m.end():end_m.start() if end_m else len(question)].strip().lower())
    return [p for p in out if p]


def drop_named(answers: list[dict], phrases: list[str]) -> list[dict]:
    """The answers without the text answers (no graph entity) a set-aside phrase names, by a
    whole-word match of the label: graph answers are dropped by id in :func:`keeps`."""
    if not phrases:
        return answers

    def named(label: str) -> bool:
        low = " ".join(label.lower().split())
        return len(low) >= 3 and any(re.search(r"(?<!\w)" + re.escape(low) + r"(?!\w)", p) for p in phrases)

    return [x for x in answers if not (x.get("iri") is None and named(x.get("label", "")))]


# "Ireland funds Malawi, but which other countries does it fund?": "other" sets aside the things of
# the asked kind the question named before it.
_OTHER = re.compile(r"\b(?:which|what|any|name|list)\s+other\s+(?:[\w-]+\s+){0,2}?(?:countr|government|organi[sz]ation|funder|"
                    r"donor|partner)"
                    # "X was one of two ... - which country was the other one?": the question ends on it
                    r"|\b(?:which|what|who)\b[^?.!;]{0,40}?\bthe\s+other(?:\s+(?:one|ones|two|three))?\s*\??\s*$",
                    re.I)
_OTHER_TYPES = {"Country": ("Country",), "Organization": ("Organization", "Initiative")}


# "which other country is, like Jordan, ...": the thing compared with is the one "other" sets apart
_LIKE = re.compile(r"\b(?:like|unlike|as\s+with|as\s+for|similar(?:ly)?\s+to|just\s+as|the\s+same\s+as|besides)\s+(?:the\s+)?$", re.I)


def named_before_other(question: str, links: list[Link], answer_type: str) -> set[str]:
    """The entities of the asked type named before "which other ...", or compared with after it
    ("which other country is, like Jordan, financed by ..."): not answers."""
    m = _OTHER.search(question)
    types = _OTHER_TYPES.get(answer_type)
    if m is None or types is None:
        return set()
    return {i for l in links if l.end <= m.start() or _LIKE.search(question[max(m.end(), l.start - 30):l.start])
            for i in l.ids if i.split(":", 1)[0] in types}


def only_exclusions(cons: list) -> bool:
    """Do the constraints only exclude (every relation negated, over a weak "any thing" base)?
    Such a graph answer is everything but the excluded, not an answer to a topic."""
    return bool(cons) and any(c.negated for c in cons) and all(c.negated or not c.strong for c in cons)


_NEGATED_CLAUSE = re.compile(r"\b(?:not|never|without|excluding|except(?:\s+for)?|other than|apart from|aside from|"
                             r"besides|\w+n['’]t)\b[^,;?]*", re.I)


def without_negated_clause(question: str) -> str:
    """The question without its last negated clause ("... which are not Global Accelerator
    pathfinders?" -> "..."): when the graph takes the excluded set out afterwards, the words
    naming that set would only steer the text step towards sentences about the excluded set."""
    last = None
    for m in _NEGATED_CLAUSE.finditer(question):
        last = m
    if last is None or len(question[:last.start()].split()) < 3:
        return question
    return (question[:last.start()] + question[last.end():]).strip()


# A query closing on a kind of scheme asks for schemes ("health insurance schemes outside africa").
_SCHEME_LAST = re.compile(r"\b(?:schemes?|programmes?|programs?|pensions?|benefits?|allowances?|grants?|funds?|insurance|"
                          r"systems?|transfers?)\W*$", re.I)
_SET_ASIDE_CUE = re.compile(r"\b(?:outside(?:\s+of)?|not\s+in|beyond)\b", re.I)


def _before_cue(question: str) -> str:
    """The query before the words that set something aside ("... outside africa")."""
    cut = min((m.start() for rx in (_CUE, _SET_ASIDE_CUE) for m in [rx.search(question)] if m), default=len(question))
    return question[:cut]


def type_set_aside(question: str, stated: str, answer_type: str, excluded: set[str],
                   is_body: Callable[[str], bool] | None = None) -> str:
    """The answer type a keyword query implies by what it sets aside: "actuarial valuations outside
    africa", "employment injury work other than bangladesh" ask for countries (a place set aside
    leaves places), "jordan support excluding the eu" for bodies.  Only a query with no question
    word whose own words name no type (``stated`` is Text) is typed so, and only over a guess of a
    kind a place cannot be set aside from (a body, a publication, an activity or project); a guessed
    scheme or figure stays.

    A country is also a body when its government acts in the report (``is_body``: the Netherlands
    funds, so "jordan funders other than the netherlands" sets a funder aside): over a guessed body,
    setting such countries aside says nothing about the type, and the guess stays."""
    if stated != "Text" or not excluded or _ASKS.search(question):
        return answer_type
    kinds = {i.split(":", 1)[0] for i in excluded}
    if answer_type == "Organization" and kinds == {"Country"} and is_body is not None and \
            all(is_body(f"Organization:gov-{i.split(':', 1)[1]}") for i in excluded):
        return answer_type
    if kinds <= {"Country", "Region"} and (answer_type in ("Text", "Organization", "Publication", "Initiative",
                                                          "Activity", "Project") or
                                           answer_type == "Scheme" and not _SCHEME_LAST.search(_before_cue(question))):
        # (a scheme noun that only modifies the query's last word is no scheme asked: "pension actuarial
        # valuations outside africa", "pension work by the ilo outside asia" ask for places)
        return "Country"
    if kinds <= {"Organization"} and answer_type == "Text":
        return "Organization"
    return answer_type


# "which P4H members are not countries?", "besides governments, which organisations ...": the kind
# set aside is the states themselves (a country, a government), whatever the question's other words.
_STATES_ASIDE = re.compile(r"(?:\b(?:are|is|that\s+are|which\s+are|who\s+are)\s+not|\b(?:besides|apart\s+from|aside\s+from|other\s+than|"
                           r"except(?:\s+for)?|excluding|leaving\s+(?:out|aside)|not\s+counting))\s+(?:the\s+|any\s+)?"
                           r"(?:national\s+)?(?:countries|country|governments?|states|member\s+states|nations)\b"
                           r"(?!['’]|\s+(?:of|in|that|which|who|where|from|with|whose|funding|funded)\b)", re.I)


def states_set_aside(question: str) -> tuple[str, bool]:
    """(the question without its "not countries" / "besides governments" phrase, whether it had
    one).  The phrase names no answer kind: read without it, the question asks for the rest
    (bodies), and no country or government is an answer."""
    m = _STATES_ASIDE.search(question)
    if m is None:
        return question, False
    text = question[:m.start()] + question[m.end():]
    text = re.sub(r"\s+([,?.;])", r"\1", text)
    return " ".join(re.sub(r"^[\s,;]+", "", text).split()), True


def not_a_state(answer: dict, knowledge) -> bool:
    """Is an answer neither a country nor a country's government?"""
    ent = knowledge.entity_by_iri(answer["iri"]) if answer.get("iri") else None
    return ent is None or not (ent.get("type") == "Country" or str(ent.get("id", "")).startswith("Organization:gov-"))
