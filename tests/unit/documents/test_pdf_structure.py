"""Every printed PDF is an accessible document: tagged, in en-GB, titled, with embedded fonts and real
headings and lists. Checked on the PDF files themselves with pikepdf (structure) and pypdf (text)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from collections import Counter
from collections.abc import Callable

import pikepdf
import pytest
from pack_builder import MINIMAL, REPO_ROOT, TODAY
from pypdf import PdfReader

from behaviours.answers.case import suggest_level
from behaviours.documents.case_note import CaseRecord, note_pdf
from behaviours.documents.handouts import ROUTES_TITLE, band_handout, band_title, routes_handout
from behaviours.documents.pdf import weasyprint_problem
from behaviours.pack.loader import load_pack
from behaviours.pack.model import Level
from behaviours.pack.pack import Pack
from tests.browser.harness import missing_tool
from tests.pdf_reading import pdf_words

PRINTED = dt.date(2026, 11, 30)
FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


@pytest.fixture(autouse=True)
def _weasyprint() -> None:
    """WeasyPrint needs Debian's Pango: skip with the reason where it is missing, fail under CI=true."""
    problem = weasyprint_problem()
    if problem:
        missing_tool(problem)


def _note(pack: Pack) -> bytes:
    band = pack.bands[0]
    behaviour = pack.behaviours(band, Level.RED)[0]
    record = CaseRecord(
        when=dt.datetime(2026, 11, 30, 10, 5),
        age=band.min_age,
        bands=[band],
        band_reasons=[],
        behaviours=[behaviour],
        not_listed=False,
        not_listed_text=None,
        answers={},
        suggestion=suggest_level(pack, [behaviour], {}, False, band.min_age),
    )
    return note_pdf(pack, record)


# Every kind of PDF the app makes, from the shipped pack: one per band (named from the band files, so that no pack
# is loaded at collection), the routes sheet and a case note.
NAMES = [f"band {path.stem}" for path in sorted((REPO_ROOT / "behaviours" / "content" / "bands").glob("*.yaml"))]
NAMES += ["routes", "case note"]


def _documents(pack: Pack) -> dict[str, tuple[str, Callable[[], bytes]]]:
    """(title, build) of each PDF, by name."""
    documents: dict[str, tuple[str, Callable[[], bytes]]] = {
        f"band {b.id}": (band_title(b), lambda b=b: band_handout(pack, b, generated=PRINTED)) for b in pack.bands
    }
    documents["routes"] = (ROUTES_TITLE, lambda: routes_handout(pack, generated=PRINTED))
    documents["case note"] = ("Case discussion note", lambda: _note(pack))
    return documents


@pytest.fixture(scope="module")
def titles(shipped: Pack) -> dict[str, str]:
    return {name: title for name, (title, _build) in _documents(shipped).items()}


@pytest.fixture(scope="module")
def built(shipped: Pack) -> dict[str, bytes]:
    if weasyprint_problem():
        return {}
    documents = _documents(shipped)
    assert sorted(documents) == sorted(NAMES), "a band file is not a band of the pack"
    return {name: build() for name, (_title, build) in documents.items()}


def _struct_types(pdf: pikepdf.Pdf) -> Counter[str]:
    found: Counter[str] = Counter()
    todo: list[object] = [pdf.Root.StructTreeRoot]
    while todo:
        node = todo.pop()
        if isinstance(node, pikepdf.Dictionary):
            if "/S" in node:
                found[str(node.S)] += 1
            if "/K" in node:
                todo.append(node.K)
        elif isinstance(node, pikepdf.Array):
            todo.extend(node)
    return found


def _fonts(pdf: pikepdf.Pdf) -> list[tuple[str, pikepdf.Dictionary]]:
    """Every font used on every page, as (name, font descriptor); Type0 fonts through their descendant."""
    fonts = []
    for page in pdf.pages:
        resources = [page.obj.get("/Resources", pikepdf.Dictionary())]
        while resources:
            res = resources.pop()
            for font in res.get("/Font", pikepdf.Dictionary()).values():
                descriptor_of = font.DescendantFonts[0] if font.Subtype == "/Type0" else font
                fonts.append((str(font.get("/BaseFont", "?")), descriptor_of.get("/FontDescriptor")))
            for xobject in res.get("/XObject", pikepdf.Dictionary()).values():
                if "/Resources" in xobject:
                    resources.append(xobject.Resources)
    return fonts


@pytest.mark.parametrize("name", NAMES)
def test_the_pdf_is_tagged_in_en_gb_and_titled(built: dict[str, bytes], titles: dict[str, str], name: str) -> None:
    title = titles[name]
    with pikepdf.open(io.BytesIO(built[name])) as pdf:
        assert "/StructTreeRoot" in pdf.Root, f"{name}: no structure tree, so the PDF is not tagged"
        assert str(pdf.Root.Lang) == "en-GB"
        assert pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        with pdf.open_metadata() as xmp:
            xmp_title = xmp.get("dc:title")
        assert str(pdf.docinfo.get("/Title", "")) == title or xmp_title == title


@pytest.mark.parametrize("name", NAMES)
def test_the_pdf_has_real_headings_and_lists(built: dict[str, bytes], name: str) -> None:
    with pikepdf.open(io.BytesIO(built[name])) as pdf:
        tags = _struct_types(pdf)
    assert tags["/H1"] == 1, f"{name}: {tags}"
    assert tags["/H2"] >= 1
    assert tags["/L"] >= 1 and tags["/LI"] >= tags["/L"]


@pytest.mark.parametrize("name", NAMES)
def test_every_font_is_embedded(built: dict[str, bytes], name: str) -> None:
    with pikepdf.open(io.BytesIO(built[name])) as pdf:  # objects are only readable while it is open
        fonts = [(font_name, d is not None and any(key in d for key in FONT_FILES)) for font_name, d in _fonts(pdf)]
    assert fonts, f"{name}: no fonts found"
    for font_name, embedded in fonts:
        assert embedded, f"{name}: {font_name} is not embedded"


@pytest.mark.parametrize("name", NAMES)
def test_the_pdf_is_a4_and_records_its_page_count(
    built: dict[str, bytes], name: str, record_property: pytest.RecordProperty
) -> None:
    reader = PdfReader(io.BytesIO(built[name]))
    pages = len(reader.pages)
    record_property("pages", pages)
    print(f"{name}: {pages} page(s)")
    for page in reader.pages:
        width_mm, height_mm = (float(v) / 72 * 25.4 for v in (page.mediabox.width, page.mediabox.height))
        assert (round(width_mm), round(height_mm)) == (210, 297)
    assert f"Page {pages} of {pages}." in pdf_words(built[name])


def test_typographic_marks_and_symbols_survive() -> None:
    """Curly quotes, dashes, an ellipsis and an emoji are printed as written, not replaced or dropped."""
    minimal = load_pack(MINIMAL, today=TODAY)
    band = minimal.bands[0]
    behaviour = minimal.behaviours(band, Level.GREEN)[0]
    marked = "A child’s “question” – about bodies… 🙂"
    changed = behaviour.model_copy(update={"text": marked})
    new_band = band.model_copy(update={"behaviours": [changed, *band.behaviours[1:]]})
    pack = dataclasses.replace(minimal, bands=(new_band, *minimal.bands[1:]))
    assert marked in pdf_words(band_handout(pack, new_band, generated=PRINTED))


def test_level_colours_keep_text_readable_and_edges_visible() -> None:
    """Text on a level's fill meets 4.5:1; the edge that repeats the level meets 3:1 against white (WCAG 1.4.11)."""
    from behaviours.core.contrast import AA_TEXT, contrast_ratio
    from behaviours.documents.pdf import _LEVEL_EDGE, _LEVEL_FILL, _hex

    for level in Level:
        assert contrast_ratio("#111111", _hex(_LEVEL_FILL[level])) >= AA_TEXT
        assert contrast_ratio(_hex(_LEVEL_EDGE[level]), "#ffffff") >= 3
