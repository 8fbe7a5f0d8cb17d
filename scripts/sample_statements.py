#!/usr/bin/env python
"""Draw a stratified random sample of the graph's statements, one stratum per relation class of the
completeness issue, for hand-checking in ``tests/fixtures/statement_sample.jsonl`` (see
``tests/test_statement_precision.py``).

    .venv/bin/floorgraph build --no-index --data-dir D
    .venv/bin/python scripts/sample_statements.py --data-dir D --per-class 20 --seed 7          # JSONL to stdout
    .venv/bin/python scripts/sample_statements.py --data-dir D --per-class 35 --seed 7 \\
        --out tests/fixtures/statement_sample.jsonl                                             # merge into the fixture

A *statement* is one fact of ``kb.json`` (subject, predicate, object and the qualifiers it asserts:
year, status, role, kind, coverage ... plus the asserted attributes of a Publication, Activity or
Quantity at either end) or one table observation (table, row, column, value, unit).  Its ``key``
identifies it: if an extractor changes a year or a role, the old statement is no longer produced,
so a judgement never silently carries over to a different claim.

Every registered relation (graph/relations.py) belongs to one class via :data:`CLASS_OF` (relation
names are vocabulary, not report facts); ``onTopic`` belongs to the class of its subject's kind.  An
unmapped relation is an error, so a new relation has to be placed before the sample can be drawn.
Within a class the sample takes relations in turn (each relation's statements shuffled with the
seed), so rare roles (host, founder) are represented and common ones do not crowd them out.

With ``--out``, judgements already in the file (``correct``/``why``) are kept, statements that are
no longer produced are kept too (the test reports them as stale), and new statements are added with
``"correct": null`` until they are judged; ``--top-up`` only adds statements to the classes with
fewer than ``--per-class`` judged statements that are still produced.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Iterable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# -- classes ------------------------------------------------------------------------------------
PARTNERS = "partners at country level"
ROLES = "roles in initiatives"
FUNDING = "funding detail"
CONVENTIONS = "conventions"
SCHEMES = "schemes, laws and programmes"
PUBLICATIONS = "publications"
TABLES = "table observations"
NUMBERS = "numbers in text"
ACTIVITIES = "dated activities"
STRUCTURE = "country structure"  # region and priority-country listings: not an issue class

ISSUE_CLASSES = (PARTNERS, ROLES, FUNDING, CONVENTIONS, SCHEMES, PUBLICATIONS, TABLES, NUMBERS, ACTIVITIES)
CLASSES = ISSUE_CLASSES + (STRUCTURE,)
STRUCTURE_QUOTA = 10

CLASS_OF: dict[str, str] = {
    "partneredWith": PARTNERS, "supportedBy": PARTNERS,
    "memberOf": ROLES, "pathfinderOf": ROLES, "coChairOf": ROLES, "founderOf": ROLES, "chairOf": ROLES,
    "secretariatOf": ROLES, "hostOf": ROLES, "constituentOf": ROLES,
    "partOf": ROLES,  # a working group or facility of a larger initiative
    "positionIn": ROLES,  # a staff position (focal point) an initiative works through
    "fundedBy": FUNDING, "governmentOf": FUNDING, "agencyOf": FUNDING, "institutionOf": FUNDING,
    "receivedAllocationFrom": FUNDING,  # a fund's allocations to countries, stated in its own text
    "ratified": CONVENTIONS, "inquiredAbout": CONVENTIONS, "alignmentAssessed": CONVENTIONS,
    "guidedBy": CONVENTIONS,  # the standards a country's work, programme or law is in line with
    "schemeInCountry": SCHEMES, "administeredBy": SCHEMES, "instrumentOfCountry": SCHEMES,
    "projectInCountry": SCHEMES,
    "publishedBy": PUBLICATIONS, "publicationAbout": PUBLICATIONS,
    "hasQuantity": NUMBERS,
    "activityIn": ACTIVITIES, "activityInvolved": ACTIVITIES, "activityConcerns": ACTIVITIES,
    "achievedResult": TABLES,  # the Table 4 results, kept as facts (country → result type, year)
    "inRegion": STRUCTURE, "priorityCountryOf": STRUCTURE,
}
# onTopic is said of publications, activities and schemes: its class is its subject's.
CLASS_BY_SUBJECT_TYPE = {"onTopic": {"Publication": PUBLICATIONS, "Activity": ACTIVITIES, "Scheme": SCHEMES}}
OBSERVATION = "observation"  # the pseudo-predicate of a table cell

# Fact attributes that are evidence or bookkeeping, not something the statement asserts.
NOT_ASSERTED = {"sentence", "funding_line", "funding_label", "listedTotal", "source", "topic",
                "description", "described_by", "year_source", "surface", "formats"}
# Attributes of the entity at either end that belong to the claim (a figure's value, a
# publication's year, an activity's kind): they go into the key as "subject.x"/"object.x".
END_ATTRS = {
    "Quantity": ("value", "unit", "measure", "year", "qualifier", "country"),
    "Activity": ("kind", "year", "country", "status"),
    "Publication": ("kind", "year", "language", "countries", "series", "number"),
}


UNMAPPED = "unmapped"  # a relation nobody has placed in a class yet (check_registry_mapped says which)


def class_of(predicate: str, subject_type: str | None = None) -> str:
    """The issue class of a relation, or UNMAPPED for one nobody has placed yet."""
    by_subject = CLASS_BY_SUBJECT_TYPE.get(predicate)
    if by_subject is not None:
        return by_subject.get(subject_type, UNMAPPED)
    return CLASS_OF.get(predicate, UNMAPPED)


def check_registry_mapped() -> list[str]:
    """Registered relations with no class (should be empty)."""
    from graph.relations import REGISTRY

    return [r.name for r in REGISTRY if r.name not in CLASS_OF and r.name not in CLASS_BY_SUBJECT_TYPE]


# -- statements ---------------------------------------------------------------------------------
def _clean(v):
    return sorted(v) if isinstance(v, (list, set, tuple)) else v


def _end_attrs(ent: dict | None, prefix: str) -> dict:
    if not ent:
        return {}
    keep = END_ATTRS.get(ent["type"], ())
    return {f"{prefix}.{k}": _clean(ent["attrs"][k]) for k in keep
            if ent["attrs"].get(k) not in (None, "", [])}


def key_of(row: dict) -> str:
    """The statement's identity as a canonical string (subject, predicate, object, qualifiers)."""
    return json.dumps([row["subject"], row["predicate"], row["object"], row["qualifiers"]],
                      sort_keys=True, ensure_ascii=False)


def _describe(ent: dict | None, eid: str) -> str:
    if not ent:
        return eid
    extra = ""
    if ent["type"] in END_ATTRS:
        a = {k: v for k, v in _end_attrs(ent, "").items()}
        extra = " [" + ", ".join(f"{k[1:]}={v}" for k, v in a.items()) + "]" if a else ""
    return f"{ent['label']}{extra}"


def _evidence(fact: dict, s: dict | None, o: dict | None) -> str:
    """The sentence to judge the statement by: an Activity's or Quantity's own sentence when it is
    the statement's subject or object (the claim is about that event or figure), else the fact's."""
    own = fact["attrs"].get("sentence") or ""
    for end in (s, o):
        if end and end["type"] in ("Activity", "Quantity"):
            their = end["attrs"].get("sentence") or ""
            if their and their != own:
                return their + (f"  [fact sentence: {own}]" if own else "")
            return own or their
    return own


def statements(kb: dict, passages: dict[str, dict]) -> list[dict]:
    """Every statement of the knowledge base (``kb.json`` shape) with its class, key and evidence."""
    from graph.relations import REGISTRY

    ents = {e["id"]: e for e in kb["entities"]}
    rows: list[dict] = []
    for f in kb["facts"]:
        s, o = ents.get(f["subject"]), ents.get(f["object"])
        quals = {k: _clean(v) for k, v in f["attrs"].items() if k not in NOT_ASSERTED and v not in (None, "", [])}
        quals.update(_end_attrs(s, "subject"))
        quals.update(_end_attrs(o, "object"))
        rel = REGISTRY.get(f["predicate"])
        label = rel.label if rel else f["predicate"]
        fact_quals = {k: v for k, v in quals.items() if "." not in k}
        text = f"{_describe(s, f['subject'])} — {label} → {_describe(o, f['object'])}"
        if fact_quals:
            text += " (" + "; ".join(f"{k}: {v}" for k, v in fact_quals.items()) + ")"
        pids = list(f["passages"])
        rows.append({
            "class": class_of(f["predicate"], s["type"] if s else None),
            "subject": f["subject"], "predicate": f["predicate"], "object": f["object"],
            "qualifiers": quals,
            "statement": text,
            "evidence": _evidence(f, s, o),
            "funding_line": f["attrs"].get("funding_line"),
            "passages": pids,
            "section": " > ".join(passages[pids[0]]["section_path"]) if pids and pids[0] in passages else "",
        })
    for ob in kb.get("observations", []):
        quals = {"table": ob["table_number"], "row": ob["row"], "column": ob["column"],
                 "value": str(ob["value"]), "unit": ob.get("unit")}
        rows.append({
            "class": TABLES,
            "subject": f"Table:{ob['table_number']}", "predicate": OBSERVATION, "object": f"Cell:{ob['row']}|{ob['column']}",
            "qualifiers": quals,
            "statement": f"{ob['caption']} — [{ob['row']} | {ob['column']}] = {ob['value']} {ob.get('unit') or ''}".strip(),
            "evidence": ob.get("row_text") or "",
            "funding_line": None,
            "passages": [ob["passage"]] if ob.get("passage") else [],
            "section": "",
        })
    for r in rows:
        r["key"] = key_of(r)
        if not r["funding_line"]:
            del r["funding_line"]
    return rows


def load_data_dir(data_dir: Path) -> tuple[dict, dict[str, dict]]:
    kb = json.loads((data_dir / "kb.json").read_text(encoding="utf-8"))
    passages = {}
    with (data_dir / "passages.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                p = json.loads(line)
                passages[p["id"]] = p
    return kb, passages


# -- sampling -----------------------------------------------------------------------------------
def draw(rows: Iterable[dict], per_class: int, seed: int, exclude: set[str] = frozenset(),
         want: dict[str, int] | None = None) -> list[dict]:
    """Per class, ``want[class]`` (default ``per_class``) statements not in ``exclude``, taking the
    class's relations in turn, each relation's statements in a seeded shuffle."""
    rng = random.Random(seed)
    pools: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for r in sorted(rows, key=lambda r: r["key"]):
        if r["key"] not in exclude:
            pools[r["class"]][r["predicate"]].append(r)
    out: list[dict] = []
    for cls in CLASSES:
        n = (want or {}).get(cls, per_class if want is None else 0)
        if cls == STRUCTURE:  # not an issue class: a small check only
            n = min(n, STRUCTURE_QUOTA)
        rels = {p: rng.sample(v, len(v)) for p, v in sorted(pools[cls].items())}
        taken = 0
        while taken < n and any(rels.values()):
            for p in list(rels):
                if taken >= n:
                    break
                if rels[p]:
                    out.append(rels[p].pop())
                    taken += 1
    return out


def fixture_row(r: dict, passages: dict[str, dict]) -> dict:
    """What the fixture keeps: the key parts, the readable statement, the evidence."""
    row = {k: r[k] for k in ("class", "key", "subject", "predicate", "object", "qualifiers", "statement",
                             "evidence", "section", "passages")}
    if r.get("funding_line"):
        row["funding_line"] = r["funding_line"]
    if not row["evidence"] and r["passages"]:
        row["evidence"] = passages.get(r["passages"][0], {}).get("text", "")
    row["correct"], row["why"] = None, ""
    row["match"] = "key"  # judged per statement (the merged earlier samples match by triple)
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, required=True, help="a built data dir (kb.json, passages.jsonl)")
    ap.add_argument("--per-class", type=int, default=20)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, help="merge into this JSONL fixture instead of printing")
    ap.add_argument("--top-up", action="store_true",
                    help="with --out: only add statements to classes with fewer than --per-class judged ones present")
    args = ap.parse_args(argv)
    unmapped = check_registry_mapped()
    if unmapped:
        print(f"relations with no class in CLASS_OF: {', '.join(unmapped)}", file=sys.stderr)
        return 2
    if not (args.data_dir / "kb.json").is_file():
        print(f"no kb.json in {args.data_dir}; run: floorgraph build --no-index --data-dir {args.data_dir}",
              file=sys.stderr)
        return 2
    kb, passages = load_data_dir(args.data_dir)
    rows = statements(kb, passages)
    old: list[dict] = []
    if args.out and args.out.exists():
        old = [json.loads(x) for x in args.out.read_text(encoding="utf-8").splitlines() if x.strip()]
    have = {r["key"] for r in old}
    want = None
    if args.top_up:
        present = {r["key"] for r in rows}
        n_ok: dict[str, int] = defaultdict(int)
        for r in old:
            if r["key"] in present:
                n_ok[r["class"]] += 1
        want = {c: max(0, (STRUCTURE_QUOTA if c == STRUCTURE else args.per_class) - n_ok[c]) for c in CLASSES}
    if args.top_up:  # fresh statements, where judged ones went stale
        picked = draw(rows, args.per_class, args.seed, exclude=have, want=want)
    else:  # the seeded draw; statements already judged keep their judgement
        picked = [r for r in draw(rows, args.per_class, args.seed) if r["key"] not in have]
    new = [fixture_row(r, passages) for r in picked]
    out_rows = old + new
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out_rows)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
        todo = sum(r["correct"] is None for r in out_rows)
        print(f"wrote {len(out_rows)} statements to {args.out} ({len(new)} new; {todo} still to judge)",
              file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
