"""Traffic Light Reference: the content model, loader, validator and queries.

Nothing in this package imports Streamlit; pages ask it questions and draw the answers.
"""

import datetime as dt
import os

from behaviours.answers.finding import SearchAnswer, SearchHit, build_index, find
from behaviours.pack import loader as _loader
from behaviours.pack.loader import PACK_ENV, PackError, check_pack, contact_warnings, default_pack_dir
from behaviours.pack.model import LEVELS, AgeBand, Behaviour, Contact, Criterion, Level, Route
from behaviours.pack.pack import Pack, highest_level
from behaviours.pack.yamlsource import Problem


def load_pack(path: str | os.PathLike[str] | None = None, today: dt.date | None = None) -> Pack:
    """Load and validate a pack (`behaviours.pack.loader.load_pack`) and build its search index now,
    so the first search costs what the others do."""
    pack = _loader.load_pack(path, today=today)
    build_index(pack)
    return pack


__all__ = [
    "LEVELS",
    "PACK_ENV",
    "AgeBand",
    "Behaviour",
    "Contact",
    "Criterion",
    "Level",
    "Pack",
    "PackError",
    "Problem",
    "Route",
    "SearchAnswer",
    "SearchHit",
    "check_pack",
    "contact_warnings",
    "default_pack_dir",
    "find",
    "highest_level",
    "load_pack",
]
