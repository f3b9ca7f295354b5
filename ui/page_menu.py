"""The page menu at the top of a narrow screen: the frame's pages behind one small "Menu" control.

Streamlit's sidebar shuts after a choice only when the browser says it is a phone; a narrow
desktop or tablet window keeps it open over the page. So below Streamlit's sidebar breakpoint
(ui/frame_style.py) the sidebar's page list is hidden and this menu, drawn by the frame on every
run, holds the same pages: a choice goes to the page, and the new page is drawn with the menu
shut. On a wide screen the menu is hidden and the sidebar lists the pages. No script is needed.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

PAGE_MENU_KEY = "page_menu"
# The words beside the current page in the menu: the mark is read out, not only shown.
THIS_PAGE = " (this page)"


def page_menu(pages: Sequence[object], current: str) -> None:
    """One "Menu" control whose list links to each page, with the same titles and icons as the sidebar;
    ``current`` is the url_path of the page this run draws."""
    # An expander, not a popover: its list follows "Menu" in the page, so Tab goes from the control into the
    # list (a popover's list is drawn at the end of the page). Keyed by the page: a new page draws a new menu,
    # which starts shut, instead of keeping the last one open.
    with (
        st.container(key=PAGE_MENU_KEY),
        st.expander("Menu", icon=":material/menu:", key=f"{PAGE_MENU_KEY}_{current or 'home'}", width=220),
    ):
        for page in pages:
            is_current = getattr(page, "url_path", None) == current
            title = str(getattr(page, "title", ""))
            st.page_link(
                page,  # type: ignore[arg-type]  # an st.Page (StreamlitPage), kept as object here like frame_calls
                label=title + (THIS_PAGE if is_current else ""),
                icon=getattr(page, "icon", None) or None,
                width="stretch",
            )
