"""Which lines of a converted report are headings: the report's own contents table, and the
lines that look like titles but are a table's cells, a picture's label, a link or a closing line.

Every document here is made up; the titles, countries and numbers are invented, so the structure
can only come from the shape of the text and from the contents table the document carries.
"""
from __future__ import annotations

from graph.contents import contents_entries, heading_key, listed_headings
from graph.parse import heading_kind, parse_report

BODY = ("The programme worked with the ministry and the social partners throughout the year to "
        "extend coverage, train staff and improve the delivery of benefits to the people concerned.")


def _report(contents_rows: list[str], body: list[str]) -> str:
    """A small report: title, a contents table (rows 'title | page'), then the body lines."""
    toc = "\n".join(f"| {r} |" for r in contents_rows)
    return "\n\n".join(["Annual Review 2031", "Contents", "| Preface | ii |\n|--|--|\n" + toc] + body) + "\n"


def _titles(doc, kind: str = "thematic") -> list[str]:
    return [s.title for s in doc.sections if s.kind == kind]


def _section_of(doc, needle: str) -> str:
    return next(doc.section(p.section_id).title for p in doc.passages if needle in p.text)


def test_contents_table_is_read_by_shape_not_by_name():
    rows = ["Preface | ii", "1. Overview | 1", "Strand A: Field work | 2", "Lessons learnt | 9", "2. Outlook | 12"]
    assert contents_entries(rows) == ["Preface", "1. Overview", "Strand A: Field work", "Lessons learnt", "2. Outlook"]
    # a glossary (second cell is words) and a data table (several figures per row) are not contents
    assert contents_entries(["ABC | Agency for Basic Care", "XYZ | Xylophone Youth Zone", "QQ | Quick Quote",
                             "RR | Rapid Response"]) is None
    assert contents_entries(["Step 1 | 4 | 5 | 9", "Step 2 | 1 | 2 | 3", "Step 3 | 7 | 7 | 14", "Total | 12 | 14 | 26"]) is None
    # a title cut over two rows is listed whole as well; captions listed in a table of figures are not headings
    keys = listed_headings([["Preface | ii", "1. Overview | 1", "Cooperation Board on Rural Pensions | ",
                             "and Care Services (CBRP) | 3", "Figure 2: Growth of coverage | 4", "2. Outlook | 9"]])
    assert heading_key("Cooperation Board on Rural Pensions and Care Services (CBRP)") in keys
    assert heading_key("Figure 2: Growth of coverage") not in keys


def test_listed_long_title_with_comma_is_a_heading():
    long_title = ("Reaching workers in every form of employment, including home-based, seasonal and "
                  "platform workers in the rural economy")
    assert heading_kind(long_title, long_title) is None  # unlisted, it reads as a sentence without its full stop
    body = ["1. Overview", BODY, "1.1 Themes", BODY, long_title,
            "Home-based workers joined the new voluntary scheme in three provinces in 2031 after a campaign.",
            "Pension reform", BODY]
    doc = parse_report(_report(["1. Overview | 1", "1.1 Themes | 2", f"{long_title} | 3", "Pension reform | 4"], body))
    assert long_title in _titles(doc)
    assert _section_of(doc, "Home-based workers joined") == long_title
    assert _section_of(doc, "Home-based workers joined") != "1.1 Themes"


def test_listed_label_heading_with_colon():
    body = ["1. Overview", BODY, "Strand A: Field work", "Field teams visited forty districts and recorded the needs of households.",
            "Strand B: Policy advice", "Advisers drafted two bills for the parliament of the republic in 2031."]
    doc = parse_report(_report(["1. Overview | 1", "Strand A: Field work | 2", "Strand B: Policy advice | 3"], body))
    assert {"Strand A: Field work", "Strand B: Policy advice"} <= set(_titles(doc))
    assert _section_of(doc, "Advisers drafted") == "Strand B: Policy advice"
    # the same lines with no contents table naming them stay body text (a colon usually labels a line)
    plain = parse_report("\n\n".join(["Annual Review 2031"] + body) + "\n")
    assert "Strand A: Field work" not in _titles(plain)


def test_title_ending_in_an_acronym_is_not_cut_at_a_pronoun():
    for title in ("Cooperation with the World Meteorological Organization (WMO)",
                  "Joint work with the Agency for Rural Pensions (WHO)", "Partnership with ARP and WHO"):
        assert heading_kind(title, title) == "thematic", title
    assert heading_kind("Support went to those who", "Support went to those who") is None


def test_link_lines_and_open_brackets_are_not_headings():
    assert heading_kind("More information on the Rural Pensions Board",
                        "More information on the <u>Rural Pensions Board</u>") is None
    assert heading_kind("Visit the pensions portal www.example.org", "Visit the pensions portal www.example.org") is None
    assert heading_kind("Advisers needed (to respond", "Advisers needed (to respond") is None
    assert heading_kind("Rural Pensions Board (RPB)", "Rural Pensions Board (RPB)") == "thematic"


def test_loose_table_cells_after_a_caption_are_not_headings():
    body = ["1. Overview", BODY, "Staffing", BODY, "• Table 3: Adviser posts planned for the next phase",
            "Posts kept from the first phase", "Head office", "- actuary", "- statistician",
            "Posts to be created", "- public finance",
            "The posts above will be filled once the programme has raised the resources it needs for the phase.",
            "Training", "Two hundred officials took the course on pension administration in 2031."]
    doc = parse_report(_report(["1. Overview | 1", "Staffing | 2", "Training | 3"], body))
    titles = _titles(doc)
    assert "Staffing" in titles and "Training" in titles  # a heading after the table is read again
    for cell in ("Posts kept from the first phase", "Head office", "Posts to be created"):
        assert cell not in titles
    assert _section_of(doc, "The posts above") == "Staffing"


def test_a_pictures_label_repeated_below_is_not_a_heading():
    body = ["1. Overview", BODY, "Publications", BODY, "Pensions for Seasonal Workers in the Highlands",
            'Report: "Pensions for Seasonal Workers in the Highlands"',
            "Online tools", "The pensions portal received forty thousand visits from users in 2031 and 2032."]
    doc = parse_report(_report(["1. Overview | 1", "Publications | 2", "Online tools | 3"], body))
    titles = _titles(doc)
    assert "Pensions for Seasonal Workers in the Highlands" not in titles
    assert {"Publications", "Online tools"} <= set(titles)
    label = next(p for p in doc.passages if p.text.startswith("Pensions for Seasonal Workers"))
    assert label.kind == "caption"  # kept, but not glued to the list it sits in
    # a heading its first sentence names and then goes on about is still a heading
    body2 = ["1. Overview", BODY, "Rural Pensions Working Group",
             "In 2031 the Rural Pensions Working Group met twice and agreed a work plan for the coming years."]
    assert "Rural Pensions Working Group" in _titles(parse_report(_report(["1. Overview | 1"], body2)))


def test_a_closing_line_with_nothing_under_it_is_not_a_heading():
    body = ["1. Overview", BODY, "Agency for Rural Pensions Avenue des Champs 4 9999 Capital City"]
    doc = parse_report(_report(["1. Overview | 1"], body))
    assert _titles(doc) == []
    last = doc.passages[-1]
    assert last.text.startswith("Agency for Rural Pensions Avenue") and last.kind == "caption"  # kept, and apart
