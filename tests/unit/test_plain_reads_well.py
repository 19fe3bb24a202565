"""Plain mode read by a screen reader (#27 item 6): the stretch's first step comes
right after what to hold, its keys and source wait under `?`, and no line is empty (a
screen reader reads each one out as "blank")."""

from __future__ import annotations

from coach.store.settings import load_settings
from tests.support.plain_coach import TimedInput, coach_for


def test_step_one_comes_first_and_the_keys_and_source_are_under_the_question_mark(
    content, tmp_path
):
    coach, out = coach_for(content, tmp_path, "")
    start = coach.clock.now
    coach.input = TimedInput(coach.clock, [(None, "b"), (None, "n"), (start + 5, "?")])
    coach.run()
    text = out.getvalue()
    hold = text.split("hold for ")[1]
    first = hold.split("\n")[1]
    assert first.startswith("Step 1 of 5")
    assert hold.index("Keys: ? then Enter.") < hold.index("While it runs: p pause")
    assert hold.index("Step 1 of 5") < hold.index("How sure:") < hold.index("Step 2 of 5")


def test_the_question_mark_as_a_chinese_keyboard_types_it_shows_the_keys(content, tmp_path):
    coach, out = coach_for(content, tmp_path, "")
    start = coach.clock.now
    coach.input = TimedInput(coach.clock, [(None, "b"), (None, "n"), (start + 5, "？")])
    coach.run()
    text = out.getvalue()
    assert text.index("Step 1 of 5") < text.index("While it runs: p pause")


def test_no_empty_line_in_a_whole_first_run_left_at_a_question(content, tmp_path):
    """First run, the disclaimer, a hold, the end of input at "has it eased?" (the
    safety net), then the history: not one empty line."""
    assert not load_settings(tmp_path).settings.disclaimer_seen
    coach, out = coach_for(content, tmp_path, "b\nn\n")
    coach.run()
    history, more = coach_for(content, tmp_path, "")
    history.run("history")
    for text in (out.getvalue(), more.getvalue()):
        assert text.strip()
        assert [line for line in text.split("\n")[:-1] if not line.strip()] == []
    assert "Before you go" in out.getvalue()
