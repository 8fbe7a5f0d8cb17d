"""Scheme answers are a country's schemes, and those of the country asked about
(app.qa.things.scheme_place): a donor country has none, a pooled fund or an agency's programme is none."""

import pytest

from graph import countries


def _donor_countries(k):
    """Countries the graph knows only as givers: they fund or partner, and no scheme, institution or
    country entry of theirs is in the report."""
    placed = {f["object"] for f in k.facts if f["predicate"] in ("schemeInCountry", "institutionOf")}
    entries = {iso for p in k.passages.values() for iso in map(countries.lookup, p.section_path) if iso}
    govs = {f["subject"]: f["object"] for f in k.facts if f["predicate"] == "governmentOf"}
    givers = {govs[f["object"]] for f in k.facts if f["predicate"] == "fundedBy" and f["object"] in govs}
    return sorted(g for g in givers if g not in placed and g.split(":", 1)[1] not in entries)


def test_the_report_has_donor_countries_to_ask_about(engine):
    assert len(_donor_countries(engine.k)) >= 3


@pytest.mark.parametrize("asking", [
    "Which schemes did the ILO support in {c}?",
    "what social protection schemes did the ilo help design in {c}",
    "Which pension scheme did the ILO help {c} launch in 2024?",
])
def test_no_scheme_is_answered_for_a_country_that_only_gives(engine, asking):
    for eid in _donor_countries(engine.k)[:4]:
        q = asking.format(c=countries.display_name(eid.split(":", 1)[1]))
        assert engine.ask(q)["answers"] == [], q


def _scheme_countries(k):
    homes = {}
    for f in k.facts:
        if f["predicate"] == "schemeInCountry":
            homes.setdefault(f["object"], set()).add(f["subject"])
    return sorted(c for c, s in homes.items() if len(s) >= 2)


def test_a_countrys_schemes_are_its_own(engine):
    k = engine.k
    for c in _scheme_countries(k)[:5]:
        name = countries.display_name(c.split(":", 1)[1])
        out = engine.ask(f"Which schemes did the ILO support in {name}?")
        for x in out["answers"]:
            ent = k.entity_by_iri(x["iri"]) if x.get("iri") else None
            assert ent is None or ent["type"] in ("Scheme", "Organization"), (name, x["label"])
            if ent is not None and ent["type"] == "Scheme":
                homes = {f["object"] for f in k.facts_where(subject=ent["id"], predicate="schemeInCountry")}
                assert not homes or c in homes, (name, x["label"])
