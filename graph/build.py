"""Build the knowledge-graph artefacts of one or more reports into a data dir.

report text -> parse -> extract -> RDF + network -> files.  Every file is written to a temporary
name in the data dir and renamed into place, and ``build.json`` (with each artefact's checksum) is
written last, so an interrupted build leaves the previous artefacts, never half-written ones.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from graph.errors import FloorgraphError
from graph.extract import run_all
from graph.kb import KnowledgeBase
from graph.model import Document, Passage
from graph.parse import parse_report

FORMAT_VERSION = 1
Progress = Callable[[str], None]


def _write_temp(path: Path, raw: bytes) -> str:
    """Write raw bytes to a synced temporary file beside path; return its name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; artefacts are meant to be read by others
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return tmp


def atomic_write_many(files: dict[Path, str | bytes]) -> dict[Path, str]:
    """Write every file to a temporary name first, then rename them all into place.

    A failure while writing leaves every existing file as it was; returns each file's sha256.
    """
    raws = {p: (d.encode("utf-8") if isinstance(d, str) else d) for p, d in files.items()}
    temps: dict[Path, str] = {}
    try:
        for p, raw in raws.items():
            temps[p] = _write_temp(p, raw)
    except BaseException:
        for t in temps.values():
            if os.path.exists(t):
                os.unlink(t)
        raise
    for p, t in temps.items():
        os.replace(t, p)
    return {p: hashlib.sha256(raw).hexdigest() for p, raw in raws.items()}


def atomic_write(path: Path, data: str | bytes) -> str:
    """Write via a temp file + rename; return the sha256 of what was written."""
    return atomic_write_many({path: data})[path]


@dataclass
class GraphBuild:
    """What a build produced, in memory."""

    docs: list[Document]
    kb: KnowledgeBase
    graph: object  # rdflib.Graph
    network: object  # networkx.MultiDiGraph
    timings: dict[str, float] = field(default_factory=dict)
    # doc id -> the text of the README.md beside its source file (its citation and licence), so
    # pages can attribute the report without the build recording where the source lived.
    source_readmes: dict[str, str] = field(default_factory=dict)
    # seconds of every step (each extractor, the RDF, each serialisation, SHACL...): what
    # benchmarks/bench_build_scale.py compares across input sizes to find work that grows too fast
    steps: dict[str, float] = field(default_factory=dict)
    # the graph's N-Triples text, made once (graph.nt, the Turtle/JSON-LD views and the on-disk
    # store all start from it; a forked artefacts process inherits it instead of making it again)
    nt_text: str | None = field(default=None, repr=False)

    @property
    def passages(self) -> list[Passage]:
        return [p for d in self.docs for p in d.passages]

    def ntriples(self) -> str:
        """The graph as N-Triples (graph.serialise.ntriples), computed on first use only."""
        if self.nt_text is None:
            from graph.serialise import ntriples

            self.nt_text = ntriples(self.graph)
        return self.nt_text


def read_sources(sources: Iterable[Path], max_mb: float | None = None) -> list[tuple[Path, str]]:
    """Each source's text, after checking it is a report at all (graph/source_check.py): too big,
    binary, not UTF-8, or without prose is a FloorgraphError (exit 2) before anything is built."""
    from graph import source_check

    out = []
    for s in sources:
        p = Path(s)
        if not p.is_file():
            raise FloorgraphError(f"report not found: {p}")
        why = source_check.check_size(p.stat().st_size, p.name, max_mb)
        if why:
            raise FloorgraphError(why)
        text, why = source_check.decode_report(p.read_bytes(), p.name)
        if text is None:
            raise FloorgraphError(why)
        verdict = source_check.looks_like_prose(text, p.name)
        if not verdict.ok:
            raise FloorgraphError(verdict.reason)
        out.append((p, text))
    return out


def build_in_memory(sources: Iterable[Path], progress: Progress = lambda s: None,
                    max_source_mb: float | None = None, bar: bool = False,
                    on_parsed: Callable[[list], None] | None = None) -> GraphBuild:
    """Parse and extract every source into one knowledge base, graph and network.

    ``on_parsed(docs)`` runs once every source is parsed, before extraction (the build hands the
    texts to its embedding process there: index/embed_process.py).
    ``bar``: a progress bar with ETA on stderr (tqdm), one step per stage, weighted by text size.
    A source without any passage after parsing is refused: there would be nothing to extract from.
    """
    from graph.long_lived import stages

    # what each stage makes lives until the build ends: the collector stops rescanning it
    with stages() as done:
        return _build_in_memory(sources, progress, max_source_mb, bar, on_parsed, done)


def _build_in_memory(sources: Iterable[Path], progress: Progress, max_source_mb: float | None, bar: bool,
                     on_parsed: Callable[[list], None] | None, stage_done: Callable[[], None]) -> GraphBuild:
    from graph.network import build_network
    from graph.rdf import build_graph

    t: dict[str, float] = {}
    t0 = time.perf_counter()
    texts = read_sources(sources, max_source_mb)
    ticker = _Ticker(texts, bar)
    docs = []
    for path, text in texts:
        progress(f"parsing {path.name}")
        # the file name, not its absolute path: the graph names sources by name + sha256
        doc = parse_report(text, path.name)
        if not doc.passages:
            ticker.close()
            raise FloorgraphError(f"{path.name} has no paragraphs of text after parsing "
                                  "(only headings, tables or markup?); nothing to build from")
        docs.append(doc)
        ticker.step(len(text), f"parsed {path.name}")
    t["parse_s"] = time.perf_counter() - t0
    stage_done()
    steps = {"parse": t["parse_s"]}
    if on_parsed is not None:
        on_parsed(docs)
        steps["hand_over"] = time.perf_counter() - t0 - t["parse_s"]
    kb = KnowledgeBase()
    t1 = time.perf_counter()
    from graph.extract import PIPELINE

    for doc in docs:
        progress(f"extracting entities and relations from {doc.id}")
        for stage in PIPELINE:
            ts = time.perf_counter()
            run_all(doc, kb, only=(stage,))
            steps[f"extract.{stage}"] = steps.get(f"extract.{stage}", 0.0) + time.perf_counter() - ts
            stage_done()
            ticker.step(len(doc.text), f"{doc.id}: {stage}")
    ticker.close()
    t["extract_s"] = time.perf_counter() - t1
    t2 = time.perf_counter()
    progress("writing RDF")
    g = build_graph(docs, kb)
    t["rdf_s"] = time.perf_counter() - t2
    stage_done()
    t3 = time.perf_counter()
    progress("computing the partnership network")
    net = build_network(kb)
    t["network_s"] = time.perf_counter() - t3
    readmes = {}
    for (path, _), doc in zip(texts, docs):
        readme = path.parent / "README.md"
        if readme.is_file():
            readmes[doc.id] = readme.read_text(encoding="utf-8", errors="replace")[:20_000]
    steps |= {"rdf": t["rdf_s"], "network": t["network_s"]}
    return GraphBuild(docs, kb, g, net, t, readmes, steps=steps)


class _Ticker:
    """A tqdm bar over parse + extraction stages, counted in characters so the ETA is meaningful."""

    def __init__(self, texts: list[tuple[Path, str]], enabled: bool):
        self.bar = None
        if enabled:
            from graph.extract import PIPELINE
            from tqdm import tqdm

            total = sum(len(t) for _, t in texts) * (1 + len(PIPELINE))
            self.bar = tqdm(total=total, unit="char", unit_scale=True, desc="build", dynamic_ncols=True,
                            mininterval=0.5, bar_format="{desc} {percentage:3.0f}%|{bar}| "
                            "{elapsed}<{remaining} {postfix}")

    def step(self, n: int, what: str) -> None:
        if self.bar is not None:
            self.bar.set_postfix_str(what, refresh=False)
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def kb_to_json(kb: KnowledgeBase) -> dict:
    return {
        "entities": [
            {"id": e.id, "type": e.type, "key": e.key, "label": e.label, "alt_labels": sorted(e.alt_labels),
             "acronym": e.acronym, "role": e.role, "attrs": e.attrs, "passages": sorted(e.passages)}
            for e in kb.entities.values()
        ],
        "facts": [
            {"subject": f.subject, "predicate": f.predicate, "object": f.object, "kind": f.kind,
             "passages": f.passages, "attrs": f.attrs}
            for f in kb.facts.values()
        ],
        "mentions": [m.__dict__ for m in kb.mentions],
        "observations": [{k: (str(v) if k == "value" else v) for k, v in o.__dict__.items()}
                         for o in getattr(kb, "observations", [])],
    }


def write_artefacts(b: GraphBuild, data_dir: Path, progress: Progress = lambda s: None,
                    with_stats: bool = True, with_views: bool = True) -> dict:
    """Serialise a build into data_dir; returns the build manifest.

    ``with_stats`` / ``with_views``: False leaves out ``stats.json`` / ``graph.ttl`` and
    ``graph.jsonld``, for a caller that makes them elsewhere (graph/artefacts_process.py) and adds
    them with :func:`add_artefacts`.

    Everything is serialised in memory first; only when every artefact exists are they written to
    temporary files and renamed into place, ``build.json`` last.  A failure while serialising
    (the slow, fallible part) therefore leaves the previous build untouched.
    """
    from graph.network import write_network

    data_dir.mkdir(parents=True, exist_ok=True)
    staged: dict[Path, bytes] = {}
    steps = b.steps
    clock = [time.perf_counter()]

    def step(name: str) -> None:
        now = time.perf_counter()
        steps[f"write.{name}"] = now - clock[0]
        clock[0] = now

    def stage(path: Path, data: str | bytes) -> None:
        staged[path] = data.encode("utf-8") if isinstance(data, str) else data

    progress("serialising passages and the knowledge base")
    stage(data_dir / "passages.jsonl",
          "".join(json.dumps(p.to_dict(), ensure_ascii=False) + "\n" for p in b.passages))
    stage(data_dir / "kb.json", json.dumps(kb_to_json(b.kb), ensure_ascii=False))
    stage(data_dir / "tables.json", json.dumps(
        [t.to_dict() | {"source": d.id} for d in b.docs for t in d.tables], ensure_ascii=False))
    step("passages_kb_json")
    progress("serialising the graph (N-Triples" + (", Turtle, JSON-LD)" if with_views else ")"))
    from graph.serialise import turtle_and_jsonld

    nt = b.ntriples()
    stage(data_dir / "graph.nt", nt)
    step("ntriples")
    if with_views:
        turtle, jsonld = turtle_and_jsonld(nt, b.graph.namespaces())
        stage(data_dir / "graph.ttl", turtle)
        stage(data_dir / "graph.jsonld", jsonld)
        step("turtle_jsonld")
    write_network(b.network, data_dir / "network", stage)
    step("network_files")
    if with_stats:
        from graph.stats import compute_stats

        progress("validating with SHACL and counting")
        stage(data_dir / "stats.json", json.dumps(compute_stats(b), indent=2))
        step("shacl_stats")
    progress("writing artefacts")
    sums = {str(path.relative_to(data_dir)): digest for path, digest in atomic_write_many(staged).items()}
    step("files")
    manifest = {
        "format_version": FORMAT_VERSION,
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "sources": [{"id": d.id, "path": d.path, "sha256": d.sha256, "title": d.title,
                     **({"readme": b.source_readmes[d.id]} if d.id in b.source_readmes else {})}
                    for d in b.docs],
        "artefacts": sums,
        "timings_s": {k: round(v, 3) for k, v in b.timings.items()},
        "steps_s": {k: round(v, 3) for k, v in steps.items()},
    }
    atomic_write(data_dir / "build.json", json.dumps(manifest, indent=2))
    return manifest


def add_artefacts(data_dir: Path, files: dict[str, str | bytes], steps: dict[str, float] | None = None) -> dict:
    """Write more artefacts into a data dir :func:`write_artefacts` wrote, recording their
    checksums (and ``steps`` seconds) in its ``build.json``: for work finished after the graph files
    (``stats.json`` from a second process, graph/artefacts_process.py).  Within the build's staging
    directory (app/builddir.py), so readers still see the whole build or none of it."""
    sums = atomic_write_many({data_dir / rel: data for rel, data in files.items()})
    manifest = read_manifest(data_dir)
    manifest["artefacts"] |= {str(path.relative_to(data_dir)): digest for path, digest in sums.items()}
    if steps:
        manifest.setdefault("steps_s", {}).update({k: round(v, 3) for k, v in steps.items()})
    atomic_write(data_dir / "build.json", json.dumps(manifest, indent=2))
    return manifest


def read_manifest(data_dir: Path) -> dict:
    path = data_dir / "build.json"
    if not path.is_file():
        raise FloorgraphError(f"no graph built in {data_dir}; run: floorgraph build --data-dir {data_dir}")
    return json.loads(path.read_text(encoding="utf-8"))


def verify_artefacts(data_dir: Path) -> dict:
    """Check every artefact against the checksum in build.json; raise on a mismatch."""
    manifest = read_manifest(data_dir)
    for rel, digest in manifest["artefacts"].items():
        p = data_dir / rel
        if not p.is_file() or hashlib.sha256(p.read_bytes()).hexdigest() != digest:
            raise FloorgraphError(f"artefact {p} is missing or corrupted; run: floorgraph build --data-dir {data_dir}")
    return manifest


def load_passages(data_dir: Path) -> list[Passage]:
    path = data_dir / "passages.jsonl"
    if not path.is_file():
        raise FloorgraphError(f"no passages in {data_dir}; run: floorgraph build --data-dir {data_dir}")
    with path.open(encoding="utf-8") as fh:
        return [Passage.from_dict(json.loads(line)) for line in fh if line.strip()]
