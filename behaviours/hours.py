"""Whether a service is open now, in UK time, and whom to call when it is not.

Bank holidays are not known to the pack, so on a bank holiday the answer may say
open when the office is closed; the page says so beside the answer.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from zoneinfo import ZoneInfo

from behaviours.model import Contact, Day
from behaviours.pack import Pack

UK = ZoneInfo("Europe/London")
_DAYS = (Day.MON, Day.TUE, Day.WED, Day.THU, Day.FRI, Day.SAT, Day.SUN)


class Openness(str, Enum):
    """What the pack lets us say about a service's hours at a moment."""

    OPEN = "open"
    CLOSED = "closed"
    UNKNOWN = "unknown"


def uk_now() -> dt.datetime:
    """The current time in the UK."""
    return dt.datetime.now(tz=UK)


def openness(contact: Contact, when: dt.datetime) -> Openness:
    """Open, closed, or unknown (the pack gives no structured hours) at ``when``."""
    if contact.open_always:
        return Openness.OPEN
    if not contact.opening_hours:
        return Openness.UNKNOWN
    local = when.astimezone(UK) if when.tzinfo else when.replace(tzinfo=UK)
    day = _DAYS[local.weekday()]
    clock = dt.time(local.hour, local.minute)
    for block in contact.opening_hours:
        if day in block.days and block.opens <= clock < block.closes:
            return Openness.OPEN
    return Openness.CLOSED


def contact_to_call(pack: Pack, contact: Contact, when: dt.datetime) -> Contact:
    """The contact itself while it is open (or its hours are unknown); its out-of-hours service when closed."""
    if openness(contact, when) == Openness.CLOSED and contact.out_of_hours:
        fallback = pack.contact(contact.out_of_hours)
        if fallback is not None:
            return fallback
    return contact
