"""Find the schemes, laws, initiatives and publications the knowledge base already knows in a text.

Built once per extraction run (every name compiled into tries, graph/trie_regex.py), not per
sentence: the country-level extractors look names up in every sentence of the report and
rebuilding the pattern each time made them the slowest step of the build.
"""
from __future__ import annotations


from graph.kb import KnowledgeBase
from graph.trie_regex import LongestNames

_GENERIC = {"the", "ilo", "programme", "fund", "scheme", "report", "initiative", "network", "government",
            "strategy", "policy", "law", "plan"}


class NameIndex:
    """Names (labels, alternative labels, acronyms) of entities of the given types."""

    def __init__(self, kb: KnowledgeBase, types: tuple[str, ...], *, national_only: bool = True) -> None:
        self.forms: dict[str, list[str]] = {}
        self.country: dict[str, str | None] = {}
        for e in kb.entities.values():
            if e.type not in types:
                continue
            if e.type == "LegalInstrument" and national_only and e.role not in ("NationalLaw", "NationalStrategy"):
                continue
            self.country[e.id] = e.attrs.get("country")
            for n in {e.label, *e.alt_labels, *( [e.acronym] if e.acronym else [])}:
                n = (n or "").strip()
                if len(n) < 3 or n.lower() in _GENERIC or len(n) > 200:
                    continue
                self.forms.setdefault(n, []).append(e.id)
        self._lower: dict[str, list[str]] = {}
        for k, v in self.forms.items():
            self._lower.setdefault(k.lower(), []).extend(v)
        # acronyms and one-word names exactly, longer names in any case; tries, longest first
        exact = [a for a in self.forms if " " not in a or a.isupper()]
        any_case = [a for a in self.forms if not (" " not in a or a.isupper())]
        self._rx = LongestNames([(exact, False, ""), (any_case, True, "")], r"(?<![\w-])", r"(?![\w-])") \
            if self.forms else None

    def find(self, text: str, iso3: str | None = None) -> list[tuple[int, int, str]]:
        """(start, end, entity id) of every known name in the text.

        A name several countries share ("National Social Protection Strategy") resolves to the one
        of ``iso3`` (the country the text is about); without it, only an unshared name resolves.
        A name known only as another country's does not resolve in a text about ``iso3``.
        """
        if self._rx is None:
            return []
        out = []
        for m in self._rx.finditer(text):
            ids = self.forms.get(m.group(0)) or self._lower[m.group(0).lower()]
            ids = list(dict.fromkeys(ids))
            if len(ids) > 1 or (iso3 and ids and self.country.get(ids[0]) not in (None, iso3)):
                ids = [i for i in ids if self.country.get(i) == iso3]  # another country's "Financing Strategy"
            if len(ids) == 1:
                out.append((m.start(), m.end(), ids[0]))
        return out


__all__ = ["NameIndex"]
