"""Training: a rating quiz a whole room can share, scenarios, a facilitator view for a projector, and handouts."""

import streamlit as st

from behaviours import LEVELS, Level
from behaviours.answers.params import MAX_SEED
from behaviours.core.text import md, md_link
from behaviours.documents.handouts import routes_handout
from behaviours.training.plans import plan_training_link
from behaviours.training.quiz import (
    DEFAULT_QUIZ_SIZE,
    QUIZ_SIZES,
    FeedbackTone,
    draw_quiz,
    new_seed,
    quiz_feedback,
    score,
    share_link,
)
from behaviours.training.sessions import (
    TrainingMode,
    clamp_step,
    deciding_criteria,
    facilitator_steps,
    page_address,
    scenario_feedback,
    step_by,
    step_index,
    step_position,
)
from ui.inputs import band_handout_button, notice, page_intro
from ui.levels import level_card, level_title
from ui.moment import run_now
from ui.pack_loading import pack
from ui.room import base_address

content = pack()
now = run_now()
ALL = "all"
LINK_PARAMS = ("mode", "seed", "band", "n", "level")
PAGE_LEAD = "Practise rating behaviours and scenarios, or project one age band at a time for a group."

# A link such as /training?seed=42&band=9-13&n=10 sets the page up. Unlike other pages, the
# training page keeps its section, quiz and band in the address bar (see the end of this
# file): they are the values a trainer reads out to a room, never anything typed about a
# child, and keeping them there means a reload brings back the same quiz and band.
link = plan_training_link(
    content,
    {name: st.query_params[name] for name in LINK_PARAMS if name in st.query_params},
    written=st.session_state.get("training_address"),
)
if link.mode is not None:
    st.session_state["training_mode"] = link.mode.value
if link.seed is not None or link.new_seed:
    st.session_state["quiz_seed"] = link.seed if link.seed is not None else new_seed()
    st.session_state["quiz_attempt"] = 0
if link.band is not None:
    st.session_state["quiz_band"] = link.band
    st.session_state["scenario_band"] = link.band
if link.size is not None:
    st.session_state["quiz_size"] = link.size
steps = facilitator_steps(content)
if link.facilitator_step is not None:
    start = steps[clamp_step(content, link.facilitator_step)]
    st.session_state["facilitator_band"] = start.band.id
    st.session_state["facilitator_level"] = start.level.value
link_notices = link.notices

st.session_state.setdefault("training_mode", TrainingMode.QUIZ.value)
st.session_state.setdefault("quiz_seed", new_seed())
st.session_state.setdefault("quiz_band", ALL)
st.session_state.setdefault("quiz_size", DEFAULT_QUIZ_SIZE)
st.session_state.setdefault("quiz_attempt", 0)
st.session_state.setdefault("scenario_band", ALL)
st.session_state.setdefault("facilitator_band", steps[0].band.id)
st.session_state.setdefault("facilitator_level", steps[0].level.value)

band_options = [ALL, *(band.id for band in content.bands)]
band_names = {ALL: "All age bands", **{band.id: band.label for band in content.bands}}
level_options = [level.value for level in LEVELS]


def _level_word(value: str) -> str:
    return content.level_label(Level(value))


def _new_quiz() -> None:
    st.session_state["quiz_seed"] = new_seed()
    st.session_state["quiz_attempt"] = 0
    st.session_state["quiz_answers"] = {}
    st.session_state["quiz_revealed"] = {}


def _same_quiz_again() -> None:
    st.session_state["quiz_attempt"] = st.session_state.get("quiz_attempt", 0) + 1
    st.session_state["quiz_answers"] = {}
    st.session_state["quiz_revealed"] = {}


def _reveal_answer(quiz_key: str, behaviour_id: str) -> None:
    """Show a question's answer; the rating picked before it (if any) becomes final."""
    picked = st.session_state.get(f"{quiz_key}_{behaviour_id}")
    if picked is not None:
        st.session_state.setdefault("quiz_answers", {}).setdefault(quiz_key, {})[behaviour_id] = picked
    st.session_state.setdefault("quiz_revealed", {}).setdefault(quiz_key, set()).add(behaviour_id)


def _reveal_scenario(scenario_id: str) -> None:
    """Show a scenario's suggested answer, keeping the rating picked before it (None if none)."""
    st.session_state.setdefault("scenario_revealed", {})[scenario_id] = st.session_state.get(f"scenario_{scenario_id}")


def _hide_scenario_answers() -> None:
    """Hide every suggested answer again and clear the ratings, for the next group."""
    for scenario_id in st.session_state.get("scenario_revealed", {}):
        st.session_state[f"scenario_{scenario_id}"] = None
    st.session_state["scenario_revealed"] = {}


def _facilitator_level() -> Level:
    return Level(st.session_state.get("facilitator_level") or steps[0].level.value)


def _step_by(change: int) -> None:
    step = step_by(content, st.session_state.get("facilitator_band"), _facilitator_level(), change)
    st.session_state["facilitator_band"] = step.band.id
    st.session_state["facilitator_level"] = step.level.value


# For a projector: the sidebar is closed (below), the page's own furniture is made small, and
# the items take the width and the larger type. Sizes in rem, so the browser's zoom and font
# settings still apply; colours are left to the theme. The style is drawn only in this view.
FACILITATOR_STYLE = """
<style>
[data-testid="stMainBlockContainer"] { padding: 3.5rem 1.5rem 2rem; max-width: none; }
[data-testid="stMainBlockContainer"] h1 { font-size: 1.5rem; padding: 0; }
/* On the projector the line "Immediate danger: call 999 · Worried about a child? ..." stays, with the
   same numbers as links, set a little smaller; the sticky call bar above it, there for phones (tap
   targets kept in reach while scrolling), gives way so the items being taught fill the screen. */
[data-testid="stLayoutWrapper"]:has(> .st-key-call_bar) { display: none; }
.st-key-danger_line [data-testid="stMarkdownContainer"] p { font-size: 0.85rem; line-height: 1.4; }
/* Streamlit fades the key hint on Previous and Next to 0.6 opacity, under 4.5:1; keep the text's own colour. */
.st-key-facilitator_controls kbd { opacity: 1; }
.st-key-facilitator [data-testid="stMarkdownContainer"] p,
.st-key-facilitator [data-testid="stMarkdownContainer"] li { font-size: 1.45rem; line-height: 1.5; }
.st-key-facilitator [data-testid="stMarkdownContainer"] h2 { font-size: 2.4rem; padding: 0.25rem 0; }
.st-key-facilitator [data-testid="stMarkdownContainer"] h3 { font-size: 2.1rem; }
</style>
"""


chosen_mode = TrainingMode(st.session_state.get("training_mode") or TrainingMode.QUIZ.value)
projecting = chosen_mode == TrainingMode.FACILITATOR
if projecting:
    # The projector needs every pixel for the items: the sidebar starts closed (its control
    # stays, and the 999 line stays at the top of the page), the set-up text is left out, and
    # the title, the sections and the pickers share two short rows.
    st.set_page_config(initial_sidebar_state="collapsed")
    st.html(FACILITATOR_STYLE)

with st.container(horizontal=projecting, vertical_alignment="center", gap="large"):
    page_intro("Training", None if projecting else PAGE_LEAD)
    if not projecting:
        st.page_link(
            "pages/room.py",
            label="Start a live room: the group rates items on their phones",
            icon=":material/co_present:",
        )
    st.segmented_control(
        "Section",
        options=[mode.value for mode in TrainingMode],
        format_func=lambda value: TrainingMode(value).words,
        required=True,
        key="training_mode",
        persist_state="session",
        label_visibility="collapsed" if projecting else "visible",
    )
for text in link_notices:
    notice(text)


# ------------------------------------------------------------------ quiz


def show_quiz() -> None:
    """The rating quiz: the same seed, band and length give everyone the same questions.

    Each answer stays hidden until its Reveal button, so a room can rate and discuss first.
    """
    controls = st.columns([2, 1, 1])
    with controls[0]:
        st.selectbox(
            "Age band", options=band_options, format_func=band_names.get, key="quiz_band", persist_state="session"
        )
    with controls[1]:
        st.segmented_control(
            "Questions", options=list(QUIZ_SIZES), required=True, key="quiz_size", persist_state="session"
        )
    with controls[2]:
        st.number_input(
            "Quiz number",
            min_value=0,
            max_value=MAX_SEED,
            step=1,
            key="quiz_seed",
            persist_state="session",
            help="Everyone who uses the same quiz number, band and length gets the same questions.",
        )

    seed = int(st.session_state.get("quiz_seed") or 0)
    band_id = st.session_state.get("quiz_band") or ALL
    size = int(st.session_state.get("quiz_size") or DEFAULT_QUIZ_SIZE)
    chosen_band = None if band_id == ALL else band_id
    link = share_link(seed, chosen_band, size, base_address())
    st.markdown(
        f"**Share this quiz:** quiz number {seed}. Everyone who opens {md_link(link, link)} "
        "gets the same questions in the same order."
    )

    questions = draw_quiz(content, seed, chosen_band, size)
    if not questions:
        notice("There are no behaviours to ask about in this band.")
        return
    quiz_key = f"quiz_{seed}_{band_id}_{size}_{st.session_state.get('quiz_attempt', 0)}"
    recorded = st.session_state.setdefault("quiz_answers", {}).get(quiz_key, {})
    revealed = st.session_state.setdefault("quiz_revealed", {}).get(quiz_key, set())
    for number, behaviour in enumerate(questions, start=1):
        band = content.band_of(behaviour)
        with st.container(border=True):
            st.markdown(f"**Question {number} of {len(questions)}** · {md(band.label)}")
            st.markdown(md(behaviour.text))
            if behaviour.id not in revealed:
                # The rating can change until Reveal; then it is final, so that the score means something.
                st.radio(
                    "How would you rate this behaviour?",
                    options=level_options,
                    format_func=_level_word,
                    index=None,
                    horizontal=True,
                    key=f"{quiz_key}_{behaviour.id}",
                )
                st.button(
                    "Reveal the answer",
                    key=f"reveal_{quiz_key}_{behaviour.id}",
                    on_click=_reveal_answer,
                    args=(quiz_key, behaviour.id),
                    icon=":material/visibility:",
                )
                continue
            right = behaviour.level
            given = recorded.get(behaviour.id)
            feedback = quiz_feedback(content, right, Level(given) if given is not None else None)
            if feedback.tone is FeedbackTone.CORRECT:
                st.success(feedback.text, icon=":material/check:")
            elif feedback.tone is FeedbackTone.NOT_QUITE:
                st.warning(feedback.text, icon=":material/info:")
            else:
                st.info(feedback.text, icon=":material/info:")
            st.markdown(level_title(content, right))
            st.markdown(md(content.level_guide(right).meaning))
            if behaviour.consider:
                st.markdown("**Consider**\n\n" + "\n".join(f"- {md(note)}" for note in behaviour.consider))

    answers = {behaviour_id: Level(value) for behaviour_id, value in recorded.items()}
    result = score(questions, answers, revealed)
    st.header("Your score", anchor=False)
    if result.finished:
        st.markdown(f"**You scored {result.sentence}.**")
        if result.unrated:
            st.markdown(f"{result.unrated} of them were revealed without a rating, so they count as not right.")
        st.markdown(
            "\n".join(
                f"- {md(content.level_label(part.level))}: {part.correct} out of {part.total}"
                for part in result.by_level
                if part.total
            )
        )
    else:
        st.markdown(
            f"{result.revealed} of {result.total} answers revealed. Your score shows when every answer is revealed."
        )
    # A row that sizes each button to its label: fixed columns cut "Try this quiz again" short at 1280 px.
    with st.container(horizontal=True):
        st.button("New quiz", key="quiz_new", on_click=_new_quiz, icon=":material/refresh:")
        st.button("Try this quiz again", key="quiz_again", on_click=_same_quiz_again, icon=":material/replay:")


# ------------------------------------------------------------------ scenarios


def show_scenarios() -> None:
    """Vignettes in which context decides the level: rate, then Reveal the suggested answer."""
    st.selectbox(
        "Age band", options=band_options, format_func=band_names.get, key="scenario_band", persist_state="session"
    )
    band_id = st.session_state.get("scenario_band") or ALL
    scenarios = content.scenarios_for(None if band_id == ALL else band_id)
    if not scenarios:
        notice("There are no scenarios for this band yet.")
        return
    st.header(md(f"Scenarios for {band_names.get(band_id, band_names[ALL]).lower()}"), anchor=False)
    revealed: dict[str, str | None] = st.session_state.setdefault("scenario_revealed", {})
    for scenario in scenarios:
        band = content.band(scenario.band)
        with st.container(border=True):
            st.markdown(f"### {md(scenario.title)}")
            if band is not None:
                st.markdown(f"*{md(band.label)}*")
            st.markdown(md(scenario.text))
            if scenario.id not in revealed:
                st.radio(
                    "Your rating",
                    options=level_options,
                    format_func=_level_word,
                    index=None,
                    horizontal=True,
                    key=f"scenario_{scenario.id}",
                    persist_state="session",
                )
                st.button(
                    "Reveal the answer",
                    key=f"reveal_scenario_{scenario.id}",
                    on_click=_reveal_scenario,
                    args=(scenario.id,),
                    icon=":material/visibility:",
                )
                continue
            picked = revealed[scenario.id]
            if picked is not None:
                st.markdown(md(scenario_feedback(content, scenario, Level(picked))))
            st.markdown(f"**Suggested answer:** {level_title(content, scenario.answer)}")
            st.markdown(md(scenario.explanation))
            criteria = deciding_criteria(content, scenario)
            if criteria:
                st.markdown(
                    "**What decides it**\n\n"
                    + "\n".join(f"- **{md(criterion.name)}**: {md(criterion.question)}" for criterion in criteria)
                )
    if revealed:
        st.button(
            "Hide the answers again", key="scenario_hide", on_click=_hide_scenario_answers, icon=":material/replay:"
        )


# ------------------------------------------------------------------ facilitator view


def show_facilitator() -> None:
    """One band at one level, in large type: jump to any band and level, or step with Previous and Next
    (also Page Up and Page Down, the keys a presenter's clicker sends)."""
    level = _facilitator_level()
    index = step_index(content, st.session_state.get("facilitator_band"), level)
    step = steps[index]
    with st.container(horizontal=True, vertical_alignment="bottom", key="facilitator_controls"):
        st.segmented_control(
            "Age band",
            options=[band.id for band in content.bands],
            format_func=lambda band_id: band_names[band_id],
            required=True,
            key="facilitator_band",
            persist_state="session",
            label_visibility="collapsed",  # the options say it: "Ages 9 to 13"
        )
        st.segmented_control(
            "Level",
            options=level_options,
            format_func=_level_word,
            required=True,
            key="facilitator_level",
            persist_state="session",
            label_visibility="collapsed",  # the options say it: "Green", "Amber", "Red"
        )
        st.button(
            "Previous",
            key="facilitator_previous",
            on_click=_step_by,
            args=(-1,),
            disabled=index == 0,
            icon=":material/arrow_back:",
            shortcut="PageUp",
        )
        st.button(
            "Next",
            key="facilitator_next",
            on_click=_step_by,
            args=(1,),
            disabled=index == len(steps) - 1,
            icon=":material/arrow_forward:",
            shortcut="PageDown",
        )
        st.markdown(f"**{md(step_position(content, index))}**")
    with st.container(key="facilitator"):
        st.markdown(f"## {md(step.band.label)}")
        level_card(content, step.level, content.behaviours(step.band, step.level), now=now, heading="###")


if chosen_mode == TrainingMode.SCENARIOS:
    show_scenarios()
elif chosen_mode == TrainingMode.FACILITATOR:
    show_facilitator()
else:
    show_quiz()


# ------------------------------------------------------------------ the address bar

# Written after the widgets, so it holds what the page shows now (see the note at the top).
_band_in_address = {
    TrainingMode.QUIZ: st.session_state.get("quiz_band"),
    TrainingMode.SCENARIOS: st.session_state.get("scenario_band"),
    TrainingMode.FACILITATOR: st.session_state.get("facilitator_band"),
}[chosen_mode]
address = page_address(
    chosen_mode,
    seed=int(st.session_state.get("quiz_seed") or 0),
    size=int(st.session_state.get("quiz_size") or DEFAULT_QUIZ_SIZE),
    band_id=None if _band_in_address in (None, ALL) else _band_in_address,
    level=_facilitator_level(),
)
# One write, and only when something changed: each change of the address is one entry in the
# browser's history. A link's unreadable values are replaced by what the page shows instead.
in_address = {name: st.query_params[name] for name in LINK_PARAMS if name in st.query_params}
if in_address != address:
    others = {name: st.query_params.get_all(name) for name in st.query_params if name not in LINK_PARAMS}
    st.query_params.from_dict({**others, **address})
st.session_state["training_address"] = address


# ------------------------------------------------------------------ handouts

st.divider()
st.header("Printable handouts", anchor=False)
st.markdown("A4 sheets made from the current content, ready to print for a session.")
# One row that wraps: each button as wide as its words, so none is cut to "Ages 13 to..." (issue 24.6).
with st.container(horizontal=True, gap="small", key="training_handouts"):
    for band in content.bands:
        band_handout_button(
            content, band, label=f"{band.label} (PDF)", key=f"training_pdf_{band.id}", printed=now.date()
        )
    st.download_button(
        "Routes and helplines (PDF)",
        data=lambda: routes_handout(content, generated=now.date()),
        file_name="traffic-light-routes-and-helplines.pdf",
        mime="application/pdf",
        key="training_pdf_routes",
        icon=":material/picture_as_pdf:",
        on_click="ignore",
    )
