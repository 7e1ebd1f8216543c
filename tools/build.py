"""Build the site into a scratch folder and swap it in only when the build succeeded.

    python tools/build.py [--engine mkdocs|properdocs] [CONFIG] [SITE_DIR]
                                     (defaults: mkdocs mkdocs.yml site)

- The engine: MkDocs, or ProperDocs (its continuation, MAINTAINING.md), which loads the same theme,
  plugins and hook and prints the same lines: its own loggers are ``properdocs.*``, and it makes
  ``mkdocs.*`` (Material's, the hook's) their child, so ``--strict`` counts every warning as MkDocs does.

- Bad content never leaves a half-built site: the previous SITE_DIR stays exactly as it was.
- The swap is atomic: at no instant is there no complete site. On Linux the new and the old
  folder trade places in one system call (renameat2 with RENAME_EXCHANGE); elsewhere the old
  folder is moved aside and the new one moved in, two renames a moment apart.
- Two builds at once take turns: the second waits for the first (a lock file beside SITE_DIR),
  so neither reports success over a mixed or missing site.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

SAID = ("Translation:", "Public address:", "PDFs")  # information lines a build shows besides its problems
ENGINES = ("mkdocs", "properdocs")
RENAME_EXCHANGE = 2
AT_FDCWD = -100


def engine_argument(argv: list[str]) -> tuple[str, list[str]]:
    """The engine asked for with a leading ``--engine`` (MkDocs unless said), and the other
    arguments: for this script and for the live preview's (serve.py)."""
    if argv[:1] == ["--engine"]:
        return (argv[1] if len(argv) > 1 else ""), argv[2:]
    return "mkdocs", argv


def main(argv: list[str]) -> int:
    engine, argv = engine_argument(argv)
    if engine not in ENGINES:
        print(f"--engine is one of {', '.join(ENGINES)}", file=sys.stderr)
        return 2
    config = argv[0] if argv else "mkdocs.yml"
    site = Path(argv[1] if len(argv) > 1 else "site")
    with _lock(site.parent / f".{site.name}.lock"):
        scratch = site.parent / f".{site.name}-new-{os.getpid()}"
        shutil.rmtree(scratch, ignore_errors=True)
        build = subprocess.run([sys.executable, "-m", engine, "build", "--strict", "-f", config,
                                "--site-dir", str(scratch)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for line in shown(build.stdout):
            print(line, file=sys.stderr)
        if build.returncode != 0:
            shutil.rmtree(scratch, ignore_errors=True)
            print(f"Build failed: {site}/ left as it was.", file=sys.stderr)
            return 1
        swap_in(scratch, site)
    return 0


def shown(output: str) -> list[str]:
    """What the engine printed that an editor needs: each problem as ``path:line: ...`` (the level
    prefix off, so the line starts with the file), the line on translations, the public address."""
    out = []
    for line in output.splitlines():
        level, sep, message = line.partition("-  ")
        if not sep or level.strip() not in ("INFO", "WARNING", "ERROR", "DEBUG"):
            if line.strip() and not line.startswith("Aborted with"):
                out.append(line)
        elif level.strip() != "INFO" or message.startswith(SAID):
            out.append(message)
    return out


def swap_in(new: Path, site: Path) -> None:
    """Put ``new`` where ``site`` is, atomically where the system allows; remove the old site."""
    if not site.exists():
        new.rename(site)
        return
    if _exchange(new, site):
        shutil.rmtree(new)  # ``new`` now holds the previous site
        return
    old = site.parent / f".{site.name}-old-{os.getpid()}"
    site.rename(old)
    new.rename(site)
    shutil.rmtree(old)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2); False where that is not available."""
    try:
        renameat2 = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0


class _lock:
    """An exclusive lock on ``path``, held until the block ends; says so when it has to wait."""

    def __init__(self, path: Path):
        self.path = path

    def __enter__(self):
        self.file = open(self.path, "w")
        try:
            fcntl.flock(self.file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"Another build of {self.path.name[1:-5]}/ is running: waiting for it to finish...", file=sys.stderr)
            fcntl.flock(self.file, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        fcntl.flock(self.file, fcntl.LOCK_UN)
        self.file.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
