"""Time to answer (issue 15.10): from the home page to the level, the action and the number for an age.

A person opens the app, taps the age box, types the age and presses Enter; if the red level's
heading and its "Who to call now" line are not then on screen, they tap the summary's "Red" link.
The answer counts as reached when the red heading, the card's "Who to call now" line and the call
bar's number are all inside the viewport. Real Chromium (Debian's, via Playwright) against a real
`streamlit run app.py` on loopback, the clock pinned to a Wednesday at 11am so Compass answers.

    python -m bench.answer_time                 # 10 runs per screen, age 14
    python -m bench.answer_time --runs 20 --age 9

Prints one row per screen: interactions, and milliseconds (p50 and p95) from opening the page to
the answer, and from pressing Enter to the answer.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from bench.report import render_table
from bench.stats import summarise
from devharness.chromium import launch_chromium
from devharness.server import start_streamlit

SCREENS = {
    "phone 390x844": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "desktop 1366x900": {"viewport": {"width": 1366, "height": 900}},
}
NOW = "2026-12-09T11:00"  # a Wednesday at 11am, after the pack's check dates
TIMEOUT_MS = 30_000

ANSWER_ON_SCREEN_JS = """() => {
  const inView = e => { if (!e) return false; const r = e.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0; };
  const main = document.querySelector('[data-testid="stMain"]');
  if (!main) return false;
  const heading = [...main.querySelectorAll('h3')].find(h => h.textContent.includes('Red: act today'));
  if (!heading) return false;
  const card = heading.closest('[data-testid="stMarkdownContainer"]');
  const callNow = card && [...card.querySelectorAll('p')].find(p => p.textContent.startsWith('Who to call now'));
  const number = main.querySelector('.st-key-call_bar a[href^="tel:+44"]');
  return inView(heading) && inView(callNow) && inView(number);
}"""


def _answer_on_screen(page: Page) -> bool:
    return bool(page.evaluate(ANSWER_ON_SCREEN_JS))


def one_run(page: Page, url: str, age: int) -> tuple[int, float, float]:
    """Interactions, ms from opening the page to the answer, ms from pressing Enter to the answer."""
    started = time.perf_counter()
    page.goto(url, wait_until="domcontentloaded")
    field = page.get_by_label("Child's age in years")
    field.click()  # 1: tap the age box
    field.fill(str(age))  # 2: type the age
    entered = time.perf_counter()
    field.press("Enter")  # 3: Enter
    interactions = 3
    jump = page.get_by_role("link", name=re.compile(r"^Red \(\d+\)$")).first
    jump.wait_for(state="visible", timeout=TIMEOUT_MS)
    page.get_by_role("heading", name="Red: act today").first.wait_for(state="attached", timeout=TIMEOUT_MS)
    if not _answer_on_screen(page):
        jump.click()  # 4: the summary's link to the red level
        interactions += 1
    page.wait_for_function(ANSWER_ON_SCREEN_JS, timeout=TIMEOUT_MS, polling="raf")
    done = time.perf_counter()
    return interactions, (done - started) * 1000, (done - entered) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--age", type=int, default=14)
    args = parser.parse_args()
    rows = []
    server = start_streamlit(
        Path(tempfile.mkdtemp(prefix="bench-answer-")), name="answer", env={"TRAFFIC_LIGHT_NOW": NOW}
    )
    try:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            for name, settings in SCREENS.items():
                counts, total, after_enter = [], [], []
                for _ in range(args.runs):
                    context = browser.new_context(**settings, locale="en-GB", timezone_id="Europe/London")
                    page = context.new_page()
                    n, whole, answer = one_run(page, server.url + "/", args.age)
                    context.close()
                    counts.append(n)
                    total.append(whole / 1000)
                    after_enter.append(answer / 1000)
                whole_stats, answer_stats = summarise(total), summarise(after_enter)
                rows.append(
                    [
                        name,
                        str(args.age),
                        "/".join(str(n) for n in sorted(set(counts))),
                        f"{whole_stats.p50_ms:.0f}",
                        f"{whole_stats.p95_ms:.0f}",
                        f"{answer_stats.p50_ms:.0f}",
                        f"{answer_stats.p95_ms:.0f}",
                        str(args.runs),
                    ]
                )
            browser.close()
    finally:
        server.stop()
    headers = ["screen", "age", "interactions", "open→answer p50 ms", "p95 ms", "Enter→answer p50 ms", "p95 ms", "runs"]
    print(render_table(headers, rows))


if __name__ == "__main__":
    main()
