"""A count the report states without a year ("... thereby bringing the total number of CONNECT
Network members to 18", told in the account of 2024) is a count of the report's year: asked for an
earlier year ("How many members did the CONNECT network have in 2019?") it is no answer
(app/qa/figures/counts.py); asked for the report's year or for no year it still is."""
from __future__ import annotations


def _undated_member_count(k):
    for f in k.facts_where(predicate="hasQuantity"):
        at = (k.entity(f["object"]) or {}).get("attrs") or {}
        if "connect" in f["subject"].lower() and at.get("measure") == "members" and not (f.get("attrs") or {}).get("year"):
            return at["value"]
    return None


def test_an_undated_count_is_of_the_reports_year(engine):
    k = engine.k
    value = _undated_member_count(k)
    assert value is not None and k.report_year is not None
    earlier = str(int(k.report_year) - 5)
    assert engine.ask(f"How many members did the CONNECT network have in {earlier}?")["answers"] == []
    for q in (f"How many members did the CONNECT network have in {k.report_year}?",
              "How many members does the CONNECT network have?"):
        got = engine.ask(q)
        assert [a["label"] for a in got["answers"]] == [value], q
