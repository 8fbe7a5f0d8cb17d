"""Which relation, and which of its ends, a ranking question ranks — read from its nouns.

Three shapes the template match alone misreads:

- "which *single funder* supports the largest number of countries": the words ask for a funder,
  even when the nearest generated question ranked countries (the stated type wins);
- "*top funder* of europe and central asia countries", "*most funded* country", "*biggest
  donor*": a keyword-style superlative names the ranked thing itself, with no counted noun after it;
- "which funds the fewest countries: France, Germany or Portugal": a superlative over a named pool.

The relation is the registry relation linking the asked type to the counted one whose keywords the
question uses (the asked noun's own keyword first: a "funder" is ranked by funding, however the
verb says it); when no keyword decides, the template votes of the generated bank (matching by
meaning) decide among the relations that link the two types.  Nothing here names a report fact.
"""
from __future__ import annotations

import re

from app.qa.question import _HEAD_PREFIXES, ENTITY_FOR_TYPE, Analysis
from graph.relations import REGISTRY, Relation

# A type noun (plural or not) as it heads a phrase.
_NOUN = (r"(countr(?:y|ies)|governments?|organi[sz]ations?|funders?|donors?|partners?|publications?|"
         r"programmes?|schemes?|conventions?|initiatives?|pathfinders?|agenc(?:y|ies)|networks?|financiers?|backers?|"
         r"sponsors?)")
# Nouns for a giver the question module's head table does not hold.
_GIVERS = ("financier", "backer", "sponsor")
# "top funder", "leading donor", "biggest partner", "most funded country", "best-financed country"
# ("at least four countries", "at most two donors" bound a count: no superlative)
_ADJECTIVAL = re.compile(r"(?<!\bat )\b(top|leading|biggest|largest|main|principal|most|best|least|fewest|smallest)[\s-]+"
                         r"(?:([a-z]+ed)\s+)?(?:[a-z]+\s+)?" + _NOUN + r"\b", re.I)
_LOW = {"least", "fewest", "smallest"}
_HOW_MANY = re.compile(r"\bhow\s+many\s+([a-z-]+)(?:\s+([a-z]+))?", re.I)  # the counted noun, or an adjective and it
_ROLE_AFTER = re.compile(r"\s+(?:government|governments|authorities)\b", re.I)


def noun_type(word: str) -> str | None:
    """'funders' -> Organization, 'countries' -> Country (the question module's head-noun table)."""
    w = word.lower()
    if w.startswith(_GIVERS):
        return "Organization"
    for prefix, t in _HEAD_PREFIXES:
        if w.startswith(prefix):
            return ENTITY_FOR_TYPE.get(t, t)
    return None


def counted_type(a: Analysis, want: str | None, ends: tuple[str, ...]) -> str | None:
    """The type of the things a ranking counts: the first type noun outside the linked names that
    is of one of ``ends`` and is not the asked type ("the most *countries*", "top funder of ...
    *countries*")."""
    text = a.question
    for l in sorted(a.links, key=lambda l: -l.start):
        text = text[:l.start] + " " * (l.end - l.start) + text[l.end:]
    for m in re.finditer(r"\b" + _NOUN + r"\b", text, re.I):
        t = noun_type(m.group(1))
        if t and t != want and t in ends:
            return t
    return None


def _outside_names(a: Analysis) -> str:
    """The question with its linked names (and a role noun after one: "the Dutch government") blanked."""
    text = a.question
    for l in sorted(a.links, key=lambda l: -l.start):
        tail = _ROLE_AFTER.match(text, l.end)
        end = tail.end() if tail else l.end
        text = text[:l.start] + " " * (end - l.start) + text[end:]
    return text


def worded(a: Analysis, relation: str) -> int:
    """How many of the relation's keywords the question uses outside its names."""
    from app.qa.relation.relation_choice import keyword_hits

    return keyword_hits(_outside_names(a), relation)


def worded_by_head_only(a: Analysis, relation: str) -> bool:
    """Is a symmetric relation ("partners with") worded only by the question's head noun ("which
    *partner* funds ...")?  That noun names either party of anything; it does not say the relation."""
    from app.qa.relation.relation_choice import keyword_hits

    r, head = REGISTRY.get(relation), head_noun(a.question)
    if r is None or not head or set(r.domain) != set(r.range):
        return False
    rest = re.sub(r"\b" + re.escape(head) + r"\b", " ", _outside_names(a), count=1, flags=re.I)
    return keyword_hits(rest, relation) == 0


def _choose(a: Analysis, links: list[Relation], head: str | None, votes=None) -> Relation | None:
    """The relation among ``links`` the question words: the asked noun's own keyword, then the
    keywords the question uses, then (no keyword at all) the generated bank's vote."""
    from app.qa.relation.relation_choice import keyword_hits

    if not links:
        return None
    text = _outside_names(a)  # the relation is read outside the names ("the Dutch government" names, not relates)

    def own(r: Relation) -> int:
        return int(bool(head) and any(k.lower().rstrip("s") == head.lower().rstrip("s") for k in r.keywords))
    # A symmetric relation's noun names either party of anything ("which partner funds the most
    # countries"): it types the answer but does not choose the relation; the verb does.
    generic = [r for r in links if own(r) and set(r.domain) == set(r.range)]
    if generic and len(links) > 1:
        text = re.sub(r"\b" + re.escape(head) + r"\b", " ", text, count=1, flags=re.I)
        links_own = {r.name for r in generic}
        own_of = own

        def own(r: Relation) -> int:  # noqa: F811 - the generic noun no longer counts as the relation's own
            return 0 if r.name in links_own else own_of(r)
    words = {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z]+", text)}

    def whole(r: Relation) -> int:  # stems first, then whole words ("funder" is a keyword; "fund" only its stem)
        return sum(k.lower().rstrip("s") in words for k in r.keywords)
    exact_words = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}

    def exact(r: Relation) -> int:  # then the very word: "funds" is the verb's keyword, "fund" a body's noun
        return sum(k.lower() in exact_words for k in r.keywords)
    scored = sorted(((own(r), keyword_hits(text, r.name), whole(r), exact(r), r.name) for r in links), reverse=True)
    if scored[0][:2] != (0, 0) and (len(scored) == 1 or scored[1][:4] != scored[0][:4]):
        return REGISTRY[scored[0][4]]
    if votes is None:
        return None
    shares = sorted(((votes.share(relation=r.name), r.name) for r in links
                     if (own(r), keyword_hits(text, r.name), whole(r), exact(r)) == scored[0][:4]), reverse=True)
    if shares and shares[0][0] > 0 and (len(shares) == 1 or shares[1][0] < shares[0][0]):
        return REGISTRY[shares[0][1]]
    return None


def _relations_between(want: str, counted: str | None) -> list[Relation]:
    out = []
    for r in REGISTRY:
        if counted is not None:
            if (want in r.domain and counted in r.range) or (want in r.range and counted in r.domain):
                out.append(r)
        elif want in r.domain or want in r.range:
            out.append(r)
    return out


def _direction(r: Relation, want: str, counted: str | None) -> str:
    if counted is not None:
        return "subject" if want in r.domain and counted in r.range else "object"
    # no counted noun: the end the asked type heads ("funded by"'s range is organisations)
    if r.range and r.range[0] == want and not (r.domain and r.domain[0] == want):
        return "object"
    return "subject" if want in r.domain else "object"


def adjectival(a: Analysis, votes=None) -> tuple[str, str, str, str] | None:
    """(op, relation, direction, asked type) of a keyword-style superlative ("top funder of ...",
    "most funded country"), or None.  "the most countries" (a counted noun) is not one: that shape
    is :func:`app.qa.figures.aggregate.superlative_intent`'s.  Nor is a count of things no ranking
    relates ("how many journalists from the main news organisations"): the adjective only describes."""
    counts = _HOW_MANY.search(a.question)
    if counts and not any(w and noun_type(w) for w in counts.groups()):
        return None
    for m in _ADJECTIVAL.finditer(a.question):
        word, participle, noun = m.group(1).lower(), m.group(2), m.group(3)
        between = re.findall(r"[a-z]+", m.group(0).lower())[1:-1]
        if word in ("most", "least", "fewest") and not participle and not between:
            continue  # "the most countries": counted, not adjectival ("most common funder" is)
        want = noun_type(noun)
        if want is None:
            continue
        counted = counted_type(a, want, tuple(t for r in REGISTRY for t in (*r.domain, *r.range)))
        links = _relations_between(want, counted) or _relations_between(want, None)
        r = _choose(a, links, noun if not participle else participle, votes)
        if r is None:
            continue
        op = "argmin" if word in _LOW else "argmax"
        return op, r.name, _direction(r, want, counted if counted in (*r.domain, *r.range) else None), want
    return None


def head_noun(question: str) -> str | None:
    """The noun after "which"/"what" ("which single *funder*")."""
    from app.qa.question import _HEAD

    m = _HEAD.search(question)
    return m.group(1) if m else None


def choose_for(a: Analysis, want: str, counted: str, votes=None) -> tuple[str, str] | None:
    """(relation, direction) ranking ``want`` things by how many ``counted`` things they relate to."""
    r = _choose(a, _relations_between(want, counted), head_noun(a.question), votes)
    if r is None:
        return None
    return r.name, _direction(r, want, counted)


def read(a: Analysis, und, stated: str | None, compare) -> tuple[tuple[str, str, str] | None, list[str] | None]:
    """(op, relation, direction) and the named pool (or None) of a ranking the question's own words
    state, whatever template the nearest generated question suggested.  ``compare`` is the
    engine's pool reader (names compared, as governments when they fund)."""
    from app.qa.figures.aggregate import SUPERLATIVE_WORD, superlative_intent

    votes = getattr(und, "guess", None)
    if SUPERLATIVE_WORD.search(a.question):
        said, among = compare(a, und.relation, SUPERLATIVE_WORD, votes)  # "... the fewest: A, B or C"
        if said is not None:
            return said, among
    said = superlative_intent(a, und.relation, votes=votes)
    want = ENTITY_FOR_TYPE.get(stated or "")
    if said is None and want and want != ENTITY_FOR_TYPE.get(a.answer_type):
        said = superlative_intent(a, und.relation, want=want, votes=votes)  # "which single funder ..."
        if said is not None:
            a.answer_type = stated
    if said is None:
        adj = adjectival(a, votes)
        if adj is not None:
            op, rel, direction, want = adj
            a.answer_type = next((t for t, e in ENTITY_FOR_TYPE.items() if e == want), want)
            said = (op, rel, direction)
    return said, None
