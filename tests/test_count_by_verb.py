"""'Which donors fund more than three countries?': a count condition whose counted noun names a
type (countries) and whose relation is worded by the verb before it (app/qa/constraints/count_conditions.py);
"at least / at most N" bounds a count and is no superlative (app/qa/figures/ranking.py).  Expected sets are
computed here from the graph's own statements."""
from __future__ import annotations

from collections import Counter

import pytest


def _funded_counts(engine) -> Counter:
    return Counter(f["object"] for f in engine.k.facts_where(predicate="fundedBy")
                   if f["subject"].startswith("Country:"))


@pytest.mark.parametrize("question, keep", [
    ("Which donors fund more than three countries?", lambda n: n > 3),
    ("Which organisations fund the ILO's work in more than one country?", lambda n: n > 1),
    ("Which donors support the ILO in at least four countries?", lambda n: n >= 4),
    ("Which funders finance exactly two countries?", lambda n: n == 2),
])
def test_a_verb_and_a_type_noun_set_the_count(engine, question, keep):
    want = {engine.k.label(o) for o, n in _funded_counts(engine).items() if keep(n)}
    assert want
    r = engine.ask(question)
    assert {a["label"] for a in r["answers"]} == want, question
    assert any("statements counted" in p for p in r["path"])


def test_a_number_after_the_is_the_named_sets_size_not_a_count_condition(engine):
    """'Who funds the work in the four pilot countries of X?': 'the four' says how many the set
    holds; read as 'with exactly four', it emptied the answer."""
    from app.qa.constraints.count_conditions import count_condition
    from app.qa.question import analyse

    for q in ("Who funds the ILO's work in the four pilot countries of the partnership?",
              "Which donors back all three countries?"):
        assert count_condition(analyse(q, engine.lexicon), engine.k) is None, q
    held = count_condition(analyse("Which countries have four funders?", engine.lexicon), engine.k)
    assert held is not None and "exactly 4" in held.description  # a bare count is still a condition
