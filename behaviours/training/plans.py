"""What the training pages show, decided without Streamlit: a ``plan_*`` per page, like ``behaviours.answers.plans``.

Training sits above answers (it reads link parameters with ``behaviours.answers.params``), so its plans live here
rather than in ``behaviours.answers.plans``, which must not import upwards.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from behaviours.answers.params import parse_band, parse_level, parse_seed
from behaviours.pack.pack import Pack
from behaviours.training.quiz import DEFAULT_QUIZ_SIZE, parse_quiz_size
from behaviours.training.sessions import TrainingMode, parse_mode, step_index


@dataclass(frozen=True)
class TrainingLinkPlan:
    """How a training link sets the page up once: the values to set (None: leave alone), and notices."""

    mode: TrainingMode | None = None
    seed: int | None = None
    new_seed: bool = False  # the link asked for a quiz number that could not be read: draw a fresh one
    band: str | None = None  # a band id, or ALL_BANDS
    size: int | None = None
    facilitator_step: int | None = None
    notices: list[str] = field(default_factory=list)


ALL_BANDS = "all"


def plan_training_link(
    pack: Pack, params: Mapping[str, str], written: Mapping[str, str] | None = None
) -> TrainingLinkPlan:
    """Read ``mode``, ``seed``, ``band``, ``n`` and ``level`` from a link.

    A level alone means the facilitator view, the only one that shows one level at a time;
    a band or level in the link moves the facilitator to that step. ``written`` is the
    address the page itself last put in the address bar: the same parameters again are
    only that echo, not a new link, so they change nothing (else every rerun would undo
    the choices made since).
    """
    if written is not None and dict(params) == dict(written):
        return TrainingLinkPlan()
    mode = parse_mode(params.get("mode")) if "mode" in params else None
    seed = parse_seed(params.get("seed")) if "seed" in params else None
    band = parse_band(pack, params.get("band")) if "band" in params else None
    size = parse_quiz_size(params.get("n")) if "n" in params else None
    level = parse_level(pack, params.get("level")) if "level" in params else None
    chosen_mode: TrainingMode | None = None
    if mode is not None:
        chosen_mode = mode.value or TrainingMode.QUIZ
    elif level is not None and level.value is not None:
        chosen_mode = TrainingMode.FACILITATOR
    step = None
    if (band is not None and band.value) or (level is not None and level.value):
        step = step_index(pack, band.value if band else None, level.value if level else None)
    return TrainingLinkPlan(
        mode=chosen_mode,
        seed=seed.value if seed is not None else None,
        new_seed=seed is not None and seed.value is None,
        band=(band.value or ALL_BANDS) if band is not None else None,
        size=(size.value or DEFAULT_QUIZ_SIZE) if size is not None else None,
        facilitator_step=step,
        notices=[p.notice for p in (mode, seed, band, size, level) if p is not None and p.notice],
    )
