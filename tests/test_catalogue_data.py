"""Open data and results: every figure traced back to the YAML, computed here independently."""
from __future__ import annotations

import csv
import io
import json
import re

import yaml

from helpers import ROOT
from sitefiles import read_page, visible_text

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
            assert row["example"] is bool(data.get("example"))
            assert row["programme"] == data.get("programme", "")
            beneficiaries = {f["id"]: f["value"] for f in data.get("figures", [])}.get("beneficiaries")
            assert row["beneficiaries"] == beneficiaries
            assert row["page"] == ("/en" if lang == "en" else "") + f"/studii-de-caz/{row['id']}/"


def test_csv_matches_the_json(built_site):
    for stem in FILES.values():
        rows = list(csv.DictReader(io.StringIO((built_site / f"{stem}.csv").read_text(encoding="utf-8"))))
        records = json.loads((built_site / f"{stem}.json").read_text(encoding="utf-8"))
        assert [r["id"] for r in rows] == [r["id"] for r in records]
        for row, record in zip(rows, records):
            assert row["districts"] == "; ".join(record["districts"])
            assert row["example"] == ("true" if record["example"] else "false")
            assert row["beneficiaries"] == ("" if record["beneficiaries"] is None else str(record["beneficiaries"]))


def test_catalogue_links_the_downloads(built_site):
    assert '<a href="studii-de-caz.csv" download="">CSV</a>' in read_page(built_site, "/studii-de-caz/")
    assert '<a href="case-studies.json" download="">JSON</a>' in read_page(built_site, "/en/studii-de-caz/")


def stats(html: str, chart: str) -> dict[str, str]:
    block = re.search(rf'<dl class="bss-stats" data-stats="{chart}">(.*?)</dl>', html, re.S).group(1)
    return dict(re.findall(r'data-stat="(\w+)">([^<]+)<', block))


def expected(cases: list[dict]) -> dict[str, int]:
    beneficiaries = sum(f["value"] for c in cases for f in c.get("figures", []) if f["id"] == "beneficiaries")
    return {"cases": len(cases), "beneficiaries": beneficiaries,
            "districts": len({d for c in cases for d in c["districts"]})}


def test_computed_figures_equal_the_data(built_site):
    html = read_page(built_site, "/en/rezultate/")
    for pid in PROGRAMMES:
        want = expected([c for c in CASES.values() if c.get("programme") == pid])
        assert stats(html, pid) == {k: f"{v:,}" for k, v in want.items()}, pid
    assert stats(html, "toate") == {k: f"{v:,}" for k, v in expected(list(CASES.values())).items()}


def test_chart_bars_and_table_equal_the_data(built_site):
    html = read_page(built_site, "/rezultate/")
    by_type: dict[str, int] = {}
    for case in CASES.values():
        by_type[case["service_type"]] = by_type.get(case["service_type"], 0) + 1
    desc = re.search(r'<desc id="chart-toate-desc">([^<]+)</desc>', html).group(1)
    assert sum(int(n) for n in re.findall(r": (\d+)", desc)) == sum(by_type.values())
    assert len(re.findall(r'<rect [^>]*class="bss-chart__bar"', html.split('id="toate"')[1])) == len(by_type)


def test_reported_results_are_quoted_with_their_source(built_site):
    text = visible_text(read_page(built_site, "/en/rezultate/"))
    for programme in PROGRAMMES.values():
        for indicator in programme["indicators"]:
            for result in indicator.get("results", []):
                value = f"{result['value']:,}"
                assert re.search(rf"{re.escape(value)}\b.{{0,80}}Source: {re.escape(result['source']['publisher'])}", text), \
                    (indicator["id"], value)
