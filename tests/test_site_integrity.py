"""The built site: no broken link, nothing fetched from another origin."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import helpers  # noqa: F401  (puts bench/ on the path)
from server import QuietHandler, StaticServer

# Attributes and CSS constructs that make a browser fetch something.
RESOURCE_ATTRS = re.compile(
    r"<(?:script|img|iframe|source|video|audio|embed|object|track|input)\b[^>]*\b(?:src|data|poster|srcset)=\"([^\"]+)\""
    r"|<link\b(?=[^>]*\brel=\"?(?:stylesheet|preload|prefetch|preconnect|dns-prefetch|icon|manifest|modulepreload))[^>]*\bhref=\"([^\"]+)\"",
    re.I,
)
CSS_URLS = re.compile(r"@import\s+[\"']([^\"']+)|url\(\s*[\"']?([^\"')]+)", re.I)
FOREIGN = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)


class LinkCheckerWelcome(QuietHandler):
    def end_headers(self):
        # Lets linkchecker lift its politeness limit of 10 requests a second for this host.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()


@pytest.fixture(scope="module")
def served_site(built_site):
    server = StaticServer(built_site, LinkCheckerWelcome)
    yield server.url + "/"
    server.close()


def test_linkchecker_finds_no_broken_link(served_site, built_site, tmp_path):
    linkchecker = Path(sys.executable).with_name("linkchecker")
    config = tmp_path / "linkcheckerrc"
    config.write_text("[checking]\nmaxrequestspersecond=1000\n", encoding="utf-8")
    result = subprocess.run([str(linkchecker), "-f", str(config), "--no-status", "--no-warnings", "--threads=4",
                             served_site],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    checked = re.search(r"(\d+) links? in (\d+) URLs? checked", result.stdout)
    assert checked, result.stdout
    pages = len(list(built_site.rglob("*.html")))
    # Every page was reached, and its links followed: a run that checked nothing cannot pass.
    assert int(checked.group(2)) >= pages, (checked.group(0), pages)


def test_pages_fetch_nothing_from_another_origin(built_site):
    offenders = []
    for file in built_site.rglob("*"):
        if file.suffix == ".html":
            for match in RESOURCE_ATTRS.finditer(file.read_text(encoding="utf-8")):
                url = match.group(1) or match.group(2)
                if FOREIGN.match(url.strip()):
                    offenders.append(f"{file.relative_to(built_site)}: {url}")
        elif file.suffix == ".css":
            for match in CSS_URLS.finditer(file.read_text(encoding="utf-8", errors="replace")):
                url = match.group(1) or match.group(2)
                if FOREIGN.match(url.strip()) and not url.startswith("data:"):
                    offenders.append(f"{file.relative_to(built_site)}: {url}")
    assert not offenders, "\n".join(offenders)


def test_checker_would_catch_a_font_from_google():
    html = '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
    assert RESOURCE_ATTRS.search(html).group(2).startswith("https://")
    assert FOREIGN.match(CSS_URLS.search("@import 'https://cdn.example/x.css';").group(1))
