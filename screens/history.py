"""The history screen: past episodes, plain-text charts, the nights, delete with undo,
and `r` for the doctor's report.

Every read and write of the store runs on a thread worker and comes back with
call_from_thread: a database locked by another program must never freeze the screen.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Static

from coach.core.i18n import t
from coach.store.history import EpisodeRecord, History, HistoryError
from coach.text.history_text import COLUMNS, HISTORY_OFF, NO_EPISODES, column_samples
from coach.text.history_view import PAGE, FirstView, Opened, TabTexts, first_view, tab_texts
from screens.base import CoachScreen
from screens.widgets.episode_table import EpisodeTable
from screens.widgets.key_footer import KeyFooter
from screens.widgets.lines import Words
from screens.widgets.tab_strip import TabStrip

REPORT_NAME = "calf-coach-report.html"
__all__ = ["HistoryScreen", "report_path"]


class HistoryScreen(CoachScreen[None]):
    """Lets people see patterns in their cramps and remove episodes they logged by mistake."""

    CSS_PATH = "history.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "delete", "Delete", id="history-delete"),
        Binding("u", "undo", "Undo delete", id="history-undo"),
        Binding("r", "report", "Report for doctor", id="history-report"),
        Binding("escape,q", "back", "Go back", id="history-back"),
        Binding("m", "medicines", "Medicines", id="history-medicines"),
        # The charts scroll with the arrows straight away, no Tab first (the table,
        # when it has the focus, moves its own cursor with them).
        Binding("down", "scroll(1)", show=False),
        Binding("up", "scroll(-1)", show=False),
        Binding("pagedown", "scroll(8)", show=False),
        Binding("pageup", "scroll(-8)", show=False),
        Binding("end", "scroll(1_000_000_000)", show=False),
        Binding("home", "scroll(-1_000_000_000)", show=False),
    ]

    def __init__(
        self,
        store: History | None,
        now: Callable[[], datetime] | None = None,
        report: Callable[[], str] | None = None,
        opener: Callable[[], Opened] | None = None,
        early: Future[Opened] | None = None,
    ) -> None:
        """`report`: writes the doctor's page and returns the line to show (called on a
        worker thread); None where the screen has no app to make one (tests).
        `opener`: opens the store on the first read's worker thread (`store` None), so
        the screen is drawn while the file is opened; no store from it: history is off.
        `early`: the first frame's data, being read already (history_view.read_early:
        `calf-coach history` starts it before the app)."""
        super().__init__()
        self._store = store
        self._opener = opener
        self._early = early
        self._ready: FirstView | None = None
        self._now = now or (lambda: datetime.now().astimezone())
        self._make_report = report
        self._total = 0
        self._deleted: list[EpisodeRecord] = []
        self.loaded = 0
        """How many times the data has been read and shown (tests wait on it)."""

    def compose(self) -> ComposeResult:
        # Shown or hidden from the start (no restyling after mounting): with the rows
        # read before the app started, the first frame is composed with them.
        self._ready = ready = self._take_early()
        yield self._shown(Words(t(HISTORY_OFF), id="off"), not self._opening)
        if self._opening:
            yield Words(ready.headline if ready else "", id="summary")
            skipped = Words(ready.skipped or "" if ready else "", id="skipped")
            yield self._shown(skipped, bool(ready and ready.skipped))
            titles = {
                "tab-episodes": t("Episodes"),
                "tab-nights": t("Nights"),
                "tab-charts": t("Charts"),
                "tab-helped": t("What helped"),
            }
            yield TabStrip(titles)
            with ContentSwitcher(initial="tab-episodes"):
                with Vertical(id="tab-episodes", classes="pane"):
                    empty = Words(t(NO_EPISODES), id="empty")
                    yield self._shown(empty, not (ready and ready.total))
                    table = EpisodeTable(
                        tuple(t(c) for c in COLUMNS), column_samples(), id="episodes"
                    )
                    yield self._shown(table, bool(ready and ready.total))
                # Their text is read after the first frame and mounted with it: fewer
                # widgets to style and lay out before the rows show.
                yield Vertical(id="tab-nights", classes="pane")
                yield Vertical(id="tab-charts", classes="pane")
                yield Vertical(id="tab-helped", classes="pane")
        yield KeyFooter()

    @staticmethod
    def _shown(widget: Widget, shown: bool) -> Widget:
        widget.display = shown
        return widget

    @property
    def _opening(self) -> bool:
        return self._store is not None or self._opener is not None or self._early is not None

    def on_mount(self) -> None:
        if self._ready is not None:
            self.query_one(EpisodeTable).reset(self._ready.total, self._ready.first_page)
            self.call_after_refresh(self.reload, self._ready)  # the tabs, after
        elif self._opening:
            self.reload()

    def _take_early(self) -> FirstView | None:
        """The first frame's data if it was read before the app started (`calf-coach
        history`) and is ready: then the first frame has the rows, with no I/O left."""
        early = self._early
        if early is None or not early.done() or early.exception() is not None:
            return None
        opened = early.result()
        if opened.first is None:
            return None
        self._early, self._store = None, opened.store  # the store the recorder adopted
        self._total = opened.first.total  # so the keys are composed for it
        return opened.first

    @work(thread=True, exclusive=True, group="history-read")
    def reload(self, shown: FirstView | None = None) -> None:
        """The count, the first rows and the headline first; the other tabs after.
        `shown`: the first frame's data, on screen already."""
        first = self._read(shown)
        if shown is None:
            self.app.call_from_thread(self._show, first)
        if first is not None:
            bars = 24 if self.size.width >= 70 else 0  # narrow: the numbers alone
            assert self._store is not None
            tabs = tab_texts(self._store, self._now(), first.total, bars)
            # Mounted once the rows are drawn, never in the way of that first frame.
            self.app.call_from_thread(self.call_after_refresh, self._show_tabs, tabs)

    def _read(self, shown: FirstView | None = None) -> FirstView | None:
        """On a worker thread: what the first frame shows; None if history is off."""
        if self._opener is not None:  # the recorder's store, and a warning from opening it
            opened, self._opener = self._opener(), None
            self._store = opened.store
            if opened.warning:
                self.app.call_from_thread(
                    self.notify, opened.warning, severity="warning", timeout=10, markup=False
                )
        first = shown
        if self._early is not None:  # read with the same store, before the app started
            early, self._early = self._early, None
            first = early.result().first
        if self._store is None:
            return None
        return first if first is not None else first_view(self._store, self._now(), PAGE)

    def _show(self, data: FirstView | None, bindings: bool = True) -> None:
        if not self.is_attached:
            return  # the person left (u then q) before the read came back: nothing to show
        if data is None:  # the store could not be opened
            for widget in self.query("#summary, #skipped, TabStrip, ContentSwitcher"):
                widget.display = False
            self.query_one("#off").display = True
            self.refresh_bindings()
            return
        self._total = data.total
        table = self.query_one(EpisodeTable)
        table.reset(data.total, data.first_page)
        table.display = bool(data.total)
        self.query_one("#empty").display = not data.total
        self.query_one("#summary", Static).update(data.headline)
        skipped = self.query_one("#skipped", Static)
        skipped.update(data.skipped or "")
        skipped.display = data.skipped is not None
        if bindings:
            self.refresh_bindings()

    def _show_tabs(self, tabs: TabTexts) -> None:
        if not self.is_attached:
            return  # left before the tabs' text came back
        for name, text in zip(("nights", "charts", "helped"), tabs, strict=True):
            shown = self.query(f"#{name}")
            if shown:
                shown.first(Static).update(text)
            else:
                chart = Words(text, id=name, classes="chart")
                self.query_one(f"#tab-{name}", Vertical).mount(VerticalScroll(chart))
        self.loaded += 1
        self.refresh_bindings()

    def on_episode_table_wanted(self, message: EpisodeTable.Wanted) -> None:
        self._fetch(message.table, message.page, message.generation, message.table.row_count)

    @work(thread=True, group="history-page")
    def _fetch(self, table: EpisodeTable, page: int, generation: int, total: int) -> None:
        """On a worker thread: one page of rows the table is about to draw."""
        assert self._store is not None
        try:
            records = self._store.page(page * PAGE, PAGE, total)
        except HistoryError as error:
            self.app.call_from_thread(self._failed, error, t("History"))
            return
        self.app.call_from_thread(table.put_page, generation, page, records)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("delete", "undo", "report", "scroll", "medicines") and self._store is None:
            return False
        if action == "delete" and not self._total:
            return None
        if action == "undo" and not self._deleted:
            return None
        return not (action == "report" and self._make_report is None)

    def on_tab_strip_changed(self, message: TabStrip.Changed) -> None:
        self.query_one(ContentSwitcher).current = message.active

    def action_scroll(self, lines: int) -> None:
        active = self.query_one(TabStrip).active
        if active == "tab-episodes":
            self.query_one(EpisodeTable).action_move(lines)
            return
        for scroller in self.query_one(f"#{active}").query(VerticalScroll):
            scroller.scroll_relative(y=lines, animate=False)

    def _selected(self) -> EpisodeRecord | None:
        """The episode under the cursor (None while its rows are still being read)."""
        table = self.query_one(EpisodeTable)
        return table.record_at(table.cursor_row) if self._total else None

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

        # The screens seam: the dialog (with Textual's Button) loads when `d` is
        # pressed, off the way to the history's first frame (bench figure 8).
        from screens.confirm_delete import ConfirmDeleteScreen

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

    def action_medicines(self) -> None:
        """`m`: the medicines and conditions the doctor's page lists (screens/profile.py)."""
        if self._store is None:
            return
        # The screens seam: the screen loads when `m` is pressed.
        from screens.profile import ProfileScreen

        self.app.push_screen(ProfileScreen(self._store))

    def action_back(self) -> None:
        if self.app.screen_stack[0] is not self:
            self.dismiss()
        elif not self._answered:  # the first screen (`calf-coach history`): nothing under it
            self._answered = True
            back = getattr(self.app, "back_from_history", None)
            if back is None:
                self.app.exit()
            else:
                back()


def report_path() -> Path:
    """Where `r` writes the page: the home folder, where people find it to print."""
    return Path.home() / REPORT_NAME
