"""The shared renderers, one function per idea, gathered for pages that import them from one place.

Each idea lives in its own module: ``ui.pack_loading`` (the pack and its error screen),
``ui.levels`` (a level), ``ui.contacts`` (a contact, a route's calls, the frame's bar and line) and
``ui.inputs`` (link parameters, the age and band inputs, headings and notices). Content is
always escaped (``md``) before it reaches Markdown: a pack cannot inject links, HTML or
Streamlit directives.
"""

from ui.contacts import (
    channel_links,
    contact_card,
    route_md,
    route_panel,
    status_text,
)
from ui.inputs import (
    age_and_band_inputs,
    band_handout_button,
    notice,
    page_intro,
    secondary_text,
    take_link_params,
)
from ui.levels import behaviour_lines, behaviour_lines_md, level_card, level_title
from ui.pack_loading import pack, show_pack_error

__all__ = [
    "age_and_band_inputs",
    "band_handout_button",
    "behaviour_lines",
    "behaviour_lines_md",
    "channel_links",
    "contact_card",
    "level_card",
    "level_title",
    "notice",
    "pack",
    "page_intro",
    "route_md",
    "route_panel",
    "secondary_text",
    "show_pack_error",
    "status_text",
    "take_link_params",
]
