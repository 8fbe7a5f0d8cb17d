"""The slow-client probes of issue D12: whatever serves the app, 100 idle sockets (half of them
having sent half a request), or clients that send a request's headers and then only part of its
body, must not lock anyone out of ``/healthz``."""
from __future__ import annotations

import socket
import time

import requests


def assert_idle_sockets_do_not_lock_out_healthz(port: int, sockets: int = 100) -> None:
    """Open ``sockets`` idle connections, every other one a started but unfinished request
    (slowloris); then ``/healthz`` must answer 200 within one second."""
    socks = []
    try:
        for i in range(sockets):
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            if i % 2:
                s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # never finished
            socks.append(s)
        time.sleep(0.5)
        t0 = time.monotonic()
        r = requests.get(f"http://127.0.0.1:{port}/healthz", timeout=5)
        took = time.monotonic() - t0
        assert r.status_code == 200 and took < 1.0, took
    finally:
        for s in socks:
            s.close()


def assert_slow_bodies_do_not_lock_out_healthz(port: int, clients: int = 20) -> None:
    """``clients`` POSTs to /sparql that send their headers and 9 of the 100 body bytes they
    announce, then stall (slowloris on the body: more stalled requests than request threads);
    ``/healthz`` must still answer 200 within one second."""
    socks = []
    try:
        for _ in range(clients):
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                      b"Content-Length: 100\r\n\r\nquery=ASK")
            socks.append(s)
        time.sleep(0.5)
        t0 = time.monotonic()
        try:
            r = requests.get(f"http://127.0.0.1:{port}/healthz", timeout=3)
        except requests.Timeout:
            raise AssertionError(f"/healthz did not answer within 3 s behind {clients} stalled request bodies")
        took = time.monotonic() - t0
        assert r.status_code == 200 and took < 1.0, took
    finally:
        for s in socks:
            s.close()
