"""The one-sentence answer with numbered citations, built by templates from the answers.

"The report names 5 organisations for this question (funders of Jordan): European Union [1],
Netherlands [2], …".  Citation *n* is the first evidence passage of the *n*-th answer, so every
number points at that answer's own evidence; nothing is generated freely.
"""
from __future__ import annotations

import re

NOUNS = {"Country": ("country", "countries"), "Organization": ("organisation", "organisations"),
         "Scheme": ("scheme", "schemes"), "Law": ("law", "laws"), "Convention": ("convention", "conventions"),
         "Instrument": ("legal instrument", "legal instruments"),
         "Publication": ("publication", "publications"), "Initiative": ("initiative", "initiatives"),
         "Region": ("region", "regions"), "Number": ("figure", "figures"), "Year": ("year", "years"),
         "Text": ("answer", "answers")}
_WORDS = "zero one two three four five six seven eight nine ten eleven twelve".split()
MAX_LISTED = 12


def _number_word(n: int) -> str:
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)


def summarise(out: dict, knowledge=None) -> tuple[str, dict[str, str]]:
    """(answer_text, citations): citations map "1", "2" ... to evidence passage ids."""
    answers = out.get("answers") or []
    if not answers:
        return "", {}  # no answer: the message and the nearest passages say why
    citations: dict[str, str] = {}
    cited: list[str] = []
    for a in answers[:MAX_LISTED]:
        ev = a.get("evidence") or []
        if ev:
            n = str(len(citations) + 1)
            citations[n] = ev[0]["passage_id"]
            cited.append(f"{a['label']} [{n}]")
        else:
            cited.append(a["label"])
    more = len(answers) - MAX_LISTED
    listed = ", ".join(cited) + (f" and {more} more" if more > 0 else "")
    atype = out.get("answer_type", "Text")
    why = _why(out)
    first = answers[0]
    dated = next((m for m in map(_DATED.match, out.get("path") or []) if m), None)
    if out.get("strategy") == "graph-aggregate" and dated and first.get("counted") is not None:
        # a ranking by a statement's year (app.qa.figures.aggregate.by_year): the year, not a count
        lead = next((p for p in out.get("path", []) if p.startswith("first: ")), None)
        runner = next((p for p in out.get("path", []) if p.startswith("runner-up")), None)
        return (f"{listed} {'has' if len(answers) == 1 else 'have'} the {dated.group(1) or ''}{dated.group(2)} year of "
                f"‘{dated.group(3)}’ ({dated.group(4)})" + (f"; {lead}" if lead else "") +
                (f"; {runner}" if runner else "") + "."), citations
    below = next((m for m in map(_RANKED.search, out.get("path") or []) if m), None)  # app.qa.figures.ordinal
    # (a ranking's top, not a count of a relation's objects: "23 has the fewest" said a plain count)
    ranking = below or "argmax" in why or "argmin" in why
    if out.get("strategy") == "graph-aggregate" and first.get("counted") is not None and atype != "Region" and ranking:
        text = (f"{listed} {'has' if len(answers) == 1 else 'have'} the "
                f"{below.group(1) if below else 'most' if 'argmax' in why else 'fewest'} "
                f"({int(first.get('value') or 0)}: {', '.join(first['counted'][:8])})")
        if below:
            text += f"; top: {below.group(2)}"
        runner = next((p for p in out.get("path", []) if p.startswith("runner-up")), None)
        return text + (f"; {runner}." if runner else "."), citations
    if atype == "Region" and first.get("counted") is not None:
        parts = [f"{a['label']} {int(a.get('value') or 0)} [{i + 1}]" for i, a in enumerate(answers[:MAX_LISTED])]
        ranked = next((p for p in out.get("path", []) if p.startswith("ranked ")), None)
        head = f"By region, {ranked.split(':')[0]}" if ranked else "By region"  # "ranked second" (app.qa.figures.ordinal)
        bar = next((p for p in out.get("path", []) if p.startswith("bar ")), None)
        if bar:  # "more than 12 per cent": the regions over a bar (app.qa.figures.thresholds), not a ranking's top
            head = f"By region, {bar.split(':')[0][len('bar '):]}"
        first = re.search(r"; (?:top|first): (.+)$", ranked) if ranked else None
        runner = next((p for p in out.get("path", []) if p.startswith("runner-up")), None)
        return f"{head}: {', '.join(parts)}" + (f"; first: {first.group(1)}" if first else "") + \
            (f"; {runner}" if runner else "") + ".", citations
    if len(answers) == 1 and first.get("label") in ("Yes", "No"):  # a verdict, not "one answer" named
        return f"{listed}{why}.", citations
    if first.get("counted") is not None and atype == "Number":
        return (f"The report gives {first['label']} [1]{why}: {', '.join(first['counted'][:MAX_LISTED])}"
                f"{' …' if len(first['counted']) > MAX_LISTED else ''}."), citations
    if atype in ("Number", "Year") and len(answers) == 1:
        return f"The answer is {listed}{why}.", citations
    return f"The report names {_number_word(len(answers))} {_noun(answers, atype)}{why}: {listed}.", citations


def _noun(answers: list[dict], atype: str) -> str:
    """What the listed answers are, from their own types when they carry them: members of a network
    may be governments and agencies at once, and "six countries" would misname the agencies."""
    kinds = list(dict.fromkeys(a.get("type") for a in answers if a.get("type") in NOUNS))
    if len(kinds) > 1 and len(kinds) == len({a.get("type") for a in answers}):
        return " and ".join(NOUNS[k][1] for k in kinds)  # "countries and organisations"
    kind = kinds[0] if len(kinds) == 1 and atype not in ("Number", "Year", "Text") else atype
    if kind == "Convention" and not all("convention" in str(a.get("label", "")).lower() for a in answers):
        kind = "Instrument"  # a decree, a law or a strategy is a legal instrument, not "one convention"
    one, many = NOUNS.get(kind, NOUNS["Text"])
    return one if len(answers) == 1 else many


# "second earliest year of ‘ratified’: 2013" (app.qa.figures.aggregate.by_year)
_DATED = re.compile(r"^(\w+ |next )?(earliest|latest) year of ‘(.+?)’: (\d{4})$")
_RANKED = re.compile(r"\branked (.+?) \(\d+\).*?; (?:top|first): (.+)$")


def _why(out: dict) -> str:
    """The graph relation used, when there is one ("funders of Jordan"), as a parenthesis."""
    for p in out.get("path") or []:
        if p.startswith(("understood as", "spelling", "question read as", "sentence in", "runner-up")):
            continue
        return f" ({p})"
    return ""
