"""A choice among named candidates: "Between Swaziland and Côte d'Ivoire, which one recorded a
result?", "Did Kenya or Malawi get a scheme reform: which?".

The named things of the asked type are not the other end of a relation (not "countries funded by
Kenya"): they are the pool the answer is picked from.  They are taken out of the question's links
before the relations are read, and come back as one ``VALUES`` constraint on the answer, so the
graph's own constraints decide which of them qualify (possibly none, possibly both).
"""
from __future__ import annotations

import re

from app.qa.figures.figure_choice import YARDSTICK
from app.qa.graphstep import Constraint, _iri
from app.qa.question import ENTITY_FOR_TYPE, Analysis, heading_result_types

# "between A and B", "A or B ... which", "which of A and B", "which one of A, B or C"
_CHOICE = re.compile(r"\bbetween\b|^\s*(?:among|of|out of)\b|\bhow many of\b|\bwhich (?:one |of (?:the )?(?:two|three|them|these|those) )|\bwhich of\b|"
                     r"\b(?:or|and)\b[^?]{0,80}\bwhich (?:one|of (?:the|them))\b", re.I)


def take(a: Analysis) -> list[str]:
    """The pooled entity ids (and removes their links from ``a``), or [] when the question picks
    from no named set.  The pool is a run of names joined by "and" / "or" / commas ("Kenya and
    Ghana"); a name elsewhere in the question ("does the Netherlands fund") keeps its role.  When
    the question's words name no type ("which one"), the pool's type is the one asked."""
    if not _CHOICE.search(a.question):
        return []
    want = ENTITY_FOR_TYPE.get(a.answer_type)
    runs: list[list] = []
    for l in sorted(a.links, key=lambda l: l.start):
        joined = runs and _JOIN.fullmatch(a.question[runs[-1][-1].end:l.start]) and runs[-1][-1].type == l.type
        if joined:
            runs[-1].append(l)
        else:
            runs.append([l])
    pools = [r for r in runs if len(r) >= 2 and all(main_id(l) for l in r) and _offered(a.question, r[0].start)
             and (r[0].type == want or (_PICK.search(a.question) or _BARE_WHICH.search(a.question)
                                        or _WHICH_OF.search(a.question[:r[0].start]))
                  and r[0].type in ENTITY_TYPES)]
    if len(pools) != 1:
        return []
    pooled = pools[0]
    if pooled[0].type != want:
        a.answer_type = next(t for t, e in ENTITY_FOR_TYPE.items() if e == pooled[0].type)
        heading_result_types(a)  # read again for the asked countries
    a.links = [l for l in a.links if l not in pooled]
    return list(dict.fromkeys(main_id(l) for l in pooled))


def pooled_type(a: Analysis) -> str | None:
    """The answer type of the named pool a count is taken among ("of Kenya, Ghana and Ethiopia, how
    many ...", "how many of Jordan, Kenya and Peru ...": countries), or None; ``a`` is left as is."""
    from dataclasses import replace

    if not _COUNT_AMONG.search(a.question):
        return None
    for t in ("Country", "Organization"):
        if take(replace(a, answer_type=t, links=list(a.links))):
            return t
    return None


# "of A, B and C, how many", "how many of A, B and C": a count among named things
_COUNT_AMONG = re.compile(r"^\s*(?:of|out of|among)\b[^?]*\bhow many\b|\bhow many of\b", re.I)


def _offered(question: str, start: int) -> bool:
    """Are the names offered as the choice: right after "between" / "which of", or anywhere when
    the question picks "which one" / "which of them"?"""
    return bool(_BEFORE_POOL.search(question[:start]) or _PICK.search(question))


_BEFORE_POOL = re.compile(r"\b(?:between|which of|how many of|whether|among)\s+(?:the\s+)?$|^\s*(?:of|out of)\s+(?:the\s+)?$", re.I)
# "Among Iraq, Jordan and Lebanon, which have ratified ...": a "which" with no noun of its own asks
# for the offered names' kind, whatever noun comes after the verb.
_BARE_WHICH = re.compile(r"\bwhich\s+(?:ones?\s+)?(?:have|has|had|did|do|does|is|are|was|were)\b", re.I)
# "Which of Laos, Vietnam and Cambodia chalked up a scheme reform result": the names straight after
# "which of" are the kind asked, whatever noun ("scheme") the rest of the question holds.
_WHICH_OF = re.compile(r"\bwhich\s+of\s+(?:the\s+)?$", re.I)
_PICK = re.compile(r"\bwhich ones?\b|\bwhich of (?:the (?:two|three)|them|these|those|both)\b", re.I)
_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|and/or)\s+)(?:the\s+)?", re.I)
ENTITY_TYPES = ("Country", "Organization", "Initiative")


def main_id(link) -> str | None:
    """The one entity a link names as its own type ("Ireland": the country, not also its government)."""
    own = [i for i in link.ids if i.split(":", 1)[0] == link.type]
    return own[0] if len(own) == 1 else None


def constraint(ids: list[str]) -> Constraint:
    values = " ".join(_iri(i) for i in ids)
    return Constraint(f"VALUES ?answer {{ {values} }}", "one of the named: " + ", ".join(ids),
                      [], relation="choice")


# "A or B", "A and B", "A than B": names compared ("which funds more countries, Ireland or Japan",
# "does Ireland fund more countries than Japan").
_THAN = re.compile(r"\s+(?:[\w'’-]+\s+){0,6}?than\s+(?:the\s+)?", re.I)
# "ireland vs france", "Japan versus Portugal", "comparing Japan with Portugal": names set against
# each other (read only where a comparative asks which has more).
_VERSUS = re.compile(r"\s*(?:vs\.?|v\.|versus|against|(?:compared\s+)?(?:with|to))\s+(?:the\s+)?|"
                     # "does japan fund compared with portugal": a few words, then the comparison
                     r"\s+(?:[\w'’-]+\s+){0,4}?(?:vs\.?|versus|compared\s+(?:with|to)|as\s+against)\s+(?:the\s+)?", re.I)


# "Compared with Zambia, did Uganda achieve more ...", "Relative to Japan, does Portugal fund ...":
# the yardstick fronted, then a clause naming the other within a few words.
# "Malawi with its new older persons' grant or Burkina Faso with CNAMU affiliation under RAMU": each
# name with its own descriptor (a prepositional phrase of a few words), the two set against each other
_DESCRIPTOR = r"(?:with|under|through|for|by|via|from)\s+(?:[\w'’-]+\s+){0,7}?"
# ... or each name owns its descriptor ("Burkina Faso's enrolment into its health insurance fund, or
# Malawi's new grant for people aged 70 and over")
_POSSESSED = r"['’]s\s+(?:[\w'’-]+\s+){0,9}?[\w'’-]+,?\s+"
_DESCRIBED = re.compile(r"(?:\s+" + _DESCRIPTOR + r"|" + _POSSESSED + r")(?:or|vs\.?|versus)\s+(?:the\s+)?(?:new\s+)?", re.I)
# (or, after a possessive first side, a noun phrase the second name qualifies: "Lebanon's National
# Disability Allowance or the new OPT social allowances for ...")
_LAST_DESCRIBED = re.compile(r"\s+(?:with|under|through|for|by|via|from)\s+[^?!.;,]{2,80}|['’]s\s+[^?!.;,]{2,80}", re.I)
_LAST_ATTRIBUTIVE = re.compile(r"\s+(?-i:[a-z])[^?!.;,]{2,80}", re.I)
_FRONTED = re.compile(r"(?:^|[.?!;:]\s*)" + YARDSTICK + "$", re.I)
_FRONTED_GAP = re.compile(r"\s*,\s*(?:[\w'’-]+\s+){0,4}?(?:the\s+)?", re.I)


def compared(a: Analysis) -> list:
    """The links of the names a comparison sets against each other (same type), or []."""
    links = sorted(a.links, key=lambda l: l.start)
    for i, l in enumerate(links[:-1]):
        nxt = links[i + 1]
        gap = _ROLE.sub("", a.question[l.end:nxt.start])  # "the Dutch government or the EU"
        fronted = bool(_FRONTED.search(a.question[:l.start]) and _FRONTED_GAP.fullmatch(gap))
        if _comparable(l.type, nxt.type) and main_id(l) and main_id(nxt) and \
                (_JOIN.fullmatch(gap) or _THAN.fullmatch(gap) or _VERSUS.fullmatch(gap) or fronted
                 or (_DESCRIBED.fullmatch(gap) and _LAST_DESCRIBED.match(a.question[nxt.end:]))):
            if fronted:
                return [l, nxt]
            run = [l, nxt]  # "France, Germany or Portugal": the whole run of names is compared
            for more in links[i + 2:]:
                if _comparable(more.type, l.type) and main_id(more) and _JOIN.fullmatch(a.question[run[-1].end:more.start]):
                    run.append(more)
                else:
                    break
            return run
    # "Malawi's new Old Persons' Grant or Burkina Faso's CNAMU health insurance enrolment": names of
    # other types inside a possessive descriptor are the descriptor's words, not the names compared
    for i, l in enumerate(links[:-1]):
        nxt = next((m for m in links[i + 1:] if _comparable(l.type, m.type) and main_id(m)), None)
        if nxt is None or nxt is links[i + 1] or not main_id(l):
            continue
        if re.match(_POSSESSED, a.question[l.end:]) and _DESCRIBED.fullmatch(a.question[l.end:nxt.start]) \
                and (_LAST_DESCRIBED.match(a.question[nxt.end:]) or _LAST_ATTRIBUTIVE.match(a.question[nxt.end:])):
            return [l, nxt]
    return []


def compared_spans(a: Analysis, run: list) -> list[tuple[int, int, str]]:
    """(start, end, text) of each compared name, a name's own descriptor included when the names
    are told apart by descriptors ("Malawi with its new older persons' grant or Burkina Faso with
    CNAMU affiliation under RAMU"), so that the figure asked of each is the one its descriptor says."""
    q = a.question
    described = len(run) == 2 and _DESCRIBED.fullmatch(q[run[0].end:run[1].start]) is not None
    if not described:
        return [(l.start, l.end, q[l.start:l.end]) for l in run]
    # (the first descriptor runs up to the "or" / "vs" that the gap ends with)
    gap = re.match(r"(?P<d>.*?),?\s*(?:\bor|\bvs\.?|\bversus)\s+(?:the\s+)?(?:new\s+)?$", q[run[0].end:run[1].start], re.I | re.S)
    first_end = run[0].end + (len(gap.group("d")) if gap else 0)
    last = _LAST_DESCRIBED.match(q[run[1].end:]) or (
        _LAST_ATTRIBUTIVE.match(q[run[1].end:]) if re.match(_POSSESSED, q[run[0].end:]) else None)
    last_end = run[1].end + (last.end() if last else 0)
    return [(run[0].start, first_end, q[run[0].start:first_end].strip()), (run[1].start, last_end, q[run[1].start:last_end].strip())]


# (a region's "countries" too: "did the Asia and the Pacific countries or the Arab States countries ...")
_ROLE = re.compile(r"^\s*(?:government|governments|authorities|countries)\b", re.I)


def _comparable(t1: str, t2: str) -> bool:
    """Names of one kind, or a country next to an organisation ("the Dutch or the EU"): a country
    set against an organisation is its government."""
    return t1 == t2 or {t1, t2} == {"Country", "Organization"}
