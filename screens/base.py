"""What every Calf Coach screen shares, one part per job:

- `SizeGuard`: a clear message when the window is too small;
- `KeysFromNow`: a key pressed before the screen was up is not for it;
- `AnswerOnce`: a screen answers once;
- `HelpKeysLast`: `!` (get help) and `?` (help) on every screen, after its own keys;
- `PlainNotices`: a notice is plain text;
- `HostedBy`: the app as the screens use it (`self.coach`: the voice, the country).

Textual calls `on_mount`/`on_resize` for each class in the MRO, so subclasses keep
their own handlers without calling these.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeVar, cast

from textual.await_complete import AwaitComplete
from textual.binding import ActiveBinding, Binding, BindingType
from textual.events import Key, ScreenResume
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from coach.core.i18n import t

if TYPE_CHECKING:
    from datetime import date

    from coach.content.model import Region
    from coach.system.speech import Voice

    ScreenPart = Screen[Any]
else:
    ScreenPart = object
"""A part of a screen: typed as a Screen, a plain mixin when the app runs. (A second
Screen base would take ModalScreen's styles from the dialogs: Textual reads a class's
CSS along its first base only.)"""

MIN_WIDTH, MIN_HEIGHT = 40, 12
SHORT_HEIGHT = 20

HELP_KEYS = [
    Binding("exclamation_mark", "app.red_flags", "Get help", id="red-flags", key_display="!"),
    Binding("question_mark", "app.help", "Help", id="help", key_display="?"),
]
"""On every screen, after its own keys: CoachScreen and CoachModal bind them, not the App.
Bound on the App, each was looked up as a character name (`unicodedata.lookup`) every
time Textual gathered the keys that apply, which read scattered pages of the name
tables into memory (bench figure 5); `key_display` spares the same lookup where the
footer and help draw them.
A screen that binds one of these keys itself keeps its own (help closes with `?`)."""
LAST = frozenset(binding.key for binding in HELP_KEYS)


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


class SizeGuard(ScreenPart):
    """Textual has no minimum size. Below 40x12 layouts collapse into fragments, so the
    screen covers itself with one plain sentence instead, and a running countdown keeps
    showing its time left there."""

    def on_mount(self) -> None:
        self.check_size()

    def on_resize(self) -> None:
        self.check_size()

    def check_size(self) -> None:
        size = self.app.size
        small = size.width < MIN_WIDTH or size.height < MIN_HEIGHT
        if small and not self.query("#too-small"):
            # Mounted the first time it is needed: most windows never are this small,
            # and one widget less is one less to style on the way to the first frame.
            self.mount(TooSmall(id="too-small"))
        self.set_class(small, "-too-small")
        self.set_class(size.height < SHORT_HEIGHT, "-short")
        # Big bordered choices need height; on a short window one line each still reads.
        for choice in self.query(".choice"):
            choice.set_class(size.height < SHORT_HEIGHT, "-compact")
        if small:
            self.update_too_small()

    def time_left_lines(self) -> list[str]:
        """What a running countdown keeps showing in the message (screens/countdown.py)."""
        return []

    def update_too_small(self) -> None:
        if not self.has_class("-too-small"):
            return
        lines = [
            t(
                "Window too small. Make it larger: at least {size}.",
                size=f"{MIN_WIDTH} x {MIN_HEIGHT}",
            )
        ]
        lines[:0] = self.time_left_lines()
        for widget in self.query(TooSmall):
            widget.update("\n".join(lines))


class KeysFromNow(ScreenPart):
    """Notes when the screen was put up, so the app can drop a key pressed before then.

    Textual resumes a screen each time it is put on top: when it is first shown (after
    it is mounted), and when a dialog over it closes or the app comes home to it after
    an episode; keys typed while the screen before was up are not for this one either.
    The resume event is stamped on the clock Textual stamps key presses with."""

    _shown_at: float | None = None

    def on_screen_resume(self, event: ScreenResume) -> None:
        self._shown_at = event.time

    def came_too_soon(self, key: Key) -> bool:
        """Whether `key` was pressed before this screen was put up. The app drops such
        keys (see CalfCoach.on_event): Enter mashed at TIME'S UP must not answer the
        question that follows, and a second q must not quit from the first screen."""
        return self._shown_at is None or key.time < self._shown_at


class AnswerOnce(ScreenPart):
    _answered: bool = False
    leaving: AwaitComplete | None = None
    """Once answered: done when this screen is off the stack and removed (Textual's pop),
    so a driver can let it go before building the next screen."""

    def dismiss(self, result: Any = None) -> AwaitComplete:
        """Answer once. A click and a key that arrive together can both answer; the second
        would pop whatever screen came next (or crash on an empty stack)."""
        if self._answered:
            return AwaitComplete()
        self._answered = True
        self.leaving = super().dismiss(result)
        return self.leaving


class HelpKeysLast(ScreenPart):
    """The screen's keys with `!` and `?` moved after its own, where the footer and help
    list them (a screen's BINDINGS come after those of the classes it is made from)."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        keys = super().active_bindings
        first = {key: active for key, active in keys.items() if key not in LAST}
        return first | {key: active for key, active in keys.items() if key in LAST}


class PlainNotices(ScreenPart):
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
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)


class CoachHost(Protocol):
    """What the screens use of the app beyond Textual's App (screens/app/shell.py's
    CalfCoach is one): the voice, a desktop notice, the country."""

    @property
    def voice(self) -> Voice: ...
    def remember_voice(self, on: bool) -> None: ...
    def notice_if_away(self, title: str, body: str) -> bool: ...
    def set_region(self, region_id: str | None) -> None: ...
    def action_choose_region(self) -> None: ...


class HostedBy(ScreenPart):
    @property
    def coach(self) -> CoachHost:
        """`self.app`, typed as what the screens use of it."""
        return cast("CoachHost", self.app)


class CoachParts(HelpKeysLast, KeysFromNow, AnswerOnce, PlainNotices, SizeGuard, HostedBy):
    """Every part above, as CoachScreen and CoachModal have them."""


Result = TypeVar("Result")


class CoachScreen(CoachParts, Screen[Result]):
    BINDINGS: ClassVar[list[BindingType]] = [*HELP_KEYS]


class HomeScreen(CoachScreen[None]):
    """The first screen, under every flow: the app goes back to it, never stacks two."""

    def region_changed(self, region: Region) -> None:
        """The person chose their country: show its numbers."""

    def ask_checkin(self, night: date, recorded: int = 0) -> None:
        """The diary says to ask about last night (SidePicker asks it)."""


class CoachModal(CoachParts, ModalScreen[Result]):
    """A dialog. It binds `!` and `?` itself, as every screen does: App keys reach a
    ModalScreen only with priority, and a priority key is acted on as it arrives, ahead
    of keys typed just before it (typed together, "q!" opened the red flags and q then
    closed them)."""

    BINDINGS: ClassVar[list[BindingType]] = [*HELP_KEYS]
