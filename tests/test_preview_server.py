"""The live preview's server, without a browser: what it answers while a build runs."""
from __future__ import annotations

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
