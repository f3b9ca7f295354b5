"""Making content and user input safe to show: escaping for Markdown, and links we allow."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import quote, urlsplit

# The characters that start Markdown, HTML, LaTeX or a Streamlit directive (":red[", ":smile:"),
# escaped with a backslash as CommonMark allows, so content and typed text show literally.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~$]|:(?=\S)|&(?=[#A-Za-z0-9]))")
_LINE_START = re.compile(r"^(\d+)([.)])|^([-+=])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")
WEB_SCHEMES = ("https", "http")


def clean_input(text: str, limit: int) -> str:
    """Typed or URL text trimmed to ``limit`` characters, with control and direction characters removed."""
    return _CONTROL.sub("", text)[:limit].strip()


def md(text: str) -> str:
    """Text shown literally inside Markdown: every special character escaped, line breaks folded."""
    folded = " ".join(_CONTROL.sub("", str(text)).split())
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", folded)
    return _LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}", escaped)


# Where Streamlit's Markdown (remark-gfm) would turn plain text into a link: a web address
# ("http://", "https://", "www.") or an e-mail address ("@"). It links them only when the
# character before is the start, a space or punctuation, and after Markdown escapes are
# resolved, so a backslash does not stop it; an invisible word joiner (U+2060) does.
_AUTOLINK_START = re.compile(r"(?i)(?=https?:|www\.)|(?=@)")
WORD_JOINER = "\u2060"


def md_typed(text: str) -> str:
    """What a person typed, echoed in Markdown as plain text: escaped as ``md`` does, and never
    made into a link (a typed "https://evil.example/x", "www.evil.example" or "a@evil.example"
    reads the same but cannot be clicked)."""
    return md(_AUTOLINK_START.sub(WORD_JOINER, _CONTROL.sub("", str(text))))


def safe_web_link(link: str) -> str | None:
    """The link if it is an http(s) web address we can show, else None."""
    candidate = link.strip()
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.netloc or any(ch.isspace() for ch in candidate):
        return None
    return quote(candidate, safe=":/?#[]@!$&'*+,;=%-._~")


def md_link(label: str, target: str) -> str:
    """A Markdown link whose label is escaped and whose target cannot break out of the link."""
    safe_target = (
        target.replace("(", "%28").replace(")", "%29").replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
    )
    return f"[{md(label)}]({safe_target})"


def mailto(address: str, subject: str | None = None) -> str:
    """A mailto: target, with an optional subject line encoded for the URL."""
    target = f"mailto:{quote(address.strip(), safe='@.+-_')}"
    if subject:
        target += f"?subject={quote(subject, safe='')}"
    return target


def long_date(day: dt.date) -> str:
    """A date as people write it, e.g. '1 June 2025'."""
    return f"{day.day} {day:%B %Y}"
