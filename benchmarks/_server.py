"""A real ``floorgraph serve`` on a free loopback port for the fuzz and load scripts, and its memory.

Only 127.0.0.1 is used.  RSS is summed over the server and its children (the SPARQL workers).
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import psutil
import requests

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.ports import free_port  # noqa: E402  (after ROOT is importable)


@dataclass
class Server:
    proc: subprocess.Popen
    url: str

    def rss_bytes(self) -> int:
        try:
            p = psutil.Process(self.proc.pid)
            return sum(q.memory_info().rss for q in [p, *p.children(recursive=True)])
        except psutil.Error:
            return 0

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)


def server_command(server: str, data_dir: str, port: int) -> list[str]:
    """``waitress``: `floorgraph serve` (8 threads).  ``gunicorn-gthread[:W:T]``: gunicorn with W
    worker processes of T threads each (default 1 x 8), over benchmarks/_wsgi.py; gunicorn must be
    importable (``pip install gunicorn``; it is not a dependency of floorgraph)."""
    if server == "waitress":
        return [sys.executable, "-m", "app.cli", "serve", "--data-dir", str(data_dir), "--port", str(port)]
    if server.startswith("gunicorn-gthread"):
        parts = server.split(":")
        workers, threads = (parts[1:2] or ["1"])[0], (parts[2:3] or ["8"])[0]
        return [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--worker-class", "gthread",
                "--workers", workers, "--threads", threads, "--timeout", "120", "--chdir", str(ROOT),
                "--pythonpath", str(ROOT / "benchmarks"), "_wsgi:app"]
    sys.exit(f"unknown server {server!r}: waitress or gunicorn-gthread[:WORKERS:THREADS]")


def start(data_dir: str, timeout_s: float = 300.0, env_extra: dict | None = None,
          server: str = "waitress") -> Server:
    if not (Path(data_dir) / "build.json").is_file():
        sys.exit(f"no build in {data_dir}: run `floorgraph build --data-dir {data_dir}` first")
    port = free_port()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
           "FLOORGRAPH_BENCH_DATA_DIR": str(Path(data_dir).resolve()), **(env_extra or {})}
    proc = subprocess.Popen(server_command(server, data_dir, port), cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"the server exited with {proc.returncode}")
        try:
            r = requests.get(url + "/healthz", timeout=2)
            # 200 with "warming" while the engine loads: questions get 503 until "ok"
            if r.status_code == 200 and r.json().get("status") == "ok":
                # load the question engine before measuring
                requests.get(url + "/api/ask", params={"q": "Who funds the work in Jordan?"}, timeout=300)
                return Server(proc, url)
        except (requests.RequestException, ValueError):
            pass
        time.sleep(0.5)
    proc.kill()
    sys.exit("the server did not come up")


def percentile(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, int(round(p / 100 * (len(sorted_values) - 1)))))
    return sorted_values[k]
