"""The one "do not stretch" gate before the first stretch.

The gate lists the three cases where a stretch does harm (a clot, a tear, a blocked
blood supply) and takes one key: "n" is the only way to a stretch; "yes" goes on to
`screens/which_sign.py`, which asks which case, so the help shown is that case's."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from coach.content.model import Region
from coach.core.i18n import t
from coach.core.steps import SafetyAnswer, SafetyQuestion
from coach.text import wording
from coach.text.wording import GATE_CASES, GATE_CASES_SHORT, GATE_QUESTION
from screens.base import CoachScreen
from screens.widgets.case_list import Case, CaseList
from screens.widgets.choice import Choice
from screens.widgets.key_footer import KeyFooter
from screens.widgets.lines import Words


class SafetyCheck(CoachScreen[SafetyAnswer]):
    """Asked before the first hold of every episode; there is no "don't ask again"."""

    CSS_PATH = "safety_check.tcss"

    AUTO_FOCUS = ""  # nothing pre-selected: a stray Enter answers nothing ("" is off)
    BINDINGS = [
        Binding("y", "answer('yes')", "Yes, one of these", id="safety-yes"),
        Binding("n", "answer('no')", "No, none of these", id="safety-no"),
        Binding("q,escape", "answer('leave')", "Leave", id="safety-leave"),
        Binding("c", "change_country", "Country", id="safety-country"),
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
    ]

    def __init__(self, step: SafetyQuestion, region: Region, ask_region: bool = False) -> None:
        """`ask_region`: the locale's country is not confirmed yet (a first run started
        straight into `calf-coach back`): its numbers are shown, `c` changes them."""
        super().__init__()
        self.step = step
        self.numbers = region
        self.ask_region = ask_region and region.id != "default"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "change_country":
            return self.ask_region
        return True

    def action_change_country(self) -> None:
        self.coach.action_choose_region()

    def on_screen_resume(self) -> None:
        """Back from the country dialog: the line names the numbers now in use."""
        region = getattr(self.app, "region", self.numbers)
        if not self.ask_region or region is self.numbers:
            return
        self.numbers = region
        changed = t(
            "Numbers for: {country} ({number}). Changed.",
            country=region.name,
            number=region.emergency,
        )
        for line in self.query("#safety-numbers").results(Static):
            line.update(changed)

    def compose(self) -> ComposeResult:
        with Vertical(id="safety"):
            yield Words(t(GATE_QUESTION), id="safety-question")
            cases = [
                Case(t(full), t(brief))
                for full, brief in zip(GATE_CASES, GATE_CASES_SHORT, strict=True)
            ]
            with VerticalScroll(id="gate-cases", can_focus=False):
                yield CaseList(cases, id="gate-case-list")
            yield Choice("n", t("No, none of these: start the stretch"), id="no")
            yield Choice("y", t("Yes: do not stretch, get help"), id="yes")
            if self.ask_region:
                numbers = t(
                    "Numbers for: {country} ({number}). Not right? c to change.",
                    country=self.numbers.name,
                    number=self.numbers.emergency,
                )
                yield Words(numbers, id="safety-numbers")
            if self.step.disclaimer:
                yield Words(wording.disclaimer(self.numbers), id="disclaimer")
        yield KeyFooter()

    def on_choice_chosen(self, event: Choice.Chosen) -> None:
        self.action_answer(event.choice.id or "no")  # type: ignore[arg-type]

    def action_answer(self, answer: SafetyAnswer) -> None:
        self.dismiss(answer)
