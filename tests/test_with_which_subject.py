""""With which UN body did the ILO publish the fact sheet ...?": the subject of the clause a "with
which" question opens is the party the answer is set against, never one of the answers (the
publication's authors are both bodies, and the ILO came back with its co-author)."""
from __future__ import annotations


def test_the_subject_is_not_its_own_partner(engine):
    k = engine.k
    got = engine.ask("With which UN body did the ILO publish the fact sheet on the right to social security?")
    labels = {a["label"] for a in got["answers"]}
    assert labels, "the co-author is named"
    assert not labels & set(k.names("Organization:ilo"))
    # the same answer as the question worded with "with the ILO" at its end
    other = engine.ask("Which UN body co-published the Right to Social Security fact sheet with the ILO?")
    assert labels == {a["label"] for a in other["answers"]}
