"""One renderer for a behaviour card, and the sections the cards point to.

A card says its level in words first, then the behaviour, the one action that matters most, the
law as one key rule per note (linked to the page's one "The law at this age") and, for an image,
the image rule. Who to call is said once per page, in full, in "Who to call" (the cards link to it).
The look-up, search and the case page's "Find a behaviour" all draw cards here.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence

import streamlit as st

from behaviours import Level, Pack
from behaviours.answers.cards import (
    IMAGE_RULE,
    LAW_SECTION_ANCHOR,
    WHO_TO_CALL_ANCHOR,
    ItemCard,
    LawGroup,
    LawGroupItem,
    LawLine,
    key_action,
    key_rule,
    law_anchor,
    law_groups,
)
from behaviours.contacts.hours import WhoToCall, call_state
from behaviours.core.text import md, safe_web_link
from behaviours.pack.model import LawNote, Route
from behaviours.wording.levels import level_heading
from ui.contacts import calls_now, lead_md, route_md
from ui.content_cache import ContentCache, pack_key
from ui.levels import level_title

# Card Markdown by the pack, the item's band and id, the age it is read at and how it is shown:
# ids and numbers from the pack, never anything typed (tests/pages/test_content_cache_privacy.py).
_ITEMS = ContentCache("behaviour cards", max_entries=4096)


def _cached(pack: Pack, key: tuple[object, ...], make: object) -> str:
    token = pack_key(pack)
    if token is None:
        return make()  # type: ignore[operator,no-any-return]
    return _ITEMS.get((token, *key), make)  # type: ignore[arg-type]


def do_now_md(pack: Pack, level: Level, *, link: bool = True) -> str:
    """The line every card at a level carries: the one action that matters most, and (``link``) a link to
    where the page says whom to call."""
    where = f" [Who to call]({'#' + WHO_TO_CALL_ANCHOR})" if link else ""
    return f"**Do now:** {md(key_action(pack, level))}{where}"


def details_md(pack: Pack, card: ItemCard, *, show_notes: bool = False, law_links: bool = True) -> str:
    """What a card says under its behaviour, in small type, one after another: how the level changes with
    age (no age given), the law's key rule per note (a link to the full note), the image rule, and
    with ``show_notes`` what to consider. Empty when there is nothing to add."""
    lines: list[str] = []
    if card.changes:
        lines.append(f"*Changes with age:* {md(card.changes)}.")
    lines += law_lines_md(card.laws, card.image_rule, law_links=law_links)
    if show_notes:
        lines += [f"*Consider:* {md(consider)}" for consider in card.behaviour.consider]
    # Each a small span; card_style() sets each on its own line (a space between them elsewhere).
    return " ".join(f":small[{line}]" for line in lines)


def law_lines_md(
    laws: Sequence[LawLine], image_rule: bool, *, law_links: bool = True, label: str = "*Law"
) -> list[str]:
    """Each law's key rule on a line of its own (linked to its full note), then the image rule. ``label``
    opens with its Markdown emphasis ("*Law", "**The law for the 3 below"); it is closed after the ages."""
    lines = []
    emphasis = label[: len(label) - len(label.lstrip("*"))]
    for law in laws:
        at = f" at {law.ages}" if law.ages else ""
        rule = f"[{md(law.rule)}]({'#' + law.anchor})" if law_links else md(law.rule)
        lines.append(f"{label}{at}:{emphasis} {rule}")
    if image_rule:
        lines.append(f"**Images:** {md(IMAGE_RULE)}")
    return lines


def _row_md(item: LawGroupItem, *, show_notes: bool) -> str:
    """A behaviour in its level's list: its words, then, in small type, what its group's head does not say."""
    card = item.card
    lines = [f"*Changes with age:* {md(card.changes)}."] if card.changes else []
    lines += law_lines_md(item.laws, item.image_rule)
    if show_notes:
        lines += [f"*Consider:* {md(consider)}" for consider in card.behaviour.consider]
    details = " ".join(f":small[{line}]" for line in lines)
    return f"- {md(card.behaviour.text)}" + (f"  \n  {details}" if details else "")


def law_group_md(group: LawGroup, *, show_notes: bool = False) -> str:
    """Behaviours that cite the same law: its key rule once, at the head (with the image rule when every
    item carries it), then each behaviour as a row. Items that cite no law have no head."""
    parts = []
    if group.laws or group.image_rule:
        # "below", not "these": the head sits between two groups, and must not read as the law of the rows above it.
        count = len(group.items)
        these = f"the {count} below" if count > 1 else "the one below"
        heads = law_lines_md(group.laws, group.image_rule, label=f"**The law for {these}")
        parts.append("  \n".join(heads))
    parts.append("\n".join(_row_md(item, show_notes=show_notes) for item in group.items))
    return "\n\n".join(parts)


def card_head_md(pack: Pack, card: ItemCard, *, show_band: bool = True, links: bool = True) -> str:
    """The top of a card, as on an NHS care card: the level at the age in words, then what to do now."""
    at = f" at age {card.age}" if card.age is not None else ""
    band = f" · {md(card.band.label)}" if show_band else ""
    return f"{level_title(pack, card.level)}{at}{band}\n\n{do_now_md(pack, card.level, link=links)}"


def item_card_md(
    pack: Pack, card: ItemCard, *, show_notes: bool = False, law_links: bool = True, show_band: bool = True
) -> str:
    """A card standing alone (a match): the level at the age in words first, what to do now, the
    behaviour, the law's key rules and the image rule."""

    def make() -> str:
        parts = [card_head_md(pack, card, show_band=show_band), f"**{md(card.behaviour.text)}**"]
        details = details_md(pack, card, show_notes=show_notes, law_links=law_links)
        if details:
            parts.append(details)
        return "\n\n".join(parts)

    return _cached(pack, ("card", card.band.id, card.behaviour.id, card.age, show_notes, law_links, show_band), make)


# A level's list in a band: the Markdown that opens with its jump-link target (``level_anchor_html``). The
# style finds it by that target, so the lists need no container of their own.
LEVEL_LIST = "[data-testid='stMain'] [data-testid='stMarkdownContainer']:has(> .tlr-level)"

CARD_CSS = f"""<style>
[data-testid='stMarkdownContainer'] span[style*='font-size: 0.875rem']
{{display:block;line-height:1.45;margin-top:0.1rem}}
/* A level's behaviours as rows: no bullet or indent, a rule between rows, set closer than body text. */
{LEVEL_LIST} ul {{list-style:none;padding-left:0;margin:0 0 0.75rem 0}}
{LEVEL_LIST} li {{
  margin:0;padding:0.3rem 0;border-top:1px solid #D8DDE0;line-height:1.45}}
{LEVEL_LIST} p {{line-height:1.45}}
{LEVEL_LIST} h3 {{padding:0.5rem 0 0.25rem 0}}
/* The head of a group of rows that cite the same law (every paragraph after "Do now"): a bar at its side. */
{LEVEL_LIST} p:not(:first-of-type) {{
  border-left:4px solid #4C6272;padding-left:0.5rem}}
@media (max-width: 640px) {{
  /* A jump-link target at the top of its section's Markdown (a level, who to call): the heading sits where it
     sat below an anchor element of its own (whose -1rem margin outweighed a phone's smaller gap). */
  [data-testid='stMain'] [data-testid='stMarkdownContainer'] > .tlr-anchor {{margin-bottom:-0.5rem}}
  /* A phone: the rows and their small lines all at 16px, the smallest the page uses. */
  {LEVEL_LIST} li,
  [data-testid='stMarkdownContainer'] span[style*='font-size: 0.875rem'] {{font-size:16px;line-height:1.4}}
  /* Body text on a card page at 16px, set a little closer (the theme's 17px suits a desktop). */
  [data-testid='stMain'] [data-testid='stMarkdownContainer'] p,
  [data-testid='stMain'] [data-testid='stMarkdownContainer'] li,
  [data-testid='stMain'] .tlr-law {{font-size:16px;line-height:1.45}}
  [data-testid='stMain'] [data-testid='stMarkdownContainer'] p:not(:last-child) {{margin-bottom:0.5rem}}
  {LEVEL_LIST} li {{
    padding:0.1rem 0;line-height:1.32}}
  {LEVEL_LIST} p:not(:last-child) {{margin-bottom:0.35rem}}
  {LEVEL_LIST} ul {{margin-bottom:0.5rem}}
  {LEVEL_LIST} h3 {{font-size:1.4rem}}
}}
/* The law's notes, closed, one short line each. */
.tlr-law summary {{line-height:1.35;padding:0.1rem 0}}
.tlr-law p {{margin:0.25rem 0 0.5rem 0}}
.tlr-laws h2 {{margin:0 0 0.25rem 0}}
.tlr-laws > p {{margin:0 0 0.5rem 0}}
@media (max-width: 640px) {{ .tlr-laws > p {{font-size:16px;line-height:1.45}} }}
</style>"""


def card_style() -> None:
    """The cards' small lines each on a line of their own, and a level's behaviours as compact rows
    (no bullet, a rule between them, set closer than body text, 16px on a phone): on a phone the
    look-up's 57 behaviours at 14 stay a few screens shorter. Call once on a page that draws cards."""
    st.html(CARD_CSS)


def item_card(pack: Pack, card: ItemCard, **options: bool) -> None:
    """A match's card in its own bordered box."""
    with st.container(border=True):
        st.markdown(item_card_md(pack, card, **options))


def item_card_with_action(pack: Pack, card: ItemCard, action: Callable[[], object], *, show_band: bool = True) -> None:
    """A match's card whose behaviour is a control (the case page's "Add"): the same level, action, key
    rules and image rule as every card, with ``action`` drawing the control where the behaviour's words go.
    The control's label carries the behaviour's words, so they are not said twice. For a page without
    "Who to call" and "The law at this age" sections: the card's words link to neither."""
    with st.container(border=True):
        key = (card.band.id, card.behaviour.id, card.age, show_band)
        st.markdown(_cached(pack, ("head", *key), lambda: card_head_md(pack, card, show_band=show_band, links=False)))
        action()
        details = _cached(pack, ("details", *key), lambda: details_md(pack, card, law_links=False))
        if details:
            st.markdown(details)


def anchor_html(anchor: str, *, level: bool = False) -> str:
    """The target of a jump link: an empty block with the id, ours, never typed (``band-<band>-<level>``,
    ``WHO_TO_CALL_ANCHOR``). A level's is focusable by script only, so its link moves focus there and the next
    Tab goes on inside the level's rows, and is marked as a level's, by which the style finds the list."""
    if level:
        return f'<div id="{html.escape(anchor, quote=True)}" class="tlr-anchor tlr-level" tabindex="-1"></div>'
    return f'<div id="{html.escape(anchor, quote=True)}" class="tlr-anchor"></div>'


def level_anchor_html(anchor: str) -> str:
    """A level's jump-link target (`anchor_html`), put at the top of that level's Markdown (drawn with
    ``unsafe_allow_html``)."""
    return anchor_html(anchor, level=True) + "\n\n"


def level_group_md(
    pack: Pack, level: Level, cards: Sequence[ItemCard], *, show_notes: bool = False, heading: str = "###"
) -> str:
    """A level's behaviours in a band: the level in words, the action that matters most, once, then each
    behaviour as a row, those that cite the same law under one head that says its key rule."""

    def make() -> str:
        parts = [f"{heading} {level_title(pack, level)}", do_now_md(pack, level)]
        if cards:
            parts += [law_group_md(group, show_notes=show_notes) for group in law_groups(cards)]
        else:
            parts.append("Nothing listed at this level for this age.")
        return "\n\n".join(parts)

    if not cards:
        return make()
    ids = tuple(card.behaviour.id for card in cards)
    return _cached(pack, ("level", level, cards[0].band.id, ids, cards[0].age, show_notes, heading), make)


# ------------------------------------------------------------------ the sections cards point to


def who_to_call_section(pack: Pack, levels: Sequence[Level], now: dt.datetime) -> None:
    """Who to call, once per page: whoever answers now in full, then for each level on the page (most
    serious first) its first step out, with its route and every contact one tap away."""
    lead = calls_now(pack, None, now)
    routes = [(level, pack.route_for(level)) for level in levels]
    shown = [(level, route) for level, route in routes if route is not None]
    # Kept by the pack, the levels and what the hour changes in the lead and in each route's calls
    # (``call_state``): the pack's words and the clock, never anything typed.
    hours = (call_state(lead), *(call_state(calls_now(pack, None, now, route=route)) for _, route in shown))
    key = ("who to call", tuple(levels), hours)
    top = _cached(pack, (*key, "top"), lambda: _who_to_call_md(pack, lead, routes))
    # The cards' "Who to call" links land on the section's own Markdown (an empty block with its id at the top:
    # HTML is allowed for that block only; the pack's words in it are escaped by md(), "<" included).
    st.markdown(f"{anchor_html(WHO_TO_CALL_ANCHOR)}\n\n{top}", unsafe_allow_html=True)
    # One switch for the detail of every level's route: each is a line above, so it is not repeated.
    if shown:
        with st.expander("Every step and contact, level by level"):
            st.markdown(_cached(pack, (*key, "routes"), lambda: _routes_md(pack, shown, now)))


def _who_to_call_md(pack: Pack, lead: WhoToCall, routes: Sequence[tuple[Level, Route | None]]) -> str:
    parts = ["## Who to call"]
    lead_line = lead_md(lead)
    if lead_line:
        parts.append(f"**Now:** {lead_line}")
    parts += [
        f"**{md(level_heading(pack, level))}:** {md(route.route_out[0])}"
        for level, route in routes
        if route is not None and route.route_out
    ]
    return "\n\n".join(parts)


def _routes_md(pack: Pack, shown: Sequence[tuple[Level, Route]], now: dt.datetime) -> str:
    return "\n\n".join(
        f"### {md(level_heading(pack, level))}\n\n" + route_md(pack, route, now=now, show_title=False, show_lead=False)
        for level, route in shown
    )


def _law_html(notes: Sequence[LawNote], heading: str) -> str:
    blocks = [
        f'<h2 id="{LAW_SECTION_ANCHOR}">{html.escape(heading)}</h2>',
        "<p>The key rule of each law is on the behaviours it concerns; open a note for the full text.</p>",
    ]
    for note in notes:
        source = html.escape(note.source)
        link = safe_web_link(note.link) if note.link else None
        if link:
            source += f' (<a href="{html.escape(link, quote=True)}">{html.escape(link)}</a>)'
        blocks.append(
            f'<details class="tlr-law"><summary><strong>{html.escape(note.title)}</strong></summary>'
            f'<p id="{law_anchor(note)}"><strong>{html.escape(key_rule(note))}</strong></p>'
            f"<p>{html.escape(note.text)}</p>"
            f"<p>Source: {source}</p></details>"
        )
    return '<div class="tlr-laws">' + "".join(blocks) + "</div>"


def law_section(pack: Pack, notes: Sequence[LawNote], heading: str = "The law at this age") -> None:
    """Each law note the page's cards cite, once: its title, and on opening its key rule, full text and
    source. The key rules themselves are on the cards, never only here.

    One HTML block (escaped here, and sanitised again by Streamlit) so that each note carries the id
    its cards link to without an element of its own; a link to a note opens it (Chromium opens a
    closed <details> that holds the target)."""
    if not notes:
        return
    ids = tuple(note.id for note in notes)
    st.html(_cached(pack, ("law", ids, heading), lambda: _law_html(notes, heading)))
