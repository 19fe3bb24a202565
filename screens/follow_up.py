"""After a hold: has the cramp eased?"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from coach.core.cues import question_cue
from coach.core.i18n import t
from coach.core.steps import EasedAnswer, EasedOutcome, EasedQuestion
from screens.base import CoachScreen
from screens.hold import clock_text
from screens.widgets.choice import Choice
from screens.widgets.key_footer import KeyFooter
from screens.widgets.lines import Words

SEVERITY_ASK = "Optional: how bad was it? Press 0-9, or x for 10 (worst)."


class FollowUp(CoachScreen[EasedAnswer]):
    """Has it eased? Also takes an optional 0-10 severity with one key. Nothing is
    focused at first: Enter alone answers nothing."""

    CSS_PATH = "follow_up.tcss"
    AUTO_FOCUS = ""  # nothing pre-selected: a stray Enter answers nothing ("" is off)
    BINDINGS = [
        Binding("y", "answer('gone')", "Gone", id="eased-gone"),
        Binding("k", "answer('sore')", "Sore", id="eased-sore"),
        Binding("s", "answer('somewhat')", "Weaker", id="eased-somewhat"),
        Binding("n", "answer('still')", "Still", id="eased-still"),
        Binding("q,escape", "answer('leave')", "Leave", id="follow-up-leave"),
        *(Binding(str(n), f"severity({n})", show=False) for n in range(10)),
        Binding("x", "severity(10)", "How bad", key_display="0-9", id="severity"),
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
    ]

    def __init__(self, step: EasedQuestion) -> None:
        super().__init__()
        self.hold = step.hold
        self.severity: int | None = None

    def compose(self) -> ComposeResult:
        done = clock_text(round(self.hold.actual_seconds))
        banner = (
            t("Hold finished early, after {time}.", time=done)
            if self.hold.ended == "eased"
            else t("Hold complete: {time}. Let go slowly.", time=done)
        )
        with Vertical(id="follow-up"):
            yield Words(banner, id="follow-up-banner")
            yield Words(t("Has the cramp eased?"), classes="title-line")
            yield Choice("y", t("Yes, it's gone"), id="gone")
            yield Choice("k", t("The knot has gone, but it is sore"), id="sore")
            yield Choice("s", t("Still there, but weaker"), id="somewhat")
            yield Choice("n", t("No, still cramping"), id="still")
            yield Words(t(SEVERITY_ASK), id="severity-line", classes="hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        """The question is said too, when the voice is on (the hold has just gone)."""
        cue = question_cue(t("Has the cramp eased?"))
        self.coach.voice.say(cue.text)

    def on_unmount(self) -> None:
        self.coach.voice.stop()

    def on_choice_chosen(self, event: Choice.Chosen) -> None:
        self.action_answer(event.choice.id)  # type: ignore[arg-type]

    def action_answer(self, outcome: EasedOutcome) -> None:
        self.dismiss(EasedAnswer(outcome, self.severity))

    def action_severity(self, value: int) -> None:
        self.severity = value
        if not self.query("#severity-line"):  # typed ahead of compose
            return
        self.query_one("#severity-line", Static).update(
            t(
                "How bad it was: {value} out of 10 (saved). Now: has it eased? y / k / s / n",
                value=value,
            )
        )
