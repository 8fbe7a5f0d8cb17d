"""Passage index: real model, real FAISS and BM25, no mocks.

The model is loaded once per module (fixture ``embedder``); every index here is tiny, so the
suite's cost is essentially that one model load.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from graph.errors import FloorgraphError
from graph.model import Passage
from index import Embedder, Filters, PassageIndex, build_and_save, rrf, tokenize
from index import store

P = [
    # id, text, countries, region, section_kind, organizations
    ("vnm-pension", "Viet Nam adopted amendments to its Social Insurance Law that lower the minimum "
     "contribution period for an old-age pension from 20 to 15 years.", ["VNM"], "Asia and the Pacific", "country", ["ilo"]),
    ("jor-unemp", "In Jordan, the Social Security Corporation extended unemployment insurance so that "
     "workers who lose their jobs receive a monthly cash payment.", ["JOR"], "Arab States", "country", ["ilo"]),
    ("mex-maternity", "The ILO and Nestlé mapped the legislative framework on maternity protection, "
     "paternity and parental leave in Mexico.", ["MEX"], "Americas", "thematic", ["nestle", "ilo"]),
    ("khm-health", "Cambodia's National Social Security Fund enrolled informal economy workers in its "
     "health care scheme, removing out-of-pocket payments at public hospitals.", ["KHM"], "Asia and the Pacific", "country", []),
    ("zmb-child", "Zambia piloted a universal child grant for families with children under five, "
     "with technical support from UNICEF.", ["ZMB"], "Africa", "country", ["unicef"]),
    ("imf-financing", "The ILO-IMF partnership provided technical assistance on financing for social "
     "protection reforms in Lebanon, Eswatini and Thailand.", ["LBN", "SWZ", "THA"], None, "thematic", ["imf", "ilo"]),
    ("sen-disability", "Senegal introduced a disability card that gives persons with disabilities free "
     "access to health services and a cash allowance.", ["SEN"], "Africa", "country", []),
    ("bgd-eii", "An employment injury insurance pilot in Bangladesh compensates garment workers injured "
     "at work, supported by GIZ.", ["BGD"], "Asia and the Pacific", "country", ["giz"]),
    ("eth-registry", "Ethiopia digitised its social registry so that beneficiaries of the safety net "
     "programme can be identified and paid electronically.", ["ETH"], "Africa", "country", []),
    ("moz-actuarial", "An actuarial valuation of Mozambique's National Institute of Social Security "
     "projected the pension fund's reserves over fifty years.", ["MOZ"], "Africa", "country", ["ilo"]),
    ("nld-donor", "The Government of the Netherlands funded the programme's work on social protection "
     "for forcibly displaced persons and host communities.", [], None, "section", ["netherlands"]),
    ("bgd-climate", "In Bangladesh, adaptive cash transfers reached households hit by cyclones and "
     "floods, linking social protection with climate resilience.", ["BGD"], "Asia and the Pacific", "box", []),
]


def make_passages(rows=P) -> list[Passage]:
    return [Passage(id=i, section_id=f"s-{i}", section_path=["Report", sk], text=t, start=0, end=len(t),
                    countries=c, region=r, section_kind=sk, organizations=o)
            for i, t, c, r, sk, o in rows]


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder()


@pytest.fixture(scope="module")
def idx(embedder) -> PassageIndex:
    return PassageIndex(embedder).index(make_passages())


@pytest.fixture(scope="module")
def saved(idx, tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("data") / "index"
    idx.save(d)
    return d


def ids(hits) -> list[str]:
    return [h.passage.id for h in hits]


@pytest.mark.parametrize("query, expected", [
    ("changes to old-age retirement benefits in Vietnam", "vnm-pension"),
    ("benefits for the unemployed", "jor-unemp"),
    ("paid leave for new mothers and fathers in a Latin American country", "mex-maternity"),
    ("allowance for families with young kids", "zmb-child"),
])
def test_dense_finds_paraphrase(idx, query, expected):
    assert ids(idx.search(query, k=3, mode="dense"))[0] == expected
    assert expected in ids(idx.search(query, k=3, mode="hybrid"))


def test_lexical_matches_exact_terms(idx):
    hits = idx.search("actuarial valuation", k=3, mode="lexical")
    assert ids(hits)[0] == "moz-actuarial"
    assert all(h.score > 0 for h in hits)  # passages sharing no term are not returned
    assert idx.search("xylophone", k=3, mode="lexical") == []


def test_hybrid_combines_both(idx):
    hits = idx.search("Nestlé parental leave", k=3, mode="hybrid")
    assert ids(hits)[0] == "mex-maternity"
    assert hits[0].dense_rank == 1 and hits[0].lexical_rank == 1
    assert [h.rank for h in hits] == [1, 2, 3]
    assert set(idx.last_timings) >= {"embed_ms", "dense_ms", "lexical_ms", "total_ms"}


def test_filters(idx):
    for filters, check in [
        (Filters.of(country="BGD"), lambda p: "BGD" in p.countries),
        ({"region": "africa"}, lambda p: p.region == "Africa"),
        ({"section_kind": "thematic"}, lambda p: p.section_kind == "thematic"),
        ({"organization": "ilo", "region": "Africa"}, lambda p: "ilo" in p.organizations and p.region == "Africa"),
    ]:
        for mode in ("dense", "lexical", "hybrid"):
            hits = idx.search("social protection workers", k=5, mode=mode, filters=filters)
            assert hits and all(check(h.passage) for h in hits), (filters, mode)


def test_filter_does_not_starve_results(idx):
    # The only Zambian passage is far from this query; a filtered search must still return it.
    hits = idx.search("maternity leave legislation", k=3, mode="dense", filters={"country": "ZMB"})
    assert ids(hits) == ["zmb-child"]
    assert idx.search("maternity", k=3, filters={"country": "FRA"}) == []


def test_save_load_round_trip(idx, saved, embedder):
    loaded = PassageIndex.load(saved, embedder)
    assert loaded.manifest["count"] == len(P) and loaded.manifest["dimension"] == 384
    assert loaded.manifest["model_sha256"] == embedder.weights_sha256
    for mode in ("dense", "lexical", "hybrid"):
        for q in ("pension reform", "cash transfers after floods", "health insurance for informal workers"):
            a, b = idx.search(q, k=5, mode=mode), loaded.search(q, k=5, mode=mode)
            assert ids(a) == ids(b)
            assert np.allclose([h.score for h in a], [h.score for h in b])
    assert [p.to_dict() for p in loaded.passages] == [p.to_dict() for p in idx.passages]
    assert not [p for p in saved.parent.iterdir() if p.name.startswith(".")]  # no temp dirs left


def _copy(saved: Path, tmp_path: Path) -> Path:
    import shutil

    dst = tmp_path / "index"
    shutil.copytree(saved, dst)
    return dst


def test_corrupted_faiss_file_refused(saved, embedder, tmp_path):
    d = _copy(saved, tmp_path)
    raw = bytearray((d / "dense.faiss").read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    (d / "dense.faiss").write_bytes(bytes(raw))
    with pytest.raises(FloorgraphError, match=r"corrupted.*floorgraph build --data-dir"):
        PassageIndex.load(d, embedder)


@pytest.mark.parametrize("field, value, message", [
    ("model_sha256", "0" * 64, "built with model"),
    ("dimension", 512, "512-dimensional"),
    ("count", 99, "inconsistent"),
    ("format_version", 999, "format version"),
])
def test_mismatched_manifest_refused(saved, embedder, tmp_path, field, value, message):
    d = _copy(saved, tmp_path)
    manifest = json.loads((d / "manifest.json").read_text())
    manifest[field] = value
    (d / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(FloorgraphError, match=rf"{message}.*run: floorgraph build --data-dir {tmp_path}"):
        PassageIndex.load(d, embedder)


def test_missing_index_names_rebuild_command(tmp_path, embedder):
    with pytest.raises(FloorgraphError, match="no passage index.*floorgraph build"):
        PassageIndex.load(tmp_path / "index", embedder)


def test_rebuild_embeds_only_new_passage(embedder, tmp_path):
    d = tmp_path / "index"
    first = build_and_save(make_passages(P[:6]), d, embedder=embedder)
    assert first.stats["embedded"] == 6
    extra = ("new-one", "Togo launched a social health insurance for motorcycle taxi drivers.",
             ["TGO"], "Africa", "country", [])
    second = build_and_save(make_passages(P[:6] + [extra]), d, embedder=embedder)
    assert second.stats["embedded"] == 1 and second.stats["cached"] == 6
    assert ids(second.search("health cover for moto-taxi riders", k=1, mode="dense")) == ["new-one"]
    assert PassageIndex.load(d, embedder).manifest["count"] == 7


def test_pipeline_entry_point(embedder, tmp_path):
    from types import SimpleNamespace

    from index.build import build_index

    cfg = SimpleNamespace(data_dir=tmp_path, index_dir=tmp_path / "index", model_path="", ann_threshold=50_000)
    messages: list[str] = []
    built = build_index(cfg, make_passages(P[:2]), messages.append)
    assert built.stats["embedded"] == 2 and "2 passages" in messages[0]
    assert PassageIndex.load(cfg.index_dir, embedder).rebuild_hint == f"run: floorgraph build --data-dir {tmp_path}"


def test_empty_and_huge_queries_raise(idx):
    for bad in ("", "   \n "):
        with pytest.raises(FloorgraphError, match="empty query"):
            idx.search(bad)
    with pytest.raises(FloorgraphError, match="too long"):
        idx.search("pension " * 500)
    with pytest.raises(FloorgraphError, match="unknown search mode"):
        idx.search("pension", mode="fuzzy")


def test_hnsw_index_kind(embedder):
    hnsw = PassageIndex(embedder, index_kind="hnsw").index(make_passages())
    assert hnsw.manifest["index_kind"] == "hnsw" and hnsw.manifest["ef_search"]
    assert ids(hnsw.search("changes to old-age retirement benefits in Vietnam", k=1, mode="dense")) == ["vnm-pension"]


def test_pure_helpers():
    assert tokenize("Türkiye's PENSION reform, and the São Tomé scheme") == \
        ["turkiye", "s", "pension", "reform", "sao", "tome", "scheme"]
    fused = rrf([[1, 2, 3], [3, 1, 4]])
    assert [row for row, _ in fused][:2] == [1, 3]
    assert store.corpus_checksum(make_passages()[:2]) != store.corpus_checksum(make_passages()[1::-1])


def test_cli_search(saved, capsys):
    from app.cli import main

    data_dir = str(saved.parent)
    assert main(["search", "--data-dir", data_dir, "--json", "--k", "2", "--mode", "hybrid",
                 "jobless benefits in Jordan"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["results"][0]["passage_id"] == "jor-unemp"
    assert set(out["results"][0]) == {"passage_id", "section", "text", "score"} and "total_ms" in out["timings_ms"]

    assert main(["search", "--data-dir", data_dir, "--country", "bgd", "--mode", "lexical", "insurance"]) == 0
    assert "bgd-eii" in capsys.readouterr().out

    qfile = Path(saved.parent / "questions.jsonl")
    qfile.write_text('{"id": "a", "question": "child grant"}\n{"id": "b", "question": "  "}\n')
    assert main(["search", "--data-dir", data_dir, "--file", str(qfile)]) == 2  # one question was empty
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["id"] for x in lines] == ["a", "b"]
    assert lines[0]["results"][0]["passage_id"] == "zmb-child" and "error" in lines[1]

    assert main(["search", "--data-dir", data_dir, ""]) == 2
    assert main(["search", "--data-dir", data_dir, "x" * 5000]) == 2
    assert "too long" in capsys.readouterr().err
    assert main(["search", "--data-dir", str(saved.parent / "nowhere"), "pension"]) == 2
    assert "floorgraph build --data-dir" in capsys.readouterr().err
