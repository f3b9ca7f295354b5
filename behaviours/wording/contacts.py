"""One function per idea into words: a contact, its hours and status, a date, a time, and whom to call now.

The app, the handouts and the case note all call these, so they can never disagree.
Everything here is plain text; the app escapes it for Markdown and turns numbers into
links (``ui.contacts``), the PDFs print it as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from behaviours.contacts.directory import audience_words, channel_words, short_name
from behaviours.contacts.hours import Call, Openness, Role, WhoToCall
from behaviours.core.clock import in_uk
from behaviours.core.phones import InvalidPhoneNumber, parse_uk_number
from behaviours.core.text import long_date
from behaviours.pack.model import Channel, ChannelKind, Contact, Status

__all__ = [
    "call_reason",
    "call_text",
    "channel_label",
    "channel_text",
    "contact_text",
    "date_words",
    "hours_words",
    "lead_sentence",
    "moment_words",
    "status_words",
    "time_words",
    "who_to_call_lines",
]

HOURS_NOT_KNOWN = "Hours not known"
ALWAYS_OPEN = "24 hours"
_STATUS_WORDS = {Status.VERIFIED: "Verified", Status.UNVERIFIED: "Unverified", Status.OUTDATED: "Outdated"}

date_words = long_date  # the one date format: '1 June 2025'


def time_words(moment: dt.time | dt.datetime) -> str:
    """A clock time as people say it in the UK: '9am', '4.30pm', '12pm'."""
    hour, minute = moment.hour, moment.minute
    suffix = "am" if hour < 12 else "pm"
    shown = hour % 12 or 12
    return f"{shown}{suffix}" if minute == 0 else f"{shown}.{minute:02d}{suffix}"


def moment_words(moment: dt.datetime) -> str:
    """A moment in UK time with its weekday, e.g. 'Tuesday 29 December 2026 at 9am'."""
    local = in_uk(moment)
    return f"{local:%A} {date_words(local.date())} at {time_words(local)}"


def hours_words(contact: Contact) -> str:
    """A contact's opening hours, read the same way everywhere: the pack's words, '24 hours' or 'Hours not known'."""
    if contact.open_always:
        return ALWAYS_OPEN
    text = (contact.hours or "").strip()
    return text.rstrip(".") if text else HOURS_NOT_KNOWN


def status_words(contact: Contact) -> str:
    """How far a contact's details are checked, with the date: 'Verified 1 June 2025', 'Unverified: last checked ...'."""
    word = _STATUS_WORDS[contact.status]
    if contact.status == Status.VERIFIED and contact.last_verified is not None:
        return f"{word} {date_words(contact.last_verified)}"
    return f"{word}: last checked {date_words(contact.checked_on)}"


def channel_label(contact: Contact, channel: Channel) -> str | None:
    """A channel's own label, or None when it only repeats the contact's name ('NSPCC helpline: NSPCC helpline')."""
    label = (channel.label or "").strip()
    if not label:
        return None
    names = {contact.name.strip().casefold(), short_name(contact).casefold()}
    return None if label.casefold() in names else label


def shown_value(kind: ChannelKind, value: str) -> str:
    """What a channel shows: a phone number as it is dialled, an address without 'mailto:', a link as written."""
    if kind in (ChannelKind.PHONE, ChannelKind.TEXT):
        try:
            return parse_uk_number(value).display
        except InvalidPhoneNumber:
            return value
    return value.removeprefix("mailto:")


def channel_text(kind: ChannelKind, value: str, *, inline: bool = False) -> str:
    """One way to reach a contact: 'Phone: 0345 678 9021' on its own line, 'phone 0345 678 9021' inline."""
    shown = shown_value(kind, value)
    if inline:
        return f"{channel_words(kind)} {shown}"
    return f"{channel_words(kind).capitalize()}: {shown}"


def contact_text(contact: Contact) -> str:
    """A contact in one plain line, every number and address written out, then its hours."""
    ways = "; ".join(channel_text(c.kind, c.value, inline=True) for c in contact.channels)
    return f"{contact.name}: {ways} ({hours_words(contact)})"


def call_reason(call: Call) -> str:
    """Why and when to make this call, in words: 'open now, until 5pm', 'closed now; reopens ...'."""
    name = short_name(call.door) if call.door is not None else ""
    if call.role == Role.EMERGENCY:
        return "if anyone is in immediate danger"
    if call.role == Role.NEIGHBOUR:
        return neighbour_reason(call)
    if call.role == Role.OUT_OF_HOURS:
        if call.state == Openness.OPEN and not call.contact.open_always:
            return f"answers now, while {name} is closed"
        return f"when {name} is closed or does not answer"
    if call.role == Role.DOOR:
        if call.state == Openness.OPEN:
            return f"open now, until {time_words(call.closes)}" if call.closes else "open now"
        if call.state == Openness.CLOSED:
            why = f" ({call.holiday})" if call.holiday else ""
            again = f"; reopens {moment_words(call.reopens)}" if call.reopens else ""
            return f"closed now{why}{again}"
        return hours_words(call.contact)
    if call.contact.open_always:
        return ALWAYS_OPEN
    if call.state == Openness.OPEN:
        return f"open now; {hours_words(call.contact)}"
    if call.state == Openness.CLOSED:
        return f"closed now; {hours_words(call.contact)}"
    return hours_words(call.contact)


def dial_hint(contact: Contact) -> str | None:
    """What to choose once through, from the first phone channel's label, e.g. 'option 1 for children'."""
    phone = next((c for c in contact.channels if c.kind == ChannelKind.PHONE), None)
    label = channel_label(contact, phone) if phone is not None else None
    return label if label and "option" in label.casefold() else None


def neighbour_reason(call: Call) -> str:
    """Why to call a neighbouring area's front door: 'if the child lives in Telford & Wrekin (option 1 for children)'."""
    if call.door is not None:
        now = "; answers now" if call.state == Openness.OPEN else ""
        return f"if the child lives in {call.area} and {short_name(call.door)} is closed{now}"
    hint = dial_hint(call.contact)
    closed = "; closed now" if call.state == Openness.CLOSED else ""
    return f"if the child lives in {call.area}" + (f" ({hint})" if hint else "") + closed


def neighbour_sentences(answer: WhoToCall) -> list[str]:
    """'If the child lives in Telford & Wrekin: call Family Connect on 01952 385385 ...', one per neighbouring area."""
    sentences: list[str] = []
    for call in answer.calls:
        if call.role != Role.NEIGHBOUR or call.door is not None:
            continue
        number = f" on {call.phone.display}" if call.phone else ""
        hint = dial_hint(call.contact)
        words = f"If the child lives in {call.area}: call {short_name(call.contact)}{number}"
        words += f" ({hint})" if hint else ""
        out = next((c for c in answer.calls if c.role == Role.NEIGHBOUR and c.door is call.contact), None)
        if out is not None and out.phone is not None:
            words += f"; out of hours, {short_name(out.contact)} on {out.phone.display}"
        sentences.append(words + ".")
    return sentences


def call_text(call: Call) -> str:
    """One call in plain words: 'Emergency Social Work Team on 0345 678 9040: answers now, while Compass is closed'."""
    if call.phone is not None:
        ways = f" on {call.phone.display}"
    else:
        ways = ", " + "; ".join(channel_text(c.kind, c.value, inline=True) for c in call.contact.channels)
    return f"{short_name(call.contact)}{ways}: {call_reason(call)}"


def lead_sentence(answer: WhoToCall) -> str | None:
    """Whom to ring first about a worry, at the moment of ``answer``; the out-of-hours number leads when the door is closed.

    A neighbouring area's front door follows: 'If the child lives in Telford & Wrekin: call Family Connect ...'.
    """
    first = _door_sentence(answer)
    if first is None:
        return None
    return " ".join([first, *neighbour_sentences(answer)])


def _door_sentence(answer: WhoToCall) -> str | None:
    door, lead = answer.door, answer.lead
    if door is None or lead is None:
        return None
    door_name = short_name(door.contact)
    door_number = f" on {door.phone.display}" if door.phone else ""
    out = next((c for c in answer.calls if c.role == Role.OUT_OF_HOURS), None)
    out_words = f"{short_name(out.contact)} on {out.phone.display}" if out and out.phone else None
    if door.state == Openness.CLOSED:
        why = f" ({door.holiday})" if door.holiday else ""
        first = f"call {out_words}" if out_words else "call 999 if anyone is in danger"
        shown = f" ({door.phone.display})" if door.phone else ""
        again = f" {door_name}{shown} reopens {moment_words(door.reopens)}." if door.reopens else ""
        return f"{door_name} is closed now{why}: {first}.{again}"
    if door.state == Openness.OPEN:
        until = f", until {time_words(door.closes)}" if door.closes else ""
        later = f" Out of hours: {out_words}." if out_words else ""
        return f"{door_name} is open now{until}: call {door_name}{door_number}.{later}"
    if answer.when is None:
        tail = f", or {out_words} out of hours" if out_words else ""
        return f"Call {door_name}{door_number} ({hours_words(door.contact)}){tail}."
    tail = f", and if it does not answer, call {out_words}" if out_words else ""
    return f"This tool does not know {door_name}'s opening hours: call {door_name}{door_number}{tail}."


def who_to_call_lines(answer: WhoToCall) -> list[str]:
    """Each call in order, as plain lines for a handout or the case note."""
    return [call_text(call) for call in answer.calls]


def sheet_lines(answer: WhoToCall) -> list[str]:
    """Whom to call, for a printed sheet that is read at any hour: 999, the door with its hours, then out of hours."""
    lines: list[str] = []
    for call in answer.calls:
        number = f" on {call.phone.display}" if call.phone else ""
        name = short_name(call.contact)
        if call.role == Role.EMERGENCY:
            lines.append(f"Immediate danger: call {call.phone.display if call.phone else name}.")
        elif call.role == Role.DOOR:
            lines.append(f"Worried about a child: call {call.contact.name}{number} ({hours_words(call.contact)}).")
        elif call.role == Role.OUT_OF_HOURS:
            lines.append(f"Out of hours: call {call.contact.name}{number}.")
        elif call.role == Role.NEIGHBOUR and call.door is None:
            hint = dial_hint(call.contact)
            hint_words = f", {hint}" if hint else ""
            lines.append(
                f"If the child lives in {call.area}: call {call.contact.name}{number}{hint_words} "
                f"({hours_words(call.contact)})."
            )
        elif call.role == Role.NEIGHBOUR:
            lines.append(f"If the child lives in {call.area}, out of hours: call {call.contact.name}{number}.")
        else:
            lines.append(f"{call_text(call)}.")
    return lines


# ------------------------------------------------------------------ printed sheets and the offline copy
# Paper cannot be tapped, so a web address is written out; everything else is the app's own words.

TELL_DSL = "Tell your designated safeguarding lead (DSL) too."


def status_word(status: Status) -> str:
    """The one word for how far a contact is checked: 'Verified', 'Unverified' or 'Outdated'."""
    return _STATUS_WORDS[status]


def printed_value(kind: ChannelKind, value: str) -> str:
    """A channel as written on paper: ``shown_value``, with a web address as a reader types it ('www.nspcc.org.uk')."""
    shown = shown_value(kind, value)
    if kind in (ChannelKind.WEB, ChannelKind.CHAT):
        shown = shown.removeprefix("https://").removesuffix("/")
    return shown


def printed_channel_text(kind: ChannelKind, value: str) -> str:
    """One way to reach a contact on its own printed line: 'Phone: 0345 678 9021', 'Website: www.nspcc.org.uk'."""
    return f"{channel_words(kind).capitalize()}: {printed_value(kind, value)}"


def hours_line(contact: Contact) -> str:
    """A contact's hours as a line of their own: 'Hours: 24 hours', or just 'Hours not known' (never 'Hours: Hours ...')."""
    words = hours_words(contact)
    return words if words == HOURS_NOT_KNOWN else f"Hours: {words}"


def entry_lines(contact: Contact) -> list[str]:
    """A service as a printed or offline directory entry: every way to reach it, its hours and whom it is for.
    How far it is checked is ``status_words``, kept apart so a sheet can mark an unchecked entry."""
    lines = [printed_channel_text(c.kind, c.value) for c in contact.channels]
    lines.append(hours_line(contact))
    lines.append("For: " + ", ".join(audience_words(a) for a in contact.audience))
    return lines


def printed_calls(answer: WhoToCall) -> list[str]:
    """Whom to call, on a sheet read at any hour (``answer`` made with no moment): ``sheet_lines``, then the DSL."""
    return [*sheet_lines(answer), TELL_DSL]


def route_call_lines(calls: Iterable[Call]) -> list[str]:
    """A route's calls in order for print, each as the app words it: 'Compass on 0345 678 9021: Monday to ...'."""
    return [f"{call_text(call)}." for call in calls]


__all__ += ["TELL_DSL", "entry_lines", "hours_line", "printed_calls", "printed_channel_text", "printed_value"]
__all__ += ["route_call_lines", "sheet_lines", "status_word"]
