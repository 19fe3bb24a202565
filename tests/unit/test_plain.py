"""Plain mode, tested by feeding standard input and reading standard output."""

from __future__ import annotations

import subprocess
import sys

import pytest

from coach.store.history import History
from tests.conftest import ROOT
from tests.support.plain_coach import TimedInput, coach_for


def saved(tmp_path):
    store = History.open(tmp_path).store
    try:
        return store.list()
    finally:
        store.close()


def test_back_of_calf_hold_from_typed_answers(content, tmp_path):
    answers = "b\nn\ny\n4\n" + "y\n" + "n\n" * (len(content.causes) - 1)
    coach, out = coach_for(content, tmp_path, answers)
    assert coach.run() == 0
    text = out.getvalue()
    assert "not a diagnosis" in text and "999" in text
    steps = [line for line in text.splitlines() if line.startswith("Step ")]
    assert len(steps) == len(content.guides["back"].steps["bed"])
    assert steps[0].startswith("Step 1 of 5: Lie on your back")
    assert "Step 2 of 5: Pull your foot and toes up toward your shin" in text
    assert " at 0:" not in text  # one clock to hear: the time left, never the time done
    assert "Straighten the cramped leg as far as it will go." in text  # each step whole
    # "Time left" only where nothing else is being read (tests/unit/test_plain_reads_well.py)
    lefts = [line for line in text.splitlines() if line.endswith(" left.")]
    assert set(lefts) <= {"0:50 left.", "0:40 left.", "0:30 left.", "0:20 left.", "0:10 left."}
    assert "Time's up. Let go slowly." in text
    assert text.index("Tips for you:") < text.index("Tips for everyone:")
    (record,) = saved(tmp_path)
    assert (record.side, record.outcome, record.actual_seconds) == ("back", "gone", 60)
    assert record.severity == 4
    assert "sore for up to a day" in text  # after-care after "gone"
    assert record.causes == (content.causes[0].id,)


def test_numbers_and_unknown_answers(content, tmp_path):
    coach, out = coach_for(content, tmp_path, "7\nmaybe\n2\n1\n")
    coach.run()
    text = out.getvalue()
    assert text.count("Sorry, I did not understand") == 2
    assert "Front of the calf (shin side), in bed" in text


def test_end_of_input_leaves_cleanly_and_keeps_the_episode(content, tmp_path):
    coach, out = coach_for(content, tmp_path, "f\nn\n")
    assert coach.run() == 0
    assert out.getvalue().rstrip().endswith("Leaving Calf Coach. Take care.")
    (record,) = saved(tmp_path)
    assert record.outcome == "left" and record.holds == 1


def test_swollen_leg_prints_red_flags_and_no_stretch(content, tmp_path):
    coach, out = coach_for(content, tmp_path, "b\ny\n")
    coach.run()
    text = out.getvalue()
    assert "Do not stretch" in text and "Do NOT keep stretching" in text
    assert "Step 1" not in text


def test_not_sure_explains_then_asks_again(content, tmp_path):
    coach, out = coach_for(content, tmp_path, "n\nq\n")
    coach.run()
    text = out.getvalue()
    assert "pulled to point down" in text
    assert text.count("Where is the cramp?") == 2


def test_routine_in_plain_mode(content, tmp_path):
    coach, out = coach_for(content, tmp_path, "2\n")
    coach.run("routine")
    text = out.getvalue()
    assert text.count("Left leg:") == 6 and text.count("Right leg:") == 6
    assert "towel" in text and "Routine done" in text
    assert [r.kind for r in saved(tmp_path)] == ["routine"]


FAST_PLAIN_CLOCK = """
import sys, time
from coach.cli import main
from coach.plain.driver import PlainCoach

now = [time.monotonic()]
made = PlainCoach.__init__

def sleep(seconds):
    now[0] += seconds

def on_a_fast_clock(self, *args, **options):
    made(self, *args, clock=lambda: now[0], sleep=sleep, **options)

PlainCoach.__init__ = on_a_fast_clock
sys.exit(main())
"""
"""`calf-coach` itself, with the plain coach's clock (the FakeClock of the tests in this
file) moving on by each wait instead of sleeping it: a whole hold in no time."""


def test_piped_cli_runs_plain_mode_automatically(tmp_path):
    answers = "b\nn\nn\n\nq\n"
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            FAST_PLAIN_CLOCK,
            "--hold",
            "5",
            "--region",
            "uk",
            "--data-dir",
            str(tmp_path),
        ],
        input=answers,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr
    assert "Where is the cramp?" in out.stdout and "Time's up" in out.stdout
    assert "\x1b[" not in out.stdout  # no full-screen drawing
    net = out.stdout.split("Before you go: when to get help")[1]  # stopped while still cramping
    assert "Get medical help if the cramp is still not gone about 10 minutes" in net


def test_exclamation_mark_at_the_first_question_shows_when_to_get_help(content, tmp_path):
    coach, out = coach_for(content, tmp_path, "!\n?\nq\n")
    assert coach.run() == 0
    text = out.getvalue()
    assert text.index("When to get help") < text.index("Call 999 now.")
    assert "Answer with the number or the letter" in text  # ?
    assert "Sorry" not in text


def test_pause_add_time_and_done_early_during_a_plain_hold(content, tmp_path):
    coach, out = coach_for(content, tmp_path, "")
    clock = coach.clock
    start = clock.now
    coach.input = TimedInput(
        clock,
        [
            (None, "b"),
            (None, "n"),
            (start + 10, "p"),  # pause after 10 s held
            (start + 40, "p"),  # carry on after 30 s paused
            (start + 45, "+"),  # add 30 s after 15 s held
            (start + 60, "d"),  # it eased after 30 s held
            (None, "y"),
            (None, "8"),
            (None, "q"),  # leaves at the first cause question
        ],
    )
    assert coach.run() == 0
    text = out.getvalue()
    assert "PAUSED" in text and "Added 30 s" in text
    assert "Hold finished early, after 0:30." in text
    (record,) = saved(tmp_path)
    assert (record.actual_seconds, record.planned_seconds) == (30, 90)
    assert (record.outcome, record.severity) == ("gone", 8)
    assert "Before you go" not in text  # it eased: after-care, not the safety net
    assert "sore for up to a day" in text


def test_a_plain_hold_keeps_answers_typed_ahead_for_the_question(content, tmp_path):
    coach, out = coach_for(content, tmp_path, "b\nn\ns\n\nq\n")
    coach.run()
    (record,) = saved(tmp_path)
    assert record.outcome == "somewhat" and record.actual_seconds == 60
    assert "Still there, but weaker. Stretch again, or stop here." in out.getvalue()


class InterruptAt(TimedInput):
    """Ctrl+C at a moment of the fake clock, as a person would press it."""

    def __init__(self, clock, lines, at):
        super().__init__(clock, lines)
        self.at = at

    def ready(self, timeout):
        if self.clock.now + timeout >= self.at:
            self.clock.now = self.at
            raise KeyboardInterrupt
        return super().ready(timeout)


def test_end_of_input_while_paused_does_not_hang_the_hold(content, tmp_path):
    coach, out = coach_for(content, tmp_path, "b\nn\np\n")
    assert coach.run() == 0
    (record,) = saved(tmp_path)
    assert (record.outcome, record.actual_seconds) == ("left", 60)
    assert "Before you go" in out.getvalue()


def test_ctrl_c_in_a_plain_hold_keeps_the_seconds_held(content, tmp_path):
    coach, out = coach_for(content, tmp_path, "")
    coach.input = InterruptAt(coach.clock, [(None, "b"), (None, "n")], coach.clock.now + 6)
    assert coach.run() == 0
    (record,) = saved(tmp_path)
    assert (record.outcome, record.actual_seconds) == ("left", 6)
    assert "Before you go" in out.getvalue()


def test_end_of_input_at_the_optional_severity_keeps_gone(content, tmp_path):
    coach, out = coach_for(content, tmp_path, "b\nn\ny\n")
    coach.run()
    (record,) = saved(tmp_path)
    assert record.outcome == "gone"
    text = out.getvalue()
    assert "sore for up to a day" in text and "Before you go" not in text


def test_q_at_the_optional_severity_skips_it_and_leaves_at_the_next_question(content, tmp_path):
    """'q' at "how bad was it?" was "Sorry, I did not understand 'q'" (found under yasr):
    it skips the rating, keeps "gone", and the questions after it take it as theirs
    (which leg: skipped; the cause questions: all skipped)."""
    coach, out = coach_for(content, tmp_path, "b\nn\ny\nq\n")
    assert coach.run() == 0
    (record,) = saved(tmp_path)
    assert (record.outcome, record.severity) == ("gone", None)
    text = out.getvalue()
    assert "did not understand" not in text and "sore for up to a day" in text
    assert "Skip all" in text  # the cause questions were asked, then q skipped them all
    assert text.count("Did you") == 0  # no second cause question asked after q


def test_on_a_terminal_a_word_in_a_hold_is_answered_and_listening_goes_on(content, tmp_path):
    coach, out = coach_for(content, tmp_path, "")
    start = coach.clock.now
    coach.input = TimedInput(
        coach.clock, [(None, "b"), (None, "n"), (start + 5, "what"), (start + 9, "done")]
    )
    coach.input.is_terminal = True
    coach.run()
    assert "Sorry: p pause" in out.getvalue()
    (record,) = saved(tmp_path)
    assert record.actual_seconds == 9  # "done" still ended the hold early


def test_plain_red_flags_say_how_to_change_the_country_with_an_option(content, tmp_path):
    coach, out = coach_for(content, tmp_path, "!\nq\n")
    coach.run()
    text = out.getvalue()
    assert "--region ID" in text and "Ctrl+P" not in text


def test_plain_asks_which_relief_was_tried_before_what_next(content, tmp_path):
    # Still cramping: marks w and massage (letter or name), holds again; then somewhat
    # better: an unknown letter is asked again, Enter marks none, and it stops there.
    answers = "b\nn\nn\nw, massage\nh\ns\n\nz\n\nq\n" + "n\n" * len(content.causes)
    coach, out = coach_for(content, tmp_path, answers)
    coach.run()
    text = out.getvalue()
    ask = "Tried any of these? Type their letters (e.g. m w), or Enter for none:"
    assert text.count(ask) == 3
    assert "m  Rub the tight muscle gently" in text and "w  Warm the muscle" in text
    assert "Sorry, I did not understand 'z'." in text
    assert text.index(ask) < text.index("What next?")
    (record,) = saved(tmp_path)
    assert record.outcome == "somewhat" and record.holds == 2
    assert record.relief_tried == ("warmth", "massage")


def test_plain_hold_key_typed_at_the_relief_question_still_holds(content, tmp_path):
    """A person who types h (or q) at once, as before, is not held up by the question."""
    coach, out = coach_for(content, tmp_path, "b\nn\nn\nh\ny\n\n" + "n\n" * len(content.causes))
    coach.run()
    (record,) = saved(tmp_path)
    assert (record.holds, record.outcome, record.relief_tried) == (2, "gone", ())
    assert "What next?" not in out.getvalue()


def test_still_cramping_reaches_the_second_hold_in_one_answer(content, tmp_path):
    """#27 item 6: "still cramping" took three prompts before the next hold (how bad it
    was, in the past tense, while it still cramped; five relief lines; "what next?").
    `h` at "has it eased?" is still cramping and hold again, in one answer: the time
    line, then the hold. How bad it was is asked once it has eased."""
    coach, out = coach_for(content, tmp_path, "b\nn\nh\ny\n4\n\n" + "n\n" * len(content.causes))
    assert coach.run() == 0
    text = out.getvalue()
    assert text.count("How bad was it") == 1  # after "gone", not after "still cramping"
    assert "Tried any of these?" not in text and "What next?" not in text
    assert "If it is not gone about 10 min after it began" in text  # the time line stays
    (record,) = saved(tmp_path)
    assert (record.holds, record.outcome, record.severity) == (2, "gone", 4)


@pytest.mark.parametrize("odd", ["²", "③", "٣", "３"])
def test_a_digit_python_reads_but_int_refuses_is_asked_again_never_a_crash(content, tmp_path, odd):
    """`str.isdigit()` accepts superscripts, circled and non-ASCII digits that `int()`
    refuses (or reads as another number): they must not crash plain mode and lose "gone"."""
    coach, out = coach_for(content, tmp_path, f"b\nn\ny\n{odd}\n3\nq\n")
    assert coach.run() == 0
    (record,) = saved(tmp_path)
    assert (record.outcome, record.severity) == ("gone", 3)
    assert "did not understand" in out.getvalue()  # asked again, not read as a number


@pytest.mark.parametrize(("no", "yes"), [("no", "yes"), ("No", "YES"), ("没有", "有")])
def test_yes_and_no_typed_as_words_answer_in_both_languages(content, tmp_path, no, yes):
    """Review #22: "yes" at the swollen-leg question was "not understood", and the
    question repeated while the person was in pain."""
    coach, out = coach_for(content, tmp_path, f"b\n{no}\n{yes}\n3\nq\n")
    assert coach.run() == 0
    (record,) = saved(tmp_path)
    assert (record.outcome, record.severity) == ("gone", 3)  # no -> stretch; yes -> gone
    for word in (no, yes):
        assert f"understand {word.lower()!r}" not in out.getvalue()


def test_yes_at_the_swollen_leg_question_never_stretches(content, tmp_path):
    coach, out = coach_for(content, tmp_path, "b\nyes\n")
    coach.run()
    (record,) = saved(tmp_path)
    assert record.outcome == "red_flag" and record.holds == 0
    assert "Step 1" not in out.getvalue()


def test_hold_keys_that_arrive_together_are_each_read_in_order_at_once():
    """#29 item 16: a burst over a pipe is read as it comes, not left in a buffer that
    select cannot see until the hold has ended."""
    import os
    import threading

    from coach.plain.prompt import EndOfInput, LineReader

    read_end, write_end = os.pipe()
    burst = b"+\n" * 1000 + b" " * 100_000 + b"\np\n\xffq"
    writer = threading.Thread(target=os.write, args=(write_end, burst))  # more than a pipe holds
    with os.fdopen(read_end, "r") as stream:
        reader = LineReader(stream)
        writer.start()
        got = []
        while len(got) < 1002 and reader.ready(2.0):
            got.append(reader.readline())
        writer.join()
        assert got == ["+"] * 1000 + [" " * 100_000, "p"]
        assert not reader.ready(0.0)  # "q" has no newline yet: not a line
        os.close(write_end)
        assert reader.ready(0.0) and reader.readline() == "\ufffdq"
        with pytest.raises(EndOfInput):
            reader.readline()
