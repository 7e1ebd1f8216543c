"""The live preview (``make serve``): MkDocs' live-reload server rebuilding on each change (live.py),
the rebuild state that lets a build skip unchanged pages (rebuilds.py) and the page that lists the
content's problems while there are any (problem_page.py). Imports MkDocs; the core (``bss``) never
imports this package. Entry point: ``preview.live.main(argv)`` (tools/serve.py)."""
