"""The e-mail domain allow-list for a hosted instance with sign-in."""

import logging

import pytest

from behaviours.core.access import (
    CALLBACK_LOGGER,
    CallbackLogFilter,
    email_allowed,
    install_callback_log_filter,
    signed_in_label,
)

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


def _callback_record(error, description):
    # The exact call Streamlit 1.67 makes in starlette_auth_routes._auth_callback.
    return logging.LogRecord(
        CALLBACK_LOGGER,
        logging.ERROR,
        __file__,
        1,
        "Error during authentication: %s. Error description: %s",
        (error, description),
        None,
    )


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        ("access_denied", "access_denied"),
        ("consent_required", "consent_required"),
        ("Jane Doe, 7, Oak School", "(not a standard code)"),
        ("ACCESS_DENIED", "(not a standard code)"),
        (None, "(not a standard code)"),
    ],
)
def test_callback_errors_are_logged_without_what_the_client_typed(error, shown):
    record = _callback_record(error, "a child's name typed into a link")
    assert CallbackLogFilter().filter(record) is True  # the event is still logged
    message = record.getMessage()
    assert message == f"Sign-in callback returned an error: {shown} (description not logged)."
    assert "child" not in message


def test_other_log_lines_pass_unchanged():
    record = logging.LogRecord(CALLBACK_LOGGER, logging.WARNING, __file__, 1, "Missing provider %s", ("x",), None)
    assert CallbackLogFilter().filter(record) is True
    assert record.getMessage() == "Missing provider x"


def test_the_filter_sits_on_streamlits_callback_logger_once():
    # The logger Streamlit really uses for the callback (fails if a release renames it).
    from streamlit.web.server.starlette import starlette_auth_routes

    logger = logging.getLogger(CALLBACK_LOGGER)
    assert starlette_auth_routes._LOGGER is logger
    install_callback_log_filter()
    install_callback_log_filter()
    assert sum(isinstance(f, CallbackLogFilter) for f in logger.filters) == 1


@pytest.mark.parametrize(
    ("email", "label"),
    [
        ("dsl.test@shropshire.gov.uk", r"Signed in as dsl\.test@shropshire\.gov\.uk"),
        ("a_b*[x](y)@shropshire.gov.uk", r"Signed in as a\_b\*\[x\]\(y\)@shropshire\.gov\.uk"),
        (None, "Signed in as your work account"),
        ("  ", "Signed in as your work account"),
    ],
)
def test_the_signed_in_label_shows_the_address_as_text_not_markdown(email, label):
    assert signed_in_label(email) == label
