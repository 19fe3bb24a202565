"""Medicines and conditions for the doctor's page (#28), opened with `m` on the history
screen: what the person takes (a name, and the date it was started if known) and a
few conditions ticked once. Names and dates only: the coach gives no advice about
any of them, and nothing here says who the person is.

One key per change: a letter ticks a condition, a digit removes a medicine (asked
first), `+` adds one in a small dialog. Every read and write runs on a worker thread;
a write that fails is said in a notice and nothing else changes.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Static

from coach.core.i18n import t
from coach.core.profile import CONDITION_IDS, CONDITIONS, Medicine, clean_name, parse_day
from coach.store.history import History, HistoryError
from coach.store.profile import (
    add_medicine,
    conditions,
    medicines,
    remove_medicine,
    set_condition,
)
from screens.base import CoachModal
from screens.widgets.key_footer import KeyFooter
from screens.widgets.lines import Words

LETTERS = "abcdef"
"""The key of each condition, in CONDITION_IDS order."""
SHOWN = 9
"""Medicines that get a digit key (more are listed, and removed with `calf-coach meds`)."""


def profile_text(meds: list[Medicine], ticked: list[str]) -> Text:
    """The screen's body. A Text, never markup: the names are the person's own words."""
    text = Text()
    text.append(t("Medicines") + "\n", style="bold")
    if not meds:
        text.append("  " + t("none listed") + "\n")
    for n, medicine in enumerate(meds, 1):
        key = str(n) if n <= SHOWN else " "
        line = (
            t("{name}, since {day}", name=medicine.name, day=medicine.started.isoformat())
            if medicine.started
            else t("{name}, start date not given", name=medicine.name)
        )
        text.append(f"  {key}  ", style="bold")
        text.append(line + "\n")
    text.append("\n" + t("Conditions") + "\n", style="bold")
    for letter, condition in zip(LETTERS, CONDITION_IDS, strict=True):
        box = "[x]" if condition in ticked else "[ ]"
        text.append(f"  {letter}  ", style="bold")
        text.append(f"{box} {t(CONDITIONS[condition])}\n")
    return text


class ProfileScreen(CoachModal[None]):
    CSS_PATH = "profile.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(letter, f"tick({n})", show=False) for n, letter in enumerate(LETTERS)),
        *(Binding(str(n), f"remove({n})", show=False) for n in range(1, SHOWN + 1)),
        Binding("plus,equals_sign", "add", "Add a medicine", key_display="+", id="profile-add"),
        Binding("escape,q", "back", "Go back", id="profile-back"),
        Binding("down", "scroll(1)", show=False),
        Binding("up", "scroll(-1)", show=False),
        Binding("pagedown", "scroll(5)", show=False),
        Binding("pageup", "scroll(-5)", show=False),
    ]

    def __init__(self, store: History, now: datetime | None = None) -> None:
        super().__init__()
        self._store = store
        self._now = now
        self._meds: list[Medicine] = []
        self._ticked: list[str] = []

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="profile"):
            yield Words(t("Medicines and conditions for your doctor's page"), id="profile-title")
            yield Words(
                t(
                    "Names and start dates only; the coach gives no advice about them. "
                    "a-f tick a condition, 1-9 remove a medicine."
                ),
                classes="hint",
                markup=False,
            )
            yield Words(id="profile-list")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._change(None)

    def _time(self) -> datetime:
        return self._now or datetime.now().astimezone()

    @work(thread=True, exclusive=True, group="profile")
    def _change(self, change: tuple[str, object] | None) -> None:
        """On a worker thread: make one change (or none), then read the lists again."""
        try:
            if change is not None:
                what, value = change
                if what == "tick":
                    assert isinstance(value, str)
                    set_condition(self._store, value, value not in self._ticked, self._time())
                elif what == "add":
                    assert isinstance(value, Medicine)
                    add_medicine(self._store, value, self._time())
                elif what == "remove":
                    assert isinstance(value, str)
                    remove_medicine(self._store, value)
            meds, ticked = medicines(self._store), conditions(self._store)
        except HistoryError as error:
            self.app.call_from_thread(
                self.notify, str(error), title=t("Not saved"), severity="error", markup=False
            )
            return
        self.app.call_from_thread(self._show, meds, ticked)

    def _show(self, meds: list[Medicine], ticked: list[str]) -> None:
        self._meds, self._ticked = meds, ticked
        if self.is_attached:
            self.query_one("#profile-list", Static).update(profile_text(meds, ticked))

    def action_scroll(self, lines: int) -> None:
        self.query_one("#profile", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_tick(self, n: int) -> None:
        self._change(("tick", CONDITION_IDS[n]))

    def action_remove(self, n: int) -> None:
        if n > len(self._meds):
            return
        name = self._meds[n - 1].name
        # The screens seam: the question loads when a medicine is to be removed.
        from screens.confirm_delete import ConfirmDeleteScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self._change(("remove", name))

        self.app.push_screen(
            ConfirmDeleteScreen(t("Remove {name} from the list?", name=name)), answered
        )

    def action_add(self) -> None:
        def added(medicine: Medicine | None) -> None:
            if medicine is not None:
                self._change(("add", medicine))

        self.app.push_screen(AddMedicineScreen(), added)

    def action_back(self) -> None:
        self.dismiss(None)


class NameBox(Input):
    """The text box for a medicine's name or its date, which leaves "!" to get help (no
    medicine's name needs it): Textual skips priority bindings for a key that the
    focused text box says it will type."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return character != "!" and super().check_consume_key(key, character)


class AddMedicineScreen(CoachModal["Medicine | None"]):
    """Two typed answers: the name, then the date it was started (Enter: not known)."""

    CSS_PATH = "profile.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Go back", id="profile-add-cancel"),
        # "!" gets help from every screen, this one too: the name box lets it through
        # (NameBox), and a priority binding takes it before the box would type it.
        Binding(
            "exclamation_mark",
            "app.red_flags",
            "Get help",
            id="profile-add-red-flags",
            key_display="!",
            priority=True,
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._medicine_name: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="profile-add"):
            yield Words(t("Name of the medicine, then Enter"), id="profile-ask")
            yield NameBox(id="profile-input", max_length=60)
            yield Words("", id="profile-problem", classes="hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        problem = self.query_one("#profile-problem", Static)
        field = self.query_one(Input)
        if self._medicine_name is None:
            try:
                self._medicine_name = clean_name(event.value)
            except ValueError:
                problem.update(t("Give the medicine's name."))
                return
            field.value = ""
            problem.update("")
            self.query_one("#profile-ask", Static).update(
                t("Started on (YYYY-MM-DD)? Enter if not known")
            )
            return
        started: date | None = None
        if event.value.strip():
            try:
                started = parse_day(event.value)
            except ValueError:
                problem.update(t("Give the date as YYYY-MM-DD, for example 2026-11-30."))
                return
        self.dismiss(Medicine(self._medicine_name, started))

    def action_cancel(self) -> None:
        self.dismiss(None)
