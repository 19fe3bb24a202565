"""The history screen's tab bar: one widget that draws the titles and the bar beneath.

Textual's TabbedContent builds eleven widgets for four tabs (the tabs, their rows and
scroller, the underline, the switcher) and settles them over several refreshes, on
the way to `calf-coach history`'s first frame (bench figure 8). This draws the same two
lines (titles, then the bar with the active tab's span lit) from one widget; the
screen shows the pane in a ContentSwitcher. Keys as Tabs: left and right when focused.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.renderables.bar import Bar
from textual.strip import Strip
from textual.widget import Widget


class TabStrip(Widget, can_focus=True):
    """Titles of panes by id; `active` is the id of the one shown."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "tab-strip--tab",
        "tab-strip--hover",
        "tab-strip--active",
        "tab-strip--bar",
    }
    DEFAULT_CSS = """
    TabStrip {
        width: 100%;
        height: 2;
        pointer: pointer;
        & > .tab-strip--tab { color: $foreground 50%; }
        & > .tab-strip--hover { color: $foreground; }
        & > .tab-strip--active { color: $foreground; }
        & > .tab-strip--bar { color: $block-cursor-background; background: $foreground 10%; }
        &:focus {
            & > .tab-strip--active {
                text-style: $block-cursor-text-style;
                color: $block-cursor-foreground;
                background: $block-cursor-background;
            }
            & > .tab-strip--bar { background: $foreground 30%; }
        }
        &:ansi {
            & > .tab-strip--tab { text-style: dim; }
            & > .tab-strip--active { text-style: not dim bold; }
            & > .tab-strip--bar { background: $border-blurred; }
        }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", show=False),
        Binding("right", "move(1)", show=False),
    ]

    active: reactive[str] = reactive("")
    _hover: reactive[int | None] = reactive(None)

    class Changed(Message):
        """Another tab was chosen (a click, a key, or `active` set)."""

        def __init__(self, strip: TabStrip, active: str) -> None:
            super().__init__()
            self.strip = strip
            self.active = active

        @property
        def control(self) -> TabStrip:
            return self.strip

    def __init__(self, titles: dict[str, str], **kwargs) -> None:
        super().__init__(**kwargs)
        self.titles = dict(titles)
        self._ids = list(self.titles)
        self.set_reactive(TabStrip.active, self._ids[0])

    def _spans(self) -> list[tuple[int, int]]:
        """Each tab's cells, its padding of one on either side included."""
        spans, x = [], 0
        for title in self.titles.values():
            width = cell_len(title) + 2
            spans.append((x, x + width))
            x += width
        return spans

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y == 0:
            segments = []
            for index, (pane, title) in enumerate(self.titles.items()):
                name = (
                    "active" if pane == self.active else "hover" if index == self._hover else "tab"
                )
                style = base + self.get_component_rich_style(f"tab-strip--{name}")
                segments.append(Segment(f" {title} ", style))
            strip = Strip(segments)
        elif y == 1:
            start, end = self._spans()[self._ids.index(self.active)]
            style = self.get_component_rich_style("tab-strip--bar")
            bar = Bar(
                highlight_range=(start + 1, end - 1),  # under the title, not its padding
                highlight_style=Style.from_color(style.color),
                background_style=Style.from_color(style.bgcolor),
                width=width,
            )
            console = self.app.console
            options = console.options.update_width(width)
            text = Text().join(bar.__rich_console__(console, options))  # type: ignore[arg-type]
            strip = Strip(text.render(console), text.cell_len).apply_style(base)
        else:
            return Strip.blank(width, base)
        return strip.crop(0, width).extend_cell_length(width, base)

    def watch_active(self, active: str) -> None:
        self.post_message(self.Changed(self, active))

    def action_move(self, step: int) -> None:
        self.active = self._ids[(self._ids.index(self.active) + step) % len(self._ids)]

    def _at(self, x: int) -> int | None:
        return next((i for i, (a, b) in enumerate(self._spans()) if a <= x < b), None)

    def on_click(self, event: events.Click) -> None:
        index = self._at(event.x)
        if index is not None:
            self.active = self._ids[index]

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover = self._at(event.x) if event.y == 0 else None

    def on_leave(self) -> None:
        self._hover = None
