"""The governments a sentence names as organisers or hosts of an event ("a training workshop
organized by the ILO and the Republic of Korea ... held in Seoul").

Why: an organiser that is a country is named by the country's name, and a bare country name is
read everywhere else as a place (organisations.find_organizations skips a government's bare
name on purpose), so the event's activity held only the ILO and the question "who organised the
workshop?" had no second answer.  After an organiser cue, a country other than the one the
activity is in stands for its government, as it does after "funded by".

General English only: the cue verbs and the words that end the organisers' list.
"""
from __future__ import annotations

import re

from graph import countries

# "organized by", "co-organised by", "hosted by", "convened by", "sponsored by"
ORGANISER_CUE = re.compile(r"\b(?:co-?)?(?:organi[sz]ed|hosted|convened|sponsored)\s+by\s+", re.I)
# where the organisers' list ends: a lower-case word that is not a list word ("on", "held",
# "in", "for"), or a clause mark
_LIST_END = re.compile(r"[;:.()]|\s(?!(?:and|the|of|de|du|la|le)\b)[a-z][\w-]*")


def organiser_countries(sentence: str, home: str | None) -> list[str]:
    """ISO3 codes of the countries named in an organiser list of the sentence, the activity's own
    country (``home``) left out: that one is where the event happened, not who organised it."""
    found: list[str] = []
    for cue in ORGANISER_CUE.finditer(sentence):
        stop = _LIST_END.search(sentence, cue.end())
        seg = sentence[cue.end(): stop.start() if stop else len(sentence)]
        for _s, _e, surface, iso in countries.find_countries(seg):
            if iso != home and iso not in found:
                found.append(iso)
    return found


__all__ = ["ORGANISER_CUE", "organiser_countries"]
