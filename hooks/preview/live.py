"""``make serve``: the live preview. It rebuilds the site when a file changes and reloads the pages
open in the browser; while the content has problems, every page it serves lists them instead
(path:line: field: what is wrong (what was expected)), and reloads by itself once they are fixed.

    python tools/serve.py [--dev-addr 127.0.0.1:8000] [-f mkdocs.yml]

This is ``mkdocs serve`` with two differences. A failed build does not leave the browser waiting
(MkDocs holds every request until a build succeeds): the problems are shown at once. And the
reload script is a file of the site's own origin, not an inline script, so the pages keep the
Content-Security-Policy they are published with.
"""
from __future__ import annotations

import argparse
import logging
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs

ROOT = Path(__file__).resolve().parents[2]  # the project: hooks/preview/live.py
sys.path.insert(0, str(ROOT / "hooks"))

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
import mkdocs.livereload as livereload  # noqa: E402
from mkdocs.livereload import LiveReloadServer  # noqa: E402
from watchdog.events import FileSystemEventHandler  # noqa: E402
from watchdog.observers import Observer  # noqa: E402
from watchdog.observers.polling import PollingObserver  # noqa: E402

from preview import private_names  # noqa: E402
from preview import problem_page as preview  # noqa: E402
from bss.prepare.pages.links import language_of, language_prefix  # noqa: E402
from preview.rebuilds import REBUILDS  # noqa: E402
from bss.loopback import is_own_host  # noqa: E402
from bss.settings import load_settings  # noqa: E402
from bss.ports import taken  # noqa: E402

# The engine's loggers: MkDocs', or ProperDocs' when it answers for MkDocs (tools/serve.py --engine
# properdocs): its modules log under their own names, properdocs.*, and the mkdocs logger is its child.
ENGINE = build.__module__.split(".")[0]
log = logging.getLogger("mkdocs.preview")
after = logging.getLogger("bss.preview")
RELOAD = "/.preview/reload.js"


class Problems(logging.Handler):
    """What a build logs at warning level and above: on failure, the lines the page lists."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().strip():
            self.records.append((record.name, record.getMessage()))

    def lines(self) -> list[str]:
        """The lines logged, less MkDocs' own closing message when others said what went wrong."""
        specific = [message for name, message in self.records if name != build.__module__]
        return specific or [message for _, message in self.records]


class NotWarnings(logging.Filter):
    """Lines MkDocs logs as warnings that are not problems here, made information: in strict mode
    MkDocs counts every warning under its logger, and ends the build if there is one.
    - Each request the server answers with an error (a missing favicon, the problem page): a
      request made while a build ran would end that build.
    And two notices about "dirty" builds dropped: the hook tells MkDocs exactly which pages
    changed (preview.rebuilds), and empties the folder when all must be built again, so neither
    the pages nor the folder are stale as they warn."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message.startswith(("A 'dirty' build is being performed", "The directory contains stale files")):
            return False
        if record.levelno == logging.WARNING and re.search(r'"\S+ \S+ HTTP/[\d.]+" code \d+$', message):
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


class OnlyChanges(FileSystemEventHandler):
    """Passes on the events that change a file. The system also reports a file opened or closed
    unchanged: every build reads the content, so those would start a build after every build. And
    Python writing its compiled code (``__pycache__``) beside the hook is not a change either."""

    READS = ("opened", "closed_no_write")

    def __init__(self, handler: FileSystemEventHandler):
        super().__init__()
        self.handler = handler

    def dispatch(self, event) -> None:
        if event.event_type not in self.READS and "__pycache__" not in Path(os.fsdecode(event.src_path)).parts:
            self.handler.dispatch(event)


class ChangesObserver(Observer):  # type: ignore[valid-type,misc]  # watchdog picks the platform's class at import
    def schedule(self, event_handler, path, **kwargs):
        return super().schedule(OnlyChanges(event_handler), path, **kwargs)


class PreviewServer(LiveReloadServer):
    problems: list[str] | None = None
    languages: list[str] = ["ro"]
    root_dir: Path = ROOT

    def __init__(self, *args, **kwargs):
        private_names.require()  # MkDocs' private names this class relies on (preview.private_names)
        super().__init__(*args, **kwargs)
        try:
            private_names.require(self)  # and those its __init__ sets
        except SystemExit:
            self.server_close()
            raise
        # Told by the system the moment a file changes (inotify on Linux), where MkDocs polls
        # every half second; polling again if the system has no watches left.
        self.observer = ChangesObserver()
        self.requested = threading.local()

    def watch(self, path: str, func=None, *, recursive: bool = True) -> None:
        try:
            super().watch(path, func, recursive=recursive)
        except OSError as exc:
            if isinstance(self.observer, PollingObserver):
                raise
            log.info(f"Watching for changes by polling every 0.5 s ({exc})")
            paths = [*self._watched_paths, path]
            self._watched_paths.clear()
            self._watch_refs.clear()
            self.observer = PollingObserver(timeout=0.5)
            for each in dict.fromkeys(paths):
                super().watch(each, recursive=recursive)

    def serve_request(self, environ, start_response):
        """Every request, the reload script's too: answered only if it names this server by the
        loopback address it was started on (bss.loopback: no DNS rebinding), as the editor does."""
        if not is_own_host(environ.get("HTTP_HOST"), *self.server_address[:2]):
            return _text(start_response, "421 Misdirected Request",
                         b"Misdirected request: this preview answers only at its own address\n")
        return super().serve_request(environ, start_response)

    def _serve_request(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        self.requested.path = path  # for the "page not found" in the address's language
        if path == RELOAD:
            query = parse_qs(environ.get("QUERY_STRING", ""))
            numbers = [query.get(key, [""])[0] for key in ("e", "r")]
            if not all(re.fullmatch(r"[0-9]{1,20}", n) for n in numbers):
                return _text(start_response, "400 Bad Request", b"e and r are whole numbers\n")
            script = livereload._SCRIPT_TEMPLATE.substitute(epoch=int(numbers[0]), request_id=int(numbers[1])).encode()
            start_response("200 OK", [("Content-Type", "text/javascript"), ("Content-Length", str(len(script))),
                                      ("Cache-Control", "no-store")])
            return [script]
        if not _is_page(path):
            return super()._serve_request(environ, start_response)
        # As MkDocs does, wait for the ongoing build: whether it fails decides what the page is
        # (served before it ends, a page would be the old one, marked as new, and never reload).
        with self._epoch_cond:
            self._epoch_cond.wait_for(lambda: self._visible_epoch == self._wanted_epoch)
            epoch, problems = self._visible_epoch, self.problems
        if problems is not None:
            lang = language_of(path, self.languages)
            page = preview.error_page(problems, lang, preview.strings(self.root_dir, lang), self._reload_src(epoch))
            body = page.encode("utf-8")
            start_response("500 Internal Server Error", [("Content-Type", "text/html; charset=utf-8"),
                                                         ("Content-Length", str(len(body))), ("Cache-Control", "no-store")])
            return [body]
        return super()._serve_request(environ, start_response)

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        tag = f'<script src="{self._reload_src(epoch)}"></script>'.encode()
        end = content.rfind(b"</body>")
        end = len(content) if end < 0 else end
        return content[:end] + tag + content[end:]

    @staticmethod
    def _reload_src(epoch: int) -> str:
        return f"{RELOAD}?e={epoch}&r={time.monotonic_ns() // 1000}"


def _text(start_response, status: str, body: bytes) -> list[bytes]:
    start_response(status, [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))])
    return [body]


def _is_page(path: str) -> bool:
    if path.startswith(("/livereload/", "/.preview/")):
        return False
    last = path.rsplit("/", 1)[-1]
    return path.endswith("/") or last.endswith(".html") or "." not in last


def serve(config_file: str, host: str, port: int) -> None:
    """Build the site of ``config_file`` into a temporary folder and serve it at ``host:port``
    until stopped, rebuilding on every change of docs/, the configuration and what its ``watch``
    lists (the content, the code, the theme's overrides).

    MkDocs' own ``serve`` is not used because it leaves the browser waiting on a failed build and
    injects an inline reload script the pages' CSP forbids; this one shows the problems at once and
    serves the script as a file. The rebuilds keep one ``Caches`` for the session (rebuilds.py),
    so an edit re-renders only the pages it changes. Blocks; ``main`` checks the port first."""
    site_dir = tempfile.mkdtemp(prefix="bss-preview-")
    serve_url = f"http://{host}:{port}/"

    def get_config():
        config = load_config(config_file=config_file, site_dir=site_dir, dev_addr=f"{host}:{port}")
        config.site_url = serve_url
        return config

    if ENGINE != "mkdocs":  # as `python -m properdocs` does: what the hook and the theme log is counted and shown
        logging.getLogger("mkdocs").parent = logging.getLogger(ENGINE)
    for name in (livereload.__name__, build.__module__):
        logging.getLogger(name).addFilter(NotWarnings())
    REBUILDS.enabled = True
    sys.argv.append("--dirty")  # mkdocs-static-i18n builds the other languages dirty only when it sees this
    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    server = PreviewServer(builder=lambda: None, host=host, port=port, root=site_dir)
    server.root_dir = Path(config.config_file_path).parent
    try:
        server.languages = list(load_settings(server.root_dir, Path(config.config_file_path).name).languages.codes)
    except Exception:  # noqa: BLE001  (a broken mkdocs.yml is reported by the build; the page is in the default language)
        server.languages = ["ro"]

    def builder(config=None):
        collected = Problems()
        logging.getLogger(ENGINE).addHandler(collected)
        started = time.perf_counter()
        try:
            build(config or get_config(), serve_url=serve_url, dirty=True)
        except (Exception, SystemExit) as exc:  # MkDocs ends a strict build with SystemExit (Abort)
            server.problems = collected.lines()
            if not server.problems:  # nothing said what went wrong: the error itself
                server.problems = [f"{type(exc).__name__}: {exc}"]
                log.error(server.problems[0], exc_info=exc)
            log.error(f"The preview shows these {len(server.problems)} problem(s) on every page at {serve_url} "
                      "until they are fixed; it reloads by itself then.")
        else:
            server.problems = None
            log.info(f"Built in {time.perf_counter() - started:.1f} s: {serve_url}")
            REBUILDS.run_deferred(_report)
        finally:
            logging.getLogger(ENGINE).removeHandler(collected)

    server.builder = builder
    server.error_handler = lambda code: _not_found(
        site_dir, code, language_prefix(language_of(getattr(server.requested, "path", "/"), server.languages), server.languages))
    try:
        builder(config)
        server.watch(config.docs_dir)
        server.watch(config.config_file_path)
        for item in config.watch:
            server.watch(item)
        server.serve()
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()
        config.plugins.on_shutdown()
        REBUILDS.settle()  # the steps after the last build write into the folder: let them end first
        shutil.rmtree(site_dir, ignore_errors=True)


def _not_found(site_dir: str, code: int, prefix: str) -> bytes | None:
    """The site's own "page not found", in the language of the address asked for (its ``prefix``)."""
    page = Path(site_dir) / prefix / f"{code}.html"
    return page.read_bytes() if code == 404 and page.is_file() else None


def _report(said: str | None, error: Exception | None) -> None:
    """What a step run after the build said (the search index, the editor), or why it failed; on a
    logger of its own, as MkDocs counts the errors of its loggers against the build running then."""
    if error is None:
        after.info(said)
    else:
        after.error(str(error))


def _stop(_signum, _frame):
    raise KeyboardInterrupt


def main(argv: list[str]) -> int:
    """``tools/serve.py`` (``make serve``): read ``--dev-addr`` and ``-f``, say at once if the port is
    taken (not after a whole build), then ``serve``. Returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="host:port to listen on (default 127.0.0.1:8000)")
    parser.add_argument("-f", "--config-file", default=str(ROOT / "mkdocs.yml"))
    args = parser.parse_args(argv)
    match = re.fullmatch(r"(.+):(\d+)", args.dev_addr)
    if not match:
        parser.error("--dev-addr is host:port, e.g. 127.0.0.1:8000")
    busy = taken(match.group(1), int(match.group(2)))
    if busy:  # said now, not after a whole build
        print(f"The preview cannot listen on {args.dev_addr} ({busy}): is `make serve` or `make edit` already running? "
              f"Stop it, or choose another port: python tools/serve.py --dev-addr {match.group(1)}:8001", file=sys.stderr)
        return 1
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    log.info(f"The live preview, on {'ProperDocs' if ENGINE == 'properdocs' else 'MkDocs'} {private_names.version()}")
    signal.signal(signal.SIGTERM, _stop)  # stopped by kill (or make edit) as by Ctrl+C: its folder removed
    serve(args.config_file, match.group(1), int(match.group(2)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
