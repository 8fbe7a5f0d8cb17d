"""Example SPARQL queries for the /sparql page, grouped by topic, each with a one-line explanation.

They use only the vocabulary (``ontology/floorgraph.ttl``), never a fact from the report, so they
answer for any report built by floorgraph.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

PREFIXES = """PREFIX fg: <https://w3id.org/floorgraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""


@dataclass(frozen=True)
class Example:
    topic: str
    name: str
    explanation: str
    body: str

    @property
    def query(self) -> str:
        return PREFIXES + "\n" + self.body.strip()

    def as_dict(self) -> dict:
        return asdict(self) | {"query": self.query}


EXAMPLES: list[Example] = [
    # -- funding --------------------------------------------------------------------------------
    Example("Funding", "Countries funded by the Netherlands",
            "Countries whose work a funder whose name contains “netherlands” finances.", """
SELECT DISTINCT ?country ?countryLabel ?funder ?funderLabel WHERE {
  ?country a fg:Country ; fg:fundedBy ?funder .
  ?funder skos:prefLabel ?funderLabel .
  FILTER(CONTAINS(LCASE(STR(?funderLabel)), "netherlands"))
  OPTIONAL { ?country skos:prefLabel ?countryLabel }
}
ORDER BY ?countryLabel"""),
    Example("Funding", "Funders ranked by the number of countries they fund",
            "Who finances the most country programmes.", """
SELECT ?funder ?funderLabel (COUNT(DISTINCT ?country) AS ?countries) WHERE {
  ?country a fg:Country ; fg:fundedBy ?funder .
  OPTIONAL { ?funder skos:prefLabel ?funderLabel }
}
GROUP BY ?funder ?funderLabel
ORDER BY DESC(?countries) ?funderLabel"""),
    Example("Funding", "Countries with more than one funder",
            "Country programmes that several funders finance together.", """
SELECT ?country ?countryLabel (COUNT(DISTINCT ?funder) AS ?funders) WHERE {
  ?country a fg:Country ; fg:fundedBy ?funder .
  OPTIONAL { ?country skos:prefLabel ?countryLabel }
}
GROUP BY ?country ?countryLabel
HAVING (COUNT(DISTINCT ?funder) > 1)
ORDER BY DESC(?funders)"""),
    Example("Funding", "The sentence that names each funding link",
            "Every funding link with the report's own “Financing support” line.", """
SELECT ?countryLabel ?funderLabel ?line WHERE {
  ?st a fg:FundingLink ; fg:recipient ?country ; fg:funder ?funder ; fg:fundingLine ?line .
  ?country skos:prefLabel ?countryLabel . ?funder skos:prefLabel ?funderLabel .
}
ORDER BY ?countryLabel LIMIT 100"""),
    # -- conventions ------------------------------------------------------------------------------
    Example("Conventions", "C102 ratifications by year",
            "Ratifications of Convention No. 102 recorded in the report, by year.", """
SELECT ?year (COUNT(DISTINCT ?country) AS ?ratifications)
       (GROUP_CONCAT(DISTINCT ?countryLabel; separator=", ") AS ?countries) WHERE {
  ?instrument fg:number ?number .
  FILTER(STR(?number) = "102")
  ?r a fg:Ratification ; rdf:subject ?country ; rdf:object ?instrument .
  OPTIONAL { ?r fg:year ?y }
  BIND(COALESCE(STR(?y), "unknown") AS ?year)
  OPTIONAL { ?country skos:prefLabel ?countryLabel }
}
GROUP BY ?year
ORDER BY ?year"""),
    Example("Conventions", "Every ratification with its instrument",
            "Which country ratified which legal instrument, and when.", """
SELECT ?country ?countryLabel ?instrument ?instrumentLabel ?year WHERE {
  ?country fg:ratified ?instrument .
  OPTIONAL { ?r a fg:Ratification ; rdf:subject ?country ; rdf:object ?instrument ; fg:year ?year }
  OPTIONAL { ?country skos:prefLabel ?countryLabel }
  OPTIONAL { ?instrument skos:prefLabel ?instrumentLabel }
}
ORDER BY ?year ?countryLabel"""),
    # -- results ----------------------------------------------------------------------------------
    Example("Results", "Institutional results by type",
            "How many results of each type (policies, schemes, operations) the report records.", """
SELECT ?type (COUNT(DISTINCT ?result) AS ?results) WHERE {
  ?result a fg:InstitutionalResult ; fg:resultType ?type .
}
GROUP BY ?type ORDER BY DESC(?results)"""),
    Example("Results", "Results by region",
            "Institutional results counted per region of the country that achieved them.", """
SELECT ?region ?regionLabel (COUNT(DISTINCT ?result) AS ?results) WHERE {
  ?country fg:achievedResult ?result ; fg:inRegion ?region .
  OPTIONAL { ?region skos:prefLabel ?regionLabel }
}
GROUP BY ?region ?regionLabel ORDER BY DESC(?results)"""),
    Example("Results", "Countries with results of more than one type",
            "Countries whose results span several result types.", """
SELECT ?country ?countryLabel (COUNT(DISTINCT ?type) AS ?types)
       (GROUP_CONCAT(DISTINCT ?type; separator=", ") AS ?resultTypes) WHERE {
  ?country fg:achievedResult ?result . ?result fg:resultType ?type .
  OPTIONAL { ?country skos:prefLabel ?countryLabel }
}
GROUP BY ?country ?countryLabel HAVING (COUNT(DISTINCT ?type) > 1)
ORDER BY DESC(?types) ?countryLabel"""),
    # -- partnerships ---------------------------------------------------------------------------
    Example("Partnerships", "Organisations per initiative",
            "Members, founders, co-chairs and partners linked to each initiative.", """
SELECT ?initiative ?initiativeLabel (COUNT(DISTINCT ?org) AS ?organisations)
       (GROUP_CONCAT(DISTINCT ?orgLabel; separator=", ") AS ?members) WHERE {
  ?initiative a fg:Initiative .
  { ?org fg:memberOf|fg:coChairOf|fg:partneredWith|fg:supportedBy ?initiative }
  UNION { ?initiative fg:partneredWith|fg:fundedBy ?org }
  FILTER NOT EXISTS { ?org a fg:Country }
  FILTER(?org != ?initiative)
  OPTIONAL { ?initiative skos:prefLabel ?initiativeLabel }
  OPTIONAL { ?org skos:prefLabel ?orgLabel }
}
GROUP BY ?initiative ?initiativeLabel
ORDER BY DESC(?organisations)"""),
    Example("Partnerships", "Pathfinder countries of each initiative",
            "Countries the report names as pathfinders of an initiative.", """
SELECT ?initiative ?initiativeLabel (COUNT(?country) AS ?pathfinders)
       (GROUP_CONCAT(?countryLabel; separator=", ") AS ?countries) WHERE {
  ?country fg:pathfinderOf ?initiative .
  OPTIONAL { ?initiative skos:prefLabel ?initiativeLabel }
  OPTIONAL { ?country skos:prefLabel ?countryLabel }
}
GROUP BY ?initiative ?initiativeLabel ORDER BY DESC(?pathfinders)"""),
    Example("Partnerships", "Partners of each country",
            "Organisations a country works with, as the report says.", """
SELECT ?country ?countryLabel ?partner ?partnerLabel WHERE {
  ?country a fg:Country ; fg:partneredWith ?partner .
  OPTIONAL { ?country skos:prefLabel ?countryLabel }
  OPTIONAL { ?partner skos:prefLabel ?partnerLabel }
}
ORDER BY ?countryLabel LIMIT 200"""),
    # -- the report and its graph -----------------------------------------------------------------
    Example("The graph", "Entities by class",
            "What kinds of things the graph holds, and how many of each.", """
SELECT ?class (COUNT(?s) AS ?count) WHERE { ?s a ?class }
GROUP BY ?class ORDER BY DESC(?count)"""),
    Example("The graph", "Priority countries by region",
            "The programme's priority countries, counted per region.", """
SELECT ?regionLabel (COUNT(DISTINCT ?country) AS ?countries) WHERE {
  ?country fg:isPriorityCountry true ; fg:inRegion ?region .
  ?region skos:prefLabel ?regionLabel .
}
GROUP BY ?regionLabel ORDER BY DESC(?countries)"""),
    Example("The graph", "Publications and their publishers",
            "Publications the report cites, with who published them.", """
SELECT ?publication ?publicationLabel ?publisherLabel WHERE {
  ?publication a fg:Publication .
  OPTIONAL { ?publication skos:prefLabel ?publicationLabel }
  OPTIONAL { ?publication fg:publishedBy ?publisher . ?publisher skos:prefLabel ?publisherLabel }
}
ORDER BY ?publicationLabel"""),
    Example("The graph", "Describe one country",
            "Every statement about one country (a DESCRIBE gives RDF, shown as Turtle).", """
DESCRIBE ?country WHERE { ?country a fg:Country } LIMIT 1"""),
]


def grouped() -> list[tuple[str, list[tuple[int, Example]]]]:
    """(topic, [(index, example), ...]) in declaration order."""
    out: dict[str, list[tuple[int, Example]]] = {}
    for i, ex in enumerate(EXAMPLES):
        out.setdefault(ex.topic, []).append((i, ex))
    return list(out.items())
