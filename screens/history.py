"""The history screen: past episodes, plain-text charts, and delete with undo."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, DataTable, Static, TabbedContent, TabPane

from coach import stats
from coach.history import OUTCOMES, POSITIONS, EpisodeRecord, History, HistoryError
from coach.i18n import t
from screens.base import CoachModal, CoachScreen
from screens.key_footer import KeyFooter

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
        outcome = t(OUTCOMES.get(r.outcome, r.outcome))
    else:
        outcome = "-" if r.kind == "routine" else t("in progress")
    return (
        r.started_at.strftime("%Y-%m-%d %H:%M"),
        t(r.kind.capitalize()),
        t(r.side) if r.side else "-",
        t(r.position) if r.position else "-",
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
    """ "1 cramp", "2 cramps", in the person's language."""
    return t("{n} " + word, n=n) if n == 1 else t("{n} " + word + "s", n=n)


def _rate(value: float | None, nights: int, what: str) -> str:
    if value is None:
        return t("no nights " + what + " yet")
    return t("{rate} " + what, rate=f"{value:.1f}") + f" ({_count(nights, 'night')})"


def summary_line(records: list[EpisodeRecord], now: datetime) -> str:
    """One sentence of headline numbers, worded so it reads aloud sensibly."""
    if not records:
        return t("Since you started: nothing recorded yet.")
    s = stats.summary(records, now)
    return t(
        "Since you started: {cramps}, {routines}. This month {month} (last month {last}). "
        "Cramps per night: {with_routine}, {without}.",
        cramps=_count(s.cramps_total, "cramp"),
        routines=_count(s.routines_total, "routine"),
        month=_count(s.cramps_this_month, "cramp"),
        last=s.cramps_last_month,
        with_routine=_rate(
            s.cramps_per_night_with_routine, s.nights_with_routine, "with a routine"
        ),
        without=_rate(s.cramps_per_night_without_routine, s.nights_without_routine, "without"),
    )


def charts_text(records: list[EpisodeRecord], now: datetime) -> str:
    """Counts are printed beside every bar, so nothing depends on colour or bar length alone."""
    weeks = [(f"{d.day:>2} {d:%b}", n) for d, n in stats.weekly_counts(records, now)]
    hours = stats.by_hour(records)
    night_order = [*range(12, 24), *range(12)]
    sides = [(t(side), n) for side, n in stats.by_side(records).items()]
    lines = [t("Cramps per week (last 12 weeks, week starting)"), *_bars(weeks), ""]
    lines += [t("Cramps by side"), *_bars(sides), ""]
    lines += [t("Cramps by hour they started (noon to noon)")]
    lines += _bars([(f"{h:02d}:00", hours[h]) for h in night_order])
    return "\n".join(lines)


def _helped_rows(table: dict[str, dict[str, int]], width: int) -> list[str]:
    lines = []
    for group, counts in table.items():
        total = sum(counts.values())
        gone = counts.get("gone", 0)
        verdict = (
            t("{gone} of {total} gone", gone=gone, total=total)
            if total
            else t("no finished cramps")
        )
        lines.append(
            f" {group:<{width}} {stats.bar(gone, total, BAR_WIDTH):<{BAR_WIDTH}} {verdict}"
        )
        order = [*OUTCOMES, *sorted(set(counts) - set(OUTCOMES))]
        rest = [
            f"{counts[k]} {t(OUTCOMES.get(k, k)).lower()}"
            for k in order
            if k in counts and k != "gone"
        ]
        if rest:
            lines.append(f" {'':<{width}} " + t("also: {rest}", rest=", ".join(rest)))
    return lines


def helped_text(records: list[EpisodeRecord]) -> str:
    """Shows how often each approach ended with the cramp gone, with the rest spelled out."""
    by_position = stats.outcome_by_position(records)
    order = [p for p in (*POSITIONS, "unknown") if p in by_position]
    lines = [t("Cramp gone, by position")]
    rows = _helped_rows({t(p): by_position[p] for p in order}, 11)
    lines += rows or [" " + t("no finished cramps yet")]
    lines += ["", t("Cramp gone, by how long you held the stretch")]
    by_length = stats.outcome_by_hold_length(records)
    lines += _helped_rows({t(k): v for k, v in by_length.items()}, 11)
    lines += ["", t("Small numbers are hints, not proof.")]
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
            table.add_row(*_row(record), key=str(record.id))
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
