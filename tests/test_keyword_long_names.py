"""A keyword query that opens on what it asks ("year ...") keeps a long name whole when its words
are reordered: "year jordan ratify social security minimum standards convention" asks the year, as
"year jordan ratify c102" does, not "which convention" (the name's last noun fronted).  A query
closing on "number" after a convention's name still asks the convention (app/qa/engine.py,
``_OPENS_ON_MEASURE``; found by rewriting questions answered right as keyword queries,
benchmarks/perturb_eval.py --kinds keyword).  Also: an end noun inside a linked name is the
name's, not one the asker says (app/qa/understand.py, ``_names_blanked``)."""
from __future__ import annotations

import pytest


def _labels(engine, q: str) -> list[str]:
    return sorted(a["label"] for a in engine.ask(q)["answers"])


def _type(engine, q: str) -> str:
    return engine.ask(q)["answer_type"]


def test_a_long_name_is_read_as_its_short_form(engine):
    short = "year jordan ratify c102"
    want = _labels(engine, short)
    assert want and _type(engine, short) == "Year"
    long = "year jordan ratify social security minimum standards convention"
    assert _labels(engine, long) == want and _type(engine, long) == "Year"


@pytest.mark.parametrize("q", ["employment injury benefits convention number", "minimum standards convention number"])
def test_a_name_then_number_still_asks_the_instrument(engine, q):
    res = engine.ask(q)
    assert res["answers"] and res["answer_type"] in ("Convention", "LegalInstrument")
