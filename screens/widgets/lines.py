"""Shows `coach.text.wording` lines as widgets: one kind, one look, the same on every screen."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text
from textual.visual import VisualType
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

    def __str__(self) -> str:
        return self.text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text("\n".join(wrap(self.text, options.max_width)))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((cell_width(line) for line in wrap(self.text, 2)), default=0)
        return Measurement(widest, cell_width(self.text)).clamp(max_width=options.max_width)


def shown(text: str) -> str | ChineseLines:
    """What a widget draws for `text`: Chinese by the Chinese rule, anything else (English)
    as it is, so English wraps as it always did."""
    return ChineseLines(text) if has_wide(text) else text


class Words(Static):
    """Words a person reads: never parsed as markup (content and translations carry no
    markup, and a path or a typed name must not be read as it), and Chinese broken by
    the Chinese rule (`shown`), when made and on every update."""

    def __init__(self, content: VisualType = "", **options) -> None:
        options.setdefault("markup", False)
        super().__init__(_shown(content), **options)

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        super().update(_shown(content), layout=layout)


def pad(text: str, cells: int) -> str:
    return text + " " * (cells - cell_len(text))


def wrapped(text: str, room: int, console: Console) -> list[str]:
    """`text` broken into lines of at most `room` cells, none ending in a space: English
    as Rich breaks it, Chinese by the Chinese rule (`shown`)."""
    body = shown(text)
    if isinstance(body, str):
        return [line.plain.rstrip() for line in Text(body).wrap(console, room)]
    return wrap(body.text, room)


def marked_lines(marker: str, text: str, width: int, console: Console, cells: int) -> list[str]:
    """`text` wrapped beside its marker (a step's "▶ Now"), its wrapped lines indented
    under the text, not the marker, in any script: the text starts `cells` in, and every
    line is as wide as the text's column (up to the room)."""
    room = max(width - cells, 1)
    lines = wrapped(text, room, console)
    column = min(room, cell_len(tidy(text)))  # as wide as the text, up to the room
    heads = [marker] + [""] * (len(lines) - 1)
    return [pad(head, cells) + pad(line, column) for head, line in zip(heads, lines, strict=True)]


def _shown(content: VisualType) -> VisualType:
    return shown(content) if isinstance(content, str) else content


def line_widget(line: Line, id: str | None = None) -> Static:
    """Content from files and the person's settings: never parsed as markup."""
    # Items are marked by a bar on their left (CSS), not a "• " that unspaced Chinese
    # text would wrap away from.
    return Words(line.text, classes=CLASSES[line.kind], id=id)
