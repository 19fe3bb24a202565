from coach.core.timer import HoldTimer, NextRedraw, next_redraw, step_index
from tests.conftest import FakeClock


def make(seconds: int = 60) -> tuple[HoldTimer, FakeClock]:
    clock = FakeClock()
    timer = HoldTimer(seconds, clock)
    timer.start()
    return timer, clock


def test_counts_down_from_the_deadline_not_ticks():
    timer, clock = make(60)
    assert timer.seconds_left() == 60
    clock.advance(0.2)
    assert timer.seconds_left() == 60  # ceil: 59.8 shows as 60
    clock.advance(0.8)
    assert timer.seconds_left() == 59
    clock.advance(58.5)
    assert timer.seconds_left() == 1
    assert not timer.done
    clock.advance(0.5)
    assert timer.seconds_left() == 0
    assert timer.done
    clock.advance(100)
    assert timer.remaining() == 0.0
    assert timer.elapsed() == 60


def test_pause_stops_the_clock_and_resume_continues():
    timer, clock = make(60)
    clock.advance(10)
    timer.pause()
    assert timer.paused
    clock.advance(300)
    assert timer.seconds_left() == 50
    assert not timer.done
    timer.resume()
    clock.advance(49)
    assert timer.seconds_left() == 1
    clock.advance(1)
    assert timer.done


def test_toggle_and_extend_while_running_and_paused():
    timer, clock = make(60)
    clock.advance(20)
    timer.extend(30)
    assert timer.seconds == 90
    assert timer.seconds_left() == 70
    timer.toggle()
    timer.extend(30)
    assert timer.seconds_left() == 100
    clock.advance(1000)
    timer.toggle()
    assert timer.seconds_left() == 100
    assert abs(timer.elapsed() - 20) < 1e-9


def test_extend_after_the_end_adds_a_fresh_stretch():
    timer, clock = make(5)
    clock.advance(9)
    assert timer.done
    timer.extend(30)
    assert not timer.done
    assert timer.seconds_left() == 30
    assert timer.seconds == 35
    assert abs(timer.elapsed() - 5) < 1e-9


def test_finish_early_keeps_the_time_done():
    timer, clock = make(60)
    clock.advance(23.4)
    timer.finish()
    assert timer.done and timer.finished_early
    clock.advance(10)
    assert abs(timer.elapsed() - 23.4) < 1e-9
    assert timer.fraction() == 1.0
    timer.extend(30)  # ignored once finished
    assert timer.done


def test_until_next_change_lands_on_the_second_boundary():
    timer, clock = make(60)
    assert abs(timer.until_next_change() - 1.0) < 1e-9
    clock.advance(0.3)
    assert abs(timer.until_next_change() - 0.7) < 1e-9
    timer.pause()
    assert timer.until_next_change() is None
    timer.resume()
    clock.advance(60)
    assert timer.until_next_change() is None


def test_the_first_redraw_is_aimed_just_after_the_change():
    """At the start (or on a resume) one redraw is timed for just after the next change:
    a timer that repeats would keep a beat a hair before each change."""
    timer, _ = make(60)
    plan = next_redraw(timer.until_next_change(), every_second=False)
    assert plan.how == "once" and 1.0 < plan.wait < 1.01


def test_just_after_a_change_one_timer_takes_over_and_is_kept_while_on_time():
    timer, clock = make(60)
    clock.advance(1.002)  # the redraw aimed at the change lands
    assert next_redraw(timer.until_next_change(), every_second=False).how == "every second"
    for step in (1.0, 1.028, 1.02):  # its fires, 2, 30 then 50 ms after their changes
        clock.advance(step)
        assert next_redraw(timer.until_next_change(), every_second=True).how == "keep"
    clock.advance(1.001)  # 51 ms late: re-timed
    assert next_redraw(timer.until_next_change(), every_second=True).how == "once"


def test_a_late_or_early_fire_and_a_key_mid_second_re_time_the_redraw():
    timer, clock = make(60)
    clock.advance(3.08)  # a fire 80 ms after its change: one redraw aimed at the next
    plan = next_redraw(timer.until_next_change(), every_second=True)
    assert plan.how == "once" and abs(plan.wait - 0.922) < 1e-6
    clock.advance(0.9195)  # a fire half a millisecond before its change
    plan = next_redraw(timer.until_next_change(), every_second=True)
    assert plan.how == "once" and abs(plan.wait - 0.0025) < 1e-6
    clock.advance(0.4)  # a key pressed mid-second (space, +) redraws at once and re-times
    assert next_redraw(timer.until_next_change(), every_second=False).how == "once"
    clock.advance(0.3)
    assert next_redraw(timer.until_next_change(), every_second=False).how == "once"


def test_no_redraw_is_timed_while_paused_or_after_the_end():
    timer, clock = make(60)
    timer.pause()
    assert next_redraw(timer.until_next_change(), every_second=True) == NextRedraw("none")
    timer.resume()
    clock.advance(61)
    assert next_redraw(timer.until_next_change(), every_second=True) == NextRedraw("none")


def test_pause_does_nothing_before_start_or_after_end():
    clock = FakeClock()
    timer = HoldTimer(10, clock)
    timer.pause()
    assert not timer.paused
    assert timer.seconds_left() == 10
    timer.start()
    clock.advance(11)
    timer.pause()
    assert not timer.paused and timer.done


class S:
    def __init__(self, at: int) -> None:
        self.at = at


def test_step_index_follows_elapsed_time():
    steps = [S(0), S(8), S(20), S(40)]
    assert step_index(steps, 0, 60, 60) == 0
    assert step_index(steps, 7.9, 60, 60) == 0
    assert step_index(steps, 8, 60, 60) == 1
    assert step_index(steps, 45, 60, 60) == 3
    assert step_index(steps, 500, 120, 60) == 3


def test_short_holds_scale_steps_so_all_appear():
    steps = [S(0), S(8), S(20), S(40)]
    assert step_index(steps, 4, 30, 60) == 1
    assert step_index(steps, 10, 30, 60) == 2
    assert step_index(steps, 20, 30, 60) == 3


def test_added_time_stretches_the_steps():
    """Passed the hold's length with time added (60 + 30 s), "nearly done" (written for
    52 s of 60) waits for 78 s instead of showing with half a minute or more to go."""
    steps = [S(0), S(8), S(20), S(40), S(52)]
    assert step_index(steps, 52, 90, 60) == 2
    assert step_index(steps, 77.9, 90, 60) == 3
    assert step_index(steps, 78, 90, 60) == 4
