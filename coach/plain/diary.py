"""Plain mode's diary: the morning check-in (`calf-coach checkin`, and an extra answer
on "Where is the cramp?" in the morning) and the person's own record for a hold.

The rules (when to ask) are coach.core.diary's; this reads and writes the store and
asks the questions.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from coach.core.diary import CHECKIN_ASK, CHECKIN_QUESTION, CheckIn, PastRecord, last_night
from coach.core.i18n import t
from coach.plain.prompt import Console, Option
from coach.store.migrations import DB_NAME
from coach.store.recorder import Recorder

if TYPE_CHECKING:  # type-only: SQLite and the history load behind the store seam
    from coach.store.history import History


class PlainDiary:
    def __init__(self, console: Console, recorder: Recorder) -> None:
        self.console = console
        self.recorder = recorder

    def _store(self, create: bool = False) -> History | None:
        """The reading store; without `create`, None when there is no history yet:
        asking whether to show a line must not create the history file."""
        folder = Path(self.recorder.data_dir)
        if not create and not (folder / DB_NAME).exists():
            return None
        store, warning = self.recorder.store()
        self.console.warn(warning)
        return store

    def past_record(self, side: str) -> PastRecord | None:
        from coach.store.history import (
            HistoryError,  # the store seam: SQLite loads when the history is first read
        )

        store = self._store()
        try:
            return store.past_record(side) if store is not None else None
        except HistoryError:
            return None  # the hold goes on without it

    def checkin_due(self, now: datetime) -> bool:
        from coach.store.history import (
            HistoryError,  # the store seam: SQLite loads when the history is first read
        )

        store = self._store()
        try:
            return store is not None and store.checkin_due(now) is not None
        except HistoryError:
            return False

    def checkin(self, now: datetime) -> int:
        """Ask "Any cramps last night?" and save the answer; 1 if it could not be saved."""
        console = self.console
        night = last_night(now)
        answer = console.ask(
            t(CHECKIN_QUESTION),
            [
                Option("0", t("None"), "none"),
                Option("y", t("Yes"), "yes"),
                Option("x", t("Skip"), "skip"),
            ],
        )
        if answer == "none":
            result = CheckIn(night, 0)
        elif answer == "yes":
            many, worst, sleep = (
                self._number(q, low) for q, low in zip(CHECKIN_ASK, (1, 0, 0), strict=True)
            )
            result = CheckIn(night, many, worst, sleep)
        else:
            result = CheckIn(night, None)
        # Through the history writer, then its bounded close: a busy or read-only history
        # keeps the answer in the pending file and says so (#29); only a loss is exit 1.
        console.warn(self.recorder.checkin(result, now))
        note = self.recorder.close()
        if note:
            console.warn(note)
            return 1 if self.recorder.lost else 0
        console.say(t("Saved for the night of {night}.", night=night.isoformat()))
        return 0

    def _number(self, question: str, low: int) -> int | None:
        """A whole number from `low` to 10 (20 for a count); Enter skips."""
        console = self.console
        high = 20 if low else 10
        while True:
            prompt = t(question) + " " + t("({low}-{high}, Enter skips) ", low=low, high=high)
            print(prompt, end="", file=console.stdout, flush=True)
            line = console.input.readline().strip()
            if not console.input.is_terminal:
                console.say(line)
            if not line:
                return None
            if console.help_key(line):
                continue
            if line.isascii() and line.isdigit() and low <= int(line) <= high:
                return int(line)
            console.say(t("Sorry, I did not understand {answer}.", answer=repr(line)))
