"""Plain mode's part of the episode flow changes (issues #26, #27, #28), fed typed
answers and read back: the "do not stretch" gate, the split of "somewhat", which leg,
the cause questions at night."""

from __future__ import annotations

import pytest

from coach.store.history import History
from tests.support.plain_coach import coach_for


def saved(tmp_path):
    store = History.open(tmp_path).store
    try:
        return store.list()
    finally:
        store.close()


@pytest.mark.parametrize(
    ("which", "reason", "first"),
    [
        ("2", "tear", "Stop. Do not stretch it. Get help today: call NHS 111."),
        ("3", "cold-foot", "Call 999 now. Do not stretch or rub the leg."),
        ("1", "clot", "Do not stretch or rub that leg. Get help today: call NHS 111."),
    ],
)
def test_a_kick_during_football_or_a_cold_pale_foot_never_reaches_a_hold(
    content, tmp_path, which, reason, first
):
    coach, out = coach_for(content, tmp_path, f"b\ny\n{which}\n")
    assert coach.run() == 0
    text = out.getvalue()
    assert "kick or pop" in text and "cold, pale or numb" in text  # the gate lists all three
    assert any(line.startswith(first) for line in text.splitlines())
    assert "Step 1" not in text and "left." not in text
    (record,) = saved(tmp_path)
    assert (record.outcome, record.holds, record.help_reason) == ("red_flag", 0, reason)


def test_not_sure_which_prints_the_clot_help_and_the_other_two(content, tmp_path):
    coach, out = coach_for(content, tmp_path, "b\nyes\n4\n")
    coach.run()
    text = out.getvalue()
    assert "Do not stretch or rub that leg. Get help today: call NHS 111." in text
    assert 'A sudden "kick" in the calf during sport: Stop. Do not stretch it.' in text
    assert "Sudden pain with a cold, pale or numb foot: Call 999 now." in text
    assert "Step 1" not in text


def test_knot_gone_but_sore_is_after_care_and_saved_as_sore(content, tmp_path):
    coach, out = coach_for(content, tmp_path, "b\nn\nk\n3\n")
    assert coach.run() == 0
    text = out.getvalue()
    assert "The knot has gone, but it is sore" in text and "Still there, but weaker" in text
    assert "Good. The knot has gone." in text and "Before you go" not in text
    (record,) = saved(tmp_path)
    assert (record.outcome, record.severity) == ("sore", 3)


def test_which_leg_is_one_letter_after_the_after_care(content, tmp_path):
    from coach.core.steps import AfterCare
    from coach.plain.steps import PlainSteps

    for typed, leg in (("l", "left"), ("R", "right"), ("both", "both"), ("", "skip")):
        coach, out = coach_for(content, tmp_path, f"{typed}\n")
        assert PlainSteps(coach).show(AfterCare("gone")) == leg
        text = out.getvalue()
        assert text.index("sore for up to a day") < text.index("Which leg was it?")
    coach, out = coach_for(content, tmp_path, "")
    assert PlainSteps(coach).show(AfterCare("sore")) == "skip"  # end of input: skipped


def test_the_leg_is_asked_only_after_the_hold(content, tmp_path):
    coach, out = coach_for(content, tmp_path, "b\nn\ny\n3\nl\n")
    assert coach.run() == 0
    text = out.getvalue()
    assert text.count("Which leg was it?") == 1
    assert text.index("Which leg was it?") > text.index("Time's up")


def test_an_answer_for_the_next_question_skips_which_leg_and_is_kept(content, tmp_path):
    answers = "b\nn\ny\n3\n" + "y\n" + "n\n" * (len(content.causes) - 1)
    coach, _ = coach_for(content, tmp_path, answers)
    assert coach.run() == 0
    (record,) = saved(tmp_path)
    assert record.leg is None and record.causes == (content.causes[0].id,)


def test_which_one_lists_each_sign_once_and_asks_for_its_number(content, tmp_path):
    """Keys that are their own numbers are not said twice ("1. (1) Swollen leg") and the
    prompt has no empty "or": a screen reader reads every character."""
    coach, written = coach_for(content, tmp_path, "b\ny\n1\n")
    coach.run()
    out = written.getvalue()
    assert "1. Swollen leg" in out and "(1)" not in out
    assert "Answer 1-4: " in out and " or : " not in out
