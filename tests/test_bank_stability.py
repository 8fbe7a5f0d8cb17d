"""The generated question bank is stable under registry changes.

Each plain question's wordy variant is drawn from a hash of its own text and intent, so
registering a relation adds that relation's rows and changes no other row.  (The bank once drew
from one random stream over the whole registry: adding a few templates to one relation moved the
wordy variants of every relation registered after it, and a held-out category moved by 0.16.)
"""
from __future__ import annotations

from collections import Counter

from app.qa.bank import WORDY, generate
from graph.relations import REGISTRY, Relation

NAME = "toyStableTwin"


def _rows(bank) -> list[tuple[str, str, str]]:
    return [(q.text, q.intent.key, q.style) for q in bank]


def _toy() -> Relation:
    """A relation between countries (as in test_relation_registry), for this test only."""
    return Relation(
        NAME, ("Country",), ("Country",), "twinned with", "twinned with",
        "Toy relation for the bank-stability test.",
        edge="twinned", symmetric=True, keywords=("twinned", "twin", "twinning"),
        ask_object=("which {type} is {s} twinned with", "{s} twins"),
        ask_subject=("which {type} are twinned with {o}", "{o} twinned countries", "twins of {o}"))


def test_registering_a_relation_leaves_every_existing_row_unchanged():
    before = _rows(generate())
    REGISTRY.register(_toy())
    try:
        after = _rows(generate())
    finally:
        REGISTRY.unregister(NAME)
    old = set(before)
    added = [r for r in after if r not in old]
    assert old <= set(after), "a row of the bank changed when a relation was registered"
    assert [r for r in after if r in old] == before, "existing rows kept their order"
    assert added and all(f"|{NAME}|" in key for _, key, _ in added), "only the new relation's own rows are added"
    assert any(style == "wordy" for _, _, style in added), "the new relation is asked wordily too"
    assert _rows(generate()) == before, "unregistering restores the bank"


def test_every_plainly_asked_intent_is_also_asked_wordily():
    bank = generate()
    plain = {q.intent.key for q in bank if q.style == "plain"}
    wordy = Counter(q.intent.key for q in bank if q.style == "wordy")
    assert plain and not [k for k in plain if not wordy[k]], "an intent asked plainly has no wordy variant"


def test_a_wordy_row_is_a_frame_around_a_plain_row_of_the_same_intent():
    bank = generate()
    plain = {(q.text, q.intent.key) for q in bank if q.style == "plain"}
    prefix_suffix = [f.split("{q}") for f in WORDY]
    for q in (q for q in bank if q.style == "wordy"):
        cores = {q.text[len(a):len(q.text) - len(b)] for a, b in prefix_suffix
                 if q.text.startswith(a) and q.text.endswith(b)}
        assert any((c, q.intent.key) in plain for c in cores), q.text


def test_the_bank_is_the_same_on_every_call():
    assert _rows(generate()) == _rows(generate())
