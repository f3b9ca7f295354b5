"""The one clock, the words for contacts, hours, dates and times, and the deployment's fallback contact."""

from __future__ import annotations

import datetime as dt

import pytest
from pack_builder import REPO_ROOT, TODAY

from behaviours.core import clock
from behaviours.core.fallback import parse_fallback_contact
from behaviours.pack.loader import load_pack
from behaviours.wording.contacts import channel_label, hours_words, moment_words, status_words, time_words

SHIPPED = REPO_ROOT / "behaviours" / "content"


def test_pinned_clock_wins_and_is_released() -> None:
    moment = dt.datetime(2031, 2, 3, 4, 5)
    with clock.pinned(moment) as pinned:
        assert clock.now() == pinned == moment.replace(tzinfo=clock.UK)
        assert clock.today() == dt.date(2031, 2, 3)
    assert clock.now() != pinned


def test_environment_pins_the_clock_in_uk_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(clock.NOW_ENV, "2026-12-04T17:30")
    assert clock.now() == dt.datetime(2026, 12, 4, 17, 30, tzinfo=clock.UK)
    monkeypatch.setenv(clock.NOW_ENV, "2026-07-01T12:00+00:00")
    assert clock.now().hour == 13  # 12:00 UTC is 1pm BST
    monkeypatch.setenv(clock.NOW_ENV, "2026-12-25")
    assert clock.now() == dt.datetime(2026, 12, 25, 12, 0, tzinfo=clock.UK)


def test_a_moment_file_moves_the_clock_of_a_running_server(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    moment = tmp_path / "now"
    moment.write_text("2026-12-10T16:59", encoding="utf-8")
    monkeypatch.delenv(clock.NOW_ENV, raising=False)
    monkeypatch.setenv(clock.NOW_FILE_ENV, str(moment))
    assert clock.now() == dt.datetime(2026, 12, 10, 16, 59, tzinfo=clock.UK)
    moment.write_text("2026-12-10T17:01", encoding="utf-8")
    assert clock.now() == dt.datetime(2026, 12, 10, 17, 1, tzinfo=clock.UK)
    monkeypatch.setenv(clock.NOW_ENV, "2026-12-04T09:00")  # a fixed moment wins
    assert clock.now().hour == 9


def test_a_bad_pinned_time_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(clock.NOW_ENV, "next friday")
    with pytest.raises(clock.ClockError, match="TRAFFIC_LIGHT_NOW='next friday' is not a date and time"):
        clock.now()


@pytest.mark.parametrize(
    ("time", "words"),
    [(dt.time(9), "9am"), (dt.time(16, 30), "4.30pm"), (dt.time(12), "12pm"), (dt.time(0, 5), "12.05am")],
)
def test_time_words(time: dt.time, words: str) -> None:
    assert time_words(time) == words


def test_moment_words_use_the_one_date_format() -> None:
    assert moment_words(dt.datetime(2026, 12, 29, 9, 0, tzinfo=clock.UK)) == "Tuesday 29 December 2026 at 9am"


def test_hours_read_one_way() -> None:
    pack = load_pack(SHIPPED, today=TODAY)
    by_id = {c.id: c for c in pack.contacts}
    assert hours_words(by_id["emergency-999"]) == "24 hours"
    assert hours_words(by_id["nspcc-helpline"]) == "Hours not known"
    assert hours_words(by_id["compass"]).startswith("Monday to Thursday 9am to 5pm")
    assert not hours_words(by_id["compass"]).endswith(".")
    assert status_words(by_id["compass"]) == "Verified 6 December 2026"


def test_a_channel_label_that_repeats_the_name_is_dropped() -> None:
    pack = load_pack(SHIPPED, today=TODAY)
    nspcc = pack.contact("nspcc-helpline")
    compass = pack.contact("compass")
    assert nspcc is not None and compass is not None
    assert channel_label(nspcc, nspcc.channels[0]) is None  # "NSPCC helpline" under "NSPCC helpline"
    assert channel_label(compass, compass.channels[0]) is None  # "Compass" under "Compass (Shropshire Council)"
    assert channel_label(compass, compass.channels[1]) == "Shropshire Council website"


@pytest.mark.parametrize(
    "value",
    [None, "", "Compass", "|0345 678 9021", "Compass|not a number", "A|B|0345 678 9021", "Compass|0345 678 90211"],
)
def test_fallback_contact_must_be_a_name_and_a_valid_number(value: str | None) -> None:
    assert parse_fallback_contact(value) is None


def test_fallback_contact_parsed() -> None:
    fallback = parse_fallback_contact(" Compass | 0345 678 9021 ")
    assert fallback is not None
    assert fallback.name == "Compass" and fallback.phone.display == "0345 678 9021"
    assert fallback.phone.tel_uri == "tel:+443456789021"
