"""The web app's pages in real headless Chromium (Debian's `chromium` and `chromium-driver`, through
Selenium; no browser is downloaded): pick the bundled scenario, change the pool balance, run 20,000
trials, read the P(exhaustion) the run page shows and check it equals the API's; switch to 中文.

Screenshots go to tests-e2e/artifacts/ (web-*.png). Skipped when Chromium, its driver or Selenium is
missing (`scripts/bootstrap browser` installs them); with CI set, that is a failure instead."""
import os
import re
import time
from pathlib import Path

import pytest

from web_server import web_server  # noqa: F401 (fixture)

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
BALANCE = 200000000
TRIALS = 20000
WAIT_SECONDS = 120


def missing():
    """Why the browser cannot be driven here, or None."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not path.is_file():
            return f"{path} is missing (scripts/bootstrap browser installs chromium and chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "the Python package selenium is missing (scripts/bootstrap browser installs it)"
    return None


@pytest.fixture(scope="module")
def browser():
    reason = missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1400", "--lang=en-US", "--no-first-run", "--disable-extensions"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "en-US,en"})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=str(CHROMEDRIVER))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(30)
    ARTIFACTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()


def wait_for(condition, timeout, what, interval=0.2):
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(interval)


def element(driver, element_id, timeout=20):
    from selenium.webdriver.common.by import By
    return wait_for(lambda: next(iter(driver.find_elements(By.ID, element_id)), None), timeout, f"#{element_id}")


def set_field(driver, element_id, value):
    from selenium.webdriver.common.keys import Keys
    field = element(driver, element_id)
    field.click()
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.DELETE)
    field.send_keys(str(value))
    field.send_keys(Keys.TAB)
    assert field.get_attribute("value").replace(",", "").replace(" ", "") == str(value), field.get_attribute("value")


def html_lang(driver):
    return driver.execute_script("return document.documentElement.lang")


def screenshot(driver, name):
    path = ARTIFACTS / f"web-{name}.png"
    driver.save_screenshot(str(path))
    assert path.stat().st_size > 1000, path


def console_errors(driver):
    """Errors the page logged (scripts or styles refused by the Content-Security-Policy, failed requests…)."""
    return [entry["message"] for entry in driver.get_log("browser")
            if entry["level"] == "SEVERE" and "favicon.ico" not in entry["message"]]


def test_run_in_the_browser_shows_the_apis_p_exhaustion(browser, web_server):
    from selenium.webdriver.support.ui import Select
    driver = browser
    driver.delete_all_cookies()

    driver.get(f"{web_server.url}/new?kind=run")
    assert html_lang(driver).startswith("en")
    select = Select(element(driver, "scenario-select"))
    values = [option.get_attribute("value") for option in select.options]
    assert "hebei-2022" in values, values
    select.select_by_value("hebei-2022")
    # Choosing a scenario loads its text into the editor; the form's fields change keys of it (as --set).
    editor = element(driver, "editor")
    wait_for(lambda: "hebei-2022" in (editor.get_attribute("value") or ""), 20, "the editor to hold hebei-2022")
    set_field(driver, "field-pool.initial_balance", BALANCE)
    set_field(driver, "field-trials", TRIALS)
    assert element(driver, "diagnostics") is not None
    screenshot(driver, "new-run-en")
    started = time.monotonic()
    element(driver, "submit").click()

    wait_for(lambda: re.search(r"/runs/([a-z0-9-]+)$", driver.current_url.split("?")[0]), 30,
             f"the run page (at {driver.current_url})")
    run_id = re.search(r"/runs/([a-z0-9-]+)$", driver.current_url.split("?")[0]).group(1)
    element(driver, "progress")

    def shown():
        from selenium.webdriver.common.by import By
        found = driver.find_elements(By.ID, "p-exhaustion")
        return found[0] if found else None

    p_element = wait_for(shown, WAIT_SECONDS, f"the run page of {run_id} to show its P(exhaustion)", interval=0.5)
    print(f"\nbrowser run {run_id}: finished and shown {time.monotonic() - started:.1f} s after submit")
    screenshot(driver, "run-en")

    document = web_server.run(run_id)
    assert document["status"] == "done", document
    result = document["result"]
    assert result["metadata"]["scenario_name"] == "hebei-2022"
    assert result["metadata"]["trials"] == TRIALS
    assert f"pool.initial_balance={BALANCE}" in result["metadata"]["overrides"], result["metadata"]["overrides"]
    estimate = result["summary"]["p_exhaustion"]["estimate"]
    value = p_element.get_attribute("data-value")
    assert value is not None and float(value) == estimate, (value, estimate)
    assert p_element.text.strip(), "the P(exhaustion) card shows nothing"
    assert not console_errors(driver), console_errors(driver)

    # 中文: the switch sets the cookie and reloads.
    element(driver, "lang-zh").click()
    wait_for(lambda: html_lang(driver) == "zh-CN", 20, '<html lang="zh-CN">')
    source = driver.page_source
    assert "耗尽概率" in source or "资金池" in source, "no Chinese labels on the run page"
    assert driver.get_cookie("poolsim_lang")["value"] == "zh"
    zh_value = element(driver, "p-exhaustion").get_attribute("data-value")
    assert float(zh_value) == estimate
    screenshot(driver, "run-zh")

    driver.get(f"{web_server.url}/new?kind=run")
    assert html_lang(driver) == "zh-CN"
    element(driver, "scenario-select")
    assert re.search(r"[\u4e00-\u9fff]{2,}", driver.find_element("tag name", "body").text), "no Chinese on the page"
    screenshot(driver, "new-run-zh")

    element(driver, "lang-en").click()
    wait_for(lambda: html_lang(driver).startswith("en"), 20, '<html lang="en">')
    assert driver.get_cookie("poolsim_lang")["value"] == "en"
    assert not console_errors(driver), console_errors(driver)
