"""Chains of two relations: which year, which named entity and which extra registry relation
belongs to which part of a question that composes relations.

"Of the countries that formally inquired about Convention No. 102, which had a Result 1 in
2024?" asks for the intersection of two answer sets, each the answer of a one-relation question
the generated bank holds ("which countries inquired about [convention]", "which countries achieved
[result]").  The hand-written graph step (:mod:`app.qa.graphstep`) already conjoins the relations it
knows; this module adds what composition needs beyond it:

* :func:`year_owner` -- with two years, each qualifies the relation worded nearest to it
  ("ratified since 2021 ... a result in 2024");
* :func:`compose` -- a registry relation the hand-written step does not cover (inquiredAbout,
  alignmentAssessed, priorityCountryOf of a named initiative, founderOf ...) becomes one more
  conjunct when the question words it (a registry keyword outside the linked names) and names its
  other end; when it and a hand-written relation claim the same named entity, the relation with
  more of its words in the question keeps it ("inquired about the ratification campaign" is an
  inquiry, not a ratification).

Everything is read from the relation registry (keywords, domain, range): no phrasing rules.
"""
from __future__ import annotations

import re

from app.qa.constraints import ongoing_status
from app.qa.relation.roles import forward, holders, reverse
from app.qa.question import ANY_RESULT, FUND, MEMBERS, PATHFINDER, RATIFY, RESULT_TYPES, YEAR, Analysis, blank_source_mentions
from app.qa.units import stem
from graph.relations import REGISTRY, Relation

# The hand-written relation cues (as graphstep names them) a year can qualify.
_CUES: dict[str, tuple[re.Pattern, ...]] = {
    "ratify": (RATIFY,), "result": (ANY_RESULT, *RESULT_TYPES.values()), "pathfinder": (PATHFINDER,),
    "fund": (FUND,), "member": (MEMBERS,),
}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Relations the hand-written step answers, by the analysis flag that switches each on
# (priorityCountryOf is composed: the hand-written step only knows the report's own priority list).
_HANDWRITTEN_FLAG = {"fundedBy": "fund", "ratified": "ratify", "pathfinderOf": "pathfinder", "memberOf": "members",
                     "coChairOf": "chair", "partneredWith": "partner", "supportedBy": "partner",
                     "achievedResult": "any_result", "inRegion": None}
# Relations too generic to compose (their keywords are everyday words of every question).
_NOT_COMPOSED = {"hasQuantity", "onTopic", "activityConcerns", "activityIn", "activityInvolved", "publicationAbout",
                 "schemeInCountry", "projectInCountry", "instrumentOfCountry", "publishedBy", "governmentOf",
                 "agencyOf", "institutionOf", "partOf", "administeredBy"}


def _blank(a: Analysis) -> str:
    """The question with linked names and mentions of the report itself blanked (same length), so
    neither a name nor the source ("according to the report") is a relation word."""
    q = a.question
    for l in a.links:
        q = q[:l.start] + " " * (l.end - l.start) + q[l.end:]
    return blank_source_mentions(q)


def cue_count(a: Analysis) -> int:
    """How many of the hand-written relations the question words (outside linked names)."""
    blank = _blank(a)
    return sum(1 for rxs in _CUES.values() if any(rx.search(blank) for rx in rxs))


# A finite verb between the year and a later cue starts the next predicate ("... in 2023 *are* funded").
_NEW_VERB = re.compile(r"\b(?:are|is|were|was|have|has|had|do|does|did|get|gets|got|receive|receives|received)\b", re.I)
_DATING = re.compile(r"\b(?:in|since|during|by|before|after|until|from)\s+$", re.I)
_RANGE_BEFORE = re.compile(r"\b(?:since|before|after|until|prior\s+to)\s+$", re.I)


def _cue_before(blank: str, pos: int) -> bool:
    """Is a relation cue worded before ``pos`` in the same clause?"""
    clause = re.split(r"[,;:?]", blank[:pos])[-1]
    return any(rx.search(clause) for rxs in _CUES.values() for rx in rxs)


# A clause closed by a semicolon or a full stop before the question goes on
_CLAUSE_BREAK = re.compile(r";|[.!?]\s+(?=[A-Z\w])")
# a clause that opens on a time word dates what follows it
_TIME_LEAD = re.compile(r"^\W*(?:since|after|before|until|till|when|while|as\s+of|by|from|during|in|between|"
                        r"(?:at\s+)?the\s+(?:end|start|beginning)\s+of)\b", re.I)


def _own_clause(question: str, ym: re.Match, cue_start: int) -> bool:
    """Is the year told in a clause of its own, closed before a cue that comes after it ("Ireland
    chipped in €1.2 million to the Global Accelerator in 2024; which of the pathfinders ...")?  Such
    a clause tells its own event; one that opens on a time word frames what follows ("Since 2022; ...")."""
    if not _CLAUSE_BREAK.search(question, ym.end(), cue_start):
        return False
    opened = question[:ym.start()]
    opened = opened[max(opened.rfind(";"), opened.rfind(". "), opened.rfind("? "), opened.rfind("! ")) + 1:]
    return not _TIME_LEAD.match(opened)


def year_owner(a: Analysis, year: str) -> str | None:
    """The hand-written relation cue nearest to the year's mention in the question."""
    blank = _blank(a)
    best: tuple[int, str] | None = None
    for ym in YEAR.finditer(a.question):
        if ym.group(0) != year:
            continue
        for name, rxs in _CUES.items():
            for rx in rxs:
                for m in rx.finditer(blank):
                    if YEAR.fullmatch(m.group(0)) or m.start() >= ym.end() and _own_clause(a.question, ym, m.start()):
                        continue
                    d = min(abs(m.start() - ym.end()), abs(ym.start() - m.end()))
                    if m.start() >= ym.end() and _DATING.search(a.question[:ym.start()]) and \
                            _NEW_VERB.search(blank[ym.end():m.start()]):
                        # "ratified ... in 2023 are funded by": "in 2023" dates the verb before it
                        # in its clause; a cue after it owns the year only when none comes before
                        d += len(a.question) if _cue_before(blank, ym.start()) else 0
                    elif m.start() >= ym.end() and _RANGE_BEFORE.search(a.question[:ym.start()]) and \
                            _cue_before(blank, ym.start()):
                        # "c102 ratified since 2021 pathfinder countries": a range word binds its
                        # year to the cue before it, with or without a verb between
                        d += len(a.question)
                    if best is None or d < best[0]:
                        best = (d, name)
    return best[1] if best else None


# Kinds of named things that carry a relation of their own (a region or a country only places).
_OWN_THINGS = ("Initiative", "Organization", "LegalInstrument", "Project", "Scheme")
# What starts a second predicate: a finite verb, or "also" ("... phase countries also pathfinders").
_SECOND_PREDICATE = re.compile(_NEW_VERB.pattern[:-3] + r"|also)\b", re.I)
# The registry relations each hand-written cue stands for (its own words are no other relation's).
_CUE_RELATIONS = {"ratify": {"ratified"}, "result": {"achievedResult"}, "pathfinder": {"pathfinderOf", "memberOf"},
                  "fund": {"fundedBy", "receivedAllocationFrom", "supportedBy"}, "member": {"memberOf"}}


# "Since the C102 campaign started in 2021, which member states have ratified ...?": a temporal clause
# opening the question dates the question proper, whatever verb the clause itself has.
_FRONTED_DATING = re.compile(r"^\W*(?:(?:ever|and|so|but)\s+)?(?:since|after)\b[^,;:?]{0,120}?\b(?P<y>(?:19|20)\d\d)\b"
                             r"[^,;:?]{0,60}?,\s*(?=\S)", re.I)


def fronted_year(a: Analysis, cue: str) -> str | None:
    """The year of an opening "since / after ..., " clause when the cue is worded in the question
    proper after it and no other year is written; None otherwise."""
    m = _FRONTED_DATING.match(a.question)
    if m is None or set(a.years) != {m["y"]}:
        return None
    blank = _blank(a)
    return m["y"] if any(rx.search(blank, m.end()) for rx in _CUES.get(cue, ())) else None


# An opening set the question picks from, not yet closed by its comma: "Of the four pilot countries
# where ..." (a year inside describes the set).
_SET_FRAME = re.compile(r"^\W*(?:of|among|from|out\s+of)\s+(?:all\s+)?(?:the|these|those)\b[^,;?]*$", re.I)


# a year in attributive position: after a determiner (and an adjective), before a lower-case noun
# ("since the 2021 campaign" bounds the question by the campaign's year: a time, not a phrase's date)
_DETERMINER_BEFORE = re.compile(r"(?<!since\s)(?<!after\s)(?<!before\s)(?<!until\s)(?<!from\s)(?<!during\s)"
                                r"\b(?:the|this|that|its|their|an?)\s+(?:[a-z]{3,}\s+)?$")
_ATTRIBUTIVE = re.compile(r"\s+[a-z][a-z-]+")


def year_in_other_clause(a: Analysis, year: str, cue: str, knowledge=None) -> bool:
    """Is the year written in another predicate than the cue's, one that words a relation of its own?

    "Which Global Accelerator pathfinder countries are also part of the expanded ILO-IMF phase
    agreed in 2024?", "Which of the countries where new RBSA money was allocated in 2024 are
    Global Accelerator pathfinders?": one hand-written cue (pathfinder) and one year, but a finite
    verb ("are") stands between them and the year's side words another registry relation (a
    partnership phase, an allocation).  The year dates that relation; the pathfinders joined when
    they joined.  A year in the cue's own predicate ("became pathfinders in 2024") stays its, and
    so does one beside a word of the cue's own relations ("are in Africa and joined in 2024") or a
    name the graph holds in them ("have joined the Global Accelerator in 2024")."""
    blank = _blank(a)
    cues = [m for rx in _CUES.get(cue, ()) for m in rx.finditer(blank) if not YEAR.fullmatch(m.group(0))]
    ys = [m for m in YEAR.finditer(a.question) if m.group(0) == year]
    if not cues or not ys:
        return False
    for ym in ys:
        # "the expanded 2024 phase of the ILO-IMF partnership": a year set before a noun dates that
        # noun's phrase; the cue elsewhere in the question is not dated by it
        noun = _ATTRIBUTIVE.match(a.question, ym.end())
        if _DETERMINER_BEFORE.search(a.question[:ym.start()]) and noun and \
                not any(noun.start() <= cm.start() < noun.end() + 40 for cm in cues):
            return True
    own = _CUE_RELATIONS.get(cue, set())
    mine = {pos for r in REGISTRY if r.name in own for pos in keyword_hits(a, r)}
    # a word of the cue's own relations ("joined": a member, a partner) is no other relation's
    others = [pos for r in REGISTRY if r.name not in own and r.name not in _NOT_COMPOSED
              for pos in keyword_hits(a, r, skip={w.lower() for w in r.qualifiers}) if pos not in mine]
    # a thing named on the year's side that the cue's relations do not hold (a fund, another
    # partnership) is a relation of its own too
    held = {f[k] for p in (own if knowledge is not None else ()) for f in knowledge.facts_where(predicate=p)
            for k in ("subject", "object")}
    others += [l.start for l in a.links if l.type in _OWN_THINGS and not (set(l.ids) & held)]
    for ym in ys:
        for cm in cues:
            after = cm.end() <= ym.start()  # the cue is worded before the year
            lo, hi = (cm.end(), ym.start()) if after else (ym.end(), cm.start())
            verbs = list(_SECOND_PREDICATE.finditer(blank, lo, hi))
            if not verbs:
                return False  # the year sits in the cue's own predicate
            if not after and "," in blank[ym.end():verbs[-1].start()] and not _SET_FRAME.match(a.question[:ym.start()]):
                # "Since the debate opened in 2022, which states have ratified ...": it dates the
                # question; not so a year describing the set picked from ("Of the four pilot
                # countries where the joint analysis began in 2021, which ratified ...")
                return False
            # the year's side of the verb between them: from that verb to the year, or from the
            # clause's start to that verb
            start, end = (verbs[0].end(), ym.start()) if after else (blank.rfind(",", 0, ym.start()) + 1, verbs[-1].start())
            if not any(start <= pos < end for pos in others):
                return False
    return True


def _root(word: str) -> str:
    """A word's root for matching relation words: its stem cut to five letters, so the forms of
    one word meet ("assess", "assessing", "assessment"; "inquired", "inquiry")."""
    st = stem(word.lower())
    return st[:5] if len(st) >= 5 else st


def _prefixed_root(word: str) -> str:
    """A word's root; "co-found", "co-led" are the root of what follows the "co-" unless the
    registry has a relation word of their own ("co-chair" is not "chair")."""
    r = _root(word)
    if word.lower().startswith("co-") and len(word) > 5 and r not in _keyword_roots():
        return _root(word[3:])
    return r


_ROOTS: set[str] = set()


def _keyword_roots() -> set[str]:
    if not _ROOTS:
        _ROOTS.update(_root(w) for r in REGISTRY for kw in (*r.keywords, r.label, r.inverse_label)
                      for w in _WORD.findall(kw))
    return _ROOTS


def same_root(x: str, y: str) -> bool:
    """Two roots of one word: equal, or one a prefix of the other ("memb" of "members", "membe" of
    "membership") when the shorter has four letters or more."""
    return x == y or (min(len(x), len(y)) >= 4 and (x.startswith(y) or y.startswith(x)))


def keyword_hits(a: Analysis, r: Relation, skip: set[str] = frozenset()) -> list[int]:
    """Positions (in the question) of the relation's registry keywords (but those in ``skip``),
    matched by stem outside the linked names; a multi-word keyword counts when its words occur in a row."""
    blank = _blank(a)
    kws = tuple(dict.fromkeys((*r.keywords, r.label, r.inverse_label)))
    key = (blank, kws, frozenset(skip))
    kept = _HITS.get(key)
    if kept is None:
        if len(_HITS) >= 50_000:
            _HITS.clear()
        kept = _HITS[key] = tuple(_keyword_hits(blank, kws, skip))
    return list(kept)


# keyword_hits of (blanked question, keywords, skipped): the engine asks it of every relation for
# every reading of a question, and the answer depends on nothing else.
_HITS: dict[tuple, tuple[int, ...]] = {}


def _keyword_hits(blank: str, kws: tuple[str, ...], skip) -> list[int]:
    words = [(m.start(), _prefixed_root(m.group(0))) for m in _WORD.finditer(blank)]
    hits: list[int] = []
    for kw in kws:
        if kw.lower() in skip:
            continue
        toks = [_root(w) for w in _WORD.findall(kw)]
        if not toks:
            continue
        first = toks[0]
        for i, (pos, w) in enumerate(words):
            if not same_root(w, first):
                continue
            window = [x for _, x in words[i:i + len(toks)]]
            if len(window) == len(toks) and all(same_root(x, t) for x, t in zip(window, toks)):
                hits.append(pos)
    return sorted(set(hits))


def own_hits(a: Analysis, r: Relation) -> int:
    """The relation's keyword hits less those of keywords that name one of its qualifiers: a
    qualifier ("campaign" of an inquiry) is context the relation may be said in, which other
    relations share ("the campaign box" also lists ratifications and assessments)."""
    qualifier_words = {q.lower() for q in r.qualifiers}
    context = [kw for kw in r.keywords if kw.lower() in qualifier_words]
    if not context:
        return len(keyword_hits(a, r))
    return len(keyword_hits(a, r, skip=qualifier_words))


def compose(a: Analysis, cons: list, knowledge=None) -> list:
    """Extra conjuncts from registry relations the hand-written step does not cover (see module doc).

    Returns the new constraint list (``cons`` plus the composed ones, minus a hand-written one that
    lost its only named entity to a better-worded relation)."""
    from app.qa.graphstep import AUTHOR_ORGS, Constraint, _iri

    want = {"Convention": "LegalInstrument"}.get(a.answer_type, a.answer_type)
    if want not in ("Country", "Organization"):
        # The asked thing is the far end of a relation ("which initiatives is [org] a member of").
        return cons or reverse(a, knowledge, keyword_hits)
    used = {e for c in cons for t in c.evidence for e in (t[0], t[2]) if ":" in e}
    # Candidates: (keyword hits, relation, named entity); per entity, the best-worded relation wins.
    best: dict[str, tuple[int, Relation]] = {}
    rank: dict[str, tuple[bool, int]] = {}
    negated_too: dict[str, list] = {}
    positive: dict[str, list] = {}
    for r in REGISTRY:
        if r.name in _NOT_COMPOSED or r.name in _HANDWRITTEN_FLAG or want not in r.domain or r.domain == r.range:
            continue
        hits = len(keyword_hits(a, r))
        named = [i for i in a.linked(*r.range) if i not in AUTHOR_ORGS]
        if not hits or not named:
            continue
        named = holders(named, r, knowledge, as_subject=False)  # the name the graph holds it for
        # Of relations worded alike ("led by": chair or co-chair), the one the graph holds wins.
        held = knowledge is None or bool(knowledge.facts_where(predicate=r.name, obj=named[0]))
        if held:
            (negated_too if _phrase_negated(a, r) else positive).setdefault(named[0], []).append((held, hits, r))
        # Tied on words, the relation worded by a word of its own beats one worded only by the
        # context it may be qualified with ("the campaign box ... helping to assess": the campaign
        # qualifies inquiries, but "assess" is said of alignment assessments only).
        key = (held, hits, own_hits(a, r) if r.qualifiers else hits)
        if named[0] not in best or key > rank[named[0]]:
            best[named[0]], rank[named[0]] = (hits, r), key
    out = list(cons)
    added = []
    # "inquired about C102 but are not being assessed against it": two relations to one entity, one
    # of them negated, are both kept (the best-worded one alone would drop the exclusion): the
    # best-worded positive one is the base, the negated ones exclude.
    for target, negs in negated_too.items():
        if target not in positive:
            continue
        held, hits, r0 = max(positive[target], key=lambda x: (x[0], x[1], own_hits(a, x[2])))
        best[target], rank[target] = (hits, r0), (held, hits, own_hits(a, r0))
        for _, _, r in negs:
            if r is not r0:
                added.append(Constraint(f"FILTER NOT EXISTS {{ {r.pattern('?answer', _iri(target))} }}",
                                        f"not: {r.label} {target}", [], strong=True, relation=r.name, negated=True))
    # "countries that both formally inquired about C102 and are assessed against it": two relations
    # to one entity, each said by a word of its own (not only by a shared qualifier such as
    # "campaign") and coordinated ("and", "as well as"), are both asked: the second one is a
    # conjunct beside the best-worded one.  Without the coordination, two role words are one role
    # said twice ("secretariat hosted by", "lead agency of the facility").
    for target, pos in positive.items():
        own = [r for held, _, r in pos if held and own_hits(a, r) > 0]
        first = best.get(target, (0, None))[1]
        if len(own) >= 2 and first in own:
            for r in own:
                if r is not first and not _worded_negated(a, r) and _coordinated(a, first, r):
                    added.append(Constraint(r.pattern("?answer", _iri(target)), f"{r.label} {target}",
                                            [("?", r.name, target)], strong=True, relation=r.name))
    for target, (hits, r) in best.items():
        if not rank[target][0] and _held_role_worded_as_much(a, target, hits, knowledge):
            continue  # "co-leads": the graph holds co-chairs, not a chair, for it (see roles.forward)
        if target in used:
            # A hand-written relation claims the entity too: it keeps it unless this one is worded more.
            rivals = [c for c in out if any(target in (t[0], t[2]) for t in c.evidence)]
            if not _worded_negated(a, r):  # a negated relation excludes beside the rival, never replaces it
                # A relation worded only by its qualifier ("campaign" of an inquiry) is the context
                # the rival is said in ("ratified since the campaign began"), never a rival's match.
                if not rivals or own_hits(a, r) == 0 or any(len(keyword_hits(a, REGISTRY[rel])) >= hits
                                                            for c in rivals for rel in _relations_of(c) if rel in REGISTRY):
                    continue
                out = [c for c in out if c not in rivals]
        # No noun says which kind is asked ("technical support facility led by"): either kind.
        typed = f" ?answer a fg:{want} ." if len(r.domain) > 1 and _names_kind(a) else ""
        # "which countries is the ILO helping assess against [instrument]": the work still under way
        # (see app.qa.constraints.ongoing_status)
        if knowledge is not None and ongoing_status.asks_ongoing(a.question) and \
                ongoing_status.mixed(r, knowledge.facts_where(predicate=r.name, obj=target)):
            typed += ongoing_status.status_filter(r, "?answer", _iri(target))
        c = Constraint(r.pattern("?answer", _iri(target)) + typed, f"{r.label} {target}",
                       [("?", r.name, target)], strong=True, relation=r.name)
        if _worded_negated(a, r):  # "not among the priority countries of [initiative]"
            c.pattern, c.description, c.evidence, c.negated = \
                f"FILTER NOT EXISTS {{ {c.pattern} }}", "not: " + c.description, [], True
        added.append(c)
        if not c.negated:  # "in line with both C102 and R202": each named end the graph holds it for
            from app.qa.understand import shared_ends
            for other in shared_ends(a, [target, *(i for i in a.linked(*r.range) if i not in AUTHOR_ORGS)])[1:]:
                if other not in best and (knowledge is None or knowledge.facts_where(predicate=r.name, obj=other)):
                    added.append(Constraint(r.pattern("?answer", _iri(other)) + typed, f"{r.label} {other}",
                                            [("?", r.name, other)], strong=True, relation=r.name))
    out = out + added if added else cons
    if not any(t[2].startswith("Initiative:") or t[0].startswith("Initiative:") for c in out for t in c.evidence):
        # A negated constraint keeps no evidence but still names its initiative ("but are not
        # [initiative] pathfinders"): that role must not come back as a positive conjunct.
        negated = [c.pattern for c in out if c.negated]
        out = out + [c for c in forward(a, knowledge, keyword_hits)
                     if not any(_iri(t[2]) in p and REGISTRY[t[1]].curie + " " in p for p in negated for t in c.evidence)]
    from app.qa.graphstep import widen_regions

    return widen_regions(out, knowledge) if added else out


_COORDINATION = re.compile(r"\b(?:and|as well as)\b", re.I)


def _coordinated(a: Analysis, r1: Relation, r2: Relation) -> bool:
    """Are the two relations' own words joined by a coordination ("inquired ... and are assessed")?"""
    q = a.question
    p1 = [p for p in keyword_hits(a, r1, skip={x.lower() for x in r1.qualifiers})]
    p2 = [p for p in keyword_hits(a, r2, skip={x.lower() for x in r2.qualifiers})]
    return any(_COORDINATION.search(q[min(x, y):max(x, y)]) for x in p1 for y in p2)


def _held_role_worded_as_much(a: Analysis, target: str, hits: int, knowledge) -> bool:
    """Does the graph hold, for the named initiative, a role relation the question words at least as
    much as the one composition picked?"""
    from app.qa.relation.roles import role_relations

    return knowledge is not None and any(
        len(keyword_hits(a, r)) >= hits and knowledge.facts_where(predicate=r.name, obj=target)
        for r in role_relations())


def _phrase_negated(a: Analysis, r: Relation) -> bool:
    """Does the relation's first wording in the question stand under a negation ("are not being
    supported to assess alignment": the phrase starts negated, whatever its later words)?"""
    from app.qa.question import _negated_before

    hits = keyword_hits(a, r)
    return bool(hits) and _negated_before(_blank(a), min(hits), window=5)


def _worded_negated(a: Analysis, r: Relation) -> bool:
    """Is every wording of the relation in the question under a negation ("not among ...")?"""
    from app.qa.question import _negated_before

    blank = _blank(a)
    hits = keyword_hits(a, r)
    return bool(hits) and all(_negated_before(blank, pos) for pos in hits)


def _names_kind(a: Analysis) -> bool:
    """Does the question name the kind of thing it asks for ("which countries", "agencies")?"""
    from app.qa.question import _HEAD
    from app.qa.understand import _keyword_head

    return bool(_HEAD.search(a.question)) or _keyword_head(a) is not None


# Words that make a question a sentence; without them it is a keyword query ("regular budget
# countries result 1").
_ASKING = re.compile(r"\b(which|what|who|whom|whose|where|when|how|list|name|give|tell|identify|is|are|does|did|do|"
                     r"was|were|has|have)\b", re.I)


def implied(a: Analysis, cons: list, knowledge) -> list:
    """A keyword query that names an organisation next to the countries it asks for, with no word
    for how they relate ("unicef countries", "regular budget countries result 1"), means the
    relation the graph holds most often between countries and that organisation (funding for a
    budget line, partnership for an agency).  Weak: an empty result falls back to the text."""
    from app.qa.graphstep import AUTHOR_ORGS, Constraint, _iri

    # "how many rbsa countries in africa": a name right before the counted noun modifies it, as in a
    # keyword query, whatever question word opens the sentence
    modifier = any(l.type in ("Organization", "Initiative") and
                   re.match(r"\s*(?:-\s*)?(?:countr(?:y|ies)|nations|states|governments)\b", a.question[l.end:], re.I)
                   for l in a.links)
    if knowledge is None or a.answer_type != "Country" or (_ASKING.search(a.question) and not modifier):
        return []
    used = {e for c in cons for t in c.evidence for e in (t[0], t[2]) if ":" in e}
    extra = []
    for l in a.links:
        if l.type not in ("Organization", "Initiative") or len(l.ids) > 3 or set(l.ids) & (used | AUTHOR_ORGS):
            continue
        if any(_iri(i) in c.pattern for c in cons for i in l.ids):
            continue  # "... countries without MUL funding": a negated constraint (no evidence kept) uses it
        e = l.ids[0]
        if any(keyword_hits(a, r) for r in REGISTRY if e.split(":")[0] in r.range and "Country" in r.domain
               and r.name not in _NOT_COMPOSED):
            continue  # the question words a relation for it: the other steps decide
        counts = []
        for r in REGISTRY:
            # (the graph's facts decide, not the declared range: "Multi-donor Programme countries"
            # are funded by the programme, an initiative the funding relation's range does not name)
            if r.name in _NOT_COMPOSED or r.name == "inRegion" or "Country" not in r.domain:
                continue
            n = sum(1 for f in knowledge.facts_where(predicate=r.name, obj=e) if f["subject"].startswith("Country:"))
            counts.append((n, r))
        if not counts:
            continue
        n, r = max(counts, key=lambda x: x[0])
        if n < 2:
            continue
        pat = r.pattern("?answer", _iri(e)) + " ?answer a fg:Country ."
        extra.append(Constraint(pat, f"{r.label} {e} (the relation the graph holds for it)", [("?", r.name, e)],
                                strong=False, relation=r.name))
    return extra


def _relations_of(c) -> list[str]:
    return list(dict.fromkeys(t[1] for t in c.evidence))


def topic_coverage(topic_terms: list[str], text: str) -> float:
    """Share of the question's topic words (stems) the sentence contains, by root: the evidence a
    sentence must give before it may narrow a graph answer to the entities it names."""
    if not topic_terms:
        return 1.0
    # a hyphenated compound holds each of its words ("shock-responsive" says "shock" and "responsive",
    # as the question's own terms split it), besides the whole
    have = {_root(p) for w in _WORD.findall(text) for p in {w, *re.split(r"[-‐–]", w)} if p}
    return sum(1 for t in topic_terms if any(same_root(_root(t), h) for h in have)) / len(topic_terms)


NARROW_COVERAGE = 0.5  # share of the topic words a sentence must contain to narrow a graph answer


def says_topic(topic_terms: list[str], text: str) -> bool:
    """Strong evidence for the topic: most of its words, and two of them when it has two or more."""
    if not topic_terms:
        return True
    share = topic_coverage(topic_terms, text)
    return share >= NARROW_COVERAGE and share * len(topic_terms) >= min(2, len(topic_terms))


def prefer_clause(best, results: list, units: list, topic_terms: list[str]):
    """A sentence that lists several activities, each with its countries ("... recommendations in
    A and B; technical assistance on financing in C and D; ..."), answers with the clause that
    says the question's topic, not the whole sentence: of the sentence's clauses that name
    answers, the one covering most topic words wins when it is the only one that does."""
    if best is None or not topic_terms:
        return best
    sent = units[best.unit_id]
    if sent.kind != "sentence":
        return best
    clauses = [r for r in results if units[r.unit_id].kind == "clause" and r.found
               and units[r.unit_id].passage_id == sent.passage_id
               and sent.start <= units[r.unit_id].start and units[r.unit_id].end <= sent.end]
    if len(clauses) < 1:
        return best
    scored = sorted(((topic_coverage(topic_terms, units[r.unit_id].text), r) for r in clauses),
                    key=lambda x: -x[0])
    top = scored[0][0]
    if top <= 0 or (len(scored) > 1 and scored[1][0] >= top):
        return best
    return scored[0][1]


_AUTHOR_WORD = r"\bILO\b"
_JOINT = r"\s*(?:[-–/&+]|\band(?:\s+the)?\b)?\s*"


def joint_with_author(a: Analysis, author_names: list[str]) -> bool:
    """"ILO-IMF", "the ILO and the IMF", "ilo unhcr": an organisation named together with the
    report's author is its partner in the work asked about.  The partnership is then the relation:
    a funding reading that only a relation word such as "financing" suggested (the topic, as in
    "technical assistance on financing reforms") is dropped, an explicit one ("funded by") stays."""
    names = "|".join(re.escape(n) for n in author_names if n)
    if not names:
        return False
    joint = False
    for l in a.links:
        if l.type != "Organization" or any(i in AUTHOR_IDS for i in l.ids):
            continue
        before, after = a.question[:l.start], a.question[l.end:]
        if re.search(rf"(?:{names}){_JOINT}$", before, re.I) or re.match(rf"{_JOINT}(?:{names})\b", after, re.I):
            joint = True
    if joint:
        a.partner = True
        if a.fund and not FUND.search(_blank(a)):
            a.fund = False
    return joint


AUTHOR_IDS = {"Organization:ilo"}


def described_set(a: Analysis, m, lexicon, knowledge, run) -> tuple[list[str], str] | None:
    """"Who funds the work in the countries that ratified Convention No. 102 in 2023": when the
    description of the countries is itself a relation the graph models, the countries are that
    relation's answer set (a chain of two relations), not the one country a sentence names.

    ``m`` is the description match (groups: noun, connective, description); ``run`` runs SPARQL
    and returns answer ids.  Returns the country ids and a readable path step, or None when the
    description is not a relation the graph holds (retrieval then decides)."""
    from app.qa.graphstep import constraints_for, to_sparql
    from app.qa.question import analyse

    # a modifier before the noun ("the pathfinder countries that ...") belongs to the description;
    # one that says no relation ("the two countries that ...") is read without it
    mods = m.group(1).rsplit(" ", 1)[0] + " " if " " in m.group(1) else ""
    for lead in dict.fromkeys((mods, "")):
        probe = analyse(f"Which {lead}countries {m.group(2)} {m.group(3).strip()}", lexicon)
        probe.answer_type = "Country"
        inner = compose(probe, constraints_for(probe, knowledge), knowledge)
        # Not a bare region or priority filter, which names no relation of the description.
        if not inner or all(c.relation in ("region", "priority") for c in inner):
            continue
        ids = [i for i in run(to_sparql(inner)) if i.startswith("Country:")]
        if ids:  # (a weak relation's empty answer is silence: retrieval decides)
            return ids, "“" + m.group(0) + "”: " + "; ".join(c.description for c in inner)
    return None
