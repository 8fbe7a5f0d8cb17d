"""A country's partners asked about one scheme or initiative are the partnerships whose own sentence
names it (app.qa.relation.scoped_partners), not every organisation the ILO worked with in that
country; a scheme's proper name is linked without its kind noun ("Haba Haba" for the Haba Haba
scheme, app.qa.names.name_forms.proper_stem).  The real engine over the real build."""
from __future__ import annotations

import pytest

from app.qa.names.name_forms import proper_stem
from tests.support.engine import answer_ids

_ENGLISH = {"national", "health", "insurance", "multi", "donor"}.__contains__


@pytest.mark.parametrize("name,stem", [
    ("Haba Haba scheme", "Haba Haba"),
    ("Micro-takaful programme", "Micro-takaful"),
    ("National Health Insurance scheme", None),  # its words say a kind, not one scheme
    ("Multi-donor Programme", None),  # every part an English word
    ("ILES project", None),  # an acronym is a name of its own
    ("Haba Haba", None),  # no kind noun to leave out
    ("Haba++ programme", None),  # marks the linker drops: "Haba" may be another programme
])
def test_proper_stem(name, stem):
    assert proper_stem(name, _ENGLISH) == stem


def _country_partners(engine, country: str) -> set[str]:
    return {f["object"] for p in ("partneredWith", "supportedBy") for f in engine.k.facts_where(subject=country, predicate=p)
            if f["object"].startswith("Organization:")}


@pytest.mark.parametrize("question,country,expected", [
    # "...through the Digital Convergence Initiative (DCI), in partnership with GIZ and the European Union."
    ("zambia digital convergence initiative partners", "Country:ZMB", {"Organization:giz", "Organization:eu"}),
    # "The ILO, working with UNICEF and the EU, has assisted national stakeholders in expanding and strengthening the NDA"
    ("Who did the ILO work with on Lebanon's National Disability Allowance in 2024?", "Country:LBN",
     {"Organization:unicef", "Organization:eu"}),
])
def test_partners_of_a_named_scheme_or_initiative_are_those_its_sentences_name(engine, question, country, expected):
    if not expected <= _country_partners(engine, country):
        pytest.skip("the build holds other partnerships for this country")
    got = answer_ids(engine, engine.ask(question))
    assert got == expected, (question, got)


def test_a_scheme_named_without_its_kind_noun_narrows_its_country_partners(engine):
    q = "Which international humanitarian and refugee organisations did the ILO work with to open Kenya's Haba Haba " \
        "pension-savings scheme to refugees?"
    got = answer_ids(engine, engine.ask(q))
    # "... international development partners, such as UNHCR, the Danish Refugee Council (DRC) and the
    # International Rescue Committee (IRC), to ensure the meaningful inclusion of refugees ... in Haba Haba"
    assert {"Organization:unhcr", "Organization:danish-refugee-council", "Organization:irc"} <= got
    assert "Organization:eni" not in got  # Kenya's partner in another value chain, not in Haba Haba
