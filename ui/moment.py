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
