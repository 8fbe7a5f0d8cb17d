"""A count whose words qualify the relation the graph holds counts the names a sentence lists
(app/qa/figures/listed_subset.py).  Expected sets are read here from the report's own sentence (names
matched against the knowledge base's labels), and the questions are written here.
"""
from __future__ import annotations

from app.qa.figures.listed_subset import choose


def _listed_after(engine, marker: str, stop: str) -> set[str]:
    """Country ids whose labels appear between ``marker`` and ``stop`` in the one sentence holding them."""
    for u in engine.units.units:
        if marker in u.text:
            seg = u.text[u.text.index(marker):]
            seg = seg[:seg.index(stop)] if stop in seg else seg
            return {l.ids[0] for l in engine.lexicon.link(seg) if l.type == "Country"}
    raise AssertionError(f"the report no longer writes {marker!r}")


def test_choose_prefers_the_clause_the_relation_holds():
    clauses = [("since the launch A, B, C ratified", ["C:a", "C:b", "C:c"]), ("inquired D, E, F", ["C:d", "C:e", "C:f"])]
    assert choose(clauses, ["C:a", "C:b", "C:c", "C:z"], None, None, ["since"]) == \
        ("since the launch A, B, C ratified", ["C:a", "C:b", "C:c"], ["C:a", "C:b", "C:c"])
    # a refinement must write at least half the qualifying words itself ("at least" is no qualifier)
    assert choose(clauses, ["C:a", "C:b", "C:c", "C:z"], None, None, ["campaign"]) is None
    # a list the relation does not hold replaces it only when it writes the qualifying words itself
    assert choose([("allocated to X, Y, W", ["C:x", "C:y", "C:w"])], ["C:a", "C:x"], None, None, ["allocat"])[2] == \
        ["C:x", "C:y", "C:w"]
    assert choose([("allocated to X, Y, W", ["C:x", "C:y", "C:w"])], ["C:a"], None, None, ["allocat"]) is None
    assert choose([("allocated to X, Y, W", ["C:x", "C:y", "C:w"])], ["C:a"], None, None, ["campaign"]) is None


def test_count_since_the_campaign_is_the_listed_ratifications(engine):
    listed = _listed_after(engine, "Since the Campaign", "while")
    assert len(listed) >= 3
    r = engine.ask("Since the C102 ratification campaign began, how many member states ratified the convention?")
    assert r["answers"][0]["label"] == str(len(listed))
    assert set(r["answers"][0]["counted_iris"]) == {engine.k.iri(i) for i in listed}


def test_new_phase_count_keeps_the_region_filter(engine):
    listed = _listed_after(engine, "new phase", "Throughout")
    from graph.countries import ilo_region

    placed = {f["subject"]: f["object"] for f in engine.k.facts if f["predicate"] == "inRegion"}
    africa = {i for i in listed if placed.get(i) == "Region:africa" or
              (i not in placed and ilo_region(i.split(":", 1)[1]) == engine.k.label("Region:africa"))}
    want = listed & africa
    assert 0 < len(want) < len(listed)
    r = engine.ask("In how many African countries did the IMF and the ILO agree to embark on their new phase of work?")
    assert r["answers"][0]["label"] == str(len(want))


def test_plain_relation_count_is_untouched(engine):
    listed = _listed_after(engine, "Since the Campaign", "while")
    r = engine.ask("how many countries have ratified convention no. 102")
    assert int(r["answers"][0]["label"]) > len(listed)  # every ratification the graph holds, not one sentence's list
    assert not any("qualify" in p for p in r["path"])


def _labels(r) -> set[str]:
    return {a["label"] for a in r["answers"]}


def test_list_qualified_by_a_sentence_is_that_sentences_names(engine):
    """A list question whose extra words ('pilot', 'new phase') point at one sentence answers that
    sentence's names: the part of the graph's set it qualifies, in any wording."""
    everyone = _labels(engine.ask("Which countries did the ILO partner with the IMF?"))
    for marker, stop, wordings in (
            ("pilot countries", "through", ("ilo-imf pilot countries",
                                            "Which were the pilot countries of the ILO and IMF collaboration?",
                                            "imf ilo pilot country list")),
            ("new phase", "Throughout", ("ilo imf new phase countries",
                                         "Which countries are in the new phase of the ILO-IMF partnership?"))):
        want = {engine.k.label(i) for i in _listed_after(engine, marker, stop)}
        assert 3 <= len(want) < len(everyone)
        for q in wordings:
            r = engine.ask(q)
            assert _labels(r) == want, q
            assert r["path"], q  # and says why (the listed sentence, or the text step that read it)


def test_a_list_never_adds_names_the_graph_does_not_hold(engine):
    """The listed sentence only narrows a list: a question whose graph set is not a superset of any
    sentence's list keeps its graph answer (no names from another list)."""
    plain = engine.ask("Which countries did the ILO partner with the IMF?")
    assert not any("qualify the relation" in p for p in plain["path"])
    pathfinders = _labels(engine.ask("Which countries are Global Accelerator pathfinders?"))
    r = engine.ask("global accelerator pathfinders joined 2023")
    assert _labels(r) and _labels(r) <= pathfinders


def test_a_listed_sentence_refines_one_relation_of_a_chain(engine):
    """'pilot countries that are also pathfinders': the pilot list refines the partnership, then the
    second relation filters it; 'pilot or new-phase' asks for a union, which no one sentence lists."""
    pilot = {engine.k.label(i) for i in _listed_after(engine, "pilot countries", "through")}
    pathfinders = _labels(engine.ask("Which countries are Global Accelerator pathfinders?"))
    want = pilot & pathfinders
    assert want and want < pilot
    for q in ("Which of the original ILO-IMF pilot countries are also Global Accelerator pathfinders?",
              "ilo imf pilot countries that are global accelerator pathfinders"):
        assert _labels(engine.ask(q)) == want, q
    union = engine.ask("Which of the ILO-IMF pilot or new-phase countries are Global Accelerator pathfinders?")
    assert not any("qualify the relation" in p for p in union["path"])
