"""The live preview's server, without a browser: what it answers while a build runs, and which
events of the file system start a rebuild."""
from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from watchdog.events import FileSystemEventHandler

from helpers import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from preview.live import ChangesObserver, PreviewServer  # noqa: E402


class WatchedCondition(threading.Condition):
    """A condition that says when someone waits on it (wait_for waits through wait); the lock is
    released only inside the wait, so whoever was told cannot notify before the waiting starts."""

    def __init__(self, waiting: threading.Event):
        super().__init__()
        self.waiting = waiting

    def wait(self, timeout=None):
        self.waiting.set()
        return super().wait(timeout)


def test_a_page_asked_for_during_a_failing_build_is_the_problem_page(tmp_path):
    (tmp_path / "index.html").write_text("<html><body>the old page</body></html>", encoding="utf-8")
    server = PreviewServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        server._wanted_epoch = server._visible_epoch + 1  # a build is running
        waiting = threading.Event()
        server._epoch_cond = WatchedCondition(waiting)

        def build_fails():  # ends once the request waits for it
            waiting.wait()
            server.problems = ["data/x.yml:3: title: missing (a text)"]
            with server._epoch_cond:
                server._visible_epoch = server._wanted_epoch
                server._epoch_cond.notify_all()

        threading.Thread(target=build_fails).start()
        answer = {}
        body = b"".join(server._serve_request({"PATH_INFO": "/"}, lambda status, headers: answer.update(status=status)))
        assert answer["status"].startswith("500") and b"data/x.yml:3: title: missing" in body
        assert f"e={server._visible_epoch}".encode() in body  # its reload script waits for the next build
    finally:
        server.server_close()


def test_the_preview_answers_only_the_loopback_names_it_was_started_on(tmp_path):
    """A page elsewhere that points its own name at 127.0.0.1 (DNS rebinding) reads nothing."""
    (tmp_path / "index.html").write_text("<html><body>an unpublished draft</body></html>", encoding="utf-8")
    server = PreviewServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.server_bind()
    server.server_activate()
    server.serve_thread.start()
    port = server.server_address[1]

    def get(path: str, host: str | None) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.putrequest("GET", path, skip_host=True)
        if host is not None:
            conn.putheader("Host", host)
        conn.endheaders()
        answer = conn.getresponse()
        body = answer.read()
        conn.close()
        return answer.status, body

    try:
        for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}"):
            assert get("/", host) == (200, b"<html><body>an unpublished draft</body></html>")
        for host in (f"rebound.example:{port}", f"127.0.0.1:{port + 1}", "127.0.0.1", f"127.0.0.1.nip.io:{port}", None):
            for path in ("/", "/livereload/1/1", "/.preview/reload.js?e=1&r=1", "/nowhere/"):
                status, body = get(path, host)
                assert status == 421 and b"draft" not in body, (host, path)
    finally:
        server.shutdown()


def test_the_problem_page_survives_a_format_in_its_own_count(tmp_path):
    """``{n:>99999999999}`` in preview.count asked Python for 100 GB (a MemoryError, no page)."""
    from preview import problem_page as preview

    problems = ["data/i18n/ro.yml:238: preview.count: has a broken placeholder"]
    for count in ("Probleme: {n:>99999999999}", "Probleme: {n.__class__}", "Probleme: {numar}"):
        texts = {**preview.FALLBACK, "preview.count": count}
        page = preview.error_page(problems, "ro", texts, "/.preview/reload.js")
        assert "Problems: 1" in page and problems[0] in page


def test_a_malformed_reload_script_address_is_a_400(tmp_path):
    server = PreviewServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        for query in ("", "e=1", "e=x&r=1", "e=1&r=-1", "e=1&r=" + "9" * 5000):
            answer = {}
            body = b"".join(server._serve_request({"PATH_INFO": "/.preview/reload.js", "QUERY_STRING": query},
                                                  lambda status, headers, answer=answer: answer.update(status=status)))
            assert answer["status"].startswith("400") and b"whole numbers" in body, query
        assert server._serve_request({"PATH_INFO": "/.preview/reload.js", "QUERY_STRING": "e=1&r=2"},
                                     lambda status, headers: answer.update(status=status))
        assert answer["status"].startswith("200")
    finally:
        server.server_close()


class Recorder(FileSystemEventHandler):
    """The events that reach the preview's rebuild, and one awaited: the change that ends the test,
    the file ``last`` written (its modification; its creation comes before it, with inotify or polling)."""

    def __init__(self, last: str):
        super().__init__()
        self.seen, self.last, self.done = [], last, threading.Event()

    def on_any_event(self, event):
        if not event.is_directory:
            self.seen.append((event.event_type, Path(os.fsdecode(event.src_path)).name))
            if self.seen[-1] == ("modified", self.last):
                self.done.set()


def test_only_a_changed_file_starts_a_rebuild_not_a_read_nor_compiled_python(tmp_path):
    """The system reports the events of one watch in the order they happened: once the change made
    last has come, every event before it has come too, so nothing needs a fixed wait."""
    content = tmp_path / "data/x.yml"
    content.parent.mkdir()
    content.write_text("id: x\n", encoding="utf-8")
    (tmp_path / "hooks/__pycache__").mkdir(parents=True)
    recorder = Recorder("y.yml")
    observer = ChangesObserver()
    observer.schedule(recorder, str(tmp_path), recursive=True)
    observer.start()
    try:
        assert content.read_text(encoding="utf-8") == "id: x\n"  # a build reads every file
        (tmp_path / "hooks/__pycache__/site_hook.cpython-311.pyc").write_bytes(b"compiled")
        (tmp_path / "data/y.yml").write_text("id: y\n", encoding="utf-8")  # a change
        assert recorder.done.wait(60), recorder.seen
    finally:
        observer.stop()
        observer.join()
    assert {name for _, name in recorder.seen} == {"y.yml"}, recorder.seen
    assert "modified" in {kind for kind, _ in recorder.seen}


@pytest.mark.build
@pytest.mark.parametrize(("tool", "option"), [("serve.py", "--dev-addr"), ("edit.py", "--preview-port")])
def test_a_taken_port_is_said_at_once_with_the_option_that_chooses_another(tool, option):
    with socket.socket() as holder:  # another preview, say
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        args = ["--dev-addr", f"127.0.0.1:{port}"] if tool == "serve.py" else ["--port", "0", "--preview-port", str(port)]
        # (the bound only ends a hang: before, `make edit` kept running with its preview dead)
        run = subprocess.run([sys.executable, str(ROOT / "tools" / tool), *args], capture_output=True, text=True,
                             cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=600)
    said = run.stdout + run.stderr
    assert run.returncode == 1, said
    assert f"cannot listen on 127.0.0.1:{port}" in said and option in said, said
    assert "Traceback" not in said and "Building documentation" not in said, said  # before any build


@pytest.mark.parametrize("owner, name, said", [
    ("module", "_SCRIPT_TEMPLATE", "mkdocs.livereload._SCRIPT_TEMPLATE"),
    ("class", "_inject_js_into_html", "mkdocs.livereload.LiveReloadServer._inject_js_into_html"),
])
def test_the_preview_stops_at_start_up_naming_a_private_name_mkdocs_lacks(tmp_path, monkeypatch, owner, name, said):
    import mkdocs.livereload as livereload
    monkeypatch.delattr(livereload if owner == "module" else livereload.LiveReloadServer, name)
    with pytest.raises(SystemExit) as stopped:
        PreviewServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    assert said in str(stopped.value.code)
    assert "mkdocs>=1.6.1,<1.7" in str(stopped.value.code)


def test_the_preview_stops_at_start_up_naming_an_attribute_mkdocs_no_longer_sets(tmp_path, monkeypatch):
    import mkdocs.livereload as livereload
    original = livereload.LiveReloadServer.__init__

    def without_epoch_cond(self, *args, **kwargs):
        original(self, *args, **kwargs)
        del self._epoch_cond

    monkeypatch.setattr(livereload.LiveReloadServer, "__init__", without_epoch_cond)
    with pytest.raises(SystemExit) as stopped:
        PreviewServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    assert "LiveReloadServer()._epoch_cond" in str(stopped.value.code)


def test_this_mkdocs_has_every_private_name_the_preview_relies_on(tmp_path):
    from preview import private_names
    server = PreviewServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        assert private_names.missing(server) == []
    finally:
        server.server_close()


@pytest.mark.build
def test_the_preview_runs_on_properdocs_rebuilds_and_shows_problems(tmp_path):
    """``make serve ENGINE=properdocs``: the same preview on ProperDocs (its ``replacement`` answers
    every ``import mkdocs``), started with the engine named, rebuilding after a change, the
    problem page while the content is broken, and its folder removed when it is stopped."""
    import re
    import urllib.error
    import urllib.request

    from helpers import poll, running_preview

    with running_preview(tmp_path, "--engine", "properdocs") as (project, url, log, server):
        page = f"{url}/en/studii-de-caz/spalatorie-sociala-glodeni/"

        def answer() -> tuple[int, str]:
            try:
                with urllib.request.urlopen(page, timeout=30) as response:
                    return response.status, response.read().decode("utf-8")
            except urllib.error.HTTPError as error:
                return error.code, error.read().decode("utf-8")
            except OSError:
                return 0, ""

        def shows(*texts: str, status: int | None = None):
            def ready() -> bool:
                code, body = answer()
                return (status is None or code == status) and all(text in body for text in texts)
            return ready

        said = lambda what: lambda: f"{what}:\n{log.read_text(encoding='utf-8')}"  # noqa: E731
        gone = lambda: server.poll() is not None  # noqa: E731
        poll(shows("mobile social laundry", status=200), said("the preview did not start on ProperDocs"), gone=gone)
        assert re.search(r"The live preview, on ProperDocs 1\.6\.\d+", log.read_text(encoding="utf-8"))
        case = project / "data/case-studies/spalatorie-sociala-glodeni.yml"
        text = case.read_text(encoding="utf-8")
        case.write_text(text.replace("title:\n  ro:", "title:\n  xx: x\n  ro:", 1), encoding="utf-8")
        poll(shows("The content has problems", "spalatorie-sociala-glodeni.yml:5: title.xx: unknown field"),
             said("no problem page"), gone=gone)
        case.write_text(text.replace('en: "', 'en: "Renamed: ', 1), encoding="utf-8")
        poll(shows("Renamed: ", status=200), said("the fix did not bring the page back"), gone=gone)
