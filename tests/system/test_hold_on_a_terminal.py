"""A hold on a real terminal, second by second: its redraws come from one timer that
fires once a second (coach/core/timer.py `next_redraw`, bench figure 3a), and each must
land whole and on the right second.

A pyte screen is that terminal: once each new second has landed and the app has gone
quiet, the clock's rows must be the digits the words say, and the bar one unbroken run
of time gone, as long as the time gone, then time to go.
"""

from __future__ import annotations

import json
import re
import select
import time

import pytest

from screens.widgets.big_clock import clock_rows, size_for
from tests.support.robust_support import PtyRun, coach_env

pytestmark = pytest.mark.slow

STATE = {"en": r"HOLD the stretch: (\d+:\d\d) left", "zh": r"保持拉伸：还剩 (\d+:\d\d)"}
TIMES_UP = {"en": "TIME'S UP", "zh": "时间到"}
BAR = re.compile(r"^━*╸?─*$")
HOLD = 5


def settle(run: PtyRun, quiet: float = 0.3) -> str:
    """Read until the app has written nothing for `quiet` s, so a whole frame has landed,
    and return the screen (pyte cannot be read half way through a frame that overwrites
    a Chinese character)."""
    while select.select([run.master], [], [], quiet)[0]:
        if not run._read(0):
            break
    return run.text()


def wait_for(run: PtyRun, words: str, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    while words not in (text := settle(run)):
        assert time.monotonic() < deadline, text
    return text


def check_face(run: PtyRun, clock: str, hold: int = HOLD) -> None:
    """The clock's rows show `clock`, and the bar below them is whole and as long as
    the time gone (its half cells counted)."""
    rows = [line.strip() for line in run.screen.display]
    expected = [row.strip() for row in clock_rows(clock, size_for(run.columns, run.lines))]
    first = rows.index(expected[0]) if expected[0] in rows else -1
    assert rows[first : first + len(expected)] == expected, "\n".join(run.screen.display)
    bar = next(row for row in rows[first + len(expected) :] if row)
    width = run.columns - 2  # the hold's padding
    assert BAR.match(bar) and len(bar) == width, "\n".join(run.screen.display)
    minutes, seconds = map(int, clock.split(":"))
    gone = hold - (minutes * 60 + seconds)
    halves = 2 * bar.count("━") + bar.count("╸")
    assert abs(halves - gone / hold * width * 2) <= 2, (clock, bar)


@pytest.mark.parametrize(("lang", "size"), [("en", (80, 24)), ("en", (40, 12)), ("zh", (120, 40))])
def test_every_second_of_a_hold_is_whole_on_the_terminal(tmp_path, lang, size):
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"disclaimer_seen": True, "language": lang}))
    env = coach_env(tmp_path, TERM="xterm-256color")
    args = ["back", "--data-dir", str(data), "--no-voice", "--hold", str(HOLD), "--lang", lang]
    run = PtyRun(args, env, size=size, cwd=tmp_path)
    try:
        wait_for(run, "?")  # the "do not stretch" question
        run.send(b"n")
        seen = set()
        deadline = time.monotonic() + 30
        while TIMES_UP[lang] not in (text := settle(run)):
            assert time.monotonic() < deadline, text
            found = re.search(STATE[lang], text)
            if found and found[1] not in seen:
                seen.add(found[1])
                check_face(run, found[1])
        settle(run)
        check_face(run, "0:00")
        assert "╸" not in run.text() and "─" * 3 not in run.text().split("0:00")[-1]
        assert len(seen) >= 3, seen  # most seconds were seen and checked
    finally:
        run.close()
