"""`make preview` shows an editor's saved change at once; a production server keeps the pack it started with.

Both servers run on a copy of the shipped pack. In preview (the Makefile's flags and TRAFFIC_LIGHT_PREVIEW=1)
saving pack.yaml reruns the open page, which then shows the new words without a reload. The production
server (the harness's settings: no file watcher, no preview) still shows the old words after a reload.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.helpers import SHIPPED_PACK

from .harness import REPO_ROOT, expect, open_app, wait_for_app

pytestmark = pytest.mark.timeout(180)

OLD = "A quick reference for practitioners in Shropshire"
NEW = "A short reference for practitioners in Shropshire"


def _preview_args(pack_dir: Path) -> list[str]:
    """The flags `make preview` passes, read from the Makefile so the test follows it."""
    makefile = (REPO_ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\npreview:", 1)[1].split("\n\n", 1)[0]
    flags = re.findall(r"(--server\.\w+) (\S+)", recipe.replace("\\\n", " "))
    assert [name for name, _ in flags] == [
        "--server.fileWatcherType",
        "--server.runOnSave",
        "--server.folderWatchList",
    ]
    assert "TRAFFIC_LIGHT_PREVIEW=1" in recipe
    return [part for name, value in flags for part in (name, str(pack_dir) if "PREVIEW_PACK" in value else value)]


def _copy(tmp_path: Path, name: str) -> Path:
    pack_dir = shutil.copytree(SHIPPED_PACK, tmp_path / name)
    assert "A quick reference for practitioners in {area}" in (pack_dir / "pack.yaml").read_text(encoding="utf-8")
    return pack_dir


def _save_edit(pack_dir: Path) -> None:
    path = pack_dir / "pack.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("A quick reference for practitioners in", "A short reference for practitioners in", 1),
        encoding="utf-8",
    )


def test_preview_shows_a_saved_edit_without_a_reload(page, streamlit_server_factory, tmp_path):
    pack_dir = _copy(tmp_path, "preview")
    server = streamlit_server_factory(
        env={"TRAFFIC_LIGHT_PACK": str(pack_dir), "TRAFFIC_LIGHT_PREVIEW": "1"},
        extra_args=_preview_args(pack_dir),
        name="preview",
    )
    open_app(page, server.url, "/about")
    expect(page.get_by_text(OLD)).to_be_visible()
    _save_edit(pack_dir)
    expect(page.get_by_text(NEW)).to_be_visible(timeout=30_000)  # no reload: the save reran the page


def test_production_keeps_the_pack_it_started_with(page, streamlit_server_factory, tmp_path):
    pack_dir = _copy(tmp_path, "production")
    server = streamlit_server_factory(env={"TRAFFIC_LIGHT_PACK": str(pack_dir)}, name="production")
    open_app(page, server.url, "/about")
    expect(page.get_by_text(OLD)).to_be_visible()
    _save_edit(pack_dir)
    page.reload()
    wait_for_app(page)
    expect(page.get_by_text(OLD)).to_be_visible()
    expect(page.get_by_text(NEW)).to_have_count(0)
