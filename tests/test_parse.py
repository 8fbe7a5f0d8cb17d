"""The document model: sections, passages, offsets and undone conversion artefacts.

Expected values are read from the bundled report's text (the lines are quoted next to each check)
or computed independently in the test from the markdown, never pasted from the parser's output.
The second half checks the parser on small synthetic reports written here, so the structure is
shown to come from the *shape* of the text (numbered headings, short title lines, pipe tables),
not from the wording of the 2024 report.
"""
from __future__ import annotations

import re
import statistics
from pathlib import Path

import pytest

from graph.parse import is_noise, parse_file, parse_report
from graph.text import Dehyphenator, clean_paragraph, fold_confusables, strip_list_marker

REPORT = Path(__file__).resolve().parent.parent / "data" / "corpus" / "ilo-spf-flagship-annual-report-2024.md"
SOURCE = REPORT.read_text(encoding="utf-8")

EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]")
CYRILLIC_OR_GREEK = re.compile("[\u0370-\u03FF\u0400-\u04FF]")
TAG = re.compile(r"</?[a-zA-Z][a-zA-Z-]*\s*/?>")


def words(s: str) -> list[str]:
    return re.findall(r"\w+", s.lower())


@pytest.fixture(scope="module")
def doc():
    return parse_file(REPORT)


def sections_of(doc, kind):
    return [s for s in doc.sections if s.kind == kind]


def source_country_headings() -> list[str]:
    """Country entry headings, read independently from the markdown of section 2.1: the short
    lines between "2.1 Summary of country-level results 2024" and "2.2 Select thematic results"
    that are not a region name, a box, a financing line, a table row or a sentence."""
    lines = SOURCE.splitlines()
    start = next(i for i, l in enumerate(lines) if l.strip().startswith("2.1 Summary of country-level"))
    end = next(i for i, l in enumerate(lines) if l.strip().startswith("2.2 Select thematic"))
    regions = {"Africa", "Americas", "Arab States", "Asia and the Pacific", "Europe and Central Asia"}
    out = []
    for l in lines[start + 1:end]:
        t = EMOJI.sub("", l).strip()
        if not t or len(t.split()) > 5 or t in regions or t.startswith(("|", "Box", "Financ", "-", "Joint")):
            continue
        if t.endswith((".", ":", ",")) or not t[0].isupper() or t.isdigit():
            continue
        out.append(t)
    return out


# --------------------------------------------------------------------------- section tree
def test_chapters_numbered_one_to_four_in_order(doc):
    # "1. Introduction", "2. Programme results 2024", "3. Managing for results", "4. Conclusion"
    chapters = sections_of(doc, "chapter")
    assert [int(c.title.split(".")[0]) for c in chapters] == [1, 2, 3, 4]
    assert [c.start for c in chapters] == sorted(c.start for c in chapters)
    for c in chapters:
        assert c.parent is None and c.level == 1
        assert SOURCE[c.start:].startswith(c.title.split(".")[0] + ".")


def test_numbered_sections_sit_under_their_chapter(doc):
    by_id = {s.id: s for s in doc.sections}
    secs = sections_of(doc, "section")
    assert secs, "no numbered sections"
    for s in secs:
        chap = by_id[s.parent]
        assert chap.kind == "chapter"
        # "2.1 Summary of country-level results 2024" belongs to "2. Programme results 2024"
        assert s.title.split(".")[0] == chap.title.split(".")[0]
    titles = [s.title for s in secs]
    assert "2.1 Summary of country-level results 2024" in titles
    assert "3.4 Resource mobilization" in titles


def test_one_country_entry_per_country_heading(doc):
    headings = source_country_headings()
    assert len(headings) == 50  # independent count from the markdown
    entries = sections_of(doc, "country")
    assert len(entries) == 50
    by_id = {s.id: s for s in doc.sections}
    assert [e.title for e in entries] == headings
    for e in entries:
        assert e.iso3 and re.fullmatch(r"[A-Z]{3}", e.iso3), e.title
        parent = by_id[e.parent]
        assert parent.kind == "region" and e.region == parent.title, (e.title, parent.title)
        assert by_id[parent.parent].title == "2.1 Summary of country-level results 2024"
    assert len({e.iso3 for e in entries}) == 50


@pytest.mark.parametrize("title,iso3,region", [
    ("Angola", "AGO", "Africa"),  # first entry after "Africa"
    ("Togo", "TGO", "Africa"),
    ("Suriname", "SUR", "Americas"),
    ("Jordan", "JOR", "Arab States"),
    ("Occupied Palestinian Territory", "PSE", "Arab States"),
    ("Lao People's Democratic Republic", "LAO", "Asia and the Pacific"),
    ("Viet Nam", "VNM", "Asia and the Pacific"),
    ("Uzbekistan", "UZB", "Europe and Central Asia"),  # last entry, just before Box 3
])
def test_country_entry_iso3_and_region(doc, title, iso3, region):
    e = next(s for s in sections_of(doc, "country") if s.title == title)
    assert (e.iso3, e.region) == (iso3, region)


def test_boxes_attach_to_their_numbered_section(doc):
    by_id = {s.id: s for s in doc.sections}
    boxes = {int(re.match(r"Box (\d+)", b.title).group(1)): b for b in sections_of(doc, "box")}
    assert sorted(boxes) == [1, 2, 3, 4, 5]
    # "Box 3: Convention No. 102 ratification campaign" follows the Uzbekistan entry in 2.1.
    b3 = boxes[3]
    assert b3.region is None
    assert by_id[b3.parent].title == "2.1 Summary of country-level results 2024"
    # Box 2 sits between the Mozambique and Nigeria entries, yet belongs to 2.1, not to a country.
    assert boxes[2].region is None and by_id[boxes[2].parent].kind == "section"
    assert by_id[boxes[4].parent].title == "3.4 Resource mobilization"
    # ... and the entry after Box 2 is back under its region.
    nigeria = next(s for s in sections_of(doc, "country") if s.title == "Nigeria")
    assert by_id[nigeria.parent].kind == "region" and nigeria.region == "Africa"
    # Box 3's text is in the box: "In 2021, upon a call from the International Labour Conference"
    p = next(p for p in doc.passages if p.text.startswith("In 2021, upon a call from the International Labour"))
    assert p.section_id == b3.id and p.region is None


def test_section_spans_are_consistent(doc):
    n = len(SOURCE)
    for s in doc.sections:
        assert 0 <= s.start <= s.end <= n, s.id
    by_id = {s.id: s for s in doc.sections}
    for p in doc.passages:
        assert p.section_id in by_id


# --------------------------------------------------------------------------- passages
def test_passage_length(doc):
    lengths = [len(p.text.split()) for p in doc.passages]
    assert 40 <= statistics.median(lengths) <= 250
    too_long = [(p.kind, len(p.text.split()), p.text[:60]) for p in doc.passages
                if len(p.text.split()) > 260 and p.kind != "table"]
    assert not too_long


def test_passage_ids_are_unique_and_stable(doc):
    ids = [p.id for p in doc.passages]
    assert len(ids) == len(set(ids))
    again = parse_report(SOURCE, REPORT)
    assert [p.id for p in again.passages] == ids


def test_editing_one_paragraph_keeps_other_ids(doc):
    # "Angola launched the first Bulletin of Social Protection Statistics on December 17, 2024, ..."
    old = "Angola launched the first Bulletin of Social Protection Statistics"
    new = "Angola launched its very first and much awaited Bulletin of Social Protection Statistics"
    assert SOURCE.count(old) == 1
    edited = parse_report(SOURCE.replace(old, new), REPORT)
    new_ids = {p.id for p in edited.passages}
    untouched = [p for p in doc.passages if old not in p.text]
    assert len(untouched) == len(doc.passages) - 1
    changed = [p.text[:60] for p in untouched if p.id not in new_ids]
    assert not changed
    assert any(new in p.text for p in edited.passages)
    # the edited passage itself got a new id
    assert next(p for p in doc.passages if old in p.text).id not in new_ids


def test_offsets_point_at_the_source(doc):
    dehyph = Dehyphenator(SOURCE)
    bad = []
    for p in doc.passages:
        assert 0 <= p.start < p.end <= len(SOURCE), p.id
        if p.kind == "table":
            continue
        src = words(dehyph(clean_paragraph(SOURCE[p.start:p.end])))
        head = words(p.text)[:3]
        if not any(src[i:i + len(head)] == head for i in range(len(src))):
            bad.append((p.id, p.text[:50]))
    assert not bad


# --------------------------------------------------------------------------- artefacts undone
def test_no_markup_or_emoji_in_passages(doc):
    assert "<image/>" in SOURCE and "<u>" in SOURCE and "**" in SOURCE and EMOJI.search(SOURCE)
    for p in doc.passages:
        assert "<image/>" not in p.text and "<u>" not in p.text and "**" not in p.text, p.text[:80]
        assert not TAG.search(p.text), p.text[:80]
        assert not EMOJI.search(p.text), p.text[:80]


def test_glued_hyphenations_repaired(doc):
    # "Capacitybuilding activities for officials and management of the Universal National Health
    # Insurance Fund (CNAMU) ..." (Burkina Faso); the report spells "capacity-building" elsewhere.
    for glued, hyphenated in [("capacitybuilding", "capacity-building"), ("awarenessraising", "awareness-raising"),
                              ("rightsbased", "rights-based")]:
        assert glued in SOURCE.lower() and hyphenated in SOURCE.lower()
        assert not [p.text[:60] for p in doc.passages if glued in p.text.lower()], glued
    p = next(p for p in doc.passages if "officials and management of the Universal National Health" in p.text)
    assert "Capacity-building activities for officials" in p.text


def test_financing_line_split_by_page_break_is_one_passage(doc):
    # "Financing support: Ireland, Portugal and donors to UN" / (page break) / "Joint Programmes. Visit
    # our country page."
    # (the Rwanda entry has a second, unrelated financing line: "Financing support: The Multi-donor
    # Programme (MUL) ...")
    rwanda = next(s for s in sections_of(doc, "country") if s.iso3 == "RWA")
    fin = [p for p in doc.passages if "donors to UN" in p.text and p.section_id == rwanda.id]
    assert len(fin) == 1 and fin[0].kind == "financing"
    assert fin[0].text == "Financing support: Ireland, Portugal and donors to UN Joint Programmes. Visit our country page."
    assert not [p for p in doc.passages if p.text.startswith("Joint Programmes")]


def test_caption_dropped_mid_paragraph(doc):
    # Source: "... to carry out comparative assessments of the social protection" / (figure caption)
    # "Minister of Labour, Employment Opportunity and Youth Affairs of Suriname in an event on the
    # ratification of Convention No. 102, November 2024." / "legal framework against the principles
    # of Convention No. 102; to validate their results ..."
    caption = ("Minister of Labour, Employment Opportunity and Youth Affairs of Suriname in an event on the "
               "ratification of Convention No. 102, November 2024.")
    assert caption in SOURCE
    box3 = next(s for s in sections_of(doc, "box") if s.title.startswith("Box 3"))
    caps = [p for p in doc.passages if p.text == caption]
    assert len(caps) == 1 and caps[0].kind == "caption" and caps[0].section_id == box3.id
    joined = [p for p in doc.passages
              if "comparative assessments of the social protection legal framework against the principles "
                 "of Convention No. 102" in p.text]
    assert len(joined) == 1
    assert "Minister of Labour" not in joined[0].text
    assert joined[0].text.startswith("The goal is set at bringing the number of ratifications to 70 by 2026")
    assert joined[0].text.endswith("define ways forward toward ratification and implementation.")


def test_list_numbers_stripped(doc):
    # "- 2 In **Kenya**, the inclusion of the refugee population in the Haba Haba scheme ..."
    assert "- 2 In **Kenya**, the inclusion" in SOURCE
    kenya = [p for p in doc.passages if "In Kenya, the inclusion of the refugee population" in p.text]
    assert len(kenya) == 1
    assert "2 In Kenya" not in kenya[0].text
    # "13 In Viet Nam, the National Assembly adopted legislation ..." and the like, anywhere
    for p in doc.passages:
        for line in p.text.split("\n"):
            assert not re.match(r"^\d{1,2} In [A-Z]", line), line[:60]


def test_cyrillic_lookalikes_read_as_latin(doc):
    # Table 4 row "| 24. | Тодо | | | |" (Cyrillic Т, о, д, о)
    assert "| 24. | Тодо |" in SOURCE
    t4 = next(t for t in doc.tables if t.number == 4)
    row = next(r for r in t4.rows if r[0] == "24.")
    assert row[1] == "Togo"
    for p in doc.passages:
        assert not CYRILLIC_OR_GREEK.search(p.text), p.text[:80]
    assert "Togo" in next(p for p in doc.passages if p.kind == "table" and p.start == t4.start).text


def test_table_4_is_one_table_with_50_country_rows(doc):
    # Source: Table 4 is cut by a page break after "| 26. | Zambia |"; the second half repeats the
    # "Result 1 | Result 2 | Result 3" header without a caption.
    expected = [(int(n), name.strip()) for n, name in
                re.findall(r"^\|\s*(\d+)\.\s*\|\s*([^|]+?)\s*\|", SOURCE, re.M)]
    assert [n for n, _ in expected] == list(range(1, 51))
    t4s = [t for t in doc.tables if t.number == 4]
    assert len(t4s) == 1
    t4 = t4s[0]
    assert t4.title.startswith("Table 4: Institutional results summary")
    country_rows = [r for r in t4.rows if re.fullmatch(r"\d+\.", r[0])]
    assert [int(r[0][:-1]) for r in country_rows] == list(range(1, 51))
    assert [r[1] for r in country_rows] == [name.replace("Тодо", "Togo") for _, name in expected]
    # the continuation is not a table of its own
    assert sum(1 for t in doc.tables if any("Barbados" in c for r in t.rows for c in r)) == 1
    assert any("TOTAL" in " ".join(r) for r in t4.rows)


# --------------------------------------------------------------------------- graph/text.py units
def test_fold_confusables():
    assert fold_confusables("Тодо") == "Togo"
    assert fold_confusables("Kеnya") == "Kenya"  # Cyrillic е inside a Latin word
    assert fold_confusables("ΙΤUC and wно") == "ITUC and who"
    assert fold_confusables("Togo, Kenya") == "Togo, Kenya"
    # real Cyrillic/Greek words with letters that have no Latin twin stay as they are
    assert fold_confusables("Москва") == "Москва"
    assert fold_confusables("Γειά") == "Γειά"


def test_strip_list_marker():
    assert strip_list_marker("2 In Kenya, the inclusion") == "In Kenya, the inclusion"
    assert strip_list_marker("13 In Viet Nam, the Assembly") == "In Viet Nam, the Assembly"
    assert strip_list_marker("- 2 In Kenya, the inclusion") == "In Kenya, the inclusion"
    assert strip_list_marker("• Raise awareness") == "Raise awareness"
    assert strip_list_marker("ii. Strengthening capacities") == "Strengthening capacities"
    # numbers that are content, not list markers
    assert strip_list_marker("3 million people were covered") == "3 million people were covered"
    assert strip_list_marker("2024 was a year of reform") == "2024 was a year of reform"
    assert strip_list_marker("In 2024, Kenya") == "In 2024, Kenya"


def test_dehyphenator_learns_from_the_document():
    corpus = ("Capacity-building is central. We fund capacity-building. "
              "Capacitybuilding workshops were held. Social protection matters. Social protection "
              "systems. Social protection floors. Socialprotection appears once.")
    d = Dehyphenator(corpus)
    assert d("Capacitybuilding workshops") == "Capacity-building workshops"
    assert d("more capacitybuilding") == "more capacity-building"
    # both halves are frequent and the bigram is attested: split at the seam
    assert d("socialprotection") == "social-protection"
    # short words and frequent words are left alone
    assert d("database") == "database"
    assert Dehyphenator("workshop workshop workshop work shop")("workshop") == "workshop"
    # nothing known, nothing changed
    assert Dehyphenator("a b c")("longtermism") == "longtermism"


def test_is_noise():
    assert is_noise("")
    assert is_noise("12")  # page number
    assert is_noise("iv")  # roman page number
    assert is_noise("²")  # lone footnote marker (no letter or digit)
    assert is_noise("• •")
    assert is_noise("RTROPERLAUNNA")  # scrambled running header
    assert not is_noise("Africa")
    assert not is_noise("ILO")
    assert not is_noise("Financing support: Japan.")
    assert not is_noise("2024 was a year of reform")


# --------------------------------------------------------------------------- synthetic reports
FILLER = ("The programme team worked with the ministry, the social security institution and the social "
          "partners throughout the year, holding consultations, drafting technical notes and training "
          "staff so that the reform could be implemented on time and with broad national ownership.")


def synthetic_report(c1="Ghana", c2="Kenya", region="Africa", year="2030") -> str:
    return f"""Building better systems

Annual Report {year}

Contents

| 1. Overview | 3 |
|---|---|
| 2. What we achieved | 5 |
| 2.1 Country-level work | 6 |

1. Overview

{FILLER} This overview explains how the work was organised, financed and evaluated in {year}.

2. What we achieved in {year}

Table 1: Results by country and type ({year})

| | | Result 1 | Result 2 | Result 3 |
|---|---|---|---|---|
| | | Policies and strategies | Introduction, reform of schemes | Improving operations |
| {region} | | | | |
| 1. | {c1} | | • | |

12

| | | Result 1 | Result 2 | Result 3 |
|---|---|---|---|---|
| 2. | {c2} | • | | • |
| 2 Results achieved (TOTAL) | | 1 | 1 | 1 |

2.1 Country-level work

{region}

{c1} 🔵

In {year}, {c1} extended its health insurance to domestic workers, with technical advice on contribution rates and registration procedures. {FILLER} The new scheme was launched

7

in the capital region first and will be rolled out to the other regions next year, according to the plan agreed with the social partners.

Financing support: Norway and donors to UN

Joint Programmes. Visit our country page.

Box 1: A campaign for ratification

The campaign promotes the ratification of the social security conventions. {FILLER}

{c2} 🔴 🔵

{c2} adopted a new national policy in {year}, which the government said would guide the reform of the national pension

A community health worker registers a family for the new scheme, May {year}.

system over the next five years and bring it in line with international standards. {FILLER}

Financing support: European Union. Visit our country page.

2.2 Lessons learned

{FILLER} Lessons were drawn and shared with all the teams.
"""


@pytest.fixture(scope="module")
def fake():
    return parse_report(synthetic_report(), "annual-report-2030.md")


def test_synthetic_chapters_and_sections(fake):
    chapters = [s.title for s in fake.sections if s.kind == "chapter"]
    # the table of contents rows "| 1. Overview | 3 |" open nothing
    assert chapters == ["1. Overview", "2. What we achieved in 2030"]
    by_id = {s.id: s for s in fake.sections}
    secs = [s for s in fake.sections if s.kind == "section"]
    assert [s.title for s in secs] == ["2.1 Country-level work", "2.2 Lessons learned"]
    assert all(by_id[s.parent].title == "2. What we achieved in 2030" for s in secs)


def test_synthetic_region_and_country_entries(fake):
    by_id = {s.id: s for s in fake.sections}
    regions = [s for s in fake.sections if s.kind == "region"]
    assert [r.title for r in regions] == ["Africa"]
    assert by_id[regions[0].parent].title == "2.1 Country-level work"
    entries = [s for s in fake.sections if s.kind == "country"]
    assert [(e.title, e.iso3, e.region) for e in entries] == [("Ghana", "GHA", "Africa"), ("Kenya", "KEN", "Africa")]
    # Kenya comes after the box but is still an entry of its region, not of the box
    assert all(e.parent == regions[0].id for e in entries)


def test_synthetic_structure_follows_shape_not_names():
    doc = parse_report(synthetic_report("Mongolia", "Samoa", "Asia and the Pacific", "2031"), "ar-2031.md")
    entries = [s for s in doc.sections if s.kind == "country"]
    assert [(e.iso3, e.region) for e in entries] == [("MNG", "Asia and the Pacific"), ("WSM", "Asia and the Pacific")]
    assert [s.title for s in doc.sections if s.kind == "chapter"] == ["1. Overview", "2. What we achieved in 2031"]


def test_synthetic_financing_line_joined_across_page_break(fake):
    ghana = next(s for s in fake.sections if s.iso3 == "GHA")
    fin = [p for p in fake.passages if p.section_id == ghana.id and p.kind == "financing"]
    assert [p.text for p in fin] == ["Financing support: Norway and donors to UN Joint Programmes. Visit our country page."]
    kenya = next(s for s in fake.sections if s.iso3 == "KEN")
    assert [p.text for p in fake.passages if p.section_id == kenya.id and p.kind == "financing"] == [
        "Financing support: European Union. Visit our country page."]


def test_synthetic_sentence_cut_by_page_number_is_joined(fake):
    p = [p for p in fake.passages if "The new scheme was launched in the capital region first" in p.text]
    assert len(p) == 1
    assert " 7 " not in p[0].text


def test_synthetic_caption_dropped_mid_paragraph(fake):
    caption = "A community health worker registers a family for the new scheme, May 2030."
    caps = [p for p in fake.passages if p.text == caption]
    assert len(caps) == 1 and caps[0].kind == "caption"
    joined = [p for p in fake.passages if "reform of the national pension system over the next five years" in p.text]
    assert len(joined) == 1 and caption not in joined[0].text
    kenya = next(s for s in fake.sections if s.iso3 == "KEN")
    assert joined[0].section_id == kenya.id


def test_synthetic_box_belongs_to_its_section(fake):
    by_id = {s.id: s for s in fake.sections}
    box = next(s for s in fake.sections if s.kind == "box")
    assert box.title == "Box 1: A campaign for ratification"
    assert by_id[box.parent].title == "2.1 Country-level work" and box.region is None
    p = next(p for p in fake.passages if p.text.startswith("The campaign promotes the ratification"))
    assert p.section_id == box.id


def test_synthetic_table_continued_after_page_break(fake):
    # two tables: the contents table of the front matter and Table 1 (whose second half after the
    # page number "12" repeats the header without a caption and must not become a third table)
    assert len(fake.tables) == 2
    assert fake.tables[0].section_id == "front-matter" and fake.tables[0].number is None
    t = fake.tables[1]
    assert t.number == 1 and t.title == "Table 1: Results by country and type (2030)"
    rows = [r for r in t.rows if re.fullmatch(r"\d+\.", r[0])]
    assert [r[1] for r in rows] == ["Ghana", "Kenya"]
    assert rows[1][2:] == ["•", "", "•"]
    tables = [p for p in fake.passages if p.kind == "table" and "Table 1" in p.text]
    assert len(tables) == 1 and "Kenya" in tables[0].text and "Ghana" in tables[0].text


def test_synthetic_no_artefacts(fake):
    text = synthetic_report()
    for p in fake.passages:
        assert not EMOJI.search(p.text)
        start_words = words(p.text)[:3]
        if p.kind != "table":
            assert " ".join(start_words) in " ".join(words(text[p.start:p.end]))
