"""A live training room, the trainer's side: start a room, project its code, reveal the room's spread.

/room starts a room. /room?room=CODE&key=KEY is the trainer's own view of it; the key is
random, stored only as a hash, never drawn on the page or in the join link, so a reload
(or another tab) reopens the same room while participants, who only ever see
/join?room=CODE, cannot drive it. Without the right key the page says the same for every
code (live, ended or never started), so it cannot be used to find rooms. Starting rooms is
limited per session and per replica (behaviours/rooms.py).

A room may rate each item twice (rate, discuss, re-rate; issue 27). When it ends, the trainer
sees how far the room agreed before and after discussion (the figures are worked out once, then
kept for the session), may save the result (counts only) and download it as a PDF.
"""

import random
import secrets

import streamlit as st

from behaviours.core.text import md, md_link
from behaviours.documents.handouts import room_summary_handout
from behaviours.pack.identity import content_hash
from behaviours.pack.loader import default_pack_dir
from behaviours.training.debrief import Debrief, room_debrief, room_result
from behaviours.training.plans import RoomView, plan_room, plan_trainer_live
from behaviours.training.results import SaveOutcome, today_for_result
from behaviours.training.room_store import StoreUnavailable, start_room
from behaviours.training.rooms import (
    MAX_ITEMS,
    REPLICA_FULL,
    SESSION_ROOMS,
    TOO_MANY_ROOMS,
    TRAINER_POLL_SECONDS,
    ItemKind,
    Room,
    close_to_joiners,
    end,
    hash_key,
    join_link,
    move,
    new_token,
    open_to_joiners,
    rate_again,
    reveal,
    room_items,
    show_answer,
)
from ui.debrief import debrief_view
from ui.inputs import notice, page_intro, secondary_text
from ui.pack_loading import pack
from ui.room import (
    base_address,
    item_block,
    join_panel,
    pack_answer,
    qr_image,
    replica_rooms,
    result_store,
    room_moment,
    room_store,
    room_style,
    session_allows,
    session_record,
    spreads,
    store_down,
)

content = pack()
store = room_store()

raw_code = st.query_params.get("room")
key = st.query_params.get("key")
STARTED = "rooms_started"  # when this session started its rooms (session_state)
OPENED = "room_opened"  # the room just started, to open as a fresh page (session_state)
FRESH = "room_fresh"  # a room just started or ended, to draw from the top (session_state)
# The start form is long and the trainer scrolls to reach Start; the browser keeps that scroll for the
# room, which put its code under the call bar. No script may run in the page (CSP), so for a moment
# when the room first draws, a CSS animation takes the page's content out (display: none): with
# nothing to scroll the browser goes back to the top, and the room appears there. An animation ends
# on its own, so the rule needs no second run to undo it.


def _to_the_top() -> None:
    """Draw the rule once; its animation's name is new each time, so the browser runs it again even
    where the page already holds an earlier copy of the rule in the same place."""
    name = f"tlr-to-the-top-{secrets.token_hex(4)}"
    st.html(
        f"<style>@keyframes {name} {{ from, to {{ display: none; }} }}"
        f'[data-testid="stMainBlockContainer"] {{ animation: {name} 0.2s; }}</style>'
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
    st.toggle(
        "Rate each item twice: before and after discussing the room's answers",
        key="room_two_rounds",
        help="The room rates, sees its spread and discusses it, then rates again; the pack's answer comes last.",
    )
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
    two_rounds = bool(st.session_state.get("room_two_rounds"))  # the toggle as it is now, not at the last run
    moment = room_moment()
    if not session_allows(STARTED, SESSION_ROOMS, moment):
        st.session_state["room_start_problem"] = TOO_MANY_ROOMS
        return
    if not replica_rooms().claim(moment):
        st.session_state["room_start_problem"] = REPLICA_FULL
        return
    session_record(STARTED, SESSION_ROOMS, moment)
    trainer_key = new_token()
    wanted = Room(code="", band=band_id, kind=kind, items=items, two_rounds=two_rounds)
    try:
        room = start_room(store, wanted, hash_key(trainer_key))
    except StoreUnavailable:
        st.session_state["room_start_problem"] = "down"
        return
    if room is None:
        st.session_state["room_start_problem"] = "A room could not be started. Try again."
        return
    st.session_state[OPENED] = {"room": room.code, "key": trainer_key}


def _not_found(message: str) -> None:
    page_intro("Training room")
    st.warning(message, icon=":material/search_off:")
    st.markdown(md_link("Start a new room", "/room"))


ROOM_GONE = "This room has expired. Start a new room on the Training room page."


def _act(code: str, change) -> None:
    try:
        latest = store.get(code)
        if latest is not None:
            store.save(change(latest))
    except StoreUnavailable:
        pass  # the next poll says so


@st.fragment(run_every=TRAINER_POLL_SECONDS)
def _live(code: str, link: str) -> None:
    """The item, how many have answered, and after Reveal the spread (both rounds) and the pack's answer;
    beside them the code, the join address, the trainer's buttons and the QR code.

    Laid out for a projector at 1280x720: the item, the count and the reveal on the left, the code
    and the buttons on the right, all on the first screen. Polls twice a second: one read of the
    room, one or two of the item's counts, and the joins.
    """
    try:
        room = store.get(code)
        if room is None:
            st.warning(ROOM_GONE, icon=":material/schedule:")
            st.markdown(md_link("Start a new room", "/room"))
            return
        first = store.tally(code, room.current, 1)
        second = store.tally(code, room.current, 2) if room.round == 2 else None
    except StoreUnavailable:
        store_down()
        return
    if room.ended:
        st.session_state[FRESH] = code  # the summary opens at its top, not where End was pressed
        st.rerun()  # the whole page: the summary is drawn once, outside this poll
    try:
        joins = store.joins(code, room_moment())
    except StoreUnavailable:
        joins = None

    plan = plan_trainer_live(room, first, second, joins)
    live, side = st.columns([3, 1], gap="medium")
    with side:
        join_panel(code, link)
        if plan.rate_again:
            st.button("Rate again", on_click=_act, args=(code, rate_again), type="primary", width="stretch")
        else:
            st.button(
                "Reveal",
                on_click=_act,
                args=(code, reveal),
                disabled=plan.reveal_disabled,
                type="primary",
                width="stretch",
            )
        st.button(
            "Next",
            on_click=_act,
            args=(code, lambda r: move(r, 1)),
            disabled=plan.next_disabled,
            width="stretch",
        )
        if plan.joins is not None:
            secondary_text(plan.joins)
        st.html(qr_image(link, size="9rem"))
        st.button(
            "Previous",
            on_click=_act,
            args=(code, lambda r: move(r, -1)),
            disabled=plan.previous_disabled,
            width="stretch",
        )
        if plan.skip_to_answer:
            st.button("Skip rating again: show the pack's answer", on_click=_act, args=(code, show_answer))
        st.button("End the room", on_click=_act, args=(code, end), width="stretch")
        if room.closed_to_joiners:
            st.button("Let new people join", on_click=_act, args=(code, open_to_joiners), icon=":material/lock_open:")
        else:
            st.button(
                "Close to new joiners",
                on_click=_act,
                args=(code, close_to_joiners),
                icon=":material/lock:",
                help="Once everyone is in: nobody new can join, and those in the room keep answering.",
            )

    with live:
        with st.container(key="tlr-item"):
            item = item_block(content, room)
        with st.container(key="tlr-count"):
            st.markdown(plan.count)
        if plan.first_spread is not None:
            spreads(content, plan.first_spread, plan.second_spread)
        if plan.pack_answer and item is not None:
            pack_answer(content, item)
        if plan.note:
            secondary_text(plan.note)


# ------------------------------------------------------------------ when the room has ended

ENDED = f"**This room has ended. Thank you.** {md_link('Start a new room on the Training room page', '/room')}."
SUMMARY = "room_debrief"  # session_state: (code, the counts it was made from, participants, Debrief)
SAVED = "room_saved"  # session_state: {code: SaveOutcome}


def _summary(code: str, room: Room) -> tuple[Debrief, dict, int] | None:
    """The room's summary, worked out once (about 1.6 s a round) and kept for this session."""
    try:
        tallies = store.tallies(code, len(room.items))
        participants = store.voters(code)
    except StoreUnavailable:
        return None
    counts = tuple(sorted((slot, tuple(sorted(t.counts.items()))) for slot, t in tallies.items()))
    kept = st.session_state.get(SUMMARY)
    if kept and kept[0] == code and kept[1] == counts and kept[2] == participants:
        return kept[3], tallies, participants
    summary = room_debrief(content, room, tallies, participants)
    st.session_state[SUMMARY] = (code, counts, participants, summary)
    return summary, tallies, participants


def _save(code: str, room: Room, tallies: dict, participants: int) -> None:
    """Keep the room's result (counts only); the page says saved, or why not. Never raises."""
    course = st.session_state.get("room_course") or None
    try:
        result = room_result(
            content,
            content_hash(default_pack_dir().resolve()),
            room,
            tallies,
            participants,
            today_for_result(),
            course,
        )
    except ValueError:
        outcome = SaveOutcome(saved=False, message="The result could not be saved: its counts do not add up.")
    else:
        outcome = result_store().save_result(result, courses=content.info.courses)
    st.session_state[SAVED] = {**st.session_state.get(SAVED, {}), code: outcome}


def _ended(code: str, room: Room) -> None:
    made = _summary(code, room)
    if made is None:
        page_intro("Training room")
        st.markdown(ENDED)
        store_down()
        return
    summary, tallies, participants = made
    debrief_view(summary, ENDED)
    if summary.empty:
        return

    st.subheader("Keep this result", anchor=False)
    secondary_text(
        "Saving keeps the pack's name and version, the band, each item's counts in each round, how many took "
        "part and today's date: no names, no codes and nothing anyone typed."
    )
    outcome = st.session_state.get(SAVED, {}).get(code)
    courses = list(content.info.courses)
    if courses and not (outcome and outcome.kept):
        st.selectbox(
            "Training course (optional)",
            options=["", *courses],
            format_func=lambda course: course or "No course",
            key="room_course",
        )
    st.button(
        "Save this room's result",
        on_click=_save,
        args=(code, room, tallies, participants),
        disabled=bool(outcome and outcome.kept),  # saved from here or, before, from another tab: once
        icon=":material/save:",
    )
    if outcome is not None:
        if outcome.saved:
            st.success(md(outcome.message), icon=":material/check:")
        elif outcome.already_saved:
            st.info(md(outcome.message), icon=":material/check:")
        else:
            st.warning(md(outcome.message), icon=":material/cloud_off:")
    # A room summary holds no personal data (counts and pack words only), so a download button, whose
    # file Streamlit keeps briefly in its media store, is acceptable here, as for the band handouts.
    held_on = today_for_result()
    st.download_button(
        "Room summary (PDF)",
        data=lambda: room_summary_handout(content, summary, held_on, room_items=len(room.items)),
        file_name=f"room-summary-{held_on.isoformat()}.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        on_click="ignore",
        key="room_summary_pdf",
    )


opened = st.session_state.pop(OPENED, None)
if opened:
    st.query_params.from_dict(opened)
    st.session_state[FRESH] = opened["room"]
    raw_code, key = opened["room"], opened["key"]

plan = plan_room(raw_code, key, store)
if plan.view is RoomView.START:
    _start_form()
elif plan.view is RoomView.NOT_A_CODE:
    _not_found(plan.message)
elif plan.view is RoomView.STORE_DOWN:
    page_intro("Training room")
    store_down()
elif plan.view is RoomView.NOT_YOURS:
    page_intro("Training room")
    st.info(plan.message, icon=":material/lock:")
    st.markdown(f"{md_link('Join a room', '/join')} · {md_link('Start a new room', '/room')}")
else:
    assert plan.code is not None and plan.room is not None
    room_style()
    if st.session_state.pop(FRESH, None) == plan.code:
        _to_the_top()
    if plan.view is RoomView.ENDED:
        _ended(plan.code, plan.room)
    else:
        _live(plan.code, join_link(base_address(), plan.code))
        secondary_text(
            "Keep this page's address to reopen the room after a reload; it lets you run the room, so "
            "do not share it. On a projector, full screen (F11) hides the address bar."
        )
