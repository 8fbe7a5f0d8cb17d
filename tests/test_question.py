"""Question analysis: answer types, entity linking (case, accents, possessives, typos, acronyms)
and relation hints, on the knowledge base of the bundled report (no model needed)."""
from __future__ import annotations

import pytest

from app.qa.question import Lexicon, analyse, answer_type


@pytest.fixture(scope="module")
def lexicon(tmp_path_factory):
    from app.knowledge import Knowledge
    from graph.build import build_in_memory, write_artefacts
    from app.config import Config

    d = tmp_path_factory.mktemp("qa-lexicon")
    write_artefacts(build_in_memory(Config().sources), d, with_stats=False)
    return Lexicon(Knowledge(d))


@pytest.mark.parametrize("q, t", [
    ("Which countries does Japan fund?", "Country"),
    ("Where did the ILO and Nestlé partner?", "Country"),
    ("Who funds the work in Jordan?", "Organization"),
    ("which funders support the ILO's work in cameroon?", "Organization"),
    ("How many subscribers does the newsletter have?", "Number"),
    ("When did Togo ratify Convention No. 102?", "Year"),
    ("What is the title of ILO Working Paper 132?", "Publication"),
    ("Under which programme did Cameroon provide health vouchers?", "Scheme"),
    ("Which ILO social security convention did Samoa ratify in 2024?", "Convention"),
    ("Of the countries covered by the research, which are pathfinders?", "Country"),
    ("In cooperation with which mutual was the new scheme launched?", "Organization"),  # an insurer, a body
])
def test_answer_type(q, t):
    assert answer_type(q) == t


@pytest.mark.parametrize("q, expected", [
    ("who funds the work in cameroon?", "Country:CMR"),         # lower case
    ("Who funds the work in Cameroun?", "Country:CMR"),         # typo
    ("Who funds work in Cote d'Ivoire?", "Country:CIV"),        # no accent
    ("Who funds work in Côte d’Ivoire?", "Country:CIV"),        # curly apostrophe
    ("What is the DRC's health insurance system called?", "Country:COD"),  # possessive + acronym
    # the partners' joined initials name their partnership (app.qa.names.name_forms.compound_stem)
    ("Which countries did ILO-IMF support on fiscal space?", "Initiative:ilo-imf-partnership"),
    ("When did Togo ratify C102?", "LegalInstrument:c102"),
    ("Which countries are in Asia-Pacific?", "Region:asia-and-the-pacific"),
])
def test_linking(lexicon, q, expected):
    a = analyse(q, lexicon)
    assert expected in a.linked(expected.split(":")[0]) or any(expected in l.ids for l in a.links), \
        [(l.surface, l.ids) for l in a.links]
    for l in a.links:  # link offsets point at the question's own characters
        assert q[l.start:l.end] == l.surface


def test_a_currency_is_no_country(lexicon):
    """'US$40' and 'in US dollars' name a currency; 'the US' alone is the country."""
    for q in ("How much is the allowance in US dollars?", "Is the allowance US$40 a month?"):
        assert not any("Country:USA" in l.ids for l in lexicon.link(q)), q
    assert any("Country:USA" in l.ids for l in lexicon.link("Which schemes does the US fund?"))


def test_acronyms_are_case_sensitive(lexicon):
    a = analyse("who supports the WHO in Kenya?", lexicon)
    surfaces = [l.surface for l in a.links]
    assert "WHO" in surfaces and "who" not in surfaces


def test_relation_hints_and_negation(lexicon):
    a = analyse("Which Global Accelerator pathfinders have not ratified Convention No. 102?", lexicon)
    assert a.pathfinder and a.ratify and "ratify" in a.negated and "pathfinder" not in a.negated
    a = analyse("Which pathfinders are not priority countries?", lexicon)
    assert a.negated == {"priority"}
    a = analyse("In which countries did the partnership provide assistance on financing for reforms?", lexicon)
    assert not a.fund  # financing as a topic, not as a funding relation
    a = analyse("Which countries received support from the Global Fund?", lexicon)
    assert not a.fund  # 'Fund' inside an organisation's name
    a = analyse("Which countries achieved both Result 1 and Result 2 in 2024?", lexicon)
    assert a.result_types == ["policies_strategies", "scheme_reform"] and a.years == ["2024"]


def test_wordy_asides_and_who_questions_are_read_for_what_they_ask():
    from app.qa.question import FUND, answer_type
    from app.qa.form.wording import core_question

    # The question proper after a dash; an aside before it does not set conditions.
    assert core_question("My friend says it goes to one place only - which country is it?") == "which country is it?"
    # "who is named as ...": a body is asked, not a scheme's name.
    assert answer_type("For Atlantis specifically, who is named as providing the financing?") == "Organization"
    # The progressive is a funding verb too.
    assert FUND.search("where is the Atlantis government funding work in the region")
