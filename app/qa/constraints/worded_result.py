"""A scheme's wording is no results-table condition when the question never speaks of results.

"Which countries did the ILO help design pension schemes for platform workers?", "sickness,
invalidity, unemployment: new schemes, comparative studies": the words "design ... schemes" and "new
schemes" are also how a question names the results table's second kind (scheme design / law), so
the graph answered every country with such a result and the topic (platform workers, community-based
health insurance, sickness benefits) was lost.  When every condition is a result kind read from
such wording, the question never says "result" (or "institutional change"), and words beyond it
name a topic, the topic is what is asked: the engine asks the text instead.
"""
from __future__ import annotations

import re

# Words that ask about the results table itself
_RESULTS_SAID = re.compile(r"\b(?:results?|institutional\s+changes?|outcomes?)\b", re.I)


def only_worded(question: str, cons) -> bool:
    """Is every constraint the scheme kind of result, while the question never speaks of results?
    (The other kinds' words, "improved their operations", "adopted strategies", are the kinds'
    own names and stay conditions.)"""
    return bool(cons) and not _RESULTS_SAID.search(question) and all(
        not c.negated and c.evidence and all(p == "achievedResult" and o == "result:scheme_reform" for _, p, o in c.evidence)
        for c in cons)
