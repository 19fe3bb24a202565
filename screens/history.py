"""The history screen: past episodes, plain-text charts, and delete with undo."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, DataTable, Static, TabbedContent, TabPane

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


class HistoryScreen(CoachScreen[None]):
    """Lets people see patterns in their cramps and remove episodes they logged by mistake."""

    CSS_PATH = "history.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "delete", "Delete", id="history-delete"),
        Binding("u", "undo", "Undo delete", id="history-undo"),
        Binding("escape,q", "back", "Go back", id="history-back"),
    ]

    def __init__(self, store: History | None, now: Callable[[], datetime] | None = None) -> None:
        super().__init__()
        self._store = store
        self._now = now or (lambda: datetime.now().astimezone())
        self._records: list[EpisodeRecord] = []
        self._deleted: list[EpisodeRecord] = []

    def compose(self) -> ComposeResult:
        if self._store is None:
            yield Static(t(HISTORY_OFF), id="off", markup=False)
        else:
            yield Static(id="summary", markup=False)
            with TabbedContent():
                with TabPane(t("Episodes"), id="tab-episodes"):
                    yield Static(t(NO_EPISODES), id="empty", markup=False)
                    yield DataTable(id="episodes", cursor_type="row", zebra_stripes=True)
                with TabPane(t("Charts"), id="tab-charts"), VerticalScroll():
                    yield Static(id="charts", classes="chart", markup=False)
                with TabPane(t("What helped"), id="tab-helped"), VerticalScroll():
                    yield Static(id="helped", classes="chart", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        if self._store is not None:
            self.query_one(DataTable).add_columns(*(t(c) for c in COLUMNS))
            self._reload()

    def _reload(self) -> None:
        assert self._store is not None
        now = self._now()
        try:
            self._records = self._store.list()
            headline = summary_line(self._records, now)
        except HistoryError as error:
            self._records, headline = [], str(error)
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for record in self._records:
            table.add_row(*row_cells(record), key=str(record.id))
        if self._records:
            table.move_cursor(row=min(row, len(self._records) - 1))
        table.display = bool(self._records)
        self.query_one("#empty").display = not self._records
        self.query_one("#summary", Static).update(headline)
        nothing = t("Nothing to chart yet.")
        self.query_one("#charts", Static).update(
            charts_text(self._records, now) if self._records else nothing
        )
        self.query_one("#helped", Static).update(
            helped_text(self._records) if self._records else nothing
        )
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("delete", "undo") and self._store is None:
            return False
        if action == "delete" and not self._records:
            return None
        if action == "undo" and not self._deleted:
            return None
        return True

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

    def _delete(self, record: EpisodeRecord) -> None:
        assert self._store is not None and record.id is not None
        try:
            removed = self._store.delete(record.id)
        except HistoryError as error:
            self.notify(str(error), title=t("Not deleted"), severity="error")
            return
        if removed is not None:
            self._deleted.append(removed)
            self.notify(t("Episode deleted. Press u to undo."), title=t("Deleted"))
        self._reload()

    def action_undo(self) -> None:
        if self._store is None or not self._deleted:
            return
        record = self._deleted.pop()
        try:
            self._store.restore(record)
        except HistoryError as error:
            self._deleted.append(record)
            self.notify(str(error), title=t("Not restored"), severity="error")
            return
        self.notify(t("Episode restored."), title=t("Undone"))
        self._reload()

    def action_back(self) -> None:
        self.dismiss()
