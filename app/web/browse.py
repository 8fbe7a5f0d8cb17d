"""Browsing pages: the entity index with facets, the map, the charts, the report reader, the dataset
page, and CSV/JSON downloads of every list (the Datasette pattern: ``/entities.csv``,
``/entities.json`` or ``?_format=csv|json`` on the page's own URL).

Everything is computed from the built knowledge base; nothing names a country, funder or table.
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter, defaultdict

from flask import Blueprint, Response, current_app, jsonify, render_template, request, url_for

from app.web import api
from app.web.labels import format_number, humanise, kind_label, type_label

bp = Blueprint("browse", __name__)

FACETS = ("type", "region", "kind", "funder")
SORTS = {"label": "Name", "type": "Type", "relations": "Relations", "region": "Region"}


# -- the Datasette pattern -------------------------------------------------------------------
def _wanted_format(ext: str | None) -> str | None:
    fmt = (ext or request.args.get("_format") or "").lower()
    return fmt if fmt in ("csv", "json") else None


def table_response(rows: list[dict], columns: list[str], fmt: str, name: str, meta: dict | None = None):
    """``rows`` as a CSV download or a JSON document ({"columns", "rows", ...meta})."""
    if fmt == "json":
        resp = jsonify((meta or {}) | {"columns": columns, "rows": rows, "count": len(rows)})
    else:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: "; ".join(map(str, v)) if isinstance(v, list) else v for k, v in r.items()})
        resp = Response(buf.getvalue(), mimetype="text/csv")
        resp.charset = "utf-8"
        resp.headers["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return resp


def _kb():
    return api.get_knowledge()


def _unavailable(exc):
    return render_template("error.html", title="Knowledge graph unavailable", message=str(exc), status=503), 503


# -- entity index with facets ----------------------------------------------------------------
def entity_rows(kb) -> list[dict]:
    """One row per entity: label, type, region, kind, funders, relation count, page."""
    from app.knowledge import entity_path

    region_of: dict[str, str] = {}
    funders: dict[str, list[str]] = defaultdict(list)
    degree: Counter = Counter()
    for f in kb.facts:
        degree[f["subject"]] += 1
        degree[f["object"]] += 1
        if f["predicate"] == "inRegion":
            region_of[f["subject"]] = kb.label(f["object"])
        elif f["predicate"] == "fundedBy":
            name = kb.label(f["object"])
            if name not in funders[f["subject"]]:
                funders[f["subject"]].append(name)
    rows = []
    for eid, e in kb.entities.items():
        path = entity_path(eid)
        rows.append({"id": eid, "label": e["label"], "type": type_label(e["type"]), "region": region_of.get(eid, ""),
                     "kind": kind_label(e.get("role")) if e.get("role") else "",
                     "funders": sorted(funders.get(eid, [])), "relations": degree[eid],
                     "url": url_for("pages.entity", entity_path=path),
                     "iri": "https://w3id.org/floorgraph/id/" + path})
    return rows


def _matches(row: dict, facet: str, value: str) -> bool:
    v = row.get(facet)
    if facet == "funder":
        return value in row["funders"]
    return v == value


def facet_view(rows: list[dict], selected: dict[str, str]) -> dict[str, list[tuple[str, int, bool]]]:
    """facet -> [(value, count, selected)], each counted over the rows the *other* facets select."""
    out = {}
    for facet in FACETS:
        pool = [r for r in rows if all(_matches(r, f, v) for f, v in selected.items() if f != facet)]
        counts: Counter = Counter()
        for r in pool:
            for v in (r["funders"] if facet == "funder" else [r.get(facet)]):
                if v:
                    counts[v] += 1
        out[facet] = [(v, n, selected.get(facet) == v) for v, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return out


@bp.get("/entities")
@bp.get("/entities.<ext>")
def entities(ext: str | None = None):
    if ext is not None and ext not in ("csv", "json"):
        return render_template("error.html", title="Not found", message=f"No format “{ext}”: use .csv or .json.",
                               status=404), 404
    try:
        kb = _kb()
    except api.Unavailable as exc:
        return _unavailable(exc)
    rows = entity_rows(kb)
    selected = {f: request.args[f] for f in FACETS if request.args.get(f)}
    q = api.clean_question(request.args.get("q"))[:200]
    shown = [r for r in rows if all(_matches(r, f, v) for f, v in selected.items())]
    if q:
        from app.knowledge import norm

        nq = norm(q)
        shown = [r for r in shown if nq in norm(r["label"]) or any(nq in norm(x) for x in kb.names(r["id"]))]
    sort = request.args.get("sort") if request.args.get("sort") in SORTS else "label"
    desc = request.args.get("order", "desc" if sort == "relations" else "asc") == "desc"
    shown.sort(key=lambda r: (r[sort] if sort == "relations" else str(r[sort]).casefold(), r["label"].casefold()),
               reverse=desc)
    fmt = _wanted_format(ext)
    columns = ["label", "type", "region", "kind", "funders", "relations", "url", "iri"]
    if fmt:
        return table_response(shown, columns, fmt, "floorgraph-entities",
                              {"filters": selected | ({"q": q} if q else {}), "sort": sort})
    args = {k: v for k, v in request.args.items() if k in (*FACETS, "q", "sort", "order")}
    return render_template("entities.html", rows=shown, total=len(rows), facets=facet_view(rows, selected),
                           selected=selected, q=q, sort=sort, desc=desc, sorts=SORTS, args=args,
                           facet_names={"type": "Type", "region": "Region", "kind": "Kind of organisation",
                                        "funder": "Funded by"})


# -- answers as a list -------------------------------------------------------------------------
@bp.get("/answers")
@bp.get("/answers.<ext>")
def answers_download(ext: str | None = None):
    """The answers to ``q`` as CSV or JSON (the page shows them; this downloads them)."""
    fmt = _wanted_format(ext) or "json"
    out = api.ask(request.args.get("q"))
    if out["status"] != "ok":
        return api._error(out["http"], out["message"], reason=out["status"])
    rows = []
    for a in out["result"].get("answers", []):
        ev = a.get("evidence") or []
        rows.append({"label": a.get("label"), "type": a.get("type"), "value": a.get("value"), "iri": a.get("iri"),
                     "score": a.get("score"), "passages": [e.get("passage_id") for e in ev],
                     "evidence": [e.get("text") for e in ev][:1]})
    return table_response(rows, ["label", "type", "value", "iri", "score", "passages", "evidence"], fmt,
                          "floorgraph-answers", {"question": out["result"].get("question")})


# -- report reader ------------------------------------------------------------------------------
@bp.get("/report")
def report():
    """The whole converted report, one anchor per passage (``/report#<passage-id>``)."""
    try:
        kb = _kb()
    except api.Unavailable as exc:
        return _unavailable(exc)
    from app.web.pages import _tables

    tables = _tables()
    blocks, last_path = [], None
    for pid, p in kb.passages.items():
        path = list(p.section_path or [])
        if path != last_path:
            common = 0
            while last_path and common < min(len(path), len(last_path)) and path[common] == last_path[common]:
                common += 1
            for depth in range(common, len(path)):
                blocks.append({"heading": path[depth], "level": min(depth + 2, 6)})
            last_path = path
        table = None
        if p.kind == "table":
            table = next((t for t in tables if t["start"] <= p.start < t["end"]), None)
        blocks.append({"id": pid, "text": p.text, "kind": p.kind, "table": table})
    return render_template("report.html", blocks=blocks)


# -- dataset ------------------------------------------------------------------------------------
DOWNLOADS = (("graph.ttl", "text/turtle", "Turtle"), ("graph.jsonld", "application/ld+json", "JSON-LD"),
             ("graph.nt", "application/n-triples", "N-Triples"))


def dataset_jsonld() -> dict:
    """DCAT + schema.org description of the graph: licence, creator, distributions."""
    from app.web.corpus import corpus_info

    cfg = current_app.config["FLOORGRAPH"]
    info = corpus_info(cfg.data_dir)
    base = request.host_url.rstrip("/")
    dists = []
    for name, mt, label in DOWNLOADS:
        if (cfg.data_dir / name).is_file():
            url = base + url_for("browse.download", name=name)
            dists.append({"@type": ["dcat:Distribution", "DataDownload"], "name": f"Knowledge graph ({label})",
                          "encodingFormat": mt, "dcat:mediaType": mt, "contentUrl": url, "dcat:downloadURL": url})
    dists.append({"@type": ["dcat:Distribution", "DataDownload"], "name": "SPARQL endpoint",
                  "encodingFormat": "application/sparql-results+json", "contentUrl": base + "/sparql",
                  "dcat:accessURL": base + "/sparql"})
    source = {"@type": "Report", "name": info.title or info.source_file}
    if info.doi:
        source["identifier"] = f"https://doi.org/{info.doi}"
    if info.publisher:
        source["publisher"] = {"@type": "Organization", "name": info.publisher}
    doc = {
        "@context": {"@vocab": "https://schema.org/", "dcat": "http://www.w3.org/ns/dcat#",
                     "dct": "http://purl.org/dc/terms/"},
        "@type": ["Dataset", "dcat:Dataset"],
        "@id": base + url_for("browse.dataset"),
        "name": f"floorgraph knowledge graph of {info.title}" if info.title else "floorgraph knowledge graph",
        "description": "Entities (countries, organisations, initiatives, instruments, schemes, publications), "
                       "their relations and the report passages that state them, extracted automatically "
                       "from the report text.",
        "url": base + url_for("browse.dataset"),
        "isBasedOn": source,
        "creator": {"@type": "Organization", "name": info.publisher} if info.publisher else {"@type": "Organization", "name": "floorgraph"},
        "distribution": dists,
        "dct:conformsTo": "https://www.w3.org/TR/sparql11-protocol/",
    }
    if info.license_url:
        doc["license"] = info.license_url
        doc["dct:license"] = info.license_url
    if info.citation:
        doc["citation"] = info.citation
    return doc


@bp.get("/dataset")
def dataset():
    cfg = current_app.config["FLOORGRAPH"]
    files = [(name, label, (cfg.data_dir / name).stat().st_size) for name, _, label in DOWNLOADS
             if (cfg.data_dir / name).is_file()]
    stats = {}
    if cfg.stats_file.is_file():
        try:
            stats = json.loads(cfg.stats_file.read_text(encoding="utf-8"))
        except ValueError:
            stats = {}
    return render_template("dataset.html", jsonld=dataset_jsonld(), files=files, stats=stats)


@bp.get("/download/<name>")
def download(name: str):
    from flask import send_from_directory

    known = {n: mt for n, mt, _ in DOWNLOADS}
    if name not in known:
        return api._error(404, f"no download named {name!r}")
    cfg = current_app.config["FLOORGRAPH"]
    if not (cfg.data_dir / name).is_file():
        return api._error(503, f"{name} is not built; run: floorgraph build")
    return send_from_directory(cfg.data_dir, name, mimetype=known[name], as_attachment=True,
                               download_name=f"floorgraph-{name}")


# -- map ------------------------------------------------------------------------------------------
def country_rows(kb) -> list[dict]:
    """Per country: ISO codes, region, funders, result types, relation count, page."""
    import pycountry

    by_id = {r["id"]: r for r in entity_rows(kb)}
    results: dict[str, list[str]] = defaultdict(list)
    for f in kb.facts:
        if f["predicate"] == "achievedResult":
            t = humanise(f.get("attrs", {}).get("result_type", "")) or "Result"
            if t not in results[f["subject"]]:
                results[f["subject"]].append(t)
    out = []
    for e in kb.of_type("Country"):
        iso3 = e.get("attrs", {}).get("iso3") or e["key"]
        c = pycountry.countries.get(alpha_3=iso3)
        r = by_id[e["id"]]
        out.append({"iso3": iso3, "numeric": c.numeric if c else "", "label": e["label"], "url": r["url"],
                    "region": r["region"], "funders": r["funders"], "results": sorted(results.get(e["id"], [])),
                    "relations": r["relations"]})
    return sorted(out, key=lambda r: r["label"])


@bp.get("/map")
def map_page():
    try:
        kb = _kb()
    except api.Unavailable as exc:
        return _unavailable(exc)
    rows = country_rows(kb)
    funders = Counter(f for r in rows for f in r["funders"])
    results = Counter(t for r in rows for t in r["results"])
    return render_template("map.html", rows=rows, funders=funders.most_common(), results=sorted(results.items()))


@bp.get("/api/countries")
@bp.get("/countries.<ext>")
def countries_data(ext: str | None = None):
    try:
        kb = _kb()
    except api.Unavailable as exc:
        return api._error(503, str(exc))
    rows = country_rows(kb)
    fmt = _wanted_format(ext) or "json"
    return table_response(rows, ["label", "iso3", "numeric", "region", "funders", "results", "relations", "url"],
                          fmt, "floorgraph-countries")


# -- charts -------------------------------------------------------------------------------------
YEAR = re.compile(r"^(?:19|20)\d{2}$")
MONEY_HEADER = re.compile(r"US\$|USD|fund|amount|budget", re.I)


def funding_by_year(tables: list[dict]) -> dict | None:
    """A table whose first column is years and one of whose column headers names money: the
    report's funding per year, wherever it is and whatever its number."""
    for t in tables:
        rows = [[c.strip() for c in r] for r in t.get("rows", [])]
        header = (t.get("header") or [[]])[0] if t.get("header") else (rows[0] if rows else [])
        body = rows if t.get("header") else rows[1:]
        years = [r for r in body if r and YEAR.match(r[0])]
        if len(years) < 3:
            continue
        for col, h in enumerate(header):
            if col and MONEY_HEADER.search(h or ""):
                data = []
                for r in years:
                    v = re.sub(r"[^\d.]", "", r[col] if col < len(r) else "")
                    if v:
                        data.append({"year": r[0], "amount": float(v)})
                if len(data) >= 3:
                    unit = "US$" if re.search(r"US\$|USD", h) else ""
                    return {"title": t.get("title") or h, "measure": re.sub(r"\s*\(in US\$\)", "", h).strip(),
                            "unit": unit, "rows": data}
    return None


def results_by_region(kb) -> list[dict]:
    counts: Counter = Counter()
    region_of = {f["subject"]: kb.label(f["object"]) for f in kb.facts if f["predicate"] == "inRegion"}
    for f in kb.facts:
        if f["predicate"] == "achievedResult":
            t = humanise(f.get("attrs", {}).get("result_type", "")) or "Result"
            counts[(region_of.get(f["subject"], "No region"), t)] += 1
    return [{"region": r, "type": t, "results": n} for (r, t), n in sorted(counts.items())]


def funders_by_countries(kb) -> list[dict]:
    c: Counter = Counter()
    for f in kb.facts:
        if f["predicate"] == "fundedBy":
            c[kb.label(f["object"])] += 1
    return [{"funder": k, "countries": v} for k, v in c.most_common(15)]


@bp.get("/charts")
def charts():
    try:
        kb = _kb()
    except api.Unavailable as exc:
        return _unavailable(exc)
    from app.web.pages import _tables

    data = {"results": results_by_region(kb), "funding": funding_by_year(_tables()),
            "funders": funders_by_countries(kb)}
    return render_template("charts.html", data=data, fmt=format_number)


@bp.get("/api/charts")
def charts_data():
    try:
        kb = _kb()
    except api.Unavailable as exc:
        return api._error(503, str(exc))
    from app.web.pages import _tables

    return jsonify({"results": results_by_region(kb), "funding": funding_by_year(_tables()),
                    "funders": funders_by_countries(kb)})
