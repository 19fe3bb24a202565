"""One question before the first stretch: could this be a clot, not a cramp?"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from coach.content.model import Region
from coach.core.i18n import t
from coach.core.steps import SafetyAnswer, SafetyQuestion
from coach.text import wording
from screens.base import CoachScreen
from screens.widgets.choice import Choice
from screens.widgets.key_footer import KeyFooter


class SafetyCheck(CoachScreen[SafetyAnswer]):
    """Asked before the first hold of every episode; there is no "don't ask again"."""

    CSS_PATH = "safety_check.tcss"

    AUTO_FOCUS = ""  # nothing pre-selected: a stray Enter answers nothing ("" is off)
    BINDINGS = [
        Binding("y", "answer('yes')", "Yes, one leg is", id="safety-yes"),
        Binding("n", "answer('no')", "No, neither leg", id="safety-no"),
        Binding("q,escape", "answer('leave')", "Leave", id="safety-leave"),
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
    ]

    def __init__(self, step: SafetyQuestion, region: Region) -> None:
        super().__init__()
        self.step = step
        self.numbers = region

    def compose(self) -> ComposeResult:
        with Vertical(id="safety"):
            yield Static(t("Before you stretch"), classes="title-line")
            yield Static(
                t("Is one leg swollen, warm, red or darker than the other?"), id="safety-question"
            )
            yield Choice("n", t("No: start the stretch"), id="no")
            yield Choice("y", t("Yes: do not stretch, get help"), id="yes")
            if self.step.disclaimer:
                yield Static(wording.disclaimer(self.numbers), id="disclaimer", markup=False)
        yield KeyFooter()

    def on_choice_chosen(self, event: Choice.Chosen) -> None:
        self.action_answer(event.choice.id or "no")  # type: ignore[arg-type]

    def action_answer(self, answer: SafetyAnswer) -> None:
        self.dismiss(answer)
