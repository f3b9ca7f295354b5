"""A live training room, a participant's side: join with the code, rate the item on screen.

Anonymous: no name is asked. On joining, the app adds a random participant token to the
address (/join?room=CODE&p=TOKEN). It is not something the user typed and says nothing
about anyone; it lets a phone that slept, reloaded or lost its replica come back as the
same participant, so their answer is kept and never counted twice. It needs no cookie, and
nginx logs no query strings. The room code in the address is the one on the projector.
"""

import streamlit as st

from behaviours.core.text import md
from behaviours.training.room_store import StoreUnavailable
from behaviours.training.rooms import CHOICES, PARTICIPANT_POLL_SECONDS, Choice, new_token, parse_code, parse_token
from ui.inputs import page_intro, secondary_text
from ui.pack_loading import pack
from ui.room import choice_label, item_block, pack_answer, room_store, store_down

content = pack()
store = room_store()

NO_ROOM = "There is no room with that code. Check the code on the screen; the room may have ended or expired."
BAD_CODE = "That is not a room code. Codes have six letters and numbers, for example ABC234."


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


def _join_typed() -> None:
    code = parse_code(st.session_state.get("join_code"))
    st.session_state["join_problem"] = BAD_CODE if code is None else _enter(code)


def _enter(code: str) -> str | None:
    """Join the room: the address gains the code and a fresh participant token. Else say why not."""
    try:
        room = store.get(code)
    except StoreUnavailable:
        return "down"
    if room is None or room.ended:
        return NO_ROOM
    st.query_params.from_dict({"room": code, "p": new_token()})
    return None


def _vote(code: str, index: int, participant: str, choice: Choice) -> None:
    try:
        outcome = store.vote(code, index, participant, choice)
    except StoreUnavailable:
        st.session_state["room_message"] = "Your answer could not be sent: the room service cannot be reached."
        return
    st.session_state["room_message"] = outcome.message


@st.fragment(run_every=PARTICIPANT_POLL_SECONDS)
def _live(code: str, participant: str) -> None:
    """The item on screen and this phone's answer; polls so it follows the trainer."""
    try:
        room = store.get(code)
        mine = store.my_vote(code, room.current, participant) if room else None
    except StoreUnavailable:
        store_down()
        return
    if room is None:
        st.warning("This room has expired. Thank you for taking part.", icon=":material/schedule:")
        return
    if room.ended:
        st.success("The trainer has ended this room. Thank you for taking part.", icon=":material/check:")
        return
    if st.session_state.get("room_item") != (room.current, room.revealed):
        st.session_state["room_item"] = (room.current, room.revealed)
        st.session_state.pop("room_message", None)

    item = item_block(content, room)
    if room.revealed:
        if mine is not None:
            st.markdown(f"You answered **{md(choice_label(content, mine))}**.")
        if item is not None:
            pack_answer(content, item)
        secondary_text("Wait for the trainer to move on.")
        return

    st.markdown("**How would you rate this?**")
    for choice in CHOICES:
        chosen = mine is choice
        st.button(
            f"{choice_label(content, choice)}{' (your answer)' if chosen else ''}",
            key=f"vote_{room.current}_{choice.value}",
            on_click=_vote,
            args=(code, room.current, participant, choice),
            type="primary" if chosen else "secondary",
            width="stretch",
        )
    message = st.session_state.get("room_message")
    if message:
        st.markdown(md(message))
    elif mine is None:
        secondary_text("Nobody sees who answered what; the trainer sees only how many chose each answer.")


raw_code = st.query_params.get("room")
raw_token = st.query_params.get("p")
code = parse_code(raw_code)
participant = parse_token(raw_token)
if raw_code is None:
    _join_form()
elif code is None:
    _join_form(BAD_CODE)
elif participant is None:
    # Arrived from the QR code or the link: join straight away, with a fresh token.
    problem = _enter(code)
    if problem:
        _join_form(problem)
    else:
        st.rerun()
else:
    page_intro("Training room")
    st.markdown(f"Room **{code}**")
    _live(code, participant)
