"""Still cramping: hold again at once, or try something else."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from coach.content import Content
from coach.i18n import t
from screens.base import CoachScreen
from screens.choice import Choice
from screens.key_footer import KeyFooter


class StillCramping(CoachScreen[str]):
    """Returns "hold" to stretch again or "stop" to end the episode."""

    CSS_PATH = "still_cramping.tcss"
    BINDINGS = [
        Binding("h,enter", "choose('hold')", "Hold again", id="again-hold"),
        Binding("q,escape", "choose('stop')", "Stop", id="again-stop"),
    ]

    def __init__(self, content: Content, holds: int, minutes: float) -> None:
        super().__init__()
        self.content = content
        self.holds = holds
        self.minutes = minutes

    def compose(self) -> ComposeResult:
        limit = self.content.hold.escalate_after_seconds // 60
        with VerticalScroll(id="still"):
            yield Static(
                t("Still cramping. That happens; stretch again now."), classes="title-line"
            )
            yield Choice("h", t("Hold the stretch again"), id="hold")
            yield Static(
                t(
                    "About {minutes} min so far, holds: {holds}. If it is not easing by "
                    "{limit} min, get medical help (press ! for details).",
                    minutes=max(1, round(self.minutes)),
                    holds=self.holds,
                    limit=limit,
                ),
                id="still-time",
            )
            yield Static(t("Other things that help"), classes="title-line")
            for relief in self.content.other_relief:
                level = self.content.evidence[relief.evidence].label
                yield Static(f"{relief.text} [{level}]", classes="relief", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#hold", Choice).focus()

    def on_choice_chosen(self, event: Choice.Chosen) -> None:
        self.action_choose("hold")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
