"""Fixtures for the AppTest page tests in this folder."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager


class Download(NamedTuple):
    """A file a download button offers: its mime type, and the callable that makes it on click."""

    mime: str | None
    make: Callable[[], bytes | str]


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, Download]:
    """The files the page offers, by file extension ("md", "pdf"), recorded as the page hands them to Streamlit."""
    offered: dict[str, Download] = {}
    original = MediaFileManager.add_deferred

    def record(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        offered[(file_name or "").rsplit(".", 1)[-1]] = Download(mimetype, data_callable)
        return original(self, data_callable, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    return offered
