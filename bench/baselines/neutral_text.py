"""Neutral filler text for the baseline apps, so their pages weigh what a real page weighs.

Deterministic: the same count always gives the same words, so runs compare.
"""

from __future__ import annotations

_TEXT = (
    "the plan notes who was told what and when, and which service followed up; "
    "each entry gives the date, the person who wrote it and the next step agreed; "
    "records are kept in plain words so another reader can act on them without asking; "
    "a short summary comes first and the detail follows in the order it happened"
)
_WORDS = tuple(_TEXT.split())


def neutral_sentence(index: int, words: int = 24) -> str:
    """One sentence of neutral filler, different for each index."""
    start = (index * 7) % len(_WORDS)
    chosen = [_WORDS[(start + k) % len(_WORDS)] for k in range(words)]
    sentence = " ".join(chosen).replace(";", ",").rstrip(",")
    return f"{sentence[0].upper()}{sentence[1:]}."


def neutral_paragraphs(count: int) -> list[str]:
    """`count` paragraphs of filler, each tagged with its number so it is unique."""
    return [f"Item {i + 1}. {neutral_sentence(i)}" for i in range(count)]
