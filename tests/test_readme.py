"""The README is true: its error examples are what the build prints, its commands exist, the
publishing workflow is valid and runs them, and the public address is set where it says."""
from __future__ import annotations

import getpass
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bss.editor.admin import add_editor
from helpers import ROOT, copy_project, poll
from server import free_port
from test_editor_site import with_content

README = (ROOT / "README.md").read_text(encoding="utf-8")
CASE = "data/case-studies/spalatorie-sociala-glodeni.yml"


def _section(title: str) -> str:
    start = README.index(title)
    end = README.find("\n#", start + len(title))
    return README[start:end if end > 0 else None]


def _blocks(text: str, lang: str = "") -> list[list[str]]:
    return [block.strip("\n").splitlines() for block in re.findall(rf"```{lang}\n(.*?)```", text, re.S)]


def _check(project: Path) -> list[str]:
    result = subprocess.run([sys.executable, "-m", "bss", "check", "."], cwd=project, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(project / "hooks")})
    assert result.returncode != 0
    return (result.stdout + result.stderr).strip().splitlines()


def _build(project: Path) -> list[str]:
    result = subprocess.run([sys.executable, str(project / "tools/build.py"), "mkdocs.yml", "site"], cwd=project,
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode != 0
    return result.stderr.strip().splitlines()


@pytest.mark.build
def test_reading_an_error_shows_what_the_build_prints(tmp_path):
    first, second = _blocks(_section("### Reading an error"))
    project = copy_project(tmp_path / "p")
    case = project / CASE
    text = case.read_text(encoding="utf-8")
    case.write_text(text.replace("\ntitle:\n", "\ntitel:\n", 1).replace(
        "organisation: clinica-juridica-balti", "organisation: clinica-juridica-bati"), encoding="utf-8")
    partner = project / "data/partners/aopd.yml"
    partner.write_text(partner.read_text(encoding="utf-8").replace("\n  en: Alliance", "\n\ten: Alliance", 1), encoding="utf-8")

    assert _check(project) == first
    built = _build(project)  # make site: the same lines, each starting with its file
    assert [line for line in built if line.startswith("data/")] == first[1:]

    case.write_text(text.replace("organisation: clinica-juridica-balti", "organisation: clinica-juridica-bati"),
                    encoding="utf-8")
    partner.write_text((ROOT / "data/partners/aopd.yml").read_text(encoding="utf-8"), encoding="utf-8")
    assert _check(project) == second
    assert [line for line in _build(project) if line.startswith("data/")] == second[1:]


def test_every_reference_the_readme_shows_leads_somewhere():
    from bss.prepare.site import check_site

    _, _, links = check_site(ROOT)
    shown = "\n".join(re.findall(r"`(\[\[[^`]*\]\])`", README))
    assert shown.count("[[") >= 4
    assert links.problems_in(shown, "README.md", 1, "references") == []


def test_every_make_command_in_the_readme_exists():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, re.M))
    used = set(re.findall(r"`make ([a-z][a-z-]*)", README))
    assert used and used <= targets, f"the README names make targets that do not exist: {used - targets}"


def test_every_way_to_serve_the_site_it_shows_listens_on_this_computer_only():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    commands = re.findall(r"python3? -m http\.server[^`\n,]*", README + makefile)
    assert len(commands) >= 3
    assert all("--bind 127.0.0.1" in command for command in commands), commands


def test_the_editors_collections_are_all_named():
    from bss.editor.config import cms_config

    named = set(re.findall(r"\*([A-Z][a-z-]+(?: [a-z-]+)*)\*", _section("### On your computer")))
    labels = {c["label"].split(":")[0] for c in cms_config(ROOT)["collections"]}
    assert labels <= named, labels - named


def test_building_installs_only_what_building_needs():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    rule = re.search(r"^\$\(STAMP\):.*?(?=^\S)", makefile, re.M | re.S).group(0)
    assert 'install --quiet -e .' in rule and "[test]" not in rule
    assert re.search(r"^site: \$\(STAMP\)$", makefile, re.M)
    assert re.search(r"^test: \$\(TESTS\)$", makefile, re.M)


def test_the_publishing_workflow_is_valid_and_runs_the_readme_commands():
    path = ROOT / ".github/workflows/publish.yml"
    assert ".github/workflows/publish.yml" in README
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 (PyYAML) reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"]
    build = workflow["jobs"]["build"]
    runs = [step.get("run", "") for step in build["steps"]]
    assert any(run.strip() == "make test" for run in runs)
    site = [run for run in runs if run.startswith("make site")]
    assert site and "SITE_URL=" in site[0], "the published site carries its public address"
    assert runs.index(site[0]) > runs.index("make test"), "test before publishing"
    uploads = [step for step in build["steps"] if "upload-pages-artifact" in step.get("uses", "")]
    assert uploads and uploads[0]["with"]["path"] == "site"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and any("deploy-pages" in step.get("uses", "") for step in deploy["steps"])
    assert "bookworm" in build["container"], "Debian, whose chromium package the browser tests install"
    for command in ("make test", "make site"):
        assert command in README


def test_the_publishing_workflow_grants_each_job_only_what_it_needs():
    """The build job installs packages and runs their code: it may only read, and leaves no token
    behind; only the deploy job may publish; every action is the commit of a named release."""
    text = (ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    assert workflow["permissions"] == {}, "nothing by default: each job says what it needs"
    jobs = workflow["jobs"]
    assert set(jobs) == {"build", "deploy"}
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    (checkout,) = [step for step in jobs["build"]["steps"] if step.get("uses", "").startswith("actions/checkout@")]
    assert checkout["with"]["persist-credentials"] is False
    uses = re.findall(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$", text, re.M)
    assert len(uses) == sum(1 for job in jobs.values() for step in job["steps"] if "uses" in step) == 4
    for action, rest in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), f"{action}: pinned by a full commit"
        assert re.fullmatch(r"\s+# v\d+\.\d+\.\d+", rest), f"{action}: its version in a comment"


def test_the_nginx_example_serves_each_language_its_own_not_found_page():
    nginx = "\n".join(line for block in _blocks(_section("## Publishing"), "nginx") for line in block)
    assert "error_page 404 /404.html;" in nginx
    assert re.search(r"location /en/ \{\s*error_page 404 /en/404\.html;", nginx)
    for header in ("Content-Security-Policy", "X-Content-Type-Options nosniff", "Referrer-Policy", "expires 1y;", "expires -1;"):
        assert header in nginx


def test_the_public_address_is_one_setting(monkeypatch, tmp_path):
    from bss.settings import address_notice, load_settings
    from bss.prepare.site import build_site

    monkeypatch.delenv("SITE_URL", raising=False)
    assert address_notice(load_settings(ROOT).site_url), "the shipped address is a placeholder, and a build says so"
    monkeypatch.setenv("SITE_URL", "https://servicii.example.md/")
    assert load_settings(ROOT).site_url == "https://servicii.example.md/"
    assert load_settings(ROOT, "mkdocs-offline.yml").site_url == "https://servicii.example.md/"
    assert address_notice("https://servicii.example.md/") is None
    site = build_site(ROOT)
    chapter = site.pages["ghid/costificarea.md"].markdown
    assert "https://servicii.example.md/g/costificarea/" in chapter
    assert "example.org" not in chapter


def test_make_site_shows_problems_and_the_two_information_lines():
    sys.path.insert(0, str(ROOT / "tools"))
    from build import shown

    output = "\n".join([
        "INFO    -  Cleaning site directory",
        "ERROR   -  data/x.yml:3: title: missing (a text)",
        "INFO    -  Translation: 2 texts are not yet written in every language (en); 'make check' lists where.",
        "INFO    -  Public address: https://servicii-sociale.example.org/ is a placeholder.",
        "",
        "Aborted with a BuildError!",
    ])
    assert shown(output) == ["data/x.yml:3: title: missing (a text)",
                             "Translation: 2 texts are not yet written in every language (en); 'make check' lists where.",
                             "Public address: https://servicii-sociale.example.org/ is a placeholder."]


def test_the_nginx_server_block_serves_the_site_as_the_readme_says(built_site, tmp_path):
    """The README's server block, pasted as it is (only the port and the folder changed), run by
    Debian's nginx over the built site."""
    from bss.csp import header_policy

    (block,) = [block for block in re.findall(r"```nginx\n(.*?)```", README, re.S)]
    site = tmp_path / "site"  # the built site, with the editor a team's build adds (test_editor_site.py)
    site.mkdir()
    for entry in built_site.iterdir():
        if entry.name != "_headers":
            (site / entry.name).symlink_to(entry)
    shutil.copy(built_site / "_headers", site)
    assert add_editor(site, with_content(tmp_path / "project") / "mkdocs-team.yml").startswith("Editor (Decap")
    port = free_port()
    server = block.replace("listen 80;", f"listen 127.0.0.1:{port};").replace("/srv/servicii-sociale/site", str(site))
    temp = "\n".join(f" {kind}_temp_path {tmp_path / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    conf = tmp_path / "nginx.conf"
    conf.write_text(f"user {getpass.getuser()};\npid {tmp_path / 'nginx.pid'};\nerror_log {tmp_path / 'error.log'};\nevents {{}}\nhttp {{\n"
                    f" include /etc/nginx/mime.types;\n access_log off;\n{temp}\n{server}\n}}\n", encoding="utf-8")
    nginx = subprocess.Popen(["/usr/sbin/nginx", "-c", str(conf), "-e", str(tmp_path / "error.log"), "-g", "daemon off;"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        get = _getter(f"http://127.0.0.1:{port}", nginx, tmp_path / "error.log")
        pages = [p.read_text(encoding="utf-8") for p in built_site.rglob("*.html") if "admin" not in p.parts]
        status, headers, body = get("/")
        assert status == 200 and headers["Content-Security-Policy"] == header_policy(pages)
        assert headers["X-Content-Type-Options"] == "nosniff" and headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert headers["Cache-Control"] == "no-cache"
        for address, title in (("/nu-exista/", "Pagina nu a fost găsită"), ("/en/does-not-exist/", "Page not found")):
            status, headers, body = get(address)
            assert status == 404 and f"<title>{title}" in body, address
            assert headers["Content-Security-Policy"] == header_policy(pages)
        css = next(built_site.glob("assets/stylesheets/main.*.min.css")).relative_to(built_site).as_posix()
        status, headers, _ = get(f"/{css}")
        assert status == 200 and headers["Cache-Control"] == "max-age=31536000"
        _, headers, _ = get("/admin/")
        assert headers["Content-Security-Policy"].startswith("default-src 'none'; script-src 'self' 'unsafe-eval'")
        assert headers["X-Robots-Tag"] == "noindex"
    finally:
        nginx.terminate()
        nginx.wait(10)


def _getter(base: str, server: subprocess.Popen, log: Path):
    import urllib.error
    import urllib.request

    def once(path: str) -> tuple[int, dict, str] | None:
        try:
            with urllib.request.urlopen(base + path, timeout=30) as response:
                return response.status, dict(response.headers), response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode("utf-8", "replace")
        except OSError:  # not listening yet
            return None

    def get(path: str) -> tuple[int, dict, str]:
        said = lambda: log.read_text(encoding="utf-8") if log.exists() else ""  # noqa: E731
        return poll(lambda: once(path), lambda: f"nginx did not serve {path}:\n{said()}",
                    gone=lambda: server.poll() is not None)
    return get
