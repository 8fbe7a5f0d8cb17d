"""Numbers in the running text, with what they count, their unit and the thing they describe.

Three shapes of figure are read from each sentence of paragraphs and list items (table cells are
``tables``' job):

* amounts of money: a currency sign or code before the number ("US$40", "€67 million",
  "USD 1.3 million") or a currency word after it ("40 US dollars") -> unit USD/EUR/GBP/CHF ...;
* shares: "93 per cent", "40 percent", "10%" -> unit ``per cent``;
* counts: a number followed, within a few words, by a plural noun ("27,000 persons with
  disabilities", "4 million workers", "40 participants") -> unit ``persons`` for people (a noun of
  people, or one with a people-like ending: herders, trainees, migrants), else ``count``; the noun
  phrase is what it counts.

What a figure is *about* is the most specific thing the sentence names: a scheme or a national
law/strategy known to the graph (nearest before the number, else after), else the country the
sentence is about (the entry's country, else the one country it names, not as a donor).  Years, convention and section
numbers, ages ("aged 15 to 30"), list numbering and dates are not figures.  Each figure is a
``Quantity`` entity (value, unit, measure, year, country, the sentence) linked by ``hasQuantity``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from graph.extract import ensure_country, milestones
from graph import countries
from graph.extract.instruments import section_chain, section_iso3, sentences
from graph.extract.named import NameIndex
from graph.kb import KnowledgeBase
from graph.model import Document
from graph.vocab import slug
from graph.dates import MONTH

_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s*(?P<scale>million|billion|thousand|bn|m)\b)?"
_CURRENCY_BEFORE = r"(?P<cur>US\$|USD|US\s+dollars?|\$|€|EUR|£|GBP|CHF|SEK|NOK|DKK|JPY|CAD|AUD)\s?"
_CURRENCY_AFTER = r"\s+(?P<cur2>US dollars|dollars|euros?|Swiss francs|USD|EUR|CHF)\b"
MONEY = re.compile(r"(?<![\w.])" + _CURRENCY_BEFORE + _NUM + _SCALE + r"|(?<![\w.$€£])" + _NUM.replace("num", "num2")
                   + _SCALE.replace("scale", "scale2") + _CURRENCY_AFTER)
PERCENT = re.compile(r"(?<![\w.$€£])" + _NUM + r"\s*(?:per\s?cent|percent|%)")
_PEOPLE = (r"people|persons|workers|beneficiaries|households|individuals|participants|children|women|men|"
           r"mothers|refugees|farmers|employees|families|recipients|citizens|residents|migrants|"
           r"pensioners|retirees|students|girls|boys|youths?|adults|older persons|agents|seekers|"
           r"officials|staff|trainees|stakeholders|beneficiary households|informal workers|enterprises|"
           r"employers|persons with disabilities")
COUNT = re.compile(r"(?<![\w.$€£/-])" + _NUM + _SCALE + r"\s+(?P<what>(?:[a-z][\w'’\-]*\s+){0,3}?(?P<noun>[a-z][\w'’\-]*s|people|children|"
                   r"women|men|staff|youth)\b(?:\s+with\s+disabilities)?)")
# nouns with a people-like ending that count things
_THINGS = re.compile(r"(?:papers|cent(?:er|re)s|registers|letters|chapters|numbers|computers|orders|matters|layers|"
                     r"headquarters|partners|meters|metres|containers|servers|parameters|markers|filters|"
                     r"grants|plants|variants|tenants|assistants|lists|artists|members)$")  # members: often organisations
_NOT_BEFORE = re.compile(r"(?:No\.?|Nos\.?|Convention|Recommendation|Table|Figure|Box|SDG|indicator|aged|age|ages|"
                         r"page|paragraph|Article|Art\.|Section|Chapter|Module|Phase|Round|Level|Step|Goal|Target|"
                         r"C|R|#|version|COP|CFS|Decree|Law|Act)\s*$|(?:^|[\s(])\d[\d,.]*\s*(?:to|and|-|–)\s*$", re.I)
_MONTHS = re.compile(r"^\s*" + MONTH + r"\b")
_NOT_COUNTED = re.compile(r"^(?:years?|months?|weeks?|days?|hours?|times|per|percent|cent|th|st|nd|rd|"
                          r"and|or|to|of|in|on|at|the|a|an|is|was|were|are|has|have|which|that|million|"
                          r"billion|thousand|as|is|was|has|its|this|thus|across|towards|us|always|perhaps|"
                          r"whereas|unless|besides|includes|represents|remains|reaches|covers|means|aims|"
                          r"plus|less|various|previous|serious|numerous)$")
_UNIT_OF_CURRENCY = {"us$": "USD", "usd": "USD", "us dollar": "USD", "us dollars": "USD", "$": "USD",
                     "dollars": "USD", "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "£": "GBP",
                     "gbp": "GBP", "swiss francs": "CHF"}
_SCALES = {"million": 10**6, "m": 10**6, "billion": 10**9, "bn": 10**9, "thousand": 10**3}
_APPROX = re.compile(r"(?:around|about|approximately|some|nearly|almost|over|more than|up to|at least|an estimated|"
                     r"estimated|roughly|close to|less than|under)\s*$", re.I)


@dataclass
class Figure:
    """One number read from a sentence."""

    start: int
    end: int
    surface: str
    value: Decimal
    unit: str
    measure: str
    qualifier: str | None = None


def _value(num: str, scale: str | None) -> Decimal | None:
    try:
        v = Decimal(num.replace(",", ""))
    except InvalidOperation:
        return None
    return v * _SCALES.get((scale or "").lower(), 1)


def _currency(cur: str) -> str:
    c = re.sub(r"\s+", " ", cur.strip()).lower()
    return _UNIT_OF_CURRENCY.get(c, cur.strip().upper())


def _money_measure(sent: str, start: int, end: int) -> str:
    """What an amount is: 'a monthly allowance of around US$40' -> monthly allowance;
    'US$70 per month' -> amount per month; else 'amount'."""
    before = sent[max(0, start - 80):start]
    m = re.search(r"(?:an?|the|its|their)?\s*((?:[a-z][\w\-]*\s+){0,3}[a-z][\w\-]*)\s+of\s+(?:(?:around|about|"
                  r"approximately|some|nearly|almost|over|up to|more than|at least)\s+)?$", before)
    phrase = None
    if m:  # the noun phrase after its last article or verb: "provide an emergency top-up" -> emergency top-up
        phrase = re.split(r"\b(?:a|an|the|its|their|with|from|to|by|for|provide\w*|receiv\w*|pa(?:y|id)\w*|"
                          r"total\w*|is|was|were|are)\b", m.group(1))[-1].strip() or None
    after = sent[end:end + 40]
    per = re.match(r"\s*(?:per|a|each)\s+(month|year|person|beneficiary|household|day|week)\b", after)
    if per:
        return f"{phrase or 'amount'} per {per.group(1)}"
    return phrase or "amount"


# words that cannot be what a share measures on their own ("the previous 24.4 per cent")
_NOT_MEASURE_WORDS = {"previous", "latest", "percent", "current", "new", "second", "half", "first", "last", "its",
                      "this", "that", "only", "almost", "nearly", "about", "around", "some", "over", "just", "total"}


def _share_measure(sent: str, start: int, end: int) -> str:
    """'informal employment represents more than 93 per cent of total employment' -> informal
    employment, as share of total employment; '93 per cent of total employment' -> total employment;
    'coverage ... at around 10 per cent' -> coverage; else 'share'."""
    subj = re.search(r"\b([a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2})\s+(?:represents?|accounts? for|makes? up|constitutes?|"
                     r"covers?|reach(?:es|ed)?)\s+(?:(?:around|about|almost|nearly|over|some|more than|up to|less than|"
                     r"approximately|an estimated|only)\s+)?$", sent[max(0, start - 80):start])
    of = re.match(r"\s+of\s+((?:the\s+|all\s+)?[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,3})", sent[end:end + 60])
    if subj and of:
        whole = re.split(r"\s+(?:in|who|are|is|was|by|and|at|under|for|among|with|since|from)\b", of.group(1))[0]
        whole = re.sub(r"^(?:the|all)\s+", "", whole)
        what = re.sub(r"^(?:that|which|the|this|its)\s+", "", subj.group(1))
        return f"{what} as share of {whole}"
    before = re.search(r"\b([a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2}?)\s+(?:of|at|by|to|reached|stood at|"
                       r"remains? low,? at|increased by|decreased by|rose by|fell by)\s+(?:(?:around|about|almost|"
                       r"nearly|over|some|more than|up to|less than|approximately|an estimated)\s+)?$",
                       sent[max(0, start - 70):start])
    after = re.match(r"\s+of\s+((?:the\s+|all\s+)?[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,4})", sent[end:end + 80])
    if after:  # up to the first word that starts another phrase
        words = re.split(r"\s+(?:in|who|are|is|was|were|by|and|to|at|under|for|among|with|as|since|from|"
                         r"which|that|on)\b", after.group(1))[0]
        words = re.sub(r"^(?:the|all)\s+", "", words)
        return words
    if before:
        phrase = re.split(r"\b(?:a|an|the|its|their|with|from|to|by|for|is|was|were|are)\b", before.group(1))[-1].strip()
        if phrase and not set(phrase.split()) <= _NOT_MEASURE_WORDS and \
                not re.search(r"\b(?:it|them|they|this|that|those)\b|^\w+ing\b", phrase):  # "reducing it to"
            return phrase
    return "share"


def _skip(sent: str, start: int, num: str, has_scale: bool) -> bool:
    before = sent[max(0, start - 14):start]
    if _NOT_BEFORE.search(before):
        return True
    if not has_scale and re.fullmatch(r"(?:19|20)\d{2}", num):
        return True  # a year
    after = sent[start + len(num):start + len(num) + 12]
    if re.match(r"\s*(?:\)|\.\d|st\b|nd\b|rd\b|th\b|-\w|–)", after) or _MONTHS.match(after):
        return True  # list numbering, ordinals, dates, ranges "2024-2030"
    return False


_WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_WORD_NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90})
# "five new members", "an additional ten (10) countries": a spelled count (never "one": "one of the ...")
# before a lower-case word, with the digits the report sometimes repeats in brackets
_SPELLED = re.compile(r"(?<![\w\-])(?P<word>" + "|".join(w for w in _WORD_NUMBERS if w not in ("zero", "one"))
                      + r")(?:\s*\((?P<digits>\d+)\))?(?=\s+(?!dozen|hundred|thousand|million|billion|of\b)"
                      r"(?:new\s+|additional\s+|more\s+)?[a-z])", re.I)
# "bringing the total number of CONNECT Network members to 18": a stated total, counted noun first
TOTAL = re.compile(r"\btotal\s+(?:number|count)\s+of\s+(?P<what>[A-Za-z][\w'’\- ]{2,60}?)\s+"
                   r"(?:to|at|of|is|was|stands\s+at|reached|rose\s+to|increased\s+to)\s+" + _NUM + r"(?![\w.,]\d)")
# a count followed by the verb of joining is what joined ("ten countries joined the Accelerator")
_JOINED_AFTER = re.compile(r"\s+(joined|signed\s+up|became\s+members?)\b")


def spelled_numbers(sent: str) -> str:
    """The sentence with spelled counts as digits, padded to the same length so every offset stays
    valid ("welcomed five new members" -> "welcomed    5 new members")."""
    def sub(m: re.Match) -> str:
        digits = m.group("digits") or str(_WORD_NUMBERS[m.group("word").lower()])
        return digits.rjust(len(m.group(0)))
    return _SPELLED.sub(sub, sent)


def figures_in(sent: str) -> list[Figure]:
    """Every money amount, share and count in one sentence (pure: unit-tested on made-up text)."""
    out: list[Figure] = []
    taken: list[tuple[int, int]] = []
    original, sent = sent, spelled_numbers(sent)
    for m in TOTAL.finditer(sent):
        # the counted noun is the lower-case part ("CONNECT Network members" -> members); the name
        # before it says whose total it is, which the owner search reads from the sentence
        what = " ".join(w for w in m.group("what").split() if not w[0].isupper() and w not in ("the", "of"))
        v = _value(m.group("num"), None)
        if what and v is not None:
            taken.append((m.start("num"), m.end("num")))
            out.append(Figure(m.start("num"), m.end("num"), f'{m.group("num")} {what}', v, "count", what, "total"))

    def free(a: int, b: int) -> bool:
        return not any(a < y and x < b for x, y in taken)

    for m in MONEY.finditer(sent):
        num = m.group("num") or m.group("num2")
        scale = m.group("scale") or m.group("scale2")
        cur = m.group("cur") or m.group("cur2")
        v = _value(num, scale)
        if v is None:
            continue
        taken.append((m.start(), m.end()))
        out.append(Figure(m.start(), m.end(), m.group(0).strip(), v, _currency(cur),
                          _money_measure(sent, m.start(), m.end())))
    for m in PERCENT.finditer(sent):
        if not free(m.start(), m.end()) or _skip(sent, m.start(), m.group("num"), True):
            continue
        v = _value(m.group("num"), None)
        if v is None:
            continue
        taken.append((m.start(), m.end()))
        out.append(Figure(m.start(), m.end(), m.group(0), v, "per cent", _share_measure(sent, m.start(), m.end())))
    for m in COUNT.finditer(sent):
        if not free(m.start(), m.end()) or _skip(sent, m.start(), m.group("num"), bool(m.group("scale"))):
            continue
        what = m.group("what")
        words = what.split()
        if any(_NOT_COUNTED.match(w) for w in words[:-1]) or _NOT_COUNTED.match(m.group("noun")):
            continue
        if m.group("noun") in ("years", "months", "days", "weeks", "hours", "times", "pillars"):
            continue
        v = _value(m.group("num"), m.group("scale"))
        if v is None:
            continue
        people = re.search(r"\b(?:" + _PEOPLE + r")\b", what) or (
            re.search(r"(?:ers|ees|ants|ians|ists)$", m.group("noun")) and not _THINGS.match(m.group("noun")))
        taken.append((m.start(), m.end()))
        joined = _JOINED_AFTER.match(sent, m.end())
        if joined:
            what = f"{what} {joined.group(1).split()[0]}"
        out.append(Figure(m.start(), m.end(), " ".join(m.group(0).split()), v, "persons" if people else "count", what))
    for f in out:  # the surface is the report's own text (a spelled count's padding mapped back)
        while f.start > 0 and sent[f.start - 1] == " " and original[f.start - 1] != " ":
            f.start -= 1
        f.surface = " ".join(original[f.start:f.end].split())
        if f.qualifier == "total":
            continue
        q = _APPROX.search(sent[max(0, f.start - 20):f.start])
        f.qualifier = q.group(0).strip().lower() if q else None
    return sorted(out, key=lambda f: f.start)


# ", launched in collaboration with X,": a participial aside between a subject and its verb
_ASIDE = re.compile(r",\s+(?:[a-z]+ed|[a-z]+ing)\b[^,;.]{0,120},")


def _outside_asides(sent: str, found: list) -> list:
    """The names not inside a participial aside, when some name is outside one: "The RSPC, launched
    in collaboration with MSNAS, has since ... 265 health structures" - the figure is the RSPC's."""
    asides = [(m.start(), m.end()) for m in _ASIDE.finditer(sent)]
    outside = [x for x in found if not any(a <= x[0] and x[1] <= b for a, b in asides)]
    return outside or found


def _owner(found: list[tuple[int, int, str]], at: int) -> str | None:
    """The named scheme/law nearest before the figure, else the first one after it."""
    before = [f for f in found if f[1] <= at]
    if before:
        return before[-1][2]
    after = [f for f in found if f[0] >= at]
    return after[0][2] if after else None


def _figure_country(doc: Document, p, sent: str) -> str | None:
    """The country a sentence's figures describe: the entry's country, or, outside country
    entries, the one country the sentence names — unless it is named as a giver ("contributions
    from Ireland", "funded by X"), where the figure is the donor's money, not about the country."""
    home = section_iso3(doc, p.section_id)
    if home:
        return home  # an entry's figures are about its country, whoever else the sentence names
    found = countries.find_countries(sent)
    if len({f[3] for f in found}) != 1:
        return None
    if re.search(r"\b(?:from|by|and|of the Government of|donors?|contributions?)\s+(?:the\s+)?$",
                 sent[max(0, found[0][0] - 30):found[0][0]]):
        return None
    return found[0][3]


def _initiative_after(kb: KnowledgeBase, found: list[tuple[int, int, str]], sent: str, end: int) -> str | None:
    """An initiative named a verb after a count ("10 countries joined the X"), nothing else between."""
    after = [x for x in found if 0 <= x[0] - end <= 40 and kb.entities[x[2]].type == "Initiative"
             and re.fullmatch(r"\s+(?:[a-z]+\s+){1,2}(?:the\s+)?", sent[end:x[0]])]
    return after[0][2] if after else None


def _section_initiative(doc: Document, kb: KnowledgeBase, names: NameIndex, p) -> str | None:
    """The initiative the passage's own section is titled after (a network's section says "the
    Network" for it); only the innermost titled section, and only when its title is that name
    (with an article or a short form), so "Governance of the X Programme" does not own its figures."""
    for s in section_chain(doc, p.section_id):
        title = re.sub(r"\([^()]*\)", " ", s.title or "").strip()
        if not title:
            continue
        hits = [x for x in names.find(title, None) if kb.entities[x[2]].type == "Initiative"]
        if not hits:
            return None
        best = max(hits, key=lambda h: (h[1] - h[0], -h[0]))
        rest = re.sub(r"^(?:the|The)\s+", "", (title[:best[0]] + " " + title[best[1]:]).strip())
        return best[2] if len(rest.split()) <= 1 else None
    return None


def _fmt(v: Decimal) -> str:
    v = v.normalize()
    return format(v, "f")


def extract(doc: Document, kb: KnowledgeBase) -> None:
    names = NameIndex(kb, ("Scheme", "LegalInstrument", "Initiative", "Project"))
    for p in doc.passages:
        if p.kind not in ("paragraph", "list_item"):
            continue
        for _s0, _s1, sent in sentences(p.text):
            figs = figures_in(sent)
            if not figs:
                continue
            iso = _figure_country(doc, p, sent)
            found = names.find(sent, iso)
            section_owner = None if iso else _section_initiative(doc, kb, names, p)
            for f in figs:
                if f.unit == "per cent" and f.measure == "share":
                    continue  # a percentage whose sentence does not say of what is not a figure one can use
                # an initiative or project owns a figure only close by ("the Flagship Programme ... reached 18
                # million people"), not one a later clause of a long sentence gives about something else
                # so does a scheme the text only describes in lower case ("through a subsidized contribution
                # scheme, while ... 10,000 persons with disabilities"): a named scheme owns its sentence's figures
                near = [x for x in found if (kb.entities[x[2]].type in ("Scheme", "LegalInstrument")
                                             and not kb.entities[x[2]].attrs.get("described"))
                        or 0 <= f.start - x[1] <= 80]
                owner = _owner(_outside_asides(sent, near), f.start)
                if owner is None and iso is None:
                    # "ten countries joined the Global Accelerator": the initiative right after the
                    # count; else the initiative whose section this is ("the Network welcomed ...")
                    owner = _initiative_after(kb, found, sent, f.end) or section_owner
                if owner is None and iso is None:
                    continue
                if owner is None:
                    owner = ensure_country(kb, iso, p.id).id
                year = milestones.year_near(sent, f.start, f.end)
                label = f"{f.surface} {f.measure}" if f.unit not in ("persons", "count") else f.surface
                owner_label = kb.entities[owner].label
                key = slug(f"{owner.split(':', 1)[1]} {_fmt(f.value)} {f.unit} {f.measure}")
                q = kb.add_entity("Quantity", key, f"{label} ({owner_label})", passage=p.id,
                                  value=_fmt(f.value), unit=f.unit, measure=f.measure, year=year,
                                  country=iso, qualifier=f.qualifier, surface=f.surface,
                                  sentence=milestones.clip(sent, 600))
                kb.add_fact(owner, "hasQuantity", q.id, [p.id], year=year, sentence=milestones.clip(sent, 600))
                if iso:
                    ensure_country(kb, iso, p.id)


__all__ = ["Figure", "figures_in", "extract"]
