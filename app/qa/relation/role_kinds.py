"""The kind of organisation a question asks for, by the role the graph gives organisations.

"zambia un agency partners", "which development banks worked with the ILO in Tajikistan", "who
are the private-sector funders": the asked organisations are of one role (UN agency,
international financial institution, private company ...), and the others a relation returns
(the EU, a bilateral agency) are not the answer.  The phrases people use for each role are
declared once, beside the role classes, in :data:`graph.vocab.ORG_ROLE_PHRASES`; the roles are
the build's (``role`` of each organisation), never a list of report names.
"""
from __future__ import annotations

import re

from graph.vocab import ORG_ROLE_LABELS, ORG_ROLE_PHRASES, ORG_ROLES


def _pattern(phrase: str) -> str:
    """The phrase as a whole-word pattern, any case ("un agency" in a keyword query is the UN's;
    "un" and "ifi" are no English words), hyphen or space between words, any apostrophe."""
    words = [re.escape(w).replace("'", "['’]?") for w in re.split(r"[\s-]+", phrase)]
    # one modifier may stand inside the phrase: "UN refugee agency", "private energy company"
    return r"(?<![\w-])" + r"(?:[\s-]+[\w'’-]+)?[\s-]+".join(words) + r"(?![\w-])"


_PHRASES = sorted(((p, role) for role, ps in ORG_ROLE_PHRASES.items() for p in ps), key=lambda x: -len(x[0]))
_RX = [(re.compile(_pattern(p), re.I), role) for p, role in _PHRASES]


# The role names the asked organisations: "which UN agencies ...", "un agency partners"; not a role
# named as context or set aside ("apart from the bilateral donors, who ...", "did a company ...").
_ASKING = re.compile(r"\b(?:which|what)\s+(?:[\w'’-]+\s+){0,2}$|"  # "which Italian energy company"
                     # "who is the private company among the funders", "which one is a foundation"
                     r"\b(?:who|which(?:\s+one)?)\s+(?:is|are|was|were)\s+(?:the\s+|a\s+|an\s+)?(?:only\s+|one\s+)?$|"
                     # "which of the funders of X is a company", "which of them are UN agencies"
                     r"\bwhich\s+(?:one\s+)?of\b[^?]*\b(?:is|are|was|were)\s+(?:the\s+|a\s+|an\s+)?(?:only\s+)?$", re.I)
# A question worded as a sentence, not a keyword query: its question word or verb says what is asked.
_WORDED = re.compile(r"\b(?:which|what|who|whom|whose|where|when|how|why|is|are|was|were|did|does|do|has|have|"
                     r"can|could|list|name|tell|give|show)\b", re.I)
_HEADED = re.compile(r"^\s*(?:partners?|funders?|donors?|financiers?|backers?|organi[sz]ations?|bodies|members?)\b", re.I)
_SET_ASIDE = re.compile(r"\b(?:apart\s+from|aside\s+from|besides|other\s+than|except|excluding|not|no|beyond|"
                        r"leaving\s+out|setting\s+aside|without)\b[^,;:?]*$", re.I)


def asked_role(question: str) -> str | None:
    """The one role the question names for the organisations it asks for, or None (none, several,
    or a role named only as context or set aside)."""
    found = _asked(question)
    return found[0] if found else None


def role_words(question: str) -> str:
    """The words of the asked role's phrase ("UN agencies"): the role filter expresses them, so
    they are no topic for the text step to look for."""
    found = _asked(question)
    return found[1] if found else ""


def _phrases(question: str) -> list[tuple[re.Match, str]]:
    """Every role phrase the question says, longest first where two overlap ("UN agencies" is not
    also "agencies" of another phrase), with its role."""
    found: list[tuple[re.Match, str]] = []
    for rx, role in _RX:
        found += [(m, role) for m in rx.finditer(question)
                  if not any(f.start() < m.end() and m.start() < f.end() for f, _ in found)]
    return found


def _asked(question: str) -> tuple[str, str] | None:
    found = _phrases(question)
    if any(_SET_ASIDE.search(question[:m.start()]) for m, _ in found):
        return None
    named = {role for _, role in found}
    asked = [(m, role) for m, role in found if _ASKING.search(question[:m.start()]) or _HEADED.match(question[m.end():])]
    if not asked and len(named) == 1 and not _WORDED.search(question):
        asked = found[-1:]  # a keyword query ("tajikistan development banks"): the kind is its head
    roles = {role for _, role in asked}
    return (roles.pop(), asked[-1][0].group(0)) if len(roles) == 1 and len(named) == 1 else None


# "their own social security institute", "that country's own institution, fund or ministry": a body
# of the country itself, whatever its noun.
_OWN_BODY = re.compile(r"\b(?:its|their|the\s+country['’]s|that\s+country['’]s|the\s+countries['’]|[\w-]+['’]s)\s+own\s+"
                       r"(?:[\w-]+\s+){0,5}?(?:institutions?|institutes?|funds?|ministr(?:y|ies)|departments?|agenc(?:y|ies)|"
                       r"bod(?:y|ies)|trusts?|boards?|corporations?|administrations?)\b", re.I)


def named_role(question: str) -> str | None:
    """The one role the question names for the bodies at the *other* end of the relation it asks
    about, when the asked things are countries: "countries funded by private companies", "which
    countries co-finance the ILO's work through their own social security institute", "countries
    where the ILO worked with UN agencies".  None when no role, several, or one set aside is named."""
    if _OWN_BODY.search(question) and not _SET_ASIDE.search(question[:_OWN_BODY.search(question).start()]):
        return "national_institution"
    found = _phrases(question)
    if any(_SET_ASIDE.search(question[:m.start()]) for m, _ in found):
        return None
    named = {role for _, role in found}
    return named.pop() if len(named) == 1 else None


# A sector is wider than its companies: "the private sector" is every non-state, non-public body,
# philanthropic foundations among them ("partnerships with the private sector, including the ...
# Foundation as well as ... Eni S.p.A. and Nestlé"), while "private companies" are companies only.
# Ordinary English, declared by the roles' own phrases; no name of any report.
_SECTOR_KIN = {"private sector": ("foundation",)}


def of_role(answers: list[dict], role: str, role_of, question: str = "") -> list[dict]:
    """The answers whose organisation has ``role`` (``role_of(iri)``), or a role the asked phrase
    widens it to (:data:`_SECTOR_KIN`, read in ``question``); all of them when none has it (the
    build may not know a body's role: an answer is not dropped on that silence)."""
    roles = {role} | set(_SECTOR_KIN.get(" ".join(re.split(r"[\s-]+", role_words(question).lower())), ()))
    kept = [x for x in answers if x.get("iri") and role_of(x["iri"]) in roles]
    return kept or answers


# The pattern joining the asked countries to a body at the relation's other end (partnership is
# mutual: either side of the statement; support is the country's).
_END_PATTERNS = {
    "fundedBy": "?answer fg:fundedBy ?body .",
    "partneredWith": "{ ?answer fg:partneredWith|fg:supportedBy ?body } UNION { ?body fg:partneredWith ?answer }",
}


def by_role_of_end(question: str, relation: str) -> list:
    """The constraint "the asked country's funder / partner is of the role the question names"
    (:func:`named_role`), or none.  The role is the build's class of the body (``fg:PrivateCompany`` ...)."""
    from app.qa.graphstep import Constraint

    role = named_role(question)
    if role is None or relation not in _END_PATTERNS or role not in ORG_ROLES:
        return []
    label = ORG_ROLE_LABELS.get(role, role)
    article = "an" if label[:1].lower() in "aeiou" else "a"
    return [Constraint(f"{_END_PATTERNS[relation]} ?body a <{ORG_ROLES[role]}> . ?answer a fg:Country .",
                       f"countries whose {'funder' if relation == 'fundedBy' else 'partner'} is {article} {label}",
                       [("?", relation, "*")], relation="fund" if relation == "fundedBy" else "")]


def _role_spans(question: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _OWN_BODY.finditer(question)]
    return spans + [m.span() for rx, _ in _RX for m in rx.finditer(question)]


def drop_described_bodies(a) -> bool:
    """Countries asked by the kind of their funder or partner ("co-financed by their own social
    security institute", "national institutions (social security fund etc)"): a body's name the
    linker found inside that lower-case description ("Social Security Institute" is one country's
    institution) is the kind, not that body.  Drops such links; says whether any was dropped."""
    from app.qa.relation.descriptive_links import keep_links

    if a.answer_type != "Country" or named_role(a.question) is None:
        return False
    spans = _role_spans(a.question)

    def described(l) -> bool:
        said = a.question[l.start:l.end]
        return l.type == "Organization" and said == said.lower() and any(s <= l.start and l.end <= e for s, e in spans)

    return keep_links(a, [l for l in a.links if not described(l)])


# "which governments did the ILO partner with in Lebanon", "which countries' governments worked with
# the ILO in X", "lebanon government partners": the parties asked are governments (a donor country
# acting as a partner is its government's node, fg:governmentOf), answered by their countries.
_GOVERNMENTS_ASKED = re.compile(r"\b(?:which|what)\s+(?:[\w'’-]+\s+){0,2}?(?:governments?|countries['’]\s+governments?)\b|"
                                r"\bgovernments?\s+(?:partners?|donors?|funders?|backers?)\b", re.I)


def asks_governments(question: str) -> bool:
    """Does the question ask for governments (not the places they act in, not organisations)?"""
    return bool(_GOVERNMENTS_ASKED.search(question))


def government_partners(country: str) -> "Constraint":
    """The countries whose governments partner with the ILO in ``country`` (either side of the
    statement, as partnership is mutual), the named country itself aside."""
    from app.qa.graphstep import Constraint, _iri

    c = _iri(country)
    return Constraint(f"{{ {c} fg:partneredWith|fg:supportedBy ?gov }} UNION {{ ?gov fg:partneredWith {c} }} "
                      f"?gov fg:governmentOf ?answer . FILTER(?answer != {c})",
                      f"countries whose governments partner in {country}",
                      [(country, "partneredWith", "?"), (country, "supportedBy", "?"), ("?", "partneredWith", country)],
                      strong=False)


# "setting aside the national social security institution itself, who else ...", "excluding
# private companies": the kind named straight after a setting-aside word is what is left out.
_ASIDE_BEFORE = re.compile(r"\b(?:apart\s+from|aside\s+from|besides|other\s+than|except(?:\s+for)?|excluding|"
                           r"leaving\s+out|leaving\s+aside|setting\s+aside|not\s+counting)\s+(?:the\s+|any\s+|all\s+)?"
                           r"(?:[\w'’-]+\s+){0,2}$", re.I)


_DEMONSTRATIVE = re.compile(r"\s*(?:\w+\s+){0,2}?(?:that|this|these|those)\b", re.I)


def set_aside_role(question: str, aside: list[str] | tuple[str, ...] = ()) -> str | None:
    """The one role the question sets aside by its kind ("setting aside the national social security
    institution"), or None (none, or several kinds).  ``aside``: the phrases an earlier reading took
    out of the question as set aside ("apart from private companies, ..." is read without them)."""
    # "other than that company itself": a demonstrative points back to one body already named (set
    # aside by name elsewhere), not to every body of its kind
    roles = {role for m, role in _phrases(question)
             if (b := _ASIDE_BEFORE.search(question[:m.start()])) and not _DEMONSTRATIVE.search(b.group(0))}
    roles |= {role for p in aside if not _DEMONSTRATIVE.match(p) for _m, role in _phrases(p)}
    if _NOT_GOVERNMENTS.search(question):
        roles.add("bilateral_donor")
    return roles.pop() if len(roles) == 1 else None


# "which funders of X are not governments", "X's funders that aren't countries", "non-government
# donors": the organisations asked are all but the governments (a donor country's government is a
# bilateral donor, fg:BilateralDonor), said as a negated type rather than a role's own phrase.
_NOT_GOVERNMENTS = re.compile(r"\b(?:(?:are|is|were|was)\s+not|aren['’]t|isn['’]t|weren['’]t|wasn['’]t)\s+(?:a\s+|the\s+)?"
                              r"(?:(?:national|donor|foreign)\s+)?(?:governments?|countries|country|states)\b(?!\s*['’])|"
                              r"\bnon-?\s?government(?:al)?\s+(?:funders?|donors?|partners?|backers?|contributors?|sources?)\b", re.I)


def without_role(answers: list[dict], role: str, role_of) -> list[dict]:
    """The answers whose organisation is not of ``role``; all of them when every one is (a kind set
    aside that would leave nothing was context, not a filter)."""
    kept = [x for x in answers if not (x.get("iri") and role_of(x["iri"]) == role)]
    return kept or answers


# "which international development partners", "kenya humanitarian partners", "international aid
# organisations involved": bodies from outside the country, i.e. not its national institutions;
# "which national partners": its national institutions.  A report groups partners this way itself
# ("national partners, such as the NSSF ..., and international development partners, such as ...").
_PARTY = r"(?:partners?|organi[sz]ations?|agencies|bodies|actors|NGOs?|institutions?|players)"
_SIDE = re.compile(r"(?<![\w-])(?P<side>international|humanitarian|foreign|external|national|domestic|local)"
                   r"(?:\s+(?:development|aid|humanitarian|cooperation|relief|non-governmental|public))?\s+" + _PARTY + r"\b", re.I)
_INTERNATIONAL = {"international", "humanitarian", "foreign", "external"}


def asked_side(question: str) -> str | None:
    """"international" or "national" when the question asks for the partners from outside the
    country or for its own institutions by such words (and sets neither aside); else None."""
    sides = {("international" if m.group("side").lower() in _INTERNATIONAL else "national")
             for m in _SIDE.finditer(question) if not _SET_ASIDE.search(question[:m.start()])}
    return sides.pop() if len(sides) == 1 else None


def of_side(answers: list[dict], side: str, role_of) -> list[dict]:
    """The answers on the asked side: international ones are every body but a national institution,
    national ones the national institutions; all of them when none is on that side."""
    if side == "international":
        return without_role(answers, "national_institution", role_of)
    return of_role(answers, "national_institution", role_of)
