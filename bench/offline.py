"""The offline reference against a bare static page of the same words, in real Chromium; and the PDFs.

    python -m bench.offline [--repeats 30] [--warmup 3]

The shipped pack is exported (behaviours.documents.site) and served at /offline/ by the
shipped deploy/nginx.conf (with nothing behind it, as when the app cannot be
reached). Beside it, nginx serves a bare page: the same band's words in plain
h1/h2/p elements, no styles, no navigation. Each repetition opens one, then the
other, in a fresh tab, and times from the request until the band's first
descriptor is visible. The figure is offline p50 / bare p50 (target <= 1.2x).

It also makes every PDF (band handouts, routes sheet, a case note) and prints
its page count and how long it took to render.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import tempfile
import time
from pathlib import Path

from behaviours.answers.case import suggest_level
from behaviours.documents.case_note import CaseRecord, note_pdf
from behaviours.documents.handouts import band_context, band_handout, band_title, routes_handout
from behaviours.documents.site import export_site
from behaviours.pack.loader import load_pack
from behaviours.pack.model import Level
from behaviours.pack.pack import Pack
from bench.baselines.static_page import Block, render_page
from bench.browser_time import chromium
from bench.stats import ratio, summarise
from tests.browser.harness import free_port, start_nginx

TARGET_RATIO = 1.2
MADE = dt.date(2026, 11, 30)


def bare_blocks(pack: Pack, band_id: str) -> list[Block]:
    """The band page's words, in order, as plain blocks: what any static page would have to show."""
    context = band_context(pack, pack.band(band_id), MADE)
    blocks: list[Block] = [("h2", "Who to call"), *context["who_to_call"]]
    for level in context["levels"]:
        blocks += [("h2", level["heading"]), level["meaning"], ("h3", "What it can look like")]
        blocks += [b.text for b in level["behaviours"]]
        for title, key in (("What to do", "what_to_do"), ("What to record", "what_to_record")):
            blocks += [("h3", title), *level[key]]
    return blocks


def time_open(browser, url: str, text: str) -> float:
    """Seconds from the request until ``text`` is visible, in a fresh context (no cache)."""
    context = browser.new_context(locale="en-GB")
    try:
        page = context.new_page()
        started = time.perf_counter()
        page.goto(url, wait_until="commit")
        page.get_by_text(text).first.wait_for(state="visible")
        return time.perf_counter() - started
    finally:
        context.close()


def pdf_figures(pack: Pack) -> list[tuple[str, int, float]]:
    """(document, pages, seconds to render) for every PDF the app makes."""
    from io import BytesIO

    from pypdf import PdfReader

    band = pack.bands[0]
    red = pack.behaviours(band, Level.RED)[0]
    record = CaseRecord(
        when=dt.datetime(2026, 11, 30, 10, 5),
        age=band.min_age,
        bands=[band],
        band_reasons=[],
        behaviours=[red],
        not_listed=False,
        not_listed_text=None,
        answers={},
        suggestion=suggest_level(pack, [red], {}, False, band.min_age),
    )
    makers = [(f"handout {b.id}", lambda b=b: band_handout(pack, b, MADE)) for b in pack.bands]
    makers += [("routes sheet", lambda: routes_handout(pack, MADE)), ("case note", lambda: note_pdf(pack, record))]
    figures = []
    for name, make in makers:
        started = time.perf_counter()
        data = make()
        seconds = time.perf_counter() - started
        figures.append((name, len(PdfReader(BytesIO(data)).pages), seconds))
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--band", default=None, help="band id (default: the band with the most descriptors)")
    options = parser.parse_args()

    pack = load_pack()
    band = pack.band(options.band) if options.band else max(pack.bands, key=lambda b: len(b.behaviours))
    first = " ".join(pack.behaviours(band, Level.GREEN)[0].text.split())

    print("PDFs (shipped pack)")
    for name, pages, seconds in pdf_figures(pack):
        print(f"  {name:<16} {pages} page{'s' if pages != 1 else ''}   rendered in {seconds * 1000:6.0f} ms")

    with tempfile.TemporaryDirectory(prefix="bench-offline-") as folder:
        site = Path(folder, "offline")
        export_site(pack, site, MADE)
        (site / "bare.html").write_text(render_page(html.unescape(band_title(band)), bare_blocks(pack, band.id)))
        nginx = start_nginx(Path(folder, "nginx"), upstream_ports=[free_port()], offline_dir=site)
        try:
            offline_url = f"{nginx.url}/offline/band-{band.id}.html"
            bare_url = f"{nginx.url}/offline/bare.html"
            offline, bare = [], []
            with chromium() as browser:
                for i in range(options.warmup + options.repeats):
                    # Alternate which goes first, so neither always meets a warmer machine.
                    pair = [(offline_url, offline), (bare_url, bare)]
                    for url, samples in pair if i % 2 == 0 else reversed(pair):
                        seconds = time_open(browser, url, first)
                        if i >= options.warmup:
                            samples.append(seconds)
        finally:
            nginx.stop()

    offline_stats, bare_stats = summarise(offline), summarise(bare)
    p50 = ratio(offline_stats.p50_ms, bare_stats.p50_ms)
    p95 = ratio(offline_stats.p95_ms, bare_stats.p95_ms)
    print(f"\nFirst descriptor visible, band {band.id} ({len(band.behaviours)} descriptors), n={options.repeats} each")
    print(f"  /offline/ page   p50 {offline_stats.p50_ms:6.1f} ms   p95 {offline_stats.p95_ms:6.1f} ms")
    print(f"  bare static page p50 {bare_stats.p50_ms:6.1f} ms   p95 {bare_stats.p95_ms:6.1f} ms")
    verdict = "met" if p50 <= TARGET_RATIO else "NOT met"
    print(f"  ratio p50 x{p50:.2f}  p95 x{p95:.2f}   target <= x{TARGET_RATIO}: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
