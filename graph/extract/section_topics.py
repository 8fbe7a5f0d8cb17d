"""The policy topic a thematic heading names, given to the work told under it.

A report groups country work under thematic headings ("Extending social security to workers in
all types of employment, including those in the informal economy"), and the sentences under such
a heading often do not repeat its topic ("In Viet Nam, the government approved amendments ... to
extend mandatory social insurance coverage to 3 million previously uncovered workers").  The
heading says what they are about, so an activity told under it is on the heading's topics too.
Only a heading naming one or two topics counts, and only headings of thematic blocks: a region, a country entry or a numbered chapter names no
policy topic, and a box is an aside.
"""
from __future__ import annotations

from graph.extract import milestones
from graph.model import Document


def heading_topics(doc: Document, section_id: str) -> list[str]:
    """Topics named by the nearest thematic heading over ``section_id`` (empty when none)."""
    sec = doc.section(section_id)
    while sec is not None and sec.kind not in ("thematic", "chapter", "section"):
        sec = doc.section(sec.parent) if sec.parent else None
    if sec is None or sec.kind != "thematic":
        return []
    named = milestones.topics(sec.title, names_too=True)
    # "... in climate change and humanitarian crisis contexts" files every example under both; a
    # heading naming more than two topics is a list of themes, not one block's subject
    return named if len(named) <= MAX_HEADING_TOPICS else []


MAX_HEADING_TOPICS = 2


def with_heading_topics(own: list[str], heading: list[str], limit: int = 3) -> list[str]:
    """The sentence's own topics (at most ``limit``, most specific first), then its heading's."""
    out = list(own[:limit])
    out += [t for t in heading if t not in out]
    return out
