"""The waitress server `serve` runs (app/web/waitress_server.py): a proven-cheap /sparql request is
answered on the event loop with the same answer; anything else goes to the request threads; the
one-send task frames every kind of response correctly; pipelined requests keep their order."""
from __future__ import annotations

import socket
import threading
import time

import pytest
import requests



def _running(server) -> str:
    """Run ``server``'s event loop on a thread named "event-loop"; its URL once it answers."""
    threading.Thread(target=server.run, daemon=True, name="event-loop").start()
    url = f"http://127.0.0.1:{server.effective_port}"
    for _ in range(100):
        try:
            requests.get(url + "/healthz", timeout=2)
            break
        except requests.ConnectionError:
            time.sleep(0.05)
    return url


@pytest.fixture(scope="module")
def recorded_server(live_config):
    """create_floorgraph_server over the small graph, its app wrapped to record which thread
    answered each request and whether it was marked inline."""
    from app.web import create_app
    from app.web.waitress_server import create_floorgraph_server, runs_inline_of

    app = create_app(live_config)
    assert app.extensions["floorgraph.graphstore"].warm_up(60)
    seen: list[tuple[str, str, bool]] = []

    def recording(environ, start_response):
        seen.append((environ["PATH_INFO"], threading.current_thread().name, bool(environ.get("floorgraph.inline"))))
        return app(environ, start_response)

    server = create_floorgraph_server(recording, runs_inline=runs_inline_of(app), host="127.0.0.1", port=0,
                                      threads=4)
    url = _running(server)
    yield url, seen
    server.close()
    app.extensions["floorgraph.graphstore"].close()


def _post(url, query, accept="application/sparql-results+json"):
    return requests.post(url + "/sparql", data={"query": query}, headers={"Accept": accept}, timeout=30)


@pytest.mark.embedded_only  # only the embedded store proves a query cheap; an external one never runs inline
def test_a_proven_cheap_query_is_answered_on_the_event_loop_with_the_same_answer(recorded_server):
    url, seen = recorded_server
    query = "SELECT ?s ?o WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?o } ORDER BY ?s LIMIT 3"
    answers, threads = [], []
    for _ in range(20):  # enough for one quick run even on a loaded machine
        seen.clear()
        r = _post(url, query)
        assert r.status_code == 200
        answers.append(r.json())
        threads.append(seen[-1])
    # first: a worker proves it cheap, on a request thread; once proven within the inline budget
    # (2 ms), on the event loop - with the same answer (a run preempted past the budget on a loaded
    # machine sends the next one to a request thread until a run is quick again: hence "some")
    assert threads[0][2] is False and threads[0][1] != "event-loop", threads
    assert (True, "event-loop") in [(t[2], t[1]) for t in threads[1:]], threads
    assert all(t[2] == (t[1] == "event-loop") for t in threads), threads
    assert all(a == answers[0] for a in answers) and answers[0]["results"]["bindings"]


def test_other_requests_and_other_formats_go_to_the_request_threads(recorded_server):
    url, seen = recorded_server
    query = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 2"
    for _ in range(3):
        _post(url, query)
    seen.clear()
    assert _post(url, query, accept="text/csv").status_code == 200  # another request: not proven yet
    requests.get(url + "/healthz", timeout=10)
    requests.get(url + "/sparql", params={"query": query}, headers={"Accept": "text/html"}, timeout=10)  # the editor page
    assert [inline for _, _, inline in seen] == [False, False, False]
    assert all(name != "event-loop" for _, name, _ in seen)


def test_pipelined_requests_are_answered_in_order(recorded_server):
    url, _ = recorded_server
    query = "ASK { ?s ?p ?o }"
    for _ in range(3):
        _post(url, query)
    body = f"query={requests.utils.quote(query)}".encode()
    one = (b"POST /sparql HTTP/1.1\r\nHost: x\r\nAccept: application/sparql-results+json\r\n"
           b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
    health = b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
    port = int(url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(one + health + one + b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    parts = data.split(b"HTTP/1.1 200 OK")[1:]
    assert len(parts) == 4, data[:500]
    assert b'"boolean"' in parts[0] and b'"triples"' in parts[1] and b'"boolean"' in parts[2] and b'"triples"' in parts[3]


@pytest.fixture(scope="module")
def plain_server():
    """The one-send task under every framing waitress does: fixed length, chunked (no length),
    empty bodies, HEAD, and a body larger than a socket send."""
    from app.web.waitress_server import create_floorgraph_server

    big = b"x" * 300_000

    def app(environ, start_response):
        path = environ["PATH_INFO"]
        if path == "/fixed":
            start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "5")])
            return [b"hello"]
        if path == "/chunked":
            start_response("200 OK", [("Content-Type", "text/plain")])
            return iter([b"one,", b"two,", b"three"])
        if path == "/empty":
            start_response("204 No Content", [])
            return []
        if path == "/big":
            start_response("200 OK", [("Content-Type", "application/octet-stream"), ("Content-Length", str(len(big)))])
            return [big]
        start_response("404 Not Found", [("Content-Type", "text/plain"), ("Content-Length", "2")])
        return [b"no"]

    server = create_floorgraph_server(app, host="127.0.0.1", port=0, threads=2)
    threading.Thread(target=server.run, daemon=True).start()
    yield f"http://127.0.0.1:{server.effective_port}", big
    server.close()


def test_one_send_task_frames_every_kind_of_response(plain_server):
    url, big = plain_server
    with requests.Session() as s:  # one keep-alive connection: a framing error would garble the next answer
        for _ in range(2):
            assert s.get(url + "/fixed", timeout=10).content == b"hello"
            r = s.get(url + "/chunked", timeout=10)
            assert r.content == b"one,two,three" and r.headers.get("Transfer-Encoding") == "chunked"
            r = s.get(url + "/empty", timeout=10)
            assert r.status_code == 204 and r.content == b""
            r = s.head(url + "/fixed", timeout=10)
            assert r.status_code == 200 and r.headers["Content-Length"] == "5" and r.content == b""
            assert s.get(url + "/big", timeout=10).content == big
            assert s.get(url + "/nope", timeout=10).status_code == 404


def _parsed(raw: bytes):
    from waitress.adjustments import Adjustments
    from waitress.parser import HTTPRequestParser

    request = HTTPRequestParser(Adjustments())
    while raw:
        raw = raw[request.received(raw):]
    return request


@pytest.mark.parametrize("version", ["1.0", "1.1"])
@pytest.mark.parametrize("connection", ["", "keep-alive", "close"])
def test_one_send_task_writes_the_very_header_bytes_waitress_writes(version, connection):
    """OneSendTask.build_response_header remembers per-name and per-second work; its bytes and its
    framing decisions (keep-alive, chunking, close) must be waitress's own for every case."""
    from waitress.task import WSGITask

    from app.web.waitress_server import InlineChannel, OneSendTask, create_floorgraph_server

    server = create_floorgraph_server(lambda e, s: [], host="127.0.0.1", port=0, threads=1)
    a, b = socket.socketpair()
    try:
        channel = InlineChannel(server, a, ("127.0.0.1", 1), server.adj, map={})
        head = f"GET /x HTTP/{version}\r\nHost: h\r\n" + (f"Connection: {connection}\r\n" if connection else "")
        cases = [
            ("200 OK", [("content-type", "application/json"), ("content-length", "5"), ("x-floorgraph-elapsed", "0.1"),
                        ("Vary", "Accept"), ("Set-Cookie", "b=2"), ("Set-Cookie", "a=1")], None),
            ("200 OK", [("Content-Type", "text/plain")], None),  # no length: chunked (1.1) or close
            ("200 OK", [("Content-Type", "text/plain")], 7),  # length known from the app iterable
            ("204 No Content", [("Content-Length", "0")], None),
            ("304 Not Modified", [], None),
            ("200 OK", [("Date", "Mon, 01 Jan 2024 00:00:00 GMT"), ("Server", "other"), ("Content-Length", "1")], None),
        ]
        for status, headers, content_length in cases:
            tasks = [cls(channel, _parsed((head + "\r\n").encode())) for cls in (WSGITask, OneSendTask)]
            for task in tasks:
                task.status, task.response_headers, task.content_length = status, list(headers), content_length
                task.start_time = 1_700_000_000.5
            ours, theirs = tasks[1].build_response_header(), tasks[0].build_response_header()
            assert ours == theirs, (status, headers)
            assert (tasks[1].close_on_finish, tasks[1].chunked_response) == \
                (tasks[0].close_on_finish, tasks[0].chunked_response)
    finally:
        a.close()
        b.close()
        server.close()


@pytest.fixture(scope="module")
def predispatch_server(live_config):
    """create_floorgraph_server with the app's pre-dispatch (answer_inline), its WSGI app wrapped
    to record the requests it was called for; ``decline`` makes the pre-dispatch say no."""
    from app.web import create_app
    from app.web.waitress_server import answer_inline_of, answer_repeated_of, create_floorgraph_server, runs_inline_of

    app = create_app(live_config)
    assert app.extensions["floorgraph.graphstore"].warm_up(60)
    seen: list[tuple[str, bool]] = []
    decline: list[bool] = []
    answer, again = answer_inline_of(app), answer_repeated_of(app)

    def recording(environ, start_response):
        seen.append((environ["PATH_INFO"], bool(environ.get("floorgraph.inline"))))
        return app(environ, start_response)

    def answer_inline(environ):
        return None if decline else answer(environ)

    def answer_repeated(environ):  # a request kept by its bytes (app/web/waitress_repeats.py)
        made = None if decline else again(environ)
        seen.append(("repeat", made is not None))
        return made

    server = create_floorgraph_server(recording, runs_inline=runs_inline_of(app), answer_inline=answer_inline,
                                      answer_repeated=answer_repeated, host="127.0.0.1", port=0, threads=4)
    url = _running(server)
    yield url, seen, decline, app.extensions["floorgraph.graphstore"]
    server.close()
    app.extensions["floorgraph.graphstore"].close()


VARYING = ("Date", "X-Floorgraph-Elapsed")


@pytest.mark.embedded_only  # only the embedded store proves a query cheap
def test_a_pre_dispatched_answer_is_the_wsgi_answer_without_a_wsgi_call(predispatch_server):
    url, seen, _, _ = predispatch_server
    query = "SELECT ?s WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?o } ORDER BY ?s LIMIT 4"
    responses, calls = [], []
    for _ in range(20):  # (as above: one quick run is enough)
        seen.clear()
        responses.append(_post(url, query))
        calls.append(list(seen))
    assert calls[0] == [("/sparql", False)]  # a worker proves it cheap, through WSGI
    # proven: answered before any WSGI environ or app call (a run preempted past the 2 ms inline
    # budget on this loaded machine sends the next one to a request thread: hence "some")
    pre_dispatched = [r for r, c in zip(responses, calls) if c in ([], [("repeat", True)])]
    assert pre_dispatched, calls
    first = responses[0]
    same = {k: v for k, v in first.headers.items() if k not in VARYING}
    for last in pre_dispatched:
        assert last.status_code == 200 and last.content == first.content and last.json()["results"]["bindings"]
        assert {k: v for k, v in last.headers.items() if k not in VARYING} == same
    assert same["X-Content-Type-Options"] == "nosniff" and "Content-Security-Policy" in same


@pytest.mark.embedded_only
def test_when_the_pre_dispatch_declines_the_wsgi_app_answers_on_the_event_loop(predispatch_server):
    url, seen, decline, _ = predispatch_server
    query = "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 3"
    expected = [_post(url, query).json() for _ in range(4)][-1]
    decline.append(True)
    marks = []
    # One on the event loop is enough; a loaded machine sends many to threads (a run past the inline
    # budget), so answer for up to 60 seconds rather than a fixed number of times: a clean-clone CI
    # run once spent 100 answers inside a burst of load.
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            seen.clear()
            r = _post(url, query)
            assert r.status_code == 200 and r.json() == expected
            marks.append(list(seen))
            if ("/sparql", True) in seen:
                break
            time.sleep(0.01)
    finally:
        decline.clear()
    marks = [[c for c in m if c[0] != "repeat"] for m in marks]  # a kept request, declined, is answered as any
    assert all(len(m) == 1 for m in marks), marks  # the WSGI app answered every one
    assert [("/sparql", True)] in marks, marks  # on the event loop (some, under load: see above)


@pytest.mark.embedded_only
def test_a_pre_dispatched_answer_keeps_http_1_0_framing(predispatch_server):
    url, _, _, _ = predispatch_server
    query = "ASK { ?s ?p ?o }"
    for _ in range(4):
        _post(url, query)
    body = f"query={requests.utils.quote(query)}".encode()
    port = int(url.rsplit(":", 1)[1])
    for keep_alive, closes in ((b"", True), (b"Connection: keep-alive\r\n", False)):
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            s.sendall(b"POST /sparql HTTP/1.0\r\n" + keep_alive + b"Accept: application/sparql-results+json\r\n"
                      b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n%s"
                      % (len(body), body))
            data = b""
            while b'"boolean"' not in data or closes:  # closing: read to the end (a hang times out)
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
        head = data.split(b"\r\n\r\n", 1)[0]
        assert head.startswith(b"HTTP/1.0 200 OK"), data[:300]
        assert (b"Connection: close" in head) == closes and (b"Connection: Keep-Alive" in head) == (not closes)


@pytest.mark.embedded_only
def test_admission_control_still_refuses_a_pre_dispatched_request(predispatch_server):
    """Every admission slot taken: the proven request is not answered by the pre-dispatch but by
    the WSGI path's 503 + Retry-After, and answered again once a slot is free."""
    import contextlib

    from app.graphstore import QueryOverloaded

    url, seen, _, store = predispatch_server
    query = "SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o LIMIT 2"
    expected = [_post(url, query) for _ in range(4)][-1].json()
    with contextlib.ExitStack() as slots:
        with pytest.raises(QueryOverloaded):
            for _ in range(64):
                slots.enter_context(store.pool().admitted(5))
        seen.clear()
        busy = _post(url, query)
    assert busy.status_code == 503 and busy.headers.get("Retry-After") and busy.json()["status"] == 503
    # the kept request and the pre-dispatch declined; the WSGI app made the error answer
    assert len([c for c in seen if c[0] != "repeat"]) == 1 and ("repeat", True) not in seen
    assert _post(url, query).json() == expected


def _exchange(sock, parts: list[bytes], answers: int = 1) -> list[tuple[bytes, bytes]]:
    """Send ``parts`` (one write each, a pause between them) and read ``answers`` responses
    (head, body) framed by their Content-Length."""
    for i, part in enumerate(parts):
        if i:
            time.sleep(0.02)  # the server reads the header block before the body
        sock.sendall(part)
    data, out = b"", []
    while len(out) < answers:
        while b"\r\n\r\n" not in data:
            data += sock.recv(65536)
        head, data = data.split(b"\r\n\r\n", 1)
        length = int(next(line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")))
        while len(data) < length:
            data += sock.recv(65536)
        out.append((head, data[:length]))
        data = data[length:]
    return out


def _form_post(query: str, extra: bytes = b"", host: bytes = b"h") -> tuple[bytes, bytes]:
    """(header block, body) of a form POST of ``query`` to /sparql asking for SPARQL JSON."""
    body = f"query={requests.utils.quote(query)}".encode()
    return (b"POST /sparql HTTP/1.1\r\nHost: %s\r\n%sAccept: application/sparql-results+json\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n" % (host, extra, len(body)),
            body)


def _headers(head: bytes) -> dict[str, str]:
    lines = head.decode("latin-1").split("\r\n")
    return {k: v.strip() for k, v in (line.split(":", 1) for line in lines[1:]) if k not in VARYING}


@pytest.mark.embedded_only
def test_a_repeated_request_is_answered_from_its_kept_bytes_as_before(predispatch_server):
    """The very same bytes again (in one write, or header block and body apart, as `requests`
    sends them) are answered without waitress's parser, environ or task - the same status, body
    and headers as the WSGI path's; pipelined copies and a changed byte are answered as ever."""
    url, seen, _, _ = predispatch_server
    query = "SELECT ?s WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?o } ORDER BY DESC(?s) LIMIT 3"
    head, body = _form_post(query, host=b"kept")
    port = int(url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        seen.clear()
        first_head, first_body = _exchange(s, [head + body])[0]
        assert seen == [("/sparql", False)] and first_head.startswith(b"HTTP/1.1 200 OK")  # a worker proves it
        assert b'"bindings"' in first_body
        answers, kept = [], {}
        for way, parts in (("one write", [head + body]), ("header block, then body", [head, body])):
            # kept once pre-dispatched; a run preempted past the inline budget on a loaded machine
            # goes back through waitress until a run is quick again: hence "until" (bounded)
            for _ in range(100):
                seen.clear()
                answers.append(_exchange(s, parts)[0])
                if ("repeat", True) in seen and not [c for c in seen if c[0] != "repeat"]:
                    kept[way] = True
                    break
        assert len(kept) == 2, seen
        for answer_head, answer_body in answers:
            assert answer_head.startswith(b"HTTP/1.1 200 OK") and answer_body == first_body
            assert _headers(answer_head) == _headers(first_head)
        # pipelined copies: one read holds both, which is not a kept request; answered in order
        seen.clear()
        twice = _exchange(s, [head + body + head + body], answers=2)
        assert [b for _, b in twice] == [first_body, first_body] and ("repeat", True) not in seen
        # one byte changed (another host): not the kept request; waitress answers it, correctly
        other = head.replace(b"Host: kept", b"Host: kepT")
        seen.clear()
        assert _exchange(s, [other + body])[0][1] == first_body and ("repeat", True) not in seen
        # still open and in step: the kept request again
        assert _exchange(s, [head + body])[0][1] == first_body


@pytest.mark.embedded_only
def test_a_kept_request_whose_answer_is_declined_is_answered_by_waitress(predispatch_server):
    url, seen, decline, _ = predispatch_server
    query = "SELECT ?o WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?o } LIMIT 2"  # quick: no sort
    expected, history = None, []
    for _ in range(100):  # until kept (a loaded machine may preempt a run past the inline budget)
        seen.clear()
        expected = _post(url, query)
        history.append(list(seen))
        if ("repeat", True) in seen:
            break
    assert ("repeat", True) in seen and expected.status_code == 200, history[:6]
    decline.append(True)
    try:
        seen.clear()
        r = _post(url, query)
    finally:
        decline.clear()
    assert r.status_code == 200 and r.content == expected.content
    # asked, declined, then answered once by the WSGI app (on the loop or, demoted meanwhile, a thread)
    assert ("repeat", False) in seen and [c[0] for c in seen if c[0] != "repeat"] == ["/sparql"]


def test_the_kept_request_header_is_the_one_waitress_writes():
    """keep_alive_head, the header of an answer to a kept request, is waitress's own bytes for an
    HTTP/1.1 keep-alive request and a response with a Content-Length."""
    from waitress.task import WSGITask

    from app.web.waitress_repeats import keep_alive_head
    from app.web.waitress_server import InlineChannel, create_floorgraph_server

    server = create_floorgraph_server(lambda e, s: [], host="127.0.0.1", port=0, threads=1, ident="fg")
    a, b = socket.socketpair()
    try:
        channel = InlineChannel(server, a, ("127.0.0.1", 1), server.adj, map={})
        for connection in ("", "Connection: keep-alive\r\n"):
            for status, headers in [
                ("200 OK", [("content-type", "application/json"), ("Content-Length", "5"), ("x-floorgraph-elapsed", "0.1"),
                            ("Vary", "Accept"), ("Set-Cookie", "b=2"), ("Set-Cookie", "a=1")]),
                ("200 OK", [("Date", "Mon, 01 Jan 2024 00:00:00 GMT"), ("Server", "other"), ("Content-Length", "1")]),
                ("404 Not Found", [("Content-Length", "2"), ("Content-Type", "text/plain")]),
            ]:
                task = WSGITask(channel, _parsed(f"GET /x HTTP/1.1\r\nHost: h\r\n{connection}\r\n".encode()))
                task.status, task.response_headers, task.start_time = status, list(headers), 1_700_000_000.5
                assert keep_alive_head(status, headers, "fg", task.start_time) == task.build_response_header()
                assert not task.close_on_finish and not task.chunked_response
    finally:
        a.close()
        b.close()
        server.close()


@pytest.mark.embedded_only
def test_a_request_expecting_100_continue_is_never_kept(predispatch_server):
    """A client that sends ``Expect: 100-continue`` waits for "100 Continue" before its body: its
    header block is never held back as the start of a kept request."""
    url, seen, _, _ = predispatch_server
    query = "ASK { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?o }"
    head, body = _form_post(query, extra=b"Expect: 100-continue\r\n")
    port = int(url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        for _ in range(8):  # proven by a worker, then pre-dispatched: never kept
            seen.clear()
            s.sendall(head)
            assert s.recv(25) == b"HTTP/1.1 100 Continue\r\n\r\n"  # at once: not held back (a hang times out)
            _, answer = _exchange(s, [body])[0]
            assert b'"boolean": true' in answer.replace(b'":true', b'": true')
            assert ("repeat", True) not in seen
