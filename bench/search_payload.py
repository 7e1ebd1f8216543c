"""Search payload on a large site: what the first search fetches, per language, in Chromium.

A copy of the project gets N generated case studies (default 1,000, so 1,000+ case-study pages per
language); it is built with the hook, which runs Pagefind. Then, over a host-like server (gzip,
cacheable), a reader opens a case study, goes to the search page and searches: the bytes fetched
from the search page on are the first search's payload (budget 300 KB). A second query shows what
each further search costs. The same site's case-study and catalogue pages are weighed too.

    python bench/search_payload.py [N] [--material]

--material also builds the site with Material's own search plugin and prints the size of the index
it would load whole (the figure Pagefind is chosen against).
"""
from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from project import make_engine
from server import HostLikeServer
from transfer import ARGS, BUDGET_FIRST_VISIT, BUDGET_NEXT_PAGE, CHROMIUM, KB, Recorder

BUDGET_FIRST_SEARCH = 300 * KB
QUERIES = {"": ("asistenta", "servicii sociale"), "en/": ("support", "social services")}


def build(project: Path, site: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
                   check=True, cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return time.perf_counter() - started


def search(recorder: Recorder, page, url: str):
    """Search at ``url``; return what was fetched from the search page on, and the results shown."""
    recorder.visit(url)
    page.locator(".pagefind-ui__result").first.wait_for()
    page.wait_for_load_state("networkidle")
    got = recorder.collect()
    return got, page.locator(".pagefind-ui__result").count()


def measure_search(site: Path) -> bool:
    ok = True
    server = HostLikeServer(site)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for prefix, (first, second) in QUERIES.items():
            ctx = browser.new_context()
            page = ctx.new_page()
            recorder = Recorder(page)
            case = recorder.visit(f"{server.url}/{prefix}studii-de-caz/bench-00001/")
            catalogue = recorder.visit(f"{server.url}/{prefix}studii-de-caz/")
            got, shown = search(recorder, page, f"{server.url}/{prefix}cautare/?q={first}")
            total, index = got.total, got.by_kind()["search index"]
            recorder.reset()
            page.locator(".pagefind-ui__search-input").fill(second)
            page.wait_for_timeout(1500)
            page.wait_for_load_state("networkidle")
            more = recorder.collect()
            mark = "OK" if total <= BUDGET_FIRST_SEARCH else "OVER BUDGET"
            ok &= mark == "OK"
            lang = prefix or "ro/"
            print(f"[{lang}] first search '{first}': {total / KB:.1f} KB fetched ({index / KB:.1f} KB search files), "
                  f"{shown} results shown  {mark} (budget {BUDGET_FIRST_SEARCH // KB} KB)")
            for url, size in sorted(got.by_url.items(), key=lambda item: -item[1]):
                print(f"      {size / KB:6.1f} KB  {url.split('/', 3)[-1]}")
            print(f"[{lang}] next search '{second}': {more.total / KB:.1f} KB more")
            print(f"[{lang}] a case study, first visit: {case.total / KB:.1f} KB (budget {BUDGET_FIRST_VISIT // KB} KB); "
                  f"then the catalogue of all case studies: {catalogue.total / KB:.1f} KB "
                  f"(next-page budget {BUDGET_NEXT_PAGE // KB} KB)")
            ctx.close()
        browser.close()
    server.close()
    return ok


def material_index(project: Path, work: Path) -> None:
    """Build with Material's search plugin and weigh the index the browser would load whole."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("plugins:\n", "plugins:\n  - search\n", 1).replace("reconfigure_search: false",
                                                                              "reconfigure_search: true")
    variant = project / "mkdocs-material-search.yml"
    variant.write_text(config, encoding="utf-8")
    site = work / "material-site"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(variant), "-d", str(site)], check=True,
                   cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "BSS_SEARCH_INDEX": "0"})
    seconds = time.perf_counter() - started
    for index in sorted(site.rglob("search_index.json")):
        data = index.read_bytes()
        print(f"Material search index {index.relative_to(site)}: {len(data) / KB:,.0f} KB, "
              f"{len(gzip.compress(data, 6)) / KB:,.0f} KB gzip, loaded whole on first search "
              f"(build {seconds:.1f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", nargs="?", type=int, default=1000)
    parser.add_argument("--material", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        project = make_engine(args.n, work)
        site = work / "site"
        seconds = build(project, site)
        pages = {lang: len(list((site / lang / "studii-de-caz").glob("*/index.html"))) for lang in ("", "en")}
        index = sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file())
        print(f"N = {args.n}: {pages[''] :,} case-study pages in Romanian, {pages['en']:,} in English; "
              f"built with the Pagefind index in {seconds:.1f} s; index on disk {index / KB:,.0f} KB for both languages")
        ok = measure_search(site)
        if args.material:
            material_index(project, work)
    if not ok:
        raise SystemExit("over budget")


if __name__ == "__main__":
    main()
