"""Build content packs for tests: the minimal pack plus overlay folders from tests/fixtures."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterable
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MINIMAL = FIXTURES / "packs" / "minimal"
REPO_ROOT = Path(__file__).resolve().parents[2]
SHIPPED = REPO_ROOT / "behaviours" / "content"
# The shipped bands' ids, youngest first, from their file names: test ids for parametrizing without loading a pack
# at collection (the `shipped` fixture loads it once, when a test first asks for it).
SHIPPED_BAND_IDS = sorted(
    (path.stem for path in (SHIPPED / "bands").glob("*.yaml")), key=lambda s: int(s.split("-")[0])
)

# The minimal pack was reviewed and its contacts checked on 2026-11-01, so on this
# date nothing in it is stale; passing it as ``today`` keeps the tests deterministic.
TODAY = dt.date(2026, 12, 6)


def build_pack(dest: Path, *overlays: str, remove: Iterable[str] = ()) -> Path:
    """Copy the minimal pack to ``dest``, delete ``remove``, then copy each overlay folder on top.

    An overlay is a folder under tests/fixtures (e.g. ``broken/duplicate-key``) holding
    only the files that differ from the minimal pack, laid out as in a pack.
    """
    shutil.copytree(MINIMAL, dest)
    for relative in remove:
        (dest / relative).unlink()
    for overlay in overlays:
        source = FIXTURES / overlay
        if not source.is_dir():
            raise FileNotFoundError(f"no fixture folder {source}")
        # symlinks=True: a fixture may be a link (broken/link-out-of-pack), copied as the link itself.
        shutil.copytree(source, dest, dirs_exist_ok=True, symlinks=True)
    return dest
