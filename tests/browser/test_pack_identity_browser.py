"""Two replicas on different packs say so: each page names its pack's version and content hash, and each
server logs it at start-up, so a rolling update that left one replica behind can be seen."""

from __future__ import annotations

import re
import shutil

import pytest

from behaviours import load_pack
from behaviours.pack.identity import content_hash
from tests.helpers import SHIPPED_PACK

from .harness import expect, open_app, wait_for_app

pytestmark = pytest.mark.timeout(150)

LABEL = re.compile(r"^Content pack: (.+) \(([0-9a-f]{12})\)$")


def _footer(page) -> str:
    footer = page.locator('[data-testid="stSidebar"]').get_by_text(re.compile(r"^Content pack: "))
    expect(footer).to_have_count(1)
    return footer.inner_text().strip()


def test_two_replicas_on_different_packs_show_and_log_different_hashes(
    page, streamlit_server_factory, tmp_path, console_errors
):
    same, changed = tmp_path / "same", tmp_path / "changed"
    shutil.copytree(SHIPPED_PACK, same)
    shutil.copytree(SHIPPED_PACK, changed)
    band = changed / "bands" / "5-9.yaml"
    original = band.read_text(encoding="utf-8")
    # One descriptor reworded: "for comfort or pleasure" becomes "for comfort or for pleasure".
    assert "for comfort or\n" in original
    band.write_text(original.replace("for comfort or\n", "for comfort or for\n", 1), encoding="utf-8")
    info = load_pack(changed).info  # the changed pack is still valid, and has the same name and version

    first = streamlit_server_factory(env={"TRAFFIC_LIGHT_PACK": str(same)}, name="pack-same")
    second = streamlit_server_factory(env={"TRAFFIC_LIGHT_PACK": str(changed)}, name="pack-changed")

    shown = {}
    for server in (first, second):
        open_app(page, server.url)
        shown[server.url] = _footer(page)
        page.get_by_role("link", name="About").click()
        wait_for_app(page)
        expect(page.get_by_text(shown[server.url]).first).to_be_visible()

    same_label, changed_label = shown[first.url], shown[second.url]
    assert same_label == f"Content pack: {info.name} {info.version} ({content_hash(SHIPPED_PACK)})"
    assert changed_label == f"Content pack: {info.name} {info.version} ({content_hash(changed)})"
    assert LABEL.match(same_label).group(2) != LABEL.match(changed_label).group(2)
    # Each server logged its own pack once, at the production log level (warning).
    for server, label in ((first, same_label), (second, changed_label)):
        logged = [line for line in server.output().splitlines() if "Content pack: " in line]
        assert len(logged) == 1 and label in logged[0], server.output()
    assert console_errors == []
