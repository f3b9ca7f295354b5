"""Reading a generated PDF as a person would: its words, and how many pages it has (shared by the PDF tests)."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader


def pdf_words(data: bytes) -> str:
    """The PDF's text as a reader hears it: pages joined, a word broken at its own hyphen rejoined,
    other line breaks and runs of spaces made one space. Nothing else is changed."""
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(re.sub(r"(?<=\w-)\n(?=\w)", "", text).split())


def page_count(data: bytes) -> int:
    """How many pages the PDF has."""
    return len(PdfReader(io.BytesIO(data)).pages)
