"""What a programme, scheme, law or country's work is guided by: the ILO standards it follows.

Why: a report says again and again that a piece of work is "in line with Convention No. 102 and
Recommendation No. 202", that a scheme works "in line with ... ILO Employment Injury Benefits
Convention (No. 121)", or that a programme is "anchored in" a recommendation and a convention.
Readers ask "which standards guide the Flagship Programme?" or "where does ILO work follow
Recommendation No. 202?", and before this module Recommendation No. 202 had no statement at all:
only ratifications, inquiries and alignment assessments linked countries to instruments.

The shape read (``guidedBy``): a cue ("in line with", "aligned with", "in accordance with",
"anchored in", "guided by", "rooted in", "underpinned by", "based on", "consistent with") followed
closely by one or more ILO instruments.  The subject is:

* the country the sentence is about (its entry or the country it names), and also the scheme or
  national law/strategy the sentence names before the cue ("the Employment Injury Scheme (EIS)
  Pilot ... in line with ... Convention (No. 121)");
* in a sentence about no country, the initiative (else the scheme) the sentence names ("Anchored
  in ... Recommendation ... (No. 202) and the ... Convention ... (No. 102), the Flagship Programme
  strategy is guided by ...").

Left out: "assessing how their systems align with" (an alignment assessment, read by
``instruments``), and standards named without a number ("relevant ILO conventions").  A sentence a
page break cut in two is read whole when an instrument's title spans the cut (the same evidence
``instruments`` uses to join the title), so its two passages are both the statement's evidence.
"""
from __future__ import annotations

import re

from graph.extract import ensure_country
from graph.extract.instruments import cut_before, instrument_mentions, sentence_country, sentences, ILO_TITLE
from graph.kb import Entity, KnowledgeBase, eid
from graph.model import Document

RELATION = "guidedBy"

CUE = re.compile(r"\b(?:in[\s-]line\s+with|(?:closely\s+|fully\s+)?aligned\s+with|in\s+alignment\s+with|"
                 r"in\s+accordance\s+with|in\s+conformity\s+with|consistent\s+with|anchored\s+in|"
                 r"guided\s+by|rooted\s+in|underpinned\s+by|based\s+on|grounded\s+in|informed\s+by)\b", re.I)
# "assessing how their systems align with", "a gap analysis ... aligned with": an assessment, not guidance
_ASSESSMENT = re.compile(r"\b(?:assess\w*|compar\w+|gaps?|analys[ie]s)\b[^.;]{0,80}$", re.I)
WINDOW = 170  # characters after the cue within which the standards it introduces are named
_LIST_GAP = re.compile(r"^[\s,;]*(?:\([^()]{0,60}\)[\s,;]*)?(?:and\s+|as\s+well\s+as\s+|including\s+|in\s+particular\s+)?"
                       r"(?:the\s+)?(?:ILO\s+)?$", re.I)
_STOP = re.compile(r"(?<!\bNo)\.\s|;|\bwhile\b|\bwhereas\b|\bbut\b")  # "No. 102" is no stop


def _standards_after(sent: str, cue_end: int) -> list[tuple[int, int, str]]:
    """The ILO instruments the cue introduces: the first within WINDOW characters of it, then each
    one that follows the previous with only a list's glue between them ("C102 (ratified in 2013)
    and Recommendation No. 202")."""
    stop = _STOP.search(sent, cue_end)
    end = stop.start() if stop else len(sent)
    found = []
    last_end = None
    for st, en, kind, num in instrument_mentions(sent):
        if st < cue_end or st >= end:
            continue
        if last_end is None:
            if st - cue_end > WINDOW:
                break
        elif st < last_end:
            continue  # a number inside a title already taken ("... Convention, 1952 (No. 102)")
        elif not _LIST_GAP.match(sent[last_end:st]):
            break
        found.append((st, en, f"{kind}{num}"))
        last_end = en
    return found


def _named(sent: str, entities: list[Entity]) -> list[tuple[int, Entity]]:
    """(position, entity) for each entity the sentence names by its label, another name or acronym."""
    out = []
    for e in entities:
        names = [e.label, *e.alt_labels] + ([e.acronym] if e.acronym else [])
        best = None
        for n in names:
            if not n or len(n) < 3:
                continue
            m = re.search(r"(?<![\w-])" + re.escape(n) + r"(?![\w-])", sent)
            if m and (best is None or m.start() < best):
                best = m.start()
        if best is not None:
            out.append((best, e))
    return sorted(out, key=lambda t: t[0])


def _joined_sentences(doc: Document):
    """(passage ids, text) of the running text's sentences, with a sentence a page break cut in two
    read whole: the cut passage's last sentence and the first sentence of the passage that opens
    with the rest of an instrument's title."""
    passages = doc.passages
    for i, p in enumerate(passages):
        if p.kind in ("table", "caption", "heading"):
            continue
        sents = sentences(p.text)
        for k, (_s0, _s1, sent) in enumerate(sents):
            ids = [p.id]
            if k == 0:
                m = ILO_TITLE.match(p.text)
                cut = cut_before(passages, i) if m else None
                if cut is not None:
                    prev_sents = sentences(cut.text)
                    if prev_sents:
                        sent = prev_sents[-1][2].rstrip() + " " + sent.lstrip()
                        ids = [cut.id, p.id]
            yield p, ids, sent


def extract(doc: Document, kb: KnowledgeBase) -> None:
    instruments = {e.id for e in kb.of_type("LegalInstrument") if e.role in ("ILOConvention", "ILORecommendation")}
    if not instruments:
        return
    initiatives = kb.of_type("Initiative")
    schemes = kb.of_type("Scheme")
    national = [e for e in kb.of_type("LegalInstrument") if e.id not in instruments]
    for p, ids, sent in _joined_sentences(doc):
        if "No" not in sent and not re.search(r"\b[CR]\.?\s?\d", sent):
            continue
        for cm in CUE.finditer(sent):
            if _ASSESSMENT.search(sent[:cm.start()]) and re.match(r"align", cm.group(0), re.I):
                continue
            standards = [s for s in _standards_after(sent, cm.end()) if eid("LegalInstrument", s[2]) in instruments]
            if not standards:
                continue
            subjects: list[str] = []
            before = sent[:cm.start()]
            iso = sentence_country(doc, p, sent, cm.start())
            if iso:
                subjects.append(ensure_country(kb, iso, p.id).id)
                # the scheme or national law/strategy the sentence names before the cue, nearest it
                near = [(pos, e) for pos, e in _named(before, schemes + national)
                        if e.attrs.get("country") in (None, iso)]
                if near:
                    subjects.append(near[-1][1].id)
            else:
                named = _named(sent, initiatives) or _named(sent, schemes)
                if named:
                    subjects.append(named[0][1].id)
            for subj in subjects:
                for _st, _en, key in standards:
                    kb.add_fact(subj, RELATION, eid("LegalInstrument", key), ids, sentence=sent.strip()[:600],
                                cue=re.sub(r"\s+", " ", cm.group(0).lower()))


__all__ = ["CUE", "RELATION", "extract"]
