"""The sentence shapes added for recall follow the file the graph is built from.

A copy of the bundled report is edited where each shape occurs (a lower-case measure, a country
bullet outside the country entries, a joint programme, a support clause on either side of an
initiative, complementary initiatives, two initiatives as joint subject, a staff position and
where it is stationed); the graph of the edited copy must hold the edited facts and the graph of
the unedited report (the control) must not.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.build import build_in_memory

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "data" / "corpus" / "ilo-spf-flagship-annual-report-2024.md"
SOURCE = REPORT.read_text(encoding="utf-8")

# (old, new, how many times the old text occurs)
EDITS = [
    # a lower-case reform of one scheme: another benefit's reform in the Lebanon entry
    ("technical assistance to the pension reform", "technical assistance to the maternity benefit reform", 1),
    # a country bullet outside the country entries names another country
    ("In **Zambia**, around 85,000", "In **Malawi**, around 85,000", 1),
    # a UN joint programme where a public-private partnership was (Kenya entry)
    ("in the context of a public-private partnership", "in the context of a UN Joint Programme", 1),
    # a one-stop-shop window renamed
    ("digital one-stop-shop window", "digital single window", 1),
    # "<initiative> is supporting X": another national body
    ("Global Accelerator is supporting the National Planning Commission",
     "Global Accelerator is supporting the National Statistics Office", 1),
    # "<initiative>, with the support of X": another supporter
    ("with the support of the Ministry of Labour, Solidarity and Social Security of Portugal",
     "with the support of the Asian Development Bank", 1),
    # "X, with the support of <initiative>, established ...": another coalition
    ("the Finance in Common Summit (FiCS) Coalition for Social Investment, with the support",
     "the Public Banks Coalition for Social Investment, with the support", 1),
    # "A and B are complementary initiatives": another pair
    ("The Flagship Programme and the Global Accelerator are complementary",
     "The Flagship Programme and the USP2030 are complementary", 1),
    # "In 2024, X and <initiative> advanced ...": another partner coalition
    ("the UN Food Systems Summit Coalition (UNFSS) and the USP2030",
     "the Global Nutrition Coalition (GNC) and the USP2030", 1),
    # a staff position stationed elsewhere
    ("(P4H-CFP), stationed in Kenya", "(P4H-CFP), stationed in Senegal", 2),
]


def edited_text() -> str:
    text = SOURCE
    for old, new, n in EDITS:
        assert text.count(old) == n, old
        text = text.replace(old, new)
    return text


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    d = tmp_path_factory.mktemp("altered-shapes")
    edited = d / "edited-report.md"
    edited.write_text(edited_text(), encoding="utf-8")
    return {"control": build_in_memory([REPORT]).kb, "edited": build_in_memory([edited]).kb}


def things_in(kb, iso: str, predicate: str) -> dict[str, object]:
    """label -> entity of what ``predicate`` places in the country (schemes, projects, laws)."""
    return {kb.entities[f.subject].label.lower(): kb.entities[f.subject] for f in kb.facts.values()
            if f.predicate == predicate and f.object == f"Country:{iso}"}


def partners_of(kb, init_label: str) -> dict[str, dict]:
    """label of the other end -> fact attrs, for partneredWith facts of the initiative labelled so."""
    out = {}
    for f in kb.facts.values():
        if f.predicate != "partneredWith":
            continue
        s, o = kb.entities[f.subject], kb.entities[f.object]
        for a, b in ((s, o), (o, s)):
            if init_label.lower() in " ".join([b.label, *b.alt_labels, b.acronym or ""]).lower():
                out[a.label] = f.attrs
    return out


def test_lower_case_reform_follows_the_text(builds):
    assert "pension reform" in things_in(builds["control"], "LBN", "schemeInCountry")
    edited = things_in(builds["edited"], "LBN", "schemeInCountry")
    assert "maternity benefit reform" in edited and "pension reform" not in edited
    assert edited["maternity benefit reform"].attrs.get("kind") == "reform"


def test_country_bullet_outside_entries_follows_the_country(builds):
    assert "subsidized contribution scheme" in things_in(builds["control"], "ZMB", "schemeInCountry")
    assert "subsidized contribution scheme" in things_in(builds["edited"], "MWI", "schemeInCountry")
    assert "subsidized contribution scheme" not in things_in(builds["edited"], "ZMB", "schemeInCountry")


def test_joint_programme_and_partnership_follow_the_text(builds):
    control, edited = builds["control"], builds["edited"]
    assert "public-private partnership" in things_in(control, "KEN", "schemeInCountry")
    assert "un joint programme" not in things_in(control, "KEN", "projectInCountry")
    assert "un joint programme" in things_in(edited, "KEN", "projectInCountry")
    assert "public-private partnership" not in things_in(edited, "KEN", "schemeInCountry")
    assert "un joint programme" in things_in(edited, "ZMB", "projectInCountry")  # the unedited one stays


def test_service_window_renamed(builds):
    assert any("one-stop-shop window" in n for n in things_in(builds["control"], "ZMB", "schemeInCountry"))
    edited = things_in(builds["edited"], "ZMB", "schemeInCountry")
    assert any("single window" in n for n in edited)
    assert not any("one-stop-shop" in n for n in edited)


def test_support_clauses_follow_the_text(builds):
    control = partners_of(builds["control"], "Global Accelerator")
    edited = partners_of(builds["edited"], "Global Accelerator")
    assert control["National Planning Commission"]["role"] == "supported by the initiative"
    assert "National Statistics Office" not in control and "National Planning Commission" not in edited
    assert edited["National Statistics Office"]["role"] == "supported by the initiative"
    nso = next(e for e in builds["edited"].entities.values() if e.label == "National Statistics Office")
    assert nso.attrs.get("country") == "NPL"  # a national body of the country the entry is about
    assert control["Ministry of Labour, Solidarity and Social Security"]["role"] == "supporter"
    assert edited["Asian Development Bank"]["role"] == "supporter"
    assert control.get("Asian Development Bank", {}).get("role") != "supporter"
    assert "Finance in Common Summit Coalition for Social Investment" in control
    assert "Public Banks Coalition for Social Investment" in edited
    assert "Finance in Common Summit Coalition for Social Investment" not in edited


def test_complementary_and_joint_initiatives_follow_the_text(builds):
    control, edited = builds["control"], builds["edited"]
    assert partners_of(control, "Global Accelerator")["Flagship Programme"]["role"] == "complementary initiative"
    assert partners_of(edited, "USP2030")["Flagship Programme"]["role"] == "complementary initiative"
    assert "Flagship Programme" not in partners_of(edited, "Global Accelerator")
    food = "Food Systems Transformation"
    assert partners_of(control, food)["UN Food Systems Summit Coalition"]["role"] == "joint work"
    assert partners_of(edited, food)["Global Nutrition Coalition"]["role"] == "joint work"
    assert "UN Food Systems Summit Coalition" not in partners_of(edited, food)


def test_staff_position_follows_where_it_is_stationed(builds):
    def positions(kb):
        return {kb.entities[f.subject].acronym: (kb.entities[f.subject].attrs.get("country"), f.attrs.get("location"),
                                                 kb.entities[f.object].acronym)
                for f in kb.facts.values() if f.predicate == "positionIn"}

    assert positions(builds["control"])["P4H-CFP"] == ("KEN", "Kenya", "P4H")
    assert positions(builds["edited"])["P4H-CFP"] == ("SEN", "Senegal", "P4H")
    assert positions(builds["edited"])["P4H-RFP"] == (None, "Asia", "P4H")
