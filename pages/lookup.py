"""Look up: from a child's age (or a band) to the levels, what to do and whom to call.

The answer comes first: once an age is entered, a summary says which levels the answer holds
and links to each, and every band's cards run most serious first (red, amber, green), so on a
phone the red level is on the first screens. The inputs and the answer sit in one fragment:
changing the age redraws only them, not the frame.
"""

import datetime as dt

import streamlit as st

from behaviours import AgeBand, Level
from behaviours.answers.lookup import (
    BOUNDARY_ADVICE,
    SERIOUS_FIRST,
    LookupPlan,
    answer_counts,
    answer_summary,
    boundary_differences,
    level_anchor,
    plan_lookup,
)
from behaviours.answers.params import parse_age, parse_band, parse_level
from behaviours.answers.urgency import lookup_answer_levels
from behaviours.core.text import md
from behaviours.documents.export import band_csv
from ui.call_bar import report_answer
from ui.contacts import route_panel
from ui.content_cache import ContentCache, pack_key
from ui.inputs import (
    age_and_band_inputs,
    band_handout_button,
    developmental_age_input,
    notice,
    page_intro,
    secondary_text,
    take_link_params,
)
from ui.levels import level_badge, level_card
from ui.moment import steady_now
from ui.pack_loading import pack

content = pack()
ALL = "all"
LEVEL_CHOICES = [ALL, *(level.value for level in SERIOUS_FIRST)]
LEVEL_CHOICE_WORDS = {ALL: "All three", **{level.value: content.level_label(level) for level in SERIOUS_FIRST}}

# The summary's Markdown, kept between runs: keyed by the pack, the level shown and, for each band,
# its id, the age it is read at (one the band holds) and whether it is shown for a developmental
# age. Ids and numbers of the pack's own bands, never anything typed (tests/pages/test_content_cache_privacy.py).
_SUMMARIES = ContentCache("look-up summaries", max_entries=512)

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


def _summary_md(plan: LookupPlan) -> str:
    counts = answer_counts(content, plan)
    lines = []
    for sentence, band in zip(answer_summary(content, plan), plan.bands, strict=True):
        jumps = " · ".join(
            f"[{md(content.level_label(c.level))} ({c.count})](#{c.anchor})" for c in counts if c.band.id == band.id
        )
        lines.append(f"**{md(sentence)}** Go to: {jumps}")
    return "\n\n".join(lines)


def _summary(plan: LookupPlan) -> None:
    """The answer in a few lines, before anything else: what each band holds, with a link to each level."""
    token = pack_key(content)
    if token is None:
        text = _summary_md(plan)
    else:
        shape = tuple((band.id, plan.age_for(band), band.id in plan.shown_for) for band in plan.bands)
        text = _SUMMARIES.get((token, plan.level, shape), lambda: _summary_md(plan))
    with st.container(border=True, key="lookup_summary"):
        st.markdown(text)


def _boundary(plan: LookupPlan) -> None:
    """At an age two bands hold: each behaviour they rate differently, side by side, and how to choose."""
    if plan.age is None:
        return
    differences = boundary_differences(content, plan.age)
    if not differences:
        return
    first, second = content.bands_for_age(plan.age)[:2]
    with st.container(border=True, key="lookup_boundary"):
        # A second-level heading under the page title (axe: heading levels go up one at a time).
        st.markdown(f"## Rated differently at age {plan.age}")
        st.markdown(md(BOUNDARY_ADVICE))
        for difference in differences:
            columns = st.columns(2)
            for column, shown in zip(columns, (first, second), strict=True):
                for rating in difference.ratings:
                    if rating.band.id == shown.id:
                        column.markdown(
                            f"**{md(shown.label)}:** {level_badge(content, rating.level)} {md(rating.behaviour.text)}"
                        )


def _band(plan: LookupPlan, band: AgeBand, now: dt.datetime, show_notes: bool) -> None:
    label = md(band.label)
    if plan.guide_only:
        label += " (a guide only, for vulnerable young adults)"
    if band.id in plan.shown_for:
        label += f" ({md(plan.shown_for[band.id])})"
    st.header(label, anchor=False)
    if band.summary:
        st.markdown(md(band.summary))
    levels = [plan.level] if plan.level else list(SERIOUS_FIRST)
    at_age = plan.age_for(band)
    columns = st.columns(len(levels))
    for column, level in zip(columns, levels, strict=True):
        with column:
            # The target of the summary's jump link (an empty element with an id, nothing else).
            st.html(f'<div id="{level_anchor(band, level)}" class="tlr-anchor" tabindex="-1"></div>')
            level_card(
                content,
                level,
                content.behaviours(band, level, age=at_age),
                now=now,
                show_notes=show_notes,
                age=at_age,
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


@st.fragment
def answer() -> None:
    """The inputs and the answer: a change here redraws only this part of the page."""
    now = steady_now()
    chosen_level = st.session_state.get("lookup_level", ALL)
    plan = plan_lookup(
        content,
        st.session_state.get("lookup_age"),
        st.session_state.get("lookup_band"),
        None if chosen_level in (None, ALL) else Level(chosen_level),
        developmental_age=st.session_state.get("lookup_dev_age"),
    )
    # The call bar rings now only for an amber or red answer (issue 24.5).
    report_answer(lookup_answer_levels(content, plan))
    # Once there is an answer the how-to line gives way to it, so a phone's first screen holds the summary.
    page_intro(
        "Look up a behaviour by age",
        None
        if plan.bands
        else "Enter the child's age, or choose an age band, to see what is healthy and expected, "
        "what calls for attention, and what to do.",
    )
    for text in link_notices:
        notice(text)
    controls = st.columns([1, 1, 1])
    age_and_band_inputs(content, "lookup", controls[0], controls[2])
    developmental_age_input("lookup", controls[1])
    if plan.bands:
        _summary(plan)
    options = st.columns([2, 1], vertical_alignment="bottom")
    with options[0]:
        st.radio(
            "Show levels",
            options=LEVEL_CHOICES,
            format_func=LEVEL_CHOICE_WORDS.__getitem__,
            horizontal=True,
            key="lookup_level",
        )
    with options[1]:
        show_notes = st.toggle("Show what to consider", key="lookup_notes")

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
                column.button(
                    band.label, key=f"pick_{band.id}", on_click=_choose_band, args=(band.id,), width="stretch"
                )
        secondary_text(md(content.info.developmental_age_note))
        return

    if plan.why:
        notice(plan.why)
    if plan.shown_for:
        secondary_text(md(content.info.developmental_age_note))
    _boundary(plan)
    for band in plan.bands:
        _band(plan, band, now, show_notes)
    if not plan.shown_for:
        secondary_text(md(content.info.developmental_age_note))


answer()
