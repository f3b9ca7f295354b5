"""Who may use a hosted instance when sign-in is switched on."""

from __future__ import annotations

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
