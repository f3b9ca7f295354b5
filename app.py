"""The frame: page config, optional sign-in, navigation, and the always-visible immediate-danger panel."""

from pathlib import Path

import streamlit as st

from behaviours.core.access import install_callback_log_filter, signed_in_label
from ui.call_bar import frame_calls
from ui.frame_style import FRAME_CSS
from ui.moment import start_run
from ui.pack_loading import pack, pack_footer
from ui.page_menu import page_menu
from ui.signin import require_sign_in, sign_out

st.set_page_config(
    page_title="Traffic Light Reference",
    page_icon=str(Path(__file__).parent / "ui" / "icon.png"),  # served locally: no request leaves the network
    layout="wide",
    initial_sidebar_state="auto",  # open on desktops; on phones the page comes first, with the 999 line on it
)


def _auth_settings() -> tuple[bool, list[str]]:
    """Whether sign-in is configured ([auth] in secrets) and the allowed e-mail domains."""
    try:
        configured = "auth" in st.secrets
        domains = list(st.secrets.get("access", {}).get("allowed_domains", []))
    except (FileNotFoundError, KeyError, AttributeError, TypeError):
        return False, []
    except Exception:
        return False, []
    return configured, domains


# What a client sends to /oauth2callback is never logged verbatim (behaviours/access.py).
# The image installs this filter before the server starts (deploy/serve.py); this call
# covers a plain `streamlit run`. nginx (deploy/nginx.conf) keeps such requests away too.
install_callback_log_filter()
signin_required, allowed_domains = _auth_settings()
if signin_required:
    # Every run, before anything is shown: signed in, not signed out on any replica, not older
    # than a working day, e-mail not marked unverified, domain allowed (ui/signin.py).
    require_sign_in(allowed_domains)

content = pack()
# One moment for the frame: the panel and the line say the same about who answers now.
now = start_run(content)

with st.sidebar:
    # No call panel here: the call bar and the line under it say who to call, once (issue 24.5).
    if signin_required:
        # Whoever is signed in can leave from every page (a shared office computer).
        st.caption(signed_in_label(st.user.get("email")))
        st.button("Sign out", on_click=sign_out, key="sign_out")
    # Which guidance this replica serves, at the foot of the frame on every page (docs/deploy.md).
    # Drawn here, before the page runs, because a page that ends early (st.stop) draws nothing after it.
    pack_footer()
# The frame's stylesheet, once per run: the call bar that stays on screen, and the print layout.
st.html(FRAME_CSS)

HELPLINES = st.Page("pages/helplines.py", title="Helplines", icon=":material/call:", url_path="helplines")
# The pages that answer a question about a concern: their bar rings now for amber and red answers
# (and, until the page has said, to be safe); the others show 999 and a link to who to call.
ANSWER_PAGES = {"", "search", "case"}

# The frame's pages, in order: the sidebar lists them on a wide screen, the top menu on a narrow one.
PAGES = [
    st.Page("pages/lookup.py", title="Look up", icon=":material/search_check:", default=True),
    st.Page("pages/search.py", title="Search", icon=":material/search:", url_path="search"),
    st.Page("pages/case.py", title="Case discussion", icon=":material/forum:", url_path="case"),
    st.Page("pages/training.py", title="Training", icon=":material/school:", url_path="training"),
    st.Page("pages/room.py", title="Training room", icon=":material/co_present:", url_path="room"),
    st.Page("pages/join.py", title="Join a room", icon=":material/qr_code_2:", url_path="join"),
    st.Page("pages/agreement.py", title="Room agreement", icon=":material/insights:", url_path="agreement"),
    HELPLINES,
    st.Page("pages/about.py", title="About", icon=":material/info:", url_path="about"),
]
navigation = st.navigation(PAGES)
# On a narrow screen the pages are behind one small control at the top, which is shut again on the page
# chosen; the sidebar, which stays open after a choice there unless the browser says it is a phone, then
# holds no pages (issue 24.7, ui/page_menu.py).
page_menu(PAGES, navigation.url_path)
# 999 and who to call, on the page itself (on a phone the sidebar is closed to read the page), in the
# mode of the page's answer: a green answer does not tell anyone to ring now (ui/call_bar.py).
calls = frame_calls(
    content,
    now,
    page=navigation.url_path,
    page_answers=navigation.url_path in ANSWER_PAGES,
    who_to_call_page=HELPLINES,
)
navigation.run()
calls.settle()
