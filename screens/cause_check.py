"""A few yes/no questions to see which known causes may fit."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from coach.content.model import Content
from coach.core.i18n import t
from coach.core.steps import ASK_LATER, CauseQuestions
from coach.text.wording import CAUSES_AT_NIGHT as AT_NIGHT
from screens.base import CoachScreen
from screens.widgets.key_footer import KeyFooter
from screens.widgets.lines import Words


class CauseCheck(CoachScreen[tuple[str, ...] | str]):
    """Asks one question at a time; returns the ids of causes answered yes. At night it
    also offers m "ask me in the morning" (returns ASK_LATER) beside q "skip all"."""

    CSS_PATH = "cause_check.tcss"
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="cause-yes"),
        Binding("n", "answer(False)", "No", id="cause-no"),
        Binding("s", "answer(None)", "Skip", id="cause-skip"),
        Binding("backspace,left", "back", "Go back", id="cause-back"),
        Binding("q,escape", "finish", "Skip all", id="cause-skip-all"),
        Binding("m", "later", "Ask in the morning", id="cause-later"),
    ]

    def __init__(self, content: Content, step: CauseQuestions) -> None:
        super().__init__()
        self.causes = tuple(content.cause(cause_id) for cause_id in step.cause_ids)
        self.answers: list[bool | None] = []
        self.night = step.night

    def compose(self) -> ComposeResult:
        with Vertical(id="cause-check"):
            yield Words(t("What might have set it off?"), classes="title-line")
            yield Words(id="cause-count", classes="hint")
            yield Words(id="cause-question")
            yield Words(t("y yes   n no   s skip"), id="cause-keys", classes="hint")
            if self.night:
                yield Words(t(AT_NIGHT), id="cause-night", classes="hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        if not self.query("#cause-count"):  # typed ahead of compose: on_mount shows it
            return
        i = len(self.answers)
        self.query_one("#cause-count", Static).update(
            t("Question {number} of {total}", number=i + 1, total=len(self.causes))
        )
        self.query_one("#cause-question", Static).update(self.causes[i].question)

    def action_answer(self, value: bool | None) -> None:
        self.answers.append(value)
        if len(self.answers) == len(self.causes):
            self.action_finish()
        else:
            self._show()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ "Ask me in the morning" is offered at night only."""
        return self.night if action == "later" else True

    def action_later(self) -> None:
        if self.night:
            self.dismiss(ASK_LATER)

    def action_back(self) -> None:
        if self.answers:
            self.answers.pop()
            self._show()

    def action_finish(self) -> None:
        self.dismiss(tuple(c.id for c, yes in zip(self.causes, self.answers, strict=False) if yes))
