"""What is due for review: every file's ``review:`` block, the pack, each contact, resource and law note.

A file's ``review:`` block (``last_reviewed``, ``next_review``, ``owner``) says when the whole file is
next due. Items that carry their own date are due a fixed time after it: a contact or resource
``REVIEW_MONTHS`` after ``last_verified``, a law note after its ``last_reviewed``, the pack after
pack.yaml's ``last_reviewed``. ``python -m behaviours review`` lists them all, due first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from behaviours.core.text import long_date
from behaviours.pack.model import Review
from behaviours.pack.reader import PackContent

REVIEW_MONTHS = 12
REVIEWED_FILES = ("criteria.yaml", "law.yaml", "contacts.yaml", "routes.yaml", "scenarios.yaml", "vocabulary.yaml")


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it has fewer days)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - every month has a 28th


@dataclass(frozen=True)
class ReviewItem:
    """One thing to review: what it is, where, when it is due, when it was last looked at, and who owns it."""

    what: str
    file: str
    due: dt.date
    last: dt.date | None
    owner: str | None

    def overdue(self, today: dt.date) -> bool:
        return self.due < today


def file_reviews(content: PackContent) -> dict[str, Review]:
    """Each file's ``review:`` block, by the file's name in the pack (``bands/0-5.yaml``, ``law.yaml``)."""
    found: dict[str, Review] = {}
    for relative, band in content.bands:
        if band.review is not None:
            found[relative] = band.review
    for relative in REVIEWED_FILES:
        model = content.models.get(relative)
        review = getattr(model, "review", None) if model is not None else None
        if review is not None:
            found[relative] = review
    return found


def review_items(content: PackContent) -> list[ReviewItem]:
    """Everything with a review date, due first (then by file and name)."""
    items: list[ReviewItem] = []
    owners = file_reviews(content)
    for relative, review in owners.items():
        items.append(
            ReviewItem(f"the whole file {relative}", relative, review.next_review, review.last_reviewed, review.owner)
        )
    info = content.models.get("pack.yaml")
    if info is not None:
        items.append(
            ReviewItem(
                "the pack as a whole",
                "pack.yaml",
                add_months(info.last_reviewed, REVIEW_MONTHS),
                info.last_reviewed,
                None,
            )
        )
    # Items checked one by one: due REVIEW_MONTHS after their own date, owned by their file's owner.
    dated: tuple[tuple[str, str, Callable[[Any], str], Callable[[Any], dt.date | None]], ...] = (
        ("contacts.yaml", "contacts", lambda c: f"contact: {c.name} ({c.status.value})", lambda c: c.checked_on),
        ("routes.yaml", "resources", lambda r: f"resource: {r.title}", lambda r: r.last_verified),
        ("law.yaml", "law", lambda n: f"law note: {n.title}", lambda n: n.last_reviewed),
    )
    for relative, attribute, what, when in dated:
        owner = owners.get(relative)
        for _, item in content.each(relative, attribute):
            day = when(item)
            if day is not None:
                items.append(
                    ReviewItem(
                        what(item), relative, add_months(day, REVIEW_MONTHS), day, owner.owner if owner else None
                    )
                )
    return sorted(items, key=lambda item: (item.due, item.file, item.what))


def review_report(items: list[ReviewItem], today: dt.date, pack_name: str) -> str:
    """The list as Markdown: a table, overdue items marked, due first."""
    overdue = sum(item.overdue(today) for item in items)
    lines = [
        f"# Review dates: {pack_name}",
        "",
        f"On {long_date(today)}: {len(items)} items, {overdue} overdue. Due first.",
        "",
        "| Due | What | File | Last reviewed or checked | Owner |",
        "| --- | --- | --- | --- | --- |",
    ]
    for item in items:
        due = long_date(item.due)
        if item.overdue(today):
            due = f"**OVERDUE** {due}"
        last = long_date(item.last) if item.last else "never"
        cells = [due, item.what, item.file, last, item.owner or "not named"]
        lines.append("| " + " | ".join(cell.replace("|", "/") for cell in cells) + " |")
    return "\n".join(lines) + "\n"


_FILE_WORDS = {
    "criteria.yaml": "The criteria",
    "law.yaml": "The law notes",
    "contacts.yaml": "The helplines and services",
    "routes.yaml": "What to do and who to tell (routes)",
    "scenarios.yaml": "The training scenarios",
    "vocabulary.yaml": "The search word list",
}


def file_title(pack: Any, relative: str) -> str:
    """What a reviewed file holds, in words a user understands: 'Ages 0 to 5', 'The law notes'."""
    if relative.startswith("bands/"):
        band_id = relative.removeprefix("bands/").removesuffix(".yaml")
        band = pack.band(band_id)
        return f"Behaviours, {band.label}" if band is not None else relative
    return _FILE_WORDS.get(relative, relative)


def reviewed_words(review: Review) -> str:
    """'last reviewed 1 December 2026 by Content editor ...; next review due 1 December 2027'."""
    return (
        f"last reviewed {long_date(review.last_reviewed)} by {review.owner}; "
        f"next review due {long_date(review.next_review)}"
    )


def reviewed_lines(pack: Any) -> list[str]:
    """For the About page: each reviewed part of the pack with its dates and owner, bands first."""
    order = sorted(pack.reviews, key=lambda name: (not name.startswith("bands/"), name))
    return [f"{file_title(pack, name)}: {reviewed_words(pack.reviews[name])}" for name in order]
