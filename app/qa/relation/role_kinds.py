"""The kind of organisation a question asks for, by the role the graph gives organisations.

"zambia un agency partners", "which development banks worked with the ILO in Tajikistan", "who
are the private-sector funders": the asked organisations are of one role (UN agency,
international financial institution, private company ...), and the others a relation returns
(the EU, a bilateral agency) are not the answer.  The phrases people use for each role are
declared once, beside the role classes, in :data:`graph.vocab.ORG_ROLE_PHRASES`; the roles are
the build's (``role`` of each organisation), never a list of report names.
"""
from __future__ import annotations

import re

from graph.vocab import ORG_ROLE_PHRASES


def _pattern(phrase: str) -> str:
    """The phrase as a whole-word pattern, any case ("un agency" in a keyword query is the UN's;
    "un" and "ifi" are no English words), hyphen or space between words, any apostrophe."""
    words = [re.escape(w).replace("'", "['’]?") for w in re.split(r"[\s-]+", phrase)]
    return r"(?<![\w-])" + r"[\s-]+".join(words) + r"(?![\w-])"


_PHRASES = sorted(((p, role) for role, ps in ORG_ROLE_PHRASES.items() for p in ps), key=lambda x: -len(x[0]))
_RX = [(re.compile(_pattern(p), re.I), role) for p, role in _PHRASES]


# The role names the asked organisations: "which UN agencies ...", "un agency partners"; not a role
# named as context or set aside ("apart from the bilateral donors, who ...", "did a company ...").
_ASKING = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+)?$", re.I)
_HEADED = re.compile(r"^\s*(?:partners?|funders?|donors?|financiers?|backers?|organi[sz]ations?|bodies|members?)\b", re.I)
_SET_ASIDE = re.compile(r"\b(?:apart\s+from|aside\s+from|besides|other\s+than|except|excluding|not|no|beyond|"
                        r"leaving\s+out|setting\s+aside|without)\b[^,;:?]*$", re.I)


def asked_role(question: str) -> str | None:
    """The one role the question names for the organisations it asks for, or None (none, several,
    or a role named only as context or set aside)."""
    found = _asked(question)
    return found[0] if found else None


def role_words(question: str) -> str:
    """The words of the asked role's phrase ("UN agencies"): the role filter expresses them, so
    they are no topic for the text step to look for."""
    found = _asked(question)
    return found[1] if found else ""


def _asked(question: str) -> tuple[str, str] | None:
    roles, named = set(), set()
    said = ""
    taken: list[tuple[int, int]] = []
    for rx, role in _RX:
        for m in rx.finditer(question):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue  # "UN agencies" is not also "agencies" of another phrase
            taken.append((m.start(), m.end()))
            before, after = question[:m.start()], question[m.end():]
            if _SET_ASIDE.search(before):
                return None
            named.add(role)
            if _ASKING.search(before) or _HEADED.match(after):
                roles.add(role)
                said = m.group(0)
    return (roles.pop(), said) if len(roles) == 1 and len(named) == 1 else None


def of_role(answers: list[dict], role: str, role_of) -> list[dict]:
    """The answers whose organisation has ``role`` (``role_of(iri)``); all of them when none has
    it (the build may not know a body's role: an answer is not dropped on that silence)."""
    kept = [x for x in answers if x.get("iri") and role_of(x["iri"]) == role]
    return kept or answers
