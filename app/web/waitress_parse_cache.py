"""waitress's request-header parsing, remembered per exact header block.

Why: on a cheap ``/sparql`` lookup answered on the event loop, waitress's ``parse_header`` (a
regex per header line, URI splitting, Content-Length and Transfer-Encoding checks) was the largest
single stage of the server's own work, ~16 us of ~110 us (``benchmarks/profile_sparql_stages.py``),
and a keep-alive client sends the very same header block again and again (same path, same
headers, same body length).  ``parse_header`` is a function of the header bytes and the server's
settings only, so its outcome can be kept and applied to the next request whose header block is
byte for byte the same.

What stays as it was: every request still goes through waitress's own ``received`` (header size
limit, body size limit, body read by the event loop, completion); a header block that fails to
parse is parsed again by waitress itself, leaving its partial state where waitress's error
answer reads it (a failure is never kept); a chunked request is parsed afresh (its body
receiver belongs to the request); a new body receiver is made for every request.  Bounded: at
most ``KEPT_HEADERS`` blocks of at most ``KEPT_HEADER_BYTES`` bytes (least recently used first).
"""
from __future__ import annotations

from functools import lru_cache

from waitress.buffers import OverflowableBuffer
from waitress.parser import HTTPRequestParser
from waitress.receiver import FixedStreamReceiver

KEPT_HEADERS = 256
KEPT_HEADER_BYTES = 8192
_IMMUTABLE = (str, bytes, int, float, bool, type(None))


@lru_cache(maxsize=KEPT_HEADERS)
def _parsed(header_plus: bytes, adj) -> tuple[tuple, tuple] | None:
    """(attributes parse_header set, headers) for this header block, or None when they cannot be
    reused (a chunked body, or anything mutable besides the headers and the body receiver).
    Raises what parse_header raises (lru_cache keeps no exception)."""
    parser = HTTPRequestParser(adj)
    before = dict(vars(parser))
    parser.parse_header(header_plus)
    if parser.chunked:
        return None
    fields = {k: v for k, v in vars(parser).items()
              if k not in ("headers", "body_rcv") and (k not in before or before[k] is not v)}
    if not all(isinstance(v, _IMMUTABLE) for v in fields.values()):
        return None
    return tuple(fields.items()), tuple(parser.headers.items())


class RememberingParser(HTTPRequestParser):
    """waitress's parser, with :meth:`parse_header`'s outcome reused for a repeated header block."""

    def parse_header(self, header_plus: bytes) -> None:
        kept = None
        if len(header_plus) <= KEPT_HEADER_BYTES and not self.headers:
            try:
                kept = _parsed(header_plus, self.adj)
            except Exception:  # noqa: BLE001 - waitress's own parse raises it again, below, leaving
                kept = None  # on this request what its error answer reads (version, Connection)
        if kept is None:
            return super().parse_header(header_plus)
        fields, headers = kept
        self.__dict__.update(fields)
        self.headers.update(headers)
        if self.content_length > 0:  # as parse_header does: a fresh receiver for this body
            self.body_rcv = FixedStreamReceiver(self.content_length, OverflowableBuffer(self.adj.inbuf_overflow))
        return None
