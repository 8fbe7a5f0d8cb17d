"""General knowledge about well-known international organisations (no facts from any report).

Each entry gives the organisation's usual acronym, its full name, other common spellings and its
role (a key of :data:`graph.vocab.ORG_ROLES`).  Which of them a report names, and what they do
there, is extracted from the report; this module only knows how they can be spelled.

Bilateral donors are governments.  They are not listed here: any country name used as a funder or
partner becomes a BilateralDonor organisation through :func:`bilateral_donor`, keyed ``gov-ISO3``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from graph import countries


@dataclass(frozen=True)
class OrgInfo:
    key: str
    label: str
    role: str
    acronym: str | None = None
    aliases: tuple[str, ...] = field(default_factory=tuple)
    country: str | None = None  # ISO3 of the government an agency belongs to


def _o(acronym, label, role, *aliases, key=None, country=None) -> OrgInfo:
    from graph.vocab import slug

    return OrgInfo(key or slug(acronym or label), label, role, acronym, tuple(aliases), country)


ORGANIZATIONS: tuple[OrgInfo, ...] = (
    # The UN system
    _o("ILO", "International Labour Organization", "un_agency", "International Labour Organisation",
       "International Labour Office"),
    _o("ITC-ILO", "International Training Centre of the ILO", "un_agency", "ITCILO",
       "International Training Center of the ILO", "ILO International Training Centre"),
    _o("UNICEF", "United Nations Children's Fund", "un_agency", "UN Children's Fund"),
    _o("UNDP", "United Nations Development Programme", "un_agency", "UN Development Programme"),
    _o("UNSDG", "United Nations Sustainable Development Group", "un_agency", "UN Sustainable Development Group",
       "United Nations Development Group", "UN Development Group", "UNDG"),
    _o("WHO", "World Health Organization", "un_agency", "World Health Organisation"),
    _o("FAO", "Food and Agriculture Organization of the United Nations", "un_agency",
       "Food and Agriculture Organization", "United Nations Food and Agriculture Organization"),
    _o("WFP", "World Food Programme", "un_agency", "United Nations World Food Programme"),
    _o("UNHCR", "Office of the United Nations High Commissioner for Refugees", "un_agency",
       "United Nations High Commissioner for Refugees", "UN Refugee Agency", "UN High Commissioner for Refugees"),
    _o(None, "UN Women", "un_agency", "United Nations Entity for Gender Equality and the Empowerment of Women",
       key="un-women"),
    _o("UNFPA", "United Nations Population Fund", "un_agency", "UN Population Fund"),
    _o("UNESCO", "United Nations Educational, Scientific and Cultural Organization", "un_agency"),
    _o("UNAIDS", "Joint United Nations Programme on HIV/AIDS", "un_agency"),
    _o("IOM", "International Organization for Migration", "un_agency"),
    _o("UNRWA", "United Nations Relief and Works Agency for Palestine Refugees in the Near East", "un_agency"),
    _o("UNCTAD", "United Nations Conference on Trade and Development", "un_agency"),
    _o("UNIDO", "United Nations Industrial Development Organization", "un_agency"),
    _o("UNEP", "United Nations Environment Programme", "un_agency"),
    _o("UN-Habitat", "United Nations Human Settlements Programme", "un_agency"),
    _o("UNDESA", "United Nations Department of Economic and Social Affairs", "un_agency", "UN DESA", "DESA"),
    _o("OHCHR", "Office of the United Nations High Commissioner for Human Rights", "un_agency",
       "UN Human Rights Office", "UN Human Rights", "United Nations Human Rights Office",
       "Office of the High Commissioner for Human Rights", "UN Office of the High Commissioner for Human Rights"),
    _o("ESCAP", "United Nations Economic and Social Commission for Asia and the Pacific", "un_agency", "UNESCAP"),
    _o("ECLAC", "Economic Commission for Latin America and the Caribbean", "un_agency", "CEPAL"),
    _o("ESCWA", "United Nations Economic and Social Commission for Western Asia", "un_agency"),
    _o("UNECA", "United Nations Economic Commission for Africa", "un_agency"),
    _o("IFAD", "International Fund for Agricultural Development", "ifi"),
    _o("UNFCCC", "United Nations Framework Convention on Climate Change secretariat", "un_agency",
       "Secretariat of the UN Framework Convention on Climate Change"),
    _o("UNPDF", "United Nations Peace and Development Trust Fund", "multi_donor_fund",
       "UN Peace and Development Trust Fund", "United Nations Peace and Development trust Fund"),
    _o(None, "Joint SDG Fund", "multi_donor_fund", "UN Joint SDG Fund", "United Nations Joint SDG Fund",
       "Joint Sustainable Development Goals Fund", key="joint-sdg-fund"),
    # International financial institutions
    _o("IMF", "International Monetary Fund", "ifi"),
    _o("WB", "World Bank", "ifi", "World Bank Group", "International Bank for Reconstruction and Development",
       key="world-bank"),
    _o("AfDB", "African Development Bank", "ifi"),
    _o("ADB", "Asian Development Bank", "ifi", "AsDB"),
    _o("IDB", "Inter-American Development Bank", "ifi", "IADB"),
    _o("IsDB", "Islamic Development Bank", "ifi"),
    _o("EIB", "European Investment Bank", "ifi"),
    _o("EBRD", "European Bank for Reconstruction and Development", "ifi"),
    _o("AIIB", "Asian Infrastructure Investment Bank", "ifi"),
    # Intergovernmental bodies
    _o("EU", "European Union", "other", "the European Union", "European Commission"),
    _o("OECD", "Organisation for Economic Co-operation and Development", "other",
       "Organization for Economic Cooperation and Development", "Organisation for Economic Cooperation and Development"),
    _o("AU", "African Union", "other", "African Union Commission"),
    _o("ASEAN", "Association of Southeast Asian Nations", "other"),
    _o("CARICOM", "Caribbean Community", "other"),
    _o("ECOWAS", "Economic Community of West African States", "other"),
    _o("SADC", "Southern African Development Community", "other"),
    _o("G20", "Group of Twenty", "other"),
    # Government development agencies (bilateral donors with their country)
    _o("GIZ", "Deutsche Gesellschaft für Internationale Zusammenarbeit", "bilateral_donor",
       "Deutsche Gesellschaft fur Internationale Zusammenarbeit", "German Agency for International Cooperation",
       country="DEU"),
    _o("BMZ", "Federal Ministry for Economic Cooperation and Development", "bilateral_donor",
       "German Federal Ministry for Economic Cooperation and Development", country="DEU"),
    _o("KfW", "KfW Development Bank", "bilateral_donor", "Kreditanstalt für Wiederaufbau", country="DEU"),
    _o("AFD", "Agence Française de Développement", "bilateral_donor", "French Development Agency",
       "Agence Francaise de Developpement", country="FRA"),
    _o(None, "Expertise France", "bilateral_donor", key="expertise-france", country="FRA"),
    _o("Sida", "Swedish International Development Cooperation Agency", "bilateral_donor", "SIDA", country="SWE"),
    _o("SDC", "Swiss Agency for Development and Cooperation", "bilateral_donor", country="CHE"),
    _o("USAID", "United States Agency for International Development", "bilateral_donor", country="USA"),
    _o("FCDO", "Foreign, Commonwealth & Development Office", "bilateral_donor",
       "Foreign, Commonwealth and Development Office", country="GBR"),
    _o("DFAT", "Department of Foreign Affairs and Trade", "bilateral_donor",
       "Australian Department of Foreign Affairs and Trade", country="AUS"),
    _o("JICA", "Japan International Cooperation Agency", "bilateral_donor", country="JPN"),
    _o("KOICA", "Korea International Cooperation Agency", "bilateral_donor", country="KOR"),
    _o(None, "Irish Aid", "bilateral_donor", key="irish-aid", country="IRL"),
    _o("Enabel", "Belgian Development Agency", "bilateral_donor", key="enabel", country="BEL"),
    _o("LuxDev", "Luxembourg Development Cooperation Agency", "bilateral_donor", country="LUX"),
    _o("Norad", "Norwegian Agency for Development Cooperation", "bilateral_donor", "NORAD", country="NOR"),
    _o("Danida", "Danish International Development Agency", "bilateral_donor", "DANIDA", country="DNK"),
    _o("AECID", "Spanish Agency for International Development Cooperation", "bilateral_donor", country="ESP"),
    _o("AICS", "Italian Agency for Development Cooperation", "bilateral_donor", country="ITA"),
    _o("Camões", "Camões, I.P.", "bilateral_donor", "Camões Institute", key="camoes", country="PRT"),
    # Multi-donor funds
    _o(None, "Global Fund to Fight AIDS, Tuberculosis and Malaria", "multi_donor_fund", "Global Fund",
       "The Global Fund", key="global-fund"),
    _o("GPE", "Global Partnership for Education", "multi_donor_fund"),
    _o(None, "Gavi, the Vaccine Alliance", "multi_donor_fund", "Gavi", key="gavi"),
    # Foundations
    _o(None, "Bill & Melinda Gates Foundation", "foundation", "Bill and Melinda Gates Foundation",
       "Gates Foundation", key="gates-foundation"),
    _o(None, "Rockefeller Foundation", "foundation", key="rockefeller-foundation"),
    _o(None, "Ford Foundation", "foundation", key="ford-foundation"),
    _o(None, "Open Society Foundations", "foundation", key="open-society-foundations"),
    # Networks, associations, social partners
    _o("ISSA", "International Social Security Association", "network"),
    _o("ITUC", "International Trade Union Confederation", "social_partner"),
    _o("IOE", "International Organisation of Employers", "social_partner",
       "International Organization of Employers"),
    _o("WIEGO", "Women in Informal Employment: Globalizing and Organizing", "network"),
    _o("P4H", "P4H Social Health Protection Network", "network", "Providing for Health Initiative",
       "Providing for Health", "P4H Network"),
    _o("USP2030", "Global Partnership for Universal Social Protection", "network",
       "Global Partnership for Universal Social Protection to Achieve the SDGs"),
    _o("SPIAC-B", "Social Protection Inter-Agency Cooperation Board", "network",
       "Social Protection Inter-agency Cooperation Board"),
    _o("CONNECT", "CONNECT Network", "network", "Connect Network"),
    _o("HelpAge", "HelpAge International", "other"),
    _o("IRC", "International Rescue Committee", "other"),
    _o(None, "Danish Refugee Council", "other", key="danish-refugee-council", country="DNK"),
    _o("ICRC", "International Committee of the Red Cross", "other"),
    _o("IFRC", "International Federation of Red Cross and Red Crescent Societies", "other"),
)

# Organisation names used as shorthand for joint work of two organisations ("ILO-IMF partnership").
COMPOUND_ALIASES = {"ILO-IMF partnership": "imf", "ILO-IMF Partnership": "imf"}

# Words that end the name of an institution.
INSTITUTION_HEADS = (
    "Fund", "Funds", "Institute", "Institution", "Corporation", "Board", "Trust", "Agency", "Ministry",
    "Authority", "Organization", "Organisation", "Office", "Bank", "Foundation", "Confederation",
    "Union", "Commission", "Council", "Service", "Services", "Department", "Directorate", "Secretariat",
    "Centre", "Center", "Federation", "Association", "Bureau", "Committee", "Network", "Programme",
    "Program", "Facility", "Initiative", "Team", "Company", "Group", "Alliance", "Partnership",
    "Caisse", "Chamber", "Society", "University", "School", "Academy", "Forum", "Coalition",
    "Administration", "Unit", "Agencies",
)
COMPANY_SUFFIX = re.compile(
    r"(?:\bS\.?p\.?A\.?|\bS\.A\.?|\bLtd\.?|\bLimited|\bInc\.?|\bplc|\bPLC|\bGmbH|\bAG|\bCorp\.?|\bLLC|"
    r"\bN\.V\.?|\bB\.V\.?|\bS\.A\.S\.?|\bSE|\bCo\.)$"
)


def _norm(s: str) -> str:
    return countries.fold(s.replace("&", "and"))


@lru_cache(maxsize=1)
def _by_name() -> dict[str, OrgInfo]:
    idx: dict[str, OrgInfo] = {}
    for o in ORGANIZATIONS:
        for n in (o.label, *o.aliases):
            idx.setdefault(_norm(n), o)
    return idx


@lru_cache(maxsize=1)
def _by_acronym() -> dict[str, OrgInfo]:
    idx: dict[str, OrgInfo] = {}
    for o in ORGANIZATIONS:
        for a in (o.acronym, *[x for x in o.aliases if re.fullmatch(r"[A-Z][A-Za-z0-9-]*[A-Z0-9]", x)]):
            if a:
                idx.setdefault(a, o)
    return idx


def by_key(key: str) -> OrgInfo | None:
    return next((o for o in ORGANIZATIONS if o.key == key), None)


def lookup(name: str) -> OrgInfo | None:
    """A known organisation by full name, alias or (case-sensitive) acronym."""
    name = (name or "").strip()
    if not name:
        return None
    hit = _by_acronym().get(name)
    if hit:
        return hit
    if name in COMPOUND_ALIASES:
        return by_key(COMPOUND_ALIASES[name])
    return _by_name().get(_norm(name))


def lookup_acronym(acronym: str) -> OrgInfo | None:
    return _by_acronym().get(acronym)


def surfaces(o: OrgInfo) -> list[str]:
    """Every spelling under which a text may name a gazetteer organisation."""
    out = [o.label, *o.aliases]
    if o.acronym:
        out.append(o.acronym)
    return out


def has_institution_head(name: str) -> bool:
    """Whether a name contains an institution head noun ('... Fund', '... Organization')."""
    words = re.findall(r"[A-Za-z]+", name)
    return any(w in INSTITUTION_HEADS for w in words)


def ends_with_institution_head(name: str) -> bool:
    words = re.findall(r"[A-Za-z]+", re.sub(r"\s*\([^)]*\)?\s*$", "", name))
    return bool(words) and words[-1] in INSTITUTION_HEADS


_THE = re.compile(r"^the\s+", re.I)


def country_of_funder(surface: str) -> str | None:
    """ISO3 when a funder surface is a country or its government ('the Government of China')."""
    s = _THE.sub("", surface.strip(" .,;"))
    iso = countries.lookup(s)
    if iso:
        return iso
    m = re.match(r"^(?:the\s+)?Government\s+of\s+(.+)$", s, re.I)
    if m:
        return countries.lookup(m.group(1))
    return None


def bilateral_donor(kb, iso3: str, surface: str | None = None, passage: str | None = None):
    """The BilateralDonor organisation for a country's government: key ``gov-ISO3``."""
    name = countries.display_name(iso3)
    alts = {f"Government of {name}", f"the Government of {name}"}
    for n in countries.all_countries()[iso3].names:
        if len(n) > 3 and "," not in n:
            alts.add(f"Government of {n}")
    if surface:
        s = _THE.sub("", surface.strip(" .,;"))
        alts.add(s)
        m = re.match(r"^Government\s+of\s+(.+)$", s, re.I)
        if m:
            alts.add(m.group(1))
        elif not s.lower().startswith("government"):
            alts.add(f"Government of {s}")
    return kb.add_entity("Organization", f"gov-{iso3}", name, alt_labels=alts, role="bilateral_donor",
                         passage=passage, country=iso3)
