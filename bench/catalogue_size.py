"""The catalogue's weight as N grows: its page's HTML, gzip, in each language, with N generated
case studies added to the shipped ones (issue 26: at most 30 KB gzip at any N).

    python bench/catalogue_size.py [N ...]      (default: 0 1000 2000)

Each N is one build of a temporary copy of the project (bench/project.py), search index not built.
gzip at level 6, what web servers use by default.
"""
from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from project import make_engine

BUDGET_KB = 30
PAGES = {"ro": "studii-de-caz/index.html", "en": "en/studii-de-caz/index.html"}


def sizes(n: int, work: Path) -> dict[str, tuple[int, int]]:
    """Each language's catalogue page: (bytes, bytes gzip), built with ``n`` case studies added."""
    engine = make_engine(n, work)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BSS_SEARCH_INDEX": "0"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(engine / "mkdocs.yml"),
                    "-d", str(engine / "site")], cwd=engine, env=env, check=True, stdout=subprocess.DEVNULL)
    out = {}
    for lang, page in PAGES.items():
        html = (engine / "site" / page).read_bytes()
        out[lang] = (len(html), len(gzip.compress(html, compresslevel=6)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[0, 1000, 2000])
    args = parser.parse_args()
    print("| N added | language | HTML KB | gzip KB | budget |\n|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            for lang, (raw, packed) in sizes(n, Path(tmp)).items():
                verdict = "OK" if packed <= BUDGET_KB * 1024 else "OVER"
                print(f"| {n:,} | {lang} | {raw / 1024:.1f} | {packed / 1024:.1f} | {verdict} |", flush=True)


if __name__ == "__main__":
    main()
