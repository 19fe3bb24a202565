"""Still cramping, or only somewhat better: hold again at once, or stop here."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from coach import wording
from coach.content import Content
from coach.i18n import t
from coach.steps import NextChoice, WhatNext
from screens.base import CoachScreen
from screens.choice import Choice
from screens.key_footer import KeyFooter
from screens.lines import line_widget


class StillCramping(CoachScreen[NextChoice]):
    """Offers another hold first; other relief comes after the swollen-leg warning."""

    CSS_PATH = "still_cramping.tcss"
    BINDINGS = [
        Binding("h,enter", "choose('hold')", "Hold again", id="again-hold"),
        Binding("q,escape", "choose('stop')", "Stop", id="again-stop"),
    ]

    def __init__(self, content: Content, step: WhatNext) -> None:
        super().__init__()
        self.content = content
        self.step = step

    def compose(self) -> ComposeResult:
        title, *rest = wording.what_next(self.step)
        with VerticalScroll(id="still"):
            yield Static(title.text, classes="title-line", markup=False)
            yield Choice("h", t("Hold the stretch again"), id="hold")
            yield Choice("q", t("Stop here"), id="stop")
            for line in rest:
                yield line_widget(line, id="still-time")
            for line in wording.relief(self.step, self.content):
                yield line_widget(line)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#hold", Choice).focus()

    def on_choice_chosen(self, event: Choice.Chosen) -> None:
        self.action_choose(event.choice.id)  # type: ignore[arg-type]

    def action_choose(self, choice: NextChoice) -> None:
        self.dismiss(choice)
