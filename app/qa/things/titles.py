"""Publications found by what a question says about them, over the graph's publication records.

People rarely give a title; they describe the publication: its kind ("which ILO brief", "the
working paper"), its language ("the French-language briefs"), who wrote it with the ILO ("the fact
sheet produced with OHCHR", "what the ILO and the IMF published together"), the country it is about,
its month or number, or a paraphrase of the title's own words ("the brief on social health
protection and climate action").  The build already holds each of these on the publication
(``kind``, ``language``, ``month``, ``year``, ``number``, ``countries``, ``described_by``;
``publishedBy`` and ``publicationAbout`` facts), so the answer is a filter over the graph, not a
sentence read by chance.

Decision: filters the question states exactly (language, co-author, number) select the answer set;
without them, a title whose content words the question nearly all repeats is the answer.  When
neither applies the caller falls back to reading titles out of sentences (:mod:`app.qa.topics.spans`).
Only ordinary English (kind nouns, language names, month names) is written here.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from app.qa.units import terms
from graph.dates import MONTH_WORDS

# "which recommendation guides ...", "what convention reports ...": a kind word right after the
# head noun of a wh-phrase that asks for something else is that phrase's verb, not a kind asked.
_WH_HEAD = re.compile(r"\b(?:which|what)\s+(?:ilo\s+|un\s+)?(\w+)(?:\s+[\w.-]+){0,3}\s+$")
_OTHER_HEADS = ("convention", "recommendation", "instrument", "standard", "countr", "organi", "initiative",
                "scheme", "programme", "network", "partnership", "agenc", "donor", "funder", "law", "polic")


def _verb_after_head(low: str, start: int) -> bool:
    m = _WH_HEAD.search(low[:start])
    return bool(m) and m.group(1).startswith(_OTHER_HEADS)


# Kinds of publication by the words people use for them; a question's kind word matches a record
# whose kind contains it ("paper" matches working paper, policy paper, issue paper).
KIND_WORDS = ("working paper", "policy paper", "issue paper", "policy note", "technical note", "guidance note",
               "fact sheet", "factsheet", "policy brief", "brief", "guide", "report", "study", "handbook", "toolkit",
               "paper", "note", "module", "bulletin")
_LANGUAGES = {"french": "fr", "francophone": "fr", "spanish": "es", "portuguese": "pt", "english": "en"}
_MONTHS = MONTH_WORDS
TITLE_COVERAGE = 0.75  # share of a title's content words a question must repeat to name it by paraphrase
# The same share weighted by how rare each word is among the titles: "the brief on healthy ageing"
# names "Universal social protection for healthy ageing", whose other words every title shares.
RARE_COVERAGE = 0.6
RARE_LEAD = 0.3  # and by this much more than any other title
MIN_TITLE_TERMS = 2
# verbs and nouns of asking for a publication by topic, which no title is expected to use
_ASKING = set(terms("about cover covers covering deal deals dealing discuss discusses concern concerns "
                    "focus focuses topic subject produce produced put out launch launched issue issued sample"))
TOPIC_WEIGHT = 1.5  # least summed rarity (idf) of topic words that alone pick titles holding them all
# Kind words too general to select by: every question may say "the report" of the report itself.
_LOOSE_KINDS = ("report",)
MAX_LISTED = 8  # a filter leaving more than this is no answer ("which reports ...")
# A group of publications described together: the share of the question's topic words their
# descriptions repeat, how close to the best a member must be, and how far ahead of the rest.
GROUP_COVERAGE, GROUP_TIE, GROUP_LEAD = 0.6, 0.05, 0.25
# ... or presented together by one lead-in: the share of the question's topic words the lead-in and
# the members' descriptions hold (wordy questions bring many words no description has)
GROUP_CONTEXT_COVERAGE = 0.35
_GENERIC = set(terms("ilo report paper brief publication published title called named which what ilo's"))


COGNATE_PREFIX = 4  # letters two related languages' words share ("culturel"/"cultural", "secteur"/"sector")
MIN_COGNATES = 2  # distinctive cognates a question must repeat to name a title in another language


def cognates(text: str) -> set[str]:
    """Accent-free word openings of a text's longer words: a French title and an English question
    about it share them ("secteur culturel et créatif" / "the cultural and creative sector")."""
    from graph.countries import fold

    return {w[:COGNATE_PREFIX] for w in re.findall(r"[a-z]{5,}", fold(text))}


# Ordinary words of social protection whose French, Spanish and Portuguese equivalents share no
# opening with the English word ("self-employed" / "travailleurs indépendants" / "trabajadores
# autónomos"): a dictionary's general knowledge, read only to match a title in another language.
_EQUIVALENTS = {
    "self-employed": "indépendants independientes independentes autónomos autonomos",
    "self employed": "indépendants independientes independentes autónomos autonomos",
    "own-account": "indépendants independientes independentes autónomos autonomos",
    "workers": "travailleurs trabajadores trabalhadores",
    "worker": "travailleur trabajador trabalhador",
    "health": "santé salud saúde",
    "unemployment": "chômage desempleo desemprego",
    "elderly": "personnes âgées mayores idosos",
    "older": "âgées mayores idosos",
    "children": "enfants niños crianças",
    "child": "enfant niño criança",
    "women": "femmes mujeres mulheres",
    "disability": "handicap discapacidad deficiência",
    "coverage": "couverture cobertura",
    "extending": "étendre extender ampliar",
    "extend": "étendre extender ampliar",
    "extension": "étendre extensión ampliação",
    "employment injury": "accidents travail riesgos trabajo acidentes trabalho",
    "care": "soins cuidados",
}
_EQUIVALENT_RX = re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(_EQUIVALENTS, key=len, reverse=True)) + r")\b", re.I)


def equivalent_cognates(text: str) -> set[str]:
    """The word openings of other languages' equivalents of the text's ordinary words (see
    ``_EQUIVALENTS``): "self-employed" gives "inde" and "auto", which a French title on
    "travailleurs indépendants" holds."""
    return set().union(*(cognates(_EQUIVALENTS[m.group(1).lower()]) for m in _EQUIVALENT_RX.finditer(text)))


@dataclass
class Found:
    """Publications the question describes, best first, with why each is in."""

    ids: list[str]
    why: list[str] = field(default_factory=list)
    listed: bool = False  # every publication the stated filters leave, not one named by its title


@dataclass
class _Pub:
    eid: str
    label: str
    title_terms: set[str]
    desc_terms: set[str]
    kind: str
    language: str
    month: str
    year: str
    number: str
    countries: set[str]
    publishers: set[str]
    context: str = ""  # the text that presents it (a list's lead-in: "The three concerned briefs are:")
    main_terms: set[str] = field(default_factory=set)  # the words of its main title, before a subtitle
    place_terms: set[str] = field(default_factory=set)  # title words naming the countries it is about


MIN_MAIN_TERMS = 2  # content words a main title needs to name its publication alone


def main_title(title: str) -> str:
    """The main title before its subtitle ("Financing gap for universal social protection" of
    "Financing gap for universal social protection: Global, regional and national estimates ..."):
    text and readers cite a publication by it, and a question repeating all of it names the
    publication though it leaves the subtitle's many words out.  "" when the title has no subtitle."""
    head, sep, tail = title.partition(":")
    return head.strip() if sep and tail.strip() else ""


def _adjectival_countries(title: str) -> set[str]:
    """ISO3 codes of the countries a title names by adjective ("Assessment of the Cambodian ...
    Fund's schemes" is about Cambodia, as "... in Timor-Leste" is about Timor-Leste)."""
    from app.qa.names.demonyms import demonym_country

    return {iso for w in re.findall(r"\b[A-Z][a-z]{3,}\b", title) for iso in [demonym_country(w)] if iso}


DESCRIBED_ALONE = 0.75  # share of the question's topic words a publication's title and description write
MIN_DESCRIBED_TERMS = 6  # a description at length, not a keyword query's two or three words


def _described(p: _Pub, topic: set[str]) -> float:
    """The share of the question's topic words the publication's title and description write."""
    return len(topic & (p.desc_terms | p.title_terms)) / len(topic) if topic else 0.0


class PublicationFinder:
    """The graph's publications, indexed for description matching (built once per engine)."""

    def __init__(self, knowledge, author_orgs: set[str] = frozenset()):
        self.author_orgs = set(author_orgs)
        self.pubs: list[_Pub] = []
        for e in knowledge.of_type("Publication"):
            at = e.get("attrs") or {}
            eid = e["id"]
            pubs = {f["object"] for f in knowledge.facts_where(subject=eid, predicate="publishedBy")}
            about = {f["object"].split(":", 1)[1] for f in knowledge.facts_where(subject=eid, predicate="publicationAbout")}
            self.pubs.append(_Pub(eid, e["label"], set(terms(e["label"])) - _GENERIC,
                                  set(terms(" ".join([at.get("described_by") or "", at.get("context") or ""]))),
                                  (at.get("kind") or "").lower(),
                                  at.get("language") or "en", (at.get("month") or "").lower(), str(at.get("year") or ""),
                                  str(at.get("number") or ""),
                                  set(at.get("countries") or []) | about | _adjectival_countries(e["label"]), pubs,
                                  (at.get("context") or "").strip(),
                                  set(terms(main_title(e["label"]))) - _GENERIC))
        for p in self.pubs:  # "Just energy transition in Indonesia": "indonesia" names the place, not the topic
            p.place_terms = {t for c in p.countries for n in knowledge.names(f"Country:{c}")
                             for t in terms(n)} & p.title_terms
        self._ids = {p.eid for p in self.pubs}
        df: dict[str, int] = {}
        for p in self.pubs:
            for t in p.title_terms:
                df[t] = df.get(t, 0) + 1
        n = len(self.pubs)
        self.idf = {t: math.log((n + 1) / c) for t, c in df.items()}

    def countries_of(self, eid: str) -> set[str]:
        """The ISO codes of the countries a publication is about (as recorded on it)."""
        return next((set(p.countries) for p in self.pubs if p.eid == eid), set())

    def rare_coverage(self, p: "_Pub", qterms: set[str]) -> float:
        """Share of the title's weight (rarer words weigh more) that the question repeats."""
        total = sum(self.idf.get(t, 0.0) for t in p.title_terms)
        return sum(self.idf.get(t, 0.0) for t in p.title_terms & qterms) / total if total else 0.0

    @staticmethod
    def _described_group(pool: list["_Pub"], qterms: set[str]) -> list["_Pub"]:
        """Publications presented together ("a series of briefs on ... the care economy"), which a
        plural question describes by what that presentation says: the ones whose descriptions
        repeat most of the question's words, well ahead of every other publication."""
        topic = qterms - _GENERIC
        if len(topic) < 3:
            return []
        share = {p.eid: len(topic & p.desc_terms) / len(topic) for p in pool}
        best = max(share.values(), default=0.0)
        group = [p for p in pool if share[p.eid] >= best - GROUP_TIE]
        rest = max((share[p.eid] for p in pool if p not in group), default=0.0)
        if best < GROUP_COVERAGE or rest > best - GROUP_LEAD or not 2 <= len(group) <= MAX_LISTED:
            return []
        return group

    def _context_group(self, pool: list["_Pub"], qterms: set[str]) -> list["_Pub"]:
        """Publications one passage presents as a set ("a series of briefs on ... the care economy
        ... The three concerned briefs are:"), asked for by what that presentation says.  The
        members share the text that leads into their list (their ``context``); the set is asked
        when the words of that lead-in and of the members' own descriptions together hold clearly
        more of the question's topic words than any publication outside it, and the lead-in holds
        at least two of them.  All members are the answer: each one's own description repeats only
        some of the question ("healthy ageing" of one, "long-term care" of another), so picking by
        description alone dropped members.  Words weigh by their rarity across the publications'
        descriptions: "social protection", said of nearly all, tells no set apart."""
        weight = self._desc_idf()
        # (a word no title or description holds says nothing of which: "apparently", "could you")
        topic = {t for t in qterms - _GENERIC - _ASKING if t in weight}
        if len(topic) < 2:
            return []

        def held(bag: set[str]) -> float:
            total = sum(weight[t] for t in topic)
            return sum(weight[t] for t in topic & bag) / total if total else 0.0
        groups: dict[str, list[_Pub]] = {}
        for p in pool:
            if p.context:
                groups.setdefault(p.context, []).append(p)
        best: tuple[float, list[_Pub]] | None = None
        for context, members in groups.items():
            if not 2 <= len(members) <= MAX_LISTED or len(topic & set(terms(context))) < 2:
                continue
            bag = set(terms(context)).union(*(m.desc_terms | m.title_terms for m in members))
            share = held(bag)
            if best is None or share > best[0]:
                best = (share, members)
        if best is None or best[0] < GROUP_CONTEXT_COVERAGE:
            return []
        inside = {m.eid for m in best[1]}
        rest = max((held(p.desc_terms | p.title_terms) for p in pool if p.eid not in inside), default=0.0)
        return best[1] if rest <= best[0] - GROUP_LEAD else []

    def _desc_idf(self) -> dict[str, float]:
        """Rarity of each word across the publications' titles and descriptions (built once)."""
        if not hasattr(self, "_desc_weights"):
            df: dict[str, int] = {}
            for p in self.pubs:
                for t in p.desc_terms | p.title_terms:
                    df[t] = df.get(t, 0) + 1
            n = len(self.pubs)
            self._desc_weights = {t: math.log((n + 1) / c) for t, c in df.items()}
        return self._desc_weights

    def _titles_holding(self, pool: list["_Pub"], qterms: set[str], links, plural: bool) -> list["_Pub"]:
        """The publications whose titles hold every topic word of the question ("what has the ILO
        published on tuberculosis", "which publications cover climate"): the topic is the question's
        words that some title uses, less the kind, author and linked names; at most one other word
        may be the asking's own ("cover"); one title (or, for a plural question, a few) must hold
        all of them."""
        vocab = set().union(*(p.title_terms for p in self.pubs)) if self.pubs else set()
        # a thematic area the linker found ("child benefits") is the topic itself, not a name to set aside
        named = set(terms(" ".join(l.surface for l in links if l.type != "ThematicArea")))
        kinds = set(terms(" ".join(KIND_WORDS)))
        asked = qterms - _GENERIC - named - kinds - _ASKING
        topic = asked & vocab
        if not topic or len(asked - vocab) > 1:
            return []  # the question says more than any title does: it describes something else
        holding = [p for p in pool if topic <= p.title_terms]
        if not holding or len(holding) > (MAX_LISTED if plural else 1):
            return []
        if sum(self.idf.get(t, 0.0) for t in topic) < TOPIC_WEIGHT:
            return []  # "social protection": words nearly every title shares say nothing
        return holding

    @staticmethod
    def _set_apart(pool: list["_Pub"], qterms: set[str], links) -> tuple["_Pub", list[str]] | None:
        """Of a few publications an exact filter left ("what did the ILO publish in December on
        linking social protection and occupational health"), the one whose title alone writes two
        or more of the question's topic words, the others writing none that it does not: the filter
        lists three December titles, the topic names one.  The words all the titles share ("social
        protection") and the filter's own words tell nothing apart."""
        if not 2 <= len(pool) <= MAX_LISTED:
            return None
        named = set(terms(" ".join(l.surface for l in links if l.type != "ThematicArea")))
        topic = qterms - _GENERIC - _ASKING - named - set(terms(" ".join(KIND_WORDS + _MONTHS)))
        own = []
        for p in pool:
            others = set().union(*(o.title_terms for o in pool if o is not p))
            own.append(sorted((p.title_terms & topic) - others))
        apart = [i for i, words in enumerate(own) if len(words) >= 2]
        if len(apart) != 1 or any(words for i, words in enumerate(own) if i != apart[0]):
            return None
        return pool[apart[0]], own[apart[0]]

    @staticmethod
    def _by_cognates(pool: list["_Pub"], question: str) -> "_Pub | None":
        """The one title in another language than English whose distinctive words an English question
        echoes ("which French brief covers the cultural and creative sector"): a title's word openings
        that no other title of the pool shares, repeated at least twice (once when the question names
        the language, so that the pool holds that language's titles only), by one title only."""
        foreign = [p for p in pool if p.language != "en"]
        asked = cognates(question) | equivalent_cognates(question)
        hits = []
        for p in foreign:
            others = set().union(*(cognates(o.label) for o in pool if o is not p))
            hits.append((len((cognates(p.label) - others) & asked), p))
        # once the question has said the language, the pool holds only its titles: one word tells them apart
        least = 1 if foreign and len(foreign) == len(pool) else MIN_COGNATES
        best = [p for n, p in hits if n >= least]
        return best[0] if len(best) == 1 else None

    # -- what the question states ----------------------------------------------------------------
    @staticmethod
    def _kind(question: str) -> str | None:
        low = question.lower()
        return next((k for k in KIND_WORDS if any(not _verb_after_head(low, m.start()) for m in
                                                  re.finditer(r"\b" + k + r"s?\b", low))), None)

    @staticmethod
    def of_kind(kind: str, pool: list["_Pub"]) -> list["_Pub"]:
        """The publications whose recorded kind contains the kind word ("paper" is in "working paper")."""
        return [p for p in pool if kind.replace("factsheet", "fact sheet") in p.kind]

    @staticmethod
    def _kind_listed(question: str, kind: str) -> bool:
        """The kind word is asked in the plural ("which guides", "how many fact sheets")."""
        return re.search(r"\b" + kind + r"s\b", question, re.I) is not None

    def kind_mismatch(self, question: str, ids: list[str]) -> bool:
        """The question asks for a specific kind of publication ("which fact sheets") and some of
        ``ids`` are publications of another kind, while the graph holds publications of that kind:
        an answer chosen for its relation or title words, not for what the question asks."""
        kind = self._kind(question)
        if not kind or kind in _LOOSE_KINDS or not self.of_kind(kind, self.pubs):
            return False
        mine = {p.eid for p in self.of_kind(kind, self.pubs)}
        return any(i in self._ids and i not in mine for i in ids)

    @staticmethod
    def _language(question: str) -> str | None:
        low = question.lower()
        return next((code for word, code in _LANGUAGES.items()
                     if re.search(r"\b" + word + r"\b(?:[\s-]+language)?|\bin " + word + r"\b", low)), None)

    def find(self, question: str, links, plural: bool, asks_place: bool = False) -> Found | None:
        """The publications the question describes, or None when it does not single any out.
        ``asks_place``: the question asks which country a publication is about, so the title's
        words naming its country are the answer, not words the question could repeat."""
        if not self.pubs:
            return None
        qterms = set(terms(question))
        why: list[str] = []
        pool = list(self.pubs)
        exact = placed = False  # placed: only the country filter made the answer set exact
        lang = self._language(question)
        if lang and lang != "en":
            pool = [p for p in pool if p.language == lang]
            why.append(f"language: {lang}")
            exact = True
        orgs = {i for l in links for i in l.ids if i.startswith("Organization:") and i not in self.author_orgs}
        publishing = {o for o in orgs if any(o in p.publishers for p in self.pubs)}
        if publishing:
            pool = [p for p in pool if p.publishers & publishing]
            why.append("published with " + ", ".join(sorted(publishing)))
            exact = True
        # "working paper 113", "brief no. 7" -- not "Report 2024-26", whose year is part of the title
        number = re.search(r"\b(?:(?:paper|brief|report)\s*(?!(?:19|20)\d\d\b)|(?:no\.?|number)\s*)(\d{1,4})\b", question, re.I)
        if number and any(p.number for p in pool):
            pool = [p for p in pool if p.number == number.group(1)]
            why.append(f"number {number.group(1)}")
            exact = True
        countries = {i.split(":", 1)[1] for l in links for i in l.ids if i.startswith("Country:")}
        if countries:
            about = [p for p in pool if p.countries & countries]
            if about:
                # the country a publication is about is stated on it: a filter as exact as a co-author
                # ("what did the ILO publish on Timor-Leste") ...
                pool, exact, placed = about, True, not exact
                why.append("about " + ", ".join(sorted(countries)))
        kind = self._kind(question)
        if kind:
            same = self.of_kind(kind, pool)
            if same:
                pool = same
                why.append(f"kind: {kind}")
                # "which guides ...", "the fact sheets": a specific kind asked in the plural is a filter
                # as exact as a language ("report" is also what a question calls the report itself)
                if kind not in _LOOSE_KINDS and self._kind_listed(question, kind):
                    exact = plural = True
            elif countries and placed:
                exact = False  # ... unless the kind asked is not among them ("what bilingual paper ... in X")
        month = next((m for m in _MONTHS if re.search(r"\b" + m + r"\b", question, re.I)), None)
        if month:
            dated = [p for p in pool if p.month == month]
            if dated:
                pool, exact = dated, True
                why.append(f"published in {month}")
        if not pool:
            return None

        def said(p: _Pub) -> set[str]:  # the title words a question could repeat
            return p.title_terms - p.place_terms if asks_place and p.title_terms - p.place_terms else p.title_terms

        def coverage(p: _Pub) -> float:
            whole = len(said(p) & qterms) / len(said(p)) if p.title_terms else 0.0
            # a question may cite the main title alone, all of it (see :func:`main_title`)
            main = len(p.main_terms) >= MIN_MAIN_TERMS and p.main_terms <= qterms
            return max(whole, 1.0 if main else 0.0)

        def score(p: _Pub) -> float:
            topic = qterms - _GENERIC
            desc = len(topic & (p.desc_terms | p.title_terms)) / len(topic) if topic else 0.0
            return coverage(p) + 0.5 * desc

        ranked = sorted(pool, key=lambda p: -score(p))
        best = ranked[0]
        second = max((coverage(p) for p in ranked[1:]), default=0.0)
        shared = len(best.title_terms & qterms)
        named = (coverage(best) >= TITLE_COVERAGE and shared >= MIN_TITLE_TERMS and second < coverage(best) - 0.2) or \
            (coverage(best) >= 0.5 and shared >= 3 and second <= coverage(best) / 2)  # most words, and far ahead
        if named:
            said = "the question repeats the whole main title" if len(best.main_terms) >= MIN_MAIN_TERMS and \
                best.main_terms <= qterms else f"the question repeats {coverage(best):.0%} of the title's words"
            return Found([best.eid], why + [said])
        by_rare = sorted(pool, key=lambda p: -self.rare_coverage(p, qterms))
        top = self.rare_coverage(by_rare[0], qterms)
        runner = self.rare_coverage(by_rare[1], qterms) if len(by_rare) > 1 else 0.0
        if top >= RARE_COVERAGE and len(by_rare[0].title_terms & qterms) >= MIN_TITLE_TERMS and runner <= top - RARE_LEAD:
            return Found([by_rare[0].eid], why + [f"the question repeats the title's rarest words ({top:.0%} of its weight)"])
        translated = self._by_cognates(pool, question)
        if translated is not None:
            return Found([translated.eid], why + [f"the question repeats the {translated.language} title's words in English"])
        # one publication the question describes at length ("... drawing on three country case studies
        # from the project Universal Access to ...") when the others share little of it
        topic = qterms - _GENERIC
        by_desc = sorted(pool, key=lambda p: -_described(p, topic))
        if len(topic) >= MIN_DESCRIBED_TERMS and len(by_desc) > 1 and _described(by_desc[0], topic) >= DESCRIBED_ALONE and \
                _described(by_desc[1], topic) <= _described(by_desc[0], topic) / 2:
            return Found([by_desc[0].eid], why + [f"the question says what it is about "
                                                  f"({_described(by_desc[0], topic):.0%} of its words)"])
        group = (self._context_group(pool, qterms) or self._described_group(pool, qterms)) if plural else None
        if group:
            return Found([p.eid for p in group], why + ["the question says what the publications it lists are about"])
        topical = self._titles_holding(pool, qterms, links, plural)
        if topical:
            return Found([p.eid for p in topical], why + ["every word of the question's topic is in the title"])
        alone = self._set_apart(pool, qterms, links) if exact else None
        if alone is not None:
            return Found([alone[0].eid], why + [f"only its title writes the question's words: {', '.join(alone[1])}"])
        if not exact or len(pool) > MAX_LISTED:
            return None
        if plural or len(pool) == 1:
            return Found([p.eid for p in ranked], why, listed=True)
        if score(ranked[0]) > score(ranked[1]):
            return Found([ranked[0].eid], why + ["best match of the question's words"])
        return None
