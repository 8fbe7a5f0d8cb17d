"""Python CPU per stage of one cheap ``/sparql`` lookup as ``floorgraph serve`` answers it under
waitress (the default server): request parsing (the channel's, which remembers a repeated header
block, and waitress's own), the WSGI environ, the inline decision, the app (the SPARQL fast path
and the store) or the pre-dispatch answer that replaces it on the event loop, and the whole
request as the event loop runs it.

    .venv/bin/python benchmarks/profile_sparql_stages.py [--data-dir DIR] [--requests 3000] [--cprofile] [--query NAME]

Why a socketpair and not HTTP: on this shared 2-core machine a request's wall time is mostly
waiting for a core; thread CPU time (``time.thread_time_ns``) of each stage, run a few thousand
times on this one thread, says where the server's own work goes.  The whole-request line feeds
the real server the bytes `requests` sends and counts only requests answered on the event loop
(the first ones go to a worker and a request thread until the query is proven cheap); it is
timed twice: as a kept request (the same bytes again: app/web/waitress_repeats.py) and, with
the memo of kept requests off, as any request decided inline.
``--cprofile`` prints the functions of the whole request instead (slower, relative figures).
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_sparql import QUERIES  # noqa: E402  (after ROOT is importable)


def _mean_us(samples: list[int]) -> float:
    """Mean of the fastest 95% (a preempted sample says nothing about the code), in us."""
    kept = sorted(samples)[: max(1, int(len(samples) * 0.95))]
    return statistics.mean(kept) / 1000


def timed(fn, n: int) -> float:
    samples = []
    for _ in range(n):
        t = time.thread_time_ns()
        fn()
        samples.append(time.thread_time_ns() - t)
    return _mean_us(samples)


def request_bytes(query: str) -> bytes:
    """A form POST as `requests` sends it (the benchmark's client)."""
    body = urlencode({"query": query}).encode()
    return (b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:5000\r\nUser-Agent: python-requests/2.32.3\r\n"
            b"Accept-Encoding: gzip, deflate\r\nAccept: application/sparql-results+json\r\nConnection: keep-alive\r\n"
            b"Content-Length: %d\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n" % len(body)) + body


def main(argv: list[str] | None = None) -> int:
    from waitress.parser import HTTPRequestParser

    from app.commands.serve import waitress_options
    from app.config import Config
    from app.runtime import Runtime
    from app.web import create_app
    from app.web.sparql_fast import INLINE_KEY
    from app.web.waitress_server import InlineChannel, OneSendTask, answer_inline_of, answer_repeated_of, create_floorgraph_server, runs_inline_of

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir")
    ap.add_argument("--requests", type=int, default=3000)
    ap.add_argument("--cprofile", action="store_true")
    ap.add_argument("--query", default="cheap lookup", choices=sorted(QUERIES),
                    help="which of bench_sparql's queries (default: the cheap lookup)")
    args = ap.parse_args(argv)
    config = Config.from_env(data_dir=args.data_dir)
    runtime = Runtime(config)
    app = create_app(runtime=runtime)
    store = runtime.graph_store
    store.warm_up()
    server = create_floorgraph_server(app, runs_inline=runs_inline_of(app),
                                      answer_inline=answer_inline_of(app), answer_repeated=answer_repeated_of(app), host="127.0.0.1", port=0,
                                      **waitress_options(config, 8))
    query = QUERIES[args.query][0]
    raw = request_bytes(query)
    ours, client = socket.socketpair()
    ours.setblocking(False)
    channel = InlineChannel(server, ours, ("127.0.0.1", 40000), server.adj, map={})

    def drain() -> None:
        try:
            while client.recv(1 << 16, socket.MSG_DONTWAIT):
                pass
        except BlockingIOError:
            pass

    def parse():
        request = channel.parser_class(server.adj)  # what the channel parses with (a repeated header block: remembered)
        data = raw
        while data:
            data = data[request.received(data):]
        return request

    def answered() -> None:  # wait for a request a request thread took
        while channel.requests:
            time.sleep(0.001)
        drain()

    for _ in range(30):  # a worker proves the query cheap, then it runs in-process, then inline
        channel.received(raw)
        answered()
    n = args.requests
    try:
        if args.cprofile:
            import cProfile
            import pstats

            prof = cProfile.Profile()
            prof.enable()
            for _ in range(n):
                channel.received(raw)
                answered()
            prof.disable()
            pstats.Stats(prof).sort_stats("tottime").print_stats(30)
            return 0
        def whole_requests() -> tuple[list[int], int]:
            """Thread CPU of each request answered on the event loop; how many went to threads."""
            times, to_threads = [], 0
            for _ in range(n):
                t = time.thread_time_ns()
                channel.received(raw)
                drain()
                dt = time.thread_time_ns() - t
                if channel.requests:  # went to a request thread: not this thread's work
                    to_threads += 1
                    answered()
                else:
                    times.append(dt)
            return times, to_threads

        whole, on_threads = whole_requests()  # the very same bytes each time: a kept request
        kept, server.floorgraph_repeats = getattr(server, "floorgraph_repeats", None), None
        not_kept, more = whole_requests()  # as any request decided inline (app/web/waitress_repeats.py off)
        server.floorgraph_repeats = kept
        on_threads += more
        request = parse()

        def stock_parse(cls):
            request = cls(server.adj)
            data = raw
            while data:
                data = data[request.received(data):]

        def environ():
            request.get_body_stream().seek(0)
            return OneSendTask(channel, request).get_environment()

        decide = runs_inline_of(app)
        answer = answer_inline_of(app)

        def pre_dispatch() -> float:
            """The pre-dispatch answer alone (store query and headers; no WSGI call), on requests
            decided inline (a run preempted past the 2 ms budget withdraws that until the next run)."""
            samples = []
            while len(samples) < n:
                env = environ()
                if not decide(env):
                    call_app()  # runs it in-process: proven within the budget again
                    continue
                t = time.thread_time_ns()
                if answer(env) is None:
                    raise SystemExit(f"the pre-dispatch declined {args.query!r}")
                samples.append(time.thread_time_ns() - t)
            return _mean_us(samples)

        def call_app():
            env = environ()
            env[INLINE_KEY] = True
            b"".join(app(env, lambda status, headers, exc_info=None: None))

        base = "http://127.0.0.1:5000/sparql"
        stages = {
            "whole request on the event loop, kept bytes (-> sent)": _mean_us(whole) if whole else float("nan"),
            "whole request on the event loop, not kept (parse -> sent)":
                _mean_us(not_kept) if not_kept else float("nan"),
            "  parse (the channel's parser)": timed(parse, n),
            "  parse (waitress HTTPRequestParser)": timed(lambda: stock_parse(HTTPRequestParser), n),
            "  WSGI environ (waitress)": timed(environ, n),
            "  environ + inline decision": timed(lambda: decide(environ()), n),
            "  environ + app (fast path, store, headers)": timed(call_app, n),
            "  pre-dispatch answer (no WSGI call)": pre_dispatch(),
            "    GraphStore.query (checks, kept answer or run)": timed(
                lambda: store.query(query, timeout=config.sparql_timeout_s, row_limit=config.sparql_row_limit,
                                    base_iri=base, formats=("json", "turtle")), n),  # (demoted by a preempted run
            # past the in-process budget on a loaded machine: a worker proves it again, an outlier)
            "    Oxigraph query + JSON serialisation alone": timed(
                lambda: store.store.query(query, base_iri=base).serialize(
                    format=__import__("pyoxigraph").QueryResultsFormat.JSON), n),
        }
        print(f"{n} x {args.query!r} ({on_threads} answered by request threads, left out); "
              f"load average {os.getloadavg()[0]:.1f}; mean of the fastest 95%, thread CPU:")
        for name, us in stages.items():
            print(f"{name:55}{us:8.1f} us")
    finally:
        ours.close()
        client.close()
        server.close()
        runtime.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
