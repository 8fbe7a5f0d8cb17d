"""One country asked by what happened there, when the graph reading found nothing.

"Which country launched a national awareness campaign in November 2024 about its new Social
Security and Pensions Law No. 18?" asks for the one country a long event describes.  The whole
reading took the event's words for relations the graph holds (a law, "campaign" as the ratification
campaign) and answered nothing.  The event is told in words the report's own sentence says, so the
sentence that best says it names the country, as it does for "who funds the country where ..."
(:func:`app.qa.multihop.description_sentence.country_of`).

:func:`event_of` reads the event from a question that asks for *one* country ("which country",
"what nation", never "which countries") by a verb of its own; the engine asks it of the sentences
only after the whole reading answered nothing, so a question the graph answers is never changed.
Ordinary English only; nothing from a report.
"""
from __future__ import annotations

import re

from app.qa.multihop.description_sentence import tells_event

# "Which country launched ...", "What nation has adopted ...", "Which country was hit by ...":
# a singular country noun, then the event with a verb of its own.
_ONE_COUNTRY = re.compile(r"^\W*(?:(?:so|and|but|now)\s+)?(?:which|what)\s+(?:single\s+|one\s+)?(?:country|nation)\s+"
                          r"(?P<desc>(?:(?:has|had|was|is|did)\s+)?(?:[a-z]+(?:ed|t)|began|ran|set|put|won|held|led|made|"
                          r"took|gave|got|paid|passed|brought|hit|saw|became|joined|launched|hosted)\b.{12,}?)\s*[?.!]*$", re.I)


def event_of(question: str) -> str | None:
    """The event a question about one country tells ("launched a national campaign in 2024 about
    ..."), or None when the question asks for several countries or tells no event of its own."""
    m = _ONE_COUNTRY.match(" ".join((question or "").split()))
    if m is None or not tells_event(m["desc"]):
        return None
    return m["desc"]
