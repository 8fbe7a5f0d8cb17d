"""Yes or no on the language a thing is available in: "Is the ILO's social protection MOOC offered
in Spanish?", "The new Social Security Portal of Timor Oriental, it is available in portuguese
language?".

The report writes the languages in a list ("available in Tetum, Portuguese, and English"), which
the span readings answer for "in which languages is ... available?".  A yes/no question naming one
language is that list question with a membership test: Yes when the language is listed, No when
the list is read and the language is not on it.  With no list read there is no verdict.  A
sentence that writes most of the question's words without the language (the statement reading)
could not say No; the list can.

Ordinary English frames and the ISO 639 language names (general knowledge) only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_VERB = r"(?P<verb>available|offered|published|produced|released|accessible|provided|delivered|taught|given)"
_LANG = r"(?P<lang>[A-Za-z]+)(?:\s+language)?(?:\s+(?:too|as\s+well|also|version))?"
# "Is the MOOC offered in Spanish?", "Was the toolkit also available in Arabic?"
_POLAR = re.compile(rf"^\W*(?P<aux>is|are|was|were)\s+(?P<subj>\S.*?)\s+(?:also\s+)?{_VERB}\s+(?:in|into)\s+{_LANG}\s*[?.!]*\s*$",
                    re.I)
# "The new portal, it is available in portuguese language?": the subject said first, then a pronoun
_DISLOCATED = re.compile(rf"^\W*(?P<subj>[^,?]+?)\s*,\s*(?:it|they)\s+(?P<aux>is|are|was|were)\s+(?:also\s+)?{_VERB}\s+"
                         rf"(?:in|into)\s+{_LANG}\s*[?.!]*\s*$", re.I)


@dataclass(frozen=True)
class LanguageAsked:
    listing: str  # "In which languages is the MOOC offered?"
    language: str  # "Spanish"


def read(question: str) -> LanguageAsked | None:
    """The list question and the language a yes/no question asks about, or None."""
    from app.qa.topics.spans import language_names

    m = _POLAR.match(question or "") or _DISLOCATED.match(question or "")
    if m is None:
        return None
    names, _ = language_names()
    lang = m.group("lang").capitalize()
    if lang not in names:
        return None
    subj = m.group("subj").strip()
    if re.match(r"(?:the|a|an|this|that|its|their)\b", subj, re.I):
        subj = subj[:1].lower() + subj[1:]  # "The new portal, it is ...": "... is the new portal available?"
    return LanguageAsked(f"In which languages {m.group('aux').lower()} {subj} {m.group('verb').lower()}?", lang)


def verdict(asked: LanguageAsked, listed: list[dict]) -> tuple[str, str] | None:
    """("Yes" | "No", why) from the languages the list question answered, or None with none."""
    langs = [str(x.get("label")) for x in listed if x.get("type") == "Text"]
    if not langs or len(langs) != len(listed):
        return None
    held = asked.language.lower() in {l.lower() for l in langs}
    return ("Yes" if held else "No"), (f"the report lists the languages: {', '.join(langs)} — "
                                       f"{asked.language} is {'' if held else 'not '}among them")
