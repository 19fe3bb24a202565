"""The footer every screen shows: Textual's Footer, rebuilt only when its keys change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer

Keys = tuple[tuple[str, str, str, bool, str], ...]


class KeyFooter(Footer):
    """Textual's Footer rebuilds itself, a widget per key, every time its screen says
    the bindings *may* have changed: when it mounts, when focus moves, on each
    `refresh_bindings()`. The follow-up question rebuilt it three times in a row as it
    opened, about 7 ms and 0.3 MiB each. This one rebuilds at most once per refresh,
    and only when the keys it would show are not the ones it shows.
    """

    def __init__(self) -> None:
        super().__init__(show_command_palette=False, compact=True)
        self._shown: Keys | None = None
        self._queued = False

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return  # as Footer does: it is rebuilt when focus comes back
        if self.is_attached and screen is self.screen and not self._queued:
            self._queued = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._queued = False
        if not self.is_attached:  # its screen closed before the refresh came
            return
        keys = self.keys()
        if keys != self._shown:
            self._shown = keys
            await self.recompose()

    def keys(self) -> Keys:
        """What the footer shows: key, label, action, enabled and tooltip of each."""
        return tuple(
            (binding.key, binding.description, binding.action, enabled, tooltip)
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show
        )
