"""The one moment of a page run: read from the clock once by the frame, then used by the page.

The frame (app.py) and the page it runs share a session, so the moment is kept there for
the run: the top line, the sidebar and every card on the page say the same about who
answers now. It is a time, never anything a person typed.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from behaviours import clock

_KEY = "run_now"


def start_run() -> dt.datetime:
    """Read the clock for this run (the frame calls this once, before the page)."""
    now = clock.now()
    st.session_state[_KEY] = now
    return now


def run_now() -> dt.datetime:
    """The moment of this run, as the frame read it (read now if a page runs without the frame)."""
    now = st.session_state.get(_KEY)
    return now if isinstance(now, dt.datetime) else start_run()


def fragment_now() -> dt.datetime:
    """The moment for a part of the page drawn in an ``st.fragment``.

    On a full run that is the frame's moment, so the fragment says what the frame says. When
    only the fragment reruns (a person changed one of its inputs), the frame did not run and
    its moment may be minutes old: the clock is read again, so "who to call now" is current.
    """
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    if ctx is not None and ctx.fragment_ids_this_run:
        return start_run()
    return run_now()
