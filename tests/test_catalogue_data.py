"""Open data and results: every figure traced back to the YAML, computed here independently."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import yaml

from helpers import ROOT
from sitefiles import read_page

CASES = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (ROOT / "data/case-studies").glob("*.yml")}
PROGRAMMES = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (ROOT / "data/programmes").glob("*.yml")}
FILES = {"ro": "studii-de-caz/studii-de-caz", "en": "en/studii-de-caz/case-studies"}


def test_json_holds_exactly_the_records_in_the_data(built_site):
    for lang, stem in FILES.items():
        rows = json.loads((built_site / f"{stem}.json").read_text(encoding="utf-8"))
        assert sorted(r["id"] for r in rows) == sorted(CASES)
        for row in rows:
            data = CASES[row["id"]]
            assert row["title"] == data["title"][lang]
            assert row["districts"] == data["districts"]
            assert row["service_type"] == data["service_type"]
            assert row["programme"] == data.get("programme", "")
            beneficiaries = {f["id"]: f["value"] for f in data.get("figures", [])}.get("beneficiaries")
            assert row["beneficiaries"] == beneficiaries
            assert row["page"] == ("/en" if lang == "en" else "") + f"/studii-de-caz/{row['id']}/"
            assert [s["url"] for s in row["sources"]] == [s.get("url", "") for s in data["sources"]]


def test_every_case_study_has_a_source_with_its_address():
    for cid, data in CASES.items():
        assert data.get("sources"), cid
        assert all(s.get("url", "").startswith("http") for s in data["sources"]), cid


def test_csv_matches_the_json(built_site):
    for stem in FILES.values():
        rows = list(csv.DictReader(io.StringIO((built_site / f"{stem}.csv").read_text(encoding="utf-8-sig"))))
        records = json.loads((built_site / f"{stem}.json").read_text(encoding="utf-8"))
        assert [r["id"] for r in rows] == [r["id"] for r in records]
        assert list(rows[0]) == list(records[0])  # one list of fields for both files
        for row, record in zip(rows, records):
            assert row["districts"] == "; ".join(record["districts"])
            assert row["beneficiaries"] == ("" if record["beneficiaries"] is None else str(record["beneficiaries"]))
            assert row["sources"] == "; ".join(f"{s['publisher']} {s['url']}".strip() for s in record["sources"])


def test_the_open_data_page_explains_every_field_the_files_hold(built_site):
    records = json.loads((built_site / f"{FILES['en']}.json").read_text(encoding="utf-8"))
    page = read_page(built_site, "/en/studii-de-caz/date-deschise/")
    names = [name.replace("<wbr>", "") for name in re.findall(r'<code class="bss-field">([\w<>]+)</code>', page)]
    assert names == list(records[0])  # each name may break only after an underscore (<wbr>)


def test_catalogue_links_the_downloads(built_site):
    assert '<a href="studii-de-caz.csv" download="">CSV</a>' in read_page(built_site, "/studii-de-caz/")
    assert '<a href="case-studies.json" download="">JSON</a>' in read_page(built_site, "/en/studii-de-caz/")


def downloads(site, page: str) -> dict[str, Path]:
    """The files the page at ``page`` (a path from the site's root) offers to download, by format."""
    html = (site / page).read_text(encoding="utf-8")
    found = dict((kind, href) for href, kind in re.findall(r'<a href="([^"]+)" download="">(CSV|JSON)</a>', html))
    return {kind: (site / page).parent / href for kind, href in found.items()}


def test_the_open_data_page_offers_the_files_of_its_language(built_site):
    for lang, stem in FILES.items():
        files = downloads(built_site, f"{'en/' if lang == 'en' else ''}studii-de-caz/date-deschise/index.html")
        assert {kind: path.resolve() for kind, path in files.items()} == \
            {"CSV": (built_site / f"{stem}.csv").resolve(), "JSON": (built_site / f"{stem}.json").resolve()}


def test_the_csv_opens_in_a_spreadsheet_with_romanian_letters_and_the_json_stays_plain(built_site):
    raw = (built_site / f"{FILES['ro']}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel reads as UTF-8
    assert "ș" in raw.decode("utf-8-sig") or "ț" in raw.decode("utf-8-sig")
    assert next(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))[0] == "id"
    assert (built_site / f"{FILES['ro']}.json").read_bytes().startswith(b"[")  # JSON has no byte-order mark


def stats(html: str, chart: str) -> dict[str, str]:
    block = re.search(rf'<dl class="bss-stats" data-stats="{chart}">(.*?)</dl>', html, re.S).group(1)
    return dict(re.findall(r'data-stat="(\w+)">([^<]+)<', block))


def expected(cases: list[dict]) -> dict[str, int]:
    return {"cases": len(cases), "districts": len({d for c in cases for d in c["districts"]})}


def test_computed_figures_equal_the_data(built_site):
    html = read_page(built_site, "/en/rezultate/")
    for pid in PROGRAMMES:
        want = expected([c for c in CASES.values() if c.get("programme") == pid])
        assert stats(html, pid) == {k: f"{v:,}" for k, v in want.items()}, pid
    assert stats(html, "toate") == {k: f"{v:,}" for k, v in expected(list(CASES.values())).items()}


def test_chart_bars_equal_the_data_and_differ(built_site):
    html = read_page(built_site, "/rezultate/")
    by_type: dict[str, int] = {}
    for case in CASES.values():
        by_type[case["service_type"]] = by_type.get(case["service_type"], 0) + 1
    chart = html.split('data-stats="toate"')[1]
    values = [int(v) for v in re.findall(r'<span class="bss-bar__value">(\d+)</span>', chart)]
    assert sorted(values) == sorted(by_type.values())
    assert len(set(values)) > 1  # a chart whose bars are all equal shows nothing
    widths = [int(w) for w in re.findall(r'bss-bar__fill bss-w(\d+)', chart)]
    assert widths[0] == 100 and widths == sorted(widths, reverse=True)


def test_reported_results_are_quoted_with_their_source(built_site):
    """Each reported figure carries a numbered note, and that note names the figure's source."""
    page = read_page(built_site, "/en/rezultate/")
    notes = dict(re.findall(r'<li id="nota-(\d+)">(.*?)</li>', page, re.S))
    for pid, programme in PROGRAMMES.items():
        for indicator in programme["indicators"]:
            rows = re.findall(rf'<tr id="indicator-{pid}-{re.escape(indicator["id"])}">(.*?)</tr>', page, re.S)
            assert len(rows) == 1, (pid, indicator["id"])  # one row per indicator, its id unique on the page
            for result in indicator.get("results", []):
                value, source = f"{result['value']:,}", result["source"]
                cited = [notes[n] for row in rows
                         for n in re.findall(rf"<strong>[^<]*\b{re.escape(value)}</strong>.{{0,200}}?href=\"#nota-(\d+)\"", row, re.S)]
                assert any(source["publisher"] in note and source["url"] in note for note in cited), (indicator["id"], value, cited)
