"""The report's author called by its full name ("the International Labour Organization") reads as
its short name ("the ILO"), the form every question rule and the question bank expect.

Why: the rules that keep the author out of the constraints ("ILO publication", "ILO-GIZ pilot",
"where does the ILO partner with X") look for the author's short name, and the bank's questions
say it; a question that spells the author out linked an ordinary organisation, which then became a
constraint and changed the matched template (the ``variant`` perturbation of
``app/evalperturb.py`` lost F1 on every such question).  The forms come from the graph: the
author's entity, its acronym and its other names; nothing is listed here.
"""
from __future__ import annotations

import re

from app.qa.graphstep import AUTHOR_ORGS


class AuthorNames:
    """Rewrites the author's long names in a question to its acronym."""

    def __init__(self, knowledge):
        self.pattern: re.Pattern | None = None
        self.short = ""
        for eid in sorted(AUTHOR_ORGS):
            ent = knowledge.entity(eid) if knowledge is not None else None
            acronym = (ent or {}).get("acronym")
            if not acronym:
                continue
            longer = sorted({n for n in knowledge.names(eid) if len(n) > len(acronym) + 3 and " " in n}, key=len, reverse=True)
            if longer:
                self.short = acronym
                self.pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in longer) + r")(?![\w-])", re.I)
                break

    def shorten(self, question: str) -> str:
        """``question`` with the author's full name as its acronym ("International Labour
        Organization's" keeps its possessive)."""
        if self.pattern is None:
            return question
        return self.pattern.sub(self.short, question)
