"""``make serve``: the live preview (the ``preview`` package, hooks/preview/live.py).

    python tools/serve.py [--engine mkdocs|properdocs] [--dev-addr 127.0.0.1:8000] [-f mkdocs.yml]

``--engine properdocs`` (``make serve ENGINE=properdocs``) runs the preview on ProperDocs: its
``properdocs.replacement`` answers every ``import mkdocs...`` below with ProperDocs' own module, as
``python -m properdocs`` does for the hook, Material and static-i18n (MAINTAINING.md).

Named ``serve`` and not ``preview``: run as a script, this folder comes first on ``sys.path``, and a
``tools/preview.py`` would hide the ``preview`` package it starts.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from build import ENGINES, engine_argument  # noqa: E402  (tools/build.py: the same --engine as make site)


if __name__ == "__main__":
    name, args = engine_argument(sys.argv[1:])
    if name not in ENGINES:  # said as make site says it
        print(f"--engine is one of {', '.join(ENGINES)}", file=sys.stderr)
        sys.exit(2)
    if name == "properdocs":
        try:
            import properdocs.replacement  # noqa: F401  (before the first import of mkdocs)
        except ImportError:
            sys.exit("ProperDocs is not installed: pip install -e '.[properdocs]' (make serve ENGINE=properdocs installs it)")
    from preview.live import main
    sys.exit(main(args))

