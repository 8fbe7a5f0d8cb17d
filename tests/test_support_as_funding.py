"""Among funders, a donor's "support" is its money: "Which other donors co-finance the countries
that Japan supports?" asks the co-funders of the countries Japan funds, not of the country it
partners with (app/qa/engine.py, _described_set_asked).  A body that funds nothing keeps the
partnership reading ("the countries that UNHCR supports")."""
from __future__ import annotations


def _funded_by(engine, label: str) -> set[str]:
    return {f["subject"] for f in engine.k.facts_where(predicate="fundedBy")
            if f["subject"].startswith("Country:") and engine.k.label(f["object"]) == label}


def test_a_donors_support_is_its_funding(engine):
    funded = _funded_by(engine, "Japan")
    assert funded
    others = {engine.k.label(f["object"]) for c in funded for f in engine.k.facts_where(subject=c, predicate="fundedBy")
              } - {"Japan"}
    got = engine.ask("Which other donors co-finance the countries that Japan supports?")
    assert {a["label"] for a in got["answers"]} == others
    assert any("funds" in p for p in got["path"])


def test_a_partner_that_funds_nothing_keeps_support(engine):
    assert not _funded_by(engine, "Office of the United Nations High Commissioner for Refugees")
    got = engine.ask("Who funds the countries that UNHCR supports?")
    assert any("partnering with" in p for p in got["path"])
