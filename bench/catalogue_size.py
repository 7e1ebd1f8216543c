"""The catalogue's weight as N grows: its page's HTML, gzip, in each language, with N generated
case studies added to the shipped ones (issue 26: at most 30 KB gzip at any N); the heaviest of its
other pages of results (numbered pages, each service type's and district's), and the index of every
card that the filters load (catalogue_lists.py), which only a reader who filters fetches.

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
LISTS = ("pagina/*/index.html", "tip/**/index.html", "raion/**/index.html")
INDEX = "cards.js"


def packed(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def sizes(n: int, work: Path) -> dict[str, dict[str, tuple[int, int]]]:
    """Each language's catalogue page, heaviest other page of results and index of every card:
    (bytes, bytes gzip), built with ``n`` case studies added."""
    engine = make_engine(n, work)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BSS_SEARCH_INDEX": "0"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(engine / "mkdocs.yml"),
                    "-d", str(engine / "site")], cwd=engine, env=env, check=True, stdout=subprocess.DEVNULL)
    out = {}
    for lang, page in PAGES.items():
        catalogue = engine / "site" / page
        html = catalogue.read_bytes()
        others = [p.read_bytes() for pattern in LISTS for p in catalogue.parent.glob(pattern)]
        heaviest = max(others, key=packed, default=b"")
        index = (catalogue.parent / INDEX).read_bytes()
        out[lang] = {"catalogue": (len(html), packed(html)), "heaviest other page": (len(heaviest), packed(heaviest)),
                     f"{INDEX} (on first filter)": (len(index), packed(index))}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[0, 1000, 2000])
    args = parser.parse_args()
    print("| N added | language | file | KB | gzip KB | budget |\n|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            for lang, files in sizes(n, Path(tmp)).items():
                for name, (raw, gz) in files.items():
                    verdict = "-" if name.startswith(INDEX) else "OK" if gz <= BUDGET_KB * 1024 else "OVER"
                    print(f"| {n:,} | {lang} | {name} | {raw / 1024:.1f} | {gz / 1024:.1f} | {verdict} |", flush=True)


if __name__ == "__main__":
    main()
