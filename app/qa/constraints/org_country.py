"""Organisations narrowed to the country the question places them in ("which Thai organisation
became a member of CONNECT", "the Sri Lankan institute that joined ...").

Why: the graph answers "members of <network>" with every member; the country the question names
by a demonym is no constraint of the membership relation, so it was silently dropped.  The build
records where a listed organisation is ("Thammasat University, Thailand" -> attrs.country) and the
national bodies of a country (``institutionOf`` / ``governmentOf``): those narrow the answer, only
when some answer is placed in a named country (otherwise the country says something else).
"""
from __future__ import annotations

import re

from app.qa.question import Analysis

_PLACING = ("institutionOf", "governmentOf")
_OUTSIDE_ROLES = ("fundedBy", "supportedBy")  # a funder or supporter comes from outside the country


def _countries_of(org: str, knowledge) -> set[str]:
    ent = knowledge.entity(org) or {}
    at = ent.get("attrs") or {}
    out = {f"Country:{at['country']}"} if at.get("country") else set()
    for rel in _PLACING:
        out |= {f["object"] for f in knowledge.facts_where(subject=org, predicate=rel)}
    return out or _activity_country(org, knowledge)


def _activity_country(org: str, knowledge) -> set[str]:
    """The one country of every activity the body takes part in ("the Health Insurance Organization"
    named only in Cyprus's entry is Cyprus's), else nothing: a body active in several countries (the
    ILO, a donor) is placed nowhere by its activities, nor is one the graph records funding or
    supporting anything (the Global Fund paying for one country's work is no body of that country)."""
    if any(knowledge.facts_where(obj=org, predicate=rel) for rel in _OUTSIDE_ROLES):
        return set()
    places = {f["object"] for act in knowledge.facts_where(obj=org, predicate="activityInvolved")
              for f in knowledge.facts_where(subject=act["subject"], predicate="activityIn")}
    return places if len(places) == 1 else set()


def placed_in_named_country(ids: list[str], a: Analysis, used: set[str], knowledge) -> list[str]:
    """The organisation answers placed in a country the question links and no constraint uses.
    The answers decide, not the type read from the words: "connect network members from sri lanka"
    reads "members" as member countries, yet the network's members are bodies, placed by the country."""
    if a.answer_type not in ("Organization", "Country") or not ids or not all(i.startswith("Organization:") for i in ids):
        return ids
    named = {c for c in a.linked("Country") if c not in used}
    if not named:
        return ids
    placed = {i: _countries_of(i, knowledge) for i in ids}
    kept = [i for i in ids if placed[i] & named]
    if not kept and 2 * sum(1 for v in placed.values() if v) > len(placed) and _PLACED_IN.search(a.question):
        # "which of the new members is based in Cambodia?": most members' countries are known and
        # none is the one named, so none is the answer (not every member)
        return []
    return kept or ids


# The question places the asked bodies itself: "based in", "located in", "headquartered in"
_PLACED_IN = re.compile(r"\b(?:based|located|headquartered|registered|situated|seated)\s+in\b", re.I)


# "Which Ethiopian institution", "which Lao body", "which Egyptian social insurance body": a
# demonym (or country name) written right before the kind of body asked for places the answer.
_BODY_HEAD = re.compile(r"^\s*(?:(?:national|public|state|government|[a-z]+)\s+){0,2}?"
                        r"(?:institutions?|institutes?|bod(?:y|ies)|agenc(?:y|ies)|ministr(?:y|ies)|funds?|"
                        r"authorit(?:y|ies)|services?|organi[sz]ations?|insurers?|corporations?|boards?|trusts?|"
                        r"bureaus?|offices?|departments?)\b", re.I)


# the qualifier heads the asked noun phrase ("which Lao body"), not a keyword query's country
# beside a relation's noun ("zambia un agency partners")
_WHICH_BEFORE = re.compile(r"\b(?:which|what|whose)\s+(?:of\s+the\s+)?(?:[\w-]+\s+)?$", re.I)


# A social security body asked for by its kind ("which fund", "which trust ... in Sierra Leone",
# "sierra leone social security trust"): the kinds a country's own institutions are named by, not
# the kinds of any partner ("which organisations", "which agency") nor a body of wider reach
# ("which international fund").
_NATIONAL_KIND = (r"(?:institutions?|institutes?|funds?|trusts?|boards?|bureaus?|authorit(?:y|ies)|corporations?|"
                  r"insurers?)")
# An agent noun before it makes "fund" a verb: "which organisations fund Jordan" asks Jordan's funders.
_ASKED_KIND = re.compile(r"\b(?:which|what)\s+(?:(?!(?:international|global|regional|foreign|donor|multilateral|un|"
                         r"organi[sz]ations|donors|partners|funders|countries|governments|agencies|bodies|"
                         r"institutions|entities|states|nations|companies|brands|retailers|firms|businesses|"
                         r"employers|foundations|banks)\b)"
                         r"[a-z][\w-]*\s+){0,3}?" + _NATIONAL_KIND + r"\b(?!['’])", re.I)
# "which social security fund in Madagascar": the country right after the asked body
_KIND_BEFORE = re.compile(r"\b" + _NATIONAL_KIND + r"\s+(?:in|of|from)\s+(?:the\s+)?$", re.I)
# "which national agency in Uzbekistan", "what national body of Malawi": "national" makes any kind
# of body the country's own (an agency alone may be a UN agency working there)
_NATIONAL_BEFORE = re.compile(r"\b(?:which|what)\s+national\s+(?:[\w-]+\s+){0,2}?(?:agenc(?:y|ies)|bod(?:y|ies)|"
                              r"ministr(?:y|ies)|organi[sz]ations?|entit(?:y|ies)|departments?|offices?|services?)"
                              r"\s+(?:in|of|from)\s+(?:the\s+)?$", re.I)
_WH = re.compile(r"\b(?:which|what|who|whose|where|when|how)\b", re.I)
# The words of a channel ("through which agencies", "via the MUL"): the way support or money goes.
CHANNEL = r"(?:through|via|by\s+way\s+of|by\s+means\s+of)"
# "through which agencies do France and Spain support ...": a channel asked (no relation of the
# graph holds one: the engine asks the text), of the countries that follow the auxiliary
CHANNEL_ASKED = re.compile(rf"^\W*{CHANNEL}\s+(?:which|what)\b", re.I)
_CHANNEL_SUBJECTS = re.compile(rf"^\W*{CHANNEL}\s+(?:which|what)\s+(?:[\w-]+\s+){{0,3}}?(?:do|does|did|will|can)\s+", re.I)
_KIND_AFTER = re.compile(r"^[^?]{0,40}?\b" + _NATIONAL_KIND + r"\b", re.I)


def qualified_countries(a: Analysis) -> set[str]:
    """Countries the question writes as the qualifier of the asked body ("which Lao body", "which
    fund in Tanzania", "which trust runs social security in Sierra Leone", "sierra leone social
    security trust")."""
    if a.answer_type != "Organization":
        return set()
    countries = [l for l in a.links if l.type == "Country"]
    out = {i for l in countries if _WHICH_BEFORE.search(a.question[:l.start])
           and _BODY_HEAD.match(a.question[l.end:]) for i in l.ids}
    out |= {i for l in countries if _KIND_BEFORE.search(a.question[:l.start])
            or _NATIONAL_BEFORE.search(a.question[:l.start]) for i in l.ids}
    if len(countries) == 1 and _ASKED_KIND.search(a.question[:countries[0].start]):
        out |= set(countries[0].ids)
    channel = _CHANNEL_SUBJECTS.match(a.question)
    if channel:
        # "through which agencies do France and Spain support ...": the subjects' own agencies
        pos = channel.end()
        for l in sorted(countries, key=lambda l: l.start):
            if l.start < pos or not re.fullmatch(r"(?:\s|,|\band\b|\bthe\b)*", a.question[pos:l.start], re.I):
                break
            out |= set(l.ids)
            pos = l.end
    if len(countries) == 1 and not _WH.search(a.question) and _KIND_AFTER.match(a.question[countries[0].end:]):
        out |= set(countries[0].ids)  # a keyword query: the country, then the kind of body
    return out


def national_answers(answers: list[dict], a: Analysis, knowledge) -> list[dict]:
    """Organisation answers narrowed to the bodies placed in the country that qualifies the asked
    body ("which Lao body had its governance reviewed": not the ILO that supported the review);
    unchanged when none is placed there (the graph may not know where a body is)."""
    named = qualified_countries(a)
    if not named or not answers:
        return answers

    def placed(x: dict) -> bool:
        ent = knowledge.entity_by_iri(x["iri"]) if x.get("iri") else None
        return bool(ent) and bool(_countries_of(ent["id"], knowledge) & named)

    kept = [x for x in answers if placed(x)]
    return kept or answers


def bodies_placed(ids: list[str], a: Analysis, knowledge) -> bool:
    """Does any of ``ids`` lie in the country that qualifies the asked body?  (True when the
    question qualifies none.)"""
    named = qualified_countries(a)
    return not named or any(_countries_of(i, knowledge) & named for i in ids)
