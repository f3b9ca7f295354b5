"""Start the app the way `python -m streamlit run app.py` does, with the sign-in callback's log filter in place first.

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

install_callback_log_filter()

from streamlit.web.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(prog_name="streamlit"))
