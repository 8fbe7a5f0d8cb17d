"""Work told under a thematic heading is on the heading's topic, and work under way ("have been
drafting") is an activity.  The reports here are made up: countries, bodies and years are invented
for the test, so only the shape of the text can give the facts."""
from __future__ import annotations

import graph.extract as gx
from graph.extract.activities import events
from graph.extract.section_topics import with_heading_topics
from graph.parse import parse_report

ONLY = ("structure", "organizations", "activities")
INTRO = ("The programme worked with ministries and social partners throughout the year to extend coverage "
         "and to improve the delivery of benefits to the people who need them most.")


def _report(heading: str, body: list[str]) -> str:
    return "\n\n".join(["Annual Review 2031", "1. Results", INTRO, "1.1 Thematic results", INTRO, heading, *body,
                        "2. Outlook", INTRO]) + "\n"


def _topics_of(kb, iso3: str) -> set[str]:
    acts = [x.subject for x in kb.facts_where(obj=f"Country:{iso3}", predicate="activityIn")]
    return {kb.entities[f.object].label for a in acts for f in kb.facts_where(subject=a, predicate="onTopic")}


def test_activity_takes_the_topic_of_its_thematic_heading():
    body = ["In Mongolia, the ILO supported the government to extend mandatory coverage to 40,000 herders "
            "and seasonal workers in 2031.",
            "In Bhutan, the ILO delivered a training for labour inspectors in 2031."]
    for heading in ("Extending coverage to workers in the informal economy",
                    "Social security for informal sector workers"):
        kb = gx.run_all(parse_report(_report(heading, body)), only=ONLY)
        assert "informal economy" in _topics_of(kb, "MNG"), heading
        assert "informal economy" in _topics_of(kb, "BTN"), heading
    # a heading naming two topics files its examples under both
    kb = gx.run_all(parse_report(_report("Climate change and humanitarian crisis contexts", body)), only=ONLY)
    assert {"climate change", "crisis response"} <= _topics_of(kb, "BTN")
    # the same sentences under a heading naming no topic, or a list of three, get none from it
    for heading in ("Highlights of the year", "Health insurance and pensions for migrant workers"):
        kb = gx.run_all(parse_report(_report(heading, body)), only=ONLY)
        assert "informal economy" not in _topics_of(kb, "MNG"), heading
        assert not {"migrant workers", "pensions", "social health protection"} & _topics_of(kb, "BTN"), heading


def test_a_country_entry_gives_no_heading_topic():
    text = "\n\n".join(["Annual Review 2031", "1. Results", INTRO, "1.1 Country results", "Asia and the Pacific",
                        "Mongolia", "In 2031, the ILO supported the ministry to design a new benefit for herders.",
                        "2. Outlook", INTRO]) + "\n"
    kb = gx.run_all(parse_report(text), only=ONLY)
    assert _topics_of(kb, "MNG") <= {"rural and agricultural workers", "social protection policy"}


def test_sentence_topics_come_first_then_the_headings():
    assert with_heading_topics(["pensions", "disability", "gender equality", "digitalisation"], ["informal economy"]) == \
        ["pensions", "disability", "gender equality", "informal economy"]
    assert with_heading_topics(["informal economy"], ["informal economy"]) == ["informal economy"]


def test_work_under_way_is_an_activity():
    for sent, verb in (("In Mongolia, the herders' union has been drafting new labour codes with ILO support.", "drafting"),
                       ("In Bhutan, the ministry and the ILO have been developing a strategy for carers.", "developing"),
                       ("The fund has been piloting a voucher in two provinces.", "piloting")):
        evs = events(sent)
        assert [e.verb for e in evs] == [verb], sent
    # a gerund not after 'been' is no verb of doing ("developing countries", "drafting committee")
    assert events("Developing countries face a financing gap.") == []
    assert events("The drafting committee of the code met.") == []
    text = "\n\n".join(["Annual Review 2031", "1. Results", INTRO, "1.1 Country results", "Asia and the Pacific",
                        "Mongolia", "In Mongolia, the herders' union has been drafting more inclusive labour codes "
                        "with ILO support to extend protection to excluded workers.", "2. Outlook", INTRO]) + "\n"
    kb = gx.run_all(parse_report(text), only=ONLY)
    acts = [kb.entities[x.subject] for x in kb.facts_where(obj="Country:MNG", predicate="activityIn")]
    assert [a.attrs["kind"] for a in acts] == ["drafting"]


def test_a_country_item_whose_next_sentence_names_the_ilo_is_ilo_work_there():
    def acts(body: str, iso3: str):
        text = "\n\n".join(["Annual Review 2031", "1. Results", INTRO, "1.1 Thematic results", INTRO,
                            "Highlights of the year", body, "2. Outlook", INTRO]) + "\n"
        kb = gx.run_all(parse_report(text), only=ONLY)
        return [x.subject for x in kb.facts_where(obj=f"Country:{iso3}", predicate="activityIn")]

    item = "In Mongolia, pension coverage has been extended to 40,000 herders on a voluntary basis."
    assert acts(item + " Under new guidelines developed with ILO support, districts subsidise contributions.", "MNG")
    assert acts(item + " The fund developed new guidelines with ILO support.", "MNG")
    # no ILO after it, or the next sentence is about another country: not the ILO's work in Mongolia
    assert not acts(item + " Districts now subsidise contributions for herders.", "MNG")
    assert not acts(item + " In Bhutan, the ILO trained labour inspectors.", "MNG")
