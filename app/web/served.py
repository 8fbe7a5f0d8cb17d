"""The web app as ``floorgraph serve`` runs it, built from the environment: the WSGI target of a
server that imports its application in its own worker process (``serve --server granian``).

Built as ``serve`` builds it under waitress: one Runtime, warmed in the background, /healthz says
"warming" until it is ready.  The data dir comes from ``FLOORGRAPH_DATA_DIR`` (``serve`` sets it).
"""
from __future__ import annotations


def create_served_app():
    """Factory: called once in the server's worker process."""
    import atexit

    from app.builddir import verify_build
    from app.config import Config
    from app.runtime import Runtime
    from app.web import create_app

    config = Config.from_env()
    verify_build(config.data_dir)
    if config.reload_on_change:  # serve --reload-on-change: one runtime per build (app/reload.py)
        from app.reload import ReloadingApp, log_to_stderr

        log_to_stderr()
        app = ReloadingApp(config, lambda runtime: create_app(runtime=runtime))
        app.start()
        atexit.register(app.close)
        return app
    runtime = Runtime(config)
    runtime.warm_in_background()
    atexit.register(runtime.close)  # the SPARQL workers go with this process
    return create_app(runtime=runtime)
