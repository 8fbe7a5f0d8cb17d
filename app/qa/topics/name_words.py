"""A topic word written only inside a name or a quoted title says nothing about the topic.

Why: "which countries worked on just transition" was answered by every country that joined the
"UN Global Accelerator on Jobs and Social Protection for Just Transitions", and "refugees" by the
country named in an evaluation's title ("... under the Comprehensive Refugee Response Framework in
Central America and Mexico").  The words are the name of an initiative, a framework, an event or a
publication, not a statement that the country worked on the topic.

A name here is a run of capitalised words (joined by small words: "of", "and", "for", "on") or a
quoted title.  A name that is a country's own instrument ("Employment Injury Scheme", "National
Disability Allowance", "Universal Health Insurance Scheme") does say what the country does: its
words count, and so does a quoted title that a project or programme word introduces (the project
"Improving synergies between social protection and public finance management" is the work).
Ordinary English words only; no fact of the report.
"""
from __future__ import annotations

import re
from functools import lru_cache

from app.qa.units import terms

# connectors inside a name: "Global Accelerator on Jobs and Social Protection for Just Transitions"
_SMALL = frozenset("of and for on the in to a an with towards toward & de du des la le et".split())
# a name with one of these words is an instrument a country runs: its words are the country's work
_INSTRUMENT = frozenset("""scheme schemes insurance fund funds allowance allowances benefit benefits grant grants
pension pensions programme programmes program programs law laws act code codes strategy strategies policy
policies pilot plan plans subsidy subsidies assistance transfer transfers system systems service services
project projects floor floors package registry""".split())
_TOKEN = re.compile(r"[\w'’.-]*\w|[^\w\s]")  # a comma, a dash, a bracket or a quote ends a name
_QUOTED = re.compile(r"[“\"]([^”\"]{3,})[”\"]")
_INTRO = re.compile(r"(?i)\b(?:project|programme|program|scheme|strategy|policy|law|initiative\s+to)\W+(?:\w+\W+){0,2}$")


def _capital(tok: str) -> bool:
    return tok[:1].isupper()


def _acronym(tok: str) -> bool:
    return len(tok) >= 2 and tok.isupper()


def name_spans(text: str) -> list[tuple[int, int, str]]:
    """:func:`_name_spans`, read once per sentence (every topic question re-reads its candidates)."""
    return list(_name_spans(text))


@lru_cache(maxsize=8192)
def _name_spans(text: str) -> tuple[tuple[int, int, str], ...]:
    """Where the sentence writes a name that is no instrument of a country, or a quoted title,
    with the name's head: the word before its first small word ("Statistical Bulletin on Social
    Protection": a bulletin), else its last ("" for a quoted title)."""
    spans: list[tuple[int, int, str]] = []
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    i = 0
    while i < len(toks):
        if not _capital(toks[i][2]):
            i += 1
            continue
        j, last, caps, head = i, i, 0, None
        while j < len(toks) and (_capital(toks[j][2]) or toks[j][2].lower() in _SMALL):
            tok = toks[j][2]
            if _capital(tok):
                last, caps = j, caps + 1
            elif head is None:
                head = toks[j - 1][2]
            # "GIZ and the European Union": an acronym is a whole name, and "and the" joins two
            if j + 1 < len(toks) and toks[j + 1][2].lower() in _SMALL and \
                    (_acronym(tok) or (tok.lower() == "and" and toks[j + 1][2].lower() == "the")):
                j += 1
                break
            j += 1
        head = head if head is not None and _capital(head) else toks[last][2]
        # two capitals are a thing's own name ("Typhoon Yagi"); a title runs longer, and a
        # sentence's first word is capitalised by position
        need = 4 if i == 0 else 3
        if j >= len(toks) and i > 0:
            need, head = 2, ""  # a text cut inside a name ("... under the Comprehensive Refugee"): its end is lost
        words = {t[2].lower().strip(".'’") for t in toks[i:last + 1]}
        if caps >= need and not words & _INSTRUMENT:
            if last - i + 1 == caps == 3:
                # "Super Typhoon Rai": in a short name of capitals alone, the word before the last
                # one is what the thing is (a typhoon), and says it; a title has its small words
                spans += [(toks[i][0], toks[last - 2][1], head)] if last - 2 >= i else []
                spans.append((toks[last][0], toks[last][1], head))
            else:
                spans.append((toks[i][0], toks[last][1], head))
        i = max(j, i + 1)
    for m in _QUOTED.finditer(text):
        if not _INTRO.search(text[:m.start()]) and not set(terms(m.group(1))) & set(terms(" ".join(_INSTRUMENT))):
            spans.append((m.start(), m.end(), ""))
    return tuple(spans)


def _is_key(word: str, keys) -> bool:
    """Is the name's head word one of the question's key words: the name is then a thing of the
    asked kind ("the second Statistical Bulletin on Social Protection" is a statistics bulletin)."""
    return any(t == k or (len(t) >= 6 and len(k) >= 6 and t[:6] == k[:6]) for t in terms(word) for k in keys)


def terms_outside_names(text: str, asked: set[str] = frozenset(), keys=()) -> set[str] | None:
    """The sentence's terms with its names and quoted titles left out; None when it writes none.
    A name holding one of ``asked`` (the question's own distinctive words beside its topic: "which
    countries joined the accelerator for just transitions") is the name the question asks about,
    and stays."""
    spans = [(s, e) for s, e, head in name_spans(text)
             if not asked & set(terms(text[s:e])) and not _is_key(head, keys)]
    if not spans:
        return None
    out, at = [], 0
    for s, e in sorted(spans):
        if s >= at:
            out.append(text[at:s])
            at = e
        else:
            at = max(at, e)
    out.append(text[at:])
    return set(terms(" . ".join(out)))


def stated_terms(units, i: int, asked: set[str] = frozenset(), keys=()) -> set[str]:
    """:func:`terms_outside_names` of a unit; a clause is read in its sentence, so a name the
    clause cuts short ("... under the Comprehensive Refugee") is still a name."""
    u = units.units[i]
    host = u
    if u.kind != "sentence":
        host = next((units.units[j] for j in units.by_passage.get(u.passage_id, [])
                     if units.units[j].kind == "sentence" and units.units[j].start <= u.start
                     and u.end <= units.units[j].end), u)
    if host is u:
        return terms_outside_names(u.text, asked, keys) or units.unit_terms[i]
    lo, hi = u.start - host.start, u.end - host.start
    spans = sorted((max(s, lo), min(e, hi)) for s, e, head in name_spans(host.text)
                   if s < hi and lo < e and not asked & set(terms(host.text[s:e])) and not _is_key(head, keys))
    if not spans:
        return units.unit_terms[i]
    out, at = [], lo
    for s, e in spans:
        out.append(host.text[at:max(at, s)])
        at = max(at, e)
    out.append(host.text[at:hi])
    return set(terms(" . ".join(out)))

