"""Streamlit renderers for agreement: a room's end-of-room summary and the saved rooms' items, each chart
with its numbers in text beside it. The words come from behaviours/training/debrief.py and reports.py."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd
import streamlit as st

from behaviours.core.text import md
from behaviours.training.debrief import Debrief, summary_title
from behaviours.training.reports import percent_words

# Chart labels are cut to this many characters; the full words are in the text beside the chart.
CHART_LABEL_LENGTH = 42


def _short(text: str) -> str:
    return text if len(text) <= CHART_LABEL_LENGTH else text[: CHART_LABEL_LENGTH - 1].rstrip() + "…"


def agreement_chart(rows: Sequence[tuple[str, str, float]], title: str) -> alt.Chart:
    """Horizontal bars: each item's agreement (0 to 100%) in each round, the round said in the legend."""
    data = pd.DataFrame(rows, columns=["Item", "Round", "Agreement"])
    return (
        alt.Chart(data, title=title)
        .mark_bar()
        .encode(
            y=alt.Y("Item:N", sort=None, title=None, axis=alt.Axis(labelLimit=320, labelFontSize=14)),
            yOffset=alt.YOffset("Round:N", sort=None),
            x=alt.X("Agreement:Q", title="Agreement (%)", scale=alt.Scale(domain=[0, 100])),
            color=alt.Color(
                "Round:N",
                sort=None,
                scale=alt.Scale(range=["#4C6272", "#005EB8"]),
                legend=alt.Legend(orient="top", direction="vertical", title=None, labelFontSize=14, labelLimit=240),
            ),
            tooltip=["Item", "Round", alt.Tooltip("Agreement:Q", format=".0f")],
        )
        .properties(height=alt.Step(22))
    )


def debrief_view(summary: Debrief, ended: str = "") -> None:
    """The projector summary: agreement before and after, the items the room split on, and published figures.

    Its title is the page's heading; ``ended`` (e.g. 'This room has ended.') is said first under it."""
    with st.container(key="tlr-summary"):
        st.title(summary_title(summary), anchor=False)
        if ended:
            st.markdown(ended)
        if summary.empty:
            st.markdown("Nobody answered in this room, so there are no figures to show.")
            return
        st.markdown(f"{summary.participants} took part; {summary.items} items answered.")
        head = "| Figure | " + " | ".join(md(name) for name in summary.round_names) + " |"
        rule = "|---" * (len(summary.round_names) + 1) + "|"
        rows = [
            f"| {md(name)} | " + " | ".join(md(value) for value in values) + " |" for name, values in summary.figures
        ]
        rows.append("| Based on | " + " | ".join(md(line) for line in summary.basis) + " |")
        st.subheader("Agreement before and after discussion", anchor=False)
        st.markdown("\n".join([head, rule, *rows]))

        st.subheader("Items the room split on", anchor=False)
        chart_rows = []
        for item in summary.split:
            label = _short(item.words)
            if item.agreement_first is not None:
                chart_rows.append((label, "First answers", 100 * item.agreement_first))
            if item.agreement_second is not None:
                chart_rows.append((label, "After discussion", 100 * item.agreement_second))
        picture, words = st.columns([1, 1], gap="medium")
        with picture:
            if chart_rows:
                st.altair_chart(agreement_chart(chart_rows, "Agreement on each item (%)"), width="stretch")
        with words:
            lines = []
            for item in summary.split:
                lines.append(
                    f"1. **{md(item.words)}** (the pack: {md(item.pack_level)}); {md(item.agreement_words)}.  \n"
                    f"   First answers: {md(item.first)}."
                    + (f"  \n   After discussion: {md(item.second)}." if item.second else "")
                )
            st.markdown("\n".join(lines))

        st.subheader("Published figures, for comparison", anchor=False)
        st.markdown("\n".join(f"- {md(line)}" for line in summary.published))
        st.markdown(
            ":gray[Percent agreement: how often two people rating the same item named the same level. "
            "Krippendorff's alpha and Gwet's AC1 allow for agreement by chance (1 is full agreement; 0 is what "
            "chance alone gives). 'Not sure' answers are left out of every figure.]"
        )


def pooled_chart(rows: Sequence[tuple[str, float]], title: str, axis: str) -> alt.Chart:
    """Horizontal bars of one share per item (0 to 100%), for the saved-rooms page."""
    data = pd.DataFrame(rows, columns=["Item", "Share"])
    return (
        alt.Chart(data, title=title)
        .mark_bar(color="#005EB8")
        .encode(
            y=alt.Y("Item:N", sort=None, title=None, axis=alt.Axis(labelLimit=320)),
            x=alt.X("Share:Q", title=axis, scale=alt.Scale(domain=[0, 100])),
            tooltip=["Item", alt.Tooltip("Share:Q", format=".0f")],
        )
    )


__all__ = ["agreement_chart", "debrief_view", "percent_words", "pooled_chart"]
