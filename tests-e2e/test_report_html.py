"""report.html rendered by a real browser (headless Chromium)."""
import html.parser
import re
import shutil
import subprocess
import zlib

import pytest

CHARTS = ["claims-distribution", "balance-fan", "exhaustion-by-year", "bank-claims", "pool-size"]


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless_shell"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("no Chromium installed (scripts/bootstrap browser installs it)")


def browse(*args):
    return subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", *args],
                          capture_output=True, text=True, timeout=180)


class ChartFinder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.charts = {}
        self.current = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "svg" and "chart" in (attributes.get("class") or "").split():
            self.current = attributes.get("data-chart")
            self.charts[self.current] = {"title": None, "elements": 0}
        elif self.current and tag in ("polyline", "polygon", "rect", "circle", "line"):
            self.charts[self.current]["elements"] += 1
        elif self.current and tag == "title" and self.charts[self.current]["title"] is None:
            self.charts[self.current]["title"] = ""

    def handle_data(self, data):
        if self.current and self.charts[self.current]["title"] == "":
            self.charts[self.current]["title"] = data

    def handle_endtag(self, tag):
        if tag == "svg":
            self.current = None


def test_file_needs_no_network(results_dir):
    text = (results_dir / "report.html").read_text(encoding="utf-8")
    without_namespaces = re.sub(r'xmlns(:\w+)?="[^"]*"', "", text)
    assert "http://" not in without_namespaces and "https://" not in without_namespaces
    assert "<script" not in text and "<link" not in text and "url(" not in text


def test_five_charts_in_the_rendered_dom(results_dir):
    result = browse("--dump-dom", (results_dir / "report.html").as_uri())
    assert result.returncode == 0, result.stderr
    finder = ChartFinder()
    finder.feed(result.stdout)
    assert sorted(finder.charts) == sorted(CHARTS)
    for name, chart in finder.charts.items():
        assert chart["title"], f"chart {name} has no title"
        assert chart["elements"] > 5, f"chart {name} draws almost nothing"
    assert "中国建设银行河北省分行" in result.stdout


def png_is_not_blank(data):
    """True when a PNG screenshot shows more than one flat colour (checked on the filtered scanlines)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat = 8, b""
    while position < len(data):
        length = int.from_bytes(data[position:position + 4], "big")
        kind = data[position + 4:position + 8]
        if kind == b"IDAT":
            idat += data[position + 8:position + 8 + length]
        position += 12 + length
    raw = zlib.decompress(idat)
    # A blank page filters to rows of zeros (or of one repeated byte); charts and text do not.
    nonzero = sum(1 for byte in raw[::97] if byte not in (0, 255))
    return nonzero > len(raw[::97]) * 0.002 and len(set(raw[::13])) > 32


def test_screenshot_is_not_blank(results_dir, tmp_path):
    shot = tmp_path / "report.png"
    result = browse(f"--screenshot={shot}", "--window-size=1200,4000", (results_dir / "report.html").as_uri())
    assert shot.is_file(), result.stderr
    assert png_is_not_blank(shot.read_bytes())
