"""Wordy frames that must not change the answer (qwordy8).

- A courtesy clause in the preamble ("if it's not too much trouble", "if that is all right", "when
  you have a moment") is a condition on the asking; its "it" points at the request, not back at a
  name, so the preamble is still dropped.
- A name the report never writes, said in the asker's own clause ("our board follows the Sahel"),
  is context when the question proper has a subject of its own: no "not in the report" refusal.
  Said in the question proper, or pointed back to ("... in Kosovo: which schemes there?"), the
  refusal stands.
- "Is it true that X is not ...", "Can you confirm that X ratified ...": the yes/no question about
  the embedded clause, answered as the direct question is.

Expected answers come from the engine's answer to the bare question or from the knowledge base's
facts: nothing is typed from the report.
"""
from __future__ import annotations

import pytest

from app.qa.constraints.absent import absent_names
from app.qa.form.asides import without_asides
from app.qa.form.conversation import without_shell
from app.qa.form.embedded_polar import direct_question
from tests.support.engine import answer_ids, funders_per_country, pathfinder_sides


@pytest.mark.parametrize("question, core", [
    ("I'm preparing a briefing on Utopia and would like to know, if it's not too much trouble, who funds Atlantis?",
     "Who funds Atlantis?"),
    ("Our team follows Utopia and, if that is all right, which countries does Atlantis fund?",
     "Which countries does Atlantis fund?"),
    ("We write on Utopia, and when you have a moment, who pays for Atlantis?", "Who pays for Atlantis?"),
    ("I cover Utopia, so if possible, when did Atlantis ratify the convention?",
     "When did Atlantis ratify the convention?"),
])
def test_a_courtesy_clause_does_not_keep_the_preamble(question, core):
    r = without_asides(question, pronouns=True)
    assert r.question == core and not r.pronoun, r


def test_a_courtesy_clause_leaves_a_real_back_reference_alone():
    # "there" still refers back to the preamble: nothing is dropped without a referent
    r = without_asides("I work on Utopia and, if it is all right, which schemes exist there?", pronouns=True)
    assert r.pronoun or r.question.startswith("I work on Utopia"), r


def _country(engine, name):
    return next(l for l in engine.lexicon.link(name) if l.type == "Country")


@pytest.mark.parametrize("frame", [
    "I'm preparing a briefing for our board on donor coverage in the Sahel and would like to know, "
    "if it's not too much trouble, who pays for the ILO's work in {c}?",
    "Since I report to the Sahel desk, tell me the funders of {c}",
    "Our unit handles the Maghreb region too, but who finances {c}?",
])
def test_an_unknown_name_in_the_askers_clause_is_context(engine, frame):
    funders = funders_per_country(engine.k)
    country = next(c for c, f in sorted(funders.items()) if len(f) >= 2)
    name = engine.k.label(country)
    res = engine.ask(frame.format(c=name))
    assert answer_ids(engine, res) >= funders[country], (res.get("message"), res["path"][:2])


@pytest.mark.parametrize("question", [
    "Did the ILO help any scheme in Kosovo?",
    "which countries in Patagonia does the EU fund",
])
def test_an_unknown_name_in_the_question_proper_still_abstains(engine, question):
    res = engine.ask(question)
    assert not res["answers"] and "does not mention" in res.get("message", ""), res


def test_absent_names_sees_the_askers_clause(engine):
    q = "Since I report to the Sahel desk, tell me the funders of Burkina Faso"
    links = engine.lexicon.link(q)
    assert absent_names(q, links, engine.lexicon.vocab, {"Organization:ilo"}) == []
    # without a subject of its own, the name is what is asked about
    q2 = "Since I report to the Patagonia desk, tell me the funders there"
    assert absent_names(q2, engine.lexicon.link(q2), engine.lexicon.vocab, {"Organization:ilo"}) == ["Patagonia"]


@pytest.mark.parametrize("question, direct", [
    ("Is it true that Utopia is not yet a pathfinder?", "Is Utopia not yet a pathfinder?"),
    ("Can you confirm that Utopia ratified the convention?", "Has Utopia ratified the convention?"),
    ("Would it be right to say that the EU funds Utopia?", "Does the EU fund Utopia?"),
    ("Am I right in thinking that Utopia has ratified it?", "Has Utopia ratified it?"),
    ("Is it the case that Norway finances Utopia?", "Does Norway finance Utopia?"),
    ("Can you confirm which countries the EU funds?", "Can you confirm which countries the EU funds?"),
    ("Is Utopia a pathfinder?", "Is Utopia a pathfinder?"),
    # behind the asker's preamble, and without the asker's remark after it
    ("I read the report for a class I teach, and one thing I'd like to check is this: is it true that Utopia "
     "is not yet a pathfinder?", "Is Utopia not yet a pathfinder?"),
    ("I'm not sure how to phrase this, but is it true that Utopia is a pathfinder, since my manager wants it checked.",
     "Is Utopia a pathfinder?"),
])
def test_the_embedded_clause_becomes_the_direct_question(question, direct):
    assert direct_question(question) == direct


@pytest.mark.parametrize("frame", ["Is it true that {c} is{neg} a Global Accelerator pathfinder country?",
                                   "Would it be correct to say that {c} is{neg} a pathfinder of the Global Accelerator?",
                                   "Am I right that {c} is{neg} yet a Global Accelerator pathfinder?"])
@pytest.mark.parametrize("negated", [False, True])
def test_an_embedded_yes_no_question_is_answered_as_the_direct_one(engine, frame, negated):
    member, other = pathfinder_sides(engine)
    for country, is_member in ((member, True), (other, False)):
        q = frame.format(c=engine.k.label(country), neg=" not" if negated else "")
        if "yet" in q and not negated:
            q = q.replace(" yet", "")
        res = engine.ask(q)
        assert [a["label"] for a in res["answers"]] == ["Yes" if is_member != negated else "No"], (q, res["answers"])


def _names(text: str) -> bool:  # a stand-in linker: only "Utopia" is a name, in any case
    return "utopia" in text.lower()


@pytest.mark.parametrize("question, core", [
    ("If I remember correctly the report covers this, so utopia pension scheme countries, and could you point me "
     "to where the report says so?", "utopia pension scheme countries?"),
    ("utopia donors, where does the report say so", "utopia donors"),
    # every clause looked like shell: the one "so" opens is the question proper
    ("If I remember correctly the report covers this, so shock responsive pension countries, and could you point "
     "me to where the report says so?", "shock responsive pension countries?"),
    ("I think it's in there somewhere, but I can't find it: utopia pension reform, and which page is that on?",
     "utopia pension reform?"),
])
def test_a_request_for_the_evidence_after_a_keyword_core_is_dropped(question, core):
    assert without_shell(question, _names).question == core


def test_a_question_about_where_the_report_says_something_is_kept():
    q = "Where does the report say that Utopia is funded by Atlantis?"
    assert without_shell(q, _names).question == q


@pytest.mark.parametrize("question, core", [
    ("I'm not sure how to phrase this, but which countries does Atlantis fund that Utopia doesn't, since my "
     "manager wants it checked.", "Which countries does Atlantis fund that Utopia doesn't"),
    ("I follow this closely, so which countries does Atlantis fund that the EU does not?",
     "Which countries does Atlantis fund that the EU does not?"),
])
def test_that_opening_a_clause_does_not_refer_back(question, core):
    r = without_asides(question, pronouns=True)
    assert r.question == core, r


def test_that_pointing_at_a_noun_still_refers_back():
    r = without_asides("I work on Utopia and Atlantis: which of those countries does the EU fund?", pronouns=True)
    assert r.question.startswith("I work on Utopia"), r
