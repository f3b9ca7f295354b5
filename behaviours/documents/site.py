"""The offline reference: a static HTML copy of the pack, made from the same templates as the handouts.

``python -m behaviours export-site OUT`` writes it; nginx serves it at /offline/ beside the app,
so a network whose proxy breaks WebSockets, or a training room without a connection, still has
the guidance. It needs no JavaScript and holds no personal data: only the pack's own content.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from behaviours.core.phones import InvalidPhoneNumber, parse_uk_number
from behaviours.core.text import mailto, safe_web_link
from behaviours.documents.handouts import band_context, band_title, common_context, printed_calls, routes_context
from behaviours.documents.pdf import render_html
from behaviours.pack.model import LEVELS, ChannelKind
from behaviours.pack.pack import Pack
from behaviours.wording.levels import level_heading

INDEX = "index.html"
# Served by nginx (error_page in deploy/nginx.conf) when no app server answers; not linked from the other pages.
UNAVAILABLE = "unavailable.html"
MADE = "Copy made"


def site_phones(pack: Pack) -> dict[str, str]:
    """Every phone number the pack gives (and 999), as shown -> its tel: link: the offline pages dial them
    as the app does."""
    phones: dict[str, str] = {"999": "tel:999"}
    for contact in pack.contacts:
        for channel in contact.channels:
            if channel.kind != ChannelKind.PHONE:
                continue
            try:
                number = parse_uk_number(channel.value)
            except InvalidPhoneNumber:
                continue
            phones[number.display] = number.tel_uri
    return phones


def _web(pack: Pack, title: str, generated: dt.date, page: str) -> dict[str, Any]:
    return {
        **common_context(pack, title, generated, made=MADE),
        "medium": "web",
        "page": page,
        "phones": site_phones(pack),
    }


def _criteria_context(pack: Pack) -> dict[str, Any]:
    return {
        "levels": [
            {"level": level, "heading": level_heading(pack, level), "meaning": pack.level_guide(level).meaning}
            for level in LEVELS
        ],
        "criteria": [
            {
                "name": c.name,
                "question": c.question,
                "raises_to_label": pack.level_label(c.raises_to),
                "why": c.why,
                "examples": c.examples,
            }
            for c in pack.criteria
        ],
        # Only an http(s) address the app would also link to; anything else is shown as its source alone.
        "law": [
            {"title": n.title, "text": n.text, "source": n.source, "link": safe_web_link(n.link) if n.link else None}
            for n in pack.law
        ],
    }


def site_pages(pack: Pack, generated: dt.date) -> Iterator[tuple[str, str]]:
    """Every page of the offline reference as (file name, HTML): contents, one per band, routes and helplines,
    the criteria and the law, the credits with version and date, and the page nginx shows when the app is down."""
    yield (
        INDEX,
        render_html(
            "index.html",
            {
                **_web(pack, f"{pack.info.name}: offline reference", generated, "index"),
                "who_to_call": printed_calls(pack),
            },
        ),
    )
    for band in pack.bands:
        page = f"band-{band.id}"
        context = {**band_context(pack, band, generated), **_web(pack, band_title(band), generated, page)}
        yield f"{page}.html", render_html("band.html", context)
    routes = {**routes_context(pack, generated, sheet=False), **_web(pack, "Routes and helplines", generated, "routes")}
    yield "routes.html", render_html("routes.html", routes)
    criteria = {**_criteria_context(pack), **_web(pack, "The criteria and the law", generated, "criteria")}
    yield "criteria.html", render_html("criteria.html", criteria)
    credits_page = {
        **_web(pack, "Credits, version and date", generated, "credits"),
        "report_link": mailto(pack.info.report_problems_to),
    }
    yield "credits.html", render_html("credits.html", credits_page)
    unavailable = {
        **_web(pack, "The tool cannot be reached just now", generated, "unavailable"),
        "nav": False,
        "who_to_call": printed_calls(pack),
    }
    yield UNAVAILABLE, render_html("unavailable.html", unavailable)


def export_site(pack: Pack, out_dir: Path, generated: dt.date) -> list[Path]:
    """Write the offline reference into ``out_dir`` (created if needed); return the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, html in site_pages(pack, generated):
        path = out_dir / name
        path.write_text(html, encoding="utf-8")
        written.append(path)
    return written


def site_zip(pack: Pack, generated: dt.date) -> bytes:
    """The offline reference as a zip, made in memory, for the About page's download: pack content only."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, html in site_pages(pack, generated):
            archive.writestr(f"traffic-light-offline/{name}", html)
    return buffer.getvalue()
