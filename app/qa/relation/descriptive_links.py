"""A descriptive name is a topic, not a filter, in a question for many countries.

The extractors keep some things the report only describes in common nouns, without a proper name:
Lebanon's "pension reform", Viet Nam's "non-contributory pension", Kenya's "public-private
partnership", Rwanda's "mandatory social insurance scheme".  Linked in "multi-pillar pension reform
countries" or "public private partnership value chain countries", such a name binds the question
to the one country whose entry wrote it (its passages become required, or the graph's "country of
this scheme" answers alone), while the question asks which countries' entries say the topic.

:func:`topic_links` drops those links when the question asks for many countries
(:func:`app.qa.topics.topic_rerank.asks_for_many`): the words go back into the topic, and the text step
answers from every entry that says them.  A name is descriptive when the knowledge base's label is
written all in lower case and the entity has no acronym: a proper name ("Haba Haba", "RAMU",
"Old Persons' Grant") is capitalised.  No names, only how the report writes them.
"""
from __future__ import annotations

from app.qa.names.common_names import common_named
from app.qa.question import _QUESTION_WORD_STEMS
from app.qa.topics.topic_rerank import asks_for_many
from app.qa.units import terms

_KINDS = ("Scheme", "LegalInstrument", "Project", "Initiative")


def descriptive(eid: str, knowledge) -> bool:
    """Is the entity named only by a common-noun description ("pension reform")?  Initiatives count
    too here: a described programme is a topic as much as a described scheme."""
    return common_named(knowledge, eid, _KINDS)


def topic_links(a, knowledge) -> bool:
    """Drop the links of descriptive names from a question for many countries, and put their words
    back into its topic terms.  Says whether anything was dropped."""
    if a.answer_type != "Country" or not asks_for_many(a.question):
        return False
    return keep_links(a, [l for l in a.links if not (l.ids and all(descriptive(i, knowledge) for i in l.ids))])


def keep_links(a, keep: list) -> bool:
    """Keep only the links ``keep`` of the question; the dropped names' words go back into its
    topic terms.  Says whether any link was dropped."""
    if len(keep) == len(a.links):
        return False
    a.links = keep
    rest = a.question
    for l in sorted(keep, key=lambda l: -l.start):
        rest = rest[:l.start] + " " + rest[l.end:]
    a.topic_terms = [t for t in terms(rest) if t not in _QUESTION_WORD_STEMS]
    return True
