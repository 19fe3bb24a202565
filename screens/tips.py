"""Prevention tips: the ones that fit this person first, each with its evidence."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll

from coach.content.model import Content, Tip
from coach.core.advice import tip_evidence, tip_sections
from coach.core.i18n import t
from screens.base import CoachScreen
from screens.widgets.key_footer import KeyFooter
from screens.widgets.lines import Words


class TipsScreen(CoachScreen[None]):
    """Also the tips browser from the side picker (no causes chosen)."""

    CSS_PATH = "tips.tcss"
    BINDINGS = [
        Binding("q,escape,enter", "dismiss(None)", "Done", id="tips-done"),
        Binding("down,j", "scroll('down')", "Scroll", id="tips-down", key_display="↓"),
        Binding("up,k", "scroll('up')", show=False),
        Binding("pagedown,space", "page('down')", show=False),
        Binding("pageup", "page('up')", show=False),
    ]

    def __init__(self, content: Content, yes: tuple[str, ...]) -> None:
        super().__init__()
        self.content = content
        self.yes = yes
        self._box = VerticalScroll(id="tips")
        """Kept, not looked up: it is not there when the app ends as the screen is put up
        (a signal: #29 item 5)."""

    def compose(self) -> ComposeResult:
        with self._box:
            if self.yes:
                yield Words(t("What may fit you"), classes="section")
                for cause_id in self.yes:
                    cause = self.content.cause(cause_id)
                    label = self.content.evidence[cause.evidence].label
                    yield Words(
                        Text.assemble(
                            (cause.name, "bold"),
                            f": {cause.explanation} ",
                            (f"[{label}: {cause.source}]", "italic"),
                        ),
                        classes="cause",
                    )
            for section in tip_sections(self.content, self.yes):
                yield Words(section.title, classes="section")
                yield from (self._tip(tip) for tip in section.tips)
            yield Words(t("How sure is each tip?"), classes="section")
            for level in self.content.evidence.values():
                yield Words(
                    Text.assemble((level.label, "bold"), f": {level.meaning}"), classes="legend"
                )
        yield KeyFooter()

    def _tip(self, tip: Tip) -> Vertical:
        label, rest = tip_evidence(self.content, tip)
        meta = Text.assemble((label, "bold"), rest)
        return Vertical(
            Words(tip.text, classes="tip-text"),
            Words(meta, classes="tip-meta"),
            classes=f"tip -{tip.evidence}",
        )

    def on_mount(self) -> None:
        self._box.focus()  # a widget not mounted is not focused: Textual lets it go

    def action_scroll(self, direction: str) -> None:
        box = self._box
        box.scroll_down() if direction == "down" else box.scroll_up()

    def action_page(self, direction: str) -> None:
        box = self._box
        box.scroll_page_down() if direction == "down" else box.scroll_page_up()
