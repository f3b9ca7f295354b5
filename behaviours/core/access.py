"""Who may use a hosted instance when sign-in is switched on."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable


def email_allowed(email: str | None, allowed_domains: Iterable[str]) -> bool:
    """True when the e-mail's domain is on the allow-list (exact domain, case-insensitive).

    An empty allow-list lets every signed-in user in; a missing or malformed e-mail never gets in.
    """
    domains = [d.strip().lower().lstrip("@") for d in allowed_domains if d and d.strip()]
    if not email or email.count("@") != 1:
        return False
    local, domain = email.strip().lower().split("@")
    if not local or not domain:
        return False
    return not domains or domain in domains


# The error codes an identity provider may send back to /oauth2callback (RFC 6749
# section 4.1.2.1 and OpenID Connect Core section 3.1.2.6). Anything else in that
# field came from whoever made the request, not from the provider.
KNOWN_CALLBACK_ERRORS = frozenset(
    {
        "invalid_request",
        "unauthorized_client",
        "access_denied",
        "unsupported_response_type",
        "invalid_scope",
        "server_error",
        "temporarily_unavailable",
        "interaction_required",
        "login_required",
        "account_selection_required",
        "consent_required",
        "invalid_request_uri",
        "invalid_request_object",
        "request_not_supported",
        "request_uri_not_supported",
        "registration_not_supported",
    }
)

# The logger and message Streamlit 1.67 uses when /oauth2callback?error=... arrives.
CALLBACK_LOGGER = "streamlit.web.server.starlette.starlette_auth_routes"
_CALLBACK_ERROR_MESSAGE = "Error during authentication:"


class CallbackLogFilter(logging.Filter):
    """Keeps what a client sent to the sign-in callback out of the server log.

    Anyone can open /oauth2callback?error=...&error_description=... and Streamlit
    logs both values. The description is free text from the request (it could be
    a name, or text crafted to mislead whoever reads the log), so it is never
    written; the error code is written only when it is one of the standard codes
    an identity provider sends (so "access_denied" still helps IT).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and record.msg.startswith(_CALLBACK_ERROR_MESSAGE):
            code = record.args[0] if isinstance(record.args, tuple) and record.args else None
            shown = code if isinstance(code, str) and code in KNOWN_CALLBACK_ERRORS else "(not a standard code)"
            record.msg = "Sign-in callback returned an error: %s (description not logged)."
            record.args = (shown,)
        return True


def install_callback_log_filter() -> None:
    """Add CallbackLogFilter to Streamlit's sign-in routes logger, once per process."""
    logger = logging.getLogger(CALLBACK_LOGGER)
    if not any(isinstance(existing, CallbackLogFilter) for existing in logger.filters):
        logger.addFilter(CallbackLogFilter())


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def signed_in_label(email: str | None) -> str:
    """'Signed in as ...' for the sidebar, as Markdown that shows the address exactly as it is.

    The address comes from the identity provider; escaping keeps characters
    such as '_' or '[' from becoming formatting or a link.
    """
    shown = _MARKDOWN_SPECIAL.sub(r"\\\1", email.strip()) if email and email.strip() else "your work account"
    return f"Signed in as {shown}"
