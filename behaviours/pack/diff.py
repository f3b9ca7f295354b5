"""What changed between two versions of a pack, in plain words, for a board to sign off.

``python -m behaviours diff OLD NEW`` writes Markdown: every change of level first (a
descriptor's level, or its levels by age), then descriptors added, removed and reworded
(matched by id), contacts whose numbers, hours or status changed (with a warning where a
number changed but ``last_verified`` did not), routes, law notes and the rest.

Both packs are compared as loaded, so what is compared is what users read: references
resolved, hours worded from the times.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from behaviours.core.text import long_date
from behaviours.pack.model import Behaviour, ChannelKind, Contact, LawNote, LevelGuide, Route
from behaviours.pack.pack import Pack


def _levels(behaviour: Behaviour) -> str:
    """A descriptor's level in words, with its levels by age: 'amber (13-15: amber; 16-17: green)'."""
    words = behaviour.level.value
    if behaviour.by_age:
        words += " (" + "; ".join(f"at {c.ages}: {c.level.value}" for c in behaviour.by_age) + ")"
    return words


def _where(pack: Pack, behaviour: Behaviour) -> str:
    return f"`{behaviour.id}` ({pack.band_of(behaviour).label})"


def _steps(old: Sequence[str], new: Sequence[str]) -> list[str]:
    lines = [f"  - removed: {step}" for step in old if step not in new]
    lines += [f"  - added: {step}" for step in new if step not in old]
    if not lines and list(old) != list(new):
        lines.append("  - the same steps in a new order")
    return lines


def _numbers(contact: Contact) -> list[str]:
    return [c.value for c in contact.channels if c.kind in (ChannelKind.PHONE, ChannelKind.TEXT)]


def _links(contact: Contact) -> list[str]:
    return [c.value for c in contact.channels if c.kind not in (ChannelKind.PHONE, ChannelKind.TEXT)]


def _hours(contact: Contact) -> str:
    if contact.open_always:
        return "24 hours"
    return contact.hours or "not given"


def _by_id(items: Iterable[Any]) -> dict[str, Any]:
    return {item.id: item for item in items}


def level_changes(old: Pack, new: Pack) -> list[str]:
    lines = []
    before = _by_id(old.all_behaviours)
    for behaviour in new.all_behaviours:
        was = before.get(behaviour.id)
        if was is not None and _levels(was) != _levels(behaviour):
            lines.append(f"- **{_where(new, behaviour)}: {_levels(was)} → {_levels(behaviour)}**  \n  {behaviour.text}")
    return lines


def descriptor_changes(old: Pack, new: Pack) -> tuple[list[str], list[str], list[str]]:
    before, after = _by_id(old.all_behaviours), _by_id(new.all_behaviours)
    added = [f"- {_where(new, b)}, **{_levels(b)}**: {b.text}" for b in new.all_behaviours if b.id not in before]
    removed = [f"- {_where(old, b)}, **{_levels(b)}**: {b.text}" for b in old.all_behaviours if b.id not in after]
    reworded = []
    for b in new.all_behaviours:
        was = before.get(b.id)
        if was is None:
            continue
        parts = []
        if was.text != b.text:
            parts += [f"  - was: {was.text}", f"  - now: {b.text}"]
        if list(was.consider) != list(b.consider):
            parts += [f"  - consider {line[4:]}" for line in _steps(was.consider, b.consider)]
        if sorted(was.law) != sorted(b.law):
            parts.append(f"  - law notes: {', '.join(was.law) or 'none'} → {', '.join(b.law) or 'none'}")
        if parts:
            reworded.append(f"- {_where(new, b)}\n" + "\n".join(parts))
    return added, removed, reworded


def contact_changes(old: Pack, new: Pack) -> list[str]:
    before, after = _by_id(old.contacts), _by_id(new.contacts)
    lines = [
        f"- added: **{c.name}** ({', '.join(_numbers(c)) or 'no number'}; {c.status.value})"
        for c in new.contacts
        if c.id not in before
    ]
    lines += [f"- removed: **{c.name}**" for c in old.contacts if c.id not in after]
    for contact in new.contacts:
        was = before.get(contact.id)
        if was is None:
            continue
        parts = []
        if was.name != contact.name:
            parts.append(f"  - name: {was.name} → {contact.name}")
        if _numbers(was) != _numbers(contact):
            parts.append(
                f"  - **number: {', '.join(_numbers(was)) or 'none'} → {', '.join(_numbers(contact)) or 'none'}**"
            )
            if was.checked_on == contact.checked_on:
                parts.append(
                    f"  - ⚠ **Warning: the number changed but last_verified did not "
                    f"(still {long_date(contact.checked_on)}). Check the new number and update the date.**"
                )
        if _links(was) != _links(contact):
            parts.append(f"  - links: {', '.join(_links(was)) or 'none'} → {', '.join(_links(contact)) or 'none'}")
        if _hours(was) != _hours(contact):
            parts.append(f"  - hours: {_hours(was)} → {_hours(contact)}")
        if was.status != contact.status:
            parts.append(f"  - status: {was.status.value} → {contact.status.value}")
        if was.checked_on != contact.checked_on:
            parts.append(f"  - last checked: {long_date(was.checked_on)} → {long_date(contact.checked_on)}")
        if parts:
            lines.append(f"- **{contact.name}**\n" + "\n".join(parts))
    if old.roles != new.roles:
        lines.append(f"- roles: {old.roles.model_dump()} → {new.roles.model_dump()}")
    return lines


def _route_lines(was: Route, now: Route) -> list[str]:
    parts = []
    if was.title != now.title:
        parts.append(f"  - title: {was.title} → {now.title}")
    parts += [f"  - in your setting, {line[4:]}" for line in _steps(was.in_your_setting, now.in_your_setting)]
    parts += [f"  - route out, {line[4:]}" for line in _steps(was.route_out, now.route_out)]
    if list(was.contacts) != list(now.contacts):
        parts.append(f"  - contacts: {', '.join(was.contacts) or 'none'} → {', '.join(now.contacts) or 'none'}")
    return parts


def _matched_changes(
    old: Sequence[Any], new: Sequence[Any], added: Callable[[Any], str], details: Callable[[Any, Any], list[str]]
) -> list[str]:
    """Items matched by id: each added one (as ``added`` words it), each removed one by title, and each
    changed one by title with the ``details`` of what changed."""
    before, after = _by_id(old), _by_id(new)
    lines = [f"- added: {added(item)}" for item in new if item.id not in before]
    lines += [f"- removed: **{item.title}**" for item in old if item.id not in after]
    for item in new:
        was = before.get(item.id)
        parts = details(was, item) if was is not None else []
        if parts:
            lines.append(f"- **{item.title}**\n" + "\n".join(parts))
    return lines


def _named_changes(
    old: Sequence[Any],
    new: Sequence[Any],
    kind: str,
    name: Callable[[Any], str],
    added_note: Callable[[Any], str],
    changed_note: Callable[[Any, Any], str],
) -> list[str]:
    """Items matched by id, one line each: '<kind> added' or 'changed' in the new order (with the
    notes each gives), then '<kind> removed'."""
    before, after = _by_id(old), _by_id(new)
    lines = []
    for item in new:
        was = before.get(item.id)
        if was is None:
            lines.append(f"- {kind} added: {name(item)}{added_note(item)}")
        elif was != item:
            lines.append(f"- {kind} changed: {name(item)}{changed_note(was, item)}")
    lines += [f"- {kind} removed: {name(item)}" for item in old if item.id not in after]
    return lines


def route_changes(old: Pack, new: Pack) -> list[str]:
    return _matched_changes(old.routes, new.routes, lambda r: f"**{r.title}**", _route_lines)


def _law_lines(was: LawNote, now: LawNote) -> list[str]:
    parts = []
    for field in ("title", "text", "source", "link"):
        a, b = getattr(was, field), getattr(now, field)
        if a != b:
            parts += [f"  - {field} was: {a}", f"  - {field} now: {b}"]
    return parts


def law_changes(old: Pack, new: Pack) -> list[str]:
    return _matched_changes(old.law, new.law, lambda n: f"**{n.title}**: {n.text}", _law_lines)


def other_changes(old: Pack, new: Pack) -> list[str]:
    lines = []
    for level in ("green", "amber", "red"):
        a: LevelGuide = getattr(old.info.levels, level)
        b: LevelGuide = getattr(new.info.levels, level)
        if a != b:
            changed = [f for f in type(a).model_fields if getattr(a, f) != getattr(b, f)]
            lines.append(f"- the {level} level guide (pack.yaml): {', '.join(changed)} changed")
    lines += _named_changes(
        old.criteria,
        new.criteria,
        "criterion",
        lambda c: c.name,
        lambda c: "",
        lambda was, c: (
            f" (**raises to {was.raises_to.value} → {c.raises_to.value}**)" if was.raises_to != c.raises_to else ""
        ),
    )
    lines += _named_changes(
        old.scenarios,
        new.scenarios,
        "scenario",
        lambda s: s.title,
        lambda s: f" (answer {s.answer.value})",
        lambda was, s: f" (**answer {was.answer.value} → {s.answer.value}**)" if was.answer != s.answer else "",
    )
    for field in ("about", "adult_note", "developmental_age_note"):
        if getattr(old.info, field) != getattr(new.info, field):
            lines.append(f"- pack.yaml `{field}` changed")
    return lines


def _section(title: str, lines: list[str], none: str = "None.") -> list[str]:
    return [f"## {title}", "", *(lines or [none]), ""]


def diff_report(old: Pack, new: Pack, old_name: str, new_name: str) -> str:
    """The Markdown report of what changed from ``old`` to ``new``."""
    levels = level_changes(old, new)
    added, removed, reworded = descriptor_changes(old, new)
    contacts = contact_changes(old, new)
    routes = route_changes(old, new)
    law = law_changes(old, new)
    other = other_changes(old, new)
    out = [
        f"# What changed: {old.info.name} {old.info.version} → {new.info.version}",
        "",
        f"Compared `{old_name}` (version {old.info.version}, reviewed {long_date(old.info.last_reviewed)}) "
        f"with `{new_name}` (version {new.info.version}, reviewed {long_date(new.info.last_reviewed)}).",
        "",
        f"- Changes of level: **{len(levels)}**",
        f"- Descriptors added: {len(added)}; removed: {len(removed)}; reworded: {len(reworded)}",
        f"- Contacts changed: {len(contacts)}; routes changed: {len(routes)}; law notes changed: {len(law)}",
        "",
    ]
    out += _section("Changes of level (check each one)", levels)
    out += _section("Descriptors added", added)
    out += _section("Descriptors removed", removed)
    out += _section("Descriptors reworded", reworded)
    out += _section("Contacts", contacts)
    out += _section("Routes", routes)
    out += _section("Law notes", law)
    out += _section("Other changes", other)
    out += ["Signed off by: ____________________  Role: ____________________  Date: ____________", ""]
    return "\n".join(out)
