"""UK phone numbers as the pack gives them, and the tel: links a phone opens."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from behaviours.core.phones import InvalidPhoneNumber, parse_uk_number
from behaviours.pack.model import Channel, ChannelKind


@pytest.mark.parametrize(
    ("written", "kind", "tel"),
    [
        ("999", "emergency", "tel:999"),
        ("112", "emergency", "tel:112"),
        ("116 000", "short", "tel:116000"),
        ("116 123", "short", "tel:116123"),
        ("101", "short", "tel:101"),
        ("111", "short", "tel:111"),
        ("0345 678 9021", "full", "tel:+443456789021"),
        ("0800 1111", "full", "tel:+448001111"),
        ("0808 800 5000", "full", "tel:+448088005000"),
        ("020 7946 0958", "full", "tel:+442079460958"),
        ("+44 20 7946 0958", "full", "tel:+442079460958"),
        ("+44 (0)20 7946 0958", "full", "tel:+442079460958"),
        ("(0345) 678-9021", "full", "tel:+443456789021"),
        ("٩٩٩", "emergency", "tel:999"),  # Arabic-Indic digits still dial 999
    ],
)
def test_numbers_a_uk_phone_can_call(written: str, kind: str, tel: str) -> None:
    number = parse_uk_number(written)
    assert number.kind == kind
    assert number.tel_uri == tel
    assert number.sms_uri == "sms:" + tel.removeprefix("tel:")
    assert number.display == written


def test_the_number_is_shown_as_written_with_spacing_tidied() -> None:
    number = parse_uk_number("  0345\u00a0678   9021 ")
    assert number.display == "0345 678 9021"
    assert number.tel_uri == "tel:+443456789021"


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("0345 678 902", "'0345 678 902' is not a valid UK number"),  # a digit short
        ("0345 678 90210", "'0345 678 90210' is not a valid UK number"),  # a digit long
        ("12345", "'12345' is not a valid UK number"),
        ("116 117", "'116 117' is not a valid UK number"),  # not an allocated 116 number
        ("+44 999", "'+44 999' is not a valid UK number"),
        ("0345 678 902I", "'0345 678 902I' is not a phone number"),  # a capital I for a 1
        ("0345 CHILDLINE", "'0345 CHILDLINE' is not a phone number"),
        ("call 999", "'call 999' is not a phone number"),
        ("abc", "'abc' is not a phone number"),
        ("", "'' is not a phone number"),
        ("   ", "'   ' is not a phone number"),
        ("+", "'+' is not a phone number"),
        ("+999", "'+999' is not a phone number"),
        ("0345 678 9021 0345 678 9040", "'0345 678 9021 0345 678 9040' is not a phone number"),  # two numbers
        ("+1 202 555 0123", "'+1 202 555 0123' is not a valid UK number"),  # United States
        ("+33 1 23 45 67 89", "'+33 1 23 45 67 89' is not a valid UK number"),  # France
        ("00 33 1 23 45 67 89", "'00 33 1 23 45 67 89' is not a valid UK number"),
        ("+353 1 234 5678", "'+353 1 234 5678' is not a valid UK number"),  # Ireland
    ],
)
def test_numbers_that_are_refused_say_why(written: str, message: str) -> None:
    with pytest.raises(InvalidPhoneNumber) as caught:
        parse_uk_number(written)
    assert str(caught.value) == message


@settings(max_examples=300, deadline=1000)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40) | st.from_regex(r"\A\+?[0-9 ()\-.]{0,25}\Z"))
def test_any_text_is_either_a_number_or_refused_with_invalid_phone_number(text: str) -> None:
    try:
        number = parse_uk_number(text)
    except InvalidPhoneNumber as exc:
        assert str(exc).startswith(f"'{text}' is not a ")
        return
    assert number.kind in ("full", "short", "emergency")
    # A tel: link must hold only what a phone dials.
    assert number.tel_uri.removeprefix("tel:").lstrip("+").isascii()
    assert number.tel_uri.removeprefix("tel:").lstrip("+").isdigit()


def test_other_scripts_digits_dial_plain_digits_but_a_pack_may_not_hold_them() -> None:
    # The parser reads them (a tel: link never holds them), but Chromium can draw them out of order,
    # so the pack's model refuses them with the number to write instead (issue 26, finding 4).
    written = "\u0660\u0668\u0660\u0668 \u0668\u0660\u0660 \u0665\u0660\u0660\u0660"
    assert parse_uk_number(written).tel_uri == "tel:+448088005000"
    with pytest.raises(ValidationError) as caught:
        Channel(kind=ChannelKind.PHONE, value=written)
    assert caught.value.errors()[0]["msg"] == (
        "the text holds U+0660 ARABIC-INDIC DIGIT ZERO, at the start, a digit that is not one of 0 to 9; "
        "a browser can show such digits in another order than they are dialled; write '0808 800 5000'"
    )
