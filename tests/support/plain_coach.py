"""Plain mode driven by a script: a coach reading given lines, and typed input that
arrives in time. Its flows are strict: an answer of the wrong type raises FlowError."""

from __future__ import annotations

import io

from coach.plain.driver import EndOfInput, PlainCoach
from coach.store.recorder import Recorder
from coach.store.settings import load_settings
from tests.conftest import FakeClock


class Printed(io.StringIO):
    """Plain mode's output, each line kept with the moment (fake clock) it was printed."""

    def __init__(self, clock) -> None:
        super().__init__()
        self.clock, self.lines = clock, []

    def write(self, text: str) -> int:
        self.lines += [(self.clock.now, line) for line in text.splitlines() if line]
        return super().write(text)


def coach_for(content, tmp_path, answers: str, timed: bool = False, **options):
    """`timed`: the output is a `Printed`, which keeps when each line was printed."""
    clock = FakeClock()
    out = Printed(clock) if timed else io.StringIO()
    coach = PlainCoach(
        content,
        recorder=Recorder(tmp_path),
        prefs=load_settings(tmp_path),
        region=content.regions["uk"],
        stdin=io.StringIO(answers),
        stdout=out,
        clock=clock,
        sleep=clock.advance,
        **options,
    )
    coach.strict_flows = True
    return coach, out


class TimedInput:
    """Lines a person types at given moments of the fake clock (None: whenever asked)."""

    def __init__(self, clock, lines):
        self.clock, self.lines, self.kept = clock, list(lines), []
        self.is_terminal = False

    def ready(self, timeout):
        if self.kept:
            return True
        if not self.lines:
            return False
        at = self.lines[0][0]
        if at is None or at <= self.clock.now + timeout:
            self.clock.now = max(self.clock.now, at or 0)
            return True
        return False

    def readline(self):
        if self.kept:
            return self.kept.pop(0)
        if not self.lines:
            raise EndOfInput
        return self.lines.pop(0)[1]

    def keep(self, line):
        self.kept.insert(0, line)

    def forget_typed_ahead(self):
        pass
