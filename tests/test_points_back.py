"""A question proper that only points back at its preamble (app/qa/form/asides.keeps_subject).

"For the audit I need every country where ... - which ones does the report mention?": the frame
reader kept only "which ones does the report mention?", a question that asks nothing of its own,
and dropped the part that says what is asked.  Pure checks on the reduced question alone.
"""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("reduced, points_back", [
    ("which ones does the report mention?", True),
    ("Which are they?", True),
    ("which of them?", True),
    ("which ones fund the work in Utopia?", False),
    ("Which countries does the report mention?", False),
])
def test_a_question_proper_that_only_points_back_keeps_its_preamble(reduced, points_back):
    """The preamble is not dropped when the question proper asks nothing of its own."""
    from app.qa.form.asides import keeps_subject

    assert keeps_subject([], [], set(), "", [], reduced) is (not points_back)
