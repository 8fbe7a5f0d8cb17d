"""Readings found by round 38's probes (a radio journalist's wordy and informal questions on the
non-African entries; a graduate researcher's search-box queries), each in general form, through the
real engine on the bundled report.  Expected answers are read from the graph or the passages,
never typed."""
from __future__ import annotations

import re

import pytest

from app.qa.figures.region_figures import region_countries
from app.qa.form.question_sentence import asking_sentence
from app.qa.multihop.activity_funders import asks_the_line
from app.qa.question import _negated_before, analyse
from app.qa.textstep import year_bound


def _labels(res) -> list[str]:
    return [a["label"] for a in res["answers"]]


def _objects(engine, predicate: str, subject: str) -> set[str]:
    return {f["object"] for f in engine.k.facts_where(subject=subject, predicate=predicate)}


def _subjects(engine, predicate: str, obj: str) -> set[str]:
    return {f["subject"] for f in engine.k.facts_where(predicate=predicate, obj=obj)}


# ---- a negated partnership worded "alongside" or "involve": the complement, as "not work with" reads

def _region_and_partner(engine):
    """A region and an organisation that works with some, not all, of its countries in the graph."""
    for region in sorted(i for i, e in engine.k.entities.items() if e["type"] == "Region"):
        members = _subjects(engine, "inRegion", region)
        for org in sorted(i for i, e in engine.k.entities.items() if e["type"] == "Organization"):
            with_org = {s for s in _subjects(engine, "partneredWith", org) if s in members}
            if 0 < len(with_org) < len(members) and org != "Organization:ilo":
                return region, org
    pytest.skip("no region with a partner of only some of its countries")


@pytest.mark.parametrize("verb", ["work alongside", "work involve"])
def test_a_negated_partnership_worded_loosely_reads_as_not_working_with(engine, verb):
    region, org = _region_and_partner(engine)
    r, o = engine.k.label(region), engine.k.label(org)
    plain = engine.ask(f"In which {r} countries did the ILO not work with the {o}?")
    if verb == "work alongside":
        got = engine.ask(f"In which {r} countries did the ILO not work alongside the {o}?")
    else:
        got = engine.ask(f"In which {r} countries did the ILO's work not involve the {o}?")
    partners = {engine.k.label(s) for s in _subjects(engine, "partneredWith", org)}
    assert _labels(got) and set(_labels(got)) == set(_labels(plain)), (got["path"], plain["path"])
    assert not set(_labels(got)) & partners, got["path"]


def test_involve_a_thing_is_no_partnership(engine):
    a = analyse("where else did the ILO's work involve allowances for people with disabilities?", engine.lexicon)
    assert not a.partner


# ---- "going by the financing support line": the country's line, not one activity's payers

def test_the_financing_line_named_by_the_question():
    assert asks_the_line("Who bankrolled the work there, going by the financing support line?")
    assert asks_the_line("which donors does its funding line list")
    assert not asks_the_line("Who paid for the new disability allowance in 2024?")


def test_a_question_pointing_at_the_financing_line_gets_the_countrys_funders(engine):
    """Every country with a financing line: the line's funders, however many other words (which
    made the activity reading fire for Palestine's allowances) the question adds."""
    wrong, checked = {}, 0
    for cid in sorted(i for i, e in engine.k.entities.items() if e["type"] == "Country"):
        funders = {engine.k.label(o) for o in _objects(engine, "fundedBy", cid)}
        if not funders:
            continue
        checked += 1
        got = engine.ask(f"Who bankrolled the ILO's social protection work in {engine.k.label(cid)} in 2024, "
                         "going by the financing support line?")
        if got.get("strategy") == "text-activity":
            wrong[cid] = _labels(got)
    assert checked and not wrong, wrong


# ---- a possessive in an opening phrase owned by the asked noun after the comma points forward

def test_their_before_the_asked_countries_points_forward():
    split = asking_sentence("Radio listeners in the Balkans follow this closely. Going by their country "
                            "entries, which of the Europe and Central Asia countries have not ratified it?")
    assert split.dropped and split.question.startswith("Going by their"), split
    # "their" with no asked noun after it still points back at the sentence before
    back = asking_sentence("Radio listeners in the Balkans follow this closely. Going by their country entries, "
                           "what changed in 2024?")
    assert not back.dropped, back


# ---- "end year": the "until" bound of a span

def test_an_end_year_asks_the_until_bound():
    bound = year_bound("Jordan revised National Social Protection Strategy end year")
    assert bound is not None
    assert bound.search("which will guide the agenda up to ")
    assert bound.search("a new National Social Protection Policy (2024-")
    assert not bound.search("approved in ")
    assert year_bound("Burundi social protection policy year") is None


def test_an_end_year_keyword_query_answers_the_end_of_the_span(engine):
    span = re.compile(r"\b([A-Z][a-z]+)\s+approved\s+a\s+new\s+([A-Z][\w ]+?)\s+\((20\d\d)-(20\d\d)\)")
    for pid, p in sorted(engine.k.passages.items()):
        m = span.search(p.text)
        if m is None:
            continue
        got = engine.ask(f"{m.group(1)} {m.group(2)} end year")
        assert _labels(got) == [m.group(4)], got["path"]
        return
    pytest.skip("no policy adopted for a span of years in the passages")


# ---- the contingencies a law covers, read from the sentence that lists them

def test_the_contingencies_a_law_covers_are_read_from_the_sentence(engine):
    listed = re.compile(r"\bcontingencies of ([a-z]+(?:, [a-z]+)*,? and [a-z]+)")
    for pid, p in sorted(engine.k.passages.items()):
        m = listed.search(p.text)
        countries = [f"Country:{m['key']}" for m in engine.k.mentions_in(pid) if m["type"] == "Country"]
        if m is None or not countries:
            continue
        items = [w for w in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group(1)) if w]
        country = engine.k.label(countries[0])
        law = re.search(r"\b(?:a|the)\s+((?:[A-Z][a-z]+\s+){1,3}Law)\b", p.text)
        if law is None:
            continue
        got = engine.ask(f"{country} draft {law.group(1)} new contingencies covered")
        assert set(_labels(got)) == set(items), got["path"]
        return
    pytest.skip("no sentence lists the contingencies a law covers")


# ---- a theme's name is no funding cue's object: "contributed to the digitalisation of ..."

def test_contributing_to_a_theme_is_work_not_money(engine):
    themes = [e for e in engine.k.entities.values() if e["type"] == "ThematicArea"
              and not re.search(r"financ|fund", e["label"])]
    country = next(e for e in engine.k.entities.values() if e["type"] == "Country")
    for theme in themes[:5]:
        a = analyse(f"Which development partners contributed to the {theme['label']} of {country['label']}'s "
                    "social protection system?", engine.lexicon)
        if any(l.type == "ThematicArea" for l in a.links):
            assert not a.fund and a.partner, theme["label"]
            return
    pytest.skip("no theme links in that wording")


# ---- "which brands fund X": the brands are the asked bodies and "fund" their verb

def test_which_brands_fund_a_scheme_gets_its_company_funders(engine):
    for sid in sorted(i for i, e in engine.k.entities.items() if e["type"] == "Scheme"):
        companies = {engine.k.label(o) for o in _objects(engine, "fundedBy", sid)
                     if (engine.k.entity(o) or {}).get("role") == "private_company"}
        if len(companies) < 2:
            continue
        country = next((engine.k.label(o) for o in _objects(engine, "schemeInCountry", sid)), None)
        where = f" in {country}" if country else ""
        got = engine.ask(f"Which brands fund the {engine.k.label(sid)}{where}?")
        assert companies <= set(_labels(got)), got["path"]
        return
    pytest.skip("no scheme funded by companies")


# ---- "not among the countries the ILO is supporting in assessing ...": the negation reaches the clause

def test_a_negated_among_reaches_through_a_relative_clause():
    text = "Which countries inquired but are not among the countries the ILO is supporting in assessing"
    assert _negated_before(text, text.index("assessing"), window=5)
    # a clause turned by "and" is no longer negated
    turned = "Which countries are not among the priority countries and the ILO is supporting in assessing"
    assert not _negated_before(turned, turned.index("assessing"), window=5)


# ---- "which X donors do not fund Y": X's funders minus Y's, a fund held as an organisation or a programme

def test_funders_of_one_fund_that_do_not_fund_another(engine):
    funds = {i: {o for o in _objects(engine, "fundedBy", i)} for i, e in engine.k.entities.items()
             if e["type"] in ("Organization", "Initiative") and e.get("acronym")}
    for x, fx in sorted(funds.items()):
        for y, fy in sorted(funds.items()):
            if x.split(":")[0] == y.split(":")[0] or not (fx & fy) or not (fx - fy) or len(fy) < 2:
                continue
            ax, ay = engine.k.entity(x)["acronym"], engine.k.entity(y)["acronym"]
            got = engine.ask(f"Which {ax} donors do not fund the {ay}?")
            assert set(_labels(got)) == {engine.k.label(o) for o in fx - fy}, got["path"]
            return
    pytest.skip("no two funds of different kinds sharing some funders")


# ---- "what does CODI stand for": an acronym the report spells out, though no entity holds it

def test_an_acronym_is_spelled_by_the_words_before_its_bracket():
    from app.qa.names.spelled_acronyms import question_acronyms, spelled_out

    text = "with a Rapid Assessment Toolkit (RAT) report and the Ministry of Public Works (MoPW) office"
    assert spelled_out(text, "RAT")[0] == "Rapid Assessment Toolkit"
    assert spelled_out(text, "MoPW")[0] == "Ministry of Public Works"
    # prefixes of a word and a hyphenated part count ("Co"-re; "Inter-agency")
    assert spelled_out("an Inter-agency Wide Check (IWC) and a Core Review Kit (CORK)", "CORK")[0] == "Core Review Kit"
    assert spelled_out("an Inter-agency Wide Check (IWC)", "IWC")[0] == "Inter-agency Wide Check"
    assert spelled_out("the big fund (BF)", "BF") is None  # lower-case words spell no name
    assert question_acronyms("what does CODI stand for, in the ILO report", [(33, 36)]) == ["CODI"]


def test_what_an_unmodelled_acronym_stands_for_is_read_from_the_passage(engine):
    from app.qa.names.spelled_acronyms import spelled_out

    known = {(e.get("acronym") or "").lower() for e in engine.k.entities.values()}
    for pid, p in sorted(engine.k.passages.items()):
        for m in re.finditer(r"\(([A-Z]{3,6})\)", p.text):
            acr = m.group(1)
            found = spelled_out(p.text, acr)
            if found is None or acr.lower() in known or engine.lexicon.link(acr):
                continue
            got = engine.ask(f"what does {acr} stand for")
            assert _labels(got) == [found[0]], got["path"]
            return
    pytest.skip("every acronym the report spells out is an entity's")


# ---- a keyword query closing on "launch" asks its date

def test_a_keyword_query_closing_on_launch_asks_a_year():
    from app.qa.question import answer_type

    assert answer_type("global accelerator second funding round launch") == "Year"
    assert answer_type("social protection platform launched") == "Year"
    assert answer_type("c102 ratifications since campaign launch") != "Year"  # the start of a period
    assert answer_type("what did the working group launch") != "Year"


# ---- a year inside the set a question picks from dates that set, not the relation asked

def test_a_year_describing_the_set_picked_from_does_not_date_the_relation(engine):
    for init in sorted(i for i, e in engine.k.entities.items() if e["type"] == "Initiative"):
        pilots = _subjects(engine, "priorityCountryOf", init)
        for conv in sorted(i for i, e in engine.k.entities.items() if e["type"] == "LegalInstrument"):
            ratified = [f for f in engine.k.facts_where(predicate="ratified", obj=conv) if f["subject"] in pilots]
            years = {str((f.get("attrs") or {}).get("year")) for f in ratified}
            if len({f["subject"] for f in ratified}) < 2:
                continue
            year = next(y for y in ("2021", "2019", "2017") if y not in years)
            name, c = engine.k.label(init), engine.k.label(conv)
            plain = engine.ask(f"Which {name} pilot countries have ratified {c}?")
            if not any(f"pilot country of {name}" in line for line in plain["path"]):
                continue  # the graph holds no pilot role of this initiative
            framed = engine.ask(f"Of the {name} pilot countries where the joint work began in {year}, "
                                f"which have ratified {c}?")
            assert _labels(plain) and set(_labels(framed)) == set(_labels(plain)), framed["path"]
            return
    pytest.skip("no initiative with two pilot countries that ratified one instrument")


# ---- "as described in Box 4": the box's own passages; an envelope is money

def test_a_named_box_scopes_the_passages(engine):
    boxes = {}
    for pid, p in engine.k.passages.items():
        for t in p.section_path:
            m = re.match(r"Box\s+(\d+)\s*:", t)
            if m:
                boxes.setdefault(m.group(1), set()).add(pid)
    if not boxes:
        pytest.skip("the report has no boxes")
    n, pids = sorted(boxes.items())[0]
    assert engine.text.boxed_passages(f"what does it say, as described in Box {n}?") == pids
    assert engine.text.boxed_passages("what does it say?") == set()
    assert engine.text.boxed_passages("what does Box 999 say?") == set()


def test_an_envelope_is_asked_as_money():
    from app.qa.figures.numbers import asked_unit

    assert asked_unit("What is the total planned envelope for the new support?") == "money"
    assert asked_unit("What is the total number of projects?") == "count"


# ---- an amount asked of a named country: not one a sentence places in another country

def test_a_sentence_placed_in_another_country_is_not_about_the_named_one():
    from app.qa.constraints.subject_evidence import about_country

    section = "Resource mobilization > Box 9: New support in Freedonia"
    text = ("The project in Freedonia is large. Meanwhile, other contributions (over US$100 thousand) "
            "support a new project in Sylvania.")
    answer = {"label": "US$100 thousand", "iri": None, "evidence": [{"section": section, "text": text}]}
    assert not about_country(answer, ["Freedonia"], ["Sylvania"])
    # a country named as a donor is no place: the box's country still vouches
    donors = ("With €67 million secured through contributions from Sylvania and the EU, allowances began.")
    answer = {"label": "€67 million", "iri": None, "evidence": [{"section": section, "text": donors}]}
    assert about_country(answer, ["Freedonia"], ["Sylvania"])


# ---- a demonym standing for people is the topic, not a place abstracted into a type token

def test_a_demonym_for_people_stays_in_the_delexicalised_question():
    from app.qa.question import Analysis, Link
    from app.qa.understand import delexicalised

    q = "Under Freedonia's new scheme, how many Freedonians working abroad does it concern?"
    a = Analysis(q, "Number")
    a.links = [Link(6, 15, "Freedonia", ["Country:FRE"]), Link(39, 50, "Freedonians", ["Country:FRE"])]
    out = delexicalised(a)
    assert "Freedonians working abroad" in out and "Freedonia's" not in out, out
    a.question = q.replace("working abroad", "workers")
    a.links = [Link(6, 15, "Freedonia", ["Country:FRE"]), Link(39, 50, "Freedonians", ["Country:FRE"])]
    assert "Freedonians" not in delexicalised(a)  # an adjective before a noun is the place's


# ---- keyword queries: closing on a tool noun; a kind noun among capitalised names

def test_a_keyword_query_closing_on_a_tool_noun_asks_the_tools_name():
    from app.qa.question import asks_tool
    from app.qa.topics.spans import asked_span

    assert asks_tool("Egypt NOSI actuarial valuation model")
    assert not asks_tool("how was the actuarial model used")  # a question, not a query closing on it
    asked = asked_span("Egypt NOSI actuarial valuation model", [(0, 5), (6, 10)], "Text")
    assert asked is not None and "tool" in asked.families, asked


def test_a_capitalised_keyword_query_asks_its_kind_noun():
    from app.qa.topics.spans import asked_span

    asked = asked_span("Freedonia health insurance decree 2024", [(0, 9)], "Scheme")
    assert asked is not None and asked.heads[0] == "decree", asked
    # a question with an auxiliary is no keyword query
    assert asked_span("Freedonia did adopt a health insurance decree in 2024", [(0, 9)], "Scheme") is None


# ---- "other than just X" sets X aside; "from what % to what %" asks both ends of a change

def test_other_than_just_sets_the_name_aside():
    from app.qa.constraints.exclusion import set_aside
    from app.qa.question import Link

    q = "Which countries were financed by something other than just the Freedonia Fund?"
    start = q.index("the Freedonia Fund")
    aside = set_aside(q, [Link(start, start + len("the Freedonia Fund"), "the Freedonia Fund", ["Organization:ff"])])
    assert aside.ids == {"Organization:ff"}, aside


def test_from_what_to_what_asks_both_ends_of_the_change():
    from app.qa.figures.numbers import change_ends, spans

    seg = "contributions to the scheme rise from 3 percent to 9 percent over a 10-year period"
    first = spans(seg)[0]
    assert [s.label for s in change_ends(seg, first)] == ["3 percent", "9 percent"]
    assert change_ends("a rate of 3 percent and 9 percent elsewhere", spans("a rate of 3 percent and 9 percent elsewhere")[0]) == []


# ---- a region asked stays a filter when the graph's answer gives way to the text

def test_a_region_stays_a_filter_when_the_text_answers(engine):
    regions = {i for i, e in engine.k.entities.items() if e["type"] == "Region"}
    for org in sorted(i for i, e in engine.k.entities.items() if e["type"] == "Organization"):
        partners = _subjects(engine, "partneredWith", org)
        placed = {r for p in partners for r in _objects(engine, "inRegion", p)}
        empty = sorted(regions - placed)
        if len(partners) < 2 or not placed or not empty or org == "Organization:ilo":
            continue
        region = empty[0]
        members = {f"Country:{iso}" for iso in region_countries(engine.k, region)}
        got = engine.ask(f"In which {engine.k.label(region)} countries did the ILO partner with the {engine.k.label(org)}?")
        assert all(engine.k.entity_by_iri(a["iri"])["id"] in members for a in got["answers"] if a.get("iri")), \
            (region, org, _labels(got), got["path"])
        return
    pytest.skip("every partner of several countries has one in every region")


# ---- "apart from the ILO, which leads it, ...": the clause describing the set-aside name goes with it

def test_a_clause_describing_the_set_aside_name_is_no_relation_asked():
    from app.qa.constraints.exclusion import set_aside
    from app.qa.question import Link

    q = "Apart from the Freedonia Office, which leads it, which agencies are part of the Widget Facility?"
    a = q.index("the Freedonia Office")
    aside = set_aside(q, [Link(a, a + len("the Freedonia Office"), "the Freedonia Office", ["Organization:fo"])])
    assert "leads" not in aside.question and "which agencies are part of" in aside.question, aside.question
    q2 = "Apart from the Freedonia Office, which agencies fund Sylvania, and which fund Ruritania?"
    aside2 = set_aside(q2, [Link(a, a + len("the Freedonia Office"), "the Freedonia Office", ["Organization:fo"])])
    assert "which agencies fund Sylvania" in aside2.question, aside2.question
