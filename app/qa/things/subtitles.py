"""A publication's subtitle when the question asks for it.

Why: "world social protection report 2024-26 subtitle" is answered with the publication, whose
label is its whole title ("World Social Protection Report 2024-26: Universal Social Protection for
Climate Action and a Just Transition"); the reader asked only for the part after the colon.  The
answer keeps its label (citations and the UI read it) and carries the subtitle as ``name``.
"""
from __future__ import annotations

import re

_ASKS_SUBTITLE = re.compile(r"\bsub-?titles?\b", re.I)


def subtitle(title: str) -> str | None:
    """'Main title: Sub title' -> 'Sub title'; None without a colon or with an empty part."""
    head, sep, tail = title.partition(": ")
    return tail.strip() if sep and head.strip() and tail.strip() else None


def asks_subtitle(question: str) -> bool:
    """The question asks a subtitle ("wspr 24-26 subtitle")."""
    return _ASKS_SUBTITLE.search(question) is not None


def linked_publications(question: str, answers: list[dict], linked_ids: list[str]) -> list[str]:
    """The publications the question names, when it asks their subtitle and no answer is a
    publication: a subtitle belongs to the publication named, whatever relation intent matching
    read into the other words ("subtitle" is no relation)."""
    if not asks_subtitle(question) or any(x.get("type") == "Publication" for x in answers):
        return []
    return list(dict.fromkeys(i for i in linked_ids if i.startswith("Publication:")))


def add_subtitles(question: str, answers: list[dict]) -> None:
    """Set ``name`` to the subtitle on each publication answer when the question asks for a subtitle."""
    if not _ASKS_SUBTITLE.search(question):
        return
    for x in answers:
        if x.get("type") == "Publication" and (sub := subtitle(x.get("label") or "")):
            x["name"] = sub
