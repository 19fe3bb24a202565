"""One question before the first stretch: could this be a clot, not a cramp?"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from coach.i18n import t
from screens.base import CoachScreen
from screens.choice import Choice
from screens.key_footer import KeyFooter


class SafetyCheck(CoachScreen[str]):
    """Returns "clot" (stop, get help), "ok", "ok-always" (skip from now on) or "left"."""

    CSS_PATH = "safety_check.tcss"

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
            yield Choice("n", t("No: start the stretch"), id="ok")
            yield Choice("y", t("Yes: do not stretch, get help"), id="clot")
            yield Static(t("a: no, and don't ask me again"), classes="hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#ok", Choice).focus()

    def on_choice_chosen(self, event: Choice.Chosen) -> None:
        self.action_answer(event.choice.id or "ok")

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer)
