"""Every country the report writes about a topic, not only the few nearest sentences'.

"unemployment insurance which countries" is answered entry by entry: Eswatini's entry says it,
and Angola's, Morocco's, Rwanda's, Jordan's ... each in its own words ("unemployment benefit
scheme", "unemployment protection", "an unemployment insurance branch").  The text step ranks
sentences and keeps the best few; a topic's country set needs all of them.

The best sentence says what the topic is in the report's words: the question's rare words that it
contains (``key_terms``: not question or domain words, not names, not words written in most
sentences).  Every other sentence of the report that holds one of those words and scores, on the
text step's own scale (dense similarity plus term overlap), close to the best sentence
(``RATIO``) adds its country: the country entry it sits in, or the one country it names.  A
sentence that writes every key word needs less (``ALL_KEYS_RATIO``): the report's own words vouch
for the topic even when the sentence shares little else with the question ("The SSC is also
reviewing its unemployment protection scheme").  The score bar keeps passing mentions out; the key
words keep out sentences that are merely similar in tone.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

import numpy as np

from app.qa.topics.either_word import coordinated_with
from app.qa.topics.name_words import stated_terms
from app.qa.units import terms
from graph import countries

RATIO = 0.75  # a sentence holding one key word scores at least this share of the best sentence's score
ALL_KEYS_RATIO = 0.45  # ... and one holding every key word at least this share (the words vouch for it)
MIN_KEY_IDF = 3.5  # a key word is rarer than this (idf): 'insurance', 'system' are in too many sentences
MIN_SECOND_IDF = 2.3  # ... and a secondary topic word at least this rare ('social', 'work' are frame)
LISTED_KEYS = 3  # a keyword query with this many key words lists a topic's parts (two of them say it)
COMMON_TOPIC_WORDS = 2  # a topic said in common words only needs this many of them (each in many sentences)
NAMED_ONLY_MARGIN = 0.7  # a best sentence writing the topic only inside a name yields to one this close that states it
MAX_ADDED = 25  # a topic that fills more country entries than this is no topic the words pin down


# Words that make a question a sentence; without them it is a keyword query.
_ASKING = re.compile(r"\b(which|what|who|whom|whose|where|when|how|list|name|give|tell|identify|is|are|does|did|do|"
                     r"was|were|has|have)\b", re.I)


@dataclass
class Covered:
    iso3: str
    unit_id: int
    passage_id: str
    score: float
    spans: list[tuple[int, int]]  # where a key word is written, in the passage text


def key_terms(question: str, best_terms: set[str], idf: dict[str, float], stop: set[str]) -> list[str]:
    """The question's words that the best sentence also writes (or another derivation of the same
    root, :func:`_root`: "interoperable" for a sentence on "interoperability"), rare enough to say
    a topic."""
    names = {t for *_, surface, _ in countries.find_countries(question) for t in terms(surface)}
    derived = {_root(b) for b in best_terms if _root(b) != b}
    return [t for t in dict.fromkeys(terms(question))
            if t not in stop and t not in names and idf.get(t, 0.0) >= MIN_KEY_IDF and
            (t in best_terms or (_root(t) != t and _root(t) in derived))]


def secondary_terms(question: str, best_terms: set[str], idf: dict[str, float], stop: set[str],
                    keys: list[str]) -> list[str]:
    """The question's other topic words: too common to be key words ('health', 'insurance',
    'informal'), yet written by the best sentence too, so they are part of what the question asks
    ("refugees into national health insurance": the refugees' health insurance, not every sentence
    on refugees).  A sentence that is only loosely similar must write them as well."""
    names = {t for *_, surface, _ in countries.find_countries(question) for t in terms(surface)}
    return [t for t in dict.fromkeys(terms(question))
            if t not in stop and t not in names and t not in keys and MIN_SECOND_IDF <= idf.get(t, 0.0) < MIN_KEY_IDF
            and t in best_terms]


# The heads a branch or group word qualifies ("pension system", "health insurance schemes",
# "maternity benefits"): the field's general nouns, ordinary English
_HEADS = r"(?:systems?|schemes?|insurance|benefits?|funds?|allowances?|protection|coverage|programmes?|programs?|valuations?)"
_QUALIFIED_HEAD = re.compile(r"\b([a-z][a-z-]{3,})\s+(?=" + _HEADS + r"\b)", re.I)
_HEAD_WORD = re.compile(_HEADS + r"$", re.I)  # "benefit schemes": a head before a head is the kind of scheme, no branch


# "social security schemes": the name of the whole field before a head noun, no branch of it
_FIELD_NAME = re.compile(r"\bsocial\s+security$", re.I)

# "... or health schemes", "pension and health insurance": the word is one of coordinated alternatives
_COORDINATED = re.compile(r"(?:\b(?:or|and|nor)|,|/)\s*$", re.I)


def qualifiers(question: str, best_terms: set[str], idf: dict[str, float], keys: list[str]) -> list[str]:
    """The words that narrow the topic to one branch or group ("their *pension* system", "*health*
    insurance schemes"): right before a protection head noun, not too common ('social', 'national'),
    and written by the best sentence too.  Registry keywords ('pension', 'insurance') are never key
    words, so without this an actuarial valuation of any scheme would answer one of the pension
    system; the word must be in each further sentence, or the sentence is about another branch."""
    out = []
    for m in _QUALIFIED_HEAD.finditer(question):
        if _COORDINATED.search(question[:m.start()]) or _HEAD_WORD.match(m.group(1)):
            continue  # "social protection or health schemes": one alternative of several, no narrowing
        if _FIELD_NAME.search(question[:m.end(1)]):
            continue  # "their social security schemes": the field's own name, any branch, no narrowing
        for t in terms(m.group(1)):
            if t not in keys and idf.get(t, 0.0) >= MIN_SECOND_IDF and holds(best_terms, {t}) and t not in out:
                out.append(t)
    return out


_DEFINED = re.compile(r"((?:[A-Za-z][\w-]*\s+){1,8})\(([A-Z][A-Za-z]{1,7})\)")
_TABLE_ROW = re.compile(r"^\|\s*([A-Z][A-Za-z-]{1,7})\s*\|\s*([^|]{4,80}?)\s*\|", re.M)


def _initials_fit(words: list[str], acronym: str) -> list[str] | None:
    """The last words whose initials spell the acronym ("management information system" for MIS)."""
    n = len(acronym)
    tail = words[-n:]
    if len(tail) == n and "".join(w[0] for w in tail).lower() == acronym.lower():
        return tail
    return None


def defined_acronyms(texts) -> dict[str, list[str]]:
    """Acronyms the report defines, each with the terms of its long form: "a management information
    system (MIS)", or a row "| MIS | Management Information System |" of its list of acronyms.
    Only forms whose initials spell the acronym count, so a bracketed aside is never read as one."""
    out: dict[str, list[str]] = {}
    for text in texts:
        for m in _DEFINED.finditer(text):
            fit = _initials_fit(m.group(1).split(), m.group(2))
            if fit:
                out.setdefault(m.group(2).lower(), terms(" ".join(fit)))
        for m in _TABLE_ROW.finditer(text):
            fit = _initials_fit(m.group(2).split(), m.group(1))
            if fit:
                out.setdefault(m.group(1).lower(), terms(" ".join(fit)))
    return {k: v for k, v in out.items() if v}


def context_keys(question: str, units, unit_id: int, keys: list[str], stop: set[str]) -> list[str]:
    """The question's rarest topic word when the best sentence leaves it to the sentence before
    ("... including for sickness, invalidity, and unemployment protection.  To support their eventual
    introduction ..."): the pair was chosen for it, so it is a key word too, and the rarest one.
    Without it the keys would be the best sentence's frame words alone ('introduction'), and every
    sentence on introducing anything would answer "which countries are introducing sickness
    benefits".  Only a word rarer than every key the sentence itself writes counts."""
    before = set(units.context_terms[unit_id]) - set(units.unit_terms[unit_id])
    if not before:
        return []
    extra = [t for t in key_terms(question, before, units.idf, stop) if t not in keys]
    top = max((units.idf.get(k, 0.0) for k in keys), default=0.0)
    return [t for t in extra if units.idf.get(t, 0.0) > top]


_EITHER = re.compile(r"\b([A-Za-z][\w'’-]*)\s+or\s+([A-Za-z][\w'’-]*)", re.I)


def either_of_common(question: str, keys: list[str], idf: dict[str, float]) -> set[str]:
    """Key words the question offers as one of two past deeds, the other a common word ("countries
    that *introduced or extended* disability allowances"): a sentence that says the other
    ("renewed ... extended the allowance") answers as well, so the key is not required.  Only
    single words joined by "or", the other too common to be a key itself (a verb of the frame,
    not a second topic: "refugees or migrants" keeps both); "A and B" asks for both."""
    keyset = set(keys)
    common = lambda ts: all(idf.get(t, 0.0) < MIN_KEY_IDF for t in ts)
    out: set[str] = set()
    for m in _EITHER.finditer(question):
        left, right = set(terms(m.group(1))), set(terms(m.group(2)))
        if not left or not right or not (m.group(1).lower().endswith("ed") and m.group(2).lower().endswith("ed")):
            continue  # two deeds done ("introduced or extended"); "allowances or benefits" names two things
        if left <= keyset and common(right):
            out |= left
        elif right <= keyset and common(left):
            out |= right
    return out


def spelled_acronyms(question: str, best_terms: set[str], long_forms: dict[str, list[str]]) -> list[str]:
    """The acronyms whose long form the question spells out and the best sentence writes ("build a
    *management information system*": MIS).  Each word of a long form may be too common to be a
    key word ('management', 'information'), yet together they name one thing the report defines,
    written either way ("an MIS", "a management information system"): the acronym is then the key."""
    q = terms(question)
    out = []
    for acronym, form in long_forms.items():
        n = len(form)
        if n < 2 or not any(q[i:i + n] == form for i in range(len(q) - n + 1)):
            continue
        if holds(best_terms, {acronym}) or all(holds(best_terms, {t}) for t in form):
            out.append(acronym)
    return out


_CONJUNCT = re.compile(r"[\w'’-]+|,|/|&")
_JOINING = frozenset({"and", "or", ",", "/", "&"})


def coordinated(question: str, keys: list[str]) -> list[tuple[set[str], set[str], set[str]]]:
    """Pairs of key-word runs the question joins by "and", "or" or a comma ("farmers and
    agricultural workers", "climate change or humanitarian crises"): each names the topic alone,
    so a sentence writing either run writes the pair's key words.  The third set is the head noun
    the pair shares ("workers"): a sentence standing on one run must write it too, since the
    run alone may be another thing ("platform" of "gig and platform workers" is also a website)."""
    words = _CONJUNCT.findall(question)
    keyset = set(keys)
    marks = [set(terms(w)) & keyset if w.lower() not in _JOINING else None for w in words]
    out = []
    for j, w in enumerate(words):
        if w.lower() not in _JOINING or j == 0 or j + 1 >= len(words):
            continue
        left, right = set(), set()
        i = j - 1
        while i >= 0 and marks[i]:
            left |= marks[i]
            i -= 1
        i = j + 1
        while i < len(words) and marks[i]:
            right |= marks[i]
            i += 1
        head = {words[i].lower()} if i < len(words) and words[i].lower() not in _JOINING and terms(words[i]) else set()
        if left and right and not left & right:
            out.append((left, right, head))
    return out


def _writes_word(text: str, word: str) -> bool:
    """The sentence writes the word itself, singular or plural ("workers", not "working")."""
    base = word[:-1] if word.endswith("s") and len(word) > 3 else word
    return re.search(rf"(?i)\b{re.escape(base)}s?\b", text) is not None


def said_with_alternatives(said: list[str], pairs: list[tuple[set[str], set[str], set[str]]],
                           text: str = "") -> list[str]:
    """The key words a sentence writes, with those of a coordinated run whose partner it writes
    whole, and the pair's head noun when the question gives one (:func:`coordinated`)."""
    have = set(said)
    for left, right, head in pairs:
        if (left <= have or right <= have) and all(_writes_word(text, w) for w in head):
            have |= left | right
    return [k for k in dict.fromkeys(list(said) + sorted(have - set(said)))]


def holds_any(unit_terms, key: str, long_forms: dict[str, list[str]]) -> bool:
    """Does the sentence write the key word, or the long form of the acronym it is?"""
    if holds(unit_terms, {key}):
        return True
    form = long_forms.get(key)
    return bool(form) and all(holds(unit_terms, {t}) for t in form)


# Derivations that name the same thing: the adjective and its noun ("interoperable systems",
# "interoperability"; "sustainable", "sustainability") and the -ise / -ize verb and its noun in
# either spelling ("digitalisation", "digitalization", "digitalise").  English suffixes only.
# Terms come stemmed ("interoperabil", "digitalis"), so the stems' endings are listed too.
_DERIVED = re.compile(r"(?:abil(?:it(?:y|ies))?|able|ibil(?:it(?:y|ies))?|ible|i[sz](?:ations?|ing|ed|es?)?)$")


def _root(term: str) -> str:
    """The word without a derivational suffix of :data:`_DERIVED` (kept whole when too little is left)."""
    got = _ROOTS.get(term)
    if got is None:
        r = _DERIVED.sub("", term)
        got = _ROOTS[term] = r if len(r) >= 5 else term
    return got


_ROOTS: dict[str, str] = {}  # term -> root: asked for every term of every sentence a topic is checked on


def holds(unit_terms, keys: set[str]) -> bool:
    """Does the sentence write one of the key words, in any derivation?  The suffix stripper
    leaves 'allowance' whole but cuts 'allowances' to 'allowanc': one root of six letters or more
    counts as the same word, and so do two derivations of one root: an adjective and its noun,
    -isation and -ization (:func:`_root`; the bare root, 'digital', 'formal', is another word)."""
    roots = {_root(k) for k in keys if len(k) >= 6 and _root(k) != k}  # two derivations, never the bare root
    for t in unit_terms:
        if t in keys or (len(t) >= 6 and any(len(k) >= 6 and t[:6] == k[:6] and
                                             os.path.commonprefix([t, k]) in (t, k, t[:-1], k[:-1]) for k in keys)):
            return True
        if len(t) >= 6 and _root(t) != t and _root(t) in roots:
            return True
    return False


def holding_any(units, key: str, long_forms: dict[str, list[str]]) -> frozenset[int]:
    """The units whose terms :func:`holds_any` the key: the same test, read through the terms'
    postings and kept per key, instead of one pass over every sentence's terms per question (a
    topic checked over the whole report was the slowest step of the slowest questions)."""
    cache = units.__dict__.setdefault("_holding_any", {})
    got = cache.get(key)
    if got is None:
        got = _holding(units, key)
        form = long_forms.get(key)
        if form:
            got = got | frozenset.intersection(*(_holding(units, t) for t in form))
        cache[key] = got
    return got


def _holding(units, key: str) -> frozenset[int]:
    """The units holding one key word (:func:`holds` is a test on each term alone, so the terms
    that pass it, looked up in the postings, give the units)."""
    cache = units.__dict__.setdefault("_holding", {})
    got = cache.get(key)
    if got is None:
        post, near = _term_postings(units)
        # only the key itself, a term of its first six letters or one of its root can pass the test
        maybe = {key} | near.get(key[:6], set()) | near.get("root:" + _root(key), set())
        got = cache[key] = frozenset(i for t in maybe if t in post and holds((t,), {key}) for i in post[t])
    return got


def _term_postings(units) -> tuple[dict[str, list[int]], dict[str, set[str]]]:
    """term -> the units writing it; and the terms by their first six letters and by their root
    ("root:" + :func:`_root`), the only terms :func:`holds` can match to a key other than itself."""
    got = units.__dict__.get("_term_postings")
    if got is None:
        post: dict[str, list[int]] = {}
        for i, ts in enumerate(units.unit_terms):
            for t in ts:
                post.setdefault(t, []).append(i)
        near: dict[str, set[str]] = {}
        for t in post:
            if len(t) >= 6:
                near.setdefault(t[:6], set()).add(t)
                near.setdefault("root:" + _root(t), set()).add(t)
        got = units._term_postings = (post, near)
    return got


def unit_country(text_step, unit) -> str | None:
    """The country a sentence is about: its country entry's, else the only country it names."""
    p = text_step.k.passage(unit.passage_id)
    if p is None:
        return None
    entry = text_step._entry_country(p)
    if entry:
        return entry
    named = {iso for *_, iso in countries.find_countries(unit.text)}
    return next(iter(named)) if len(named) == 1 else None


def paragraph_country(text_step, unit) -> str | None:
    """The country of a sentence that names none, outside the country entries: the only country
    its paragraph names.  A partnership or thematic paragraph often says its topic in one sentence
    and its country in the next ("... the ACCEL Africa initiative ... to abolish child labour
    within African supply chains.  Through the second phase ..., the ILO has continued supporting
    ... in Côte d'Ivoire").  Only a paragraph (not a list of items, a table or a caption) naming
    exactly one country; the tie is indirect, so :func:`covered` asks more of such a sentence."""
    p = text_step.k.passage(unit.passage_id)
    if p is None or getattr(p, "kind", None) != "paragraph" or text_step._entry_country(p):
        return None
    if any(True for _ in countries.find_countries(unit.text)):
        return None
    named = _paragraph_countries(text_step, p)
    if len(named) != 1:
        return None
    # ... named early: a paragraph about a country introduces it; one named only at its end is a
    # pointer elsewhere ("a diagnostic tool which is being piloted in Jordan (see more below)")
    units = text_step.units
    sentences = [units.units[r].text for r in units.by_passage.get(p.id, []) if units.units[r].kind == "sentence"]
    return next(iter(named)) if any(True for _ in countries.find_countries(" ".join(sentences[:2]))) else None


def _holds_offered(unit_terms, word: str, long_forms: dict[str, list[str]]) -> bool:
    """:func:`holds_any`, and a short stem and its longer spelling ("cris" of crises, "crisi" of
    crisis): the word a question offers as a choice is written in any of its forms."""
    if holds_any(unit_terms, word, long_forms):
        return True
    return any(len(short) >= 4 and len(long_) <= 5 and long_.startswith(short)
               for t in unit_terms for short, long_ in [sorted((t, word), key=len)])


def _paragraph_countries(text_step, p) -> frozenset[str]:
    """The countries a paragraph names, read once per passage (a topic checks many sentences)."""
    cache = text_step.__dict__.setdefault("_paragraph_isos", {})
    got = cache.get(p.id)
    if got is None:
        got = cache[p.id] = frozenset(iso for *_, iso in countries.find_countries(p.text))
    return got


def _long_forms(text_step) -> dict[str, list[str]]:
    """The report's acronyms with their long forms, read once per knowledge base."""
    cached = getattr(text_step, "_acronym_forms", None)
    if cached is None:
        cached = defined_acronyms(p.text for p in text_step.k.passages.values())
        text_step._acronym_forms = cached
    return cached


def covered(text_step, a, qvec: np.ndarray, required: list[set[str]], best, stop: set[str],
            exclude: set[str], strict: bool = False, keyed: bool = False) -> tuple[list[str], list[Covered]]:
    """The key words and, per further country, its best sentence on them (best first).
    ``strict``: the best sentence lists several countries, perhaps as one event's participants;
    a further sentence must then write every key word and score above the higher bar.
    ``keyed``: the best sentence was chosen by the topic's words over the question's frame
    (app.qa.topics.topic_rerank), so its score is no measure of the topic: a further sentence must write
    every key word, and the lower bar suffices."""
    units = text_step.units
    keys = key_terms(a.question, set(units.unit_terms[best.unit_id]), units.idf, stop)
    if keys:  # the best sentence writes only the frame's rarer words ('introduction'): not the topic
        keys = keys + context_keys(a.question, units, best.unit_id, keys, stop)
    keys = [k for k in keys if k not in either_of_common(a.question, keys, units.idf)] or keys
    if not keys:
        keys = spelled_acronyms(a.question, set(units.unit_terms[best.unit_id]), _long_forms(text_step))
    # A topic said only in common words ("health insurance for workers in the informal economy": no
    # word rare enough to be a key): its words together pin it down.  Two or more of them that the
    # best sentence writes are the keys, and a further sentence must write them all and score near
    # the best one (the higher bar), since each alone is in many sentences.
    common_topic = False
    if not keys and not strict and not keyed:
        keys = secondary_terms(a.question, set(units.unit_terms[best.unit_id]), units.idf, stop, [])
        common_topic = len(keys) >= COMMON_TOPIC_WORDS
        keys = keys if common_topic else []
    if not keys:
        return [], []
    # A keyword query may list the topic in two words ("complaints grievance mechanism"): a rare
    # query word the best sentence does not write is the topic's other wording, and a sentence
    # writing it counts at the higher bar ("the management of complaints from ... beneficiaries").
    alternatives = [t for t in key_terms(a.question, set(terms(a.question)), units.idf, stop) if t not in keys] \
        if not strict and not keyed and not common_topic and not _ASKING.search(a.question) else []
    # A keyword query of three or more topic words lists the topic's parts ("value chain cocoa coffee
    # rubber castor"): no one sentence writes them all, and a sentence writing two is on the topic.
    listing = not strict and not keyed and not common_topic and not _ASKING.search(a.question) and len(keys) >= LISTED_KEYS
    pairs = coordinated(a.question, keys)
    scores = text_step.unit_scores(a, qvec, required)
    long_forms = _long_forms(text_step)
    spelled = {t for k in keys for t in long_forms.get(k, ())}  # "management information" spells out the key "MIS"
    second = secondary_terms(a.question, set(units.unit_terms[best.unit_id]), units.idf, stop | spelled, keys)
    narrow = [t for t in qualifiers(a.question, set(units.unit_terms[best.unit_id]), units.idf, keys)
              if t not in spelled]  # "management information system (MIS)": the key's own long form, no branch
    # "tripartite consultations or workshops", "humanitarian crises or natural disasters": a key
    # word that heads one item of a choice is written by a sentence writing another item in its
    # place (app.qa.topics.either_word); the question accepts any of them
    # (a stand-in that is itself a key word is left to :func:`coordinated`, which asks for the
    # pair's head noun: "gig or platform workers" is no "microservices platform")
    # ... and one of only common words ("..., you know, systems") says no topic
    offered = {k: [ph for ph in coordinated_with(a.question, k, heads_only=True) if not ph & set(keys)
                   and any(units.idf.get(t, 0.0) >= MIN_SECOND_IDF for t in ph)]
               for k in keys}
    bar, low_bar = RATIO * best.score, ALL_KEYS_RATIO * best.score
    # the question's own distinctive words: a name that holds one is the name asked about
    asked = {t for t in terms(a.question) if t not in stop and t not in keys and units.idf.get(t, 0.0) >= MIN_SECOND_IDF}
    rarest = max(keys, key=lambda k: units.idf.get(k, units.default_idf))
    out: dict[str, Covered] = {}
    keyed_units = frozenset().union(*(holding_any(units, k, long_forms) for k in keys))
    for i in text_step.allowed_units(a, required):
        i = int(i)
        u = units.units[i]
        if u.kind != "sentence" or scores[i] < low_bar:
            continue
        kt = units.unit_terms[i]
        written = []
        if i in keyed_units:
            # the key words as a statement, not as a word of a name or title (app.qa.topics.name_words)
            kt = stated_terms(units, i, asked, keys)
            written = [k for k in keys if holds_any(kt, k, long_forms)]
        # the topic in the choice's other words counts only for a sentence as close as a key-word
        # one (the higher bar) that writes the question's other topic words too
        stand_in = [k for k in keys if k not in written and
                    any(all(_holds_offered(units.unit_terms[i], t, long_forms) for t in phrase) for phrase in offered[k])] \
            if scores[i] >= bar and all(holds(units.unit_terms[i], {t}) for t in second) else []
        written += stand_in
        said = said_with_alternatives(written, pairs, u.text)
        if len(said) > len(written) and rarest not in written and scores[i] < bar:
            said = written  # the other of "gig and platform workers" alone must be as close as the best sentence
        if not said and alternatives and scores[i] >= bar and \
                any(holds_any(kt, k, long_forms) for k in alternatives):
            said = list(keys)  # the topic in the query's other word, as close as a key-word sentence
        if listing and len(said) + sum(holds_any(units.unit_terms[i], k, long_forms) for k in alternatives) >= 2:
            said = list(keys)  # "cocoa coffee rubber castor": a keyword query lists the topic's words; two say it
        if common_topic and (len(said) < len(keys) or scores[i] < bar):
            continue  # common words: all of them, as close as the best sentence
        if len(said) < len(keys) and (rarest not in said or rarest in stand_in):
            continue  # (nor is a common word offered in its place: "meetings, workshops or committees")  # "a microservices platform" is no "gig and platform workers": the rarest word must be there
        if not said or (scores[i] < bar and len(said) < len(keys)) or \
                (strict and (scores[i] < bar or len(said) < len(keys))) or (keyed and len(said) < len(keys)):
            continue
        if second and scores[i] < bar and not all(holds(units.unit_terms[i], {t}) for t in second):
            continue  # a weak sentence on "refugees" alone is no answer to "refugees ... health insurance"
        if narrow and not all(holds(units.unit_terms[i], {t}) for t in narrow):
            continue  # "actuarial valuation of the health insurance scheme" answers no "pension system" question
        iso = unit_country(text_step, u)
        if iso is None and len(said) == len(keys) and scores[i] >= best.score and not (keyed or strict):
            # a sentence naming no country, as close as the best one and writing every key word:
            # its paragraph's one country (an indirect tie, so only for the strongest sentences)
            iso = paragraph_country(text_step, u)
        if iso is None or f"Country:{iso}" in exclude:
            continue
        if iso in out and out[iso].score >= scores[i]:
            continue
        spans = [(u.start + m.start(), u.start + m.end()) for k in keys
                 for m in re.finditer(r"(?i)\b" + re.escape(k[:5]) + r"\w*", u.text)]
        out[iso] = Covered(iso, i, u.passage_id, float(scores[i]), spans[:3])
    found = sorted(out.values(), key=lambda c: -c.score)
    if len(found) > MAX_ADDED:
        return keys, []
    return keys, found


# "... secured through contributions from the European Union (EU), France, and Spain": the names
# after a cue of money given are its givers
_MONEY_CUE = re.compile(r"\b(?:contributions?|funding|financing|funds|grants?|donations?|resources)\s+(?:provided\s+)?from\s+"
                        r"|\b(?:funded|financed|co-?funded|co-?financed|sponsored|paid\s+for)\s+by\s+|\bdonors?\s+(?:such\s+as|including)\s+",
                        re.I)
_NAME_GLUE = re.compile(r"^(?:\s|,|\(|\)|\band\b|\bthe\b|\bof\b|\bgovernments?\b|\bkingdom\b|\brepublic\b|[A-Z][\w'’.-]*)*$")


def givers_in_sentence(found: list, text: str, base: int) -> set[str]:
    """The countries a sentence names as givers of money ("contributions from the EU, France, and
    Spain"): each sits after a money cue with only names, commas and "and" between."""
    out = set()
    for f in found:
        if f.type != "Country":
            continue
        for s, _ in f.spans:
            if not base <= s < base + len(text):
                continue
            before = text[:s - base]
            cue = None
            for cue in _MONEY_CUE.finditer(before):
                pass
            if cue is not None and _NAME_GLUE.match(before[cue.end():]):
                out.add(f.key)
    return out


def donors_as_entry(found: list, entry_iso: str | None, knowledge, text: str = "", base: int = 0) -> list:
    """A sentence in one country's entry that names other countries as its donors or partners
    ("The ILO, alongside UNICEF, the European Union, the Netherlands, and the United Kingdom,
    renewed commitments to ... the national disability allowance" in Lebanon's entry) says where
    the work happened: the entry's country, not the donors.  A named country counts as such when
    the graph relates the entry's country to that country's government (funded by, partnered
    with ...); the entry's country then stands in for them."""
    if not entry_iso:
        return found
    from app.qa.graphstep import _as_funder
    from app.qa.textstep import Found

    entry = f"Country:{entry_iso}"
    related = {f["object"] for f in knowledge.facts_where(subject=entry)}
    givers = givers_in_sentence(found, text, base) - {entry}
    keep = [f for f in found if f.type != "Country" or f.key == entry or
            (_as_funder(f.key, knowledge) not in related and f.key not in givers)]
    if len(keep) == len(found):
        return found
    if not any(f.key == entry for f in keep):
        keep.append(Found("Country", entry, countries.display_name(entry_iso)))
    return keep


def prefer_keyed(results: list, question: str, units, stop: set[str], long_forms: dict[str, list[str]],
                 margin: float = 0.85):
    """The best sentence, or a near one that writes the question's rare words when the best does
    not ("... help develop an MIS" over a sentence on a diagnostic tool that shares only the
    frame).  ``margin``: how close to the best the replacement must score."""
    if not results:
        return None
    names = {t for *_, surface, _ in countries.find_countries(question) for t in terms(surface)}
    keys = [t for t in dict.fromkeys(terms(question)) if t not in stop and t not in names
            and (units.idf.get(t, 0.0) >= MIN_KEY_IDF or t in long_forms)]
    best = results[0]
    if not keys or any(holds_any(units.unit_terms[best.unit_id], k, long_forms) for k in keys):
        # ... written only as a word of a name ("joined the ... Accelerator for Just Transitions"):
        # a sentence stating the topic, a little further down, is the better one
        asked = {t for t in terms(question) if t not in stop and t not in keys and units.idf.get(t, 0.0) >= MIN_SECOND_IDF}
        if not keys or _states_any(units, best, keys, long_forms, asked):
            return best
        b = units.units[best.unit_id]
        for r in results[1:]:
            if r.score < NAMED_ONLY_MARGIN * best.score:
                break
            u = units.units[r.unit_id]
            if u.passage_id == b.passage_id and u.start < b.end and b.start < u.end:
                continue  # a clause of the same sentence, cut inside the name
            if _states_any(units, r, keys, long_forms, asked):
                return r
        return best
    for r in results[1:]:
        if r.score < margin * best.score:
            break
        if any(holds_any(units.unit_terms[r.unit_id], k, long_forms) for k in keys):
            return r
    return best


def _states_any(units, r, keys: list[str], long_forms: dict[str, list[str]], asked: set[str]) -> bool:
    """Does the sentence write a key word outside its names and quoted titles (app.qa.topics.name_words)?"""
    ut = stated_terms(units, r.unit_id, asked, keys)
    return any(holds_any(ut, k, long_forms) for k in keys)
