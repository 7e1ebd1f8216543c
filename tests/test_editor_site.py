"""The editor in the built site: at /admin/ only for a team (a repository host configured), with its
own policy, its code from the pinned npm package, and no public page that links to it or loads it."""
from __future__ import annotations

import html
import http.client
import io
import json
import re
import tarfile
import urllib.error
import urllib.request

import pytest

from helpers import ROOT
from bss.editor import package as cms_package
from bss.editor.config import cms_config, config_yaml
from bss.editor.admin import add_editor, policy, script_name
from bss.editor.package import INTEGRITY, PackageError, cached_tarball, editor_files, integrity_of, tarball_name

ADMIN_RULES = {
    "default-src": "'none'", "script-src": "'self' 'unsafe-eval'", "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:", "connect-src": "'self'", "font-src": "'self'", "manifest-src": "'none'",
    "worker-src": "'none'", "frame-src": "'none'", "object-src": "'none'", "base-uri": "'self'", "form-action": "'none'",
}


def rules_of(text: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in text.split(";"))


TEAM = """INHERIT: mkdocs.yml
extra:
  editor:
    backend: {name: github, repo: organisation/repository, branch: main, base_url: https://oauth.example.org}
    publish_mode: editorial_workflow
"""
TEAM_RULES = {**ADMIN_RULES, "connect-src": "'self' https://api.github.com",
              "img-src": "'self' data: blob: https://avatars.githubusercontent.com"}


@pytest.fixture(scope="module")
def team_site(built_site, tmp_path_factory):
    """The shipped site as a build with a team backend in its configuration finishes it."""
    project = with_content(tmp_path_factory.mktemp("team") / "project")
    site = project.parent / "site"
    site.mkdir()
    (site / "_headers").write_bytes((built_site / "_headers").read_bytes())
    assert add_editor(site, project / "mkdocs-team.yml").startswith("Editor (Decap CMS")
    return site


def test_a_public_build_has_no_editor_without_a_team_backend(built_site, tmp_path):
    assert not (built_site / "admin").exists()
    headers = (built_site / "_headers").read_text(encoding="utf-8")
    assert re.findall(r"^(/\S*)$", headers, re.M) == ["/*"] and "'unsafe-eval'" not in headers
    assert add_editor(tmp_path, ROOT / "mkdocs.yml") == (
        "Editor not published at /admin/: no team backend in mkdocs.yml (extra.editor.backend); "
        "`make edit` serves it on this computer")
    assert not list(tmp_path.iterdir())


def test_the_live_preview_has_the_editor_without_a_team_backend(tmp_path):
    assert add_editor(tmp_path, ROOT / "mkdocs.yml", local=True).startswith("Editor (Decap CMS")
    page = (tmp_path / "admin/index.html").read_text(encoding="utf-8")
    assert rules_of(html.unescape(re.search(r'Content-Security-Policy" content="([^"]+)"', page).group(1))) == ADMIN_RULES


def test_the_editor_is_at_admin_with_its_own_policy(team_site):
    admin = team_site / "admin"
    assert sorted(p.name for p in admin.iterdir()) == sorted(
        ["index.html", "config.yml", "editor.css", "editor.js", script_name(), "decap-cms.js.LICENSE.txt"])
    page = (admin / "index.html").read_text(encoding="utf-8")
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert meta and page.index(meta.group(0)) < page.index("<script")
    assert rules_of(html.unescape(meta.group(1))) == TEAM_RULES
    assert re.findall(r"<script\b[^>]*>", page) == [f'<script src="{script_name()}">', '<script src="editor.js">']  # no inline script
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert (admin / script_name()).read_bytes() == editor_files(ROOT, download=False)["decap-cms.js"]
    config = (admin / "config.yml").read_text(encoding="utf-8")
    assert config == config_yaml(cms_config(team_site.parent / "project", "mkdocs-team.yml"))
    assert "repo: organisation/repository" in config and "publish_mode: editorial_workflow" in config


def test_no_public_page_links_to_the_editor_or_loads_its_code(built_site):
    public = [p for p in built_site.rglob("*") if p.is_file() and p.relative_to(built_site).parts[0] != "admin"]
    assert len(public) > 100
    for file in public:
        if file.suffix in (".html", ".js", ".css", ".xml", ".json", ".txt"):
            text = file.read_text(encoding="utf-8", errors="replace").lower()
            assert "decap" not in text and "/admin/" not in text and 'href="admin' not in text, file


def test_headers_give_the_editor_its_policy_and_the_site_its_own(team_site):
    headers = (team_site / "_headers").read_text(encoding="utf-8")
    rules = re.findall(r"^(/\S*)\n((?:  .+\n?)+)", headers, re.M)
    assert [path for path, _ in rules] == ["/*", "/admin/*"]
    site, admin = (dict(line.strip().split(": ", 1) for line in block.strip().splitlines()) for _, block in rules)
    assert "'unsafe-eval'" not in site["Content-Security-Policy"]
    assert rules_of(admin["Content-Security-Policy"]) == {**TEAM_RULES, "frame-ancestors": "'none'"}
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
    monkeypatch.setattr(cms_package, "REGISTRY", "https://127.0.0.1:9")  # nothing listens there
    with pytest.raises(PackageError, match="connect to the internet once"):
        editor_files(caches)
    site = tmp_path / "site"
    site.mkdir()
    message = add_editor(site, with_content(caches) / "mkdocs-team.yml")
    assert message.startswith("Editor not included at /admin/ (the rest of the site is complete): could not download")
    assert not (site / "admin").exists()


def test_a_copy_for_files_has_no_editor(tmp_path):
    assert add_editor(tmp_path, ROOT / "mkdocs.yml", served=False) == "Editor: not part of a copy opened from files"
    assert not (tmp_path / "admin").exists()


class FakeRegistry:
    """The registry as a test says it answers: address -> bytes (or an exception to raise). It
    records every address asked for; an address it does not know is a failure of the test."""

    def __init__(self, answers: dict):
        self.answers, self.asked = answers, []

    def open(self, request, timeout=None):
        self.asked.append(request.full_url)
        answer = self.answers[request.full_url]
        if isinstance(answer, Exception):
            raise answer
        return io.BytesIO(answer)


META = f"https://registry.npmjs.org/decap-cms/{cms_package.VERSION}"
TARBALL = f"https://registry.npmjs.org/decap-cms/-/{tarball_name()}"


def registry(monkeypatch, **answers) -> FakeRegistry:
    fake = FakeRegistry({META: answers.pop("meta", b""), **answers.pop("more", {})})
    monkeypatch.setattr(cms_package, "REGISTRY", "https://registry.npmjs.org")
    monkeypatch.setattr(cms_package, "_OPENER", fake)
    return fake


def meta(tarball: str) -> bytes:
    return json.dumps({"version": cms_package.VERSION, "dist": {"integrity": INTEGRITY, "tarball": tarball}}).encode()


@pytest.mark.parametrize("tarball", [
    "file:///etc/hostname", "http://registry.npmjs.org/decap-cms/-/decap-cms.tgz",
    "https://registry.npmjs.org.evil.example/decap-cms.tgz", "https://registry.npmjs.org:8443/decap-cms.tgz",
    "ftp://registry.npmjs.org/decap-cms.tgz", None,
])
def test_only_https_on_the_registry_s_own_host_is_fetched(caches, monkeypatch, tarball):
    fake = registry(monkeypatch, meta=meta(tarball))
    with pytest.raises(PackageError, match="only https addresses on registry.npmjs.org"):
        editor_files(caches)
    assert fake.asked == [META]


@pytest.mark.parametrize("answer", [
    b"<html><body>Log in to the hotel's network</body></html>",  # a captive portal
    b"\xff\xfe not even text", b"[1, 2]", b'"a string"',
])
def test_an_answer_that_is_not_the_registry_s_json_is_the_promised_message(caches, monkeypatch, tmp_path, answer):
    registry(monkeypatch, meta=answer)
    with pytest.raises(PackageError, match="is not the registry's JSON"):
        editor_files(caches)
    site = tmp_path / "site"
    site.mkdir()
    assert add_editor(site, with_content(caches) / "mkdocs-team.yml").startswith(
        "Editor not included at /admin/ (the rest of the site is complete): the answer from")
    assert not (site / "admin").exists()


@pytest.mark.parametrize("failure", [
    urllib.error.URLError("no route"), ConnectionResetError("reset"), TimeoutError("timed out"),
    http.client.IncompleteRead(b"part"), http.client.RemoteDisconnected("closed"),
])
def test_a_network_failure_is_the_promised_message(caches, monkeypatch, failure):
    registry(monkeypatch, meta=meta(TARBALL), more={TARBALL: failure})
    with pytest.raises(PackageError, match="could not download .* connect to the internet once"):
        editor_files(caches)


def test_a_redirect_away_from_the_registry_is_refused():
    handler = cms_package._StayOnRegistry()
    request = urllib.request.Request(TARBALL)
    for elsewhere in ("https://evil.example/x.tgz", "http://registry.npmjs.org/x.tgz", "file:///etc/passwd"):
        with pytest.raises(PackageError, match="only https addresses on"):
            handler.redirect_request(request, None, 302, "Found", {}, elsewhere)
    assert handler.redirect_request(request, None, 302, "Found", {}, TARBALL + "?x").full_url == TARBALL + "?x"


@pytest.fixture(scope="session")
def real_tarball() -> bytes:
    """The pinned tarball's bytes (from the cache, before a test empties it; downloaded if need be)."""
    editor_files(ROOT)
    return cached_tarball(ROOT).read_bytes()


def test_the_registry_s_tarball_is_fetched_checked_and_kept(real_tarball, caches, monkeypatch):
    data = real_tarball
    fake = registry(monkeypatch, meta=meta(TARBALL), more={TARBALL: data})
    assert editor_files(caches)["decap-cms.js"] == editor_files(ROOT, download=False)["decap-cms.js"]
    assert fake.asked == [META, TARBALL] and (caches / ".cache/editor" / tarball_name()).read_bytes() == data


def with_content(project):
    """``project`` with the shipped content and configuration, by links, and no cached package;
    its mkdocs-team.yml is the configuration with a team backend."""
    project.mkdir(parents=True, exist_ok=True)
    for name in ("data", "courses", "mkdocs.yml"):
        if not (project / name).exists():
            (project / name).symlink_to(ROOT / name)
    (project / "mkdocs-team.yml").write_text(TEAM, encoding="utf-8")
    return project
