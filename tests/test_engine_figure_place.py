"""A figure asked of one country comes from a sentence about that country (app.qa.figures.figure_place)."""

from types import SimpleNamespace

from app.qa.figures.figure_place import about_place
from app.qa.textstep import TextResult
from app.qa.units import terms
from graph import countries


def _a(iso, answer_type="Number", question="how many workers"):
    return SimpleNamespace(answer_type=answer_type, question=question,
                           linked=lambda *t: [f"Country:{iso}"] if "Country" in t else [])


def _regional_sentences(ts, n=6):
    """Sentences outside any country entry that name exactly one country, with the passage's
    other countries (real units of the bundled report)."""
    out = []
    for pid, rows in ts.units.by_passage.items():
        p = ts.k.passage(pid)
        if p is None or ts._entry_country(p):
            continue
        in_passage = {iso for *_, iso in countries.find_countries(p.text)}
        for i in rows:
            said = {iso for *_, iso in countries.find_countries(ts.units.units[i].text)}
            if len(said) == 1 and len(in_passage - said) >= 1:
                out.append((int(i), pid, next(iter(said)), sorted(in_passage - said)[0]))
        if len(out) >= n:
            break
    return out


def test_a_sentence_naming_only_another_country_is_no_evidence_for_the_asked_one(engine):
    ts = engine.text
    cases = _regional_sentences(ts)
    assert cases
    for i, pid, said, other in cases:
        r = TextResult(i, pid, 1.0, [])
        assert about_place([r], _a(other), ts) == []
        assert about_place([r], _a(said), ts) == [r]
        assert about_place([r], _a(other, answer_type="Country"), ts) == [r]  # only figures and years


def test_the_thing_asked_about_being_another_countrys_gives_no_answer(engine):
    ts = engine.text
    i, pid, said, other = _regional_sentences(ts)[0]
    entry_pid, entry = next((q, j) for q, rows in ts.units.by_passage.items()
                            if ts._entry_country(ts.k.passage(q)) == other for j in rows)
    later_terms = ts.units.unit_terms[entry]
    # the best sentence's rarest word that the asked country's sentence does not write
    words = [(ts.units.idf.get(t, 0.0), w) for w in ts.units.units[i].text.split() if w.isalpha()
             for t in terms(w) if t not in later_terms]
    rare = max(words)[1]
    best, later = TextResult(i, pid, 2.0, []), TextResult(int(entry), entry_pid, 1.0, [])
    name = countries.display_name(other)
    assert about_place([best, later], _a(other, question=f"how many {rare} in {name}"), ts) == []
    assert about_place([best, later], _a(other, question=f"how many in {name}"), ts) == [later]
