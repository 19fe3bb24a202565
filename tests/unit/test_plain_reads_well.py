"""Plain mode read by a screen reader (#27 item 6): the stretch's first step comes
right after what to hold, its keys and source wait under `?`, and no line is empty (a
screen reader reads each one out as "blank")."""

from __future__ import annotations

import itertools

import pytest

from coach.content.load import load, load_ui
from coach.core import i18n
from coach.core.cues import GAP
from coach.core.speaking import reader_pace, seconds_to_say
from coach.core.timer import clock_text
from coach.plain.prompt import LineEnds
from coach.store.settings import load_settings
from tests.conftest import ROOT
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
    assert "Keys: ? then Enter." in hold  # where nothing else is being read
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


def heard(lines, pace) -> list[tuple[str, float, float]]:
    """Each line as a screen reader reads them: one after another, each from when it is
    printed or when the one before ends, for as long as it takes. Times are from the
    first line (the reader was quiet then: it stops talking at a key press)."""
    out, start = [], lines[0][0]
    free = start
    for at, line in lines:
        begins = max(at, free)
        free = begins + seconds_to_say(line, pace) + GAP
        out.append((line, at - start, begins - start))
    return out


STEPS_READ = {("en", 60): 5, ("en", 20): 2, ("zh", 60): 5, ("zh", 20): 1}
"""Steps that can be read before time's up at the reader's pace; the later ones of a
short hold are left out (a Chinese 20 s hold has room for its first step only)."""


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("seconds", [60, 20])
def test_read_aloud_as_printed_times_up_is_heard_on_time(tmp_path, lang, seconds):
    """#27 item 6: a screen reader reads every line plain mode prints, one after another.
    At the reader's pace (espeak-ng's default rate), each step starts being heard before
    the next is printed, and time's up is heard within a second of being printed. Before
    the hold's lines were planned, a 20 s hold was heard to its end 25 s late."""
    folder = ROOT / "content" / ("zh" if lang == "zh" else "")
    content = load(folder)
    if lang == "zh":
        i18n.use(load_ui(folder))
    coach, out = coach_for(content, tmp_path, "b\nn\n", hold_seconds=seconds, timed=True)
    coach.run()
    hold = next(n for n, (_, line) in enumerate(out.lines) if clock_text(seconds) in line)
    read = heard(out.lines[hold:], reader_pace(lang))
    steps = [row for row in read if row[0].startswith(("Step ", "第 "))]
    assert len(steps) == STEPS_READ[lang, seconds], read
    for (_, _, begins), (_, next_printed, _) in itertools.pairwise(steps):
        assert begins <= next_printed + 0.01, read
    (time_up,) = [row for row in read if row[0].startswith(("Time's up", "时间到"))]
    assert time_up[2] - time_up[1] <= 1.0, read
