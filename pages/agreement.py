"""Agreement in saved training rooms: the items rooms split on most, and those rated unlike the pack most often.

For editors and trainers, as input to content review: the same figures and lists as
``python -m behaviours agreement`` (behaviours/training/reports.py), each list with its counts and a
chart beside it. Like every page it is behind sign-in when sign-in is configured (app.py). Saved
results hold counts only; a database that is down is said in words, and nothing else breaks.
"""

from collections.abc import Callable

import streamlit as st

from behaviours.core.text import md
from behaviours.training.agreement import MIN_PARTICIPANTS
from behaviours.training.debrief import item_words
from behaviours.training.reports import (
    ItemAcrossRooms,
    across_rooms,
    counted_rooms,
    figure_lines,
    items_across_rooms,
    most_disagreed,
    most_unlike_pack,
    percent_words,
    published_lines,
    share_words,
)
from ui.debrief import pooled_chart
from ui.inputs import page_intro, secondary_text
from ui.pack_loading import pack
from ui.room import result_store

content = pack()
ACROSS = "agreement_across_rooms"  # session_state: (the results it was made from, the figures)

page_intro(
    "Agreement in saved training rooms",
    "Which behaviours trained practitioners rate differently from one another, or from the pack, "
    "across every saved room: input for the next content review.",
)
outcome = result_store().load_results()
if not outcome.ok:
    st.warning(md(outcome.message or ""), icon=":material/cloud_off:")
    st.stop()
results = outcome.results
used = counted_rooms(results)
left_out = len(results) - len(used)
if not used:
    st.info(
        f"No saved room has {MIN_PARTICIPANTS} or more participants yet"
        + (f" ({left_out} smaller room{'s' if left_out != 1 else ''} left out)" if left_out else "")
        + ". Save a room's result when it ends, from the Training room page.",
        icon=":material/info:",
    )
    st.stop()

kept = st.session_state.get(ACROSS)
if kept and kept[0] == results:
    summary = kept[1]
else:  # the bootstrap intervals take about 1.6 s a round: once per set of results, not per rerun
    summary = across_rooms(used, seed=0)
    st.session_state[ACROSS] = (results, summary)

st.markdown(
    f"From {summary.rooms_used} saved room{'s' if summary.rooms_used != 1 else ''} with {MIN_PARTICIPANTS} or more "
    f"participants ({summary.participants} participants in all)"
    + (f"; {left_out} smaller room{'s' if left_out != 1 else ''} left out." if left_out else ".")
)
names = [round_.name for round_ in summary.rounds]
rows = [figure_lines(round_.figures) for round_ in summary.rounds]
table = ["| Figure | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
for index, (name, _value) in enumerate(rows[0]):
    table.append(f"| {md(name)} | " + " | ".join(md(lines[index][1]) for lines in rows) + " |")
st.markdown("\n".join(table))

items = items_across_rooms(used)


def words(item: ItemAcrossRooms) -> str:
    return " ".join(item_words(content, item.kind, item.item_id).replace("|", "/").split())


def level(item: ItemAcrossRooms) -> str:
    return content.level_label(item.first.pack_level) if item.first.pack_level else "not known"


def counts(item: ItemAcrossRooms) -> str:
    c = item.first
    return " | ".join(str(n) for n in (c.green, c.amber, c.red, c.not_sure))


header = "| Item | Pack's level | Rooms | Green | Amber | Red | Not sure |"
rule = "|---|---|---|---|---|---|---|"


def chart_and_table(
    rows: list[ItemAcrossRooms],
    share: Callable[[ItemAcrossRooms], float],
    title: str,
    axis: str,
    column: str,
    share_text: Callable[[ItemAcrossRooms], str],
) -> None:
    """A chart of each item's share beside a table of the counts behind it, ending in the share in words."""
    chart, text = st.columns([2, 3], gap="medium")
    with chart:
        st.altair_chart(pooled_chart([(words(i)[:40], 100 * share(i)) for i in rows], title, axis), width="stretch")
    with text:
        st.markdown(
            "\n".join(
                [f"{header} {column} |", f"{rule}---|"]
                + [f"| {md(words(i))} | {md(level(i))} | {i.rooms} | {counts(i)} | {share_text(i)} |" for i in rows]
            )
        )


st.subheader("Items where raters split most (first answers)", anchor=False)
secondary_text("Agreement: how often two raters of the item, from any room, named the same level.")
chart_and_table(
    most_disagreed(items),
    lambda i: i.pairwise or 0.0,
    "Agreement on each item (%)",
    "Agreement (%)",
    "Agreement",
    lambda i: percent_words(i.pairwise),
)

st.subheader("Items rated differently from the pack's level most often (first answers)", anchor=False)
chart_and_table(
    most_unlike_pack(items),
    lambda i: i.with_pack.fraction or 0.0,
    "Ratings that matched the pack (%)",
    "Same as the pack (%)",
    "Same as the pack",
    lambda i: share_words(i.with_pack),
)

st.subheader("Published figures, for comparison", anchor=False)
st.markdown("\n".join(f"- {md(line)}" for line in published_lines()))
secondary_text("The same report as text: `python -m behaviours agreement`.")
