"""``python -m bss check [ROOT]``: validate the content without building the site."""
from __future__ import annotations

import sys
from pathlib import Path

from bss.problems import ContentError
from bss.prepare.pages.report import full_report
from bss.prepare.site import build_site


def main(argv: list[str]) -> int:
    """``check [ROOT]``: prepare the whole site short of the engine (``build_site``: every file read
    and checked, every page rendered to Markdown, so a text that cannot be filled in is caught too)
    and print every problem at once, or the translation report. Exit status 0 valid, 1 problems,
    2 usage. The fast feedback for whoever edits the content: no engine, no HTML, a second or so.
    The editor's save check runs the same ``build_site`` in its own process (editor/save_check.py)."""
    if not argv or argv[0] != "check":
        print("usage: python -m bss check [PROJECT_ROOT]", file=sys.stderr)
        return 2
    root = Path(argv[1] if len(argv) > 1 else ".")
    try:
        site = build_site(root)
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(f"Content is valid: {len(site.specs)} pages in {len(site.links.languages)} languages "
          f"({', '.join(site.links.languages)}).")
    print(full_report(site, root / "docs"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
