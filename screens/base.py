"""What every Calf Coach screen shares: a clear message when the window is too small.

Textual has no minimum size. Below 40x12 layouts collapse into fragments, so every
screen covers itself with one plain sentence instead, and a running countdown keeps
showing its time left there. Textual calls `on_mount`/`on_resize` for each class in
the MRO, so subclasses keep their own handlers without calling these.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.dom import DOMNode
from textual.events import Key, ScreenResume
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from coach.core.i18n import t
from screens.app.textual_private import key_clock, own_bindings

MIN_WIDTH, MIN_HEIGHT = 40, 12
SHORT_HEIGHT = 20

HELP_KEYS = (
    Binding("exclamation_mark", "app.red_flags", "Get help", id="red-flags", key_display="!"),
    Binding("question_mark", "app.help", "Help", id="help", key_display="?"),
)
"""On every screen, after its own keys: each screen binds them (SizeGuard), not the App.
Bound on the App, each was looked up as a character name (`unicodedata.lookup`) every
time Textual gathered the keys that apply, which read about 0.6 MiB of the name tables
into memory; `key_display` spares the same lookup where the footer and help draw them."""


class TooSmall(Static):
    SCOPED_CSS = False  # the rule below starts at the screen, outside this widget
    DEFAULT_CSS = """
    TooSmall {
        dock: top;
        width: 100%;
        height: 100%;
        display: none;
        background: $background;
        color: $text;
        text-style: bold;
        padding: 0 1;
    }
    .-too-small > TooSmall {
        display: block;
    }
    .-too-small {
        overflow: hidden hidden;  /* no scrollbar drawn over the message */
    }
    """


def translate_bindings(node: DOMNode) -> None:
    """Show binding descriptions in the person's language (Footer and help read them)."""
    own = own_bindings(node)
    for key, bindings in own.items():
        own[key] = [
            replace(b, description=t(b.description)) if b.description else b for b in bindings
        ]


class SizeGuard:
    """Mixin for Screen and ModalScreen."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        translate_bindings(self)  # type: ignore[arg-type]
        own = own_bindings(self)  # type: ignore[arg-type]
        for binding in HELP_KEYS:  # unless the screen uses the key (help closes with `?`)
            own.setdefault(binding.key, [replace(binding, description=t(binding.description))])

    _shown_at: float | None = None
    _answered: bool = False

    def on_mount(self) -> None:
        self.check_size()
        self._shown_at = key_clock()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """As Textual's, but a notice is plain text unless asked: notices carry error text
        and paths (a data folder called `a[b]`), which must not be parsed as markup."""
        super().notify(  # type: ignore[misc]
            message, title=title, severity=severity, timeout=timeout, markup=markup
        )

    styled_before_resume = False
    """Set on the app's first screen (CalfCoach.get_default_screen): see on_screen_resume."""

    def on_screen_resume(self, event: ScreenResume) -> None:
        # On top again (a dialog closed, or home after an episode): keys typed while
        # the screen before was still up are not for this one either.
        self._shown_at = key_clock()
        if self.styled_before_resume:
            # The app's first screen, styled node by node as it was registered, with
            # style sheets all parsed before it. Textual styles every node again when
            # it first resumes (about 4 ms of the first frame); not needed here, once.
            # A pushed screen whose file is new is different: Textual parses its file
            # only after registering it, and that second styling is what applies it.
            # Runs before Screen's own handler, which reads the flag (MRO order).
            self.styled_before_resume = False
            event.refresh_styles = False

    def came_too_soon(self, key: Key) -> bool:
        """Whether `key` was pressed before this screen was put up. The app drops such
        keys (see CalfCoach.on_event): Enter mashed at TIME'S UP must not answer the
        question that follows, and a second q must not quit from the first screen."""
        return self._shown_at is None or key.time < self._shown_at

    def dismiss(self, result: object = None) -> AwaitComplete:
        """Answer once. A click and a key that arrive together can both answer; the second
        would pop whatever screen came next (or crash on an empty stack)."""
        if self._answered:
            return AwaitComplete()
        self._answered = True
        return super().dismiss(result)  # type: ignore[misc]

    def on_resize(self) -> None:
        self.check_size()

    def check_size(self) -> None:
        size = self.app.size  # type: ignore[attr-defined]
        small = size.width < MIN_WIDTH or size.height < MIN_HEIGHT
        if small and not self.query("#too-small"):  # type: ignore[attr-defined]
            # Mounted the first time it is needed: most windows never are this small,
            # and one widget less is one less to style on the way to the first frame.
            self.mount(TooSmall(id="too-small"))  # type: ignore[attr-defined]
        self.set_class(small, "-too-small")  # type: ignore[attr-defined]
        self.set_class(size.height < SHORT_HEIGHT, "-short")  # type: ignore[attr-defined]
        # Big bordered choices need height; on a short window one line each still reads.
        for choice in self.query(".choice"):  # type: ignore[attr-defined]
            choice.set_class(size.height < SHORT_HEIGHT, "-compact")
        if small:
            self.update_too_small()

    def update_too_small(self) -> None:
        if not self.has_class("-too-small"):  # type: ignore[attr-defined]
            return
        lines = [
            t(
                "Window too small. Make it larger: at least {size}.",
                size=f"{MIN_WIDTH} x {MIN_HEIGHT}",
            )
        ]
        timer = getattr(self, "timer", None)
        if timer is not None and timer.started:
            left = timer.seconds_left()
            state = (
                t("TIME'S UP") if timer.done else t("PAUSED") if timer.paused else t("Time left")
            )
            from coach.core.timer import clock_text  # loaded with the timer, not at start-up

            lines.insert(0, f"{state}: {clock_text(left)}")
        for widget in self.query(TooSmall):  # type: ignore[attr-defined]
            widget.update("\n".join(lines))


Result = TypeVar("Result")


class CoachScreen(SizeGuard, Screen[Result]):
    pass


class HomeScreen(CoachScreen[None]):
    """The first screen, under every flow: the app goes back to it, never stacks two."""


class CoachModal(SizeGuard, ModalScreen[Result]):
    """A dialog. It binds `!` and `?` itself, as every screen does (SizeGuard): App keys
    reach a ModalScreen only with priority, and a priority key is acted on as it
    arrives, ahead of keys typed just before it (typed together, "q!" opened the red
    flags and q then closed them)."""
