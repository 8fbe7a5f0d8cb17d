"""Ranking the items of a list of figures a sentence writes: "which region got the largest share",
"which meeting had the fewest attendees", "did Africa or Asia-Pacific get the larger share".

The graph aggregates rank entities by how many facts a relation holds for them ("the most
countries"); these questions rank by a figure the report writes beside each item of a list:
"The largest share (39 per cent) ... in the Arab States region, followed by global activities
(21 per cent), the Africa region (14 per cent) ...", "one to present X (123 attendees); one to
discuss Y (44 attendees) ...".  A passage's figures of the asked kind (a share, an amount, a
count of the noun the question ranks by) are its items; each item owns the words from the last
list break before its figure ("," ";" "and" "followed by" ...) to the last break before the next
figure, breaks inside a linked name ("Europe and Central Asia") aside.  The item's name is the
entity of the asked type in those words, or the named phrase itself.

Pure functions over ordinary English list syntax; no report facts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from app.qa.figures.numbers import spans
from app.qa.figures.ranking import noun_type
from app.qa.units import stem, terms
from graph.dates import MONTH_WORDS

_MOST = r"largest|biggest|highest|greatest|most|top|smallest|lowest|least|fewest"
_MORE = r"more|larger|bigger|higher|greater|fewer|smaller|less|lower"
_LOW = {"smallest", "lowest", "least", "fewest", "fewer", "smaller", "less", "lower"}
RANK_WORD = re.compile(rf"\b({_MOST}|{_MORE})\b", re.I)
_SHARE = re.compile(r"\b(shares?|portions?|slices?|fractions?|percentages?|proportions?|per ?cent|percent)\b|%", re.I)
# A mass noun counting people by what they did ("attendance", "audience", "turnout", "readership"):
# the count written beside each item ("123 attendees") answers "the highest attendance".
_MASS_COUNT = re.compile(r"(?:ance|ence|ship|out)$", re.I)
_MONEY = re.compile(r"\b(money|amount|funding|contribut\w*|us\$|usd|dollars?|euros?)\b", re.I)
# A giver ranked ("the biggest funder", "the largest provider") and what it gives, written as amounts or
# shares rather than held by the graph ("resources for new projects")
_GIVER = re.compile(r"(?:funder|donor|provider|contributor|source|financer|backer)s?$", re.I)
_GIVEN = re.compile(r"\b(?:resources|new\s+projects?|money|funding|allocations?|contributions?)\b", re.I)
# A list break: what the figure before is said of ends there, what the figure after is said of begins.
_BREAK = re.compile(r";|,|:|\band\b|\bfollowed by\b|\bwhile\b|\bwhereas\b|\bthen\b|\bplus\b|\bas well as\b", re.I)
# Nouns a graph aggregate ranks by (a count of related entities or facts), not a written figure.
_FACT_NOUNS = re.compile(r"^(result|ratification|kind|type|link|relation|mention|entr|time|year|member|"
                         r"pathfinder|project|step|area|categor)", re.I)
_OPTIONS = re.compile(r"(?:^|[,:;]\s*|\bbetween\s+|\b(?:did|does|do|was|were|is|are|has|have|had)\s+)"
                      r"(?:the\s+)?([\w$'’.-]+(?:\s+[\w$'’.-]+){0,7}?)\s+(?:or|vs\.?|versus)\s+(?:the\s+)?"
                      r"([\w$'’.-]+(?:\s+[\w$'’.-]+){0,7}?)(?=\s*(?:[-–—,:?;]|$|\s+(?:which|who|get|got|had|has|"
                      r"have|received?|share|had)\b))", re.I)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?([\w$'’.-]+(?:\s+[\w$'’.-]+){0,4}?)\s+and\s+(?:the\s+)?"
                      r"([\w$'’.-]+(?:\s+[\w$'’.-]+){0,4}?)(?=\s*(?:[-–—,:?;]|$))", re.I)
_LEAD = re.compile(r"^\s*(?:meanwhile|the|a|an|one|those|that|and|while|followed by|to|with|from|by|in|"
                   r"(?:focused|focussed|centred|centered)\s+on|to\s+(?:present|discuss|launch|review|share)|"
                   r"activities\s+implemented\s+in)\b[\s,]*", re.I)
_TRAIL = re.compile(r"\s*(?:\bheld\b.*|\bon\s+\d.*|\(.*|\bwere\b.*|\bwas\b.*|\baccounted\b.*|\bregion\b.*)$", re.I)


@dataclass
class Ask:
    low: bool  # smallest / fewest: the least item wins
    kind: str  # percent | money | count
    noun: str | None  # for a count: the stem of the noun counted ("attende", "user")
    options: list[str]  # "A or B": the phrases compared, when the question names them
    total: bool = False  # "the combined attendance of the four meetings": the items' figures added up
    counted: bool = False  # "how many meetings drew more than 40 attendees": the items over a bar counted


@dataclass
class Item:
    value: float
    figure: str  # the figure as written
    text: str  # the words the figure is said of
    start: int  # where those words start in the sentence
    end: int


# "by share", "by amount of funding", "by money committed": the figure an item is ranked by
_BY_MEASURE = re.compile(r"\bby\s+(?:the\s+|its\s+|their\s+)?(?:share|percentage|proportion|per\s*cent|"
                         r"amounts?|money|funding|value|size|contributions?|dollars|euros)\b", re.I)


def read_ask(question: str, link=None) -> Ask | None:
    """The ranking a question asks for by a written figure, or None when it ranks by something the
    graph counts ("the most countries", "more funders") or names no figure's kind.  A bar ("more
    than 40 attendees", "over 12 per cent") names the figure's kind after its number, and with
    "how many" the items over it are counted ("how many meetings drew more than 40 attendees")."""
    from app.qa.figures.thresholds import read as read_bar

    m = RANK_WORD.search(question)
    bar = read_bar(question)
    bar = bar if bar is not None and bar.end >= 0 else None
    how_many = re.search(r"\bhow\s+(?:many|much)\b", question, re.I)
    if (not m and bar is None) or (how_many and bar is None):
        return None
    if how_many and how_many.group(0).lower().endswith("much") and bar is not None and bar.end <= how_many.start():
        return None  # "Of the envelope of more than US$13.7 million, how much was allocated in 2024": the bar names what is given
    start, end = (question.rfind(bar.said.split()[0], 0, bar.end), bar.end) if bar is not None else (m.start(), m.end())
    low = bool(m) and bar is None and m.group(1).lower() in _LOW
    # (the noun ranked stands before any break: "who committed more: France or Korea" ranks no "France")
    after = re.findall(r"[A-Za-z]+", re.split(r"[:;,?]", question[end:], maxsplit=1)[0])[:3]
    noun = next((w for w in after if w.lower() not in ("of", "the", "new", "number", "amount")), None)
    if how_many and noun and re.match(r"\s*" + re.escape(noun), question[how_many.end():], re.I):
        return None  # "how many attendees had more than 40": the figure itself, not items counted
    measure = _BY_MEASURE.search(question)
    if measure and m and measure.start() > m.start():
        # "biggest funder by share of resources": the item ranked (a funder) by the figure named after "by"
        kind = "percent" if _SHARE.search(measure.group(0)) else "money"
        return Ask(low, kind, None, options(question, link), counted=bool(how_many))
    if _SHARE.search(question):
        kind = "percent"
    elif _MONEY.search(question[start:]) or _MONEY.search(question[:start][-40:]):
        kind = "money"
    elif noun and noun_type(noun) is None and not _FACT_NOUNS.match(noun) and (
            noun.lower().endswith("s") or _MASS_COUNT.search(noun)):
        kind = "count"  # "the most attendees", "more users", "the highest attendance": a count beside each item
    elif options(question, link) and not (noun and (noun_type(noun) or _FACT_NOUNS.match(noun))) \
            and not any(noun_type(w) for w in after[:2]):  # "fewer priority countries": a graph count
        kind = "any"  # "France or Korea: which committed more": the figures written beside the two decide
    elif noun and _GIVER.match(noun) and _GIVEN.search(question) and link is not None and \
            not any(l.type in ("Country", "Region") for l in link(question)):
        # "the single biggest provider of resources for new projects", "biggest funder of new projects
        # in 2024": ranked by the amounts (or shares) the report writes, no graph entity being funded
        return Ask(low, "money", None, options(question, link), counted=bool(how_many))
    else:
        return None
    if kind != "count" and noun and noun_type(noun) is not None:
        return None  # "the largest number of countries": a graph count
    return Ask(low, kind, stem(noun.lower()) if kind == "count" and noun else None, options(question, link),
               counted=bool(how_many))


# "combined", "altogether", "in total", "all together", "put together", "between them", "add up to"
_SUM_WORD = re.compile(r"\b(combined|altogether|all together|in total|in all|total|sum|put together|between them|"
                       r"add(?:ed|s)? up)\b", re.I)
_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10}


def read_sum(question: str, link=None) -> Ask | None:
    """The sum of a written list of figures a question asks for ("what was the combined attendance of
    the GTT meetings", "how many attendees did the four meetings have altogether"), or None when it
    adds nothing, or counts what the graph counts ("how many countries in total").  A share or an
    amount of named items ("the combined share of Africa and Asia-Pacific", "taken together, what
    share went to the Africa and Asia-Pacific regions") adds those items' figures only."""
    m = _SUM_WORD.search(question) or _TOGETHER.search(question)
    if RANK_WORD.search(question):
        return None
    named = summed_names(question, link) if (_SHARE.search(question) or _MONEY.search(question)) else []
    # ("what share went to the Africa and Asia-Pacific regions": one share asked of two names is their sum)
    if named and (m or re.search(r"\b(?:what|which)\s+(?:share|percentage|proportion|portion)\b", question, re.I)):
        return Ask(False, "percent" if _SHARE.search(question) else "money", None, named, True)
    if not m:
        return None
    words = [w for w in re.findall(r"[A-Za-z]+", question) if w.lower() not in _QUIET_SUM]
    if any(noun_type(w) for w in words):
        return None  # "how many countries in total": a graph count
    after = re.findall(r"[A-Za-z]+", question[m.end():])[:3]
    noun = next((w for w in after if w.lower() not in ("of", "the", "new", "number", "amount")), None)
    many = re.search(r"\bhow\s+many\s+([A-Za-z]+)", question, re.I)  # "how many attendees ... altogether"
    if many and (noun is None or m.end() >= len(question.rstrip(" ?.!")) - 1):
        noun = many.group(1)
    if _SHARE.search(question):
        kind = "percent"
    elif _MONEY.search(question):
        kind = "money"
    elif noun and not _FACT_NOUNS.match(noun):
        kind = "count"
    else:
        return None
    return Ask(False, kind, stem(noun.lower()) if kind == "count" and noun else None, [], True)


_TOGETHER = re.compile(r"\b(?:taken\s+together|together)\b", re.I)
_AND = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s(?:and|&|plus)\s+)(?:the\s+)?", re.I)


def summed_names(question: str, link=None) -> list[str]:
    """Two or more linked names of one type joined by "and" (or commas): the items whose figures are
    added ("Africa and Asia-Pacific"); [] with fewer."""
    if link is None:
        return []
    links = sorted(link(question), key=lambda l: l.start)
    for i, first in enumerate(links):
        run = [first]
        for nxt in links[i + 1:]:
            if nxt.type == first.type and _AND.fullmatch(question[run[-1].end:nxt.start]):
                run.append(nxt)
            else:
                break
        if len(run) >= 2:
            return [l.surface for l in run]
    return []


def stated_size(question: str) -> int | None:
    """"the four meetings", "all 4 meetings": how many items the question says the list has."""
    m = re.search(r"\b(?:the|all|these|those)\s+(\d+|" + "|".join(_COUNT_WORDS) + r")\s+[a-z]", question, re.I)
    if not m:
        return None
    w = m.group(1).lower()
    if w.isdigit() and re.fullmatch(r"(?:19|20)\d\d", w):
        return None  # "the 2024 new-project allocations": a year, not how many items
    return int(w) if w.isdigit() else _COUNT_WORDS[w]


_QUIET_SUM = {"number", "total", "sum"}
_TOTAL_SAID = re.compile(r"\b(?:total\w*|in all|altogether|combined|overall|sum|aggregate)\b", re.I)


def states_total(found: list[Item]) -> bool:
    """Does one of the list's items say it is the total ("totalling US$17.8 million: Ireland ...,
    Germany ...")?  Then the report states the sum, and adding the items would count it twice."""
    return any(_TOTAL_SAID.search(it.text) for it in found)


_SEPARATOR = re.compile(r"\s+(?:or|vs\.?|versus|and)\s+(?:the\s+)?", re.I)


_OPTION_TAIL = re.compile(r"(?:\s+(?:government|authorities|state))?", re.I)
_OPTION_HEAD = re.compile(r"(?:the\s+)?", re.I)


def options(question: str, link=None) -> list[str]:
    """'Did Africa or Asia-Pacific get ...', 'dashboards or country pages - which ...': the two
    phrases a question sets against each other.  Two linked names on either side of "or" / "vs"
    are the options whatever surrounds them ("ga contributions ireland vs germany which larger")."""
    if link is not None:
        links = link(question)
        for m in _SEPARATOR.finditer(question):
            if m.group(0).strip().lower().startswith("and") and not re.search(r"\bbetween\b", question[:m.start()], re.I):
                continue
            # (an article or a government noun between: "the Jordanian or the Iraqi government",
            # "the Jordanian government or the Iraqi government")
            left = [l for l in links if l.end <= m.start() and _OPTION_TAIL.fullmatch(question[l.end:m.start()])]
            right = [l for l in links if l.start >= m.end() and _OPTION_HEAD.fullmatch(question[m.end():l.start])]
            if left and right:
                return [left[0].surface, right[0].surface]
    m = _OPTIONS.search(question) or _BETWEEN.search(question)
    if not m:
        return []
    a, b = (re.sub(r"^(?:(?:which|who|what|did|does|do|was|were|is|are|has|have|had)\s+)+(?:the\s+)?", "", x.strip(),
                                flags=re.I) for x in m.groups())
    a, b = (re.sub(r"^(?:the\s+)?one\s+(?:on|about|for|to|with|focused on|that)\s+(?:the\s+)?", "", x, flags=re.I)
            for x in (a, b))
    opening = re.compile(r"^(?:more|fewer|less)\s+(?=\w)", re.I)
    if opening.match(a) and opening.match(b):  # "did more older persons or more persons with disabilities ...":
        a, b = opening.sub("", a), opening.sub("", b)  # each option names its item after the rank word
    a, b = (_after_ranking(x) for x in (a, b))
    if not a or not b:
        return []
    return [a, b]


_PREP = re.compile(r"\b(?:at|in|on|by|from|for|with|to|into|within)\s+(?:the\s+)?", re.I)


def _after_ranking(option: str) -> str | None:
    """"more GTT staff based at ILO headquarters" -> "ILO headquarters": an option that holds the
    ranking words names its item after its last preposition; "in regional teams" -> "regional teams"."""
    if RANK_WORD.search(option):
        cuts = list(_PREP.finditer(option))
        if not cuts or RANK_WORD.search(option[cuts[-1].end():]):
            return None
        option = option[cuts[-1].end():]
    return re.sub(r"^(?:at|in|on|by|from|for|with|to|into|within)\s+(?:the\s+)?", "", option.strip(), flags=re.I) or None


def table_rows(cells, ask: Ask, question: str):
    """Two rows of one table the question names as its options, compared in the column it names
    (or the table's Total column): (labels, values, column, cells) or None."""
    by_table: dict[str, list] = {}
    for c in cells:
        if c.unit != "marked":
            by_table.setdefault(c.table, []).append(c)
    q_rest = set(terms(question))
    for o in ask.options:
        q_rest -= set(terms(o))
    for table, cs in by_table.items():
        rows = list(dict.fromkeys(c.row for c in cs))
        picks = []
        for o in ask.options:
            words = set(terms(o))
            share = [len(words & set(terms(r))) / len(words) if words else 0 for r in rows]
            best = max(share) if share else 0
            tied = [r for r, x in zip(rows, share) if x == best]
            if best >= 0.5 and len(tied) > 1:
                # "health protection" under several parent rows ("Effective coverage > Health
                # protection", "Increased adequacy ... > Health protection"): the question's other
                # words ("the bigger adequacy impact") name the parent
                fit = [len(q_rest & set(terms(r))) for r in tied]
                tied = [tied[fit.index(max(fit))]] if max(fit) > 0 and fit.count(max(fit)) == 1 else tied
            picks.append(tied[0] if best >= 0.5 and len(tied) == 1 else None)
        if None in picks or picks[0] == picks[1]:
            continue
        cols = list(dict.fromkeys(c.col for c in cs))
        named = [c for c in cols if set(terms(c)) and set(terms(c)) <= q_rest]
        col = named[0] if len(named) == 1 else next((c for c in cols if c.strip().lower() == "total"),
                                                    cols[0] if len(cols) == 1 else None)
        if col is None:
            continue
        got = [next((c for c in cs if c.row == r and c.col == col), None) for r in picks]
        if None in got:
            continue
        return picks, [c.value for c in got], col, got
    return None


def items(sentence: str, ask: Ask, protected: list[tuple[int, int]]) -> list[Item]:
    """The figures of ``sentence`` of the asked kind, each with the words it is said of.
    ``protected``: spans (linked names) whose own "and" is no list break."""
    figs = [s for s in spans(sentence) if s.kind == ("plain" if ask.kind == "count" else ask.kind)]
    if _RESPECTIVELY.search(sentence):
        return _respective(sentence, figs, protected)
    if ask.kind == "count":
        nouns = [_noun_after(sentence, s.end) for s in figs]
        noun = ask.noun if ask.noun in nouns else None
        if noun is None and len(nouns) >= 2 and len(set(nouns)) == 1 and nouns[0] and noun_type(nouns[0]) is None:
            noun = nouns[0]  # "the most participants" of a list counting attendees: one noun counts every item
        counted = [s for s, n in zip(figs, nouns) if n == noun and noun]
        if len(counted) < 2 and ask.options:
            # two named options with no counted noun in common: the figures each option's own words
            # follow ("15,000 individuals with severe disabilities and 18,000 older persons")
            after = [set(terms(" ".join(sentence[s.end:].split()[:5]))) for s in figs]
            counted = [s for s, w in zip(figs, after)
                       if any(len(set(terms(o)) & w) >= max(1, len(set(terms(o))) / 2) for o in ask.options)]
        figs = counted
    if not figs:
        return []

    def last_break(lo: int, hi: int) -> int | None:
        cut = None
        for b in _BREAK.finditer(sentence, lo, hi):
            if any(p <= b.start() < q for p, q in protected):
                continue
            cut = b.end()
        return cut

    out = []
    starts = []
    for i, f in enumerate(figs):
        lo = figs[i - 1].end if i else 0
        cut = last_break(lo, f.start)
        if i == 0:
            colon = sentence.rfind(":", 0, f.start)
            cut = colon + 1 if colon >= 0 else 0
        starts.append(cut if cut is not None else f.start)
    for i, f in enumerate(figs):
        end = starts[i + 1] if i + 1 < len(figs) else len(sentence)
        out.append(Item(_bounded(sentence, f.start, f.value), f.label, sentence[starts[i]:end], starts[i], end))
    return out


# "accounted for over 10 per cent", "less than 5 per cent": the figure is a bound, the value past it
_ABOVE = re.compile(r"\b(?:over|more\s+than|above|in\s+excess\s+of|upwards\s+of)\s+(?:US\$\s*|\$\s*)?$", re.I)
_BELOW = re.compile(r"\b(?:under|less\s+than|below|fewer\s+than)\s+(?:US\$\s*|\$\s*)?$", re.I)


def _bounded(sentence: str, start: int, value: float) -> float:
    """A figure written as a bound ("over 10 per cent") is a hair past it: it clears "more than 10"
    and ranks above an exact 10, and is otherwise the number written."""
    before = sentence[max(0, start - 24):start]
    step = abs(value) * 1e-9 + 1e-9
    if _ABOVE.search(before):
        return value + step
    if _BELOW.search(before):
        return value - step
    return value


def _respective(sentence: str, figs: list, names: list[tuple[int, int]]) -> list[Item]:
    """"Ireland and Germany €1.2 million (US$1.24 million) and €20 million (US$20.7 million)
    respectively": the names written before the figures, in order, own the figures in order.  A
    figure restated in brackets in another currency is one item; the values compared are in the
    one currency every item is written in (US dollars when each has them)."""
    groups: list[list] = []
    for f in figs:
        if groups and re.fullmatch(r"\s*\(\s*", sentence[groups[-1][-1].end:f.start]):
            groups[-1].append(f)  # "€1.2 million (US$1.24 million)"
        else:
            groups.append([f])
    end = _RESPECTIVELY.search(sentence).start()
    groups = [g for g in groups if g[0].start < end]
    before = [n for n in names if n[1] <= (groups[0][0].start if groups else 0)]
    if len(groups) < 2 or len(before) < len(groups):
        return []
    before = before[-len(groups):]
    shared = set.intersection(*({f.currency for f in g} for g in groups))
    cur = "USD" if "USD" in shared else (next(iter(shared)) if len(shared) == 1 else None)
    out = []
    for (a, b), g in zip(before, groups):
        f = next((f for f in g if f.currency == cur), g[0]) if cur is not None else g[0]
        if cur is None and len(groups[0]) + len(g) > 2:
            return []  # amounts in different currencies with nothing to convert them by
        out.append(Item(f.value, f.label, sentence[a:b], a, b))
    return out


_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


def _noun_after(sentence: str, end: int) -> str | None:
    w = re.match(r"\s*([A-Za-z]+)", sentence[end:end + 30])
    return stem(w.group(1).lower()) if w else None


def phrase(text: str) -> str:
    """The name an item's words give it: a capitalised name if they hold one ("the ILO Informality
    Dashboard"), else the words with the list's lead-in and the figure's trailing clauses off."""
    caps = re.findall(r"\b[A-Z][\w-]*(?:\s+(?:of|for|and|the|on)?\s*[A-Z][\w-]*)+", text)
    caps = [c for c in caps if len(c.split()) >= 2 and not re.match(r"(?:The|One|Meanwhile)\b", c)]
    if caps:
        return max(caps, key=len)
    t = text
    for _ in range(4):
        t2 = _LEAD.sub("", t)
        if t2 == t:
            break
        t = t2
    return _TRAIL.sub("", t).strip(" ,.;")


def rank(found: list[Item], low: bool) -> list[int]:
    """Indices of the items, best first (ties keep the written order)."""
    return sorted(range(len(found)), key=lambda i: (found[i].value if low else -found[i].value, i))


_TYPE_WORDS = (("Region", re.compile(r"\bregion(?:s|al)?\b", re.I)),
               ("Country", re.compile(r"\bcountr(?:y|ies)\b", re.I)),
               ("Organization", re.compile(r"\b(funders?|donors?|partners?|sources?|organi[sz]ations?|agenc(?:y|ies))\b",
                                           re.I)),
               # "who provided the largest share": a body (a country's government is one)
               ("Organization", re.compile(r"^\W*who\b", re.I)))
MIN_OVERLAP = 0.4  # share of the question's distinguishing words (idf-weighted) the passage's best sentence holds


@dataclass
class Ranked:
    passage_id: str
    items: list[Item]
    names: list[str]  # each item's name (an entity label or its phrase)
    ids: list[str | None]  # each item's entity id of the asked type, when it has one
    order: list[int]  # the items' indices, best first
    compared: bool  # two named options were compared
    item_passages: list[str] | None = None  # each item's passage, when the list runs over several

    def passage_of(self, i: int) -> str:
        """The passage that writes item ``i``'s figure."""
        return self.item_passages[i] if self.item_passages else self.passage_id


def asked_item_type(question: str, ask: Ask) -> str | None:
    """What the ranked items are: a region, a country, an organisation, or anything named."""
    for t, rx in _TYPE_WORDS:
        m = rx.search(question)
        if m and not (ask.kind == "count" and ask.noun and stem(m.group(0).lower()) == ask.noun):
            return t
    return None


def _subsection(section: str) -> str:
    """A section path up to its second level: a box or sub-heading set inside a subsection ("3.4
    Resource mobilization > Box 4: ...") interrupts that subsection's running text, it does not
    end it."""
    return " > ".join(section.split(" > ")[:2])



def _wider_passages(order, scores, floor: float, most: int, units) -> list[str]:
    """The passages of the best-scored units, in rank order, down to ``floor`` and at most ``most``
    of them: the paragraphs around the best one, where a figure or an option may sit apart."""
    wider: list[str] = []
    for ui in order[:60]:
        pid = units.units[int(ui)].passage_id
        if scores[ui] < floor or len(wider) >= most:
            break
        if pid not in wider:
            wider.append(pid)
    return wider

# A list that goes on from a larger item said before it ("... represented the next largest share
# (20 per cent)"): the words after "next" name the top item's phrase ("the largest share ...").
_CONTINUES = re.compile(r"\bnext[\s-]+(?P<rank>(?:largest|biggest|highest|greatest)\s+[a-z]+)\b", re.I)


def _with_larger_before(got: Ranked | None, pid: str, question: str, ask: Ask, want, units, passage_text, link,
                        label, section_of, wider: list[str], q_terms: list[str] | None = None) -> Ranked | None:
    """The ranking of ``pid``'s list (``got``, None when it ranks nothing alone), or of it with the
    paragraph of its subsection that states the top item, when the list says it goes on from one
    ("the RBSA represented the next largest share (20 per cent)" after "The largest share of
    resources ... were provided by the European Union (53 per cent)")."""
    said = _CONTINUES.search(passage_text(pid) or "") if section_of is not None else None
    if said is None:
        return got
    home = _subsection(section_of(pid) or "")
    top = re.compile(r"(?<!next\s)\b" + re.escape(said.group("rank")).replace(r"\ ", r"\s+") + r"\b", re.I)
    # the stating paragraph among the question's best passages first, else anywhere in the
    # subsection: a question worded by the list's other words ("biggest funder of new projects")
    # may rank the top item's paragraph below the passages it draws
    # (one found outside them must still be about the question: its paragraph writes as much of it as a
    # ranked passage must, so "largest new contribution global accelerator 2024 donor" does not join
    # the new-projects list with its top)
    whole_scores = units.lexical_in_paragraph(q_terms) if q_terms else None
    rest = [p for p in dict.fromkeys(u.passage_id for u in units.units) if p not in wider and whole_scores is not None
            and float(whole_scores[units.by_passage[p][0]]) >= MIN_OVERLAP]
    before = [p for p in dict.fromkeys([*wider, *rest]) if p != pid and _subsection(section_of(p) or "") == home
              and top.search(passage_text(p) or "")]
    whole = None
    for first in before if home else []:
        # (the first stating paragraph may state another list's top: "the largest share (39 per
        # cent) ... supported activities in the Arab States" beside the partners' list)
        whole = _rank_or_shares((first, pid), question, ask, want, units, passage_text, link, label)
        if whole is not None:
            break
    return whole if whole is not None and (got is None or len(whole.items) > len(got.items)) else got


def best_ranking(question: str, ask: Ask, units, passage_text, link, label, top_passages: int = 6,
                 section_of=None) -> Ranked | None:
    """Find the passage whose list of figures the question ranks and rank it.

    ``units``: the :class:`app.qa.units.UnitIndex`; ``passage_text(pid)``; ``link(text)`` -> the
    lexicon's links (start, end, ids); ``label(eid)`` -> an entity's label; ``section_of(pid)`` ->
    the passage's section path.  When no one passage holds the list, a list written over the
    paragraphs of one subsection ("The largest share ... the EU (53 per cent) ... [a box] ...
    Meanwhile, the RBSA represented the next largest share (20 per cent) ...") is ranked whole: the
    question's best passages in the best one's subsection, their items together."""
    # the linked names as the report writes them ("the Irish" -> Ireland) join the question's words
    named = [label(l.ids[0]) for l in link(question) if not set(terms(l.surface)) & set(terms(label(l.ids[0])))]
    from app.qa.figures.thresholds import read as read_bar

    bar = read_bar(question)  # "more than 40": the bar's number is the question's, no word of the list
    bar_terms = set(terms(bar.said)) if bar is not None else set()
    q_terms = [t for t in terms(question + " " + " ".join(named)) if not RANK_WORD.fullmatch(t) and t not in _QUIET
               and t not in bar_terms
               and t in units.idf and not (ask.kind == "count" and t in _PEOPLE)]  # a word the report never writes ("actually", "spent") finds no passage: not counted against one
    if not q_terms:
        return None
    scores = units.lexical_in_context(q_terms)  # "GTT ... meetings": the list's sentence and the one before it
    own = [t for t in q_terms if t in set(terms(question))]
    if named and own and len(own) < len(q_terms):
        # (a name's long form, "UN Global Accelerator on Jobs and Social Protection for Just
        # Transitions" for the "GA" of "M-GA", dilutes a sentence that writes the short one: each
        # passage is scored by the question's own words too, and keeps the better score)
        scores = np.maximum(scores, units.lexical_in_context(own))
    order = scores.argsort()[::-1]
    want = asked_item_type(question, ask)
    # an initiative the question names is what the list is about ("... to the Global Accelerator")
    topics = {i for l in link(question) if l.type == "Initiative" for i in l.ids}
    seen: list[str] = []
    floor = MIN_OVERLAP * (0.6 if ask.options else 1.0)  # two named options must both be found: a sure check
    for ui in order[:60]:
        if scores[ui] < floor:
            break
        pid = units.units[int(ui)].passage_id
        if pid in seen:
            continue
        seen.append(pid)
        if len(seen) > top_passages:
            break
        # ("top 3 regions by new-project money": a list of the money's shares ranks the items as the
        # amounts would; two named options are compared by one kind of figure)
        got = _rank_or_shares(pid, question, ask, want, units, passage_text, link, label, shares=not ask.options)
        got = _with_larger_before(got, pid, question, ask, want, units, passage_text, link, label, section_of,
                                  _wider_passages(order, scores, floor, 2 * top_passages, units), q_terms)
        if got is not None and not _about_named(got, topics, passage_text, link):
            continue  # ("largest new contribution global accelerator 2024 donor": not the new-projects list)
        if got is not None:
            return got
    if not ask.options and not _counts_things(question):
        # (the question's own words: a label's long form, "UN Global Accelerator on Jobs and Social
        # Protection for Just Transitions" for "M-GA", is written once in the report, not in its paragraphs)
        own = [t for t in q_terms if t in set(terms(question))]
        got = _by_paragraph(question, ask, want, own, units, passage_text, link, label, floor, top_passages)
        if got is not None:
            return got
    named_options = _option_ids(ask.options, link) if ask.options else None
    if section_of is not None and named_options and len(seen) > 1 and ask.kind != "any":
        # "did the EU or the RBSA provide the bigger share": two named options whose figures the
        # report writes in two paragraphs of one subsection ("the European Union (53 per cent)" ...
        # "the RBSA represented the next largest share (20 per cent)")
        wider = _wider_passages(order, scores, floor, 2 * top_passages, units)
        held = {}
        for p in wider:
            ids_here = set().union(*_collect([p], ask, None, units, link)[2] or [set()])
            for o in named_options:
                if o & ids_here:
                    held.setdefault(p, set()).update(o & ids_here)
        if held:
            home = _subsection(section_of(next(iter(held))) or "")
            group = tuple(p for p in held if _subsection(section_of(p) or "") == home)
            if home and len(group) > 1 and all(any(o & held[p] for p in group) for o in named_options):
                got = _rank_passage(group, question, ask, want, units, passage_text, link, label)
                if got is not None:
                    return got
    if section_of is not None and want and len(seen) > 1 and not ask.options and ask.kind != "any":
        # the passages writing a figure of the asked kind beside a name of the asked type
        # a list over paragraphs: its later paragraphs may rank a little lower
        wider = _wider_passages(order, scores, floor, 2 * top_passages, units)
        held = [p for p in wider if any(_collect([p], ask, want, units, link)[1])]
        home = _subsection(section_of(held[0]) or "") if held else ""
        group = tuple(p for p in held if _subsection(section_of(p) or "") == home)
        if home and len(group) > 1:
            return _rank_passage(group, question, ask, want, units, passage_text, link, label)
    return None


PARAGRAPH_SHARE = 0.75  # of the sentence floor, for a whole paragraph's words
PARAGRAPH_PASSAGES = 4  # times the passages a sentence search reads


def _rank_or_shares(pid, question: str, ask: Ask, want, units, passage_text, link, label,
                    shares: bool = True) -> Ranked | None:
    """The passage's (or passages') list ranked by the asked kind of figure; for money, when no amounts
    rank it, by the shares it writes instead (the shares rank the items as the amounts would)."""
    got = _rank_passage(pid, question, ask, want, units, passage_text, link, label)
    if got is None and ask.kind == "money" and shares:
        got = _rank_passage(pid, question, Ask(ask.low, "percent", None, ask.options), want, units,
                            passage_text, link, label)
    return got


def _counts_things(question: str) -> bool:
    """Does the ranking word stand before a kind of thing the graph counts ("donor funding the most
    flagship countries")?  Then the graph counts it; no paragraph's figures rank it."""
    m = RANK_WORD.search(question)
    return bool(m) and any(noun_type(w) for w in re.findall(r"[A-Za-z]+", question[m.end():])[:3])


def _about_named(got: Ranked, topics: set[str], passage_text, link) -> bool:
    """Does a passage of the ranked list name an initiative the question names (always, when it
    names none)?  A list of the same kind about other money does not answer it."""
    if not topics:
        return True
    pids = dict.fromkeys([got.passage_id, *(got.item_passages or [])])
    return any(topics & {i for l in link(passage_text(p) or "") for i in l.ids} for p in pids)


def _by_paragraph(question: str, ask: Ask, want, q_terms, units, passage_text, link, label, floor: float,
                  top_passages: int) -> Ranked | None:
    """The list of the best passages scored whole, when no sentence with its neighbour holds
    enough of the question: "which donor put in the largest amount [to the Global Accelerator]"
    is answered by "... contributions from Ireland and Germany €1.2 million (...) and €20
    million (...) respectively", a sentence of the paragraph that names the Accelerator first.
    Only a list of named items of the asked type: no figure of a passage ranks by its words alone."""
    if want is None:
        return None
    scores = units.lexical_in_paragraph(q_terms)
    seen: list[str] = []
    # (a paragraph writes more of the question's words than any one sentence, yet a long question's
    # asker words ("thinking about where the big money came from") still dilute it: a lower share,
    # more passages, and only a list of the asked type passes)
    for ui in scores.argsort()[::-1][:400]:
        if scores[ui] < PARAGRAPH_SHARE * floor:
            break
        pid = units.units[int(ui)].passage_id
        if pid in seen:
            continue
        seen.append(pid)
        if len(seen) > PARAGRAPH_PASSAGES * top_passages:
            break
        got = _rank_or_shares(pid, question, ask, want, units, passage_text, link, label)
        if got is not None:
            return got
    return None


def _collect(pids, ask: Ask, want: str | None, units, link):
    """The figure items of the passages' sentences: (items, each one's entity id of the asked type
    or None, each one's linked ids, each one's passage)."""
    found: list[Item] = []
    ids: list[str | None] = []
    all_ids: list[set[str]] = []
    where: list[str] = []
    for ui in (ui for p in pids for ui in units.by_passage.get(p, [])):
        u = units.units[ui]
        if u.kind != "sentence":
            continue
        links = link(u.text)
        its = items(u.text, ask, [(l.start, l.end) for l in links])
        for it in its:
            inside = [l for l in links if l.start >= it.start and l.end <= it.end]
            got = {i for l in inside for i in l.ids}
            all_ids.append(got)
            typed = [i for l in inside for i in l.ids if i.split(":", 1)[0] == want] if want else []
            ids.append(typed[0] if len(set(typed)) == 1 else None)
            found.append(it)
            where.append(u.passage_id)
    return found, ids, all_ids, where


# "how many people attended ...": people counted under any name ("attendees", "participants"); the
# word finds every passage about people rather than the list the question is about.
_PEOPLE = set(terms("people persons person individuals participants attendees"))
_QUIET = set(terms("which what who how many much share per cent percent number did does get got had has have receive received "
                   "report according"))


def _rank_passage(pid, question, ask, want, units, passage_text, link, label) -> Ranked | None:
    if ask.kind == "any":
        for kind in ("money", "percent", "count"):
            got = _rank_passage(pid, question, Ask(ask.low, kind, None, ask.options), want, units, passage_text,
                                link, label)
            if got is not None:
                return got
        return None
    pids = [pid] if isinstance(pid, str) else list(pid)  # several: one list over a subsection's paragraphs
    text = " ".join(passage_text(p) or "" for p in pids).strip()
    if not text:
        return None
    found, ids, all_ids, where = _collect(pids, ask, want, units, link)
    if len(found) < 2:
        return None

    def ids_of(s: str) -> set[str]:
        return {i for l in link(s) for i in l.ids}

    if ask.options:
        rest = question
        for o in ask.options:
            rest = rest.replace(o, " ")
        rest_terms = {t for t in terms(rest) if not RANK_WORD.fullmatch(t) and t not in _QUIET}
        if rest_terms and len(rest_terms & set(terms(text))) < 0.5 * len(rest_terms):
            return None  # the options are found, but the passage is not about what the question compares them by
        picks = [_option_index(o, found, all_ids, ids_of) for o in ask.options]
        if None in picks or picks[0] == picks[1]:
            return None
        pair = [found[i] for i in picks]
        whole = [_named_whole(o, link) for o in ask.options]
        for k in (0, 1):  # "activities in Africa or in Asia and the Pacific": the names are what is contrasted
            if whole[k] is None and whole[1 - k] is not None:
                whole[k] = _placing_name(ask.options[k], link, whole[1 - k].split(":", 1)[0])
        names = [label(w) if w else o for o, w in zip(ask.options, whole)]
        order = rank(pair, ask.low)
        return Ranked(pids[0], pair, names, [w or ids[i] for w, i in zip(whole, picks)], order, True,
                      [where[i] for i in picks] if len(pids) > 1 else None)
    keep = [i for i in range(len(found)) if ids[i]] if want else list(range(len(found)))
    if len(keep) < (2 if want else 3):
        return None
    if want and len(keep) < len(found) / 2:
        return None  # most of the list is of another kind: not the list asked about
    kept = [found[i] for i in keep]
    if len(pids) > 1:
        # a list gathered over paragraphs keeps only the named items: it ranks from the top, and only
        # when every item left out is below every item kept
        left = [found[i].value for i in range(len(found)) if i not in keep]
        if ask.low or (left and max(left) >= min(it.value for it in kept)):
            return None
    names = [label(ids[i]) if ids[i] else phrase(found[i].text) for i in keep]
    return Ranked(pids[0], kept, names, [ids[i] for i in keep], rank(kept, ask.low), False,
                  [where[i] for i in keep] if len(pids) > 1 else None)


def _option_index(option: str, found: list[Item], all_ids: list[set[str]], ids_of) -> int | None:
    want = ids_of(option)
    if want:
        hits = [i for i in range(len(found)) if want & all_ids[i]]
        return hits[0] if len(hits) == 1 else None
    words = set(terms(option))  # an unnamed option: the item writing most of its words ("the financing gap meeting")
    if not words:
        return None
    share = [len(words & set(terms(it.text))) / len(words) for it in found]
    best = max(share)
    return share.index(best) if best >= 0.5 and share.count(best) == 1 else None


def _named_whole(option: str, link) -> str | None:
    """The entity the option names when it is one linked name ("Asia-Pacific", "the Irish"), not a
    phrase that holds one ("the Africa ... meeting")."""
    links = link(option)
    if len(links) != 1 or links[0].end - links[0].start < 0.6 * len(option.strip()):
        return None
    return links[0].ids[0]


_CLOSING_PREP = re.compile(r"\b(?:in|at|from|for|of|across|within)\s+(?:the\s+)?$", re.I)


def _placing_name(option: str, link, kind: str) -> str | None:
    """The name that closes an option after a preposition ("activities in Africa"), when it is of the
    kind the other option names whole ("Asia and the Pacific"): set against a bare name, the option's
    noun is the compared thing both share, and the name is what tells the two apart."""
    links = link(option)
    if len(links) != 1 or option[links[0].end:].strip(" ?.,") or not _CLOSING_PREP.search(option[:links[0].start]):
        return None
    eid = links[0].ids[0]
    return eid if eid.split(":", 1)[0] == kind else None


def _option_ids(options: list[str], link) -> list[set[str]] | None:
    """Each option's linked ids, when both options are names (one link covering most of the option)."""
    out = []
    for o in options:
        links = link(o)
        if len(links) != 1 or links[0].end - links[0].start < 0.6 * len(o.strip()):
            return None
        out.append(set(links[0].ids))
    return out


_MONTHS = MONTH_WORDS


def items_dated_as(got: "Ranked", question: str, size: int) -> "Ranked | None":
    """"the two meetings held in September and November": of a list of more items than the question
    counts, the ones its words date by the months the question names, when exactly that many are."""
    months = [mo for mo in _MONTHS if re.search(rf"\b{mo}\b", question, re.I)]
    if len(months) < 2:
        return None
    keep = [i for i, it in enumerate(got.items) if any(re.search(rf"\b{mo}\b", it.text, re.I) for mo in months)]
    if len(keep) != size:
        return None
    return Ranked(got.passage_id, [got.items[i] for i in keep], [got.names[i] for i in keep],
                  [got.ids[i] for i in keep], list(range(len(keep))), got.compared,
                  [got.item_passages[i] for i in keep] if got.item_passages else None)


def items_named(got: "Ranked", names: list[str], terms, linked) -> "Ranked | None":
    """Of a written list, the items the question names ("Africa and Asia-Pacific"), one per name: an
    item whose entity a name links, or whose name holds all of the name's words; None unless every
    name finds exactly one item."""
    keep: list[int] = []
    for name in names:
        ids, words = linked(name), terms(name)
        hits = [i for i, (n, e) in enumerate(zip(got.names, got.ids))
                if (e and e in ids) or (words and words <= terms(n)) or (ids & linked(n))]
        if len(hits) != 1 or hits[0] in keep:
            return None
        keep.append(hits[0])
    return Ranked(got.passage_id, [got.items[i] for i in keep], [got.names[i] for i in keep],
                  [got.ids[i] for i in keep], list(range(len(keep))), got.compared,
                  [got.item_passages[i] for i in keep] if got.item_passages else None)
