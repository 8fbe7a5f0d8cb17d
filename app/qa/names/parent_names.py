"""A part named with its parent in front: "the Global Accelerator technical support facility".

People name a body that is part of a larger one by both names ("the Global Accelerator technical
support facility", "the USP2030 working group on climate action"): the first name only says which
facility is meant.  Linked as two things, the question gets two constraints, "members of the Global
Accelerator" and "constituents of the facility", whose intersection is empty.  :func:`drop_parents`
drops the link of a name written right before (or right after "of the") the name of one of its
parts, when the graph holds that part ``partOf`` it; the part's link stays.  Read from the graph's
own ``partOf`` statements, no names here.
"""
from __future__ import annotations

import re

_BETWEEN = re.compile(r"^(?:\s*['’]s)?\s*(?:the\s+)?$", re.I)  # "GA technical ...", "GA's technical ..."


def drop_parents(question: str, links: list, part_of: set[tuple[str, str]]) -> list:
    """``links`` without the link of a parent written right before one of its parts'.
    ``part_of`` holds (part id, parent id) pairs."""
    if len(links) < 2 or not part_of:
        return links
    drop = set()
    ordered = sorted(links, key=lambda l: l.start)
    for first, second in zip(ordered, ordered[1:]):
        if not _BETWEEN.match(question[first.end:second.start]):
            continue
        if any((p, q) in part_of for p in second.ids for q in first.ids):
            drop.add(id(first))
    return [l for l in links if id(l) not in drop] if drop else links
