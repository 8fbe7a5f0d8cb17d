"""The generated question bank: delexicalised questions for every relation, operation and style.

Each relation of :data:`graph.relations.REGISTRY` is asked in both directions ("who funds
[country]" / "which countries does [organisation] fund"), counted ("how many countries ..."),
ranked ("which country has the most funders"), grouped by region, dated when it carries a year
qualifier ("when did [country] ratify [convention]"), in plain, keyword-style and wordy forms.
Entity names are replaced by type tokens, exactly as :mod:`app.qa.intent` replaces the names it
links in a user's question, so the two meet in the embedding space by meaning, not by name.

A generated question carries its :class:`Intent` (template + slots).  Questions that ask for a
thing of some type without a relation the graph holds ("in which country was the tool piloted")
are generated from generic topic phrases and carry ``op="text"``.

Nothing here is a fact from a report: the phrasings are ordinary English and the relations come
from the registry, so a newly registered relation appears in the bank with no other edit.
"""
from __future__ import annotations

import hashlib
import itertools
from dataclasses import asdict, dataclass

from graph.relations import REGISTRY, Relation

# The token a linked mention of each entity type becomes (the same at build and at question time).
TYPE_TOKEN = {"Country": "[country]", "Organization": "[organisation]", "Initiative": "[initiative]",
              "LegalInstrument": "[convention]", "Scheme": "[scheme]", "Region": "[region]",
              "Publication": "[publication]", "InstitutionalResult": "[result]", "Project": "[project]",
              "Year": "[year]"}
# How people name a set of things of each type, as the head of "which ...".
TYPE_NOUNS = {
    "Country": ("countries", "country", "governments", "member states"),
    "Organization": ("organisations", "organizations", "agencies", "institutions", "partners"),
    "Initiative": ("initiatives", "partnerships", "networks"),
    "LegalInstrument": ("conventions", "instruments", "ILO conventions"),
    "Scheme": ("schemes", "programmes", "benefits"),
    "Publication": ("publications", "papers", "reports"),
    "Region": ("regions",),
    "InstitutionalResult": ("results",),
    "Project": ("projects",),
}
# The answer type the engine reports for an entity type.
ANSWER_TYPE = {"LegalInstrument": "Convention", "InstitutionalResult": "Text", "Region": "Text", "Project": "Text"}

WORDY = ("could you tell me {q}", "I would like to know {q}", "according to the report, {q}",
         "for a briefing I am preparing, {q}", "can you list {q}", "{q} according to the report",
         "please tell me {q}", "I'm trying to find out {q}")
# Generic topics for questions the graph does not model (asked of the text): ordinary English.
TOPICS = ("the new diagnostic tool was piloted", "the study on informal workers was carried out",
          "trade unions helped extend coverage to agricultural workers", "the campaign was launched",
          "students received fellowships", "the pilot project started", "refugees were included in the scheme",
          "the assessment was completed", "the statistical bulletin was produced", "the training took place",
          "the new benefit was introduced for older persons", "the law was drafted with support",
          "workers in the informal economy were covered", "the workshop was held", "the tool was tested")


@dataclass(frozen=True)
class Intent:
    """What a question asks: an operation over a relation, seen from one end.

    ``op``: list | count | argmax | argmin | groupby | year | text.  ``direction``: "subject" when
    the answer is the relation's subject (the object is named), "object" when it is the object.
    ``answer``: the entity type asked for (Country, Organization ...) or Number / Year.
    """

    op: str
    relation: str
    direction: str
    answer: str

    @property
    def key(self) -> str:
        return f"{self.op}|{self.relation}|{self.direction}|{self.answer}"

    @classmethod
    def from_key(cls, key: str) -> "Intent":
        return cls(*key.split("|"))


@dataclass(frozen=True)
class BankQuestion:
    text: str
    intent: Intent
    style: str  # plain | keyword | wordy


def _tok(types: tuple[str, ...]) -> list[str]:
    toks = [TYPE_TOKEN.get(t, f"[{t.lower()}]") for t in types[:2]]
    if types[0] == "Organization" and TYPE_TOKEN["Country"] not in toks:
        toks.append(TYPE_TOKEN["Country"])  # a government is named by its country ("Japan funds ...")
    return toks


def _verbish(label: str) -> str:
    """'funded by' -> 'funded', for keyword forms."""
    return label.split()[0]


def _relation_questions(r: Relation) -> list[BankQuestion]:
    out: list[BankQuestion] = []
    kws = list(r.keywords[:5]) or [_verbish(r.label)]

    def add(text: str, op: str, direction: str, answer: str, style: str = "plain") -> None:
        out.append(BankQuestion(" ".join(text.split()), Intent(op, r.name, direction, answer), style))

    # -- the object is asked, the subject named ("who funds [country]") ---------------------
    for s_tok, o_type in itertools.product(_tok(r.domain), r.range[:2]):
        nouns = TYPE_NOUNS.get(o_type, (o_type.lower() + "s",))
        for seed in r.ask_object:
            for noun in nouns[:2]:
                add(seed.format(s=s_tok, o=s_tok, type=noun), "list", "object", o_type)
        for noun in nouns[:2]:
            add(f"which {noun} {r.inverse_label} {s_tok}", "list", "object", o_type)
            add(f"list the {noun} that {s_tok} is {r.label}", "list", "object", o_type)
            add(f"how many {noun} {r.inverse_label} {s_tok}", "count", "object", "Number")
        for kw in kws:
            add(f"{s_tok} {kw}", "list", "object", o_type, "keyword")
            add(f"{kw} of {s_tok}", "list", "object", o_type, "keyword")
            add(f"how many {kw} does {s_tok} have", "count", "object", "Number")
        # Ranking subjects by how many objects they have ("which country has the most funders").
        s_type = r.domain[0]
        for noun, kw in itertools.product(TYPE_NOUNS.get(s_type, ("things",))[:1], kws[:3]):
            add(f"which {noun} has the most {kw}", "argmax", "subject", s_type)
            add(f"{noun} with the most {kw}", "argmax", "subject", s_type, "keyword")
            add(f"which {noun} has the fewest {kw}", "argmin", "subject", s_type)
    # -- the subject is asked, the object named ("which countries does [organisation] fund") --
    for o_tok, s_type in itertools.product(_tok(r.range)[:2], r.domain[:2]):
        nouns = TYPE_NOUNS.get(s_type, (s_type.lower() + "s",))
        for seed in r.ask_subject:
            for noun in nouns[:2]:
                add(seed.format(s=o_tok, o=o_tok, type=noun), "list", "subject", s_type)
        for noun in nouns[:2] if r.label_rows else ():
            add(f"which {noun} are {r.label} {o_tok}", "list", "subject", s_type)
            add(f"{o_tok} {r.inverse_label} which {noun}", "list", "subject", s_type)
            add(f"list the {noun} {r.label} {o_tok}", "list", "subject", s_type)
            add(f"{noun} {r.label} {o_tok}", "list", "subject", s_type, "keyword")
            add(f"which {noun} are not {r.label} {o_tok}", "list", "subject", s_type)
            add(f"how many {noun} are {r.label} {o_tok}", "count", "subject", "Number")
            add(f"how many {noun} does {o_tok} {_verbish(r.inverse_label)}", "count", "subject", "Number")
            add(f"{noun} {r.label} {o_tok} by region", "groupby", "subject", s_type, "keyword")
            add(f"how many {noun} {r.label} {o_tok} are there in each region", "groupby", "subject", s_type)
            add(f"which {noun} in [region] are {r.label} {o_tok}", "list", "subject", s_type)
        for kw in kws[:4]:
            add(f"{o_tok} {kw} {nouns[0]}", "list", "subject", s_type, "keyword")
            add(f"{nouns[0]} {kw} {o_tok}", "list", "subject", s_type, "keyword")
        # Ranking objects by how many subjects they have ("which organisation funds the most countries").
        o_type = r.range[0]
        for noun in TYPE_NOUNS.get(o_type, ("things",))[:1]:
            add(f"which {noun} {r.inverse_label} the most {nouns[0]}", "argmax", "object", o_type)
            add(f"{noun} {r.inverse_label} most {nouns[0]}", "argmax", "object", o_type, "keyword")
            add(f"which {noun} {r.inverse_label} the fewest {nouns[0]}", "argmin", "object", o_type)
    # -- the year a statement carries ("when did [country] ratify [convention]") -------------
    if "year" in r.qualifiers:
        for s_tok, o_tok in itertools.product(_tok(r.domain)[:1], _tok(r.range)[:1]):
            verb = _verbish(r.label)
            for form in (f"when did {s_tok} get {verb} {o_tok}", f"in what year was {s_tok} {r.label} {o_tok}",
                         f"when was {s_tok} {r.label} {o_tok}", f"{s_tok} {o_tok} {kws[0]} year",
                         f"year {s_tok} {verb} {o_tok}", f"in which year did {s_tok} {kws[0]} {o_tok}"):
                add(form, "year", "object", "Year", "keyword" if "?" not in form and form.startswith(s_tok) else "plain")
    return out


def _end_noun_questions(r: Relation) -> list[BankQuestion]:
    """Keyword queries that name the asked end by its role noun ("[organisation] recipients",
    "[country] funders list", "[region] donors", "number of [initiative] members"), in both
    directions; a region stands for its countries, so "[region] funders" asks the funders of the
    work there, not the region's countries."""
    out: list[BankQuestion] = []

    def add(text: str, op: str, direction: str, answer: str) -> None:
        out.append(BankQuestion(" ".join(text.split()), Intent(op, r.name, direction, answer), "keyword"))

    s_type, o_type = r.domain[0], r.range[0]
    # (a subject noun's named end is the range's own type: "[country] beneficiaries" counts a country's people)
    ends = ((_tok(r.range)[:1], r.subject_nouns, "subject", s_type), (_tok(r.domain)[:2], r.object_nouns, "object", o_type))
    for toks, nouns, direction, asked in ends:
        for tok, noun in itertools.product(toks, nouns):
            for form in ("{t} {n}", "{n} of {t}", "{t} {n} list", "list of {t} {n}"):
                add(form.format(t=tok, n=noun), "list", direction, asked)
            for form in ("{t} {n} count", "number of {t} {n}"):
                add(form.format(t=tok, n=noun), "count", direction, "Number")
    if "Country" in r.domain:  # "[region] [organisation] recipients": the countries there it funds
        for tok, noun in itertools.product(_tok(r.range)[:1], r.subject_nouns):
            add(f"[region] {tok} {noun}", "list", "subject", s_type)
    if "Country" in r.domain:
        for noun in r.object_nouns:
            # (not "[region] countries {n}": "which of the [region] countries has one funder" asks for countries)
            for form in ("[region] {n}", "[region] {n} list", "{n} in [region]", "[region] region {n}",
                         "list of [region] {n}"):
                add(form.format(n=noun), "list", "object", o_type)
            add(f"number of [region] {noun}", "count", "object", "Number")
    return out


def _text_questions() -> list[BankQuestion]:
    """Questions that ask for a thing of a type about a topic the graph does not model."""
    out = []
    forms = {
        "Country": ("in which country {t}", "which countries {t}", "where {t}", "countries where {t}",
                    "in which countries {t}"),
        "Organization": ("which organisation {t}", "who {t}", "which agency {t}"),
        "Scheme": ("what is the name of the scheme {t}", "which programme {t}", "under which scheme {t}",
                   "what is the scheme called where {t}"),
        "Publication": ("which publication {t}", "what is the title of the paper where {t}",
                        "which working paper {t}", "which report {t}"),
        "Number": ("how many people {t}", "how many workers {t}", "what was the amount when {t}",
                   "what share {t}", "how much money {t}"),
        "Year": ("in what year {t}", "when {t}", "since which year {t}"),
    }
    for answer, fs in forms.items():
        for f, t in itertools.product(fs, TOPICS[:8]):
            out.append(BankQuestion(f.format(t=t), Intent("text", "", "", answer), "plain"))
    return out


def _draw(q: BankQuestion) -> tuple[float, str]:
    """A question's own lottery number in [0, 1) and its wordy frame, from a hash of its text
    alone: a template added or removed elsewhere in the registry changes no other row (one random
    stream over the whole registry reshuffled every later relation's wordy rows).  The same words
    generated for two intents ("where does [country] finance the ILO's work", asked of either end
    type) draw alike, so the twins keep the same share of the vote in wordy form as in plain form."""
    h = hashlib.sha1(q.text.encode("utf-8")).digest()
    return int.from_bytes(h[:4], "big") / 2 ** 32, WORDY[int.from_bytes(h[4:8], "big") % len(WORDY)]


def _wordy_variants(base: list[BankQuestion], wordy_share: float) -> dict[int, BankQuestion]:
    """Which plain questions get a wordy variant (by position in ``base``): every one whose own
    draw falls under ``wordy_share``, and, for an intent none of whose plain questions won, the one
    with the lowest draw — so every template that is asked plainly is also asked wordily, and an
    intent with few plain questions is not left to chance."""
    draws = {i: _draw(q) for i, q in enumerate(base) if q.style == "plain"}
    chosen = {i for i, (x, _) in draws.items() if x < wordy_share}
    by_intent: dict[str, list[int]] = {}
    for i in draws:
        by_intent.setdefault(base[i].intent.key, []).append(i)
    for members in by_intent.values():
        if not chosen.intersection(members):
            chosen.add(min(members, key=lambda i: draws[i][0]))
    return {i: BankQuestion(draws[i][1].format(q=base[i].text), base[i].intent, "wordy") for i in sorted(chosen)}


def generate(wordy_share: float = 0.15) -> list[BankQuestion]:
    """The whole bank, deduplicated, with a wordy variant for a share of the plain questions and
    for at least one plain question of every intent (see :func:`_wordy_variants`)."""
    base: list[BankQuestion] = []
    for r in REGISTRY:
        base.extend(_relation_questions(r))
        base.extend(_end_noun_questions(r))
    base.extend(_text_questions())
    wordy = _wordy_variants(base, wordy_share)
    out, seen = [], set()
    for i, q in enumerate(base):
        for v in (q, wordy.get(i)):
            if v is None:
                continue
            k = (v.text.lower(), v.intent.key)
            if k not in seen:
                seen.add(k)
                out.append(v)
    return out


def as_rows(bank: list[BankQuestion]) -> list[dict]:
    return [{"text": q.text, "style": q.style, **asdict(q.intent), "key": q.intent.key} for q in bank]
