"""A question typed partly in French, Spanish or Portuguese, read in English ("quien financia OIT en
Nepal", "pays ratifié convention 102 avant 2015", "Marruecos convenio 102 año ratificacion").

Readers whose first language is not English type the question words, the relation words and the
names of their own language into a search box.  The bank of generated questions, the speller and
every reader after them know English only, so "bailleurs" was corrected into nothing, "año" was no
year and "pays" no countries.  Names are put in English first (:mod:`app.qa.names.foreign_names`:
ISO 3166 translations, the regions' and organisations' names); then the words of a small glossary
of everyday vocabulary (question words, the relation words of funding, ratifying, partnering,
results, the function words between them).  A word that is also English ("pays", "en", "a",
"par", "regime", "con") is read as foreign only when the question already shows that language by a
word or name that is not English.  General language knowledge only, nothing of a report.
"""
from __future__ import annotations

import re
from typing import Callable

from app.qa.names.foreign_names import english_names, key

# Words that are no English word: read in English wherever they stand.
_WORDS = {
    "who": "quien quienes quem",
    "which": "cual cuales quels quelles quel quelle quais qual",
    "when": "cuando quand quando",
    "where": "donde ou onde",
    "how many": "cuantos cuantas combien quantos quantas",
    "how much": "cuanto quanto",
    "what": "que quoi",
    "funding": "financement financements financiamiento financiamento financiacion",
    "donors": "donateurs donantes doadores bailleurs financeurs financiadores",
    "funded": "financee financees financiados financiadas financiado financiada",
    "funds": "financia financian financiam fonds fondos fundos",
    "partners": "socios parceiros partenaires asociados",
    "countries": "paises",
    "country": "pais",
    "convention": "convenio convencion convencao",
    "conventions": "convenios convenciones convencoes",
    "ratified": "ratifie ratifiee ratifies ratifiees ratifico ratificaron ratificou ratificaram ratificado ratificada "
                "ratificados ratificadas",
    "ratification": "ratificacion ratificacao",
    "ratifications": "ratificaciones ratificacoes",
    "year": "ano annee",
    "years": "anos annees",
    "money": "dinero dinheiro",
    "pathfinders": "pionniers pioneros pioneiros",
    "pathfinder": "pionnier pionero pioneiro",
    "joined": "rejoint adhere adhirio aderiu",
    "regular budget": "presupuesto-ordinario presupuesto-regular budget-ordinaire orcamento-ordinario orcamento-regular",
    "budget": "presupuesto orcamento",
    "extend": "etendre extender estender",
    "French": "francais",
    "Spanish": "espanol espagnol",
    "Portuguese": "portugues portugais",
    "English": "ingles anglais",
    "law": "ley loi lei",
    "laws": "leyes lois leis",
    "social security": "seguridad-social securite-sociale seguranca-social seguridade-social",
    "social insurance": "seguro-social seguros-sociales assurance-sociale",
    "social protection": "proteccion-social protection-sociale protecao-social",
    "health": "salud sante saude",
    "pensions": "pensiones pensoes retraites",
    "unemployment": "desempleo chomage desemprego",
    "maternity": "maternidad maternite maternidade",
    "workers": "trabajadores travailleurs trabalhadores",
    "policy": "politica politique",
    "policies": "politicas politiques",
    "strategy": "estrategia strategie",
    "strategies": "estrategias",
    "result": "resultado resultat",
    "results": "resultados resultats",
    "members": "miembros membres membros",
    "programme": "programa",
    "programmes": "programas",
    "scheme": "esquema",
    "schemes": "regimenes esquemas",
    "publications": "publicaciones publicacoes",
    "report": "informe relatorio",
    "mobilised": "movilizado movilizados mobilizado mobilizados",
    "new": "nuevo nuevos nueva nuevas nouveau nouveaux nouvelle nouvelles novos novas",
    "region": "regiao",
    "regions": "regiones regioes",
    "before": "antes avant",
    "after": "despues apres depois",
    "also": "tambien aussi tambem",
    "with": "avec",
    "without": "sans",
    "in": "dans",
    "on": "sobre",
    "is": "esta",
    "per": "por-ano par-an",
}
# Words that are also English (or too short to tell): read in English only in a question that
# another word or a name already shows to be French, Spanish or Portuguese.
_SHOWN_WORDS = {
    "countries": "pays",
    "in": "en em au aux ao al na no nos nas",
    "are": "sont son sao",
    "by": "par por pelo pela",
    "for": "para pour",
    "and": "y e et",
    "funded": "finance finances",
    "mobilised": "mobilise mobilises",
    "strategies": "strategies",
    "with": "con com",
    "without": "sin sem",
    "who": "qui",
    "is": "es est",
    "scheme": "regime",
    "schemes": "regimes",
    "": "de du des del do da dos das le la les el los las l d o os as a un une una uno um uma",
}


def _table(words: dict[str, str]) -> dict[tuple[str, ...], str]:
    return {tuple(w.split("-")): english for english, ws in words.items() for w in ws.split()}


_OWN = _table(_WORDS)
_PHRASE_STARTS = {k[0] for k in _OWN if len(k) > 1}
_SHOWN = _table(_SHOWN_WORDS)
_TOKEN = re.compile(r"[^\W\d_]+")


def in_english(question: str, written: Callable[[str], bool] = lambda word: False) -> tuple[str, list[tuple[str, str]]]:
    """The question read in English, and (foreign, English) for every name and word replaced; the
    question unchanged when it shows no foreign word or name.  A glossary word or phrase the report
    itself writes (``written``: its folded vocabulary, where the report quotes a French title such
    as "Étendre la sécurité sociale ...") is read as written.  A question typed all in lower case
    stays so ("countries funded by both irland and the eu", also with a "Thanks!" after it): a
    capitalised "Ireland" would make it a cased question (nor with a sentence about the asker before it), in which a lower-case "eu" no longer
    reads as the EU's acronym."""
    text, done = _in_english(question, written)
    if done and _typed_lower(question):
        text = text.lower()
    return text, done


def _typed_lower(question: str) -> bool:
    """Is the question proper typed all in lower case?  A capitalised thank-you after it ("... and
    the eu Thanks a lot!"), a request or sentence about the asker before it ("Could you please tell
    me: ...") is not the question: it is peeled off before names are linked."""
    from app.qa.form import request_lead, sign_off
    from app.qa.form.question_sentence import asker_sentences_apart

    core = request_lead.strip(sign_off.strip(question))  # "Could you please tell me: countries funded by ..."
    split = asker_sentences_apart(core)  # "I'm writing a note. countries funded by irland and the eu"
    core = split.question if split is not None else core
    return core == core.lower()


def _in_english(question: str, written: Callable[[str], bool]) -> tuple[str, list[tuple[str, str]]]:
    """:func:`in_english` before the case of a lower-case question is restored."""
    named, done = english_names(question)
    folded = key(named)
    if len(folded) != len(named):
        return named, done
    words = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(folded)]
    if not done and not any((w,) in _OWN or w in _PHRASE_STARTS for *_, w in words):
        return question, []  # the common case: an English question, left as it is
    from graph.countries import find_countries

    kept = [(s, e) for s, e, _, _ in find_countries(named)]  # "El Salvador", "Côte d'Ivoire" stay whole
    words = [w for w in words if not any(s <= w[0] and w[1] <= e for s, e in kept)]
    own = [r for r in _replacements(folded, words, _OWN)
           if not all(written(w) for w in _TOKEN.findall(folded[r[0]:r[1]]))]
    if not own and not done:
        return question, []
    shown = _replacements(folded, words, _SHOWN)
    spans = sorted(own + [s for s in shown if not any(o[0] < s[1] and s[0] < o[1] for o in own)])
    if not own and not any(english for *_, english in shown if english):
        # a foreign name in an English question ("who funds Moçambique"): the names are enough
        return named, done
    out, last = [], 0
    for s, e, english in spans:
        out += [named[last:s], english]
        done.append((named[s:e], english or "—"))
        last = e
        if not english and named[e:e + 1] in "'’":  # "d'Afrique": the elided article and its apostrophe
            last = e + 1
    text = "".join(out) + named[last:]
    text = re.sub(r"[¿¡]", "", text)
    return " ".join(text.split()), done


def _replacements(folded: str, words: list[tuple[int, int, str]], table: dict[tuple[str, ...], str]) -> list:
    """(start, end, English) for each glossary word or two-word phrase of the table in the text."""
    out, i = [], 0
    while i < len(words):
        two = tuple(w for *_, w in words[i:i + 2])
        if len(two) == 2 and two in table and re.fullmatch(r"[\s-]+", folded[words[i][1]:words[i + 1][0]]):
            out.append((words[i][0], words[i + 1][1], table[two]))
            i += 2
            continue
        one = (words[i][2],)
        if one in table:
            out.append((words[i][0], words[i][1], table[one]))
        i += 1
    return out

