"""The history's "Delete this episode?" question (screens/history.py)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button

from coach.core.i18n import t
from screens.base import CoachModal
from screens.widgets.lines import Words


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
        self._no = Button(t("No, keep it (n)"), id="no", variant="primary")
        """The safe answer, kept to be focused: looked up, it is not there when the app
        ends as the dialog is put up (a signal: #29 item 5)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Words(self._question, id="question")
            with Horizontal(id="buttons"):
                yield Button(t("Yes, delete (y)"), id="yes", variant="error")
                yield self._no

    def on_mount(self) -> None:
        self._no.focus()  # a widget not mounted is not focused: Textual lets it go

    def on_resize(self) -> None:
        self.set_class(self.size.width < 50, "-narrow")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
