"""Human wording for the codes the graph uses: relation names, entity types, organisation kinds,
attribute names and numbers.  One place, so that pages, the JSON API and the network agree and no
template shows "memberOf (inverse)", "un_agency" or "8100000.0".

Relation labels come from the relation registry (``graph.relations.REGISTRY``), both directions;
nothing here names a particular relation.  Organisation kinds are vocabulary (kinds of
organisation), not facts from the report: :func:`kind_label` is the single hook to point at a
declaration of them when the graph package provides one.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

TYPE_LABELS = {"Organization": "Organisation", "LegalInstrument": "Legal instrument",
               "InstitutionalResult": "Institutional result", "ThematicArea": "Thematic area"}

# Kinds of organisation (general vocabulary).  Unknown codes are humanised by rule.
KIND_LABELS = {
    "un_agency": "UN agency", "ifi": "International financial institution",
    "bilateral_donor": "Government (bilateral partner)", "multi_donor_fund": "Multi-donor fund",
    "national_institution": "National institution", "private_company": "Private company",
    "foundation": "Foundation", "ngo": "Non-governmental organisation", "other": "Other organisation",
    "initiative": "Initiative", "country": "Country", "organization": "Organisation",
    "workers_organization": "Workers' organisation", "employers_organization": "Employers' organisation",
}
ATTR_LABELS = {"iso3": "ISO 3166 code", "iso2": "ISO 3166 two-letter code", "priority": "Priority country",
               "expansion": "Full name", "result_type": "Result type", "funding_label": "Named in the report as",
               "year": "Year", "amount": "Amount", "currency": "Currency", "status": "Status", "role": "Role",
               "number": "Number", "region": "Region"}
ACRONYMS = {"un", "ilo", "eu", "ifi", "ngo", "iso", "usd", "us"}


def humanise(code: str) -> str:
    """``camelCase`` / ``snake_case`` → "Sentence case" (acronyms kept upper-case)."""
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", str(code or "")).replace("_", " ").replace("-", " ").split()
    out = [w.upper() if w.lower() in ACRONYMS else w.lower() for w in words]
    text = " ".join(out)
    return text[:1].upper() + text[1:]


def type_label(t: str) -> str:
    t = t or ""
    key = t[:1].upper() + t[1:]
    return TYPE_LABELS.get(t, TYPE_LABELS.get(key, humanise(key)))


def kind_label(code: str | None) -> str:
    """An organisation kind (or role) code as words: ``un_agency`` → "UN agency"."""
    if not code:
        return ""
    try:  # a declaration in the graph package wins when it exists
        from graph.kinds import KIND_LABELS as DECLARED  # type: ignore
        if code in DECLARED:
            return DECLARED[code]
    except ImportError:
        pass
    return KIND_LABELS.get(code, humanise(code))


def attr_label(name: str) -> str:
    return ATTR_LABELS.get(name, humanise(name))


@lru_cache(maxsize=1)
def _registry_labels() -> dict[str, tuple[str, str]]:
    try:
        from graph.relations import REGISTRY
    except ImportError:  # pragma: no cover
        return {}
    return REGISTRY.labels()


def relation_label(predicate: str, direction: str = "out") -> str:
    """The registry's label of ``predicate`` read from the subject ("out") or the object ("in")."""
    fwd_inv = _registry_labels().get(predicate)
    if fwd_inv:
        return fwd_inv[0] if direction == "out" else fwd_inv[1]
    words = humanise(predicate).lower()
    return words if direction == "out" else f"is the object of “{words}” for"


@lru_cache(maxsize=1)
def edge_labels() -> dict[str, str]:
    """Network edge relation name (``funds``) → its words, from the registry's drawn relations."""
    try:
        from graph.relations import REGISTRY
    except ImportError:  # pragma: no cover
        return {}
    out: dict[str, str] = {}
    for name, (edge, reversed_) in REGISTRY.network_edges().items():
        fwd, inv = REGISTRY.labels()[name]
        out.setdefault(edge, inv if reversed_ else fwd)
    return out


def edge_label(edge: str) -> str:
    return edge_labels().get(edge, humanise(edge).lower())


_MONEY_WORDS = re.compile(r"(?:us\$|usd|\$|dollars?)", re.I)


def format_number(value, unit: str | None = None) -> str:
    """``8100000.0`` → "8,100,000"; with a unit ``US$`` → "US$ 8,100,000".  Strings that are not
    numbers come back unchanged."""
    if isinstance(value, bool) or value is None:
        return "" if value is None else ("yes" if value else "no")
    num = value
    if isinstance(value, str):
        s = value.strip().replace(",", "")
        if re.fullmatch(r"\d{1,4}", s) or s.startswith("0") and s != "0" and not s.startswith("0."):
            return value  # years, codes and numbers with leading zeros stay as written
        try:
            num = float(s)
        except ValueError:
            return value
    if not isinstance(num, (int, float)) or (isinstance(num, float) and not math.isfinite(num)):
        return str(value)
    text = f"{int(round(num)):,}" if float(num).is_integer() else f"{num:,.2f}".rstrip("0").rstrip(".")
    if unit:
        u = "US$" if _MONEY_WORDS.fullmatch(unit.strip()) else unit.strip()
        return f"{u} {text}" if u in ("US$", "€", "£") or len(u) <= 3 and u.isupper() else f"{text} {u}"
    return text


UNIT_KEYS = ("unit", "currency")
AS_WRITTEN = re.compile(r"(year|since|period|month|number|iso\d?|code|id)$", re.I)


def attr_value(key: str, value, attrs: dict | None = None) -> str:
    """An attribute value for people: lists joined, amounts with their unit and separators,
    years and codes as written, yes/no for booleans."""
    attrs = attrs or {}
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return ", ".join(attr_value(key, v, attrs) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{humanise(k).lower()}: {attr_value(k, v, attrs)}" for k, v in value.items())
    if AS_WRITTEN.search(key or ""):
        return str(value)
    unit = next((attrs[k] for k in UNIT_KEYS if attrs.get(k) and k != key), None)
    return format_number(value, unit if isinstance(value, (int, float)) or _looks_numeric(value) else None)


def _looks_numeric(v) -> bool:
    try:
        float(str(v).replace(",", ""))
        return True
    except ValueError:
        return False
