"""The editor's page, ``/admin/``: its files and its own Content-Security-Policy.

No public page links to it or loads its code; it is the only page whose policy allows what
Decap CMS needs, and it allows nothing more:

- ``script-src 'self' 'unsafe-eval'``: the one script comes from the site; Decap compiles the
  validator of its configuration at run time (ajv, with ``new Function``). No inline script runs;
- ``style-src 'self' 'unsafe-inline'``: Decap's components write their styles into ``<style>``
  elements as they render (emotion);
- ``img-src 'self' data: blob:``: icons, and previews of images being added;
- ``connect-src 'self'``: the local editing server answers on the editor's own origin; a
  repository host's API (``extra.editor.backend`` in mkdocs.yml) is added when one is configured;
- everything else ``'none'``: no frames (the editor's preview pane is off: the live preview is
  the site itself), no fonts or workers from anywhere, no forms.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from bss.editor.config import cms_config, config_yaml, editor_backend, read_config, team_backend
from bss.editor.package import FILES, SCRIPT, VERSION, PackageError, editor_files
from bss.prepare.caches import Caches
from bss.settings import CONFIG, load_settings

FOLDER = "admin"
TEMPLATES = Path(__file__).parent / "templates"
DIRECTIVES = (
    ("default-src", "'none'"),
    ("script-src", "'self' 'unsafe-eval'"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data: blob:"),
    ("connect-src", "'self'"),
    ("font-src", "'self'"),
    ("manifest-src", "'none'"),
    ("worker-src", "'none'"),
    ("frame-src", "'none'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'none'"),
)
HEADER_ONLY = (("frame-ancestors", "'none'"),)
# What each repository host's backend talks to, beyond the site: its API, and its users' avatars.
HOSTS = {
    "github": ("https://api.github.com", "https://avatars.githubusercontent.com"),
    "gitlab": ("https://gitlab.com", "https://gitlab.com"),
    "gitea": ("", ""),
}


def script_name() -> str:
    """The script's name on the site, with its version: a new version is never a cached old one."""
    return SCRIPT.replace(".js", f"-{VERSION}.js")


def policy(backend: dict | None = None, header: bool = False) -> str:
    api, images = _origins(backend or {})
    parts = []
    for name, value in DIRECTIVES + (HEADER_ONLY if header else ()):
        if name == "connect-src" and api:
            value += " " + api
        if name == "img-src" and images:
            value += " " + images
        parts.append(f"{name} {value}")
    return "; ".join(parts)


def _origins(backend: dict) -> tuple[str, str]:
    api, images = HOSTS.get(backend.get("name", ""), ("", ""))
    root = backend.get("api_root")
    if root:
        parts = urlsplit(root)
        api = images = f"{parts.scheme}://{parts.netloc}"
    return api, images


STYLESHEET = "editor.css"
SCRIPT_MENDS = "editor.js"  # after Decap's: its phrases mended (templates/admin.js)


def _env() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))


def page(config: dict, site_name: str) -> str:
    rules = policy(config.get("backend"))
    assert '"' not in rules and "<" not in rules, rules  # written as it is, for people to read
    return _env().get_template("admin.html").render(policy=Markup(rules), script=script_name(), mending=SCRIPT_MENDS,
                                                    stylesheet=STYLESHEET, title=f"Editor · {site_name}",
                                                    lang=config.get("locale", "en"))


def mending_script() -> str:
    return (TEMPLATES / "admin.js").read_text(encoding="utf-8")


def stylesheet(languages) -> str:
    return _env().get_template("admin.css").render(languages=list(languages))


def admin_files(root: Path, config: str = CONFIG, backend: dict | None = None, site_url: str | None = None,
                download: bool = True, caches: Caches | None = None) -> dict[str, bytes]:
    """The editor's files by name, for the folder served at /admin/. Raises ``PackageError`` when
    the editor's code is neither cached nor downloadable."""
    code = editor_files(root, download, caches)
    cfg = cms_config(root, config, backend, site_url)
    site_name = str(read_config(Path(root) / config).get("site_name") or "")
    out = {"index.html": page(cfg, site_name).encode(), "config.yml": config_yaml(cfg).encode(),
           STYLESHEET: stylesheet(load_settings(root, config).languages).encode(), SCRIPT_MENDS: mending_script().encode()}
    out[script_name()] = code[SCRIPT]
    out.update({name: data for name, data in code.items() if name != SCRIPT and name in FILES})
    return out


def add_editor(site_dir: Path, config_file: Path, served: bool = True, local: bool = False,
               caches: Caches | None = None) -> str:
    """Put the editor at ``site_dir``/admin/, with its rule in ``site_dir``/_headers; a line
    saying what was done, or why not. A copy for file:// (``served`` false) has no editor: it
    needs a server to save through. A public build has one only for a team, through the
    repository host configured (``extra.editor.backend``): the local backend cannot work on a
    server, and the editor's policy allows 'unsafe-eval' beside the learners' progress. The
    live preview on this computer (``local``) always has it."""
    if not served:
        return "Editor: not part of a copy opened from files"
    root, config = Path(config_file).parent, Path(config_file).name
    if not local and team_backend(root, config) is None:
        return (f"Editor not published at /{FOLDER}/: no team backend in {config} (extra.editor.backend); "
                "`make edit` serves it on this computer")
    try:
        files = admin_files(root, config, caches=caches)
    except PackageError as exc:
        return f"Editor not included at /{FOLDER}/ (the rest of the site is complete): {exc}"
    target = Path(site_dir) / FOLDER
    target.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (target / name).write_bytes(data)
    headers = Path(site_dir) / "_headers"
    if headers.is_file():
        text = headers.read_text(encoding="utf-8")
        headers.write_text(text + ("" if text.endswith("\n") else "\n") + headers_block(root, config), encoding="utf-8")
    return f"Editor (Decap CMS {VERSION}) written to /{FOLDER}/"


def headers_block(root: Path, config: str = CONFIG) -> str:
    """The ``_headers`` rule for /admin/: its own policy in place of the site-wide one (a later,
    more specific rule replaces a header on Netlify; Cloudflare Pages needs the README's detach line)."""
    backend = editor_backend(root, config)
    return "\n".join([f"/{FOLDER}/*", f"  Content-Security-Policy: {policy(backend, header=True)}",
                      "  X-Robots-Tag: noindex", "  Cache-Control: no-cache", ""])
