"""The local editing server (hooks/bss/editor/http_server.py) spoken to as any program on the computer can:
with raw requests. Whatever arrives, the answer is a 4xx with a message, and the server goes on."""
from __future__ import annotations

import http.client
import json
import socket

import pytest

from bss.editor.http_server import MAX_BODY, EditorServer

HEADERS = "POST /api/v1 HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"


@pytest.fixture
def editor(project):
    server = EditorServer(project, port=0)
    yield server
    server.close()


def raw(editor, request: bytes) -> tuple[int, dict, bytes]:
    """Send ``request`` as it is, say nothing more, and read the whole answer."""
    host, port = editor.host.split(":")
    with socket.create_connection((host, int(port)), timeout=30) as conn:  # a bound on waiting, not a measure
        conn.sendall(request)
        conn.shutdown(socket.SHUT_WR)
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    assert answer, "the server dropped the connection without an answer"
    head, _, body = answer.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, v in (line.split(":", 1) for line in lines)}
    return int(status_line.split()[1]), headers, body


def post(editor, body: bytes, *extra: str) -> tuple[int, dict, bytes]:
    head = HEADERS.format(host=editor.host) + "".join(f"{line}\r\n" for line in extra)
    if not any(line.lower().startswith(("content-length", "transfer-encoding")) for line in extra):
        head += f"Content-Length: {len(body)}\r\n"
    return raw(editor, head.encode() + b"\r\n" + body)


def refused(answer: tuple[int, dict, bytes], status: int) -> str:
    code, headers, body = answer
    assert code == status, (code, body)
    if headers["content-type"].startswith("application/json"):
        message = json.loads(body)["error"]
    else:
        assert headers["content-type"].startswith("text/plain")
        message = body.decode()
    assert message.strip()
    return message


def still_answers(editor) -> None:
    host, port = editor.host.split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    conn.request("POST", "/api/v1", json.dumps({"action": "info"}), {"Content-Type": "application/json"})
    assert conn.getresponse().status == 200
    conn.close()


INFO = json.dumps({"action": "info"}).encode()


@pytest.mark.parametrize("length", ["abc", "-1", "+17", "1_7", "0x11", " 17 17", "1e1", "17.0"])
def test_a_content_length_that_is_not_a_plain_number_is_refused_without_reading(editor, length):
    # Content-Length: -1 was read as "to the end": past the 50 MB limit
    assert "Content-Length" in refused(post(editor, INFO, f"Content-Length: {length}"), 400)
    still_answers(editor)


def test_the_limit_holds(editor):
    assert "at most 50 MB" in refused(post(editor, b"", f"Content-Length: {MAX_BODY + 1}"), 413)
    assert "at most" in refused(post(editor, b"", "Content-Length: " + "9" * 5000), 413)
    refused(post(editor, INFO, "Content-Length: 17", "Content-Length: 18"), 400)
    refused(post(editor, b"11\r\n" + INFO + b"\r\n0\r\n\r\n", "Transfer-Encoding: chunked"), 411)
    still_answers(editor)


@pytest.mark.parametrize("body", [
    b"[" * 100_000 + b"]" * 100_000,  # nested past Python's recursion limit
    b'{"action": "info"',  # cut short
    b"\xff\xfe{}",  # not UTF-8
])
def test_a_body_that_is_not_json_is_refused(editor, body):
    assert "not JSON" in refused(post(editor, body), 400)
    still_answers(editor)


@pytest.mark.parametrize("request_body", [
    [1, 2],
    {"action": "getEntry", "params": ["data/glossary.yml"]},
    {"action": "getEntry", "params": {"path": {"a": 1}}},
    {"action": "entriesByFiles", "params": {"files": ["data/glossary.yml"]}},
    {"action": "entriesByFolder", "params": {"folder": "data/partners", "extension": 7}},
    {"action": "persistEntry", "params": {"dataFiles": ["data/partners/x.yml"]}},
    {"action": "persistEntry", "params": {"dataFiles": [{"path": "data/partners/x.yml", "raw": {"id": "x"}}]}},
    {"action": "persistEntry", "params": {"dataFiles": [{"path": ["data/partners/x.yml"], "raw": "id: x"}]}},
    {"action": "deleteFiles", "params": {"paths": [["data/partners/aopd.yml"]]}},
    {"action": "persistMedia", "params": {"asset": {"path": "docs/assets/images/x.png", "content": "not base64!"}}},
    {"action": "persistMedia", "params": {"asset": "docs/assets/images/x.png"}},
])
def test_a_request_of_the_wrong_shape_is_refused(editor, request_body):
    refused(post(editor, json.dumps(request_body).encode()), 400)
    still_answers(editor)


def test_a_rename_from_a_file_that_is_not_yaml_is_refused(editor, project):
    (project / "data/partners/binar.yml").write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00")
    request = {"action": "persistEntry", "params": {"dataFiles": [{
        "path": "data/partners/binar.yml", "newPath": "data/partners/binar-nou.yml", "raw": "id: binar-nou\n"}]}}
    assert "binar.yml" in refused(post(editor, json.dumps(request).encode()), 422)
    assert (project / "data/partners/binar.yml").is_file() and not (project / "data/partners/binar-nou.yml").exists()


def test_a_request_that_is_not_http_gets_a_plain_answer(editor):
    refused(raw(editor, b"GET /admin/ and more HTTP/1.1\r\n\r\n"), 400)
    still_answers(editor)


def test_the_editor_answers_only_its_own_names_and_origin(editor):
    port = editor.address[1]
    own = "GET /admin/config.yml HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n"
    for host in (f"127.0.0.1:{port}", f"localhost:{port}"):
        assert raw(editor, own.format(host).encode())[0] == 200
    for host in (f"rebound.example:{port}", f"127.0.0.1:{port + 1}", "127.0.0.1"):
        assert raw(editor, own.format(host).encode())[0] == 421
    for origin in ("http://rebound.example", f"http://rebound.example:{port}", "null", f"https://127.0.0.1:{port}"):
        assert "own page" in refused(post(editor, INFO, f"Origin: {origin}"), 403)
    assert post(editor, INFO, f"Origin: http://localhost:{port}")[0] == 200


def test_a_connection_the_browser_drops_prints_no_traceback(editor, capsys):
    for error in (ConnectionResetError(104, "Connection reset by peer"), BrokenPipeError(32, "Broken pipe"),
                  TimeoutError("timed out")):
        try:
            raise error
        except OSError:
            editor.httpd.handle_error(None, ("127.0.0.1", 1))
    try:
        raise ValueError("something else")
    except ValueError:
        editor.httpd.handle_error(None, ("127.0.0.1", 1))
    assert capsys.readouterr().err == "The editor could not answer a request: ValueError: something else\n"
