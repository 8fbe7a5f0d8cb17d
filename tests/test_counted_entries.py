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


# -- the real engine over the real build: the expected count is the graph's, never typed in ----------
import pytest  # noqa: E402

from tests.support.engine import answer_labels, countries_per_government_funder  # noqa: E402


@pytest.mark.parametrize("template", [
    "How many country programmes does the {f} help finance?",
    "In how many country sections is the {f} listed as a source of financing support?",
    "number of country entries naming the {f} as a funder",
])
def test_counting_entries_about_a_funder_counts_its_countries(engine, template):
    per_funder = countries_per_government_funder(engine.k)
    funder = max(per_funder, key=lambda f: (len(per_funder[f]), f))
    assert len(per_funder[funder]) >= 3
    r = engine.ask(template.format(f=engine.k.label(funder)))
    assert [float(x) for x in answer_labels(r)] == [float(len(per_funder[funder]))]
