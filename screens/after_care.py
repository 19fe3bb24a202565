"""After a cramp eased: what is normal over the next day, and what needs checking."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll

from coach import wording
from coach.content_model import Region
from coach.i18n import t
from coach.steps import AfterCare
from screens.base import CoachScreen
from screens.choice import Choice
from screens.key_footer import KeyFooter
from screens.lines import line_widget


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
