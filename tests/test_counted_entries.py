"""Counts of country entries/sections/programmes about funding are read as counts of countries
(app.qa.form.counted_entries)."""
from app.qa.form.counted_entries import as_countries


def test_counted_programmes_about_funding_read_as_countries():
    assert as_countries("How many country programmes does Holland help finance?") == \
        "How many countries does Holland help finance?"
    assert as_countries("In how many country sections is X listed as a source of financing support?") == \
        "In how many countries is X listed as a source of financing support?"
    assert as_countries("number of the country entries listing rbsa donors as funders") == \
        "number of the countries listing rbsa donors as funders"


def test_entries_without_funding_left_to_the_entry_reader():
    q = "How many country entries mention TRANSFORM?"
    assert as_countries(q) == q


def test_profiles_and_pages_are_not_countries():
    for q in ("How many country profiles does the study on health financing include?",
              "how many country pages were updated on the platform funded by donors"):
        assert as_countries(q) == q


def test_not_counted_left_alone():
    q = "Which country programmes does Holland help finance?"
    assert as_countries(q) == q


def test_ranking_by_number_of_programmes_reads_countries():
    # "the largest number of country programmes" ranks funders by how many countries they fund
    assert as_countries("Which funder appears in the financing lines of the largest number of country programmes?") \
        == "Which funder appears in the financing lines of the largest number of countries?"
