"""Of the few publications an exact filter leaves (a month, a co-author), the one whose title alone
writes the question's topic words (PublicationFinder._set_apart in app.qa.things.titles).
Invented publications only; the last case is the real engine over the real build, with the month
and the titles read from the graph."""
from __future__ import annotations

from app.qa.things.titles import PublicationFinder
from app.qa.units import terms


class _K:
    def __init__(self):
        def pub(key, label, month):
            return {"id": f"Publication:{key}", "label": label,
                    "attrs": {"kind": "report", "language": "en", "month": month}}
        self.ents = [
            pub("a", "Bridging social protection and lighthouse safety for keepers", "December"),
            pub("b", "Bulletin of social protection figures", "December"),
            pub("c", "Annual social protection figures review", "December"),
            pub("d", "Lighthouse keepers' pensions", "June"),
        ]

    def of_type(self, t):
        return self.ents if t == "Publication" else []

    def facts_where(self, subject=None, predicate=None, obj=None):
        return []


def _find(q: str):
    return PublicationFinder(_K()).find(q, [], False)


def test_the_topic_sets_one_dated_title_apart():
    got = _find("What did the Office publish in December on social protection and lighthouse safety?")
    assert got is not None and got.ids == ["Publication:a"]
    assert "only its title writes" in got.why[-1]


def test_words_the_titles_share_set_nothing_apart():
    got = _find("What did the Office publish in December on social protection?")
    assert got is None or "only its title" not in got.why[-1]  # every December title writes "social protection"


def test_one_distinct_word_is_not_enough():
    got = _find("What did the Office publish in December on safety?")
    assert got is None or got.ids != ["Publication:a"] or "only its title" not in got.why[-1]


def test_the_real_build(engine):
    """A month with several publications in the graph where one title has two words no other title
    of that month has: asked by the month and those words, that publication alone is answered."""
    by_month: dict[str, list[dict]] = {}
    for e in engine.k.of_type("Publication"):
        month = ((e.get("attrs") or {}).get("month") or "").strip()
        if month and (e.get("attrs") or {}).get("language", "en") == "en":
            by_month.setdefault(month, []).append(e)
    for month, pubs in sorted(by_month.items()):
        if not 2 <= len(pubs) <= 5:
            continue
        for p in pubs:
            words = [w for w in p["label"].split() if len(w) > 5 and w.isalpha()]
            others = set().union(*(set(terms(o["label"])) for o in pubs if o is not p))
            own = [w for w in words if terms(w) and terms(w)[0] not in others]
            if len(own) >= 2:
                q = f"What did the ILO publish in {month} on {own[0].lower()} and {own[1].lower()}?"
                r = engine.ask(q)
                assert [x["label"] for x in r["answers"]] == [engine.k.label(p["id"])], (q, r.get("path"))
                return
    import pytest
    pytest.skip("no month with a title set apart by its own words")
