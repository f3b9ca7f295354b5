"""Nothing typed goes into any cache: a marker typed (and put in links) on every page is then
looked for in every shared cache there is, Streamlit's st.cache_data and st.cache_resource
stores, the content caches of ui/content_cache.py (level cards, routes, who to call) and what a
loaded pack keeps for the pages (``Pack.kept``: the look-up's cards per band, level and age)."""

from __future__ import annotations

import pickle

import pytest
from streamlit.runtime.caching import cache_data_api, cache_resource_api

from behaviours import Pack, load_pack
from behaviours.answers.case import Answer
from tests.helpers import SHIPPED_PACK, open_page
from tests.privacy import new_marker
from ui import content_cache


def _as_bytes(value: object) -> bytes:
    """What a stored value holds, as bytes: its pickle where it has one, and its repr."""
    found = repr(value).encode("utf-8", "replace")
    try:
        found += pickle.dumps(value)
    except (pickle.PicklingError, TypeError, AttributeError):
        found += b""  # a value that cannot be pickled (a lock, a client) is searched by its repr
    return found


def _stored(packs: tuple[Pack, ...] = ()) -> list[tuple[str, bytes]]:
    """Every key and value in every cache this process holds, named by where it is: with what each
    pack kept by st.cache_resource (and each of ``packs``) keeps for the pages."""
    stored: list[tuple[str, bytes]] = []
    held_packs = list(packs)
    for api, name in (
        (cache_data_api._data_caches, "st.cache_data"),
        (cache_resource_api._resource_caches, "st.cache_resource"),
    ):
        for caches in api._function_caches.values():
            for function_key, cache in caches.items():
                # st.cache_resource keeps results itself; st.cache_data in its storage (pickled bytes).
                memory = getattr(cache, "_mem_cache", None)
                if memory is None:
                    memory = getattr(getattr(cache, "storage", None), "_mem_cache", None)
                assert memory is not None, f"{name} {function_key}: where does this Streamlit keep values?"
                for key in list(memory.keys()):
                    stored.append((f"{name} {function_key} key", repr(key).encode()))
                    entry = memory.get(key)
                    value = getattr(entry, "value", entry)
                    stored.append((f"{name} {function_key} value", _as_bytes(value)))
                    loaded = getattr(value, "pack", value)  # ui/pack_loading.py keeps a PackResult
                    if isinstance(loaded, Pack):
                        held_packs.append(loaded)
    for pack in held_packs:
        for key, value in pack.__dict__.get("_kept", {}).items():
            stored.append(("pack kept key", repr(key).encode("utf-8", "replace")))
            stored.append(("pack kept value", _as_bytes(value)))
    for cache in content_cache.all_caches():
        for key, value in cache.items():
            stored.append((f"{cache.name} key", repr(key).encode("utf-8", "replace")))
            stored.append((f"{cache.name} value", _as_bytes(value)))
    return stored


@pytest.fixture
def no_redis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TRAFFIC_LIGHT_REDIS_URL", raising=False)


def test_a_marker_typed_on_every_page_is_in_no_cache(no_redis: None) -> None:
    marker = new_marker()
    short = marker[-12:]  # the room code box takes 12 characters

    # Links carry it too: a link is typed by someone.
    for page, params in (
        ("lookup", {"age": marker, "band": marker, "level": marker}),
        ("search", {"q": marker}),
        ("training", {"band": marker, "quiz": marker}),
        ("join", {"room": marker, "p": marker}),
        ("room", {"room": marker}),
        ("helplines", {"q": marker}),
        ("about", {"q": marker}),
        ("case", {"age": marker}),
    ):
        open_page(page, params)

    search = open_page("search")
    search.text_input(key="search_q").input(f"images {marker}").run()
    assert not search.exception

    join = open_page("join")
    join.text_input(key="join_code").input(short).run()
    assert not join.exception

    lookup = open_page("lookup")
    lookup.text_input(key="lookup_q").input(f"sent a nude {marker}").run()
    for age in (3, 9, 14):
        lookup.number_input(key="lookup_age").set_value(age).run()
    assert not lookup.exception

    case = open_page("case")
    case.number_input(key="case_age").set_value(11).run()
    options = case.multiselect(key="case_behaviours").options
    case.multiselect(key="case_behaviours").set_value([options[0]]).run()
    case.checkbox(key="case_not_listed").check().run()
    case.text_input(key="case_not_listed_text").input(f"drawings {marker}").run()
    case.radio(key=case.radio[0].key).set_value(Answer.YES).run()
    assert not case.exception

    stored = _stored()
    # The caches were used, so an empty search proves something.
    assert any(where.startswith("behaviour cards") for where, _ in stored)
    assert any(where.startswith("route blocks") for where, _ in stored)
    assert any(where.startswith("st.cache_resource") for where, _ in stored)
    assert any(where.startswith("pack kept") for where, _ in stored)
    for needle in (marker, short):
        held = [where for where, data in stored if needle.encode() in data or needle.encode("utf-16-le") in data]
        assert held == [], f"typed text found in {held}"


def test_the_search_finds_a_marker_planted_in_each_kind_of_cache() -> None:
    """The check above can fail: what it searches does hold what was put there."""
    import streamlit as st

    marker = new_marker()
    planted = content_cache.ContentCache("planted for the test", max_entries=2)
    planted.get(("key",), lambda: f"text {marker}")

    @st.cache_data
    def kept(text: str) -> str:
        return text.upper() + marker

    kept("x")
    pack = load_pack(SHIPPED_PACK)
    pack.kept(("planted",), lambda: f"text {marker}")
    try:
        held = [where for where, data in _stored((pack,)) if marker.encode() in data]
        assert any(where.startswith("planted for the test") for where in held)
        assert any(where.startswith("st.cache_data") for where in held)
        assert any(where.startswith("pack kept") for where in held)
    finally:
        planted.clear()
        kept.clear()
