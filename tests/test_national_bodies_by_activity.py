"""A body the graph places in no country by name or institution, but whose every activity is in one
country, is that country's ("the Health Insurance Organization" named only in one entry): a question
asking for a body of that country ("which Cypriot organisation ...") keeps it and drops the
international bodies (the ILO) active everywhere.  Also a few irregular demonyms (general knowledge).

The engine test picks its body and country from the graph's activity facts.
"""
from __future__ import annotations

import pytest

from app.qa.names.demonyms import demonym_country
from app.qa.constraints.org_country import _activity_country, _countries_of


class _K:
    def __init__(self, facts, ents=None):
        self.facts, self.ents = facts, ents or {}

    def entity(self, i):
        return self.ents.get(i)

    def facts_where(self, subject=None, predicate=None, obj=None):
        return [f for f in self.facts if (subject is None or f["subject"] == subject)
                and (predicate is None or f["predicate"] == predicate) and (obj is None or f["object"] == obj)]


def _fact(s, p, o):
    return {"subject": s, "predicate": p, "object": o}


_FACTS = [_fact("Activity:a1", "activityIn", "Country:FRE"), _fact("Activity:a2", "activityIn", "Country:FRE"),
          _fact("Activity:a3", "activityIn", "Country:GUI"),
          _fact("Activity:a1", "activityInvolved", "Organization:board"),
          _fact("Activity:a2", "activityInvolved", "Organization:board"),
          _fact("Activity:a1", "activityInvolved", "Organization:agency"),
          _fact("Activity:a3", "activityInvolved", "Organization:agency"),
          _fact("Organization:fund", "institutionOf", "Country:GUI"),
          _fact("Activity:a1", "activityInvolved", "Organization:fund"),
          _fact("Activity:a2", "activityInvolved", "Organization:donor"),
          _fact("Country:FRE", "supportedBy", "Organization:donor")]


def test_a_body_active_in_one_country_only_is_placed_there():
    k = _K(_FACTS)
    assert _activity_country("Organization:board", k) == {"Country:FRE"}
    assert _activity_country("Organization:agency", k) == set()  # active in two countries
    assert _activity_country("Organization:donor", k) == set()  # supports the country: from outside
    assert _countries_of("Organization:board", k) == {"Country:FRE"}
    # a stated institution wins over where the body was active
    assert _countries_of("Organization:fund", k) == {"Country:GUI"}


@pytest.mark.parametrize("word, iso", [("Cypriot", "CYP"), ("Trinidadian", "TTO"), ("Santomean", "STP"),
                                       ("Salvadorean", "SLV")])
def test_irregular_demonyms(word, iso):
    assert demonym_country(word) == iso


def test_which_national_body_drops_the_bodies_active_everywhere(engine):
    """Asked for an institution in a country, a body the graph places there only by its activities is
    kept and the ILO (active in every country) is dropped."""
    from app.qa.constraints.org_country import national_answers
    from app.qa.question import analyse

    ilo = "Organization:ilo"
    for f in engine.k.facts_where(predicate="activityInvolved"):
        org = f["object"]
        if not org.startswith("Organization:") or org == ilo or engine.k.facts_where(subject=org, predicate="institutionOf"):
            continue
        place = _activity_country(org, engine.k)
        if len(place) != 1 or ((engine.k.entity(org) or {}).get("attrs") or {}).get("country"):
            continue
        country = next(iter(place))
        a = analyse(f"which institution in {engine.k.label(country)} received the valuation", engine.lexicon)
        answers = [{"iri": str(engine.k.iri(org))}, {"iri": str(engine.k.iri(ilo))}]
        assert national_answers(answers, a, engine.k) == answers[:1]
        return
    pytest.skip("no body placed by its activities alone")
