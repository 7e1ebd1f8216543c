"""The search index: Pagefind, run over the built HTML once every language is built.

Pagefind splits the index by each page's <html lang>, so a reader searches their own language
only, and it folds diacritics (asistenta finds asistență, and cedilla ş ţ match ș ț). The browser
fetches the index in small chunks instead of one file for the whole site.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


def index_site(site_dir: Path, background: bool = False) -> str:
    """Index ``site_dir`` in place (into site_dir/pagefind/); returns what Pagefind reported.
    In the ``background`` (the live preview, after serving a rebuild) it yields the processor
    to the next rebuild."""
    nice = ["nice", "-n", "10"] if background and shutil.which("nice") else []
    result = subprocess.run([*nice, sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet",
                             "--exclude-selectors", ".headerlink, .bss-copy, .bss-back, .bss-url"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind could not index {site_dir}:\n{result.stdout}{result.stderr}")
    return f"Search index written to {site_dir / 'pagefind'}"
