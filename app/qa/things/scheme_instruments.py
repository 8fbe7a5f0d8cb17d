"""The ILO instruments cited beside a scheme: "which convention is the Employment Injury Scheme
pilot in line with", "which ILO convention guides Bangladesh's employment injury scheme".

Why: the graph relates countries to ILO instruments (ratification, inquiry, assessment) but not a
scheme to the standard the report says it follows ("... offers workers financial protection in line
with international standards and ILO Employment Injury Benefits Convention, 1964 (No. 121)").  Such
a question links the scheme and asks for a convention; the template guess then reached for the
country's alignment assessments or for a guide, and answered nothing right.

The answer is the ILO instruments named in the same sentences as the scheme (its name or acronym),
read from the scheme's own passages.  The same holds for any one named thing a country does not
stand for (an initiative: "which convention does the global campaign promote"; a project), and
for a scheme the question describes instead of naming ("the Bangladeshi employment injury pilot",
:mod:`app.qa.multihop.described_scheme`).  Instruments the question names itself narrow or set
aside the answer (:func:`app.qa.things.instrument_kind.keep_named`); they no longer stop it.
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
        # every ILO instrument, not only those tagged in the passage: one cited inside the thing's
        # own name ("Global Campaign to ... promote the ratification of Convention No. 102") is
        # covered by the longer name's mention
        ilo = [e["id"] for e in knowledge.of_type("LegalInstrument") if (e.get("role") or "").startswith("ILO")]
        for a, b in split_sentences(p.text):
            sent = p.text[a:b]
            if not any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", sent) for n in own):
                continue
            for i in ilo:
                if any(n in sent for n in knowledge.names(i) if len(n) >= 4):
                    out.setdefault(i, []).append(pid)
    return out


# Things whose own sentences say which standard they follow (a country's are its entry's).
CITING_TYPES = ("Scheme", "Initiative", "Project")


def asks_scheme_instruments(a, out: dict, knowledge=None) -> str | None:
    """The one scheme, initiative or project a convention question links (or, naming one country,
    describes), when the engine's answers are not ILO instruments already; else None."""
    if a.negated or answer_type(a.question) != "Convention":
        return None
    if out.get("answers") and all(x.get("type") == "Convention" for x in out["answers"]):
        return None
    things = list(dict.fromkeys(i for t in CITING_TYPES for i in a.linked(t)))
    if not things and knowledge is not None and not out.get("answers"):
        from app.qa.multihop.described_scheme import described

        found = described(a, knowledge, need_name=False)  # "the Bangladeshi employment injury pilot"
        things = [found[0]] if found else []
    return things[0] if len(things) == 1 else None
