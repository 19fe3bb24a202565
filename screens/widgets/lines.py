"""Shows `coach.text.wording` lines as widgets: one kind, one look, the same on every screen."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text
from textual.widgets import Static

from coach.text.wording import Line
from coach.text.wrap import cell_width, has_wide, tidy, wrap

CLASSES = {
    "title": "title-line",
    "action": "line-action",
    "text": "line-text",
    "heading": "section",
    "item": "line-item",
    "source": "line-source hint",
    "hint": "hint",
}


class ChineseLines:
    """Chinese text broken by coach.text.wrap's rule at whatever width it is drawn:
    Rich breaks unspaced Chinese at any character, so a line could start with "、"
    or split "30 秒". Drawn as text, never parsed as markup."""

    def __init__(self, text: str) -> None:
        self.text = tidy(text)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text("\n".join(wrap(self.text, options.max_width)))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((cell_width(line) for line in wrap(self.text, 2)), default=0)
        return Measurement(widest, cell_width(self.text)).clamp(max_width=options.max_width)


def shown(text: str) -> str | ChineseLines:
    """What a widget draws for `text`: Chinese by the Chinese rule, anything else (English)
    as it is, so English wraps as it always did."""
    return ChineseLines(text) if has_wide(text) else text


def line_widget(line: Line, id: str | None = None) -> Static:
    """Content from files and the person's settings: never parsed as markup."""
    # Items are marked by a bar on their left (CSS), not a "• " that unspaced Chinese
    # text would wrap away from.
    return Static(shown(line.text), classes=CLASSES[line.kind], id=id, markup=False)
