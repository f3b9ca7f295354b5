"""The e-mail domain allow-list for a hosted instance with sign-in."""

import pytest

from behaviours.access import email_allowed

DOMAINS = ["shropshire.gov.uk", "@nhs.net"]


@pytest.mark.parametrize(
    ("email", "allowed"),
    [
        ("a.worker@shropshire.gov.uk", True),
        ("A.Worker@SHROPSHIRE.GOV.UK", True),
        ("nurse@nhs.net", True),
        ("someone@evil-shropshire.gov.uk", False),
        ("someone@shropshire.gov.uk.evil.com", False),
        ("someone@gmail.com", False),
        ("no-at-sign", False),
        ("two@@shropshire.gov.uk", False),
        ("@shropshire.gov.uk", False),
        ("", False),
        (None, False),
    ],
)
def test_only_listed_domains_get_in(email, allowed):
    assert email_allowed(email, DOMAINS) is allowed


def test_an_empty_allow_list_admits_any_signed_in_user_but_never_a_missing_email():
    assert email_allowed("anyone@example.org", []) is True
    assert email_allowed(None, []) is False
