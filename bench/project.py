"""Projects for the benchmarks: the shipped content plus N generated case studies.

``make_projects`` gives two folders with the same pages: ``engine`` (the YAML, built by the hook)
and ``plain`` (the Markdown the engine generated, built by MkDocs alone, without the hook).
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from bss.prepare.site import build_site  # noqa: E402

DISTRICTS = [line.split(",")[0] for line in (ROOT / "data/administrative-units.csv").read_text().splitlines()[1:]]
TYPES = ["casa-comunitara", "echipa-mobila", "respiro", "centru-de-zi", "ingrijire-la-domiciliu"]


def generated_case(i: int) -> str:
    # Measuring only: written into a throwaway copy of the project, never published.
    return f"""id: bench-{i:05d}
title: {{ro: "Serviciu de test {i}", en: "Test service {i}"}}
service_type: {TYPES[i % len(TYPES)]}
target_groups: [dizabilitati-intelectuale]
districts: [{DISTRICTS[i % len(DISTRICTS)]}]
locality: {{ro: "Localitatea {i}", en: "Locality {i}"}}
organisation: keystone-moldova
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
sources:
  - {{publisher: bench.example, url: "https://bench.example/{i}"}}
"""


def make_engine(n: int, work: Path) -> Path:
    """A copy of the project with ``n`` generated case studies added to the shipped ones."""
    engine = work / f"engine-{n}"
    for name in ("data", "docs", "courses", "hooks", "overrides", "tools", "mkdocs.yml"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, engine / name)
    for i in range(n):
        (engine / f"data/case-studies/bench-{i:05d}.yml").write_text(generated_case(i), encoding="utf-8")
    return engine


def make_projects(n: int, work: Path) -> tuple[Path, Path]:
    engine = make_engine(n, work)

    plain = work / f"plain-{n}"
    shutil.copytree(engine / "docs", plain / "docs")
    shutil.copytree(engine / "overrides", plain / "overrides")
    for src_uri, page in build_site(engine).pages.items():
        target = plain / "docs" / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    config = (engine / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("hooks:\n  - hooks/site_hook.py\n", "")
    config = config.replace("  - data\n", "").replace("  - courses\n", "").replace("  - hooks\n", "")
    (plain / "mkdocs.yml").write_text(config, encoding="utf-8")
    return engine, plain
