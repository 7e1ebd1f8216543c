"""tests/ensure-debian-packages.sh, with a stand-in apt-get: it waits for apt's lock (with a
limit) when another installation runs, and says plainly what holds it if the wait runs out."""
from __future__ import annotations

import os
import subprocess

import pytest

from helpers import ROOT

SCRIPT = ROOT / "tests/ensure-debian-packages.sh"
LOCKED = ("E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (apt-get)\n"
          "E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is another process using it?")


@pytest.fixture
def fake_apt(tmp_path):
    """A PATH whose apt-get records its arguments (and fails as a held lock makes it, if asked), and
    whose id says root."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "calls"
    (bin_dir / "apt-get").write_text(f"""#!/bin/sh
echo "$*" >> {calls}
if [ -n "$FAKE_LOCKED" ]; then printf '%s\\n' "$FAKE_LOCKED" >&2; exit 100; fi
""", encoding="utf-8")
    (bin_dir / "id").write_text("#!/bin/sh\necho 0\n", encoding="utf-8")
    for stub in bin_dir.iterdir():
        stub.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "BSS_CHROMIUM": str(tmp_path / "no-chromium"),
           "BSS_NGINX": str(tmp_path / "no-nginx"),
           "BSS_APT_WAIT": "5"}
    return env, calls


def test_apt_waits_for_another_installation_with_a_limit(fake_apt):
    env, calls = fake_apt
    run = subprocess.run(["sh", str(SCRIPT)], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    lines = calls.read_text(encoding="utf-8").splitlines()
    assert [line.split()[2] for line in lines] == ["update", "install"]
    assert all(line.startswith("-o DPkg::Lock::Timeout=5 ") for line in lines), lines
    assert lines[1].endswith(" chromium nginx")


def test_a_lock_still_held_after_the_wait_is_said_plainly(fake_apt):
    env, _ = fake_apt
    run = subprocess.run(["sh", str(SCRIPT)], env={**env, "FAKE_LOCKED": LOCKED}, capture_output=True, text=True)
    assert run.returncode == 1
    assert "apt is busy: its lock is held by process 4242 (apt-get), still after waiting 5 s." in run.stderr
    assert "run make test again" in run.stderr
