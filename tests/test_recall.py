"""Recall of the graph against hand-made lists (data/eval/recall/*.json).

Each list was written from the report text by a person, not from the extractors' output: one
relation class over one part of the report (every financing line's funders, every scheme named in
five country entries, every cell of a table ...).  Every item of a list is looked up in the
knowledge base the build produces; recall = items found / items listed, printed per list
(``pytest -s tests/test_recall.py``).

The target is 0.95 per list, asserted for every list that has reached it.  A list still below it
is reported as an expected failure with its measured recall (the gap is known and stated, not
hidden), and must not fall below its recorded floor: a change that loses items the graph used to
find fails here.

How an item is "found" (names compared without case, accents, punctuation, articles and
parenthesised acronyms, either name containing the other, or equal acronyms):

* country-and-thing lists (funders, ratifications, schemes, partners, campaign): a fact or an
  entity of that country (or what one of its dated activities concerns, or a funder of a pooled
  fund that funds it) whose other end is named
  like the item's object (or one of its aliases; a described object by three quarters of its
  content words); where the list gives a plain year, the fact's year must be that year; an item
  whose subject is not a country (an organisation that launched a campaign) as for initiative roles;
* dated activities: an Activity of the country read from the sentence the list quotes, with the
  listed year;
* publications: a Publication named like the item;
* initiative roles: any fact between the two named entities; an item that gives a membership count
  (``qualifiers.count``: "its 53 members") is found as a figure of that initiative with that value;

Items a review found outside a list's relation (an event, an assessment) are kept in its
``excluded`` array with ``why_excluded``, not counted.
* table cells: an observation whose row label is the item's row and whose value is the item's number.
"""
from __future__ import annotations

import json
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest

from graph import countries
from graph.build import build_in_memory

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "data" / "corpus" / "ilo-spf-flagship-annual-report-2024.md"
LISTS = sorted((ROOT / "data" / "eval" / "recall").glob("*.json"))
TARGET = 0.95
# Lists still below the target: their measured recall (rounded down) is a floor, and the test
# reports the gap as an expected failure.  A change that loses items the graph used to find fails.
# Every other list must reach the target: a hard assertion.
FLOORS: dict[str, float] = {}

@pytest.fixture(scope="module")
def kb():
    return build_in_memory([REPORT]).kb


# ------------------------------------------------------------------------------ name matching

def norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"\([^)]*\)", " ", s)
    s = re.sub(r"[^a-z0-9]+", " ", s)
    s = re.sub(r"\b(?:the|a|an|of|for|and|on|in|to)\b", " ", s)
    return " ".join(s.split())


def acronyms(s: str) -> set[str]:
    return set(re.findall(r"\(([A-Z][A-Za-z0-9\-]{1,12})\)", s or "")) | (
        {s.strip()} if re.fullmatch(r"[A-Z][A-Za-z0-9\-]{1,12}", (s or "").strip()) else set())


def names_of(e) -> set[str]:
    if e.type in ("Activity", "Quantity"):
        return set()  # their labels describe, they do not name: "Study in Zambia (2024): ..." names nothing
    out = {e.label, *e.alt_labels}
    if e.acronym:
        out.add(e.acronym)
    return {n for n in out if n}


def same_name(gold: list[str], names: set[str]) -> bool:
    g_acr = set().union(*(acronyms(g) for g in gold))
    e_acr = set().union(*(acronyms(n) for n in names))
    if g_acr & e_acr:
        return True
    for g in gold:
        ng = norm(g)
        if len(ng) < 3:
            continue
        for n in names:
            nn = norm(n)
            if len(nn) < 3:
                continue
            if ng == nn or (len(nn) >= 6 and nn in ng) or (len(ng) >= 6 and ng in nn):
                return True
            # a described thing ("decree (July 2024) increasing base value for social assistance
            # benefits"): most of its content words in the name
            gw = {w for w in ng.split() if not re.fullmatch(r"\d+|january|february|march|april|may|june|july|"
                                                             r"august|september|october|november|december", w)}
            if len(gw) >= 3 and len(gw & set(nn.split())) >= 0.75 * len(gw):
                return True
    return False


def gold_names(item: dict, side: str = "object") -> list[str]:
    return [item[side], *item.get(f"{side}_aliases", [])]


def plain_year(item: dict) -> str | None:
    y = str(item.get("qualifiers", {}).get("year", ""))
    return y if re.fullmatch(r"(?:19|20)\d{2}", y) else None


def iso_of(name: str) -> str | None:
    return countries.lookup(name)


def linked(kb, iso: str) -> list[tuple[object, dict]]:
    """(other entity, fact attrs) for every fact touching the country, and entities of the country."""
    cid = f"Country:{iso}"
    out = []
    for f in kb.facts.values():
        if f.subject == cid:
            out.append((kb.entities[f.object], f.attrs))
        elif f.object == cid:
            out.append((kb.entities[f.subject], f.attrs))
    for e in kb.entities.values():
        if e.attrs.get("country") == iso:
            out.append((e, {"year": e.attrs.get("year")}))
    # a pooled fund's own funders (Luxembourg -> Multi-donor Programme -> the country it funds)
    pooled = {f.object for f in kb.facts.values() if f.predicate == "fundedBy" and f.subject == cid}
    for f in kb.facts.values():
        if f.predicate == "fundedBy" and f.subject in pooled:
            out.append((kb.entities[f.object], f.attrs))
    # what the country's dated activities concern (an initiative the ILO worked through there)
    acts = {f.subject for f in kb.facts.values() if f.predicate == "activityIn" and f.object == cid}
    for f in kb.facts.values():
        if f.predicate == "activityConcerns" and f.subject in acts:
            out.append((kb.entities[f.object], f.attrs))
    return out


# ------------------------------------------------------------------------------ per list shape

def found_country_thing(kb, item: dict, kinds: tuple[str, ...] | None = None) -> bool:
    iso = iso_of(item["subject"])
    if not iso:
        # a campaign-level item whose subject is an organisation ("the ILO launched the campaign"):
        # any statement between the two named things
        return found_between(kb, item)
    year = plain_year(item)
    for e, attrs in linked(kb, iso):
        if kinds and e.type not in kinds:
            continue
        if same_name(gold_names(item), names_of(e)):
            if year and str(attrs.get("year") or "") not in (year, ""):
                continue
            return True
    return False


def found_activity(kb, item: dict) -> bool:
    iso = iso_of(item["subject"])
    year = plain_year(item)
    # the quoted evidence may run over two sentences: any of its sentences will do
    parts = [norm(x) for x in re.split(r"(?<=[.!?])\s+", item.get("evidence", "")) if len(x.split()) >= 4]
    for a in kb.of_type("Activity"):
        if a.attrs.get("country") != iso or (year and a.attrs.get("year") != year):
            continue
        sent = norm(a.attrs.get("sentence", ""))
        words = set(sent.split())
        if any(ev in sent or len(set(ev.split()) & words) >= 0.7 * len(set(ev.split())) for ev in parts):
            return True
    return False


def found_publication(kb, item: dict) -> bool:
    return any(same_name(gold_names(item, "subject"), names_of(e)) for e in kb.of_type("Publication"))


def found_count(kb, item: dict) -> bool:
    """'USP2030 ... its 53 members': a figure of the named initiative with that value that counts members."""
    want = number(str(item.get("qualifiers", {}).get("count", "")))
    obj = gold_names(item, "object")
    for f in kb.facts.values():
        if f.predicate != "hasQuantity" or not same_name(obj, names_of(kb.entities[f.subject])):
            continue
        q = kb.entities[f.object]
        if want is not None and number(str(q.attrs.get("value"))) == want and "member" in str(q.attrs.get("measure")):
            return True
    return False


def found_between(kb, item: dict) -> bool:
    if item.get("qualifiers", {}).get("count"):
        return found_count(kb, item)
    subj, obj = gold_names(item, "subject"), gold_names(item, "object")
    for f in kb.facts.values():
        a, b = kb.entities[f.subject], kb.entities[f.object]
        if (same_name(subj, names_of(a)) and same_name(obj, names_of(b))) or \
                (same_name(subj, names_of(b)) and same_name(obj, names_of(a))):
            return True
    return False


def number(text: str) -> Decimal | None:
    """The number a cell states: '7,182,500' -> 7182500, '20 million' -> 20000000."""
    m = re.search(r"(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion)?\b", text or "", re.I)
    try:
        v = Decimal(m.group(1).replace(",", "")) if m else None
    except InvalidOperation:
        return None
    if v is not None and m.group(2):
        v *= {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}[m.group(2).lower()]
    return v


def found_cell(kb, item: dict) -> bool:
    want = number(item["object"])
    row = norm(item["subject"])
    col = norm(item.get("qualifiers", {}).get("column", ""))
    for o in getattr(kb, "observations", []):
        if want is None or Decimal(str(o.value)) != want:
            continue
        r = norm(o.row)
        if row and (row == r or r.endswith(row) or row in r) and (not col or col in norm(o.column) or "unlabelled" in col):
            return True
    return False


def matcher(cls: str):
    if cls.startswith("table_cells"):
        return found_cell
    if cls.startswith("initiative_roles"):
        return found_between
    if cls.startswith("publications"):
        return found_publication
    if cls.startswith("dated_activities"):
        return found_activity
    if cls.startswith("schemes"):
        return lambda kb, it: found_country_thing(kb, it, ("Scheme", "LegalInstrument", "Initiative", "Project"))
    if cls.startswith("partners"):
        return lambda kb, it: found_country_thing(kb, it, ("Organization",))
    return found_country_thing


def recall(kb, data: dict) -> tuple[float, list[dict]]:
    match = matcher(data["class"])
    missed = [it for it in data["items"] if not match(kb, it)]
    n = len(data["items"])
    return (1 - len(missed) / n if n else 1.0), missed


@pytest.mark.parametrize("path", LISTS, ids=[p.stem for p in LISTS])
def test_recall(kb, path):
    data = json.loads(path.read_text(encoding="utf-8"))
    r, missed = recall(kb, data)
    print(f"\nrecall {data['class']}: {r:.3f} ({len(data['items']) - len(missed)}/{len(data['items'])})")
    for it in missed[:8]:
        print(f"   missed: {it['subject']} -> {it['object']}")
    floor = FLOORS.get(path.stem)
    if floor is None:
        assert r >= TARGET, f"{path.stem}: recall {r:.3f} < {TARGET}"
        return
    assert r >= floor, f"{path.stem}: recall {r:.3f} fell below its floor {floor}"
    if r < TARGET:
        pytest.xfail(f"{path.stem}: recall {r:.3f} < {TARGET} (known gap)")
