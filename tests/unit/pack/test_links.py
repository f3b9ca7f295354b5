"""A number, label or link does what it shows: the checks in behaviours/links.py, case by case.

The broken-pack fixtures (test_validator_fixtures.py) prove each message reaches the editor
with its file and line; these cases pin what is refused and, as important, what is not.
"""

from __future__ import annotations

import pytest

from behaviours.pack.links import (
    invisible_character,
    phone_label_problem,
    reordering_character,
    web_label_problem,
    web_link_problem,
)

FORMAT_CHARACTERS = [
    "\u061c",  # Arabic letter mark
    "\u200b",  # zero-width space
    "\u200c",
    "\u200d",
    "\u200e",  # left-to-right mark
    "\u200f",  # right-to-left mark
    *(chr(code) for code in range(0x202A, 0x202F)),  # embeddings and overrides
    *(chr(code) for code in range(0x2066, 0x206A)),  # isolates
    "\u2060",  # word joiner
    "\ufeff",  # byte-order mark inside text
    "\u00ad",  # soft hyphen
]
# Punctuation of right-to-left scripts that reorders the digits around it when shown.
REORDERING_PUNCTUATION = ["\u05be", "\u05c0", "\u05c3", "\u05f3", "\u05f4", "\u061b", "\u061f", "\u066b", "\u066c"]


@pytest.mark.parametrize("ch", FORMAT_CHARACTERS, ids=lambda ch: f"U+{ord(ch):04X}")
def test_every_invisible_or_direction_character_is_refused_and_named(ch: str) -> None:
    message = invisible_character(f"0345 678{ch} 9021")
    assert message is not None
    assert f"U+{ord(ch):04X}" in message
    assert "after '0345 678'" in message


@pytest.mark.parametrize("ch", REORDERING_PUNCTUATION, ids=lambda ch: f"U+{ord(ch):04X}")
def test_right_to_left_punctuation_is_refused_in_numbers_labels_and_links(ch: str) -> None:
    message = reordering_character(f"0345 {ch}678 9021")
    assert message is not None
    assert f"U+{ord(ch):04X}" in message


@pytest.mark.parametrize(
    "text", ["0345 678 9021", "+44 (0)345 678-9021", "٩٩٩", "NSPCC helpline", "Café Compass – Telford"]
)
def test_plain_text_and_other_scripts_digits_are_accepted(text: str) -> None:
    assert invisible_character(text) is None
    assert reordering_character(text) is None


@pytest.mark.parametrize(
    ("label", "value"),
    [
        ("Compass", "0345 678 9021"),
        ("24-hour helpline", "0800 783 1359"),  # two digits are not a number
        ("Call 0345 678 9021", "0345 678 9021"),
        ("Compass: 0345 6789021", "0345 678 9021"),
        ("+44 345 678 9021", "0345 678 9021"),
        ("Missing People 116 000", "116 000"),
        ("Emergency 999", "999"),
    ],
)
def test_a_label_showing_the_number_dialled_is_accepted(label: str, value: str) -> None:
    assert phone_label_problem(label, value) is None


@pytest.mark.parametrize(
    ("label", "value"),
    [
        ("Compass 0345 678 9991", "999"),
        ("Compass 0345 678 9021", "0345 678 9040"),
        ("Childline 0800 1111", "0800 111 1111"),
        ("Call 0345 678 9021 option 2", "0345 678 9021"),  # the label's digits are not one number
    ],
)
def test_a_label_showing_other_digits_is_refused(label: str, value: str) -> None:
    message = phone_label_problem(label, value)
    assert message == (
        f"the label '{label}' shows other digits than the number dialled ({value}); "
        "write the same number in both, or leave the number out of the label"
    )


@pytest.mark.parametrize(
    ("label", "link"),
    [
        ("NSPCC website", "https://www.example.org/"),
        ("nspcc.org.uk", "https://www.nspcc.org.uk/keeping-children-safe/"),
        ("www.nspcc.org.uk", "https://nspcc.org.uk/"),
        ("https://www.NSPCC.org.uk/", "https://www.nspcc.org.uk/about"),
        ("Talk to St.Mary's team", "https://www.example.org/"),  # not a domain
        ("See the guide, e.g. page 4", "https://www.example.org/"),
    ],
)
def test_a_web_label_naming_the_links_own_host_or_no_host_is_accepted(label: str, link: str) -> None:
    assert web_label_problem(label, link) is None


@pytest.mark.parametrize(
    ("label", "link", "shown", "opens"),
    [
        ("https://www.nspcc.org.uk/", "https://www.example.org/", "https://www.nspcc.org.uk/", "www.example.org"),
        ("nspcc.org.uk", "https://nspcc.org.uk.example.net/", "nspcc.org.uk", "nspcc.org.uk.example.net"),
        ("Go to www.childline.org.uk", "https://www.nspcc.org.uk/", "www.childline.org.uk", "www.nspcc.org.uk"),
        ("learning.nspcc.org.uk", "https://www.nspcc.org.uk/", "learning.nspcc.org.uk", "www.nspcc.org.uk"),
    ],
)
def test_a_web_label_naming_another_host_is_refused(label: str, link: str, shown: str, opens: str) -> None:
    assert web_label_problem(label, link) == (
        f"the label shows '{shown}' but the link opens {opens}; "
        "make the label name the site the link opens, or describe it in words"
    )


@pytest.mark.parametrize(
    ("link", "fine"),
    [
        ("https://www.example.org/", True),
        ("http://www.example.org/", True),  # allowed, with a warning from the rules
        ("javascript:alert(1)", False),
        ("www.example.org", False),
        ("https://localhost/", False),
        ("https://www.example.org/a page", False),
    ],
)
def test_web_links(link: str, fine: bool) -> None:
    assert (web_link_problem(link) is None) is fine
