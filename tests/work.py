"""A deterministic measure of work, for bounds that once were wall-clock timings.

Counting the function calls a piece of code makes (Python functions and
built-ins alike) gives the same number on a busy CI machine as on an idle
laptop, so a bound on it fails only when the code really does more work: an
alias bomb expanded, a quadratic loop over a long query. Timings live in
bench/ (bench/hostile_input.py), where they are printed, not asserted.
"""

from __future__ import annotations

import sys
from types import FrameType
from typing import Any


class TooMuchWork(BaseException):
    """More calls than the budget. A BaseException, so no `except Exception` in the code under test swallows it."""


class CallCounter:
    """Count every call made inside the `with` block, in this thread; stop the code once it exceeds `limit`.

    With a limit, runaway work (an alias bomb being expanded) fails at once
    with TooMuchWork instead of running until the test's timeout. Example:
    `with CallCounter(limit=50_000) as work: search(pack, query)`, then
    `assert work.calls < 5_000`.
    """

    def __init__(self, limit: int | None = None) -> None:
        self.calls = 0
        self.limit = limit
        self._previous: Any = None

    def _count(self, frame: FrameType, event: str, arg: Any) -> None:
        if event == "call" or event == "c_call":
            self.calls += 1
            if self.limit is not None and self.calls > self.limit:
                raise TooMuchWork(f"more than {self.limit:,} calls")

    def __enter__(self) -> CallCounter:
        self._previous = sys.getprofile()
        sys.setprofile(self._count)
        return self

    def __exit__(self, *exc_info: object) -> None:
        sys.setprofile(self._previous)
