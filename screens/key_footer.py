"""The footer every screen shows: Textual's Footer, rebuilt only when its keys change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer

Keys = tuple[tuple[Binding, bool, str], ...]


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
        yield from super().compose()

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
        return tuple(
            (binding, enabled, tooltip)
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show
        )
