"""A state reached by a date ("pathfinders by the end of 2024", "as of 2024") takes every member
dated up to then and every undated one; "in 2024" takes those dated that year only.  And how a
member joined, offered as one alternative of joining at all, does not narrow the members."""
import pytest

from app.qa.graphstep import _CUMULATIVE, is_cumulative


@pytest.mark.parametrize("text", ["pathfinders by the end of \x00", "members as of \x00", "as of end \x00",
                                  "at the end of \x00", "by the close of \x00", "up to the end of the year \x00"])
def test_cumulative_wordings(text):
    assert _CUMULATIVE.search(text)


@pytest.mark.parametrize("text", ["joined in \x00", "since \x00", "funded by the EU in \x00",
                                  "ratifications the campaign wants by \x00"])
def test_not_cumulative(text):
    assert not _CUMULATIVE.search(text)


def test_upper_bound_only():
    assert is_cumulative("xsd:integer(STR(?y)) <= 2024")
    assert not is_cumulative('STR(?y) = "2024"')
    assert not is_cumulative("xsd:integer(STR(?y)) >= 2021")


def _members(engine, predicate):
    """(all subjects, subjects with a statement dated in the report's year) of an initiative's
    most-populated relation, from the graph."""
    by_init: dict[str, list[dict]] = {}
    for f in engine.k.facts_where(predicate=predicate):
        by_init.setdefault(f["object"], []).append(f)
    init, facts = max(by_init.items(), key=lambda kv: len(kv[1]))
    return init, facts


def test_by_the_end_of_the_year_is_the_whole_list(engine):
    init, facts = _members(engine, "pathfinderOf")
    years = sorted({(f.get("attrs") or {}).get("year") for f in facts} - {None})
    assert years, "the graph dates some pathfinders"
    last = years[-1]
    name = engine.k.label(init)
    every = {engine.k.label(f["subject"]) for f in facts}
    dated_last = {engine.k.label(f["subject"]) for f in facts if (f.get("attrs") or {}).get("year") == last}
    assert dated_last < every  # otherwise the test cannot tell the two readings apart
    got = {x["label"] for x in engine.ask(f"Which countries were {name} pathfinder countries by the end of {last}?")["answers"]}
    assert got == every
    got_in = {x["label"] for x in engine.ask(f"Which countries became {name} pathfinders in {last}?")["answers"]}
    assert got_in and got_in <= every and got_in != every


def test_or_joined_keeps_every_way_of_joining(engine):
    facts = [f for f in engine.k.facts_where(predicate="memberOf") if (f.get("attrs") or {}).get("means")]
    init = max({f["object"] for f in facts}, key=lambda i: sum(f["object"] == i for f in facts))
    name = engine.k.label(init)
    means = max({f["attrs"]["means"] for f in facts if f["object"] == init},
                key=lambda m: sum(f["attrs"]["means"] == m for f in facts))
    narrowed = {x["label"] for x in engine.ask(f"Which countries joined the {name} through a {means}?")["answers"]}
    either = {x["label"] for x in engine.ask(f"Which countries made a {means} to, or officially joined, the {name}?")["answers"]}
    assert narrowed and narrowed < either


def test_or_joined_reads_the_alternative_only():
    from app.qa.constraints.qualified_members import _role_words, or_joined

    words = _role_words("high-level commitment") | _role_words("letter")
    assert or_joined("which countries made their high-level commitment to, or officially joined, the Compact", words)
    assert or_joined("which countries joined the Compact, or sent a letter about it", words)
    # both verbs join, the means is said once: the means still narrows
    assert not or_joined("which countries formalised or announced their joining of the Compact by way of a letter", words)
    assert not or_joined("which countries joined the Compact through a high-level commitment", words)


def test_role_named_countries_chain_to_their_funders(engine):
    """'who funds the <initiative> <role> countries': the role's list, then its funders (it answered
    the initiative's partner); a role word used as a verb of its own ('committed money') is no list."""
    from app.qa.multihop.country_chain import _role_before_countries

    assert _role_before_countries("Who finances the ILO in the Compact pilot countries?", "pilot country of Initiative:x")
    assert not _role_before_countries("who committed money to the Compact in 2031?", "committed of Initiative:x")
    lists: dict[tuple[str, str], set[str]] = {}
    for f in engine.k.facts_where(predicate="priorityCountryOf"):
        role = (f.get("attrs") or {}).get("role") or ""
        if role.endswith("country"):
            lists.setdefault((f["object"], role), set()).add(f["subject"])
    (init, role), members = min(lists.items(), key=lambda kv: len(kv[1]))
    funders = {engine.k.label(g["object"]) for m in members for g in engine.k.facts_where(subject=m, predicate="fundedBy")}
    got = {x["label"] for x in engine.ask(f"Who finances the ILO in the {engine.k.label(init)} {role.replace('country', 'countries')}?")["answers"]}
    assert funders and got and got <= funders
