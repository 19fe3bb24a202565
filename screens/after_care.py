"""After a cramp eased: what is normal over the next day, and what needs checking; and
which leg it was, one key that also carries on (skippable: c carries on without)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll

from coach.content.model import Region
from coach.core.i18n import t
from coach.core.steps import AfterCare, LegAnswer
from coach.text import wording
from coach.text.wording import LEG_QUESTION
from screens.base import CoachScreen
from screens.widgets.choice import Choice
from screens.widgets.key_footer import KeyFooter
from screens.widgets.lines import Words, line_widget


class AfterCareScreen(CoachScreen[LegAnswer]):
    CSS_PATH = "after_care.tcss"
    BINDINGS = [
        Binding("l", "carry_on('left')", "Left", id="leg-left"),
        Binding("r", "carry_on('right')", "Right", id="leg-right"),
        Binding("b", "carry_on('both')", "Both", id="leg-both"),
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
            yield Words(t(LEG_QUESTION), id="which-leg", classes="hint")
            yield Choice("c", t("Carry on: what may have set it off"), id="carry-on")
        yield KeyFooter()

    def on_choice_chosen(self, event: Choice.Chosen) -> None:
        self.action_carry_on()

    def action_carry_on(self, leg: LegAnswer = "skip") -> None:
        self.dismiss(leg)
