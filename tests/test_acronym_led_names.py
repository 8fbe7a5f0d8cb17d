"""A name the report writes with its acronym in brackets ("Universal Health Coverage (UHC) Financing
Strategy") is also linked as readers write it once the acronym is defined ("UHC Financing Strategy"):
app/qa/names/name_forms.py, ``acronym_led``.  Without it, "the draft UHC Financing Strategy" linked
only its last two words, another country's "Financing Strategy", and the chain answered that
country's funders."""
from __future__ import annotations

import pytest

from app.qa.names.name_forms import acronym_led


@pytest.mark.parametrize("name, want", [
    ("Universal Health Coverage (UHC) Financing Strategy", "UHC Financing Strategy"),
    ("Employment Injury Scheme (EIS) Pilot", "EIS Pilot"),
    ("Social Security Corporation (SSC) of Atlantis", "SSC of Atlantis"),
    # the acronym must stand for the words just before it, whatever came earlier in the name
    ("Support in Lao PDR (2024): the Lao Social Security Organisation (LSSO) has", "Support in Lao PDR (2024): the LSSO has"),
    ("National Social Security Fund (NSSF)", None),  # nothing after it: the acronym alone is another form
    ("Health Fund (XYZ) Board", None),  # letters that are not the words' initials
])
def test_acronym_led(name, want):
    assert acronym_led(name) == want


def test_the_acronym_form_links_the_whole_name(engine):
    k = engine.k
    full = [i for i, e in k.entities.items() if e["type"] == "LegalInstrument"
            and any(acronym_led(n) == "UHC Financing Strategy" for n in k.names(i))]
    assert len(full) == 1
    country = next(f["object"] for f in k.facts_where(subject=full[0], predicate="instrumentOfCountry"))
    links = engine.lexicon.link("when was the draft UHC Financing Strategy finalised")
    assert [l.ids for l in links if l.type == "LegalInstrument"] == [full]
    got = engine.ask("Which country finalised a draft UHC Financing Strategy in November 2024, and who funds "
                     "the ILO's work there?")
    assert any(k.label(country) in p for p in got["path"])
    funders = {k.label(f["object"]) for f in k.facts_where(subject=country, predicate="fundedBy")}
    assert funders and {a["label"] for a in got["answers"]} >= funders
