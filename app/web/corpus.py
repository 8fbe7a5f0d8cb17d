"""What the site says about its source: title, citation, DOI and licence of the built report(s).

Read, never typed in: the build manifest (``build.json``) names the sources and their titles, and
a ``README.md`` shipped next to a source holds its attribution as a quoted block (the bundled
corpus does: ``data/corpus/README.md``).  A report without one simply shows no citation.
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

# Creative Commons licence names → their deeds (general knowledge, not report facts).
CC_LICENSES = {
    "CC BY 4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC BY-SA 4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "CC BY-NC 4.0": "https://creativecommons.org/licenses/by-nc/4.0/",
    "CC BY-NC-SA 4.0": "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    "CC BY-ND 4.0": "https://creativecommons.org/licenses/by-nd/4.0/",
    "CC BY 3.0 IGO": "https://creativecommons.org/licenses/by/3.0/igo/",
    "CC0 1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
}


@dataclass(frozen=True)
class CorpusInfo:
    title: str = ""
    citation: str = ""
    doi: str = ""
    license: str = ""
    license_url: str = ""
    publisher: str = ""
    year: str = ""
    source_file: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def parse_attribution(readme: str) -> dict:
    """The first quoted block of a README: citation, DOI, licence, publisher and year."""
    lines, started = [], False
    for line in readme.splitlines():
        if line.startswith(">"):
            started = True
            lines.append(line.lstrip("> ").strip())
        elif started:
            break
    block = " ".join(x for x in lines if x)
    if not block:
        return {}
    out: dict = {}
    m = re.search(r"\bDOI:?\s*(10\.\d{4,9}/[^\s]+?)\.?(?:\s|$)", block, re.I)
    if m:
        out["doi"] = m.group(1)
    lic = re.search(r"\(?(CC[ -](?:BY(?:-[A-Z]{2})*|0)\s*\d\.\d(?:\s*IGO)?)\)?", block)
    if lic:
        name = re.sub(r"\s+", " ", lic.group(1).replace("CC-", "CC "))
        out["license"] = name
        out["license_url"] = CC_LICENSES.get(name, "")
    sentences = [s.strip() for s in re.split(r"(?<=[.)])\s+(?=[A-Z©])", block) if s.strip()]
    keep = [s for s in sentences if not re.match(r"(Licensed|DOI)\b", s, re.I)]
    citation = " ".join(keep)
    if out.get("doi"):
        citation = re.sub(r"\s*DOI:?\s*" + re.escape(out["doi"]) + r"\.?", "", citation, flags=re.I).strip()
    out["citation"] = citation.rstrip(" .")
    pub = re.search(r"\b[A-Z][\w ]+:\s*([A-Z][^,:]+),\s*(?:19|20)\d{2}\b", block)  # "Place: Publisher, Year"
    if pub:
        out["publisher"] = pub.group(1).strip()
    year = re.findall(r"\b(?:19|20)\d{2}\b", block)
    if year:
        out["year"] = year[-1]  # the publication year closes a citation
    return out


@lru_cache(maxsize=8)
def _load(data_dir: str, mtime: float) -> CorpusInfo:
    manifest = Path(data_dir) / "build.json"
    try:
        sources = json.loads(manifest.read_text(encoding="utf-8")).get("sources", [])
    except (OSError, ValueError):
        sources = []
    if not sources:
        return CorpusInfo()
    src = sources[0]
    path = Path(src.get("path", ""))
    info: dict = {"title": src.get("title", ""), "source_file": path.name}
    if src.get("readme"):  # the README beside the source, recorded by the build
        info |= parse_attribution(src["readme"])
    return CorpusInfo(**{k: v for k, v in info.items() if k in CorpusInfo.__dataclass_fields__})


def corpus_info(data_dir: Path) -> CorpusInfo:
    manifest = Path(data_dir) / "build.json"
    mtime = manifest.stat().st_mtime if manifest.is_file() else 0.0
    return _load(str(data_dir), mtime)
