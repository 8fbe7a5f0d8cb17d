"""A country's partners on a scheme the question names without the first word(s) of its name
("who partnered with the ILO on Lebanon's disability allowance" for its National Disability
Allowance): app.qa.relation.scoped_partners.scheme_by_tail finds the scheme among the country's
own (``schemeInCountry``) so that the partners are those named beside it, as when the full name is
written.  Real engine over the real build; the schemes are read from the graph."""
from __future__ import annotations

from app.qa.relation.scoped_partners import scheme_by_tail


def _cases(engine):
    for f in engine.k.facts_where(predicate="schemeInCountry"):
        label = engine.k.label(f["subject"])
        words = label.split()
        if len(words) == 3 and all(w[:1].isupper() for w in words) and "(" not in label:
            yield f["object"], f["subject"], label, " ".join(words[1:]).lower()


def test_shortened_scheme_name_scopes_partners_as_the_full_name_does(engine):
    checked = 0
    for country, scheme, full, tail in _cases(engine):
        name = engine.k.label(country)
        whole = engine.ask(f"Which organisations partnered with the ILO on {name}'s {full}?")
        if not any("partnerships whose sentence names" in p for p in whole["path"]):
            continue  # (the full name does not narrow this country's partners either)
        if scheme_by_tail(f"on {name}'s {tail}", {country}, engine.k) != scheme:
            continue  # (another scheme of the country ends the same way: not this rule's to choose)
        short = engine.ask(f"Which organisations partnered with the ILO on {name}'s {tail}?")
        assert sorted(a["label"] for a in short["answers"]) == sorted(a["label"] for a in whole["answers"]), short["path"]
        checked += 1
    assert checked


def test_nothing_is_read_without_the_name(engine):
    for country, _scheme, _full, _tail in _cases(engine):
        assert scheme_by_tail("Which organisations partnered with the ILO there?", {country}, engine.k) is None


def test_a_topic_phrase_is_not_a_shortened_scheme_name(engine):
    """'health insurance' or 'the informal economy' ends many a scheme's name but, without the name's
    head noun, is the topic of the question, not a name: the country's partners are not narrowed."""
    for f in engine.k.facts_where(predicate="schemeInCountry"):
        words = engine.k.label(f["subject"]).split()
        if len(words) >= 3 and all(w[:1].isupper() for w in words):
            topic = " ".join(words[1:-1]).lower()  # the name's middle: no head noun
            if len(topic.split()) >= 2:
                q = f"Which organisations did the ILO work with on {topic} for informal workers there?"
                assert scheme_by_tail(q, {f["object"]}, engine.k) is None, q
