"""What an age means, decided in one place for the look-up, search, the case discussion and links alike.

An age in whole years is one of four things: a child's age (one band, or two on a shared boundary such as 5, 9
or 13); a young adult's age from 18 to 25, where the oldest band is only a guide and adult safeguarding applies;
an adult's age over 25, where only the adult route applies; or not an age at all (negative). Links and typed ages
both go through ``age_meaning``, so ``/?age=26`` and typing 26 give the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from behaviours.pack.model import AgeBand
from behaviours.pack.pack import Pack

# Adult safeguarding from the 18th birthday; the oldest children's band is a guide for vulnerable young
# adults up to 25 (the pack's adult note). The tests pin both with literals.
ADULT_FROM = 18
GUIDE_UNTIL = 25
YOUNGEST = 0
# A typed or linked number longer than this is not an age anyone means (and keeps notices short).
MAX_DIGITS = 3


class AgeKind(str, Enum):
    """The four things an age can mean to this tool."""

    CHILD = "child"
    YOUNG_ADULT = "young-adult"  # 18 to 25: adult route, oldest band as a guide only
    ADULT = "adult"  # over 25: adult route only
    NOT_AN_AGE = "not-an-age"


@dataclass(frozen=True)
class AgeMeaning:
    """An age, what it means, the bands to show for it, and the one notice to give (if any)."""

    age: int
    kind: AgeKind
    bands: tuple[AgeBand, ...] = ()
    notice: str | None = None

    @property
    def adult(self) -> bool:
        """True from 18: adult safeguarding applies, whatever bands are shown as a guide."""
        return self.kind in (AgeKind.YOUNG_ADULT, AgeKind.ADULT)

    @property
    def guide_only(self) -> bool:
        """True when the bands shown are only a guide (a young adult's age)."""
        return self.kind is AgeKind.YOUNG_ADULT


def age_meaning(pack: Pack, age: int) -> AgeMeaning:
    """What ``age`` (whole years) means in this pack: its kind, its bands, and any notice."""
    if age < YOUNGEST:
        return AgeMeaning(
            age,
            AgeKind.NOT_AN_AGE,
            notice=f"{age} is not an age in years. Enter the child's age as a whole number from {YOUNGEST} to {GUIDE_UNTIL}.",
        )
    if age > GUIDE_UNTIL:
        return AgeMeaning(
            age,
            AgeKind.ADULT,
            notice=(
                f"Age {age} is outside what this tool covers (ages {YOUNGEST} to {GUIDE_UNTIL}). "
                f"Anyone aged {ADULT_FROM} or over falls under adult safeguarding: see the route below."
            ),
        )
    if age >= ADULT_FROM:
        oldest = max(pack.bands, key=lambda b: b.max_age)
        return AgeMeaning(age, AgeKind.YOUNG_ADULT, bands=(oldest,))
    return AgeMeaning(age, AgeKind.CHILD, bands=tuple(pack.bands_for_age(age)))
