"""The floorgraph vocabulary as rdflib namespaces.

The terms are defined (labels, domains, ranges, OWL/RDFS axioms) in ``ontology/floorgraph.ttl`` and
constrained by ``ontology/shapes.ttl``; this module only names them so Python code never spells an
IRI by hand.  ``tests/test_ontology.py`` checks that every term used here is declared there.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

class CachedNamespace(Namespace):
    """A namespace whose ``NS.term`` is made once.  Why: rdflib's Namespace builds and validates a
    new URIRef on every attribute access (~5 us), and writing the graph of a 10 MB report reads
    ``FG.text``, ``FG.inSection`` ... about 600,000 times.  Terms are immutable, so the first one
    made is kept as an attribute of the namespace (``NS[key]`` is not cached: keys are open-ended)."""

    def __getattr__(self, name: str):
        term = super().__getattr__(name)
        self.__dict__[name] = term
        return term


class CachedTerms:
    """The same for a namespace object that must stay rdflib's own (RDF, SKOS, XSD ... are
    DefinedNamespaces, which also refuse undefined terms): attribute access through this wrapper
    asks the namespace once per term, then returns the kept term."""

    def __init__(self, ns) -> None:
        self.__dict__["_ns"] = ns

    def __getattr__(self, name: str):
        term = getattr(self.__dict__["_ns"], name)
        self.__dict__[name] = term
        return term

    def __getitem__(self, name: str):
        return self.__dict__["_ns"][name]


FG = CachedNamespace("https://w3id.org/floorgraph/ontology#")
ID = CachedNamespace("https://w3id.org/floorgraph/id/")
ORG = CachedNamespace("http://www.w3.org/ns/org#")
SCHEMA = CachedNamespace("https://schema.org/")

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "floorgraph.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"

PREFIXES = {
    "fg": FG,
    "id": ID,
    "org": ORG,
    "schema": SCHEMA,
    "skos": SKOS,
    "prov": PROV,
    "dcterms": DCTERMS,
    "rdfs": RDFS,
    "rdf": RDF,
    "owl": OWL,
    "xsd": XSD,
}

# Organisation roles: each is a subclass of fg:Organization in the ontology.
ORG_ROLES = {
    "un_agency": FG.UNAgency,
    "ifi": FG.InternationalFinancialInstitution,
    "bilateral_donor": FG.BilateralDonor,
    "multi_donor_fund": FG.MultiDonorFund,
    "private_company": FG.PrivateCompany,
    "foundation": FG.Foundation,
    "network": FG.Network,
    "social_partner": FG.SocialPartner,
    "national_institution": FG.NationalInstitution,
    "other": FG.Organization,
}

# What users read for an organisation's kind: the rdfs:label of its role class in the ontology, in
# running-text case (tests/test_extract_identity.py checks the two agree).  Pages, the API and the network
# show these, never the internal keys above.
ORG_ROLE_LABELS = {
    "un_agency": "UN agency",
    "ifi": "international financial institution",
    "bilateral_donor": "bilateral donor",
    "multi_donor_fund": "multi-donor fund",
    "private_company": "private company",
    "foundation": "foundation",
    "network": "network",
    "social_partner": "social partner",
    "national_institution": "national institution",
    "other": "organization",
}


# How people ask for organisations of a role ("zambia un agency partners", "which development
# banks ..."): ordinary English, read by the question engine (app/qa/relation/role_kinds.py).  Declared here,
# beside the role classes and labels, so a new role is one entry in each table.
ORG_ROLE_PHRASES = {
    "un_agency": ("UN agency", "UN agencies", "United Nations agency", "United Nations agencies", "UN body",
                  "UN bodies", "UN entity", "UN entities", "UN organisation", "UN organisations", "UN organization",
                  "UN organizations", "UN system"),
    "ifi": ("international financial institution", "international financial institutions", "IFI", "IFIs",
            "development bank", "development banks", "multilateral bank", "multilateral banks",
            "financial institutions"),
    "bilateral_donor": ("bilateral donor", "bilateral donors", "bilateral partner", "bilateral partners",
                        "donor government", "donor governments"),
    "multi_donor_fund": ("multi-donor fund", "multi-donor funds", "pooled fund", "pooled funds"),
    "private_company": ("private company", "private companies", "private sector", "company", "companies",
                        "firm", "firms", "business", "businesses", "corporation", "corporations", "brand", "brands",
                        "retailer", "retailers", "multinational", "multinationals"),
    "foundation": ("foundation", "foundations", "philanthropy", "philanthropies", "philanthropic"),
    "social_partner": ("social partner", "social partners", "trade union", "trade unions",
                       "workers' organisation", "workers' organisations", "workers' organization",
                       "workers' organizations", "employers' organisation", "employers' organisations",
                       "employers' organization", "employers' organizations"),
    "national_institution": ("national institution", "national institutions", "national body", "national bodies",
                             "social security institution", "social security institutions", "social security institute",
                             "social security institutes", "social security body", "social security bodies",
                             "social security fund", "social security funds",
                             "government department", "government departments"),
}


def org_kind_label(role: str | None) -> str:
    """'un_agency' -> 'UN agency'; an unknown or empty role reads as 'organization'."""
    return ORG_ROLE_LABELS.get(role or "other", ORG_ROLE_LABELS["other"])


# The three institutional result types of the Flagship Programme (SKOS concepts).
RESULT_TYPES = {
    "policies_strategies": FG.PoliciesAndStrategies,
    "scheme_reform": FG.SchemeReform,
    "operations": FG.ImprovingOperations,
}

# Entity-to-entity relations are declared in graph/relations.py (REGISTRY).


def slug(text: str) -> str:
    """A readable, ASCII, IRI-safe key: 'Côte d'Ivoire' -> 'cote-d-ivoire'."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return t[:80] or "x"


def entity_iri(kind: str, key: str):
    """The IRI of an entity: ``id:country/JOR``, ``id:organization/imf`` ..."""
    return ID[f"{kind}/{key}"]
