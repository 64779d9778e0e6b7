"""中文 and English: the language is a view of the same results (docs/i18n.md).

A Chinese-speaking analyst runs the bundled scenario, reads the terminal
summary, opens the report and the workbook, and fixes a broken scenario from
its diagnostics without meeting an English sentence; programs read the same
JSON and CSV whatever the language.
"""
import html.parser
import os
import re
import shutil
import subprocess

import pytest

from poolsim_cli import BINARY, ROOT, SCENARIOS, libreoffice_csv

HEBEI = SCENARIOS / "hebei-2022.yaml"
ARTIFACTS = ROOT / "tests-e2e" / "artifacts"
VOLATILE = re.compile(r'^(\s*"(?:created_at|elapsed_seconds|jobs)": ).*?(,?)$', re.M)
# Words of two letters or more: single letters are mathematical symbols (第 i 次模拟).
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
HAN = re.compile(r"[\u4e00-\u9fff]")

# Words a Chinese page may show: the abbreviations the glossary keeps, and names of software, algorithms and formats.
SHARED_WORDS = {"VaR", "ES", "PD", "LGD", "PoolSim", "GSL", "SHA", "MPI", "numpy", "CreditRisk", "CSV", "XLSX", "JSON", "HTML",
                "ID", "id"}


def poolsim(*args, lang=None, env=None, check=0, stdin=None):
    environment = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "POOLSIM_LANG")}
    environment.update(env or {})
    command = [str(BINARY), *map(str, args)] + (["--lang", lang] if lang else [])
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600, env=environment, input=stdin)
    assert result.returncode == check, f"exit {result.returncode}, expected {check}\n{result.stderr}"
    return result


def data_words():
    """Words that come from the data: every key and value of the resolved scenarios, the run's identifiers."""
    words = set(SHARED_WORDS)
    for path in [HEBEI, SCENARIOS / "example-tape.yaml"]:
        resolved = poolsim("validate", "--print", path, lang="en").stdout
        for line in resolved.splitlines():
            words.update(WORD.findall(line.split("#", 1)[0]))
    words.update({"mt19937", "taus2", "grouped", "completed", "interrupted", "mt"})
    return words


def english_words(text, allowed):
    """English words in `text` that are not data, identifiers or shared abbreviations."""
    text = re.sub(r"\b[\w.-]+\.(?:csv|json|xlsx|html|yaml)\b", " ", text)  # file names
    text = re.sub(r"--[a-z-]+", " ", text)  # option names
    text = re.sub(r"\b[0-9a-f]{64}\b", " ", text)  # digests
    text = re.sub(r"\b\d[\d.:T-]*Z\b", " ", text)  # timestamps
    return sorted({w for w in WORD.findall(text) if w not in allowed})


class VisibleText(html.parser.HTMLParser):
    """The text a reader sees: no tags, scripts or styles; titles (tooltips) included. Code (identifiers)
    and passages marked lang="en" (the English title of a cited paper) are left out."""

    def __init__(self):
        super().__init__()
        self.parts = []
        self.hidden = []

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script", "code") or dict(attrs).get("lang") == "en":
            self.hidden.append(tag)

    def handle_endtag(self, tag):
        if self.hidden and self.hidden[-1] == tag:
            self.hidden.pop()

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible(html_text):
    parser = VisibleText()
    parser.feed(html_text)
    return " ".join(parser.parts)


def masked(text):
    return VOLATILE.sub(r"\1MASKED\2", text)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The bundled scenario run twice, in Chinese and in English, on the same trials and seed."""
    base = tmp_path_factory.mktemp("i18n")
    zh = poolsim("run", HEBEI, "--trials", 2000, "--seed", 11, "--out", base / "zh", "--per-trial",
                 env={"LANG": "zh_CN.UTF-8"})
    en = poolsim("run", HEBEI, "--trials", 2000, "--seed", 11, "--out", base / "en", "--per-trial",
                 env={"LANG": "zh_CN.UTF-8"}, lang="en")
    return {"zh": (base / "zh", zh), "en": (base / "en", en)}


def test_locale_chooses_chinese_and_lang_overrides_it(runs):
    zh_dir, zh = runs["zh"]
    en_dir, en = runs["en"]
    assert "耗尽概率" in zh.stdout and "万元" in zh.stdout
    assert "结果已写入" in zh.stderr
    assert "P(pool exhausted within the horizon)" in en.stdout and "results written to" in en.stderr
    assert english_words(zh.stdout, data_words()) == []
    assert english_words(zh.stderr.replace(str(zh_dir), " "), data_words()) == []


def test_poolsim_lang_comes_before_the_locale(tmp_path):
    run = poolsim("validate", HEBEI, env={"LANG": "en_US.UTF-8", "POOLSIM_LANG": "zh"})
    assert "通过" in run.stdout
    run = poolsim("validate", HEBEI, env={"LANG": "zh_CN.UTF-8", "POOLSIM_LANG": "en"})
    assert run.stdout.endswith(": ok\n")


def test_results_and_csv_do_not_depend_on_the_language(runs):
    zh_dir, _ = runs["zh"]
    en_dir, _ = runs["en"]
    assert masked((zh_dir / "results.json").read_text()) == masked((en_dir / "results.json").read_text())
    for name in ["summary.csv", "by_year.csv", "by_bank.csv", "pool_size.csv", "trials.csv"]:
        assert (zh_dir / name).read_bytes() == (en_dir / name).read_bytes(), name


def test_chinese_report_has_no_english_sentences(runs):
    zh_dir, _ = runs["zh"]
    page = (zh_dir / "report.html").read_text(encoding="utf-8")
    assert 'lang="zh-CN"' in page
    text = visible(page)
    for term in ["资金池", "耗尽概率", "补偿申请额", "亿元"]:
        assert term in text, term
    assert english_words(text, data_words()) == []


def test_report_rebuilds_in_either_language_without_touching_results(runs, tmp_path):
    en_dir, _ = runs["en"]
    copy = tmp_path / "copy"
    shutil.copytree(en_dir, copy)
    before = (copy / "results.json").read_bytes()
    poolsim("report", copy, lang="zh")
    assert (copy / "results.json").read_bytes() == before
    assert 'lang="zh-CN"' in (copy / "report.html").read_text(encoding="utf-8")
    poolsim("report", copy, lang="en")
    assert 'lang="en"' in (copy / "report.html").read_text(encoding="utf-8")


def test_chinese_workbook_has_chinese_sheets_and_numeric_cells(runs):
    import openpyxl
    zh_dir, _ = runs["zh"]
    book = openpyxl.load_workbook(zh_dir / "results.xlsx")
    names = book.sheetnames
    assert all(HAN.search(name) for name in names), names
    allowed = data_words()
    numbers = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for cell in row:
                if isinstance(cell, (int, float)):
                    numbers += 1
                elif isinstance(cell, str):
                    assert english_words(cell, allowed) == [], (sheet.title, cell)
    assert numbers > 1000


def test_libreoffice_opens_the_chinese_workbook(runs, tmp_path):
    zh_dir, _ = runs["zh"]
    first = libreoffice_csv(zh_dir / "results.xlsx", tmp_path).splitlines()[0]
    assert HAN.search(first), first


def test_screenshots_of_both_reports(runs):
    """Real Chromium renders both reports; the screenshots are kept in tests-e2e/artifacts/."""
    browser = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
    if browser is None:
        pytest.skip("no Chromium installed (scripts/bootstrap browser installs it)")
    ARTIFACTS.mkdir(exist_ok=True)
    for language in ("zh", "en"):
        directory, _ = runs[language]
        shot = ARTIFACTS / f"report-{language}.png"
        shot.unlink(missing_ok=True)
        result = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                 f"--screenshot={shot}", "--window-size=1280,4000",
                                 (directory / "report.html").as_uri()], capture_output=True, text=True, timeout=180)
        assert shot.is_file() and shot.stat().st_size > 50_000, result.stderr
        dom = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                              (directory / "report.html").as_uri()], capture_output=True, text=True, timeout=180)
        assert ("耗尽概率" in dom.stdout) == (language == "zh")


def test_diagnostics_in_chinese_are_located(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(HEBEI.read_text(encoding="utf-8").replace("rho_global: 0.06", "rho_globl: 0.06")
                      .replace("initial_balance: 110000000", "initial_balance: -1"), encoding="utf-8")
    run = poolsim("validate", broken, lang="zh", check=65)
    lines = run.stderr.splitlines()
    assert any(re.match(rf"{re.escape(str(broken))}:\d+:\d+: 错误：", line) and "pool.initial_balance" in line
               for line in lines), run.stderr
    assert "rho_global" in run.stderr
    text = run.stderr.replace(str(broken), " ")
    allowed = data_words() | set(WORD.findall("rho_globl"))
    assert english_words(text, allowed) == []


def test_analyses_in_chinese(tmp_path):
    zh = tmp_path / "zh"
    poolsim("compare", HEBEI, "--stress", "severe-downturn", "--trials", 1000, "--out", zh, "--quiet", lang="zh")
    en = tmp_path / "en"
    poolsim("compare", HEBEI, "--stress", "severe-downturn", "--trials", 1000, "--out", en, "--quiet", lang="en")
    assert masked((zh / "analysis.json").read_text()) == masked((en / "analysis.json").read_text())
    assert (zh / "compare.csv").read_bytes() == (en / "compare.csv").read_bytes()
    page = (zh / "report.html").read_text(encoding="utf-8")
    assert 'lang="zh-CN"' in page and "情景对比" in visible(page)
    assert english_words(visible(page), data_words() | {"severe", "downturn"}) == []
    import openpyxl
    assert all(HAN.search(name) for name in openpyxl.load_workbook(zh / "analysis.xlsx").sheetnames)


def test_calibration_in_chinese(tmp_path):
    history = SCENARIOS / "example-history.csv"
    lines = history.read_text(encoding="utf-8").splitlines()
    # Two banks of the example history keep the fit quick.
    short = tmp_path / "history.csv"
    short.write_text("\n".join(l for l in lines if l.startswith(("year", "#")) or ",ccb-hebei," in l or ",boc-hebei," in l)
                     + "\n", encoding="utf-8")
    zh = poolsim("calibrate", short, "--report", tmp_path / "zh", lang="zh")
    en = poolsim("calibrate", short, "--report", tmp_path / "en", lang="en")
    # Vasicek is a name; the history's path is data.
    allowed = data_words() | {"history", "Vasicek"}
    assert HAN.search(zh.stdout) and english_words(zh.stdout.replace(str(tmp_path), ""), allowed) == []
    assert (tmp_path / "zh" / "analysis.json").read_text() == (tmp_path / "en" / "analysis.json").read_text()
    for name in ("estimates.csv", "observed.csv", "profile.csv"):
        assert (tmp_path / "zh" / name).read_bytes() == (tmp_path / "en" / name).read_bytes()
    page = (tmp_path / "zh" / "report.html").read_text(encoding="utf-8")
    assert 'lang="zh-CN"' in page and "参数校准" in visible(page)
    assert english_words(visible(page).replace(str(tmp_path), ""), allowed) == []
    import openpyxl
    workbook = openpyxl.load_workbook(tmp_path / "zh" / "analysis.xlsx")
    assert all(HAN.search(name) for name in workbook.sheetnames)
    observed = workbook.worksheets[1]
    assert any(isinstance(cell.value, float) for row in observed.iter_rows(min_row=2) for cell in row)
