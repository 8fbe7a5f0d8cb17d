"""Initiatives named by what the report says they are ("the Asian network on health protection",
"the Asian health-protection network"), not by the words of their name.

A newcomer who does not know an initiative's name describes it: its head noun ("network",
"initiative") and a few words of what it is or does.  :mod:`initiative_descriptions` links a
description whose words are all words of one initiative's *name*; a description that adds a word
the name lacks ("Asian": CONNECT's name has no "Asia") is left unlinked, or is taken by another
initiative whose name holds the rest ("health protection network" is also in P4H's names).

Each initiative gets a *profile*: the words of its names plus the words the report uses to define
it — the sentence where a mention is followed by an appositive or a definition ("CONNECT, a
network of public and non-for-profit organizations in Asia working on social health protection";
"The P4H is a global network of ..."), and the opening sentence of the section the report heads
with its name.  :func:`resolve` reads each description ending on (or followed by a short
prepositional tail after) an initiative head noun, and links it to the one initiative whose profile
holds the head and every one of the description's other words, clearly ahead of any other.
Nothing here names an initiative: heads and adjective endings are ordinary English, and profiles
are read from the knowledge base, so next year's report gives next year's profiles.
"""
from __future__ import annotations

import re
from functools import lru_cache

from app.qa.question import Link
from app.qa.units import STOP

HEADS = {"network", "networks", "initiative", "initiatives", "accelerator", "partnership", "alliance",
         "coalition", "facility", "board", "campaign", "programme", "program"}
_TAIL_PREPS = {"on", "for", "of", "in"}
_TOKEN = re.compile(r"[A-Za-z0-9]+")
_SENTENCE_END = re.compile(r"(?<=[.;])\s")
_DEFINES = re.compile(r"^\s*(?:\([^)]{1,40}\)\s*)?(?:,\s*(?:a|an)\s|is\s+(?:a|an)\s|has\s+been\s+established\b)", re.I)
# Words that end a prepositional tail: a year, a verb or question word, or clause glue.
_TAIL_STOP = {"in", "by", "with", "to", "from", "at", "who", "which", "that", "what", "did", "does", "do", "is",
              "are", "was", "were", "has", "have", "had", "and", "or", "the"}
# What a description may hold: a region's adjective ("Asian"), a topic, a name it is a loose form of.
# Not a country: "Albania's global initiatives" are the initiatives a country takes part in.
_LINKABLE_INSIDE = ("Region", "ThematicArea", "Initiative")
# A description right after the question word is the question's head: the thing asked, not a name.
_ASKED_HEAD = re.compile(r"\b(?:which|what)\s+$", re.I)


def _stem(word: str) -> str:
    w = word.lower()
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def _content(words) -> set[str]:
    return {_stem(w) for w in words if w.lower() not in STOP and not w.isdigit()}


def _variants(word: str) -> set[str]:
    """A word and the noun its adjective ending may come from ("asian" -> "asia", "european" -> "europe")."""
    out = {word}
    if word.endswith("an") and len(word) > 4:
        out |= {word[:-1], word[:-2]}
    return out


def _first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text.strip(), 1)[0]


class Profiles:
    """Per-initiative bags of words, built once from the knowledge base: ``words`` (its names, the
    sentences that define it, the opening sentence of its sections) and ``section_words`` (all the
    text of the sections the report heads with its name, a weaker sign)."""

    def __init__(self, knowledge):
        self.names: dict[str, set[str]] = {}
        self.words: dict[str, set[str]] = {}
        self.section_words: dict[str, set[str]] = {}
        self.mentions: dict[str, int] = {}
        inits = knowledge.of_type("Initiative")
        for e in inits:
            eid = e["id"]
            name_words = set()
            for n in knowledge.names(eid):
                name_words |= _content(_TOKEN.findall(n or ""))
            bag = set(name_words)
            mentions = knowledge._mentions_by_entity.get(eid, [])
            for m in mentions:
                p = knowledge.passage(m["passage_id"])
                if p is None:
                    continue
                after = p.text[m["end"]:m["end"] + 240]
                if _DEFINES.match(after):  # "CONNECT, a network of ..."; "The P4H is a global network ..."
                    bag |= _content(_TOKEN.findall(_first_sentence(after)))
            self.names[eid] = name_words
            self.words[eid] = bag
            self.section_words[eid] = set()
            self.mentions[eid] = len(mentions)
        # The sections the report heads with an initiative's name: their opening sentence defines it.
        lowered = {e["id"]: [n.lower() for n in knowledge.names(e["id"]) if n and len(n) > 3] for e in inits}
        parent = {e["id"]: (e.get("attrs") or {}).get("part_of") for e in inits}
        opened: set[str] = set()
        for p in knowledge.passages.values():
            path = getattr(p, "section_path", None) or []
            title = path[-1].lower() if path else ""
            owners = [eid for eid, ns in lowered.items() if title and any(n in title for n in ns)]
            # "USP2030 Working Group on ...": the working group's section, not its parent's
            owners = [eid for eid in owners if eid not in {parent.get(o) for o in owners}]
            for eid in owners:
                words = _content(_TOKEN.findall(p.text))
                self.section_words[eid] |= words
                if p.section_id not in opened:
                    self.words[eid] |= _content(_TOKEN.findall(_first_sentence(p.text)))
            if owners:
                opened.add(p.section_id)

    def fits(self, head: str, described: set[str]) -> list[tuple[tuple[int, int, int], str]]:
        """((described words in either bag, in the strong bag, mentions), initiative), best first,
        for the initiatives the head fits."""
        out = []
        for eid, bag in self.words.items():
            if _stem(head) not in self.names[eid]:
                continue  # a network is a network: the head must be a word of its name
            strong = sum(1 for w in described if _variants(w) & bag)
            either = sum(1 for w in described if _variants(w) & (bag | self.section_words[eid]))
            out.append(((either, strong, self.mentions[eid]), eid))
        out.sort(key=lambda x: (tuple(-v for v in x[0]), x[1]))
        return out


@lru_cache(maxsize=4)
def profiles_for(knowledge) -> Profiles:
    return Profiles(knowledge)


def defines_word(knowledge):
    """``(initiative id, word) -> bool``: whether the report defines that initiative with the word
    (its names, defining sentences or the sections headed with its name); False for anything else."""
    if knowledge is None or not hasattr(knowledge, "_mentions_by_entity"):
        return None
    prof = profiles_for(knowledge)

    def defines(eid: str, word: str) -> bool:
        bag = prof.words.get(eid)
        return bag is not None and bool(_variants(_stem(word)) & (bag | prof.section_words[eid]))

    return defines


def _spans(question: str):
    """(start, end, head, described words, possessor words) for each description around an
    initiative head noun."""
    toks = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(question)]
    for j, (hs, he, word) in enumerate(toks):
        if word.lower() not in HEADS:
            continue
        i = j
        while i > 0 and j - i < 5 and toks[i - 1][2].lower() not in STOP and not toks[i - 1][2].isdigit():
            i -= 1
        pre = [t for _, _, t in toks[i:j]]
        ends = [he]
        post: list[str] = []
        if j + 1 < len(toks) and toks[j + 1][2].lower() in _TAIL_PREPS:
            k = j + 2
            while k < len(toks) and len(post) < 4 and toks[k][2].lower() not in _TAIL_STOP \
                    and not toks[k][2].isdigit() and question[toks[k - 1][1]:toks[k][0]].strip() in ("", "-"):
                post.append(toks[k][2])
                ends.append(toks[k][1])
                k += 1
        # The tail runs on into the sentence's verb when nothing stops it ("the network in Asia
        # welcomed new members"): the longest tail first, then shorter ones, the first that fits wins.
        for n in range(len(post), -1, -1):
            described = _content(pre + post[:n]) - {_stem(word)}
            # a possessor ("the workers' network") says whose it is: the report must define it so
            possessors = {_stem(t) for s, e, t in toks[i:j] if question[e:e + 1] in ("'", "’")} & described
            if len(described) >= 2:
                yield toks[i][0], ends[n], word.lower(), described, possessors


def resolve(question: str, links: list[Link], knowledge) -> list[Link]:
    """The links plus (or with a weaker initiative link replaced by) the initiative each description
    fits best by its profile; unchanged when no initiative fits clearly."""
    if knowledge is None or not hasattr(knowledge, "_mentions_by_entity"):
        return links
    prof = profiles_for(knowledge)
    out = list(links)
    for start, end, head, described, possessors in _spans(question):
        if _ASKED_HEAD.search(question[:start]):
            continue  # "which Asian network on health protection got ...": the description is what is asked
        inside = [l for l in out if start <= l.start and l.end <= end]
        if any(l.start < end and start < l.end and l not in inside for l in out):
            continue  # crosses a name the linker found
        if any(l.type not in _LINKABLE_INSIDE for l in inside):
            continue  # holds an organisation or a scheme: the description is of something else
        fits = prof.fits(head, described)
        if not fits or fits[0][0][0] < len(described) or fits[0][0][1] < max(1, len(described) - 1):
            continue  # a described word is nowhere in what the report says of it, or two only in passing
        if len(fits) > 1 and fits[1][0][:2] == fits[0][0][:2] and fits[1][0][2] * 2 > fits[0][0][2]:
            continue  # two fit as well, and neither is the one the report talks of (far more often)
        best = fits[0][1]
        if any(not (_variants(w) & prof.words[best]) for w in possessors):
            continue  # whose network it is is not what the report defines it by
        if any(l.type == "Initiative" and best in l.ids for l in inside):
            continue
        out = [l for l in out if l not in inside]
        out.append(Link(start, end, question[start:end], [best]))
    return sorted(out, key=lambda l: l.start) if out != links else links
