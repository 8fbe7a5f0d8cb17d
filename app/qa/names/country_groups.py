"""Named groupings of countries people use in questions that no UN sub-region spells: "Nordic",
"Maghreb", "Gulf Cooperation Council", "Southern Cone", "Sahel", "Horn of Africa", "PALOP" ...

A regional specialist asks "which Maghreb countries are Global Accelerator pathfinders?" or "which
Southern Cone country ratified C102 in 2024?".  The grouping is a filter on the answer, exactly as
a UN sub-region is (:mod:`app.qa.names.subregions`); without it the engine read no place at all and
answered every pathfinder, every ratifier — where the honest answer was none.

The table is general geography (membership of well-known groupings as commonly defined, e.g. the
UN's Sahel strategy, the Andean Community, the GCC charter), not a fact of any report.  Groupings
that are also bodies a report names as actors (the European Union, the OECD, the G20) are left out:
"EU countries" and "EU-funded countries" would then be confused.  Sub-Saharan Africa is read from
the UN geoscheme (Africa outside Northern Africa).  A one-word name is also read misspelt
("carribean", "magreb"): these words are not in a report's vocabulary, so the speller cannot mend
them.
"""
from __future__ import annotations

import difflib
import re
from functools import lru_cache

_NORDIC = frozenset({"DNK", "FIN", "ISL", "NOR", "SWE"})
_GCC = frozenset({"BHR", "KWT", "OMN", "QAT", "SAU", "ARE"})
_SAHEL = frozenset({"BFA", "CMR", "TCD", "GMB", "GIN", "MLI", "MRT", "NER", "NGA", "SEN"})
_MAGHREB = frozenset({"DZA", "LBY", "MRT", "MAR", "TUN"})
_LEVANT = frozenset({"ISR", "JOR", "LBN", "PSE", "SYR"})
_LUSOPHONE_AFRICA = frozenset({"AGO", "CPV", "GNB", "GNQ", "MOZ", "STP"})

# (name, pattern, members, stem): a pattern is matched case-insensitively on word boundaries; the
# stem is the one word a misspelling is measured against (None: too short to mend safely).
GROUPS: tuple[tuple[str, str, frozenset[str], str | None], ...] = (
    ("Nordic countries", r"nordics?|scandinavia(?:n|ns)?", _NORDIC, "nordic"),
    ("Baltic states", r"baltics?(?! sea)", frozenset({"EST", "LVA", "LTU"}), "baltic"),
    ("Benelux", r"benelux", frozenset({"BEL", "NLD", "LUX"}), "benelux"),
    ("Maghreb", r"maghreb(?:i|ian)?|maghrib", _MAGHREB, "maghreb"),
    ("Gulf Cooperation Council", r"gulf cooperation council|gcc|(?:persian |arabian )?gulf (?:states|countries|monarchies)",
     _GCC, None),
    ("Levant", r"levant(?:ine)?", _LEVANT, None),
    ("Middle East", r"middle[- ]east(?:ern)?|mena",
     _GCC | _LEVANT | frozenset({"EGY", "IRN", "IRQ", "YEM", "TUR", "CYP"}), None),
    ("Sahel", r"sahel(?:ian)?", _SAHEL, None),
    ("Horn of Africa", r"horn of africa", frozenset({"DJI", "ERI", "ETH", "SOM"}), None),
    ("Southern Cone", r"southern cone|cono sur", frozenset({"ARG", "CHL", "PRY", "URY"}), None),
    ("Andean countries", r"andean|andes", frozenset({"BOL", "COL", "ECU", "PER"}), None),
    ("Western Balkans", r"(?:western )?balkans?", frozenset({"ALB", "BIH", "XKX", "MNE", "MKD", "SRB"}), "balkans"),
    ("Mekong countries", r"mekong", frozenset({"KHM", "LAO", "MMR", "THA", "VNM"}), None),
    ("ASEAN", r"asean", frozenset({"BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM", "TLS"}), None),
    ("Lusophone Africa", r"palop|(?:lusophone|portuguese[- ]speaking) africa(?:n)?", _LUSOPHONE_AFRICA, None),
    ("Lusophone countries", r"lusophone(?! africa)|portuguese[- ]speaking(?! africa)|cplp",
     _LUSOPHONE_AFRICA | frozenset({"BRA", "PRT", "TLS"}), "lusophone"),
    ("Francophone Africa", r"(?:francophone|french[- ]speaking)(?: africa(?:n)?)?",
     frozenset({"BEN", "BFA", "BDI", "CMR", "CAF", "TCD", "COM", "COG", "COD", "CIV", "DJI", "GAB", "GIN",
                "MDG", "MLI", "NER", "RWA", "SEN", "SYC", "TGO", "MAR", "TUN", "DZA", "MRT"}), "francophone"),
    ("Sub-Saharan Africa", r"sub[- ]?saharan(?: africa)?|south of the sahara", frozenset(), None),  # the UN table
)
_RX = [(name, re.compile(rf"\b(?:{pat})\b", re.I)) for name, pat, _, _ in GROUPS]


def near_word(word: str, stem: str) -> bool:
    """Is ``word`` a misspelling of ``stem`` ("carribean", "magreb")?  Same first letter, one or
    two letters off; only for words of six letters or more."""
    word = word.lower()
    return len(word) >= 6 and word[0] == stem[0] and \
        difflib.SequenceMatcher(None, word.rstrip("s"), stem.rstrip("s")).ratio() >= 0.84


@lru_cache(maxsize=1)
def _sub_saharan() -> frozenset[str]:
    from graph.countries import _coco_table
    return frozenset(iso for iso, (continent, unregion) in _coco_table().items()
                     if continent == "Africa" and unregion != "Northern Africa")


def members(name: str) -> frozenset[str]:
    """The ISO3 codes of a grouping this module names."""
    if name == "Sub-Saharan Africa":
        return _sub_saharan()
    return next((m for n, _, m, _ in GROUPS if n == name), frozenset())


def named_groups(question: str) -> list[tuple[str, int, int]]:
    """The groupings the question names, each with where its words are, in order."""
    text = question or ""
    found: dict[str, tuple[int, int]] = {}
    for name, rx in _RX:
        m = rx.search(text)
        if m:
            found.setdefault(name, m.span())
    for m in re.finditer(r"[A-Za-z]{6,}", text):
        for name, _, _, stem in GROUPS:
            if stem and name not in found and m.group(0).lower().rstrip("s") != stem.rstrip("s") and \
                    near_word(m.group(0), stem):  # the word spelt right failed the pattern: "the Baltic Sea"
                found[name] = m.span()
    return sorted(((n, s, e) for n, (s, e) in found.items()), key=lambda t: t[1])
