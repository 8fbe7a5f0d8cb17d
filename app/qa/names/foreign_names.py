"""Countries, regions and international organisations named in French, Spanish or Portuguese
(countries also in German, Dutch and Italian)
("Sénégal", "Camboya", "Moçambique", "Costa de Marfil", "Afrique de l'Ouest", "OIT", "UE").

A reader whose first language is not English types the names of their own language; the linker
knew only English spellings, so "Jordanie bailleurs" linked nothing and "Marruecos convenio 102"
fell to the whole list of ratifying countries.  Country names come from the ISO 3166 translations
pycountry ships (gettext catalogues ``fr``, ``es``, ``pt``, ``pt_BR``); regions and organisations
from small declared tables of general knowledge (the UN geoscheme's directions and continents, the
acronyms international organisations use in those languages).  Nothing here is a fact of a report.

A foreign form is kept only when it is no English spelling of any country, no frequent English
word, and names one country in every language that has it.
"""
from __future__ import annotations

import gettext
import re
import unicodedata
from functools import lru_cache

import pycountry

from graph import countries

# (German, Dutch and Italian too: "nederland funding", "Schweiz P4H", "Paesi Bassi finanziamento")
LANGUAGES = ("fr", "es", "pt", "pt_BR", "de", "nl", "it")
# a word this frequent in the English word list is meant as English ("chile" and "mali" are names
# in both languages anyway)
_COMMON_WORD = 20_000_000

# International organisations as French, Spanish and Portuguese texts name them (general
# knowledge): the foreign form -> the English form the question linker knows.
ORGANISATIONS = {
    "OIT": "ILO", "Organisation internationale du Travail": "ILO", "Organización Internacional del Trabajo": "ILO",
    "Organização Internacional do Trabalho": "ILO", "BIT": "ILO", "Bureau international du Travail": "ILO",
    "UE": "EU", "Union européenne": "European Union", "Unión Europea": "European Union",
    "União Europeia": "European Union",
    "BM": "World Bank", "Banque mondiale": "World Bank", "Banco Mundial": "World Bank",
    "FMI": "IMF", "Fonds monétaire international": "IMF", "Fondo Monetario Internacional": "IMF",
    "Fundo Monetário Internacional": "IMF",
    "OMS": "WHO", "PNUD": "UNDP", "ONU": "UN", "Nations Unies": "United Nations", "Naciones Unidas": "United Nations",
    "Nações Unidas": "United Nations", "OCDE": "OECD", "ACNUR": "UNHCR", "HCR": "UNHCR", "OIM": "IOM",
    "PAM": "WFP", "PMA": "WFP", "BAfD": "AfDB", "BAsD": "ADB", "BID": "IDB",
    "ONU Femmes": "UN Women", "ONU Mujeres": "UN Women", "ONU Mulheres": "UN Women",
    "Programme phare": "Flagship Programme", "Programa Emblemático": "Flagship Programme",
    "Acelerador Global": "Global Accelerator", "Accélérateur mondial": "Global Accelerator",
}
# An acronym that is also a word of some language is taken only as typed in capitals.
_CAPITALS_ONLY = {"UE", "BM", "PAM", "PMA", "BID", "HCR", "OMS", "OIM", "BIT"}

# Regions: the continents and compass points of the UN geoscheme, and the everyday names of the
# ILO's regions, in the three languages (general knowledge).
_CONTINENTS = {"afrique": "Africa", "africa": "Africa", "asie": "Asia", "asia": "Asia", "europe": "Europe",
               "europa": "Europe", "amerique": "America", "america": "America", "oceanie": "Oceania",
               "oceania": "Oceania"}
_CONTINENT_ADJECTIVES = {"africain": "African", "africaine": "African", "africano": "African", "africana": "African",
                         "asiatique": "Asian", "asiatico": "Asian", "asiatica": "Asian", "europeen": "European",
                         "europeenne": "European", "europeo": "European", "europea": "European", "europeu": "European",
                         "europeia": "European", "americain": "American", "americaine": "American",
                         "americano": "American", "americana": "American"}
_DIRECTIONS = {"ouest": "West", "occidental": "West", "occidentale": "West", "oeste": "West", "nord": "North",
               "norte": "North", "septentrional": "North", "septentrionale": "North", "est": "East", "este": "East",
               "leste": "East", "oriental": "East", "orientale": "East", "sud": "South", "sur": "South", "sul": "South",
               "austral": "South", "australe": "South", "meridional": "South", "meridionale": "South",
               "centre": "Central", "centrale": "Central", "central": "Central", "centro": "Central",
               "sud-est": "South-East", "sudeste": "South-East", "sureste": "South-East"}
REGIONS = {
    "Afrique": "Africa", "Asie": "Asia", "Amérique": "America", "Amériques": "Americas", "Américas": "Americas",
    "Europa": "Europe", "Océanie": "Oceania",
    "Amérique latine": "Latin America", "América Latina": "Latin America", "Centroamérica": "Central America",
    "Amérique centrale": "Central America", "Caraïbes": "Caribbean", "Caribe": "Caribbean",
    "Pacifique": "Pacific", "Pacífico": "Pacific", "Moyen-Orient": "Middle East", "Oriente Medio": "Middle East",
    "Medio Oriente": "Middle East", "Médio Oriente": "Middle East", "Oriente Médio": "Middle East",
    "États arabes": "Arab States", "Estados árabes": "Arab States", "pays arabes": "Arab States",
    "países árabes": "Arab States", "Asie-Pacifique": "Asia-Pacific", "Asia-Pacífico": "Asia-Pacific",
    "Ásia-Pacífico": "Asia-Pacific", "Corne de l'Afrique": "Horn of Africa", "Cuerno de África": "Horn of Africa",
    "Corno de África": "Horn of Africa", "Chifre da África": "Horn of Africa", "Grands Lacs": "Great Lakes",
    "Grandes Lagos": "Great Lakes", "Magreb": "Maghreb", "Golfe": "Gulf", "Golfo": "Gulf",
    "Cône Sud": "Southern Cone", "Cono Sur": "Southern Cone", "Cone Sul": "Southern Cone",
    "andin": "Andean", "andins": "Andean", "andine": "Andean", "andines": "Andean", "andino": "Andean",
    "andinos": "Andean", "andina": "Andean", "andinas": "Andean", "sahélien": "Sahelian", "sahéliens": "Sahelian",
    "saheliano": "Sahelian", "sahelianos": "Sahelian", "lusófonos": "Portuguese-speaking",
    "lusófonas": "Portuguese-speaking", "francófonos": "French-speaking", "francófonas": "French-speaking",
}


def key(text: str) -> str:
    """Case- and accent-free form of a word or phrase, hyphens and apostrophes kept."""
    s = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Folded foreign country name -> the English name the report's gazetteer uses."""
    from app.qa.form.spelling import english_frequency

    english = english_frequency()
    owners: dict[str, set[str]] = {}
    for lang in LANGUAGES:
        try:
            tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:
            continue
        for c in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                english_name = getattr(c, attr, None)
                if not english_name:
                    continue
                local = tr.gettext(english_name)
                forms = [local]
                if ", " in local:  # "Tanzanie, République unie de": its head is the name people type
                    head, tail = local.split(", ", 1)
                    forms = [head, f"{tail} {head}"]
                for form in forms:
                    owners.setdefault(key(form).strip(), set()).add(c.alpha_3)
    out = {}
    for form, isos in owners.items():
        if len(isos) != 1 or len(form.replace(" ", "")) < 4:
            continue
        if countries.lookup(form) is not None:  # an English spelling already ("Kenya", "Chile")
            continue
        if " " not in form and "-" not in form and english.get(form, 0) >= _COMMON_WORD:
            continue
        out[form] = countries.display_name(isos.pop())
    return out


_TOKEN = re.compile(r"[^\W\d_]+")
_JOINER = re.compile(r"[\s'’-]*")  # what may stand between two words of one name


def tokens(text: str) -> tuple[str, ...]:
    """The folded words of a name or phrase ("Corne de l'Afrique" -> corne de l afrique)."""
    return tuple(_TOKEN.findall(key(text)))


@lru_cache(maxsize=1)
def _names() -> dict[tuple[str, ...], str]:
    """Every foreign country, region and organisation name by its folded words -> English."""
    out = {tokens(f): v for f, v in REGIONS.items()}
    out.update({tokens(f): v for f, v in ORGANISATIONS.items() if f not in _CAPITALS_ONLY})
    out.update({tokens(f): v for f, v in country_names().items()})
    return out


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """Every word a foreign name or a compass-point region can start with."""
    starts = {gram[0] for gram in _names()} | set(_CONTINENTS) | set(_CONTINENT_ADJECTIVES)
    return frozenset(starts | {d.split("-")[0] for d in _DIRECTIONS})


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]


def _region(words: list[str]) -> str | None:
    """A continent and a compass point in either order, with a linking word or none ("Afrique de
    l'Ouest", "África Occidental", "sudeste asiático") -> "West Africa"; else None."""
    body = [w for w in words if w not in _LINKING]
    if len(body) == 3 and f"{body[0]}-{body[1]}" in _DIRECTIONS:  # "sud-est"
        body = [f"{body[0]}-{body[1]}", body[2]]
    elif len(body) == 3 and f"{body[1]}-{body[2]}" in _DIRECTIONS:  # "Asie du Sud-Est"
        body = [body[0], f"{body[1]}-{body[2]}"]
    if len(body) != 2 or len(words) - len(body) > 2:
        return None
    a, b = body
    if a in _DIRECTIONS and b in {**_CONTINENTS, **_CONTINENT_ADJECTIVES}:
        d, c = a, b
        if d in ("est", "sur", "centre", "central", "sud", "nord") and b in _CONTINENTS and len(words) == 2:
            return None  # "sur Afrique" is "on Africa"; "Central America", "South Africa" are English already
    elif b in _DIRECTIONS and a in {**_CONTINENTS, **_CONTINENT_ADJECTIVES}:
        c, d = a, b
        if d == "central" and len(words) == 2:
            return None  # "Africa Central ..." too often starts "Central African Republic" reordered
    else:
        return None
    return f"{_DIRECTIONS[d]} {_CONTINENTS.get(c) or _CONTINENT_ADJECTIVES[c]}"


_LINKING = {"de", "du", "del", "do", "da", "la", "l"}


def english_names(question: str) -> tuple[str, list[tuple[str, str]]]:
    """The question with foreign names of countries, regions and organisations in English, and
    (foreign, English) for each name replaced."""
    folded = key(question)
    if len(folded) != len(question):  # a letter whose folding changes length: leave the question alone
        return question, []
    words = _words(folded)
    names = _names()
    spans: list[tuple[int, int, str]] = []
    firsts = _first_words()
    i = 0
    while i < len(words):
        if words[i][2] not in firsts:  # no foreign name or region starts here (most words)
            i += 1
            continue
        for n in range(min(6, len(words) - i), 0, -1):
            run = words[i:i + n]
            if any(not _JOINER.fullmatch(folded[x[1]:y[0]]) for x, y in zip(run, run[1:])):
                continue
            gram = tuple(w for _, _, w in run)
            english = names.get(gram) or (_region(list(gram)) if 2 <= n <= 5 else None)
            if english:
                spans.append((run[0][0], run[-1][1], english))
                i += n
                break
        else:
            i += 1
    for m in re.finditer(r"(?<![\w-])(" + "|".join(map(re.escape, _CAPITALS_ONLY)) + r")(?![\w-])", question):
        if not any(s < m.end() and m.start() < e for s, e, _ in spans):
            spans.append((m.start(), m.end(), ORGANISATIONS[m.group(1)]))
    out, done, last = [], [], 0
    for s, e, english in sorted(spans):
        if key(question[s:e]) == key(english):
            continue
        out += [question[last:s], english]
        done.append((question[s:e], english))
        last = e
    return "".join(out) + question[last:], done
