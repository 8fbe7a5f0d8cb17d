"""Real external SPARQL 1.1 servers for the tests: `oxigraph serve` (PyPI `oxigraph`) and Virtuoso
Open Source (Debian `virtuoso-opensource`), each on free loopback ports over a temporary database."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import requests
from app.ports import free_port


@dataclass
class SparqlServer:
    name: str
    query_url: str
    update_url: str
    proc: subprocess.Popen
    workdir: Path

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)


def _wait_http(url: str, proc: subprocess.Popen, timeout: float, log: Path | None = None) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}: "
                               f"{log.read_text(errors='replace')[-2000:] if log and log.exists() else ''}")
        try:
            r = requests.get(url, params={"query": "ASK { ?s ?p ?o }"},
                             headers={"Accept": "application/sparql-results+json"}, timeout=2)
            if r.status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"server at {url} did not answer within {timeout} s")


def oxigraph_binary() -> str:
    import sys

    candidate = Path(sys.executable).parent / "oxigraph"
    return str(candidate) if candidate.exists() else (shutil.which("oxigraph") or "oxigraph")


def start_oxigraph(workdir: Path, read_only: bool = False) -> SparqlServer:
    """`oxigraph serve --location DIR` (or serve-read-only over an existing DIR)."""
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = workdir / "oxigraph.log"
    cmd = [oxigraph_binary(), "serve-read-only" if read_only else "serve", "--location", str(workdir / "db"),
           "--bind", f"127.0.0.1:{port}"]
    proc = subprocess.Popen(cmd, stdout=open(log, "wb"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    _wait_http(base + "/query", proc, 60, log)
    return SparqlServer("oxigraph-server", base + "/query", base + "/update", proc, workdir)


VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = {sql_port}
LiteMode = 0
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 20
CheckpointInterval = 60
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
ThreadsPerQuery = 2
AsyncQueueMaxThreads = 4
DirsAllowed = ., {d}
DefaultIsolation = 2

[HTTPServer]
ServerPort = {http_port}
ServerRoot = {d}
MaxClientConnections = 20
ServerThreads = 20
MaxKeepAlives = 20
KeepAliveTimeout = 10
EnabledDavVSP = 0
HTTPProxyEnabled = 0

[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = 600
MaxSortedTopRows = 10000000
DefaultGraph =
"""


def isql(server: SparqlServer, statements: str) -> str:
    out = subprocess.run(["isql-vt", str(server.sql_port), "dba", "dba", f"exec={statements}"],
                         capture_output=True, text=True, timeout=600)
    if out.returncode != 0 or "*** Error" in out.stdout:
        raise RuntimeError(f"isql failed: {out.stdout[-2000:]} {out.stderr[-2000:]}")
    return out.stdout


def start_virtuoso(workdir: Path, buffers: int = 20000) -> SparqlServer:
    """`virtuoso-t -f` with a fresh database in ``workdir``; SPARQL Update granted to the endpoint."""
    if not shutil.which("virtuoso-t"):
        raise RuntimeError("virtuoso-t is not installed (scripts/setup.sh installs virtuoso-opensource)")
    workdir.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = workdir / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(d=workdir, sql_port=sql_port, http_port=http_port,
                                       buffers=buffers, dirty=buffers * 3 // 4))
    log = workdir / "virtuoso.log"
    proc = subprocess.Popen(["virtuoso-t", "-f", "-c", str(ini)], cwd=workdir,
                            stdout=open(workdir / "stdout.log", "wb"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{http_port}/sparql"
    _wait_http(url, proc, 120, log)
    server = SparqlServer("virtuoso", url, url, proc, workdir)
    server.sql_port = sql_port  # type: ignore[attr-defined]
    isql(server, "GRANT SPARQL_UPDATE TO \"SPARQL\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);")
    return server


def start_milvus_lite(workdir: Path, env: dict | None = None) -> SparqlServer:
    """`milvus-lite server` (gRPC, the Milvus client protocol) so several processes share one store;
    ``query_url`` is the URI pymilvus connects to; ``env``: extra environment (e.g. gRPC tracing)."""
    import sys

    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    exe = Path(sys.executable).parent / "milvus-lite"
    log = workdir / "milvus.log"
    proc = subprocess.Popen([str(exe), "server", "--data-dir", str(workdir / "data"), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=open(log, "wb"), stderr=subprocess.STDOUT,
                            env={**os.environ, **(env or {})})
    uri = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"milvus-lite exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.2)
    from app.stores.vectors import milvus_client

    client = milvus_client(uri)  # the process's shared channel gets floorgraph's keepalive options
    client.list_collections()  # answers the client protocol
    client.close()
    return SparqlServer("milvus-lite", uri, uri, proc, workdir)
