"""Lighthouse, mobile (its default: a mid-range phone on a throttled connection), on a built site.

    python bench/lighthouse.py [SITE_DIR] [--runs N]   (default: site/, built by `make site`; 3 runs)

Installs npm's `lighthouse` into bench/.lighthouse/ on first use and runs it with Debian's
Chromium, over the host-like server (gzip, cacheable). Targets (issue 6): performance at least 95;
accessibility, best practices and SEO 100; on the home page, a case study, the catalogue, a guide
chapter and a module page, in both languages. Prints each score and every audit that cost points.

Each page is measured ``--runs`` times and the run with the median performance score is reported,
as Lighthouse's own guidance on variability advises: on a machine shared with other builds one run
can lose 20 points of performance to another process's CPU (blocking time), and the next regains them.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
from pathlib import Path

from server import HostLikeServer
from transfer import CHROMIUM

ROOT = Path(__file__).resolve().parents[1]
TOOL = ROOT / "bench/.lighthouse"
VERSION = "13.5.0"
PAGES = {"home": "", "case study": "studii-de-caz/spalatorie-sociala-glodeni/", "catalogue": "studii-de-caz/",
         "guide chapter": "ghid/costificarea/",
         "module": "cursuri/contractarea-sociala/costul-serviciului/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


def lighthouse() -> Path:
    binary = TOOL / "node_modules/.bin/lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "install", "--prefix", str(TOOL), "--no-audit", "--no-fund", "--loglevel=error",
                        f"lighthouse@{VERSION}"], check=True)
    return binary


def run(binary: Path, url: str, out: Path) -> dict:
    subprocess.run([str(binary), url, "--quiet", "--output=json", f"--output-path={out}",
                    f"--only-categories={','.join(CATEGORIES)}",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                   check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    return json.loads(out.read_text(encoding="utf-8"))


def lost_points(report: dict) -> list[str]:
    lost = []
    for cid in CATEGORIES:
        for ref in report["categories"][cid]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                lost.append(f"{cid}: {ref['id']} {audit['score']:.2f} {audit.get('displayValue', '')}".rstrip())
    return lost


def median_run(binary: Path, url: str, out: Path, runs: int) -> dict:
    """The report whose performance score is the median of ``runs`` runs."""
    reports = sorted((run(binary, url, out) for _ in range(runs)), key=lambda r: r["categories"]["performance"]["score"])
    return reports[len(reports) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"))
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median is reported (default 3)")
    args = parser.parse_args()
    site = Path(args.site)
    if not site.is_dir():
        raise SystemExit(f"no built site at {site}: run `make site` first")
    binary = lighthouse()
    server = HostLikeServer(site)
    misses = []
    print(f"{'page':>22} " + " ".join(f"{c:>14}" for c in CATEGORIES))
    with tempfile.TemporaryDirectory() as tmp:
        for prefix in ("", "en/"):
            for label, path in PAGES.items():
                report = median_run(binary, f"{server.url}/{prefix}{path}", Path(tmp) / "report.json", args.runs)
                scores = {c: round(100 * report["categories"][c]["score"]) for c in CATEGORIES}
                name = f"{label} ({prefix[:-1] or 'ro'})"
                print(f"{name:>22} " + " ".join(f"{scores[c]:>14}" for c in CATEGORIES))
                for line in lost_points(report):
                    print(f"{'':>24}{line}")
                misses += [f"{name} {c} {scores[c]}" for c in CATEGORIES if scores[c] < TARGETS[c]]
    server.close()
    if misses:
        raise SystemExit("below target: " + "; ".join(misses))


if __name__ == "__main__":
    main()
