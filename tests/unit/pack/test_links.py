"""A number, label or link does what it shows: the checks in behaviours/links.py, case by case.

The broken-pack fixtures (test_validator_fixtures.py) prove each message reaches the editor
with its file and line; these cases pin what is refused and, as important, what is not.
"""

from __future__ import annotations

import pytest

from behaviours.pack.links import (
    addresses_in,
    free_text_address_problem,
    international_host_problem,
    invisible_character,
    is_public_https,
    other_digit,
    phone_label_problem,
    reordering_character,
    shared_number_problem,
    user_info_problem,
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


# ---------------------------------------------------------------- digits other than 0-9 (issue 26, finding 4)


@pytest.mark.parametrize(
    ("text", "named", "plain"),
    [
        ("٠٨٠٨ ٨٠٠ ٥٠٠٠", "U+0660 ARABIC-INDIC DIGIT ZERO", "0808 800 5000"),
        ("۰۸۰۸ 800 5000", "U+06F0 EXTENDED ARABIC-INDIC DIGIT ZERO", "0808 800 5000"),
        ("０３４５ 678 9021", "U+FF10 FULLWIDTH DIGIT ZERO", "0345 678 9021"),
        ("NSPCC 0808 800 500०", "U+0966 DEVANAGARI DIGIT ZERO", "NSPCC 0808 800 5000"),
        ("Call 0345 678 902¹", "U+00B9 SUPERSCRIPT ONE", "Call 0345 678 9021"),
    ],
)
def test_a_digit_other_than_0_to_9_is_refused_with_the_number_to_write(text: str, named: str, plain: str) -> None:
    message = other_digit(text)
    assert message is not None
    assert named in message
    assert message.endswith(f"write '{plain}'")


@pytest.mark.parametrize("text", ["0808 800 5000", "NSPCC helpline", "Café Compass – Telford", "Ages 9½"])
def test_plain_digits_and_other_letters_are_not_taken_for_other_digits(text: str) -> None:
    assert other_digit(text) is None


# ---------------------------------------------------------------- hosts that can look like another site's (finding 5)


@pytest.mark.parametrize(
    ("link", "shown"),
    [
        ("https://www.nspcc.оrg.uk/", "U+043E CYRILLIC SMALL LETTER O"),  # Cyrillic o
        ("https://www.childlіne.org.uk/", "U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I"),
        ("https://www.nspcc.org。uk/", "U+3002 IDEOGRAPHIC FULL STOP"),  # a dot a browser reads as '.'
        ("https://www.xn--nspcc-9ua.org.uk/", "punycode ('xn--nspcc-9ua')"),
        ("https://XN--80AK6AA92E.com/", "punycode ('xn--80ak6aa92e')"),
    ],
)
def test_a_host_in_another_script_or_punycode_is_refused(link: str, shown: str) -> None:
    message = international_host_problem(link)
    assert message is not None
    assert shown in message
    assert "under allowed_international_hosts: in pack.yaml" in message


def test_a_host_the_pack_allows_is_accepted_written_as_the_link_writes_it() -> None:
    assert international_host_problem("https://xn--80ak6aa92e.com/page", ["XN--80ak6aa92e.com."]) is None
    assert international_host_problem("https://xn--80ak6aa92e.com/page", ["www.xn--80ak6aa92e.com"]) is not None


@pytest.mark.parametrize("link", ["https://www.nspcc.org.uk/", "https://www.telford.gov.uk/", "https://paceuk.info/"])
def test_plain_hosts_are_accepted(link: str) -> None:
    assert international_host_problem(link) is None


# ---------------------------------------------------------------- a name before '@' (finding 5)


@pytest.mark.parametrize(
    ("link", "before", "opens"),
    [
        ("https://www.westmercia.police.uk@evil.example/", "www.westmercia.police.uk", "evil.example"),
        ("https://user:pw@www.example.org/", "user:pw", "www.example.org"),
        ("https://@www.example.org/", "", "www.example.org"),
    ],
)
def test_a_link_with_a_name_before_an_at_sign_is_refused(link: str, before: str, opens: str) -> None:
    expected = (
        f"the link has '{before}@' before its address, so it opens {opens}, whatever comes before the '@'; "
        f"delete '{before}@' and check that {opens} is the site you mean"
    )
    assert user_info_problem(link) == expected
    assert web_link_problem(link) == expected


def test_an_at_sign_in_the_path_is_not_a_name_before_the_host() -> None:
    assert web_link_problem("https://www.example.org/@team/page") is None


# ---------------------------------------------------------------- 999, 112 and 101 under another service's label


@pytest.mark.parametrize(
    ("contact", "label", "value"),
    [
        ("Emergency services (999)", "Emergency", "999"),
        ("Emergency services (999)", None, "999"),
        ("Emergency services", "Call 112", "112"),
        ("West Mercia Police (non-emergency 101)", "Police non-emergency", "101"),
        ('Child sex offender disclosure scheme ("Sarah\'s Law")', "Apply by phone (police non-emergency)", "101"),
        ("NSPCC helpline", "NSPCC helpline", "0808 800 5000"),  # its own number
        ("Missing People", "Call", "116 000"),
    ],
)
def test_a_shared_number_that_says_what_it_reaches_is_accepted(contact: str, label: str | None, value: str) -> None:
    assert shared_number_problem(contact, label, value) is None


@pytest.mark.parametrize(
    ("contact", "label", "value", "message"),
    [
        (
            "NSPCC helpline",
            "NSPCC helpline",
            "999",
            "'NSPCC helpline' dials 999, which reaches the emergency services, not NSPCC helpline; "
            "write label: Emergency 999, or give NSPCC helpline's own number",
        ),
        (
            "NSPCC helpline",
            "NSPCC emergency line",  # says emergency, but reads as the NSPCC's own line
            "112",
            "'NSPCC emergency line' dials 112, which reaches the emergency services, not NSPCC helpline; "
            "write label: Emergency 112, or give NSPCC helpline's own number",
        ),
        (
            "Emergency Social Work Team (out of hours)",
            "Emergency Social Work Team",
            "999",
            "'Emergency Social Work Team' dials 999, which reaches the emergency services, not Emergency Social "
            "Work Team (out of hours); write label: Emergency 999, or give Emergency Social Work Team (out of "
            "hours)'s own number",
        ),
        (
            "Childline",
            None,
            "101",
            "this channel dials 101, which reaches the police non-emergency line, not Childline, but has no label "
            "to say so; write label: Police non-emergency 101, or give Childline's own number",
        ),
        (
            "Emergency services (999)",
            "NSPCC helpline",  # the service itself, under another's name
            "999",
            "'NSPCC helpline' dials 999, which reaches the emergency services; write label: Emergency 999",
        ),
        (
            "West Mercia Police (non-emergency 101)",
            "Police non-emergency",  # "non-emergency" does not say 999
            "999",
            "'Police non-emergency' dials 999, which reaches the emergency services, not West Mercia Police "
            "(non-emergency 101); write label: Emergency 999, or give West Mercia Police (non-emergency 101)'s own "
            "number",
        ),
    ],
)
def test_a_shared_number_under_another_services_label_is_refused(
    contact: str, label: str | None, value: str, message: str
) -> None:
    assert shared_number_problem(contact, label, value) == message


# ---------------------------------------------------------------- web addresses in free text


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("See https://evil.example/page for more.", ["https://evil.example/page"]),
        ("Go to www.nspcc.org.uk.", ["www.nspcc.org.uk"]),
        ("Read nspcc.org.uk/advice today", ["nspcc.org.uk/advice"]),
        ("Look-alike www.nspcc.\u043erg.uk here", ["www.nspcc.\u043erg.uk"]),
        ("A [link](https://x.example.org/a) in Markdown", ["link](https://x.example.org/a"]),
        ("ftp://files.example.org/x", ["ftp://files.example.org/x"]),
    ],
)
def test_web_addresses_in_free_text_are_found(text: str, found: list[str]) -> None:
    assert addresses_in(text) == found
    assert free_text_address_problem(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Talk to the DSL, e.g. about St.Mary's, i.e. the school.",
        "E-mail help@nspcc.org.uk for advice.",
        "Section 66A of the Sexual Offences Act 2003.",
        "Call 0345 678 9021. Then 999.",
        "Ages 9.5 to 13.",
    ],
)
def test_plain_sentences_and_email_addresses_hold_no_web_address(text: str) -> None:
    assert addresses_in(text) == []
    assert free_text_address_problem(text) is None


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("https://www.nspcc.org.uk/keeping-children-safe/", True),
        ("http://www.nspcc.org.uk/", False),  # not encrypted
        ("https://intranet.harbour.local/contacts", False),
        ("https://localhost/contacts", False),
        ("https://10.0.0.5/contacts", False),
        ("https://sharepoint/sites/safeguarding", False),
    ],
)
def test_a_public_https_address_is_a_named_host_on_the_internet(address: str, public: bool) -> None:
    assert is_public_https(address) is public
