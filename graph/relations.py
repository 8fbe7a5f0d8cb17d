"""The relation registry: every relation the graph can hold, declared once.

A :class:`Relation` says everything the rest of the system needs to know about one kind of fact:
its ``fg:`` predicate, the entity types it links, how to say it in English in both directions,
which statement class carries its evidence, whether (and how) it is drawn in the partnership
network, and the words people use when they ask about it.  The ontology, the SHACL shapes, the
RDF writer, the network, the API and page labels and the question engine all read
:data:`REGISTRY`; adding a relation is one :func:`register` call plus the extractor that finds it.

Why a registry rather than constants in each module: before it existed, adding a relation took
about ten edits in nine files, and they drifted (a label here, a missing SHACL shape there).

Nothing here is a fact from a report: these are kinds of relation and ordinary English.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterator

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS

from graph.vocab import FG, ONTOLOGY_FILE, SCHEMA, SHAPES_FILE


@dataclass(frozen=True)
class Relation:
    """One kind of fact: ``subject —name→ object``.

    ``domain``/``range`` are entity types of :mod:`graph.kb` (``Country``, ``Organization`` ...).
    ``label`` reads subject→object ("funded by"); ``inverse_label`` reads object→subject ("funds").
    ``ask_object``/``ask_subject`` are question seeds with ``{s}``/``{o}`` for the named end and
    ``{type}`` for the kind of thing asked; the question bank generator composes them.
    ``keywords`` are the bare words that signal the relation in keyword-style queries.
    """

    name: str
    domain: tuple[str, ...]
    range: tuple[str, ...]
    label: str
    inverse_label: str
    comment: str
    statement: str = "Fact"  # the rdf:Statement subclass that carries the evidence
    edge: str | None = None  # relation name in the partnership network, or None
    edge_reversed: bool = False  # draw object → subject (an organisation *funds* a country)
    symmetric: bool = False
    parent: str | None = None  # a more general registered relation (pathfinderOf → memberOf)
    external: URIRef | None = None  # a well-known property this one specialises (schema:publisher)
    qualifiers: tuple[str, ...] = ()  # what a statement may add: year, status, role, amount ...
    keywords: tuple[str, ...] = ()
    ask_object: tuple[str, ...] = ()  # "who funds {s}?" – the answer is the object
    ask_subject: tuple[str, ...] = ()  # "which {type} does {o} fund?" – the answer is the subject
    network_only_types: tuple[str, ...] = field(default=("Country", "Organization", "Initiative"))
    # ``extractor(doc, kb)`` run by graph.extract.run_all after the built-in extractors (before
    # reconciliation), so a relation and the code that finds it can be declared together.
    extractor: Callable | None = field(default=None, compare=False)
    # The two ends are one real thing seen in two roles (a government and its country): such a
    # pair is not a duplicate entity, and pages fold the one into the other.
    same_thing: bool = False
    # The bank's generic subject-asked rows worded by the labels alone ("which countries in [region] are
    # <label> [x]"): False for a relation asked only in its own cue words, whose short label would
    # otherwise draw keyword queries that name its object ("c102 africa" is about ratification).
    label_rows: bool = True
    # Nouns that name each end by its role ("recipients" / "funders" of a funding): a keyword query
    # names what it asks by such a noun ("mul recipients", "arab states funders list"), and the
    # question bank asks every relation by them in both directions.
    subject_nouns: tuple[str, ...] = ()
    object_nouns: tuple[str, ...] = ()
    # Relations whose subjects are counted among this one's too: the body that leads a facility is
    # one of the bodies that make it up ("led by the ILO, and including UNICEF ..."), though the
    # report states its role only as the lead.
    includes: tuple[str, ...] = ()
    # Verbs that end or undo the relation ("left" a membership, "denounced" a ratification): a question
    # asking who did that is not asking for the relation's subjects, and the graph holds no such act,
    # so the engine abstains instead of listing the members.  A more specific relation inherits its
    # parent's verbs.
    undone_by: tuple[str, ...] = ()
    # The status an extractor gives a statement the report tells as still under way ("the ILO is
    # supporting ... in assessing"): a question asked in the present progressive ("which countries is
    # the ILO helping assess ...") keeps the statements with it (app.qa.constraints.ongoing_status).
    ongoing_status: str | None = None

    @property
    def iri(self) -> URIRef:
        return FG[self.name]

    @property
    def curie(self) -> str:
        return f"fg:{self.name}"

    def pattern(self, s: str, o: str) -> str:
        """The SPARQL triple pattern ``s fg:name o`` (``s``/``o`` are variables or IRIs)."""
        return f"{s} {self.curie} {o} ."


class RelationRegistry:
    """Relations by name, in declaration order."""

    def __init__(self) -> None:
        self._by_name: dict[str, Relation] = {}
        # Bumped by every change: what is read from the declarations and kept (the words that name a
        # relation's ends, per question word) is kept per version, so a relation declared later counts.
        self.version = 0

    def register(self, relation: Relation) -> Relation:
        if relation.parent and relation.parent not in self._by_name:
            raise KeyError(f"{relation.name}: parent relation {relation.parent} is not registered")
        self._by_name[relation.name] = relation
        self.version += 1
        return relation

    def unregister(self, name: str) -> None:
        """Remove a relation (tests that declare a toy relation clean up with this)."""
        self._by_name.pop(name, None)
        self.version += 1

    def get(self, name: str) -> Relation | None:
        return self._by_name.get(name)

    def __getitem__(self, name: str) -> Relation:
        return self._by_name[name]

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __iter__(self) -> Iterator[Relation]:
        return iter(list(self._by_name.values()))

    def __len__(self) -> int:
        return len(self._by_name)

    # -- views that other modules read ------------------------------------------------------
    def predicates(self) -> tuple[URIRef, ...]:
        """Every relation's fg: IRI (each such triple must carry a provenance statement)."""
        return tuple(r.iri for r in self)

    def labels(self) -> dict[str, tuple[str, str]]:
        """name → (forward label, inverse label), for pages and the API."""
        return {r.name: (r.label, r.inverse_label) for r in self}

    def same_thing(self) -> tuple[str, ...]:
        """Relations whose two ends are one real thing in two roles (see ``Relation.same_thing``)."""
        return tuple(r.name for r in self if r.same_thing)

    def undoing_verbs(self, name: str) -> tuple[str, ...]:
        """The verbs that undo relation ``name`` (see ``Relation.undone_by``), its ancestors' included."""
        out: list[str] = []
        r = self.get(name)
        while r is not None:
            out += [v for v in r.undone_by if v not in out]
            r = self.get(r.parent) if r.parent else None
        return tuple(out)

    def network_edges(self) -> dict[str, tuple[str, bool]]:
        """name → (network edge relation, reversed?) for the relations drawn in the network."""
        return {r.name: (r.edge, r.edge_reversed) for r in self if r.edge}

    def ontology_triples(self) -> Graph:
        """The OWL declaration of every relation (label, inverse label, domain, range, parent, inclusions)."""
        g = Graph()
        g.bind("fg", FG)
        onto = URIRef(str(FG).rstrip("#"))
        for r in self:
            p = r.iri
            g.add((p, RDF.type, OWL.ObjectProperty))
            if r.symmetric:
                g.add((p, RDF.type, OWL.SymmetricProperty))
            g.add((p, RDFS.label, Literal(r.label, lang="en")))
            g.add((p, SKOS.altLabel, Literal(r.inverse_label, lang="en")))
            g.add((p, FG.inverseLabel, Literal(r.inverse_label, lang="en")))
            g.add((p, RDFS.comment, Literal(r.comment, lang="en")))
            g.add((p, RDFS.isDefinedBy, onto))
            if r.parent:
                g.add((p, RDFS.subPropertyOf, FG[r.parent]))
            for inc in r.includes:  # the included relation's statements hold this one too (the lead is a constituent)
                g.add((FG[inc], RDFS.subPropertyOf, p))
            if r.external is not None:
                g.add((p, RDFS.subPropertyOf, r.external))
            if len(r.domain) == 1:
                g.add((p, RDFS.domain, FG[r.domain[0]]))
            if len(r.range) == 1:
                g.add((p, RDFS.range, FG[r.range[0]]))
        return g

    def shape_triples(self) -> Graph:
        """SHACL: the subject of every relation triple is of a domain type, the object of a range type."""
        g = Graph()
        g.bind("sh", SH)
        g.bind("fg", FG)

        def one_of(node, types: tuple[str, ...]) -> None:
            if len(types) == 1:
                g.add((node, SH["class"], FG[types[0]]))
                return
            alts = []
            for t in types:
                b = BNode()
                g.add((b, SH["class"], FG[t]))
                alts.append(b)
            lst = BNode()
            Collection(g, lst, alts)
            g.add((node, SH["or"], lst))

        for r in self:
            shape = FG[f"{r.name}Shape"]
            g.add((shape, RDF.type, SH.NodeShape))
            g.add((shape, SH.targetSubjectsOf, r.iri))
            g.add((shape, RDFS.comment, Literal(f"Subjects of fg:{r.name} are {' or '.join(r.domain)}.")))
            one_of(shape, r.domain)
            prop = BNode()
            g.add((shape, SH.property, prop))
            g.add((prop, SH.path, r.iri))
            one_of(prop, r.range)
        return g


REGISTRY = RelationRegistry()
register = REGISTRY.register

# -- the relations ----------------------------------------------------------------------------
_AGENT = ("Country", "Organization")
_FUNDED = ("Country", "Organization", "Initiative", "Project", "Scheme", "Publication")  # a course a donor paid for

register(Relation(
    "fundedBy", _FUNDED, ("Organization",), "funded by", "funds",
    "The subject (country work, project, initiative ...) receives financing from the organisation. "
    "The direct form of a fg:FundingLink.",
    statement="FundingLink", edge="funds", edge_reversed=True, qualifiers=("year", "funding_line", "via"),
    keywords=("funds", "funders", "funding", "financing", "financed", "donors", "donor", "money", "financier",
              "sponsors", "pays", "backs", "backed", "bankrolls"),
    ask_object=("who funds the work in {s}", "who financed the ILO's work in {s}", "{s} donors", "{s} funders",
                "where does the money for {s} come from", "what are the funding sources for {s}",
                "which donors support {s}", "{s} financing support"),
    ask_subject=("which {type} does {o} fund", "where does {o} finance the ILO's work", "{o} funded countries",
                 "which {type} are financed by {o}", "{o} money goes to which {type}",
                 "list the {type} whose financing line names {o}"),
    subject_nouns=("recipients", "beneficiaries", "grantees", "recipient countries"),
    # ("rbsa contributors": who pays in; "australia donor countries" is ambiguous, and "contributing
    # countries" drew "non-contributory law" questions to funding in the generated bank)
    object_nouns=("funders", "donors", "financiers", "backers", "sponsors", "financing partners", "contributors"),
))
register(Relation(
    "partneredWith", _AGENT + ("Initiative",), _AGENT + ("Initiative",), "partners with", "partners with",
    "The two parties worked together as partners; symmetric because partnership is mutual.",
    statement="Engagement", edge="partners", symmetric=True, qualifiers=("year", "topic", "kind"),
    keywords=("partner", "partners", "partnered", "collaborated", "cooperation", "together", "alongside", "joint"),
    ask_object=("who does the ILO partner with in {s}", "{s} partners", "which organisations worked with the ILO in {s}"),
    ask_subject=("in which {type} did the ILO work with {o}", "{o} partner countries", "where did {o} collaborate with the ILO",
                 "which {type} did {o} partner on"),
))
register(Relation(
    "supportedBy", ("Country",), ("Organization",), "supported by", "supports",
    "The country received technical or other support from the organisation, without implying financing.",
    statement="Engagement", edge="partners", qualifiers=("year", "topic"),
    keywords=("support", "supported", "assistance", "helped", "technical assistance"),
    ask_object=("who supported {s}", "which organisations gave technical support to {s}"),
    ask_subject=("which {type} did {o} support", "{o} supported countries", "where did {o} provide technical assistance"),
))
register(Relation(
    "ratified", ("Country",), ("LegalInstrument",), "ratified", "ratified by",
    "The country ratified (became party to) the legal instrument, typically an ILO Convention. Year and "
    "status live on the fg:Ratification statement.",
    statement="Ratification", qualifiers=("year", "status"),
    keywords=("ratified", "ratify", "ratification", "ratifications", "party to"),
    ask_object=("which conventions has {s} ratified", "{s} ratifications", "what did {s} ratify"),
    ask_subject=("which {type} ratified {o}", "{o} ratifications", "who has ratified {o}", "{o} ratifying countries"),
    subject_nouns=("ratifying countries", "states parties"),
    undone_by=("denounced", "denounce", "denounces", "denouncing", "withdrew from", "withdrawn from", "withdraw from",
               "withdrawing from"),
))
register(Relation(
    "memberOf", _AGENT, ("Initiative",), "member of", "has member",
    "The country or organisation is a member of the initiative (the general membership relation; "
    "pathfinder and co-chair are more specific roles).",
    statement="Membership", edge="member_of", qualifiers=("year", "role", "status"),
    keywords=("member", "members", "membership", "joined", "belongs", "part of", "participating", "participation",
              "participate", "participates", "take part", "takes part", "taking part"),
    ask_object=("which initiatives is {s} a member of", "{s} memberships"),
    ask_subject=("who are the members of {o}", "{o} members", "which {type} belong to {o}", "which {type} joined {o}"),
    subject_nouns=("members", "member countries", "participants"),
    object_nouns=("memberships",),
    undone_by=("left", "leave", "leaves", "leaving", "quit", "quits", "quitting", "exited", "exit", "exits", "exiting",
               "withdrew from", "withdrawn from", "withdraw from", "withdraws from", "withdrawing from",
               "pulled out of", "pull out of", "dropped out of", "drop out of"),
))
register(Relation(
    "pathfinderOf", _AGENT, ("Initiative",), "pathfinder of", "has pathfinder",
    "The country is a pathfinder of the initiative, one of the first to implement it. Implies membership.",
    statement="Membership", edge="member_of", parent="memberOf", qualifiers=("year", "status"),
    keywords=("pathfinder", "pathfinders", "pathfinder countries"),
    ask_object=("is {s} a pathfinder", "which initiative is {s} a pathfinder of"),
    ask_subject=("which {type} are pathfinders of {o}", "{o} pathfinders", "list the pathfinder {type} of {o}"),
    subject_nouns=("pathfinders", "pathfinder countries"),
))
register(Relation(
    "coChairOf", _AGENT, ("Initiative",), "co-chair of", "co-chaired by",
    "The country or organisation co-chairs (leads) the initiative. Implies membership.",
    statement="Membership", edge="member_of", parent="memberOf", qualifiers=("year",),
    keywords=("co-chair", "co-chairs", "chair", "chairs", "chaired", "leads", "led by"),
    ask_object=("what does {s} co-chair",),
    ask_subject=("who co-chairs {o}", "{o} co-chairs", "who leads {o}", "which {type} chair {o}"),
    subject_nouns=("co-chair", "co-chairs"),
))
register(Relation(
    "schemeInCountry", ("Scheme",), ("Country",), "in country", "has scheme",
    "The country where the scheme operates; lets scheme questions be filtered by country.",
    qualifiers=("year", "status"),
    keywords=("scheme", "schemes", "programme", "programmes", "benefit", "insurance", "pension"),
    ask_object=("where does {s} operate", "which country runs {s}", "{s} country"),
    ask_subject=("which schemes does {o} have", "{o} schemes", "what social protection schemes are named for {o}"),
))
register(Relation(
    "administeredBy", ("Scheme",), ("Organization",), "administered by", "administers",
    "The organisation (usually a national institution) that runs the scheme.",
    external=SCHEMA.provider,
    keywords=("administered", "administers", "runs", "managed", "operator"),
    ask_object=("who administers {s}", "which institution runs {s}", "{s} administrator"),
    ask_subject=("which schemes does {o} administer", "{o} schemes"),
    object_nouns=("administrator", "administrators", "operator", "operators"),
))
register(Relation(
    "inRegion", ("Country",), ("Region",), "in region", "has country",
    "The report region the country is listed under.",
    external=SCHEMA.containedInPlace,
    keywords=("region", "regional", "in africa", "in asia"),
    ask_object=("which region is {s} in", "{s} region"),
    ask_subject=("which {type} are in {o}", "{o} countries", "list the countries of {o}"),
))
register(Relation(
    "achievedResult", ("Country",), ("InstitutionalResult",), "achieved result", "achieved by",
    "Links a country to an institutional result it achieved (one node per country, result type and year).",
    qualifiers=("year", "result_type"),
    keywords=("result", "results", "achieved", "institutional change", "outcome"),
    ask_object=("what results did {s} achieve", "{s} results"),
    ask_subject=("which {type} achieved {o}", "{o} countries"),
))
register(Relation(
    "priorityCountryOf", ("Country",), ("Initiative",), "priority country of", "has priority country",
    "The country is a priority (target) country of the initiative: one of the report's Flagship Programme, "
    "or one an initiative names as selected for its support (a pilot country, a country of a new phase). "
    "It takes part in the initiative as a member does, hence its parent.",
    parent="memberOf", qualifiers=("role",),
    keywords=("priority", "priority country", "priority countries", "target country", "selected"),
    ask_object=("is {s} a priority country",),
    ask_subject=("which {type} are priority countries", "{o} priority countries"),
))
register(Relation(
    "publishedBy", ("Publication",), ("Organization", "Initiative"), "published by", "published",
    "The organisation, or the initiative, network or working group, that published (or co-published) "
    "the publication.",
    external=SCHEMA.publisher, qualifiers=("year",),
    keywords=("published", "publication", "publications", "authored", "co-published", "paper", "report", "brief"),
    ask_object=("who published {s}", "{s} publisher"),
    object_nouns=("publishers", "co-publishers", "authors", "co-authors"),
    ask_subject=("what did {o} publish", "{o} publications", "which publications did {o} co-author"),
))


# -- roles in initiatives, networks, facilities and funding mechanisms ------------------------
_INIT = ("Initiative",)

register(Relation(
    "founderOf", _AGENT, _INIT, "founder of", "founded by",
    "The country or organisation founded (constituted, established) the initiative. Implies membership.",
    statement="Membership", edge="member_of", parent="memberOf", qualifiers=("year",),
    keywords=("founded", "founder", "founders", "founding", "constituted", "established", "created", "set up"),
    ask_object=("what did {s} found", "which initiatives did {s} establish"),
    ask_subject=("who founded {o}", "{o} founders", "who established {o}", "which {type} constituted {o}",
                 "who set up {o}"),
    subject_nouns=("founder", "founders", "founding members"),
))
register(Relation(
    "chairOf", _AGENT, _INIT, "chair of", "chaired by",
    "The country or organisation chairs, leads or heads the initiative, facility or working group "
    "(co-chairs are fg:coChairOf). Implies membership.",
    statement="Membership", edge="member_of", parent="memberOf", qualifiers=("year",),
    keywords=("chair", "chaired", "led by", "leads", "lead", "heads", "headed"),
    ask_object=("what does {s} lead", "which initiative does {s} chair"),
    ask_subject=("who leads {o}", "who chairs {o}", "{o} lead agency", "which {type} heads {o}"),
    subject_nouns=("chair", "chairs", "lead agency"),
))
register(Relation(
    "secretariatOf", _AGENT, _INIT, "secretariat of", "has secretariat",
    "The organisation acts as (or established) the secretariat of the initiative or network.",
    statement="Membership", edge="member_of", qualifiers=("year",),
    keywords=("secretariat", "secretary", "coordinates", "coordination"),
    ask_object=("which network is {s} the secretariat of",),
    ask_subject=("who is the secretariat of {o}", "{o} secretariat", "who runs the secretariat of {o}"),
    subject_nouns=("secretariat",),
))
register(Relation(
    "hostOf", _AGENT, _INIT, "host of", "hosted by",
    "The organisation hosts the initiative, network or facility (houses it or its secretariat).",
    statement="Membership", edge="member_of", qualifiers=("year",),
    keywords=("host", "hosts", "hosted", "housed"),
    ask_object=("what does {s} host",),
    ask_subject=("who hosts {o}", "{o} host", "where is {o} hosted"),
    subject_nouns=("host", "hosts"),
))
register(Relation(
    "constituentOf", _AGENT, _INIT, "constituent agency of", "includes agency",
    "The agency is one of the bodies that make up the facility or joint mechanism ('the Technical "
    "Support Facility, led by the ILO and including UNICEF, UNDP ...'). Implies membership.",
    statement="Membership", edge="member_of", parent="memberOf", qualifiers=("year",),
    keywords=("including", "comprising", "composed", "constituent", "agencies", "made up"),
    ask_object=("which facility is {s} part of",),
    ask_subject=("which agencies make up {o}", "{o} agencies", "which {type} are part of {o}",
                 "who is included in {o}"),
    includes=("chairOf",),
))

register(Relation(
    "partOf", _INIT, _INIT, "part of", "has part",
    "The initiative is a working group, task team, facility or other body of a larger initiative "
    "('USP2030 Working Group on Climate Action' of USP2030, the Global Accelerator's Technical Support Facility).",
    statement="Membership", edge="member_of", external=DCTERMS.isPartOf,
    keywords=("working group", "working groups", "task team", "facility", "part of", "under"),
    ask_object=("what is {s} part of",),
    ask_subject=("which working groups does {o} have", "{o} working groups", "what bodies are part of {o}"),
))



def _find_positions(doc, kb) -> None:
    """The staff positions extractor, imported when a build runs (graph.extract imports this module)."""
    from graph.extract import positions

    positions.extract(doc, kb)


register(Relation(
    "positionIn", ("Position",), _INIT, "staff position in", "has staff position",
    "A dedicated staff position (country focal person, regional focal point, coordinator ...) through "
    "which an organisation takes part in the initiative; where it is stationed is the position's place.",
    statement="Membership", qualifiers=("role",),
    keywords=("focal point", "focal person", "focal points", "staff", "position", "positions", "coordinator",
              "stationed", "officer"),
    ask_object=("which initiative is {s} a position in",),
    ask_subject=("which staff positions does {o} have", "{o} focal points", "who are the focal points of {o}",
                 "where are the {o} focal points stationed"),
    extractor=_find_positions,
))

# -- funding detail ---------------------------------------------------------------------------
register(Relation(
    "governmentOf", ("Organization",), ("Country",), "government of", "has government",
    "The organisation is the government of the country: the country acting as a donor or partner. "
    "One real thing in two roles, so pages of the country show what its government does.",
    same_thing=True,
    keywords=("government", "governments", "donor country", "bilateral"),
    ask_object=("which country is {s} the government of",),
    ask_subject=("who is the government of {o}", "{o} government"),
))
def _find_allocations(doc, kb) -> None:
    """The fund-allocation extractor, imported when a build runs (graph.extract imports this module)."""
    from graph.extract import allocations

    allocations.extract(doc, kb)


register(Relation(
    "receivedAllocationFrom", ("Country",), ("Organization",), "received an allocation from", "allocated resources to",
    "The pooled fund allocated new resources to activities in the country, as the fund's own text states "
    "(not the country's financing line): a kind of funding.",
    parent="fundedBy", qualifiers=("year",),
    keywords=("allocated", "allocation", "allocations", "allocating", "received allocations", "new resources",
              "new money", "new funds", "new funding"),
    ask_object=("which fund allocated resources to {s}", "{s} allocations", "what allocations did {s} receive"),
    ask_subject=("which {type} received {o} allocations", "where were {o} resources allocated",
                 "{o} allocations", "to which {type} did {o} allocate new money", "which {type} got new {o} money"),
    subject_nouns=("allocation recipients",),
    extractor=_find_allocations,
))
register(Relation(
    "agencyOf", ("Organization",), ("Organization",), "agency of", "has agency",
    "A development agency, ministry or fund that stands for a government ('France (Expertise France)', "
    "'BMZ'): its funding is that government's funding.",
    keywords=("agency", "development agency", "cooperation agency", "ministry", "on behalf of"),
    ask_object=("which government does {s} stand for", "whose agency is {s}"),
    ask_subject=("which agencies of {o} are named", "{o} agencies", "which agency funds on behalf of {o}"),
))
register(Relation(
    "institutionOf", ("Organization",), ("Country",), "national institution of", "has national institution",
    "The organisation is a public institution of the country (ministry, social security fund ...), "
    "e.g. a national institution named among the financiers of the work there.",
    keywords=("national institution", "institution", "ministry", "social security institute", "fund"),
    ask_object=("which country is {s} an institution of", "{s} country"),
    ask_subject=("which national institutions of {o} are named", "{o} institutions",
                 "which {o} institutions co-finance the work"),
))

# -- conventions: ratification campaign, inquiries, assessments ---------------------------------
register(Relation(
    "inquiredAbout", ("Country",), ("LegalInstrument",), "inquired about ratifying", "inquiry from",
    "The country formally inquired about ratifying the instrument (e.g. under a ratification campaign).",
    qualifiers=("year", "campaign"),
    keywords=("inquired", "inquiry", "inquiries", "enquired", "enquiry", "enquiries", "asked about", "interest in ratifying",
              "interested in ratifying", "campaign"),
    ask_object=("which conventions did {s} inquire about",),
    ask_subject=("which {type} inquired about {o}", "who formally inquired about ratifying {o}",
                 "{o} inquiries", "which countries asked about the {o} campaign"),
))
register(Relation(
    "alignmentAssessed", ("Country",), ("LegalInstrument",), "alignment assessed against", "alignment assessed for",
    "The country's system was (or is being) assessed for alignment with, or gaps against, the instrument "
    "(comparative or gap assessment, usually ahead of ratification).",
    qualifiers=("year", "status"), ongoing_status="ongoing",
    keywords=("assessment", "assessing", "assessed", "align", "alignment", "gap", "gaps", "comparative assessment",
              "compliance", "compare", "compared", "comparing", "comparison", "line up", "lines up", "check against",
              "checking against", "checked against"),
    ask_object=("against which convention was {s} assessed",),
    ask_subject=("which {type} are assessing alignment with {o}", "whose systems are assessed against {o}",
                 "{o} gap assessments", "which countries compare their system with {o}"),
))


def _find_standards_basis(doc, kb) -> None:
    """The guiding-standards extractor, imported when a build runs (graph.extract imports this module)."""
    from graph.extract import standards_basis

    standards_basis.extract(doc, kb)


register(Relation(
    "guidedBy", ("Country", "Initiative", "Scheme", "LegalInstrument", "Project"), ("LegalInstrument",),
    "guided by", "guides",
    "The work in the country, the programme, scheme or national law follows the ILO standard: the report "
    "says it is in line with, aligned with, anchored in or guided by the Convention or Recommendation.",
    # (no "standards", "framework" or "follows": questions about a convention's minimum standards or
    # about the countries following a campaign are not about what guides a programme)
    keywords=("guided", "guides", "guiding", "anchored", "in line with", "in accordance with",
              "underpinned", "rooted", "built on", "grounded", "lean on", "leans on", "draws on"),
    ask_object=("which standards guide {s}", "what is {s} anchored in", "{s} guiding standards",
                "which ILO conventions and recommendations is {s} in line with", "what international standards is {s} built on",
                "which international standards is {s} anchored in", "which recommendation and convention underpin {s}",
                "what legal foundation is {s} based on", "{s} anchored in which standards"),
    # (only cue-worded forms: "where does ILO support follow {o}" drew every question naming a
    # convention, and a country the graph holds no guidance for then got no answer)
    ask_subject=("which {type} does the report describe as in line with {o}", "which programmes are anchored in {o}"),
    label_rows=False,
    extractor=_find_standards_basis,
))

# -- partners and dated activities at country level ----------------------------------------------
# partneredWith / supportedBy (above) carry, on their fg:Engagement statement, the kind of
# collaboration, the topic and the year the sentence gives.  Dated activities are fg:Activity nodes.
_ACTIVITY_TARGETS = ("Scheme", "LegalInstrument", "Initiative", "Publication", "Project")
register(Relation(
    "activityIn", ("Activity",), ("Country",), "took place in", "had activity",
    "A dated piece of work (a study completed, a plan validated, a law adopted, a campaign run, a "
    "training held) that the report says happened in the country, with its kind and year.",
    qualifiers=("year", "kind", "status"),
    keywords=("activity", "activities", "what happened", "what did the ilo do", "when", "timeline",
              "study", "training", "campaign", "workshop", "validated", "adopted"),
    ask_object=("where did {s} take place", "which country was {s} in"),
    ask_subject=("what did the ILO support in {o}", "what happened in {o} in 2024", "{o} activities",
                 "which {type} took place in {o}", "what studies were completed in {o}",
                 "what trainings were held in {o}", "timeline of ILO work in {o}"),
))
register(Relation(
    "activityInvolved", ("Activity",), ("Organization",), "involved", "took part in",
    "An organisation the sentence names as doing, supporting, partnering in or receiving the dated "
    "activity (the ILO included: these are the report's own activities; a ministry or social "
    "security institution that was supported is involved too).",
    qualifiers=("year",),
    keywords=("involved", "with the support of", "implemented by", "in collaboration with", "took part"),
    ask_object=("who was involved in {s}", "which organisations took part in {s}"),
    ask_subject=("what activities did {o} take part in", "{o} activities", "which {type} involved {o}",
                 "what did {o} do with the ILO"),
    object_nouns=("organisers", "organizers", "co-organisers", "co-organizers", "implementers", "conveners"),
))
register(Relation(
    "activityConcerns", ("Activity",), _ACTIVITY_TARGETS, "concerns", "subject of activity",
    "The scheme, law, strategy, initiative or publication the dated activity was about.",
    qualifiers=("year", "status"),
    keywords=("about", "concerning", "on"),
    ask_object=("what was {s} about",),
    ask_subject=("what was done on {o}", "{o} milestones", "when was {o} adopted", "history of {o}"),
))

# -- schemes, laws, decrees, strategies and programmes ---------------------------------------
# schemeInCountry (above) carries kind, status, year and who the scheme covers on its statement.
register(Relation(
    "projectInCountry", ("Project",), ("Country",), "in country", "has project",
    "A development cooperation project or programme (named by its acronym, 'the PROSPECTS project') "
    "that the report places in the country.",
    keywords=("project", "projects", "programme", "through the project", "under the project"),
    ask_object=("where does {s} operate", "which countries does {s} cover"),
    ask_subject=("which projects work in {o}", "{o} projects", "through which projects did the ILO work in {o}"),
))
register(Relation(
    "instrumentOfCountry", ("LegalInstrument",), ("Country",), "law or strategy of", "has law or strategy",
    "A national law, decree, strategy, policy or plan of the country, with its kind, the status the "
    "report gives it (drafted, validated, adopted, launched ...) and the year.",
    qualifiers=("year", "status", "kind"),
    keywords=("law", "laws", "decree", "decrees", "act", "strategy", "strategies", "policy", "policies",
              "plan", "legislation", "bill", "code", "adopted", "validated", "enacted"),
    ask_object=("which country adopted {s}", "where is {s} in force", "{s} country"),
    ask_subject=("which laws did {o} adopt", "{o} laws and strategies", "what social protection strategy "
                 "does {o} have", "which decrees were issued in {o}", "what policies did {o} validate",
                 "list the {type} of {o}"),
))

# -- publications -----------------------------------------------------------------------------
register(Relation(
    "publicationAbout", ("Publication",), ("Country",), "about country", "subject of publication",
    "A country the publication covers (named in its title or in the sentence that presents it).",
    external=SCHEMA.about, qualifiers=("year",),
    keywords=("publication", "publications", "paper", "brief", "report", "study", "about", "on"),
    ask_object=("which countries does {s} cover", "what country is {s} about"),
    ask_subject=("which publications are about {o}", "{o} publications", "what was published on {o}",
                 "which {type} cover {o}"),
))
register(Relation(
    "onTopic", ("Publication", "Activity", "Scheme"), ("ThematicArea",), "on topic", "topic of",
    "A policy topic (social health protection, pensions, refugee inclusion ...) the publication, "
    "activity or scheme is about.",
    external=SCHEMA.about,
    keywords=("topic", "topics", "theme", "about", "on"),
    ask_object=("what is {s} about", "{s} topics"),
    ask_subject=("which publications are about {o}", "what was done on {o}", "{o} work", "{type} on {o}"),
))

# -- tables and numbers -------------------------------------------------------------------------
register(Relation(
    "hasQuantity", ("Country", "Scheme", "LegalInstrument", "Initiative", "Organization", "Project", "Activity"),
    ("Quantity",), "has figure", "figure of",
    "A number the text states about the country, scheme or programme: value, unit, what it counts "
    "and year live on the fg:Quantity (a qb:Observation).",
    qualifiers=("year",),
    keywords=("how many", "how much", "number", "amount", "figure", "people", "beneficiaries", "workers",
              "per cent", "percentage", "us$", "million", "cost", "benefit level"),
    ask_object=("how many people does {s} cover", "how much does {s} pay", "{s} figures",
                "how many beneficiaries in {s}", "what amount was given in {s}"),
    ask_subject=("which {type} does {o} describe",),
))


def ontology_graph() -> Graph:
    """The whole ontology: ``ontology/floorgraph.ttl`` (classes, datatype properties, concepts)
    plus the declaration of every registered relation."""
    g = Graph().parse(ONTOLOGY_FILE, format="turtle")
    g += REGISTRY.ontology_triples()
    return g


def shapes_graph() -> Graph:
    """The SHACL shapes: ``ontology/shapes.ttl`` plus domain/range shapes of every relation."""
    g = Graph().parse(SHAPES_FILE, format="turtle")
    g += REGISTRY.shape_triples()
    return g


__all__ = ["Relation", "RelationRegistry", "REGISTRY", "register", "ontology_graph", "shapes_graph"]
