"""How each level is shown: words first, then a colour and an icon that repeat them.

Streamlit draws these, but the rules (the heading's words, which colour, which icon)
live here so that every page shows a level the same way and tests can check it.
"""

from __future__ import annotations

from behaviours.pack.model import Level
from behaviours.pack.pack import Pack

# Streamlit's named colours; the theme in .streamlit/config.toml sets their shades.
LEVEL_COLOUR = {Level.GREEN: "green", Level.AMBER: "orange", Level.RED: "red"}
# A different shape for each level, so the icon carries meaning without colour too.
LEVEL_ICON = {Level.GREEN: ":material/check_circle:", Level.AMBER: ":material/warning:", Level.RED: ":material/report:"}


def level_heading(pack: Pack, level: Level) -> str:
    """The words that open every level heading, e.g. 'Red: act today'."""
    guide = pack.level_guide(level)
    return f"{guide.label}: {guide.headline}"
