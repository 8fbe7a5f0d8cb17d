"""The conversational shell around a question: openers, hedges and remarks that ask nothing.

"I'm not entirely sure how to phrase this, but morocco c102 ratification year - I need it for a
presentation" asks the same as "morocco c102 ratification year".  :mod:`app.qa.form.asides` drops the
asker's clauses when the question proper opens on a question word; a keyword core ("morocco c102
ratification year"), a question word deep in its clause ("but the minister of which island state
was quoted") or a clause after "so" ("..., so under which institute ...") gives it no place to
start, and the whole sentence is read: its words ("phrase", "presentation", "find") become topics
and relation cues, and the answer goes.

:func:`without_shell` splits the question into clauses and drops, from the front, the clauses that
are about the asker or the conversation (a first- or second-person word, an apology or greeting,
"this might be a basic one") and name nothing the report holds; then, from the back, the clauses
of the same kind after the question proper ("and could you point me to where the report says
so?", "since my manager wants it checked").  What remains must still name something (the caller
checks with ``names``) or nothing is dropped.

Ordinary English only (pronouns, greetings, hedges, verbs of asking): no name from any report.
"""
from __future__ import annotations

import re
from typing import Callable

from app.qa.form.asides import NAMEISH, OPERATION, Reduced, _refers_back

# The asker and the one asked: first- and second-person words (never "US", the country or dollar),
# and a stated purpose ("for a slide", "for my briefing").  Nouns for people ("students",
# "the board") are not here: they are as often what the report is about.
_ASKER = re.compile(
    r"(?-i:\bus\b)|\bi\b(?![.’'-]?\w?\.)|"
    r"\b(?:i'm|i’m|i'd|i’d|i've|i’ve|i'll|me|my|mine|myself|we|we're|we’re|we've|we’ve|we'd|we’d|our|ours|"
    r"you|your|yours)\b"
    r"|\bfor\s+(?:a|an|my|our|this)\s+(?:[\w-]+\s+){0,2}?(?:slides?|speech|presentation|briefing|brief|note|memo|"
    r"paper|article|piece|meeting|talk|blog|newsletter|thesis|class|lecture|workshop|dashboard|map)\b", re.I)
# A name the linker may not know (``asides.NAMEISH``): a clause holding one may be the subject
# ("I came across RAMU ...").
_NAMEISH = NAMEISH

# Clause breaks: punctuation, parentheses, a dash between spaces (or closing the question), and
# "but"/"so" opening a new clause after a comma-less hedge ("I'm not sure how to phrase this but ...").
_BREAK = re.compile(r"\s*(?:[,;:!?()]|\s[-–—](?=\s|$)|\.(?=\s+[A-Za-z])(?<![A-Z]\.)(?<!\bNo\.)|"
                    r"(?<=\w)\s+(?=(?:but|so)\s))\s*", re.I)
# Clauses about the conversation rather than the asker: apologies, greetings, "quick question",
# "this might be a basic one", "out of curiosity".
_META = re.compile(r"^(?:(?:but|so|and|ok|okay|well|now)\s+)?(?:sorry|apologies|hi|hello|hey|thanks|thank you|"
                   r"quick question|one (?:more|last|quick) (?:thing|question)|just (?:a|one) (?:quick )?question|"
                   r"out of curiosity|by the way|bear with|for (?:context|background)|"
                   r"(?:this|it|that) (?:might|may|could|should|must|will|would|is|was|seems?)\b|"
                   r"(?:if|as far as) (?:i|we) (?:remember|recall|know|can tell|understand)|"
                   r"(?:i|we) (?:think|believe|guess|suppose|wonder)\b)", re.I)
# A hedge or connective left at the front of the kept text ("so", "but", "and", "then").
_LEADING_JOIN = re.compile(r"^(?:(?:so|but|and|then|well|anyway|ok|okay)\b[\s,]*)+", re.I)
# A clause that goes on from the one before ("(this is for a slide, so a short answer is fine)").
_CONTINUES = re.compile(r"^(?:so|and|since|as|because|which|who)\b", re.I)
# Words that change what is asked: a clause holding one is never dropped from inside the question.
_CHANGES = re.compile(r"\b(?:not|no|never|without|except|excluding|besides|apart|other than|only|but not)\b", re.I)
# A request for the evidence rather than a second question: "where the report says so", "which
# page that is on", "the source".
_EVIDENCE_REQUEST = re.compile(r"\bwhere\s+(?:in\s+the\s+report\s+)?(?:(?:does|do|did|is)\s+)?(?:the\s+report|it|this|that)\s+"
                               r"(?:says?|states?|mentions?|is\s+(?:stated|said|written|mentioned|reported))\b|"
                               r"\b(?:which|what)\s+(?:page|section|passage|paragraph|source)\b|\b(?:cite|quote)\s+(?:the|a|your)\b",
                               re.I)
MAX_ASIDE_WORDS = 7  # the longest remark dropped from inside a question
# A request that is the question itself ("could you list the countries that ...").
_REQUEST = re.compile(r"\b(?:list|name|identify|give|enumerate)\b", re.I)
# A question word: a clause holding one before the question proper has started is the question.
_QWORD = re.compile(r"\b(?:which|what|who|whom|whose|where|when|how)\b(?!\s+to\b)", re.I)  # not "how to phrase"


def _clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty clause."""
    spans, pos = [], 0
    for m in list(_BREAK.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        if text[pos:end].strip():
            spans.append((pos, end))
        pos = m.end() if m else len(text)
    return spans


def _shell(clause: str, names: Callable[[str], bool], lead: bool, asked_yet: bool | None = None) -> bool:
    """Is this clause about the asker or the conversation, naming nothing the report holds?
    Before the question proper, or before any question word, a clause with a question word or a
    request to list is the question ("tell me which ...", "could you list the countries that");
    after one, "could you point me to where ..." is a request, not a second question."""
    c = clause.strip()
    if OPERATION.match(c):
        return False  # "if you sum the rows under ...": what to compute, not the conversation
    if _EVIDENCE_REQUEST.search(c) and not _NAMEISH.search(c):
        return not names(c)  # "..., and where does the report say so?": after a keyword core too
    if not (_ASKER.search(c) or _META.match(c)) or _NAMEISH.search(c):
        return False
    if (lead or asked_yet is False) and (_QWORD.search(c) or _REQUEST.search(c)) and not _META.match(c):
        return False
    return not names(c)


_CONTINUES_NOT_SO = re.compile(r"^(?:and|since|as|because|which|who)\b", re.I)


def _shell_flags(texts: list[str], names: Callable[[str], bool], continues: re.Pattern) -> list[bool]:
    """Which clauses are shell: about the asker or the conversation, or going on from one that is."""
    shell, before = [], False
    for c in texts:
        kept = [t for t, x in zip(texts, shell) if not x]
        lead = not kept  # no part of the question proper seen yet
        asked_yet = any(_QWORD.search(t) or _REQUEST.search(t) for t in kept)
        this = _shell(c, names, lead, asked_yet) or (
            before and bool(continues.match(c)) and not _QWORD.search(c) and not _NAMEISH.search(c) and not names(c))
        shell.append(this)
        before = this
    return shell


def without_shell(question: str, names: Callable[[str], bool]) -> Reduced:
    """The question without the conversational clauses before, inside and after its core.

    ``names(text)`` says whether a text names something the report holds (an entity linked beyond
    the report's author); a clause that does is the asker's context or part of the question, and
    stays.  Inside the question a shell clause is dropped only when it holds no word that changes
    what is asked ("not", "except", "only").  Nothing is dropped when every clause is shell.
    """
    q = " ".join(question.split())
    spans = _clauses(q)
    if len(spans) < 2:
        return Reduced(question, [])
    texts = [q[s:e].strip() for s, e in spans]
    shell = _shell_flags(texts, names, _CONTINUES)
    core = [i for i, x in enumerate(shell) if not x]
    if not core:
        # "If I remember correctly the report covers this, so shock responsive social protection
        # countries, and could you point me to ...": when every clause looks like shell, the one
        # that "so" opens is the question proper, not the hedge going on
        shell = _shell_flags(texts, names, _CONTINUES_NOT_SO)
        core = [i for i, x in enumerate(shell) if not x]
    if not core or len(core) == len(spans):
        return Reduced(question, [])
    first, last = core[0], core[-1]
    # inside the question only a short remark is an aside ("and correct me if I'm wrong"); a longer
    # clause there describes what is asked ("and I remember the report describing a savings scheme")
    keep = [i for i in range(first, last + 1)
            if not shell[i] or _CHANGES.search(texts[i]) or len(texts[i].split()) > MAX_ASIDE_WORDS]
    dropped = [texts[i] for i in range(len(spans)) if i not in keep]
    if not dropped:
        return Reduced(question, [])
    out, prev = "", None
    for i in keep:
        s, e = spans[i]
        if prev is not None:
            gap = q[spans[prev][1]:s] if prev == i - 1 else " "
            out += gap if prev == i - 1 else " "
        out += q[s:e]
        prev = i
    core_text = _LEADING_JOIN.sub("", out.strip()).rstrip(" ,;:-–—.(")
    core_text = re.sub(r"\(\s*\)", " ", core_text)
    core_text = " ".join(core_text.split())
    if not re.search(r"\w", core_text) or (min(i for i, _ in enumerate(texts) if i not in keep) < last
                                            and _refers_back(core_text)):
        return Reduced(question, [])  # "... which country that roll-out is in": the opener is needed
    if q.rstrip().endswith("?") or _QWORD.match(core_text):
        core_text += "?"
    return Reduced(core_text, dropped)
