"""What keeps the build within bounds as the case studies grow (issue 26): no step holds every
built page in memory at once."""
from __future__ import annotations

import re
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


def test_the_catalogue_refers_to_one_picture_file_per_service_type(built_site):
    """A card without a photo shows its type's picture from a file, not inline SVG: 2,000 inline
    pictures made the catalogue 69 KB gzip (issue 26). Decorative (the card names the type), with
    its size given so nothing moves as it loads; every language's page finds the file."""
    for folder in ("studii-de-caz", "en/studii-de-caz"):
        html = (built_site / folder / "index.html").read_text(encoding="utf-8")
        cards = re.findall(r'<li class="bss-card".*?</li>', html, flags=re.S)
        assert cards and not any("<svg" in card for card in cards)
        pictures = re.findall(r'<p class="bss-card__pic"><img ([^>]*)>', html)
        assert len(pictures) == len(cards)
        drawn = [p for p in pictures if "/assets/illustrations/" in p]
        assert drawn and all('alt=""' in p and 'width="160"' in p and 'height="90"' in p for p in drawn)
        sources = {re.search(r'src="([^"]+)"', p).group(1) for p in drawn}
        assert len(sources) < len(drawn)  # one file per type, shared by its cards
        for src in sources:
            svg = (built_site / folder / src).resolve().read_text(encoding="utf-8")
            assert svg.startswith("<svg xmlns=\"http://www.w3.org/2000/svg\"") and "<path d=" in svg
