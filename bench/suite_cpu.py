"""Where the test suite's processor time goes: each test's processor time on the whole machine (its
own process, the Chromium it drives, the builds and servers it starts), summed per test file.

The tests run one at a time (no pytest-xdist), so that the machine's busy time during a test is that
test's: about 12 minutes for the whole suite on 2 CPUs. Anything else running on the machine is
counted too, so run it on a quiet machine and compare the shares within one run, not across runs.

    python bench/suite_cpu.py [pytest arguments]     (default: the whole suite; e.g. tests/browser)

As a pytest plugin (``-p suite_cpu``, with bench/ on the path) it appends one JSON line per test,
``{"id", "cpu", "wall"}``, to the file named by BSS_SUITE_CPU.
"""
from __future__ import annotations

import collections
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OUT = "BSS_SUITE_CPU"


def busy_seconds() -> float:
    """The machine's processor time so far, all processors and processes (/proc/stat, in seconds)."""
    with open("/proc/stat", encoding="ascii") as stat:
        user, nice, system, idle, iowait, irq, softirq, steal, *_ = map(int, stat.readline().split()[1:])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    cpu, wall = busy_seconds(), time.perf_counter()
    yield
    with open(os.environ[OUT], "a", encoding="utf-8") as out:
        out.write(json.dumps({"id": item.nodeid, "cpu": busy_seconds() - cpu, "wall": time.perf_counter() - wall}) + "\n")


def report(lines: list[dict]) -> str:
    cpu: collections.Counter = collections.Counter()
    wall: collections.Counter = collections.Counter()
    count: collections.Counter = collections.Counter()
    for line in lines:
        file = line["id"].split("::")[0]
        cpu[file] += line["cpu"]
        wall[file] += line["wall"]
        count[file] += 1
    total = sum(cpu.values())
    rows = [f"{'CPU s':>8} {'share':>6} {'wall s':>8} {'tests':>6}  file"]
    rows += [f"{c:8.1f} {c / total:6.1%} {wall[f]:8.1f} {count[f]:6d}  {f}" for f, c in cpu.most_common()]
    browser = sum(c for f, c in cpu.items() if f.startswith("tests/browser/"))
    rows.append(f"{total:8.1f} {1:6.0%} {sum(wall.values()):8.1f} {sum(count.values()):6d}  in all "
                f"({browser:.0f} s in tests/browser)")
    return "\n".join(rows)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "tests.jsonl"
        env = {**os.environ, OUT: str(out), "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "bench"), os.environ.get("PYTHONPATH")]))}
        code = subprocess.run([sys.executable, "-m", "pytest", "-p", "suite_cpu", "-n", "0", "-q", *sys.argv[1:]],
                              cwd=ROOT, env=env).returncode
        if out.exists():
            print(report([json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]))
    return code


if __name__ == "__main__":
    sys.exit(main())
