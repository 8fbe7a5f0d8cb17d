"""The HTML pages: search/questions at ``/``, entity pages at ``/entity/<type>/<key>``, ``/network``.

Every page renders server-side and works without JavaScript (GET forms, answers, evidence and
passages in the HTML; the network page lists its edges); the small scripts in ``web/static``
only enhance.  Errors on these pages are HTML pages with a message, never a JSON body or a 500.
"""
from __future__ import annotations

import json
from collections import OrderedDict
from pathlib import Path

from flask import Blueprint, current_app, render_template, request, url_for
from markupsafe import Markup, escape

from app.web import api, labels

WEB_DIR = Path(__file__).resolve().parent
bp = Blueprint("pages", __name__)

EXAMPLE_QUESTIONS = [
    "Who funds the work in Jordan?",
    "Which Global Accelerator pathfinders ratified Convention No. 102?",
    "Which countries did ILO-IMF support on fiscal space?",
    "Which organisations partner with the ILO in Cambodia?",
    "What is the Global Partnership for Universal Social Protection?",
]


NAV_LINKS = [("pages.index", "Search"), ("browse.entities", "Entities"), ("browse.map_page", "Map"),
             ("browse.charts", "Charts"), ("pages.network", "Network"), ("browse.report", "Report")]


# -- template helpers ------------------------------------------------------------------------
@bp.app_template_filter("highlight")
def highlight(text: str, spans) -> Markup:
    """``text`` escaped, with ``spans`` ([[start, end], ...]) wrapped in <mark>."""
    text = text or ""
    try:
        spans = api.merge_spans(spans or [], len(text))
    except (TypeError, ValueError):
        spans = []
    out, pos = [], 0
    for s, e in spans:
        out.append(escape(text[pos:s]))
        out.append(Markup("<mark>") + escape(text[s:e]) + Markup("</mark>"))
        pos = e
    out.append(escape(text[pos:]))
    return Markup("").join(out)


bp.add_app_template_filter(labels.type_label, "type_label")
bp.add_app_template_filter(labels.kind_label, "kind_label")
bp.add_app_template_filter(labels.attr_label, "attr_label")
bp.add_app_template_filter(labels.format_number, "number")


@bp.app_template_filter("attr_value")
def attr_value(value, key: str, attrs=None) -> str:
    return labels.attr_value(key, value, attrs)


@bp.app_template_filter("pretty_json")
def pretty_json(v) -> str:
    return v if isinstance(v, str) else json.dumps(v, indent=2, ensure_ascii=False)


@bp.app_context_processor
def _globals():
    from flask import current_app

    from app.web.corpus import corpus_info

    return {"nav_links": NAV_LINKS, "sparql_url": "/sparql",
            "corpus": corpus_info(current_app.config["FLOORGRAPH"].data_dir)}


def _html_error(status: int, title: str, message: str):
    return render_template("error.html", title=title, message=message, status=status), status


def _entity_link(iri: str | None) -> str | None:
    """The entity page for a floorgraph IRI (answers carry IRIs)."""
    prefix = "https://w3id.org/floorgraph/id/"
    if iri and iri.startswith(prefix):
        path = iri[len(prefix):]
        try:
            kb = api.get_knowledge()
        except api.Unavailable:
            return None
        from app.knowledge import entity_id_from_path

        eid = entity_id_from_path(path)
        if eid and kb.entity(eid):
            return url_for("pages.entity", entity_path=path)
    return None


# -- routes ----------------------------------------------------------------------------------
@bp.get("/")
def index():
    raw = request.args.get("q")
    q = api.clean_question(raw)
    ctx: dict = {"q": q, "examples": EXAMPLE_QUESTIONS, "asked": raw is not None, "answer": None, "view": None,
                 "passages": None, "status": None, "message": None, "related": [], "dataset_jsonld": None,
                 "said": None}
    if raw is None:
        from app.web.browse import dataset_jsonld

        ctx["dataset_jsonld"] = dataset_jsonld()
        return render_template("index.html", **ctx)
    out = api.ask(q)
    ctx["status"], ctx["message"] = out["status"], out.get("message")
    if out["status"] in ("empty", "too_long"):
        ctx["q"] = out["question"]
        return render_template("index.html", **ctx), (200 if out["status"] == "empty" else 413)
    if out["status"] == "warming_up":
        return render_template("index.html", refresh=out.get("retry_after", 3), **ctx), 503, \
            {"Retry-After": str(out.get("retry_after", 3))}
    kb = _knowledge_or_none()
    if out["status"] == "ok":
        from app.web.answers import present

        result = out["result"]
        ctx["answer"] = result
        ctx["view"] = present(result, kb=kb, tables=_tables(), entity_url=_entity_link,
                              page_of=_page_finder(kb))
        from app.qa.engine import NO_RELIABLE_ANSWER

        # an empty answer's own reason ("none of ...", "not yet registered"), not the generic abstention
        ctx["said"] = result.get("message") if result.get("message") != NO_RELIABLE_ANSWER else None
        if result.get("sparql"):
            ctx["sparql_editor_url"] = api.sparql_editor_url(result["sparql"])
    passages = api.search(q, k=10, mode="hybrid")
    if passages.get("status") == "ok":
        from app.web.suggest import relevant_passages

        shown = {e.passage_id for e in ctx["view"]["evidence"]} if ctx["view"] else set()
        kept = relevant_passages(passages["results"], api.query_terms(q))
        passages["dropped"] = len(passages["results"]) - len(kept)
        passages["results"] = [p for p in kept if p["passage_id"] not in shown]
        passages["in_evidence"] = len([p for p in kept if p["passage_id"] in shown])
    backing = _message_passages(ctx["answer"]) if not (ctx["view"] and ctx["view"]["answers"]) else []
    if backing and passages.get("status") == "ok":  # the sentence an empty answer's message rests on, first
        ids = {p["passage_id"] for p in backing}
        passages["results"] = backing + [p for p in passages["results"] if p["passage_id"] not in ids]
    ctx["passages"] = passages
    if kb is not None and not (ctx["view"] and ctx["view"]["answers"]):
        from app.web.suggest import related_questions

        ctx["related"] = related_questions(kb, q, [p["passage_id"] for p in passages.get("results", [])]) \
            or EXAMPLE_QUESTIONS
    return render_template("index.html", **ctx)


def _message_passages(result: dict | None) -> list[dict]:
    """The passages the engine marks as what its no-answer message rests on ("the ratification
    was approved in 2024 and is not yet registered"), as the page lists passages."""
    return [{"passage_id": p["passage_id"], "section": p.get("section", ""), "text": p.get("text", ""),
             "highlights": p.get("highlights") or []}
            for p in (result or {}).get("passages") or [] if p.get("backs_message")]


def _knowledge_or_none():
    try:
        return api.get_knowledge()
    except api.Unavailable:
        return None


def _tables() -> list[dict]:
    """tables.json of the build (for showing table evidence as a table), loaded once."""
    def load():
        path = current_app.config["FLOORGRAPH"].data_dir / "tables.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else []
    try:
        return api._cached("floorgraph.tables", load)
    except api.Unavailable:
        return []


def _page_finder(kb):
    """passage id -> "p. N" where the report's contents table gives the page of its section."""
    if kb is None:
        return lambda pid: None
    from app.web.report_pages import page_index

    try:
        idx = api._cached("floorgraph.pages", lambda: page_index(kb, _tables()))
    except api.Unavailable:
        return lambda pid: None
    return idx.get


@bp.get("/entity/<path:entity_path>")
def entity(entity_path: str):
    try:
        card = api.entity_card(entity_path)
    except api.Unavailable as exc:
        return _html_error(503, "Knowledge graph unavailable", str(exc))
    if card is None:
        return _html_error(404, "Entity not found",
                           f"There is no entity at “{entity_path}”. Try the search box above.")
    groups: "OrderedDict[tuple[str, str], list]" = OrderedDict()
    for rel in sorted(card["relations"], key=lambda r: (r["predicate"], r["direction"], r["other"]["label"])):
        groups.setdefault((rel["predicate"], rel["label"]), []).append(rel)
    return render_template("entity.html", card=card, groups=groups)


@bp.get("/network")
def network():
    try:
        kb = api.get_knowledge()
    except api.Unavailable as exc:
        return _html_error(503, "Knowledge graph unavailable", str(exc))
    from app.knowledge import entity_path

    net = kb.network
    by_id = {n["id"]: n for n in net["nodes"]}
    edges = []
    for e in net["edges"]:
        s, t = by_id.get(e["source"], {}), by_id.get(e["target"], {})
        edges.append({"relation": e["relation"], "predicate": e["predicate"],
                      "relation_label": labels.edge_label(e["relation"]),
                      "source": {"label": s.get("label", e["source"]), "url": url_for("pages.entity", entity_path=entity_path(e["source"]))},
                      "target": {"label": t.get("label", e["target"]), "url": url_for("pages.entity", entity_path=entity_path(e["target"]))}})
    regions = sorted({n.get("region") for n in net["nodes"] if n.get("region")})
    kinds = sorted(((k, labels.kind_label(k)) for k in {n.get("kind") for n in net["nodes"]
                    if n.get("kind") and n.get("type") == "organization"}), key=lambda kv: kv[1])
    relations = [(r, labels.edge_label(r)) for r in sorted({e["relation"] for e in net["edges"]})]
    return render_template("network.html", edges=edges, nodes=net["nodes"], regions=regions, kinds=kinds,
                           relations=relations)
