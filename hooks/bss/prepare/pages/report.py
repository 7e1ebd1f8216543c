"""What is not yet written: texts missing in a language, and records without an easy-to-read
version. Every build prints the one-line summary; ``make check`` prints the full list."""
from __future__ import annotations

from pathlib import Path

from bss.prepare.pages.links import Links
from bss.settings import address_notice


def untranslated_documents(docs_dir: Path, links: Links) -> list[str]:
    """Hand-written pages in docs/ that lack a version in one of the other languages."""
    missing = []
    for file in sorted(docs_dir.rglob("*.md")):
        page = file.relative_to(docs_dir).as_posix()
        if links.default_page(page) != page:
            continue
        for lang in links.languages.codes[1:]:
            version = links.src_uri(page, lang)
            if not (docs_dir / version).exists():
                missing.append(f"docs/{page}: no {lang} page (docs/{version})")
    return missing


def translation_gaps(site, docs_dir: Path) -> list[str]:
    return site.untranslated() + untranslated_documents(docs_dir, site.links)


def missing_easy(content) -> list[str]:
    """Case studies and modules that have no easy-to-read version yet."""
    records = list(content.case_studies.values()) + [m for c in content.courses.values() for m in c.own_modules]
    return sorted(f"{r.title.where.split(':')[0]}: easy: no easy-to-read version yet" for r in records if not r.easy)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary(site, docs_dir: Path) -> str:
    """One line for every build: how many gaps, and where the full list is."""
    gaps, easy = translation_gaps(site, docs_dir), missing_easy(site.content)
    others = ", ".join(site.links.languages.codes[1:])
    if gaps:
        line = (f"Translation: {_count(len(gaps), 'text is', 'texts are')} not yet written in every language ({others})")
    else:
        line = f"Translation: every text is written in every language ({others} beside the default)"
    if easy:
        line += f"; {_count(len(easy), 'page has', 'pages have')} no easy-to-read version yet"
    return line + ("; 'make check' lists where." if gaps or easy else ".")


def full_report(site, docs_dir: Path) -> str:
    """The full list, for ``make check``."""
    gaps, easy = translation_gaps(site, docs_dir), missing_easy(site.content)
    lines = [summary(site, docs_dir).split(";")[0].rstrip(".") + (":" if gaps else ".")]
    lines += [f"  {gap}" for gap in gaps]
    if easy:
        lines += [f"Easy to read: {_count(len(easy), 'page has', 'pages have')} no easy-to-read version yet:"]
        lines += [f"  {gap}" for gap in easy]
    return "\n".join(lines)


def build_notes(site, docs_dir: Path, site_url: str | None) -> list[str]:
    """What a build tells at its end: the translation summary, and whether the public address is
    a placeholder (never in the live preview: it serves at its own address)."""
    notice = address_notice(site_url)
    return [summary(site, docs_dir), *([notice] if notice else [])]
