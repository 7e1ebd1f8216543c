"""The private names of MkDocs' live-reload server the preview relies on, checked at start-up.

The preview (live.py) subclasses ``mkdocs.livereload.LiveReloadServer`` and reaches into names
MkDocs does not promise to keep: the reload script's template, the request handler it overrides,
the epoch condition it waits on, the watch tables it rebuilds when it falls back to polling. They
are those of MkDocs 1.6.x (and of ProperDocs 1.6.x, which answers ``import mkdocs`` with the same
code). A release that renamed one would make the preview fail later, mid-request, with an
AttributeError; checked at start-up, it stops at once naming the name and the versions it needs.
"""
from __future__ import annotations

import mkdocs
import mkdocs.livereload as livereload

NEEDS = "mkdocs>=1.6.1,<1.7 (or properdocs>=1.6,<1.7)"
MODULE = ("_SCRIPT_TEMPLATE",)  # the reload script, served as a file of the site's own origin
# Methods of LiveReloadServer the preview calls or overrides.
CLASS = ("_serve_request", "_inject_js_into_html", "serve_request", "watch", "serve", "shutdown")
# Attributes LiveReloadServer.__init__ sets, which the preview reads or replaces.
INSTANCE = ("_epoch_cond", "_visible_epoch", "_wanted_epoch", "_watched_paths", "_watch_refs",
            "observer", "builder", "error_handler")


def missing(server: object | None = None) -> list[str]:
    """The names the preview relies on that this MkDocs lacks: the module's and the class's, and
    with ``server`` (a LiveReloadServer just made), the attributes its ``__init__`` sets."""
    cls = livereload.LiveReloadServer
    found = [f"mkdocs.livereload.{name}" for name in MODULE if not hasattr(livereload, name)]
    found += [f"mkdocs.livereload.LiveReloadServer.{name}" for name in CLASS if not hasattr(cls, name)]
    if server is not None:
        found += [f"mkdocs.livereload.LiveReloadServer().{name}" for name in INSTANCE if not hasattr(server, name)]
    return found


def version() -> str:
    """The version of the engine that answers ``import mkdocs``: MkDocs', or ProperDocs'."""
    return str(getattr(mkdocs, "__version__", "unknown"))


def require(server: object | None = None) -> None:
    """Stop (SystemExit, its message on stderr) if a name the preview relies on is missing."""
    names = missing(server)
    if names:
        raise SystemExit(f"The live preview relies on {', '.join(names)}, which this MkDocs ({version()}) does not "
                         f"have: it needs {NEEDS}. Install that (pip install -e .), or build without the "
                         "preview: make site.")
