"""A country's body asked in a wordy question (engine._without_asides_early): the asker's preamble
("I work for a social security institution in East Africa ...") brings a body noun and a region of
its own and makes the question too long for the country-body rules
(app.qa.things.country_bodies), which read the whole question before the asides are dropped.  The
question proper alone is answered by the country's own institution, and the wordy question must
give the same answer.  Real engine over the real build; the body is read from the graph."""
from __future__ import annotations


def _single_funds(engine):
    """Countries with exactly one national institution whose name holds "Fund" (institutionOf)."""
    by_country: dict[str, list[str]] = {}
    for e in engine.k.of_type("Organization"):
        for f in engine.k.facts_where(subject=e["id"], predicate="institutionOf"):
            if " fund" in f" {e['label'].lower()}":
                by_country.setdefault(f["object"], []).append(e["id"])
    return sorted((c, b[0]) for c, b in by_country.items() if len(b) == 1)


_PREAMBLE = ("I work for a social security institution in another region and we are benchmarking our "
             "actuarial work against others. ")


def test_wordy_question_gets_the_same_body_as_its_question_proper(engine):
    checked = 0
    for country, body in _single_funds(engine):
        proper = f"Which {engine.k.label(country)} fund had an actuarial valuation delivered by the ILO in 2023?"
        if [a["label"] for a in engine.ask(proper)["answers"]] != [engine.k.label(body)]:
            continue  # (the question proper is not this rule's for that country)
        got = engine.ask(_PREAMBLE + proper)
        assert [a["label"] for a in got["answers"]] == [engine.k.label(body)], got["path"]
        assert any(p.startswith("question read as") for p in got["path"])
        checked += 1
    assert checked


def test_short_questions_are_not_reread(engine):
    assert engine._without_asides_early("Which fund got ILO support in 2024?") is None
