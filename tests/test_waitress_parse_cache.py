"""waitress's header parsing remembered per exact header block (app/web/waitress_parse_cache.py):
the same request as waitress's own parser makes, every time, for every kind of request; failures
and chunked bodies are parsed afresh; each request gets its own body."""
from __future__ import annotations

import pytest
from waitress.adjustments import Adjustments
from waitress.parser import HTTPRequestParser

from app.web.waitress_parse_cache import RememberingParser

ADJ = Adjustments(max_request_body_size=1000)


def _parse(cls, raw: bytes):
    parser = cls(ADJ)
    data = raw
    while data and not parser.completed:
        data = data[parser.received(data):]
    return parser


def _seen(parser) -> dict:
    """What the rest of waitress reads of a parsed request (its attributes, body and error)."""
    out = {k: v for k, v in vars(parser).items() if k not in ("adj", "body_rcv")}
    out["body"] = parser.get_body_stream().read()
    out["error"] = (type(parser.error).__name__, getattr(parser.error, "body", None))
    return out


REQUESTS = [
    b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: a\r\nAccept: application/sparql-results+json\r\n\r\n",
    b"POST /sparql HTTP/1.1\r\nHost: a\r\nContent-Type: application/x-www-form-urlencoded\r\n"
    b"Content-Length: 11\r\n\r\nquery=ASK{}",
    b"POST /sparql HTTP/1.0\r\nConnection: keep-alive\r\nContent-Length: 3\r\n\r\nabc",
    b"GET /healthz HTTP/1.0\r\n\r\n",
    b"GET //double/slash?x=1#frag HTTP/1.1\r\nHost: a\r\nX-Twice: 1\r\nX-Twice: 2\r\nWeird_Name: dropped\r\n\r\n",
    b"POST /up HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok",
    b"POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
    # refused by waitress: each must be refused again, never remembered as parsed
    b"POST /sparql HTTP/1.1\r\nHost: a\r\nContent-Length: 12x\r\n\r\n",
    b"POST /sparql HTTP/1.1\r\nHost: a\r\nContent-Length: 5000\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: a\r\nbad header line\r\n\r\n",
    b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n",
]


@pytest.mark.parametrize("raw", REQUESTS)
def test_a_remembered_header_block_gives_what_waitress_gives_every_time(raw):
    expected = _seen(_parse(HTTPRequestParser, raw))
    for _ in range(3):  # the first parse fills the memory, the next ones read it
        assert _seen(_parse(RememberingParser, raw)) == expected


def test_requests_with_the_same_headers_keep_their_own_bodies():
    head = b"POST /sparql HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n"
    bodies = [_parse(RememberingParser, head + body).get_body_stream().read() for body in (b"first", b"other", b"third")]
    assert bodies == [b"first", b"other", b"third"]


def test_an_oversized_body_is_refused_even_when_its_header_block_was_remembered():
    ok = b"POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 999\r\n\r\n" + b"a" * 999
    assert _parse(RememberingParser, ok).error is None
    big = b"POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 1000\r\n\r\n"
    for _ in range(2):
        assert type(_parse(RememberingParser, big).error).__name__ == "RequestEntityTooLarge"
