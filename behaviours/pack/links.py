"""Checks that a contact's number, address or link does what it shows.

Pure functions, each returning ``None`` when the value is fine or the editor's message
when it is not; the model's validators (behaviours/model.py) raise those messages so
they reach the editor with the file and line of the field.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
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
# The same, with letters of any script: a look-alike domain (www.nspcc.оrg.uk, Cyrillic 'о') is an address too.
_ANY_ADDRESS = re.compile(r"^(?:https?://)?(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,63}(?::\d+)?(?:[/?#]\S*)?$")
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


def other_digit(text: str) -> str | None:
    """A digit other than 0-9 (Arabic-Indic, fullwidth, superscript ...) in a number, label or link.

    Chromium can draw Arabic-Indic digits in another order than the tel: link dials them
    ('٠٨٠٨ ٨٠٠ ٥٠٠٠' shown as '٥٠٠٠ ٨٠٠ ٠٨٠٨'), and other digits look like 0-9 but are not.
    """
    if text.isascii():
        return None
    for index, ch in enumerate(text):
        if ch.isdigit() and not ch.isascii():
            plain = "".join(_plain_digit(c) for c in text)
            return (
                f"the text holds {_name(ch)}, {_after(text, index)}, a digit that is not one of 0 to 9; "
                f"a browser can show such digits in another order than they are dialled; write '{plain}'"
            )
    return None


def _plain_digit(ch: str) -> str:
    if ch.isascii() or not ch.isdigit():
        return ch
    try:
        return str(unicodedata.digit(ch))
    except ValueError:
        return ch


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
    return user_info_problem(stripped)


def user_info_problem(link: str) -> str | None:
    """A link with a name (and password) before an '@' opens the host after the '@', whatever the name says.

    ``https://www.westmercia.police.uk@evil.example/`` reads as the police's site and opens evil.example.
    """
    try:
        parts = urlsplit(link.strip())
    except ValueError:
        return None  # not a link at all; web_link_problem says so
    if "@" not in parts.netloc:
        return None
    before = parts.netloc.rpartition("@")[0]
    host = parts.hostname or parts.netloc.rpartition("@")[2]
    return (
        f"the link has '{before}@' before its address, so it opens {host}, whatever comes before the '@'; "
        f"delete '{before}@' and check that {host} is the site you mean"
    )


def is_http(link: str) -> bool:
    """True for an unencrypted http: link."""
    match = _SCHEME.match(link.strip())
    return match is not None and match.group(1).lower() == "http"


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


def international_host_problem(link: str, allowed: Iterable[str] = ()) -> str | None:
    """A link whose host has a letter outside a-z, 0-9 and '-', or a punycode (xn--) part, unless the pack allows it.

    Such a host can look exactly like another site's: www.nspcc.оrg.uk with a Cyrillic 'о'.
    """
    host = _hostname(link.strip())
    if not host or host in {entry.strip().lower().rstrip(".") for entry in allowed}:
        return None
    allow = f"if this really is the site, add {host} under allowed_international_hosts: in pack.yaml"
    for index, ch in enumerate(host):
        if not ch.isascii():
            return (
                f"the address {host} holds {_name(ch)}, {_after(host, index)}, which can look like a plain letter "
                f"of another site's address; write the address in plain letters (a to z, 0 to 9, hyphens), or, {allow}"
            )
    for part in host.split("."):
        if part.startswith("xn--"):
            return (
                f"the address {host} has a part written in punycode ('{part}'), which a browser may show as "
                f"letters that look like another site's; write the site's plain address, or, {allow}"
            )
    return None


def addresses_in(text: str) -> list[str]:
    """The web addresses written in a text: with a scheme (https://...), starting www., or a bare domain (nspcc.org.uk).

    A domain in an e-mail address (help@nspcc.org.uk) is not a web address, and "e.g." or "St.Mary's" is not a domain.
    """
    if "." not in text and "://" not in text:
        return []  # most texts hold neither, and are passed over at once
    found = []
    for raw in text.split():
        word = raw.strip("()[]<>\"'.,;:!?*_`")
        if "://" in word:
            found.append(word)
            continue
        if "@" in word or "." not in word:
            continue
        if not _ANY_ADDRESS.match(word):
            continue
        if word.lower().startswith("www.") or not word.isascii() or _host(word).rsplit(".", 1)[-1] in _COMMON_TLDS:
            found.append(word)
    return found


def free_text_address_problem(text: str) -> str | None:
    """A web address written in free text: the app must never show an address the validator has not checked."""
    found = addresses_in(text)
    if not found:
        return None
    return (
        f"the text holds the web address '{found[0]}', which nobody has checked as a link; "
        "name the site in words instead, and give its address where links are checked: "
        "a contact's web channel, a law note's link or a resource's link"
    )


# Hosts no member of the public can open: the machine itself, a local network, names reserved for tests.
_PRIVATE_SUFFIXES = ("localhost", "local", "internal", "intranet", "lan", "home", "corp", "test", "invalid")


def is_public_https(address: str) -> bool:
    """True for a complete https:// link to a named public host (not an IP address, not a local network name)."""
    if web_link_problem(address) is not None or is_http(address):
        return False
    host = _hostname(address)
    last = host.rsplit(".", 1)[-1]
    return "." in host and not last.isdigit() and ":" not in host and last not in _PRIVATE_SUFFIXES


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
        if not _ANY_ADDRESS.match(word):
            continue
        bare = not re.match(r"^(https?://|www\.)", word, re.IGNORECASE)
        if bare and word.isascii() and _host(word).rsplit(".", 1)[-1] not in _COMMON_TLDS:
            continue
        if _host(word) != target:
            return (
                f"the label shows '{word}' but the link opens {_hostname(link.strip()) or link}; "
                "make the label name the site the link opens, or describe it in words"
            )
    return None


# Numbers no organisation has as its own: they reach the emergency services or the police.
# number as dialled -> (what it reaches, words a label uses to say so, words a contact's name uses to say it is that service)
SHARED_NUMBERS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "999": ("the emergency services", ("999", "112", "emergency"), ("999", "112", "emergency services")),
    "112": ("the emergency services", ("999", "112", "emergency"), ("999", "112", "emergency services")),
    "101": ("the police non-emergency line", ("101", "police"), ("101", "police")),
}
# Words that say nothing about whose line it is: a label may share these with the contact's name.
_COMMON_WORDS = {"the", "and", "for", "out", "of", "hours", "line", "phone", "call", "number", "service", "services"}


def _says(text: str, words: tuple[str, ...]) -> bool:
    # "non-emergency" does not say "emergency"
    plain = re.sub(r"non[- ]emergency", " ", text.casefold())
    return any(re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", plain) for word in words)


def _words(text: str) -> set[str]:
    return {word for word in re.findall(r"[\w']+", text.casefold()) if len(word) > 2} - _COMMON_WORDS


def shared_number_problem(contact_name: str, label: str | None, value: str) -> str | None:
    """A channel dialling 999, 112 or 101 must say in its label what it reaches, and not read as the contact's own line.

    Accepted: no label in a contact that is that service, or a label that names the number or its service ('Emergency', 'Police non-emergency'), and either the
    contact is that service (its name says so: 'Emergency services (999)', 'West Mercia Police (non-emergency
    101)') or the label shares no word with the contact's name. So 'NSPCC helpline' dialling 999 is refused,
    and so is 'Emergency Social Work Team' dialling 999 in the Emergency Social Work Team's own entry.
    """
    try:
        dialled = parse_uk_number(value).dial
    except InvalidPhoneNumber:
        return None  # the value has its own message
    if dialled not in SHARED_NUMBERS:
        return None
    reaches, label_words, name_words = SHARED_NUMBERS[dialled]
    is_service = _says(contact_name, name_words)
    if not label and is_service:
        return None  # shown under the service's own name: 'Emergency services (999)'
    if label and _says(label, label_words) and (is_service or not (_words(label) & _words(contact_name))):
        return None
    example = {"101": "Police non-emergency 101"}.get(dialled, f"Emergency {dialled}")
    who = "" if is_service else f", not {contact_name}"
    fix = f"write label: {example}" + ("" if is_service else f", or give {contact_name}'s own number")
    if label:
        return f"'{label}' dials {dialled}, which reaches {reaches}{who}; {fix}"
    return f"this channel dials {dialled}, which reaches {reaches}{who}, but has no label to say so; {fix}"
