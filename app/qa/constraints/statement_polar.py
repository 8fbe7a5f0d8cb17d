"""Yes/no questions the report answers in a sentence, not in a list: "Was the ILO identified as the
lead agency of the UN Global Accelerator country team in Malawi?", "Were regional focal points
for the Flagship Programme appointed in 2024?", "Can non-nationals living in Lebanon receive the
National Disability Allowance?".

The membership readings (:mod:`app.qa.constraints.polar`, :mod:`superlative_polar`,
:mod:`every_polar`, :mod:`topic_polar`) need a list, a ranking or a country's topic; a statement
about one thing has none, and the engine answered such a question with whatever list its words
suggested.  Here the question is set against the report's sentences: the sentence, list item or
clause (with the one before it when it goes on from it, "this recommendation ...", and the one
after it when that one turns on it, "However, ... could not be implemented") that writes most of the
question's words, weighted by how rare each is, every year, ordinal and figure it names, and every entity it names.  When that window writes enough of the question (``MIN_COVER``), the
answer is Yes, or No when the window negates ("could not be implemented", "is yet to"); a
question that is itself negated turns the verdict.  When no window does, there is no verdict and
the engine's own answer stands: silence is no "No" here, as the question may be worded in words
the report does not use.

Only ordinary English: auxiliaries, negation words, light verbs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.qa.form.embedded_polar import ASKED_NOT, CLAIM_SOURCE, CLAIM_TAG
from app.qa.topics.topic_coverage import holds_any
from app.qa.units import terms

_POLAR = re.compile(r"^\s*(?:is|are|was|were|has|have|had|does|do|did|can|could|will|would)\b"
                    r"(?!\s+(?:you|u|there|it\s+true|the\s+report\s+(?:say|state|mention))\b)", re.I)  # ("is ukraine ...": a name)
# a choice, a quantifier over a set, or a wh-word inside: another reading's question
_NOT_STATEMENT = re.compile(r"\b(?:or|any|every|all|each|which|what|who|whom|whose|where|when|how|why|list|name|"
                            r"more(?!\s+than)|most|fewer(?!\s+than)|less(?!\s+than)|(?<!\bat\s)least)\b", re.I)
# ("no" as a determiner, "no formal activities have taken place", never "Convention No. 102")
_NEGATION = re.compile(r"\b(?:not|never|no\s+longer|yet\s+to|unable\s+to|failed\s+to|lack\s+of|without|cannot|"
                       r"\w+n['’]t|(?-i:[Nn]o)(?=\s+[a-z])|none|nothing)\b", re.I)
# A sentence, a list item, or a clause a semicolon ends: "... Article IV reports in Cambodia, ...;
# providing technical assistance ... in Lebanon" says nothing of Article IV in Lebanon.
_SENTENCE = re.compile(r"[^.!?\n;]+(?:[.!?;]+|$)", re.M)
# A sentence that goes on from the one before ("However, ... this recommendation could not be
# implemented"): read with it
# (and a decimal point: "52.4 per cent")
_ABBREVIATION = re.compile(r"\b(?:No|Nos|Art|e\.g|i\.e|etc|approx|incl|Dr|Mr|Ms|Mrs|St|vs|cf)\.(?=\s*[\w(])|\d\.(?=\d)", re.I)
_CONTRAST = re.compile(r"^\s*(?:however|but|yet|unfortunately|nevertheless)\b", re.I)
_GOES_ON = re.compile(r"^\s*(?:however|but|yet|unfortunately|nevertheless|still|despite\s+this|this|these|that|those|"
                      r"it|they|such)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# years, ordinals and figures the question names are what it asks about: the window must write them
# ("the second funding round" is not the first)
_EXACT = re.compile(r"\b(?:(?:19|20)\d\d|\d+(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|"
                    r"ninth|tenth|eleventh|twelfth)\b", re.I)
_STOP = frozenset(terms("is are was were has have had does do did can could will would be been being the a an of "
                        "to in on for by with from at as and report ilo get gets got make made take took give gave "
                        "go went happen happened also already yet still ever really actually indeed"))
_TOPIC_KINDS = frozenset({"ThematicArea"})
MIN_COVER = 0.75  # share of the question's words (weighted by rarity) the window must write
MIN_KEYS = 3  # a question of fewer content words says too little to be matched against a sentence


@dataclass(frozen=True)
class Statement:
    label: str  # "Yes" | "No"
    passage_id: str
    span: tuple[int, int]
    cover: float
    negated: bool  # the window negates
    paired_with: str = ""  # the window pairs the stated figure with this other name ("respectively")


# A yes/no question proper, whatever it is about: an auxiliary first and no second one after it
# ("Were is the scheme run?": a misspelt "where"), no request ("Can you list ...") or "there" ("Are
# there countries ...?" may be answered by naming them), no question whether the report names a thing
# ("Does the report mention a publication on ...?" is answered by the thing), no choice ("or", or a
# comparison with "than": "Does A fund fewer countries than B?" is answered by the name that does)
# and no wh-word.
_YES_NO = re.compile(r"^\W*(?:is|are|was|were|has|have|had|does|do|did|can|could|will|would)\s+"
                     r"(?!(?:you|u|we|i|there|is|are|was|were|has|have|had|does|do|did)\b)"
                     r"(?!the\s+report\s+(?:say|state|mention|name|list|cite|refer|include|contain|have)\w*\b)", re.I)
_OTHER_ASK = re.compile(r"\b(?:or|than|which|what|who|whom|whose|where|when|how|why|list|name)\b", re.I)


# A relative pronoun after its noun, its verb right after it ("persons with disabilities who are not
# Lebanese nationals", "the fund, which was set up in 2019"), asks nothing: a wh-word of the question
# has no noun before it.
_RELATIVE = re.compile(r"(?<=[a-z0-9'’),])\s+(?:who|which|that|whose|where)\s+(?=(?:is|are|was|were|has|have|had|"
                       r"can|could|will|would|do|does|did|(?:not|still|already|also)\s+\w+|\w+ed|lives?|works?|"
                       r"receives?|gets?|holds?|runs?|covers?|pays?|funds?)\b)", re.I)


def _without_relatives(question: str) -> str:
    return _RELATIVE.sub(" ", question)


def answers_yes_or_no(question: str) -> bool:
    """Is the question answered by Yes or No and nothing else?  A list, a figure or a year in
    answer to it is a wrong-typed answer ("Does the Employment Injury Scheme pilot cover informal
    workers?" answered with the scheme)."""
    return bool(_YES_NO.match(question)) and not _OTHER_ASK.search(_without_relatives(question))


def asks(question: str) -> bool:
    """A yes/no question about one statement (no choice, quantifier or wh-word)?"""
    return bool(_POLAR.match(question)) and not _NOT_STATEMENT.search(_without_relatives(question))


# The asker's own statement before the yes/no clause that refers back to it: "Angola's National
# Assembly approved ratifying Convention No. 102 in 2024 - is that ratification already valid ...?"
_ASK_AFTER = re.compile(r"(?:[.;:!?]\s+|\s[-–—]+\s+|,\s+)(?:(?:but|and|so|then)\s+)?"
                        r"(?=(?:is|are|was|were|has|have|had|does|do|did|can|could|will|would)\b)", re.I)
_WH_CONTEXT = re.compile(r"\b(?:which|what|who|whom|whose|where|when|how|why)\b|\?", re.I)
_REFERS_BACK = re.compile(r"\b(?:that|this|these|those|it|its|they|the\s+same)\b|\bthe\s+\w+", re.I)
# "can we say ...": the asker's frame, no part of the statement (as "Our draft says ...", CLAIM_SOURCE)
_SAY = re.compile(r"^(?:can|could|may)\s+(?:we|i|one)\s+(?:really\s+)?(?:say|state|claim|write|report)\s+(?:that\s+)?", re.I)


def _unframed(text: str) -> str:
    return _SAY.sub("", CLAIM_SOURCE.sub("", text))


@dataclass(frozen=True)
class Asked:
    statement: str  # the words a window must write: the asker's context and the yes/no clause
    context: bool  # the asker stated something first: a window may span two sentences


# The asker's reason closing the question (", given where the instrument stands with the ILO"): why
# they ask, no part of what they ask.
_REASON = re.compile(r",\s*(?:given|considering|in\s+(?:light|view)\s+of|seeing\s+(?:that|as)|bearing\s+in\s+mind)\b"
                     r"[^?]*\??\s*$", re.I)


# "Were there any formal ILO activities in Samoa in 2024?": whether the thing happened, a statement
# about it ("Were formal ILO activities in Samoa in 2024?"), when what follows "any" names no kind
# of answer ("Were there any countries ...?" asks for a list)
_THERE_ANY = re.compile(r"^\s*(?P<aux>is|are|was|were)\s+there\s+any\s+(?P<rest>[^?]+\??)\s*$", re.I)


def _existence(question: str) -> str | None:
    from app.qa.question import kind_of_word

    m = _THERE_ANY.match(question)
    if m is None:
        return None
    head = re.split(r"\s+(?:in|for|at|on|by|during|under|with|from|to|of|that|which|who)\b", m.group("rest"), 1)[0]
    if any(kind_of_word(w) for w in re.findall(r"[\w'-]+", head)):
        return None
    return f"{m.group('aux')} {m.group('rest')}"


# "did the ILO carry out any formal activities": "any" before a word naming no kind of answer
# quantifies nothing the question lists ("did any country ..." does)
_ANY = re.compile(r"\bany\s+(?=([\w'-]+))", re.I)


def _without_plain_any(question: str) -> str:
    from app.qa.question import kind_of_word

    return _ANY.sub(lambda m: m.group(0) if kind_of_word(m.group(1)) or m.group(1).lower() in (
        "of", "other", "one", "more", "longer", "single", "given") else "", question)


def read(question: str) -> Asked | None:
    """The statement a yes/no question asks about, or None for a question of another kind.

    "Was the ILO identified as ...?" asks itself; "Angola's National Assembly approved ... - is
    that ratification already valid ...?" asks the clause with the statement it refers back to;
    "ivory coast digital platform for migrant workers y/n" asks the query without its tag."""
    q = _REASON.sub("?", " ".join(question.split()))
    tag = CLAIM_TAG.search(q)
    q = _unframed(q[:tag.start()] if tag and q[:tag.start()].strip() else q)
    q = _without_plain_any(_existence(q) or q)
    if asks(q):
        return Asked(q, False)
    cut = list(_ASK_AFTER.finditer(q))
    if cut:
        context, clause = q[:cut[-1].start()], q[cut[-1].end():]
        # the context states ("Angola's National Assembly approved ..."); one that asks ("Which partner
        # gave the largest share - was it the EU?") makes the clause a check of its answer
        if not _NOT_STATEMENT.search(clause) and _REFERS_BACK.search(clause) and _POLAR.match(clause) and \
                not _WH_CONTEXT.search(context):
            # "can we say the ratification is ...": the ratification is ...
            return Asked(f"{context.strip()} {_unframed(clause)}", True)
    if tag and not _NOT_STATEMENT.search(q) and len(q.split()) >= MIN_KEYS:
        return Asked(q, False)
    return None


def _held(held: list[str], key: str, long_forms: dict[str, list[str]]) -> bool:
    """Does the window write the question's word, or another form of it ("ratifying" and
    "ratification": one stem of five letters or more, most of the shorter word)?"""
    if holds_any(held, key, long_forms):
        return True
    for t in held:
        n = 0
        for a, b in zip(t, key):
            if a != b:
                break
            n += 1
        if n >= 5 and n >= 0.8 * min(len(t), len(key)):
            return True
    return False


def verdict(question: str, entity_ids: list[str], knowledge, idf: dict[str, float],
            long_forms: dict[str, list[str]], default_idf: float = 5.0, pairs: bool = False) -> Statement | None:
    """The verdict of the window that writes the question best, or None (see the module docstring).
    ``entity_ids``: the question's linked entities (each a passage must mention), not the report's author.
    ``pairs``: the question states a context before it asks, so a window is two sentences."""
    # a thematic area ("pensions") is a topic the window's words write, not a name it must carry
    entity_ids = [e for e in entity_ids if e.split(":", 1)[0] not in _TOPIC_KINDS]
    keys = [t for t in dict.fromkeys(terms(question)) if t not in _STOP]
    if len(keys) < MIN_KEYS:
        return None
    names = {e: [n for n in knowledge.names(e) if len(n) >= 2] for e in entity_ids}
    # the words of the names the question links are checked by naming (each entity must be named or
    # carried); what the question says of them is what a window must write: "Does the Employment
    # Injury Scheme pilot cover commuting accidents?" is "pilot", "cover", "commuting accidents"
    naming = {t for e in entity_ids for n in names[e] for t in terms(n)}
    said = [k for k in keys if k not in naming]
    weight = {k: idf.get(k, default_idf) for k in (said or keys)}
    total = sum(weight.values())
    exact = {w.lower() for w in _EXACT.findall(question)}
    pids = None
    for e in entity_ids:
        got = set(knowledge.passages_mentioning(e))
        pids = got if pids is None else pids & got
    pool = sorted(pids) if pids is not None else sorted(knowledge.passages)

    def named(e: str, pid: str, lo: int, hi: int, text: str) -> bool:
        """Does the window name the entity (a mention inside it, or one of its names written)?"""
        return any(f"{m['type']}:{m['key']}" == e and lo <= m["start"] and m["end"] <= hi
                   for m in knowledge.mentions_in(pid)) or \
            any(re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", text, re.I) for n in names[e])
    def rival(e: str, pid: str, lo: int, hi: int) -> bool:
        """Does the window name another entity of the kind of ``e``?  A sentence naming none goes on
        about its paragraph's subject ("Currently, the EIS Pilot covers ...", in the paragraph on
        Bangladesh); one naming another country is about that country."""
        kind = e.split(":", 1)[0]
        return pids is None or any(m["type"] == kind and f"{m['type']}:{m['key']}" != e
                                   and lo <= m["start"] and m["end"] <= hi for m in knowledge.mentions_in(pid))
    best = None
    for pid in pool:
        p = knowledge.passage(pid)
        if p is None:
            continue
        # "Convention No. 102", "e.g. Kenya": an abbreviation's dot ends no sentence (masked, same length)
        sentences = list(_SENTENCE.finditer(_ABBREVIATION.sub(lambda a: a.group(0)[:-1] + "\u2024", p.text)))
        for i, m in enumerate(sentences):
            joined = bool(i) and (pairs or bool(_GOES_ON.match(m.group(0))))
            lo = sentences[i - 1].start() if joined else m.start()
            window = p.text[lo:m.end()]
            if exact and not exact <= {w.lower() for w in _EXACT.findall(window)}:
                continue
            carried = [e for e in entity_ids if not named(e, pid, lo, m.end(), window)]
            if any(rival(e, pid, lo, m.end()) for e in carried):
                continue  # "... Article IV reports in Cambodia ...": not the clause that names Lebanon
            # the paragraph's subject, carried into a window that does not name it, is written there;
            # an entity the window names by one name ("the EIS Pilot") writes the words of all its
            # names ("Employment Injury Scheme")
            held = terms(window + " " + " ".join(n for e in entity_ids for n in names[e]))
            cover = sum(w for k, w in weight.items() if _held(held, k, long_forms)) / total
            if best is None or cover > best[0]:
                after = sentences[i + 1] if i + 1 < len(sentences) else None
                if after is not None and _CONTRAST.match(after.group(0)):
                    # "... plans to expand the team. However, ... could not be implemented": the
                    # contrast that follows decides what became of it
                    best = (cover, pid, (lo, after.end()), p.text[lo:after.end()])
                else:
                    best = (cover, pid, (lo, m.end()), window)
    if best is None or best[0] < MIN_COVER:
        return None
    cover, pid, span, window = best
    best_terms = terms(window + " " + " ".join(n for e in entity_ids for n in names[e]))
    missing = [k for k, w in weight.items() if w >= total / len(weight) and not _held(best_terms, k, long_forms)]
    told = _telling_sentence(knowledge.passage(pid).text, span, missing, weight, long_forms) if missing else None
    if told is not None:
        # "do Nepali migrant workers abroad get maternity cover under ... the SSF scheme?": the best
        # window ("Nepal started ... schemes for informal, self-employed and migrant workers ...")
        # never writes "maternity"; the sentence of its paragraph that does ("For Nepalese working
        # abroad, ... the scheme does not provide for medical and maternity leave") says what holds
        lo, hi = min(span[0], told[0]), max(span[1], told[1])
        label, negated = _said_of(question, knowledge.passage(pid).text[told[0]:told[1]])
        return Statement(label, pid, (lo, hi), round(cover, 3), negated)
    # "Did France commit US$1.3 million ...?" of "France and Korea committed €300 thousand and US$1.3
    # million, respectively": the window pairs the stated figure with another of its names
    from app.qa.figures.numbers import respective_item

    owner = respective_item(window, question)
    if owner and entity_ids and not any(owner.lower() == n.lower() for e in entity_ids for n in names[e]) \
            and any(owner.lower() == n.lower() for m in knowledge.mentions_in(pid)
                    for n in knowledge.names(f"{m['type']}:{m['key']}")):
        return Statement("Yes" if ASKED_NOT.search(question) else "No", pid, span, round(cover, 3), False, owner)
    label, negated = _said_of(question, window)
    return Statement(label, pid, span, round(cover, 3), negated)


def _said_of(question: str, text: str) -> tuple[str, bool]:
    """("Yes" or "No", whether ``text`` negates): a negated text answers No to a plain question and
    Yes to a negated one.  A negative word the question writes as part of its topic ("workers
    without contracts") negates nothing."""
    topical = {w.lower() for w in _NEGATION.findall(question)} - {w.lower() for w in ASKED_NOT.findall(question)}
    negated = any(w.lower() not in topical for w in _NEGATION.findall(text)) or _only_ahead(question, text)
    return ("Yes" if negated == bool(ASKED_NOT.search(question)) else "No"), negated


# "expected to be fully adopted in 2025", "will take effect", "is set to be launched": what the
# question asks as done is written as still ahead
_AHEAD = re.compile(r"\b(?:(?:expected|planned|scheduled|set|due|foreseen|slated|meant)\s+to(?:\s+be)?|will(?:\s+be)?|"
                    r"is\s+to\s+be|are\s+to\s+be|yet\s+to\s+be)\s+(?:(?:fully|formally|officially|finally|soon|then)\s+)?$",
                    re.I)
# the question asks it as done: a past or perfect auxiliary first ("has Suriname fully adopted ...")
_ASKED_DONE = re.compile(r"^\W*(?:has|have|had|did|was|were)\b", re.I)


def _only_ahead(question: str, text: str) -> bool:
    """Does the text write the question's own verb only as still ahead ("has Suriname fully adopted
    the NSPS yet?" of "... expected to be fully adopted in 2025")?"""
    if not _ASKED_DONE.match(question):
        return False
    asked = {t for t in terms(question) if t not in _STOP}
    seen = False
    for m in re.finditer(r"[A-Za-z][\w-]*", text):
        if not (m.group(0).lower().endswith(("ed", "en")) and set(terms(m.group(0))) & asked):
            continue  # the question's participle ("adopted", "launched") written in the text
        seen = True
        if not _AHEAD.search(text[max(0, m.start() - 40):m.start()]):
            return False  # written as done somewhere: not only ahead
    return seen


def _telling_sentence(text: str, span: tuple[int, int], missing: list[str], weight: dict[str, float],
                      long_forms: dict[str, list[str]]) -> tuple[int, int] | None:
    """The span of the sentence of the best window's passage that writes the most of the rare words
    the window misses, then the most of the question's other words; None when none writes one."""
    best = None
    for m in _SENTENCE.finditer(_ABBREVIATION.sub(lambda a: a.group(0)[:-1] + "\u2024", text)):
        if span[0] <= m.start() and m.end() <= span[1]:
            continue
        held = terms(m.group(0))
        found = sum(weight[k] for k in missing if _held(held, k, long_forms))
        if not found:
            continue
        rank = (found, sum(w for k, w in weight.items() if _held(held, k, long_forms)))
        if best is None or rank > best[0]:
            best = (rank, (m.start(), m.end()))
    return best[1] if best else None


def answer(out: dict, said: Statement, knowledge, make_evidence) -> dict:
    """Fill ``out`` with the verdict and the window it rests on."""
    p = knowledge.passage(said.passage_id)
    text = " ".join(p.text[said.span[0]:said.span[1]].split())
    why = (f"a sentence writes {said.cover:.0%} of the question's words"
           + (" and negates it" if said.negated else "")
           + (f", but pairs the stated figure with {said.paired_with}" if said.paired_with else "") + f": “{text}”")
    ev = [make_evidence(said.passage_id, [], spans=[said.span])]
    out.pop("message", None)  # the notice of the readings before, which found nothing
    out.update(answers=[{"label": said.label, "type": "Text", "score": said.cover, "evidence": ev, "path": [why]}],
               answer_type="Text", strategy="text (yes/no on a statement)", path=[why],
               answer_text=f"{said.label}: the report says “{text}” [1]", citations={"1": said.passage_id})
    return out
