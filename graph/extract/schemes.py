"""Social protection schemes, programmes, allowances and benefit funds, with their country.

A scheme is a *named* thing, written as a capitalised name whose head word is Scheme, System,
Programme/Program, Allowance, Grant, Pension, Insurance, Benefit or a benefit-type Fund
("National Disability Allowance (NDA)", "Mandatory Health Insurance System (RAMO)"), or a
capitalised/hyphenated name followed by a lower-case "programme"/"scheme" ("Micro-takaful
programme", "Haba Haba scheme", "Social Cash Transfer (SCT) programme").  Precision over
recall: generic phrases ("the scheme", "social insurance schemes"), information systems,
institutions (Fund/Institute/Agency ... of a larger name), initiatives already in the KB, names
inside quoted titles and names that continue into an Act/Law are left out.

Facts: ``schemeInCountry`` (scheme -> country: the country named nearest before the name in the
sentence, else the country entry), ``administeredBy`` (scheme -> organisation) for "administered
by / managed by / run by / operated by X" and "X (is) responsible for administering".

Then every scheme and every national law, decree, strategy, policy or plan (found by
``instruments``) is described from the sentences that name it: its kind (from the head word of
its name), the status the report gives it (drafted, validated, adopted, launched, rolled out,
relaunched ... — the status verb nearest the name, 'planned' when future), the year, and for
schemes who they cover ("to people aged 70 and above", "for informal sector workers").  National
instruments get an ``instrumentOfCountry`` fact carrying kind, status and year; schemes carry
them on ``schemeInCountry``.
"""
from __future__ import annotations

import re

from graph import countries
from graph.extract import ensure_country, milestones
from graph.extract.instruments import resolve_org, section_iso3, sentence_country, sentences, text_sentences
from graph.extract.named import NameIndex
from graph.extract.organizations import initials_match
from graph.extract import evaluated_projects
from graph.extract.amount_contributors import CONTRIBUTED, contributor_list
from graph.extract.titled_projects import extract_titled_projects
from graph.extract.written_forms import add_described_written_forms, add_written_forms
from graph.kb import KnowledgeBase, eid
from graph.model import Document, Passage
from graph.vocab import slug

_HEADS = r"(?:Scheme|System|Programme|Program|Allowance|Grant|Pension|Insurance|Benefit|Fund|Regime|Net)"
_TOK = r"(?:[A-Z][A-Za-z'’\-]*|[A-Z]{2,}[a-z]?)"
_CONN = r"(?:of|for|and|the|on|to)"
# A plural head names one scheme made of several ("Health and Occupational Risks Systems"); a
# capitalised "of ..." tail belongs to the name when an acronym closes it ("Social Regime of
# Independent Workers (RSTI)").
CAP_NAME = re.compile(
    r"(?P<name>" + _TOK + r"(?:\s+(?:" + _CONN + r"\s+){0,2}" + _TOK + r")*\s+(?P<head>" + _HEADS + r")s?"
    r"(?:\s+(?:of|for)\s+[A-Z][\w\-]+(?:\s+(?:and\s+|of\s+)?[A-Z][\w\-]+){0,3}(?=\s*\([A-Z]))?)"
    r"(?![\w\-])(?:\s*\((?P<acr>[A-Z][A-Za-z0-9\-]{1,10})\))?(?P<after>\s+\w+)?")
# The acronym may stand between the name and its head: "Economic Recovery and Transformation (ERT)
# Programme" is "Economic Recovery and Transformation Programme (ERT)".
ACR_INSIDE = re.compile(
    r"(?P<name>" + _TOK + r"(?:\s+(?:" + _CONN + r"\s+){0,2}" + _TOK + r")*)\s*\((?P<acr>[A-Z][A-Za-z0-9\-]{1,10})\)"
    r"\s+(?P<head>" + _HEADS + r")(?![\w\-])(?P<after>\s+\w+)?")
# A name's words may carry accents ("Bolsa da Mãe") and lower-case particles of Romance names
# (da, de, do, del, la, du ...), which join capitalised words; general orthography, not report words.
_UTOK = r"(?:[A-Z][\w'’\-]*|[A-Z]{2,}[a-z]?)"
_PARTICLE = r"(?:da|de|do|dos|das|del|di|la|le|du|des)"
# A name's last word may carry a version mark ("Estidama++"), and a "pilot" between the name and
# its head says what stage the programme is at, not which one it is ("the Estidama++ pilot programme").
LOWER_NAME = re.compile(
    r"(?P<name>(?:" + _TOK + r"(?:\s+" + _TOK + r"){0,5}))(?P<mark>\+{1,2})?"
    r"(?:\s*\((?P<acr>[A-Z][A-Za-z0-9\-]{1,10})\))?"
    r"\s+(?:pilot\s+)?(?P<head>programme|program|scheme)(?![\w\-])")
# A lower-case description the report names with an acronym: "the old-age pension scheme (JP)",
# "the old age defined-contribution (JHT) schemes", "the main public health insurance scheme
# (EsSalud)".  The acronym is what makes the description a name; the description is its label.
_DESC_WORDS = r"(?P<desc>(?:[a-z][a-z\-]*\s+){0,5}?)"
_DESC_HEADS = r"(?P<head>scheme|programme|program|pension|allowance|grant|benefit)"
ACR_AFTER = re.compile(r"\b" + _DESC_WORDS + _DESC_HEADS + r"s?\s*\((?P<acr>[A-Z][A-Za-z]{1,8})\)")
ACR_BEFORE = re.compile(r"\b" + _DESC_WORDS[:-2] + r"[a-z][a-z\-]*)\s*\((?P<acr>[A-Z][A-Za-z]{1,8})\)\s+" + _DESC_HEADS + r"s?\b")
# A coverage or insurance the report glosses in English under another language's acronym
# ("universal health coverage (CMU)", for "couverture maladie universelle") is a national scheme's
# name; one whose acronym abbreviates the English words ("universal health coverage (UHC)") is the
# general idea.
_TRANSLATED_HEADS = ("coverage", "insurance")
ACR_TRANSLATED = re.compile(r"\b" + _DESC_WORDS + r"(?P<head>" + "|".join(_TRANSLATED_HEADS) + r")\s*\((?P<acr>[A-Z]{2,8})\)")
_WORDLIKE = re.compile(r"[a-z]{2}")
_DESCRIBED = "\0described"  # marks a candidate found by ACR_AFTER / ACR_BEFORE / ACR_TRANSLATED
_DESC_LEAD = re.compile(r"^(?:(?:the|a|an|its|their|to|of|in|on|and|for|from|with|into|both|under|by|as|is|was|"
                        r"are|were|new|that|which|this|these|through|via|at|over|between|across|within|including|such|like)\s+)+")
_NOT_SCHEME = re.compile(
    r"\b(Information|Management|Monitoring|Registry|Register|Portal|Data|Statistics|Statistical|Delivery|"
    r"Development|Food|Flagship|Donor|Joint|Decent|Country|Global|World|United|Nations|UN|Training|"
    r"Research|Reporting|Payment|Tool|Toolkit|Course|Master|Framework|Accelerator)\b")
_INSTITUTION_AFTER = re.compile(r"\s+(Act|Law|Bill|Code|Decree|Fund|Authority|Agency|Institute|Institution|"
                                r"Office|Board|Corporation|Commission|Department|Directorate|Council|"
                                r"Convention|Recommendation|Department|Unit|Bureau|Company|Service)\b")
_INSTITUTION_IN = re.compile(r"\b(Organi[sz]ation|Ministry|Institute|Agency|Authority|Office|Department|"
                             r"Bank|Corporation|Board|Commission|Council|University)\b")
_FUND_OK = re.compile(r"\b(Benefit|Solidarity|Provision|Assistance|Guarantee|Group|Welfare|Relief|Compensation)\s+Fund$")
_SYSTEM_OK = re.compile(r"\b(Insurance|Pension|Security|Healthcare|Health Care|Health|Risks?|Benefit|Distribution|Assistance)\b")
_LEAD = re.compile(r"^(?:(?:The|A|An|Its|Their|New|Revised|Current|This|These|In|On|Under|With|Through|"
                   r"And|Both|Our|Such|All|Each)\s+|(?:Establishment|Creation|Introduction|Implementation|"
                   r"Reform|Extension|Design|Review|Revision|Expansion|Evaluation|Assessment)\s+of\s+"
                   r"(?:the\s+|an?\s+)?)+")
_GENERIC = {"social insurance", "health insurance", "social protection system", "social security system",
            "national health insurance", "unemployment insurance", "social health insurance",
            "pension system", "health system", "social pension", "universal health insurance",
            "employment injury insurance", "community-based health insurance", "social protection programme",
            "cash transfer programme", "social assistance programme", "public works programme"}
_ADMIN = re.compile(r"\b(?:administered|managed|run|operated|implemented)\s+by\s+(?:the\s+)?"
                    r"(?P<org>[A-Z][\w'’\-]*(?:\s+(?:of|for|and|the|on)?\s*[A-Z][\w'’\-]*)*(?:\s*\([A-Z][\w\-]+\))?)")
# "the National Social Security Fund (NSSF) re-launched the Haba Haba scheme": an institution that
# runs, manages or relaunches a scheme is the one that administers it (a first "launched" is not:
# governments launch what others run).
_OPERATES = re.compile(r"(?:the\s+)?(?P<org>[A-Z][\w'’\-]*(?:\s+(?:of|for|and|on)?\s*[A-Z][\w'’\-]*)*(?:\s*\([A-Z][\w\-]+\))?)\s+"
                       r"(?:has\s+|have\s+|also\s+)*(?:re-?launched|administers|administered|manages|managed|runs|ran|"
                       r"operates|operated)\s+(?:the\s+|its\s+)?")
_RESPONSIBLE = re.compile(r"(?:the\s+)?(?P<org>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*(?:\s*\([A-Z][\w\-]+\))?)\s+"
                          r"(?:is\s+|was\s+|being\s+)?responsible\s+for\s+(?:administering|managing|running)")

# "the National Social Insurance Fund (CNPS), administrative entity of the RSTI": an institution
# in apposition to the role it plays for the scheme named right after
_ENTITY_OF = re.compile(r"(?:the\s+)?(?P<org>[A-Z][\w'’\-]*(?:\s+(?:of|for|and|on)?\s*[A-Z][\w'’\-]*)*"
                        r"(?:\s*\([A-Z][\w\-]+\))?),\s+(?:the\s+|its\s+)?(?:administrative|administering|managing|"
                        r"operating)\s+(?:entity|body|institution|agency)\s+(?:of|for)\s+(?:the\s+)?")

# What a sentence must contain for _OPERATES / _RESPONSIBLE to match in it: a cheap scan first,
# because both patterns try a run of capitalised words at every capital before failing on the verb
_OPERATES_VERB = re.compile(r"launched|administer|manage|operate|\bran\b|\bruns\b")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[\"“][^\"”]{3,300}[\"”]", text)]


def _clean(name: str) -> str:
    name = _LEAD.sub("", name.strip())
    return re.sub(r"\s+", " ", name).strip()


def _acceptable(name: str, head: str, acr: str | None, after: str, kb: KnowledgeBase) -> bool:
    words = name.split()
    if (len(words) < 2 or (len(words) < 3 and head in ("Programme", "Program", "System"))) and not acr:
        return False
    if name.lower() in _GENERIC:
        return False
    if head == "Net" and not acr:
        return False  # "Social Safety Net (SSN)" names one; "safety nets" is a kind
    if _NOT_SCHEME.search(name) or _INSTITUTION_IN.search(name):
        return False
    if _INSTITUTION_AFTER.match(after or ""):
        return False
    if countries.lookup(name) or (len(words) == 1 and countries.lookup(words[0])):
        return False
    if head == "Fund" and not _FUND_OK.search(name):
        return False
    if head == "System" and not (acr or _SYSTEM_OK.search(name)):
        return False
    if head in ("Insurance", "Pension", "Benefit") and not acr:
        return False  # "Health Insurance" is a kind of scheme unless the text names it with an acronym
    low = name.lower()
    for e in kb.entities.values():
        if e.type in ("Initiative", "Organization") and (e.label.lower() == low or
                                                          low in {a.lower() for a in e.alt_labels}):
            return False
    return True


def _country_for(doc: Document, p: Passage, sent: str, start: int, end: int) -> str | None:
    # a country among the contributors of an amount ("€9 million ... contributions from Norway and
    # Sweden, the Ministry introduced the X Allowance") paid for the scheme; it is not where it runs
    paying = [(m.start("list"), m.start("list") + len(contributor_list(m.group("list"))))
              for m in (CONTRIBUTED.finditer(sent) if "contribution" in sent or "funding" in sent else ())]
    found = [f for f in countries.find_countries(sent) if not (start <= f[0] < end)
             and not any(a <= f[0] < b for a, b in paying)]
    home = section_iso3(doc, p.section_id)
    if home and (not found or any(f[3] == home for f in found)):
        return home
    before = [f for f in found if f[1] <= start]
    if before:
        return before[-1][3]
    # "... was launched in Bangladesh" after the name
    after = [f for f in found if f[0] >= end]
    if after:
        return after[0][3]
    return home


# The head words CAP_NAME needs, as plain substrings ("Program" also finds "Programme").  The four
# name patterns try a match at every capital or word of every sentence; a sentence without the
# text a match must contain (a head word, "program"/"scheme", a bracket) skips them: the same
# matches, for about a third of the scanning.
_HEAD_WORDS = tuple(h for h in _HEADS[3:-1].split("|")
                    if not any(o != h and h.startswith(o) for o in _HEADS[3:-1].split("|")))


def _may_name_scheme(sent: str) -> bool:
    return any(h in sent for h in _HEAD_WORDS)


# the lower-case heads ACR_AFTER / ACR_BEFORE need ("program" also stands for "programme")
_DESC_HEAD_WORDS = ("scheme", "program", "pension", "allowance", "grant", "benefit")


def _may_describe_scheme(sent: str) -> bool:
    """Whether ACR_AFTER or ACR_BEFORE can match: both need a bracket and a lower-case head word
    (a substring test per sentence instead of trying their lazy word runs at every word)."""
    return "(" in sent and any(h in sent for h in _DESC_HEAD_WORDS)


def extract(doc: Document, kb: KnowledgeBase) -> None:
    acr_orgs = set()
    for e in kb.of_type("Organization"):
        if e.acronym:
            acr_orgs.add(e.acronym)
    for p in doc.passages:
        if p.kind in ("table", "caption"):
            continue
        for s0, s1, sent in sentences(p.text):
            quoted = _quoted_spans(sent)
            cands = []
            for m in (CAP_NAME.finditer(sent) if _may_name_scheme(sent) else ()):
                cands.append((m.start("name"), m.end("name") if not m.group("acr") else m.end("acr") + 1,
                              m.group("name"), m.group("head"), m.group("acr"), m.group("after") or ""))
            for m in (ACR_INSIDE.finditer(sent) if "(" in sent and _may_name_scheme(sent) else ()):
                cands.append((m.start("name"), m.end("head"), f"{m.group('name')} {m.group('head')}",
                              m.group("head"), m.group("acr"), m.group("after") or ""))
            for m in (LOWER_NAME.finditer(sent) if "program" in sent or "scheme" in sent else ()):
                nm = m.group("name")
                if re.fullmatch(r"[A-Z]{2,}", _clean(nm)) and _clean(nm) in acr_orgs:
                    continue
                cands.append((m.start("name"), m.end(), f"{nm}{m.group('mark') or ''} {m.group('head')}",
                              m.group("head"), m.group("acr"), ""))
            translated = [m for m in (ACR_TRANSLATED.finditer(sent) if "(" in sent else ())
                          if not initials_match(m.group("acr"), f"{m.group('desc') or ''}{m.group('head')}")]
            for m in ((*ACR_AFTER.finditer(sent), *ACR_BEFORE.finditer(sent)) if _may_describe_scheme(sent) else ()) \
                    + tuple(translated):
                words = (m.group("desc") or "").split()
                cut = max((i + 1 for i, w in enumerate(words) if _DESC_LEAD.match(w + " ")), default=0)
                desc = " ".join(words[cut:]) + (" " if words[cut:] else "")  # the words after the last small word
                if m.re is not ACR_BEFORE and len(desc.split()) < 1 or m.group("acr") in acr_orgs:
                    continue
                label = f"{desc}{m.group('head')}" if m.re is not ACR_BEFORE else f"{desc.strip()} {m.group('head')}"
                if label.lower() in _GENERIC and m.re is ACR_AFTER and len(m.group("acr")) < 2:
                    continue
                cands.append((m.start("desc") + (len(m.group("desc") or "") - len(desc)), m.end(), label,
                              m.group("head"), m.group("acr"), _DESCRIBED))
            taken: list[tuple[int, int]] = []
            for st, en, name, head, acr, after in sorted(cands, key=lambda c: (c[0], -(c[1] - c[0]))):
                if any(a <= st < b for a, b in taken) or any(a <= st < b for a, b in quoted):
                    continue
                raw = name
                name = _clean(name)
                st = st + (len(raw) - len(raw.lstrip())) + (len(raw.strip()) - len(name))
                if " and the " in name:  # "Social Security and the Health Solidarity Fund"
                    cut = name.rindex(" and the ") + len(" and the ")
                    st += cut
                    name = name[cut:]
                poss = re.match(r"^([A-Z][\w \-]+?)['’]s\s+", name)  # "Timor-Leste's Bolsa da Mãe"
                owner = None
                if poss and countries.lookup(poss.group(1)):
                    owner = countries.lookup(poss.group(1))
                    name = name[poss.end():]
                if after == _DESCRIBED:  # named by its acronym: the lower-case description is its label
                    if len(name) < 6 or countries.lookup(name) or _NOT_SCHEME.search(name.title()):
                        continue
                    # A bracketed word-like name ("(EsSalud)") is the scheme's own name, not an
                    # initialism of the description ("(JP)"): it labels the scheme.
                    label = acr if acr and _WORDLIKE.search(acr[1:]) else name
                    if head in _TRANSLATED_HEADS:  # "universal health coverage" alone is the general idea
                        label = f"{name} ({acr})"
                elif not name or not name[0].isupper():
                    continue
                elif head.islower():
                    base = name[: -len(head)].strip()
                    if not base or base.lower() in ("the", "this", "a") or countries.lookup(base):
                        continue
                    if not re.search(r"[A-Z].*[A-Za-z]", base) or _NOT_SCHEME.search(base) \
                            or _INSTITUTION_IN.search(base) or base in acr_orgs:
                        continue
                    if len(base.split()) == 1 and not re.search(r"-|[A-Z]{2,}", base) and not acr:
                        # a single capitalised word before "programme" is usually a sentence start
                        if st == 0 or sent[max(0, st - 2):st].strip() in (".", ""):
                            continue
                    label = name
                else:
                    if not _acceptable(name, head, acr, after, kb):
                        continue
                    label = name
                if len(label) < 6:
                    continue
                iso = owner or _country_for(doc, p, sent, st, en)
                taken.append((st, en))
                key = slug(f"{iso or ''} {label}")
                alts = [] if acr and label.endswith(f"({acr})") else \
                    [f"{label} ({acr})"] if acr and label != acr else [f"{name} ({acr})", name] if acr else []
                if acr and head.islower() and label != acr and head not in _TRANSLATED_HEADS:
                    alts.append(label.replace(f" {head}", f" ({acr}) {head}"))
                if acr:  # the same acronym in the same country is the same scheme: this name joins it
                    same = next((x for x in kb.of_type("Scheme") if x.acronym == acr
                                 and x.attrs.get("country") == iso), None)
                    if same is not None:
                        key = same.key
                        alts.append(label)
                e = kb.add_entity("Scheme", key, label, alt_labels=alts + ([acr] if acr else []),
                                  acronym=acr, passage=p.id, country=iso, description=sent.strip()[:500])
                if iso:
                    ensure_country(kb, iso, p.id)
                    kb.add_fact(e.id, "schemeInCountry", eid("Country", iso), [p.id])
                # administering institution
                tail = sent[en:en + 160]
                am = _ADMIN.match(re.sub(r"^[\s,]*(?:which\s+is\s+|that\s+is\s+|is\s+|was\s+)?", "", tail))
                if am:
                    _admin(kb, doc, e, am.group("org"), p.id)
    extract_projects_and_acts(doc, kb)
    extract_titled_projects(doc, kb)
    evaluated_projects.extract(doc, kb)  # "the following evaluations were conducted ...: <Title> - Final evaluation."
    extract_described_measures(doc, kb)
    # The schemes of each passage, in the knowledge base's order, looked up per sentence below
    # (scanning every scheme for every sentence grew with the square of the report).  Nothing
    # below adds a scheme or a scheme's passage, so the index holds throughout.
    schemes_in: dict[str, list] = {}
    for e in kb.of_type("Scheme"):
        for pid in e.passages:
            schemes_in.setdefault(pid, []).append(e)
    # "the SHA responsible for administering ..." with the scheme in the same sentence
    for p in doc.passages:
        here = schemes_in.get(p.id, [])
        for s0, s1, sent in sentences(p.text):
            m = _RESPONSIBLE.search(sent) if "responsible" in sent else None
            if m:
                for e in here:
                    if e.label in sent or (e.acronym and e.acronym in sent):
                        _admin(kb, doc, e, m.group("org"), p.id)
            for m in (_ENTITY_OF.finditer(sent) if " entity " in sent or " body " in sent else ()):
                obj = sent[m.end():m.end() + 120]
                for e in here:
                    if obj.startswith(e.label) or (e.acronym and re.match(re.escape(e.acronym) + r"\b", obj)):
                        # by its full name: an acronym alone may be another country's body ("CNPS")
                        _admin(kb, doc, e, re.sub(r"\s*\([^)]*\)$", "", m.group("org")), p.id)
            # "the NSSF re-launched the Haba Haba scheme": the scheme right after the verb
            for m in (_OPERATES.finditer(sent) if _OPERATES_VERB.search(sent) else ()):
                obj = sent[m.end():m.end() + 120]
                for e in here:
                    if obj.startswith(e.label) or (e.acronym and obj.startswith(e.acronym)):
                        org = resolve_org(kb, doc, re.sub(r"\s*\([^)]*\)$", "", m.group("org")), p.id, create=False)
                        if org is not None and org.role in ("national_institution", "other", None):
                            _admin(kb, doc, e, m.group("org"), p.id)
    add_written_forms(doc, kb)  # "... Scheme for workers in the informal economy (RSPC)"
    add_described_written_forms(doc, kb)  # "a community-based health insurance scheme" is "... (AMBC)"
    describe(doc, kb)


def _admin(kb: KnowledgeBase, doc: Document, scheme, org_name: str, pid: str) -> None:
    org_name = org_name.strip()
    acr = re.search(r"\(([A-Z][\w\-]+)\)$", org_name)
    name = re.sub(r"\s*\([^)]*\)$", "", org_name)
    org = resolve_org(kb, doc, acr.group(1), pid, create=False) if acr else None
    org = org or resolve_org(kb, doc, name, pid)
    if org is not None:
        if acr and not org.acronym:
            org.acronym = acr.group(1)
        kb.add_fact(scheme.id, "administeredBy", org.id, [pid])


# ---------------------------------------------------------------------------------------------
#  Kind, status, year and coverage of schemes and national instruments
# ---------------------------------------------------------------------------------------------

_COVERED = (r"workers|people|persons|households|children|women|mothers|refugees|farmers|employees|"
            r"beneficiaries|members|families|recipients|individuals|citizens|residents|migrants|agents|"
            r"seekers|students|pensioners|retirees|men|girls|boys|youth|fishers|vendors|traders|"
            r"self-employed|population|nationals|non-nationals")
COVERAGE = re.compile(
    r"\b(?:for|to|covering|covers|cover|targeting|targets|benefiting|benefit|reaching|reach|including|"
    r"inclusion of|extend\w* (?:coverage |it |them )?to)\s+"
    r"(?P<who>(?:(?:all|the|over|some|around|about|up to|nearly|almost|more than|an estimated|additional)\s+)*"
    r"(?:[\d][\d,.]*\s+(?:million\s+|thousand\s+)?)?(?:[\w'’\-]+\s+){0,4}?(?:" + _COVERED + r")\b"
    r"(?:\s+(?:with|in|of|aged|from|who|over|above)\s+[^,.;()]{1,45})?)", re.I)


def _events(doc: Document, kb: KnowledgeBase, names: NameIndex):
    """entity id -> [(passage id, sentence, start, end)] for every sentence naming it, in report order."""
    out: dict[str, list[tuple[str, str, int, int]]] = {}
    for p in doc.passages:
        if p.kind in ("table", "caption", "heading"):
            continue
        for _s0, _s1, sent in sentences(p.text):
            iso = sentence_country(doc, p, sent)
            for st, en, ent in names.find(sent, iso):
                out.setdefault(ent, []).append((p.id, sent, st, en))
    return out


def _describe_one(e, events) -> tuple[str | None, str | None, str | None, str | None, str | None]:
    """(status, year, passage id, sentence, coverage) from the sentences that name the entity.

    The status with a year wins over an undated one; among those, the first in report order
    (the entry's own account comes before later mentions)."""
    status = year = pid = sentence = coverage = None
    for p_id, sent, st, en in events:
        stt, yr = milestones.status_event(sent, st, en, finite_only=True)
        if stt and re.search(r"\bamendments?\s+(?:to|of)\b[^.;]{0,120}$", sent[:st]):
            stt = "amended"  # "the first amendment to the law (Law No. ...), approved in 2024": the law was amended
        if stt and (status is None or (year is None and yr)):
            status, year, pid, sentence = stt, yr, p_id, sent
        if coverage is None and e.type == "Scheme":
            m = COVERAGE.search(sent, en, min(len(sent), en + 160))
            if m:
                coverage = re.sub(r"\s+", " ", m.group("who")).strip()
                coverage = re.split(r"\s+(?:and|which|who|that|but)\s+(?:has|have|is|are|was|were|will|can|could|"
                                    r"would|may)\b", coverage)[0]
                coverage = re.sub(r"^(?:to|for|of)\s+", "", coverage)
    return status, year, pid, sentence, coverage


# ---------------------------------------------------------------------------------------------
#  Projects named by their acronym, and decrees or resolutions the text describes without a name
# ---------------------------------------------------------------------------------------------

# "the PROSPECTS and PATHWAYS projects", "Under the ACCEL project", "the LEAP (Lifelong ...) project"
PROJECTS = re.compile(
    r"\b(?:the\s+)?(?P<names>[A-Z][A-Z0-9+&\-]{2,}(?:\+*)(?:\s*(?:,|and)\s*(?:the\s+)?[A-Z][A-Z0-9+&\-]{2,})*)"
    r"(?:\s*\((?P<full>[A-Z][^()]{5,120})\))?\s+(?P<head>projects?|programmes?|programs?)\b")
# "adopted a decree in July 2024, which increased ...", "a resolution of the 8th Plenum of ..."
# "the adoption of the Government's decree on contribution rates": the act's noun says the same
UNNAMED_ACT = re.compile(
    r"\b(?P<verb>adopt\w*|issu\w*|approv\w*|pass\w*|enact\w*|sign\w*|promulgat\w*|expressed in|"
    r"(?:adoption|approval|enactment|promulgation)\s+of)\s+(?:a|an|the)\s+"
    r"(?:(?:[Gg]overnment|[Mm]inistry|[Mm]inister|[Pp]resident|[Cc]ountry)['’]s\s+)?"
    r"(?:new\s+)?(?P<head>decree|resolution|regulation|ordinance|law|bill)\b(?P<rest>(?:[^.;]|\.(?=\s*\d)){0,160})")


def _project_names(m: re.Match) -> list[str]:
    return [n for n in re.split(r"\s*(?:,|and)\s*(?:the\s+)?", m.group("names")) if n]


def extract_projects_and_acts(doc: Document, kb: KnowledgeBase) -> None:
    known = {e.acronym for e in kb.entities.values() if e.acronym and e.type in ("Organization", "Initiative")}
    for p, home, sent in text_sentences(doc):
        for m in PROJECTS.finditer(sent):
            iso = home or sentence_country(doc, p, sent, m.start())
            for name in _project_names(m):
                if name in known or countries.lookup(name) or len(name) < 3:
                    continue
                label = f"{name} project" if m.group("head").startswith("project") else f"{name} programme"
                alts = [name] + ([m.group("full")] if m.group("full") else [])
                e = kb.add_entity("Project", slug(name), label, alt_labels=alts, acronym=name, passage=p.id,
                                  description=sent.strip()[:500])
                if iso:
                    ensure_country(kb, iso, p.id)
                    kb.add_fact(e.id, "projectInCountry", eid("Country", iso), [p.id],
                                sentence=milestones.clip(sent, 600))
        # an unnamed act belongs to the country entry, or to the one country a summary bullet is
        # about; a bullet retells an entry, so there an act of a kind the country's named acts
        # already have is one of those told again ("adoption of a new law ..." is the named Act)
        bullet = None if home else _only_country(sent)
        home = home or bullet
        if home:
            for m in UNNAMED_ACT.finditer(sent):
                rest = m.group("rest")
                if re.match(r"\s+(?:No\.|[A-Z0-9])", rest):
                    continue  # a named or numbered act: instruments' job
                if bullet and _has_named_act(kb, bullet, m.group("head")):
                    continue
                status, year = milestones.status_event(sent, m.start("verb"), m.end("verb"))
                year = year or milestones.event_year(sent, m.start("verb"), m.end("verb"))
                what = re.sub(r"^(?:\s+(?:in|on)\s+[^,]{0,25}\d{4})?[\s,]*(?:which|that|to)?\s*", "", rest)
                what = " ".join(what.split()[:12]).rstrip(",")
                # "decree on contribution rates for the Universal Health Insurance Scheme (RAMU)": the
                # name after it is what the act is for, not part of the act's own name
                what = re.split(r"\s+(?:for|under)\s+(?:the\s+)?(?=[A-Z])", what)[0]
                label = f"{m.group('head')} ({year}) {what}".strip() if year else f"{m.group('head')} {what}".strip()
                if len(label.split()) < 3:
                    continue
                role = "NationalLaw"
                e = kb.add_entity("LegalInstrument", slug(f"{home} {label}")[:80], label[:1].upper() + label[1:],
                                  role=role, passage=p.id, country=home, year=year, described_act=True,
                                  description=sent.strip()[:400])
                e.attrs.setdefault("status", status or "adopted")


# "the introduction of a non-contributory pension", "through a subsidized contribution scheme",
# "the consolidation of a One UN plan", "under its plan to address the crisis": measures a country
# entry describes in lower case.  The cue before and a modifier that says which one keep out
# mere mentions of a kind ("the scheme", "social protection programmes").
_MEASURE_CUE = (r"\b(?:introduc\w*|institution|establish\w*|creat\w*|consolidat\w*|provision|provide|launch\w*|"
                r"adopt\w*|extension|extend\w*|through|under|development|develop\w*|pilot\w*|design\w*|"
                r"implementation|implement\w*|foresees?|renew\w*|context|valuation|reform|including|"
                r"assistance|framework|"  # "technical assistance to the pension reform", "the framework of a ..."
                r"and(?=\s+an?\s))\s+(?:of\s+|to\s+)?")  # "... of a non-contributory pension and a "mixed" pension"
_DET = r"(?:a|an|the|its|their|the country's|the government's|the Government's)\s+"
_MOD = (r"(?:(?!(?:of|to|the|and|or|into|for|a|an|its|with|in|on|at|by|from|their|this|that|these)\b)[a-z][\w\-]*"
        r"|[\"“][a-z][\w\-]*[\"”]|[A-Z]{2,}|One)")
# ("allowances" too: "the first-ever rights-based social allowances for persons with severe
# disabilities and older persons" is one measure paying two groups)
_MEASURE_HEAD = (r"schemes?|programmes?|programs?|plan|pension|system|funds?|top-up|allowances?|insurance|strategy|"
                 # a reform of one scheme ("the pension reform"), an arrangement the country sets up
                 r"reform|public-private\s+partnerships?|(?:one-stop[- ]shop|single)\s+window|one-stop[- ]shops?")
LOWER_MEASURE = re.compile(_MEASURE_CUE + r"(?:" + _DET + r")?(?P<phrase>(?P<mods>(?:" + _MOD + r"\s+(?:and\s+(?=" +
                           _MOD + r"\s))?){0,4}?)"
                           r"(?P<head>" + _MEASURE_HEAD + r")(?P<comp>\s+(?:for|to address|on)\s+[^,.;()]{3,80})?)"
                           r"(?![\w\-])(?!\s+(?:coverage|benefits?|contributions?|schemes?|system|programmes?|"
                           r"reforms?|institutions?|funds?|administration|window)\b)")
# "a UN Joint Programme": the joint programme of the UN agencies in the country the entry is about
UN_JOINT = re.compile(r"\b(?:a|an|the)\s+(?P<phrase>(?:UN|United\s+Nations)\s+[Jj]oint\s+[Pp]rogramme)(?![\w\-])"
                      r"(?!\s+(?:on|for|of|to)\s)")
_COUNT_WORDS = {"two", "three", "four", "five", "several", "both", "many", "various", "multiple", "some", "all",
                "numerous", "few", "these", "those"}
_JOINT = re.compile(r"\bjoint\s+programmes?$", re.I)


def _joint_programme(kb: KnowledgeBase, home: str, phrase: str, pid: str, sent: str) -> None:
    """A (UN) joint programme a country entry works through: a Project in that country."""
    label = " ".join(phrase.split())
    e = kb.add_entity("Project", slug(f"{home} {label}"), label, passage=pid, country=home,
                      description=sent.strip()[:500], described=True, kind="programme")
    ensure_country(kb, home, pid)
    kb.add_fact(e.id, "projectInCountry", eid("Country", home), [pid], sentence=milestones.clip(sent, 600))

_REFORMED = re.compile(r"\b(?:pension|insurance|benefit|allowance|retirement|contribution|social\s+security|"
                       r"social\s+assistance|health\s+financing)\s*$")


def _has_named_act(kb: KnowledgeBase, iso: str, head: str) -> bool:
    """Whether the country already holds a named (not described) act of this kind ("law", "decree")."""
    kind = milestones.measure_kind(head.title())
    return any(e.attrs.get("country") == iso and not e.attrs.get("described_act")
               and (e.attrs.get("kind") or milestones.measure_kind(e.label)) == kind
               for e in kb.of_type("LegalInstrument"))


def _only_country(sent: str) -> str | None:
    """The country a sentence outside any country entry is about, when it names exactly one
    ("In Zambia, around 85,000 recipients ... through a subsidized contribution scheme")."""
    m = re.match(r"\s*(?:In|For)\s+(?:the\s+)?([A-Z][^,]{2,40}),", sent)  # the shape of a country bullet
    found = {f[3] for f in countries.find_countries(sent)}
    iso = countries.lookup(m.group(1).strip("* ")) if m else None
    return iso if iso and found == {iso} else None


_NOT_SPECIFIC = {"new", "national", "social", "protection", "existing", "overall", "various", "other", "key", "more",
                 "inclusive", "comprehensive", "same", "current", "first", "previous", "such", "this", "these", "that",
                 "public", "relevant", "different", "specific", "whole", "entire", "larger", "broader", "own",
                 "health", "security", "work", "action", "similar", "robust", "coordinated", "efficient", "effective",
                 "technical", "options", "adequate", "sustainable", "integrated", "strong", "stronger", "improved"}
_NOT_MEASURE = re.compile(r"\b(?:information|management|delivery|data|statistic\w*|monitoring|registry|payment|"
                          r"health system|education|tax|legal|judicial|administrative|UN system|project|projects)\b", re.I)


def extract_described_measures(doc: Document, kb: KnowledgeBase) -> None:
    names = NameIndex(kb, ("Scheme", "LegalInstrument", "Initiative", "Project"))
    for p in doc.passages:
        if p.kind not in ("paragraph", "list_item"):
            continue
        entry = section_iso3(doc, p.section_id)
        for _s0, _s1, sent in sentences(p.text):
            home = entry or _only_country(sent)
            if not home:
                continue
            named = names.find(sent, home)
            for m in UN_JOINT.finditer(sent):
                if not any(a < m.end() and m.start("phrase") < b for a, b, _e in named):
                    _joint_programme(kb, home, m.group("phrase"), p.id, sent)
            for m in LOWER_MEASURE.finditer(sent):
                st, en = m.start("phrase"), m.end("phrase")
                clash = [a for a, b, _e in named if a < en and st < b]
                if clash and min(clash) < m.end("head"):
                    continue  # part of a name the graph knows
                phrase_text = sent[st:m.end("head")] if clash else m.group("phrase")
                if m.group("comp") and not clash and not re.search(r"\b(?:" + _COVERED + r")\s*$", m.group("comp")):
                    # "for informal, self-employed and migrant workers": the list the complement was cut in
                    more = re.match(r",\s+[\w\s,\-]{0,60}\b(?:" + _COVERED + r")\b", sent[en:en + 90])
                    if more:
                        phrase_text += more.group(0)
                if m.group("head").lower() == "reform" and not _REFORMED.search(m.group("mods")):
                    continue  # "the pension reform" is one scheme's reform; "a detailed reform" says nothing of which
                if " and " in f" {m.group('mods')}" and m.group("head").lower() not in ("plan", "strategy"):
                    continue  # "emergency response and recovery plan" names one plan; "X and Y schemes" lists kinds
                mods = [w.strip("\"“”").lower() for w in m.group("mods").split()]
                if mods and mods[0] in _COUNT_WORDS:
                    continue  # "the two social insurance funds": a count of things, not one named thing
                head = m.group("head").lower()
                if head.endswith("s") and re.match(r"(?:through|under|including)\b", m.group(0)):
                    continue  # "through active labour market programs": a category, not one programme
                specific = [w for w in mods if w not in _NOT_SPECIFIC]
                if not specific and not (m.group("comp") and not clash) and " " not in m.group("head").strip():
                    # (a multi-word head names one arrangement itself: "a public-private partnership")
                    continue
                phrase = " ".join(phrase_text.split())
                if _NOT_MEASURE.search(phrase) or phrase.lower() in _GENERIC or countries.lookup(phrase) or \
                        re.search(r"social (?:protection|security) systems?$", phrase):  # architecture, not a scheme
                    continue
                head = m.group("head").lower()
                kind = milestones.measure_kind(head)
                attrs = dict(passage=p.id, country=home, description=sent.strip()[:500], described=True)
                if _JOINT.search(phrase):  # the UN agencies' joint programme there, not a national scheme
                    _joint_programme(kb, home, phrase, p.id, sent)
                    continue
                if head in ("plan", "strategy"):
                    e = kb.add_entity("LegalInstrument", slug(f"{home} {phrase}"), phrase, role="NationalStrategy",
                                      **attrs)
                else:
                    e = kb.add_entity("Scheme", slug(f"{home} {phrase}"), phrase, **attrs)
                e.attrs.setdefault("kind", kind)


# The statuses that say a national law or strategy now stands (an act done, not a draft, a pilot or
# the running of it): undated, such an act told in the report's account of its year is that year's.
DONE_ACTS = frozenset({"adopted", "approved", "enacted", "endorsed", "launched", "validated", "relaunched",
                       "introduced", "amended", "finalized"})


def undated_act_year(doc: Document, passages: dict, pid: str | None, status: str | None,
                     year: str | None, fallback: str | None) -> str | None:
    """The year of a national measure's act when the sentence telling it gives none: the report's
    own year (as :mod:`graph.extract.activities` dates an undated activity), unless the passage
    says no activity took place that year.  Why: "Zambia finalised and launched a new National
    Social Protection Policy" (no year, in the 2024 report's country entry) was the one policy
    launched in 2024 that "which countries adopted a policy in 2024" left out, while the activity
    the same sentence yields was dated 2024 all along."""
    if year or not fallback or status not in DONE_ACTS or pid not in passages:
        return year
    from graph.extract.activities import quiet_year

    return None if quiet_year(passages[pid].text, fallback) == fallback else fallback


def describe(doc: Document, kb: KnowledgeBase) -> None:
    from graph.extract.activities import report_year

    names = NameIndex(kb, ("Scheme", "LegalInstrument"))
    events = _events(doc, kb, names)
    passages = {p.id: p for p in doc.passages}
    this_year = report_year(doc)
    for e in list(kb.entities.values()):
        national = e.type == "LegalInstrument" and e.role in ("NationalLaw", "NationalStrategy")
        if not (e.type == "Scheme" or national):
            continue
        e.attrs["kind"] = milestones.measure_kind(e.label)
        status, year, pid, sentence, coverage = _describe_one(e, events.get(e.id, []))
        status = status or e.attrs.get("status")  # an unnamed act's own verb ("adopted a decree")
        if national and not year and not e.attrs.get("year"):
            enacted = e.attrs.get("enactedYear")  # "Decree 824/MOH/2024 ... adopted": the name dates the act
            if enacted and status in DONE_ACTS and status != "amended":  # (an amendment is a later act)
                year = enacted
            elif not enacted:  # (an unnamed act is told where the entity was found)
                year = undated_act_year(doc, passages, pid or min(e.passages, default=None), status, year, this_year)
        year = year or (e.attrs.get("year") if e.attrs.get("described_act") else None)
        own = re.search(r"\s+for\s+(.+)$", e.label) if e.attrs.get("described") else None
        if own and re.match(r"(?:all\s+|the\s+)?(?:[\w\-]+\s+){0,3}(?:" + _COVERED + r")\b", own.group(1)):
            coverage = own.group(1)  # "pension scheme for private sector workers"
        if status:
            e.attrs["status"] = status
        if year and e.type == "Scheme":
            e.attrs.setdefault("year", year)
        if coverage:
            e.attrs["coverage"] = coverage
        iso = e.attrs.get("country")
        if not iso:
            continue
        evidence = [pid] if pid else sorted(e.passages)[:1]
        if not evidence:
            continue
        ensure_country(kb, iso, evidence[0])
        pred = "schemeInCountry" if e.type == "Scheme" else "instrumentOfCountry"
        kb.add_fact(e.id, pred, eid("Country", iso), evidence, kind_of=e.attrs["kind"], status=status,
                    year=year or (e.attrs.get("year") if national else None), coverage=coverage,
                    sentence=milestones.clip(sentence, 600) if sentence else None)
