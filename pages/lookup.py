"""Look up: from a child's age (or a band) to the levels, what to do and whom to call."""

import streamlit as st

from behaviours import LEVELS, Level
from behaviours.export import band_csv
from behaviours.lookup import plan_lookup
from behaviours.params import parse_age, parse_band, parse_level
from behaviours.text import md
from ui.contacts import route_panel
from ui.inputs import age_and_band_inputs, band_handout_button, notice, page_intro, secondary_text, take_link_params
from ui.levels import level_card
from ui.moment import run_now
from ui.pack_loading import pack

content = pack()
now = run_now()
ALL = "all"

# A link such as /?age=9&level=red fills the controls once, then leaves the address bar:
# the page never writes what a user types into the URL.
link = take_link_params("age", "band", "level")
age = parse_age(link["age"]) if "age" in link else None
band = parse_band(content, link["band"]) if "band" in link else None
level = parse_level(content, link["level"]) if "level" in link else None
if age is not None:
    st.session_state["lookup_age"] = age.value
if band is not None:
    st.session_state["lookup_band"] = band.value
if level is not None:
    st.session_state["lookup_level"] = level.value.value if level.value else ALL
link_notices = [p.notice for p in (age, band, level) if p is not None and p.notice]


def _choose_band(band_id: str) -> None:
    st.session_state["lookup_band"] = band_id
    st.session_state["lookup_age"] = None


page_intro(
    "Look up a behaviour by age",
    "Enter the child's age, or choose an age band, to see what is healthy and expected, "
    "what calls for attention, and what to do.",
)

controls = st.columns([1, 1, 2])
age_and_band_inputs(content, "lookup", controls[0], controls[1])
with controls[2]:
    level_options = [ALL, *(level.value for level in LEVELS)]
    st.radio(
        "Show levels",
        options=level_options,
        format_func=lambda v: "All three" if v == ALL else content.level_label(Level(v)),
        horizontal=True,
        key="lookup_level",
    )
show_notes = st.toggle("Show what to consider under each behaviour", key="lookup_notes")
secondary_text(md(content.info.developmental_age_note))

for text in link_notices:
    notice(text)

chosen_level = st.session_state.get("lookup_level", ALL)
plan = plan_lookup(
    content,
    st.session_state.get("lookup_age"),
    st.session_state.get("lookup_band"),
    None if chosen_level in (None, ALL) else Level(chosen_level),
)
for text in plan.notices:
    notice(text)

if plan.adult:
    st.warning(md(content.info.adult_note), icon=":material/person:")
    adult_route = content.special_route("adult")
    if adult_route is not None:
        route_panel(content, adult_route, now=now)

if not plan.bands:
    if not plan.notices:
        st.markdown("**Choose an age band to browse it:**")
        columns = st.columns(len(content.bands))
        for column, band in zip(columns, content.bands, strict=True):
            column.button(band.label, key=f"pick_{band.id}", on_click=_choose_band, args=(band.id,), width="stretch")
    st.stop()

if plan.why:
    notice(plan.why)

levels = [plan.level] if plan.level else list(LEVELS)
for band in plan.bands:
    st.header(
        md(band.label) + (" (a guide only, for vulnerable young adults)" if plan.guide_only else ""), anchor=False
    )
    if band.summary:
        st.markdown(md(band.summary))
    columns = st.columns(len(levels))
    for column, level in zip(columns, levels, strict=True):
        with column:
            level_card(
                content,
                level,
                content.behaviours(band, level, age=plan.age),
                now=now,
                show_notes=show_notes,
                age=plan.age,
            )
    st.download_button(
        f"Download {band.label} as CSV",
        data=lambda b=band: band_csv(content, b),
        file_name=f"traffic-light-{band.id}.csv",
        mime="text/csv",
        key=f"csv_{band.id}",
        icon=":material/download:",
        on_click="ignore",
    )
    band_handout_button(
        content, band, label=f"Download {band.label} handout (PDF)", key=f"pdf_{band.id}", printed=now.date()
    )
