"""What keeps the build within bounds as the case studies grow (issue 26): no step holds every
built page in memory at once."""
from __future__ import annotations

import tracemalloc

from bss.csp import header_policy
from bss.finish.headers import headers as headers_file

PAGE = ('<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'; '
        'script-src \'self\' \'sha256-{n}\'; style-src \'self\'"></head><body>{body}</body></html>')


def test_the_headers_file_reads_one_page_at_a_time(tmp_path):
    body = "x" * 200_000
    for n in range(60):  # 12 MB of pages
        folder = tmp_path / f"p{n}"
        folder.mkdir()
        (folder / "index.html").write_text(PAGE.format(n=n % 3, body=body), encoding="utf-8")
    tracemalloc.start()
    try:
        text = headers_file(tmp_path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 10 * len(body), f"{peak / 2**20:.1f} MB held for pages of {len(body) / 2**20:.1f} MB each"
    assert text.startswith("/*\n  Content-Security-Policy: ")
    assert all(f"'sha256-{n}'" in text for n in range(3))  # every page's own scripts still allowed
    pages = [p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.html")]
    assert f"Content-Security-Policy: {header_policy(pages)}\n" in text
