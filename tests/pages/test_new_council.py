"""Another council adopts the pack by changing contacts.yaml (and its local documents in routes.yaml).

The fictional Wessex Vale Council's pack is the shipped pack with only those two files changed.
Nothing of Shropshire's may reach its users: no page (every page, through AppTest), no PDF
(band handouts, the routes sheet, the case note), no plain-text note, no offline page and not
the broken-pack screen may show "Compass", "Shropshire Council" or 0345 678 9021.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from behaviours.answers.case import Answer, bands_for_case, suggest_level
from behaviours.core.fallback import FALLBACK_ENV
from behaviours.documents.case_note import CaseRecord, note_markdown, note_pdf, note_plain_text
from behaviours.documents.handouts import band_handout, routes_handout
from behaviours.documents.site import site_pages
from behaviours.pack.loader import PACK_ENV, SHIPPED_PACK, load_pack
from behaviours.pack.model import Level
from tests.helpers import open_page, visible_text

TODAY = dt.date(2026, 12, 6)
FORBIDDEN = ("Compass", "Shropshire Council", "0345 678 9021", "03456789021")

# The new council's own names and numbers, written over the shipped ones in contacts.yaml only.
CONTACTS_CHANGES = {
    "Compass": "Harbour Point",
    "Shropshire Council": "Wessex Vale Council",
    "Shropshire": "Wessex Vale",
    "Emergency Social Work Team": "Duty Social Work Team",
    "0345 678 9021": "0300 555 0100",
    "0345 678 9040": "0300 555 0199",
    "0345 678 9044": "0300 555 0144",
    "shropshire.gov.uk": "wessexvale.gov.uk",
    "Family Connect": "Downland Gateway",
    "Telford & Wrekin": "Downland",
    "01952 385385": "0113 496 0100",
    "01952 676500": "0113 496 0199",
    "telford.gov.uk": "downland.gov.uk",
}
# Its local documents, in routes.yaml: the one routes file the council changes.
ROUTES_CHANGES = {"Shropshire": "Wessex Vale", "shropshiresafeguardingcommunitypartnership": "wessexvalesafeguarding"}


def _rewrite(path: Path, changes: dict[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in changes.items():
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def council_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pack_dir = shutil.copytree(SHIPPED_PACK, tmp_path_factory.mktemp("wessex") / "pack")
    _rewrite(pack_dir / "contacts.yaml", CONTACTS_CHANGES)
    _rewrite(pack_dir / "routes.yaml", ROUTES_CHANGES)
    changed = {
        p.relative_to(pack_dir).as_posix()
        for p in pack_dir.rglob("*.yaml")
        if p.read_bytes() != (SHIPPED_PACK / p.relative_to(pack_dir)).read_bytes()
    }
    assert changed == {"contacts.yaml", "routes.yaml"}
    return pack_dir


@pytest.fixture(scope="module")
def council(council_dir: Path):
    return load_pack(council_dir, TODAY)


def _leaks(text: str) -> list[str]:
    squeezed = re.sub(r"\s+", " ", text)
    return [word for word in FORBIDDEN if word in squeezed]


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_council_pack_shows_its_own_front_door(council) -> None:
    amber = council.route_for(Level.AMBER)
    assert any("Harbour Point" in step for step in amber.route_out)
    assert "Wessex Vale" in council.info.about and "Wessex Vale" in council.info.name
    assert "First Point of Contact on 0300 555 0100" in council.info.adult_note


def test_no_pdf_or_note_names_shropshire(council) -> None:
    texts = {f"band {band.id}": _pdf_text(band_handout(council, band, TODAY)) for band in council.bands}
    texts["routes sheet"] = _pdf_text(routes_handout(council, TODAY))
    for age, level in ((7, Level.AMBER), (15, Level.RED), (19, None)):
        bands = bands_for_case(council, age if age < 18 else None, None)
        chosen = [b for b in bands.bands[0].behaviours if b.level == level][:1] if level and bands.bands else []
        answers = {"coercion": Answer.YES} if level == Level.RED else {}
        record = CaseRecord(
            when=dt.datetime(2026, 12, 2, 20, 0),
            age=age,
            bands=bands.bands,
            band_reasons=bands.reasons,
            behaviours=chosen,
            not_listed=False,
            not_listed_text=None,
            answers=answers,
            suggestion=suggest_level(council, chosen, answers, False, bands.age_for_law),
            adult=age >= 18,
        )
        texts[f"note {age} pdf"] = _pdf_text(note_pdf(council, record))
        texts[f"note {age} text"] = note_plain_text(council, record)
        texts[f"note {age} markdown"] = note_markdown(council, record)
        assert "Harbour Point" in texts[f"note {age} text"] or age >= 18
    for name, html in site_pages(council, TODAY):
        texts[f"offline {name}"] = html
    leaks = {name: _leaks(text) for name, text in texts.items() if _leaks(text)}
    assert leaks == {}
    assert "Harbour Point" in texts["routes sheet"] and "Downland Gateway" in texts["routes sheet"]


PAGES = [
    ("lookup", {}),
    ("lookup", {"age": "4"}),
    ("lookup", {"age": "8"}),
    ("lookup", {"age": "11"}),
    ("lookup", {"age": "15"}),
    ("lookup", {"age": "19"}),
    ("lookup", {"band": "13-17", "level": "red"}),
    ("search", {"q": "nudes"}),
    ("case", {}),
    ("training", {}),
    ("room", {}),
    ("join", {}),
    ("helplines", {}),
    ("about", {}),
]


@pytest.mark.parametrize(("page", "params"), PAGES, ids=[f"{p}-{'-'.join(q.values()) or 'plain'}" for p, q in PAGES])
def test_no_page_names_shropshire(council_dir, monkeypatch, page, params) -> None:
    monkeypatch.setenv(PACK_ENV, str(council_dir))
    at = open_page(page, params)
    text = visible_text(at)
    assert _leaks(text) == []
    # The council's own front door is named where whom to call is said: always on Helplines, and on the
    # look-up once an answer shows (before one, the call bar is 999 and a link, issue 24.5).
    if page == "helplines" or (page == "lookup" and params):
        assert "Harbour Point" in text


def test_the_broken_pack_screen_of_the_council_names_no_shropshire_number(council_dir, tmp_path, monkeypatch) -> None:
    broken = shutil.copytree(council_dir, tmp_path / "broken")
    _rewrite(broken / "routes.yaml", {"Refer to {front_door} the same day": "Refer to {front_dor} the same day"})
    monkeypatch.setenv(PACK_ENV, str(broken))
    monkeypatch.delenv(FALLBACK_ENV, raising=False)
    at = open_page("lookup")
    text = visible_text(at)
    assert "999" in text
    assert _leaks(text) == []
    monkeypatch.setenv(FALLBACK_ENV, "Harbour Point|0300 555 0100")
    text = visible_text(open_page("lookup"))
    assert "Harbour Point" in text and "0300 555 0100" in text and _leaks(text) == []
