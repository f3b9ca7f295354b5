"""A4 PDF building blocks shared by the handouts and the case-discussion note.

The PDFs hold real, searchable text in a built-in font, so they print and open
anywhere without font files. Levels are always said in words; a coloured bar only
repeats them.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from fpdf import FPDF

from behaviours import clock
from behaviours.model import Level
from behaviours.pack import Pack
from behaviours.presentation import level_heading
from behaviours.text import long_date

# Built-in PDF fonts cover Latin-1 only; these stand-ins keep typographic text readable.
_STAND_INS = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2026": "...",
    "\u2022": "-",
    "\u00a0": " ",
    "\u2212": "-",
    "\u2192": "->",
    "\u00b7": "-",
}

# Fill colours for the level bars; the text on them is black, well above 4.5:1.
_LEVEL_FILL = {Level.GREEN: (214, 238, 224), Level.AMBER: (255, 228, 186), Level.RED: (250, 210, 210)}


def pdf_text(text: str) -> str:
    """Text the built-in fonts can draw: typographic marks replaced, anything else outside Latin-1 dropped."""
    replaced = "".join(_STAND_INS.get(ch, ch) for ch in str(text))
    decomposed = unicodedata.normalize("NFKC", replaced)
    return decomposed.encode("latin-1", errors="replace").decode("latin-1").replace("\x00", "")


class Document(FPDF):
    """An A4 page layout with a footer naming the pack, its version and review date."""

    def __init__(self, pack: Pack, title: str, *, generated: dt.date | None = None) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.pack = pack
        self.doc_title = pdf_text(title)
        self.generated = generated or clock.today()
        self.set_title(self.doc_title)
        self.set_author(pdf_text(pack.info.name))
        self.set_lang("en-GB")
        self.set_creator("Traffic Light Reference")
        self.set_margins(15, 15, 15)
        self.set_auto_page_break(auto=True, margin=22)
        self.add_page()
        self.set_font("helvetica", "B", 18)
        self.multi_cell(0, 9, self.doc_title, new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def footer(self) -> None:
        """Pack name, version, review date and page number on every page."""
        self.set_y(-18)
        self.set_font("helvetica", "", 8)
        info = self.pack.info
        line = (
            f"{info.name}, version {info.version}, reviewed {long_date(info.last_reviewed)}. "
            f"Printed {long_date(self.generated)}. Page {self.page_no()} of {{nb}}."
        )
        self.multi_cell(0, 4, pdf_text(line), new_x="LMARGIN", new_y="NEXT")
        self.multi_cell(0, 4, pdf_text("A reference aid: professional judgement and local procedures decide."))

    # ------------------------------------------------------------ blocks

    def heading(self, text: str, size: int = 14) -> None:
        """A bold heading."""
        self.ln(2)
        self.set_font("helvetica", "B", size)
        self.multi_cell(0, size * 0.5, pdf_text(text), new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def paragraph(self, text: str, size: int = 10, style: str = "") -> None:
        """A paragraph of body text."""
        self.set_font("helvetica", style, size)
        self.multi_cell(0, size * 0.5, pdf_text(text), new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def bullets(self, items: list[str], size: int = 10) -> None:
        """A bulleted list."""
        self.set_font("helvetica", "", size)
        for item in items:
            self.set_x(self.l_margin + 3)
            self.multi_cell(0, size * 0.5, pdf_text(f"- {item}"), new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def level_bar(self, level: Level) -> None:
        """A level heading in words ('Red: act today') on a light bar of its colour."""
        self.ln(2)
        self.set_font("helvetica", "B", 13)
        self.set_fill_color(*_LEVEL_FILL[level])
        self.multi_cell(0, 8, pdf_text(level_heading(self.pack, level)), fill=True, new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def credit(self) -> None:
        """The framework credit and licence note, small, at the end."""
        info = self.pack.info
        self.ln(3)
        self.set_font("helvetica", "I", 8)
        for text in (info.credit.framework, info.credit.wording, info.credit.licence):
            self.multi_cell(0, 4, pdf_text(text), new_x="LMARGIN", new_y="NEXT")

    def write_in(self, label: str, lines: int = 2, size: int = 10) -> None:
        """A bold label followed by ruled lines to write on by hand (e.g. 'Decision:')."""
        self.set_font("helvetica", "B", size)
        self.multi_cell(0, size * 0.5, pdf_text(label), new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(120, 120, 120)
        for _ in range(lines):
            self.ln(8)
            if self.will_page_break(2):
                self.add_page()
            self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(4)

    def to_bytes(self) -> bytes:
        """The finished PDF."""
        self.alias_nb_pages()
        return bytes(self.output())
