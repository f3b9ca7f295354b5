"""Checks that a contact's number, address or link does what it shows.

Pure functions, each returning ``None`` when the value is fine or the editor's message
when it is not; the model's validators (behaviours/model.py) raise those messages so
they reach the editor with the file and line of the field.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from behaviours.core.phones import InvalidPhoneNumber, parse_uk_number

EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_COMPLETE_WEB = re.compile(r"^https?://[^/\s]+\.[^/\s]+")
WEB_ONLY = ("https", "http")
PHONE_HINT = "write a UK number as dialled, e.g. 0345 678 9021, or a short number such as 116 000"

# Explicit direction controls and strong right-to-left characters: inside a number, a label or a
# link they can make the text shown differ from what is dialled or opened.
_REORDERING_CLASSES = {"R", "AL", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}
# A word in a label that reads as a web address or a domain: nspcc.org.uk, www.x.org, https://x.org/page.
# Without a scheme or www., a word counts as a domain only when it ends in a common top-level
# domain, so "St.Mary's" or "W.Mercia" in a label is not taken for an address.
_ADDRESS = re.compile(r"^(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,63}(?::\d+)?(?:[/?#]\S*)?$", re.IGNORECASE)
_COMMON_TLDS = {
    *("uk", "org", "com", "net", "gov", "nhs", "info", "io", "co", "ac", "sch", "police", "edu"),
    *("int", "eu", "scot", "wales", "cymru", "ie", "me", "online", "app", "london"),
}


def _name(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed character')}"


def _after(text: str, index: int) -> str:
    before = text[:index].strip()
    return f"after '{before[-20:]}'" if before else "at the start"


def invisible_character(text: str) -> str | None:
    """An invisible or formatting character (Unicode category Cf): zero-width, direction marks, BOM."""
    if text.isascii():
        return None  # no ASCII character is a format character; most content is ASCII
    for index, ch in enumerate(text):
        if unicodedata.category(ch) == "Cf":
            return (
                f"the text holds an invisible character, {_name(ch)}, {_after(text, index)}; "
                "it can change how the text is shown or what a link does; delete it and retype that part"
            )
    return None


def reordering_character(text: str) -> str | None:
    """A character that can reorder the digits or letters shown around it (right-to-left or direction control).

    Other scripts' digits (e.g. Arabic-Indic) are kept: the number reads and dials the same.
    """
    if text.isascii():
        return None  # ASCII is all left-to-right or neutral
    for index, ch in enumerate(text):
        bidi = unicodedata.bidirectional(ch)
        if bidi in _REORDERING_CLASSES or (bidi == "AN" and not ch.isdecimal()):
            return (
                f"the text holds {_name(ch)}, {_after(text, index)}, which can change the order in which "
                "digits and letters are shown; write numbers and links in plain digits and Latin letters"
            )
    return None


def phone_problem(value: str) -> str | None:
    """Why a phone or text number cannot be dialled, or None."""
    try:
        parse_uk_number(value)
    except InvalidPhoneNumber as exc:
        return f"{exc}; {PHONE_HINT}"
    return None


def email_problem(value: str) -> str | None:
    """Why an e-mail address is not one, or None."""
    if not EMAIL.match(value.removeprefix("mailto:")):
        return f"'{value}' is not an e-mail address; write it as name@example.org"
    return None


def web_link_problem(link: str) -> str | None:
    """Why a web link cannot be shown as one, or None. (An http: link is allowed, with a warning.)"""
    stripped = link.strip()
    match = _SCHEME.match(stripped)
    scheme = match.group(1).lower() if match else ""
    if scheme not in WEB_ONLY:
        shown = scheme + ":" if scheme else "no scheme"
        return (
            f"the link has {shown}; links must start with {' or '.join(s + ':' for s in WEB_ONLY)}, "
            "e.g. https://www.example.org/"
        )
    if any(ch.isspace() for ch in stripped) or not _COMPLETE_WEB.match(stripped):
        return f"'{link}' is not a complete web address; write it as https://www.example.org/page"
    return None


def is_http(link: str) -> bool:
    """True for an unencrypted http: link."""
    match = _SCHEME.match(link.strip())
    return bool(match) and match.group(1).lower() == "http"


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdecimal() or ch == "+")


def phone_label_problem(label: str, value: str) -> str | None:
    """A label with a number in it (3 or more digits) must show the number that is dialled."""
    if sum(ch.isdecimal() for ch in label) < 3:
        return None
    try:
        dialled = parse_uk_number(value).dial
    except InvalidPhoneNumber:
        return None  # the value's own message says what is wrong
    try:
        shown = parse_uk_number(_digits(label)).dial
    except InvalidPhoneNumber:
        shown = None
    if shown != dialled:
        return (
            f"the label '{label}' shows other digits than the number dialled ({value}); "
            "write the same number in both, or leave the number out of the label"
        )
    return None


def _hostname(address: str) -> str:
    with_scheme = address if "://" in address else "https://" + address
    try:
        host = urlsplit(with_scheme).hostname or ""
    except ValueError:
        return ""
    return host.lower().rstrip(".")


def _host(address: str) -> str:
    """The host compared between a label and its link: lower case, without a leading www."""
    return _hostname(address).removeprefix("www.")


def web_label_problem(label: str, link: str) -> str | None:
    """A label that reads as a web address or domain must name the host the link opens."""
    target = _host(link.strip())
    for word in label.split():
        word = word.strip("()[]<>\"'.,;:!")
        if not _ADDRESS.match(word):
            continue
        bare = not re.match(r"^(https?://|www\.)", word, re.IGNORECASE)
        if bare and _host(word).rsplit(".", 1)[-1] not in _COMMON_TLDS:
            continue
        if _host(word) != target:
            return (
                f"the label shows '{word}' but the link opens {_hostname(link.strip()) or link}; "
                "make the label name the site the link opens, or describe it in words"
            )
    return None
