"""The training page's link plan: what a shared training link sets up once, and what it leaves alone."""

from __future__ import annotations

import pytest

from behaviours.pack.pack import Pack
from behaviours.training.plans import ALL_BANDS, TrainingLinkPlan, plan_training_link
from behaviours.training.sessions import TrainingMode, facilitator_steps, page_address


def test_training_link_a_level_alone_opens_the_facilitator_view(shipped: Pack) -> None:
    plan = plan_training_link(shipped, {"level": "red", "band": "9-13"})
    assert plan.mode == TrainingMode.FACILITATOR
    assert plan.band == "9-13"
    assert plan.facilitator_step is not None and plan.facilitator_step > 0


def test_training_link_quiz_settings(shipped: Pack) -> None:
    plan = plan_training_link(shipped, {"seed": "42", "n": "10", "mode": "quiz"})
    assert (plan.mode, plan.seed, plan.size, plan.new_seed) == (TrainingMode.QUIZ, 42, 10, False)
    assert plan.band is None and plan.facilitator_step is None and plan.notices == []


def test_training_link_bad_values_say_so(shipped: Pack) -> None:
    plan = plan_training_link(shipped, {"seed": "abc", "band": "99-100"})
    assert plan.new_seed and plan.seed is None
    assert plan.band == ALL_BANDS
    assert len(plan.notices) == 2


def test_training_link_the_page_wrote_itself_changes_nothing(shipped: Pack) -> None:
    written = {"seed": "42", "band": "9-13", "n": "10"}
    assert plan_training_link(shipped, dict(written), written=written) == TrainingLinkPlan()
    moved = plan_training_link(shipped, {"seed": "42", "band": "5-9", "n": "10"}, written=written)
    assert (moved.seed, moved.band) == (42, "5-9"), "a different address (Back, an edited link) is read"


@pytest.mark.parametrize("mode", list(TrainingMode))
def test_training_address_brings_back_the_same_page_after_a_reload(shipped: Pack, mode: TrainingMode) -> None:
    for step in facilitator_steps(shipped):
        address = page_address(mode, seed=8466, size=5, band_id=step.band.id, level=step.level)
        plan = plan_training_link(shipped, address)
        assert plan.notices == []
        assert (plan.mode or TrainingMode.QUIZ, plan.seed, plan.band, plan.size) == (mode, 8466, step.band.id, 5)
        if mode is TrainingMode.FACILITATOR:
            assert facilitator_steps(shipped)[plan.facilitator_step] == step
