"""The morning check-in after "yes, I had cramps": how many, the worst, and how much they
disturbed sleep, one key each. Opened from the first screen's check-in line.

Three questions in one dialog rather than three screens: each is a single key, and
Escape at any point keeps nothing (the line stays on the first screen to answer later).
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static

from coach.core.diary import CHECKIN_ASK, CheckIn
from coach.core.i18n import t
from screens.base import CoachModal
from screens.widgets.key_footer import KeyFooter

KEYS = (
    "1-9 (9 means 9 or more)",
    "0-9, x for 10",
    "0-9, x for 10",
)


class CheckinScreen(CoachModal["CheckIn | None"]):
    CSS_PATH = "checkin.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"number({n})", show=False) for n in range(10)),
        Binding("x", "number(10)", "Answer", key_display="0-9 x", id="checkin-number"),
        Binding("enter", "number(-1)", "Skip this one", id="checkin-skip"),
        Binding("escape,q", "cancel", "Go back", id="checkin-cancel"),
    ]

    def __init__(self, night: date) -> None:
        super().__init__()
        self.night = night
        self.answers: list[int | None] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="checkin"):
            yield Static(t("Any cramps last night?"), id="checkin-title")
            yield Static(id="checkin-question", markup=False)
            yield Static(id="checkin-keys", classes="hint", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self._ask()

    def _ask(self) -> None:
        n = len(self.answers)
        self.query_one("#checkin-question", Static).update(f"{n + 1}/3  " + t(CHECKIN_ASK[n]))
        self.query_one("#checkin-keys", Static).update(t(KEYS[n]) + " · " + t("Enter skips"))

    def action_number(self, value: int) -> None:
        if len(self.answers) >= 3:
            return  # answered already (a key typed ahead of the dismissal)
        if len(self.answers) == 0 and value in (0, 10):
            return  # "how many" after "yes": at least one; no "10" key for a count
        self.answers.append(None if value < 0 else value)
        if len(self.answers) < 3:
            self._ask()
            return
        many, worst, sleep = self.answers
        # A skipped count after "yes" is still "at least one".
        self.dismiss(CheckIn(self.night, many if many is not None else 1, worst, sleep))

    def action_cancel(self) -> None:
        if len(self.answers) < 3:
            self.answers = [None, None, None]
            self.dismiss(None)
