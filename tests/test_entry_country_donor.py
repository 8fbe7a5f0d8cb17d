"""A country named only as the payer is not where an event happened (app/qa/multihop/entry_country.named_as_donor).

"the regional experts meeting held in the capital, with Japan's financial support", sitting in
another country's entry: the description "the country that hosted the meeting" resolved to the
donor.  The check is pure: general English ways of naming a payer, and sentences where the country
is also named as a place, which must not count.
"""
from __future__ import annotations

import pytest

from app.qa.multihop.entry_country import named_as_donor


@pytest.mark.parametrize("text", [
    "The experts meeting was held in the capital, with Utopia's financial support.",
    "A pilot funded by the Government of Utopia started in October.",
    "The study was financed by Utopia and presented to the ministry.",
    "Training ran with a contribution from Utopia.",
])
def test_a_country_named_only_as_payer_is_a_donor(text):
    assert named_as_donor(text, ["Utopia"])


@pytest.mark.parametrize("text", [
    "Utopia launched a new scheme with funding from the European Union.",
    "In Utopia, a pilot was funded by Utopia's own budget and a workshop held in Utopia.",
    "The ministry of Erewhon met in Erewhon.",
])
def test_a_country_named_as_a_place_is_not_only_a_donor(text):
    assert not named_as_donor(text, ["Utopia"])
