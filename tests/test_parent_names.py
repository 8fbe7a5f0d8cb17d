"""A part named with its parent in front ("the Global Accelerator technical support facility"):
the parent's link is dropped when the graph holds the part ``partOf`` it (app/qa/names/parent_names.py)."""
from __future__ import annotations

from app.qa.names.parent_names import drop_parents
from app.qa.question import Link


def _links(question: str, *names: tuple[str, str]) -> list[Link]:
    out = []
    for text, eid in names:
        a = question.index(text)
        out.append(Link(a, a + len(text), text, [eid]))
    return out


def test_a_parent_written_before_its_part_is_dropped():
    q = "Who are the members of the Atlantis Alliance technical facility?"
    links = _links(q, ("Atlantis Alliance", "Initiative:alliance"), ("technical facility", "Initiative:facility"))
    kept = drop_parents(q, links, {("Initiative:facility", "Initiative:alliance")})
    assert [l.ids for l in kept] == [["Initiative:facility"]]
    q2 = "Who are the members of the Atlantis Alliance's technical facility?"
    links2 = _links(q2, ("Atlantis Alliance", "Initiative:alliance"), ("technical facility", "Initiative:facility"))
    assert [l.ids for l in drop_parents(q2, links2, {("Initiative:facility", "Initiative:alliance")})] == \
        [["Initiative:facility"]]


def test_unrelated_or_separated_names_stay():
    q = "Which members of the Atlantis Alliance are in the technical facility?"
    links = _links(q, ("Atlantis Alliance", "Initiative:alliance"), ("technical facility", "Initiative:facility"))
    assert drop_parents(q, links, {("Initiative:facility", "Initiative:alliance")}) == links  # words between
    q2 = "Who are the members of the Atlantis Alliance technical facility?"
    links2 = _links(q2, ("Atlantis Alliance", "Initiative:alliance"), ("technical facility", "Initiative:facility"))
    assert drop_parents(q2, links2, set()) == links2  # the graph holds no part-of


def test_engine_answers_the_part_named_with_its_parent(engine):
    """A part whose own label does not already carry its parent's name, asked for by the parent's
    shortest name followed by the part's label, answers as the part alone does."""
    pairs = sorted({(f["subject"], f["object"]) for f in engine.k.facts_where(predicate="partOf")})
    checked = 0
    for part, parent in pairs:
        label, short = engine.k.label(part), min(engine.k.names(parent), key=len)
        if not label or any(n.lower() in label.lower() for n in engine.k.names(parent)):
            continue
        alone = {a["label"] for a in engine.ask(f"Who are the members of the {label}?")["answers"]}
        if not alone:
            continue
        both = engine.ask(f"Who are the members of the {short} {label}?")
        assert {a["label"] for a in both["answers"]} == alone, (short, label)
        checked += 1
    assert checked >= 1
