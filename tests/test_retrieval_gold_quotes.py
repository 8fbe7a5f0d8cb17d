"""Where is a question's evidence?  A quote is held by a passage even when the report's converted
text carries a one-letter artefact in one of its words (app/evalscore.py ``holds``).

The report's Table 4 caption was split across table cells by the PDF conversion ("by resu | ılt
type"), so the table passage reads "by resuilt type"; every quote of the caption was located only
in the front matter's list of tables, and retrieval that found the table itself was scored as a
miss.  Made-up sentences, several kinds of artefact, and near misses that must stay misses.
"""
from __future__ import annotations

import pytest

from app.evalscore import holds, quote_norm

QUOTE = "Table 9: Regional outcomes summary, by outcome category (2031)"


@pytest.mark.parametrize("passage", [
    "Table 9: Regional outcomes summary, by outcoume category (2031)\nRow 1 | Row 2",  # a letter added
    "Table 9: Regional outcomes summary, by outcme category (2031)",  # a letter lost
    "Table 9: Regoinal outcomes summary, by outcome category (2031)",  # two letters swapped
    "Some text before. Table 9: Regional outcomes sumary, by outcome category (2031) and after.",
])
def test_a_quote_is_held_despite_a_one_letter_conversion_artefact(passage):
    assert holds(quote_norm(QUOTE), quote_norm(passage))


@pytest.mark.parametrize("passage", [
    "Table 8: National income summary, by income decile (2019)",  # same shape, other words
    "Table 9: Regional budgets overview, by donor country (2031)",  # half the words differ
    "Regional outcomes were summarised by category in 2031.",  # few of the words, not in runs
])
def test_other_sentences_are_not_mended_into_the_quote(passage):
    assert not holds(quote_norm(QUOTE), quote_norm(passage))


def test_short_words_and_ambiguous_words_are_never_mended():
    """Words under five letters (codes, numbers, acronyms) stay as written, and a word one edit from
    two quote words is left alone: mending must not invent a match."""
    from app.evalscore import _mended

    assert _mended(["2032", "unon", "membr"], {"2031", "union", "member"}) == ["2032", "unon", "member"]
    assert _mended(["pears"], {"peers", "pearl"}) == ["pears"]
    assert holds(quote_norm(QUOTE), quote_norm("x " + QUOTE + " y"))
