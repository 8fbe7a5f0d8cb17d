"""Countries an initiative lists under a qualifying word the question repeats ("the pilot countries
of the ILO-IMF partnership", "its expanded phase countries", "the DCI's selected countries").

Why: the build holds such lists as ``priorityCountryOf`` (and memberships as ``memberOf``) with the
list's own qualifier as the statement's role ("pilot country"), but no question wording reached
them: the text step read one sentence, and a chain ("pilot countries that are also pathfinders")
had no graph set to intersect.  The qualifier words come from the graph's roles, not from here.
"""
from __future__ import annotations

import re

from app.qa.graphstep import Constraint, _iri
from app.qa.question import Analysis
from app.qa.units import stem, terms
from app.qa.form.wording import core_question, partitive_preamble

_RELATIONS = ("priorityCountryOf", "memberOf")
_MEMBERSHIP = {"memberOf", "pathfinderOf"}


def _words(text: str) -> set[str]:
    """A text's words as the question's are read (``terms`` then ``stem``), so a cue list and a
    question compare like for like: stemming twice is not idempotent ('discussions' -> 'discuss'
    -> 'discus'), and a cue stemmed once never met a question's word stemmed twice."""
    return {stem(t) for t in terms(text)}


_GENERIC = _words("country countries member members new part")


def _role_words(role: str) -> set[str]:
    return _words(role) - _GENERIC


def _qual_words(qual: tuple[str, str]) -> set[str]:
    """A qualifier's distinctive words; a role in the past participle also by its noun of action
    ("committed" -> "commitment", "endorsed" -> "endorsement"), since a question names the state by
    the act ("countries that confirmed a commitment") as often as the extractor's participle."""
    prop, value = qual
    words = _role_words(value)
    if prop == "role":
        for w in value.lower().split():
            if w.endswith("ed") and len(w) > 5:
                base = w[:-2]
                bases = {base, w[:-1]} | ({base[:-1]} if base[-1] == base[-2] else set())
                words |= {stem(b + "ment") for b in bases}
    return words


def _engaged(init: str, asked: set[str], knowledge, proper: set[str] | None = None,
             proper_text: str = "") -> Constraint | None:
    """Countries the initiative is engaged with under a status the question words (every word of
    the status, e.g. 'engagement-ongoing'), from ``<initiative> fg:partneredWith ?country``.
    A word for a membership under discussion counts in the question proper only (``proper``): a
    wordy preamble's "Talking about the Accelerator, ..." is the asker's discourse, not "in talks"."""
    proper = asked if proper is None else proper
    statuses = {(f.get("attrs") or {}).get("status") for f in knowledge.facts_where(subject=init, predicate="partneredWith")
                if f["object"].startswith("Country:")} - {None}
    said = asked | proper
    if proper & _STILL:  # "still in engagement with": the engagement is an ongoing one
        said = said | _ONGOING
    for st in sorted(statuses):
        words = _words(st.replace("-", " "))
        # every word of the status, or (for an ongoing engagement) a word for a membership still
        # being discussed: "in talks to join", "prospective members", "candidate countries"
        if len(words) >= 2 and (words <= said or (words & _ENGAGED and (proper & _PROSPECTIVE or (
                proper & _ENGAGED and _TO_JOIN.search(proper_text))))):
            return Constraint(
                f"{_iri(init)} fg:partneredWith ?answer . ?qe rdf:subject {_iri(init)} ; rdf:predicate fg:partneredWith ; "
                f'rdf:object ?answer ; fg:status "{st}" . ?answer a fg:Country .',
                f"{st.replace('-', ' ')} of {init}", [(init, "partneredWith", "?")], strong=True, relation="partneredWith")
    return None


# words that say a state still holds: a status "ongoing" said another way
_ONGOING = _words("ongoing")
_STILL = _words("still continuing current currently underway")
# the extractor's status words for a prospective member, and the words people use for one
_ENGAGED = _words("engagement engaged engagements")
_PROSPECTIVE = _words("talks discussions discussing negotiations negotiating prospective potential candidate candidates "
                      "interested interest considering aspiring pipeline")


# joining still ahead, said with an engagement ("engaging with them about joining", "engaged on
# whether to join"): the membership is under discussion ("joined" is a membership held)
_TO_JOIN = re.compile(r"\b(?:about|on|over|regarding|towards?|for|whether)\s+(?:possibly\s+)?joining\b|\bto\s+join\b", re.I)


def _roles(fact: dict) -> list[tuple[str, str]]:
    """The statement's qualifiers a question may pick members by: its roles (``fg:role``) and how
    the membership came about (``fg:joinedBy``: "letter", "high-level commitment")."""
    at = fact.get("attrs") or {}
    return [("role", r) for r in [at.get("role"), *(at.get("also_roles") or [])] if r] + \
        ([("joinedBy", at["means"])] if at.get("means") else [])


# "by a letter rather than a high-level commitment": what follows a contrast is not asked for
_CONTRAST = re.compile(r"\b(?:rather\s+than|instead\s+of|as\s+opposed\s+to|but\s+not|and\s+not|not\s+(?:through|by|via|with))\b",
                       re.I)


# How a member joined offered as one alternative of joining at all: "made their high-level commitment
# to, or officially joined, the Accelerator" asks for both kinds of member (not "formalised or
# announced their joining ... by way of a letter": both verbs join, the means is said once).
_JOIN_VERB = re.compile(r"\b(?:joined|join|joining|became)\b", re.I)
_OR = re.compile(r"\bor\b", re.I)


def or_joined(question: str, means_words: set[str]) -> bool:
    """Is one way of joining (its words, stemmed) an alternative, beside "or", of joining itself?"""
    def has_means(text: str) -> bool:
        return bool(_words(text) & means_words)

    for m in _OR.finditer(question):
        left = re.split(r"[.;:?]", question[max(0, m.start() - 60):m.start()])[-1]
        right = re.split(r"[.;:?]", question[m.end():m.end() + 50])[0]
        near_right = " ".join(right.split()[:4])
        if has_means(left) and not _JOIN_VERB.search(left) and _JOIN_VERB.search(near_right):
            return True
        if _JOIN_VERB.search(left) and not has_means(left) and has_means(" ".join(right.split()[:5])):
            return True
    return False


# a cue that sets something aside, up to the clause's end
_ASIDE_CLAUSE = re.compile(r"\b(?:besides|apart from|aside from|other than|except(?:\s+for)?|excluding|excepting|not counting|"
                           r"not including|ignoring|disregarding|(?:leaving|setting|putting|leave|set|put) (?:out|aside))\b[^,;:?]*",
                           re.I)


def _picked(quals: set[tuple[str, str]], asked: set[str]) -> list[tuple[str, str]]:
    """The qualifiers whose every distinctive word the question says, the most specific only
    ("high-level commitment" over "committed" when both match), all of one property."""
    hits = [(q, _qual_words(q)) for q in sorted(quals)]
    # a role is picked by any of its words (as before); a means by most of its words, since its
    # head noun alone ("commitment") also names the role ("committed")
    hits = [(q, w) for q, w in hits if w and w & asked and (q[0] == "role" or len(w & asked) * 2 > len(w))]
    said = {frozenset(w & asked) for _, w in hits}
    if len(said) == 1 and len(next(iter(said))) == 1:
        # only a head noun is said ("confirmed a commitment", "through a commitment"): every
        # qualifier built on it, the role of having committed and each kind of commitment a member
        # joined by ("commitment", "high-level commitment"), not the shortest one alone
        head = next(iter(said))
        built_on = sorted(q for q in quals if head <= _qual_words(q))
        if len(built_on) > len(hits):
            return built_on
    hits = [(q, w) for q, w in hits if not any(w < w2 for _, w2 in hits)]
    if not hits:
        return []
    prop = max(hits, key=lambda h: (len(h[1] & asked), len(h[1])))[0][0]  # the most words said
    return sorted(q for q, _ in hits if q[0] == prop)


def _qualified(rel: str, init: str, picked: list[tuple[str, str]], dated: str = "") -> Constraint:
    """Members of ``init`` whose statement carries one of the picked qualifiers; qualifiers of two
    properties (a role and a way of joining) are alternatives, one pattern each."""
    props = sorted({p for p, _ in picked})
    alts = []
    for prop in props:
        values = " ".join(f'"{v}"' for p, v in picked if p == prop)
        alts.append(f"?qm rdf:subject ?answer ; rdf:predicate fg:{rel} ; rdf:object {_iri(init)} ; "
                    f"fg:{prop} ?qmrole . VALUES ?qmrole {{ {values} }}")
    which = alts[0] if len(alts) == 1 else " UNION ".join(f"{{ {x} }}" for x in alts)
    roles = " / ".join(v for p, v in picked if p == "role")
    means = " / ".join(v for p, v in picked if p == "joinedBy")
    label = (f"{roles} of {init}" if not means else f"joined by {means}: members of {init}" if not roles else
             f"{roles}, or joined by {means}: members of {init}")
    return Constraint(f"?answer fg:{rel} {_iri(init)} . {which}{dated}", label, [("?", rel, init)], strong=True,
                      relation=rel)


# "both the pilot and the expanded phase", "pilot countries that are also in the expanded phase":
# every role said must hold, not any of them
_BOTH = re.compile(r"\bboth\b|\b(?:also|too|as\s+well)\b", re.I)


def _both_roles(question: str, picked: list[tuple[str, str]]) -> bool:
    """Does the question ask for members holding each of the picked roles at once?"""
    return bool(_BOTH.search(question)) and not re.search(r"\beither\b|\bor\b", question, re.I)


def _all_of(rel: str, init: str, picked: list[tuple[str, str]], dated: str = "") -> Constraint:
    """Members of ``init`` whose statements carry every picked qualifier."""
    parts = " ".join(f'?qb{i} rdf:subject ?answer ; rdf:predicate fg:{rel} ; rdf:object {_iri(init)} ; fg:{p} "{v}" .'
                     for i, (p, v) in enumerate(picked))
    dated = dated.replace("?qm ", "?qb0 ")
    label = " and ".join(v for _, v in picked)
    return Constraint(f"?answer fg:{rel} {_iri(init)} . {parts}{dated}", f"{label} (both) of {init}",
                      [("?", rel, init)], strong=True, relation=rel)


def _ordered_list(a: Analysis, init: str, rel: str, picked: list[tuple[str, str]], knowledge) -> list[tuple[str, str]]:
    """The roles of the list the question names by its order ("the new phase", "the first round"),
    when the question also picks one other list by its role word ("which pilot countries are in the
    new phase"): members are asked that are on both lists.  [] otherwise."""
    from app.qa.relation.participation import latest_or_first

    if len(picked) != 1:
        return []
    dated = latest_or_first(a, init, knowledge)
    if not dated or dated[0] != rel or picked[0][1] in dated[1]:
        return []
    return [("role", r) for r in dated[1]]


def _year_of(a: Analysis, rel: str, init: str, cons: list[Constraint], knowledge) -> str:
    """The year test on the qualified statement itself ("confirmed their commitment in 2024"),
    when no other constraint already dates the initiative's membership; "" otherwise."""
    from app.qa.graphstep import year_for, year_test

    if rel not in _MEMBERSHIP or any(not c.negated and any(t[2] == init and t[1] in _MEMBERSHIP for t in c.evidence)
                                     and "fg:year" in c.pattern for c in cons):
        return ""
    y = year_for(a, "member", knowledge)
    return f" ?qm fg:year ?qmy . FILTER({year_test(a, '?qmy', y)})" if y else ""


# The verb before a sum of money ("committed US$1.3 million", "pledged €20 million"): the sum is
# what was given, the verb no role of membership.
# ... or before the money itself ("contributed or committed new money to support ...")
_SUM_GIVER = re.compile(r"\b[a-z]+\s+(?=(?:about\s+|around\s+|over\s+|some\s+)?(?:US\$|\$|€|£|EUR\s|USD\s)\s?\d|"
                        r"(?:new\s+|extra\s+|additional\s+|fresh\s+|more\s+)?(?:money|funds|funding|financing)\b)", re.I)


def qualified_members(a: Analysis, cons: list[Constraint], knowledge) -> list[Constraint]:
    """``?answer fg:<rel> <initiative>`` with the role the question's words pick, for each linked
    initiative not already constrained; empty when no role word of the graph is in the question."""
    if knowledge is None or a.answer_type not in ("Country",):
        return []
    used = {e for c in cons for trip in c.evidence for e in (trip[0], trip[2])}
    question = _SUM_GIVER.sub(" ", a.question)  # "committed US$1.3 million": money given, no member's role
    # what a set-aside clause names ("leaving aside countries that are only in talks to join, ...")
    # is not asked for: its words pick no list
    asked = _words(_ASIDE_CLAUSE.sub(" ", _CONTRAST.split(question)[0]))
    # the question proper, with a partitive clause before it ("of the countries the Accelerator is
    # still in talks with, which ...") that names the set asked from
    proper_text = _ASIDE_CLAUSE.sub(" ", _CONTRAST.split(
        (partitive_preamble(question) + " " + core_question(question)).strip())[0])
    proper = _words(proper_text)
    out = []
    for init in a.linked("Initiative"):
        engaged = _engaged(init, asked, knowledge, proper, proper_text)
        if engaged is not None:
            # "with which governments are engagements ongoing about joining [initiative]": not its
            # members; the plain membership reading of the same initiative gives way
            cons[:] = [c for c in cons if c.negated or not any(t[0] == "?" and t[2] == init and t[1] in _MEMBERSHIP
                                                                for t in c.evidence)]
            out.append(engaged)
            continue
        for rel in _RELATIONS:
            quals = {q for f in knowledge.facts_where(predicate=rel, obj=init) for q in _roles(f)}
            every = [q for q in _picked(quals, asked) if q[0] == "role"]
            # "which pilot countries are in the new phase": both lists at once (a weak reading of the
            # initiative, "countries partnering with" it, gives way; a strong one or a negation stays)
            firm = any(c.negated or c.strong for c in cons if any(init in (t[0], t[2]) for t in c.evidence)
                       or _iri(init) in (c.pattern or ""))
            ordered = [] if firm else _ordered_list(a, init, rel, every, knowledge)
            if ordered:
                every = every + ordered
                cons[:] = [c for c in cons if not any(init in (t[0], t[2]) for t in c.evidence)]
            if len(every) >= 2 and (ordered or _both_roles(a.question, every)):
                # "in both the pilot and the expanded phase": members holding every role said (the
                # plain membership reading of the initiative gives way)
                cons[:] = [c for c in cons if c.negated or not any(t[0] == "?" and t[2] == init and t[1] in _MEMBERSHIP
                                                                    for t in c.evidence)]
                out.append(_all_of(rel, init, every, _year_of(a, rel, init, cons, knowledge)))
                break
            if init in used:  # already asked by its relation: only how members joined still narrows it
                quals = {q for q in quals if q[0] == "joinedBy"}
            # a role word that tells some of the initiative's lists from others (an initiative with
            # one kind of list, "priority countries", is asked by the relation, not by its role)
            picked = _picked(quals, asked)
            props = sorted({p for p, _ in picked})
            same_prop = {q for q in quals if picked and q[0] in props}
            if not picked or len(same_prop) < 2 or len(picked) == len(same_prop):
                continue
            if "joinedBy" in props and or_joined(a.question, {w for p, v in picked if p == "joinedBy"
                                                               for w in _role_words(v)}):
                continue  # "made a high-level commitment, or officially joined": any way of joining
            out.append(_qualified(rel, init, picked, _year_of(a, rel, init, cons, knowledge)))
            break
    return out


def joining_words(question: str, cons: list[Constraint], knowledge) -> set[str]:
    """The words of every way a member of a constrained initiative joined ("letter", "high-level
    commitment") when one is offered as an alternative of joining at all ("made
    their high-level commitment to, or officially joined"); no topic for a sentence to narrow by.
    Only for the alternative: elsewhere ("who committed money to ...") the words are the topic."""
    out: set[str] = set()
    if knowledge is None:
        return out
    means = {(f.get("attrs") or {}).get("means") for rel in _MEMBERSHIP for f in knowledge.facts_where(predicate=rel)} - {None}
    if not or_joined(question, {w for m in means for w in _role_words(m)}):
        return out  # picked by qualified_members (its words then said), or a topic
    for c in cons:
        if c.negated:
            continue
        for _, rel, obj in c.evidence:
            if rel in _MEMBERSHIP and ":" in obj:
                for f in knowledge.facts_where(predicate=rel, obj=obj):
                    means = (f.get("attrs") or {}).get("means")
                    if means:
                        out |= set(terms(means))
    return out
