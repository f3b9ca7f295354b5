"""The offline reference served by the shipped deploy/nginx.conf, read in Chromium.

nginx here has no working replica behind it (its upstream port has nothing listening),
which is the situation the offline copy is for: /offline/ must still work, and a page
load of the app must get the page that points there, not a bare 502.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from behaviours.documents.site import export_site
from behaviours.pack.loader import load_pack
from behaviours.pack.model import LEVELS
from behaviours.pack.pack import Pack
from tests.helpers import SHIPPED_PACK

from .harness import NginxProxy, free_port, http_get, require_nginx, start_nginx
from .page_checks import assert_accessible

pytestmark = pytest.mark.timeout(120)

# The band ids from the shipped band files' names, so that no pack is loaded at collection.
BAND_IDS = sorted((path.stem for path in (SHIPPED_PACK / "bands").glob("*.yaml")), key=lambda s: int(s.split("-")[0]))
PAGES = [
    "index.html",
    *(f"band-{band_id}.html" for band_id in BAND_IDS),
    "routes.html",
    "criteria.html",
    "credits.html",
]


@pytest.fixture(scope="module")
def shipped() -> Pack:
    """The shipped pack (TRAFFIC_LIGHT_PACK is not read: the offline copy tested is the shipped one's)."""
    return load_pack(SHIPPED_PACK)


@pytest.fixture(scope="module")
def offline_proxy(shipped: Pack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[NginxProxy]:
    require_nginx()
    out = tmp_path_factory.mktemp("offline")
    export_site(shipped, out, dt.date(2026, 11, 30))
    nginx = start_nginx(tmp_path_factory.mktemp("nginx-offline"), upstream_ports=[free_port()], offline_dir=out)
    try:
        yield nginx
    finally:
        nginx.stop()


@pytest.mark.parametrize("name", [*PAGES, "unavailable.html"])
def test_every_exported_page_passes_axe(page, offline_proxy: NginxProxy, console_errors, name: str) -> None:
    response = page.goto(f"{offline_proxy.url}/offline/{name}")
    assert response is not None and response.status == 200
    assert_accessible(page)
    # The shipped CSP allows the pages' inline styles; a blocked style would show up here.
    assert console_errors == []


@pytest.mark.parametrize("band_id", BAND_IDS)
def test_a_band_page_reads_without_javascript(shipped, browser, offline_proxy: NginxProxy, band_id: str) -> None:
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    try:
        page = context.new_page()
        page.goto(f"{offline_proxy.url}/offline/band-{band_id}.html")
        first = shipped.band(band_id).behaviours[0]
        assert page.locator("main li", has_text=" ".join(first.text.split())).first.is_visible()
        for level in LEVELS:
            guide = shipped.level_guide(level)
            assert page.get_by_role("heading", name=f"{guide.label}: {guide.headline}").is_visible()
    finally:
        context.close()


def test_when_no_app_server_answers_the_page_points_to_the_offline_copy(
    shipped, page, offline_proxy: NginxProxy
) -> None:
    assert http_get(f"{offline_proxy.url}/").status == 502  # the status stays honest
    page.goto(f"{offline_proxy.url}/?age=9")
    assert page.get_by_text("If a child is in immediate danger, call 999.", exact=True).is_visible()
    page.get_by_role("link", name="Open the offline reference").click()
    page.wait_for_url(f"{offline_proxy.url}/offline/index.html")
    assert page.get_by_role("heading", level=1).inner_text() == f"{shipped.info.name}: offline reference"


def test_every_link_in_the_served_copy_resolves(page, offline_proxy: NginxProxy) -> None:
    seen: set[str] = set()
    for name in PAGES:
        page.goto(f"{offline_proxy.url}/offline/{name}")
        hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        seen.update(h for h in hrefs if h.startswith(offline_proxy.url) and "#" not in h)
    assert len(seen) >= len(PAGES)
    for url in sorted(seen):
        assert http_get(url).status == 200 or url == f"{offline_proxy.url}/", url
