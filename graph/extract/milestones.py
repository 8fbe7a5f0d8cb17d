"""What a sentence says happened to a named thing, when, and about what: shared by the extractors of
schemes and laws (status, year), dated activities (kind, year) and partners (kind, topic).

Pure functions over one sentence.  The vocabularies are ordinary English and general knowledge of
social protection work (verbs of adoption, kinds of study or event, policy topics); nothing here
names a country, a partner or a line of a particular report.
"""
from __future__ import annotations

import re
from functools import lru_cache

from graph.dates import MONTH, MONTH_NAMES
from graph.pattern_set import PatternSet

_MONTHS = ("(?:" + "|".join(MONTH_NAMES) + "|"
           r"early|late|mid-?|the (?:first|second|third|fourth|last) quarter of|the (?:beginning|end) of|"
           r"the course of|the (?:first|second) half of|Q[1-4])")
# "In 2024", "in October 2024", "by late 2024", "(2024)" — not the start of a period "2024-2030".
YEAR = re.compile(r"\b(?:[Ii]n|[Oo]n|[Bb]y|[Ss]ince|[Dd]uring|[Tt]hroughout|[Aa]t|[Ff]rom|[Ii]nto|[Uu]ntil|[Bb]efore|"
                  r"[Aa]fter)\s+(?:" + _MONTHS +
                  r"\s*)?(?:\d{1,2}\s+)?(?:" + _MONTHS + r"\s+)?((?:19|20)\d{2})\b(?!\s*[-–/]\s*\d)"
                  r"|\(((?:19|20)\d{2})\)"
                  r"|\b(?:[Ii]n|[Oo]n|[Bb]y)\s+" + MONTH + r"\s+\d{1,2},\s+((?:19|20)\d{2})\b")  # "on October 10, 2024"
_FUTURE = re.compile(r"\b(?:expected|will|to be|planned|slated|due|would|should|aims? to|plans? to|"
                     r"intends? to|set to|is to|are to|upcoming|forthcoming|next)\b", re.I)

# status word -> the stems that say it (checked in this order: the more specific first)
STATUS_VERBS: tuple[tuple[str, str], ...] = (
    ("relaunched", r"re-?launch\w*|renewed commitment|revamp\w*|revitali[sz]\w*"),
    ("rolled out", r"roll(?:ed|ing|s)?[\s-]out|scal(?:ed|ing) up|scale[\s-]up"),
    ("validated", r"validat\w*"),
    ("adopted", r"adopt\w*"),
    ("enacted", r"enact\w*|promulgat\w*|passed|signed into law|gazetted"),
    ("approved", r"approv\w*|ratif\w*"),
    ("endorsed", r"endors\w*"),
    ("launched", r"launch\w*|inaugurat\w*|unveil\w*"),
    ("introduced", r"introduc\w*|instituted|establish\w*|set up|created"),
    ("renewed", r"renew\w*|extended (?:up )?(?:to|until)"),
    ("amended", r"amend\w*|revis(?:ed|ion|ing)|reform\w*|updat\w*"),
    ("finalized", r"finali[sz]\w*|completed"),
    ("drafted", r"draft\w*|formulat\w*|prepar\w*|elaborat\w*|design\w*|developed"),
    ("piloted", r"pilot\w*"),
    ("implemented", r"implement\w*|operationali[sz]\w*|in force|disburs\w*|paid"),
    ("under development", r"under development|being developed|under discussion|under review|in progress|"
                          r"developing|ongoing"),
)
_STATUS_RX = [(s, re.compile(r"\b(?:" + rx + r")\b", re.I)) for s, rx in STATUS_VERBS]

# kind of a national measure from the head word of its name
MEASURE_KINDS: tuple[tuple[str, str], ...] = (
    ("decree", r"Decree|Ordinance|Regulation"),
    ("resolution", r"Resolution"),
    ("law", r"Act|Law|Code|Bill|Legislation"),
    ("strategy", r"Strategy|Roadmap"),
    ("policy", r"Policy"),
    ("plan", r"Plan"),
    ("scheme", r"Scheme|Insurance|Fund|Pension|System"),
    ("programme", r"Programme|Program|Project|Initiative"),
    ("benefit", r"Allowance|Grant|Benefit|Transfer|Top-up"),
    ("reform", r"Reform"),
    ("partnership", r"Public-private\s+partnership"),
    ("service", r"Window|One-stop[- ]shop"),
)


_MEASURE_RX = [(k, re.compile(r"\b(?:" + rx + r")\b"), re.compile(r"\b(?:" + rx + r")\b", re.I))
               for k, rx in MEASURE_KINDS]


def measure_kind(name: str) -> str:
    """'Decree No. 2024-123' -> decree, 'National Social Protection Policy (2024-2033)' -> policy:
    the last kind word of the name (the head noun) decides."""
    best, at = "programme", -1
    head = re.split(r"\s+(?:on|of|for|to)\s+", name, maxsplit=1)[0]  # "Law on Health Insurance": Law
    if not any(rx.search(head) for _k, rx, _ri in _MEASURE_RX):
        head = name
    for kind, _rx, rx in _MEASURE_RX:
        for m in rx.finditer(head):
            if m.start() > at:
                best, at = kind, m.start()
    return best


def years(sentence: str) -> list[tuple[int, str]]:
    """(offset, year) of every dated phrase in the sentence."""
    return [(m.start(), m.group(1) or m.group(2) or m.group(3)) for m in YEAR.finditer(sentence)]


def year_near(sentence: str, start: int = 0, end: int | None = None) -> str | None:
    """The dated phrase of the sentence closest to the span [start, end)."""
    end = start if end is None else end
    ys = years(sentence)
    if not ys:
        return None
    return min(ys, key=lambda y: 0 if start <= y[0] < end else min(abs(y[0] - start), abs(y[0] - end)))[1]


def status_near(sentence: str, start: int, end: int, window: int = 90) -> str | None:
    """The status only (see :func:`status_event`)."""
    return status_event(sentence, start, end, window)[0]


_PURPOSE = re.compile(r"\b(?:for|towards?)\s+(?:(?:its|the|their|full|final|formal)\s+)?(?:\w+\s+and\s+)?$", re.I)


@lru_cache(maxsize=4096)  # asked again for every name and verb of the same sentence
def _verbs(sentence: str) -> tuple[tuple[int, int], ...]:
    """Spans of the status words of a sentence that can own a date: verbs, participles and nouns
    ("the ratification ... in 2024"), but not a purpose ("evaluated for approval and adoption in
    2025" dates the evaluation)."""
    return tuple(sorted((m.start(), m.end()) for _s, rx in _STATUS_RX for m in rx.finditer(sentence)
                  if not _PURPOSE.search(sentence[max(0, m.start() - 40):m.start()])))


def event_year(sentence: str, v_start: int, v_end: int) -> str | None:
    """The year of the event told by the verb at [v_start, v_end): the dated phrase nearest the
    verb with no other status verb between them ("validated ..., and expected to be adopted in
    2025" gives the validation no year; "(ratified in 2006)" dates the ratification, not the
    strategy next to it)."""
    verbs = [v for v in _verbs(sentence) if v != (v_start, v_end)]
    best = None
    for at, y in years(sentence):
        if sentence[at:at + 3].lower() == "by " and not _FUTURE.search(sentence[max(0, v_start - 40):v_start]):
            continue  # "by 2030" is a target, not the date of what was done
        lo, hi = sorted((at, v_start))
        if any(lo < vs < hi for vs, _ve in verbs):
            continue
        mine = min(abs(at - v_start), abs(at - v_end))
        if any(min(abs(at - vs), abs(at - ve)) < mine for vs, ve in verbs):
            continue  # the year dates another verb of the sentence
        d = abs(at - v_start)
        if best is None or d < best[0]:
            best = (d, y)
    return best[1] if best else None


_DETERMINER_BEFORE = re.compile(r"\b(?:the|its|a|an|their|this|his|her|our)\s+$", re.I)
_MEASURE_NOUN = re.compile(r"\b(?:Programme|Program|Plan|Strategy|Policy|Law|Act|Scheme|Decree|Fund|Project|Bill|"
                           r"Code|Framework|programmes?|plans?|strateg(?:y|ies)|polic(?:y|ies)|laws?|schemes?|"
                           r"decrees?|projects?|bills?|reforms?|measures?)\b")


# between a status verb and a name after it: the name is the verb's agent or partner, not its object
_AGENT_GAP = re.compile(r"\s+(?:\w+\s+){0,2}?(?:in\s+(?:collaboration|partnership|cooperation)\s+with|"
                        r"together\s+with|jointly\s+with|with|by)\s+(?:the\s+)?", re.I)
# a study of the named thing between a status verb and the name: the verb's object is the study
_STUDY_OF = re.compile(r"\b(?:valuations?|assessments?|reviews?|analys[ie]s|stud(?:y|ies)|evaluations?|audits?|"
                       r"diagnostics?|mappings?|costings?)\s+of\b", re.I)


# the gap between a status noun and the name it is said of: "adoption of (the) ..."
_NOUN_OF = re.compile(r"\s+of\s+(?:the\s+|a\s+|an\s+)?")
_ACT_NOUN = re.compile(r"(?:adoption|approval|enactment|promulgation)")


def _act_noun_of(word: str, gap: str, before_name: bool) -> bool:
    """Whether a status word is a legal act's noun right before the name it is said of
    ("the adoption of Decree 824", "approval of the Law")."""
    return before_name and bool(_ACT_NOUN.fullmatch(word)) and bool(_NOUN_OF.fullmatch(gap))


def status_span(sentence: str, start: int, end: int, window: int = 90,
                finite_only: bool = False) -> tuple[str | None, str | None, int, int]:
    """What the sentence says happened to the thing named at [start, end): (status, the year
    dating it, the status word's span).

    The status word closest to the name (after it within ``window`` characters, or before it),
    'planned' when it is future ("is expected to be adopted", "will be launched", "adoption ...
    expected in").  A finite verb or participle ("validated", "launched") is preferred over a noun
    or gerund ("adoption", "updating") a little closer, and ``finite_only`` ignores nouns and
    gerunds altogether ("the pension reform" says nothing happened).  A participle after a
    determiner is an adjective ("approved the revised Policy": approved), and a verb whose object
    is another measure ("developed a Recovery Programme under its Emergency Plan") is not the
    name's."""
    best: tuple[int, str, re.Match] | None = None
    for status, rx in _STATUS_RX:
        for m in rx.finditer(sentence):
            if m.start() >= end:
                dist, gap = m.start() - end, sentence[end:m.start()]
            elif m.end() <= start:
                dist, gap = start - m.end(), sentence[m.end():start]
            else:
                continue
            if dist > window:
                continue
            if _DETERMINER_BEFORE.search(sentence[max(0, m.start() - 8):m.start()]) and m.end() <= start \
                    and not _act_noun_of(m.group(0).lower(), gap, True):
                continue  # "the revised Policy": an adjective
            if _MEASURE_NOUN.search(gap):
                continue  # the verb is about another measure between them
            if m.end() <= start and _AGENT_GAP.fullmatch(gap):
                continue  # "launched in collaboration with X", "developed by X": X did it, X was not done
            if m.end() <= start and _STUDY_OF.search(gap):
                continue  # "completed the actuarial valuation of the X": what was completed is the study
            word = m.group(0).lower()
            if not re.search(r"(?:ed|out|up|force|paid|set up|progress|ongoing|development|discussion|review)$", word):
                # "the adoption of Decree 824": a legal act's noun whose object is the name says the
                # act was done (unlike "the establishment of X", a study's title as often as news)
                if finite_only and not _act_noun_of(word, gap, m.end() <= start):
                    continue
                dist += 30
            if best is None or dist < best[0]:
                best = (dist, status, m)
    if best is None:
        return None, None, -1, -1
    m = best[2]
    year = event_year(sentence, m.start(), m.end())
    before = sentence[max(0, m.start() - 35):m.start()]
    # a noun or gerund ("adoption", "launching") is future when its clause says so further on
    after = re.split(r"[,;]", sentence[m.end():m.end() + 90])[0] if re.search(r"(?:ion|ment|ing)$", m.group(0)) else ""
    if _FUTURE.search(before) or _FUTURE.search(after):
        return "planned", year, m.start(), m.end()
    return best[1], year, m.start(), m.end()


def status_event(sentence: str, start: int, end: int, window: int = 90,
                 finite_only: bool = False) -> tuple[str | None, str | None]:
    """(status, year) of the thing named at [start, end) — see :func:`status_span`."""
    return status_span(sentence, start, end, window, finite_only)[:2]


# ---------------------------------------------------------------------------------------------
#  Kinds of work and topics (general knowledge of the field, not of one report)
# ---------------------------------------------------------------------------------------------

ACTIVITY_KINDS: tuple[tuple[str, str], ...] = (
    ("study", r"(?:feasibility |actuarial |costing |diagnostic |assessment |mapping )?stud(?:y|ies)|"
              r"assessments?|feasibility|costing|actuarial (?:valuation|review|analysis)|diagnostic|"
              r"mapping|reviews?|analys[ie]s|evaluations?|surveys?|simulations?|estimates|valuations?"),
    ("training", r"trainings?|trained|capacity[\s-]building|workshop|course|learning visit|study visit|"
                 r"academy|webinar"),
    ("campaign", r"campaign|awareness[\s-]raising|outreach|advocacy"),
    ("dialogue", r"dialogue|consultations?|validation (?:workshop|meeting)|tripartite|roundtable|"
                 r"conference|forum|meeting|side event|panel"),
    ("publication", r"published|publication|policy (?:brief|paper|note)s?|technical (?:brief|note|paper)s?|guide|"
                    r"report|working paper|issue paper"),
    ("pilot", r"pilot"),
    ("legal drafting", r"draft(?:ed|ing)? (?:law|bill|decree|regulation|legislation)|legal (?:review|drafting)|"
                       r"bylaws|legislative"),
    ("policy development", r"strategy|policy|plan|roadmap|framework"),
    ("system development", r"digital\w*|information system|MIS|registry|interoperab\w*|platform"),
)
_ACTIVITY_RX = [(k, re.compile(r"\b(?:" + rx + r")\b", re.I)) for k, rx in ACTIVITY_KINDS]
# Every kind in one pattern, a named group each in the gazetteer's order: one scan finds the
# leftmost cue, and at that position the alternation tries the kinds in order - the same answer as
# searching kind by kind and keeping the earliest start (ties to the earlier kind), for a ninth of
# the scans (activity_kind runs on every clause of a report).
_ACTIVITY_ANY = re.compile(r"\b(?:" + "|".join(f"(?P<k{i}>{rx})" for i, (_, rx) in enumerate(ACTIVITY_KINDS))
                           + r")\b", re.I)

TOPICS: tuple[tuple[str, str], ...] = (
    ("refugee inclusion", r"refugees?|forcibly displaced|asylum"),
    ("migrant workers", r"migrants?|migrant workers|working abroad"),
    ("social health protection", r"health insurance|social health|health protection|health coverage|"
                                 r"universal health|medical|health|tuberculosis|HIV"),
    ("pensions", r"pensions?|old[\s-]age|older (?:persons|people)|old persons'?|elderly"),
    ("unemployment protection", r"unemployment"),
    ("maternity and parental protection", r"maternity|paternity|parental"),
    ("child benefits", r"child benefits?|children|child"),
    ("disability", r"disabilit\w*"),
    ("employment injury", r"employment injury|work[\s-]injury|occupational (?:safety|health)|OSH|workplace accident|"
                          r"workers'? compensation"),
    ("informal economy", r"informal (?:economy|sector|workers)|informality|self-employed|formali[sz]ation"),
    ("digitalisation", r"digital\w*|information systems?|MIS|registry|interoperab\w*"),
    ("social protection financing", r"fiscal space|financing|costing|budget\w*|public finance|actuarial"),
    ("climate change", r"climate|just (?:energy )?transition|energy transition|environment\w*"),
    ("crisis response", r"shock[\s-]responsive|humanitarian|crisis|emergency|conflict|fragil\w*"),
    ("legal frameworks", r"legal frameworks?|legislation|law|bill|decree|ratification"),
    ("long-term care", r"long[\s-]term care|carers?"),
    ("gender equality", r"gender|women"),
    ("rural and agricultural workers", r"rural|agricultur\w*|farmers?"),
    ("supply chains", r"supply chains?|value chains?"),
    ("social assistance", r"cash transfers?|social assistance|allowance"),
    ("social protection policy", r"social protection (?:policy|strategy|system)|policy|strategy"),
)
_TOPIC_RX = [(t, re.compile(r"\b(?:" + rx + r")\b", re.I)) for t, rx in TOPICS]
_TOPIC_SET = PatternSet([rx for _, rx in _TOPIC_RX])  # which topics a sentence names, in one scan

COLLABORATION_KINDS: tuple[tuple[str, str], ...] = (
    ("joint programme", r"joint programmes?|UN Joint Programme|joint project"),
    ("financing", r"funded by|financed by|funded|with funding from|financial support|contributions? from|"
                  r"envelope|US\$|€|£|\d\s*million"),
    ("technical assistance", r"technical (?:support|assistance|advice|review|inputs?)"),
    ("study", ACTIVITY_KINDS[0][1]),
    ("capacity building", ACTIVITY_KINDS[1][1]),
    ("publication", ACTIVITY_KINDS[4][1]),
    ("event", r"organi[sz]ed|co-organi[sz]ed|side event|panel|webinar|conference|forum|dialogue"),
    ("pilot", r"pilot"),
    ("technical assistance", r"supported|support\w*|assist\w*|advi[sc]\w*"),
)
_COLLAB_RX = [(k, re.compile(r"\b(?:" + rx + r")\b", re.I)) for k, rx in COLLABORATION_KINDS]
_COLLAB_SET = PatternSet([rx for _, rx in _COLLAB_RX])


def activity_kind(text: str) -> str | None:
    """The kind of work a clause describes (study, training, campaign ...), by its first cue."""
    m = _ACTIVITY_ANY.search(text)
    return ACTIVITY_KINDS[int(m.lastgroup[1:])][0] if m else None


def _activity_kind_by_kind(text: str) -> str | None:
    """:func:`activity_kind` one kind at a time (the definition the one-scan pattern keeps; tests)."""
    best: tuple[int, str] | None = None
    for kind, rx in _ACTIVITY_RX:
        m = rx.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), kind)
    return best[1] if best else None


_PROPER_NAME = re.compile(r"\b[A-Z][\w'’\-]*(?:\s+(?:of|and|for|the|on)?\s*[A-Z][\w'’\-]*)+")
# A name whose head is a kind of benefit says what it covers: "the ILO/EII (Employment Injury
# Insurance) model", "the Universal Health Insurance Scheme".  Its words are the sentence's topic,
# unlike an institution's ("the Ministry of Agriculture and Rural Development").
_BENEFIT_NAME = re.compile(r"\b(?:Insurance|Schemes?|Benefits?|Pensions?|Allowances?|Grants?|Compensation)$")


def topics(text: str, *, names_too: bool = False) -> list[str]:
    """The policy topics a sentence is about, in the order of the gazetteer (most specific first).

    Proper names are left out unless ``names_too`` (a title): "the Ministry of Agriculture and Rural
    Development convened ..." is not about rural workers."""
    if not names_too:
        text = _PROPER_NAME.sub(lambda m: m.group(0) if _BENEFIT_NAME.search(m.group(0)) else " ", text)
    return [_TOPIC_RX[i][0] for i in _TOPIC_SET.found(text)]


def collaboration_kind(text: str, default: str = "partnership") -> str:
    """How two parties worked together, from the sentence's wording."""
    first = _COLLAB_SET.first(text)
    return default if first is None else _COLLAB_RX[first][0]


def clip(sentence: str, limit: int = 300) -> str:
    """The sentence as evidence text, cut at a word boundary when long."""
    s = sentence.strip()
    return s if len(s) <= limit else s[: limit - 3].rsplit(" ", 1)[0] + "..."


__all__ = ["activity_kind", "event_year", "status_event", "status_span", "clip", "collaboration_kind", "measure_kind", "status_near", "topics",
           "year_near", "years", "YEAR"]
