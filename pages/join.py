"""A live training room, a participant's side: join with the code, rate the item on screen.

Anonymous: no name is asked. On joining, the server issues a participant token and adds
it to the address (/join?room=CODE&p=TOKEN): a random id signed with the room's own
secret, so a client can neither choose one nor make up another. It says nothing about
anyone; it lets a phone that slept, reloaded or lost its replica come back as the same
participant, so their answer is kept and never counted twice. It needs no cookie, and
nginx logs no query strings. One browser session holds one participant per room (in
st.session_state, on the server): another token in the address does not make it a second
voter. Joins are limited per session and per room (behaviours/rooms.py).
"""

import streamlit as st

from behaviours.core.text import md
from behaviours.training.plans import JoinView, ParticipantView, plan_join, plan_participant
from behaviours.training.room_store import StoreUnavailable
from behaviours.training.rooms import (
    CHOICES,
    NO_ROOM_MESSAGE,
    PARTICIPANT_POLL_SECONDS,
    SESSION_JOINS,
    SESSION_WRONG_CODES,
    TOO_MANY_JOINS,
    TOO_MANY_WRONG_CODES,
    Choice,
    JoinOutcome,
    parse_code,
    token_participant,
)
from ui.inputs import page_intro, secondary_text
from ui.pack_loading import pack
from ui.room import (
    choice_label,
    item_block,
    pack_answer,
    room_moment,
    room_store,
    session_allows,
    session_record,
    store_down,
)

content = pack()
store = room_store()

NO_ROOM = NO_ROOM_MESSAGE
BAD_CODE = "That is not a room code. Codes have six letters and numbers, for example ABC234."
# This session's participant token for each room it joined: {code: token}. Kept on the server.
HELD = "room_participants"
WRONG_CODES = "room_wrong_codes"
JOINED = "room_joins"


def _join_form(problem: str | None = None) -> None:
    page_intro("Join a training room", "Type the room code shown on the screen. You will not be asked your name.")
    problem = st.session_state.pop("join_problem", None) or problem
    if problem == "down":
        store_down()
    elif problem:
        st.warning(problem, icon=":material/search_off:")
    with st.form("join_room", enter_to_submit=True, border=False):
        st.text_input("Room code", max_chars=12, key="join_code", autocomplete="off")
        st.form_submit_button("Join", type="primary", on_click=_join_typed)


def _wrong_code(message: str) -> str:
    """Count a code that is not a live room against this session's guesses; the words to show."""
    session_record(WRONG_CODES, SESSION_WRONG_CODES, room_moment())
    return message


def _join_typed() -> None:
    if not session_allows(WRONG_CODES, SESSION_WRONG_CODES, room_moment()):
        st.session_state["join_problem"] = TOO_MANY_WRONG_CODES
        return
    code = parse_code(st.session_state.get("join_code"))
    st.session_state["join_problem"] = _wrong_code(BAD_CODE) if code is None else _enter(code)


def _held(code: str) -> str | None:
    return (st.session_state.get(HELD) or {}).get(code)


def _enter(code: str) -> str | None:
    """Join the room: the server admits this session once and puts its token in the address. Else say why not."""
    held = _held(code)
    if held is not None:  # this session is already in the room: the same participant, never a new one
        st.query_params.from_dict({"room": code, "p": held})
        return None
    moment = room_moment()
    if not session_allows(WRONG_CODES, SESSION_WRONG_CODES, moment):
        return TOO_MANY_WRONG_CODES
    if not session_allows(JOINED, SESSION_JOINS, moment):
        return TOO_MANY_JOINS
    try:
        admission = store.admit(code, moment)
    except StoreUnavailable:
        return "down"
    if admission.outcome is JoinOutcome.NO_ROOM:
        return _wrong_code(NO_ROOM)
    if admission.token is None:
        return admission.outcome.message
    session_record(JOINED, SESSION_JOINS, moment)
    st.session_state[HELD] = {**(st.session_state.get(HELD) or {}), code: admission.token}
    st.query_params.from_dict({"room": code, "p": admission.token})
    return None


def _vote(code: str, index: int, participant: str, choice: Choice, round_number: int = 1) -> None:
    try:
        outcome = store.vote(code, index, participant, choice, round_number)
    except StoreUnavailable:
        st.session_state["room_message"] = "Your answer could not be sent: the room service cannot be reached."
        return
    st.session_state["room_message"] = outcome.message


@st.fragment(run_every=PARTICIPANT_POLL_SECONDS)
def _live(code: str, participant: str) -> None:
    """The item on screen and this phone's answer; polls so it follows the trainer."""
    try:
        room = store.get(code)
        mine = store.my_vote(code, room.current, participant, room.round) if room else None
    except StoreUnavailable:
        store_down()
        return
    plan = plan_participant(room, mine)
    if plan.view is ParticipantView.EXPIRED:
        st.warning(plan.text, icon=":material/schedule:")
        return
    if plan.view is ParticipantView.ENDED:
        st.success(plan.text, icon=":material/check:")
        return
    assert room is not None
    if st.session_state.get("room_item") != (room.current, room.round, room.revealed):
        st.session_state["room_item"] = (room.current, room.round, room.revealed)
        st.session_state.pop("room_message", None)

    item = item_block(content, room)
    if plan.view is not ParticipantView.RATING:
        if plan.mine is not None:
            st.markdown(f"You answered **{md(choice_label(content, plan.mine))}**{plan.again}.")
        if plan.view is ParticipantView.DISCUSSING:
            st.markdown(plan.text)
            return
        if item is not None:
            pack_answer(content, item)
        secondary_text(plan.text)
        return

    st.markdown(f"**{plan.text}**")
    for choice in CHOICES:
        chosen = plan.mine is choice
        st.button(
            f"{choice_label(content, choice)}{' (your answer)' if chosen else ''}",
            key=f"vote_{room.current}_{room.round}_{choice.value}",
            on_click=_vote,
            args=(code, room.current, participant, choice, room.round),
            type="primary" if chosen else "secondary",
            width="stretch",
        )
    message = st.session_state.get("room_message")
    if message:
        st.markdown(md(message))
    elif plan.hint:
        secondary_text(plan.hint)


raw_code = st.query_params.get("room")
raw_token = st.query_params.get("p")
plan = plan_join(raw_code, raw_token, _held(parse_code(raw_code) or ""), store)
if plan.view is JoinView.FORM:
    _join_form()
elif plan.view is JoinView.BAD_CODE:
    if not session_allows(WRONG_CODES, SESSION_WRONG_CODES, room_moment()):
        _join_form(TOO_MANY_WRONG_CODES)
    else:
        _join_form(_wrong_code(BAD_CODE))
elif plan.view is JoinView.STORE_DOWN:
    page_intro("Join a training room")
    store_down()
elif plan.view is JoinView.ENTER:
    # Arrived from the QR code or the link (or with a token the server did not issue): join now.
    assert plan.code is not None
    problem = _enter(plan.code)
    if problem:
        st.session_state["join_code"] = plan.code
        _join_form(problem)
    else:
        st.rerun()
else:
    assert plan.code is not None and plan.token is not None
    if plan.adopted:  # a phone that reloaded or moved replica brought the token the server issued it
        st.session_state[HELD] = {**(st.session_state.get(HELD) or {}), plan.code: plan.token}
    if plan.rewrite_address:
        st.query_params.from_dict({"room": plan.code, "p": plan.token})
    page_intro("Training room")
    st.markdown(f"Room **{plan.code}**")
    _live(plan.code, token_participant(plan.token))
