"""``floorgraph eval``: sets are found and split, scoring follows the shared score.py, and the
command runs end to end over a tiny gold file against a real build."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import evalscore
from app.cli import main
from app.evalsets import discover, group, originals_of, shared_eval_dir

ROOT = Path(__file__).resolve().parent.parent


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _q(qid: str, **kw) -> dict:
    return {"id": qid, "question": kw.pop("question", f"question {qid}?"), "answer_type": "Country",
            "gold": kw.pop("gold", ["Kenya"]), "category": kw.pop("category", "thematic"), **kw}


def test_split_files_form_one_bank_with_two_halves(tmp_path):
    a = _write(tmp_path / "bank_a.jsonl", [_q("A1", split="tune"), _q("A2", split="heldout")])
    b = _write(tmp_path / "bank_b.jsonl", [_q("B1", split="tune"), _q("B2", split="heldout"), _q("B3", split="heldout")])
    plain = _write(tmp_path / "dev.jsonl", [_q("D1")])
    sets = {s.name: s for s in group([plain, a, b])}
    assert set(sets) == {"dev", "bank-tune", "bank-heldout"}
    assert [q["id"] for q in sets["bank-heldout"].questions] == ["A2", "B2", "B3"]
    assert sets["bank-tune"].tune and sets["dev"].tune and not sets["bank-heldout"].tune


def test_unseen_files_are_held_out_with_or_without_a_split_field(tmp_path):
    """An ``unseen_*`` file is held out whole: tuning code (retrieval_eval --grid) must skip it
    even when its questions carry no ``split`` field, or a stray ``tune`` one."""
    bare = _write(tmp_path / "unseen_x.jsonl", [_q("X1"), _q("X2")])
    split = _write(tmp_path / "unseen_y.jsonl", [_q("Y1", split="heldout"), _q("Y2", split="tune")])
    fresh = _write(tmp_path / "fresh_z.jsonl", [_q("Z1")])
    sets = {s.name: s for s in group([bare, split, fresh])}
    assert not sets["unseen_x"].tune and not sets["unseen-heldout"].tune
    assert [q["id"] for q in sets["unseen-heldout"].questions] == ["Y1", "Y2"]
    assert sets["fresh_z"].tune
    assert {s.name for s in sets.values() if s.tune} == {"fresh_z"}


def test_paraphrases_find_their_originals(tmp_path):
    dev = _write(tmp_path / "dev.jsonl", [_q("D1"), _q("D2")])
    para = _write(tmp_path / "paraphrases.jsonl", [_q("D1-k", source_id="D1", style="keyword")])
    sets = group([dev, para])
    p = next(s for s in sets if s.is_paraphrases)
    assert list(originals_of(p, sets)) == ["D1"]


@pytest.mark.parametrize("line, message", [
    ("not json", "not valid JSON"),
    ('{"question": "q?"}', '"gold" (a list)'),
])
def test_bad_gold_file_is_a_clear_error(tmp_path, capsys, line, message):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(line + "\n", encoding="utf-8")
    assert main(["eval", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.jsonl:1" in err and message in err and "Traceback" not in err


def test_builtin_scorer_agrees_with_shared_score_py():
    """The built-in copy must give score.py's numbers (used when score.py is nowhere to be found)."""
    shared = shared_eval_dir()
    if shared is None or not (shared / "score.py").is_file():
        pytest.skip("no shared score.py on this machine to compare with")
    ref, where = evalscore.find_scorer([], shared)
    assert where.endswith("score.py")
    questions = [q for f in sorted(shared.glob("*.jsonl")) for q in discover([str(f)])[0].questions]
    questions += discover([str(ROOT / "data" / "eval" / "bank_a.jsonl")])[0].questions
    checked = 0
    for q in questions:
        gold = q["gold"]
        variants = [[], [{"label": g} for g in gold], [{"label": g} for g in gold[:1]] + [{"label": "Atlantis"}],
                    [{"label": f"{g} (2024)"} for g in gold], [{"label": "Kenya", "iso3": "KEN"}]]
        for answers in variants:
            assert evalscore.score_one(q, answers) == ref(q, answers), (q["id"], answers)
            checked += 1
    assert checked > 100


def test_eval_command_over_a_tiny_gold_file(built_data_dir, tmp_path, capsys, monkeypatch):
    """Three questions from the repository's paraphrase set (originals and one paraphrase), run
    through the real engine and both baselines; JSON and table both report every part."""
    monkeypatch.setenv("FLOORGRAPH_SHARED_EVAL", str(tmp_path / "none"))  # no shared score.py: built-in rules
    rows = [json.loads(l) for l in (ROOT / "data" / "eval" / "paraphrases.jsonl").read_text().splitlines() if l.strip()]
    picked = [r for r in rows if r["style"] in ("typo", "wordy")][:2]
    originals = [dict(r, id=r["source_id"], style="plain") for r in picked[:1]]
    for r in originals:
        r.pop("source_id")
    gold = _write(tmp_path / "tiny.jsonl", originals + picked)
    assert main(["eval", "--data-dir", str(built_data_dir), "--json", str(gold)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["scorer"].startswith("built-in")
    s = report["sets"]["tiny"]
    assert s["n"] == 3 and set(s["systems"]) == {"engine", "bm25-only", "dense-only"}
    assert 0.0 <= s["evidence_recall"] <= 1.0
    assert set(s["categories"]) == {r["category"] for r in picked + originals}
    assert set(s["styles"]) == {"plain", "typo", "wordy"}
    pg = s["paraphrase"]
    assert pg["n_originals"] == 1 and pg["gap"] == pytest.approx(pg["f1_originals"] - pg["f1_paraphrases"])
    for m in report["misses"]:
        assert m["f1"] < 1

    assert main(["eval", "--data-dir", str(built_data_dir), "--no-baselines", str(gold)]) == 0
    table = capsys.readouterr().out
    assert "tiny" in table and "engine F1 by category" in table and "F1 para" in table
