"""The morning check-in after "yes, I had cramps": how many (or how many others besides
those the app recorded), the worst, how much they disturbed sleep, and the next-morning
safety question, one key each; then it answers back: the clot flag with the number
after "yes, one calf is still swollen", and "worth seeing a GP" after a bad night
(coach.core.diary's rules). Opened from the first screen's check-in line.

The questions in one dialog rather than screens: each is a single key, and Escape
before the last keeps nothing (the line stays on the first screen to answer later).
The keys and ranges are plain mode's (coach/plain/diary.py): a count 1-9 (9 means 9 or
more), ratings 0-9 or x for 10, Enter skips.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static

from coach.content.model import Content
from coach.core.diary import (
    CHECKIN_ASK,
    CHECKIN_OTHERS,
    CHECKIN_SWOLLEN,
    MORNING_CAUSES,
    SEE_GP,
    CheckIn,
    with_recorded,
    worth_seeing_gp,
)
from coach.core.i18n import t
from coach.core.steps import CauseQuestions, GetHelp
from coach.text import wording
from screens.base import CoachModal
from screens.cause_check import CauseCheck
from screens.widgets.key_footer import KeyFooter
from screens.widgets.lines import Words

KEYS = (
    "1-9 (9 means 9 or more)",
    "0-9, x for 10",
    "0-9, x for 10",
)
OTHERS_KEYS = "0-9 (0: no others, 9 means 9 or more)"
SWOLLEN_KEYS = "y yes · n no"
CLOSE_KEYS = "Enter or Esc to close"


class CheckinScreen(CoachModal["CheckIn | None"]):
    CSS_PATH = "checkin.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"number({n})", show=False) for n in range(10)),
        Binding("x", "number(10)", "Answer", key_display="0-9 x", id="checkin-number"),
        Binding("y", "swollen(True)", "Yes", id="checkin-yes"),
        Binding("n", "swollen(False)", "No", id="checkin-no"),
        Binding("enter", "close", "Close", id="checkin-close"),
        Binding("enter", "number(-1)", "Skip this one", id="checkin-skip"),
        Binding("escape,q", "cancel", "Go back", id="checkin-cancel"),
    ]

    def __init__(self, night: date, recorded: int = 0, *, no_others: bool = False) -> None:
        """`no_others`: the person said "0 none" to "besides the N recorded?": only the
        safety question is left, for a night that had cramps all the same."""
        super().__init__()
        self.night = night
        self.answers: list[int | None] = [0, None, None] if no_others else []
        self.recorded = recorded
        """Cramps the app recorded last night (as the first screen read them, and read
        again on a worker when shown)."""
        self.disturbed = 0
        """Nights of the fortnight before with sleep disturbed 5/10 or more."""
        self.result: CheckIn | None = None
        """The answer, once the safety question is answered: then only closing is left."""

    def compose(self) -> ComposeResult:
        with Vertical(id="checkin"):
            yield Words(t("Any cramps last night?"), id="checkin-title")
            yield Words(id="checkin-question")
            yield Words(id="checkin-keys", classes="hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._ask()
        self._read()

    @work(thread=True, exclusive=True, group="checkin-read")
    def _read(self) -> None:
        """What the answer back needs from the store; without it, as if none."""
        recorder = getattr(self.app, "recorder", None)
        if recorder is None:
            return
        # The store seam: SQLite and the history load here, on the worker.
        from coach.store.history import HistoryError

        try:
            store, _warning = recorder.store()
            if store is None:
                return
            recorded = store.night_state(self.night).recorded_cramps
            disturbed = store.disturbed_nights(self.night)
        except HistoryError:
            return
        self.app.call_from_thread(self._known, recorded, disturbed)

    def _known(self, recorded: int, disturbed: int) -> None:
        self.recorded, self.disturbed = recorded, disturbed
        if not self.answers and self.is_attached:
            self._ask()

    def _ask(self) -> None:
        n = len(self.answers)
        question = self.query_one("#checkin-question", Static)
        keys = self.query_one("#checkin-keys", Static)
        if n == 3:
            question.update("4/4  " + t(CHECKIN_SWOLLEN))
            keys.update(t(SWOLLEN_KEYS))
            return
        if n == 0 and self.recorded:
            question.update("1/4  " + t(CHECKIN_OTHERS, n=self.recorded))
            keys.update(t(OTHERS_KEYS) + " · " + t("Enter skips"))
            return
        question.update(f"{n + 1}/4  " + t(CHECKIN_ASK[n]))
        keys.update(t(KEYS[n]) + " · " + t("Enter skips"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only the keys of the question on screen are shown (and work)."""
        closing = self.result is not None
        safety = len(self.answers) == 3 and not closing
        if action == "close":
            return closing
        if action == "swollen":
            return safety
        if action == "number":
            return not closing and (not safety or parameters == (-1,))
        return True

    def action_close(self) -> None:
        if self.result is not None:
            self.dismiss(self.result)

    def action_number(self, value: int) -> None:
        if self.result is not None:
            return
        if len(self.answers) >= 3:
            if value < 0:  # Enter skips the safety question: nothing said either way
                self._safety_answered(None)
            return
        if len(self.answers) == 0 and (value == 10 or (value == 0 and not self.recorded)):
            return  # "how many" after "yes": at least one; no "10" key for a count
        self.answers.append(None if value < 0 else value)
        self._ask()
        self.refresh_bindings()

    def action_swollen(self, yes: bool) -> None:
        if len(self.answers) == 3 and self.result is None:
            self._safety_answered(yes)

    def _safety_answered(self, swollen: bool | None) -> None:
        many, worst, sleep = self.answers
        # A skipped count after "yes" is still "at least one" (or the recorded ones).
        if many is None:
            many = 0 if self.recorded else 1
        answer = with_recorded(CheckIn(self.night, many, worst, sleep, swollen), self.recorded)
        lines = self._answer_back(answer)
        if not lines:
            self.dismiss(answer)
            return
        self.result = answer
        self.query_one("#checkin-question", Static).update(lines)
        self.query_one("#checkin-keys", Static).update(t(CLOSE_KEYS))
        self.refresh_bindings()

    def _answer_back(self, answer: CheckIn) -> Text | None:
        """The clot flag with the number, and "worth seeing a GP", or None."""
        text = Text()
        if answer.swollen:
            content = getattr(self.app, "content", None)
            region = getattr(self.app, "region", None)
            if content is not None and region is not None:
                # The flag's first line: what to do, with the numbers (its own emergency
                # line too); its signs are one key away (!), as on an episode's screen.
                lead, *_rest = wording.get_help(GetHelp("clot", 10), content, region)
                text.append(lead.text + "\n", style="bold")
                text.append(t(wording.MORE_SIGNS["app"]) + "\n\n")
            else:
                text.append(t("One calf swollen, warm or painful: get medical help today.") + "\n")
        if worth_seeing_gp(answer, self.disturbed):
            text.append(t(SEE_GP), style="bold")
        return text if text else None

    def action_cancel(self) -> None:
        if self.result is not None:
            self.dismiss(self.result)  # answered already: Esc closes and keeps it
        else:
            self.answers = [None, None, None]
            self.dismiss(None)


class MorningCauses(CauseCheck):
    """The cause questions a night's cramp left for the morning (#28), after the
    check-in: the episode's own screen (same questions and keys; q skips all), with one
    line saying why they are asked now. No "ask me in the morning": it is morning."""

    def __init__(self, content: Content) -> None:
        super().__init__(content, CauseQuestions(tuple(c.id for c in content.causes)))

    def on_mount(self) -> None:
        lead = Words(t(MORNING_CAUSES), id="cause-morning", classes="hint")
        self.query_one("#cause-check").mount(lead, before=0)
        super().on_mount()
