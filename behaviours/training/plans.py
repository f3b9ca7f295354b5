"""What the training pages show, decided without Streamlit: a ``plan_*`` per page, like ``behaviours.answers.plans``.

Training sits above answers (it reads link parameters with ``behaviours.answers.params``), so its plans live here
rather than in ``behaviours.answers.plans``, which must not import upwards.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

from behaviours.answers.params import parse_band, parse_level, parse_seed
from behaviours.core.text import md
from behaviours.pack.pack import Pack
from behaviours.training.quiz import DEFAULT_QUIZ_SIZE, parse_quiz_size
from behaviours.training.room_store import RoomStore, StoreUnavailable
from behaviours.training.rooms import Choice, Joins, Room, Stage, Tally, answered_sentence, key_matches, parse_code
from behaviours.training.sessions import TrainingMode, parse_mode, step_index


@dataclass(frozen=True)
class TrainingLinkPlan:
    """How a training link sets the page up once: the values to set (None: leave alone), and notices."""

    mode: TrainingMode | None = None
    seed: int | None = None
    new_seed: bool = False  # the link asked for a quiz number that could not be read: draw a fresh one
    band: str | None = None  # a band id, or ALL_BANDS
    size: int | None = None
    facilitator_step: int | None = None
    notices: list[str] = field(default_factory=list)


ALL_BANDS = "all"


def plan_training_link(
    pack: Pack, params: Mapping[str, str], written: Mapping[str, str] | None = None
) -> TrainingLinkPlan:
    """Read ``mode``, ``seed``, ``band``, ``n`` and ``level`` from a link.

    A level alone means the facilitator view, the only one that shows one level at a time;
    a band or level in the link moves the facilitator to that step. ``written`` is the
    address the page itself last put in the address bar: the same parameters again are
    only that echo, not a new link, so they change nothing (else every rerun would undo
    the choices made since).
    """
    if written is not None and dict(params) == dict(written):
        return TrainingLinkPlan()
    mode = parse_mode(params.get("mode")) if "mode" in params else None
    seed = parse_seed(params.get("seed")) if "seed" in params else None
    band = parse_band(pack, params.get("band")) if "band" in params else None
    size = parse_quiz_size(params.get("n")) if "n" in params else None
    level = parse_level(pack, params.get("level")) if "level" in params else None
    chosen_mode: TrainingMode | None = None
    if mode is not None:
        chosen_mode = mode.value or TrainingMode.QUIZ
    elif level is not None and level.value is not None:
        chosen_mode = TrainingMode.FACILITATOR
    step = None
    if (band is not None and band.value) or (level is not None and level.value):
        step = step_index(pack, band.value if band else None, level.value if level else None)
    return TrainingLinkPlan(
        mode=chosen_mode,
        seed=seed.value if seed is not None else None,
        new_seed=seed is not None and seed.value is None,
        band=(band.value or ALL_BANDS) if band is not None else None,
        size=(size.value or DEFAULT_QUIZ_SIZE) if size is not None else None,
        facilitator_step=step,
        notices=[p.notice for p in (mode, seed, band, size, level) if p is not None and p.notice],
    )


# ------------------------------------------------------------------ the training room, the trainer's side (/room)

NOT_A_CODE = "That is not a room code. Codes have six letters and numbers, for example ABC234."
# One answer for any code without its trainer key: it says nothing about whether the room exists.
NOT_YOURS = (
    "This page runs a room for the trainer who started it, from the address they were given. "
    "To take part in a room, join it with the code on the screen."
)


class RoomView(str, Enum):
    """What /room shows for its address."""

    START = "start"  # no code: the form that starts a room
    NOT_A_CODE = "not_a_code"
    STORE_DOWN = "store_down"
    NOT_YOURS = "not_yours"  # no such room, or not this trainer's key: the same words either way
    ENDED = "ended"  # the room's summary
    LIVE = "live"


@dataclass(frozen=True)
class RoomPlan:
    view: RoomView
    code: str | None = None
    room: Room | None = None  # for ENDED and LIVE
    message: str = ""  # for NOT_A_CODE and NOT_YOURS


def plan_room(raw_code: str | None, key: str | None, store: RoomStore) -> RoomPlan:
    """Read /room?room=CODE&key=KEY: only the key the room was started with opens the trainer's view."""
    if raw_code is None:
        return RoomPlan(RoomView.START)
    code = parse_code(raw_code)
    if code is None:
        return RoomPlan(RoomView.NOT_A_CODE, message=NOT_A_CODE)
    try:
        room = store.get(code)
        stored_key = store.key_hash(code) if room else None
    except StoreUnavailable:
        return RoomPlan(RoomView.STORE_DOWN, code)
    if room is None or not key_matches(key, stored_key):
        return RoomPlan(RoomView.NOT_YOURS, code, message=NOT_YOURS)
    return RoomPlan(RoomView.ENDED if room.ended else RoomView.LIVE, code, room)


STAGE_NOTES = {
    Stage.RATING: "The room's answers stay hidden until you press Reveal.",
    Stage.DISCUSSING: (
        "Discuss the spread: what would make it greener or redder? The pack's answer stays hidden "
        "until the room has rated again."
    ),
    Stage.RATING_AGAIN: "The second answers stay hidden until you press Reveal.",
}


@dataclass(frozen=True)
class TrainerLivePlan:
    """The trainer's live view of the item on screen: which buttons work, what is counted, what is shown."""

    stage: Stage
    count: str  # Markdown, e.g. "**3 answered** · First answers"
    rate_again: bool  # the main button is "Rate again" (the room is discussing), else "Reveal"
    reveal_disabled: bool
    next_disabled: bool
    previous_disabled: bool
    skip_to_answer: bool  # offer "Skip rating again: show the pack's answer"
    first_spread: Tally | None  # the first round's spread, once revealed
    second_spread: Tally | None  # the second round's beside it, when the room answered it
    pack_answer: bool
    note: str  # the stage's note, "" when the answer is shown
    joins: str | None  # how many joined (None: could not be read)


def plan_trainer_live(room: Room, first: Tally, second: Tally | None, joins: Joins | None) -> TrainerLivePlan:
    """What the trainer's view shows for ``room`` given its counts (``second``: None in round 1)."""
    stage = room.stage
    open_round = second if (second is not None and stage is Stage.RATING_AGAIN) else first
    round_words = f" · {md(room.round_words)}" if room.round_words else ""  # md() would drop the leading space
    closed = " · closed to new joiners" if room.closed_to_joiners else ""
    shown = stage in (Stage.DISCUSSING, Stage.ANSWER)
    return TrainerLivePlan(
        stage=stage,
        count=f"**{md(answered_sentence(open_round.answered))}**{round_words}",
        rate_again=stage is Stage.DISCUSSING,
        reveal_disabled=room.revealed,
        next_disabled=room.current >= len(room.items) - 1,
        previous_disabled=room.current == 0,
        skip_to_answer=stage is Stage.DISCUSSING,
        first_spread=first if shown else None,
        second_spread=second if stage is Stage.ANSWER and second is not None and second.answered else None,
        pack_answer=stage is Stage.ANSWER,
        note=STAGE_NOTES.get(stage, ""),
        joins=None if joins is None else md(joins.sentence + closed),
    )


# ------------------------------------------------------------------ the training room, a participant's side (/join)


class JoinView(str, Enum):
    """What /join shows for its address."""

    FORM = "form"  # no code: type one
    BAD_CODE = "bad_code"  # not a room code (the page counts it against the session's guesses)
    STORE_DOWN = "store_down"
    ENTER = "enter"  # a code but no participant yet: join now (from the QR code, the link or the form)
    LIVE = "live"  # this session's participant in the room


@dataclass(frozen=True)
class JoinPlan:
    view: JoinView
    code: str | None = None
    token: str | None = None  # the participant token, for LIVE
    adopted: bool = False  # the token came from the address (a phone that reloaded): this session now holds it
    rewrite_address: bool = False  # the address shows another token than the one this session holds


def plan_join(raw_code: str | None, raw_token: str | None, held: str | None, store: RoomStore) -> JoinPlan:
    """Read /join?room=CODE&p=TOKEN. ``held`` is the token this session already holds for the room: it wins over
    any other in the address, so a second token never makes a session a second voter. A token in the address is
    taken only when the room's own secret signed it."""
    if raw_code is None:
        return JoinPlan(JoinView.FORM)
    code = parse_code(raw_code)
    if code is None:
        return JoinPlan(JoinView.BAD_CODE)
    token, adopted = held, False
    if token is None and raw_token:
        try:
            if store.participant(code, raw_token) is not None:
                token, adopted = raw_token, True
        except StoreUnavailable:
            return JoinPlan(JoinView.STORE_DOWN, code)
    if token is None:
        return JoinPlan(JoinView.ENTER, code)
    return JoinPlan(JoinView.LIVE, code, token, adopted, rewrite_address=raw_token != token)


ROOM_EXPIRED = "This room has expired. Thank you for taking part."
ROOM_ENDED = "The trainer has ended this room. Thank you for taking part."
DISCUSSING = "**The room is discussing its answers.** You will rate this again before the pack's answer is shown."
ASK_FIRST = "How would you rate this?"
ASK_AGAIN = "How would you rate this now, after the discussion?"
WAIT = "Wait for the trainer to move on."
NOBODY_SEES = "Nobody sees who answered what; the trainer sees only how many chose each answer."


class ParticipantView(str, Enum):
    EXPIRED = "expired"
    ENDED = "ended"
    DISCUSSING = "discussing"  # the spread is being discussed: no answers now
    REVEALED = "revealed"  # the pack's answer is on the screen
    RATING = "rating"  # the answer buttons


@dataclass(frozen=True)
class ParticipantPlan:
    """A participant's phone for the item on screen."""

    view: ParticipantView
    text: str = ""  # the closing words (EXPIRED, ENDED), the discussion note, the question, or the wait
    mine: Choice | None = None  # this phone's answer in the open round, said back to it
    again: str = ""  # after "You answered X": " the second time" in a two-round room's second round
    hint: str = ""  # under the answer buttons while this phone has not answered


def plan_participant(room: Room | None, mine: Choice | None) -> ParticipantPlan:
    """What a participant's phone shows for ``room`` (None: gone) given its own answer in the current round."""
    if room is None:
        return ParticipantPlan(ParticipantView.EXPIRED, ROOM_EXPIRED)
    if room.ended:
        return ParticipantPlan(ParticipantView.ENDED, ROOM_ENDED)
    if room.stage is Stage.DISCUSSING:
        return ParticipantPlan(ParticipantView.DISCUSSING, DISCUSSING, mine)
    if room.revealed:
        again = " the second time" if room.two_rounds and room.round == 2 else ""
        return ParticipantPlan(ParticipantView.REVEALED, WAIT, mine, again)
    ask = ASK_AGAIN if room.round == 2 else ASK_FIRST
    return ParticipantPlan(ParticipantView.RATING, ask, mine, hint=NOBODY_SEES if mine is None else "")
