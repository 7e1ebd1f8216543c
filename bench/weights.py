"""Weights of what a reader's browser downloads, measured on a built site.

    python bench/weights.py [SITE_DIR]      (default: site/, built by `make site`)
"""
from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def main() -> None:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    script = ROOT / "overrides/assets/js/quiz.js"
    size = gz(script)
    print(f"quiz script: {script.stat().st_size:,} bytes, {size:,} bytes gzip (budget 8,192): "
          f"{'OK' if size <= 8192 else 'OVER BUDGET'}")
    if not site.is_dir():
        print(f"(no built site at {site}: run `make site` for page weights)")
        return
    for label, page in (("home", "index.html"), ("case study", "studii-de-caz/respiro-floresti/index.html"),
                        ("guide chapter", "ghid/costificarea/index.html"),
                        ("module", "cursuri/servicii-comunitare/costificare-si-contractare/index.html")):
        print(f"{label:>14}: {gz(site / page):>7,} bytes gzip HTML")


if __name__ == "__main__":
    main()
