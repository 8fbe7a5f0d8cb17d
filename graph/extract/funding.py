"""Funding: the "Financing support: ..." lines of country entries -> fundedBy facts.

A financing line names the funders of the country entry it closes.  The line is cut at "Visit
our/the country page", split on commas and " and " outside parentheses (a split is kept only when
every piece can stand alone as a funder, so "Bill and Melinda Gates Foundation" stays whole), and
each funder is resolved to an organisation:

* a country or "the Government of X" -> its government, a BilateralDonor keyed ``gov-ISO3``;
* "X funded by A and B" -> X is a multi-donor fund funded by A and B; "funded by" takes only the
  following items that are countries/governments, the rest go back to the line's list;
* "donors to the ILO's Regular Budget Supplementary Account (RBSA)" -> the fund RBSA;
  "donors to UN Joint Programmes" -> the pooled fund "UN Joint Programmes";
* "the ILO's Regular Budget" -> "ILO Regular Budget" (an organisation's own budget);
* "Name (ACR) of <Country>" / "Name of <Country>" with an institution head noun -> a national
  institution of that country; companies and foundations by their name's shape; well-known
  organisations from the gazetteer.

Facts: ``country fundedBy org`` and ``fund fundedBy donor`` (kind FundingLink) with the line as
``funding_line`` and the funder's words as ``funding_label``.
"""
from __future__ import annotations

import re

from graph import countries
from graph.extract import ensure_country
from graph.extract.organizations import add_institution, add_known, entry_country, guess_role, is_acronym
from graph.gazetteer import organizations as gaz
from graph.kb import Entity, KnowledgeBase
from graph.model import Document, Passage
from graph.parse import FINANCING_LINE
from graph.vocab import slug

VISIT = re.compile(r"\s*\b(?:Visit|See)\b.*$", re.S)  # "Visit our country page", cut or not
FUNDED_BY = re.compile(r"\s+(?:funded|financed|supported)\s+by\s+", re.I)
DONORS_TO = re.compile(r"^(?:the\s+)?donors\s+(?:to|of)\s+(.+)$", re.I)
POSSESSIVE = re.compile(r"^(?:the\s+)?([A-Z][A-Za-z0-9-]{1,12})['’]s\s+(.+)$")
_ENDS_BUDGET = re.compile(r"\b(Budget|Account|Programmes?|Funds?)(?:\s*\([^)]*\)?)?$")
PAREN_ACR = re.compile(r"\(\s*([A-Z][A-Za-z0-9&+./-]{0,14}[A-Z0-9+])\s*\)?")
_THE = re.compile(r"^(?:the|The)\s+")
_NATIONAL = re.compile(r"\b(?:National|Ministry|Ministère|Social\s+Security|Public|State|Federal|Caisse|Instituto|"
                       r"Institut|Government)\b")


# --- splitting a line -----------------------------------------------------------------------

def funding_text(line: str) -> str:
    """The funders part of a line: prefix and 'Visit our country page' removed."""
    s = FINANCING_LINE.sub("", line.strip())
    s = VISIT.sub("", s)
    s = s.strip().rstrip(",;")
    if s.endswith(".") and not re.search(r"(?:\.[A-Za-z]|\b[A-Z])\.$", s):
        s = s[:-1]
    return s.strip()


def _split_outside(s: str, sep: re.Pattern) -> list[tuple[str, str]]:
    """Split on ``sep`` outside parentheses: [(piece, separator-before)]."""
    out, depth, last, sep_before = [], 0, 0, ""
    i = 0
    while i < len(s):
        ch = s[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            m = sep.match(s, i)
            if m and m.end() > m.start():
                out.append((s[last:i], sep_before))
                sep_before = m.group(0)
                last = i = m.end()
                continue
        i += 1
    out.append((s[last:], sep_before))
    return out


def split_of_country(name: str) -> tuple[str, str | None]:
    """'Department of Social Development of South Africa' -> ('Department of Social Development', 'ZAF')."""
    for m in reversed(list(re.finditer(r"\s+of\s+", name))):
        iso = countries.lookup(name[m.end():])
        if iso and m.start() > 0:
            return name[:m.start()].strip(), iso
    return name, None


def _strong(item: str) -> bool:
    t = _THE.sub("", item.strip(" ,.;"))
    return bool(gaz.country_of_funder(t) or gaz.lookup(t) or DONORS_TO.match(t))


def standalone(item: str) -> bool:
    """Whether an item can be a funder on its own (used to decide where ' and ' splits)."""
    t = _THE.sub("", item.strip(" ,.;"))
    if not t:
        return False
    if gaz.country_of_funder(t) or gaz.lookup(t):
        return True
    base, inner = paren_contributors(t)
    if inner and base != t:
        return standalone(base) or bool(re.search(r"\b(?:Fund|Funds|Programmes?|Account|Facility|Trust)\s*$", base))
    if DONORS_TO.match(t) or POSSESSIVE.match(t) and _ENDS_BUDGET.search(t):
        return True
    if PAREN_ACR.search(t) or gaz.COMPANY_SUFFIX.search(t):
        return True
    head, iso = split_of_country(t)
    if iso and gaz.has_institution_head(head):
        return True
    return gaz.ends_with_institution_head(t) and len(t.split()) >= 2 and t[:1].isupper()


def _split_and(part: str) -> list[str]:
    """Split a comma-free part on ' and ' where every piece stands alone, most pieces first."""
    segs = [p for p, _ in _split_outside(part, re.compile(r"\s+and\s+"))]
    n = len(segs)
    best: dict[int, list[str] | None] = {n: []}
    for i in range(n - 1, -1, -1):
        best[i] = None
        for j in range(n, i, -1):
            piece = " and ".join(segs[i:j])
            rest = best.get(j)
            if rest is not None and standalone(piece):
                cand = [piece] + rest
                score = (len(cand), sum(_strong(c) for c in cand))
                if best[i] is None or score > (len(best[i]), sum(_strong(c) for c in best[i])):
                    best[i] = cand
    return best[0] or [part]


def split_funders(text: str) -> list[tuple[str, list[str]]]:
    """[(funder, [its donors])] of a funding text; donors only for 'X funded by A and B'."""
    items: list[tuple[str, str]] = []  # (item, how it was joined to the previous one)
    for part, sep in _split_outside(text, re.compile(r"\s*,\s*")):
        part = part.strip()
        joined = "comma" if sep else ""
        m = re.match(r"^and\s+", part)
        if m:
            part, joined = part[m.end():], "and"
        lead = re.match(r"^(?:funded|financed|supported)\s+by\s+", part, re.I)
        if lead and items:
            part = " funded by " + part[lead.end():]  # ", funded by A and B," after a fund
        for k, (sub, fb) in enumerate(_split_outside(part, FUNDED_BY)):
            if k == 0 and not sub.strip():
                continue
            for n, piece in enumerate(_split_and(sub.strip())):
                how = "funded_by" if (fb and n == 0) else ("and" if n else joined if k == 0 else "and")
                if piece.strip():
                    items.append((piece.strip(), how))
    out: list[tuple[str, list[str]]] = []
    fund: list[str] | None = None
    closed = False
    for piece, how in items:
        if how == "funded_by" and out:
            fund, closed = out[-1][1], False
            fund.append(piece)  # the first item after "funded by" is always a donor
            continue
        if fund is not None and not closed and gaz.country_of_funder(piece):
            fund.append(piece)
            closed = how == "and"  # "funded by A and B" ends the donor list
            continue
        fund = None
        out.append((piece, []))
    return out


# --- resolving a funder ---------------------------------------------------------------------

def resolve_funder(kb: KnowledgeBase, surface: str, pid: str, here: str | None,
                   is_fund: bool = False) -> Entity:
    """The organisation a funder's words name (created if new)."""
    raw = surface.strip(" ,;")
    text = raw
    if text.count("(") > text.count(")"):
        text = text.rstrip(" .") + ")"  # "(RBSA. Visit ..." cut by the converter
    text = _THE.sub("", text).strip()

    iso = gaz.country_of_funder(text)
    if iso:
        return gaz.bilateral_donor(kb, iso, raw, pid)

    m = DONORS_TO.match(text)
    if m:
        inner = _THE.sub("", m.group(1).strip())
        org = resolve_pooled(kb, inner, pid)
        kb.add_entity("Organization", org.key, org.label, alt_labels=[_THE.sub("", raw), raw], passage=pid)
        return org

    known = gaz.lookup(text) or gaz.lookup(re.sub(r"\s*\([^)]*\)\s*$", "", text))
    acr_m = PAREN_ACR.search(text)
    if known is None and acr_m:
        known = gaz.lookup_acronym(acr_m.group(1))
    if known is not None:
        e = add_known(kb, known, pid)
        kb.add_entity("Organization", e.key, e.label, alt_labels=[text], passage=pid)
        return e

    pm = POSSESSIVE.match(text)
    if pm and _ENDS_BUDGET.search(pm.group(2)):
        return own_budget(kb, pm.group(1), pm.group(2), raw, pid)

    # "Name (ACR) of Country" / "Name of Country": a national institution
    acr = acr_m.group(1) if acr_m and is_acronym(acr_m.group(1)) else None
    name = PAREN_ACR.sub("", text).strip()
    name = re.sub(r"\s{2,}", " ", name)
    head, country = split_of_country(name)
    if country:
        name = head
    if country is None and here and _NATIONAL.search(name) and gaz.has_institution_head(name):
        # "the National Social Security Fund (NSSF)" in a country's financing line: that country's
        # own institution among the financiers of the work there
        country = here
    if country and gaz.has_institution_head(name):
        return add_institution(kb, name, acr, country, pid, role="national_institution",
                               alt=(text, _THE.sub("", raw)))

    role = guess_role(text)
    if is_fund and role == "other":
        role = "multi_donor_fund"
    if acr:
        e = add_institution(kb, name, acr, None, pid, role=role, alt=(text,))
        kb.add_entity("Organization", e.key, e.label, role=role if role != "other" else None)
        return e
    key = slug(gaz.COMPANY_SUFFIX.sub("", name).strip(" ,") or name) if role == "private_company" else slug(name)
    return kb.add_entity("Organization", key, name, alt_labels=[text], role=role, passage=pid)


def resolve_pooled(kb: KnowledgeBase, inner: str, pid: str) -> Entity:
    """'the ILO's Regular Budget Supplementary Account (RBSA)' / 'UN Joint Programmes' as a fund."""
    acr_m = PAREN_ACR.search(inner)
    pm = POSSESSIVE.match(inner)
    body = pm.group(2) if pm else inner
    name = PAREN_ACR.sub("", body).strip()
    if acr_m and is_acronym(acr_m.group(1)):
        acr = acr_m.group(1)
        label = f"{name} ({acr})"
        known = gaz.lookup_acronym(acr)
        key = known.key if known else slug(acr)
        return kb.add_entity("Organization", key, label, alt_labels=[acr, name, inner], acronym=acr,
                             role="multi_donor_fund", passage=pid, owner=pm.group(1) if pm else None)
    return kb.add_entity("Organization", slug(name), name, alt_labels=[inner], role="multi_donor_fund",
                         passage=pid, owner=pm.group(1) if pm else None)


def own_budget(kb: KnowledgeBase, owner: str, what: str, raw: str, pid: str) -> Entity:
    """"the ILO's Regular Budget" -> 'ILO Regular Budget' (key 'ilo-regular-budget')."""
    what = PAREN_ACR.sub("", what).strip()
    label = f"{owner} {what}"
    return kb.add_entity("Organization", slug(label), label,
                         alt_labels=[f"the {owner}'s {what}", f"{owner}'s {what}", what], role="other",
                         passage=pid, owner=owner)


# --- the extractor --------------------------------------------------------------------------

def financing_passages(doc: Document) -> list[Passage]:
    return [p for p in doc.passages if p.kind == "financing"]


_PAREN = re.compile(r"\s*\(([^()]{2,120})\)")


def _funder_name(item: str) -> bool:
    """Whether words name a funder on their own: a country/government or a known organisation."""
    t = _THE.sub("", item.strip(" ,.;"))
    return bool(t) and bool(gaz.country_of_funder(t) or gaz.lookup(t) or gaz.lookup_acronym(t))


def paren_contributors(funder: str) -> tuple[str, list[str]]:
    """'UN Joint Programmes (Sweden and Norway)' -> ('UN Joint Programmes', ['Sweden', 'Norway']).

    A parenthesis after a fund that lists only countries or known organisations names the fund's
    contributors; any other parenthesis (an acronym, an agency after its country) stays."""
    for m in _PAREN.finditer(funder):
        items = [x for x, _ in _split_outside(m.group(1), re.compile(r"\s*(?:,|;|\s+and\s+)\s*"))]
        items = [re.sub(r"^(?:and|the)\s+", "", x.strip()) for x in items if x.strip()]
        base = (funder[:m.start()] + funder[m.end():]).strip()
        if len(items) == 1 and is_acronym(items[0]) and not gaz.country_of_funder(items[0]):
            continue  # 'Name (ACR)': the name's own acronym
        if items and all(_funder_name(x) for x in items) and not gaz.country_of_funder(_THE.sub("", base)):
            return base, items
    return funder, []


def extract(doc: Document, kb: KnowledgeBase) -> None:
    for p in financing_passages(doc):
        recipient = entry_country(doc, p.section_id)
        if recipient is None:
            continue
        country = ensure_country(kb, recipient, p.id)
        line = VISIT.sub("", p.text).strip()
        pieces = []
        for funder, donors in split_funders(funding_text(p.text)):
            base, inner = paren_contributors(funder)
            pieces.append((base, donors + inner))
        for funder, donors in pieces:
            org = resolve_funder(kb, funder, p.id, recipient, is_fund=bool(donors))
            label = funder.strip(" ,;")
            kb.add_fact(country.id, "fundedBy", org.id, [p.id], kind="FundingLink", sentence=line,
                        funding_line=line, funding_label=label)
            for d in donors:
                donor = resolve_funder(kb, d, p.id, recipient)
                if org.role in (None, "other"):
                    kb.add_entity("Organization", org.key, org.label, role="multi_donor_fund")
                kb.add_fact(org.id, "fundedBy", donor.id, [p.id], kind="FundingLink", sentence=line,
                            funding_line=line, funding_label=d.strip(" ,;"))
    fund_contributors(doc, kb)


# --- contributors behind a fund, stated in running text -----------------------------------------

_CONTRIBUTIONS = re.compile(
    r"\b(?:(?:generous\s+|financial\s+|voluntary\s+)?contributions?|support|donations?|funding|resources)\s+"
    r"(?:of|from|by|provided\s+by)\s+|\b(?:funded|financed|resourced)\s+by\s+")


def _fund_names(kb: KnowledgeBase) -> dict[str, str]:
    """Surface form -> entity id of every pooled fund the financing lines named."""
    out = {}
    for e in kb.entities.values():
        if e.role != "multi_donor_fund":
            continue
        for n in [e.label, e.acronym, *e.alt_labels]:
            if n and len(n) >= 3 and not n.islower():
                out[n] = e.id
    return out


def fund_pattern(kb: KnowledgeBase) -> tuple[dict[str, str], re.Pattern] | None:
    """The pooled funds' names (surface form -> entity id) and one pattern finding any of them
    (longest first, whole words); None when the financing lines named no fund."""
    names = _fund_names(kb)
    if not names:
        return None
    return names, re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                             + r")(?![\w-])")


def fund_contributors(doc: Document, kb: KnowledgeBase) -> None:
    """'The RBSA mechanism ... has benefited from the generous contributions of Belgium, Denmark ...'
    -> RBSA fundedBy each government (role contributor)."""
    from graph.extract.initiatives import _party_list
    from graph.extract.instruments import sentences

    found = fund_pattern(kb)
    if found is None:
        return
    names, pat = found
    for p in doc.passages:
        if p.kind in ("financing", "table"):
            continue
        for _, _, sent in sentences(p.text):
            hits = list(pat.finditer(sent))
            if not hits:
                continue
            for m in _CONTRIBUTIONS.finditer(sent):
                fund = [h for h in hits if h.end() <= m.start()]
                if not fund:
                    continue
                target = names[fund[-1].group(0)]
                tail = re.sub(r"\s*\([^)]*\)", "", sent[m.end():])
                tail = re.sub(r"[\u00b9\u00b2\u00b3\u2070-\u2079]+", "", tail)
                for item in _party_list(tail):
                    if not _funder_name(item):
                        continue
                    donor = resolve_funder(kb, item, p.id, None)
                    if donor.id != target:
                        kb.add_fact(target, "fundedBy", donor.id, [p.id], kind="FundingLink", role="contributor",
                                    sentence=sent.strip(),
                                    funding_line=sent.strip()[:400], funding_label=item)
