"""Helplines: the directory of services, filtered by who it is for and how to get in touch, and local documents."""

import streamlit as st

from behaviours import hours
from behaviours.directory import (
    AUDIENCE_CHOICES,
    CHANNEL_CHOICES,
    audience_words,
    channel_words,
    filter_contacts,
    front_door_now,
    short_name,
)
from behaviours.model import Audience, ChannelKind
from behaviours.params import parse_audience
from behaviours.text import long_date, mailto, md, md_link, safe_web_link
from ui.components import contact_card, notice, pack, page_intro, secondary_text, take_link_params

content = pack()
EVERYONE = "everyone"

# A link such as /helplines?audience=young-people sets the filter once, then leaves the address bar,
# as on every page, so the address never carries what a user chose or typed.
link_notices: list[str] = []
link = take_link_params("audience")
if "audience" in link:
    from_link = parse_audience(link["audience"])
    chosen = from_link.value
    st.session_state["helplines_audience"] = (
        chosen.value if chosen is not None and chosen != Audience.ANYONE else EVERYONE
    )
    if from_link.notice:
        link_notices.append(from_link.notice)

# One moment for the whole page, so every "open now" on it agrees.
when = hours.uk_now()

page_intro(
    "Helplines and services",
    "Who to call or contact, for professionals, parents and carers, and young people. Local services are listed first.",
)

door_now = front_door_now(content, when)
if door_now is not None:
    if door_now.state == hours.Openness.OPEN:
        st.success(f"**{md(door_now.sentence)}**", icon=":material/call:")
    elif door_now.state == hours.Openness.CLOSED:
        call = ""
        if door_now.call_instead_phone is not None:
            phone = door_now.call_instead_phone
            call = " " + md_link(f"Call {phone.display}", phone.tel_uri)
        st.warning(f"**{md(door_now.sentence)}**{call}", icon=":material/schedule:")
    else:
        st.info(md(door_now.sentence), icon=":material/schedule:")
    fallback = content.contact(door_now.door.out_of_hours) if door_now.door.out_of_hours else None
    instead = f"; if {short_name(door_now.door)} does not answer, call {short_name(fallback)}" if fallback else ""
    secondary_text(
        md(
            f"“Open now” uses the opening hours in this pack and UK time. This tool does not know about bank "
            f"holidays{instead}."
        )
    )

for text in link_notices:
    notice(text)

# The directory's own heading, so that each entry's heading sits one level below it.
st.header("Find a service", anchor=False)
filters = st.columns([3, 2])
with filters[0]:
    st.radio(
        "Who is it for?",
        options=[EVERYONE, *(a.value for a in AUDIENCE_CHOICES)],
        format_func=lambda v: "Everyone" if v == EVERYONE else audience_words(Audience(v)).capitalize(),
        horizontal=True,
        key="helplines_audience",
        help="Services for anyone are shown under every choice.",
    )
with filters[1]:
    st.pills(
        "How to get in touch",
        options=[k.value for k in CHANNEL_CHOICES],
        format_func=lambda v: channel_words(ChannelKind(v)).capitalize(),
        selection_mode="multi",
        key="helplines_channels",
        help="Choose none to see every way of getting in touch.",
    )

chosen_audience = st.session_state.get("helplines_audience", EVERYONE)
audience = None if chosen_audience in (None, EVERYONE) else Audience(chosen_audience)
channels = [ChannelKind(v) for v in st.session_state.get("helplines_channels") or []]
entries = filter_contacts(content, audience, channels)

described = "everyone" if audience is None else audience_words(audience)
by = f", reachable by {' or '.join(channel_words(k) for k in channels)}" if channels else ""
st.markdown(md(f"Showing {len(entries)} of {len(content.contacts)} entries: for {described}{by}."))
if not entries:
    notice("No entry matches these choices. Choose fewer ways of getting in touch, or “Everyone”.")

for contact in entries:
    contact_card(content, contact, now=when)

if content.resources:
    st.header("Local documents", anchor=False)
    st.markdown("Documents and pages that practitioners in this area use alongside this tool.")
    for resource in content.resources:
        target = safe_web_link(resource.link)
        title = (
            md_link(resource.title, target)
            if target
            else f"{md(resource.title)} (link not shown: it is not a web address)"
        )
        st.markdown(f"**{title}**: {md(resource.summary)}")
        secondary_text(md(f"Source: {resource.source} · link last checked {long_date(resource.last_verified)}"))

st.divider()
report = mailto(content.info.report_problems_to, subject="Traffic Light Reference: helplines directory")
st.markdown(
    "Found a number that no longer works, or a service that has changed? "
    + md_link(f"E-mail {content.info.report_problems_to}", report)
    + "."
)
