"""About: what this tool is and is not, the credit and licence, privacy, accessibility, and reference notes."""

import streamlit as st

from behaviours import LEVELS
from behaviours.answers.plans import plan_about
from behaviours.core.clock import today
from behaviours.core.text import long_date, mailto, md, md_link, safe_web_link
from behaviours.documents.site import site_zip
from behaviours.pack.review import reviewed_lines
from ui.inputs import page_intro
from ui.levels import level_title
from ui.pack_loading import pack, pack_identity_label

content = pack()
info = content.info
about = plan_about(content)

page_intro(
    "About this tool",
    "A quick reference for practitioners who need to judge a child's sexual behaviour, "
    "decide what to do and know whom to call.",
)

st.header("What this tool is, and what it is not", anchor=False)
st.markdown(
    "- **It is a reference aid.** It lists behaviours by age band and rates them green, amber or red "
    "in the style of a traffic-light framework, with what to do at each level and whom to call.\n"
    "- **It does not decide for you.** Your professional judgement, your setting's safeguarding "
    "procedures and your designated safeguarding lead (DSL) decide what happens. When you are unsure, "
    "respond at the higher level and talk to your DSL.\n"
    "- **It is not Brook's Sexual Behaviours Traffic Light Tool**, and it is not produced or endorsed by "
    "Brook or by True Relationships & Reproductive Health. The credit below says where the framework comes from.\n"
    "- **It is not for emergencies.** If a child is in immediate danger, call 999."
)
if info.about:
    st.markdown(md(info.about))

st.header("The content pack", anchor=False)
st.markdown(
    f"- **Name:** {md(info.name)}\n"
    f"- **Version:** {md(info.version)}\n"
    f"- **Live on this server:** {md(pack_identity_label())}\n"
    f"- **Last reviewed:** {md(about.reviewed)}\n"
    f"- **Age bands:** {md(about.bands)}"
)
st.markdown("**When each part was last reviewed:**\n" + "\n".join(f"- {md(line)}" for line in reviewed_lines(content)))

st.subheader("Credit and licence", anchor=False)
st.markdown(f"**Where the framework comes from.** {md(info.credit.framework)}")
st.markdown(f"**The wording.** {md(info.credit.wording)}")
st.markdown(f"**Licence.** {md(info.credit.licence)}")
st.markdown(
    "**Fonts.** Printed handouts embed Noto Sans (SIL Open Font License 1.1), with Symbola (free for any use) "
    "for symbols; both are installed from Debian's packages fonts-noto-core and fonts-symbola."
)

st.subheader("Report a problem", anchor=False)
report = mailto(info.report_problems_to, subject="Traffic Light Reference: a problem to report")
st.markdown(
    "If a number or link no longer works, a service has changed, or something reads wrongly, "
    f"e-mail {md_link(info.report_problems_to, report)}. Please do not include anything that could "
    "identify a child or family."
)

st.subheader("Things to check in this pack", anchor=False)
st.markdown(md(about.warnings_sentence))
if about.warnings:
    with st.expander(about.warnings_label):
        st.markdown("\n".join(f"- {md(message)}" for message in about.warnings))

st.header("Privacy", anchor=False)
st.markdown(
    "- **Nothing you type is stored.** Ages, search words, notes and answers are not saved to disk, "
    "not written to logs, not kept in a cache shared with other people, and never put in the web address.\n"
    "- **Training keeps its quiz in the web address.** The training page's section, quiz number, length and "
    "age band are in its address, so that a reload keeps the same quiz. They are the numbers a trainer "
    "reads out to a room, never anything about a child; quiz answers stay out of it.\n"
    "- **What you enter lasts only while the tab is open.** It is held in the server's memory for your "
    "session alone; when you close the tab it is deleted within about two minutes (the time Streamlit "
    "allows a dropped connection to come back), and a server restart deletes it at once. "
    "“Clear everything” on the case discussion page deletes it straight away.\n"
    "- **No usage statistics are collected.** The tool's telemetry is turned off.\n"
    "- **A case note never has a web address.** The note is sent only to your open tab, over the "
    "page's own connection. “Copy note” puts it on your clipboard; “Save as text file” and “Save as PDF” "
    "make the file in your browser. No one else can fetch it from the server, from any device, and the "
    "tool keeps no copy.\n"
    "- **Handouts hold nothing you typed.** The band handouts (PDF and CSV) hold only the published "
    "guidance. They are made in memory and sent to your browser; nothing is written to disk.\n"
    "- **Do not enter names or other details that identify a child or family.** The tool does not need them."
)

st.header("When the tool cannot connect", anchor=False)
st.markdown(
    "Some networks block the connection this tool needs, and some training rooms have no connection at all. "
    "An offline copy of the reference, with every age band, the routes and helplines, and the criteria and "
    "the law, is served beside the tool at [/offline/](/offline/) and needs no JavaScript. You can also "
    "download it as a zip of web pages to open on a computer without a connection. It holds only this "
    "pack's content, never anything you have typed."
)
st.download_button(
    "Download the offline reference (zip)",
    data=lambda: site_zip(content, today()),
    file_name="traffic-light-offline.zip",
    mime="application/zip",
    key="about_offline_zip",
    icon=":material/download:",
)

st.header("Accessibility", anchor=False)
access = mailto(info.report_problems_to, subject="Traffic Light Reference: accessibility problem")
st.markdown(
    "This tool aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA.\n\n"
    "- Every level is said in words first (for example “Red: act today”); colour and icons only repeat it.\n"
    "- Text colours are checked to have a contrast of at least 4.5 to 1 against their background.\n"
    "- Each page has one main heading, and sections have headings, so a screen reader can move between them.\n\n"
    "**Known limitations**\n\n"
    "- PDF handouts are tagged PDFs (PDF/UA) with headings and lists, in British English, with an embedded "
    "font. They have not yet been checked with every screen reader; the same content is on the pages "
    "themselves, in the offline reference and in the CSV downloads.\n"
    "- Some controls come from the Streamlit framework and may not behave perfectly with every "
    "assistive technology.\n\n"
    f"To report an accessibility problem, e-mail {md_link(info.report_problems_to, access)} and say which "
    "page, what you were trying to do and what assistive technology you use, if any."
)

st.header("Reference", anchor=False)

st.subheader("The three levels", anchor=False)
for level in LEVELS:
    st.markdown(f"{level_title(content, level)}\n\n{md(content.level_guide(level).meaning)}")

st.subheader("The criteria", anchor=False)
st.markdown(
    "A listed behaviour is a starting point: these questions decide how it should be read. "
    "A “yes” to any of them raises concern."
)
for criterion in content.criteria:
    lines = [
        f"**{md(criterion.name)}**: {md(criterion.question)}",
        f"*If yes: at least {md(content.level_label(criterion.raises_to))}.* {md(criterion.why)}",
    ]
    if criterion.examples:
        lines.append("\n".join(f"- {md(example)}" for example in criterion.examples))
    st.markdown("\n\n".join(lines))
st.markdown(f"**Behaviours that are not listed.** {md(content.not_listed)}")

if content.info.changes:
    st.subheader("What changed", anchor=False)
    for change in content.info.changes:
        st.markdown(
            f"**Version {md(change.version)}, {long_date(change.date)}**\n\n"
            + "\n".join(f"- {md(item)}" for item in change.items)
        )

st.subheader("The law in England and Wales", anchor=False)
for note in content.law:
    source = md(note.source)
    target = safe_web_link(note.link) if note.link else None
    if target:
        source = md_link(note.source, target)
    st.markdown(f"**{md(note.title)}**\n\n{md(note.text)}\n\n*Source:* {source}")
