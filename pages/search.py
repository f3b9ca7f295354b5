"""Search: find a behaviour by a word or two, across every age band, with what to do at each level."""

import streamlit as st

from behaviours.export import search_table
from behaviours.params import parse_query
from behaviours.plans import plan_search
from behaviours.search_results import search_examples
from behaviours.text import md
from ui.contacts import route_panel
from ui.inputs import notice, page_intro, take_link_params
from ui.levels import behaviour_lines, level_title
from ui.moment import run_now
from ui.pack_loading import pack

content = pack()
now = run_now()

# A link such as /search?q=sexting fills the box once, then leaves the address bar:
# the page never writes what a user types into the URL.
link_notices: list[str] = []
link = take_link_params("q")
if "q" in link:
    from_link = parse_query(link["q"])
    st.session_state["search_q"] = from_link.value or ""
    if from_link.notice:
        link_notices.append(from_link.notice)


def _fill(words: str) -> None:
    st.session_state["search_q"] = words


examples = search_examples(content)


def _example_buttons(prefix: str) -> None:
    if not examples:
        return
    columns = st.columns(len(examples))
    for number, (column, words) in enumerate(zip(columns, examples, strict=True)):
        column.button(words, key=f"{prefix}_{number}", on_click=_fill, args=(words,), width="stretch")


page_intro(
    "Search for a behaviour",
    "Type a word or two about the behaviour. Every age band is searched; results are grouped by age band and level.",
)

st.text_input(
    "Search words",
    key="search_q",
    max_chars=200,
    placeholder="For example: " + ", ".join(examples) if examples else "Type a word or two",
    help="Words can be in any order. Nothing you type is stored or put in the web address.",
)
for text in link_notices:
    notice(text)

plan = plan_search(content, parse_query(st.session_state.get("search_q") or "").value)
query = plan.query

if not query:
    st.markdown(
        "Search with everyday words, such as the ones below. Words the pack lists as meaning the same "
        "thing are found too."
    )
    _example_buttons("example")
    st.page_link("pages/lookup.py", label="Or browse a whole age band in Look up", icon=":material/list:")
    st.stop()

hits = plan.hits

if not hits:
    st.header(md(f"Nothing matched “{query}”"), anchor=False)
    st.markdown(
        "**Things to try**\n\n"
        "- Other words, or fewer of them: for example a single word such as one below.\n"
        "- Browse the whole age band in Look up: a behaviour may be listed in words you did not think of.\n"
        "- If the behaviour is not listed, rate it with the criteria below."
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
    not_listed = content.special_route("not-listed")
    if not_listed is not None:
        with st.container(border=True):
            route_panel(content, not_listed, now=now)
    st.stop()

groups = plan.groups
st.markdown(f"**{md(plan.summary)}** for “{md(query)}”.")
if plan.more:
    notice(plan.more)
show_notes = st.toggle("Show what to consider under each behaviour", key="search_notes")
with st.expander("Show as a table"):
    st.dataframe(search_table(content, hits), hide_index=True, width="stretch")

for group in groups:
    st.header(md(group.band.label), anchor=False)
    for level_group in group.levels:
        with st.container(border=True):
            st.markdown(f"### {level_title(content, level_group.level)}")
            behaviour_lines(content, level_group.behaviours, show_notes)
            # The route once per level group, not after every result: the route out and whom to call.
            route_panel(content, content.route_for(level_group.level), now=now, show_title=False, show_setting=False)
            st.page_link(
                "pages/lookup.py",
                label=f"See all of {group.band.label}, {content.level_label(level_group.level)}, in Look up",
                query_params={"band": group.band.id, "level": level_group.level.value},
                icon=":material/arrow_forward:",
            )
