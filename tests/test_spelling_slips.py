"""Typos the way people make them: the likelier slip wins a tie, context breaks a tie, frequent
English words are candidates, two edits from six letters, and real words typed for another word
("counties" for countries) are corrected only where the report's own word pairs say so.

Pure pieces use a small hand-made vocabulary (ordinary words, no report facts); the engine test
checks that a question with slips is answered as its clean form is, by the real engine.
"""
from __future__ import annotations

from collections import Counter

from app.qa.form.spelling import Speller, _slip_rank


def test_the_likelier_slip_wins_between_equally_near_words():
    # "fnder" is one edit from both; a dropped letter is likelier than a changed first letter
    sp = Speller(Counter({"under": 150, "funder": 100, "funders": 100}))
    assert sp.correct("top fnder")[0] == "top funder"
    # a doubled letter: "fuunders" is funders, not founders, when both are as frequent
    sp = Speller(Counter({"founders": 100, "funders": 100}))
    assert sp.correct("fuunders of jordan")[0] == "funders of jordan"
    assert _slip_rank("fuunders", "funders") == 0 and _slip_rank("fuunders", "founders") == 1


def test_a_far_commoner_word_wins_whatever_the_slip():
    sp = Speller(Counter({"fiscal": 200, "focal": 3}))
    assert sp.correct("foscal")[0] == "fiscal"


def test_report_word_pairs_break_a_tie():
    # alone, the commoner word wins; next to "space" the word the report writes before it wins
    counts = Counter({"focal": 113, "fiscal": 14, "space": 30, "point": 20})
    bigrams = Counter({("fiscal", "space"): 12, ("focal", "point"): 20})
    sp = Speller(counts, bigrams=bigrams)
    assert sp.correct("foscal point")[0] == "focal point"
    assert sp.correct("support on foscal space")[0] == "support on fiscal space"


def test_frequent_english_words_are_candidates_but_rank_below_report_words():
    sp = Speller(Counter({"reformed": 40, "the": 50}), common_english=True)
    assert sp.correct("revorded results")[0] == "recorded results"   # English, one slip
    assert sp.correct("who atended the meeting")[0] == "who attended the meeting"
    # an English-only word only by a common slip, and not a short one
    assert sp.correct("btwen 2010")[0] == "btwen 2010"


def test_two_edits_from_six_letters_but_never_towards_a_name_typed_in_lower_case():
    sp = Speller(Counter({"country": 200, "financed": 50, "finland": 5}), names={"finland"})
    assert sp.correct("which conrry")[0] == "which country"
    assert sp.correct("fincaed by the eu")[0] == "fincaed by the eu"
    assert sp.correct("Finlnad")[0] == "Finland"


def test_real_word_typed_for_another_only_where_the_report_pairs_say_so():
    counts = Counter({"countries": 200, "many": 80, "how": 90, "states": 40, "arab": 30, "ilo": 300, "held": 30,
                      "kenya": 20})
    bigrams = Counter({("many", "countries"): 25, ("arab", "states"): 20, ("ilo", "held"): 5})
    sp = Speller(counts, bigrams=bigrams, asking={"countries", "many", "how"})
    assert sp.correct("how many counties in africa")[0] == "how many countries in africa"
    # a word the report writes is meant as typed, even where a question usually has another
    sp_kenya = Speller(counts + Counter({"counties": 1}), bigrams=bigrams, asking={"countries", "many", "how"})
    assert sp_kenya.correct("how many counties in kenya")[0] == "how many counties in kenya"
    assert sp.correct("funders of arab stares countries")[0] == "funders of arab states countries"
    # "help" is as common in English as "held": no slip, whatever the report's pairs
    assert sp.correct("where did the ilo help")[0] == "where did the ilo help"
    # capitalised words may be names, possessives are not slips
    assert sp.correct("Thai partners")[0] == "Thai partners"
    assert sp.correct("the fund's scheme")[0] == "the fund's scheme"


def test_a_question_with_slips_is_answered_as_its_clean_form(engine):
    pairs = [
        ("how many countries does the European Union finance in Africa?",
         "how many countires does the Europian Union finace in Afrika?"),
        ("Which countries did the ILO-IMF partnership support on fiscal space?",
         "Which countires did the ILO-IMF partnrship suppprt on foscal space?"),
        ("funders of arab states countries", "fudners of arab stares countries"),
    ]
    for clean, slipped in pairs:
        want = sorted(a["label"] for a in engine.ask(clean)["answers"])
        got = sorted(a["label"] for a in engine.ask(slipped)["answers"])
        assert want, clean
        assert got == want, (slipped, got, want)
