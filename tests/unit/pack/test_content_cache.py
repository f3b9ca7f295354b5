"""The key content Markdown is kept under: the state of whom to call (behaviours.contacts.hours.call_state),
the pack's key (ui.content_cache.pack_key), and that a kept card reads exactly as a fresh one."""

from __future__ import annotations

import datetime as dt

from pack_builder import MINIMAL, TODAY

from behaviours.contacts.hours import UK, call_state, who_to_call
from behaviours.pack.loader import load_pack
from behaviours.pack.model import Level
from behaviours.wording.contacts import lead_sentence
from ui import content_cache
from ui.levels import _CARDS, level_card_md

WEDNESDAY_11AM = dt.datetime(2026, 12, 2, 11, 0, tzinfo=UK)
WEDNESDAY_2PM = dt.datetime(2026, 12, 2, 14, 0, tzinfo=UK)
SATURDAY_NOON = dt.datetime(2026, 12, 5, 12, 0, tzinfo=UK)
SUNDAY_NOON = dt.datetime(2026, 12, 6, 12, 0, tzinfo=UK)


def _pack():
    return load_pack(MINIMAL, today=TODAY)


def test_two_moments_with_the_same_services_open_share_a_state() -> None:
    pack = _pack()
    assert call_state(who_to_call(pack, None, WEDNESDAY_11AM)) == call_state(who_to_call(pack, None, WEDNESDAY_2PM))


def test_open_and_closed_differ_and_so_does_when_the_door_reopens() -> None:
    pack = _pack()
    open_now = call_state(who_to_call(pack, None, WEDNESDAY_11AM))
    saturday = who_to_call(pack, None, SATURDAY_NOON)
    sunday = who_to_call(pack, None, SUNDAY_NOON)
    assert saturday.door_closed and sunday.door_closed
    assert call_state(saturday) != open_now
    # Both reopen on Monday morning, so they read the same and share a state.
    assert lead_sentence(saturday) == lead_sentence(sunday)
    assert call_state(saturday) == call_state(sunday)


def test_a_printed_sheet_never_shares_a_state_with_a_moment() -> None:
    pack = _pack()
    assert call_state(who_to_call(pack, None, None)) != call_state(who_to_call(pack, None, WEDNESDAY_11AM))


def test_a_pack_keeps_one_key_and_a_fresh_load_gets_another() -> None:
    first, again = _pack(), _pack()
    assert content_cache.pack_key(first) == content_cache.pack_key(first)
    assert content_cache.pack_key(first)[0] == content_cache.pack_key(again)[0]  # the same files: the same hash
    assert content_cache.pack_key(first) != content_cache.pack_key(again)  # but a new load never reads old entries


def test_a_kept_card_reads_as_a_fresh_one_and_follows_the_hour() -> None:
    pack = _pack()
    band = pack.bands[0]
    behaviours = pack.behaviours(band, Level.AMBER)
    _CARDS.clear()
    weekday = level_card_md(pack, Level.AMBER, behaviours, now=WEDNESDAY_11AM)
    assert _CARDS.misses == 1
    later = level_card_md(pack, Level.AMBER, behaviours, now=WEDNESDAY_2PM)
    assert (later, _CARDS.hits) == (weekday, 1)
    weekend = level_card_md(pack, Level.AMBER, behaviours, now=SATURDAY_NOON)
    assert weekend != weekday and _CARDS.misses == 2
    _CARDS.clear()
    assert level_card_md(pack, Level.AMBER, behaviours, now=SATURDAY_NOON) == weekend


def test_the_cache_drops_the_least_recently_used_entry() -> None:
    cache = content_cache.ContentCache("test lru", max_entries=2)
    cache.get("a", lambda: 1)
    cache.get("b", lambda: 2)
    cache.get("a", lambda: 0)
    cache.get("c", lambda: 3)
    assert [key for key, _ in cache.items()] == ["a", "c"]
