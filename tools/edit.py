"""``make edit``: edit the content in a browser, with the site's live preview beside it.

    python tools/edit.py [--port 8081] [--preview-port 8000] [--no-preview] [--engine mkdocs|properdocs]

Starts the local editing server (the editor at /admin/ and the backend it saves through:
hooks/bss/editor/http_server.py) and the live preview (tools/serve.py, as ``make serve``), which rebuilds
after each save, and prints both addresses. Both listen on 127.0.0.1 only. Ctrl+C stops both.
"""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from bss.editor.package import PackageError  # noqa: E402
from bss.editor.http_server import EditorServer  # noqa: E402
from bss.ports import taken  # noqa: E402
from build import ENGINES  # noqa: E402  (tools/build.py)


def main(argv: list[str]) -> int:
    """``make edit``: the editor's server (``EditorServer``: the Decap page and the backend that
    checks and writes each save) and, unless ``--no-preview``, the live preview beside it, so a
    save shows in the site at once. A port already in use is said at once, before any build.
    Returns the exit status."""
    args = _arguments(argv)
    preview = f"http://127.0.0.1:{args.preview_port}"
    busy = None if args.no_preview else taken("127.0.0.1", args.preview_port)
    if busy:  # said now, not by the preview after a whole build
        print(f"The preview cannot listen on 127.0.0.1:{args.preview_port} ({busy}): is `make serve` or `make edit` "
              f"already running? Stop it, or choose another port: python tools/edit.py --preview-port 8002 "
              "(or --no-preview)", file=sys.stderr)
        return 1
    try:
        editor = EditorServer(ROOT, port=args.port, preview=preview)
    except PackageError as exc:
        print(f"The editor cannot start: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"The editor cannot listen on 127.0.0.1:{args.port} ({exc.strerror}): is `make edit` already "
              f"running? Or choose another port: python tools/edit.py --port 8082", file=sys.stderr)
        return 1
    serve = None
    if not args.no_preview:
        serve = subprocess.Popen([sys.executable, str(ROOT / "tools/serve.py"), "--engine", args.engine,
                                  "--dev-addr", f"127.0.0.1:{args.preview_port}"],
                                 cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    print(f"\n  Editor:   {editor.url}/admin/\n"
          f"  Preview:  {preview + '/' if serve else '(off)'}   rebuilt after each save\n\n"
          "  Saving in the editor writes the files in data/ and courses/ of this folder, once `make check`\n"
          "  would pass with them. Review and commit them with git as usual. Stop with Ctrl+C.\n", flush=True)
    signal.signal(signal.SIGTERM, _stop)
    try:
        while True:
            time.sleep(1)
            if serve is not None and serve.poll() is not None:
                print("\n  The preview stopped (its messages are above); the editor keeps running: fix what they\n"
                      "  say in the editor, then restart `make edit` for the preview.\n", file=sys.stderr, flush=True)
                serve = None
    except KeyboardInterrupt:
        pass
    finally:
        if serve is not None and serve.poll() is None:
            serve.terminate()
            try:
                serve.wait(10)
            except subprocess.TimeoutExpired:
                serve.kill()
        editor.close()
    return 0


def _stop(*_):
    raise KeyboardInterrupt


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Edit the content in a browser, with a live preview.")
    parser.add_argument("--port", type=int, default=8081, help="the editor's port (default 8081)")
    parser.add_argument("--preview-port", type=int, default=8000, help="the live preview's port (default 8000)")
    parser.add_argument("--no-preview", action="store_true", help="the editor alone, without the live preview")
    parser.add_argument("--engine", choices=ENGINES, default="mkdocs",
                        help="the engine the live preview runs on (default mkdocs; tools/serve.py)")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
