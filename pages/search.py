"""Search: find a behaviour by a word or two, ranked by how well it matches, with its level in words."""

import streamlit as st

from behaviours.answers.cards import WHO_TO_CALL_ANCHOR, laws_on_page
from behaviours.answers.cards import item_card as item_card_plan
from behaviours.answers.params import parse_age, parse_query
from behaviours.answers.plans import plan_search
from behaviours.answers.search_results import results_table, search_examples
from behaviours.answers.urgency import answer_levels
from behaviours.core.text import md, md_typed
from ui.behaviour_card import anchor_html, card_style, item_card, law_section
from ui.call_bar import report_answer
from ui.contacts import route_panel
from ui.inputs import notice, page_intro, secondary_text, take_link_params
from ui.levels import level_title
from ui.moment import run_now
from ui.pack_loading import pack

content = pack()
now = run_now()

# A link such as /search?q=sexting&age=14 fills the page once, then leaves the address bar:
# the page never writes what a user types into the URL.
link_notices: list[str] = []
link = take_link_params("q", "age")
if "q" in link:
    from_link = parse_query(link["q"])
    st.session_state["search_q"] = from_link.value or ""
    if from_link.notice:
        link_notices.append(from_link.notice)
if "age" in link:
    age_from_link = parse_age(link["age"])
    st.session_state["search_age"] = age_from_link.value
    if age_from_link.notice:
        link_notices.append(age_from_link.notice)


def _fill(words: str) -> None:
    st.session_state["search_q"] = words


def _clear_age() -> None:
    st.session_state["search_age"] = None


examples = search_examples(content)


def _example_buttons(prefix: str) -> None:
    if not examples:
        return
    columns = st.columns(len(examples))
    for number, (column, words) in enumerate(zip(columns, examples, strict=True)):
        column.button(words, key=f"{prefix}_{number}", on_click=_fill, args=(words,), width="stretch")


page_intro(
    "Search for a behaviour",
    "Type a word or two about the behaviour. The best matches come first, each with its age band and level; "
    "give the child's age to see only the bands for that age, with the level and the law at that age.",
)

inputs = st.columns([3, 1])
inputs[0].text_input(
    "Search words",
    key="search_q",
    max_chars=200,
    placeholder="For example: " + ", ".join(examples) if examples else "Type a word or two",
    help="Words can be in any order. Nothing you type is stored or put in the web address.",
)
# No minimum or maximum, as on the look-up: the plan says what an out-of-range age means (one age rule).
inputs[1].number_input(
    "Child's age (optional)",
    step=1,
    value=None,
    placeholder="Any age",
    key="search_age",
)
for text in link_notices:
    notice(text)

plan = plan_search(
    content,
    parse_query(st.session_state.get("search_q") or "").value,
    st.session_state.get("search_age"),
)
# The call bar rings now only for an amber or red answer (issue 24.5): the leading result; no words yet is neutral.
report_answer(answer_levels([result.level for result in plan.results], []))
query = plan.query
for text in plan.age_notices:
    notice(text)

if not query:
    st.markdown(
        "Search with everyday words, such as the ones below. Words the pack lists as meaning the same "
        "thing are found too, and small spelling mistakes are forgiven."
    )
    _example_buttons("example")
    st.page_link("pages/lookup.py", label="Or browse a whole age band in Look up", icon=":material/list:")
    st.stop()

if plan.correction:
    notice(plan.correction)

if not plan.results:
    # md() folds spaces at the ends, so the space before "at age" is written outside it.
    searched_age = st.session_state.get("search_age")
    at_age = " " + md(f"at age {searched_age}") if plan.elsewhere else ""
    st.header(f"Nothing matched “{md_typed(query)}”{at_age}", anchor=False)
    if plan.elsewhere:
        st.markdown(
            f"{plan.elsewhere} behaviour{' matches' if plan.elsewhere == 1 else 's match'} these words at other ages."
        )
        st.button("Search every age", key="search_every_age", on_click=_clear_age, icon=":material/search:")
    st.markdown(
        "**Things to try**\n\n"
        "- Other words, or fewer of them: for example a single word such as one below.\n"
        "- Browse the whole age band in Look up: a behaviour may be listed in words you did not think of.\n"
        "- If the behaviour is not listed, rate it with the criteria below, or talk it through in the "
        "case discussion."
    )
    _example_buttons("retry")
    st.page_link("pages/lookup.py", label="Browse an age band in Look up", icon=":material/list:")
    st.header("If the behaviour is not listed", anchor=False)
    st.markdown(md(content.not_listed))
    st.markdown(
        "**The criteria**: a “yes” to any of these questions raises concern.\n\n"
        + "\n".join(
            f"- **{md(c.name)}**: {md(c.question)} *If yes: at least {md(content.level_label(c.raises_to))}.*"
            for c in content.criteria
        )
    )
    st.page_link(
        "pages/case.py",
        label="Talk it through in the case discussion: answer the criteria and get a suggested level",
        icon=":material/forum:",
    )
    not_listed = content.special_route("not-listed")
    if not_listed is not None:
        with st.container(border=True):
            route_panel(content, not_listed, now=now)
    st.stop()

for_age = f" at age {plan.age}" if plan.age is not None else ""
st.markdown(f"**{md(plan.summary)}** for “{md_typed(query)}”{for_age}, best match first.")
if plan.more:
    notice(plan.more)
show_notes = st.toggle("Show what to consider under each behaviour", key="search_notes")
with st.expander("Show as a table"):
    st.dataframe(results_table(content, plan.results), hide_index=True, width="stretch")

# One flat list in the engine's order: the level in words on every hit (colour and icon only repeat it),
# and the law at the child's age on the item itself.
# The same card as the look-up's (ui/behaviour_card.py): the law's key rule on the card, its full text once below.
card_style()
cards = [item_card_plan(content, result.behaviour, result.band, plan.age) for result in plan.results]
for card in cards:
    item_card(content, card, show_notes=show_notes)

# What to do at each level found, the most serious first: the route out and whom to call now.
# The cards' "Who to call" link lands here: who to call is said once, in each level's route.
st.html(anchor_html(WHO_TO_CALL_ANCHOR))
st.header("What to do at these levels", anchor=False)
for level in plan.levels:
    with st.container(border=True):
        st.markdown(f"### {level_title(content, level)}")
        route_panel(content, content.route_for(level), now=now, show_title=False, show_setting=False)
law_section(content, laws_on_page(cards), heading="The law for these behaviours")
secondary_text("Browse a whole age band, level by level, in Look up.")
st.page_link("pages/lookup.py", label="Look up an age or band", icon=":material/list:")
