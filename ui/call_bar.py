"""The frame's call bar and top line, and how a page tells the frame what its answer holds.

The frame (app.py) draws the bar and line before the page runs, in slots, from what the page
reported last time; the page reports its answer's levels with :func:`report_answer`; after the
page has run the frame fills the slots again if the mode changed (:meth:`FrameCalls.settle`). When
only a page's fragment reruns, the frame does not run, so a changed mode redraws the whole page.
The rule (which levels ring now) is ``behaviours.answers.urgency.call_bar_mode``.

What is kept in the session is the page's address and level names, never anything typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from behaviours.answers.urgency import CallBarMode, call_bar_mode
from behaviours.pack.model import Level
from behaviours.pack.pack import Pack
from ui.contacts import CALL_BAR_KEY, DANGER_LINE_KEY, frame_bar, frame_line

# The page this run draws (its url_path), set by the frame: the answer a page reports is kept per page.
_PAGE = "call_bar_page"
# Whether that page gives answers about a concern (the frame says; pages that do not are neutral).
_PAGE_ANSWERS = "call_bar_page_answers"
# Per page: the levels its last answer held, as level names.
_ANSWERS = "call_bar_answers"
# The mode the frame drew in this run (or the last full run, during a fragment's own run).
_DRAWN = "call_bar_drawn"


def _mode(page: str, page_answers: bool) -> CallBarMode:
    answers = st.session_state.get(_ANSWERS) or {}
    held = answers.get(page)
    levels = None if held is None else [Level(value) for value in held]
    return call_bar_mode(levels, page_answers=page_answers)


@dataclass
class FrameCalls:
    """The two slots the frame drew, and what it needs to fill them again."""

    pack: Pack
    now: dt.datetime
    page: str
    page_answers: bool
    who_to_call_page: object | None
    bar: st.delta_generator.DeltaGenerator
    line: st.delta_generator.DeltaGenerator
    mode: CallBarMode

    def _fill(self, mode: CallBarMode) -> None:
        ring_now = mode is CallBarMode.RING_NOW
        with self.bar.container():
            frame_bar(self.pack, self.now, ring_now=ring_now, who_to_call_page=self.who_to_call_page)
        with self.line.container():
            frame_line(self.pack, self.now, ring_now=ring_now)
        self.mode = mode
        st.session_state[_DRAWN] = mode.value

    def settle(self) -> None:
        """After the page has run: draw the bar and line again if its answer changed the mode."""
        mode = _mode(self.page, self.page_answers)
        if mode is not self.mode:
            self._fill(mode)


def frame_calls(
    pack: Pack, now: dt.datetime, *, page: str, page_answers: bool, who_to_call_page: object | None
) -> FrameCalls:
    """Draw the bar (it stays on screen as the page scrolls, ui/frame_style.py) and the top line, in the
    mode of the page's last answer; ``settle`` once the page has run."""
    st.session_state[_PAGE] = page
    st.session_state[_PAGE_ANSWERS] = page_answers
    with st.container(key=CALL_BAR_KEY):
        bar = st.empty()
    with st.container(key=DANGER_LINE_KEY):
        line = st.empty()
    calls = FrameCalls(pack, now, page, page_answers, who_to_call_page, bar, line, CallBarMode.NEUTRAL)
    calls._fill(_mode(page, page_answers))
    return calls


def _in_fragment_run() -> bool:
    ctx = get_script_run_ctx()
    return bool(ctx is not None and ctx.fragment_ids_this_run)


def report_answer(levels: Iterable[Level]) -> None:
    """A page says which levels its answer holds now (none before anything is asked).

    On a fragment's own run the frame is not drawn again, so if the bar would now read
    differently (a green answer became red, or the other way) the whole page is drawn again.
    """
    page = st.session_state.get(_PAGE)
    if not isinstance(page, str):
        return  # a page run without the frame (a page test): there is no bar to tell
    answers = dict(st.session_state.get(_ANSWERS) or {})
    answers[page] = tuple(sorted({level.value for level in levels}))
    st.session_state[_ANSWERS] = answers
    if _in_fragment_run():
        mode = _mode(page, bool(st.session_state.get(_PAGE_ANSWERS)))
        if st.session_state.get(_DRAWN) != mode.value:
            st.rerun(scope="app")
