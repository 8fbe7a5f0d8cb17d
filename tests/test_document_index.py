"""graph/model.py indexes a document's passages by section once (extractors ask per section and per
table): the answers are those of scanning every section and passage, on the real report and on
sections listed out of order."""
from __future__ import annotations

import random

from graph.model import Document, Passage, Section


def _scan_passages_in(doc: Document, section_id: str) -> list[Passage]:
    """The definition the index replaces: one pass over the sections in their listed order."""
    ids = {section_id}
    for s in doc.sections:
        if s.parent in ids:
            ids.add(s.id)
    return [p for p in doc.passages if p.section_id in ids]


def test_index_answers_like_a_scan_on_the_report(doc):
    for s in doc.sections:
        assert doc.passages_in(s.id) == _scan_passages_in(doc, s.id)
        assert doc.first_passage_in(s.id) == next((p for p in doc.passages if p.section_id == s.id), None)
    assert doc.table_passages() == [p for p in doc.passages if p.kind == "table"]
    assert any(doc.passages_in(s.id) for s in doc.sections if s.kind == "chapter")


def _section(i: int, parent: str | None) -> Section:
    return Section(id=f"s{i}", title=f"S{i}", kind="section", level=1, parent=parent, path=[f"S{i}"], start=i, end=i)


def test_index_answers_like_a_scan_on_shuffled_trees_and_follows_new_passages():
    rnd = random.Random(5)
    for _ in range(200):
        sections = [_section(0, None)]
        for i in range(1, 25):
            sections.append(_section(i, rnd.choice([None, *[s.id for s in sections], "s99"])))
        rnd.shuffle(sections)  # a child may come before its parent: the scan leaves it out
        passages = [Passage(id=f"p{i}", section_id=f"s{rnd.randrange(26)}", section_path=[], text="t",
                            start=i, end=i + 1, kind=rnd.choice(["paragraph", "table"])) for i in range(60)]
        doc = Document(id="d", title="t", path="p", sha256="x", text="", sections=sections, passages=passages)
        for s in sections:
            assert doc.passages_in(s.id) == _scan_passages_in(doc, s.id)
        doc.passages.append(Passage(id="late", section_id="s0", section_path=[], text="t", start=99, end=100,
                                    kind="table"))
        assert doc.passages_in("s0") == _scan_passages_in(doc, "s0")
        assert doc.table_passages()[-1].id == "late"
