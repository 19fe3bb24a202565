"""One question before the first stretch: could this be a clot, not a cramp?"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Footer, Static

from coach.i18n import t
from screens.base import CoachScreen
from screens.side_picker import choice_label


class SafetyCheck(CoachScreen[str]):
    """Returns "clot" (stop, get help), "ok", "ok-always" (skip from now on) or "left"."""

    BINDINGS = [
        Binding("y", "answer('clot')", "Yes", id="safety-yes"),
        Binding("n", "answer('ok')", "No", id="safety-no"),
        Binding("a", "answer('ok-always')", "No, don't ask again", id="safety-always"),
        Binding("q,escape", "answer('left')", "Leave", id="safety-leave"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="safety"):
            yield Static(t("Before you stretch"), classes="title-line")
            yield Static(
                t("Is one leg swollen, warm, red or darker than the other?"), id="safety-question"
            )
            yield Button(choice_label("n", t("No: start the stretch")), id="ok", classes="choice")
            yield Button(
                choice_label("y", t("Yes: do not stretch, get help")), id="clot", classes="choice"
            )
            yield Static(t("a: no, and don't ask me again"), classes="hint")
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.query_one("#ok", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_answer(event.button.id or "ok")

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer)
