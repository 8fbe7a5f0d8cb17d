"""``floorgraph serve``: the web app (SPARQL endpoint, pages, APIs) under waitress (app/web/waitress_server.py),
or granian behind a reverse proxy."""
from __future__ import annotations

import argparse
import os
import sys

from app.cli import add_common


def register(subparsers) -> None:
    p = subparsers.add_parser("serve", help="serve the web app and the SPARQL endpoint (waitress)")
    add_common(p)
    p.add_argument("--host", default=None, help="interface to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=None, help="port (default 5000)")
    p.add_argument("--threads", type=int, default=8, help="worker threads (default 8)")
    p.add_argument("--server", choices=("waitress", "granian"), default=None,
                   help="HTTP server (default: FLOORGRAPH_SERVER, else waitress); granian (Rust) "
                        "costs less per request but never drops sockets that send nothing and has "
                        "no timeout on request bodies (20 stalled uploads lock out every client): "
                        "use it only behind a reverse proxy that buffers requests")
    p.add_argument("--reload-on-change", action="store_true", default=None,
                   help="switch to a new complete build of the data dir when `floorgraph build` swaps one in "
                        "(in-flight requests finish on the old build; a torn or failing build is logged and "
                        "ignored); also FLOORGRAPH_RELOAD_ON_CHANGE=1")
    p.set_defaults(func=run)


def ensure_graph(config) -> bool:
    """Build the artefacts first when ``config.graph_file`` is missing.  False if impossible."""
    needed = (config.graph_file, config.index_dir / "manifest.json", config.qa_dir / "manifest.json")
    missing = [p for p in needed if not p.exists()]
    if not missing:
        return True
    print(f"floorgraph serve: {missing[0]} is missing; building the data dir first ...", file=sys.stderr)
    try:
        from app.pipeline import build
    except ImportError as exc:
        print("floorgraph serve: cannot build the graph: graph.build.build is not available "
              f"({exc}). Run `floorgraph build` first, or point --data-dir at a folder holding graph.nt.",
              file=sys.stderr)
        return False
    build(config)
    if not config.graph_file.exists():
        print(f"floorgraph serve: the build did not produce {config.graph_file}", file=sys.stderr)
        return False
    return True


def waitress_options(config, threads: int = 8) -> dict:
    """waitress settings against slow and idle clients (issue 10, D12).

    waitress parses requests in its event loop and hands only complete requests to the ``threads``,
    so idle or half-sent connections cost a socket, not a thread; its *default* limit of 100
    connections, though, let 100 idle sockets lock everyone out.  Allow many more sockets and drop
    the silent ones sooner.  Behind a reverse proxy, the proxy's own limits apply first.

    Why waitress and not gunicorn: measured with ``benchmarks/load.py --server`` (16 clients on
    /api/ask with 10 pathological SPARQL clients), gunicorn's gthread worker (1 process x 8
    threads) gave the same p99 (603 against 596 ms) and two processes were far worse (p99 8 s:
    each has its own engine and SPARQL workers on 2 cores); but gthread reads requests on its
    worker threads, so 100 idle half-open sockets left /healthz unanswered for 10 s.
    """
    return {
        "threads": threads,
        "connection_limit": config.connection_limit,
        "channel_timeout": config.channel_timeout_s,
        "cleanup_interval": max(1, min(30, int(config.channel_timeout_s // 2) or 1)),
        "backlog": 2048,
        "ident": "floorgraph",
    }


def granian_options(config, threads: int = 8) -> dict:
    """granian settings close to :func:`waitress_options`: one worker process (one runtime: one
    engine and one set of SPARQL workers), ``threads`` threads running the app, connections
    handled by its Rust event loop (idle or half-sent ones cost a socket, not a thread), a
    request's headers must arrive within ``channel_timeout``, at most ``connection_limit``
    requests in progress.

    Why it is not the default: measured here, granian closes half-sent headers and idle
    keep-alive connections after the header timeout but keeps a socket that never sends a byte
    open for good, has no cap on open sockets, and has no timeout on reading a request body
    (granian issue #728, wontfix): its WSGI threads read bodies as the app asks, so 20 POSTs
    stalled mid-body held all 8 threads and /healthz went unanswered for over 10 s
    (tests/test_serve_cli.py, a strict xfail).  waitress reads whole requests on its event loop,
    drops silent sockets after ``channel_timeout`` and caps them at ``connection_limit``.  Behind
    a reverse proxy that buffers request bodies and bounds client connections (nginx does both
    by default), granian is the faster choice (~0.1-0.2 ms less per request)."""
    from granian.constants import Interfaces

    return {
        "address": config.host,
        "port": config.port,
        "interface": Interfaces.WSGI,
        "workers": 1,
        "blocking_threads": threads,
        "backlog": 2048,
        "backpressure": max(threads, config.connection_limit),
        "http1_settings": _granian_http1(config),
        "websockets": False,
        "factory": True,
        "log_access": False,
    }


def _granian_http1(config):
    from granian.http import HTTP1Settings

    return HTTP1Settings(header_read_timeout=int(min(60, max(1, config.channel_timeout_s)) * 1000))


def _serve_granian(config, threads: int) -> int:
    """Run the app under granian: it imports :func:`app.web.served.create_served_app` in its worker
    process, which builds the runtime there (``FLOORGRAPH_DATA_DIR`` carries the data dir)."""
    import os

    from granian import Granian

    os.environ["FLOORGRAPH_DATA_DIR"] = str(config.data_dir)
    if config.reload_on_change:
        os.environ["FLOORGRAPH_RELOAD_ON_CHANGE"] = "1"
    print(f"floorgraph: serving http://{config.host}:{config.port}/ with granian (SPARQL at /sparql; "
          f"warming up the question engine)", file=sys.stderr)
    _raise_fd_limit(config.connection_limit)
    Granian("app.web.served:create_served_app", **granian_options(config, threads)).serve()
    return 0


def _raise_fd_limit(needed: int) -> None:
    """Each connection is a file descriptor: lift the soft limit towards the hard one if needed."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = needed + 256
    if soft != resource.RLIM_INFINITY and soft < want:
        new = want if hard == resource.RLIM_INFINITY else min(want, hard)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (new, hard))
        except (ValueError, OSError):
            pass


def run(args: argparse.Namespace) -> int:
    from app.config import Config

    config = Config.from_env(data_dir=args.data_dir, host=args.host, port=args.port,
                             reload_on_change=getattr(args, "reload_on_change", None))
    if not ensure_graph(config):
        return 2
    from app.builddir import verify_build
    from app.runtime import Runtime

    verify_build(config.data_dir)  # refuse a torn or altered build before loading any of it
    server = args.server or os.environ.get("FLOORGRAPH_SERVER", "waitress")
    if server == "granian":
        return _serve_granian(config, args.threads)
    if server != "waitress":
        print(f"floorgraph serve: unknown server {server!r}: waitress or granian", file=sys.stderr)
        return 2
    if config.reload_on_change:
        return _serve_reloading(config, args.threads)
    runtime = Runtime(config)
    # Listen at once; the engine, the model and the SPARQL workers warm up meanwhile (started
    # before the web app's imports, which then overlap them), and /healthz says "warming" until
    # they are ready; a question asked before that is told so (503 + Retry-After).
    runtime.warm_in_background()
    from app.web import create_app

    app = create_app(runtime=runtime)
    print(f"floorgraph: serving http://{config.host}:{config.port}/ (SPARQL at /sparql; "
          f"warming up the question engine)", file=sys.stderr)
    try:
        _raise_fd_limit(config.connection_limit)
        _run_waitress(app, config, args.threads)
    finally:
        runtime.close()
    return 0


def _run_waitress(app, config, threads: int) -> None:
    """waitress as floorgraph runs it (app/web/waitress_server.py: stock waitress, with cheap
    SPARQL answered on the event loop and one send per small response), until stopped."""
    import logging

    from app.web.waitress_server import answer_inline_of, answer_repeated_of, create_floorgraph_server, runs_inline_of

    logging.basicConfig()  # as waitress.serve does: its warnings (connection limit reached) are shown
    server = create_floorgraph_server(app, runs_inline=runs_inline_of(app),
                                      answer_inline=answer_inline_of(app), answer_repeated=answer_repeated_of(app), host=config.host,
                                      port=config.port, **waitress_options(config, threads))
    server.print_listen("Serving on http://{}:{}")
    server.run()


def _serve_reloading(config, threads: int) -> int:
    """waitress over :class:`app.reload.ReloadingApp`: each build served from its own snapshot and
    runtime, a new complete build switched in whole (see app/reload.py)."""
    import signal

    from app.reload import ReloadingApp, log_to_stderr
    from app.web import create_app

    log_to_stderr()
    app = ReloadingApp(config, lambda runtime: create_app(runtime=runtime))
    app.start()
    # SIGTERM ends the server through the `finally` below: the snapshots it served from go with it
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"floorgraph: serving http://{config.host}:{config.port}/ (SPARQL at /sparql; warming up the "
          f"question engine; reloading when a new build of {config.data_dir} is swapped in)", file=sys.stderr)
    try:
        _raise_fd_limit(config.connection_limit)
        _run_waitress(app, config, threads)
    finally:
        app.close()
    return 0

