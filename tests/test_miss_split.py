"""``benchmarks/miss_split.py`` and ``app/misscause.py``: every imperfect answer is put under one
cause by a fixed rule, and a held-out set is reported as counts only, never as text.

The entities used are picked from the build (a funding statement, two countries no statement
joins), so the tests hold for any report."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from app.knowledge import Knowledge
from app.misscause import AUTHOR_ORGS, GraphNames, classify, neighbourhood, tally, two_step_neighbourhood

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def names(built_data_dir) -> GraphNames:
    return GraphNames(Knowledge(built_data_dir))


def _funding(k) -> tuple[dict, dict]:
    """A country and one of its funders (an organisation), from the graph."""
    for f in k.facts:
        if f["predicate"] == "fundedBy" and f["subject"].startswith("Country:") and f["object"].startswith("Organization:"):
            return k.entities[f["subject"]], k.entities[f["object"]]
    raise AssertionError("no funding statement in the build")


def _unlinked_countries(k, names) -> tuple[dict, dict]:
    countries = sorted((e for e in k.entities.values() if e["type"] == "Country"), key=lambda e: e["id"])
    for a in countries:
        far = two_step_neighbourhood(k, a["id"])[1]
        for b in countries:
            if b["id"] != a["id"] and b["id"] not in far and a["id"] not in two_step_neighbourhood(k, b["id"])[1]:
                return a, b
    raise AssertionError("every country is linked to every other")


def _chained_countries(k) -> tuple[dict, dict, str]:
    """Two countries no statement joins but a chain of two does, and the middle entity."""
    countries = sorted((e for e in k.entities.values() if e["type"] == "Country"), key=lambda e: e["id"])
    for a in countries:
        near, far = two_step_neighbourhood(k, a["id"])
        for b in countries:
            if b["id"] in far - near and a["id"] not in neighbourhood(k, b["id"]):
                middle = sorted(near & neighbourhood(k, b["id"]) - {a["id"], b["id"]})
                return a, b, middle[0]
    raise AssertionError("no two countries joined only through a third entity")


def test_gold_named_nowhere_in_the_graph_is_an_absent_entity(names):
    q = {"question": "Which fund pays for the lighthouses?", "answer_type": "Organization",
         "gold": ["Fund for Imaginary Lighthouses"], "aliases": {}}
    v = classify(q, [], (0.0, 0.0, 0.0), names)
    assert v.cause == "entity_absent" and v.absent == ["Fund for Imaginary Lighthouses"]


def test_gold_found_by_alias_acronym_or_iso_code_is_present(names):
    k = names.k
    country, funder = _funding(k)
    by_alias = {"question": "who pays?", "answer_type": "Organization", "gold": ["Some Other Wording"],
                "aliases": {"Some Other Wording": [k.names(funder["id"])[-1]]}}
    assert classify(by_alias, [], (0.0, 0.0, 0.0), names).cause == "present"
    by_iso = {"question": "which country?", "answer_type": "Country", "gold": [country["attrs"]["iso3"]]}
    assert classify(by_iso, [], (0.0, 0.0, 0.0), names).cause == "present"


def test_a_gold_answer_joined_to_the_named_entity_is_present_and_one_joined_to_nothing_named_is_not(names):
    k = names.k
    country, funder = _funding(k)
    for wording in (f"who funds the work in {country['label']}?", f"{country['label'].lower()} donors",
                    f"Could you tell me which partners paid for the programme in {country['label']}?"):
        q = {"question": wording, "answer_type": "Organization", "gold": [funder["label"]]}
        assert classify(q, [], (1.0, 0.5, 0.67), names).cause == "present", wording
    a, b = _unlinked_countries(k, names)
    for wording in (f"which country works with {a['label']}?", f"{a['label']} partner country"):
        q = {"question": wording, "answer_type": "Country", "gold": [b["label"]]}
        v = classify(q, [], (0.0, 0.0, 0.0), names)
        assert v.cause == "relation_absent" and v.unlinked == [b["label"]] and a["id"] in v.named, wording


def test_a_chain_of_two_statements_is_present_but_one_through_a_region_theme_or_hub_is_not(names):
    k = names.k
    a, b, middle = _chained_countries(k)
    assert k.entities[middle]["type"] not in {"Region", "ThematicArea"} and middle not in AUTHOR_ORGS
    for wording in (f"which country works with {a['label']}?", f"{a['label']} partner country"):
        q = {"question": wording, "answer_type": "Country", "gold": [b["label"]]}
        v = classify(q, [], (0.0, 0.0, 0.0), names)
        assert v.cause == "present" and v.chain, wording
    # two countries of one region, joined by nothing else within two statements
    region_of = {f["subject"]: f["object"] for f in k.facts if f["predicate"] == "inRegion"}
    for x, rx in sorted(region_of.items()):
        far_x = two_step_neighbourhood(k, x)[1]
        y = next((y for y, ry in sorted(region_of.items()) if ry == rx and y != x and y not in far_x
                  and x not in two_step_neighbourhood(k, y)[1]), None)
        if y:
            assert rx in far_x and rx in neighbourhood(k, y)  # the region itself is one statement away
            q = {"question": f"which country works with {k.label(x)}?", "answer_type": "Country", "gold": [k.label(y)]}
            assert classify(q, [], (0.0, 0.0, 0.0), names).cause == "relation_absent"
            break
    else:
        pytest.skip("every two countries of a region are joined by something else")


def test_a_misread_answer_is_counted_by_what_the_engine_gave_instead(names):
    k = names.k
    country, funder = _funding(k)
    other_org = next(e for e in sorted(k.entities.values(), key=lambda e: e["id"])
                     if e["type"] == "Organization" and e["id"] != funder["id"])
    q = {"question": f"who funds the work in {country['label']}?", "answer_type": "Organization", "gold": [funder["label"]]}
    cases = [([], "nothing"),
             ([{"label": other_org["label"], "type": "Organization"}], "right_type"),
             ([{"label": other_org["label"]}], "right_type"),  # untyped: typed by the entity its label names
             ([{"label": other_org["label"], "type": "Organization"}, {"label": country["label"], "type": "Country"}], "wrong_type")]
    for answers, kind in cases:
        v = classify(q, answers, (0.0, 0.0, 0.0), names)
        assert v.cause == "present" and v.answered == kind and not v.chain, (answers, kind)
    row = tally([classify(q, answers, (0.0, 0.0, 0.0), names) for answers, _ in cases], 10)
    assert (row["present"], row["nothing"], row["right_type"], row["wrong_type"]) == (4, 1, 2, 1)


def test_acronyms_are_names_only_in_capitals_and_the_author_links_nothing(names):
    acronym_ids = {eid for eid, e in names.k.entities.items() if (e.get("acronym") or "").isupper()
                   and e["type"] == "Organization" and len(e["acronym"]) >= 3}
    eid = sorted(acronym_ids)[0]
    acronym = names.k.entities[eid]["acronym"]
    assert eid in names.named_in(f"what does {acronym} do?")
    assert eid not in names.named_in(f"what does {acronym.lower()} do?")
    assert not any(i in names.named_in("What did the ILO do in 2024?") for i in ("Organization:ilo",))


def test_non_entity_and_empty_gold_are_counted_apart(names):
    num = {"question": "how many?", "answer_type": "Number", "gold": ["12"]}
    empty = {"question": "who funds the moon base?", "answer_type": "Organization", "gold": []}
    verdicts = [classify(num, [{"label": "11"}], (0.0, 0.0, 0.0), names),
                classify(empty, [{"label": "X"}], (0.0, 1.0, 0.0), names)]
    assert [v.cause for v in verdicts] == ["non_entity", "empty_gold"]
    row = tally(verdicts, 5)
    assert row["n"] == 5 and row["imperfect"] == 2 and row["non_entity"] == 1 and row["empty_gold"] == 1
    assert row["entity_absent"] == row["relation_absent"] == row["present"] == 0


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_script_counts_held_out_sets_without_printing_their_text(built_data_dir, tmp_path, capsys, monkeypatch):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import miss_split

    monkeypatch.setenv("FLOORGRAPH_SHARED_EVAL", str(tmp_path / "none"))
    secret = "Which imaginary fund zqxv pays for lighthouses?"
    tune = _write(tmp_path / "tiny_tune.jsonl", [
        {"id": "t1", "question": "Which imaginary fund pays for lighthouses?", "answer_type": "Organization",
         "gold": ["Fund for Imaginary Lighthouses"], "category": "lookup"},
        {"id": "t2", "question": "How many lighthouses did the fund build?", "answer_type": "Number",
         "gold": ["987654"], "category": "aggregate"}])
    held = _write(tmp_path / "unseen_zz.jsonl", [
        {"id": "h1", "question": secret, "answer_type": "Organization",
         "gold": ["Fund for Imaginary Lighthouses Zqxv"], "category": "lookup"}])
    assert miss_split.main(["--data-dir", str(built_data_dir), "-v", str(tune), str(held)]) == 0
    out = capsys.readouterr().out
    assert "zqxv" not in out.lower()  # nothing of a held-out question is printed
    assert "Which imaginary fund pays for lighthouses?" in out  # tunable misses are listed
    assert miss_split.main(["--data-dir", str(built_data_dir), "--json", str(tune), str(held)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["sets"]["tiny_tune"]["entity_absent"] == 1 and report["sets"]["tiny_tune"]["non_entity"] == 1
    assert report["sets"]["unseen_zz"] == report["sets"]["unseen_zz"] | {"held_out": True, "entity_absent": 1, "n": 1}
    assert report["held_out"]["imperfect"] == 1 and report["tunable"]["imperfect"] == 2


def test_a_lower_case_description_or_a_name_two_things_share_names_a_kind_not_one_thing(names):
    k = names.k
    described = sorted(e["id"] for e in k.entities.values()
                       if e["type"] in ("Scheme", "LegalInstrument") and e["label"] == e["label"].lower()
                       and len(e["label"]) > 8)
    assert described, "no lower-case described measure in the build"
    for eid in described[:3]:
        label = k.entities[eid]["label"]
        for wording in (f"which countries worked on {label}?", f"{label} countries ilo"):
            assert eid not in names.named_in(wording), wording
    by_name: dict = {}
    for e in k.entities.values():
        if e["type"] in ("Scheme", "LegalInstrument", "Organization") and e["label"] != e["label"].lower():
            by_name.setdefault((e["type"], e["label"].lower()), set()).add(e["id"])
    shared = sorted((n, ids) for (t, n), ids in by_name.items() if len(ids) > 1)
    assert shared, "no name two things of one type share in the build"
    name, ids = shared[0]
    assert not ids & names.named_in(f"Which countries have a {name}?")
    theme = sorted((e for e in k.entities.values() if e["type"] == "ThematicArea"), key=lambda e: e["id"])[0]
    assert theme["id"] in names.named_in(f"where did the ILO work on {theme['label']} in 2024?")
