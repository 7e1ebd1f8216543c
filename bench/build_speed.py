"""Build speed: the site engine against a plain MkDocs build of the same pages.

For each N, a copy of the project gets N generated case studies. Then, in turn and repeated:
  - engine: `mkdocs build` with the hook (load, validate, render YAML -> Markdown -> HTML);
  - plain:  `mkdocs build` without the hook, of the very Markdown files the engine generated.
Each build runs in its own process; wall time and that process's peak memory are recorded and
the best of the repeats is kept. Compare ratios within one run (machines here are noisy).

    python bench/build_speed.py [N ...] [--repeat R]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from project import ROOT, make_projects

MEASURE = """
import resource, subprocess, sys, time, json
t = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
wall = time.perf_counter() - t
print(json.dumps({"code": code, "wall": wall, "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def measure(project: Path) -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BSS_SEARCH_INDEX": "0"}  # search: search_payload.py
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, sys.executable, "-m", "mkdocs", "build", "-q", "-f",
         str(project / "mkdocs.yml"), "-d", str(project / "site")],
        capture_output=True, text=True, env=env, cwd=project, check=True,
    )
    result = json.loads(out.stdout)
    if result["code"] != 0:
        raise SystemExit(f"build failed in {project}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            engine, plain = make_projects(n, Path(tmp))
            runs = {"engine": [], "plain": []}
            for _ in range(args.repeat):
                runs["plain"].append(measure(plain))
                runs["engine"].append(measure(engine))
            best = {k: min(v, key=lambda r: r["wall"]) for k, v in runs.items()}
            peak = {k: max(r["peak_mb"] for r in v) for k, v in runs.items()}
            pages = 2 * (n + len(list((ROOT / "data/case-studies").glob("*.yml"))))
            rows.append((n, pages, best["engine"]["wall"], best["plain"]["wall"], peak["engine"], peak["plain"]))
    print(f"{'N':>6} {'case pages':>10} {'engine s':>9} {'plain s':>8} {'ratio':>6} {'engine MB':>10} {'plain MB':>9} {'ms/case':>8}")
    for n, pages, e, p, em, pm in rows:
        print(f"{n:>6} {pages:>10} {e:>9.2f} {p:>8.2f} {e / p:>6.2f} {em:>10.0f} {pm:>9.0f} {1000 * e / max(n, 1):>8.1f}")
    if len(rows) > 1:
        (n1, _, e1, *_), (n2, _, e2, *_) = rows[0], rows[-1]
        print(f"growth: N x{n2 / n1:.0f} -> engine time x{e2 / e1:.1f}")


if __name__ == "__main__":
    main()
