"""Fixtures for the unit tests of behaviours/."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from pack_builder import MINIMAL, REPO_ROOT, TODAY, build_pack

from behaviours.pack.loader import load_pack
from behaviours.pack.pack import Pack

MakePack = Callable[..., Path]


@pytest.fixture
def make_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MakePack:
    """Build packs in a temporary folder and work from there, so problems name files as ``pack/contacts.yaml``."""
    monkeypatch.chdir(tmp_path)

    def make(*overlays: str, remove: Iterable[str] = (), name: str = "pack") -> Path:
        build_pack(tmp_path / name, *overlays, remove=remove)
        return Path(name)

    return make


# One load of each pack per test session, shared by every unit test that asks for it by name; no test module loads
# a pack at import, so a broken pack or a different TRAFFIC_LIGHT_PACK fails tests, not collection.
@pytest.fixture(scope="session")
def shipped() -> Pack:
    """The shipped content pack, as of the suite's pinned day."""
    return load_pack(REPO_ROOT / "behaviours" / "content", today=TODAY)


@pytest.fixture(scope="session")
def minimal() -> Pack:
    """The small valid pack under tests/fixtures: fast, and independent of content edits."""
    return load_pack(MINIMAL, today=TODAY)
