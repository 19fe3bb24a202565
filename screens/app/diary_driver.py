"""The app's side of the diary: reading the person's own record and whether to ask the
morning check-in, opening the history screen, saving a check-in. A mixin of CalfCoach
(screens/app/shell.py), kept apart so the app file stays small.

Every database call runs on a thread worker: a history locked by another program must
never hold up the first screen or a countdown. What to ask, and when, is coach.core.diary's.
"""

from __future__ import annotations

from datetime import datetime
from types import MappingProxyType
from typing import TYPE_CHECKING

from textual import work

from coach.core.i18n import language
from coach.store.migrations import DB_NAME

if TYPE_CHECKING:  # coach.core.diary loads on the worker, after the first frame
    from collections.abc import Mapping
    from concurrent.futures import Future
    from pathlib import Path

    from coach.core.diary import CheckIn, PastRecord
    from coach.text.history_view import Opened
    from screens.history import HistoryScreen


class DiaryDriver:
    """Needs from the app: recorder, data_dir, content, screen_stack, push_screen,
    call_from_thread, go_home(), _warn()."""

    past: Mapping[str, PastRecord] = MappingProxyType({})
    """The person's own record per side, read off the UI thread; empty until read."""
    diary_now = staticmethod(lambda: datetime.now().astimezone())
    """When the check-in question is decided; tests replace it."""

    def load_diary(self) -> None:
        """Read the person's own record, and whether to ask the check-in, on a worker.

        No history file yet means nothing is recorded: reading must not create one, and
        no worker is started (a first `calf-coach back` kept a thread, and its memory,
        for nothing through the hold: about 0.3 MiB). The worker starts after the next
        frame: its imports (SQLite, the store) hold the GIL, and at start-up they made
        the first frame of a person with a history later than one without (bench 8)."""
        if (self.data_dir / DB_NAME).exists():
            self.call_after_refresh(self._read_diary)  # type: ignore[attr-defined]

    @work(thread=True, exclusive=True, group="diary")
    def _read_diary(self) -> None:
        from coach.core.diary import checkin_due, last_night
        from coach.store.history import HistoryError

        store, warning = self.recorder.store()
        if warning:
            self.call_from_thread(self._warn, warning)
        if store is None:
            return
        now = self.diary_now()
        try:
            past = {side: store.past_record(side) for side in ("back", "front")}
            due = checkin_due(now, store.night_state(last_night(now)))
        except HistoryError:
            return  # the diary is a help, not a must: the coach goes on without it
        self.call_from_thread(self._diary_read, past, due)

    def _diary_read(self, past: dict[str, PastRecord], due) -> None:
        from screens.side_picker import SidePicker  # the screens seam: loads when shown

        self.past = MappingProxyType(past)
        if self._episodes is not None:
            self._episodes.know_past(past)
        pickers = [s for s in self.screen_stack if isinstance(s, SidePicker)]
        if due is not None and pickers:
            pickers[-1].ask_checkin(due)

    def on_side_picker_checked_in(self, message) -> None:
        self.save_checkin(message.answer)

    @work(thread=True, group="diary-write")
    def save_checkin(self, answer: CheckIn) -> None:
        from coach.store.history import History, HistoryError

        opened = History.open(self.data_dir)  # may be the first thing ever recorded
        if opened.store is None:
            self.call_from_thread(self._warn, opened.warning)
            return
        try:
            opened.store.save_checkin(answer, self.diary_now())
        except HistoryError as error:
            self.call_from_thread(self._warn, str(error))
        finally:
            opened.store.close()

    def read_history_early(
        self, start: str | None, data_dir: Path, given: Future[Opened] | None
    ) -> Future[Opened] | None:
        """`calf-coach history` reads the history while Textual starts (the CLI begins
        before importing it); the recorder adopts the store, the screen the first rows."""
        if given is None and start == "history":
            from coach.text.history_view import read_early

            given = read_early(data_dir)
        self._history_early = given
        return given

    def _open_history(self) -> Opened:
        """Off the UI thread: the reading store (one, opened once) and its warning."""
        from coach.text.history_view import Opened

        return Opened(*self.recorder.store())

    def show_history(self) -> None:
        """Put the history screen up at once; the store is opened on a worker thread."""
        self.push_screen(self.history_screen(), self.go_home)

    def back_from_history(self) -> None:
        """Back from the history that `calf-coach history` showed as the first screen,
        with nothing under it to go back to: the picker is put on top of it. (Textual's
        switch_screen cannot replace a default screen: it has no result callback.)"""
        self.go_home()

    def history_screen(self, early: Future[Opened] | None = None) -> HistoryScreen:
        """`early`: the first rows, being read already (`calf-coach history`)."""
        from screens.history import HistoryScreen, report_path  # the screens seam

        names = {c.id: c.name for c in self.content.causes}
        lang = language()

        def report() -> str:
            """On a worker thread, when `r` is pressed: the report's module loads then,
            not on the way to the history's first frame (about 2.4 ms)."""
            from coach.documents.report import write_report

            store, warning = self.recorder.store()
            if warning:
                self.call_from_thread(self._warn, warning)
            assert store is not None
            return write_report(store, report_path(), lang, names, self.data_dir)

        return HistoryScreen(None, report=report, opener=self._open_history, early=early)
