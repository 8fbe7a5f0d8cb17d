"""A real ``floorgraph serve`` on a free loopback port for the fuzz and load scripts, and its memory.

Only 127.0.0.1 is used.  RSS is summed over the server and its children (the SPARQL workers).
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import psutil
import requests

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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


def start(data_dir: str, timeout_s: float = 300.0, env_extra: dict | None = None) -> Server:
    if not (Path(data_dir) / "build.json").is_file():
        sys.exit(f"no build in {data_dir}: run `floorgraph build --data-dir {data_dir}` first")
    port = free_port()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", **(env_extra or {})}
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--data-dir", str(data_dir),
                             "--port", str(port)], cwd=ROOT, env=env,
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
