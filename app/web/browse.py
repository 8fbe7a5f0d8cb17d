"""Browsing pages: the entity index with facets, the map, the charts, the report reader, the dataset."""
from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("browse", __name__)


@bp.get("/entities")
def entities():
    return render_template("error.html", title="Entities", message="coming", status=200)


@bp.get("/map")
def map_page():
    return render_template("error.html", title="Map", message="coming", status=200)


@bp.get("/charts")
def charts():
    return render_template("error.html", title="Charts", message="coming", status=200)


@bp.get("/report")
def report():
    return render_template("error.html", title="Report", message="coming", status=200)


@bp.get("/dataset")
def dataset():
    return render_template("error.html", title="Dataset", message="coming", status=200)
