"""A safety net is a kind of scheme (app.qa.topics.spans.FAMILIES): "which two programmes ..."
counts a "... Safety Net" named beside a "... System" in the same sentence."""
from __future__ import annotations

from app.qa.topics.spans import in_families


def test_a_safety_net_is_in_the_scheme_family():
    assert in_families("Coastal Safety Net", frozenset({"scheme"}))
    assert not in_families("Coastal Safety Net", frozenset({"law"}))
