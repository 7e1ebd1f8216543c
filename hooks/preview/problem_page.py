"""The live preview's error page: while the content has problems, every page the preview serves
lists them, in the language of the address asked for, and reloads by itself once they are fixed.

Knows nothing of the server (hooks/preview/live.py) beyond the problems it is given: one line each,
``path:line: field: what is wrong (what was expected)``.
"""
from __future__ import annotations

from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader

from bss.prepare.read.strings import fill

TEMPLATES = Path(__file__).parent / "templates"
KEYS = ("preview.title", "preview.intro", "preview.count", "preview.reload")
# Used when the interface strings themselves cannot be read (the problem may be in them).
FALLBACK = {
    "preview.title": "The content has problems",
    "preview.intro": "The preview cannot show the site until these lines are fixed. Each says the file and line, the field, what is wrong and what was expected.",
    "preview.count": "Problems: {n}",
    "preview.reload": "Save the corrected file: this page reloads by itself.",
}


def strings(root: Path, lang: str) -> dict[str, str]:
    """The page's texts in ``lang``, from data/i18n/<lang>.yml, or English if they cannot be read."""
    try:
        table = yaml.safe_load((root / "data/i18n" / f"{lang}.yml").read_text(encoding="utf-8"))
        return {key: str(table[key]) for key in KEYS}
    except (OSError, yaml.YAMLError, KeyError, TypeError):
        return dict(FALLBACK)


def error_page(problems: list[str], lang: str, texts: dict[str, str], reload_script: str) -> str:
    try:
        count = fill(texts["preview.count"], {"n": len(problems)})
    except (KeyError, ValueError):  # a slip in the strings file itself (the problems list it): say it in English
        count = fill(FALLBACK["preview.count"], {"n": len(problems)})
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True)
    return env.get_template("preview-error.html").render(
        problems=problems, lang=lang, t=texts, count=count, reload_script=reload_script)
