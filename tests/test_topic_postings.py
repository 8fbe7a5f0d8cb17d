"""The units holding a topic key, read through the terms' postings (topic_coverage.holding_any),
are exactly those a pass over every sentence with holds_any finds: the faster lookup that the
slowest topic questions now use must not change which sentences count as writing the topic."""
from __future__ import annotations

from app.qa.topics.topic_coverage import _long_forms, holding_any, holds_any


def test_postings_agree_with_the_scan(engine):
    units = engine.units
    long_forms = _long_forms(engine.text)
    vocab = sorted({t for ts in units.unit_terms for t in ts})
    # every 37th term of the report's vocabulary (long and short, derived and plain words), the
    # acronyms with long forms, and keys the report never writes
    keys = vocab[::37] + sorted(long_forms)[:40] + ["digitalization", "interoperable", "zzqx"]
    for key in keys:
        want = {i for i, ts in enumerate(units.unit_terms) if holds_any(ts, key, long_forms)}
        assert holding_any(units, key, long_forms) == want, key
    assert any(len(holding_any(units, k, long_forms)) > 1 for k in keys)
