"""Reading the number a question asks for out of a sentence, by what it counts and its unit.

"What share of ... came from X" wants a percentage, "how much money ..." an amount of money,
"how many registered workers ..." a plain count next to the counted noun.  A sentence often holds
several numbers ("registered workers increasing from 50,000 to 146,000 and employers from 240 to
4,700 between 2017 and 2023"), so each number span is typed (money, per cent, plain) with the
same patterns the quantity extractor uses, filtered by the unit the question asks for, and ranked
by how close it sits to the counted words; in a change "from A to B" the value reached (B) is the
one a question about the state of things means.  Pure functions: ordinary English, no report facts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from app.qa.units import STOP
from graph.extract.quantities import MONEY, PERCENT
from graph.dates import MONTH
from app.qa.figures.figure_owner import PARTITIVE, owner, parallel
from app.qa.figures.respective_nouns import asked_item
from app.qa.figures.number_words import TIMES, label as number_label, word_numbers
from app.qa.figures.ordinal_figures import asks_ordinal, ordinal_spans
from app.qa.figures.clause_words import shared

NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s*(?:million|billion|thousand))?(?![\w])", re.I)
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_LABEL_BEFORE = re.compile(r"\b(Table|Figure|Box|Result|Step|No\.?|Nos\.?|Paper|Phase|Article|Section|Chapter|"
                           r"Convention|Recommendation|Goal|Target|SDG|indicator|Pillar|Law|Decree|C|R)\s*$", re.I)
_SHARE_ASKED = re.compile(r"\b(share|percentage|proportion|per ?cent|percent|rate|ratio)\b|%", re.I)
# ("staff paid from technical cooperation": "paid" with its source says who pays, no amount asked)
_MONEY_ASKED = re.compile(r"\bhow much (money|funding|financing|did|does|do|was|were|is|will)\b|\b(money|amount|funding|"
                          r"budget|envelope|outlays?|cost|costs|gap|us\$|usd|dollars?|euros?|allocat\w*|financing|paid(?!\s+(?:from|by|through|out\s+of|under|via|with)\b)|pay|payments?|receive\w*)\b|"
                          r"\bhow much\b(?=.*\b(?:per|a|each|every)\s+(?:month|year|week|day|person|beneficiary)\b)|\bhow much\s*\??\s*$",
                          re.I)
# A change asked by its size: "by how much did X increase"; the sentence writes it after "by".
BY_HOW_MUCH = re.compile(r"\bby how (?:much|many)\b", re.I)
_BY_BEFORE = re.compile(r"\bby\s+(?:almost|nearly|about|around|roughly|some|over|more than|up to|approximately)?\s*$", re.I)
_COUNT_ASKED = re.compile(r"\bhow many\b|\bnumber of\b", re.I)
_TIMES_ASKED = re.compile(r"\bhow (?:many\s+t[a-z]*mes|often)\b|\bnumber of (?:times|meetings|sessions)\b", re.I)
_AGE_ASKED = re.compile(r"\b(?:what|which)\s+age\b|\bhow old\b|\bage\s+(?:from|at)\s+which\b|\bage\s+(?:limit|threshold|of eligibility)\b|\beligibility age\b|"
                        r"\b(?:minimum|maximum|upper|lower|youngest|oldest|qualifying|pensionable|retirement|entry|eligible)\s+age\b|"
                        # a keyword query closing on "age" ("malawi older persons grant age", "nda age eligible")
                        r"(?<![-\w])age(?:\s+(?:eligible|eligibility|limit|cut-?off|bracket|range))?\s*\??\s*$", re.I)
# Which end of an age range a question asks for ("maximum age", "youngest age").
_AGE_BOUND = re.compile(r"\b(maximum|upper|oldest|highest|minimum|lower|youngest|lowest)\b", re.I)
_EARLIER_ASKED = re.compile(r"\b(from|initially|originally|before|previous(ly)?|at first|earlier|start(ed|ing)?)\b", re.I)
_CALLED_EARLIER = re.compile(r"\b(previous|earlier|initial|original|prior)\s+(?:[a-z-]+\s+){0,2}?(?:of\s+)?"
                             r"(?:us\$|\$|€)?\s*$", re.I)
_MONTHS = "(" + MONTH + ")"
_MONTH_AFTER = re.compile(r"(?:\s*(?:[-–]|to|and)\s*\d{1,2})?\s+" + _MONTHS + r"\b")  # "03 September", "13-15 November", "from 13 to 15 November"
_MONTH_BEFORE = re.compile(r"\b" + _MONTHS + r"\s+$")
_SCALES = {"million": 1e6, "billion": 1e9, "thousand": 1e3, "bn": 1e9, "m": 1e6}


@dataclass(frozen=True)  # kept per sentence (:func:`spans`): shared, so never changed
class Span:
    start: int
    end: int
    label: str
    value: float
    kind: str  # money | percent | plain
    currency: str = ""  # for money: USD | EUR | CHF | GBP ... (see :func:`currency_of`)


def _registry_version() -> int:
    from graph.relations import REGISTRY

    return REGISTRY.version


def asked_unit(question: str) -> str | None:
    """'percent' | 'money' | 'count' | None: what kind of number the question wants."""
    return _asked_unit(question, _registry_version())


# Asked again for every sentence the text step reads for one question; the registry's version is
# part of the key because a keyword query's last noun may be a relation's (:func:`relation_noun`).
@lru_cache(maxsize=8192)
def _asked_unit(question: str, _version: int) -> str | None:
    # "how many events did the platform organise", whatever an aside says ("set up to share
    # information"): the counted phrase decides, unless it counts per cent ("how many per cent").
    if re.search(r"\bhow many\s+(?:us\s+|swiss\s+)?(?:dollars|euros|francs|pounds)\b", question, re.I):
        return "money"  # "how many euros": an amount, counted in its currency
    if BY_HOW_MUCH.search(question) and not re.search(r"\b(?:money|funding|dollars?|euros?|us\$|usd)\b", question, re.I):
        return None  # "by how much did the decree increase the base value": a change, in whatever unit it is written
    count = _COUNT_ASKED.search(question)
    if count and not _SHARE_ASKED.search(" ".join(question[count.end():].split()[:2])):
        return "count"
    if _SHARE_ASKED.search(question):
        return "percent"
    from app.qa.figures.keyword_figures import opens_on_audience

    if count or counted_noun_last(question) or opens_on_audience(question):
        return "count"  # ("attendees gtt meeting financing gap": the audience first is counted, not the money)
    if _MONEY_ASKED.search(question):
        return "money"
    if re.search(r"\b(?:total|count|tally|headcount)\b", question, re.I):
        return "count"  # "gtt staff total march 2025": a total of things, not a share
    return None


def _num(s: str, scale: str | None) -> float:
    return float(s.replace(",", "")) * _SCALES.get((scale or "").strip().lower(), 1)


def spans(seg: str) -> list[Span]:
    """Every number of a sentence, typed: money, per cent, or a plain number (years and labels
    such as 'Table 3', 'No. 102' are not numbers a question asks for)."""
    return list(_spans(seg))


@lru_cache(maxsize=16384)  # a report has a few thousand sentences, and every number question reads many of them
def _spans(seg: str) -> tuple[Span, ...]:
    out: list[Span] = []
    for m in MONEY.finditer(seg):
        num, scale = m.group("num") or m.group("num2"), m.group("scale") or m.group("scale2")
        out.append(Span(m.start(), m.end(), m.group(0).strip(), _num(num, scale), "money",
                        currency_of(m.group("cur") or m.group("cur2") or "")))
    for m in PERCENT.finditer(seg):
        if not any(s.start < m.end() and m.start() < s.end for s in out):
            out.append(Span(m.start(), m.end(), m.group(0).strip(), _num(m.group("num"), None), "percent"))
    typed = list(out)
    for m in NUMBER.finditer(seg):
        if any(s.start < m.end() and m.start() < s.end for s in typed):
            continue
        if YEAR.fullmatch(m.group(1)) and not m.group(2):
            continue  # a year is not a count
        if _MONTH_AFTER.match(seg[m.end():]) or _MONTH_BEFORE.search(seg[max(0, m.start() - 12):m.start()]):
            continue  # "03 September", "July 18": a day of a date
        if re.search(r"(?:19|20)\d\d\s*[-–]\s*$", seg[max(0, m.start() - 7):m.start()]):
            continue  # "2021-25": the short end of a year range
        if _LABEL_BEFORE.search(seg[max(0, m.start() - 16):m.start()]):
            continue  # "Table 3", "Result 2", "No. 102": a label, not a quantity
        if _ENUMERATOR.match(seg, max(0, m.start() - 1)) and not _WORD_BEFORE_PAREN.search(seg[:max(0, m.start() - 1)]):
            continue  # "(i) ..., and (3) the extension of ...": a list item's marker ("ten (10) countries" is a figure)
        out.append(Span(m.start(), m.end(), m.group(0).strip(), _num(m.group(1), m.group(2)), "plain"))
    for w in word_numbers(seg):  # "Three prototypes", "two dozen journalists": counts written in words
        if not any(s.start < w.end and w.start < s.end for s in out) and not _SPELLED_LABEL.search(seg[:w.start]):
            out.append(Span(w.start, w.end, number_label(w.value), w.value, "plain"))
    return tuple(sorted(out, key=lambda s: s.start))


# "(3) the extension of ...": a small number alone in brackets before words marks a list item, unless a
# number word just before restates it ("an additional ten (10) countries").
_ENUMERATOR = re.compile(r"\((\d{1,2})\)\s+[a-z]")
_WORD_BEFORE_PAREN = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|"
                                r"twenty|thirty|forty|fifty)\s*$", re.I)


# "Step two", "Phase three", "the second of three": ordinal labels and parts are no counts.
_SPELLED_LABEL = re.compile(r"\b(Step|Phase|Pillar|Result|Table|Box|Figure|Goal|Chapter|Section|Article)\s+$", re.I)


# "Ireland and Germany ... €1.2 million (US$1.24 million) and €20 million (US$20.7 million)
# respectively": the k-th name of a list owns the k-th figure.
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_NAME = r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+|the\s+|and\s+(?=[A-Z][\w'’.-]*\s+[A-Z]))?[A-Z][\w'’.-]*)*"
_NAME_LIST = re.compile(rf"({_NAME}(?:\s*,\s*{_NAME})*,?\s+and\s+{_NAME})")


def _names_in(question: str) -> set[str]:
    """The question's words, folded, plus the country names its demonyms stand for ("the Germans")."""
    from app.qa.names.demonyms import demonym_country
    from graph import countries

    words = re.findall(r"[A-Za-z][\w'’.-]*", question)
    words += [w[:-2] for w in words if re.search(r"['’]s$", w)]  # "Germany's contribution": Germany
    out = {countries.fold(w) for w in words}
    for w in words:
        iso = demonym_country(w)
        if iso:
            c = countries.all_countries().get(iso)
            out |= {countries.fold(n) for n in (c.names if c else [])}
    return out


def respective(seg: str, question: str, cands: list[Span]) -> Span | None:
    """With "respectively", the figure in the position of the list item the question names."""
    m = _RESPECTIVELY.search(seg)
    if not m:
        return None
    # Figures before "respectively", without converted amounts in brackets ("(US$1.24 million)").
    figs = [s for s in cands if s.end <= m.start() and not seg[max(0, s.start - 2):s.start].strip().endswith("(")]
    if len(figs) < 2:
        return None
    asked = _names_in(question)
    paired = _paired_names(seg, figs)
    if paired is not None:
        items, figs_here = paired
        hits = _named_items(items, asked)
        if len(hits) > 1:  # "Ireland and Germany both gave - how much did Germany give": the asking clause's
            hits = [i for i in hits if i in _named_items(items, _names_in(asking_clause(question)))] or hits
        if len(hits) == 1:
            return figs_here[hits[0]]
        if not hits and _other_country_asked(items, question):
            return ELSEWHERE  # "France and Korea ... respectively" for "the German contribution": not this sentence
        return None
    run = _last_run(seg, figs)  # "reaching 15,000 and 18,000 persons": the figures listed together
    item = asked_item(seg[:run[0].start], len(run), question)  # "for persons with disabilities and older persons"
    return run[item] if item is not None else None


def _year_like(s: Span) -> bool:
    return s.kind == "plain" and float(s.value).is_integer() and 1900 <= s.value <= 2100


def respective_item(seg: str, question: str) -> str | None:
    """The other way round: with "respectively", the list item whose figure the question states
    ("Which country contributed €20 million ...?" of "... from Ireland and Germany €1.2 million
    (US$1.24 million) and €20 million (US$20.7 million) respectively": Germany), or None."""
    stated = {sp.value for sp in spans(question) if not _year_like(sp)}
    paired = _respective_pairs(seg) if stated else None
    if paired is None:
        return None
    owned = [item for item, f in zip(*paired) if f.value in stated]
    return owned[0] if len(owned) == 1 else None


# "which one made the single largest contribution", "who gave the least": the pair with the extreme figure
_MOST = re.compile(r"\b(?:largest|biggest|greatest|highest|most|top)\b", re.I)
_LEAST = re.compile(r"\b(?:smallest|lowest|least|fewest)\b", re.I)


def respective_extreme(seg: str, question: str) -> str | None:
    """With "respectively", the list item whose figure is the largest (smallest) the question asks
    for ("Which government made the largest contribution?" of "... from Ireland and Germany €1.2
    million (US$1.24 million) and €20 million (US$20.7 million) respectively": Germany); None unless
    the figures are all of one kind and currency, and the question states none of its own."""
    most, least = _MOST.search(question), _LEAST.search(question)
    if bool(most) == bool(least) or any(not _year_like(sp) for sp in spans(question)):
        return None
    paired = _respective_pairs(seg)
    if paired is None or len({(f.kind, f.currency) for f in paired[1]}) != 1:
        return None
    items, values = paired[0], [f.value for f in paired[1]]
    best = max(values) if most else min(values)
    return items[values.index(best)] if values.count(best) == 1 else None


def _respective_pairs(seg: str) -> tuple[list[str], list[Span]] | None:
    """(names, their figures) of a sentence's "respectively" list: the figures before the word,
    without years or converted amounts in brackets; None without such a list."""
    m = _RESPECTIVELY.search(seg)
    if not m:
        return None
    figs = [s for s in spans(seg) if s.end <= m.start() and not _year_like(s)
            and not seg[max(0, s.start - 2):s.start].strip().endswith("(")]
    return _paired_names(seg, figs) if len(figs) >= 2 else None


def _paired_names(seg: str, figs: list[Span]) -> tuple[list[str], list[Span]] | None:
    """(names, their figures): the last list of names before the figures that has as many names as
    there are figures before "respectively" ("Ireland and Germany €1.2 million and €20 million")."""
    for lm in reversed(list(_NAME_LIST.finditer(seg[:figs[0].start]))):
        items = [re.sub(r"^the\s+", "", x.strip(), flags=re.I) for x in re.split(r"\s*,\s*|\s+and\s+", lm.group(1))
                 if x.strip()]
        figs_here = figs[-len(items):] if len(figs) >= len(items) else []
        if len(items) >= 2 and len(figs_here) == len(items):
            return items, figs_here
    return None


# "between 2017 and 2023", "from 2017 to 2023" in a sentence: the years a change "from A to B" spans.
_SPAN_YEARS = re.compile(r"\b(?:between|from)\s+((?:19|20)\d\d)\s+(?:and|to|until)\s+((?:19|20)\d\d)\b", re.I)


# A change's start the question states ("up from 50,000", "from US$36 million"): known, not asked.
_STATED_START = re.compile(r"\b(?:(?:up|down|rising|falling|growing|increasing|decreasing)\s+)?from\s+(?:us\$|\$|€)?\s*"
                           r"\d[\d,.]*(?:\s*(?:million|billion|thousand|per\s*cent|percent|%))?", re.I)


# between the two ends of a change: a few words ("from 50,000 in 2017 to"), or the first figure's unit
# and where it was said, its years included ("from 24.4 percent in the previous World Social
# Protection Report 2020-22 to 48.8 percent")
_CHANGE_GAP = re.compile(r"\s*(?:[a-z]+\s+){0,3}?to\s+(us\$|\$|€)?\s*|"
                         r"\s*(?:percent|per\s+cent|%)?\s*(?:in|under|at|of|during|according\s+to)\s+"
                         r"(?:(?:[a-z]+|(?:19|20)\d\d(?:[-–/]\d{2,4})?)\s+){1,9}?to\s+(us\$|\$|€)?\s*")


def _changes_to(seg: str, a: Span, b: Span) -> bool:
    """Does the sentence write a change from figure ``a`` to figure ``b`` ("from 50,000 to 146,000")?"""
    return bool(re.search(r"\bfrom\s+(us\$|\$|€)?\s*$", seg[max(0, a.start - 8):a.start].lower())
                and _CHANGE_GAP.fullmatch(seg[a.end:b.start].lower()))


def _change_size(seg: str, question: str, cands: list[Span]) -> Span | None:
    """"By how many percentage points did ... rise": the size of the one change "from A to B" the
    sentence writes, B minus A, spanning both figures, when it writes no "by" figure of its own
    ("increased by almost 40 percent" answers itself).  Shares give percentage points; counts
    and amounts their plain difference, in the figures' unit."""
    if not _asks_change_size(question) or any(_BY_BEFORE.search(seg[max(0, c.start - 24):c.start]) for c in cands):
        return None
    pairs = [(a, b) for a, b in zip(cands, cands[1:]) if a.kind == b.kind and _changes_to(seg, a, b)]
    if len(pairs) > 1:  # "workers increasing from 50,000 to 146,000 and employers from 240 to 4,700": the asked one
        pairs = _pair_of_asked(seg, question, pairs)
    if len(pairs) != 1:
        pairs = _against_earlier(seg, question, cands)
    if len(pairs) != 1:
        return None
    a, b = pairs[0]
    size = abs(b.value - a.value)
    if a.kind == "percent":
        shown = f"{size:,.1f}".rstrip("0").rstrip(".") if size % 1 else f"{size:,.0f}"
        label = f"{shown} percentage points"
    else:
        label = _written_like(size, a, b)
    return Span(min(a.start, b.start), max(a.end, b.end), label, size, a.kind, a.currency)


def _written_like(value: float, a: Span, b: Span) -> str:
    """A computed figure written as the two it comes from are: in their scale when both have one
    ("US$1.24 million" and "US$20.7 million": "US$21.94 million"), with the amount's currency."""
    scales = {m.group(1).lower() for m in (_SCALE_WORD.search(a.label), _SCALE_WORD.search(b.label)) if m}
    scale = scales.pop() if len(scales) == 1 and _SCALE_WORD.search(a.label) and _SCALE_WORD.search(b.label) else None
    if scale:
        shown = f"{value / _SCALES[scale]:,.2f}".rstrip("0").rstrip(".")
        return re.sub(r"\d[\d.,]*", shown, b.label, count=1)
    shown = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    if a.kind == "money" and re.search(r"\d", b.label):
        return re.sub(r"\d[\d.,]*(?:\s*(?:million|billion|thousand))?", shown, b.label, count=1)
    return shown


# "Combined, how much did Ireland and Germany add", "how many in total, counting both the persons
# with disabilities and the older persons": a sum of parts the question names
_SUM_ASKED = re.compile(r"\b(?:combined|altogether|all\s+together|in\s+total|in\s+all|put\s+together|between\s+them|"
                        r"add(?:ed)?\s+up|summed|plus)\b|\bcounting\s+both\b", re.I)
_PARTS_ASKED = re.compile(r"\b(?:and|plus|both)\b", re.I)
# a sentence that writes a total of its own ("bringing the total to 18") answers with it
_TOTAL_WRITTEN = re.compile(r"\b(?:total|totall?ing|altogether|in\s+all|overall|bringing|combined|of\s+which|including|"
                            r"among\s+them|out\s+of)\b", re.I)
_SCALE_WORD = re.compile(r"\b(million|billion|thousand)\b", re.I)
_TIME_UNIT_AFTER = re.compile(r"\s*-?\s*(?:months?|years?|weeks?|days?|hours?)\b", re.I)


def _sum_of_parts(seg: str, question: str, cands: list[Span]) -> Span | None:
    """The sum of the two figures a sentence writes for the two parts a question adds up ("€1.2
    million (US$1.24 million) and €20 million (US$20.7 million) respectively", asked "combined, how
    much in US dollars did Ireland and Germany add": US$21.94 million), when the sentence writes
    exactly two figures of one kind (a conversion in brackets is the same figure) and no total of
    its own.  Shares are not added."""
    if not _SUM_ASKED.search(question) or not _PARTS_ASKED.search(question) or _TOTAL_WRITTEN.search(seg):
        return None
    # (a duration, "covering ten months", is no part; a conversion in brackets is the same figure)
    figs = [in_asked_currency(seg, s, cands, question) for s in cands
            if not _year_like(s) and not seg[max(0, s.start - 2):s.start].strip().endswith("(")
            and not _TIME_UNIT_AFTER.match(seg, s.end)]
    if len(figs) != 2 or figs[0].kind != figs[1].kind or figs[0].kind not in ("plain", "money") \
            or figs[0].currency != figs[1].currency:
        return None
    a, b = figs
    total = a.value + b.value
    return Span(a.start, b.end, _written_like(total, a, b), total, a.kind, a.currency)


# "funding gap reduction end-2023 vs end-2024", "how much did the gap fall between 2023 and 2024": the
# change's size asked without "by how much" (a change noun between two dates, or "how much did ... fall")
_CHANGE_NOUN = re.compile(r"\b(?:reduction|decrease|increase|change|difference|drop|decline|growth|rise|fall|cut)\b", re.I)
_HOW_MUCH_CHANGED = re.compile(r"\bhow\s+much\s+(?:did|has|have|had)\b[^?]*?\b(?:fall|fell|fallen|shrink|shrank|shrunk|decline|declined|"
                               r"drop|dropped|decrease|decreased|rise|risen|rose|grow|grew|grown|increase|increased|"
                               r"go\s+(?:down|up)|come\s+down)\b(?!\s+to\b)", re.I)


def _asks_change_size(question: str) -> bool:
    # (a change told as context, "the gap at the end of 2023, before the 2024 reduction", asks the figure)
    asked = _TOLD_CHANGE.sub(" ", question)
    return bool(BY_HOW_MUCH.search(question) or _HOW_MUCH_CHANGED.search(question)
                or (_CHANGE_NOUN.search(asked) and len(set(YEAR.findall(asked))) >= 2))


_TOLD_CHANGE = re.compile(r"\b(?:before|after|following|since|prior\s+to|ahead\s+of)\b[^?,;]*", re.I)


def _pair_of_asked(seg: str, question: str, pairs: list[tuple[Span, Span]]) -> list[tuple[Span, Span]]:
    """Of several changes a sentence writes, the one whose words just before it the question says
    most ("registered workers increasing from ..." for "by how many did registered workers grow")."""
    asked = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", question)}
    said = [len(asked & {w.lower() for w in re.findall(r"[A-Za-z]{4,}", seg[max(0, a.start - 45):a.start])})
            for a, _ in pairs]
    best = max(said)
    return [p for p, n in zip(pairs, said) if n == best] if best else pairs


def _against_earlier(seg: str, question: str, cands: list[Span]) -> list[tuple[Span, Span]]:
    """The change a sentence writes as a new figure and one it calls earlier ("declined to US$27.9
    million ..., a further reduction from the previous gap of US$36 million"): (earlier, new), when
    the sentence writes exactly two figures of one kind (a conversion in brackets is the same one)."""
    figs = [in_asked_currency(seg, c, cands, question) for c in cands
            if not _year_like(c) and not seg[max(0, c.start - 2):c.start].strip().endswith("(")]
    if len(figs) != 2 or figs[0].kind != figs[1].kind or figs[0].currency != figs[1].currency:
        return []
    earlier = [f for f in figs if _CALLED_EARLIER.search(seg[max(0, f.start - 40):f.start])]
    if len(earlier) != 1:
        return []
    later = figs[1] if earlier[0] is figs[0] else figs[0]
    return [(earlier[0], later)]


def change_ends(seg: str, span: Span) -> list[Span]:
    """The two figures of the change "from A to B" that ``span`` is one end of, in order; [] when
    the sentence writes no such change around it."""
    cands = spans(seg)
    for x, y in zip(cands, cands[1:]):
        if _changes_to(seg, x, y) and span.start in (x.start, y.start):
            return [x, y]
    return []


def _asks_range_start(seg: str, question: str) -> bool:
    """Does the question date its figure to the first year of the span the sentence's change runs
    over ("employers from 240 to 4,700 between 2017 and 2023", asked "in 2017"), and not to the last?"""
    asked = set(YEAR.findall(question))
    return any(m.group(1) in asked and m.group(2) not in asked for m in _SPAN_YEARS.finditer(seg))


def _last_run(seg: str, figs: list[Span]) -> list[Span]:
    """The figures written as one list just before "respectively" ("15,000 and 18,000"): the last
    figure and those before it parted from the next only by a comma or "and" (and a unit word)."""
    run = [figs[-1]]
    for f in reversed(figs[:-1]):
        gap = seg[f.end:run[0].start]
        if not (re.search(r",|\band\b", gap) and len(re.findall(r"[A-Za-z]+", gap)) <= 3):
            break
        run.insert(0, f)
    return run


# What :func:`respective` says of a sentence whose list of countries leaves out the one asked.
ELSEWHERE = Span(0, 0, "", 0.0, "none")


def _other_country_asked(items: list[str], question: str) -> bool:
    """Are the list's items all countries, and does the question name (or a demonym stand for) a
    country that is none of them?"""
    from app.qa.names.demonyms import demonym_country
    from graph import countries

    isos = [countries.lookup(it) for it in items]
    if not all(isos):
        return False
    asked = {iso for _, _, _, iso in countries.find_countries(question)}
    asked |= {iso for w in re.findall(r"[A-Za-z]+", question) for iso in [demonym_country(w)] if iso}
    return bool(asked) and not (asked & set(isos))


def _named_items(items: list[str], asked: set[str]) -> list[int]:
    from graph import countries

    return [i for i, it in enumerate(items) if countries.fold(it) in asked
            or all(countries.fold(t) in asked for t in it.split())]


# Where a question's clauses part: a dash, a semicolon or colon, a comma before a question word.
_CLAUSE_BREAK = re.compile(r"\s[-–—]\s|[;:]|,\s*(?=(?:how|what|which|who|when|where)\b)", re.I)
_ASKS = re.compile(r"\b(?:how|what|which|who|when|where)\b", re.I)


def asking_clause(question: str) -> str:
    """The clause of the question that holds its question word ("Ireland and Germany both put money
    in - *how much did Germany contribute*"); the whole question when it has one clause."""
    parts = _CLAUSE_BREAK.split(question)
    asking = [p for p in parts if _ASKS.search(p)]
    return asking[-1] if len(parts) > 1 and asking else question


_CURRENCIES = (("USD", r"US\$|USD|(?:US\s+)?dollars?|\$"), ("EUR", r"€|EUR|euros?"), ("CHF", r"CHF|Swiss francs?"),
               ("GBP", r"£|GBP|pounds? sterling"))


def currency_of(text: str) -> str:
    """'US$' / 'dollars' -> 'USD', '€' / 'euros' -> 'EUR' ...; '' when none is named."""
    for code, rx in _CURRENCIES:
        if re.fullmatch(rf"\s*(?:{rx})\s*", text, re.I):
            return code
    return ""


def asked_currency(question: str) -> str:
    """The currency a question asks its amount in ("in US dollars", "how many euros"), or ''."""
    for code, rx in _CURRENCIES:
        if re.search(rf"(?<![\w$€£])(?:{rx})(?![\w])", question, re.I):
            return code
    return ""


def in_asked_currency(seg: str, span: Span, cands: list[Span], question: str) -> Span:
    """An amount written with its conversion beside it ("€1.2 million (US$1.24 million)"): the
    form in the currency the question asks for."""
    want = asked_currency(question)
    if span.kind != "money" or not want or span.currency in ("", want):
        return span
    for o in cands:
        if o.kind == "money" and o.currency == want and (
                re.fullmatch(r"\s*\(\s*", seg[span.end:o.start]) or re.fullmatch(r"\s*\(\s*", seg[o.end:span.start])):
            return o
    return span


def pick(seg: str, question: str, near, strict: bool = True) -> Span | None:
    """The span of ``seg`` that answers a number question, or None; an amount comes in the
    currency the question names when the sentence gives both (see :func:`in_asked_currency`)."""
    got = _pick(seg, question, near, strict)
    return in_asked_currency(seg, got, spans(seg), question) if got is not None else None


def _pick(seg: str, question: str, near, strict: bool = True) -> Span | None:
    """The span of ``seg`` that answers a number question, or None.

    ``near(word)`` says whether a word is one of the counted words of the question; a span must
    sit next to one, unless the unit the question asks for (a share, an amount) already singles
    it out (``strict=False`` when the question names no counted words at all)."""
    unit = asked_unit(question)
    cands = spans(seg)
    if _TIMES_ASKED.search(question):  # "how many times did it convene": "twice", "three times"
        times = [s for s in cands if s.kind == "plain" and (seg[s.start:s.end].lower() in TIMES or
                                                             re.match(r"\s+times\b", seg[s.end:], re.I))]
        return times[0] if len(times) == 1 else None
    if asks_ordinal(question):  # "which SPIAC-B meeting": the "15th" written before the event's noun
        cands = [Span(a, b, str(int(v)), v, "ordinal") for a, b, v in ordinal_spans(seg)]
        unit = None
    if not cands:
        return None  # most sentences the text step reads hold no figure: nothing below can find one
    duration = bool(_DURATION_ASKED.search(question))
    if duration:  # "how long ... in months": a figure written with a time unit (its own noun)
        timed = [s for s in cands if s.kind == "plain" and re.match(_DURATION_UNIT, seg[s.end:], re.I)]
        stated = re.search(r"\bin\s+(minute|hour|day|week|month|year)s?\b", question, re.I)
        if stated:
            timed = [s for s in timed if re.match(rf"\s*-?\s*{stated.group(1)}", seg[s.end:], re.I)] or timed
        cands = timed
    age = bool(_AGE_ASKED.search(question))
    if age:  # "from what age": the figure written as an age (its noun is "years")
        unit = None  # an age, whatever else the question says ("does the grant pay ...": no amount)
        ages = [s for s in cands if s.kind == "plain" and (re.match(r"\s*(?:-\s*)?years?\b(?:\s+of\s+age|\s+old|\s+and\s+(?:over|above|older))?",
                                                                  seg[s.end:], re.I) and re.search(r"\b(?:age|aged|above|over|older|under|below)\b",
                                                                  seg[max(0, s.start - 30):s.end + 20], re.I)
                                                         or re.search(r"\b(?:aged?|age of)\s*$", seg[:s.start], re.I)
                                                         # "aged 15 to 30": the range's upper bound is an age too
                                                         or re.search(r"\baged?\s+\d{1,3}\s*(?:to|-|–|and)\s*$", seg[:s.start], re.I)
                                                         # "the minimum age for receipt of benefits (from 80 to 75)"
                                                         or re.search(r"\bage\b[^.;\d]{0,45}(?:\(\s*)?from\s+(?:\d{1,3}\s+to\s+)?$|\bage\s+(?:of|is|at|was|to)\s+$", seg[:s.start], re.I))]
        cands = ages  # a sentence with no age in it does not answer
        bound = _AGE_BOUND.search(question)
        changed = any(re.search(r"\bfrom\s*$", seg[max(0, x.start - 8):x.start], re.I) and
                      re.fullmatch(r"\s*to\s*", seg[x.end:y.start], re.I) for x, y in zip(cands, cands[1:]))
        if bound and len(cands) > 1 and not changed:  # "maximum age" of "aged 15 to 30": the upper bound
            # (a change "from 80 to 75" is no range: "minimum age" names the quantity changed)
            return (max if bound.group(1).lower() in ("maximum", "upper", "oldest", "highest") else min)(
                cands, key=lambda s: s.value)
    if re.search(r"\bin total\b|\baltogether\b|\btotal (?:number|count)\b", question, re.I) and \
            re.search(r"\b(?:new|additional|further)\b", question, re.I):
        # "welcomed new members; how many does it have in total": an increment ("five new members") is no total
        cands = [s for s in cands if not re.match(r"\s+(?:new|additional|more|further|extra)\b", seg[s.end:], re.I)]
    if unit == "percent":
        cands = [s for s in cands if s.kind == "percent"]
    elif unit == "money":
        cands = [s for s in cands if s.kind == "money"]
    elif unit == "count":
        cands = [s for s in cands if s.kind == "plain"]
    if not cands:
        return None
    # A figure the question states ("up from 50,000") is what it knows, not what it asks.
    stated = {sp.value for sp in spans(question)}
    # "... how many registered workers in 2023, up from 50,000 in 2017?": the stated figure opens
    # the sentence's change ("from 50,000 to 146,000"), so the value it reached is asked
    reached = {id(b) for a, b in zip(cands, cands[1:]) if a.value in stated and _changes_to(seg, a, b)}
    if stated and any(s.value not in stated for s in cands):
        cands = [s for s in cands if s.value not in stated]
    elif stated and cands:
        return None  # the sentence only repeats what the question states ("welcomed five new members")
    rise = _change_size(seg, question, cands)
    if rise is not None:
        return rise
    added = _sum_of_parts(seg, question, cands)
    if added is not None:
        return added
    owned = respective(seg, question, cands)
    if owned is ELSEWHERE:
        return None
    if owned is not None:
        return owned
    # ("up from 50,000" states where the change started; it does not ask it)
    earlier = bool(_EARLIER_ASKED.search(_STATED_START.sub(" ", question))) or _asks_range_start(seg, question)
    years = [m.start() for y in YEAR.findall(question) for m in re.finditer(y, seg)]
    dists: list[float] = []
    for s in cands:
        after = re.findall(r"[A-Za-z]+", seg[s.end:s.end + 60])[:4]
        before = re.findall(r"[A-Za-z]+", seg[max(0, s.start - 40):s.start])[-3:]
        dist = next((i for i, w in enumerate(after) if near(w)), None)
        if dist is None:
            dist = next((i + 2 for i, w in enumerate(reversed(before)) if near(w)), 9)
        # More of the counted words around it is closer ("nearly 18,000 older persons" beats
        # "15,000 individuals" for "how many older persons"); the words of its own clause count
        # most ("...; one to present the Clock held on 3 September (38 attendees)").
        clause = re.findall(r"[A-Za-z]+", _clause(seg, s.start, s.end))
        dists.append(dist - 0.1 * sum(1 for w in after + before if near(w)) - 0.15 * sum(1 for w in set(clause) if near(w)))
        linked = _LINKING.search(seg[max(0, s.start - 80):s.start])
        if linked and near(linked.group(1)):
            dists[-1] -= 2  # "The GTT staff stood at 197": the counted noun is the subject the figure is said of
        if not age and not duration and _counts_other_noun(seg[s.end:s.end + 60], near):
            dists[-1] += 10  # "spanning 64 countries": a number of other things than the counted ones
    period = PERIOD_ASKED.search(question)
    if period:  # "how much per month": the amount written per that period, not the months it is paid for
        dists = [d + per_period(seg, s, period_unit(period)) for s, d in zip(cands, dists)]
    if not _INCREMENT_ASKED.search(question):  # "from 3 to 9 percent, with employers adding an additional 4 percent"
        dists = [d + 5 if _INCREMENT_BEFORE.search(seg[max(0, s.start - 24):s.start]) else d for s, d in zip(cands, dists)]
    if BY_HOW_MUCH.search(question):  # "increased ... by almost 40 percent": the change's own size
        dists = [d - 5 if _BY_BEFORE.search(seg[max(0, s.start - 24):s.start]) else d for s, d in zip(cands, dists)]
    if earlier:
        # "a further reduction from the previous gap of US$36 million": the figure the sentence
        # itself calls earlier is the one a question about the earlier state means
        for i, s in enumerate(cands):
            if _CALLED_EARLIER.search(seg[max(0, s.start - 40):s.start]):
                dists[i] -= 2
    dists = [d - 4 if id(s) in reached else d for s, d in zip(cands, dists)]
    changes = 0  # "registered workers increasing from 50,000 to 146,000 and employers from 240 to 4,700"
    for i in range(len(cands) - 1):
        a, b = cands[i], cands[i + 1]
        if _changes_to(seg, a, b):
            # "from 50,000 to 146,000": the value reached is meant, unless the question asks where it started
            lo, hi = (i + 1, i) if earlier else (i, i + 1)
            dists[hi] = min(dists[hi], dists[lo]) - (2 if not earlier and _LEVEL_ASKED.search(question) else 0)
            dists[lo] += 3
            changes += 1
    # "bringing the number of ratifications to 70 by 2026, from 67 currently": a level the sentence
    # says holds now and one it aims at; "how many were there" / "current number" asks the first,
    # "the goal" / "target number" the second (nearness to the question's year picked the target).
    present = [i for i, s in enumerate(cands) if _NOW_AFTER.match(seg[s.end:])]
    if present and len(cands) > 1 and (_NOW_ASKED.search(question) or _AIM_ASKED.search(question)):
        asks_now = bool(_NOW_ASKED.search(question))  # "how many were there when it set its goal": now
        for i in range(len(cands)):
            dists[i] += (-4 if i in present else 4) if asks_now else (4 if i in present else 0)
    for i in range(1, len(cands)):
        if PARTITIVE.match(seg[cands[i].end:]):  # "27,500 people ..., 10,000 of whom": the same noun counted
            dists[i] = min(dists[i], dists[i - 1])
    owned = owner(seg, [(s.start, s.end) for s in cands], question) \
        if changes >= 2 or parallel(seg, [(s.start, s.end, s.kind) for s in cands]) else None  # changes are items
    if owned is not None:  # "..., the Africa region (14 per cent) and ...": the figure said of the asked item
        ix, named = owned
        if named:  # a name of the list item the question says: only its figures answer
            cands, dists = [s for i, s in enumerate(cands) if i in ix], [d for i, d in enumerate(dists) if i in ix]
        else:
            dists = [d if i in ix else d + 9 for i, d in enumerate(dists)]
    best: tuple[float, int, int, Span] | None = None
    for i, (s, dist) in enumerate(zip(cands, dists)):
        # Several years in the sentence: the figure nearest the year the question names; then the
        # figure whose own stretch of the sentence holds more of the question's words.
        gap = min((abs(y - s.start) for y in years), default=0)
        # (the words before the first of several figures frame them all: said of none, as in figure_owner)
        lo = cands[i - 1].end if i else (s.start if len(cands) > 1 else 0)
        hi = cands[i + 1].start if i + 1 < len(cands) else len(seg)
        key = (round(dist, 6), gap, -shared(seg, s.start, s.end, question, lo, hi))
        if best is None or key < best[:3]:
            best = (*key, s)
    if best is None:
        return None
    if strict and best[0] >= 8.95 and unit not in ("percent", "money"):
        return None
    return best[3]


# A length of time asked: "how long a no-cost extension ... in months", "how long was the session".
# ("what is the minimum contribution period required": a period, a waiting time, a duration)
_DURATION_ASKED = re.compile(r"\bhow long\b|\bwhat\s+(?:is|was|will\s+be)\s+the\s+(?:[a-z-]+\s+){0,3}?"
                             r"(?:period|duration|length\s+of\s+(?:time|service|contribution))\b", re.I)
_DURATION_UNIT = r"\s*-?\s*(?:minute|hour|day|week|month|year)s?\b"
# A rate asked per period ("how much per month", "monthly payment", "annual budget").
PERIOD_ASKED = re.compile(r"\b(?:per|a|each|every)\s+(month|year|week|day)\b|\b(month|year|week|dai)(?:ly)\b|\b(annual)(?:ly)?\b", re.I)
# An increment on top of something else ("an additional 4 percent", "a further US$2 million").
_INCREMENT_BEFORE = re.compile(r"\b(?:additional|extra|further|another)\s+(?:us\$|\$|€)?\s*$", re.I)
_INCREMENT_ASKED = re.compile(r"\b(?:additional|extra|further|more|increment|top[- ]?up|by how (?:much|many)|"
                              r"(?:increase[sd]?|rise|rose|raised?|grew|grow|went up)\s+by)\b", re.I)


# A figure the sentence says holds at present ("from 67 currently"), and a question asking for that
# level rather than an aim ("how many were there", "the current number", "at present").
_NOW_AFTER = re.compile(r"\s+(?:currently|at present|at the moment|today|as of now|so far|to date)\b", re.I)
_NOW_ASKED = re.compile(r"\b(?:current(?:ly)?|at present|at the moment|today|so far|to date|existing)\b|"
                        r"\b(?:were|are|was|is)\s+there\b|\bthere\s+(?:were|are)\b", re.I)
_AIM_ASKED = re.compile(r"\b(?:goals?|targets?|aims?|aiming|aspires?|ambitions?)\b", re.I)


# The level a change reaches is asked ("contributions rise to", "target rate", "to what level").
_LEVEL_ASKED = re.compile(r"\b(?:ris\w*|rose|increas\w*|rais\w*|grow\w*|grew|go(?:es)?\s+up|went\s+up|reduc\w*|"
                          r"lower\w*|fall\w*|fell|drop\w*|cut)\s+to\b|\btarget\b|\bnew\s+(?:rate|level)\b|"
                          r"\bto\s+what\s+(?:level|rate)\b", re.I)


def period_unit(m: re.Match) -> str:
    """'month' | 'year' | 'week' | 'day': the period a rate question asks its amount per."""
    word = next(g for g in m.groups() if g).lower()
    return {"dai": "day", "annual": "year"}.get(word, word)


def per_period(seg: str, s: Span, unit: str) -> float:
    """How much nearer (negative) or further (positive) a figure is to a question asking an amount
    per ``unit``: "US$70 per month" and "a monthly allowance of US$40" are written per period;
    "ten months" counts the periods themselves."""
    after, before = seg[s.end:s.end + 30], seg[max(0, s.start - 40):s.start]
    adverb = {"day": "daily", "year": "(?:annual|yearly)"}.get(unit, unit + "ly")
    if re.match(rf"\s+{unit}s?\b", after, re.I):
        return 4.0  # "covering ten months": a duration
    if re.match(rf"\s*(?:(?:per|a|each|every)\s+{unit}|/\s*{unit}|{adverb})\b", after, re.I) or \
            re.search(rf"\b{adverb}\b(?:\s+[\w-]+){{0,4}}\s+(?:of\s+)?(?:around\s+|about\s+|some\s+)?(?:us\$|\$|€)?\s*$", before, re.I):
        return -2.0
    return 0.0


# "<noun> stood at / amounted to / totalled / reached / was N": the figure said of that noun.
_LINKING = re.compile(r"\b([A-Za-z][A-Za-z-]+)\s+(?:stood|stands|amounted|amounts|totall?ed|totals|reached|reaches|numbered|"
                      r"came|rose|fell|grew|increased|decreased|declined|dropped|was|were|is|are)(?:\s+(?:at|to))?"
                      r"(?:\s+(?:about|around|approximately|nearly|over|almost|more than|some|roughly))?\s*(?:US\$|\$|€)?\s*$", re.I)


def _clause(seg: str, start: int, end: int) -> str:
    """The clause a number (or a year: app.qa.textstep) sits in: between the nearest ';' (or
    sentence-internal list break) on each side."""
    left = max(seg.rfind(";", 0, start), seg.rfind(":", 0, start))
    right = min([i for i in (seg.find(";", end), seg.find(":", end)) if i >= 0] or [len(seg)])
    return seg[left + 1:right]


def _counts_other_noun(after: str, near) -> bool:
    """Does the figure count something else than the question's words?  Its noun is the first
    plural among the next words, past a modifier ("two co-creation workshops", "64 countries"),
    unless a counted word comes before it ("18,000 older persons" for "how many older people")."""
    words = re.findall(r"[A-Za-z][A-Za-z-]*", after)[:3]
    if not words or not re.match(r"\s+[A-Za-z]", after):
        return False
    for i, w in enumerate(words):
        if near(w) or w.lower() in STOP:
            return False  # a counted word, or the noun phrase ended ("146,000 and employers ...")
        if _COUNTS_OTHER(w):
            return i == 0 or not words[0][0].isupper()  # "5 Member States" names, it does not modify
    return False


def _COUNTS_OTHER(word: str) -> bool:
    """A plural noun right after a number is what the number counts ("64 countries", "70 years")."""
    w = word.lower()
    return len(w) > 3 and w.endswith("s") and w not in STOP and not w.endswith("ss")


def counts_entities(question: str, counted_type: str) -> bool:
    """Does 'how many <noun>' count things of the graph's type (countries, organisations ...)
    rather than ask for a figure the text states ('how much money', 'how many beneficiaries')?"""
    from app.qa.bank import TYPE_NOUNS

    m = re.search(r"\bhow many\s+((?:[\w'’-]+\s+){0,3}?[\w'’-]+)", question, re.I) or \
        re.search(r"\bnumber of\s+((?:[\w'’-]+\s+){0,3}?[\w'’-]+)", question, re.I)
    if m is None:
        return False
    nouns = {n.split()[-1].lower() for n in TYPE_NOUNS.get({"Convention": "LegalInstrument"}.get(counted_type, counted_type), ())}
    nouns |= {n.rstrip("s") for n in nouns}
    return any(w.lower().rstrip("s") in nouns or w.lower() in nouns for w in re.findall(r"[\w'’-]+", m.group(1)))


_TYPE_HEADS = re.compile(r"(countr(y|ies)|governments?|states|nations?|funders?|donors?|financiers?|organi[sz]ations?|"
                         r"agenc(y|ies)|partners?|institutions?|sponsors?|members?|schemes?|programmes?|programs?|"
                         r"benefits?|conventions?|publications?|papers?|titles?|year|pathfinders?)")


# Plural nouns of people by their ending: "subscribers", "trainees", "participants", "technicians",
# "specialists", "representatives" (not "-ates": "member states" and "estimates" are no people).
_PEOPLE_SUFFIX = r"[a-z]{3,}(?:ers|ees|ents|ants|ians|ists|atives)"
# What is counted of a website, a course or a publication ("platform page impressions 2024",
# "country pages users", "report downloads"): a keyword query ending in one asks how many.
_AUDIENCE = r"users|visitors|views|pageviews|impressions|downloads|visits|hits|clicks|copies|attendees|viewers|enrolments|enrollments|" \
            r"audiences?|readership|viewership|spectators|watchers"


def _people_noun(word: str) -> bool:
    """Is the word a noun of people a figure counts ("beneficiaries", "recipients")?  Such a word
    is an end's role noun only beside the end it names (app.qa.form.end_nouns)."""
    from graph.extract.quantities import _PEOPLE

    return bool(re.fullmatch(_PEOPLE, word.lower()))


def relation_noun(word: str) -> bool:
    """Is the word a relation's own noun in the registry ("founders", "co-chairs", "signatories")?
    A keyword query ending on one asks for that end of the relation, not how many people."""
    return _relation_noun(word, _registry_version())


@lru_cache(maxsize=8192)  # a scan of the registry's keywords, asked per word of every keyword query
def _relation_noun(word: str, _version: int) -> bool:
    from app.qa.units import stem
    from graph.relations import REGISTRY

    from app.qa.form.end_nouns import is_end_noun

    w = stem(word.lower())
    # relations between things ("founders", "co-chairs"); a figure's words ("beneficiaries") are counted
    return any(" " not in k and stem(k.lower()) == w for r in REGISTRY if "Quantity" not in r.range
               for k in r.keywords) or is_end_noun(word) and not _people_noun(word)  # "organisers", "authors"


def counted_noun_last(question: str) -> bool:
    """Does a keyword query end in a plural noun of people counted ('... recipients', '... subscribers')
    rather than in a type noun (funders, countries, members) or a thing?"""
    return _counted_noun_last(question, _registry_version())


@lru_cache(maxsize=8192)  # asked again for every sentence the text step reads for one question
def _counted_noun_last(question: str, _version: int) -> bool:
    from graph.extract.quantities import _PEOPLE

    from app.qa.form.query_tail import without_tail

    question = without_tail(question)  # "gtt staff march 2025": a trailing date only dates it
    if re.search(r"\b(which|what|who|whom|where|when|how|list|name|give|tell|identify)\b", question, re.I):
        return False
    words = re.findall(r"[A-Za-z][A-Za-z-]*", question)
    if not words:
        return False
    last = words[-1].lower()
    # "... workers covered": people, then what was done to them (a past participle), are counted;
    # other things so followed ("ratifications registered") are asked for by name.
    if len(words) >= 2 and re.fullmatch(r"[a-z]{3,}ed", last):
        last = words[-2].lower()  # "... workers covered": people, then what was done to them
        if not (re.fullmatch(_PEOPLE, last) or re.fullmatch(_PEOPLE_SUFFIX, last)):
            return False  # "c102 ratifications registered 2024": which ones, not how many
    if _TYPE_HEADS.fullmatch(last) or not re.fullmatch(_PEOPLE, last) and relation_noun(last):
        return False
    if last == words[-1].lower() and _GROUPS.fullmatch(last) and _SCHEME_KIND.search(" ".join(words[:-1])):
        return False  # "egypt health insurance scheme refugees": the scheme for that group is asked
    return bool(re.fullmatch(_PEOPLE, last) or re.fullmatch(_PEOPLE_SUFFIX, last) or re.fullmatch(_AUDIENCE, last))


# Groups a scheme is for ("refugees", "informal workers"), as against the role nouns a figure counts
# ("beneficiaries", "recipients", "participants", "persons").  A keyword query naming a kind of scheme
# and ending on such a group asks for the scheme: "kenya nssf relaunched scheme refugees".
_GROUPS = re.compile(r"refugees|migrants|workers|women|men|mothers|children|girls|boys|youths?|farmers|families|"
                     r"households|pensioners|retirees|employees|employers|enterprises|seekers")
_SCHEME_KIND = re.compile(r"\b(?:schemes?|systems?|programmes?|programs?|pilots?)\b", re.I)

_COUNTED = re.compile(r"\b(?:how many|number of)\s+(?:[\w'’-]+\s+){0,2}?([A-Za-z][\w'’-]*s)\b", re.I)


def beside_counted(text: str, start: int, end: int, question: str) -> bool:
    """Is the figure at text[start:end] written right before the noun the question counts ("how
    many entries" / "approximately 490 entries")?  That pairing is strong evidence on its own, even
    when the rest of the sentence shares few words with the question."""
    from app.qa.multihop.chains import same_root, _root

    m = _COUNTED.search(question)
    if m is None:
        return False
    after = re.findall(r"[A-Za-z][\w'’-]*", text[end:end + 40])[:2]
    return any(same_root(_root(w), _root(m.group(1))) for w in after)


def typed_figure(text: str, start: int, end: int, question: str) -> bool:
    """Is the figure at text[start:end] of the very kind the question asks ("how many times" /
    "twice", "from what age" / "above 70 years of age")?  Such a pairing is evidence on its own."""
    seg = text[start:end].lower()
    if _TIMES_ASKED.search(question):
        return seg in TIMES or bool(re.match(r"\s+times\b", text[end:], re.I))
    if _AGE_ASKED.search(question):
        return bool(re.match(r"\s*(?:-\s*)?years?\b", text[end:], re.I)) and \
            bool(re.search(r"\b(?:age|aged|above|over|older)\b", text[max(0, start - 30):end + 20], re.I))
    return False


def prefer_per_period(good: list, results: list, question: str, text_of) -> list:
    """A rate asked per period ("OPT disability allowance monthly amount"): when the best sentence
    writes no amount per that period (it gives the programme's total, "€67 million secured ..."), a
    sentence of the same paragraph that does ("... each of whom received US$70 per month") comes
    first.  ``text_of(result)`` is a result's sentence; other orders are unchanged."""
    period = PERIOD_ASKED.search(question)
    if period is None or not good:
        return good
    unit = period_unit(period)

    def per(r) -> bool:
        text = text_of(r)
        return any(s.kind == "money" and per_period(text, s, unit) < 0 for s in spans(text))
    if per(good[0]):
        return good
    nearby = next((r for r in results if r.passage_id == good[0].passage_id and r is not good[0] and per(r)), None)
    return good if nearby is None else [nearby] + [r for r in good if r is not nearby]
