"""Renderers for what a person enters or takes away: link parameters, the age and band inputs,
the handout button, and the page's heading, notices and secondary text."""

from __future__ import annotations

import datetime as dt

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from behaviours import AgeBand, Pack
from behaviours.core.text import md
from behaviours.documents.handouts import band_handout


def take_link_params(*names: str) -> dict[str, str]:
    """The named parameters a link carried (the last value of a repeated key), removed from the URL.

    A link fills a page once, then leaves the address bar, so the address never shows what a
    user later types or chooses.
    """
    taken = {name: st.query_params[name] for name in names if name in st.query_params}
    for name in taken:
        del st.query_params[name]
    return taken


def page_intro(title: str, lead: str | None = None) -> None:
    """A page's single top-level heading and an optional one-line lead."""
    st.title(title, anchor=False)
    if lead:
        st.markdown(md(lead))


def secondary_text(markdown: str) -> None:
    """Secondary text in the theme's grey (6.4:1 on white); st.caption's faded grey fails 4.5:1."""
    st.markdown(f":gray[{markdown}]")


def notice(text: str) -> None:
    """A short, calm notice about something the user or a link asked for."""
    st.info(md(text), icon=":material/info:")


def age_and_band_inputs(pack: Pack, prefix: str, age_column: DeltaGenerator, band_column: DeltaGenerator) -> None:
    """The child's age and the band picker, side by side; choosing one clears the other.

    Their values live in ``st.session_state[f"{prefix}_age"]`` and ``[f"{prefix}_band"]``.
    """
    age_key, band_key = f"{prefix}_age", f"{prefix}_band"

    def age_changed() -> None:
        if st.session_state.get(age_key) is not None:
            st.session_state[band_key] = None

    def band_changed() -> None:
        if st.session_state.get(band_key) is not None:
            st.session_state[age_key] = None

    # No minimum or maximum: Streamlit marks an out-of-range number with a red outline and
    # no words, so every whole number is taken and the plan says what is wrong with it.
    age_column.number_input(
        "Child's age in years",
        step=1,
        value=None,
        placeholder="For example 9",
        key=age_key,
        on_change=age_changed,
    )
    band_labels = {band.id: band.label for band in pack.bands}
    band_column.selectbox(
        "Or choose an age band",
        options=list(band_labels),
        index=None,
        format_func=band_labels.get,
        placeholder="Choose a band",
        key=band_key,
        on_change=band_changed,
    )


def side_by_side_css(*keys: str) -> str:
    """The style that sets the elements of the horizontal containers with ``keys`` (``st.container(horizontal=True,
    wrap=False)``) side by side at equal widths, as two columns would be, on a phone too: for two short inputs
    that belong together (an age and a developmental age) or two buttons, whose labels wrap rather than being
    cut short. A page draws it once with ``st.html``, outside any fragment, so a fragment's rerun does not send
    it again."""
    return "".join(
        f"<style>.st-key-{key}{{gap:0.75rem}}"
        f".st-key-{key} > [data-testid='stElementContainer']{{flex:1 1 0;min-width:0;width:auto}}"
        f".st-key-{key} > [width='fit-content'] > div{{width:fit-content;max-width:100%}}"
        f".st-key-{key} button [data-testid='stMarkdownContainer'] p{{white-space:normal;overflow:visible}}</style>"
        for key in keys
    )


def developmental_age_input(prefix: str, column: DeltaGenerator) -> None:
    """The child's developmental age, if it differs from their age in years (``f"{prefix}_dev_age"``)."""
    column.number_input(
        "Developmental age (if different)",
        step=1,
        value=None,
        placeholder="For example 7",
        key=f"{prefix}_dev_age",
        help="For a child whose development differs from their age in years: that band is shown too.",
    )


def band_handout_button(
    pack: Pack,
    band: AgeBand,
    *,
    label: str,
    key: str,
    where: DeltaGenerator | None = None,
    printed: dt.date | None = None,
) -> None:
    """The download button for a band's A4 handout; the PDF is built only when clicked."""
    (where or st).download_button(
        label,
        data=lambda: band_handout(pack, band, generated=printed),
        file_name=f"traffic-light-{band.id}.pdf",
        mime="application/pdf",
        key=key,
        icon=":material/picture_as_pdf:",
        on_click="ignore",
        width="stretch" if where is not None else "content",
    )
