"""The report.html of compare, sweep and sensitivity, rendered by a real browser (headless Chromium)."""
import json
import re

import pytest

from poolsim_cli import SCENARIOS, poolsim
from test_report_html import ChartFinder, browse, png_is_not_blank

SMALL = SCENARIOS / "example-tape.yaml"
HEBEI = SCENARIOS / "hebei-2022.yaml"

# Each analysis: its command line (without --out) and the charts its report must draw.
ANALYSES = {
    "compare": (["compare", HEBEI, "--stress", "severe-downturn", "--trials", 1000],
                ["compare-claims", "compare-balance", "compare-exhaustion"]),
    "sweep-one": (["sweep", HEBEI, "--grid", "pool.initial_balance=80000000,110000000,150000000", "--trials", 500],
                  ["sweep-exhaustion", "sweep-unpaid"]),
    "sweep-two": (["sweep", SMALL, "--grid", "pool.initial_balance=1000000,2000000,3000000",
                   "--grid", "compensation.ratio=0.5,0.7", "--trials", 500],
                  ["sweep-exhaustion-heatmap", "sweep-unpaid-heatmap"]),
    "sensitivity": (["sensitivity", HEBEI, "--trials", 500], ["sensitivity-exhaustion", "sensitivity-var"]),
}


@pytest.fixture(scope="module")
def analyses(tmp_path_factory):
    """Each analysis run once; its output directory by name."""
    root = tmp_path_factory.mktemp("analyses")
    directories = {}
    for name, (arguments, _) in ANALYSES.items():
        poolsim(*arguments, "--out", root / name, "--quiet", check=0)
        directories[name] = root / name
    return directories


@pytest.mark.parametrize("name", list(ANALYSES))
def test_report_needs_no_network(analyses, name):
    text = (analyses[name] / "report.html").read_text(encoding="utf-8")
    without_namespaces = re.sub(r'xmlns(:\w+)?="[^"]*"', "", text)
    assert "http://" not in without_namespaces and "https://" not in without_namespaces
    assert "<script" not in text and "<link" not in text and "url(" not in text


@pytest.mark.parametrize("name", list(ANALYSES))
def test_charts_in_the_rendered_dom(analyses, name):
    result = browse("--dump-dom", (analyses[name] / "report.html").as_uri())
    assert result.returncode == 0, result.stderr
    finder = ChartFinder()
    finder.feed(result.stdout)
    assert sorted(finder.charts) == sorted(ANALYSES[name][1])
    for chart_name, chart in finder.charts.items():
        assert chart["title"], f"chart {chart_name} has no title"
        assert chart["elements"] > 5, f"chart {chart_name} draws almost nothing"


def test_compare_report_shows_every_run_and_the_paired_intervals(analyses):
    dom = browse("--dump-dom", (analyses["compare"] / "report.html").as_uri()).stdout
    assert "hebei-2022 + severe-downturn" in dom
    assert "Common random numbers" in dom
    document = json.loads((analyses["compare"] / "analysis.json").read_text())
    p = document["deltas"][0]["statistics"]["p_exhaustion"]
    interval = f"[{p['ci_low'] * 100:.2f}, {p['ci_high'] * 100:.2f}]"
    assert interval in dom


def test_sensitivity_report_shows_the_caveat(analyses):
    dom = browse("--dump-dom", (analyses["sensitivity"] / "report.html").as_uri()).stdout
    caveat = json.loads((analyses["sensitivity"] / "analysis.json").read_text())["caveat"]
    assert 'class="caveat"' in dom
    assert caveat.replace("'", "&#39;") in dom or caveat in dom
    for name in ("PD", "correlation", "LGD", "compensation ratio", "pool size"):
        assert name in dom


@pytest.mark.parametrize("name", list(ANALYSES))
def test_screenshot_is_not_blank(analyses, name, tmp_path):
    shot = tmp_path / f"{name}.png"
    result = browse(f"--screenshot={shot}", "--window-size=1200,2400", (analyses[name] / "report.html").as_uri())
    assert shot.is_file(), result.stderr
    assert png_is_not_blank(shot.read_bytes())
