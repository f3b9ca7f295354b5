"""Streamlit renderers for live training rooms: the store, the code and QR, an item, the spread.

The rules live in behaviours/rooms.py; this file only draws them. Everything drawn
comes from the pack (escaped with ``md``) or from the room's code and counts.
"""

from __future__ import annotations

import functools
import html
import os
import threading

import segno
import streamlit as st

from behaviours import Behaviour, Pack
from behaviours.core.clock import now
from behaviours.core.text import md
from behaviours.pack.model import Scenario
from behaviours.training.results import ResultStore
from behaviours.training.results import store_from_env as results_from_env
from behaviours.training.room_store import RoomStore, StoreUnavailable, store_from_env
from behaviours.training.rooms import (
    Choice,
    LiveRoomCount,
    RateWindow,
    Room,
    Tally,
    find_item,
    item_level,
    public_base,
    spread_lines,
)
from behaviours.training.sessions import deciding_criteria
from ui.levels import level_badge, level_title

PUBLIC_URL_ENV = "TRAFFIC_LIGHT_PUBLIC_URL"
STORE_DOWN = (
    "**Live rooms are not available right now:** the room service cannot be reached. "
    "Try again in a minute. Everything else in this app still works."
)


@st.cache_resource(show_spinner=False)
def room_store() -> RoomStore:
    # Shared by every session on purpose: it holds rooms (pack ids and counts), never user input.
    return store_from_env()


class ReplicaRooms:
    """The rooms this replica started that are still live, behind a lock (sessions run in threads)."""

    def __init__(self) -> None:
        self._count = LiveRoomCount()
        self._lock = threading.Lock()

    def claim(self, moment: float) -> bool:
        """Count one more room if the replica is under its limit; False when it is full."""
        with self._lock:
            if not self._count.allows(moment):
                return False
            self._count.record(moment)
            return True


@st.cache_resource(show_spinner=False)
def result_store() -> ResultStore:
    # Shared by every session on purpose: a connection pool to the results database (counts only).
    return results_from_env()


# The projector's own layout (page-local classes, keyed containers): the code and address beside the
# item instead of above it, so the item, the count and the reveal fit 1280x720 with the code on screen;
# the reveal in 24 px or more so the back of a room can read it.
ROOM_CSS = """
<style>
.st-key-tlr-reveal [data-testid="stMarkdownContainer"] p,
.st-key-tlr-reveal [data-testid="stMarkdownContainer"] li { font-size: 1.5rem; line-height: 1.25; }
.st-key-tlr-reveal [data-testid="stMarkdownContainer"] p { margin-bottom: 0.25rem; }
.st-key-tlr-reveal [data-testid="stMarkdownContainer"] li { margin: 0; padding: 0; }
.st-key-tlr-reveal [data-testid="stMarkdownContainer"] li * { font-size: 1.5rem !important; }
.st-key-tlr-reveal [data-testid="stMarkdownContainer"] ul { margin-bottom: 0; }
.st-key-tlr-count [data-testid="stMarkdownContainer"] p { font-size: 1.5rem; margin: 0; }
.st-key-tlr-item h2 { font-size: 1.5rem; line-height: 1.25; padding: 0.25rem 0 0; }
.st-key-tlr-item [data-testid="stMarkdownContainer"] p { font-size: 1.25rem; margin-bottom: 0.25rem; }
.st-key-tlr-summary [data-testid="stMarkdownContainer"] p,
.st-key-tlr-summary [data-testid="stMarkdownContainer"] li,
.st-key-tlr-summary [data-testid="stMarkdownContainer"] td,
.st-key-tlr-summary [data-testid="stMarkdownContainer"] th { font-size: 1.25rem; }
</style>
"""


def room_style() -> None:
    st.html(ROOM_CSS)


@st.cache_resource(show_spinner=False)
def replica_rooms() -> ReplicaRooms:
    # Shared by every session on purpose: it holds only when rooms expire, nothing typed.
    return ReplicaRooms()


def room_moment() -> float:
    """Now, in seconds, from the app's one clock: for rate limits and join counts."""
    return now().timestamp()


def session_allows(name: str, window: RateWindow, moment: float) -> bool:
    """Whether this session is under ``window``'s limit for ``name`` (its history lives in session_state)."""
    return window.allows(st.session_state.get(name, ()), moment)


def session_record(name: str, window: RateWindow, moment: float) -> None:
    st.session_state[name] = window.record(st.session_state.get(name, ()), moment)


def store_down() -> None:
    st.error(STORE_DOWN, icon=":material/cloud_off:")


def base_address() -> str | None:
    """Where phones should go: the configured public address, else the one this browser shows."""
    try:
        headers = dict(st.context.headers.to_dict())
        browser_url = st.context.url
    except Exception:  # outside a browser session (AppTest): no address to offer
        headers, browser_url = {}, None
    return public_base(os.environ.get(PUBLIC_URL_ENV), browser_url, headers)


@functools.lru_cache(maxsize=64)
def qr_image(link: str, size: str = "13rem") -> str:
    """The join address as a QR code in an <img> with a data: URI: drawn from the page itself,
    so no file for it is ever served from /media/, and the alt text says where it leads.
    Cached: the trainer's view redraws it on every poll, and a link is a room's address, nothing typed."""
    uri = segno.make(link, error="m").svg_data_uri(scale=8, border=4, dark="#000", light="#fff")
    label = html.escape(f"QR code that opens {link}", quote=True)
    return (
        f'<img src="{html.escape(uri, quote=True)}" alt="{label}" '
        f'style="width:100%;max-width:{html.escape(size)};height:auto">'
    )


def join_panel(code: str, link: str) -> None:
    """The page's heading with the room code, and the full join address, large enough to read from the
    back of a room. Drawn at the top of a narrow column beside the item (pages/room.py), so both are
    on the first screen; the QR code goes further down that column."""
    st.html(
        '<div class="tlr-join">'
        '<h1 style="font-size:1.25rem;font-weight:600;margin:0;padding:0">'
        '<span style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)">Training room: </span>'
        "Room code</h1>"
        '<p style="font-size:2.75rem;font-weight:700;letter-spacing:.12em;font-family:monospace;margin:0;line-height:1.1">'
        f"{html.escape(code)}</p>"
        '<p style="font-size:1.1rem;margin:.25rem 0 0">Join on your phone at</p>'
        f'<p style="font-size:1.25rem;font-weight:700;margin:0;overflow-wrap:anywhere">{html.escape(link)}</p>'
        "</div>"
    )


def item_block(pack: Pack, room: Room) -> Behaviour | Scenario | None:
    """The item on screen, as the room reads it; None when the pack no longer has it."""
    item = find_item(pack, room.kind, room.current_item)
    if item is None:
        st.warning("This item is no longer in the content pack. Move on to the next one.")
        return None
    band = pack.band(room.band)
    st.markdown(f"**{md(room.position)}** · {md(band.label if band else room.band)}")
    if isinstance(item, Scenario):
        st.markdown(f"## {md(item.title)}")
        st.markdown(md(item.text))
    else:
        st.markdown(f"## {md(item.text)}")
    return item


def spread(pack: Pack, tally: Tally, heading: str = "The room's answers", width: int = 20) -> None:
    """The room's answers as a bar list: the word first, then the count in figures, then a bar."""
    total = tally.answered
    lines = []
    for choice, word, count, bar in spread_lines(pack, tally, width):
        marker = level_badge(pack, choice.level) if choice.level else f"**{md(word)}**"
        share = f" ({round(100 * count / total)}%)" if total else ""
        lines.append(f"- {marker} **{count}**{share} {bar}")
    st.markdown(f"**{md(heading)} ({total} in all)**\n\n" + "\n".join(lines))


def spreads(pack: Pack, first: Tally, second: Tally | None) -> None:
    """The reveal, in 24 px text: one round's spread, or the first answers beside those after discussion."""
    with st.container(key="tlr-reveal"):
        if second is None:
            spread(pack, first)
            return
        before, after = st.columns(2)
        with before:
            spread(pack, first, "First answers", width=6)
        with after:
            spread(pack, second, "After discussion", width=6)


def pack_answer(pack: Pack, item: Behaviour | Scenario) -> None:
    """The pack's rating and its reasons."""
    st.markdown(f"**The pack rates this:** {level_title(pack, item_level(item))}")
    if isinstance(item, Scenario):
        st.markdown(md(item.explanation))
        criteria = deciding_criteria(pack, item)
        if criteria:
            st.markdown("**What decides it:**\n" + "\n".join(f"- {md(c.question)}" for c in criteria))
    elif item.consider:
        st.markdown("**Consider:**\n" + "\n".join(f"- {md(note)}" for note in item.consider))


def choice_label(pack: Pack, choice: Choice) -> str:
    return "Not sure" if choice.level is None else pack.level_label(choice.level)


__all__ = [
    "StoreUnavailable",
    "base_address",
    "choice_label",
    "item_block",
    "join_panel",
    "pack_answer",
    "qr_image",
    "replica_rooms",
    "room_moment",
    "room_store",
    "session_allows",
    "session_record",
    "spread",
    "spreads",
    "store_down",
]
