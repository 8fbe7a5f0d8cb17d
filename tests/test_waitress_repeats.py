"""The memo of requests kept by their bytes (app/web/waitress_repeats.py): bounded, least
recently used first out, header blocks counted with their requests, nothing kept that holds a
connection or a body stream."""
from __future__ import annotations

import io

from app.web.waitress_repeats import RepeatedRequests


def _request(n: int) -> tuple[bytes, bytes]:
    body = b"query=ASK%7B" + b"%20" * n + b"%7D"  # a length of its own: a header block of its own
    head = b"POST /sparql HTTP/1.1\r\nHost: h\r\nContent-Length: %d\r\n\r\n" % len(body)
    return head, body


def test_kept_requests_are_bounded_and_forgotten_least_recently_used_first():
    memo = RepeatedRequests(limit=3)
    kept = [_request(n) for n in range(5)]
    for head, body in kept[:3]:
        memo.remember(head + body, {"REQUEST_METHOD": "POST", "n": head})
    assert memo.get(kept[0][0] + kept[0][1]) is not None  # used: the most recent now
    for head, body in kept[3:]:
        memo.remember(head + body, {"REQUEST_METHOD": "POST"})
    assert memo.get(kept[1][0] + kept[1][1]) is None and memo.get(kept[2][0] + kept[2][1]) is None
    assert all(memo.get(h + b) is not None for h, b in (kept[0], kept[3], kept[4]))
    # header blocks: those of kept requests only (requests 1 and 2 were forgotten with theirs)
    assert memo.is_head_of_kept(kept[0][0]) and memo.is_head_of_kept(kept[4][0])
    assert not memo.is_head_of_kept(kept[1][0]) and not memo.is_head_of_kept(kept[2][0])
    assert not memo.is_head_of_kept(kept[0][0] + kept[0][1])


def test_a_header_block_shared_by_two_kept_requests_stays_until_both_are_forgotten():
    memo = RepeatedRequests(limit=2)
    head = b"POST /sparql HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\n"
    memo.remember(head + b"a=1", {})
    memo.remember(head + b"a=2", {})
    memo.remember(b"GET /sparql?query=x HTTP/1.1\r\nHost: h\r\n\r\n", {})  # forgets a=1
    assert memo.is_head_of_kept(head)
    memo.remember(b"GET /sparql?query=y HTTP/1.1\r\nHost: h\r\n\r\n", {})  # forgets a=2
    assert not memo.is_head_of_kept(head)
    assert not memo.is_head_of_kept(b"GET /sparql?query=y HTTP/1.1\r\nHost: h\r\n\r\n")  # no body to wait for


def test_only_plain_values_of_the_environ_are_kept_and_long_requests_not_at_all():
    memo = RepeatedRequests(max_bytes=100)

    class Channel:
        def disconnected(self):
            return False

    environ = {"REQUEST_METHOD": "GET", "wsgi.input": io.BytesIO(b"x"), "wsgi.version": (1, 0),
               "waitress.client_disconnected": Channel().disconnected, "floorgraph.plain": (("a",), "q", ())}
    raw = b"GET /sparql?query=x HTTP/1.1\r\nHost: h\r\n\r\n"
    memo.remember(raw, environ)
    assert memo.get(raw) == {"REQUEST_METHOD": "GET", "wsgi.version": (1, 0), "floorgraph.plain": (("a",), "q", ())}
    long = b"GET /sparql?query=" + b"x" * 100 + b" HTTP/1.1\r\n\r\n"
    memo.remember(long, environ)
    assert memo.get(long) is None


def test_a_kept_answer_larger_than_the_socket_takes_is_sent_whole_and_in_order():
    """The answer to a kept request goes straight to the socket; what the socket does not take is
    queued in waitress's buffers and sent as it drains, before anything else on the channel."""
    import socket

    from app.web.waitress_server import InlineChannel, create_floorgraph_server

    big = bytes(range(256)) * 8192  # 2 MB: more than a socket buffer
    answers = iter([("200 OK", [("Content-Type", "application/octet-stream"), ("Content-Length", str(len(big)))], big),
                    ("200 OK", [("Content-Length", "2")], b"ok")])
    server = create_floorgraph_server(lambda e, s: [], runs_inline=lambda e: False, answer_inline=lambda e: None,
                                      answer_repeated=lambda environ: next(answers), host="127.0.0.1", port=0,
                                      threads=1, ident="fg")
    ours, theirs = socket.socketpair()
    try:
        ours.setblocking(False)
        theirs.settimeout(10)
        channel = InlineChannel(server, ours, ("127.0.0.1", 1), server.adj, map={})
        raw = b"GET /sparql?query=x HTTP/1.1\r\nHost: h\r\n\r\n"
        server.floorgraph_repeats.remember(raw, {"REQUEST_METHOD": "GET"})
        assert channel.received(raw)
        assert channel.total_outbufs_len > 0  # the socket took part of it; the rest waits
        assert not channel.readable()  # waitress reads nothing more until it is sent
        data = b""
        while channel.total_outbufs_len:
            channel.handle_write()  # what the event loop does while the channel is writable
            data += theirs.recv(1 << 20)
        assert channel.received(raw)  # the next one, once the channel is idle again
        while data.count(b"HTTP/1.1 200 OK") < 2 or not data.endswith(b"ok"):
            data += theirs.recv(1 << 20)
        head, rest = data.split(b"\r\n\r\n", 1)
        assert head.startswith(b"HTTP/1.1 200 OK") and b"Content-Length: %d" % len(big) in head
        assert rest[: len(big)] == big
        assert rest[len(big):].split(b"\r\n\r\n", 1)[1] == b"ok"
        assert channel.connected and not channel.will_close
    finally:
        ours.close()
        theirs.close()
        server.close()
