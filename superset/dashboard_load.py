"""Loads the Cat Cafe 360° dashboard in headless Chromium (Debian's chromium and chromedriver) and
prints how long each load took until all seven charts were drawn: one line per measured load,
`load-ms <drawn> <first chart request sent> <last chart data received>`, in milliseconds since the
navigation started. Run by the dashboard benchmark (bench/, DashboardLoadBenchmark) with the Superset
venv's Python, whose Selenium comes from superset/constraints.txt.

A chart counts as drawn when its holder shows an ECharts instance or a table with rows (the
data-quality chart), and neither an error alert nor a "No results" panel: the same rule as the integration test's DashboardPage.

    python dashboard_load.py BASE_URL USER PASSWORD LOADS WARMUP_LOADS   (password also via stdin: -)
"""

import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import NoSuchElementException
from selenium.webdriver.common.by import By

CHARTS = 7
TIMEOUT_SECONDS = 120


# Counts the drawn charts inside the page, once per animation frame, and answers with the page's
# own clock (milliseconds since the navigation started) when all are drawn. Polling from Python
# instead (a WebDriver round trip per element, innerText forcing a layout) took CPU from the very
# rendering it timed, on two cores. textContent reads the text without a layout.
WAIT_UNTIL_DRAWN = """
const [charts, timeoutMs, done] = arguments;
function drawn() {
  let count = 0;
  for (const holder of document.querySelectorAll("[data-test='dashboard-component-chart-holder']")) {
    if (holder.querySelector("[_echarts_instance_], table tbody tr")
        && !holder.querySelector("[role='alert']")
        && !holder.textContent.includes("No results")) {
      count++;
    }
  }
  return count;
}
function check() {
  const count = drawn();
  if (count >= charts || performance.now() > timeoutMs) {
    const ms = performance.now();
    const data = performance.getEntriesByType("resource")
        .filter(entry => entry.name.includes("/api/v1/chart/data"));
    done({
      count: count,
      ms: ms,
      dataStart: Math.min(...data.map(entry => entry.startTime)),
      dataEnd: Math.max(...data.map(entry => entry.responseEnd)),
    });
  } else {
    requestAnimationFrame(check);
  }
}
check();
"""


def load_once(browser, url):
    browser.get(url)
    result = browser.execute_async_script(WAIT_UNTIL_DRAWN, CHARTS, TIMEOUT_SECONDS * 1000)
    if result["count"] < CHARTS:
        raise SystemExit(f"dashboard_load: only {result['count']} charts drawn after"
                         f" {TIMEOUT_SECONDS} s")
    return result["ms"], result["dataStart"], result["dataEnd"]


def log_in(browser, base_url, user, password):
    """Logs in through the form. The login page is drawn by scripts: on a busy machine a click
    before they are ready is lost, so the form is filled and sent again until the login's redirect
    comes (navigating away before it would cancel it), within TIMEOUT_SECONDS."""
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        browser.get(base_url + "/login/")
        try:
            for field, value in (("username", user), ("password", password)):
                element = browser.find_element(By.ID, field)
                element.clear()
                element.send_keys(value)
            browser.find_element(By.CSS_SELECTOR, "button[type='submit']").click()
        except NoSuchElementException:
            continue
        attempt_deadline = min(deadline, time.monotonic() + 15)
        while time.monotonic() < attempt_deadline:
            if "/login" not in browser.current_url:
                return
            time.sleep(0.1)
    raise SystemExit("dashboard_load: still on the login page (wrong password?)")


def main(base_url, user, password, loads, warmup_loads):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--window-size=1600,1500"):
        options.add_argument(argument)
    browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    browser.set_script_timeout(TIMEOUT_SECONDS + 10)
    try:
        log_in(browser, base_url, user, password)
        url = base_url + "/superset/dashboard/cat-cafe-360/"
        for _ in range(warmup_loads):
            load_once(browser, url)
        for _ in range(loads):
            drawn, data_start, data_end = load_once(browser, url)
            print(f"load-ms {drawn:.0f} {data_start:.0f} {data_end:.0f}", flush=True)
    finally:
        browser.quit()


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit("usage: dashboard_load.py BASE_URL USER PASSWORD|- LOADS WARMUP_LOADS")
    secret = sys.stdin.readline().strip() if sys.argv[3] == "-" else sys.argv[3]
    main(sys.argv[1], sys.argv[2], secret, int(sys.argv[4]), int(sys.argv[5]))
