"""Traffic Light Reference: the content model, loader, validator and queries.

Nothing in this package imports Streamlit; pages ask it questions and draw the answers.
"""

from behaviours.pack.loader import PACK_ENV, PackError, check_pack, contact_warnings, default_pack_dir, load_pack
from behaviours.pack.model import LEVELS, AgeBand, Behaviour, Contact, Criterion, Level, Route
from behaviours.pack.pack import Pack, SearchHit, highest_level
from behaviours.pack.yamlsource import Problem

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
    "SearchHit",
    "check_pack",
    "contact_warnings",
    "default_pack_dir",
    "highest_level",
    "load_pack",
]
