"""The footer every screen shows: the keys that apply, all drawn by one widget.

Textual's Footer draws each key as a widget of its own (FooterKey) and builds them all
again whenever the keys may have changed. Each widget has its message queue, its
styles and those of its two parts, and its render caches: the footers of a hold, of its
TIME'S UP and of the question after it were the largest share of what `calf-coach back`
used beyond a bare Textual app (bench figure 5).
Here one widget draws them, with the styles FooterKey's CSS gives each key, and does
what a FooterKey does under the mouse. tests/test_key_footer.py compares the two, cell
by cell, on every theme.

The bar itself is not Textual's Footer either: that is a scrolling container made to
hold a widget per key, and loading it (with FooterKey and their styles) slowed every
start. KeyFooter gives the bar the colours and place Footer's CSS gives it.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

from coach.core.i18n import t

Shown = tuple[Binding, bool, str]
"""A key shown: its binding, whether it is enabled, its tooltip."""
Keys = tuple[tuple[Shown, ...], int]
"""The keys that apply, then the width they were fitted to."""
KEEP = ("app.red_flags",)
"""Never dropped for width: the way to get help."""
DROP_FIRST = ("app.help", "voice", "position", "extend", "version", "eased")
"""Dropped first, in this order (help lists every key, and dropped keys still work);
then the rest from the end of the screen's list, the order keys are bound in."""
DIM = Style(dim=True)


def short_label(label: str) -> str:
    """A label cut at its first comma, colon or bracket ("Yes, one leg is swollen" ->
    "Yes"), for a narrow window."""
    for mark in (",", ":", "(", "，", "：", "（"):
        label = label.split(mark, 1)[0]
    return label.strip()


Form = str
"""What a key shows after it: its label, its short label, or "" (the key alone)."""


def fit_labels(keys: Sequence[tuple[str, str, str]], room: int) -> dict[int, Form]:
    """Which keys (action, key as written, label) to show in `room` cells, and with what
    after each: every key stays while it can. Labels are cut short, then left off, the
    least needed first (help, then from the end of the screen's list, the order keys
    are bound in), the way to get help last; only if the keys alone do not fit are
    keys dropped (never the way to get help)."""
    names = [action.partition("(")[0] for action, _k, _l in keys]
    order = [i for name in DROP_FIRST for i in reversed(range(len(keys))) if names[i] == name]
    order += [i for i in reversed(range(len(keys))) if i not in order]
    order.sort(key=lambda i: keys[i][0] in KEEP)  # stable: the way to get help last
    shown: dict[int, Form] = {i: label for i, (_a, _k, label) in enumerate(keys)}

    def width() -> int:
        cells = [cell_len(keys[i][1]) + (cell_len(f) + 1 if f else 0) for i, f in shown.items()]
        return sum(cells) + max(len(cells) - 1, 0)  # one space between keys

    for i in order:
        if width() <= room:
            return shown
        shown[i] = short_label(shown[i])
    for i in order:
        shown[i] = ""
    if width() <= room:  # every key alone fits: words back, the most needed first
        for i in reversed(order):
            label = keys[i][2]
            for form in (label, short_label(label), label.split(" ", 1)[0]):
                shown[i] = form
                if width() <= room:
                    break
            else:
                shown[i] = ""
                break  # no words for a key less needed than this one either
        return shown
    for i in order:
        if width() <= room:
            break
        if keys[i][0] not in KEEP:
            del shown[i]
    return shown


class KeyRow(Widget):
    """The keys, each drawn as a compact FooterKey draws itself, one space apart, its
    description in the person's language.

    Its CSS is FooterKey's. A hovered key takes FooterKey:hover's colours from the
    `hover` parts; on the key's own parts those replace rather than lie over it, the
    same in every theme, whose key and description backgrounds are transparent (or, in
    textual-ansi, the terminal's own, as the hover one is).

    The row fills the bar, so new keys (TIME'S UP puts up others) are a repaint of one
    line, not a new layout of the whole screen.
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "key-row--key",
        "key-row--description",
        "key-row--hover",
        "key-row--hover-key",
        "key-row--hover-description",
    }
    DEFAULT_CSS = """
    KeyRow {
        width: 1fr;
        height: 1;
        text-wrap: nowrap;
        background: $footer-item-background;
        & > .key-row--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-row--description {
            padding: 0 0 0 1;
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-row--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        & > .key-row--hover-key {
            color: $footer-key-foreground;
            background: $block-hover-background;
            text-style: bold;
        }
        & > .key-row--hover-description {
            color: $footer-description-foreground;
            background: $block-hover-background;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.set_reactive(Widget.shrink, False)
        self.keys: list[Shown] = []
        self.labels: list[Form] = []
        self.hovered: int | None = None
        self._spans: list[tuple[int, int]] = []

    def show(self, keys: list[Shown], labels: list[Form] | None = None) -> None:
        """Draw these keys, each with its label in `labels` (None: its whole one)."""
        self._hover(None)  # as when FooterKeys are built again: none is under the mouse
        self.keys = keys
        self.labels = labels if labels is not None else [t(b.description) for b, _e, _t in keys]
        self.refresh()

    def label(self, index: int) -> Text:
        """FooterKey.render for key `index`, compact."""
        binding, enabled, _tooltip = self.keys[index]
        part = "key-row--hover-" if index == self.hovered else "key-row--"
        key_style = self.get_component_rich_style(part + "key")
        text_style = self.get_component_rich_style(part + "description")
        base = self.get_component_rich_style("key-row--hover") if index == self.hovered else None
        if not enabled:  # FooterKey.-disabled: dim, on the key and both its parts
            key_style, text_style = key_style + DIM, text_style + DIM
        pad = self.get_component_styles("key-row--key").padding
        display = " " * pad.left + self.app.get_key_display(binding) + " " * pad.right
        words = self.labels[index] if index < len(self.labels) else t(binding.description)
        if words:
            pad = self.get_component_styles("key-row--description").padding
            text = " " * pad.left + words + " " * pad.right
            label = Text.assemble((display, key_style), (text, text_style))
        else:
            label = Text.assemble((display, key_style))
        base = self.rich_style if base is None else base
        label.stylize_before(base if enabled else base + DIM)
        return label

    def render(self) -> Text:
        line, self._spans = Text(), []
        for index in range(len(self.keys)):
            if index:
                line.append(" ")  # FooterKey's margin, on the footer's background
            start = line.cell_len
            line.append_text(self.label(index))
            self._spans.append((start, line.cell_len))
        return line

    def key_at(self, x: int) -> int | None:
        return next((i for i, (a, b) in enumerate(self._spans) if a <= x < b), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover(self.key_at(event.x))

    def on_leave(self, _event: events.Leave) -> None:
        self._hover(None)

    def _hover(self, index: int | None) -> None:
        if index == self.hovered:
            return
        self.hovered = index
        self.styles.pointer = "default" if index is None else "pointer"
        self.tooltip = self.keys[index][2] or None if index is not None else None
        self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """As FooterKey: press the key, or ring the bell if it is disabled."""
        index = self.key_at(event.x)
        if index is None:
            return
        binding, enabled, _tooltip = self.keys[index]
        if enabled:
            self.app.simulate_key(binding.key)
        else:
            self.app.bell()


class KeyFooter(Widget):
    """The bar at the bottom, as Textual's compact Footer without the palette key, its
    keys drawn by one KeyRow, updated only when the keys it would show are not the ones
    it shows. Textual's rebuilt itself, a widget per key, every time its screen said the
    bindings *may* have changed: when it mounts, when focus moves, on each
    `refresh_bindings()`. Binding groups are not used by this app.
    """

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    KeyFooter {
        layout: horizontal;
        color: $footer-foreground;
        background: $footer-background;
        dock: bottom;
        height: 1;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._shown: Keys | None = None
        self._ready = False
        self._row = KeyRow()
        """Kept, not queried: a check can come while it is not mounted yet, or any more."""

    def compose(self) -> ComposeResult:
        yield self._row

    def on_mount(self) -> None:  # as Footer: the screen says when its keys may change
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def on_resize(self) -> None:
        if self._shown is not None:
            self.call_after_refresh(self._rebuild)

    def bindings_changed(self, screen: Screen) -> None:
        self._ready = True
        if not screen.app.app_focus:
            return  # as Footer does: it is rebuilt when focus comes back
        if self.is_attached and screen is self.screen:
            # Each call queues a check, not a flag: a queued call can be dropped (with
            # the screen it was queued on), and the next change must still get through.
            self.call_after_refresh(self._rebuild)

    def _rebuild(self) -> None:
        if not (self.is_attached and self._ready):
            return
        keys = self.keys()
        if keys == self._shown:
            return
        self._shown = keys
        per_action: dict[str, Shown] = {}  # as Footer: one key per action, the first
        for shown in keys[0]:
            per_action.setdefault(shown[0].action, shown)
        row = list(per_action.values())
        display = self.app.get_key_display
        keys = [(b.action, display(b), t(b.description)) for b, _e, _tip in row]
        chosen = fit_labels(keys, self.room)
        self._row.show(
            [key for i, key in enumerate(row) if i in chosen],
            [chosen[i] for i in range(len(row)) if i in chosen],
        )

    @property
    def text(self) -> str:
        """The footer as drawn, in plain text."""
        return str(self._row.render())

    def keys(self) -> Keys:
        """What the footer shows: each binding shown, whether it is enabled, its tooltip."""
        shown = tuple(
            (binding, enabled, tooltip)
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show
        )
        return shown, self.room

    @property
    def room(self) -> int:
        """The cells the keys have: the bar's own width (a scrollbar of the screen can
        take the last two), else the window's."""
        return self.size.width or self.app.size.width
