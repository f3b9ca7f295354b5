"""The offline reference: every page is made from the pack with the print templates, every internal link
resolves, nothing needs JavaScript, and a broken pack is never exported. Words are read from the pack."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pack_builder import MINIMAL, REPO_ROOT, SHIPPED_BAND_IDS, build_pack

from behaviours.core.text import long_date
from behaviours.documents.pdf import credit_paragraphs
from behaviours.documents.site import export_site, site_zip
from behaviours.pack.loader import PACK_ENV, check_pack, load_pack
from behaviours.pack.model import LEVELS, Status
from behaviours.pack.pack import Pack
from behaviours.wording.contacts import status_words
from behaviours.wording.levels import level_heading
from tests.pages.test_hostile_input import HOSTILE_TEXT, build_hostile_pack

MADE = dt.date(2026, 11, 30)
PAGES = {
    "index.html",
    "routes.html",
    "criteria.html",
    "credits.html",
    "unavailable.html",
    *(f"band-{band_id}.html" for band_id in SHIPPED_BAND_IDS),
}
# The page nginx serves for any address when the app is down links absolutely, to where nginx serves the copy.
SERVED_AT = "/offline/"


_INLINE = {"a", "span", "strong", "em", "b", "i", "abbr"}


class _Page(HTMLParser):
    """The links, ids, scripts and visible text of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.tags: list[str] = []
        self.words: list[str] = []
        self.lang: str | None = None
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append(tag)
        if tag not in _INLINE:  # a link or a bold word sits inside its sentence; a block starts a new one
            self.words.append(" ")
        if tag == "html":
            self.lang = values.get("lang")
        if "id" in values:
            self.ids.add(values["id"] or "")
        for name in ("href", "src"):
            if values.get(name):
                self.links.append(values[name] or "")
        if tag in ("style", "title"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title"):
            self._skip -= 1
        if tag not in _INLINE:
            self.words.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.words.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.words).split())


def parsed(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def site(shipped, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("offline")
    export_site(shipped, out, MADE)
    return out


def test_the_export_writes_every_page(site: Path) -> None:
    assert {p.name for p in site.iterdir()} == PAGES


@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_internal_link_resolves_and_nothing_needs_a_script(site: Path, name: str) -> None:
    page = parsed(site / name)
    assert page.lang == "en-GB"
    assert "script" not in page.tags
    assert page.tags.count("h1") == 1
    for link in page.links:
        if link == "data:,":  # the empty favicon, so no request goes to a server that may be down
            continue
        parts = urlsplit(link)
        if parts.scheme in ("https", "http", "mailto", "tel"):
            continue
        assert not parts.scheme and not parts.netloc, f"{name}: unexpected link {link}"
        if parts.path == "/":  # the live app, from the page shown when it is down
            assert name == "unavailable.html"
            continue
        path = parts.path.removeprefix(SERVED_AT) if parts.path.startswith(SERVED_AT) else parts.path
        assert not path.startswith("/"), f"{name}: {link} is outside the offline copy"
        target = site / path if path else site / name
        assert target.is_file(), f"{name}: {link} points at a page that was not exported"
        if parts.fragment:
            assert parts.fragment in parsed(target).ids, f"{name}: {link} names an anchor that does not exist"


@pytest.mark.parametrize("band_id", SHIPPED_BAND_IDS)
def test_a_band_page_has_every_descriptor_and_each_level_in_words(shipped, site: Path, band_id: str) -> None:
    text = parsed(site / f"band-{band_id}.html").text
    band = shipped.band(band_id)
    for behaviour in band.behaviours:
        assert " ".join(behaviour.text.split()) in text
        for note in behaviour.consider:
            assert " ".join(note.split()) in text
    for level in LEVELS:
        assert level_heading(shipped, level) in text


def test_the_page_for_when_the_app_is_down_points_to_the_offline_copy_and_999(site: Path) -> None:
    page = parsed(site / "unavailable.html")
    assert "/offline/index.html" in page.links
    assert "If a child is in immediate danger, call 999." in page.text
    assert "0345 678 9021" in page.text


def test_the_routes_page_has_every_route_step_and_every_service(shipped, site: Path) -> None:
    text = parsed(site / "routes.html").text
    for route in shipped.routes:
        for step in (*route.in_your_setting, *route.route_out):
            assert " ".join(step.split()) in text
    for contact in shipped.contacts:
        assert contact.name in text
        if contact.status != Status.OUTDATED:
            assert status_words(contact) in text


def test_the_criteria_page_has_the_criteria_and_the_law(shipped, site: Path) -> None:
    text = parsed(site / "criteria.html").text
    for criterion in shipped.criteria:
        assert " ".join(criterion.question.split()) in text
    for note in shipped.law:
        assert " ".join(note.text.split()) in text


def test_the_credits_page_has_the_version_and_dates_but_not_the_setting_name(shipped, site: Path) -> None:
    text = parsed(site / "credits.html").text
    info = shipped.info
    assert f"Version: {info.version}" in text
    assert f"Last reviewed: {long_date(info.last_reviewed)}" in text
    assert f"Copy made: {long_date(MADE)}" in text
    for paragraph in credit_paragraphs(info.credit.framework, info.credit.wording, info.credit.licence):
        assert " ".join(paragraph.split()) in text
    assert "TRAFFIC_LIGHT_PACK" not in (site / "credits.html").read_text(encoding="utf-8")


def test_hostile_content_is_shown_as_text(tmp_path: Path) -> None:
    pack = load_pack(build_hostile_pack(tmp_path / "pack"))
    out = tmp_path / "site"
    export_site(pack, out, MADE)
    band_page = out / f"band-{pack.bands[0].id}.html"
    assert "<script>" not in band_page.read_text(encoding="utf-8")
    assert "script" not in parsed(band_page).tags
    assert HOSTILE_TEXT["script"] in parsed(band_page).text


def test_the_zip_holds_the_same_pages(shipped, site: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(site_zip(shipped, MADE))) as archive:
        names = {Path(n).name: archive.read(n).decode("utf-8") for n in archive.namelist()}
    assert set(names) == PAGES
    assert names["index.html"] == (site / "index.html").read_text(encoding="utf-8")


def run_export(*args: str) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if key != PACK_ENV}
    return subprocess.run(
        [sys.executable, "-m", "behaviours", "export-site", *args],
        cwd=REPO_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_command_exports_a_valid_pack(tmp_path: Path) -> None:
    result = run_export(str(tmp_path / "out"), "--pack", str(MINIMAL))
    assert result.returncode == 0, result.stderr
    assert "Wrote" in result.stdout
    minimal: Pack = load_pack(MINIMAL)
    assert {p.name for p in (tmp_path / "out").iterdir()} == {
        "index.html",
        "routes.html",
        "criteria.html",
        "credits.html",
        "unavailable.html",
        *(f"band-{b.id}.html" for b in minimal.bands),
    }


def test_a_broken_pack_is_not_exported_and_the_validators_messages_are_shown(tmp_path: Path) -> None:
    broken = build_pack(tmp_path / "pack", "broken/duplicate-key")
    errors, _ = check_pack(broken)
    assert errors
    result = run_export(str(tmp_path / "out"), "--pack", str(broken))
    assert result.returncode == 1
    for problem in errors:
        # The validator names files relative to the working folder; compare from the file name on.
        assert re.sub(r"^.*?pack/", "pack/", str(problem)) in result.stderr.replace(str(tmp_path) + "/", "")
    assert "nothing was exported" in result.stderr
    assert not (tmp_path / "out").exists()


# ------------------------------------------------------------------ tel: links and compact cards (issue 24.6)


@pytest.mark.parametrize("name", ["index.html", "band-9-13.html", "routes.html", "unavailable.html"])
def test_the_offline_pages_dial_their_numbers_as_the_app_does(site: Path, name: str) -> None:
    html = (site / name).read_text(encoding="utf-8")
    assert '<a href="tel:999">999</a>' in html
    assert '<a href="tel:+443456789021">0345 678 9021</a>' in html  # Compass, the front door
    assert '<a href="tel:+443456789040">0345 678 9040</a>' in html  # the out-of-hours team
    # No number left as text beside a link that dials it, and no link inside a link.
    assert '<a href="tel:+443456789021"><a' not in html and "tel:<a" not in html


def test_a_number_in_a_hostile_line_is_linked_but_the_line_is_still_text() -> None:
    from behaviours.documents.pdf import environment

    template = environment().from_string("{{ line|dial }}")
    phones = {"999": "tel:999", "0345 678 9021": "tel:+443456789021"}
    out = template.render(line="<b>Ring</b> 0345 678 9021 or 9999 or 999", medium="web", phones=phones)
    assert out == (
        '&lt;b&gt;Ring&lt;/b&gt; <a href="tel:+443456789021">0345 678 9021</a> or 9999 or <a href="tel:999">999</a>'
    )
    # On paper (the PDFs) nothing is linked.
    assert template.render(line="Ring 999", medium="pdf", phones=phones) == "Ring 999"


def test_a_band_page_says_who_to_call_once_and_keeps_each_level_short(site: Path) -> None:
    html = (site / "band-13-17.html").read_text(encoding="utf-8")
    text = parsed(site / "band-13-17.html").text
    assert html.count("<h2>Who to call</h2>") == 1
    assert text.count("0345 678 9021") == 1  # said once, not under each level or item
    # Each level: its heading in words, then what it can look like and what to do; the rest on request.
    assert html.count("<summary>What to record and who to tell</summary>") == len(LEVELS)
