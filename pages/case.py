"""Case discussion: from the behaviours seen to a suggested level, the route, and a note for the record.

Nothing typed here leaves the browser session: no disk, no logs, no shared cache, no URL.
Every key this page keeps starts with "case_", so "Clear everything" can remove them all at once.
"""

import datetime as dt

import streamlit as st

from behaviours import Level
from behaviours.answers.case import (
    NOT_LISTED_MAX,
    Answer,
    answer_words,
    option_label,
)
from behaviours.answers.plans import CasePlan, case_find_cards, plan_case
from behaviours.answers.search_results import find_for_case
from behaviours.core.text import clean_input, md
from behaviours.documents.case_note import ACCOUNT_MAX, note_pdf, plan_case_note
from ui.behaviour_card import card_style, item_card_with_action
from ui.contacts import calls_md, lead_md, route_panel
from ui.inputs import age_and_band_inputs, notice, page_intro, secondary_text
from ui.levels import level_title
from ui.moment import fragment_now, run_now
from ui.note_actions import note_actions
from ui.pack_loading import pack

content = pack()
now = run_now()
PREFIX = "case_"
NO_NAMES = "Do not type names or identifying details."
FIND_MAX = 100


def _clear_everything() -> None:
    for key in list(st.session_state.keys()):
        if str(key).startswith(PREFIX):
            del st.session_state[key]


def _clear_button(key: str) -> None:
    st.button("Clear everything", key=key, on_click=_clear_everything, icon=":material/delete:")


page_intro(
    "Case discussion",
    "Choose what was seen or heard and answer the questions about it, to get a suggested level, "
    "what to do now and whom to call, and a note for your records.",
)
# Wide enough for "Clear everything" in full at 1280 px (a 4:1 split cut it to "Clear everyth…").
top = st.columns([3, 1], vertical_alignment="center")
with top[0]:
    st.warning(
        f"**{NO_NAMES}** Nothing on this page is saved. It goes when you close the tab or press Clear everything.",
        icon=":material/privacy_tip:",
    )
with top[1]:
    _clear_button("clear_case_top")

# One plan for the run, from the choices this session holds (each widget below keeps its value
# under its key); the widgets are then drawn from it.


def _plan(moment: dt.datetime) -> CasePlan:
    """One plan from the choices this session holds (each widget keeps its value under its key)."""
    return plan_case(
        content,
        age=st.session_state.get("case_age"),
        band_id=st.session_state.get("case_band"),
        developmental_band=st.session_state.get("case_dev_band") if st.session_state.get("case_dev") else None,
        chosen_ids=list(st.session_state.get("case_behaviours") or []),
        answers={c.id: st.session_state.get(f"case_crit_{c.id}") for c in content.criteria},
        not_listed=bool(st.session_state.get("case_not_listed")),
        now=moment,
        immediate_danger=bool(st.session_state.get("case_danger")),
    )


plan = _plan(now)
if plan.dropped_notice:
    # Behaviours from a band no longer shown cannot stay chosen; say so rather than drop them silently.
    st.session_state["case_behaviours"] = plan.kept_ids

# ------------------------------------------------------------------ 1. the child

st.header("1. The child", anchor=False)
controls = st.columns(2)
age_and_band_inputs(content, "case", controls[0], controls[1])
band_labels = {band.id: band.label for band in content.bands}
developmental_band = None
if st.toggle("The child's developmental age differs from their age in years", key="case_dev"):
    st.info(md(content.info.developmental_age_note), icon=":material/psychology:")
    developmental_band = st.selectbox(
        "The band that fits the child's development",
        options=list(band_labels),
        index=None,
        format_func=band_labels.get,
        placeholder="Choose any band",
        key="case_dev_band",
    )

age = st.session_state.get("case_age")
case_bands = plan.bands
for text in case_bands.notices:
    notice(text)
if case_bands.adult:
    st.warning(md(content.info.adult_note), icon=":material/person:")

# ------------------------------------------------------------------ 2. what was seen

st.header("2. What was seen or heard", anchor=False)
options = plan.options
by_id = {b.id: b for b in options}
several_bands = len(case_bands.bands) > 1
if plan.dropped_notice:
    notice(plan.dropped_notice)
if case_bands.bands:
    secondary_text(md(" ".join(case_bands.reasons)))
else:
    secondary_text("Enter the child's age or choose a band to see the behaviours to choose from.")
chosen_ids: list[str] = []


def _add_behaviour(behaviour_id: str) -> None:
    chosen = list(st.session_state.get("case_behaviours") or [])
    if behaviour_id not in chosen:
        st.session_state["case_behaviours"] = [*chosen, behaviour_id]


if options:
    # The same search engine and ranking as the Search page, kept to the bands shown here.
    find_text = st.text_input(
        "Find a behaviour (a word or two; no names)",
        max_chars=FIND_MAX,
        key="case_find",
        autocomplete="off",
        placeholder="For example: sextortion",
    )
    matches = find_for_case(
        content, clean_input(find_text or "", FIND_MAX), case_bands.bands, developmental=case_bands.developmental
    )
    if matches.correction:
        notice(matches.correction)
    if find_text and not matches.behaviours:
        secondary_text(
            "Nothing in the band(s) shown matches those words. Try other words, or tick "
            "“The behaviour I have in mind is not listed” below."
        )
    already = set(st.session_state.get("case_behaviours") or [])
    if matches.behaviours:
        card_style()
    for card in case_find_cards(content, matches, age):
        # The same card as the look-up's and search's, its behaviour a button named by the behaviour
        # itself (the level at the age, then its words), so each says what it adds.
        added = card.behaviour.id in already
        label = md(f"{'Added' if added else 'Add'}: {content.level_label(card.level)}: {card.behaviour.text}")
        item_card_with_action(
            content,
            card,
            lambda card=card, label=label, added=added: st.button(
                label,
                key=f"case_add_{card.behaviour.id}",
                on_click=_add_behaviour,
                args=(card.behaviour.id,),
                disabled=added,
                icon=":material/check:" if added else ":material/add:",
            ),
            show_band=several_bands,
        )
    if matches.total > len(matches.behaviours):
        secondary_text(
            f"The best {len(matches.behaviours)} of {matches.total} matches are shown; add a word to narrow them."
        )
    # Shown only once there is something to choose: a switched-off list's pale label is hard to read.
    chosen_ids = st.multiselect(
        "Behaviours observed (type to search)",
        options=list(by_id),
        format_func=lambda i: option_label(content, by_id[i], with_band=several_bands),
        placeholder="Type a word, e.g. images",
        key="case_behaviours",
    )
behaviours = [by_id[i] for i in chosen_ids if i in by_id]

not_listed = st.checkbox("The behaviour I have in mind is not listed", key="case_not_listed")
not_listed_text = ""
if not_listed:
    secondary_text(md(content.not_listed))
    st.warning(f"**{NO_NAMES}**", icon=":material/privacy_tip:")
    raw = st.text_input(
        "Describe the type of behaviour in a few words (no names)",
        max_chars=NOT_LISTED_MAX,
        key="case_not_listed_text",
        autocomplete="off",
        placeholder="For example: drawings with sexual content",
    )
    not_listed_text = clean_input(raw or "", NOT_LISTED_MAX)


@st.fragment
def _criteria_and_result() -> None:
    """Sections 3 to 6: the questions, the suggested level, the note and the route.

    A fragment, so that answering a question redraws only these sections, not the frame,
    the sidebar and sections 1 and 2. The plan is made again here from this session's
    choices, because on a fragment's own rerun nothing above it runs. The note is inside
    too: it must always say what the answers above it say.
    """
    now = fragment_now()
    plan = _plan(now)
    age = st.session_state.get("case_age")
    not_listed = bool(st.session_state.get("case_not_listed"))
    not_listed_text = (
        clean_input(st.session_state.get("case_not_listed_text") or "", NOT_LISTED_MAX) if not_listed else ""
    )

    # ------------------------------------------------------------------ 3. the criteria

    st.header("3. The questions that change the level", anchor=False)
    secondary_text(
        "A yes raises the level to at least the one shown. Don't know, or no answer yet, goes on the list to find out."
    )
    # Said, not assumed: red alone does not mean someone is in danger now, so the 999 route is added only on this.
    st.checkbox("Someone is in immediate danger now: add the 999 route", key="case_danger")
    answers: dict[str, Answer | None] = {}
    for criterion in content.criteria:
        chosen = st.radio(
            # Plain words: Streamlit also uses the label as the radio group's aria-label, where ** would be read out.
            f"{md(criterion.name)} (a yes makes it at least {md(content.level_label(criterion.raises_to))}): "
            f"{md(criterion.question)}",
            options=list(Answer),
            index=None,
            format_func=answer_words,
            horizontal=True,
            help=md(criterion.why),
            key=f"case_crit_{criterion.id}",
        )
        answers[criterion.id] = chosen

    # ------------------------------------------------------------------ 4. the suggestion

    suggestion = plan.suggestion
    st.header("4. Suggested level", anchor=False)
    with st.container(border=True):
        if suggestion.level is not None:
            st.markdown(f"### {level_title(content, suggestion.level)}")
        else:
            st.markdown("### No level yet")
        if suggestion.reasons:
            st.markdown("\n".join(f"- {md(reason)}" for reason in suggestion.reasons))
        st.info(md(suggestion.caveat), icon=":material/gavel:")
        if suggestion.to_find_out:
            st.markdown("**Information to gather**\n\n" + "\n".join(f"- {md(item)}" for item in suggestion.to_find_out))

    # ------------------------------------------------------------------ 5. the note

    note = plan_case_note(
        content,
        plan,
        age=age,
        answers=answers,
        not_listed=not_listed,
        not_listed_text=not_listed_text,
        # Typed: held in this session's widget state only, and sent only into this tab's note below.
        account=st.session_state.get("case_account") or "",
        immediate_danger=bool(st.session_state.get("case_danger")),
        full_route=bool(st.session_state.get("case_full_route")),
        now=now,
    )
    if note is not None:
        st.header("5. The note for the record", anchor=False)
        secondary_text(
            "Below is the note exactly as it will be copied or saved. It is sent only to this tab and the file is "
            "made by your browser: it never has a web address, and this tool keeps no copy."
        )
        st.text_area(
            "Your factual account (optional): what you saw or heard, and the child's own words. No names.",
            max_chars=ACCOUNT_MAX,
            key="case_account",
            placeholder="For example: what was said, by whom, when and where, in their words",
            height=100,
        )
        st.checkbox("Add the whole route to the note", key="case_full_route")
        actions = st.container()
        # A PDF takes a moment to make, so it is made only when asked for, for the run that follows alone.
        # (A callback, not the button's value: a value of True would be lost if the run were restarted.)
        pdf_asked = bool(st.session_state.pop("case_note_pdf_asked", False))
        st.button(
            "Make the PDF",
            key="case_note_make_pdf",
            icon=":material/picture_as_pdf:",
            on_click=st.session_state.__setitem__,
            args=("case_note_pdf_asked", True),
        )
        if pdf_asked:
            secondary_text("The PDF is ready: press Save as PDF above. After any change, make it again.")
        with actions:
            note_actions(note.text, note.stem, note_pdf(content, note.record) if pdf_asked else None)

    # ------------------------------------------------------------------ 6. the route

    routes = plan.routes
    if routes:
        st.header("6. What to do and whom to call", anchor=False)
        if plan.calls is not None:
            lead = lead_md(plan.calls)
            if lead:
                st.markdown(f"**Who to call now.** {lead}")
        if suggestion.level is not None:
            guide = content.level_guide(suggestion.level)
            st.markdown(
                f"**What to do now ({md(guide.label)})**\n\n" + "\n".join(f"- {md(step)}" for step in guide.what_to_do)
            )
        for route in routes:
            with st.container(border=True):
                route_panel(content, route, now=now, show_calls=False, show_lead=False)
        if plan.calls is not None and plan.calls.calls:
            # Every service the routes name, once each, in the order to call them now.
            st.markdown("**Whom to call, in this order**\n\n" + calls_md(plan.calls))
        if suggestion.level == Level.RED and not st.session_state.get("case_danger"):
            secondary_text("If anyone is in immediate danger, call 999 first; everything else can follow.")


_criteria_and_result()

st.divider()
_clear_button("clear_case_bottom")
