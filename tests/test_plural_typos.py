"""A misspelt plural keeps its number (app.qa.form.plural_typos): "which countrys ..." asks for many."""

import pytest

from app.qa.form.plural_typos import keep_plural

_KNOWN = {"country", "countries", "policy", "policies", "scheme", "schemes", "box", "boxes", "process"}.__contains__


@pytest.mark.parametrize("typed,suggested,want", [
    ("countrys", "country", "countries"),
    ("polcys", "policy", "policies"),
    ("schemse", "scheme", "scheme"),  # not a plural ending: left alone
    ("shemes", "schemes", "schemes"),  # already plural
    ("boxs", "box", "boxes"),
    ("proccess", "process", "process"),  # a double s is no plural
    ("widgets", "widget", "widget"),  # the plural is no known word
])
def test_the_plural_is_kept_only_when_typed_and_known(typed, suggested, want):
    assert keep_plural(typed, suggested, _KNOWN) == want


def test_a_misspelt_plural_country_question_still_asks_for_many(engine):
    plain = {a["iso3"] for a in engine.ask("which countries got help with employment injury insurance?")["answers"]}
    typed = {a["iso3"] for a in engine.ask("which countrys got help with employment injury insurance?")["answers"]}
    assert len(plain) > 1 and typed == plain
