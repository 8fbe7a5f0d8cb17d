"""Where a figure may be read from: a contents table's numbers are page numbers, never a stated
figure ("Table 3: Institutional changes ... | 4"), and a question dated by one year ("in 2024") is
not answered by a sentence that writes that year only as the end of a span ("between 2021 and
2024, ... 149 changes": the years added up).  app/qa/textstep.py (contents_listing, in_span_only)."""
from __future__ import annotations

import pytest

from app.qa.textstep import TextStep, in_span_only
from graph.model import Passage


@pytest.mark.parametrize("sentence, question, want", [
    ("Between 2021 and 2024, the programme achieved 149 changes.", "how many changes in 2024?", True),
    ("Total results achieved in 2021-2024 were 149.", "changes achieved 2024", True),
    ("From 2021 to 2024 it reached 56 million people.", "How many people did it reach in 2024?", True),
    ("In 2024 it achieved 41 changes, bringing 2021-2024 to 149.", "how many changes in 2024?", False),
    ("Between 2021 and 2024, the programme achieved 149 changes.", "how many changes between 2021 and 2024?", False),
    ("Between 2021 and 2024, the programme achieved 149 changes.", "how many changes 2021-24?", False),
    ("It achieved 41 changes.", "how many changes in 2024?", False),
    # a change told by its ends: each figure is dated by one end of the span
    ("Registered workers increased from 50,000 to 146,000 between 2017 and 2023.", "registered workers 2023", False),
    # two years listed are no span
    ("The series defined top priorities for 2024 and 2025 in six workshops.", "how many workshops in 2024?", False),
    ("The policy (2024-2033) covers everyone; in May 2024 it was approved.", "when in 2024 was it approved?", False),
])
def test_a_year_asked_is_not_the_end_of_a_span(sentence, question, want):
    assert in_span_only(sentence, question) is want


class _K:
    def __init__(self, passages):
        self._p = {p.id: p for p in passages}

    def passage(self, pid):
        return self._p.get(pid)


def _table(pid, rows, kind="table"):
    return Passage(id=pid, section_id="front", section_path=["Front matter"], text="\n".join(rows), start=0, end=1,
                   kind=kind)


def test_a_contents_table_is_told_from_a_data_table():
    contents = _table("c", ["Table 1: Impacts on people | 4", "Table 2: Impacts over the phase | 4",
                            "Table 3: Changes achieved | 4", "Box 1: A partnership | 12", "Box 2: Another | 17"])
    data = _table("d", ["Step | 2021-2023 | 2024 | Total", "Step 1 | 33 | 10 | 43", "Step 2 | 30 | 10 | 40",
                        "Step 3 | 45 | 21 | 66", "Total | 108 | 41 | 149"])
    glossary = _table("g", ["EU | European Union", "ILO | International Labour Organization",
                            "IMF | International Monetary Fund", "UN | United Nations"])
    prose = _table("p", ["Table 1: Impacts on people | 4"] * 5, kind="paragraph")
    step = TextStep(_K([contents, data, glossary, prose]), units=None)
    assert step.contents_listing("c")
    assert not step.contents_listing("d")
    assert not step.contents_listing("g")
    assert not step.contents_listing("p")


@pytest.mark.parametrize("question, bad", [
    ("how many institutional changes did the flagship drive in 2024", {"4", "149"}),
    ("In 2024, how many institutional changes did the Flagship Programme bring about?", {"4", "149"}),
    ("institutional changes achieved by the programme 2024 number", {"4", "149"}),
])
def test_a_year_dated_count_is_not_a_page_number_nor_a_span_total(engine, question, bad):
    got = [a["label"] for a in engine.ask(question)["answers"]]
    assert got and not set(got) & bad
    assert any(a.replace(",", "").isdigit() for a in got)
