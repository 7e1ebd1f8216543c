"""Build speed and memory: the site engine against plain MkDocs on the same pages and the same menu.

For each N, a copy of the project gets N generated case studies (bench/project.py; they never
reach data/). Then, in turn, R times each:
  - engine: `mkdocs build` with the hook (load, validate, render YAML -> Markdown -> HTML; the case
            studies and their pages of results YAML -> HTML, which MkDocs hands on unconverted);
  - plain:  `mkdocs build` without the hook, of the same pages and the very menu the hook gives
            MkDocs (Material + i18n, same theme and overrides): the Markdown the engine generated,
            and the pages it makes in HTML written in Markdown, as a site built by MkDocs alone would
            hold them (bench/project.py; tests/test_html_pages.py checks that they say the same).
A first build of each, not counted, fills what every later build finds (the engine makes the guide's
PDFs once and keeps them, QR codes and compiled templates too): counted, it made the spread's top and,
one run in three, the median. Each build runs in its own process tree. Recorded per build: CPU seconds (user + system, of the
build and every process it started), peak memory (the largest resident set among them, ru_maxrss),
wall time, and the total size of the HTML written. Reported: the median and the spread (min-max)
of the R runs, the engine/plain ratio of medians, and for each doubling of N how each figure grew.
Compare ratios within one run: the machines here are shared and noisy.

    python bench/build_speed.py [N ...] [--repeat R]      (default: 1000 2000, R = 3)
"""
from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from project import make_projects

MEASURE = """
import resource, subprocess, sys, time, json
t = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
wall = time.perf_counter() - t
use = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": code, "wall": wall, "cpu": use.ru_utime + use.ru_stime, "peak_mb": use.ru_maxrss / 1024}))
"""
FIGURES = ("cpu", "peak_mb", "wall", "html_mb")


def measure(project: Path) -> dict:
    site = project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BSS_SEARCH_INDEX": "0"}  # search: search_payload.py
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, sys.executable, "-m", "mkdocs", "build", "-q", "-f",
         str(project / "mkdocs.yml"), "-d", str(site)],
        capture_output=True, text=True, env=env, cwd=project, check=True,
    )
    result = json.loads(out.stdout)
    if result["code"] != 0:
        raise SystemExit(f"build failed in {project}")
    result["html_mb"] = sum(p.stat().st_size for p in site.rglob("*.html")) / 2**20
    return result


def summary(runs: list[dict]) -> dict:
    """For each figure: (median, min, max) of the runs."""
    return {k: (statistics.median(r[k] for r in runs), min(r[k] for r in runs), max(r[k] for r in runs)) for k in FIGURES}


def table(rows: list[tuple[int, dict, dict]]) -> str:
    head = (f"{'N':>6}  {'build':<6} {'CPU s (min-max)':>20} {'peak MB (min-max)':>20} {'wall s (min-max)':>20} "
            f"{'HTML MB':>8}")
    lines = [head]
    for n, engine, plain in rows:
        for name, s in (("engine", engine), ("plain", plain)):
            cells = [f"{s[k][0]:.1f} ({s[k][1]:.1f}-{s[k][2]:.1f})" for k in ("cpu", "peak_mb", "wall")]
            lines.append(f"{n:>6}  {name:<6} {cells[0]:>20} {cells[1]:>20} {cells[2]:>20} {s['html_mb'][0]:>8.1f}")
        ratio = {k: engine[k][0] / plain[k][0] for k in ("cpu", "peak_mb", "wall")}
        lines.append(f"{n:>6}  engine/plain: CPU x{ratio['cpu']:.2f}, peak memory x{ratio['peak_mb']:.2f}, "
                     f"wall x{ratio['wall']:.2f}")
    for (n1, e1, p1), (n2, e2, p2) in zip(rows, rows[1:]):
        d = _doublings(n1, n2)
        per = lambda a, b, k, d=d: (b[k][0] / a[k][0]) ** (1 / d)  # noqa: E731
        lines.append(f"N {n1} -> {n2}, per doubling: engine CPU x{per(e1, e2, 'cpu'):.2f}, HTML x{per(e1, e2, 'html_mb'):.2f}, "
                     f"peak x{per(e1, e2, 'peak_mb'):.2f}; plain CPU x{per(p1, p2, 'cpu'):.2f}, HTML x{per(p1, p2, 'html_mb'):.2f}")
    return "\n".join(lines)


def _doublings(n1: int, n2: int) -> float:
    """How many doublings from n1 to n2 (1 from 1,000 to 2,000): growth is reported per doubling."""
    return math.log2(n2 / n1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 2000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if args.repeat < 3:
        parser.error("--repeat: at least 3 runs, for a median and a spread")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            engine, plain = make_projects(n, Path(tmp))
            runs = {"engine": [], "plain": []}
            measure(plain), measure(engine)  # the first: not counted (see above)
            for _ in range(args.repeat):  # alternated: a noisy minute hits both
                runs["plain"].append(measure(plain))
                runs["engine"].append(measure(engine))
            rows.append((n, summary(runs["engine"]), summary(runs["plain"])))
            print(table(rows[-1:]), flush=True)
    print("\n" + table(rows))


if __name__ == "__main__":
    main()
