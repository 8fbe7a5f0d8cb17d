"""The ILO instruments cited beside a scheme: "which convention is the Employment Injury Scheme
pilot in line with", "which ILO convention guides Bangladesh's employment injury scheme".

Why: the graph relates countries to ILO instruments (ratification, inquiry, assessment) but not a
scheme to the standard the report says it follows ("... offers workers financial protection in line
with international standards and ILO Employment Injury Benefits Convention, 1964 (No. 121)").  Such
a question links the scheme and asks for a convention; the template guess then reached for the
country's alignment assessments or for a guide, and answered nothing right.

The answer is the ILO instruments named in the same sentences as the scheme (its name or acronym),
read from the scheme's own passages; a question that names an instrument itself asks something
else of it and is left alone.
"""
from __future__ import annotations

import re

from app.qa.question import answer_type
from graph.text import split_sentences


def cited_with(scheme: str, knowledge) -> dict[str, list[str]]:
    """ILO instrument id -> passages where a sentence names both it and the scheme."""
    own = [n for n in knowledge.names(scheme) if len(n) >= 3]
    out: dict[str, list[str]] = {}
    for pid in (knowledge.entity(scheme) or {}).get("passages", []):
        p = knowledge.passage(pid)
        if p is None:
            continue
        ilo = {f"{m['type']}:{m['key']}" for m in knowledge.mentions_in(pid) if m["type"] == "LegalInstrument"}
        ilo = [i for i in sorted(ilo) if ((knowledge.entity(i) or {}).get("role") or "").startswith("ILO")]
        for a, b in split_sentences(p.text):
            sent = p.text[a:b]
            if not any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", sent) for n in own):
                continue
            for i in ilo:
                if any(n in sent for n in knowledge.names(i) if len(n) >= 4):
                    out.setdefault(i, []).append(pid)
    return out


def asks_scheme_instruments(a, out: dict) -> str | None:
    """The one scheme a convention question links, when the question names no instrument and the
    engine's answers are not ILO instruments already; else None."""
    if a.negated or a.linked("LegalInstrument") or answer_type(a.question) != "Convention":
        return None
    schemes = list(dict.fromkeys(a.linked("Scheme")))
    if len(schemes) != 1:
        return None
    if out.get("answers") and all(x.get("type") == "Convention" for x in out["answers"]):
        return None
    return schemes[0]
