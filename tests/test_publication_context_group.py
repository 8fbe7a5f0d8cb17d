"""Publications one passage presents as a set, asked for by what the presentation says
(PublicationFinder._context_group in app.qa.things.titles).  Invented publications only."""
from __future__ import annotations

from app.qa.things.titles import PublicationFinder

_LEAD = ("Support to the Assembly discussion on the Ocean Economy. The Office published a series of briefs on "
         "the role of social protection for fishers in the ocean economy to feed the Assembly. The three briefs are:")


class _K:
    def __init__(self):
        def pub(key, label, described, context=""):
            return {"id": f"Publication:{key}", "label": label,
                    "attrs": {"kind": "brief", "language": "en", "described_by": described, "context": context}}
        self.ents = [
            pub("a", "Universal social protection for coastal households", "on the income security of coastal households", _LEAD),
            pub("b", "Securing boats without hardship", "which presents the insurance of fishing boats", _LEAD),
            pub("c", "Social protection for all deckhands", "which highlights the coverage of deckhands", _LEAD),
            pub("d", "Social protection for climate action", "on social protection and climate policy"),
            pub("e", "Social protection in mining towns", "on social protection in mining"),
            pub("f", "Social protection financing", "on social protection financing options"),
        ]

    def of_type(self, t):
        return self.ents if t == "Publication" else []

    def facts_where(self, subject=None, predicate=None, obj=None):
        return []


def _find(q: str):
    return PublicationFinder(_K()).find(q, [], True)


def test_every_member_of_the_presented_set_is_answered():
    got = _find("ocean economy briefs")
    assert got is not None and sorted(got.ids) == ["Publication:a", "Publication:b", "Publication:c"]


def test_a_wordy_question_about_the_presentation_gets_the_set():
    q = ("The Office apparently put out three short briefs on fishers ahead of the Assembly's discussion of the "
         "ocean economy. Could you list their titles for me?")
    got = _find(q)
    assert got is not None and sorted(got.ids) == ["Publication:a", "Publication:b", "Publication:c"]


def test_words_every_publication_says_do_not_pick_the_set():
    # "social protection" is in nearly every title: no set is asked by it
    assert PublicationFinder(_K())._context_group(PublicationFinder(_K()).pubs, {"social", "protect"}) == []


def test_a_question_about_one_members_own_words_is_not_the_set():
    got = _find("Which briefs cover climate action?")
    assert got is None or got.ids == ["Publication:d"]
