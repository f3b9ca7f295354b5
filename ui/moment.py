"""The one moment of a page run: read from the clock once by the frame, then used by the page.

The frame (app.py) and the page it runs share a session, so the moment is kept there for
the run: the top line, the sidebar and every card on the page say the same about who
answers now. It is a time, never anything a person typed.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from behaviours.contacts.hours import next_change
from behaviours.core import clock
from behaviours.pack.pack import Pack
from ui.content_cache import pack_key

_KEY = "run_now"
# Until when the frame's moment says the same about who answers: set by the frame (a time, not typed).
_UNTIL = "run_now_until"
# The last span worked out per pack: (from, until). Content and the clock only, shared by sessions.
_SPANS: dict[tuple[str, int], tuple[dt.datetime, dt.datetime]] = {}
_MAX_SPANS = 8


def start_run(pack: Pack | None = None) -> dt.datetime:
    """Read the clock for this run (the frame calls this once, before the page).

    Given the pack, it also notes until when that moment's answers about who to call hold
    (``behaviours.contacts.hours.next_change``), so a fragment can tell when the frame is out of date.
    """
    now = clock.now()
    st.session_state[_KEY] = now
    if pack is not None:
        st.session_state[_UNTIL] = _until(pack, now)
    return now


def _until(pack: Pack, now: dt.datetime) -> dt.datetime:
    token = pack_key(pack)
    span = _SPANS.get(token) if token is not None else None
    if span is not None and span[0] <= now < span[1]:
        return span[1]
    until = next_change(pack, now)
    if token is not None:
        _SPANS[token] = (now, until)
        while len(_SPANS) > _MAX_SPANS:  # one per loaded copy of a pack: old copies drop out
            _SPANS.pop(next(iter(_SPANS)), None)
    return until


def run_now() -> dt.datetime:
    """The moment of this run, as the frame read it (read now if a page runs without the frame)."""
    now = st.session_state.get(_KEY)
    return now if isinstance(now, dt.datetime) else start_run()


def _in_fragment_run() -> bool:
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return bool(ctx is not None and ctx.fragment_ids_this_run)


def _redraw_all_if_frame_is_out_of_date(moment: dt.datetime) -> None:
    """On a fragment's own run, the frame (call bar, sidebar) was drawn at an earlier moment. Once a
    service has opened or closed since, or the day has changed, the whole page is drawn again, so the
    frame and the fragment never disagree about whom to call."""
    until = st.session_state.get(_UNTIL)
    if isinstance(until, dt.datetime) and moment >= until:
        st.rerun(scope="app")


def fragment_now() -> dt.datetime:
    """The moment for a part of the page drawn in an ``st.fragment`` that needs the time itself.

    On a full run that is the frame's moment, so the fragment says what the frame says. When
    only the fragment reruns (a person changed one of its inputs), the frame did not run and
    its moment may be minutes old: the clock is read again, so "who to call now" is current,
    and the whole page is drawn again if the frame's answer no longer holds.
    """
    if _in_fragment_run():
        fresh = clock.now()
        _redraw_all_if_frame_is_out_of_date(fresh)
        st.session_state[_KEY] = fresh
        return fresh
    return run_now()


def steady_now() -> dt.datetime:
    """The frame's moment, for a fragment whose words depend on the time only through who answers
    and the date: while those read the same the frame's moment is used (so kept cards match), and
    once they would read differently the whole page is drawn again at a new moment."""
    if _in_fragment_run():
        _redraw_all_if_frame_is_out_of_date(clock.now())
    return run_now()
