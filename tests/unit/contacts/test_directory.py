"""The helplines directory rules: who sees which entry, in what order, and whether the front door is open."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from pack_builder import REPO_ROOT

from behaviours.contacts.directory import (
    AUDIENCE_CHOICES,
    CHANNEL_CHOICES,
    audience_words,
    channel_words,
    directory_order,
    filter_contacts,
    short_name,
)
from behaviours.contacts.hours import UK
from behaviours.pack.model import Audience, Channel, ChannelKind, Contact, Status
from behaviours.pack.pack import Pack

SHIPPED = REPO_ROOT / "behaviours" / "content"
# Sunday 29 November 2026 and the Monday after it, in UK time.
MONDAY_10AM = dt.datetime(2026, 11, 30, 10, 0, tzinfo=UK)
MONDAY_5PM = dt.datetime(2026, 11, 30, 17, 0, tzinfo=UK)
SUNDAY_NOON = dt.datetime(2026, 12, 6, 12, 0, tzinfo=UK)


def _entry(
    contact_id: str, *, audience: list[Audience], kinds: list[ChannelKind], status: Status, local: bool
) -> Contact:
    values = {
        ChannelKind.PHONE: "0808 800 5000",
        ChannelKind.TEXT: "07537 402 024",
        ChannelKind.EMAIL: "help@example.org",
        ChannelKind.WEB: "https://example.org",
        ChannelKind.CHAT: "https://example.org/chat",
    }
    return Contact(
        id=contact_id,
        name=contact_id.replace("-", " ").title(),
        summary="A test entry.",
        audience=audience,
        channels=[Channel(kind=kind, value=values[kind]) for kind in kinds],
        source="Test source",
        last_verified=dt.date(2026, 11, 1),
        status=status,
        local=local,
    )


@pytest.fixture(scope="module")
def directory(minimal: Pack) -> Pack:
    """The minimal pack with a spread of extra entries: every status, local or national, each channel."""
    extra = (
        _entry(
            "national-outdated",
            audience=[Audience.YOUNG_PEOPLE],
            kinds=[ChannelKind.WEB],
            status=Status.OUTDATED,
            local=False,
        ),
        _entry(
            "national-unverified",
            audience=[Audience.PARENTS_CARERS],
            kinds=[ChannelKind.EMAIL],
            status=Status.UNVERIFIED,
            local=False,
        ),
        _entry(
            "local-unverified",
            audience=[Audience.YOUNG_PEOPLE, Audience.PROFESSIONALS],
            kinds=[ChannelKind.TEXT],
            status=Status.UNVERIFIED,
            local=True,
        ),
        _entry(
            "national-verified",
            audience=[Audience.YOUNG_PEOPLE],
            kinds=[ChannelKind.PHONE, ChannelKind.CHAT],
            status=Status.VERIFIED,
            local=False,
        ),
    )
    return dataclasses.replace(minimal, contacts=minimal.contacts + extra)


def ids(contacts: list[Contact]) -> list[str]:
    return [c.id for c in contacts]


def test_with_no_filter_every_entry_is_listed_local_first_then_verified_then_the_rest(directory: Pack) -> None:
    assert ids(filter_contacts(directory)) == [
        "front-door",  # local, verified
        "local-unverified",  # local, unverified
        "out-of-hours",  # national, verified, in pack order
        "emergency",
        "national-verified",
        "national-unverified",
        "national-outdated",
    ]


def test_order_keeps_the_packs_order_among_equals(minimal: Pack) -> None:
    national = [c for c in minimal.contacts if not c.local]
    assert directory_order(reversed(national)) == list(reversed(national))


@pytest.mark.parametrize(
    ("audience", "expected"),
    [
        (Audience.YOUNG_PEOPLE, ["local-unverified", "emergency", "national-verified", "national-outdated"]),
        (Audience.PARENTS_CARERS, ["emergency", "national-unverified"]),
        (Audience.PROFESSIONALS, ["front-door", "local-unverified", "out-of-hours", "emergency"]),
    ],
)
def test_an_audience_shows_its_own_entries_and_those_for_anyone(
    directory: Pack, audience: Audience, expected: list[str]
) -> None:
    assert ids(filter_contacts(directory, audience)) == expected


def test_entries_for_anyone_show_under_every_audience(minimal: Pack) -> None:
    for audience in AUDIENCE_CHOICES:
        assert "emergency" in ids(filter_contacts(minimal, audience)), audience_words(audience)


@pytest.mark.parametrize(
    ("channels", "expected"),
    [
        ([ChannelKind.TEXT], ["local-unverified"]),
        ([ChannelKind.EMAIL, ChannelKind.WEB], ["national-unverified", "national-outdated"]),
        ([ChannelKind.CHAT], ["national-verified"]),
        (
            [],
            [
                "front-door",
                "local-unverified",
                "out-of-hours",
                "emergency",
                "national-verified",
                "national-unverified",
                "national-outdated",
            ],
        ),
    ],
)
def test_channels_keep_entries_reachable_by_any_of_them(
    directory: Pack, channels: list[ChannelKind], expected: list[str]
) -> None:
    assert ids(filter_contacts(directory, None, channels)) == expected


def test_audience_and_channel_filters_combine(directory: Pack) -> None:
    assert ids(filter_contacts(directory, Audience.YOUNG_PEOPLE, [ChannelKind.PHONE])) == [
        "emergency",
        "national-verified",
    ]
    assert filter_contacts(directory, Audience.PARENTS_CARERS, [ChannelKind.TEXT]) == []


def test_every_choice_has_words_a_reader_understands() -> None:
    assert [audience_words(a) for a in AUDIENCE_CHOICES] == ["young people", "parents and carers", "professionals"]
    assert audience_words(Audience.ANYONE) == "anyone"
    assert [channel_words(k) for k in CHANNEL_CHOICES] == ["phone", "text message", "e-mail", "website", "online chat"]


def test_short_name_drops_a_trailing_aside_only(minimal: Pack) -> None:
    entry = _entry("x", audience=[Audience.ANYONE], kinds=[ChannelKind.WEB], status=Status.VERIFIED, local=False)
    assert short_name(entry.model_copy(update={"name": "Compass (Shropshire Council)"})) == "Compass"
    assert short_name(entry.model_copy(update={"name": "Stop CSE / NWG Network"})) == "Stop CSE / NWG Network"
    assert short_name(entry.model_copy(update={"name": "(Only brackets)"})) == "(Only brackets)"
    assert short_name(entry.model_copy(update={"name": 'Scheme ("Sarah\'s Law") for parents'})) == (
        'Scheme ("Sarah\'s Law") for parents'
    )
