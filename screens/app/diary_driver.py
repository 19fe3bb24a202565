"""The app's side of the diary: reading the person's own record and whether to ask the
morning check-in, opening the history screen, saving a check-in.

Every database call runs on a thread worker: a history locked by another program must
never hold up the first screen or a countdown. What to ask, and when, is coach.core.diary's.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from datetime import date, datetime
from functools import partial
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol

from textual.screen import Screen

from coach.content.model import Content
from coach.core.i18n import language
from coach.store.migrations import DB_NAME
from coach.store.recorder import Recorder
from screens.base import HomeScreen

if TYPE_CHECKING:  # type-only: these load behind the store and screens seams
    from coach.core.diary import CheckIn, PastRecord
    from coach.store.history import History
    from coach.text.history_view import Opened
    from screens.history import HistoryScreen


class DiaryHost(Protocol):
    """What the diary uses of the app (CalfCoach is one)."""

    content: Content
    data_dir: Path
    recorder: Recorder

    @property
    def screen_stack(self) -> list[Screen[Any]]: ...
    def diary_now(self) -> datetime: ...
    def know_past(self, past: Mapping[str, PastRecord]) -> None: ...
    def push_screen(self, screen: Screen[Any], callback: Callable[[Any], None]) -> object: ...
    def call_after_refresh(self, callback: Callable[[], object]) -> bool: ...
    def call_from_thread(self, callback: Callable[..., object], *args: Any) -> Any: ...
    def run_worker(self, work: Callable[[], None], **options: Any) -> object: ...
    def go_home(self, _result: object = None) -> None: ...
    @property
    def return_code(self) -> int | None: ...
    def _warn(self, warning: str | None) -> None: ...


class DiaryDriver:
    """Reads and writes the person's diary for the app, off the UI thread."""

    def __init__(self, host: DiaryHost, history_early: Future[Opened] | None = None) -> None:
        self.host = host
        self.past: Mapping[str, PastRecord] = MappingProxyType({})
        """The person's own record per side, read off the UI thread; empty until read."""
        self.history_early = history_early
        """`calf-coach history`: the first rows, being read while Textual started."""
        self.reading: Future[None] | None = None
        """The last read of the record (see load): done once what it read is shown."""

    def load(self) -> None:
        """Read the person's own record, and whether to ask the check-in, on a thread.

        No history file yet means nothing is recorded: reading must not create one, and
        no thread is started. The thread starts after the next frame: its imports
        (SQLite, the store) hold the GIL, and at start-up they made the first frame of a
        person with a history later than one without (bench figure 8).

        A thread of its own that ends when the record is read, not a Textual thread
        worker: those run on asyncio's executor, whose thread stays, idle, with its
        memory, through the hold beside the history writer's. The writer starts when
        the hold is saved and takes over what the ended thread used (peak RSS, bench
        figure 5)."""
        if (self.host.data_dir / DB_NAME).exists():
            done: Future[None] = Future()
            self.reading = done
            self.host.call_after_refresh(partial(self._start_read, done))

    def _start_read(self, done: Future[None]) -> None:
        def run() -> None:
            try:
                self._read()
            except Exception as error:  # a bug: seen by a test awaiting `reading`
                done.set_exception(error)
            else:
                done.set_result(None)

        threading.Thread(target=run, name="diary-read", daemon=True).start()

    def _read(self) -> None:
        # The store seam: SQLite and the history load here, on the diary's thread.
        from coach.store.history import HistoryError

        host = self.host
        now = host.diary_now()

        def rows(store: History) -> tuple[dict[str, PastRecord], date | None, int]:
            past = {side: store.past_record(side) for side in ("back", "front")}
            due = store.checkin_due(now)
            recorded = store.night_state(due).recorded_cramps if due is not None else 0
            return past, due, recorded

        try:
            got, warning = host.recorder.read(rows)
        except HistoryError:
            return  # the diary is a help, not a must: the coach goes on without it
        if host.return_code is not None:
            return  # the app is ending: nothing more to show
        if warning:
            host.call_from_thread(host._warn, warning)
        if got is not None:
            host.call_from_thread(self._read_done, *got)

    def _read_done(self, past: dict[str, PastRecord], due: date | None, recorded: int) -> None:
        self.past = MappingProxyType(past)
        self.host.know_past(self.past)
        homes = [s for s in self.host.screen_stack if isinstance(s, HomeScreen)]
        if due is not None and homes:
            homes[-1].ask_checkin(due, recorded)

    def save_checkin(self, answer: CheckIn) -> None:
        """Hand the morning check-in to the history writer (it never waits): a busy
        history keeps it, and leaving puts it in the pending file (#29). Then the cause
        questions the night left for the morning, if any (never after the clot flag)."""
        self.host._warn(self.host.recorder.checkin(answer, self.host.diary_now()))
        if not answer.swollen:
            self.host.run_worker(
                partial(self._read_waiting, answer.night),
                thread=True,
                exclusive=True,
                group="diary-causes",
            )

    def _read_waiting(self, night: date) -> None:
        """On a worker: the night's cramps whose causes wait for the morning (#28)."""
        # The store seam: SQLite and the history load here, on the worker.
        from coach.store.history import HistoryError

        host = self.host
        store, warning = host.recorder.store()
        if warning:
            host.call_from_thread(host._warn, warning)
        if store is None:
            return
        try:
            waiting = store.pending_causes(night)
        except HistoryError:
            return  # they wait for the next check-in
        if waiting:
            host.call_from_thread(self._ask_causes, waiting)

    def _ask_causes(self, waiting: list[int]) -> None:
        """The cause questions, as an episode asks them, on top of the first screen;
        not if the person has gone on (a cramp now comes first: they keep waiting)."""
        from screens.checkin import MorningCauses  # the screens seam: shown when needed

        host = self.host
        if not host.screen_stack or not isinstance(host.screen_stack[-1], HomeScreen):
            return

        def answered(causes: tuple[str, ...] | str | None) -> None:
            chosen = causes if isinstance(causes, tuple) else ()
            host.run_worker(
                partial(self._save_causes, waiting, chosen, host.diary_now()),
                thread=True,
                group="diary-causes-save",
            )

        host.push_screen(MorningCauses(host.content), answered)

    def _save_causes(self, waiting: list[int], causes: tuple[str, ...], now: datetime) -> None:
        """On a worker: the morning's answers on each waiting cramp, which then waits no
        more. A history that cannot be written says so; the causes wait for next time."""
        # The store seam: SQLite and the history load here, on the worker.
        from coach.store.history import HistoryError

        host = self.host
        store, warning = host.recorder.store()
        if warning:
            host.call_from_thread(host._warn, warning)
        if store is None:
            return
        try:
            for record_id in waiting:
                store.update_causes(record_id, causes, now)
        except HistoryError as error:
            host.call_from_thread(host._warn, str(error))

    def _open_history(self) -> Opened:
        """Off the UI thread: the reading store (one, opened once) and its warning."""
        # The store seam: read on the history screen's worker.
        from coach.text.history_view import Opened

        return Opened(*self.host.recorder.store())

    def show_history(self) -> None:
        """Put the history screen up at once; the store is opened on a worker thread."""
        self.host.push_screen(self.history_screen(), self.host.go_home)

    def history_screen(self, early: Future[Opened] | None = None) -> HistoryScreen:
        """`early`: the first rows, being read already (`calf-coach history`)."""
        from screens.history import HistoryScreen, report_path  # the screens seam

        host = self.host
        names = {c.id: c.name for c in host.content.causes}
        lang = language()

        def report() -> str:
            """On a worker thread, when `r` is pressed."""
            # The documents seam: the report loads when it is asked for, not on the way
            # to the history's first frame.
            from coach.documents.report import write_report

            store, warning = host.recorder.store()
            if warning:
                host.call_from_thread(host._warn, warning)
            assert store is not None
            return write_report(store, report_path(), lang, names, host.data_dir)

        return HistoryScreen(None, report=report, opener=self._open_history, early=early)


def read_history_early(
    start: str | None, data_dir: Path, given: Future[Opened] | None
) -> Future[Opened] | None:
    """`calf-coach history` reads the history while Textual starts (the CLI begins
    before importing it); the recorder adopts the store, the screen the first rows."""
    if given is None and start == "history":
        # The store seam: the history is read on a thread from here.
        from coach.text.history_view import read_early

        given = read_early(data_dir)
    return given
