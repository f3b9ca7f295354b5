"""Fixtures for the unit tests of behaviours/."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from pack_builder import build_pack

MakePack = Callable[..., Path]


@pytest.fixture
def make_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MakePack:
    """Build packs in a temporary folder and work from there, so problems name files as ``pack/contacts.yaml``."""
    monkeypatch.chdir(tmp_path)

    def make(*overlays: str, remove: Iterable[str] = (), name: str = "pack") -> Path:
        build_pack(tmp_path / name, *overlays, remove=remove)
        return Path(name)

    return make
