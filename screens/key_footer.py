"""The footer every screen shows: Textual's Footer, rebuilt only when its keys change."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from screens.textual_private import FooterKey

Keys = tuple[tuple[Binding, bool, str] | int, ...]
"""The keys shown, then the width they were fitted to."""
KEEP = ("app.red_flags",)
"""Never dropped for width: the way to get help."""
DROP_FIRST = ("app.help", "voice", "position", "extend", "version", "eased")
"""Dropped first, in this order (help lists every key, and dropped keys still work);
then the rest from the end of the screen's list, the order keys are bound in."""


def fit(keys: Sequence[tuple[str, int]], room: int) -> set[int]:
    """Which keys (action, width) to show in `room` cells: drop the least needed first
    (help, then from the end of the screen's list, the order keys are bound in), never
    the way to get help."""
    shown = set(range(len(keys)))
    names = [action.partition("(")[0] for action, _w in keys]
    order = [i for name in DROP_FIRST for i in reversed(range(len(keys))) if names[i] == name]
    order += [i for i in reversed(range(len(keys))) if i not in order]
    for i in order:
        if sum(keys[j][1] for j in shown) <= room:
            break
        if keys[i][0] not in KEEP:
            shown.discard(i)
    return shown


class KeyFooter(Footer):
    """Textual's Footer rebuilds itself, a widget per key, every time its screen says
    the bindings *may* have changed: when it mounts, when focus moves, on each
    `refresh_bindings()`. The follow-up question rebuilt it three times in a row as it
    opened, about 7 ms and 0.3 MiB each. This one rebuilds only when the keys it would
    show are not the ones it shows.
    """

    def __init__(self) -> None:
        super().__init__(show_command_palette=False, compact=True)
        self._shown: Keys | None = None

    def compose(self) -> ComposeResult:
        self._shown = self.keys() if self._bindings_ready else None
        widgets: list[Widget] = list(super().compose())
        keys = [w for w in widgets if isinstance(w, FooterKey)]
        if len(keys) < len(widgets):  # groups: not used by this app, leave them be
            yield from widgets
            return
        sizes = [(k.action, cell_len(k.key_display) + cell_len(k.description) + 2) for k in keys]
        shown = fit(sizes, self.app.size.width)
        self.styles.grid_size_columns = len(shown)
        yield from (key for i, key in enumerate(keys) if i in shown)

    def on_resize(self) -> None:
        if self._shown is not None:
            self.call_after_refresh(self._rebuild)

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return  # as Footer does: it is rebuilt when focus comes back
        if self.is_attached and screen is self.screen:
            # Each call queues a check, not a flag: a queued call can be dropped (with
            # the screen it was queued on), and the next change must still get through.
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        if self.is_attached and self.keys() != self._shown:
            await self.recompose()

    def keys(self) -> Keys:
        """What the footer shows: each binding shown, whether it is enabled, its tooltip."""
        shown = tuple(
            (binding, enabled, tooltip)
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show
        )
        return (*shown, self.app.size.width)  # type: ignore[return-value]
