"""graph/long_lived.py: a build's stages are frozen out of the collector while it runs, and given
back to it afterwards (nothing a build made stays uncollectable); a caller's own frozen heap is
left alone."""
from __future__ import annotations

import gc
import weakref
from pathlib import Path

from graph.build import build_in_memory
from graph.long_lived import stages

REPORT = Path(__file__).resolve().parent.parent / "data" / "corpus" / "ilo-spf-flagship-annual-report-2024.md"


class _Node:
    pass


def _cycle() -> weakref.ref:
    a, b = _Node(), _Node()
    a.other, b.other = b, a
    return weakref.ref(a)


def test_frozen_during_the_block_and_collectable_after():
    assert gc.get_freeze_count() == 0
    with stages() as done:
        gone = _cycle()  # a cycle of garbage, alive in the collector's eyes until collected
        done()
        assert gc.get_freeze_count() > 0  # the stage's objects left the collector's generations
        gc.collect()
        assert gone() is not None  # frozen: a collection does not look at it
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert gone() is None  # given back: collected as before


def test_a_callers_frozen_heap_is_left_alone():
    # Judged by behaviour, not by gc.get_freeze_count(): frozen objects freed by reference counting
    # (anywhere in the process) lower that count at any time, so it is not steady in a full suite.
    gc.disable()  # no automatic collection between making the garbage and freezing it
    frozen_garbage = _cycle()  # garbage before the caller freezes: kept only while frozen
    gc.freeze()
    gc.enable()
    try:
        with stages() as done:
            young = _cycle()  # made after the caller's freeze
            done()  # a no-op here: the caller owns the permanent generation
            gc.collect()
            assert young() is None  # not frozen by the stage: collected as usual
        gc.collect()
        assert frozen_garbage() is not None  # the block did not unfreeze the caller's heap
    finally:
        gc.unfreeze()
    gc.collect()
    assert frozen_garbage() is None


def test_a_build_gives_its_heap_back_even_when_it_fails(tmp_path):
    b = build_in_memory([REPORT])
    assert b.kb.entities and len(b.graph) > 1000
    assert gc.get_freeze_count() == 0
    bad = tmp_path / "empty.md"
    bad.write_text("", encoding="utf-8")
    try:
        build_in_memory([bad])
    except Exception:  # noqa: BLE001 - refused input; what matters is the collector's state
        pass
    assert gc.get_freeze_count() == 0
