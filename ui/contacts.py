"""Renderers for contacts and whom to call: a contact's links, a route's calls in order, a
directory entry, and the frame's immediate-danger panel and line.

The order and the words come from ``behaviours.contacts.hours.who_to_call`` and
``behaviours.wording.contacts``; here they are only escaped and given tappable links.
"""

from __future__ import annotations

import datetime as dt
import re

import streamlit as st

from behaviours import Contact, Level, Pack, Route, contact_warnings
from behaviours.contacts.directory import audience_words, short_name
from behaviours.contacts.hours import Call, Openness, Role, WhoToCall, call_state, who_to_call
from behaviours.core.phones import InvalidPhoneNumber, PhoneNumber, parse_uk_number
from behaviours.core.text import mailto, md, md_link, safe_web_link
from behaviours.pack.model import ChannelKind, Status
from behaviours.wording.contacts import (
    call_reason,
    channel_label,
    date_words,
    hours_line,
    lead_sentence,
    status_words,
)
from ui.content_cache import ContentCache, pack_key
from ui.inputs import secondary_text

# Whom to call at a moment, worked out once per run and shared by the frame and every card that
# asks the same question (keyed by the run's moment, a time: never by anything typed).
_CALLS = ContentCache("who to call, per moment", max_entries=256)
# Route blocks, keyed by the pack, the route, what is shown of it and the state of its services now.
_ROUTES = ContentCache("route blocks", max_entries=512)
# The frame's panel and line, keyed by the pack and the state of the front door now.
_FRAME = ContentCache("danger panel and line", max_entries=64)


def calls_now(pack: Pack, level: Level | None, now: dt.datetime | None, *, route: Route | None = None) -> WhoToCall:
    """``who_to_call`` for a level's route (or ``route``, or the frame's), once per moment and pack."""
    token = pack_key(pack)
    if token is None:
        return who_to_call(pack, level, now, route=route)
    key = (token, level, route.id if route is not None else None, now)
    return _CALLS.get(key, lambda: who_to_call(pack, level, now, route=route))


def _showing(label: str | None, value: str, verb: str) -> str:
    """A link label that always shows the number or address itself: someone at a desk phone must be able to read it."""
    if not label:
        return f"{verb} {value}"
    return label if value in label else f"{label}: {value}"


def channel_links(contact: Contact) -> list[str]:
    """Markdown for each way to reach a contact: tel:, sms:, mailto: or a web link."""
    links: list[str] = []
    for channel in contact.channels:
        label = channel_label(contact, channel)
        if channel.kind in (ChannelKind.PHONE, ChannelKind.TEXT):
            try:
                number = parse_uk_number(channel.value)
            except InvalidPhoneNumber:
                continue
            if channel.kind == ChannelKind.PHONE:
                links.append(md_link(_showing(label, number.display, "Call"), number.tel_uri))
            else:
                links.append(md_link(_showing(label, number.display, "Text"), number.sms_uri))
        elif channel.kind == ChannelKind.EMAIL:
            address = channel.value.removeprefix("mailto:")
            links.append(md_link(_showing(label, address, "E-mail"), mailto(address)))
        else:
            target = safe_web_link(channel.value)
            if target:
                default = "Online chat" if channel.kind == ChannelKind.CHAT else "Website"
                links.append(md_link(label or default, target))
    return links


def status_text(contact: Contact) -> str:
    """Markdown for the verification status and its date: the word in a badge when it is not verified."""
    words = status_words(contact)
    if contact.status == Status.VERIFIED:
        return md(words)
    word, rest = words.split(":", 1)
    return f":orange-badge[{md(word)}] {md(rest.strip())}"


def with_call_links(text: str, phones: list[PhoneNumber]) -> str:
    """Plain words made safe for Markdown, with each number in them a link that dials exactly that number."""
    marked = md(text)
    for phone in phones:
        pattern = re.compile(rf"(?<![\d\[]){re.escape(md(phone.display))}(?![\d\]])")
        marked = pattern.sub(lambda _m, p=phone: md_link(p.display, p.tel_uri), marked, count=1)
    return marked


def call_line(call: Call) -> str:
    """Markdown for one call in a route: name, links, why and when, and how far its details are checked."""
    reason = md(call_reason(call))
    # What changes with the hour stands out: a closed door, and the team that answers instead.
    if (call.role == Role.DOOR and call.state == Openness.CLOSED) or (
        call.role == Role.OUT_OF_HOURS and call.state == Openness.OPEN
    ):
        reason = f"**{reason}**"
    parts = [f"**{md(call.contact.name)}**: " + " · ".join(channel_links(call.contact)), reason]
    parts.append(status_text(call.contact))
    return " · ".join(parts)


def calls_md(answer: WhoToCall) -> str:
    """Markdown for every call, in the order to make them."""
    return "\n".join(f"- {call_line(call)}" for call in answer.calls)


def lead_md(answer: WhoToCall) -> str | None:
    """Markdown for whom to ring first now, numbers as links; None when there is no front door."""
    sentence = lead_sentence(answer)
    if sentence is None:
        return None
    return with_call_links(sentence, [c.phone for c in answer.calls if c.phone is not None])


def _steps(title: str, steps: list[str] | tuple[str, ...]) -> str:
    return f"{title}\n\n" + "\n".join(f"- {md(step)}" for step in steps)


def route_md(
    pack: Pack,
    route: Route,
    *,
    now: dt.datetime,
    show_title: bool = True,
    show_setting: bool = True,
    show_lead: bool = True,
    show_calls: bool = True,
) -> str:
    """Markdown for a route: its title, the steps in your own setting, the route out, and whom to call, in order."""
    answer = calls_now(pack, None, now, route=route)
    token = pack_key(pack)
    flags = (show_title, show_setting, show_lead, show_calls)
    make = lambda: _route_md(route, answer, *flags)  # noqa: E731
    if token is None:
        return make()
    return _ROUTES.get((token, route.id, flags, call_state(answer)), make)


def _route_md(
    route: Route, answer: WhoToCall, show_title: bool, show_setting: bool, show_lead: bool, show_calls: bool
) -> str:
    parts: list[str] = []
    if show_title:
        parts.append(f"**{md(route.title)}**")
    if show_lead and answer.door_closed:
        parts.append(f"**Who to call now.** {lead_md(answer)}")
    if show_setting and route.in_your_setting:
        parts.append(_steps("*In your setting*", route.in_your_setting))
    if route.route_out:
        parts.append(_steps("*The route out*", route.route_out))
    if show_calls and answer.calls:
        parts.append(calls_md(answer))
    return "\n\n".join(parts)


def route_panel(
    pack: Pack,
    route: Route,
    *,
    now: dt.datetime,
    show_title: bool = True,
    show_setting: bool = True,
    show_lead: bool = True,
    show_calls: bool = True,
) -> None:
    """A route: its title, the steps in your own setting, the route out, and whom to call."""
    text = route_md(
        pack,
        route,
        now=now,
        show_title=show_title,
        show_setting=show_setting,
        show_lead=show_lead,
        show_calls=show_calls,
    )
    if text:
        st.markdown(text)


def contact_card(pack: Pack, contact: Contact, *, now: dt.datetime) -> None:
    """A directory entry: what the service is, for whom, how to reach it, hours, open now, and provenance."""
    with st.container(border=True):
        st.markdown(f"### {md(contact.name)}")
        st.markdown(md(contact.summary))
        audience = ", ".join(audience_words(a) for a in contact.audience)
        st.markdown(f"**For:** {md(audience)}")
        links = channel_links(contact)
        if links:
            st.markdown("**How to reach them:** " + " · ".join(links))
        label, said, hours = hours_line(contact).partition(": ")  # 'Hours: ...', or 'Hours not known' alone
        st.markdown(f"**{md(label)}:** {md(hours)}" if said else md(label))
        answer = who_to_call(pack, None, now, contacts=[contact])
        own = next(c for c in answer.calls if c.contact.id == contact.id)
        if own.role == Role.DOOR and own.state != Openness.UNKNOWN:
            st.markdown(f"**Now:** {lead_md(answer)}")
        elif own.state == Openness.OPEN and not contact.open_always:
            st.markdown("**Now:** open")
        elif own.state == Openness.CLOSED:
            st.markdown("**Now:** closed")
        for note in contact.notes:
            st.markdown(f"- {md(note)}")
        st.markdown(f"{status_text(contact)} · :gray[Source: {md(contact.source)}]")
        if contact.status_note:
            secondary_text(md(contact.status_note))
        for warning in contact_warnings(contact, now.date()):
            st.warning(md(warning), icon=":material/warning:")
        report = mailto(pack.info.report_problems_to, subject=f"Traffic Light Reference: problem with {contact.name}")
        st.markdown(md_link("Report a problem with this entry", report))


def _immediate_danger(answer: WhoToCall) -> list[str]:
    """Markdown for 'Immediate danger: call 999', one per emergency number, as a tappable link."""
    return [
        f":red-background[:material/emergency: **Immediate danger: call {md_link(c.phone.display, c.phone.tel_uri)}**]"
        for c in answer.emergency
        if c.phone is not None
    ]


def _frame_md(pack: Pack, now: dt.datetime, which: str) -> str:
    """The frame's bar or top line, in one mode: made once per state of the front door, from one answer per run."""
    answer = calls_now(pack, None, now)
    token = pack_key(pack)
    make = {
        "bar": call_bar_md,
        "bar-neutral": neutral_bar_md,
        "line": _danger_line_md,
        "line-neutral": _emergency_line_md,
    }[which]
    if token is None:
        return make(answer)
    return _FRAME.get((token, which, call_state(answer)), lambda: make(answer))


def _emergency_line_md(answer: WhoToCall) -> str:
    return " · ".join(_immediate_danger(answer))


def _danger_line_md(answer: WhoToCall) -> str:
    parts = _immediate_danger(answer)
    lead = lead_md(answer)
    if lead:
        parts.append(f"Worried about a child? {lead}")
    return " · ".join(parts)


CALL_BAR_KEY = "call_bar"
DANGER_LINE_KEY = "danger_line"


def neutral_bar_md(answer: WhoToCall) -> str:
    """Markdown for the bar on a page with no amber or red answer: each emergency number alone."""
    return " ".join(
        md_link(f"Emergency: {c.phone.display}", c.phone.tel_uri) for c in answer.emergency if c.phone is not None
    )


def call_bar_md(answer: WhoToCall) -> str:
    """Markdown for the call bar: each emergency number, then whoever answers now, as links that show
    the number they dial, e.g. '[Emergency: 999](tel:999) [Compass: 0345 678 9021](tel:…)'."""
    links = [md_link(f"Emergency: {c.phone.display}", c.phone.tel_uri) for c in answer.emergency if c.phone is not None]
    lead = answer.lead
    if lead is not None and lead.phone is not None:
        links.append(md_link(f"{short_name(lead.contact)}: {lead.phone.display}", lead.phone.tel_uri))
    return " ".join(links)


def frame_bar(pack: Pack, now: dt.datetime, *, ring_now: bool, who_to_call_page: object | None) -> None:
    """The call bar's contents (the frame puts them in its sticky slot).

    Ringing now (an amber or red answer, or a page about a concern): 999 and whoever answers now,
    as buttons that show the number they dial. Otherwise 999 and a link to the page that says who
    to call, with no instruction to ring anyone: a green answer needs no referral.
    """
    if ring_now:
        st.markdown(_frame_md(pack, now, "bar"))
        return
    with st.container(horizontal=True, gap="small", vertical_alignment="center"):
        st.markdown(_frame_md(pack, now, "bar-neutral"), width="content")
        if who_to_call_page is not None:
            st.page_link(who_to_call_page, label="Who to call", icon=":material/call:", width="content")  # type: ignore[arg-type]


def frame_line(pack: Pack, now: dt.datetime, *, ring_now: bool) -> None:
    """The line under the bar: 'Immediate danger: call 999' always; when ringing now, whom to ring first,
    in full (the one place on the page that says it at length)."""
    st.markdown(_frame_md(pack, now, "line" if ring_now else "line-neutral"))


def resource_checked(day: dt.date) -> str:
    """'link last checked 1 June 2025', in the one date format."""
    return f"link last checked {date_words(day)}"
