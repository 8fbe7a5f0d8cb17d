"""The name lookups extraction builds once stay right when names change (graph.kb.name_changes).

The organisation finder keeps its compiled names until an entity's names change; the counter that
tells it so must move on every change that matters and stay put otherwise (else the lookup is
rebuilt per sentence again - the 10 MB build's cost - or, worse, a new name is never found).
"""
from __future__ import annotations

from rdflib import Namespace, URIRef

from graph.extract.organizations import find_organizations
from graph.kb import KnowledgeBase, Names, name_changes
from graph.vocab import FG, CachedTerms


def _kb() -> KnowledgeBase:
    kb = KnowledgeBase()
    kb.add_entity("Organization", "acme", "Acme Relief Agency", acronym="ARA")
    return kb


def test_a_name_added_later_is_found():
    kb = _kb()
    text = "Support came from Acme Relief and ARA."
    assert [f[2] for f in find_organizations(text, kb)] == ["ARA"]
    kb.entities["Organization:acme"].alt_labels.add("Acme Relief")
    assert [f[2] for f in find_organizations(text, kb)] == ["Acme Relief", "ARA"]
    kb.add_entity("Organization", "beta", "Beta Fund")
    assert [f[3] for f in find_organizations("the Beta Fund and ARA", kb)] == ["beta", "acme"]


def test_counter_moves_on_changes_only():
    kb = _kb()
    e = kb.entities["Organization:acme"]
    assert isinstance(e.alt_labels, Names)
    before = name_changes()
    e.alt_labels.add("Acme")
    assert name_changes() > before
    before = name_changes()
    e.alt_labels.add("Acme")  # already there
    e.alt_labels.update(["Acme"])
    e.alt_labels |= {"Acme"}
    e.passages.add("p1")  # not a name
    e.attrs["country"] = "JOR"
    find_organizations("Acme and ARA", kb)
    find_organizations("ARA again", kb)
    assert name_changes() == before
    e.acronym = "ACME"
    assert name_changes() > before
    before = name_changes()
    del kb.entities["Organization:acme"]
    assert name_changes() > before
    assert find_organizations("ACME and ARA", kb) == []


def test_cached_namespace_terms_are_rdflibs():
    plain = Namespace(str(FG))
    assert FG.text == plain.text and isinstance(FG.text, URIRef)
    assert FG.text is FG.text  # made once
    assert FG["Passage"] == plain.Passage
    from rdflib.namespace import RDF

    terms = CachedTerms(RDF)
    assert terms.type == RDF.type and terms.type is terms.type
