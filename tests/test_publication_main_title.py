"""A publication cited by its main title alone, the part before its subtitle (PublicationFinder in
app.qa.things.titles): "the working paper on the financing gap for universal social protection"
names "Financing gap for universal social protection: Global, regional and national estimates ...",
although it repeats under half of the full title's words and a shorter title of the same kind
shares as large a share.  Invented publications first; the last case is the real engine over the
real build, with the title read from the graph."""
from __future__ import annotations

from app.qa.things.titles import PublicationFinder, main_title


class _K:
    def __init__(self, ents):
        self.ents = ents

    def of_type(self, t):
        return self.ents if t == "Publication" else []

    def facts_where(self, subject=None, predicate=None, obj=None):
        return []


def _pub(key, label, kind="working paper"):
    return {"id": f"Publication:{key}", "label": label, "attrs": {"kind": kind, "language": "en"}}


_PUBS = [
    _pub("a", "Lighthouse keepers' pensions: Regional and national estimates and options for reforming coastal funds"),
    _pub("b", "Fighting poverty: what role for universal pensions?"),
    _pub("c", "Making pensions work for keepers: What does it look like?"),
]


def _find(q: str):
    return PublicationFinder(_K(_PUBS)).find(q, [], False)


def test_main_title_is_the_part_before_the_subtitle():
    assert main_title("Fighting poverty: what role for universal pensions?") == "Fighting poverty"
    assert main_title("Fighting poverty") == ""  # no subtitle: the title itself is used as before


def test_a_question_repeating_the_whole_main_title_names_it():
    got = _find("Which working paper gives updated estimates on lighthouse keepers' pensions?")
    assert got is not None and got.ids == ["Publication:a"]
    assert "main title" in got.why[-1]


def test_a_main_title_shared_by_two_names_neither():
    pubs = _PUBS + [_pub("d", "Lighthouse keepers' pensions: A companion for the islands")]
    got = PublicationFinder(_K(pubs)).find("Which working paper is on lighthouse keepers' pensions?", [], False)
    assert got is None or "main title" not in got.why[-1]


def test_part_of_a_main_title_is_not_enough():
    got = _find("Which working paper covers lighthouse safety?")
    assert got is None or "main title" not in got.why[-1]


def test_the_real_build(engine):
    """A working paper of the graph whose title has a subtitle, asked by its main title's words with
    other words around them, is the one answer."""
    papers = [e for e in engine.k.of_type("Publication")
              if "working paper" in ((e.get("attrs") or {}).get("kind") or "").lower() and main_title(e["label"])]
    assert papers
    for e in papers:
        mains = [main_title(o["label"]) for o in engine.k.of_type("Publication") if o is not e]
        main = main_title(e["label"])
        if main in mains or len(main.split()) < 4:
            continue
        got = engine.ask(f"Which ILO working paper gives updated figures on the {main.lower()}?")
        assert [a["label"] for a in got["answers"]] == [e["label"]], (main, got["path"])
        return
    raise AssertionError("no working paper with a long main title of its own in the build")
