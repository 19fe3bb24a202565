"""After a cramp eased: what is normal over the next day, and what needs checking."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll

from coach.content.model import Region
from coach.core.i18n import t
from coach.core.steps import AfterCare
from coach.text import wording
from screens.base import CoachScreen
from screens.widgets.choice import Choice
from screens.widgets.key_footer import KeyFooter
from screens.widgets.lines import line_widget


class AfterCareScreen(CoachScreen[None]):
    CSS_PATH = "after_care.tcss"
    BINDINGS = [
        Binding("c,enter", "carry_on", "Carry on", id="after-care-next"),
        Binding("q,escape", "carry_on", "Carry on", show=False),
    ]

    def __init__(self, step: AfterCare, region: Region) -> None:
        super().__init__()
        self.step = step
        self.numbers = region

    def compose(self) -> ComposeResult:
        with Vertical(id="after-care-box"):
            with VerticalScroll(id="after-care"):
                for line in wording.after_care(self.step, self.numbers):
                    yield line_widget(line)
            yield Choice("c", t("Carry on: what may have set it off"), id="carry-on")
        yield KeyFooter()

    def on_choice_chosen(self, event: Choice.Chosen) -> None:
        self.action_carry_on()

    def action_carry_on(self) -> None:
        self.dismiss(None)
