"""A wordy question whose proper part says "there" after naming organisations (app.qa.form.coreference
.fill_place): "I'm reading up on workplace accidents in Bangladesh - what is the pilot the ILO and GIZ
launched there in 2022 called?".  The organisations before "there" kept the asides from being read
as its referent, so the question proper lost its country; "there" is a place, and the one country
the dropped asides name is written in.  Invented names first (a fake linker), then the real engine."""
from __future__ import annotations

from types import SimpleNamespace

from app.qa.form.asides import Reduced
from app.qa.form.coreference import core_of, fill_place


def _analyse(text):
    links = []
    for name, typ in (("Utopia", "Country"), ("Arcadia", "Country"), ("ACME", "Organization")):
        i = text.find(name)
        if i >= 0:
            links.append(SimpleNamespace(start=i, end=i + len(name), type=typ, ids=[f"{typ}:{name}"]))
    return SimpleNamespace(links=links)


def test_there_is_the_one_country_of_the_asides():
    r = Reduced("What did ACME launch there in 2022?", ["I'm reading up on accidents in Utopia"])
    assert fill_place(r, _analyse) == "What did ACME launch in Utopia in 2022?"


def test_existential_there_and_named_places_are_left():
    assert fill_place(Reduced("Is there a pilot ACME launched?", ["I work in Utopia"]), _analyse) is None
    assert fill_place(Reduced("What did ACME launch there in Arcadia?", ["I work in Utopia"]), _analyse) is None
    assert fill_place(Reduced("What did ACME launch there?", ["I work in Utopia and Arcadia"]), _analyse) is None


def test_core_of_writes_the_place_in():
    got = core_of("I'm reading up on accidents in Utopia - what did ACME launch there in 2022?", _analyse)
    assert "in Utopia" in got.question and got.dropped


def test_the_real_engine(engine):
    """A report country and the organisations the graph says the ILO partnered with there: the wordy
    question with "there" reads the country back in, as the plain question names it."""
    for f in engine.k.facts_where(predicate="partneredWith"):
        c, org = f["subject"], f["object"]
        if not (c.startswith("Country:") and org.startswith("Organization:")) or not engine.k.entity(org).get("acronym"):
            continue
        name, acr = engine.k.label(c), engine.k.entity(org)["acronym"]
        got = engine.ask(f"I'm reading up on social protection in {name} - what did the ILO and {acr} do there?")
        assert any(p.startswith("question read as") and f"in {name}" in p for p in got["path"]), got["path"]
        return
    raise AssertionError("no country partnership with an acronym-named organisation in the build")
