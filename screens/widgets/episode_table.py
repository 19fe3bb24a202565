"""The history's list of episodes at any length: a line-at-a-time table.

A DataTable holds and measures every row it is given, which takes tens of seconds
and hundreds of MiB for a history of years. This table knows only how many rows
there are; it draws the lines on screen from pages of rows it asks for (the
`Wanted` message, answered with `put_page` by the screen, which reads on a worker
thread) and keeps a few pages around the view. Column widths come from the texts a
column can hold (history_text.column_samples), never from measuring the rows.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from coach.store.history import EpisodeRecord
from coach.text.history_text import row_cells
from coach.text.history_view import PAGE

KEEP_PAGES = 12
"""Pages kept in memory; the farthest from the view are dropped first."""


class EpisodeTable(ScrollView, can_focus=True):
    """Newest first; the cursor row is the one `d` deletes."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "episode-table--header",
        "episode-table--cursor",
        "episode-table--even-row",
        "episode-table--waiting",
    }
    DEFAULT_CSS = """
    EpisodeTable {
        background: $surface;
        color: $foreground;
        height: 1fr;
        & > .episode-table--header { text-style: bold; background: $panel; color: $foreground; }
        & > .episode-table--even-row { background: $surface-lighten-1 50%; }
        & > .episode-table--waiting { color: $text-muted; }
        & > .episode-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .episode-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        &:dark > .episode-table--even-row { background: $surface-darken-1 40%; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home", "move(-1_000_000_000)", show=False),
        Binding("end", "move(1_000_000_000)", show=False),
    ]

    cursor_row: reactive[int] = reactive(0, always_update=True)

    class Wanted(Message):
        """The table has to draw rows of a page it does not hold."""

        def __init__(self, table: EpisodeTable, page: int, generation: int) -> None:
            super().__init__()
            self.table = table
            self.page = page
            self.generation = generation

    def __init__(self, headers: tuple[str, ...], samples: list[list[str]], **kwargs) -> None:
        super().__init__(**kwargs)
        self._headers = headers
        self._widths = [
            max(cell_len(h), *(cell_len(s) for s in column))
            for h, column in zip(headers, samples, strict=True)
        ]
        self.row_count = 0
        self.generation = 0
        self._pages: dict[int, list[tuple[tuple[str, ...], EpisodeRecord]]] = {}
        self._asked: set[int] = set()

    # -- the data ------------------------------------------------------------------

    def reset(self, total: int, first_page: list[EpisodeRecord] | None = None) -> None:
        """A new count of rows (after a read, a delete, an undo): every page is read again."""
        self.generation += 1
        self.row_count = total
        self._pages.clear()
        self._asked.clear()
        if first_page is not None:
            self.put_page(self.generation, 0, first_page)
        width = sum(w + 2 for w in self._widths)
        self.virtual_size = Size(width, total + 1)
        self.cursor_row = min(self.cursor_row, max(0, total - 1))
        self.refresh()

    def put_page(self, generation: int, page: int, records: list[EpisodeRecord]) -> None:
        if generation != self.generation:
            return  # read before a delete or undo: the rows have moved since
        self._pages[page] = [(row_cells(r), r) for r in records]
        self._asked.discard(page)
        if len(self._pages) > KEEP_PAGES:
            here = int(self.scroll_offset.y) // PAGE
            del self._pages[max(self._pages, key=lambda p: abs(p - here))]
        self.refresh()

    def record_at(self, index: int) -> EpisodeRecord | None:
        """The episode at `index` if its page is here (None while it is being read)."""
        rows = self._pages.get(index // PAGE)
        if rows is None or not 0 <= index % PAGE < len(rows):
            return None
        return rows[index % PAGE][1]

    def cells_at(self, index: int) -> tuple[str, ...] | None:
        rows = self._pages.get(index // PAGE)
        if rows is None or not 0 <= index % PAGE < len(rows):
            if rows is None and 0 <= index < self.row_count and index // PAGE not in self._asked:
                self._asked.add(index // PAGE)
                self.post_message(self.Wanted(self, index // PAGE, self.generation))
            return None
        return rows[index % PAGE][0]

    # -- the cursor ----------------------------------------------------------------

    def action_move(self, rows: int) -> None:
        self.cursor_row = max(0, min(self.row_count - 1, self.cursor_row + rows))

    def action_page(self, pages: int) -> None:
        self.action_move(pages * max(1, self.scrollable_content_region.height - 1))

    def watch_cursor_row(self, row: int) -> None:
        shown = max(1, self.scrollable_content_region.height - 1)  # less the header
        top = int(self.scroll_offset.y)
        if row < top:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= top + shown:
            self.scroll_to(y=row - shown + 1, animate=False, immediate=True)
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        if event.y >= 1 and self.row_count:
            self.cursor_row = min(self.row_count - 1, int(self.scroll_offset.y) + event.y - 1)

    # -- drawing -------------------------------------------------------------------

    def _line(self, cells: tuple[str, ...], style: Style) -> Strip:
        text = "".join(
            f" {set_cell_size(cell, width)} "
            for cell, width in zip(cells, self._widths, strict=True)
        )
        return Strip([Segment(text, style)], cell_len(text))

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            style = self.get_component_rich_style("episode-table--header")
            strip = self._line(self._headers, style)
        else:
            index = int(self.scroll_offset.y) + y - 1
            if index >= self.row_count:
                return Strip.blank(width, base)
            cells = self.cells_at(index)
            if cells is None:
                cells = ("…",) + ("",) * (len(self._widths) - 1)
                style = base + self.get_component_rich_style("episode-table--waiting")
            elif index == self.cursor_row:
                style = base + self.get_component_rich_style("episode-table--cursor")
            elif index % 2:
                style = base + self.get_component_rich_style("episode-table--even-row")
            else:
                style = base
            strip = self._line(cells, style)
        x = int(self.scroll_offset.x)
        return strip.crop(x, x + width).extend_cell_length(width, style)
