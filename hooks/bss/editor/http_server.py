"""The local editing server of ``make edit``: the editor's page and its backend, on one origin.

    http://127.0.0.1:8081/admin/    the editor (its configuration generated afresh at each load,
                                    so a schema change shows on reloading the page)
    http://127.0.0.1:8081/api/v1    the backend the editor saves through (backend.py)

It listens on the loopback interface only, and it answers only its own pages: a request must
name it as its host (no DNS rebinding), and a save must come from its own origin as JSON (no
other web page the editor has open can post to it). Everything is served with the editor's
Content-Security-Policy as a header.
"""
from __future__ import annotations

import http.server
import json
import re
import sys
import threading
from pathlib import Path

from bss.editor.config import LOCAL, cms_config, config_yaml, read_config
from bss.editor.admin import FOLDER, SCRIPT_MENDS, STYLESHEET, mending_script, page, policy, script_name, stylesheet
from bss.editor.backend import Backend, Refused
from bss.editor.package import SCRIPT, editor_files
from bss.loopback import is_own_host
from bss.settings import CONFIG, load_settings

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

        self.httpd = _Server((host, port), Handler)
        self.host = f"{host}:{self.httpd.server_address[1]}"
        self.address = (host, self.httpd.server_address[1])  # the names it answers: loopback.py
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


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A browser that closes a connection (a tab closed, a reload) is not a fault to print; any
        other error is said in a line, not a traceback."""
        error = sys.exc_info()[1]
        if not isinstance(error, (ConnectionError, TimeoutError)):
            _say(error)


class _Handler(http.server.BaseHTTPRequestHandler):
    editor: EditorServer
    protocol_version = "HTTP/1.1"
    timeout = 60  # seconds a connection may stay silent: one that never sends its body is let go

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
        if status >= 400 and self.command == "POST":  # its body may be unread: never read it as a request
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's answer to a request it cannot parse, as plain text with the editor's headers."""
        self.close_connection = True
        text = message or self.responses.get(code, ("Bad request",))[0]
        self._send(code, f"{text}\n".encode("utf-8", "replace"), "text/plain; charset=utf-8", {"Connection": "close"})

    def _json(self, status: int, payload) -> None:
        self._send(status, json.dumps(payload, ensure_ascii=False).encode(), "application/json; charset=utf-8")

    def _own_host(self) -> bool:
        return is_own_host(self.headers.get("Host"), *self.editor.address)

    def _own_origin(self) -> bool:
        origin = self.headers.get("Origin")
        return origin is None or (origin.startswith("http://") and is_own_host(origin[7:], *self.editor.address))

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
        if not self._own_host() or not self._own_origin():
            return self._json(403, {"error": "requests come only from the editor's own page"})
        if not self.headers.get("Content-Type", "").startswith("application/json"):
            return self._json(415, {"error": "JSON only"})
        try:
            body = self._body()
            result = self.editor.backend.handle(body)
        except Refused as exc:
            return self._json(exc.status, {"error": str(exc)})
        except Exception as exc:  # noqa: BLE001 - a fault of the editor itself: said, not a dropped connection
            _say(exc)
            return self._json(500, {"error": f"{exc.__class__.__name__}: {exc}"})
        self._json(200, result)

    def _body(self):
        """The request's JSON body: exactly Content-Length bytes (digits only, at most MAX_BODY), read
        whole, or refused before a byte is read."""
        if self.headers.get("Transfer-Encoding") is not None:
            raise Refused("a body of known length only (Content-Length, not Transfer-Encoding)", 411)
        lengths = set(self.headers.get_all("Content-Length") or ["0"])
        if len(lengths) != 1 or not re.fullmatch(r"[0-9]+", next(iter(lengths))):
            raise Refused("Content-Length is one whole number of bytes", 400)
        digits = next(iter(lengths))
        length = int(digits) if len(digits) <= 12 else MAX_BODY + 1
        if length > MAX_BODY:
            raise Refused(f"at most {MAX_BODY // 1024 // 1024} MB at once", 413)
        try:
            data = self.rfile.read(length)
        except OSError:  # silent past the timeout
            raise Refused("the body did not arrive", 408) from None
        if len(data) < length:
            raise Refused("the body is shorter than its Content-Length", 400)
        try:
            return json.loads(data or b"{}")
        except (ValueError, RecursionError) as exc:  # not UTF-8, not JSON, or nested past Python's limit
            raise Refused(f"the body is not JSON that can be read ({exc.__class__.__name__})", 400) from None


def _say(error: BaseException | None) -> None:
    print(f"The editor could not answer a request: {error.__class__.__name__}: {error}", file=sys.stderr)
