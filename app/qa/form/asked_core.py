"""The question without the frame a writer puts around it, read before anything else.

Independent rewrites, each a module of its own, applied in the order a reader peels them off: a
discourse marker opening it (:mod:`app.qa.form.discourse_marker`: "So, ...", "Ok so ..."), a phrase
of purpose (:mod:`app.qa.form.purpose_lead`: "As part of a review of donor engagement, ..."), a
correction the writer made as they typed (:mod:`app.qa.form.self_correction`: "..., sorry, I mean: who
..."), the report named as the source (:mod:`app.qa.form.source_phrase`: "..., according to the
report?"), the sign-off after the question (:mod:`app.qa.form.sign_off`: thanks, a signature, "Is
that right?"),
asides marked off inside it (:mod:`app.qa.form.marked_aside`), a request it is wrapped in
(:mod:`app.qa.form.request_lead`: "I'd like to know ...") and an answer noun named before the question
word (:mod:`app.qa.form.fronted_type`: "Thinking of countries: which ones ..."), and a pronoun question
after the thing it asks of (:mod:`app.qa.form.pronoun_question`: "... the funding gap — what was it?").  Each leaves a question
it does not recognise unchanged, so a plain question reads exactly as before.
"""
from __future__ import annotations

from app.qa.form import (discourse_marker, fronted_type, marked_aside, pronoun_question, purpose_lead, request_lead,
                         self_correction, sign_off, source_phrase)


def of(question: str) -> str:
    """The question proper of ``question`` (whitespace normalised)."""
    text = " ".join(str(question or "").split())
    return pronoun_question.rewrite(fronted_type.rewrite(request_lead.strip(marked_aside.strip(sign_off.strip(
        source_phrase.without_source(self_correction.rewrite(purpose_lead.without_purpose(discourse_marker.without_marker(text)))))))))
