"""Aggregates, result-kind conditions, choices among named things, table cells by their years, and
numbers read from sentences, asked in wordings no tuning set uses.

The engine is asked over the bundled report; the expected answers are computed from the knowledge
base's facts and the table cells in Python (a different route than the engine's SPARQL), and the
questions are written from templates over whatever entities the build holds, so an altered report
changes the expectations with it.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from app.qa.figures import numbers
from app.qa.form.spelling import _opening_wh
from app.qa.figures.tables import year_marks


# -- pure pieces ---------------------------------------------------------------------------------
def test_year_ranges_are_read_whole():
    assert year_marks("Impacts 2021-22") == {"2021-2022"}
    assert year_marks("Flagship Programme ambition 2021-25") == {"2021-2025"}
    assert year_marks("Total results achieved in 2021-2024") == {"2021-2024"}
    assert year_marks("Impacts in 2023") == {"2023"}


def test_a_number_of_other_things_or_a_day_is_not_the_count_asked():
    near = lambda w: w.lower() in ("staff", "gtt")  # noqa: E731
    seg = "The team had 97 staff in May 2025, spanning 41 countries."
    assert numbers.pick(seg, "How many staff did the team have in May 2025?", near).value == 97
    seg = "One meeting was held on 04 March 2024 (52 attendees)."
    assert numbers.pick(seg, "How many attendees did the meeting have?", lambda w: w.lower().startswith("attend")).value == 52


def test_a_misspelt_opening_word_is_a_question_word():
    assert _opening_wh("wich") == "which"
    assert _opening_wh("wat") == "what"
    assert _opening_wh("malawi") is None


# -- the engine over the bundled report ----------------------------------------------------------
def _ids(res) -> set[str]:
    return {"Country:" + a["iso3"] for a in res["answers"] if a.get("iso3")}


def _region_of(k) -> dict[str, str]:
    return {f["subject"]: f["object"] for f in k.facts if f["predicate"] == "inRegion"}


def _kinds(k, year: str | None = None) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for f in k.facts:
        if f["predicate"] == "achievedResult" and (year is None or f["attrs"].get("year") == year):
            out[f["subject"]].add(f["attrs"]["result_type"])
    return out


def test_superlative_ranks_the_funders_of_a_region(engine):
    k = engine.k
    region_of = _region_of(k)
    per: dict[str, Counter] = defaultdict(Counter)
    for f in k.facts:
        if f["predicate"] == "fundedBy" and f["subject"].startswith("Country:") and \
                (k.entity(f["object"]) or {}).get("type") == "Organization":
            per[region_of.get(f["subject"])][f["object"]] += 1
    region, counts = next((r, c) for r, c in per.items() if r and len(c) > 1 and
                          c.most_common(2)[0][1] > c.most_common(2)[1][1])
    best = k.label(counts.most_common(1)[0][0])
    name = k.label(region)
    for q in (f"Which donor funds the most priority countries in {name}?",
              f"Which organisation finances the greatest number of {name} countries?"):
        res = engine.ask(q)
        assert [a["label"] for a in res["answers"]] == [best], q
        assert res["strategy"] == "graph-aggregate"


def test_a_named_region_filters_a_count_rather_than_grouping_by_region(engine):
    k = engine.k
    region_of = _region_of(k)
    funded = defaultdict(set)
    for f in k.facts:
        if f["predicate"] == "fundedBy" and f["subject"].startswith("Country:"):
            funded[f["object"]].add(f["subject"])
    funder, countries = max(funded.items(), key=lambda kv: len({region_of.get(c) for c in kv[1]}))
    region = Counter(region_of.get(c) for c in countries).most_common(1)[0][0]
    expected = sum(1 for c in countries if region_of.get(c) == region)
    res = engine.ask(f"What is the number of countries in {k.label(region)} funded by the {k.label(funder)}?")
    assert res["answer_type"] == "Number" and res["answers"][0]["value"] == expected


def test_result_kind_set_conditions(engine):
    kinds = _kinds(engine.k)
    n_types = len({t for ts in kinds.values() for t in ts})
    every = {c for c, ts in kinds.items() if len(ts) == n_types}
    res = engine.ask("Which countries achieved all three result types?")
    assert _ids(res) == every
    several = {c for c, ts in kinds.items() if len(ts) >= 2}
    assert several
    assert _ids(engine.ask("which countries got more than one kind of institutional result")) == several
    single = sum(1 for ts in kinds.values() if len(ts) == 1)
    res = engine.ask("How many countries recorded exactly one type of institutional result?")
    assert res["answers"][0]["value"] == single


def test_result_type_read_with_the_table_heading_words_and_a_region_set_aside(engine):
    k = engine.k
    region_of = _region_of(k)
    policies = {c for c, ts in _kinds(k).items() if "policies_strategies" in ts}
    africa = {c for c in policies if region_of.get(c) == "Region:africa"}
    assert africa and policies - africa
    res = engine.ask("Which African countries adopted a national social protection policy or strategy according to Table 4?")
    assert _ids(res) == africa
    res = engine.ask("Leaving aside Africa, which countries got a policy or strategy adopted in the institutional results?")
    assert _ids(res) == policies - africa


def test_a_pick_among_named_countries(engine):
    k = engine.k
    kinds = _kinds(k)
    priority = {f["subject"] for f in k.facts if f["predicate"] == "inRegion"} & \
        {e for e, ent in k.entities.items() if ent["type"] == "Country" and ent["attrs"].get("priority")} or \
        {f["subject"] for f in k.facts if f["predicate"] == "inRegion"}
    with_result = sorted(c for c in priority if c in kinds)
    without = sorted(c for c in priority if c not in kinds and k.label(c))
    assert with_result and without
    a, b = without[0], with_result[0]
    res = engine.ask(f"Between {k.label(a)} and {k.label(b)}, which one recorded an institutional result?")
    assert _ids(res) == {b}
    assert res["answer_type"] == "Country"


def test_table_cell_addressed_by_its_column_years(engine):
    cells = [c for c in engine.tables.cells if c.unit != "marked" and c.table_no
             and engine.tables._dated_cols.get((c.table, c.col)) and "-" in next(iter(year_marks(c.col)))]
    assert cells
    c = cells[0]
    years = next(iter(year_marks(c.col)))
    rng = c.col[c.col.index(years[:4]):].split()[0]  # the range as the column writes it ("2021-22")
    res = engine.ask(f"According to Table {c.table_no}, what was the figure for {c.row.split('>')[-1].strip()} in {rng}?")
    assert res["answers"] and res["answers"][0]["value"] == c.value


def test_a_table_named_superlative_is_read_from_the_table(engine):
    groups = defaultdict(list)
    for c in engine.tables.cells:
        if ">" in c.row and c.unit != "marked":
            groups[(c.table_no, c.row.split(">", 1)[0].strip())].append(c)
    (no, group), cells = next((g, cs) for g, cs in groups.items() if len({c.value for c in cs}) == len(cs) > 1)
    best = max(cells, key=lambda c: c.value).row.split(">")[-1].strip()
    res = engine.ask(f"Which branch of social security accounted for the most people under {group.lower()} in Table {no}?")
    assert [a["label"] for a in res["answers"]] == [best]


def test_absent_names_and_country_figures(engine):
    from app.qa.constraints.absent import absent_names

    vocab = engine.lexicon.vocab
    assert absent_names("Which schemes did the ILO support in Atlantisia?", [], vocab) == ["Atlantisia"]
    assert absent_names("What was launched in Sept 2024 by the ILO?", [], vocab) == []
    # a hyphenated acronym is in the report's vocabulary by its parts ("M-GA" as "m" + "ga")
    hyphenated = next(w for w in sorted(vocab) if "-" not in w and len(w) == 2 and w.isalpha())
    assert absent_names(f"How much went to the Zq-{hyphenated.upper()} in 2024?", [], vocab) == []
    res = engine.ask("Did the ILO help any scheme in Atlantisia? If so, which ones?")
    assert res["answers"] == [] and "Atlantisia" in res["message"]
    # a programme-wide figure is no answer for one country
    prog = next(e for e, ent in engine.k.entities.items() if ent["type"] == "Initiative"
                and engine.k.facts_where(subject=e, predicate="hasQuantity"))
    absent_country = next(e for e, ent in engine.k.entities.items() if ent["type"] == "Country"
                          and not engine.k.facts_where(subject=e) and not engine.k.facts_where(obj=e))
    res = engine.ask(f"How many people did the {engine.k.label(prog)} reach in {engine.k.label(absent_country)}?")
    assert res["answers"] == []


def test_table_difference_column_total_and_most_marked_column(engine):
    cells = [c for c in engine.tables.cells if c.unit != "marked" and c.table_no]
    # a difference of two dated columns of one row
    by_row = defaultdict(dict)
    for c in cells:
        ys = engine.tables._dated_cols.get((c.table, c.col))
        if ys and len(ys) == 1:
            by_row[(c.table_no, c.row)][next(iter(ys))] = c
    (no, row), cols = next((k, v) for k, v in by_row.items() if len(v) >= 2 and ">" not in k[1])
    (y1, c1), (y2, c2) = list(cols.items())[:2]
    res = engine.ask(f"According to Table {no}, how many more for {row} in {y1} than in {y2}?")
    assert res["answers"] and res["answers"][0]["value"] == abs(c1.value - c2.value)
    # a column added over its year rows, in a table with no total row
    per_table = defaultdict(list)
    for c in cells:
        per_table[(c.table_no, c.col)].append(c)
    (no, col), xs = next((k, v) for k, v in per_table.items() if len(v) > 2
                         and all(year_marks(x.row) for x in v) and not any(x.row.lower().startswith("total") for x in v))
    res = engine.ask(f"What is the total {col.lower()} in Table {no} over all years?")
    assert res["answers"] and res["answers"][0]["value"] == sum(x.value for x in xs)
    # the column of a table of marks with the most marked rows
    marks = defaultdict(int)
    for c in engine.tables.cells:
        if c.unit == "marked":
            marks[c.col] += c.value > 0
    best = max(marks.values())
    res = engine.ask("Which result type was achieved by the most countries?")
    from app.qa.figures.tables import heading
    assert sorted(a["label"] for a in res["answers"]) == sorted(heading(c) for c, n in marks.items() if n == best)
    assert all(a["evidence"] for a in res["answers"])


def test_comparison_of_two_named_funders_and_a_pick_of_funders(engine):
    k = engine.k
    funded = defaultdict(set)
    for f in k.facts:
        if f["predicate"] == "fundedBy" and f["subject"].startswith("Country:") and f["object"].startswith("Organization:gov-"):
            funded[f["object"]].add(f["subject"])
    ranked = sorted(funded.items(), key=lambda kv: -len(kv[1]))
    (big, bc), (small, sc) = next((x, y) for x in ranked for y in ranked if len(x[1]) > len(y[1]) > 0)
    b, s = k.label(big), k.label(small)
    res = engine.ask(f"Which funds more countries, {s} or {b}?")
    assert [a["label"] for a in res["answers"]] == [b]
    res = engine.ask(f"Does {b} fund fewer countries than {s}?")
    assert [a["label"] for a in res["answers"]] == [s]
    # "between A and B, which one finances C": a country funded by one of them only
    only = next(c for c in sc if c not in bc)
    res = engine.ask(f"Between {b} and {s}, which one finances {k.label(only)}?")
    assert [a["label"] for a in res["answers"]] == [s]


def test_a_ranking_sets_a_named_funder_aside(engine):
    k = engine.k
    region_of = _region_of(k)
    per: dict[str, Counter] = defaultdict(Counter)
    for f in k.facts:
        if f["predicate"] == "fundedBy" and f["subject"].startswith("Country:") and \
                (k.entity(f["object"]) or {}).get("type") in ("Organization", "Initiative"):  # pooled funds fund too
            per[region_of.get(f["subject"])][f["object"]] += 1
    region, counts = next((r, c) for r, c in per.items() if r and len(c) > 2
                          and len({n for _, n in c.most_common(3)}) == 3)
    (first, _), (second, _) = counts.most_common(2)
    res = engine.ask(f"Apart from the {k.label(first)}, which funder supports the most {k.label(region)} countries?")
    assert [a["label"] for a in res["answers"]] == [k.label(second)]
