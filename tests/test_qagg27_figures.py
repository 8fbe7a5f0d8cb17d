"""Figures, years and compared names read by kind (round 27, aggregates and numbers):

- of two sentences giving a share, the one writing the question's rare words stays ahead of one
  that only repeats its frame and its year: the year is weighed by itself, not again as topic
  (app/qa/figures/dated_figures.py);
- "when did X launch the campaign to promote ratification": a beginning is dated by the word of a
  beginning, not by a year beside the question's other nouns ("ratifications to 70 by 2026"), and a
  year opening its sentence dates the beginning its clause tells (app/qa/textstep.py);
- "activities in Africa or in Asia and the Pacific": set against a bare name, the option's closing
  name is what is compared and answered; two named options whose figures two paragraphs of one
  subsection write are compared across them; a row label under several parent rows is the one
  under the parent the question's other words name (app/qa/figures/figure_rank.py);
- a keyword query naming a plural kind of thing and a table ("arab states countries improving
  operations result table 4") lists the things, not one cell of the table; "which branch ..." asks
  for a table's rows whatever scheme word follows; "adding up" one row label under the parents
  named by their words outside their glosses; "how many more X than Y" of two columns named by
  their words, and of two dated columns in the total row when no row is named
  (app/qa/figures/tables.py, app/qa/engine.py).

Pure pieces run on sentences invented here; engine tests build their questions from what the
report's sentences and the graph's facts say, never typing a fact of the report.
"""
from __future__ import annotations

import re
from types import SimpleNamespace

from app.qa.figures.dated_figures import prefer_asked_year, topic_weight
from app.qa.units import terms


def test_the_asked_year_is_not_counted_again_as_topic():
    texts = {1: "Meanwhile, new projects from escrow pools (15 per cent) continued to fund actuarial reviews.",
             2: "The largest share of resources received for new projects in 2031 came from the Union (53 per cent)."}
    question = "What share of the resources received for new projects in 2031 came from escrow pools?"
    idf = {t: 1.0 for t in terms(question)}
    idf.update({"escrow": 2.5, "pool": 2.5})  # the rare words weigh as the frame and its year do together
    assert topic_weight(question, texts[2], idf) == topic_weight(question.replace(" in 2031", ""), texts[2], idf)
    r = [SimpleNamespace(unit_id=i, score=s, found=[object()]) for i, s in ((1, 0.89), (2, 0.81))]
    got = prefer_asked_year(r, question, lambda x: texts[x.unit_id], lambda t: topic_weight(question, t, idf))
    assert [x.unit_id for x in got] == [1, 2]


def test_a_share_asked_of_a_named_source_is_that_sources_figure(engine):
    from tests.support.engine import passage_with

    # a sentence giving one source's share in brackets, in a passage whose other sentence dates the shares
    _, m = passage_with(engine, r"new projects from ([a-z ]{6,40}?) \((\d+) per cent\)")
    source, share = m.group(1), m.group(2)
    for q in (f"In 2024, what percentage of the resources for new projects came from {source}?",
              f"what share of new project resources received in 2024 was from {source}"):
        res = engine.ask(q)
        assert [a["label"] for a in res["answers"]] == [f"{share} per cent"], q


def test_a_beginning_is_dated_by_the_word_of_a_beginning(engine):
    from app.qa.textstep import TextStep
    from tests.support.engine import passage_with

    # "In <year>, ..., the ILO launched a Global Campaign to ... promote the ratification of ..."
    p, m = passage_with(engine, r"In ((?:19|20)\d\d), [^.;]{0,80}?launched an? ([A-Z]\w+ Campaign) to [^.]*?ratification"
                                r" of (Convention No\. \d+)")
    year, campaign, instrument = m.group(1), m.group(2), m.group(3)
    unit = next(u for u in engine.units.units if u.passage_id == p.id and u.start <= m.start() < u.end)
    q = f"In which year did the ILO launch the {campaign} to promote ratification?"
    assert [f.label for f in TextStep.extract(engine.text, unit, "Year", set(), q)] == [year]
    for asked in (q, f"In which year did the ILO launch the {campaign} to promote ratification of {instrument}?",
                  q.replace("the ILO launch", "the ILO start")):
        assert [a["label"] for a in engine.ask(asked)["answers"]] == [year], asked


def test_the_option_closing_on_a_name_answers_the_name(engine):
    from tests.support.engine import passage_with

    # "... followed by global activities (21 per cent), the Africa region (14 per cent) and the Asia-Pacific region (12 per cent)"
    _, m = passage_with(engine, r"the (\w+) region \((\d+) per cent\) and the ([\w-]+) region \((\d+) per cent\)")
    first, second = m.group(1), m.group(3)
    q = (f"Which got a larger share of the allocations for new projects in 2024: activities in {first} "
         f"or in {second}?")
    res = engine.ask(q)
    labels = [a["label"] for a in res["answers"]]
    assert len(labels) == 1 and not labels[0].lower().startswith("activities"), labels
    want = first if int(m.group(2)) > int(m.group(4)) else second
    assert labels[0].split()[0].lower()[:4] == want.lower()[:4]


def test_two_named_options_whose_shares_two_paragraphs_write(engine):
    from tests.support.engine import passage_with

    # "The largest share of resources ... were provided by the European Union (53 per cent)" and, a box
    # later, "allocations from the ILO's ... (RBSA) represented the next largest share ... (20 per cent)"
    _, m1 = passage_with(engine, r"largest share of resources received for new projects[^.]*? by the ([A-Z][\w ]+?) \((\d+) per cent\)")
    _, m2 = passage_with(engine, r"\(([A-Z]{3,6})\) represented the next largest share[^.]*?\((\d+) per cent\)")
    a, b = (m1.group(1), int(m1.group(2))), (m2.group(1), int(m2.group(2)))
    big, small = (a, b) if a[1] > b[1] else (b, a)
    for q, want in ((f"Did the {a[0]} or the {b[0]} provide the bigger share of new-project resources in 2024?", big),
                    (f"Which gave a smaller share of the resources for new projects in 2024, the {b[0]} or the {a[0]}?", small)):
        res = engine.ask(q)
        assert len(res["answers"]) == 1, q
        assert res["answers"][0]["value"] == want[1], q


def test_two_nested_rows_compared_under_the_parent_the_question_names(engine):
    # "Which had the bigger adequacy impact, health protection or social assistance?": "Health
    # protection" is a row under several parents; "adequacy" names the one compared
    children: dict[tuple[str, str], list] = {}
    for c in engine.tables.cells:
        if " > " in c.row and c.unit != "marked":
            children.setdefault((c.table, c.row.split(" > ")[0]), []).append(c)
    leaf_parents: dict[str, set] = {}
    for (t, p), cs in children.items():
        for c in cs:
            leaf_parents.setdefault(c.row.split(" > ")[-1], set()).add(p)
    pick = next(((p, cs) for (t, p), cs in children.items() if len(cs) == 2 and cs[0].value != cs[1].value
                 and any(len(leaf_parents[c.row.split(" > ")[-1]]) > 1 for c in cs)), None)
    assert pick, "the build has a nested row label shared by two parents"
    parent, cs = pick
    noun = re.findall(r"[A-Za-z]+", parent)[1].lower()
    a, b = (c.row.split(" > ")[-1] for c in cs)
    want = max(cs, key=lambda c: c.value).row.split(" > ")[-1]
    res = engine.ask(f"Which had the bigger {noun} impact in 2024, {a.lower()} or {b.lower()}?")
    assert [x["label"] for x in res["answers"]] == [want]


def test_a_keyword_list_naming_a_table_lists_things():
    from app.qa.figures.tables import lists_things

    assert lists_things("arab states countries improving operations result table 4")
    assert not lists_things("arab states countries improving operations result table 4 count")
    assert not lists_things("Which Arab States countries had an improving operations result in Table 4?")
    assert not lists_things("table 5 regional and country teams technical cooperation staff")


def test_countries_of_a_region_with_a_result_kind_named_by_their_table(engine):
    from tests.support.engine import result_kinds

    kinds = result_kinds(engine.k, engine.text.report_year() or "2024")
    table = next((c.table for c in engine.tables.cells if c.unit == "marked"), None)
    no = re.search(r"Table (\d+)", table or "")
    assert no, "the build has a table of marked results"
    region_of = {f["subject"]: f["object"] for f in engine.k.facts_where(predicate="inRegion")}
    by_region: dict[str, set[str]] = {}
    for c, ks in kinds.items():
        if "operations" in ks:
            by_region.setdefault(region_of.get(c), set()).add(c)
    region, members = min(((r, m) for r, m in by_region.items() if r and len(m) >= 2), key=lambda x: len(x[1]))
    name = engine.k.label(region).lower()
    res = engine.ask(f"{name} countries improving operations result table {no.group(1)}")
    from tests.support.engine import answer_ids

    assert answer_ids(engine, res) == members


def test_a_table_row_kind_asked_before_a_scheme_word(engine):
    # "Which branch saw the biggest increase in benefit adequacy?": "branch" is the kind of a table's
    # nested rows ("Branch of social security"); "benefit" after it names no scheme asked
    kinds = {t: ks for t, ks in engine.tables._row_kinds.items() if any(v == 1 for v in ks.values())}
    assert kinds, "the build has a table with nested row labels"
    table, ks = next(iter(kinds.items()))
    kind = next(k for k, v in ks.items() if v == 1)
    children: dict[str, list] = {}
    for c in engine.tables.cells:
        if c.table == table and " > " in c.row:
            children.setdefault(c.row.split(" > ")[0], []).append(c)
    parent = next(p for p, cs in children.items() if "benefit" in p.lower() and len(cs) >= 2)
    noun = re.findall(r"[A-Za-z]+", parent)[1].lower()
    best = max(children[parent], key=lambda c: c.value)
    res = engine.ask(f"Which {kind} saw the biggest increase in benefit {noun} in 2024?")
    assert [a["label"] for a in res["answers"]] == [best.row.split(" > ")[-1]]


def test_adding_up_one_row_label_under_its_parents(engine):
    # "adding up every 'Health protection' line in Table 1 (effective coverage, increased adequacy and
    # increased comprehensiveness)": each parent named by its words outside its gloss, the leaf summed
    by_leaf: dict[tuple[str, str], list] = {}
    for c in engine.tables.cells:
        if " > " in c.row and c.unit != "marked" and c.table_no:
            by_leaf.setdefault((c.table_no, c.row.split(" > ")[-1]), []).append(c)
    (no, leaf), cs = max(by_leaf.items(), key=lambda kv: len(kv[1]))
    assert len(cs) >= 3, "the build has a row label under three parents"
    parents = [re.sub(r"\s*\([^)]*\)", "", c.row.split(" > ")[0]).lower() for c in cs]
    named = ", ".join(parents[:-1]) + " and " + parents[-1]
    res = engine.ask(f"Adding up every '{leaf}' line in Table {no} ({named}), how many persons were impacted "
                     f"through {leaf.lower()} in 2024?")
    assert [a.get("value") for a in res["answers"]] == [sum(c.value for c in cs)]


def _two_column_table(engine):
    """A table of two plain columns of figures besides a total column, with a total row."""
    by_table: dict[str, list] = {}
    for c in engine.tables.cells:
        if c.unit != "marked":
            by_table.setdefault(c.table, []).append(c)
    for table, cs in by_table.items():
        cols = [c for c in dict.fromkeys(x.col for x in cs) if c.strip().lower() != "total"]
        rows = [r for r in dict.fromkeys(x.row for x in cs) if not r.lower().startswith("total")]
        if len(cols) == 2 and len(rows) == 2 and any(x.row.lower().startswith("total") for x in cs) \
                and not any(re.search(r"\d", c) for c in cols):
            return cs, cols, rows
    return None


def test_how_many_more_of_one_column_than_another_in_a_named_row(engine):
    got = _two_column_table(engine)
    assert got, "the build has a table of two columns and a total row"
    cs, cols, rows = got
    cell = {(c.row, c.col): c.value for c in cs}
    row = rows[0]
    a, b = cols
    res = engine.ask(f"How many more {a.lower()} staff than {b.lower()} staff are in {row.split('(')[0].strip()}?")
    assert [x.get("value") for x in res["answers"]] == [abs(cell[(row, a)] - cell[(row, b)])]


def test_how_many_more_in_one_dated_column_than_another_no_row_named(engine):
    # "How many more people did the programme reach in 2024 than in 2023?": the table whose columns are
    # dated by those single years answers by its total row
    dated: dict[str, dict] = {}
    for (table, col), ys in engine.tables._dated_cols.items():
        if len(ys) == 1 and re.fullmatch(r"(?:19|20)\d\d", next(iter(ys))):
            dated.setdefault(table, {})[next(iter(ys))] = col
    table, cols = next(((t, c) for t, c in dated.items() if len(c) >= 2), (None, None))
    assert table, "the build has a table with two single-year columns"
    y1, y2 = sorted(cols)[-2:]
    total = {c.col: c.value for c in engine.tables.cells if c.table == table and c.row.lower().startswith("total")}
    res = engine.ask(f"How many more people did the programme reach in {y2} than in {y1}?")
    assert [x.get("value") for x in res["answers"]] == [abs(total[cols[y2]] - total[cols[y1]])]


def test_a_sum_of_the_listed_items_the_question_dates_by_month(engine):
    # "How many people attended the two ... meetings held in September and November 2024 combined?":
    # of the four meetings the sentence lists, the two it dates to those months are added up
    from tests.support.engine import passage_with

    _, m = passage_with(engine, r"Various ([\w-]+ meetings) were organized in (20\d\d): ([^\n]*?attendees\)\.)")
    noun, year, listed = m.group(1), m.group(2), m.group(3)
    held = re.findall(r"held on \d{1,2} ([A-Z][a-z]+) \d{4} \((\d+) attendees\)", listed)
    assert len(held) >= 3, "the sentence lists three or more dated meetings with their attendees"
    (m1, n1), (m2, n2) = held[0], held[-1]
    res = engine.ask(f"How many people attended the two {noun} held in {m1} and {m2} {year} combined?")
    assert [a.get("value") for a in res["answers"]] == [int(n1) + int(n2)]
