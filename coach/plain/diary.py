"""Plain mode's diary: the morning check-in (`calf-coach checkin`, and an extra answer
on "Where is the cramp?" in the morning) and the person's own record for a hold.

The rules (when to ask) are coach.core.diary's; this reads and writes the store and
asks the questions.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from coach.core.diary import (
    CHECKIN_ASK,
    CHECKIN_OTHERS,
    CHECKIN_SWOLLEN,
    COUNT_TOP,
    MORNING_CAUSES,
    SEE_GP,
    CheckIn,
    PastRecord,
    checkin_question,
    last_night,
    with_recorded,
    worth_seeing_gp,
)
from coach.core.i18n import t
from coach.core.steps import CauseQuestions, GetHelp
from coach.plain.prompt import Console, Option
from coach.plain.steps import PlainSteps
from coach.store.migrations import DB_NAME
from coach.store.recorder import Recorder
from coach.text import wording

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
        """Ask "Any cramps last night?" (or for any others besides those recorded), save
        the answer and answer back: the next-morning safety question after a night with
        cramps, the clot flag with the number on "yes", and "worth seeing a GP" after a
        bad night. 1 if it was lost (a busy history keeps it in the pending file)."""
        from coach.store.history import (
            HistoryError,  # the store seam: SQLite loads when the history is first read
        )

        console = self.console
        night = last_night(now)
        recorded = disturbed = 0
        known = self._store()
        if known is not None:
            try:
                recorded = known.night_state(night).recorded_cramps
                disturbed = known.disturbed_nights(night)
            except HistoryError:
                pass  # asked as if nothing were recorded: the answer still counts
        answer = console.ask(
            checkin_question(recorded),
            [
                Option("0", t("None"), "none"),
                Option("y", t("Yes"), "yes"),
                Option("x", t("Skip"), "skip"),
            ],
        )
        if answer == "none":
            result = CheckIn(night, 0)
        elif answer == "yes":
            count = t(CHECKIN_OTHERS, n=recorded) if recorded else t(CHECKIN_ASK[0])
            many = self._number(count, 1, COUNT_TOP)
            worst = self._number(t(CHECKIN_ASK[1]), 0, 10)
            sleep = self._number(t(CHECKIN_ASK[2]), 0, 10)
            # A skipped count after "yes" is still "at least one".
            result = CheckIn(night, 1 if many is None else many, worst, sleep)
        else:
            result = CheckIn(night, None)
        result = with_recorded(result, recorded)
        if result.cramps:
            swollen = console.ask(
                t(CHECKIN_SWOLLEN),
                [Option("y", t("Yes"), "yes"), Option("n", t("No"), "no")],
            )
            result = result._replace(swollen=swollen == "yes")
        try:
            # Through the history writer, then its bounded close: a busy or read-only
            # history keeps the answer in the pending file and says so (#29); only a
            # loss is exit 1.
            console.warn(self.recorder.checkin(result, now))
            note = self.recorder.close()
        finally:
            if result.swollen:
                self._clot_flag()
        if note:
            console.warn(note)
            return 1 if self.recorder.lost else 0
        console.say(t("Saved for the night of {night}.", night=night.isoformat()))
        if worth_seeing_gp(result, disturbed):
            console.say(t(SEE_GP))
        if not result.swollen:  # after the clot flag, nothing more is asked
            self.morning_causes(night, now)
        return 0

    def morning_causes(self, night: date, now: datetime) -> None:
        """The cause questions left for the morning at night ("ask me in the morning",
        #28): asked once, as the episode asks them (q skips all), saved on each of the
        night's cramps that waits for them, which then no longer wait. A history that
        cannot be read or written leaves them waiting for the next check-in."""
        from coach.store.history import (
            HistoryError,  # the store seam: SQLite loads when the history is first read
        )

        content = getattr(self.console, "content", None)
        store = self._store()
        if content is None or store is None:
            return
        try:
            waiting = store.pending_causes(night)
        except HistoryError:
            return
        if not waiting:
            return
        self.console.say(t(MORNING_CAUSES))
        step = CauseQuestions(tuple(c.id for c in content.causes), night=False)
        answer = PlainSteps(self.console).causes(step)
        causes = answer if isinstance(answer, tuple) else ()
        try:
            for record_id in waiting:
                store.update_causes(record_id, causes, now)
        except HistoryError as error:
            self.console.warn(str(error))

    def _clot_flag(self) -> None:
        """The clot flag with the number, as an episode's "yes, one leg is swollen"
        shows it. Printed before anything else can go wrong (even when the answer could
        not be saved)."""
        content = getattr(self.console, "content", None)
        region = getattr(self.console, "region", None)
        if content is None or region is None:
            self.console.say(t("One calf swollen, warm or painful: get medical help today."))
            return
        lines = wording.get_help(GetHelp("clot", 10), content, region, "text")
        self.console.lines([*lines, wording.breathless(region)])

    def _number(self, question: str, low: int, high: int) -> int | None:
        """A whole number from `low` to `high`, as the full-screen keys take it: a count
        1-9 (more is taken as 9, "9 or more"), a rating 0-9 or x for 10; Enter skips."""
        console = self.console
        keys = (
            t("(1-9, 9 means 9 or more, Enter skips) ")
            if high == COUNT_TOP
            else t("(0-9, x for 10, Enter skips) ")
        )
        while True:
            console.prompt(question + " " + keys)
            line = console.input.readline().strip()
            if not console.input.is_terminal:
                console.say(line)
            if not line:
                return None
            if console.help_key(line):
                continue
            if high == 10 and line in ("x", "X"):
                return 10
            if line.isascii() and line.isdigit():
                number = int(line)
                if high == COUNT_TOP and number > high:
                    return high
                if low <= number <= high:
                    return number
            console.say(t("Sorry, I did not understand {answer}.", answer=repr(line)))
