"""The editor in the built site: /admin/ with its own policy, its code from the pinned npm package,
and no public page that links to it or loads it."""
from __future__ import annotations

import html
import io
import re
import tarfile

import pytest

from helpers import ROOT
from bss import cms_package
from bss.cms import cms_config, config_yaml
from bss.cms_admin import add_editor, policy, script_name
from bss.cms_package import INTEGRITY, PackageError, editor_files, integrity_of, tarball_name

ADMIN_RULES = {
    "default-src": "'none'", "script-src": "'self' 'unsafe-eval'", "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:", "connect-src": "'self'", "font-src": "'self'", "manifest-src": "'none'",
    "worker-src": "'none'", "frame-src": "'none'", "object-src": "'none'", "base-uri": "'self'", "form-action": "'none'",
}


def rules_of(text: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in text.split(";"))


def test_the_editor_is_at_admin_with_its_own_policy(built_site):
    admin = built_site / "admin"
    assert sorted(p.name for p in admin.iterdir()) == sorted(
        ["index.html", "config.yml", "editor.css", "editor.js", script_name(), "decap-cms.js.LICENSE.txt"])
    page = (admin / "index.html").read_text(encoding="utf-8")
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert meta and page.index(meta.group(0)) < page.index("<script")
    assert rules_of(html.unescape(meta.group(1))) == ADMIN_RULES
    assert re.findall(r"<script\b[^>]*>", page) == [f'<script src="{script_name()}">', '<script src="editor.js">']  # no inline script
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert (admin / script_name()).read_bytes() == editor_files(ROOT, download=False)["decap-cms.js"]
    assert (admin / "config.yml").read_text(encoding="utf-8") == config_yaml(cms_config(ROOT))


def test_no_public_page_links_to_the_editor_or_loads_its_code(built_site):
    public = [p for p in built_site.rglob("*") if p.is_file() and p.relative_to(built_site).parts[0] != "admin"]
    assert len(public) > 100
    for file in public:
        if file.suffix in (".html", ".js", ".css", ".xml", ".json", ".txt"):
            text = file.read_text(encoding="utf-8", errors="replace").lower()
            assert "decap" not in text and "/admin/" not in text and 'href="admin' not in text, file


def test_headers_give_the_editor_its_policy_and_the_site_its_own(built_site):
    headers = (built_site / "_headers").read_text(encoding="utf-8")
    rules = re.findall(r"^(/\S*)\n((?:  .+\n?)+)", headers, re.M)
    assert [path for path, _ in rules] == ["/*", "/admin/*"]
    site, admin = (dict(line.strip().split(": ", 1) for line in block.strip().splitlines()) for _, block in rules)
    assert "'unsafe-eval'" not in site["Content-Security-Policy"]
    assert rules_of(admin["Content-Security-Policy"]) == {**ADMIN_RULES, "frame-ancestors": "'none'"}
    assert admin["X-Robots-Tag"] == "noindex"


def test_a_team_backend_opens_the_policy_to_its_host_alone():
    github = rules_of(policy({"name": "github", "repo": "o/r"}))
    assert github["connect-src"] == "'self' https://api.github.com"
    assert github["img-src"] == "'self' data: blob: https://avatars.githubusercontent.com"
    own = rules_of(policy({"name": "gitea", "repo": "o/r", "api_root": "https://git.example.org/api/v1"}))
    assert own["connect-src"] == "'self' https://git.example.org"


# -- the package -----------------------------------------------------------------------------

@pytest.fixture
def caches(tmp_path, monkeypatch):
    """A project with no cached package, and an empty user cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    root = tmp_path / "project"
    root.mkdir()
    return root


def _tarball(**files: bytes) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return out.getvalue()


def test_a_cache_that_does_not_match_the_pin_is_refused_and_removed(caches):
    fake = caches / ".cache" / "editor" / tarball_name()
    fake.parent.mkdir(parents=True)
    fake.write_bytes(_tarball(**{"package/dist/decap-cms.js": b"alert('not the editor')"}))
    assert integrity_of(fake.read_bytes()) != INTEGRITY
    with pytest.raises(PackageError, match="is not in"):
        editor_files(caches, download=False)
    assert not fake.exists()


def test_offline_with_no_cache_the_site_is_built_without_the_editor(caches, monkeypatch, tmp_path):
    monkeypatch.setattr(cms_package, "REGISTRY", "http://127.0.0.1:9")  # nothing listens there
    with pytest.raises(PackageError, match="connect to the internet once"):
        editor_files(caches)
    project = caches  # no cached package in it
    (project / "data").symlink_to(ROOT / "data")
    (project / "courses").symlink_to(ROOT / "courses")
    (project / "mkdocs.yml").symlink_to(ROOT / "mkdocs.yml")
    site = tmp_path / "site"
    site.mkdir()
    message = add_editor(site, project / "mkdocs.yml")
    assert message.startswith("Editor not included at /admin/ (the rest of the site is complete): could not download")
    assert not (site / "admin").exists()


def test_a_copy_for_files_has_no_editor(tmp_path):
    assert add_editor(tmp_path, ROOT / "mkdocs.yml", served=False) == "Editor: not part of a copy opened from files"
    assert not (tmp_path / "admin").exists()
