"""A country's adjective right before an organisation's name ("the German BMZ") says where the
organisation is from, not a country the question is about (app.qa.question._origin_adjectives)."""
from __future__ import annotations

from app.qa.question import Link


def test_an_origin_adjective_before_an_organisation_is_no_country_link():
    from app.qa.question import _origin_adjectives

    q = "Who joined the German BMZ as co-funders of the DCI?"
    g, b = q.index("German"), q.index("BMZ")
    links = [Link(g, g + 6, "German", ["Country:DEU", "Organization:gov-DEU"]), Link(b, b + 3, "BMZ", ["Organization:bmz"])]
    assert [l.surface for l in _origin_adjectives(q, links)] == ["BMZ"]
    q2 = "Germany BMZ funding"  # a country's name, keyword style, stays
    links2 = [Link(0, 7, "Germany", ["Country:DEU"]), Link(8, 11, "BMZ", ["Organization:bmz"])]
    assert [l.surface for l in _origin_adjectives(q2, links2)] == ["Germany", "BMZ"]
    q3 = "jordan IMF Article IV recommendations"  # a country's name that is also read as its adjective
    links3 = [Link(0, 6, "jordan", ["Country:JOR"]), Link(7, 10, "IMF", ["Organization:imf"])]
    assert [l.surface for l in _origin_adjectives(q3, links3)] == ["jordan", "IMF"]
