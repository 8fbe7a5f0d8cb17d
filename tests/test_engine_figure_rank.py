"""Items of a written list of figures ranked by their figures (app/qa/figures/figure_rank.py): "which
region got the biggest portion", "which meeting drew the fewest attendees", "A or B: which got
the smaller share".  The expected items are read from the passage itself (its figures parsed
here, independently of the module), and the questions are written here.
"""
from __future__ import annotations

import re

import pytest

from app.qa.figures.figure_rank import Ask, items, phrase, read_ask


def _passage_with(engine, *words: str) -> str:
    hits = [p.text for p in engine.k.passages.values() if all(w in p.text for w in words)] \
        if isinstance(getattr(engine.k, "passages", None), dict) else \
        [engine.k.passage(u.passage_id).text for u in engine.units.units if all(w in u.text for w in words)]
    assert hits, f"the report no longer writes {words}"
    return hits[0]


def _shares_by_region(engine) -> dict[str, float]:
    """Region label -> the per cent the report writes beside it (parsed here with a plain regex)."""
    out = {}
    for u in engine.units.units:
        if "new projects in 2024" not in u.text or "per cent" not in u.text:
            continue
        for link in engine.lexicon.link(u.text):
            if link.type != "Region":
                continue
            m = re.search(r"(\d+) per cent", u.text[link.end:link.end + 40]) or \
                re.search(r"(\d+) per cent", u.text[max(0, link.start - 200):link.start])
            if m:
                out.setdefault(engine.k.label(link.ids[0]), float(m.group(1)))
    return out


def test_read_ask_reads_kind_and_direction():
    a = read_ask("which drew the fewest attendees")
    assert a is not None and a.low and a.kind == "count"
    assert read_ask("which region got the biggest portion of the money").kind == "percent"
    assert read_ask("which funder backs the most countries") is None  # a graph count, not a written figure
    assert read_ask("how many more attendees did X have") is None


def test_items_split_at_list_breaks_but_not_inside_names():
    s = "Funds went to the Lakes region (30 per cent), the Hills and Valleys region (50 per cent) and the Coast (20 per cent)."
    names = [(s.index("Hills and Valleys"), s.index("Hills and Valleys") + len("Hills and Valleys"))]
    got = items(s, Ask(False, "percent", None, []), names)
    assert [i.value for i in got] == [30.0, 50.0, 20.0]
    assert "Hills and Valleys" in got[1].text and "Lakes" in got[0].text
    assert phrase("one focused on greening the budget held on 3 May 2024 (35 attendees)") == "greening the budget"


@pytest.mark.parametrize("question,low", [
    ("Which region got the biggest portion of the 2024 allocations for new projects?", False),
    ("For the 2024 new-project money, which implementation region ended up with the lowest share?", True),
    # words the report never writes ("actually", "spent") do not push the list's passage out of reach
    ("Looking at where the money for new projects in 2024 was actually spent, which region ended up with the smallest share?", True),
    ("Honestly, which region pocketed the biggest slice of the 2024 new-project allocations?", False),
])
def test_region_ranked_by_written_share(engine, question, low):
    shares = _shares_by_region(engine)
    assert len(shares) >= 3
    want = (min if low else max)(shares, key=shares.get)
    r = engine.ask(question)
    assert [a["label"] for a in r["answers"]] == [want]
    assert r["answers"][0]["evidence"] and r["answer_text"]
    assert any("runner-up" in p for p in r["path"])


def test_two_named_regions_compared(engine):
    shares = _shares_by_region(engine)
    pair = sorted(shares, key=shares.get)[:2]  # the two smallest, so the list's top cannot answer by accident
    r = engine.ask(f"{pair[0]} or {pair[1]}: which received the bigger share of new project allocations in 2024?")
    assert [a["label"] for a in r["answers"]] == [pair[1]]


def test_meeting_with_fewest_attendees(engine):
    text = _passage_with(engine, "attendees")
    counts = [int(n) for n in re.findall(r"\((\d+) attendees\)", text)]
    assert len(counts) >= 3
    r = engine.ask("of the knowledge-sharing meetings the GTT organised in 2024, which drew the fewest attendees")
    assert len(r["answers"]) == 1 and r["answers"][0]["value"] == min(counts)
    assert r["answers"][0]["label"] and not r["answers"][0]["label"][0].isdigit()


def test_two_table_rows_compared_in_the_total_column(engine):
    cells = [c for c in engine.tables.cells if c.col.strip().lower() == "total" and "staff" in c.table.lower()]
    rows = {c.row: c.value for c in cells if "total" not in c.row.lower()}
    assert len(rows) >= 2
    fewer = min(rows, key=rows.get)
    r = engine.ask("Do regional and country teams or ILO headquarters have fewer GTT staff?")
    assert [a["label"] for a in r["answers"]] == [fewer.split(">")[-1].strip()]


def test_most_common_funder_is_an_adjectival_superlative(engine):
    from collections import Counter

    arab = {f["subject"] for f in engine.k.facts if f["predicate"] == "inRegion" and f["object"] == "Region:arab-states"}
    n = Counter(f["object"] for f in engine.k.facts if f["predicate"] == "fundedBy" and f["subject"] in arab)
    (top, k), (_, m) = n.most_common(2)
    assert k > m
    r = engine.ask("most common donor arab states countries")
    assert [a["iri"] for a in r["answers"]] == [engine.k.iri(top)]
