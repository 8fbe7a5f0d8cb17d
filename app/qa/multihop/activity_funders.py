"""Who paid for one described activity, read from the sentence that describes it.

"Who pays for extending health insurance to about 85,000 social assistance beneficiaries in
Zambia?", "Which donors backed the capacity-building visit to Nepal?": the question names a
country, but asks about one activity there, and the report says who paid for *that* activity in
the sentence that describes it ("... funded by the government and support from the Global Fund",
"the ILO and GIZ, supported by the European Union, BMZ and SDC, organized ...").  The country's
"Financing support:" line (the graph's ``funds`` relation) names who funds the ILO's work there,
which is another fact.

:func:`funding_runs` reads, after each funding cue of a sentence ("funded by", "supported by",
"financial support from", "contributions from"), the run of names joined by commas and "and";
"the government" there is the government of the country the sentence is about.  The engine
(:meth:`QuestionEngine._activity_funders`) retrieves the sentence that matches the question's
description, and lets these funders replace the country's list only when the question describes
an activity (several topic words beyond the country and the funding words) and the sentence
says most of them: a weak match leaves the graph answer standing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.qa.figures.numbers import spans as figure_spans
from app.qa.units import terms
from graph import countries

# A cue after which the payers of the activity are named.
FUNDING_CUE = re.compile(
    r"\b(?:(?:co-?)?funded|financed|co-?financed|supported|backed|sponsored|paid(?: for)?|bankrolled)\s+by\b|"
    r"\b(?:(?:with|through|thanks to)\s+)?(?:the\s+)?(?:financial\s+|technical\s+and\s+financial\s+)?"
    r"(?:support|contributions?|funding|financing|grants?|resources)\s+(?:from|of)\b",
    re.I)
# What may sit between two payers of one run: commas, "and", articles, an acronym in brackets.
_GAP = re.compile(r"^(?:[\s,()]|\band\b|\bas well as\b|\bthe\b|&|\((?:[^()]{1,40})\))*$", re.I)
# "funded by the government", "support from the Government": the government of the sentence's country.
_GOVERNMENT = re.compile(r"\s*(?:the\s+)?(?:national\s+)?government\b", re.I)
_LAST = re.compile(r"\band\b|\bas well as\b|&", re.I)  # the item after "and" closes the list
# Words of asking who paid: not a description of the activity.
PAYING_WORDS = frozenset(terms("fund funds funded funder funders funding finance finances financed financing financial "
                               "financier donor donors pay pays paid paying payer back backed backing backer support "
                               "supported supporting supporter supporters sponsor sponsored bankroll bankrolled money "
                               "contribute contributed contribution contributions behind provide provided"))
# An active payer: "<body> ... (its initiative) to finance the payment of contributions".
ACTIVE_CUE = re.compile(r"\b(?:finance|finances|financed|financing|fund|funds|funding|pay|pays|paid|paying|cover|covers|"
                        r"covered|covering)\s+(?:the\s+|for\s+the\s+)?(?:payment|cost|costs|contributions?|premiums?|"
                        r"subsid\w*|fees?)\b", re.I)
_ACTIVE_REACH = 80  # characters back from the verb in which its payer is named (same clause)
# The question points at the entry's own financing line ("going by the financing support line",
# "as the funding line lists them"): the country's funders are asked, whatever activity it describes.
_THE_LINE = re.compile(r"\b(?:financ\w*|funding|donors?)\s+(?:support\s+|sources?\s+|partners?\s+)?lines?\b|"
                       # "who funds the ILO's work in the country that hosted the visit ...": the described
                       # country's own funders, the activity only telling which country it is
                       r"\b(?:work|programmes?|activities|support|efforts)\s+in\s+the\s+(?:one\s+)?country\s+(?:that|which|where|whose)\b",
                       re.I)
MIN_TOPIC_TERMS = 3  # topic words beyond country and funding that make a question about one activity
MIN_COVERAGE = 0.5  # share of them the sentence (with the next one) must say


@dataclass
class Payer:
    """One payer read from a sentence: an entity id, or None for a government the graph lacks."""

    eid: str | None
    label: str
    span: tuple[int, int]  # offsets in the passage


def _names_in(text: str, mentions: list[dict]) -> list[tuple[int, int, str]]:
    """(start, end, id) of the bodies and countries named in ``text`` (passage offsets)."""
    out = [(m["start"], m["end"], f"{m['type']}:{m['key']}") for m in mentions
           if m["type"] in ("Organization", "Initiative")]
    out += [(s, e, f"Country:{iso}") for s, e, _, iso in countries.find_countries(text)]
    out.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    kept: list[tuple[int, int, str]] = []
    for s, e, i in out:  # a country inside a body's name ("Government of Japan") is that body
        if kept and s < kept[-1][1]:
            continue
        kept.append((s, e, i))
    return kept


def funding_runs(text: str, start: int, end: int, mentions: list[dict], country: str | None) -> list[Payer]:
    """Payers named after the funding cues of ``text[start:end]`` (a sentence of a passage).

    ``mentions`` are the passage's entity mentions (offsets in ``text``); ``country`` is the id of
    the country the sentence is about, whose government "the government" means."""
    names = [n for n in _names_in(text, mentions) if start <= n[0] and n[1] <= end]
    payers: list[Payer] = []
    for cue in FUNDING_CUE.finditer(text, start, end):
        pos = cue.end()
        gov = _GOVERNMENT.match(text, pos)
        if gov and country:
            payers.append(Payer(None, "Government of " + countries.display_name(country.split(":", 1)[1]),
                                (gov.start(), gov.end())))
            pos = gov.end()
        last = False
        for s, e, eid in names:
            if s < pos:
                continue
            gap = text[pos:s]
            if last and gap.strip(" ()"):  # "..., France, and Spain, the Ministry ...": the list ended
                break
            if not _GAP.match(gap):
                break
            last = last or bool(_LAST.search(re.sub(r"\([^()]*\)", "", gap)))
            payers.append(Payer(eid, "", (s, e)))
            pos = e
    for cue in ACTIVE_CUE.finditer(text, start, end):
        before = [n for n in names if cue.start() - _ACTIVE_REACH <= n[0] and n[1] <= cue.start()
                  and not re.search(r"[.;:]", text[n[1]:cue.start()])]
        if before:
            s, e, eid = before[-1]
            payers.append(Payer(eid, "", (s, e)))
    seen, out = set(), []
    for p in payers:
        key = p.eid or p.label
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def asks_the_line(question: str) -> bool:
    """Does the question point at the country's financing line itself (not one activity's payers)?"""
    return bool(_THE_LINE.search(question))


def activity_terms(topic_terms: list[str], named_terms: set[str], ignore: set[str], vocabulary=None) -> list[str]:
    """The words that describe the activity: the question's topic words without the names it
    links, the words of asking who paid, and ``ignore`` (question and framing words).  With a
    ``vocabulary`` (the report's words), only words the report uses: the asker's own frame ("my
    minister wants to thank the organisation that ...") describes no activity of the report."""
    return [t for t in topic_terms if t not in named_terms and t not in PAYING_WORDS and t not in ignore
            and (vocabulary is None or t in vocabulary)]


# The ask of a sum's payers once the sum is named ("which countries contributed?", "who put up the
# rest?"): a payment verb, with or without the graph's funding cues.
PAID_VERB = re.compile(r"\b(?:contribut\w*|chip(?:ped)?\s+in|put\s+(?:up|in)|paid|pays?|fund\w*|financ\w*|"
                       r"donat\w*|gave|give[ns]?|provid\w*)\b", re.I)


def named_amounts(question: str) -> list[float]:
    """The sums of money a funder question names ("which funders put up the €67m?"): a sentence
    that writes the same sum is the activity's own, whatever words describe it."""
    return [s.value for s in figure_spans(question) if s.kind == "money"]


def writes_amount(text: str, amounts: list[float]) -> bool:
    """Does ``text`` write one of ``amounts`` as money (€67m and "€67 million" alike)?"""
    return bool(amounts) and any(s.kind == "money" and s.value in amounts for s in figure_spans(text))


_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


def paired_payers(sentence: str, payers: list[Payer], amounts: list[float]) -> list[Payer]:
    """The payers of the sums asked when the sentence pairs payers and sums in order
    ("contributions from Ireland and Germany €1.2 million (US$1.24 million) and €20 million
    (US$20.7 million) respectively": €20 million is Germany's).  A sum restated in brackets in
    another currency is the same sum; unchanged when the counts differ or no sum matches."""
    if not amounts or not _RESPECTIVELY.search(sentence):
        return payers
    sums = [s for s in figure_spans(sentence) if s.kind == "money" and not sentence[:s.start].rstrip().endswith("(")]
    if len(sums) != len(payers):
        return payers
    kept = [p for p, s in zip(sorted(payers, key=lambda p: p.span), sums) if s.value in amounts]
    return kept or payers
