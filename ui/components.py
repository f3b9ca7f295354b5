"""Streamlit renderers shared by every page: one function per idea.

A level, a route, a contact and the immediate-danger panel are each drawn by one
function here, so they never look or read differently on two pages. Content is
always escaped (``md``) before it reaches Markdown: a pack cannot inject links,
HTML or Streamlit directives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.logger import get_logger

from behaviours import AgeBand, Behaviour, Contact, Level, Pack, PackError, Route, contact_warnings, load_pack
from behaviours.directory import audience_words, short_name
from behaviours.handouts import band_handout
from behaviours.hours import Openness, contact_to_call, openness, uk_now
from behaviours.identity import PackIdentity, pack_identity
from behaviours.loader import default_pack_dir
from behaviours.model import ChannelKind, Status
from behaviours.phones import InvalidPhoneNumber, parse_uk_number
from behaviours.presentation import (
    LEVEL_COLOUR,
    LEVEL_ICON,
    emergency_contacts,
    first_phone,
    front_door,
    level_heading,
)
from behaviours.text import long_date, mailto, md, md_link, safe_web_link

# ------------------------------------------------------------------ the pack


@st.cache_resource(show_spinner=False)
def _load_shared_pack(pack_dir: str) -> Pack:
    # Shared read-only by every session: it holds only published content, never user input.
    return load_pack(pack_dir)


@st.cache_resource(show_spinner=False)
def _shared_identity(pack_dir: str) -> PackIdentity:
    """Which pack this server shows: computed once per pack, like the pack, and logged then.

    Logged at WARNING so that it shows with the production logger.level = "warning".
    """
    content = _load_shared_pack(pack_dir)
    identity = pack_identity(pack_dir, content.info.name, content.info.version)
    get_logger("traffic_light").warning("%s, loaded from %s", identity.label, pack_dir)
    return identity


def pack_identity_label() -> str:
    """'Content pack: <name> <version> (<hash>)' for the pack this server shows."""
    return _shared_identity(str(default_pack_dir().resolve())).label


def pack_footer() -> None:
    """A small grey line at the foot of the frame's panel, on every page, saying which guidance is live."""
    secondary_text(md(pack_identity_label()))


def _leave_legacy_multipage_mode() -> None:
    """Make sure every run goes through app.py (sign-in, the danger panel, navigation).

    Streamlit still has a legacy mode for apps with a ``pages/`` folder: until the first
    run of ``st.navigation`` on a freshly started server, a deep link such as /training runs
    pages/training.py on its own, skipping the frame, and with it sign-in. Every page calls
    ``pack()`` first, so here the legacy flag is cleared and the same URL run again through
    app.py. Streamlit is pinned; tests/browser checks a deep link on a fresh server.
    """
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # a future Streamlit without the legacy mode
        return
    if getattr(PagesManager, "uses_pages_directory", False):
        PagesManager.uses_pages_directory = False
        st.rerun()


def pack() -> Pack:
    """The validated content pack; a broken pack shows one clear message and stops the page."""
    _leave_legacy_multipage_mode()
    pack_dir = str(default_pack_dir().resolve())
    try:
        content = _load_shared_pack(pack_dir)
        _shared_identity(pack_dir)  # logs which pack is live on the first load
        return content
    except PackError as exc:
        show_pack_error(exc)
        st.stop()
        raise  # st.stop() ends the script; this line is never reached


def show_pack_error(exc: PackError) -> None:
    """One message for the user, and the full list of problems for the editor, no guidance at all."""
    # The page's one main heading: the pages that would have drawn theirs never run.
    st.title("Traffic Light Reference", anchor=False)
    st.error(
        "**The guidance cannot be shown because the content pack has errors.** "
        "Nothing from it is displayed, so that no partial guidance is shown. "
        "If a child is in immediate danger, call 999. For worries about a child in Shropshire, "
        "call Compass on 0345 678 9021 (out of hours 0345 678 9040).",
        icon=":material/error:",
    )
    with st.expander(f"For the content editor: {len(exc.problems)} problem(s) to fix"):
        st.code("\n".join(str(p) for p in exc.problems), language=None, wrap_lines=True)


def take_link_params(*names: str) -> dict[str, str]:
    """The named parameters a link carried (the last value of a repeated key), removed from the URL.

    A link fills a page once, then leaves the address bar, so the address never shows what a
    user later types or chooses.
    """
    taken = {name: st.query_params[name] for name in names if name in st.query_params}
    for name in taken:
        del st.query_params[name]
    return taken


def secondary_text(markdown: str) -> None:
    """Secondary text in the theme's grey (6.4:1 on white); st.caption's faded grey fails 4.5:1."""
    st.markdown(f":gray[{markdown}]")


def notice(text: str) -> None:
    """A short, calm notice about something the user or a link asked for."""
    st.info(md(text), icon=":material/info:")


# ------------------------------------------------------------------ inputs


def age_and_band_inputs(pack: Pack, prefix: str, age_column: DeltaGenerator, band_column: DeltaGenerator) -> None:
    """The child's age and the band picker, side by side; choosing one clears the other.

    Their values live in ``st.session_state[f"{prefix}_age"]`` and ``[f"{prefix}_band"]``.
    """
    age_key, band_key = f"{prefix}_age", f"{prefix}_band"

    def age_changed() -> None:
        if st.session_state.get(age_key) is not None:
            st.session_state[band_key] = None

    def band_changed() -> None:
        if st.session_state.get(band_key) is not None:
            st.session_state[age_key] = None

    age_column.number_input(
        "Child's age in years",
        min_value=0,
        max_value=25,
        step=1,
        value=None,
        placeholder="For example 9",
        key=age_key,
        on_change=age_changed,
    )
    band_labels = {band.id: band.label for band in pack.bands}
    band_column.selectbox(
        "Or choose an age band",
        options=list(band_labels),
        index=None,
        format_func=band_labels.get,
        placeholder="Choose a band",
        key=band_key,
        on_change=band_changed,
    )


def band_handout_button(
    pack: Pack, band: AgeBand, *, label: str, key: str, where: DeltaGenerator | None = None
) -> None:
    """The download button for a band's A4 handout; the PDF is built only when clicked."""
    (where or st).download_button(
        label,
        data=lambda: band_handout(pack, band),
        file_name=f"traffic-light-{band.id}.pdf",
        mime="application/pdf",
        key=key,
        icon=":material/picture_as_pdf:",
        on_click="ignore",
        width="stretch" if where is not None else "content",
    )


# ------------------------------------------------------------------ levels


def level_title(pack: Pack, level: Level) -> str:
    """Markdown for a level's heading text: words first, colour and icon repeating them.

    The icon follows the words so a screen reader says "Red: act today" before anything else.
    """
    return f":{LEVEL_COLOUR[level]}-background[**{md(level_heading(pack, level))}** {LEVEL_ICON[level]}]"


def level_badge(pack: Pack, level: Level) -> str:
    """Markdown for a short inline level marker, e.g. in a search result: the word, coloured."""
    return f":{LEVEL_COLOUR[level]}-badge[{md(pack.level_label(level))} {LEVEL_ICON[level]}]"


def behaviour_lines_md(pack: Pack, behaviours: Sequence[Behaviour], show_notes: bool) -> str:
    """Markdown for the descriptors as a list; with ``show_notes``, what to consider and the law under each."""
    lines: list[str] = []
    for behaviour in behaviours:
        lines.append(f"- {md(behaviour.text)}")
        if show_notes:
            for note in behaviour.consider:
                lines.append(f"    - *Consider:* {md(note)}")
            for law_id in behaviour.law:
                law = pack.law_note(law_id)
                if law is not None:
                    lines.append(f"    - *The law:* {md(law.title)}: {md(law.text)} ({md(law.source)})")
    return "\n".join(lines)


def behaviour_lines(pack: Pack, behaviours: Sequence[Behaviour], show_notes: bool) -> None:
    """The descriptors as a list; with ``show_notes``, what to consider and the law under each."""
    st.markdown(behaviour_lines_md(pack, behaviours, show_notes))


def _steps(title: str, steps: Sequence[str]) -> str:
    return f"{title}\n\n" + "\n".join(f"- {md(step)}" for step in steps)


def level_card(
    pack: Pack,
    level: Level,
    behaviours: Sequence[Behaviour],
    *,
    show_notes: bool = False,
    heading: str = "###",
    now: dt.datetime | None = None,
) -> None:
    """A level: heading in words, what it means, the descriptors, what to do, and its route.

    The card is one Markdown block: a single element draws faster on the server and in the browser.
    """
    guide = pack.level_guide(level)
    parts = [f"{heading} {level_title(pack, level)}", md(guide.meaning)]
    if behaviours:
        parts += ["**What it can look like**", behaviour_lines_md(pack, behaviours, show_notes)]
    parts += [
        _steps("**What to do now**", guide.what_to_do),
        _steps("**What to record**", guide.what_to_record),
        _steps("**Who to tell**", guide.who_to_tell),
    ]
    route = route_md(pack, pack.route_for(level), now=now, show_title=False, show_setting=False)
    if route:
        parts.append(route)
    with st.container(border=True):
        st.markdown("\n\n".join(parts))


# ------------------------------------------------------------------ routes and contacts


def route_md(
    pack: Pack,
    route: Route,
    *,
    now: dt.datetime | None = None,
    show_title: bool = True,
    show_setting: bool = True,
) -> str:
    """Markdown for a route: its title, the steps in your own setting, the route out, and whom to call."""
    parts: list[str] = []
    if show_title:
        parts.append(f"**{md(route.title)}**")
    if show_setting and route.in_your_setting:
        parts.append(_steps("*In your setting*", route.in_your_setting))
    if route.route_out:
        parts.append(_steps("*The route out*", route.route_out))
    contacts = pack.contacts_for(route)
    if contacts:
        when = now or uk_now()
        parts.append("\n".join(f"- {contact_line(pack, c, when)}" for c in contacts))
    return "\n\n".join(parts)


def route_panel(
    pack: Pack,
    route: Route,
    *,
    now: dt.datetime | None = None,
    show_title: bool = True,
    show_setting: bool = True,
) -> None:
    """A route: its title, the steps in your own setting, the route out, and whom to call."""
    text = route_md(pack, route, now=now, show_title=show_title, show_setting=show_setting)
    if text:
        st.markdown(text)


def _showing(label: str | None, value: str, verb: str) -> str:
    """A link label that always shows the number or address itself: someone at a desk phone must be able to read it."""
    if not label:
        return f"{verb} {value}"
    return label if value in label else f"{label}: {value}"


def channel_links(contact: Contact) -> list[str]:
    """Markdown for each way to reach a contact: tel:, sms:, mailto: or a web link."""
    links: list[str] = []
    for channel in contact.channels:
        label = channel.label
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
    """The verification status in words, with its date: never left for colour to say."""
    checked = long_date(contact.last_verified)
    if contact.status == Status.VERIFIED:
        return f"Verified {checked}"
    if contact.status == Status.UNVERIFIED:
        return f":orange-badge[Unverified] last checked {checked}"
    return f":orange-badge[Outdated] last checked {checked}"


def _out_of_hours_call(pack: Pack, contact: Contact, when: dt.datetime) -> str | None:
    """'<out-of-hours service> on <number>', whom to call while a contact is closed; None when there is no one."""
    fallback = contact_to_call(pack, contact, when)
    if fallback is contact:
        return None
    phone = first_phone(fallback)
    number = f" on {md_link(phone.display, phone.tel_uri)}" if phone else ""
    return f"{md(fallback.name)}{number}"


def contact_line(pack: Pack, contact: Contact, now: dt.datetime) -> str:
    """One line for a contact inside a route: name, links, open now or not, and its status."""
    parts = [f"**{md(contact.name)}**: " + " · ".join(channel_links(contact))]
    state = openness(contact, now)
    if state == Openness.OPEN and not contact.open_always:
        parts.append("open now")
    elif state == Openness.CLOSED:
        instead = _out_of_hours_call(pack, contact, now)
        parts.append(f"closed now: call {instead}" if instead else "closed now")
    if contact.hours and not contact.open_always:
        parts.append(md(contact.hours))
    elif contact.open_always:
        parts.append("24 hours")
    parts.append(status_text(contact))
    return " · ".join(parts)


def contact_card(pack: Pack, contact: Contact, *, now: dt.datetime | None = None, today: dt.date | None = None) -> None:
    """A directory entry: what the service is, for whom, how to reach it, hours and provenance."""
    when = now or uk_now()
    with st.container(border=True):
        st.markdown(f"### {md(contact.name)}")
        st.markdown(md(contact.summary))
        audience = ", ".join(audience_words(a) for a in contact.audience)
        st.markdown(f"**For:** {md(audience)}")
        links = channel_links(contact)
        if links:
            st.markdown("**How to reach them:** " + " · ".join(links))
        state = openness(contact, when)
        hours = md(contact.hours) if contact.hours else ("24 hours" if contact.open_always else "not known")
        st.markdown(f"**Hours:** {hours}")
        if state == Openness.OPEN and not contact.open_always:
            st.markdown("**Now:** open")
        elif state == Openness.CLOSED:
            instead = _out_of_hours_call(pack, contact, when)
            st.markdown(f"**Now:** closed. Call {instead}." if instead else "**Now:** closed.")
        for note in contact.notes:
            st.markdown(f"- {md(note)}")
        st.markdown(f"{status_text(contact)} · :gray[Source: {md(contact.source)}]")
        if contact.status_note:
            secondary_text(md(contact.status_note))
        for warning in contact_warnings(contact, today or when.date()):
            st.warning(md(warning), icon=":material/warning:")
        report = mailto(pack.info.report_problems_to, subject=f"Traffic Light Reference: problem with {contact.name}")
        st.markdown(md_link("Report a problem with this entry", report))


# ------------------------------------------------------------------ the frame's panel


def _immediate_danger(pack: Pack) -> list[str]:
    """Markdown for 'Immediate danger: call 999', one per emergency number, as a tappable link."""
    lines: list[str] = []
    for contact in emergency_contacts(pack):
        phone = first_phone(contact)
        if phone:
            call = md_link(phone.display, phone.tel_uri)
            lines.append(f":red-background[:material/emergency: **Immediate danger: call {call}**]")
    return lines


def danger_panel(pack: Pack) -> None:
    """The always-visible panel: 999 in immediate danger, the front door and its out-of-hours line."""
    lines = _immediate_danger(pack)
    door = front_door(pack)
    if door is not None:
        phone = first_phone(door)
        text = f"**Worried about a child?** Call {md(door.name)}"
        if phone:
            text += f" on {md_link(phone.display, phone.tel_uri)}"
        fallback = pack.contact(door.out_of_hours) if door.out_of_hours else None
        if fallback is not None:
            out_phone = first_phone(fallback)
            if out_phone:
                text += f", or {md_link(out_phone.display, out_phone.tel_uri)} out of hours"
        lines.append(text + ".")
    lines.append("Tell your designated safeguarding lead (DSL) too.")
    st.markdown("\n\n".join(lines))


def danger_line(pack: Pack) -> None:
    """One compact line at the top of every page's main area: 999 and the front door.

    The sidebar's panel says the same at more length, but a phone shows the sidebar over the
    page and a person closes it to read anything; this line keeps both numbers on the page itself.
    """
    parts = _immediate_danger(pack)
    door = front_door(pack)
    phone = first_phone(door) if door is not None else None
    if door is not None and phone is not None:
        parts.append(f"Worried about a child? Call {md(short_name(door))} on {md_link(phone.display, phone.tel_uri)}")
    if parts:
        st.markdown(" · ".join(parts))


def page_intro(title: str, lead: str | None = None) -> None:
    """A page's single top-level heading and an optional one-line lead."""
    st.title(title, anchor=False)
    if lead:
        st.markdown(md(lead))
