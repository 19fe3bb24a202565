"""The history screen: past episodes, plain-text charts, the nights, delete with undo,
and `r` for the doctor's report.

Every read and write of the store runs on a thread worker and comes back with
call_from_thread: a database locked by another program must never freeze the screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import ClassVar, NamedTuple

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, DataTable, Static, TabbedContent, TabPane

from coach.diary import night_of
from coach.diary_text import nights_text
from coach.history import EpisodeRecord, History, HistoryError
from coach.history_text import (
    COLUMNS,
    HISTORY_OFF,
    NO_EPISODES,
    charts_text,
    helped_text,
    row_cells,
    summary_line,
)
from coach.i18n import t
from screens.base import CoachModal, CoachScreen
from screens.key_footer import KeyFooter

REPORT_NAME = "calf-coach-report.html"


class ConfirmDeleteScreen(CoachModal[bool]):
    """Deleting is one key away, so ask first; the safe answer has the focus."""

    CSS_PATH = "history.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes, delete", id="history-confirm-yes"),
        Binding("n,escape", "answer(False)", "No, keep it", id="history-confirm-no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self._question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self._question, id="question", markup=False)
            with Horizontal(id="buttons"):
                yield Button(t("Yes, delete (y)"), id="yes", variant="error")
                yield Button(t("No, keep it (n)"), id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_resize(self) -> None:
        self.set_class(self.size.width < 50, "-narrow")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class Loaded(NamedTuple):
    """Everything the screen shows, read on a worker thread."""

    records: list[EpisodeRecord]
    headline: str
    skipped: str | None
    nights: str


class HistoryScreen(CoachScreen[None]):
    """Lets people see patterns in their cramps and remove episodes they logged by mistake."""

    CSS_PATH = "history.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "delete", "Delete", id="history-delete"),
        Binding("u", "undo", "Undo delete", id="history-undo"),
        Binding("r", "report", "Report for doctor", id="history-report"),
        Binding("escape,q", "back", "Go back", id="history-back"),
        # The charts scroll with the arrows straight away, no Tab first (the table,
        # when it has the focus, moves its own cursor with them).
        Binding("down", "scroll(1)", show=False),
        Binding("up", "scroll(-1)", show=False),
        Binding("pagedown", "scroll(8)", show=False),
        Binding("pageup", "scroll(-8)", show=False),
    ]

    def __init__(
        self,
        store: History | None,
        now: Callable[[], datetime] | None = None,
        report: Callable[[], str] | None = None,
    ) -> None:
        """`report`: writes the doctor's page and returns the line to show (called on a
        worker thread); None where the screen has no app to make one (tests)."""
        super().__init__()
        self._store = store
        self._now = now or (lambda: datetime.now().astimezone())
        self._make_report = report
        self._records: list[EpisodeRecord] = []
        self._deleted: list[EpisodeRecord] = []
        self.loaded = 0
        """How many times the data has been read and shown (tests wait on it)."""

    def compose(self) -> ComposeResult:
        if self._store is None:
            yield Static(t(HISTORY_OFF), id="off", markup=False)
        else:
            yield Static(id="summary", markup=False)
            yield Static(id="skipped", markup=False)
            with TabbedContent():
                with TabPane(t("Episodes"), id="tab-episodes"):
                    yield Static(t(NO_EPISODES), id="empty", markup=False)
                    yield DataTable(id="episodes", cursor_type="row", zebra_stripes=True)
                with TabPane(t("Nights"), id="tab-nights"), VerticalScroll():
                    yield Static(id="nights", classes="chart", markup=False)
                with TabPane(t("Charts"), id="tab-charts"), VerticalScroll():
                    yield Static(id="charts", classes="chart", markup=False)
                with TabPane(t("What helped"), id="tab-helped"), VerticalScroll():
                    yield Static(id="helped", classes="chart", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        if self._store is not None:
            self.query_one("#skipped").display = False
            self.query_one(DataTable).add_columns(*(t(c) for c in COLUMNS))
            self.reload()

    @work(thread=True, exclusive=True, group="history-read")
    def reload(self) -> None:
        self.app.call_from_thread(self._show, self._read())

    def _read(self) -> Loaded:
        """On a worker thread: everything the tabs show."""
        assert self._store is not None
        now = self._now()
        bars = 24 if self.size.width >= 70 else 0  # narrow: the numbers alone
        try:
            records = self._store.list()
            skipped = self._store.skipped_note()
            last = night_of(now)
            since = last - timedelta(weeks=12)
            nights = nights_text(
                self._store.cramps_per_night(since, last),
                self._store.routine_nights(since),
                last,
                bar_width=bars,
            )
            return Loaded(records, summary_line(records, now), skipped, nights)
        except HistoryError as error:
            return Loaded([], str(error), None, "")

    def _show(self, data: Loaded) -> None:
        self._records = data.records
        now = self._now()
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for record in self._records:
            table.add_row(*row_cells(record), key=str(record.id))
        if self._records:
            table.move_cursor(row=min(row, len(self._records) - 1))
        table.display = bool(self._records)
        self.query_one("#empty").display = not self._records
        self.query_one("#summary", Static).update(data.headline)
        skipped = self.query_one("#skipped", Static)
        skipped.update(data.skipped or "")
        skipped.display = data.skipped is not None
        nothing = t("Nothing to chart yet.")
        self.query_one("#nights", Static).update(data.nights or nothing)
        self.query_one("#charts", Static).update(
            charts_text(self._records, now) if self._records else nothing
        )
        self.query_one("#helped", Static).update(
            helped_text(self._records) if self._records else nothing
        )
        self.loaded += 1
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("delete", "undo", "report", "scroll") and self._store is None:
            return False
        if action == "delete" and not self._records:
            return None
        if action == "undo" and not self._deleted:
            return None
        return not (action == "report" and self._make_report is None)

    def action_scroll(self, lines: int) -> None:
        tabs = self.query_one(TabbedContent)
        if tabs.active == "tab-episodes":
            table = self.query_one(DataTable)
            table.move_cursor(row=max(0, table.cursor_row + lines))
            return
        pane = tabs.get_pane(tabs.active)
        pane.query_one(VerticalScroll).scroll_relative(y=lines, animate=False)

    def _selected(self) -> EpisodeRecord | None:
        table = self.query_one(DataTable)
        if not self._records or not 0 <= table.cursor_row < len(self._records):
            return None
        return self._records[table.cursor_row]

    def action_delete(self) -> None:
        record = self._selected()
        if record is None:
            return
        question = t(
            "Delete the {kind} from {when}? You can undo with u while this screen is open.",
            kind=t(record.kind),
            when=f"{record.started_at:%Y-%m-%d %H:%M}",
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._delete(record)

        self.app.push_screen(ConfirmDeleteScreen(question), answered)

    @work(thread=True, group="history-write")
    def _delete(self, record: EpisodeRecord) -> None:
        assert self._store is not None and record.id is not None
        try:
            removed = self._store.delete(record.id)
        except HistoryError as error:
            self.app.call_from_thread(self._failed, error, t("Not deleted"))
            return
        self.app.call_from_thread(self._deleted_one, removed)

    def _deleted_one(self, removed: EpisodeRecord | None) -> None:
        if removed is not None:
            self._deleted.append(removed)
            self.notify(t("Episode deleted. Press u to undo."), title=t("Deleted"))
        self.reload()

    def _failed(self, error: Exception, title: str) -> None:
        self.notify(str(error), title=title, severity="error", markup=False)

    def action_undo(self) -> None:
        if self._store is None or not self._deleted:
            return
        self._undo(self._deleted.pop())

    @work(thread=True, group="history-write")
    def _undo(self, record: EpisodeRecord) -> None:
        assert self._store is not None
        try:
            self._store.restore(record)
        except HistoryError as error:
            self.app.call_from_thread(self._deleted.append, record)
            self.app.call_from_thread(self._failed, error, t("Not restored"))
            return
        self.app.call_from_thread(self._restored)

    def _restored(self) -> None:
        self.notify(t("Episode restored."), title=t("Undone"))
        self.reload()

    @work(thread=True, exclusive=True, group="history-report")
    def action_report(self) -> None:
        if self._make_report is None:
            return
        line = self._make_report()
        self.app.call_from_thread(self.notify, line, title=t("Report"), markup=False)

    def action_back(self) -> None:
        self.dismiss()


def report_path() -> Path:
    """Where `r` writes the page: the home folder, where people find it to print."""
    return Path.home() / REPORT_NAME
