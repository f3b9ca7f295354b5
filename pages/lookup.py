"""Look up: from a child's age (or a band) and what was seen or heard, to the level, what to do and whom to call.

One question, one answer: with words, the behaviours they match at that age come first, each a
compact card with its level at the age and the action that matters most; the rest of the age's
behaviours follow, grouped by level, most serious first. Without words the page is the reference
for the age. Who to call and the law are said once each, lower on the page, and the cards link
there. The inputs and the answer sit in one fragment: a change redraws only them, not the frame.
"""

import datetime as dt

import streamlit as st

from behaviours import Level
from behaviours.answers.lookup import (
    BOUNDARY_ADVICE,
    SERIOUS_FIRST,
    LookupPlan,
    answer_counts,
    answer_summary,
    boundary_differences,
    plan_lookup,
)
from behaviours.answers.params import MAX_QUERY, parse_age, parse_band, parse_level, parse_query
from behaviours.answers.plans import BandCards, LookupAnswer, plan_lookup_answer
from behaviours.answers.urgency import answer_levels, lookup_answer_levels
from behaviours.core.text import md, md_typed
from behaviours.documents.export import band_csv
from ui.behaviour_card import (
    CARD_CSS,
    item_card,
    law_section,
    level_anchor_html,
    level_group_md,
    who_to_call_section,
)
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
    side_by_side_css,
    take_link_params,
)
from ui.levels import level_badge
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
link = take_link_params("age", "band", "level", "q")
age = parse_age(link["age"]) if "age" in link else None
words = parse_query(link["q"]) if "q" in link else None
band = parse_band(content, link["band"]) if "band" in link else None
level = parse_level(content, link["level"]) if "level" in link else None
if age is not None:
    st.session_state["lookup_age"] = age.value
if band is not None:
    st.session_state["lookup_band"] = band.value
if level is not None:
    st.session_state["lookup_level"] = level.value.value if level.value else ALL
if words is not None:
    st.session_state["lookup_q"] = words.value or ""
link_notices = [p.notice for p in (age, band, level, words) if p is not None and p.notice]


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


def _band(plan: LookupPlan, cards: BandCards, now: dt.datetime, show_notes: bool) -> None:
    band = cards.band
    label = md(band.label)
    if plan.guide_only:
        label += " (a guide only, for vulnerable young adults)"
    if cards.note:
        label += f" ({md(cards.note)})"
    st.header(label, anchor=False)
    if band.summary:
        st.markdown(md(band.summary))
    for group in cards.groups:
        # Each level's list opens with the target of the summary's jump link to it, by which the style finds it.
        st.markdown(
            level_anchor_html(group.anchor) + level_group_md(content, group.level, group.cards, show_notes=show_notes),
            unsafe_allow_html=True,  # only the anchor: the pack's words are escaped by md(), "<" included
        )
    # Side by side on a phone too: two short buttons on one row that never wraps (the page's style sets
    # them at equal widths and lets their labels wrap, as two columns did).
    downloads = st.container(horizontal=True, wrap=False, key=f"lookup_downloads_{band.id}")
    downloads.download_button(
        f"Download {band.label} as CSV",
        data=lambda b=band: band_csv(content, b),
        file_name=f"traffic-light-{band.id}.csv",
        mime="text/csv",
        key=f"csv_{band.id}",
        icon=":material/download:",
        on_click="ignore",
    )
    band_handout_button(
        content,
        band,
        label=f"Download {band.label} handout (PDF)",
        key=f"pdf_{band.id}",
        printed=now.date(),
        where=downloads,
    )


def _matches(plan: LookupPlan, answer: LookupAnswer, words: str) -> None:
    """What was seen, answered first: the best matches at the age, each a card with its level at that age."""
    if answer.correction:
        notice(answer.correction)
    where = " at this age" if plan.bands else ""  # our own words, not typed: no escaping needed
    if not answer.matches:
        st.markdown(
            f"**Nothing{where} matches “{md_typed(words)}”.** Try other words, or read the behaviours "
            "below level by level. If it is not listed, rate it with the criteria in the case discussion."
        )
        st.page_link("pages/case.py", label="Talk it through in the case discussion", icon=":material/forum:")
        return
    shown = len(answer.matches)
    more = f" (the best {shown} of {answer.total})" if answer.total > shown else ""
    st.markdown(f"**Best matches for “{md_typed(words)}”{where}{more}:**")
    for card in answer.matches:
        item_card(content, card, show_band=len(plan.bands) != 1)


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
    # Once there is an answer the how-to line (under the page's title, drawn once outside this fragment) gives
    # way to it, so a phone's first screen holds the summary.
    if not plan.bands:
        st.markdown(
            md(
                "Enter the child's age, or choose an age band, to see what is healthy and expected, "
                "what calls for attention, and what to do."
            )
        )
    for text in link_notices:
        notice(text)
    # The age and the developmental age side by side even on a phone, so what was seen is on the first screen
    # (the page's style, drawn once outside this fragment, says so).
    ages = st.container(horizontal=True, wrap=False, key="lookup_ages")
    st.text_input(
        "What did you see or hear? (a few words, no names)",
        key="lookup_q",
        max_chars=MAX_QUERY,
        autocomplete="off",
        placeholder="For example: sent a nude",
        help="The behaviours these words match at the child's age come first. Nothing you type is stored "
        "or put in the web address.",
    )
    typed = parse_query(st.session_state.get("lookup_q") or "").value or ""
    cards = plan_lookup_answer(content, plan, typed)
    # The call bar rings now only for an amber or red answer (issue 24.5): the leading match, else the reference.
    report_answer(answer_levels([card.level for card in cards.matches], lookup_answer_levels(content, plan)))
    if typed:
        _matches(plan, cards, typed)
    if plan.bands:
        _summary(plan)
    # The band, the levels and the notes on one row (a quarter, a half, a quarter), one under another on a
    # phone: one horizontal container, which the page's style (OPTIONS_CSS) sets out as three columns were.
    options = st.container(horizontal=True, vertical_alignment="bottom", key="lookup_options")
    age_and_band_inputs(content, "lookup", ages, options)
    developmental_age_input("lookup", ages)
    options.radio(
        "Show levels",
        options=LEVEL_CHOICES,
        format_func=LEVEL_CHOICE_WORDS.__getitem__,
        horizontal=True,
        key="lookup_level",
    )
    show_notes = options.toggle("Show what to consider", key="lookup_notes")

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
        if cards.matches:
            who_to_call_section(content, cards.levels, now)
            law_section(content, cards.laws, heading="The law for these behaviours")
        return

    if plan.why:
        notice(plan.why)
    if plan.shown_for:
        secondary_text(md(content.info.developmental_age_note))
    _boundary(plan)
    for band_cards in cards.bands:
        _band(plan, band_cards, now, show_notes)
    if not plan.shown_for:
        secondary_text(md(content.info.developmental_age_note))
    who_to_call_section(content, cards.levels, now)
    law_section(content, cards.laws)


# The options row set out as ``st.columns([1, 2, 1])`` would be: a quarter, a half and a quarter of the width,
# less their share of two 1rem gaps; on a phone, where Streamlit stacks columns, each on a line of its own.
OPTIONS_CSS = """<style>
.st-key-lookup_options{gap:1rem}
.st-key-lookup_options > [data-testid='stElementContainer']{flex:0 0 calc(25% - 2rem / 3);min-width:0;width:auto}
.st-key-lookup_options > [data-testid='stElementContainer']:nth-child(2){flex-basis:calc(50% - 2rem / 3)}
.st-key-lookup_options > [width='fit-content'] > div{width:fit-content;max-width:100%}
@media (max-width: 640px) {.st-key-lookup_options > [data-testid='stElementContainer']:nth-child(n){flex-basis:100%}}
</style>"""

# The page's style, once, outside the fragment: the cards' rows and small lines (``card_style``), the ages
# and each band's two download buttons side by side on a phone, and the options row. A change of age reruns
# only the fragment, and the style drawn by the page's last full run stays, so it is not sent again with
# each answer.
st.html(
    CARD_CSS + side_by_side_css("lookup_ages", *(f"lookup_downloads_{band.id}" for band in content.bands)) + OPTIONS_CSS
)
# The title never changes with the answer, so a fragment's run does not draw it again.
page_intro("Look up a behaviour by age")
answer()
