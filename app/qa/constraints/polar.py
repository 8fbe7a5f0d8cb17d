"""Yes/no questions about one named entity, negated or not ("Has Kenya not ratified Convention
No. 102?", "Is Zambia a Global Accelerator pathfinder?", "Does the EU not fund Jordan?").

A polar question is the list question with its subject left open, and a membership test: "Has
Kenya not ratified C102?" is "Which countries have not ratified C102?" and whether Kenya is among
the answers.  :func:`open_subject` rewrites the question that way (the first named country or
organisation after the opening auxiliary becomes "which countries" / "which organisations"); the
engine answers the list question as it answers any other, and :func:`verdict` says Yes or No with
the list answer's evidence for the subject when it is there.

Only when the list question is answered from the graph and the list is not empty: a text step's
few sentences are no complete list, and "No" would then mean "not in the sentences I read".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from app.qa.constraints import unregistered
from app.qa.graphstep import AUTHOR_ORGS

_POLAR = re.compile(r"^\s*(is|are|was|were|has|have|had|does|do|did)\s+(?:the\s+)?", re.I)
_CHOICE = re.compile(r"\bor\b|\b(?:more|most|fewer|less|least|larger|smaller|bigger|higher|lower)\b", re.I)
_GLOSS = re.compile(r"\([^()]*\)")
_WH = re.compile(r"\b(which|what|who|whom|whose|where|when|how|why)\b", re.I)
# a wh-word opening a clause a verb or preposition governs ("helping to assess how their social
# security systems align with ...", "advice on how to ...") asks nothing of the reader
_EMBEDDED_WH = re.compile(r"\b(?:assess\w*|examin\w*|review\w*|understand\w*|explor\w*|analy[sz]\w*|stud(?:y|ies|ied|ying)|"
                          r"determin\w*|decid\w*|learn\w*|show\w*|on|about)\s+(?:how|what|where|when|why|whether)\b", re.I)
_PLURAL_AUX = {"is": "are", "was": "were", "has": "have", "does": "do"}
_NOUN = {"Country": "countries", "Organization": "organisations", "Initiative": "initiatives"}


@dataclass
class Polar:
    list_question: str  # the question with the subject left open
    subject_ids: list[str]  # the subject's readings (a country and its government)
    negated: bool = False  # "... not yet valid?": Yes when the subject is not among the answers


# What a country does when it funds: the verbs and nouns of funding after the subject ("Does Japan
# fund Kenya?", "Is Kuwait one of Iraq's funders?").
_RATIFY = re.compile(r"\bratif", re.I)
_FUNDING = re.compile(r"\b(?:fund|funds|funded|funding|funders?|finance[sd]?|financing|financiers?|donors?|pay|pays|paid|"
                      r"bankroll\w*|sponsor\w*|back|backs|backed)\b", re.I)


# "Is Angola's ratification of Convention No. 102 already valid at the international level?": a
# ratification counts once registered, which is what the list of ratifications records
_OWN_RATIFICATION = re.compile(r"^['’]s\s+(?:(?:19|20)\d\d\s+)?ratification\s+of\s+(.+?)\s+(?P<fill>(?:[a-z]+\s+){0,3}?)"
                               r"(?:valid|registered|in\s+force|effective|recogni[sz]ed|official|complete|"
                               r"(?:take|took|taken|taking)\s+effect|(?:enter|entered|come|came)\s+into\s+force|"
                               r"counts?|counted)\b", re.I)
# "Does British money support ...", "Is Japanese funding behind ...": the country's money, i.e. the country funds
_MONEY_SUBJECT = re.compile(r"^\s+(?:money|funding|funds|aid|financing|resources|contributions?|cash)\s+"
                            r"(?:support\w*|fund\w*|financ\w*|pa(?:y|ys|id)\s+for|go(?:es)?\s+(?:in)?to|back\w*|"
                            r"(?:is|are)\s+behind)\b", re.I)
# "Does Kenya receive funding from Japan?": the country is the one funded, an entry of a list of countries.
_RECEIVES = re.compile(r"^\s+(?:not\s+)?(?:receive|get|obtain|benefit)\b", re.I)


def open_subject(question: str, links: list, is_body: Callable[[str], bool] | None = None) -> Polar | None:
    """The list question a yes/no question about one named entity tests membership in.

    A country whose government acts in the report (``is_body`` of its government's id: it funds
    something) asked about as a funder is a body: "Does Japan fund Kenya?" tests "Which
    organisations fund Kenya?"; any other country stays a country ("Does Kenya receive ...")."""
    m = _POLAR.match(question)
    bare = _GLOSS.sub(" ", question)  # "a Result 1 (national policy or strategy adopted)": a gloss offers no choice
    if not m or _WH.search(_EMBEDDED_WH.sub(" ", bare)) or _CHOICE.search(bare):
        return None  # "Is Norway or the UK the funder of more countries?": a choice, not a yes/no
    first = min((l for l in links if l.start >= m.start(1)), key=lambda l: l.start, default=None)
    if first is None or not m.end(1) < first.start <= m.end() or first.type not in _NOUN or \
            any(i in AUTHOR_ORGS for i in first.ids):
        return None  # "Is there ...", "Does the report say ...": no named subject right after the verb;
        # "Does the ILO support ...": the report's author is asked about its work, not a yes/no
    rest = question[first.end:]
    owned = _OWN_RATIFICATION.match(rest)
    if owned and first.type == "Country":  # "Is Angola's ratification of C102 valid yet?": has it ratified (registered)?
        said = _listed(f"Which countries ratified {owned.group(1)}?", list(first.ids))
        # "Has Angola's ratification ... not yet become valid?": Yes when it is not registered
        return Polar(said.list_question, said.subject_ids, bool(re.search(r"\bnot\b|\byet\s+to\b", owned["fill"], re.I)))
    if re.match(r"^['’]s\b", rest):
        return None  # "Has Angola's scheme ... become law": a property of the name, not a list's member
    aux = m.group(1).lower()
    noun = _NOUN[first.type]
    money = _MONEY_SUBJECT.match(rest)
    if money and first.type == "Country":  # "Does British money support the ILO's work in Lebanon?": a funder
        gov = f"Organization:gov-{first.ids[0].split(':', 1)[1]}"
        return _listed(f"Which {_NOUN['Organization']} fund{rest[money.end():]}", list(first.ids) + [gov])
    gov = f"Organization:gov-{first.ids[0].split(':', 1)[1]}" if first.type == "Country" else ""
    if gov and is_body is not None and is_body(gov) and _FUNDING.search(rest):
        return _listed(f"Which {_NOUN['Organization']} {_PLURAL_AUX.get(aux, aux)}{rest}", list(first.ids) + [gov])
    if first.type == "Country" and aux in ("does", "do", "did") and _FUNDING.search(rest) and not _RECEIVES.match(rest):
        return None  # "Does Japan fund Indonesia?": a country acting as a funder is no entry of a list of countries
    # (other acts are a list's entries: "Did Jordan ratify C102?" is "Which countries did ratify C102?")
    return _listed(f"Which {noun} {_PLURAL_AUX.get(aux, aux)}{rest}", list(first.ids))


# A keyword query tagged as a yes/no check: "sao tome c102 ratification 2024 yes/no", "... (y/n)"
_YES_NO_TAG = re.compile(r"\s*[-–—,:;]?\s*\(?\s*(?:yes\s*/\s*no|y\s*/\s*n|true\s*/\s*false|yes\s+or\s+no)\s*\)?\s*[?.!]*\s*$", re.I)


def tagged_subject(question: str, links: list) -> Polar | None:
    """The list question and subject of a keyword query tagged "yes/no" whose first words name a
    country or organisation: the query without the name and the tag is the list the name is
    tested against ("C102 ratification registered 2024": is Sao Tome and Principe among them?)."""
    tag = _YES_NO_TAG.search(question)
    if tag is None or _WH.search(question[:tag.start()]) or _POLAR.match(question):
        return None
    first = min(links, key=lambda l: l.start, default=None)
    if first is None or first.type not in _NOUN or question[:first.start].strip() or \
            any(i in AUTHOR_ORGS for i in first.ids):
        return None
    rest = " ".join(question[first.end:tag.start()].split())
    if len(rest.split()) < 2:
        return None
    return _listed(f"{rest}?", list(first.ids))


def _listed(question: str, subject_ids: list[str]) -> Polar:
    return Polar(" ".join(question.split()), subject_ids)


def verdict(polar: Polar, listed: dict, knowledge) -> dict | None:
    """Yes or No from the list answer (None when that answer is not the graph's)."""
    if not str(listed.get("strategy", "")).startswith("graph") or not listed.get("answers"):
        return None  # an empty list is more likely a misreading than a "no" for every name
    ids = set(polar.subject_ids) | {f"Organization:gov-{i.split(':', 1)[1]}" for i in polar.subject_ids
                                    if i.startswith("Country:")}
    iris = {str(knowledge.iri(i)) for i in ids}
    hit = next((x for x in listed.get("answers", []) if x.get("iri") in iris), None)
    label = "Yes" if bool(hit) != polar.negated else "No"
    why = f"“{polar.list_question}” answered from the graph; " + (
        f"{hit['label']} is among the answers" if hit else "the answers do not include it")
    said = {"label": label, "type": "Text", "score": hit.get("score", 1.0) if hit else 1.0,
            "evidence": (hit or {}).get("evidence", [])[:3], "path": [why],
            "subject": knowledge.label(polar.subject_ids[0]), "listed": len(listed["answers"]), "negated": polar.negated}
    pending = None if hit or not _RATIFY.search(polar.list_question) else \
        unregistered.of_countries([i for i in polar.subject_ids if i.startswith("Country:")], knowledge)
    if pending is not None:  # "Did Angola ratify C102?": No, but approved and not yet registered
        said["caveat"] = pending.sentence
        said["evidence"] = [{"passage_id": pid, "section": p.section, "text": p.text, "highlights": []}
                            for pid in pending.passages[:1] if (p := knowledge.passage(pid)) is not None]
    return said


def cited(said: dict) -> tuple[dict[str, str], str]:
    """(citations, marks): each evidence passage numbered from 1, and the " [1] [2]" that cite them
    in a verdict's text (every yes/no reading words its verdict around these)."""
    cites = {str(i + 1): e["passage_id"] for i, e in enumerate(said.get("evidence") or [])}
    return cites, "".join(f" [{k}]" for k in cites)


def summary(said: dict) -> tuple[str, dict[str, str]]:
    """(answer_text, citations) for a verdict.

    "No" rests on the report's silence, not on a statement, so the sentence says that rather than
    asserting the negative as a fact: a user reading "No" alone could take it for the world's answer.
    """
    question = said["path"][0].split("” answered", 1)[0].lstrip("“")
    if said.get("caveat"):  # a ratification approved at home, not registered yet
        cite = " [1]" if said.get("evidence") else ""
        lead = "Yes, not yet registered" if said.get("negated") else "No registered ratification"
        return (f"{lead}: the report says {said['caveat']}{cite}.",
                {"1": said["evidence"][0]["passage_id"]} if cite else {})
    if said.get("negated"):  # "... not yet valid?": the verdict turns on the subject's absence
        among = said["label"] == "No"
        ev = said.get("evidence") or []
        cite = " [1]" if among and ev else ""
        return (f"{said['label']}: {said['subject']} is {'' if among else 'not '}among the {said['listed']} answers "
                f"the report gives to “{question}”{cite}.", {"1": ev[0]["passage_id"]} if cite else {})
    if said["label"] == "Yes":
        ev = said.get("evidence") or []
        cite = " [1]" if ev else ""
        return (f"Yes: {said['subject']} is among the {said['listed']} answers the report gives to “{question}”{cite}.",
                {"1": ev[0]["passage_id"]} if ev else {})
    return (f"No, as far as the report says: {said['subject']} is not among the {said['listed']} answers "
            f"it gives to “{question}”.", {})
