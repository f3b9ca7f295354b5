"""Training: a rating quiz a whole room can share, scenarios, a facilitator view for a projector, and handouts."""

import streamlit as st

from behaviours import LEVELS, Level
from behaviours.handouts import routes_handout
from behaviours.params import MAX_SEED
from behaviours.plans import plan_training_link
from behaviours.quiz import DEFAULT_QUIZ_SIZE, QUIZ_SIZES, draw_quiz, new_seed, score, share_link
from behaviours.text import md, md_link
from behaviours.training import (
    TrainingMode,
    clamp_step,
    deciding_criteria,
    facilitator_steps,
    scenario_feedback,
    step_position,
)
from ui.inputs import band_handout_button, notice, page_intro, take_link_params
from ui.levels import level_card, level_title
from ui.moment import run_now
from ui.pack_loading import pack

content = pack()
now = run_now()
ALL = "all"
LINK_PARAMS = ("mode", "seed", "band", "n", "level")

# A link such as /training?seed=42&band=9-13&n=10 sets the page up once, then leaves the
# address bar; the "share this quiz" line shows the link that gives the same quiz again.
link = plan_training_link(content, take_link_params(*LINK_PARAMS))
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
if link.facilitator_step is not None:
    st.session_state["facilitator_step"] = link.facilitator_step
link_notices = link.notices

st.session_state.setdefault("training_mode", TrainingMode.QUIZ.value)
st.session_state.setdefault("quiz_seed", new_seed())
st.session_state.setdefault("quiz_band", ALL)
st.session_state.setdefault("quiz_size", DEFAULT_QUIZ_SIZE)
st.session_state.setdefault("quiz_attempt", 0)
st.session_state.setdefault("scenario_band", ALL)
st.session_state.setdefault("facilitator_step", 0)

band_options = [ALL, *(band.id for band in content.bands)]
band_names = {ALL: "All age bands", **{band.id: band.label for band in content.bands}}
level_options = [level.value for level in LEVELS]


def _level_word(value: str) -> str:
    return content.level_label(Level(value))


def _new_quiz() -> None:
    st.session_state["quiz_seed"] = new_seed()
    st.session_state["quiz_attempt"] = 0
    st.session_state["quiz_answers"] = {}


def _same_quiz_again() -> None:
    st.session_state["quiz_attempt"] = st.session_state.get("quiz_attempt", 0) + 1
    st.session_state["quiz_answers"] = {}


def _record_answer(quiz_key: str, behaviour_id: str) -> None:
    picked = st.session_state.get(f"{quiz_key}_{behaviour_id}")
    if picked is not None:
        st.session_state.setdefault("quiz_answers", {}).setdefault(quiz_key, {})[behaviour_id] = picked


def _step_by(change: int) -> None:
    st.session_state["facilitator_step"] = clamp_step(content, st.session_state.get("facilitator_step", 0) + change)


page_intro(
    "Training",
    "Practise rating behaviours and scenarios, or project one age band at a time for a group.",
)
st.page_link(
    "pages/room.py", label="Start a live room: the group rates items on their phones", icon=":material/co_present:"
)
st.segmented_control(
    "Section",
    options=[mode.value for mode in TrainingMode],
    format_func=lambda value: TrainingMode(value).words,
    required=True,
    key="training_mode",
    persist_state="session",
)
for text in link_notices:
    notice(text)

chosen_mode = TrainingMode(st.session_state.get("training_mode") or TrainingMode.QUIZ.value)


# ------------------------------------------------------------------ quiz


def show_quiz() -> None:
    """The rating quiz: the same seed, band and length give everyone the same questions."""
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
    link = share_link(seed, chosen_band, size)
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
    answers: dict[str, Level] = {}
    for number, behaviour in enumerate(questions, start=1):
        band = content.band_of(behaviour)
        with st.container(border=True):
            st.markdown(f"**Question {number} of {len(questions)}** · {md(band.label)}")
            st.markdown(md(behaviour.text))
            given = recorded.get(behaviour.id)
            if given is None:
                # An answer is final once given, so that the score means something; "Try this quiz again" clears them.
                st.radio(
                    "How would you rate this behaviour?",
                    options=level_options,
                    format_func=_level_word,
                    index=None,
                    horizontal=True,
                    key=f"{quiz_key}_{behaviour.id}",
                    on_change=_record_answer,
                    args=(quiz_key, behaviour.id),
                )
                continue
            chosen = Level(given)
            answers[behaviour.id] = chosen
            right = behaviour.level
            if chosen == right:
                st.success(f"**Correct.** This is rated {md(content.level_label(right))}.", icon=":material/check:")
            else:
                st.warning(
                    f"**Not quite.** You chose {md(content.level_label(chosen))}; "
                    f"this is rated {md(content.level_label(right))}.",
                    icon=":material/info:",
                )
            st.markdown(level_title(content, right))
            st.markdown(md(content.level_guide(right).meaning))
            if behaviour.consider:
                st.markdown("**Consider**\n\n" + "\n".join(f"- {md(note)}" for note in behaviour.consider))

    result = score(questions, answers)
    st.header("Your score", anchor=False)
    if result.finished:
        st.markdown(f"**You scored {result.sentence}.**")
        st.markdown(
            "\n".join(
                f"- {md(content.level_label(part.level))}: {part.correct} out of {part.total}"
                for part in result.by_level
                if part.total
            )
        )
    else:
        st.markdown(
            f"You have answered {result.answered} of {result.total}. Your score shows when every question is answered."
        )
    # A row that sizes each button to its label: fixed columns cut "Try this quiz again" short at 1280 px.
    with st.container(horizontal=True):
        st.button("New quiz", key="quiz_new", on_click=_new_quiz, icon=":material/refresh:")
        st.button("Try this quiz again", key="quiz_again", on_click=_same_quiz_again, icon=":material/replay:")


# ------------------------------------------------------------------ scenarios


def show_scenarios() -> None:
    """Vignettes in which context decides the level: rate, then compare with the suggested answer."""
    st.selectbox(
        "Age band", options=band_options, format_func=band_names.get, key="scenario_band", persist_state="session"
    )
    band_id = st.session_state.get("scenario_band") or ALL
    scenarios = content.scenarios_for(None if band_id == ALL else band_id)
    if not scenarios:
        notice("There are no scenarios for this band yet.")
        return
    st.header(md(f"Scenarios for {band_names.get(band_id, band_names[ALL]).lower()}"), anchor=False)
    for scenario in scenarios:
        band = content.band(scenario.band)
        with st.container(border=True):
            st.markdown(f"### {md(scenario.title)}")
            if band is not None:
                st.markdown(f"*{md(band.label)}*")
            st.markdown(md(scenario.text))
            picked = st.radio(
                "Your rating",
                options=level_options,
                format_func=_level_word,
                index=None,
                horizontal=True,
                key=f"scenario_{scenario.id}",
                persist_state="session",
            )
            if picked is None:
                st.markdown("*Choose a level to see the suggested answer.*")
                continue
            st.markdown(md(scenario_feedback(content, scenario, Level(picked))))
            st.markdown(f"**Suggested answer:** {level_title(content, scenario.answer)}")
            st.markdown(md(scenario.explanation))
            criteria = deciding_criteria(content, scenario)
            if criteria:
                st.markdown(
                    "**What decides it**\n\n"
                    + "\n".join(f"- **{md(criterion.name)}**: {md(criterion.question)}" for criterion in criteria)
                )


# ------------------------------------------------------------------ facilitator view

# Larger type for a projector, scoped to the facilitator container only; sizes in rem so
# the browser's own zoom and font settings still apply. Colours are left to the theme.
FACILITATOR_STYLE = """
<style>
.st-key-facilitator [data-testid="stMarkdownContainer"] p,
.st-key-facilitator [data-testid="stMarkdownContainer"] li { font-size: 1.45rem; line-height: 1.5; }
.st-key-facilitator [data-testid="stMarkdownContainer"] h2 { font-size: 2.4rem; }
.st-key-facilitator [data-testid="stMarkdownContainer"] h3 { font-size: 2.1rem; }
</style>
"""


def show_facilitator() -> None:
    """One band at one level, in large type, with Previous and Next."""
    steps = facilitator_steps(content)
    index = clamp_step(content, int(st.session_state.get("facilitator_step", 0)))
    step = steps[index]
    with st.container(horizontal=True, vertical_alignment="center"):
        st.button(
            "Previous",
            key="facilitator_previous",
            on_click=_step_by,
            args=(-1,),
            disabled=index == 0,
            icon=":material/arrow_back:",
        )
        st.button(
            "Next",
            key="facilitator_next",
            on_click=_step_by,
            args=(1,),
            disabled=index == len(steps) - 1,
            icon=":material/arrow_forward:",
        )
        st.markdown(f"**{md(step_position(content, index))}**")
    st.html(FACILITATOR_STYLE)
    with st.container(key="facilitator"):
        st.markdown(f"## {md(step.band.label)}")
        level_card(content, step.level, content.behaviours(step.band, step.level), now=now, heading="###")


if chosen_mode == TrainingMode.SCENARIOS:
    show_scenarios()
elif chosen_mode == TrainingMode.FACILITATOR:
    show_facilitator()
else:
    show_quiz()


# ------------------------------------------------------------------ handouts

st.divider()
st.header("Printable handouts", anchor=False)
st.markdown("A4 sheets made from the current content, ready to print for a session.")
handout_columns = st.columns(len(content.bands) + 1)
for column, band in zip(handout_columns, content.bands, strict=False):
    band_handout_button(
        content, band, label=f"{band.label} (PDF)", key=f"training_pdf_{band.id}", where=column, printed=now.date()
    )
handout_columns[-1].download_button(
    "Routes and helplines (PDF)",
    data=lambda: routes_handout(content, generated=now.date()),
    file_name="traffic-light-routes-and-helplines.pdf",
    mime="application/pdf",
    key="training_pdf_routes",
    icon=":material/picture_as_pdf:",
    on_click="ignore",
    width="stretch",
)
