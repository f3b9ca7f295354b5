"""Loading the content pack once per server, and the one screen shown when it cannot be shown."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

import streamlit as st
from streamlit.logger import get_logger

from behaviours import Pack, PackError, load_pack
from behaviours.core.clock import today
from behaviours.core.fallback import FALLBACK_ENV, parse_fallback_contact
from behaviours.core.text import md, md_link
from behaviours.pack.identity import PackIdentity, pack_identity
from behaviours.pack.loader import default_pack_dir

PREVIEW_ENV = "TRAFFIC_LIGHT_PREVIEW"
SHOWN_PROBLEMS = 5  # the editor's first few problems on the screen; `python -m behaviours check` lists all


@dataclass(frozen=True)
class PackResult:
    """Either the pack or why it failed: cached alike, so a broken pack is checked once per server too."""

    pack: Pack | None = None
    error: PackError | None = None


@st.cache_resource(show_spinner=False, max_entries=4)
def _load_shared_pack(pack_dir: str, day: dt.date, edits: tuple[tuple[str, int, int], ...] | None = None) -> PackResult:
    # Shared read-only by every session: it holds only published content, never user input.
    # Keyed by the day, so that warnings about contacts due for a check follow the one clock.
    # In preview mode only (make preview), also keyed by the files' edits, so a saved file is re-read.
    try:
        return PackResult(pack=load_pack(pack_dir, today=day))
    except PackError as exc:
        return PackResult(error=exc)


@st.cache_resource(show_spinner=False, max_entries=4)
def _shared_identity(
    pack_dir: str, name: str, version: str, edits: tuple[tuple[str, int, int], ...] | None = None
) -> PackIdentity:
    """Which pack this server shows: computed once per pack, like the pack, and logged then.

    Logged at WARNING so that it shows with the production logger.level = "warning".
    """
    identity = pack_identity(pack_dir, name, version)
    get_logger("traffic_light").warning("%s, loaded from %s", identity.label, pack_dir)
    return identity


def pack_edits(pack_dir: str) -> tuple[tuple[str, int, int], ...] | None:
    """In preview mode (TRAFFIC_LIGHT_PREVIEW=1, set by ``make preview``), each file's name, change time and size.

    Part of the pack's cache key there, so an editor's saved change is shown on the next run. Never in
    production: None keeps one pack per server, read at start, and the hosted app needs a restart.
    """
    if not preview_mode():
        return None
    return tuple(sorted(edits_of(Path(pack_dir))))


def preview_mode() -> bool:
    """True when the app runs for an editor's preview (``make preview``), never in production."""
    return os.environ.get(PREVIEW_ENV, "").strip() == "1"


def edits_of(pack_dir: Path) -> list[tuple[str, int, int]]:
    """(file, change time in ns, size) for every YAML file of a pack folder."""
    found = []
    for path in pack_dir.rglob("*.y*ml"):
        try:
            stat = path.stat()
        except OSError:
            continue
        found.append((path.relative_to(pack_dir).as_posix(), stat.st_mtime_ns, stat.st_size))
    return found


def pack_identity_label() -> str:
    """'Content pack: <name> <version> (<hash>)' for the pack this server shows ('' when it is broken)."""
    pack_dir = str(default_pack_dir().resolve())
    result = _load_shared_pack(pack_dir, today(), pack_edits(pack_dir))
    if result.pack is None:
        return ""
    return _shared_identity(pack_dir, result.pack.info.name, result.pack.info.version, pack_edits(pack_dir)).label


def pack_footer() -> None:
    """A small grey line at the foot of the frame's panel, on every page, saying which guidance is live."""
    label = pack_identity_label()
    if label:
        st.markdown(f":gray[{md(label)}]")


def _leave_legacy_multipage_mode() -> None:
    """Make sure every run goes through app.py (sign-in, the danger panel, navigation).

    Streamlit still has a legacy mode for apps with a ``pages/`` folder: until the first
    run of ``st.navigation`` on a freshly started server, a deep link such as /training runs
    pages/training.py on its own, skipping the frame, and with it sign-in. Every page calls
    ``pack()`` first, so here the legacy flag is cleared and the same URL run again through
    app.py. Streamlit is pinned; tests/browser checks a deep link on a fresh server.
    """
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # a future Streamlit without the legacy mode
        return
    if getattr(PagesManager, "uses_pages_directory", False):
        PagesManager.uses_pages_directory = False
        st.rerun()


def pack() -> Pack:
    """The validated content pack; a broken pack shows one clear message and stops the page."""
    _leave_legacy_multipage_mode()
    pack_dir = str(default_pack_dir().resolve())
    result = _load_shared_pack(pack_dir, today(), pack_edits(pack_dir))
    if result.pack is not None:
        # Logs the live pack once (in preview, once per saved change).
        _shared_identity(pack_dir, result.pack.info.name, result.pack.info.version, pack_edits(pack_dir))
        return result.pack
    assert result.error is not None
    show_pack_error(result.error)
    st.stop()
    raise result.error  # st.stop() ends the script; this line is never reached


def show_pack_error(exc: PackError) -> None:
    """One message for the user, the first few problems for the editor, and no guidance at all.

    No number from the broken pack is shown: 999 always, and the deployment's own fallback
    contact (TRAFFIC_LIGHT_FALLBACK_CONTACT) when one is configured.
    """
    # The page's one main heading: the pages that would have drawn theirs never run.
    st.title("Traffic Light Reference", anchor=False)
    message = (
        "**The guidance cannot be shown because the content pack has errors.** "
        "Nothing from it is displayed, so that no partial guidance is shown. "
        f"If a child is in immediate danger, call {md_link('999', 'tel:999')}."
    )
    fallback = parse_fallback_contact(os.environ.get(FALLBACK_ENV))
    if fallback is not None:
        call = md_link(fallback.phone.display, fallback.phone.tel_uri)
        message += f" For other worries about a child, call {md(fallback.name)} on {call}."
    st.error(message, icon=":material/error:")
    problems = [str(p) for p in exc.problems]
    with st.expander(f"For the content editor: {len(problems)} problem(s) to fix"):
        lines = problems[:SHOWN_PROBLEMS]
        if len(problems) > SHOWN_PROBLEMS:
            lines.append(
                f"... and {len(problems) - SHOWN_PROBLEMS} more: run `python -m behaviours check` to list all."
            )
        st.code("\n".join(lines), language=None, wrap_lines=True)
