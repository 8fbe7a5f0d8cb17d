"""The floorgraph web app as a WSGI module, so benchmarks/load.py can run it under gunicorn and
compare it with `floorgraph serve` (waitress).  Built as ``serve`` builds it: one Runtime, warmed
in the background, /healthz says "ok" when it is ready.  ``FLOORGRAPH_BENCH_DATA_DIR``: the data dir.
"""
from __future__ import annotations

import os

from app.builddir import verify_build
from app.config import Config
from app.runtime import Runtime
from app.web import create_app

config = Config.from_env(data_dir=os.environ["FLOORGRAPH_BENCH_DATA_DIR"])
verify_build(config.data_dir)
runtime = Runtime(config)
runtime.warm_in_background()
app = create_app(runtime=runtime)
