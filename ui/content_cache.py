"""Markdown made from the content pack alone, kept between runs so a rerun does not build it again.

What goes in: Markdown built from published content (a level card, a route block, the lead
sentence), keyed by the pack (its content hash), what part of it is shown (band, level, the
behaviours' ids, the age, whether notes are shown) and what the hour changes in it (which
services are open or closed, and when the front door reopens: ``behaviours.contacts.hours.call_state``).
What never goes in: anything a person typed. Every key part is an id, a number, a flag or a
time from the pack's hours; the values are the pack's own words. A test types a marker on every
page and then searches every cache here for it (tests/pages/test_content_cache_privacy.py).

These are plain bounded maps, not ``st.cache_data``: a key of a few small values costs a tuple
hash, where ``st.cache_data`` hashes and pickles on every call.
"""

from __future__ import annotations

import hashlib
import itertools
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from pathlib import Path
from typing import TypeVar

from behaviours import Pack
from behaviours.pack.identity import content_hash

T = TypeVar("T")


class ContentCache:
    """A bounded least-recently-used map from a content key to what was made from it; thread-safe."""

    def __init__(self, name: str, max_entries: int) -> None:
        self.name = name
        self.max_entries = max_entries
        self._items: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0
        _ALL.append(self)

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The value kept for ``key``, or ``make()`` kept under it (made outside the lock)."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                self.hits += 1
                return self._items[key]  # type: ignore[return-value]
        value = make()
        with self._lock:
            self.misses += 1
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.max_entries:
                self._items.popitem(last=False)
        return value

    def items(self) -> list[tuple[Hashable, object]]:
        """A copy of every key and value held now (for tests and the bench)."""
        with self._lock:
            return list(self._items.items())

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._items)


_ALL: list[ContentCache] = []


def all_caches() -> Iterator[ContentCache]:
    """Every cache made by this module's users (level cards, routes, who to call)."""
    return iter(list(_ALL))


# ------------------------------------------------------------------ the pack's key

_serials = itertools.count(1)
_tokens: dict[int, tuple[Pack, tuple[str, int]]] = {}
_tokens_lock = threading.Lock()
_MAX_PACKS = 8


def _hash_of(pack: Pack) -> str:
    folder = Path(pack.source) if pack.source else None
    if folder is not None and folder.is_dir():
        return content_hash(folder)  # the hash the footer shows (behaviours.pack.identity)
    # A pack built in memory (tests): a hash of everything it holds.
    return hashlib.sha256(repr(pack).encode("utf-8")).hexdigest()[:12]


def pack_key(pack: Pack) -> tuple[str, int] | None:
    """The pack's content hash and a serial for this loaded copy, worked out once per copy.

    The serial keeps two loads of the same files apart: a pack is loaded again each day, and
    what it says about contacts due for a check follows that day. The pack object is held
    while its key is, so its id cannot be reused by another object. None when there is no pack.
    """
    if pack is None:
        return None
    with _tokens_lock:
        held = _tokens.get(id(pack))
        if held is not None and held[0] is pack:
            return held[1]
    token = (_hash_of(pack), next(_serials))
    with _tokens_lock:
        held = _tokens.get(id(pack))
        if held is not None and held[0] is pack:
            return held[1]
        _tokens[id(pack)] = (pack, token)
        while len(_tokens) > _MAX_PACKS:
            _tokens.pop(next(iter(_tokens)))
    return token
