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
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from bss.site import build_site  # noqa: E402

DISTRICTS = [line.split(",")[0] for line in (ROOT / "data/administrative-units.csv").read_text().splitlines()[1:]]
TYPES = ["casa-comunitara", "echipa-mobila", "respiro", "centru-de-zi", "ingrijire-la-domiciliu"]
MEASURE = """
import resource, subprocess, sys, time, json
t = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
wall = time.perf_counter() - t
print(json.dumps({"code": code, "wall": wall, "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def generated_case(i: int) -> str:
    return f"""id: bench-{i:05d}
example: true
title: {{ro: "Serviciu de test {i}", en: "Test service {i}"}}
service_type: {TYPES[i % len(TYPES)]}
target_groups: [dizabilitati-intelectuale]
districts: [{DISTRICTS[i % len(DISTRICTS)]}]
locality: {{ro: "Localitatea {i}", en: "Locality {i}"}}
organisation: exemplu-sprijin-sud
programme: ssmb-2021
period: {{start: 2022-01-01}}
figures:
  - {{id: beneficiaries, value: {i % 90 + 5}}}
summary: {{ro: "Rezumatul serviciului {i}.", en: "Summary of service {i}."}}
story:
  ro: |
    Povestea serviciului {i}, cu **asistență** și *incluziune*.

    Al doilea paragraf al poveștii.
  en: |
    The story of service {i}, with **support** and *inclusion*.

    The second paragraph of the story.
results:
  - {{ro: "Rezultat {i}", en: "Result {i}"}}
lessons:
  - {{ro: "Lecție {i}", en: "Lesson {i}"}}
"""


def make_projects(n: int, work: Path) -> tuple[Path, Path]:
    engine = work / f"engine-{n}"
    for name in ("data", "docs", "hooks", "overrides", "mkdocs.yml"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, engine / name)
    for i in range(n):
        (engine / f"data/case-studies/bench-{i:05d}.yml").write_text(generated_case(i), encoding="utf-8")

    plain = work / f"plain-{n}"
    shutil.copytree(engine / "docs", plain / "docs")
    shutil.copytree(engine / "overrides", plain / "overrides")
    for src_uri, page in build_site(engine).pages.items():
        target = plain / "docs" / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    config = (engine / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("hooks:\n  - hooks/site_hook.py\n", "")
    config = config.replace("  - data\n", "").replace("  - hooks\n", "")
    (plain / "mkdocs.yml").write_text(config, encoding="utf-8")
    return engine, plain


def measure(project: Path) -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
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
