"""Static servers for the tests and the benchmarks, each in a thread on a free local port.

``StaticServer`` serves a folder as Python's http.server does (quietly). ``HostLikeServer`` behaves
like a real static host, for measuring what a reader downloads: Python's own server sends every
file uncompressed and uncacheable, whereas a real host (GitHub Pages, Netlify, nginx) compresses
text with gzip and lets the browser cache for a while. Pagefind's index files are compressed on
disk already and are sent as they are.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import io
import socket
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from bss.prepare.pages.links import language_of, language_prefix  # noqa: E402
from bss.settings import load_settings  # noqa: E402

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
MAX_AGE = 600  # seconds, as GitHub Pages sends
LANGUAGES = load_settings(ROOT).languages.codes


def free_port() -> int:
    """A local port nothing listens on, for a server started in another process."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Python's file server, quiet, and answering a missing page as hosts are set up to (README):
    with the "page not found" of the address's language, /en/404.html under /en/ (the site's
    languages, as the link service reads an address)."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / language_prefix(language_of(self.path, LANGUAGES), LANGUAGES) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class HostLikeHandler(QuietHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".js": "application/javascript",
                      ".mjs": "application/javascript", ".json": "application/json", ".wasm": "application/wasm"}

    def end_headers(self):
        self.send_header("Cache-Control", f"public, max-age={MAX_AGE}")
        super().end_headers()

    def send_head(self):
        url_path = self.path.split("?")[0].split("#")[0]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and url_path.endswith("/"):
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        if (not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", "")
                or not ctype.startswith(COMPRESSED_TYPES)):
            return super().send_head()  # directory redirects, 404s, images, fonts, Pagefind's files
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class StaticServer:
    """``root`` served at ``self.url`` until ``close()``."""

    def __init__(self, root: Path, handler: type[http.server.SimpleHTTPRequestHandler] = QuietHandler,
                 port: int = 0):
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port),
                                                     functools.partial(handler, directory=str(root)))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class HostLikeServer(StaticServer):
    def __init__(self, root: Path, port: int = 0):
        super().__init__(root, HostLikeHandler, port)
