"""The one clock: the only place in the app that reads the real time.

Every page asks ``now()`` once per run and passes that moment down, so everything on a
page agrees and tests can pin any moment:

- ``pinned(moment)`` (a context manager) fixes the time inside a process, for unit tests;
- the environment variable ``TRAFFIC_LIGHT_NOW`` (ISO 8601, e.g. ``2026-12-25T17:30``;
  a time without an offset is UK time) fixes it for a whole server, for AppTest and
  browser runs;
- the environment variable ``TRAFFIC_LIGHT_NOW_FILE`` names a file holding such a moment,
  read at every ``now()``: a browser test moves a running server's clock by writing it.

Nothing else may call ``datetime.now()`` or ``date.today()``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from zoneinfo import ZoneInfo

UK = ZoneInfo("Europe/London")
NOW_ENV = "TRAFFIC_LIGHT_NOW"
NOW_FILE_ENV = "TRAFFIC_LIGHT_NOW_FILE"

_pinned: dt.datetime | None = None


class ClockError(ValueError):
    """The pinned time in the environment is not a date and time this clock can read."""


def in_uk(moment: dt.datetime) -> dt.datetime:
    """A moment as UK local time; a naive moment is taken to be UK time already."""
    return moment.astimezone(UK) if moment.tzinfo else moment.replace(tzinfo=UK)


def parse_moment(text: str) -> dt.datetime:
    """An ISO 8601 date or date and time as an aware UK datetime; a bare date means midday."""
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise ClockError(
            f"{NOW_ENV}={text!r} is not a date and time. Write it as ISO 8601, e.g. 2026-12-25T17:30 (UK time)."
        ) from None
    if len(text.strip()) == 10:  # a date alone
        moment = moment.replace(hour=12)
    return in_uk(moment)


def now() -> dt.datetime:
    """The current moment in UK time (aware): pinned by a test, by ``TRAFFIC_LIGHT_NOW`` or
    ``TRAFFIC_LIGHT_NOW_FILE``, or the real clock."""
    if _pinned is not None:
        return _pinned
    fixed = os.environ.get(NOW_ENV)
    if fixed:
        return parse_moment(fixed)
    moment_file = os.environ.get(NOW_FILE_ENV)
    if moment_file:
        return parse_moment(Path(moment_file).read_text(encoding="utf-8"))
    return dt.datetime.now(tz=UK)


def today() -> dt.date:
    """Today's date in the UK, from the same clock."""
    return now().date()


@contextmanager
def pinned(moment: dt.datetime) -> Iterator[dt.datetime]:
    """Fix the clock at ``moment`` (UK time if naive) inside the block, for tests."""
    global _pinned
    before = _pinned
    _pinned = in_uk(moment)
    try:
        yield _pinned
    finally:
        _pinned = before
