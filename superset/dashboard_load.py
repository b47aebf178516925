"""Loads the Cat Cafe 360° dashboard in headless Chromium (Debian's chromium and chromedriver) and
prints how long each load took until all seven charts were drawn: one line `load-ms <ms>` per
measured load. Run by the dashboard benchmark (bench/, DashboardLoadBenchmark) with the Superset
venv's Python, whose Selenium comes from superset/constraints.txt.

A chart counts as drawn when its holder shows an ECharts instance or a table with rows (the
data-quality chart), and neither an error alert nor a "No results" panel: the same rule as the integration test's DashboardPage.

    python dashboard_load.py BASE_URL USER PASSWORD LOADS WARMUP_LOADS   (password also via stdin: -)
"""

import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

CHARTS = 7
TIMEOUT_SECONDS = 120


def drawn_charts(browser):
    drawn = 0
    for holder in browser.find_elements(
        By.CSS_SELECTOR, "[data-test='dashboard-component-chart-holder']"
    ):
        if (
            holder.find_elements(By.CSS_SELECTOR, "[_echarts_instance_], table tbody tr")
            and not holder.find_elements(By.CSS_SELECTOR, "[role='alert']")
            and "No results" not in holder.text
        ):
            drawn += 1
    return drawn


def load_once(browser, url):
    started = time.monotonic()
    browser.get(url)
    while drawn_charts(browser) < CHARTS:
        if time.monotonic() - started > TIMEOUT_SECONDS:
            raise SystemExit(f"dashboard_load: only {drawn_charts(browser)} charts drawn after"
                             f" {TIMEOUT_SECONDS} s")
        time.sleep(0.02)
    return (time.monotonic() - started) * 1000


def main(base_url, user, password, loads, warmup_loads):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--window-size=1600,1500"):
        options.add_argument(argument)
    browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        browser.get(base_url + "/login/")
        browser.find_element(By.ID, "username").send_keys(user)
        browser.find_element(By.ID, "password").send_keys(password)
        browser.find_element(By.CSS_SELECTOR, "button[type='submit']").click()
        # Navigating away before the login's redirect would cancel it: wait for the redirect.
        deadline = time.monotonic() + TIMEOUT_SECONDS
        while "/login" in browser.current_url:
            if time.monotonic() > deadline:
                raise SystemExit("dashboard_load: still on the login page (wrong password?)")
            time.sleep(0.1)
        url = base_url + "/superset/dashboard/cat-cafe-360/"
        for _ in range(warmup_loads):
            load_once(browser, url)
        for _ in range(loads):
            print(f"load-ms {load_once(browser, url):.0f}", flush=True)
    finally:
        browser.quit()


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit("usage: dashboard_load.py BASE_URL USER PASSWORD|- LOADS WARMUP_LOADS")
    secret = sys.stdin.readline().strip() if sys.argv[3] == "-" else sys.argv[3]
    main(sys.argv[1], sys.argv[2], secret, int(sys.argv[4]), int(sys.argv[5]))
