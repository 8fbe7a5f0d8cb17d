"""Style perturbations of gold questions: the same fact asked as a keyword query, wordily, or with typos.

The engine should give the same answer to "Which countries does Norway fund?", "norway fund
countries", "I'm putting a note together, so bear with me: which countries does Norway fund?" and
"Which countries does Norway fnud?".  ``benchmarks/perturb_eval.py`` rewrites every question of a
tuning file with these functions and scores each variant against the question's own gold, so a
gap between a variant's F1 and the original's measures style sensitivity, not knowledge.

Pure functions, deterministic for a given seed.  The templates and word lists are ordinary
English (question words, auxiliaries, generic preambles, asides and hedges): none names a fact,
an entity or a term of any report, so the perturbations fit any question set.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Callable

# -- keyword form -----------------------------------------------------------------------------------
# Words a keyword searcher leaves out: question words that carry no answer type, auxiliaries,
# articles, pronouns, politeness and the "according to the report" tail.
_DROP = frozenset("""
which what whose whom does do did is are was were be been being has have had can could would should
will shall may might the a an of to in on at for that this these those there their its it they them
please tell me us i you we our my according report's report annual per as well also exactly actually
""".split())
# Kept whatever they look like: they change the answer (negation, exclusion, comparison, direction).
_KEEP = frozenset("""
not no never without except besides excluding other than only both and or more most less least fewer
first last before after since between by from outside none every all each same also
""".split()) - {"also"}
_TOKEN = re.compile(r"[\w'’.-]+|\d[\d,.]*")
# "according to the report", "in the report", "in 2024's annual report": a tail that restates the source.
_SOURCE = re.compile(r"\b(?:according to|as per|in|per|from|based on)\s+(?:the|this)\s+(?:\w+\s+){0,2}report\b", re.I)


@dataclass(frozen=True)
class Variant:
    """One rewritten question: the transformation's name and the new text."""

    kind: str
    text: str


def keyword(question: str, reorder: bool = False) -> str:
    """The question as a keyword query: lower case, no question words, auxiliaries or articles.

    "How many" and "how much" become "number of" / "amount of" (a searcher keeps the count).  With
    ``reorder`` the noun phrase the question word governs (the answer type: "which *countries* does
    Norway fund") moves to the end, as in "norway fund countries", and so do "when", "where" and
    "who" ("albania ratify convention when").
    """
    q = _SOURCE.sub(" ", question)
    q = re.sub(r"\bhow\s+many\b", " number of ", q, flags=re.I)
    q = re.sub(r"\bhow\s+much\b", " amount of ", q, flags=re.I)
    words = [w.strip(".'’-").lower() for w in _TOKEN.findall(q)]
    words = [w for w in words if w]
    tail: list[str] = []
    head_np: list[str] = []
    if reorder and words and words[0] in {"which", "what"}:
        # the answer noun phrase: the words between the question word and the first auxiliary
        i = 1
        while i < len(words) and words[i] not in _AUX and i < 4:
            head_np.append(words[i])
            i += 1
        if i < len(words) and words[i] in _AUX and head_np:
            words = words[i:]
        else:
            head_np = []
    out = []
    for i, w in enumerate(words):
        if reorder and w in {"when", "where", "who"}:
            tail.append(w)
        elif w in _KEEP or w not in _DROP or (w == "of" and i and words[i - 1] in {"number", "amount"}):
            out.append(w)
    out += [w for w in head_np if w not in _DROP or w in _KEEP] + tail
    return " ".join(out) or question


_AUX = frozenset("does do did is are was were has have had can could would will".split())

# -- wordy form -------------------------------------------------------------------------------------
_PREAMBLES = (
    "I'm putting together a short briefing note for my team and want to get this right, so bear with me:",
    "This might be a basic one, but I'm new to the report and a colleague asked me earlier today -",
    "Quick question before our meeting tomorrow, since I couldn't find it myself:",
    "I've been reading the annual report over the weekend for a class I teach, and one thing I'd like to check is this:",
    "Sorry if this has been asked before; for a newsletter piece I'm drafting,",
)
_ASIDES = (
    "(as far as I can tell from the report)",
    "- if I'm reading the report right -",
    "(this is for a slide, so a short answer is fine)",
    ", and correct me if I'm wrong,",
)
_HEDGES = (
    "I'm not entirely sure how to phrase this, but",
    "I think the answer is somewhere in the report, but I can't find it:",
    "If I remember correctly the report covers this, so",
)
_CLAUSES = (
    ", and could you point me to where the report says so?",
    " - I need it for a presentation later this week.",
    ", since my manager wants the figure checked before it goes out.",
)


def _pick(seq, rng: random.Random):
    return seq[rng.randrange(len(seq))]


def _lower_first(q: str) -> str:
    """Lower-case the question's first letter when it opens a sentence (not a name or an acronym)."""
    first = q.split(" ", 1)[0]
    if first[:1].isupper() and first.lower() in _DROP | _AUX | {"how", "when", "where", "who", "in", "list", "name"}:
        return q[0].lower() + q[1:]
    return q


def wordy_preamble(question: str, rng: random.Random) -> str:
    return f"{_pick(_PREAMBLES, rng)} {_lower_first(question.strip())}"


def wordy_aside(question: str, rng: random.Random) -> str:
    """An aside after the question word and its noun ("Which countries (as far as I can tell) did
    ..."), or before the question mark when the question does not open with a question word."""
    q = question.strip()
    aside = _pick(_ASIDES, rng)
    m = re.match(r"(?:(?:in|for|from|by|to|of|with|on|at)\s+)?(?:which|what)\s+[\w'’-]+\s+|"
                 r"(?:who|when|where|how\s+many\s+[\w'’-]+|how\s+much|how)\s+", q, re.I)
    if m is None or m.end() >= len(q):
        body = q.rstrip("?").rstrip()
        return f"{body}{'' if aside.startswith(',') else ' '}{aside}{'?' if q.endswith('?') else ''}"
    head = q[:m.end()].rstrip()
    return f"{head}{'' if aside.startswith(',') else ' '}{aside} {q[m.end():]}"


def wordy_hedge(question: str, rng: random.Random) -> str:
    """A hedge before the question and a second clause after it."""
    q = question.strip().rstrip("?").rstrip()
    return f"{_pick(_HEDGES, rng)} {_lower_first(q)}{_pick(_CLAUSES, rng)}"


# -- typos ------------------------------------------------------------------------------------------
_NEIGHBOURS = {  # QWERTY neighbours, for a slipped key
    "a": "sq", "b": "vn", "c": "xv", "d": "sf", "e": "wr", "f": "dg", "g": "fh", "h": "gj", "i": "uo",
    "j": "hk", "k": "jl", "l": "k", "m": "n", "n": "bm", "o": "ip", "p": "o", "q": "w", "r": "et",
    "s": "ad", "t": "ry", "u": "yi", "v": "cb", "w": "qe", "x": "zc", "y": "tu", "z": "x",
}


def _misspell(word: str, rng: random.Random) -> str:
    """One realistic edit inside the word (never its first letter): swap, drop, double or slip."""
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == 1:
        return word[:i] + word[i + 1:]
    if kind == 2:
        return word[:i] + word[i] + word[i:]
    alt = _NEIGHBOURS.get(word[i].lower())
    return word[:i] + (alt[rng.randrange(len(alt))] if alt else word[i]) + word[i + 1:]


def typo(question: str, rng: random.Random, protected: set[str] = frozenset(), edits: int = 2) -> str:
    """Misspell up to ``edits`` lower-case words of five or more letters that name nothing.

    Capitalised words, acronyms, numbers and the words of ``protected`` (the gold's names) stay as
    written: the typo tests the question's wording, entity spelling is tested elsewhere.
    """
    tokens = question.split(" ")
    cands = [i for i, t in enumerate(tokens)
             if re.fullmatch(r"[a-z]{5,}[?,.:;]?", t) and t.strip("?,.:;") not in protected]
    rng.shuffle(cands)
    for i in cands[:edits]:
        word = tokens[i].rstrip("?,.:;")
        tokens[i] = _misspell(word, rng) + tokens[i][len(word):]
    return " ".join(tokens)


def name_typo(question: str, rng: random.Random, protected: set[str] = frozenset(), edits: int = 1) -> str:
    """Misspell up to ``edits`` capitalised names of five or more letters the question is *about*
    (a country, an organisation, a convention's title word): users misspell names as often as
    question words ("Keyna", "Conventon", "Jordon").  The gold's own names stay as written, the
    first word of the question (a capitalised question word) and acronyms too."""
    tokens = question.split(" ")
    cands = [i for i, t in enumerate(tokens)
             if i > 0 and re.fullmatch(r"[A-Z][a-z]{4,}[?,.:;']?s?", t) and t.strip("?,.:;'").lower() not in protected]
    rng.shuffle(cands)
    for i in cands[:edits]:
        word = re.match(r"[A-Za-z]+", tokens[i]).group(0)
        tokens[i] = _misspell(word, rng) + tokens[i][len(word):]
    return " ".join(tokens)


# -- variant names ---------------------------------------------------------------------------------
def variant_name(question: str, rng: random.Random) -> str:
    """The question with one country or organisation called by another general-knowledge name:
    another ISO / UN spelling or former name of the country ("Ivory Coast", "Swaziland", "Vietnam",
    "Holland"), or an organisation's acronym for its full name and back ("EU", "United Nations
    Children's Fund").  Only names that read back to the same thing; the question is unchanged when
    it names none (the gazetteers are general knowledge, not the report's)."""
    from graph import countries
    from graph.gazetteer import organizations

    for start, end, surface, iso in countries.find_countries(question):
        others = sorted({n for n in countries.all_countries()[iso].names
                         if "," not in n and not n.lower().startswith("the ")
                         and countries.fold(n) != countries.fold(surface) and countries.lookup(n) == iso})
        if others:
            return question[:start] + _pick(others, rng) + question[end:]
    for o in organizations.ORGANIZATIONS:
        if not o.acronym:
            continue
        for name in (o.label, *o.aliases):
            m = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", question, re.I)
            if m and len(name) > len(o.acronym):
                return question[:m.start()] + o.acronym + question[m.end():]
        m = re.search(rf"(?<![\w-]){re.escape(o.acronym)}(?![\w-])", question)
        if m and organizations.lookup(o.acronym) is o:
            return question[:m.start()] + o.label + question[m.end():]
    return question


# -- round-12 frames: the question inside a request, its answer noun fronted, an aside in mid-sentence,
# a closing with a signature, a second question about the answer itself.  Each keeps the gold: none
# adds a condition, a name or a fact.
_REQUESTS = (
    "I'd like to know {q}",
    "Could you tell me {q}",
    "I was wondering {q}",
    "Can you find out for me {q}",
    "Please let me know {q}",
)
_MID_ASIDES = (
    "(I ask because of a briefing I'm writing)",
    "- and this is just for my own notes -",
    "(roughly speaking)",
    ", if the report says,",
)
_CLOSINGS = (
    "Thanks in advance! Maria",
    "Many thanks for your help.",
    "Cheers, Tom",
    "Thank you so much, this helps a lot.",
)
_FOLLOW_UPS = (
    "Also, is that list complete as far as the report goes?",
    "And is that still the case now, do you think?",
    "Is that right?",
)
_OPEN_Q = re.compile(r"(?:which|what)\s+([a-z][\w'’-]*)\s+", re.I)
_LATE_PREP = re.compile(r"\s(?=(?:in|for|by|to|from|with|under|since|during)\s)")


def request_embed(question: str, rng: random.Random) -> str:
    """The question embedded in a request, word order kept ("I'd like to know which countries does
    Norway fund."), as people type it; a full stop or question mark as the lead-in calls for."""
    lead = _pick(_REQUESTS, rng)
    body = _lower_first(question.strip()).rstrip("?").rstrip()
    end = "?" if lead.startswith(("Could", "Can")) else "."
    return lead.format(q=body) + end


def type_fronted(question: str, rng: random.Random) -> str:
    """The answer noun moved away from the question word: "Which countries does Norway fund?" ->
    "Looking at the countries in the report, which ones does Norway fund?"; unchanged when the
    question does not open with which/what + a noun."""
    q = question.strip()
    m = _OPEN_Q.match(q)
    # a plural answer noun only: "which global accelerator ..." or "which share of ..." name no kind of thing
    if m is None or not re.fullmatch(r"[a-z-]{3,}s", m.group(1), re.I) or m.group(1).lower() in _AUX | {"is", "was", "this"}:
        return q
    noun = m.group(1)
    ones = "ones"
    frame = _pick(("Looking at the {n} in the report, which {o}", "Of all the {n} the report mentions, which {o}",
                   "Thinking of {n}: which {o}"), rng)
    return frame.format(n=noun.lower(), o=ones) + " " + q[m.end():]


def mid_aside(question: str, rng: random.Random) -> str:
    """An aside before the question's last prepositional phrase ("Which countries does Norway fund
    (roughly speaking) in Africa?"), or before the question mark when it has none."""
    q = question.strip()
    aside = _pick(_MID_ASIDES, rng)
    cuts = [m.start() for m in _LATE_PREP.finditer(q) if m.start() > len(q) // 3]
    if not cuts:
        body = q.rstrip("?").rstrip()
        return f"{body}{'' if aside.startswith(',') else ' '}{aside}{'?' if q.endswith('?') else ''}"
    i = cuts[-1]
    return f"{q[:i]}{'' if aside.startswith(',') else ' '}{aside}{q[i:]}"


def closing(question: str, rng: random.Random) -> str:
    """A thank-you or a signature after the question (after a dash when the question has no final
    punctuation, as a keyword query typed in one go)."""
    q = question.strip()
    return f"{q}{'' if q.endswith(('?', '.', '!')) else ' -'} {_pick(_CLOSINGS, rng)}"


def follow_up(question: str, rng: random.Random) -> str:
    """A second question about the answer itself (its completeness, whether it still holds)."""
    q = question.strip()
    return f"{q if q.endswith(('?', '.')) else q + '?'} {_pick(_FOLLOW_UPS, rng)}"


# -- round-27 frames, found by perturbing questions the engine answered right: a greeting or a
# sentence about the asker before the question, a label before a colon, a thank-you or a plea typed
# after a keyword query with no stop, and the article dropped before a described noun or "report"
# (as writers in a second language type).  Each keeps the gold.
_ASKER_SENTENCES = (
    "I am preparing a short briefing note for my team on the report.",
    "We are mapping who does what in social protection.",
    "For my thesis.",
    "Hi there!",
)
_LABELS = ("Quick question for a donor brief:", "For my thesis:", "One more question:")
_UNSTOPPED_TAILS = ("Thanks a lot for your help!", "Any help would be appreciated.", "thanks a lot")
_BARE = re.compile(r"\bthe\s+(?=(?:[A-Z][\w-]*\s+){0,2}(?:[Cc]ountr(?:y|ies))\s+(?:where|whose|that|which)\b|"
                   r"(?:report|other\s+one)\b(?!\s*['’]s))")


def asker_sentence(question: str, rng: random.Random) -> str:
    """A greeting or a sentence about the asker before the question."""
    return f"{_pick(_ASKER_SENTENCES, rng)} {question.strip()}"


def colon_label(question: str, rng: random.Random) -> str:
    """A label saying what the asking is for, before a colon ("Quick question for a donor brief: ...")."""
    return f"{_pick(_LABELS, rng)} {_lower_first(question.strip())}"


def unstopped_tail(question: str, rng: random.Random) -> str:
    """A thank-you or plea typed after a keyword query with no stop before it; a question that
    ends on its own punctuation is left as it is (:func:`closing` covers it)."""
    q = question.strip()
    return q if q.endswith(("?", ".", "!")) else f"{q} {_pick(_UNSTOPPED_TAILS, rng)}"


def bare_articles(question: str, rng: random.Random) -> str:
    """The question without "the" before a noun a relative clause describes ("in the country where"),
    before "report" and before "other one"."""
    return _BARE.sub("", question)


def _protected(q: dict) -> set[str]:
    words = set()
    for name in list(q.get("gold") or []) + [a for v in (q.get("aliases") or {}).values() for a in v]:
        words.update(w.lower() for w in re.findall(r"[A-Za-z]+", str(name)))
    return words


Transform = Callable[[dict, random.Random], str]
TRANSFORMS: dict[str, Transform] = {  # a keyword searcher does not type a wordy question's asides: those stay as asked
    "keyword": lambda q, rng: q["question"] if q.get("style") == "wordy" else keyword(q["question"]),
    "keyword_reorder": lambda q, rng: q["question"] if q.get("style") == "wordy" else keyword(q["question"], reorder=True),
    "wordy_preamble": lambda q, rng: wordy_preamble(q["question"], rng),
    "wordy_aside": lambda q, rng: wordy_aside(q["question"], rng),
    "wordy_hedge": lambda q, rng: wordy_hedge(q["question"], rng),
    "typo": lambda q, rng: typo(q["question"], rng, _protected(q)),
    "name_typo": lambda q, rng: name_typo(q["question"], rng, _protected(q)),
    "variant": lambda q, rng: variant_name(q["question"], rng),
    "request_embed": lambda q, rng: request_embed(q["question"], rng),
    "type_fronted": lambda q, rng: type_fronted(q["question"], rng),
    "mid_aside": lambda q, rng: mid_aside(q["question"], rng),
    "closing": lambda q, rng: closing(q["question"], rng),
    "follow_up": lambda q, rng: follow_up(q["question"], rng),
    "asker_sentence": lambda q, rng: asker_sentence(q["question"], rng),
    "colon_label": lambda q, rng: colon_label(q["question"], rng),
    "unstopped_tail": lambda q, rng: unstopped_tail(q["question"], rng),
    "bare_articles": lambda q, rng: bare_articles(q["question"], rng),
}


def variants(q: dict, kinds=None, seed: int = 0) -> list[Variant]:
    """Every transformation of one gold question that changes its text (same seed, same variants)."""
    out = []
    for kind in kinds or TRANSFORMS:
        rng = random.Random(f"{seed}:{kind}:{q.get('id', q['question'])}")
        text = TRANSFORMS[kind](q, rng)
        if text.strip() and text.strip() != q["question"].strip():
            out.append(Variant(kind, text))
    return out
