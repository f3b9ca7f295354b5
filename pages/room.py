"""A live training room, the trainer's side: start a room, project its code, reveal the room's spread.

/room starts a room. /room?room=CODE&key=KEY is the trainer's own view of it; the key is
random, stored only as a hash, never drawn on the page or in the join link, so a reload
(or another tab) reopens the same room while participants, who only ever see
/join?room=CODE, cannot drive it. Without the right key the page says the same for every
code (live, ended or never started), so it cannot be used to find rooms. Starting rooms is
limited per session and per replica (behaviours/rooms.py).
"""

import random

import streamlit as st

from behaviours.core.text import md, md_link
from behaviours.training.room_store import StoreUnavailable
from behaviours.training.rooms import (
    MAX_ITEMS,
    REPLICA_FULL,
    SESSION_ROOMS,
    TOO_MANY_ROOMS,
    TRAINER_POLL_SECONDS,
    ItemKind,
    Room,
    answered_sentence,
    close_to_joiners,
    end,
    hash_key,
    join_link,
    key_matches,
    move,
    new_code,
    new_token,
    open_to_joiners,
    parse_code,
    reveal,
    room_items,
)
from ui.inputs import notice, page_intro, secondary_text
from ui.pack_loading import pack
from ui.room import (
    base_address,
    item_block,
    join_panel,
    pack_answer,
    replica_rooms,
    room_moment,
    room_store,
    session_allows,
    session_record,
    spread,
    store_down,
)

content = pack()
store = room_store()

raw_code = st.query_params.get("room")
key = st.query_params.get("key")
STARTED = "rooms_started"  # when this session started its rooms (session_state)
# One answer for any code without its trainer key: it says nothing about whether the room exists.
NOT_YOURS = (
    "This page runs a room for the trainer who started it, from the address they were given. "
    "To take part in a room, join it with the code on the screen."
)


def _start_form() -> None:
    page_intro(
        "Start a training room",
        "Project one age band and let the room rate each item on their phones, anonymously. "
        "Then reveal how the room answered, and the pack's rating with its reasons.",
    )
    secondary_text(
        "A room keeps only which pack items it shows and how many chose each answer: no names, "
        "and nothing typed. It closes on its own after four hours."
    )
    bands = {band.id: band.label for band in content.bands}
    band_id = st.selectbox("Age band", options=list(bands), format_func=bands.get, key="room_band")
    kinds = [k.value for k in ItemKind if room_items(content, band_id, k, 0)]
    picked = st.segmented_control(
        "Items to rate",
        options=kinds,
        format_func=lambda k: ItemKind(k).words,
        default=kinds[0] if kinds else None,
        required=True,
        key="room_kind",
    )
    kind = ItemKind(picked) if picked else None
    if kind is None:
        notice("This band has nothing to rate.")
        return
    order = room_items(content, band_id, kind, seed=st.session_state.setdefault("room_seed", random.randrange(10**6)))  # noqa: S311
    labels = {}
    for item_id in order:
        item = content.behaviour(item_id) if kind is ItemKind.BEHAVIOUR else None
        labels[item_id] = item.text if item else next((s.title for s in content.scenarios if s.id == item_id), item_id)
    chosen = st.multiselect(
        "Items, in the order the room will see them",
        options=order,
        default=order[: min(10, len(order))],
        format_func=labels.get,
        max_selections=MAX_ITEMS,
        key=f"room_items_{band_id}_{kind.value}",
    )
    st.button(
        "Start the room",
        type="primary",
        disabled=not chosen,
        key="room_start",
        on_click=_start_room,
        args=(band_id, kind, tuple(chosen)),
    )
    problem = st.session_state.pop("room_start_problem", None)
    if problem == "down":
        store_down()
    elif problem:
        st.error(problem)


def _start_room(band_id: str, kind: ItemKind, items: tuple[str, ...]) -> None:
    """Open the room and put its code and the trainer's key in this tab's address."""
    moment = room_moment()
    if not session_allows(STARTED, SESSION_ROOMS, moment):
        st.session_state["room_start_problem"] = TOO_MANY_ROOMS
        return
    if not replica_rooms().claim(moment):
        st.session_state["room_start_problem"] = REPLICA_FULL
        return
    session_record(STARTED, SESSION_ROOMS, moment)
    trainer_key = new_token()
    try:
        for _attempt in range(5):
            room = Room(code=new_code(), band=band_id, kind=kind, items=items)
            if store.create(room, hash_key(trainer_key), new_token()):
                st.query_params.from_dict({"room": room.code, "key": trainer_key})
                return
    except StoreUnavailable:
        st.session_state["room_start_problem"] = "down"
        return
    st.session_state["room_start_problem"] = "A room could not be started. Try again."


def _not_found(message: str) -> None:
    page_intro("Training room")
    st.warning(message, icon=":material/search_off:")
    st.markdown(md_link("Start a new room", "/room"))


@st.fragment(run_every=TRAINER_POLL_SECONDS)
def _live(code: str) -> None:
    """The item, how many have answered, and after Reveal the spread and the pack's answer.

    Polls twice a second: one read of the room and one of the item's counts.
    """
    try:
        room = store.get(code)
        if room is None:
            st.warning("This room has expired. Start a new one from the Training page.")
            return
        tally = store.tally(code, room.current)
    except StoreUnavailable:
        store_down()
        return
    if room.ended:
        st.success("This room has ended. Thank you.", icon=":material/check:")
        st.markdown(md_link("Start a new room", "/room"))
        return

    item = item_block(content, room)
    st.markdown(f"**{md(answered_sentence(tally.answered))}**")
    try:
        joins = store.joins(code, room_moment())
    except StoreUnavailable:
        joins = None
    if joins is not None:
        closed = " · closed to new joiners" if room.closed_to_joiners else ""
        secondary_text(md(joins.sentence + closed))

    def act(change) -> None:
        try:
            latest = store.get(code)
            if latest is not None:
                store.save(change(latest))
        except StoreUnavailable:
            pass  # the next poll says so

    buttons = st.columns(4)
    buttons[0].button(
        "Previous", on_click=act, args=(lambda r: move(r, -1),), disabled=room.current == 0, width="stretch"
    )
    buttons[1].button("Reveal", on_click=act, args=(reveal,), disabled=room.revealed, type="primary", width="stretch")
    buttons[2].button(
        "Next",
        on_click=act,
        args=(lambda r: move(r, 1),),
        disabled=room.current >= len(room.items) - 1,
        width="stretch",
    )
    buttons[3].button("End the room", on_click=act, args=(end,), width="stretch")
    if room.closed_to_joiners:
        st.button("Let new people join", on_click=act, args=(open_to_joiners,), icon=":material/lock_open:")
    else:
        st.button(
            "Close to new joiners",
            on_click=act,
            args=(close_to_joiners,),
            icon=":material/lock:",
            help="Once everyone is in: nobody new can join, and those in the room keep answering.",
        )

    if room.revealed and item is not None:
        spread(content, tally)
        pack_answer(content, item)
    elif not room.revealed:
        secondary_text("The room's answers stay hidden until you press Reveal.")


code = parse_code(raw_code)
if raw_code is None:
    _start_form()
elif code is None:
    _not_found("That is not a room code. Codes have six letters and numbers, for example ABC234.")
else:
    try:
        room = store.get(code)
        stored_key = store.key_hash(code) if room else None
    except StoreUnavailable:
        page_intro("Training room")
        store_down()
        st.stop()
    if room is None or not key_matches(key, stored_key):
        page_intro("Training room")
        st.info(NOT_YOURS, icon=":material/lock:")
        st.markdown(f"{md_link('Join a room', '/join')} · {md_link('Start a new room', '/room')}")
    else:
        page_intro("Training room")
        join_panel(code, join_link(base_address(), code))
        _live(code)
        secondary_text(
            "Keep this page's address to reopen the room after a reload; it lets you run the room, so "
            "do not share it. On a projector, full screen (F11) hides the address bar."
        )
