"""The HTML pages: search/questions at ``/``, entity pages at ``/entity/<type>/<key>``, ``/network``.

Every page renders server-side and works without JavaScript (GET forms, answers, evidence and
passages in the HTML; the network page lists its edges); the small scripts in ``web/static``
only enhance.  Errors on these pages are HTML pages with a message, never a JSON body or a 500.
"""
from __future__ import annotations

import json
from collections import OrderedDict
from pathlib import Path

from flask import Blueprint, render_template, request, url_for
from markupsafe import Markup, escape

from app.web import api
from graph.relations import REGISTRY

WEB_DIR = Path(__file__).resolve().parent
bp = Blueprint("pages", __name__, static_folder=str(WEB_DIR / "static"), static_url_path="/static/web")

EXAMPLE_QUESTIONS = [
    "Who funds the work in Jordan?",
    "Which Global Accelerator pathfinders ratified Convention No. 102?",
    "Which countries did ILO-IMF support on fiscal space?",
    "Which organisations partner with the ILO in Cambodia?",
    "What is the Global Partnership for Universal Social Protection?",
]


TYPE_LABELS = {"Organization": "Organisation", "LegalInstrument": "Legal instrument",
               "InstitutionalResult": "Institutional result", "ThematicArea": "Thematic area"}


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


@bp.app_template_filter("type_label")
def type_label(t: str) -> str:
    t = t or ""
    return TYPE_LABELS.get(t, TYPE_LABELS.get(t[:1].upper() + t[1:], t[:1].upper() + t[1:]))


@bp.app_template_filter("pretty_json")
def pretty_json(v) -> str:
    return v if isinstance(v, str) else json.dumps(v, indent=2, ensure_ascii=False)


@bp.app_context_processor
def _globals():
    return {"nav_links": [("pages.index", "Search"), ("pages.network", "Network")],
            "sparql_url": "/sparql"}


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
    ctx: dict = {"q": q, "examples": EXAMPLE_QUESTIONS, "asked": raw is not None, "answer": None,
                 "passages": None, "status": None, "message": None}
    if raw is None:
        return render_template("index.html", **ctx)
    out = api.ask(q)
    ctx["status"], ctx["message"] = out["status"], out.get("message")
    if out["status"] in ("empty", "too_long"):
        ctx["q"] = out["question"]
        return render_template("index.html", **ctx), (200 if out["status"] == "empty" else 413)
    if out["status"] == "ok":
        result = out["result"]
        for a in result.get("answers", []):
            a["url"] = _entity_link(a.get("iri"))
        ctx["answer"] = result
        if result.get("sparql"):
            ctx["sparql_editor_url"] = api.sparql_editor_url(result["sparql"])
    ctx["passages"] = api.search(q, k=10, mode="hybrid")
    return render_template("index.html", **ctx)


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
        out_label, in_label = REGISTRY.labels().get(rel["predicate"], (rel["predicate"], f"{rel['predicate']} (inverse)"))
        name = out_label if rel["direction"] == "out" else in_label
        groups.setdefault((rel["predicate"], name), []).append(rel)
    return render_template("entity.html", card=card, groups=groups)


@bp.get("/network")
def network():
    try:
        kb = api.get_knowledge()
    except api.Unavailable as exc:
        return _html_error(503, "Knowledge graph unavailable", str(exc))
    from app.knowledge import entity_path

    net = kb.network
    labels = {n["id"]: n for n in net["nodes"]}
    edges = []
    for e in net["edges"]:
        s, t = labels.get(e["source"], {}), labels.get(e["target"], {})
        edges.append({"relation": e["relation"], "predicate": e["predicate"],
                      "source": {"label": s.get("label", e["source"]), "url": url_for("pages.entity", entity_path=entity_path(e["source"]))},
                      "target": {"label": t.get("label", e["target"]), "url": url_for("pages.entity", entity_path=entity_path(e["target"]))}})
    regions = sorted({n.get("region") for n in net["nodes"] if n.get("region")})
    kinds = sorted({n.get("kind") for n in net["nodes"] if n.get("kind") and n.get("type") == "organization"})
    relations = sorted({e["relation"] for e in net["edges"]})
    return render_template("network.html", edges=edges, nodes=net["nodes"], regions=regions, kinds=kinds,
                           relations=relations)
