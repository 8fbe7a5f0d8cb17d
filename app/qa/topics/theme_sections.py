"""A thematic section of the report as its own answer to "where did the ILO work on <theme>?".

Reports of this kind give each thematic area a section ("Digital transformation of social
protection systems", "Social protection in climate change and humanitarian crisis contexts") that
closes with one short item per country: "In Moldova, the ILO supported ...", "In Tajikistan, ...".
Those items often do not repeat the theme's words ("In Cyprus, the ILO has supported the fiscal
sustainability of the Health Insurance Organization" sits under social *health protection*; "In
Lebanon, ... the National Disability Allowance" under humanitarian crisis contexts), so ranking
sentences by the question's words finds one or two of them and misses the rest.  When the
question asks about a section's whole theme, the section's country items are the answer.

Matching is on rare words only (``MIN_TITLE_IDF``; "social protection" is in every title):

* the question writes a rare word of every part of the title, in any derivation
  ("digitalisation" for "Digital transformation"; "climate change and humanitarian crisis
  contexts" needs both parts: a question on climate alone asks for the items on climate, which
  the section does not sort out);
* each further rare word of the question is the theme's own, written by most of the section's
  items ("insurance" under social health protection).  Any other word narrows the theme ("health
  insurance actuarial valuation", "... for refugees"): the section is then no answer, and the
  sentence ranking (:mod:`app.qa.topics.topic_coverage`) answers as before.

Nothing here knows a title: sections, titles and items are read from the parsed report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.qa.topics.topic_coverage import _long_forms, holds
from app.qa.units import terms
from graph import countries

MIN_TITLE_IDF = 2.3  # 'social' (1.2), 'protection' (1.3), 'systems' (2.27) are frame; 'health' (2.32), 'financing' (2.5) themes
MIN_EXTRA_IDF = 2.3  # a question word rarer than this narrows the theme (as topic_coverage's secondary words)
TYPICAL_SHARE = 0.5  # a further word most of a section's items write is the theme's own
MIN_ITEMS = 2  # a section with fewer country items is no list of countries

# Words about the report's layout, not a theme ("according to the climate section", "in the write-ups")
_LAYOUT = frozenset(terms("section sections chapter chapters part parts write-ups write-up writeup overview summary "
                          "mapping map country-level level thematic theme themes topic topics area areas "
                          "highlight highlights highlighted item items example examples bullet bullets "
                          "among amongst "  # "listed among the ... highlights": a preposition
                          "setting settings situation situations circumstances "  # "in crisis settings": the theme's frame
                          # the report's own layout as a reader names it ("the report's box of results on ...",
                          # "featured in the ... section", "for my catalogue"): where the theme is written, not what
                          "box boxes report reports result results feature features featured catalogue catalog "
                          "listed mentioned"))

# Verbs of taking part ("where did the ILO contribute to / assist with / engage on <theme>"): they
# say that something was done, never which part of a theme, so they never narrow it
_DOING = frozenset(terms("assist assisted assisting contribute contributed contributing engage engaged engaging "
                         "carry carried undertake undertaken undertook do does did done doing intervene intervened "
                         "act acted active take took taken use used using"))

def _doing(word: str) -> bool:
    """A verb of taking part, in any of its stems ("contribute" / "contribut")."""
    return word in _DOING or any(same_word(word, d) for d in _DOING)


# "In Moldova, the ILO ...", "2 In **Burundi**, ...", "In the Occupied Palestinian Territory (OPT), ..."
_OPENER = re.compile(r"^\W*(?:\d{1,2}\s+)?In\s+(?:the\s+)?")


@dataclass(frozen=True)
class ThemeSection:
    title: str
    title_terms: tuple[str, ...]  # the title's rare words
    parts: tuple[tuple[str, ...], ...]  # ... per part of a title joined by "and" or a comma
    items: tuple[tuple[str, int], ...]  # (iso3, unit index) per sentence opening on a country
    examples: tuple[tuple[str, ...], ...] = ()  # ... per example clause (", including ..."): alone enough


def same_word(a: str, b: str) -> bool:
    """Two stems of one word: :func:`holds`'s derivations, or a short stem and its longer
    spelling ("cris" for crises, "crisi" for crisis)."""
    if holds({a}, {b}) or holds({b}, {a}):
        return True
    if _ND_NS(a, b) or _ND_NS(b, a):
        return True  # "extension" / "extend", "expansion" / "expand"
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and len(long_) <= 5 and long_.startswith(short)  # not "heal" for "health"


def _ND_NS(a: str, b: str) -> bool:
    """English -nd verbs and their -nsion nouns: "extend" and "extens(ion)" share all but the d / s."""
    return len(a) >= 5 and a.endswith("nd") and b.startswith(a[:-1] + "s")


# ", including those in the informal economy", ", such as ...": a clause naming an example of the
# part before it (ordinary English), up to the title's next comma
_EXAMPLE_CLAUSE = re.compile(r",\s*(?:including|especially|particularly|notably|such as|in particular)\b([^,]*)", re.I)


def _writes(have: set[str] | frozenset, word: str) -> bool:
    return word in have or any(same_word(word, t) for t in have)


def _item_country(text: str) -> str | None:
    """The country a sentence opens on ("In Moldova, ..."), or None."""
    m = _OPENER.match(text)
    if not m:
        return None
    for s, _, _, iso in countries.find_countries(text[:m.end() + 60]):
        if s == m.end():
            return iso
    return None


def theme_sections(text_step) -> list[ThemeSection]:
    """The report's thematic sections with at least ``MIN_ITEMS`` country items, read once per
    knowledge base.  A section inside a country entry or a box is no theme."""
    cached = getattr(text_step, "_theme_sections", None)
    if cached is not None:
        return cached
    units, k = text_step.units, text_step.k
    grouped: dict[tuple[str, ...], list[tuple[str, int]]] = {}
    for pid, rows in units.by_passage.items():
        p = k.passage(pid)
        if p is None or p.section_kind != "thematic" or not p.section_path:
            continue
        if any(countries.lookup(t) for t in p.section_path) or p.section_path[-1].startswith("Box "):
            continue
        key = tuple(p.section_path)
        items = grouped.setdefault(key, [])
        for i in rows:
            u = units.units[i]
            if u.kind != "sentence":
                continue
            iso = _item_country(u.text)
            if iso is not None and all(iso != have for have, _ in items):
                items.append((iso, int(i)))
    out = []
    for path, items in grouped.items():
        rare = tuple(t for t in dict.fromkeys(terms(path[-1])) if units.idf.get(t, 0.0) >= MIN_TITLE_IDF)
        if len(items) >= MIN_ITEMS and rare:
            parts = tuple(p for p in (tuple(t for t in terms(part) if t in rare)
                                      for part in re.split(r",|\band\b", path[-1])) if p)
            examples = tuple(p for p in (tuple(t for t in terms(m.group(1)) if t in rare)
                                         for m in _EXAMPLE_CLAUSE.finditer(path[-1])) if p)
            out.append(ThemeSection(path[-1], rare, parts, tuple(items), examples))
    text_step._theme_sections = out
    return out


def _unit_terms(units, i: int, long_forms: dict[str, list[str]]) -> set[str]:
    """A sentence's words, with the long form of each acronym it writes ("MIS": management
    information system), so a question's spelled-out words find the acronym."""
    have = set(units.unit_terms[i])
    for t in list(have):
        have.update(long_forms.get(t, ()))
    return have


def _spelled(have: set[str], word: str, long_forms: dict[str, list[str]]) -> bool:
    """Does a sentence write the acronym the question uses in full ("a management information
    system based on ..." for "MIS")?"""
    form = long_forms.get(word)
    return bool(form) and all(_writes(have, t) for t in form)


def answer(text_step, question: str, stop: set[str]) -> ThemeSection | None:
    """The thematic section whose whole theme the question asks about, or None when none does."""
    units = text_step.units
    names = {t for *_, surface, _ in countries.find_countries(question) for t in terms(surface)}
    asked = [t for t in dict.fromkeys(terms(question)) if t not in stop and t not in names and t not in _LAYOUT]
    scored = []
    for sec in theme_sections(text_step):
        # every part of a joined title ("climate change and humanitarian crisis contexts"): a
        # question on one part asks for the items on that part, which the section does not sort
        # ... or every rare word of a clause the title gives as its example ("Extending social
        # security to workers in all types of employment, including those in the *informal
        # economy*"): the items are the example's, so a question on it asks the whole theme
        if all(any(same_word(q, t) for q in asked for t in part) for part in sec.parts) or \
                any(all(any(same_word(q, t) for q in asked) for t in ex) for ex in sec.examples):
            held = [t for t in sec.title_terms if any(same_word(q, t) for q in asked)]
            scored.append((sum(units.idf.get(t, 0.0) for t in held), sec))
    if not scored:
        return None
    scored.sort(key=lambda s: -s[0])
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None  # two themes as close: the question's words do not choose
    sec = scored[0][1]
    # Another section's theme written in the question narrows this one, even as a word the frame
    # stop-lists ("financing strategies for universal health coverage": health financing, not all
    # of social health protection; "financing" is also a funding word, so it is not in ``asked``)
    every = [t for t in dict.fromkeys(terms(question)) if t not in names and t not in _LAYOUT]
    others = {part[0] for s in theme_sections(text_step) if s is not sec for part in s.parts}  # each part's head word
    if any(any(same_word(q, t) for t in others) and not any(same_word(q, t) for t in sec.title_terms) for q in every):
        return None
    # A further rare word must be the theme's own, written by most of its items ("insurance" under
    # social health protection); any other narrows the theme ("health insurance actuarial
    # valuation", "... for refugees") and is the sentence ranking's to answer.
    long_forms = _long_forms(text_step)
    items_write = [_unit_terms(units, i, long_forms) for _, i in sec.items]
    for q in asked:
        if units.idf.get(q, 0.0) >= MIN_EXTRA_IDF and not _doing(q) and not any(same_word(q, t) for t in sec.title_terms) \
                and sum(_writes(h, q) or _spelled(h, q, long_forms) for h in items_write) < TYPICAL_SHARE * len(items_write):
            return None
    return sec


def results(text_step, question: str, stop: set[str], exclude: set[str]):
    """The theme's country items as text results (one per country, best first in the report's
    order), with the section's title for the answer's path; None when no section fits."""
    from app.qa.textstep import Found, TextResult

    sec = answer(text_step, question, stop)
    if sec is None:
        return None
    out = []
    for iso, i in sec.items:
        eid = f"Country:{iso}"
        if eid in exclude:
            continue
        u = text_step.units.units[i]
        spans = [(u.start + s, u.start + e) for s, e, _, c in countries.find_countries(u.text) if c == iso][:1]
        out.append(TextResult(u.id, u.passage_id, 1.0, [Found("Country", eid, countries.display_name(iso), spans)]))
    return (sec.title, out) if out else None
