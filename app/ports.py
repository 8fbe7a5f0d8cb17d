"""Free TCP ports on the loopback interface.

The tests and benchmarks start real servers (floorgraph, Oxigraph, Virtuoso, Milvus Lite) side by
side; each asks the OS for a port nobody holds rather than guessing one, so parallel runs on a
shared machine do not collide.
"""
from __future__ import annotations

import socket


def free_port(host: str = "127.0.0.1") -> int:
    """A port the OS reports free on ``host`` now (the caller binds it soon after)."""
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]
