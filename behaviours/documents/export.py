"""Tables and files made from the pack: a band as a table and as CSV."""

from __future__ import annotations

import pandas as pd

from behaviours.core.text import long_date
from behaviours.pack.model import LEVELS, AgeBand
from behaviours.pack.pack import Pack

# A spreadsheet treats a cell starting with these as a formula; content must never run as one.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def band_table(pack: Pack, band: AgeBand) -> pd.DataFrame:
    """One row per descriptor in the band, levels in order green, amber, red, with the level in words."""
    rows = []
    for level in LEVELS:
        for behaviour in pack.behaviours(band, level):
            rows.append(
                {
                    "Age band": band.label,
                    "Level": pack.level_label(level),
                    "What it can look like": behaviour.text,
                    "What to consider": " / ".join(behaviour.consider),
                    "The law": " / ".join(
                        note.title for note in (pack.law_note(i) for i in behaviour.law) if note is not None
                    ),
                }
            )
    return pd.DataFrame(rows, columns=["Age band", "Level", "What it can look like", "What to consider", "The law"])


def band_csv(pack: Pack, band: AgeBand) -> bytes:
    """The band as CSV for spreadsheets (UTF-8 with a byte-order mark so Excel reads it), formula-safe."""
    table = band_table(pack, band).map(_cell)
    footer = pd.DataFrame(
        [{"Age band": f"{pack.info.name}, version {pack.info.version}, reviewed {long_date(pack.info.last_reviewed)}"}]
    )
    return pd.concat([table, footer], ignore_index=True).to_csv(index=False).encode("utf-8-sig")
