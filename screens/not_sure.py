"""Help for someone who cannot tell which side is cramping."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll

from coach.content.model import Content
from coach.core.i18n import t
from screens.base import CoachModal
from screens.widgets.key_footer import KeyFooter
from screens.widgets.lines import Words


class NotSure(CoachModal[str | None]):
    """Tells the two cramps apart in plain words, then lets them choose."""

    CSS_PATH = "not_sure.tcss"
    BINDINGS = [
        Binding("b", "dismiss('back')", "It's the back", id="not-sure-back"),
        Binding("f", "dismiss('front')", "It's the front", id="not-sure-front"),
        Binding("q,escape", "dismiss(None)", "Ask again", id="not-sure-close"),
    ]

    def __init__(self, content: Content) -> None:
        super().__init__()
        self.content = content

    def compose(self) -> ComposeResult:
        back, front = self.content.guides["back"], self.content.guides["front"]
        with VerticalScroll(id="not-sure-box"):
            yield Words(t("How to tell"), classes="title-line")
            for text in self.content.not_sure:
                yield Words(text, classes="not-sure-point")
            yield Words(
                t(
                    "Press b for {back}, f for {front}, or Escape to go back.",
                    back=back.label.lower(),
                    front=front.label.lower(),
                ),
                classes="hint",
            )
        yield KeyFooter()
