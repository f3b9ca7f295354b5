"""The sign-in gate every page run passes through when sign-in is on (app.py), and the sign-out button.

The rules are in behaviours/access.py (the allowed domains) and behaviours/signouts.py
(ended, expired and unverified sign-ins); this file reads st.user and draws the screens.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from behaviours.core.access import email_allowed
from behaviours.core.clock import now
from behaviours.core.signouts import (
    SigninProblem,
    SignOutList,
    seconds_left,
    sign_outs_from_env,
    signin_key,
    signin_problem,
)

DANGER_LINE = "If a child is in immediate danger, call [999](tel:999)."


@st.cache_resource(show_spinner=False)
def sign_outs() -> SignOutList:
    # Shared by every session on purpose: it holds only hashes of ended sign-ins.
    return sign_outs_from_env()


def _claims() -> Mapping[str, object]:
    return dict(st.user.to_dict())


def sign_out() -> None:
    """End this sign-in on every replica, then clear the cookies and go to the provider's sign-out."""
    claims = _claims()
    key = signin_key(claims)
    if key is not None:
        sign_outs().end(key, seconds_left(claims, now().timestamp()))
    st.logout()


def _sign_in_screen(reason: str | None = None) -> None:
    st.title("Traffic Light Reference", anchor=False)
    if reason:
        st.info(reason, icon=":material/logout:")
    st.markdown("Sign in with your work account to use this tool.")
    st.markdown(DANGER_LINE)
    st.button("Sign in", on_click=st.login, type="primary")
    st.stop()


def _refusal(message: str) -> None:
    st.title("Traffic Light Reference", anchor=False)
    st.error(message)
    st.markdown(DANGER_LINE)
    st.button("Sign out", on_click=sign_out)
    st.stop()


def require_sign_in(allowed_domains: list[str]) -> None:
    """Stop the run on a sign-in screen unless a live, verified, allowed identity is signed in."""
    if not st.user.is_logged_in:
        _sign_in_screen()
    claims = _claims()
    key = signin_key(claims)
    problem = signin_problem(claims, now().timestamp(), ended=key is not None and sign_outs().ended(key))
    if problem in (SigninProblem.ENDED, SigninProblem.EXPIRED):
        _sign_in_screen(problem.message)
    if problem is SigninProblem.UNVERIFIED:
        _refusal(problem.message)
    if not email_allowed(st.user.get("email"), allowed_domains):  # type: ignore[arg-type]
        _refusal("This account is not allowed to use this instance. Sign in with your work account.")
