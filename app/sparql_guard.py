"""What a SPARQL query must pass before it may run, and the sandbox the query workers run in.

Three layers, cheapest first:

1. :func:`check_shape` - size, bracket nesting and operator-chain limits, a linear scan of the text
   that runs *before any parser*.  Deeply nested or huge queries crash recursive parsers (the
   store's Rust parser overflows its stack; rdflib's pyparsing recurses), so they are answered with
   400 here instead of killing a worker.
2. :func:`check_query` - the query is parsed by a real SPARQL grammar (rdflib's parser) and its
   parse tree *and* algebra are walked: any ``SERVICE`` (federation) is refused, and so is a
   ``FROM`` / ``FROM NAMED`` graph that the dataset does not hold.  Text matching cannot do this
   reliably (escapes such as ``ex:a\\#x`` fooled the old keyword filter into skipping a line).  A
   query rdflib cannot parse is refused: we never run what we could not inspect.
3. :func:`isolate_network` - pyoxigraph has no switch to turn its HTTP client (SERVICE) off, so the
   worker processes drop into a fresh, empty network namespace (``unshare(CLONE_NEWNET)``) before
   they load anything: even a query that slipped past (2) has no network to reach.  Where the OS
   refuses (no CAP_SYS_ADMIN), a warning is logged and layer (2) stands alone.

:func:`limit_memory` caps a worker's address space so a runaway query fails its allocation and the
worker dies alone, instead of the machine swapping.
"""
from __future__ import annotations

import ctypes
import logging
import os
import resource
import re
import sys
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from app.graphstore import QueryRefused, QuerySyntaxError

log = logging.getLogger(__name__)

CLONE_NEWNET = 0x40000000


class QueryTooComplex(QuerySyntaxError):
    """The query exceeds a size / nesting limit; it was not parsed."""

    status = 400


@dataclass(frozen=True)
class QueryLimits:
    """Limits checked before parsing.  The defaults leave room for any hand-written query
    (the bundled examples nest 3 deep and are < 1 KB) while staying far from where the parsers fail
    (rdflib near 30 nested brackets at the default recursion limit, Oxigraph in the thousands)."""

    max_chars: int = 20_000
    max_depth: int = 48
    max_operators: int = 400  # || && in one query: rdflib's expression parser is slow on long chains


@lru_cache(maxsize=512)
def _scan(sparql: str) -> tuple[int, int]:
    """(maximum bracket depth, number of || / && operators), skipping strings, IRIs and comments.

    Cached: a pure function of the text, a character loop in Python (~30 us for a short query, as
    long as Oxigraph takes to answer a lookup), and an endpoint sees the same texts again and again.

    Deliberately forgiving: an unterminated string simply runs to the end.  It only has to be a
    safe upper bound on what the parsers will see, not a parser.
    """
    depth = max_depth = ops = 0
    i, n = 0, len(sparql)
    while i < n:
        c = sparql[i]
        if c in "([{":
            depth += 1
            if depth > max_depth:
                max_depth = depth
        elif c in ")]}":
            depth = max(0, depth - 1)
        elif c == "#":
            j = sparql.find("\n", i)
            i = n if j < 0 else j
            continue
        elif c in "\"'":
            quote = sparql[i:i + 3] if sparql[i:i + 3] in ('"""', "'''") else c
            j = i + len(quote)
            while j < n:
                if sparql[j] == "\\":
                    j += 2
                    continue
                if sparql.startswith(quote, j):
                    break
                j += 1
            i = j + len(quote)
            continue
        elif c == "<":
            # an IRI ref has no spaces; otherwise this is the less-than operator
            j = i + 1
            while j < n and sparql[j] not in "<>\"{}|^`\\ \t\r\n":
                j += 1
            if j < n and sparql[j] == ">":
                i = j + 1
                continue
        elif c in "|&" and i + 1 < n and sparql[i + 1] == c:
            ops += 1
            i += 2
            continue
        i += 1
    return max_depth, ops


def check_shape(sparql: str, limits: QueryLimits = QueryLimits()) -> None:
    """Raise :class:`QueryTooComplex` (HTTP 400) when the query is too big or too deeply nested."""
    if len(sparql) > limits.max_chars:
        raise QueryTooComplex(
            f"query too long: {len(sparql)} characters (limit {limits.max_chars}); this endpoint "
            "answers hand-written queries - split the work into smaller queries")
    depth, ops = _scan(sparql)
    if depth > limits.max_depth:
        raise QueryTooComplex(
            f"query nested too deeply: {depth} levels of brackets (limit {limits.max_depth})")
    if ops > limits.max_operators:
        raise QueryTooComplex(
            f"query has too many || / && operators: {ops} (limit {limits.max_operators}); "
            "use VALUES or IN (...) for long alternatives")


# ------------------------------------------------------------------------------------------------
#  Parse-tree / algebra inspection
# ------------------------------------------------------------------------------------------------
def _nodes(obj, seen: set[int] | None = None) -> Iterable:
    """Every CompValue / list / dict node reachable from a parse result or an algebra, iteratively."""
    from pyparsing import ParseResults

    stack = [obj]
    seen = seen if seen is not None else set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        if isinstance(node, dict):  # CompValue is an OrderedDict
            stack.extend(node.values())
        elif isinstance(node, (list, tuple, ParseResults)):
            stack.extend(node)


def _name(node) -> str | None:
    return getattr(node, "name", None) if isinstance(node, dict) else None


# pyparsing is not thread-safe: the first calls of each parse action work out its arity by trying
# and catching TypeError, and two threads doing so at once can leave it permanently wrong ("query
# does not parse: TypeError: expandTriples() missing 1 required positional argument"). The web
# server's threads parse one at a time; verdicts are cached, so this costs little.
_PARSE_LOCK = threading.Lock()


def _prepare_parser() -> None:
    # Nesting within QueryLimits.max_depth needs more Python frames than the default 1000.
    if sys.getrecursionlimit() < 20_000:
        sys.setrecursionlimit(20_000)


# SERVICE and FROM are keywords: whatever the spelling, their letters are in the text, unless
# written with SPARQL's codepoint escapes (\u0053ERVICE), which the grammar allows anywhere.
_FEDERATION_HINT = re.compile(r"service|from|\\u|\\U", re.I)


def may_federate(sparql: str) -> bool:
    """Could ``sparql`` hold a SERVICE call or a FROM dataset clause?  ``False`` is certain (no
    such word, no escape, anywhere in the text, IRIs included), so a query built by floorgraph's
    own code need not be parsed by :func:`check_query`; ``True`` only means "parse it to know"."""
    return _FEDERATION_HINT.search(sparql) is not None


def check_query(sparql: str, known_graphs: Iterable[str] | None = None) -> None:
    """Parse ``sparql`` with rdflib's SPARQL grammar and refuse federation and foreign datasets.

    ``known_graphs``: the named-graph IRIs the store holds; ``FROM`` / ``FROM NAMED`` must name one
    of them (the store never fetches graphs, but a FROM <http://...> reads like a request to).
    """
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    _prepare_parser()
    try:
        with _PARSE_LOCK:
            parsed = parseQuery(sparql)
    except ParseBaseException as exc:
        raise QuerySyntaxError(f"query does not parse (the endpoint runs only queries it can inspect): {exc}") from None
    except RecursionError:
        raise QueryTooComplex("query nested too deeply to parse") from None
    except Exception as exc:  # noqa: BLE001 - rdflib raises plain exceptions for some bad input
        raise QuerySyntaxError(f"query does not parse: {type(exc).__name__}: {exc}") from None
    _refuse_federation(_nodes(parsed))
    try:
        with _PARSE_LOCK:
            algebra = translateQuery(parsed)
    except RecursionError:
        raise QueryTooComplex("query nested too deeply to analyse") from None
    except Exception:  # noqa: BLE001 - rdflib's algebra rejects some valid queries; the parse tree was checked
        algebra = None
    if algebra is not None:
        _refuse_federation(_nodes(algebra.algebra))
    # the algebra holds FROM IRIs with prefixes resolved; the parse tree is the fallback
    _refuse_foreign_datasets(algebra.algebra if algebra is not None else parsed, set(known_graphs or ()))


def _refuse_federation(nodes: Iterable) -> None:
    for node in nodes:
        if _name(node) == "ServiceGraphPattern":
            raise QueryRefused(
                "SERVICE (federated query) is refused: this endpoint does not call other endpoints.")


def _refuse_foreign_datasets(tree, known: set[str]) -> None:
    from rdflib.term import URIRef

    for node in _nodes(tree):
        if _name(node) != "DatasetClause":
            continue
        kind = "FROM NAMED" if "named" in node else "FROM"
        iri = dict.get(node, "named" if "named" in node else "default")
        if not isinstance(iri, URIRef) or str(iri) not in known:
            raise QueryRefused(
                f"{kind} <{iri}> is refused: this endpoint never fetches graphs, and its dataset "
                f"holds no graph of that name ({len(known)} named graphs; see the service description).")


# ------------------------------------------------------------------------------------------------
#  Worker sandbox
# ------------------------------------------------------------------------------------------------
def isolate_network() -> bool:
    """Move this process into a new, empty network namespace (no interfaces but a down loopback).

    Existing file descriptors (the pipe to the server) keep working.  Returns False, with a logged
    warning, where the OS does not allow it - the parse-tree check still refuses SERVICE.
    """
    if os.environ.get("FLOORGRAPH_WORKER_NETWORK") == "allow":  # debugging escape hatch
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.unshare(CLONE_NEWNET) == 0:
            return True
        err = ctypes.get_errno()
        reason = os.strerror(err)
    except (OSError, AttributeError) as exc:
        reason = str(exc)
    log.warning("SPARQL worker could not drop its network access (unshare(CLONE_NEWNET): %s); "
                "SERVICE is still refused by the query check", reason)
    return False


def current_address_space() -> int:
    """This process's virtual memory size in bytes (Linux /proc), 0 when unknown."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def limit_memory(extra_bytes: int) -> int | None:
    """Cap this process's address space at its current size plus ``extra_bytes`` (RLIMIT_AS).

    Called once the graph is loaded, so the budget is what one query may add.  Returns the limit set,
    or None when it could not be set.
    """
    if extra_bytes <= 0:
        return None
    base = current_address_space()
    if not base:
        return None
    limit = base + extra_bytes
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError) as exc:
        log.warning("could not limit SPARQL worker memory: %s", exc)
        return None
    return limit
