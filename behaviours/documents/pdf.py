"""Printed documents from one set of HTML templates: the handouts, the case note and the offline site.

The templates live in ``behaviours/templates/print/``. Jinja2 fills them from the pack;
WeasyPrint turns the same HTML into a tagged PDF (PDF/UA-1) with an embedded Unicode font,
so a screen reader can follow its headings and lists. Levels are always said in words;
colour only repeats them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
import markupsafe

from behaviours.core.text import long_date
from behaviours.pack.model import Level

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "print"
# PDF/UA-1 makes WeasyPrint write a structure tree, /Lang, the title and DisplayDocTitle.
PDF_VARIANT = "pdf/ua-1"
# The templates name Noto Sans first, from Debian's fonts-noto-core (SIL Open Font License 1.1; installed by
# .ci/run and deploy/Dockerfile); WeasyPrint embeds the glyphs it uses.


# Light fills under near-black text (over 12:1); a darker edge repeats the level. The words say it.
_LEVEL_FILL = {Level.GREEN: (214, 238, 224), Level.AMBER: (255, 228, 186), Level.RED: (250, 210, 210)}
_LEVEL_EDGE = {Level.GREEN: (27, 107, 58), Level.AMBER: (138, 83, 0), Level.RED: (166, 27, 27)}


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#" + "".join(f"{c:02x}" for c in rgb)


@jinja2.pass_context
def dial(context: Any, text: str) -> markupsafe.Markup | str:
    """On a web page (``medium`` 'web'), each phone number in the page's ``phones`` (display -> tel: URI)
    becomes a ``tel:`` link, as in the app; on paper the text is left as it is. The text is escaped first."""
    phones: Mapping[str, str] = context.get("phones") or {}
    if context.get("medium") != "web" or not phones:
        return text
    shown = {str(markupsafe.escape(display)): uri for display, uri in phones.items()}
    # Longest first, no digit on either side, one pass: a link just made is never matched again.
    pattern = re.compile(r"(?<![\d+])(" + "|".join(map(re.escape, sorted(shown, key=len, reverse=True))) + r")(?!\d)")
    escaped = str(markupsafe.escape(text))
    return markupsafe.Markup(  # noqa: S704 - the text and each href are escaped above; only our <a> is markup
        pattern.sub(lambda m: f'<a href="{markupsafe.escape(shown[m.group(1)])}">{m.group(1)}</a>', escaped)
    )


class PrintUnavailable(RuntimeError):
    """WeasyPrint or its Debian libraries (Pango) are missing, so no PDF can be made here."""


@functools.cache
def environment() -> jinja2.Environment:
    """The one Jinja2 environment: autoescaping on (content is never markup), undefined names are errors."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["css_string"] = css_string
    env.filters["dial"] = dial
    env.globals["long_date"] = long_date
    env.globals["level_class"] = level_class
    env.globals["credit_paragraphs"] = credit_paragraphs
    env.globals["level_colours"] = [
        (level.value, _hex(_LEVEL_FILL[level]), _hex(_LEVEL_EDGE[level])) for level in Level
    ]
    return env


def css_string(text: str) -> markupsafe.Markup:
    """Text for inside a double-quoted CSS string in a <style> element: every character that is not an
    ASCII letter or digit becomes a CSS hex escape, so content can never end the string or the element."""
    # Spaces are escaped too: CSS swallows one space after a hex escape. The result holds only ASCII
    # letters, digits, backslashes and hex digits, so marking it safe cannot let markup through.
    return markupsafe.Markup(  # noqa: S704
        "".join(ch if ch.isascii() and ch.isalnum() else f"\\{ord(ch):06x}" for ch in text)
    )


def level_class(level: Level) -> str:
    """The CSS class that repeats a level in colour, e.g. 'level-red'."""
    return f"level-{level.value}"


def render_html(template: str, context: Mapping[str, Any]) -> str:
    """One template filled in: ``medium`` in the context says 'pdf' or 'web'."""
    return environment().get_template(template).render(**context)


def weasyprint_problem() -> str | None:
    """Why WeasyPrint cannot run here, or None when it can (tests skip with this reason)."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        return f"WeasyPrint cannot load ({exc}); install Pango: apt-get install -y libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"
    return None


def html_to_pdf(html: str) -> bytes:
    """A tagged A4 PDF (PDF/UA-1) of the HTML; fonts are embedded as subsets."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: Pango's shared libraries are missing
        raise PrintUnavailable(str(exc)) from exc
    document = weasyprint.HTML(string=html, base_url=str(TEMPLATES))
    pdf: bytes = document.write_pdf(pdf_variant=PDF_VARIANT, uncompressed_pdf=False)
    return pdf


def render_pdf(template: str, context: Mapping[str, Any]) -> bytes:
    """A template rendered for print and made into a tagged PDF."""
    return html_to_pdf(render_html(template, {**context, "medium": "pdf"}))


def footer_line(name: str, version: str, reviewed: dt.date, made_on: dt.date, *, made: str = "Printed") -> str:
    """The line at the foot of every printed page and offline page, with one date format throughout."""
    return f"{name}, version {version}, reviewed {long_date(reviewed)}. {made} {long_date(made_on)}."


# The setting that points the app at another pack is for IT; a printed credit does not name it.
_SETTING_NAME = "TRAFFIC_LIGHT_PACK"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def credit_paragraphs(*parts: str) -> list[str]:
    """The pack's credit as printed and published offline: its parts (framework, wording, licence;
    the two-sided routes sheet prints the first alone), without any sentence that names the app's
    configuration setting."""
    paragraphs = []
    for text in parts:
        kept = [s for s in _SENTENCE_END.split(" ".join(text.split())) if _SETTING_NAME not in s]
        if kept:
            paragraphs.append(" ".join(kept))
    return paragraphs
