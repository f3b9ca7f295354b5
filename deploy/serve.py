"""Start the app the way `python -m streamlit run app.py` does, with the sign-in callback's log filter in place first,
and the sign-in cookie lasting a working day instead of Streamlit's 30 days.

Streamlit logs what a client sends to /oauth2callback (error and
error_description) at error level. app.py installs a filter for that log line
when it first runs, but a replica that has not served a page yet has not run
app.py. Installed here, before Streamlit starts, the filter is in place from
the first request. The image runs this (deploy/Dockerfile: CMD); arguments
are Streamlit's own:

    python /app/serve.py run app.py
"""

import os
import sys

# The working directory holds app.py and behaviours/ (/app in the image), as
# it is on sys.path for `python -m streamlit`.
sys.path.insert(0, os.getcwd())

from behaviours.core.access import install_callback_log_filter
from behaviours.core.signouts import SIGNIN_LIFETIME_SECONDS

install_callback_log_filter()


def shorten_signin_cookie() -> bool:
    """Make Streamlit's sign-in cookies last SIGNIN_LIFETIME_SECONDS (a working day), not 30 days.

    Streamlit 1.67 has no setting for this: its auth routes read the module constant
    AUTH_COOKIE_MAX_AGE_SECONDS each time they set the cookie, so it is replaced here before
    the server starts. If a later Streamlit moves it, nothing breaks: the cookie then lasts
    longer, and app.py still refuses a sign-in older than a working day (behaviours/signouts.py).
    """
    try:
        from streamlit.web.server.starlette import starlette_auth_routes
    except ImportError:
        return False
    if not hasattr(starlette_auth_routes, "AUTH_COOKIE_MAX_AGE_SECONDS"):
        return False
    starlette_auth_routes.AUTH_COOKIE_MAX_AGE_SECONDS = SIGNIN_LIFETIME_SECONDS  # type: ignore[misc]
    return True


shorten_signin_cookie()

# The largest message a client may send, in bytes. A browser sends only widget values: every
# text box has a max_chars of 200 at most, so a page's values are a few KiB. Streamlit's own
# setting (server.maxWidgetStateSize, .streamlit/config.toml) is in whole megabytes, and 1 MB a
# session let 150 sessions from one address hold about 2 MiB each in a replica (issue 26;
# bench/oversized_values.py). Streamlit truncates a text box's value to its max_chars, but
# keeps the message it came in; over this limit the connection is closed (1009, message too
# big) before the message is parsed, so nothing of it is kept or processed.
CLIENT_MESSAGE_LIMIT_BYTES = 64_000


def limit_client_messages() -> bool:
    """Refuse client messages over CLIENT_MESSAGE_LIMIT_BYTES (Streamlit 1.67 reads this limit from
    runtime_util's cached value, which is set here before the server starts)."""
    try:
        from streamlit.runtime import runtime_util
    except ImportError:
        return False
    if not hasattr(runtime_util, "_max_widget_state_size_bytes"):
        return False
    runtime_util._max_widget_state_size_bytes = CLIENT_MESSAGE_LIMIT_BYTES  # type: ignore[attr-defined]
    return True


limit_client_messages()

from streamlit.web.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(prog_name="streamlit"))
