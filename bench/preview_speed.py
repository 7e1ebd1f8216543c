"""Edit -> preview: how long after an editor saves a record the live preview serves the change.

For each N, a copy of the project with N generated case studies added (0: the shipped content) is
served by the live preview (tools/serve.py, as `make serve`). Then, R times, a case study's
summary is changed on disk and the clock runs until the preview serves the page with the new
text (polled every 20 ms). Also timed: an edit that retitles a case study (its title appears in
the menu, the catalogue and other pages), and the same edit breaking the content (until the
problem page is served). Compare sizes within one run: machines here are shared and noisy.

    python bench/preview_speed.py [N ...] [--repeat R]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from project import ROOT, make_engine
from server import free_port

CASE = "data/case-studies/spalatorie-sociala-glodeni.yml"
PAGE = "/studii-de-caz/spalatorie-sociala-glodeni/"


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8", "replace")
    except OSError:
        return ""


def _until(url: str, text: str, limit: float = 300) -> float:
    """Seconds until the page at ``url`` holds ``text``."""
    start = time.perf_counter()
    while text not in _get(url):
        if time.perf_counter() - start > limit:
            raise SystemExit(f"{url} did not show {text!r} within {limit} s")
        time.sleep(0.02)
    return time.perf_counter() - start


def measure(project: Path, repeat: int) -> dict[str, list[float]]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, str(project / "tools/serve.py"), "--dev-addr", f"127.0.0.1:{port}",
                               "-f", str(project / "mkdocs.yml")], cwd=project, env=env,
                              stdout=subprocess.DEVNULL, stderr=open(os.environ.get("BENCH_LOG", os.devnull), "w"))
    file = project / CASE
    original = file.read_text(encoding="utf-8")
    times: dict[str, list[float]] = {"summary": [], "title": [], "broken": []}
    try:
        times["first build"] = [_until(url + PAGE, "</html>", limit=900)]
        for i in range(repeat):
            token = f"Benchmark{i}x{time.time_ns() % 100000}"
            file.write_text(original.replace("\nsummary:\n  ro: \"", f"\nsummary:\n  ro: \"{token} ", 1), encoding="utf-8")
            times["summary"].append(_until(url + PAGE, token))
            file.write_text(original.replace("title:\n  ro: \"", f"title:\n  ro: \"T{token} ", 1), encoding="utf-8")
            times["title"].append(_until(url + PAGE, f"T{token}"))
            file.write_text(original.replace("\nservice_type: ", f"\nservice_type: x{i}", 1), encoding="utf-8")
            times["broken"].append(_until(url + PAGE, f"{CASE}:"))
            file.write_text(original, encoding="utf-8")
            _until(url + PAGE, "md-content")
    finally:
        file.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(30)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[0, 1000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
        for n in args.sizes:
            project = make_engine(n, Path(tmp))
            rows.append((n, measure(project, args.repeat)))
    kinds = ("first build", "summary", "title", "broken")
    print(f"{'N added':>8} " + " ".join(f"{k + ' s':>14}" for k in kinds) + "   (median of the repeats)")
    for n, times in rows:
        print(f"{n:>8} " + " ".join(f"{statistics.median(times[k]):>14.2f}" for k in kinds))
    print("summary: edit a case study's summary; title: retitle it; broken: a slip, until the problem page")
    print(f"measured in {ROOT.name} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
