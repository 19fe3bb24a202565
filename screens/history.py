"""The history screen: past episodes, plain-text charts, and delete with undo."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, DataTable, Footer, Static, TabbedContent, TabPane

from coach import stats
from coach.history import OUTCOMES, POSITIONS, EpisodeRecord, History, HistoryError
from screens.base import CoachModal, CoachScreen

HISTORY_OFF = (
    "History is off, so episodes are not being saved and there is nothing to show here. "
    "Press Escape to go back."
)
NO_EPISODES = (
    "No episodes yet. Each cramp you get through with the coach, and each routine you do, "
    "will show up here."
)
BAR_WIDTH = 36
COLUMNS = ("When", "Kind", "Side", "Position", "Hold", "Holds", "Outcome", "Sev")


def _row(r: EpisodeRecord) -> tuple[str, ...]:
    if r.outcome:
        outcome = OUTCOMES.get(r.outcome, r.outcome)
    else:
        outcome = "-" if r.kind == "routine" else "in progress"
    return (
        r.started_at.strftime("%Y-%m-%d %H:%M"),
        r.kind.capitalize(),
        r.side or "-",
        r.position or "-",
        f"{r.actual_seconds}s",
        str(r.holds),
        outcome,
        "-" if r.severity is None else f"{r.severity}/10",
    )


def _bars(rows: list[tuple[str, int]], label_width: int = 8) -> list[str]:
    top = max((n for _, n in rows), default=0)
    return [
        f" {label:<{label_width}} {stats.bar(n, top, BAR_WIDTH):<{BAR_WIDTH}} {n}"
        for label, n in rows
    ]


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _rate(value: float | None, nights: int, what: str) -> str:
    if value is None:
        return f"no nights {what} yet"
    return f"{value:.1f} {what} ({_count(nights, 'night')})"


def summary_line(records: list[EpisodeRecord], now: datetime) -> str:
    """One sentence of headline numbers, worded so it reads aloud sensibly."""
    if not records:
        return "Since you started: nothing recorded yet."
    s = stats.summary(records, now)
    return (
        f"Since you started: {_count(s.cramps_total, 'cramp')}, "
        f"{_count(s.routines_total, 'routine')}. "
        f"This month {_count(s.cramps_this_month, 'cramp')} (last month {s.cramps_last_month}). "
        "Cramps per night: "
        f"{_rate(s.cramps_per_night_with_routine, s.nights_with_routine, 'with a routine')}, "
        f"{_rate(s.cramps_per_night_without_routine, s.nights_without_routine, 'without')}."
    )


def charts_text(records: list[EpisodeRecord], now: datetime) -> str:
    """Counts are printed beside every bar, so nothing depends on colour or bar length alone."""
    weeks = [(f"{d.day:>2} {d:%b}", n) for d, n in stats.weekly_counts(records, now)]
    hours = stats.by_hour(records)
    night_order = [*range(12, 24), *range(12)]
    lines = ["Cramps per week (last 12 weeks, week starting)", *_bars(weeks), ""]
    lines += ["Cramps by side", *_bars(list(stats.by_side(records).items())), ""]
    lines += ["Cramps by hour they started (noon to noon)"]
    lines += _bars([(f"{h:02d}:00", hours[h]) for h in night_order])
    return "\n".join(lines)


def _helped_rows(table: dict[str, dict[str, int]], width: int) -> list[str]:
    lines = []
    for group, counts in table.items():
        total = sum(counts.values())
        gone = counts.get("gone", 0)
        verdict = f"{gone} of {total} gone" if total else "no finished cramps"
        lines.append(
            f" {group:<{width}} {stats.bar(gone, total, BAR_WIDTH):<{BAR_WIDTH}} {verdict}"
        )
        order = [*OUTCOMES, *sorted(set(counts) - set(OUTCOMES))]
        rest = [
            f"{counts[k]} {OUTCOMES.get(k, k).lower()}"
            for k in order
            if k in counts and k != "gone"
        ]
        if rest:
            lines.append(f" {'':<{width}} also: {', '.join(rest)}")
    return lines


def helped_text(records: list[EpisodeRecord]) -> str:
    """Shows how often each approach ended with the cramp gone, with the rest spelled out."""
    by_position = stats.outcome_by_position(records)
    order = [p for p in (*POSITIONS, "unknown") if p in by_position]
    lines = ["Cramp gone, by position"]
    lines += _helped_rows({p: by_position[p] for p in order}, 11) or [" no finished cramps yet"]
    lines += ["", "Cramp gone, by how long you held the stretch"]
    lines += _helped_rows(stats.outcome_by_hold_length(records), 11)
    lines += ["", "Small numbers are hints, not proof."]
    return "\n".join(lines)


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
                yield Button("Yes, delete (y)", id="yes", variant="error")
                yield Button("No, keep it (n)", id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

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
        Binding("escape,q", "back", "Back", id="history-back"),
    ]

    def __init__(self, store: History | None, now: Callable[[], datetime] | None = None) -> None:
        super().__init__()
        self._store = store
        self._now = now or (lambda: datetime.now().astimezone())
        self._records: list[EpisodeRecord] = []
        self._deleted: list[EpisodeRecord] = []

    def compose(self) -> ComposeResult:
        if self._store is None:
            yield Static(HISTORY_OFF, id="off", markup=False)
        else:
            yield Static(id="summary", markup=False)
            with TabbedContent():
                with TabPane("Episodes", id="tab-episodes"):
                    yield Static(NO_EPISODES, id="empty", markup=False)
                    yield DataTable(id="episodes", cursor_type="row", zebra_stripes=True)
                with TabPane("Charts", id="tab-charts"), VerticalScroll():
                    yield Static(id="charts", classes="chart", markup=False)
                with TabPane("What helped", id="tab-helped"), VerticalScroll():
                    yield Static(id="helped", classes="chart", markup=False)
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        if self._store is not None:
            self.query_one(DataTable).add_columns(*COLUMNS)
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
            table.add_row(*_row(record), key=str(record.id))
        if self._records:
            table.move_cursor(row=min(row, len(self._records) - 1))
        table.display = bool(self._records)
        self.query_one("#empty").display = not self._records
        self.query_one("#summary", Static).update(headline)
        nothing = "Nothing to chart yet."
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
        question = (
            f"Delete the {record.kind} from {record.started_at:%Y-%m-%d %H:%M}? "
            "You can undo with u while this screen is open."
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
            self.notify(str(error), title="Not deleted", severity="error")
            return
        if removed is not None:
            self._deleted.append(removed)
            self.notify("Episode deleted. Press u to undo.", title="Deleted")
        self._reload()

    def action_undo(self) -> None:
        if self._store is None or not self._deleted:
            return
        record = self._deleted.pop()
        try:
            self._store.restore(record)
        except HistoryError as error:
            self._deleted.append(record)
            self.notify(str(error), title="Not restored", severity="error")
            return
        self.notify("Episode restored.", title="Undone")
        self._reload()

    def action_back(self) -> None:
        self.dismiss()
