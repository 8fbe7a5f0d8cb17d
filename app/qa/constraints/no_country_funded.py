"""Funders that fund no country: "Which RBSA contributors do not appear in any country's financing
support line?", "Which of the RBSA's donors fund no country?".

The question names a set of funders and leaves out those that fund a country; read whole, the
set came back entire, the negated clause unread.  Each answer is asked the engine's own question
"Which countries does <funder> fund?", which follows the country entries' financing lines (a
funder named there through the fund it pays into, "the Multi-donor Programme ... funded by Belgium
and Luxembourg", counts; a donor to a fund the line names without naming its donors does not), and
the funders that fund some country are dropped.  Ordinary English only.
"""
from __future__ import annotations

import re

_NO_COUNTRY = re.compile(
    r"\b(?:do|does|did)\s*(?:not|n['’]t)\s+(?:fund|finance|pay\s+for|bankroll)\s+(?:the\s+ilo['’]s\s+work\s+in\s+)?"
    r"any\s+(?:single\s+)?countr(?:y|ies)\b|"
    r"\b(?:funds?|finances?|funding|financing)\s+no\s+countr(?:y|ies)\b|"
    r"\bnot\s+(?:a\s+)?(?:funders?|donors?)\s+(?:of|to)\s+any\s+countr(?:y|ies)\b|"
    r"\b(?:never|not|nowhere)\s+(?:\w+\s+)?(?:named|listed|mentioned|appear\w*|cited|credited|found|shows?\s+up|featur\w+)"
    # ("never show up as a named funder in any country's financing line")
    r"(?:\s+as\s+(?:an?\s+)?(?:named\s+|listed\s+)?(?:funders?|donors?|financiers?|sources?))?\s+"
    r"(?:in|on|among|under)\s+any\s+countr(?:y|ies)['’]?s?\s+(?:financing|funding|funders|donors)\b", re.I)


def asks(question: str) -> bool:
    """Does the question leave out the funders that fund a country?"""
    return bool(_NO_COUNTRY.search(question))


def narrow(out: dict, question: str, ask) -> bool:
    """Keep the answers (organisations) that fund no country; True when ``out`` was narrowed.
    ``ask(question) -> dict`` answers one question."""
    answers = out.get("answers") or []
    # (a donor government may be answered as its country: "Which of the RBSA contributing countries
    # ... are not named in any country's financing support line?")
    if not asks(question) or not answers or any(a.get("type") not in ("Organization", "Country") for a in answers):
        return False
    kept, dropped = [], []
    for a in answers:
        funded = ask(f"Which countries does {a['label']} fund?")
        (dropped if funded.get("answers") and funded.get("answer_type") == "Country" else kept).append(a)
    if not dropped:
        return False
    out["answers"] = kept
    out["path"] = list(out.get("path") or []) + [
        "left out, as funders of a country in the report's financing lines: " + ", ".join(a["label"] for a in dropped)]
    if not kept:
        out["message"] = "Every one of them funds some country."
    return True
