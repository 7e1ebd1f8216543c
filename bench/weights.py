"""Page weight: what a reader's browser transfers, measured in Chromium on a built site.

    python bench/weights.py [SITE_DIR]      (default: site/, built by `make site`)

Budgets (issue 6): a case-study page's first visit (empty cache) at most 200 KB in all; any
second page of the site at most 30 KB; the quiz script at most 8 KB gzip. The search page is
measured by search_payload.py (its budget is the first search: 300 KB).
"""
from __future__ import annotations

import gzip
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from server import HostLikeServer
from transfer import ARGS, BUDGET_FIRST_VISIT, BUDGET_NEXT_PAGE, CHROMIUM, KB, Recorder

ROOT = Path(__file__).resolve().parents[1]

FIRST = {"case study": "studii-de-caz/spalatorie-sociala-glodeni/", "home": "", "guide chapter": "ghid/costificarea/",
         "module": "cursuri/contractarea-sociala/costul-serviciului/"}
NEXT = {"another case study": "studii-de-caz/centru-barnahus-balti/", "home": "",
        "catalogue": "studii-de-caz/", "results": "rezultate/", "programme": "programe/ssmb-2021/",
        "partner": "parteneri/keystone-moldova/", "guide chapter": "ghid/costificarea/",
        "whole guide": "ghid/complet/", "glossary": "glosar/", "course": "cursuri/servicii-comunitare/",
        "module": "cursuri/contractarea-sociala/costul-serviciului/",
        "certificate": "cursuri/servicii-comunitare/certificat/"}


def verdict(size: int, budget: int) -> str:
    return "OK" if size <= budget else "OVER BUDGET"


def measure(site: Path) -> bool:
    ok = True
    server = HostLikeServer(site)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for prefix in ("", "en/"):
            print(f"\n[{prefix or 'ro/'}] first visit, empty cache (budget for a case study {BUDGET_FIRST_VISIT // KB} KB)")
            for label, path in FIRST.items():
                ctx = browser.new_context()
                got = Recorder(ctx.new_page()).visit(f"{server.url}/{prefix}{path}")
                kinds = ", ".join(f"{k} {v / KB:.1f}" for k, v in got.by_kind().most_common())
                mark = verdict(got.total, BUDGET_FIRST_VISIT)
                ok &= mark == "OK" or label != "case study"
                print(f"  {label:>20}: {got.total / KB:6.1f} KB  ({kinds})  {mark if label == 'case study' else ''}")
                ctx.close()
            print(f"[{prefix or 'ro/'}] next page after a case study (budget {BUDGET_NEXT_PAGE // KB} KB)")
            for label, path in NEXT.items():
                ctx = browser.new_context()
                recorder = Recorder(ctx.new_page())
                recorder.visit(f"{server.url}/{prefix}{FIRST['case study']}")
                got = recorder.visit(f"{server.url}/{prefix}{path}")
                mark = verdict(got.total, BUDGET_NEXT_PAGE)
                ok &= mark == "OK"
                print(f"  {label:>20}: {got.total / KB:6.1f} KB  {mark}")
                ctx.close()
        browser.close()
    server.close()
    return ok


COURSE_SCRIPTS = ("progress.js", "quiz.js", "course.js")  # a course's pages load the three


def main() -> None:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    scripts = [ROOT / "overrides/assets/js" / name for name in COURSE_SCRIPTS]
    raw, size = sum(s.stat().st_size for s in scripts), sum(len(gzip.compress(s.read_bytes(), 9)) for s in scripts)
    print(f"course scripts ({', '.join(COURSE_SCRIPTS)}): {raw:,} bytes, {size:,} bytes gzip (budget 8,192): "
          f"{verdict(size, 8 * KB)}")
    if not site.is_dir():
        raise SystemExit(f"no built site at {site}: run `make site` first")
    if not measure(site) or size > 8 * KB:
        raise SystemExit("over budget")


if __name__ == "__main__":
    main()
