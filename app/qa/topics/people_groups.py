"""The groups of people a sentence lists: "refugees and asylum seekers", "household business owners,
part-time workers, and non-salaried managers", "informal, self-employed and migrant workers".

"Which groups were newly brought into the scheme?", "which new groups of workers does the law cover?",
"target groups": the answer is a list of people the report writes in one coordination, not an entity
the graph holds.  The group finder (:func:`app.qa.topics.spans.group_spans`) reads lists written
after or before the head noun the question uses ("the provincial governments of Punjab and Sindh");
a sentence rarely writes "groups" beside its groups, so this reads the coordination itself: items
joined by commas and "and"/"or", the last one (at least) ending on a plural noun of people.  Items
that are bare modifiers of a shared head ("informal, self-employed and migrant workers") take that
head, so each group is named in full.

Ordinary English only: nouns of people and word order, never a group from a report.
"""
from __future__ import annotations

import re

from graph.extract.quantities import _PEOPLE, _THINGS

# Plural nouns of people beyond the figure extractor's list: roles ending like people ("owners",
# "managers", "seekers") count when they are not things ("registers", "partners" are set apart).
_ROLE_SUFFIX = re.compile(r"[a-z]{3,}(?:ers|ees|ants|ents|ians|ists|ors)$")
_PEOPLE_WORD = re.compile(rf"(?:{_PEOPLE})$", re.I)
# Words that open a clause or a phrase before a list rather than belonging to its first item.
_LEADING = re.compile(r"^(?:.*\b(?:including|include|includes|such as|namely|notably|especially|particularly|to|for|of|among|like|covering|cover|covers|"
                      r"are|were|as|reach|reached|reaching)\s+)", re.I)
_DROP_FIRST = re.compile(r"^(?:the|a|an|all|both|key|newly\s+eligible|previously\s+uncovered|eligible|new|"
                         r"vulnerable|estimated|about|around|over|some|nearly|approximately|more\s+than|"
                         r"\d[\d,.]*(?:\s+(?:million|thousand))?)\s+", re.I)
# A chunk opening on these starts a list of its own ("key populations, including persons with
# disabilities, older persons and refugees": the examples are the groups).
_OPENS_LIST = re.compile(r"^(?:including|such\s+as|namely|like|notably|especially|particularly)\s+", re.I)
# Verbs of the third person that end like nouns of people ("offers", "covers"): never a group.
_VERB_ERS = frozenset("offers covers refers enters delivers considers answers registers remembers gathers "
                      "suffers differs transfers triggers administers empowers lowers".split())
_MAX_MODIFIERS = 4  # words before a group's people noun ("non-salaried managers", "household business owners")
# A chunk boundary inside a sentence: a comma, or "and" / "or" between two words.
_JOIN = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")
# A group's own tail after its people noun: "persons *with disabilities*", "managers *of enterprises*".
_TAIL = re.compile(r"^(?:with\s+disabilit(?:y|ies)|of\s+[a-z][\w-]*)")


def _is_people(word: str) -> bool:
    w = word.lower()
    if _THINGS.search(w) or w in _VERB_ERS:
        return False
    return bool(_PEOPLE_WORD.fullmatch(w) or _ROLE_SUFFIX.fullmatch(w))


def _clean(item: str) -> str:
    item = item.strip()
    while True:
        new = _DROP_FIRST.sub("", item)
        if new == item:
            return item
        item = new


def people_group_spans(seg: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each group of people in the sentence's coordinations: offsets into
    ``seg``, and the group's full name (a modifier takes the shared noun: "informal workers")."""
    return [(s, e, " ".join((seg[s:e] + (f" {head}" if head else "")).split())) for s, e, head in _groups(seg)]


def people_groups(seg: str) -> list[str]:
    """The groups of people the sentence lists, each in full ("informal workers", "migrant workers")."""
    return [name for *_, name in people_group_spans(seg)]


def _head(words: list[str]) -> int | None:
    """The index of the item's people noun: the first word of people (what follows is its tail,
    "with disabilities", or the clause after the list)."""
    for i, w in enumerate(words):
        if _is_people(w.strip("'’")):
            return i
    return None


def _groups(seg: str) -> list[tuple[int, int, str]]:
    """Runs of chunks joined by commas and "and"/"or" whose items are groups of people: the longest
    run of the first clause that has one."""
    for clause in re.finditer(r"[^.;:()]+", seg):
        text, base = clause.group(0), clause.start()
        chunks, pos = [], 0
        for m in _JOIN.finditer(text):
            chunks.append((pos, text[pos:m.start()], m.group(0)))
            pos = m.end()
        chunks.append((pos, text[pos:], ""))
        best: list[tuple[int, int, str]] = []
        for i in range(len(chunks)):
            found = _items(chunks[i:], text)
            if len(found) > len(best):
                best = found
        if best:
            return [(base + s, base + e, head) for s, e, head in best]
    return []


def _items(chunks: list[tuple[int, str, str]], text: str) -> list[tuple[int, int, str]]:
    """The groups of a run of chunks starting at its first: each chunk a group of people (its head a
    people noun) or a bare modifier of the next group's noun; the run ends at the first group after
    an "and"/"or" or at a chunk that is neither."""
    got: list[tuple[int, int, bool]] = []  # (start, end, is a modifier)
    joined = False
    for k, (off, chunk, sep) in enumerate(chunks):
        if k > 0 and _OPENS_LIST.match(chunk):
            break  # the examples after "including" are a list of their own
        if k == 0:
            lead = _LEADING.match(chunk)
            if lead:
                off, chunk = off + lead.end(), chunk[lead.end():]
        cleaned = _clean(chunk)
        if not cleaned:
            break
        off += chunk.find(cleaned)
        words = cleaned.split()
        h = _head(words)
        if h is not None and h > _MAX_MODIFIERS:
            break  # "of the value of coverage for both workers": a phrase, no group
        if h is not None:
            tail = 2 if h + 1 < len(words) and _TAIL.match(" ".join(words[h + 1:h + 3])) else 0
            end = off + len(" ".join(words[:h + 1 + tail]))
            after = chunks[k + 1] if k + 1 < len(chunks) else None
            if tail and words[h + 1] == "of" and h + 3 == len(words) and after and not after[2] and \
                    re.search(r"\b(?:and|or)\b", sep) and re.fullmatch(r"[a-z]+s", after[1].strip()) and \
                    not _is_people(after[1].strip()):
                end = after[0] + len(after[1].strip())  # "managers of enterprises and cooperatives": one tail
                got.append((off, end, False))
                break
            got.append((off, end, False))
            if joined or h + 1 + tail < len(words):
                break  # the group after "and" closes the list; so does one a clause follows
        elif len(words) <= 2 and all(w.islower() for w in words) and sep:
            got.append((off, off + len(cleaned), True))  # a modifier of the group to come
        else:
            break
        joined = joined or bool(re.search(r"\b(?:and|or)\b", sep))
        if not sep:
            break
    while got and got[-1][2]:
        got.pop()
    if len(got) < 2 or not (joined or any(re.search(r"\b(?:and|or)\b", c[2]) for c in chunks[:len(got)])):
        return []
    out: list[tuple[int, int, str]] = []
    noun = ""
    for s, e, modifier in reversed(got):
        if modifier:
            out.append((s, e, noun))
        else:
            out.append((s, e, ""))
            noun = re.findall(r"[A-Za-z][\w'’-]*", text[s:e])[-1]
            m = re.search(r"\b(\w+)\s+(?:with|of)\s+\w+$", text[s:e])
            noun = m.group(1) if m and _is_people(m.group(1)) else noun
    return list(reversed(out))
