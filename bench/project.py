"""Projects for the benchmarks: the shipped content plus N generated case studies.

``make_projects`` gives two folders with the same pages and the same menu: ``engine`` (the YAML,
built by the hook) and ``plain`` (the pages as a site built by MkDocs alone would hold them, and
the menu the hook would give MkDocs, built without the hook). Comparing against a plain build whose
menu lacked the generated pages made the engine look 2.6-3.9 times slower than it is (issue 26):
with Material, drawing each page's menu is most of a build.

The plain side's pages are the Markdown the engine generates, but for the case studies, which the
engine writes in HTML and hands MkDocs nothing to convert: those are written in Markdown, as a site
built with MkDocs alone would hold them (``bench/templates/case-study.md``; tests/test_scale.py checks
that the two say the same).
"""
from __future__ import annotations

import dataclasses
import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from bss.prepare.menus import menu, menu_title, with_generated_pages  # noqa: E402
from bss.prepare.pages.render import TEMPLATES, Renderer  # noqa: E402
from bss.prepare.site import Site, build_site  # noqa: E402
from bss.settings import _Loader  # noqa: E402  (reads mkdocs.yml's !ENV tags)

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


def plain_menu(site, nav: list) -> list:
    """The menu the hook gives MkDocs (generated pages added, sections titled in the default
    language), as a plain ``nav:`` that MkDocs reads without the hook."""
    def titled(items):
        out = []
        for item in items:
            if isinstance(item, dict):
                (title, children), = item.items()
                name = menu_title(site, title, site.content.settings.languages.default) or title
                item = {name: titled(children) if isinstance(children, list) else children}
            out.append(item)
        return out
    return titled(with_generated_pages(nav, menu(site)))


def plain_pages(site: Site) -> dict[str, str]:
    """Every page's text for MkDocs alone, by source path: a page the engine makes in HTML, in Markdown."""
    markdown = Renderer(site.content.strings, site.links, [ROOT / "bench" / "templates", TEMPLATES])
    pages = {uri: page.markdown for uri, page in site.pages.items()}
    for spec in site.specs:
        if spec.template.endswith(".html"):
            as_markdown = dataclasses.replace(spec, template=spec.template.removesuffix(".html") + ".md")
            pages.update((page.src_uri, page.markdown) for page in markdown.render(as_markdown))
    return pages


def make_projects(n: int, work: Path) -> tuple[Path, Path]:
    engine = make_engine(n, work)

    plain = work / f"plain-{n}"
    shutil.copytree(engine / "docs", plain / "docs")
    shutil.copytree(engine / "overrides", plain / "overrides")
    site = build_site(engine)
    for src_uri, text in [*plain_pages(site).items(), *site.assets.items()]:
        target = plain / "docs" / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    config = (engine / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("hooks:\n  - hooks/site_hook.py\n", "")
    config = config.replace("  - data\n", "").replace("  - courses\n", "").replace("  - hooks\n", "")
    nav = yaml.safe_dump({"nav": plain_menu(site, yaml.load(config, Loader=_Loader)["nav"])}, allow_unicode=True, sort_keys=False)
    config, count = re.subn(r"^nav:\n(?:  .*\n)+", lambda _: nav, config, flags=re.M)
    if count != 1:
        raise SystemExit("bench/project.py: no 'nav:' block found in mkdocs.yml to give the plain build the same menu")
    (plain / "mkdocs.yml").write_text(config, encoding="utf-8")
    return engine, plain
