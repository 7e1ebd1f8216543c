"""The local editing server of ``make edit``: the editor's page and its backend, on one origin.

    http://127.0.0.1:8081/admin/    the editor (its configuration generated afresh at each load,
                                    so a schema change shows on reloading the page)
    http://127.0.0.1:8081/api/v1    the backend the editor saves through (cms_backend.py)

It listens on the loopback interface only, and it answers only its own pages: a request must
name it as its host (no DNS rebinding), and a save must come from its own origin as JSON (no
other web page the editor has open can post to it). Everything is served with the editor's
Content-Security-Policy as a header.
"""
from __future__ import annotations

import http.server
import json
import threading
from pathlib import Path

from .cms import LOCAL, cms_config, config_yaml, read_config
from .cms_admin import FOLDER, SCRIPT_MENDS, STYLESHEET, mending_script, page, policy, script_name, stylesheet
from .cms_backend import Backend, Refused
from .cms_package import SCRIPT, editor_files
from .settings import CONFIG, load_settings

MAX_BODY = 50 * 1024 * 1024  # an image sent as base64, as decap-server allows
TYPES = {".html": "text/html; charset=utf-8", ".yml": "text/yaml; charset=utf-8", ".css": "text/css; charset=utf-8",
         ".js": "application/javascript; charset=utf-8", ".txt": "text/plain; charset=utf-8"}


class EditorServer:
    """The editor for the project at ``root``, served at ``self.url`` until ``close()``;
    ``preview`` is the address of the live preview (``make serve``), for "view preview" links."""

    def __init__(self, root: Path, port: int = 8081, preview: str = "http://127.0.0.1:8000",
                 config: str = CONFIG, host: str = "127.0.0.1"):
        self.root, self.config, self.preview = Path(root).resolve(), config, preview
        code = editor_files(self.root)  # raises PackageError, with what to do, before anything listens
        self.static = {script_name(): code[SCRIPT], **{k: v for k, v in code.items() if k != SCRIPT}}
        self.backend = Backend(self.root, config)
        server = self

        class Handler(_Handler):
            editor = server

        self.httpd = http.server.ThreadingHTTPServer((host, port), Handler)
        self.host = f"{host}:{self.httpd.server_address[1]}"
        self.url = f"http://{self.host}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def file(self, name: str) -> bytes | None:
        if name in ("", "index.html"):
            cfg = self._config()
            return page(cfg, str(read_config(self.root / self.config).get("site_name") or "")).encode()
        if name == "config.yml":
            return config_yaml(self._config()).encode()
        if name == STYLESHEET:
            return stylesheet(load_settings(self.root, self.config).languages).encode()
        if name == SCRIPT_MENDS:
            return mending_script().encode()
        return self.static.get(name)

    def _config(self) -> dict:
        return cms_config(self.root, self.config, backend=dict(LOCAL), site_url=self.preview)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _Handler(http.server.BaseHTTPRequestHandler):
    editor: EditorServer
    protocol_version = "HTTP/1.1"

    def log_message(self, *_args):  # quiet: the terminal shows the addresses and the saves
        pass

    def _send(self, status: int, body: bytes, ctype: str, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", policy(dict(LOCAL), header=True))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "same-origin")
        self.send_header("Cache-Control", "no-store")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, payload) -> None:
        self._send(status, json.dumps(payload, ensure_ascii=False).encode(), "application/json; charset=utf-8")

    def _hosts(self) -> tuple[str, str]:
        return self.editor.host, self.editor.host.replace("127.0.0.1", "localhost")

    def _own_host(self) -> bool:
        return self.headers.get("Host", "") in self._hosts()

    def do_GET(self):  # noqa: N802 - http.server's naming
        if not self._own_host():
            return self._send(421, b"Misdirected request", "text/plain")
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path in ("/", f"/{FOLDER}"):
            return self._send(302, b"", "text/plain", {"Location": f"/{FOLDER}/"})
        if path.startswith(f"/{FOLDER}/"):
            name = path[len(FOLDER) + 2:]
            body = self.editor.file(name)
            if body is not None:
                return self._send(200, body, TYPES.get(Path(name or "index.html").suffix, "application/octet-stream"))
        self._send(404, b"Not found", "text/plain; charset=utf-8")

    do_HEAD = do_GET

    def do_POST(self):  # noqa: N802
        if self.path != "/api/v1":
            return self._json(404, {"error": "not found"})
        origin = self.headers.get("Origin")
        if not self._own_host() or (origin is not None and origin not in [f"http://{h}" for h in self._hosts()]):
            return self._json(403, {"error": "requests come only from the editor's own page"})
        if not self.headers.get("Content-Type", "").startswith("application/json"):
            return self._json(415, {"error": "JSON only"})
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            return self._json(413, {"error": f"at most {MAX_BODY // 1024 // 1024} MB at once"})
        try:
            body = json.loads(self.rfile.read(length) or b"{}")
            result = self.editor.backend.handle(body if isinstance(body, dict) else {})
        except Refused as exc:
            return self._json(exc.status, {"error": str(exc)})
        except (ValueError, OSError) as exc:
            return self._json(500, {"error": f"{exc.__class__.__name__}: {exc}"})
        self._json(200, result)
