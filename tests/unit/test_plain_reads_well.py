"""Plain mode read by a screen reader (#27 item 6): the stretch's first step comes
right after what to hold, its keys and source wait under `?`, and no line is empty (a
screen reader reads each one out as "blank")."""

from __future__ import annotations

from coach.plain.prompt import LineEnds
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


class Writes:
    """A stdout that keeps each write apart, as an unbuffered terminal does (python -u,
    PYTHONUNBUFFERED=1): each write is a system call, which a screen reader reads alone."""

    def __init__(self) -> None:
        self.writes: list[str] = []

    def write(self, text: str) -> int:
        self.writes.append(text)
        return len(text)

    def flush(self) -> None:
        pass


def test_each_line_reaches_the_terminal_with_its_line_end(content, tmp_path):
    """yasr read a line's text, then its line end alone as a move to an empty line, and
    said "blank" between "hold for 1:00" and step 1 (stdout unbuffered)."""
    coach, _ = coach_for(content, tmp_path, "")
    start = coach.clock.now
    stream = Writes()
    coach.stdout = LineEnds(stream)
    coach.input = TimedInput(coach.clock, [(None, "b"), (None, "n"), (start + 70, "q")])
    coach.run()
    assert any("Step 1 of 5" in write for write in stream.writes)
    alone = [i for i, write in enumerate(stream.writes) if write == "\n"]
    assert [stream.writes[i - 1] for i in alone if i and stream.writes[i - 1].strip()] == []
