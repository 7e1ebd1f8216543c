"""``make serve``: the live preview (the ``preview`` package, hooks/preview/live.py).

    python tools/serve.py [--dev-addr 127.0.0.1:8000] [-f mkdocs.yml]

Named ``serve`` and not ``preview``: run as a script, this folder comes first on ``sys.path``, and a
``tools/preview.py`` would hide the ``preview`` package it starts.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from preview.live import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
