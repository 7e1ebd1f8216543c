"""The live preview's server, without a browser: what it answers while a build runs."""
from __future__ import annotations

import http.client
import sys
import threading
import time

from helpers import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from preview import PreviewServer  # noqa: E402


def test_a_page_asked_for_during_a_failing_build_is_the_problem_page(tmp_path):
    (tmp_path / "index.html").write_text("<html><body>the old page</body></html>", encoding="utf-8")
    server = PreviewServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        server._wanted_epoch = server._visible_epoch + 1  # a build is running

        def build_fails():
            time.sleep(0.3)
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
    from bss import preview

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
                                                  lambda status, headers: answer.update(status=status)))
            assert answer["status"].startswith("400") and b"whole numbers" in body, query
        assert server._serve_request({"PATH_INFO": "/.preview/reload.js", "QUERY_STRING": "e=1&r=2"},
                                     lambda status, headers: answer.update(status=status))
        assert answer["status"].startswith("200")
    finally:
        server.server_close()
