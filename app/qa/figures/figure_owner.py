"""Which figure of a sentence a question's distinguishing words are said of.

A sentence often lists several figures, each said of a different thing: "The largest share (39 per
cent) ... in the Arab States region, followed by global activities (21 per cent), the Africa region
(14 per cent) and the Asia-Pacific region (12 per cent)"; "one to present the Clock (38 attendees)
and one focused on climate strategies (35 attendees)"; "registered workers increasing from 50,000
to 146,000 and employers from 240 to 4,700".  Nearness to the counted noun cannot tell these
figures apart (every one is a share, every one counts attendees): what tells them apart is the
words between them.  The sentence is cut at its figures; the stretch between two figures is cut
again at its last list break (";", ",", "and", "followed by", "while" ...): the words before that
break are said of the figure before, the words after it of the figure after.  The words before the
first figure frame the whole sentence and are said of none.  Figures joined by
no break ("from 50,000 to 146,000", "€1.2 million (US$1.24 million)") form one group.  A question
word found in one group's words only points at that group.

Pure functions over ordinary English list syntax; no report facts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.qa.units import terms

# A break between the items of a list of figures; the last one in a stretch between two figures
# separates what the figure before is said of from what the figure after is said of.
_BREAK = re.compile(r";|,|\band\b|\bfollowed by\b|\bwhile\b|\bwhereas\b|\bcompared (?:with|to)\b|\bversus\b|"
                    r"\bbut\b|\bas well as\b|\bplus\b", re.I)
# Breaks by strength: a semicolon parts the items of a list more surely than a contrast, and a
# contrast ("but for low-income countries, it amounts to ...") more surely than a comma, which
# may close a phrase put before its item's clause.
_STRONG = (re.compile(r"[;:]"), re.compile(r"\b(?:but|while|whereas|followed by|compared (?:with|to)|versus)\b", re.I))
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
# "What share of the 2024 allocations for new projects went to global activities?": the words of
# what the share is of frame the whole list; the words after the verb name the item.
_MEASURED = re.compile(r"\b(?:share|proportion|percentage|portion|part|fraction)\s+of\s+(.+?)\s+"
                       r"(?:went|go(?:es)?|was|were|is|are|did|does|came|comes?|supported|supports?|allocated|"
                       r"spent|used|reached|benefit\w*|flowed|flows?)\b", re.I)
# Words a figure's unit or a list's frame is written with: they say nothing of which item is meant.
_FRAME = set(terms("per cent percent share attendees participants people persons us$ usd million billion "
                   "thousand respectively including around about nearly over more than some approximately"))


@dataclass
class Group:
    members: list[int]  # indices of the figures in the group
    words: set[str]  # the stemmed words said of it


def groups(seg: str, figures: list[tuple[int, int]], frame: set[str] | None = None) -> list[Group]:
    """Cut ``seg`` at its figures (start, end offsets, in order) and give each group of figures the
    words said of it (see the module docstring)."""
    frame = set() if frame is None else frame  # filled with the frame's words, for the caller
    if not figures:
        return []
    # The words before the first figure frame the whole sentence ("The Flagship Programme ...
    # achieving a 70% execution rate and 61% expenditure rate"): they are said of no one figure.
    # Past the frame's last list opener, the first item is named before its figure ("..., with
    # registered workers increasing from 50,000 to 146,000 and employers from ..."); a colon is no
    # opener ("Findings: The Flagship Programme ..., achieving a 70% execution rate and 61% ...").
    pre = seg[:figures[0][0]]
    lead = _cut(list(_LIST_OPENS.finditer(pre)))
    out: list[Group] = [Group([0], set(_words(pre[lead.end():])) if lead else set())]
    frame.update(_words(pre[:lead.start()] if lead else pre))
    for i in range(1, len(figures)):
        gap = seg[figures[i - 1][1]:figures[i][0]]
        breaks = list(_BREAK.finditer(gap))
        if not breaks or not re.search(r"[A-Za-z]{2,}", _BREAK.sub(" ", gap)):
            # "from 50,000 to 146,000", "€1.2 million (US$1.24 million)", "15,000 and 18,000":
            # nothing is said of either figure alone
            out[-1].members.append(i)  # "from 50,000 to 146,000", "€1.2 million (US$1.24 million)"
            out[-1].words |= set(_words(gap))
            continue
        cut = _cut(breaks)
        out[-1].words |= set(_words(gap[:cut.start()]))
        out.append(Group([i], set(_words(gap[cut.end():]))))
    out[-1].words |= set(_words(seg[figures[-1][1]:]))
    return out


# Where a list of figures opens: a semicolon, or "with" / "including" / "such as" after a
# comma ("growth ..., with registered workers increasing from ..."); a comma alone may close a
# phrase put before the first item's clause ("for low- and middle-income countries, the gap is").
_LIST_OPENS = re.compile(r";|,\s*(?:with|including|such as|namely|notably)\b", re.I)


def _cut(breaks: list[re.Match]) -> re.Match | None:
    """The last of the strongest breaks (see ``_STRONG``), else the last break."""
    for rx in _STRONG:
        strong = [b for b in breaks if rx.fullmatch(b.group(0))]
        if strong:
            return max(strong, key=lambda b: b.start())
    return max(breaks, key=lambda b: b.start()) if breaks else None


def parallel(seg: str, figures: list[tuple[int, int, str]]) -> bool:
    """Are the figures items of one list, alike in kind: all shares, all amounts, or counts of the
    same noun ("(38 attendees) and ... (35 attendees)")?  Only then do the words between them tell
    which is which; "Three prototypes were selected ... of which the first two" are not alike."""
    kinds = {k for _, _, k in figures}
    if len(kinds) != 1:
        return False
    if kinds <= {"percent", "money"}:
        return True
    nouns: list[str] = []
    for _, e, _ in figures:
        if nouns and PARTITIVE.match(seg[e:e + 30]):
            nouns.append(nouns[-1])  # "27,500 people ..., 10,000 of whom": a part of the same people
            continue
        nouns.append(next(iter(re.findall(r"[A-Za-z]+", seg[e:e + 30])), "").lower())
    return len(set(nouns)) == 1 and bool(nouns[0]) and nouns[0] not in ("and", "to", "or")


# The noun phrase a figure counts, up to where the sentence goes on to say something of it.
_NOUN_PHRASE = re.compile(r"[^,;:()]*?(?=\s+(?:through|by|via|under|in|from|to|who|which|that|across|at|on)\b|[,;:()]|$)", re.I)
# "10,000 of whom also received ...", "3 of which were new", "half of them": a figure counting a part
# of what the figure before it counts; what follows is said of the part.
PARTITIVE = re.compile(r"\s+(?:of|among)\s+(?:whom|which|them|these|those)\b", re.I)


def owner(seg: str, figures: list[tuple[int, int]], question: str) -> tuple[set[int], bool] | None:
    """The figures (indices) of the one group the question's distinguishing words point at, and
    whether a name the sentence capitalises points there (a sure pointer); None when the words
    point at no group, or at several equally."""
    if len(figures) < 2 or _RESPECTIVELY.search(seg):
        return None  # "A and B ... 15,000 and 18,000 respectively": the order of the names decides
    frame: set[str] = set()
    gs = groups(seg, figures, frame)
    if len(gs) < 2:
        return None
    whole = None
    for prev, g in zip(gs, gs[1:]):
        if PARTITIVE.match(seg[figures[g.members[0]][1]:]):
            # "27,500 people with disabilities through the National Disability Allowance, 10,000 of
            # whom also received a top-up": the part is of the same people, so everything said of
            # the whole (the counted noun, the scheme named) is said of the part too, and only what
            # the part's own clause says ("a top-up") tells it apart; its verbs ("received") do
            # not, a question about the whole may use them as well
            verbs = {t for w in re.findall(r"\b[a-z]{3,}ed\b", seg[figures[g.members[0]][1]:].lower()) for t in terms(w)}
            g.words = (g.words - verbs) | prev.words
            whole = whole or prev
    asked = _item_words(question)
    counted = {t for m in _COUNTED.finditer(question) for t in terms(_head(m.group(1)))}
    done = {t for w in re.findall(r"\b[a-z]{3,}ed\b", question.lower()) for t in terms(w)}  # "registered"
    got = _owner(seg, figures, gs, frame, asked, counted, done)
    if got is None and asked != set(_asked_words(question)) - _FRAME:
        got = _owner(seg, figures, gs, frame, set(_asked_words(question)) - _FRAME, counted, done)
    if got is None and whole is not None:  # nothing of the part's own asked: the whole is meant,
        # surely so when the question names what the sentence names of it ("the Coastal Relief Fund")
        named = {t for w in re.findall(r"\b[A-Z][\w-]*", seg) for t in terms(w)} - \
            {t for w in re.findall(r"\b[a-z][\w-]*", seg) for t in terms(w)}
        return set(whole.members), bool(whole.words & named & set(_asked_words(question)))
    return got


def _asked_words(question: str) -> list[str]:
    """A question's words (see :func:`_words`), plus each pair of neighbouring words joined by a
    hyphen: a question typed "low income countries" names the sentence's "low-income countries"
    (and not its "low- and middle-income countries") as surely as one that writes the hyphen."""
    plain = re.findall(r"[a-z]+", question.lower())
    return _words(question) + [f"{a}-{b}" for a, b in zip(plain, plain[1:])]


def _words(text: str) -> list[str]:
    """Stemmed words, plus each hyphenated compound whole ("low-income" is not "low- and
    middle-income", though both write "low" and "income")."""
    return terms(text) + [w.lower() for w in re.findall(r"\b[A-Za-z]+(?:-[A-Za-z]+)+\b", text)]


def _item_words(question: str) -> set[str]:
    """The question's words that may point at one item: those of the clause that asks ("Of the
    people with disabilities supported through X, *how many also got the top-up*"), without the
    words of what a share is of (see ``_MEASURED``)."""
    from app.qa.figures.numbers import asking_clause

    clause = asking_clause(question)
    words = set(_asked_words(clause)) - _FRAME
    measured = _MEASURED.search(clause)
    rest = words - set(_words(measured.group(1))) if measured else words
    return rest or words


def _owner(seg: str, figures: list[tuple[int, int]], gs: list[Group], frame: set[str],
           q: set[str], counted: set[str], done: set[str] = frozenset()) -> tuple[set[int], bool] | None:
    seen: dict[str, int] = {w: 1 for w in frame}  # a word of the frame tells no figure apart
    for g in gs:
        for w in g.words:
            seen[w] = seen.get(w, 0) + 1
    # A word the sentence capitalises names something ("the Africa region"): it tells the items
    # of a list apart more surely than common words do, which often frame the whole list and sit
    # by its first figure ("The largest share (39 per cent) of allocations received ...").
    # A word the sentence also writes in lower case is a common noun that a name happens to contain
    # ("27,500 people with disabilities through the National Disability Allowance"): no sure pointer.
    common = {t for w in re.findall(r"\b[a-z][\w-]*", seg) for t in terms(w)}
    named = {t for w in re.findall(r"\b[A-Z][\w-]*", seg) for t in terms(w)} - common
    for sure in (True, False):
        own = [len({w for w in g.words & q if seen[w] == 1 and not w.isdigit() and (w in named) == sure})
               for g in gs]
        best = max(own)
        if best == 0:
            continue
        if own.count(best) > 1:
            # "how many employers were registered", "timor leste employers registered 2017": the
            # counted noun breaks the tie, and a noun says which item more than a participle does
            def weight(g: Group) -> tuple[int, int]:
                hits = {w for w in g.words & q if seen[w] == 1 and not w.isdigit()}
                return len(hits & counted), len(hits - done)
            tied = [i for i, n in enumerate(own) if n == best]
            top = max(weight(gs[i]) for i in tied)
            tied = [i for i in tied if weight(gs[i]) == top]
            if len(tied) != 1:
                return None
            return set(gs[tied[0]].members), sure
        return set(gs[own.index(best)].members), sure
    return None


# The noun phrase a count or an amount asks for: "how many employers", "number of registered employers".
_COUNTED = re.compile(r"\b(?:how\s+many|how\s+much|number\s+of)\s+((?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*)", re.I)
# Where the counted phrase ends: a preposition, a verb, a relative word ("employers | were registered")
_PHRASE_END = re.compile(r"^(?:in|of|for|at|on|by|with|from|to|under|across|who|which|that|were|was|are|is|have|has|"
                         r"had|did|do|does|got|received|registered|covered|reached|affiliated|enrolled|joined)$", re.I)


def _head(phrase: str) -> str:
    """The head noun of a counted phrase, its last word before the phrase ends ("registered
    employers in 2023": "employers"; "employers were registered": "employers")."""
    words = phrase.split()
    kept = []
    for i, w in enumerate(words):
        if i and _PHRASE_END.match(w):
            break
        kept.append(w)
    return kept[-1]
