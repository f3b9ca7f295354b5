"""Which guidance is live: a pack's name, version and a short hash of its files.

Two replicas can only be told apart by what they serve, so the hash covers every
file in the pack directory, not just the version a person remembered to raise.
It is computed once, when the pack is loaded, and cached with it; the app reads
a pack once per server and a changed pack needs a restart (docs/deploy.md).
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

HASH_LENGTH = 12
_CHUNK = 1 << 16


@dataclass(frozen=True)
class PackIdentity:
    """A pack as people and logs name it."""

    name: str
    version: str
    content_hash: str

    @property
    def label(self) -> str:
        """E.g. 'Content pack: Traffic Light Reference: Shropshire pack 1.0.0 (3f9a0c2d51e7)'."""
        return f"Content pack: {self.name} {self.version} ({self.content_hash})"


def _regular_files(pack_dir: Path) -> list[tuple[str, Path]]:
    """(relative POSIX path, path to read) for each regular file in the pack, sorted by relative path.

    Never follows a link or opens anything that is not a regular file (a FIFO or a device
    would block or never end); a link is hashed by where it points, not by what it holds.
    """
    found: list[tuple[str, Path]] = []
    for root, dirs, files in os.walk(pack_dir, followlinks=False):
        dirs.sort()
        for name in [*files, *(d for d in dirs if (Path(root) / d).is_symlink())]:
            path = Path(root) / name
            found.append((path.relative_to(pack_dir).as_posix(), path))
    return sorted(found)


def content_hash(pack_dir: str | os.PathLike[str]) -> str:
    """The first 12 hex digits of a SHA-256 over the pack's sorted relative paths and their bytes."""
    root = Path(pack_dir)
    digest = hashlib.sha256()
    for relative, path in _regular_files(root):
        info = path.lstat()
        name = relative.encode("utf-8", "surrogateescape")
        if stat.S_ISLNK(info.st_mode):
            kind, body = b"link", os.readlink(path).encode("utf-8", "surrogateescape")
        elif stat.S_ISREG(info.st_mode):
            kind, body = b"file", b""
        else:
            kind, body = b"other", b""
        digest.update(kind + b"\0" + len(name).to_bytes(4, "big") + name)
        if kind == b"file":
            digest.update(info.st_size.to_bytes(8, "big"))
            with path.open("rb") as handle:
                while chunk := handle.read(_CHUNK):
                    digest.update(chunk)
        else:
            digest.update(len(body).to_bytes(8, "big") + body)
    return digest.hexdigest()[:HASH_LENGTH]


def pack_identity(pack_dir: str | os.PathLike[str], name: str, version: str) -> PackIdentity:
    """The identity of a loaded pack: its name and version from pack.yaml, and its content hash."""
    return PackIdentity(
        name=" ".join(name.split()), version=" ".join(version.split()), content_hash=content_hash(pack_dir)
    )
