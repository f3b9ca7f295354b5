"""Renderers for a level: its title in words (colour and icon repeating them), its descriptors, and its card."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import streamlit as st

from behaviours import Behaviour, Level, Pack
from behaviours.answers.lookup import how_level_changes, law_for_item
from behaviours.contacts.directory import short_name
from behaviours.contacts.hours import WhoToCall, call_state
from behaviours.core.text import md
from behaviours.wording.levels import LEVEL_COLOUR, LEVEL_ICON, level_heading
from ui.contacts import calls_now, lead_md, route_md
from ui.content_cache import ContentCache, pack_key

# Level cards as Markdown, keyed by the pack, the level, the behaviours' ids, the age, whether
# notes show, and the state of the services the card names at this moment: never by anything typed.
_CARDS = ContentCache("level cards", max_entries=1024)
# The same cards by the run's moment (a time, as for whom to call): a look-up redraws its cards
# many times at one moment, and this finds each with one key instead of working out who answers.
_CARDS_NOW = ContentCache("level cards, per moment", max_entries=256)


def level_title(pack: Pack, level: Level) -> str:
    """Markdown for a level's heading text: words first, colour and icon repeating them.

    The icon follows the words so a screen reader says "Red: act today" before anything else.
    """
    return f":{LEVEL_COLOUR[level]}-background[**{md(level_heading(pack, level))}** {LEVEL_ICON[level]}]"


def level_badge(pack: Pack, level: Level) -> str:
    """Markdown for a short inline level marker, e.g. in a search result or a room's spread: the word, coloured."""
    return f":{LEVEL_COLOUR[level]}-badge[{md(pack.level_label(level))} {LEVEL_ICON[level]}]"


def behaviour_lines_md(pack: Pack, behaviours: Sequence[Behaviour], show_notes: bool, age: int | None = None) -> str:
    """Markdown for the descriptors as a list: the law at the child's age always under each item
    (safety-critical, never behind a switch); how the level changes with age when no age is
    given; with ``show_notes``, what to consider."""
    lines: list[str] = []
    for behaviour in behaviours:
        lines.append(f"- {md(behaviour.text)}")
        changes = how_level_changes(pack, behaviour) if age is None else None
        if changes:
            lines.append(f"    - *Changes with age:* {md(changes)}.")
        for item in law_for_item(pack, behaviour, age):
            at = f" at {item.ages}" if item.ages else ""
            note = item.note
            lines.append(f"    - *The law{at}:* {md(note.title)}: {md(note.text)} ({md(note.source)})")
        if show_notes:
            for consider in behaviour.consider:
                lines.append(f"    - *Consider:* {md(consider)}")
    return "\n".join(lines)


def behaviour_lines(pack: Pack, behaviours: Sequence[Behaviour], show_notes: bool, age: int | None = None) -> None:
    """The descriptors as a list, with the law at the child's age; with ``show_notes``, what to consider."""
    st.markdown(behaviour_lines_md(pack, behaviours, show_notes, age))


def _steps(title: str, steps: Sequence[str]) -> str:
    return f"{title}\n\n" + "\n".join(f"- {md(step)}" for step in steps)


def _who_to_call_now_md(answer: WhoToCall) -> str | None:
    """Markdown for the block that opens a card whose route names the front door: whom to ring first now.

    When the door is closed it leads with the out-of-hours number and says the card's steps that
    name the door apply once it reopens, so "refer to Compass today" never reads as the first call.
    """
    lead = lead_md(answer)
    if lead is None:
        return None
    text = f"**Who to call now.** {lead}"
    if answer.door_closed and answer.door is not None:
        text += (
            f" Anything that cannot wait goes to the out-of-hours team now; the steps below that name "
            f"{md(short_name(answer.door.contact))} are for when it reopens."
        )
    return text


def level_card_md(
    pack: Pack,
    level: Level,
    behaviours: Sequence[Behaviour],
    *,
    now: dt.datetime,
    show_notes: bool = False,
    heading: str = "###",
    age: int | None = None,
) -> str:
    """A level card's Markdown: heading in words, what it means, whom to call now, the descriptors,
    what to do, and its route. Made once per pack, card and state of its services, then reused."""
    token = pack_key(pack)
    if token is None:
        return _level_card_md(pack, level, behaviours, calls_now(pack, level, now), now, show_notes, heading, age)
    ids = tuple(b.id for b in behaviours)
    return _CARDS_NOW.get(
        (token, now, level, ids, bool(show_notes), heading, age),
        lambda: _card_for_state(pack, token, level, behaviours, ids, now, show_notes, heading, age),
    )


def _card_for_state(
    pack: Pack,
    token: tuple[str, int],
    level: Level,
    behaviours: Sequence[Behaviour],
    ids: tuple[str, ...],
    now: dt.datetime,
    show_notes: bool,
    heading: str,
    age: int | None,
) -> str:
    """The card as kept by the state of its services (open or closed), for any moment in that state."""
    answer = calls_now(pack, level, now)
    route = pack.route_for(level)
    route_answer = calls_now(pack, None, now, route=route) if route is not None else None

    def make() -> str:
        return _level_card_md(pack, level, behaviours, answer, now, show_notes, heading, age)

    key = (
        token,
        level,
        ids,
        bool(show_notes),
        heading,
        age,
        call_state(answer),
        call_state(route_answer) if route_answer is not None else None,
    )
    return _CARDS.get(key, make)


def _level_card_md(
    pack: Pack,
    level: Level,
    behaviours: Sequence[Behaviour],
    answer: WhoToCall,
    now: dt.datetime,
    show_notes: bool,
    heading: str,
    age: int | None,
) -> str:
    guide = pack.level_guide(level)
    parts = [f"{heading} {level_title(pack, level)}", md(guide.meaning)]
    call_now = _who_to_call_now_md(answer)
    if call_now:
        parts.append(call_now)
    if behaviours:
        parts += ["**What it can look like**", behaviour_lines_md(pack, behaviours, show_notes, age)]
    parts += [
        _steps("**What to do now**", guide.what_to_do),
        _steps("**What to record**", guide.what_to_record),
        _steps("**Who to tell**", guide.who_to_tell),
    ]
    route = route_md(pack, pack.route_for(level), now=now, show_title=False, show_setting=False, show_lead=False)
    if route:
        parts.append(route)
    return "\n\n".join(parts)


def level_card(
    pack: Pack,
    level: Level,
    behaviours: Sequence[Behaviour],
    *,
    now: dt.datetime,
    show_notes: bool = False,
    heading: str = "###",
    age: int | None = None,
) -> None:
    """A level: heading in words, what it means, whom to call now, the descriptors, what to do, and its route.

    The card is one Markdown block: a single element draws faster on the server and in the browser.
    """
    text = level_card_md(pack, level, behaviours, now=now, show_notes=show_notes, heading=heading, age=age)
    with st.container(border=True):
        st.markdown(text)
