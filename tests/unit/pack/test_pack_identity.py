"""Which guidance is live: the pack's content hash changes with any change to its files, and only then."""

from __future__ import annotations

import os
import re
import shutil
import threading

import pytest
from pack_builder import MINIMAL

from behaviours.pack.identity import PackIdentity, content_hash, pack_identity


@pytest.fixture
def pack_copy(tmp_path):
    dest = tmp_path / "pack"
    shutil.copytree(MINIMAL, dest)
    return dest


def test_the_hash_is_twelve_hex_digits_and_stable(pack_copy):
    first = content_hash(pack_copy)

    assert re.fullmatch(r"[0-9a-f]{12}", first)
    assert content_hash(pack_copy) == first
    assert content_hash(MINIMAL) == first  # the path of the pack is not part of it


def test_changing_one_descriptor_changes_the_hash(pack_copy):
    before = content_hash(pack_copy)
    band = next((pack_copy / "bands").glob("*.yaml"))
    band.write_text(band.read_text(encoding="utf-8").replace("Touching", "Touching again", 1), encoding="utf-8")

    assert content_hash(pack_copy) != before


@pytest.mark.parametrize(
    "change",
    [
        lambda d: (d / "notes.txt").write_text("an extra file", encoding="utf-8"),
        lambda d: (d / "contacts.yaml").rename(d / "contacts2.yaml"),
        lambda d: (d / "pack.yaml").write_bytes((d / "pack.yaml").read_bytes() + b"\n"),
        lambda d: (d / "bands" / "extra").mkdir() or (d / "bands" / "extra" / "x.yaml").write_text("", "utf-8"),
    ],
    ids=["file added", "file renamed", "one byte added", "file in a new folder"],
)
def test_any_change_to_the_files_changes_the_hash(pack_copy, change):
    before = content_hash(pack_copy)
    change(pack_copy)

    assert content_hash(pack_copy) != before


def test_moving_bytes_between_files_changes_the_hash(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    (one / "a.yaml").write_text("ab", encoding="utf-8")
    (one / "b.yaml").write_text("c", encoding="utf-8")
    (two / "a.yaml").write_text("a", encoding="utf-8")
    (two / "b.yaml").write_text("bc", encoding="utf-8")

    assert content_hash(one) != content_hash(two)


def test_a_fifo_or_a_link_to_a_device_is_never_opened(pack_copy):
    os.mkfifo(pack_copy / "stuck.yaml")
    (pack_copy / "zero.yaml").symlink_to("/dev/zero")
    result: list[str] = []
    worker = threading.Thread(target=lambda: result.append(content_hash(pack_copy)), daemon=True)
    worker.start()
    worker.join(timeout=10)

    assert result and re.fullmatch(r"[0-9a-f]{12}", result[0])


def test_a_link_is_hashed_by_where_it_points(pack_copy, tmp_path):
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / "b.txt").write_text("a", encoding="utf-8")
    (pack_copy / "link.yaml").symlink_to(tmp_path / "a.txt")
    before = content_hash(pack_copy)
    (pack_copy / "link.yaml").unlink()
    (pack_copy / "link.yaml").symlink_to(tmp_path / "b.txt")

    assert content_hash(pack_copy) != before


def test_the_label_names_the_pack_version_and_hash(pack_copy):
    identity = pack_identity(pack_copy, "Minimal  test\npack", "0.1")

    assert identity == PackIdentity("Minimal test pack", "0.1", content_hash(pack_copy))
    assert identity.label == f"Content pack: Minimal test pack 0.1 ({content_hash(pack_copy)})"
