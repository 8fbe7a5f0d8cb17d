"""Countries named by their adjective or people ("the Swiss", "Swedish funding", "Kenyan NSSF").

Most demonyms are the country name with a suffix changed ("Kenyan", "Nepalese", "Iraqi"), so a
few suffix rules against the country gazetteer find them; the irregular ones are a small table of
general knowledge (not facts from any report).
"""
from __future__ import annotations

from functools import lru_cache

from graph import countries

IRREGULAR = {
    "dutch": "NLD", "swiss": "CHE", "french": "FRA", "british": "GBR", "irish": "IRL", "danish": "DNK",
    "finnish": "FIN", "norwegian": "NOR", "spanish": "ESP", "portuguese": "PRT", "greek": "GRC",
    "welsh": "GBR", "scottish": "GBR", "english": "GBR", "filipino": "PHL", "philippine": "PHL", "thai": "THA",
    "lao": "LAO", "laotian": "LAO", "burmese": "MMR", "malagasy": "MDG", "ivorian": "CIV", "burkinabe": "BFA",
    "mozambican": "MOZ", "peruvian": "PER", "salvadoran": "SLV", "kyrgyz": "KGZ", "emirati": "ARE",
    "togolese": "TGO", "congolese": "COD", "timorese": "TLS", "cape verdean": "CPV", "cabo verdean": "CPV",
    "swazi": "SWZ", "czech": "CZE", "slovak": "SVK", "turkish": "TUR", "polish": "POL", "american": "USA",
    "nigerien": "NER", "beninese": "BEN", "malawian": "MWI", "belgian": "BEL", "luxembourgish": "LUX",
    "luxembourger": "LUX", "palestinian": "PSE", "vietnamese": "VNM", "zambian": "ZMB", "chinese": "CHN",
    "japanese": "JPN", "korean": "KOR", "german": "DEU", "swedish": "SWE", "italian": "ITA",
    "cypriot": "CYP", "trinidadian": "TTO", "bajan": "BRB", "santomean": "STP", "sao tomean": "STP",
    "salvadorean": "SLV", "sri lankan": "LKA", "brit": "GBR",
    # informal names of peoples ("aussie funding", "the kiwis")
    "aussie": "AUS", "kiwi": "NZL",
}
# Short forms people type in questions but that are unsafe to look for in report text ("US" would
# match "US$"): linked in questions only, as acronyms (so "tell us" is no country).
QUESTION_ABBREVIATIONS = {"USA": ["US", "U.S.", "U.S.A."], "GBR": ["U.K."], "ARE": ["UAE", "U.A.E."], "COD": ["D.R.C."],
                          # the common initials of a state's formal name ("rok financed country")
                          "KOR": ["ROK", "R.O.K."], "CHN": ["PRC", "P.R.C."], "PRK": ["DPRK"], "SAU": ["KSA"],
                          "LAO": ["Lao P.D.R."]}
# Regions as people name them in questions, beyond the ILO's own region names (general knowledge
# of the ILO's regional structure; question-side only, so report parsing is unaffected).
QUESTION_REGIONS = {"asia": "Asia and the Pacific", "asian": "Asia and the Pacific", "pacific": "Asia and the Pacific",
                    "south asia": "Asia and the Pacific", "southeast asia": "Asia and the Pacific",
                    "south east asia": "Asia and the Pacific", "east asia": "Asia and the Pacific",
                    "central asia": "Europe and Central Asia", "central asian": "Europe and Central Asia",
                    "europe": "Europe and Central Asia", "european": "Europe and Central Asia", "middle east": "Arab States", "middle eastern": "Arab States",
                    "sub saharan africa": "Africa", "caribbean": "Americas", "latin america": "Americas",
                    "south america": "Americas", "central america": "Americas", "asia pacific": "Asia and the Pacific",
                    "asia-pacific": "Asia and the Pacific", "latin american": "Americas",
                    # the adjectives of the Americas' parts: "South American" is no American (US) name
                    "south american": "Americas", "central american": "Americas", "north american": "Americas",
                    "north america": "Americas",
                    # the regions' everyday short forms in search boxes: "LatAm & Caribbean", "APAC", "ECA"
                    # (the ILO's and the World Bank's short form of Europe and Central Asia)
                    "latam": "Americas", "lac": "Americas", "apac": "Asia and the Pacific",
                    "eca": "Europe and Central Asia"}
_SUFFIXES = ("ians", "ian", "ans", "an", "ese", "ish", "is", "i", "n")


@lru_cache(maxsize=4096)
def demonym_country(word: str) -> str | None:
    """ISO3 of the country a demonym or adjective names, or None ("Kenyan" → KEN)."""
    w = countries.fold(word).strip()
    if w in IRREGULAR:
        return IRREGULAR[w]
    if w.endswith("s") and w[:-1] in IRREGULAR:  # the people: "the Norwegians", "the Germans"
        return IRREGULAR[w[:-1]]
    if len(w) < 5 or " " in w:
        return None
    names = _names()
    if w + "istan" in names:  # Uzbek, Tajik, Kazakh
        return names[w + "istan"]
    stems = [w[: -len(suf)] for suf in sorted(_SUFFIXES, key=len) if w.endswith(suf) and len(w) - len(suf) >= 4]
    for stem in stems:  # the longest stem that is a name wins (Nigerian is Nigeria, not Niger)
        if stem in names:
            return names[stem]
    for stem in stems:
        hits = {iso for n, iso in names.items() if n.startswith(stem) and len(n) - len(stem) <= 2}
        if len(hits) == 1:
            return hits.pop()
    return _misspelt(w, stems, names)


def _misspelt(w: str, stems: list[str], names: dict[str, str]) -> str | None:
    """A demonym typed with one slip in its stem ("Ukranian": "ukrani" for "ukrain"): a long stem one
    edit from the start of exactly one country's name.  Never an English word ("guardian")."""
    from rapidfuzz.distance import OSA

    from app.qa.form.spelling import english_words

    if w in english_words():
        return None
    for stem in stems:
        if len(stem) < 6:
            continue
        hits = {iso for n, iso in names.items() if OSA.distance(stem, n[:len(stem)]) <= 1}
        if len(hits) == 1:
            return hits.pop()
    # One slip in a demonym of the table ("Ivoiran", "Ivorin", "Ivorrian" for Ivorian), or in a
    # stem that is a whole name with its suffix ("Parguayan", "Zamian": Paraguay, Zambia, a letter
    # dropped): typos of a demonym are as common as of the name, and the rules above look only for
    # exact stems or a long stem's opening.
    if len(w) >= 6:
        hits = {iso for d, iso in IRREGULAR.items() if len(d) >= 6 and " " not in d and OSA.distance(w, d) <= 1}
        if len(hits) == 1:
            return hits.pop()
    for stem in stems:
        if len(stem) < 5:
            continue
        hits = {iso for n, iso in names.items() if len(n) >= 5 and OSA.distance(stem, n) <= 1}
        if len(hits) == 1:
            return hits.pop()
    return None


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    out = {}
    for iso3, c in countries.all_countries().items():
        for n in c.names:
            f = countries.fold(n)
            if " " not in f:
                out.setdefault(f, iso3)
    return out
