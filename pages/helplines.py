"""Helplines: the directory of services, filtered by who it is for and how to get in touch, and local documents."""

import streamlit as st

from behaviours.answers.params import parse_audience
from behaviours.answers.plans import audience_from_link, plan_helplines
from behaviours.contacts.directory import (
    AUDIENCE_CHOICES,
    CHANNEL_CHOICES,
    audience_words,
    channel_words,
)
from behaviours.contacts.hours import Openness
from behaviours.core.text import mailto, md, md_link, safe_web_link
from behaviours.pack.model import Audience, ChannelKind
from behaviours.pack.review import reviewed_words
from ui.contacts import contact_card, lead_md, resource_checked
from ui.inputs import notice, page_intro, secondary_text, take_link_params
from ui.moment import run_now
from ui.pack_loading import pack

content = pack()
now = run_now()
EVERYONE = "everyone"

# A link such as /helplines?audience=young-people sets the filter once, then leaves the address bar,
# as on every page, so the address never carries what a user chose or typed.
link_notices: list[str] = []
link = take_link_params("audience")
if "audience" in link:
    from_link = parse_audience(link["audience"])
    chosen = audience_from_link(from_link.value)
    st.session_state["helplines_audience"] = chosen.value if chosen is not None else EVERYONE
    if from_link.notice:
        link_notices.append(from_link.notice)

chosen_audience = st.session_state.get("helplines_audience", EVERYONE)
plan = plan_helplines(
    content,
    None if chosen_audience in (None, EVERYONE) else Audience(chosen_audience),
    [ChannelKind(v) for v in st.session_state.get("helplines_channels") or []],
    now,
)

page_intro(
    "Helplines and services",
    "Who to call or contact, for professionals, parents and carers, and young people. Local services are listed first.",
)

# Whom to ring first at this moment: the out-of-hours number leads while the front door is closed.
answer = plan.calls
lead = lead_md(answer)
if lead is not None and answer.door is not None:
    if answer.door.state == Openness.OPEN:
        st.success(lead, icon=":material/call:")
    elif answer.door.state == Openness.CLOSED:
        st.warning(lead, icon=":material/schedule:")
    else:
        st.info(lead, icon=":material/schedule:")
    secondary_text(
        md(
            "“Open now” uses the opening hours in this pack, UK time and England's bank holidays. "
            "Services can close at short notice: if a number does not answer, use the next one."
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

st.markdown(md(plan.shown))
if "contacts.yaml" in content.reviews:
    secondary_text(md("This list was " + reviewed_words(content.reviews["contacts.yaml"]) + "."))
if plan.empty:
    notice("No entry matches these choices. Choose fewer ways of getting in touch, or “Everyone”.")

for contact in plan.entries:
    contact_card(content, contact, now=now)

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
        secondary_text(md(f"Source: {resource.source} · {resource_checked(resource.last_verified)}"))

st.divider()
report = mailto(content.info.report_problems_to, subject="Traffic Light Reference: helplines directory")
st.markdown(
    "Found a number that no longer works, or a service that has changed? "
    + md_link(f"E-mail {content.info.report_problems_to}", report)
    + "."
)
