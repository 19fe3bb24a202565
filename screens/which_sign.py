"""After "yes" at the "do not stretch" gate: which case, by one number key.

The answer picks the help shown, each case's own, with its number; there is no way
from here to a stretch."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical

from coach.core.i18n import t
from coach.core.steps import SignAnswer, WhichSign
from coach.text.wording import SIGN_NAMES
from screens.base import CoachScreen
from screens.widgets.choice import Choice
from screens.widgets.key_footer import KeyFooter
from screens.widgets.lines import Words


class WhichSignScreen(CoachScreen[SignAnswer]):
    """After "yes" at the gate: which case, by one number key. Leaving here shows every
    case's help, as "not sure" does."""

    CSS_PATH = "which_sign.tcss"

    AUTO_FOCUS = ""  # a stray Enter answers nothing
    BINDINGS = [
        *(
            Binding(str(key), f"answer('{value}')", label, id=f"sign-{value}")
            for key, (value, label) in enumerate(SIGN_NAMES.items(), 1)
        ),
        Binding("q,escape", "answer('leave')", "Leave", show=False, id="sign-leave"),
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
    ]

    def __init__(self, step: WhichSign) -> None:
        super().__init__()
        self.step = step

    def compose(self) -> ComposeResult:
        with Vertical(id="safety"):
            yield Words(t("Do not stretch."), classes="title-line")
            yield Words(t("Which one? Press its number."), id="safety-question")
            for key, (value, label) in enumerate(SIGN_NAMES.items(), 1):
                yield Choice(str(key), t(label), id=f"sign-{value}")
        yield KeyFooter()

    def on_choice_chosen(self, event: Choice.Chosen) -> None:
        self.action_answer((event.choice.id or "sign-unsure").removeprefix("sign-"))  # type: ignore[arg-type]

    def action_answer(self, answer: SignAnswer) -> None:
        self.dismiss(answer)
