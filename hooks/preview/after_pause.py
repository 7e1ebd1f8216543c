"""The steps a preview build leaves for later (the search index, the editor), run once the
writer pauses: not after every save.

Pagefind reads every page of the site; at 1,000 case studies that is seconds of CPU, and an
editor who saves three times in a minute would wait for three indexes while the next rebuild
competes with them. So the steps of a finished build wait until ``quiet`` seconds have passed
with no build running and none finished; a newer build's steps replace those still waiting
(they would index a folder that is about to change). Only one set of steps runs at a time.
"""
from __future__ import annotations

import threading
import time
from typing import Callable

Step = Callable[[], str]
Report = Callable[[str | None, Exception | None], None]


class AfterPause:
    def __init__(self, quiet: float = 2.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.quiet, self._clock = quiet, clock
        self._cond = threading.Condition()
        self._waiting: tuple[list[Step], Report] | None = None
        self._running = False
        self._building = False
        self._last = clock()  # when a build last started or finished
        self._worker: threading.Thread | None = None

    def building(self, now_building: bool) -> None:
        """A build starts (True) or ends (False): the pause counts from either."""
        with self._cond:
            self._building, self._last = now_building, self._clock()
            self._cond.notify_all()

    def submit(self, steps: list[Step], report: Report) -> None:
        """Run ``steps`` after the next pause, in a thread of their own, telling ``report`` what
        each said or raised; replaces steps still waiting. Returns at once."""
        with self._cond:
            self._waiting, self._last = (steps, report), self._clock()
            if self._worker is None:
                self._worker = threading.Thread(target=self._work, daemon=True)
                self._worker.start()
            self._cond.notify_all()

    def settle(self) -> None:
        """Drop the steps still waiting and wait for those running: before a build empties the
        folder they read, or the preview stops."""
        with self._cond:
            self._waiting = None
            self._cond.wait_for(lambda: not self._running)

    def drain(self) -> None:
        """Run the waiting steps now, without the pause, and return when none runs or waits."""
        with self._cond:
            self._last = float("-inf")
        self.wait_idle()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until no step waits or runs (the clock looked at again); False if ``timeout`` passed first."""
        with self._cond:
            self._cond.notify_all()
            return self._cond.wait_for(lambda: self._waiting is None and not self._running, timeout)

    def _due(self) -> float | None:
        """Seconds until the waiting steps may run (0: now); None while a build runs or nothing waits."""
        if self._waiting is None or self._building:
            return None
        return max(0.0, self._last + self.quiet - self._clock())

    def _work(self) -> None:
        while True:
            with self._cond:
                while (due := self._due()) != 0.0 or self._waiting is None:  # _due() is 0.0 only while steps wait
                    self._cond.wait(timeout=due)
                (steps, report), self._waiting, self._running = self._waiting, None, True
            try:
                for step in steps:
                    try:
                        report(step(), None)
                    except Exception as exc:  # noqa: BLE001  (the pages are served; say what is missing)
                        report(None, exc)
            finally:
                with self._cond:
                    self._running = False
                    self._cond.notify_all()
