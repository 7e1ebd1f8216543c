"""What a reader's browser transfers to show a page: measured in Chromium, over a host-like server.

Bytes are those on the wire (compressed body plus headers), as a
real static host sends them (see server.py: gzip, cacheable). Used by the benchmark scripts and
by the page-weight tests.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"  # Debian's, never a downloaded browser
# Chromium draws its address bar's drop-down with a page of its own (a WebUI), made for every new
# window, headless too: a renderer process for each browser context the tests open, which doubled
# the processor time of a context with one page (0.82 CPU-s against 0.43 without it, Chromium 156).
# It keeps a spare renderer started ahead, of no use to the next context (0.39 against 0.36), and
# reads every page loaded to guess its language for an offer to translate it, which a headless
# browser never shows (a context and five pages: 1.06 CPU-s against 1.15).
UNNEEDED_FEATURES = ("WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup",
                     "SpareRendererForSitePerProcess", "Translate")
# Chromium keeps only the last --disable-features it is given, and Playwright gives its own: ours
# repeats Playwright's list (its chromiumSwitches, Playwright 1.65; tests/browser/test_browser_setup_browser.py
# checks it against the installed Playwright).
PLAYWRIGHTS_DISABLED_FEATURES = (
    "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable", "LensOverlay", "MediaRouter", "PaintHolding", "ThirdPartyStoragePartitioning",
    "AvoidCorsURLLoaderRestartOnRedirect", "TcpPortRandomizationWin", "OptimizationHints", "NetworkTimeServiceQuerying",
    "AimEnabled", "PreconnectToSearch", "msForceBrowserSignIn", "msEdgeUpdateLaunchServicesPreferredVersion")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
        "--disable-features=" + ",".join(PLAYWRIGHTS_DISABLED_FEATURES + UNNEEDED_FEATURES)]

KB = 1024
BUDGET_FIRST_VISIT = 200 * KB  # a case-study page, empty cache: HTML, CSS, scripts, fonts, images
BUDGET_NEXT_PAGE = 30 * KB     # any second page of the site, after the first


@dataclass
class Transfer:
    """What one navigation fetched from the network (not what came from the browser's cache)."""
    by_url: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.by_url.values())

    def by_kind(self) -> Counter:
        kinds: Counter[str] = Counter()
        for url, size in self.by_url.items():
            kinds[kind_of(urlsplit(url).path)] += size
        return kinds


def kind_of(path: str) -> str:
    """'search index' for Pagefind's files, else the file's extension; 'html' for a page address."""
    if "/pagefind/" in path:
        return "search index"
    name = path.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1] if "." in name else "html"


class Recorder:
    """Records what each request of ``page`` (its workers included) transferred over the network.

    Playwright's request sizes are the bytes on the wire: the encoded (compressed) body plus the
    headers; a response taken from the browser's cache reports a body of minus its headers, so
    it counts as nothing, as it costs nothing.
    """

    def __init__(self, page):
        self.page = page
        self._finished = []
        page.on("requestfinished", lambda request: self._finished.append(request))

    def reset(self) -> None:
        """Forget what was recorded so far."""
        self._finished.clear()

    def visit(self, url: str) -> Transfer:
        """Go to ``url``, wait until the network is quiet, and return what was fetched for it."""
        self.reset()
        self.page.goto(url)
        self.page.wait_for_load_state("networkidle")
        return self.collect()

    def collect(self) -> Transfer:
        """What was fetched since the last reset."""
        transfer = Transfer()
        for request in self._finished:
            if not request.url.startswith("http"):
                continue
            sizes = request.sizes()
            size = max(0, sizes["responseBodySize"] + sizes["responseHeadersSize"])
            if size:
                transfer.by_url[request.url] = transfer.by_url.get(request.url, 0) + size
        return transfer
