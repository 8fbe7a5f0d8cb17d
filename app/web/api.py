"""The JSON API: questions, passage search, entities and the partnership network.

* ``GET /api/ask?q=``            the question engine's answer (``app.qa.engine``, loaded lazily);
* ``GET /api/search?q=&k=&mode=`` ranked passages from the passage index (``index.PassageIndex``);
* ``GET /api/entity/<type>/<key>`` everything the graph knows about one entity, with evidence;
* ``GET /api/entities?q=``       entity look-up for search boxes;
* ``GET /api/network``           the network JSON (``?format=gexf|graphml|json`` downloads a file);
* ``GET /api/openapi.json``      an OpenAPI 3.1 description of all of the above plus ``/sparql``.

The heavy objects (the knowledge base, the passage index, the question engine) come from the app's
``app.runtime.Runtime``, built once per process; when one is missing the API answers 503 with a
message saying how to get it, and the HTML pages (``app.web.pages``) reuse the helpers below.
"""
from __future__ import annotations

import logging
import re
import threading
import time
import unicodedata
from typing import Any

from flask import Blueprint, current_app, jsonify, request, send_from_directory, url_for

bp = Blueprint("api", __name__)
log = logging.getLogger(__name__)
_LOCK = threading.RLock()

SEARCH_MODES = ("hybrid", "dense", "lexical")
NETWORK_FORMATS = {"gexf": ("network.gexf", "application/gexf+xml"),
                   "graphml": ("network.graphml", "application/graphml+xml"),
                   "json": ("network.json", "application/json")}
MAX_K = 50

STOPWORDS = frozenset("""
a an and are as at be been by can did do does for from had has have how i in into is it its of on or
that the their them these they this those to was were what when where which who whom whose why will
with work works done any all some""".split())


class Unavailable(Exception):
    """A component (knowledge base, index, engine) cannot be used; ``str(exc)`` says why."""


# --------------------------------------------------------------------------------------------
# Lazily loaded components, cached once per app
# --------------------------------------------------------------------------------------------
def _config():
    return current_app.config["FLOORGRAPH"]


def _cached(key: str, loader):
    """``loader()`` once per app; a failure is cached too (as an Unavailable message)."""
    ext = current_app.extensions
    if key not in ext:
        with _LOCK:
            if key not in ext:
                try:
                    ext[key] = ("ok", loader())
                except Unavailable as exc:
                    ext[key] = ("error", str(exc))
                except Exception:  # noqa: BLE001 - reported to the user, never a 500 page
                    log.exception("cannot load %s", key)  # details (paths, internals) stay in the log
                    what = key.rsplit(".", 1)[-1]
                    ext[key] = ("error", f"the {what} could not be loaded (see the server log); "
                                         "rebuild with: floorgraph build")
    status, value = ext[key]
    if status != "ok":
        raise Unavailable(value)
    return value


def get_runtime():
    """The app's :class:`app.runtime.Runtime`: the one owner of the heavy parts."""
    return current_app.extensions["floorgraph.runtime"]


def _part(name: str):
    """A runtime part, or :class:`Unavailable` saying why not (never cached: the next call retries)."""
    try:
        return getattr(get_runtime(), name)
    except ImportError as exc:
        raise Unavailable(f"the {name.replace('_', ' ')} is not available in this installation ({exc})") from exc
    except Exception as exc:  # noqa: BLE001 - reported to the user, never a 500 page
        from graph.errors import FloorgraphError

        if not isinstance(exc, FloorgraphError):
            log.exception("cannot load %s", name)  # details (paths, internals) stay in the log
            raise Unavailable(f"the {name.replace('_', ' ')} could not be loaded (see the server log); "
                              "rebuild with: floorgraph build") from exc
        # the message names what to run, never where the server keeps its files
        raise Unavailable(str(exc).replace(str(_config().data_dir), "<data dir>")) from exc


def get_knowledge():
    """The app's :class:`app.knowledge.Knowledge` (entities, facts, passages, network), as the
    configured graph store holds it now (see ``Runtime.browse_knowledge``)."""
    return _part("browse_knowledge")


def get_index():
    """The passage index (``index.PassageIndex``)."""
    return _part("passage_index")


def get_engine():
    """The question engine (``app.qa.engine.QuestionEngine``)."""
    return _part("engine")


def start_warm_up(app) -> threading.Thread:
    """Warm the runtime's engine in the background (``serve`` starts this before the web imports),
    so the first question does not wait in silence: until it is done questions answer "warming up"
    (HTTP 503 with Retry-After) and the page says so and reloads itself."""
    done = threading.Event()
    app.extensions["floorgraph.warm"] = done
    runtime = app.extensions["floorgraph.runtime"]

    def work():
        runtime.warm()
        done.set()

    t = threading.Thread(target=work, name="floorgraph-warm-up", daemon=True)
    t.start()
    return t


def warming_up() -> bool:
    """True while a background warm-up runs and the engine is not ready yet."""
    ev = current_app.extensions.get("floorgraph.warm")
    if ev is not None and not ev.is_set():
        return True
    runtime = current_app.extensions.get("floorgraph.runtime")
    return runtime is not None and runtime.state == "warming"


# --------------------------------------------------------------------------------------------
# Shared logic for the API and the HTML pages
# --------------------------------------------------------------------------------------------
def clean_question(q: str | None) -> str:
    return " ".join((q or "").split())


def ask(question: str | None) -> dict[str, Any]:
    """Run a question; always a dict with ``status``: ok | empty | too_long | unavailable | error."""
    q = clean_question(question)
    limit = _config().max_question_chars
    base = {"question": q}
    if not q:
        return base | {"status": "empty", "http": 400,
                       "message": "Type a question, e.g. “Who funds the work in Jordan?”."}
    if len(q) > limit:
        return base | {"status": "too_long", "http": 413, "question": q[:200] + "…",
                       "message": f"The question is too long ({len(q)} characters; the limit is {limit}). "
                                  "Please shorten it."}
    if warming_up():
        return base | {"status": "warming_up", "http": 503, "retry_after": 3,
                       "message": "The question engine is warming up (loading the language model and the "
                                  "index, about ten seconds after start). Try again in a moment."}
    try:
        engine = get_engine()
    except Unavailable as exc:
        return base | {"status": "unavailable", "http": 503,
                       "message": f"The question engine is unavailable: {exc}"}
    try:
        result = engine.ask(q)
    except Exception:  # noqa: BLE001
        log.exception("question engine failed on %r", q)
        return base | {"status": "error", "http": 500,
                       "message": "The question engine failed on this question (the details are in the server log)."}
    result = dict(result)
    result.setdefault("question", q)
    return {"status": "ok", "http": 200, "result": result}


def query_terms(q: str) -> list[str]:
    """Content words of a query (for highlighting and the keyword fallback)."""
    words = re.findall(r"[\w’'-]+", _fold(q))
    return list(dict.fromkeys(w.strip("'’-") for w in words
                              if len(w.strip("'’-")) >= 3 and w.strip("'’-") not in STOPWORDS))


def _fold(s: str) -> str:
    """Lower-case, accent-free, same length as the input (so offsets stay valid)."""
    out = []
    for ch in s:
        base = unicodedata.normalize("NFKD", ch)[:1] or ch
        out.append(base.lower() if len(base.lower()) == 1 else ch)
    return "".join(out)


def term_highlights(text: str, terms: list[str]) -> list[list[int]]:
    """[start, end] spans of the terms (word starts) in text, merged and sorted."""
    if not terms:
        return []
    folded = _fold(text)
    spans = []
    for t in terms:
        for m in re.finditer(r"(?<![\w])" + re.escape(t) + r"\w*", folded):
            spans.append([m.start(), m.end()])
    return merge_spans(spans, len(text))


def merge_spans(spans, length: int) -> list[list[int]]:
    out: list[list[int]] = []
    for s, e in sorted((max(0, int(a)), min(length, int(b))) for a, b in spans if int(b) > int(a)):
        if s >= e:
            continue
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return out


def search(q: str | None, k: int = 10, mode: str = "hybrid") -> dict[str, Any]:
    """Ranked passages.  Falls back to keyword matching (with a message) if the index is missing."""
    query = clean_question(q)
    limit = _config().max_question_chars
    out: dict[str, Any] = {"query": query, "mode": mode, "k": k, "index": "ok", "message": None, "results": []}
    if not query:
        return out | {"status": "empty", "http": 400, "message": "empty query: give some words to search for"}
    if len(query) > limit:
        return out | {"status": "too_long", "http": 413, "query": query[:200] + "…",
                      "message": f"query too long ({len(query)} characters; the limit is {limit})"}
    terms = query_terms(query)
    t0 = time.perf_counter()
    try:
        idx = get_index()
    except Unavailable as exc:
        if mode == "dense":
            return out | {"status": "unavailable", "http": 503, "index": "unavailable",
                          "message": f"dense search needs the passage index: {exc}"}
        return out | _keyword_fallback(query, terms, k) | {
            "status": "ok", "http": 200, "index": "unavailable", "mode": "keyword",
            "message": f"The passage index is unavailable ({exc}); showing simple keyword matches instead.",
            "timings_ms": {"total_ms": round((time.perf_counter() - t0) * 1e3, 3)}}
    try:
        hits = idx.search(query, k=k, mode=mode)
    except Exception as exc:  # noqa: BLE001
        from graph.errors import FloorgraphError

        if isinstance(exc, FloorgraphError):
            return out | {"status": "error", "http": 400, "message": str(exc)}
        log.exception("passage search failed on %r", query)
        return out | {"status": "error", "http": 500, "message": "search failed (the details are in the server log)"}
    results = []
    for h in hits:
        p = h.passage
        results.append({"rank": h.rank, "passage_id": p.id, "section": p.section, "text": p.text,
                        "score": round(float(h.score), 6), "highlights": term_highlights(p.text, terms)})
    return out | {"status": "ok", "http": 200, "results": results,
                  "timings_ms": dict(getattr(idx, "last_timings", {}) or {})}


def _keyword_fallback(query: str, terms: list[str], k: int) -> dict[str, Any]:
    try:
        kb = get_knowledge()
    except Unavailable:
        return {"results": []}
    scored = []
    for pid, p in kb.passages.items():
        folded = _fold(p.text)
        score = sum(folded.count(t) for t in terms)
        hit_terms = sum(1 for t in terms if t in folded)
        if hit_terms:
            scored.append((-(hit_terms * 10 + score), kb.passage_order[pid], p))
    scored.sort(key=lambda x: (x[0], x[1]))
    results = [{"rank": i + 1, "passage_id": p.id, "section": p.section, "text": p.text,
                "score": float(-s), "highlights": term_highlights(p.text, terms)}
               for i, (s, _, p) in enumerate(scored[:k])]
    return {"results": results}


def entity_url(path: str) -> str:
    return url_for("pages.entity", entity_path=path) if "pages" in current_app.blueprints else f"/entity/{path}"


def sparql_editor_url(query: str) -> str:
    """A link that opens ``query`` in the YASGUI editor at /sparql (YASGUI reads ``#query=``)."""
    from urllib.parse import quote

    return "/sparql#query=" + quote(query, safe="")


def describe_query(iri: str) -> str:
    # The PREFIX line also keeps the SPARQL page from replacing a non-`fg:` query by its example.
    return f"PREFIX fg: <https://w3id.org/floorgraph/ontology#>\nDESCRIBE <{iri}>"


def entity_card(entity_path: str) -> dict | None:
    from app.knowledge import entity_id_from_path

    kb = get_knowledge()
    eid = entity_id_from_path(entity_path)
    card = kb.entity_card(eid) if eid else None
    if card is None:
        return None
    card["url"] = entity_url(card["path"])
    card["api_url"] = url_for("api.entity", entity_path=card["path"])
    card["describe_query"] = describe_query(card["iri"])
    card["sparql_editor_url"] = sparql_editor_url(card["describe_query"])
    from app.web.labels import relation_label

    for rel in card["relations"]:
        rel["label"] = relation_label(rel["predicate"], rel["direction"])
        rel["other"]["url"] = entity_url(rel["other"]["path"]) if kb.entity(rel["other"]["id"]) else None
    return card


def entity_summary(e: dict) -> dict:
    from app.knowledge import entity_path

    path = entity_path(e["id"])
    from app.web.labels import type_label

    return {"id": e["id"], "label": e["label"], "type": e["type"], "type_label": type_label(e["type"]),
            "path": path, "url": entity_url(path),
            "iri": _iri_for(e["id"]), "alt_labels": e.get("alt_labels", []), "acronym": e.get("acronym")}


def _iri_for(eid: str) -> str:
    from app.knowledge import entity_path

    return "https://w3id.org/floorgraph/id/" + entity_path(eid)


# --------------------------------------------------------------------------------------------
# Routes
# --------------------------------------------------------------------------------------------
def _error(status: int, message: str, **extra):
    from app.web import error_response

    return error_response(status, message, **extra)


@bp.get("/api/ask")
def api_ask():
    out = ask(request.args.get("q"))
    if out["status"] != "ok":
        resp = _error(out["http"], out["message"], question=out["question"], reason=out["status"])
        if out.get("retry_after"):
            resp.headers["Retry-After"] = str(out["retry_after"])
        return resp
    return jsonify(out["result"])


@bp.get("/api/search")
def api_search():
    mode = request.args.get("mode", "hybrid").strip().lower()
    if mode not in SEARCH_MODES:
        return _error(400, f"unknown mode {mode!r}; use one of {', '.join(SEARCH_MODES)}")
    raw_k = request.args.get("k", "10")
    try:
        k = int(raw_k)
    except ValueError:
        return _error(400, f"k must be an integer between 1 and {MAX_K}, not {raw_k!r}")
    if not 1 <= k <= MAX_K:
        return _error(400, f"k must be between 1 and {MAX_K}")
    out = search(request.args.get("q"), k=k, mode=mode)
    status, http = out.pop("status"), out.pop("http")
    if status != "ok":
        return _error(http, out["message"], query=out["query"], reason=status)
    return jsonify(out)


@bp.get("/api/entity/<path:entity_path>")
def entity(entity_path: str):
    try:
        card = entity_card(entity_path)
    except Unavailable as exc:
        return _error(503, str(exc))
    if card is None:
        return _error(404, f"no entity at {entity_path!r}; look one up with /api/entities?q=...")
    return jsonify(card)


@bp.get("/api/entities")
def entities():
    try:
        kb = get_knowledge()
    except Unavailable as exc:
        return _error(503, str(exc))
    q = clean_question(request.args.get("q"))
    if len(q) > _config().max_question_chars:
        return _error(413, "query too long")
    raw_limit = request.args.get("limit")
    try:
        limit = 20 if raw_limit is None else int(raw_limit)
    except ValueError:
        return _error(400, "limit must be an integer between 1 and 1000")
    if not 1 <= limit <= 1000:
        return _error(400, "limit must be between 1 and 1000")
    types = tuple(t for t in (request.args.get("type") or "").split(",") if t) or None
    if q:
        found = kb.find_entities(q, types=types, limit=limit)
        total = len(found)
    else:
        pool = sorted((e for e in kb.entities.values() if types is None or e["type"] in types),
                      key=lambda e: (e["type"], e["label"].casefold()))
        total, found = len(pool), pool[:limit]
    return jsonify({"query": q, "total": total, "results": [entity_summary(e) for e in found]})


@bp.get("/api/network")
def network():
    fmt = (request.args.get("format") or "").strip().lower()
    cfg = _config()
    if "format" in request.args:
        if fmt not in NETWORK_FORMATS:
            return _error(400, f"unknown format {fmt!r}; use one of {', '.join(NETWORK_FORMATS)}")
        name, mimetype = NETWORK_FORMATS[fmt]
        if not (cfg.network_dir / name).is_file():
            return _error(503, "no network file in the data dir; run: floorgraph build")
        return send_from_directory(cfg.network_dir, name, mimetype=mimetype, as_attachment=True,
                                   download_name=f"floorgraph-{name}")
    try:
        kb = get_knowledge()
    except Unavailable as exc:
        return _error(503, str(exc))
    net = kb.network
    from app.knowledge import entity_path

    nodes = []
    for n in net["nodes"]:
        e = kb.entity(n["id"]) or {}
        nodes.append(n | {"path": entity_path(n["id"]), "url": entity_url(entity_path(n["id"])),
                          "acronym": e.get("acronym"), "alt_labels": e.get("alt_labels", [])})
    from app.web.labels import edge_label

    relations = sorted({e["relation"] for e in net["edges"]})
    return jsonify({"nodes": nodes, "edges": net["edges"], "relations": relations,
                    "relation_labels": {r: edge_label(r) for r in relations},
                    "downloads": {f: url_for("api.network", format=f) for f in NETWORK_FORMATS}})


@bp.get("/api/openapi.json")
def openapi():
    return jsonify(openapi_document("/"))  # relative: never echo the Host header


def _q(name: str, desc: str, required=False, schema=None, example=None) -> dict:
    p = {"name": name, "in": "query", "required": required, "description": desc,
         "schema": schema or {"type": "string"}}
    if example is not None:
        p["example"] = example
    return p


NON_BLANK = {"type": "string", "minLength": 1, "pattern": r"\S"}
IRI = {"type": "string", "format": "iri", "pattern": r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$"}


def openapi_document(server: str) -> dict:
    err = {"description": "Error (JSON)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    json_obj = lambda ref, desc: {"description": desc, "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}}  # noqa: E731
    path_param = {"name": "entity_path", "in": "path", "required": True,
                  "description": "Entity path `<type>/<key>`, e.g. `country/JOR` or `organization/gov-nld`.",
                  "schema": {"type": "string"}, "example": "country/JOR"}
    evidence = {"type": "object", "properties": {
        "passage_id": {"type": "string"}, "section": {"type": "string"}, "text": {"type": "string"},
        "highlights": {"type": "array", "items": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2}}},
        "required": ["passage_id", "section", "text"]}
    return {
        "openapi": "3.1.0",
        "info": {"title": "floorgraph API", "version": "0.1.0",
                 "description": "Questions, passage search, entities and the partnership network of the knowledge graph "
                                "built from the ILO report 'Building social protection floors for all - Annual Report 2024'."},
        "servers": [{"url": server}],
        "paths": {
            "/api/ask": {"get": {
                "operationId": "ask", "summary": "Answer a natural-language question from the knowledge graph",
                "parameters": [_q("q", "The question (not blank)", True, schema=NON_BLANK, example="Who funds the work in Jordan?")],
                "responses": {"200": json_obj("Answer", "Answers with evidence"), "400": err, "413": err,
                              "500": err, "503": err}}},
            "/api/search": {"get": {
                "operationId": "search", "summary": "Ranked report passages for a query",
                "parameters": [_q("q", "Search text (not blank)", True, schema=NON_BLANK, example="fiscal space"),
                               _q("k", "Number of passages (1-50)", schema={"type": "integer", "minimum": 1, "maximum": MAX_K, "default": 10}),
                               _q("mode", "Retrieval mode", schema={"type": "string", "enum": list(SEARCH_MODES), "default": "hybrid"})],
                "responses": {"200": json_obj("SearchResults", "Ranked passages"), "400": err, "413": err, "503": err}}},
            "/api/entity/{entity_path}": {"get": {
                "operationId": "entity", "summary": "Everything the graph knows about one entity, with evidence",
                "parameters": [path_param],
                "responses": {"200": json_obj("EntityCard", "The entity"), "404": err, "503": err}}},
            "/api/entities": {"get": {
                "operationId": "entities", "summary": "Find entities by name (search boxes, autocomplete)",
                "parameters": [_q("q", "Name or part of a name; empty lists all", example="Jordan"),
                               _q("type", "Comma-separated entity types, e.g. Country,Organization"),
                               _q("limit", "Maximum results (1-1000)", schema={"type": "integer", "minimum": 1, "maximum": 1000, "default": 20})],
                "responses": {"200": json_obj("EntityList", "Matching entities"), "400": err, "503": err}}},
            "/api/network": {"get": {
                "operationId": "network", "summary": "The partnership network (countries, organisations, initiatives)",
                "parameters": [_q("format", "Download a file instead of the JSON view",
                                  schema={"type": "string", "enum": list(NETWORK_FORMATS)})],
                "responses": {"200": {"description": "The network", "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Network"}},
                    "application/gexf+xml": {"schema": {"type": "string"}},
                    "application/graphml+xml": {"schema": {"type": "string"}}}},
                    "400": err, "503": err}}},
            "/api/openapi.json": {"get": {
                "operationId": "openapi", "summary": "This document",
                "responses": {"200": {"description": "OpenAPI 3.1 document", "content": {"application/json": {"schema": {"type": "object"}}}}}}},
            "/sparql": {
                "get": {"operationId": "sparqlGet", "summary": "SPARQL 1.1 query (read-only); without a query: the YASGUI editor (HTML) or a service description",
                        "parameters": [_q("query", "SPARQL query", schema=NON_BLANK, example="SELECT * WHERE { ?s ?p ?o } LIMIT 10"),
                                       _q("default-graph-uri", "Default graph IRI(s): absolute IRIs", schema=IRI),
                                       _q("named-graph-uri", "Named graph IRI(s): absolute IRIs", schema=IRI),
                                       _q("format", "Result format (json, xml, csv, tsv, turtle, ntriples, jsonld)")],
                        "responses": {"200": {"description": "Query results, chosen by Accept or format", "content": {
                            "application/sparql-results+json": {"schema": {"type": "object"}},
                            "application/sparql-results+xml": {"schema": {"type": "string"}},
                            "text/csv": {"schema": {"type": "string"}}, "text/tab-separated-values": {"schema": {"type": "string"}},
                            "text/turtle": {"schema": {"type": "string"}}, "application/n-triples": {"schema": {"type": "string"}},
                            "application/ld+json": {"schema": {"type": "object"}}, "text/html": {"schema": {"type": "string"}}}},
                            "400": err, "403": err, "503": err}},
                "post": {"operationId": "sparqlPost", "summary": "SPARQL 1.1 query by POST",
                         "requestBody": {"required": True, "content": {
                             "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {"query": NON_BLANK}, "required": ["query"]}},
                             "application/sparql-query": {"schema": NON_BLANK}}},
                         "responses": {"200": {"description": "Query results", "content": {
                             "application/sparql-results+json": {"schema": {"type": "object"}}}},
                             "400": err, "403": err, "415": err, "503": err}}},
        },
        "components": {"schemas": {
            "Error": {"type": "object", "properties": {"error": {"type": "string"}, "status": {"type": "integer"},
                                                       "message": {"type": "string"}}, "required": ["error", "status", "message"]},
            "Evidence": evidence,
            "Answer": {"type": "object", "properties": {
                "question": {"type": "string"}, "answer_type": {"type": "string"},
                "answers": {"type": "array", "items": {"type": "object", "properties": {
                    # an answer read from a sentence (a name, a title, a figure) has no graph entity: iri null
                    "label": {"type": "string"}, "iri": {"type": ["string", "null"]}, "type": {"type": "string"},
                    "iso3": {"type": ["string", "null"]}, "value": {}, "score": {"type": "number"},
                    "evidence": {"type": "array", "items": {"$ref": "#/components/schemas/Evidence"}}},
                    "required": ["label", "score", "evidence"]}},
                "sparql": {"type": ["string", "null"]}, "strategy": {},
                "answer_text": {"type": "string"}, "citations": {"type": "object", "additionalProperties": {"type": "string"}},
                # no answer: why (the report's "none", a name it never writes, a ratification not yet
                # registered) and the nearest passages, those the message rests on first (backs_message)
                "message": {"type": "string"},
                "passages": {"type": "array", "items": {"type": "object", "properties": {
                    "passage_id": {"type": "string"}, "section": {"type": "string"}, "text": {"type": "string"},
                    "score": {"type": "number"}, "backs_message": {"type": "boolean"}},
                    "required": ["passage_id", "text"]}},
                "timings_ms": {"type": "object", "additionalProperties": {"type": "number"}}},
                "required": ["question", "answer_type", "answers"]},
            "SearchResults": {"type": "object", "properties": {
                "query": {"type": "string"}, "mode": {"type": "string"}, "k": {"type": "integer"},
                "index": {"type": "string", "enum": ["ok", "unavailable"]}, "message": {"type": ["string", "null"]},
                "results": {"type": "array", "items": {"type": "object", "properties": {
                    "rank": {"type": "integer"}, "passage_id": {"type": "string"}, "section": {"type": "string"},
                    "text": {"type": "string"}, "score": {"type": "number"},
                    "highlights": {"type": "array", "items": {"type": "array", "items": {"type": "integer"}}}}}},
                "timings_ms": {"type": "object"}}, "required": ["query", "results"]},
            "EntitySummary": {"type": "object", "properties": {
                "id": {"type": "string"}, "label": {"type": "string"}, "type": {"type": "string"},
                "path": {"type": "string"}, "url": {"type": "string"}, "iri": {"type": "string"}}},
            "EntityList": {"type": "object", "properties": {
                "query": {"type": "string"}, "total": {"type": "integer"},
                "results": {"type": "array", "items": {"$ref": "#/components/schemas/EntitySummary"}}}},
            "EntityCard": {"type": "object", "properties": {
                "id": {"type": "string"}, "iri": {"type": "string"}, "path": {"type": "string"}, "type": {"type": "string"},
                "label": {"type": "string"}, "alt_labels": {"type": "array", "items": {"type": "string"}},
                "acronym": {"type": ["string", "null"]}, "role": {"type": ["string", "null"]}, "attrs": {"type": "object"},
                "relations": {"type": "array", "items": {"type": "object", "properties": {
                    "predicate": {"type": "string"}, "direction": {"type": "string", "enum": ["in", "out"]},
                    "kind": {"type": "string"}, "other": {"$ref": "#/components/schemas/EntitySummary"},
                    "attrs": {"type": "object"}, "evidence": {"type": "array", "items": {"$ref": "#/components/schemas/Evidence"}}}}},
                "mentioned_in": {"type": "array", "items": {"$ref": "#/components/schemas/Evidence"}},
                "mentioned_in_total": {"type": "integer"}, "describe_query": {"type": "string"},
                "sparql_editor_url": {"type": "string"}},
                "required": ["id", "iri", "type", "label", "relations"]},
            "Network": {"type": "object", "properties": {
                "nodes": {"type": "array", "items": {"type": "object", "properties": {
                    "id": {"type": "string"}, "label": {"type": "string"}, "type": {"type": "string"},
                    "kind": {"type": "string"}, "region": {"type": "string"}, "degree": {"type": "integer"},
                    "centrality": {"type": "number"}, "community": {"type": "integer"},
                    "x": {"type": "number"}, "y": {"type": "number"}, "url": {"type": "string"}}}},
                "edges": {"type": "array", "items": {"type": "object", "properties": {
                    "source": {"type": "string"}, "target": {"type": "string"},
                    "relation": {"type": "string", "enum": ["funds", "partners", "member_of"]},
                    "predicate": {"type": "string"}, "passages": {"type": "array", "items": {"type": "string"}}}}}}},
        }},
    }
