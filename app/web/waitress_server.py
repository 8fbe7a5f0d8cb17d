"""The waitress server ``floorgraph serve`` runs: stock waitress (its slow-client defences intact),
less per-request overhead on the SPARQL endpoint's cheap requests.

Why: measured with ``benchmarks/bench_sparql.py``, waitress answering a constant already costs
1.1-1.3x what ``oxigraph serve-read-only`` takes for a whole lookup, so a cheap ``/sparql`` request
stayed ~1.45-1.6x Oxigraph even once the app's own work was ~70 us.  A sampling profile of the
server showed where the rest goes: the hand-off of each request from waitress's event loop to a
request thread (a condition variable, a thread wake-up, the GIL changing hands - on a loaded
2-core machine, waiting for the scheduler), and two ``send`` calls per response (headers, then
body), each a full trip through the loopback TCP stack.  Two changes, both inside waitress's own
extension points (``channel_class``, ``task_class``, ``add_task``):

* **One send per small response.** :class:`OneSendTask` hands waitress the status line, headers
  and first body chunk as one buffer; waitress still does all the framing and checks.
* **Proven-cheap SPARQL on the event loop.** A request the app says it can answer at once - a
  plain ``/sparql`` request whose very same query last ran in-process within
  ``FLOORGRAPH_SPARQL_INLINE_MS`` (2 ms; :meth:`app.web.sparql_fast.SparqlFastPath.runs_inline`) -
  is served on the event loop thread instead of being queued for a request thread.  Such a run
  cannot wait on a SPARQL worker (``in_process_only``: if the proof was withdrawn meanwhile the
  answer is 503 + Retry-After), and a run that takes longer than its budget withdraws the proof,
  so the loop is never held longer than one over-budget run.  Everything else - pages,
  ``/api/ask``, ``/healthz``, any query not proven cheap - goes to the request threads as before.

Per-request work trimmed further (measured by stage on a cheap lookup, round 8): the response
header is built as waitress builds it, byte for byte, with header-name canonicalisation and the
Date remembered instead of redone per response; and the event loop no longer wakes itself at the
end of every request it answered (a pipe write, a select that returns at once and a pipe read):
the loop looks at every channel again when the handler returns anyway.  Request threads still
wake it.

Round 9, with the answer cache off (``FLOORGRAPH_SPARQL_ANSWER_CACHE_MB=0``) the cheap lookup was
still 1.38-1.41x Oxigraph, so two more cuts (Python CPU per cheap lookup on the loop 107 -> 82 us):

* **Pre-dispatch.** A request decided inline is first offered to ``answer_inline`` (the fast
  path's :meth:`app.web.sparql_fast.SparqlFastPath.answer_decided`: the same store call, checks
  and headers), whose (status, headers, body) :class:`PreparedTask` sends through waitress's own
  header and framing code - no WSGI environ read by the app, no Flask call, no ``start_response``
  validation of headers the fast path wrote itself.  When it declines (an error, a URL changed
  since deciding) the WSGI app answers as before.
* **A repeated header block is not parsed again** (:mod:`app.web.waitress_parse_cache`): 15 -> 3 us.

Round 11, answer cache off, the cheap lookup was still 1.26-1.36x Oxigraph: of ~125 us of server
CPU per lookup only ~35 us was the store call.  **A request whose very bytes were pre-dispatched
before** (:mod:`app.web.waitress_repeats`) is answered straight from the channel's ``received``:
no parser, environ, inline decision or task; the app's ``answer_repeated`` checks the proof again
and runs the query; waitress answers the bytes as usual whenever it declines.  Event-loop CPU per
lookup (raw keep-alive client) 127 -> 76 us.

waitress's protections are untouched: requests are still read by the event loop (idle and
half-sent sockets cost a socket, not a thread), ``connection_limit`` and ``channel_timeout``
apply, and bodies are complete before the app sees them.
"""
from __future__ import annotations

import threading
import time
from operator import itemgetter

from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer, create_server
from waitress.task import WSGITask

from app.web.sparql_fast import INLINE_KEY  # the environ flag that tells the app where it runs
from app.web.waitress_parse_cache import RememberingParser
from app.web.waitress_repeats import RepeatedRequests, canonical_header as _canonical, \
    http_date as _http_date, keep_alive_head


class OneSendTask(WSGITask):
    """A WSGI task whose headers leave in the same ``send`` as the first body chunk, built with
    less work than waitress's own (same bytes: see :meth:`build_response_header`)."""

    def build_response_header(self):
        """waitress's ``Task.build_response_header``, line for line, with the per-header work
        remembered: header names are canonicalised once per distinct name and the Date once per
        second, instead of both on every response (~10 us of a ~90 us cheap /sparql request)."""
        version = self.version
        connection = self.request.headers.get("CONNECTION", "").lower()
        has_body = self.has_body
        response_headers = []
        content_length_header = date_header = server_header = None
        for headername, headerval in self.response_headers:
            headername = _canonical(headername)
            if headername == "Content-Length":
                if not has_body:
                    continue
                content_length_header = headerval
            elif headername == "Date":
                date_header = headerval
            elif headername == "Server":
                server_header = headerval
            response_headers.append((headername, headerval))
        self.response_headers = response_headers

        if content_length_header is None and self.content_length is not None and has_body:
            content_length_header = str(self.content_length)
            self.response_headers.append(("Content-Length", content_length_header))

        if version == "1.0":
            if connection == "keep-alive":
                if not content_length_header:
                    self.set_close_on_finish()
                else:
                    self.response_headers.append(("Connection", "Keep-Alive"))
            else:
                self.set_close_on_finish()
        elif version == "1.1":
            if connection == "close":
                self.set_close_on_finish()
            if not content_length_header:
                if has_body:
                    self.response_headers.append(("Transfer-Encoding", "chunked"))
                    self.chunked_response = True
                if not self.close_on_finish:
                    self.set_close_on_finish()
        else:
            raise AssertionError("neither HTTP/1.0 or HTTP/1.1")

        ident = self.channel.server.adj.ident
        if not server_header:
            if ident:
                self.response_headers.append(("Server", ident))
        else:
            self.response_headers.append(("Via", ident or "waitress"))
        if not date_header:
            self.response_headers.append(("Date", _http_date(int(self.start_time))))

        # same-named headers keep their order (a stable sort on the name), as waitress does
        lines = [f"HTTP/{self.version} {self.status}"]
        lines += ["%s: %s" % hv for hv in sorted(self.response_headers, key=itemgetter(0))]
        return ("%s\r\n\r\n" % "\r\n".join(lines)).encode("latin-1")

    def write(self, data):
        if self.wrote_header or not data:
            return super().write(data)
        channel = self.channel
        parts: list = []
        # waitress writes the header, then the (framed) chunk, through channel.write_soon; collect
        # both and hand them over at once.  Only this task writes to its channel meanwhile (one
        # task per channel at a time), and the event loop never calls write_soon.
        channel.write_soon = parts.append
        try:
            super().write(data)
        finally:
            del channel.write_soon
        return channel.write_soon(b"".join(parts))

    def get_environment(self):
        decided = getattr(self.request, "floorgraph_environ", None)  # built when deciding (below)
        if decided is not None and self.environ is None:
            self.environ = decided
        environ = super().get_environment()
        if getattr(self.channel, "running_inline", False):
            environ[INLINE_KEY] = True
        return environ


class PreparedTask(OneSendTask):
    """A task whose response the app already made (``request.floorgraph_answer``: status, headers,
    body): sent through waitress's own framing and header logic, without a WSGI call."""

    def execute(self):
        status, headers, body = self.request.floorgraph_answer
        self.status, self.response_headers, self.complete = status, list(headers), True
        self.write(body)


class InlineChannel(HTTPChannel):
    """A channel that runs the requests its server marks as inline right after reading them, on
    the event loop (see the module docstring); the others go to the request threads."""

    task_class = OneSendTask
    parser_class = RememberingParser  # a repeated header block is not parsed again
    inline_next = False  # set by FloorgraphServer.add_task, on the event loop thread
    running_inline = False

    def service(self):
        """waitress's ``service``; a request decided inline is first offered to the app's
        ``answer_inline`` (the pre-dispatch: no WSGI environ, app call or start_response), and
        answered through WSGI as before when that declines.  A pre-dispatched plain request is
        remembered by its bytes (:mod:`app.web.waitress_repeats`)."""
        request = self.requests[0]
        environ = getattr(request, "floorgraph_environ", None)
        answer_inline = getattr(self.server, "floorgraph_answer_inline", None)  # create_floorgraph_server's
        if self.running_inline and environ is not None and answer_inline is not None:
            try:
                request.floorgraph_answer = answer_inline(environ)
            except Exception:  # the WSGI path answers (and logs) whatever went wrong
                request.floorgraph_answer = None
            if request.floorgraph_answer is not None:
                raw, self.raw = self.raw, None
                self.task_class = PreparedTask
                try:
                    super().service()
                finally:
                    del self.task_class
                self._remember(raw, request, environ)
                return None
        return super().service()

    # -- a repeated request ----------------------------------------------------------------------
    raw = None  # the bytes of the request being read, when they are one whole request from an idle channel
    held = b""  # a kept request's header block, its body not yet here

    def _idle(self) -> bool:
        """Nothing read, queued, running or unsent on this channel, and it stays open."""
        return (self.request is None and not self.requests and not self.total_outbufs_len
                and self.connected and not self.will_close and not self.close_when_flushed)

    def _remember(self, raw, request, environ) -> None:
        """Keep a pre-dispatched request's bytes when it is the plain case (module docstring of
        app/web/waitress_repeats.py) and the connection stayed open."""
        repeats = getattr(self.server, "floorgraph_repeats", None)
        # (not request.expect_continue: waitress clears it once it has sent "100 Continue")
        if (repeats is not None and raw is not None and request.version == "1.1" and "EXPECT" not in request.headers
                and request.command in ("GET", "POST") and self._idle()):
            repeats.remember(raw, environ)

    def _answer_repeat(self, environ: dict) -> bool:
        """Answer a kept request again with the app's ``answer_repeated`` (which re-checks that it
        may run here and runs it); False when it declines (waitress then answers the bytes)."""
        try:
            made = self.server.floorgraph_answer_repeated(environ)
        except Exception:  # waitress and the WSGI path answer (and log) whatever went wrong
            made = None
        if made is None:
            return False
        status, headers, body = made
        out = keep_alive_head(status, headers, self.adj.ident, time.time()) + body
        # straight to the socket (the channel is idle: nothing is queued before it); what the socket
        # does not take goes through waitress's buffers, sent as it drains
        try:
            sent = self.send(out, do_close=False)  # wasyncore's send: 0 when it would block or the peer left
        except OSError:  # as waitress's own flush does with an unexpected socket error
            self.will_close = True
            return True
        if sent < len(out):
            self.write_soon(out[sent:])
        self.last_activity = time.time()
        return True

    def received(self, data):
        repeats = getattr(self.server, "floorgraph_repeats", None)
        if repeats is not None:
            if self.held:
                data, self.held = self.held + data, b""
            if self._idle():
                environ = repeats.get(data)
                if environ is not None and self._answer_repeat(environ):
                    return True
                if repeats.is_head_of_kept(data):  # wait for its body: the whole may be kept
                    self.held = data
                    return True
                self.raw = data if len(data) <= repeats.max_bytes else None
            elif self.raw is not None and self.request is not None and not self.requests \
                    and len(self.raw) + len(data) <= repeats.max_bytes:
                self.raw += data  # the rest of a request begun on an idle channel
            else:
                self.raw = None
        result = super().received(data)  # may call server.add_task (which may set inline_next)
        if self.raw is not None and not (len(self.requests) == 1 and self.request is None
                                         or not self.requests and self.request is not None):
            self.raw = None  # neither one whole request nor the start of one (pipelined requests)
        while self.inline_next:  # outside received's lock: service() takes it again
            self.inline_next = False
            self.running_inline = True
            try:
                self.service()  # may set inline_next again for a pipelined next request
            finally:
                self.running_inline = False
        return result


def _peek_environ(channel: HTTPChannel, request) -> dict:
    """The WSGI environ waitress would build for ``request`` (its own code), its body readable
    once; the caller puts the body stream's position back."""
    return OneSendTask(channel, request).get_environment()


def create_floorgraph_server(app, runs_inline=None, answer_inline=None, answer_repeated=None, **options):
    """A waitress server for ``app`` (options as :func:`waitress.serve` takes them).

    ``runs_inline(environ) -> bool``: which complete requests to answer on the event loop (None:
    none; every request then goes to the request threads, with one send per small response).
    ``answer_inline(environ) -> (status, headers, body) | None``: such a request's answer made
    without a WSGI call (None from it, or no function: the WSGI app answers it on the loop).
    ``answer_repeated(environ) -> (status, headers, body) | None``: the answer to a request whose
    very bytes were pre-dispatched before, given the environ decided then (it must check again
    that the request may run on the loop; None: waitress answers the bytes as usual); None: no
    request is remembered (app/web/waitress_repeats.py)."""
    server = create_server(app, **options)
    # one listening socket: the server itself; several (a host name with many addresses): each
    listeners = [server] if isinstance(server, BaseWSGIServer) else \
        [d for d in server.map.values() if isinstance(d, BaseWSGIServer)]
    for listener in listeners:
        listener.channel_class = InlineChannel
        listener.floorgraph_answer_inline = answer_inline if runs_inline is not None else None
        # behind a trusted proxy the environ depends on the peer too, not on the bytes alone
        if runs_inline is not None and answer_inline is not None and answer_repeated is not None \
                and not listener.adj.trusted_proxy:
            listener.floorgraph_repeats = RepeatedRequests()
            listener.floorgraph_answer_repeated = answer_repeated
        if runs_inline is not None:
            _inline_cheap_requests(listener, runs_inline)
    return server


def _inline_cheap_requests(server, runs_inline) -> None:
    loop_thread: list[int] = []  # the thread running the event loop (set when it first reads)
    to_threads = server.add_task

    def add_task(channel) -> None:
        if not loop_thread:
            loop_thread.append(threading.get_ident())
        # only a request read by the event loop itself may run there (a pipelined request queued
        # by a request thread's service() goes to the threads)
        if loop_thread[0] == threading.get_ident() and isinstance(channel, InlineChannel) \
                and _decide_inline(channel, runs_inline):
            channel.inline_next = True
        else:
            to_threads(channel)

    server.add_task = add_task

    # Waking the event loop from the event loop (the end of every request it answered inline)
    # only costs a pipe write, a select that returns at once and a pipe read: when the running
    # handler returns, the loop looks at every channel again anyway.  Other threads still wake it.
    wake_loop = server.pull_trigger

    def pull_trigger() -> None:
        if not loop_thread or loop_thread[0] != threading.get_ident():
            wake_loop()

    server.pull_trigger = pull_trigger


INLINE_PATHS = ("/sparql", "/sparql/")


def _decide_inline(channel, runs_inline) -> bool:
    request = channel.requests[0]
    if request.error or request.path not in INLINE_PATHS:  # the cheap test first: most requests stop here
        return False
    body = request.get_body_stream()
    position = body.tell()
    try:
        environ = _peek_environ(channel, request)
        inline = bool(runs_inline(environ))
    except Exception:  # a decision must never break the request: the threads will answer it
        return False
    finally:
        body.seek(position)
    if inline:  # the run reuses it (the app put back what it read of the body as a fresh stream)
        request.floorgraph_environ = environ
    return inline


def runs_inline_of(app):
    """The app's ``runs_inline`` predicate (the SPARQL fast path's), or None."""
    return _fast_path_method(app, "runs_inline")


def answer_inline_of(app):
    """The app's ``answer_decided`` (the SPARQL fast path's pre-dispatch answer), or None."""
    return _fast_path_method(app, "answer_decided")


def answer_repeated_of(app):
    """The app's ``answer_repeated`` (the SPARQL fast path's answer to a request kept by its
    bytes, app/web/waitress_repeats.py), or None."""
    return _fast_path_method(app, "answer_repeated")


def _fast_path_method(app, name: str):
    target = getattr(app, name, None)
    if target is None:
        target = getattr(getattr(app, "wsgi_app", None), name, None)
    return target
