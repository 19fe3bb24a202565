"""Issue 6: a seeded random walk over every screen must never crash the app.

The monkey sends thousands of events the way a terminal would deliver them: keys and mouse
button presses posted to the app (not through Pilot, whose idle waits cost 40 ms a key), plus
terminal resizes and fake-clock moves that tick whichever countdown is on top. After each
event it lets the app settle, like a person who reads before pressing the next key.

Keys typed ahead of the app (before a new screen has mounted, or behind a quit) are pinned
by the small tests at the end of this file; those crashes were found by walks that settled
only every few events.

Replay a failure with the seed printed in the assertion message:

    CALF_MONKEY_SEED=1234 python -m pytest tests/screens/test_robust_monkey.py -q

CALF_MONKEY_EVENTS sets the number of events (default 5000). CALF_MONKEY_SETTLE_EVERY=N
settles only every N events, so keys queue up (type-ahead): a harsher walk for exploring.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import warnings
from collections import Counter, deque

import pytest
from textual import events
from textual.command import CommandList, CommandPalette

from screens.app.shell import make_app
from tests.conftest import FakeClock
from tests.support.robust_support import settle, wait_until

DEFAULT_SEED = 12
"""A seed whose walk reaches every screen. Where a walk goes depends on every screen's
keys, so a change to them can move it: 6062024 stopped reaching StillCramping when
dialogs gained their own ! and ? keys (it spent 1,100 events on Red flags instead);
11 stopped reaching CauseCheck, and 22 and 33 StillCramping, when the hold and routine
gained `v` (voice) and narrow footers began to drop keys (#14); 44 stopped reaching
StillCramping when `!` and `?` came to be listed after every other key and the relief
keys stopped being bindings; 5 stopped reaching StillCramping when the "do not stretch"
gate gained "which one?" and get-help screens stopped taking keys in their first second
(#26, #27); 6 stopped reaching StillCramping when the gate got one-line cases on short
windows and "0" at the check-in after a recorded night came to open a dialog; the walk's
app also took the hour from the wall clock, so a seed chosen at night could miss a
screen by day (7 did): the app now starts at noon, and 12 reaches all (so does 13;
each passed three runs with `-W error::UserWarning`). Seeds 7 and 9 found two
crashes on the way (`!` typed into the medicine box; a history read shown after the
history was closed), pinned by tests of their own."""
SEED = int(os.environ.get("CALF_MONKEY_SEED") or DEFAULT_SEED)
EVENTS = int(os.environ.get("CALF_MONKEY_EVENTS") or 5000)
SETTLE_EVERY = int(os.environ.get("CALF_MONKEY_SETTLE_EVERY") or 1)
WALK_TIME_LIMIT = 600.0

# Screens are named, not imported, so a renamed module fails one assertion, not collection.
MUST_VISIT = {
    "SidePicker",
    "NotSure",
    "SafetyCheck",
    "HoldScreen",
    "FollowUp",
    "StillCramping",
    "CauseCheck",
    "TipsScreen",
    "RedFlags",
    "RoutineScreen",
    "HistoryScreen",
    "HelpScreen",
}

NEVER_SENT = {"ctrl+c", "ctrl+q", "ctrl+p"}
"""Ctrl+C and Ctrl+Q quit from anywhere. Ctrl+P opens Textual's command palette, its own
screen and input box: walks that opened it stalled now and then after its Quit was picked
(app._exit set, the app never stopped), and paging it too early is a known crash
(test_paging_a_just_opened_command_palette)."""
QUIT_ON_PICKER = {"q", "escape"}
"""The picker's Quit binding."""

RANDOM_KEYS = [
    *"abcdefghijklmnopqrstuvwxyz",
    *"0123456789",
    *"ABXYZ",
    "space",
    "enter",
    "tab",
    "shift+tab",
    "up",
    "down",
    "left",
    "right",
    "home",
    "end",
    "pageup",
    "pagedown",
    "backspace",
    "delete",
    "escape",
    "plus",
    "minus",
    "equals_sign",
    "exclamation_mark",
    "question_mark",
    "full_stop",
    "ctrl+a",
    "ctrl+d",
    "ctrl+l",
    "f1",
    "insert",
]
CHARACTERS = {
    "space": " ",
    "plus": "+",
    "minus": "-",
    "equals_sign": "=",
    "exclamation_mark": "!",
    "question_mark": "?",
    "full_stop": ".",
    "enter": "\r",
    "tab": "\t",
    "escape": "\x1b",
    "backspace": "\x7f",
}
CLOCK_STEPS = (0.3, 0.5, 1, 1, 2, 3, 5, 8, 13, 21, 45, 61, 200)

# Share of events of each kind. A screen change costs Textual 100-200 ms of styling and
# layout on a small machine, an ignored key or a clock move under 5 ms, so most keys are
# ones the screen does not bind and 5,000 events stay near a minute.
WEIGHTS = {"footer": 6, "key": 40, "click": 6, "clock": 46, "resize": 2}
BOUND_KEY_SHARE = 0.15
"""Of the "key" events, the share drawn from the screen's bindings (hidden ones included)."""


def key_event(key: str) -> events.Key:
    """A Key event as the terminal driver makes it: printable keys carry their character."""
    return events.Key(key, key if len(key) == 1 else CHARACTERS.get(key))


def click_events(x: int, y: int) -> list[events.MouseEvent]:
    """Left button down then up on one cell; the app turns the pair into a Click."""
    return [
        cls(None, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y)
        for cls in (events.MouseDown, events.MouseUp)
    ]


class Monkey:
    def __init__(self, content, data_dir, seed: int, total: int) -> None:
        self.content = content
        self.data_dir = data_dir
        self.rng = random.Random(seed)
        self.total = total
        self.clock = FakeClock()
        self.sent = 0
        self.apps = 0
        self.visited: Counter[str] = Counter()
        self.kinds: Counter[str] = Counter()
        self.log: deque[str] = deque(maxlen=40)
        self.help_opened_at_end = False
        self.changes = 0
        self.last_screen = None

    async def run(self) -> None:
        while self.sent < self.total:
            self.apps += 1
            app = make_app(self.content, data_dir=self.data_dir, clock=self.clock, hour=12)
            size = (self.rng.randint(40, 120), self.rng.randint(12, 40))
            self.log.append(f"-- app {self.apps} at {size[0]}x{size[1]}")
            async with app.run_test(size=size) as pilot:
                await self.walk(app, pilot)
                if app.is_running:
                    await self.check_still_responds(app, pilot)
            # run_test has re-raised anything that reached the app; check anyway.
            assert app._exception is None, app._exception
            if self.sent < self.total:
                # The walk quit by a route the key filter cannot see (the footer's Quit
                # under a click, the command palette's Quit): that must be a clean exit.
                assert app.return_code == 0, f"app quit with {app.return_code}"

    async def walk(self, app, pilot) -> None:
        kinds, weights = list(WEIGHTS), list(WEIGHTS.values())
        while self.sent < self.total:
            if not app.is_running:
                return
            screen = app.screen
            name = type(screen).__name__
            self.visited[name] += 1
            if screen is not self.last_screen:
                self.changes += 1
                self.last_screen = screen
            timer = getattr(screen, "timer", None)
            if name == "HoldScreen" and timer is not None and timer.done:
                # TIME'S UP: press Next at once, so the walk never depends on the screen's
                # own 3 s real-time timer. The tick first: if the clock ran out under another
                # screen, the hold's real-time ticker (up to 1 s away) has not noticed yet.
                screen.call_later(screen.tick)
                self.post_key(app, "enter", "next", name)
            else:
                await getattr(self, "do_" + self.rng.choices(kinds, weights)[0])(app, pilot)
            self.sent += 1
            if self.sent % SETTLE_EVERY == 0:
                await settle(pilot)

    def post_key(self, app, key: str, kind: str, name: str) -> None:
        self.log.append(f"{kind} {key} on {name}")
        self.kinds[kind] += 1
        app.post_message(key_event(key))

    def safe(self, key: str, screen) -> bool:
        if key in NEVER_SENT:
            return False
        return not (type(screen).__name__ == "SidePicker" and key in QUIT_ON_PICKER)

    async def do_footer(self, app, pilot) -> None:
        screen = app.screen
        shown = [
            key
            for key, active in screen.active_bindings.items()
            if active.binding.show and self.safe(key, screen)
        ]
        if not shown:
            await self.do_key(app, pilot)
            return
        self.post_key(app, self.rng.choice(shown), "footer", type(screen).__name__)

    async def do_key(self, app, pilot) -> None:
        screen = app.screen
        bound = [k for k in screen.active_bindings if self.safe(k, screen)]
        if bound and self.rng.random() < BOUND_KEY_SHARE:
            key = self.rng.choice(bound)
        else:
            key = self.rng.choice([k for k in RANDOM_KEYS if k not in bound])
        if not self.safe(key, screen):
            key = "question_mark"
        self.post_key(app, key, "key", type(screen).__name__)

    async def do_click(self, app, pilot) -> None:
        width, height = app.size
        x, y = self.rng.randrange(width), self.rng.randrange(height)
        self.log.append(f"click {x},{y} on {type(app.screen).__name__}")
        self.kinds["click"] += 1
        if self.rng.random() < 0.1:
            await pilot.click(offset=(x, y))  # Pilot's own route, now and then
        else:
            for event in click_events(x, y):
                app.post_message(event)

    async def do_clock(self, app, pilot) -> None:
        screen = app.screen
        step = self.rng.choice(CLOCK_STEPS)
        self.clock.advance(step)
        self.log.append(f"clock +{step}s on {type(screen).__name__}")
        self.kinds["clock"] += 1
        if hasattr(screen, "tick"):
            # On the screen's own queue, as its timer would call it.
            screen.call_later(screen.tick)

    async def do_resize(self, app, pilot) -> None:
        width, height = self.rng.randint(20, 200), self.rng.randint(8, 60)
        self.log.append(f"resize {width}x{height}")
        self.kinds["resize"] += 1
        await pilot.resize_terminal(width, height)

    async def check_still_responds(self, app, pilot) -> None:
        """After the walk, back at a normal size, ! must bring up when to get help."""
        await settle(pilot)
        await pilot.resize_terminal(80, 24)
        await pilot.press("exclamation_mark")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "RedFlags", "! opens help")
        self.help_opened_at_end = True


@pytest.fixture
def private_cwd(tmp_path, monkeypatch):
    """The command palette can save a screenshot: keep it (and HOME) in the temp dir."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DOWNLOAD_DIR", str(tmp_path))
    return tmp_path


@pytest.mark.slow
async def test_random_walk_over_every_screen_never_crashes(content, private_cwd):
    monkey = Monkey(content, private_cwd / "data", SEED, EVENTS)
    try:
        # A hung app fails the test instead of hanging the run.
        await asyncio.wait_for(monkey.run(), timeout=WALK_TIME_LIMIT)
    except BaseException as error:
        recent = "\n  ".join(monkey.log)
        raise AssertionError(
            f"monkey seed {SEED} failed at event {monkey.sent}: {error!r}\n"
            f"replay: CALF_MONKEY_SEED={SEED} python -m pytest {__file__}\n"
            f"last events:\n  {recent}"
        ) from error
    assert monkey.sent >= EVENTS
    assert monkey.help_opened_at_end, f"seed {SEED}: ! did not open help at the end"
    missed = sorted(MUST_VISIT - set(monkey.visited))
    coverage = f"seed {SEED}: never reached {missed}; visits: {dict(monkey.visited)}"
    if SEED == DEFAULT_SEED:
        assert not missed, coverage
    elif missed:  # another seed is replayed for its crash, not for where it wanders
        warnings.warn(coverage, stacklevel=1)
    assert all(monkey.kinds[k] for k in ("footer", "key", "click", "clock", "resize"))


# Type-ahead: keys that arrive together (pasted, or typed while the app is busy) can reach a
# screen before it has composed, or an app that is already closing. Each of these crashed the
# app with a traceback until the fixes in 479b696.


async def _send_together(app, pilot, keys: list[str]) -> None:
    for key in keys:
        app.post_message(key_event(key))
    for _ in range(5):
        await pilot.pause()


async def test_keys_typed_before_a_question_is_up_do_not_answer_it(content, tmp_path):
    """Typed together with "d" (eased), while the hold is still up: none of "7", "y",
    "enter" answers "has it eased?", which was not yet on screen."""
    app = make_app(content, data_dir=tmp_path, clock=FakeClock(), side="back")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: type(app.screen).__name__ == "SafetyCheck", "check")
        await pilot.pause()
        await pilot.press("n")  # no swollen leg
        await wait_until(pilot, lambda: type(app.screen).__name__ == "HoldScreen", "hold")
        await pilot.pause()
        await _send_together(app, pilot, ["d", "7", "y", "enter", "enter"])
        await settle(pilot)
        assert type(app.screen).__name__ == "FollowUp"
        assert app.screen.severity is None and app.flow.episode.outcome is None
        await pilot.press("y")  # pressed once it is up: taken
        await wait_until(pilot, lambda: type(app.screen).__name__ == "AfterCareScreen", "after")
        assert app.flow.episode.outcome == "gone"


@pytest.mark.parametrize("then", ["exclamation_mark", "question_mark", "b", "h"])
async def test_keys_typed_together_with_quit_do_not_crash(content, tmp_path, then):
    app = make_app(content, data_dir=tmp_path, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: type(app.screen).__name__ == "SidePicker", "picker")
        await _send_together(app, pilot, ["q", then])
    # run_test has raised if anything reached the app; it either quit cleanly or carries on.
    assert app.return_code in (None, 0)


@pytest.mark.parametrize("then", ["exclamation_mark", "question_mark"])
async def test_keys_typed_together_are_handled_in_order(content, tmp_path, then):
    app = make_app(content, data_dir=tmp_path, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: type(app.screen).__name__ == "SidePicker", "picker")
        await _send_together(app, pilot, ["q", then])
    assert app.return_code == 0


@pytest.mark.parametrize("page", ["pageup", "pagedown"])
async def test_paging_a_just_opened_command_palette(content, tmp_path, page):
    app = make_app(content, data_dir=tmp_path, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: type(app.screen).__name__ == "SidePicker", "picker")
        await _send_together(app, pilot, ["ctrl+p", page])
        assert isinstance(app.screen, CommandPalette)


async def test_paging_still_works_once_the_palette_shows_its_list(content, tmp_path):
    """The guard above drops only keys that have nothing to page yet."""
    app = make_app(content, data_dir=tmp_path, clock=FakeClock())
    async with app.run_test(size=(80, 12)) as pilot:
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette), "palette")
        await pilot.press("down")  # opens the list of every command
        commands = app.screen.query_one(CommandList)
        await wait_until(pilot, lambda: commands.option_count > 3, "commands listed")
        await wait_until(pilot, lambda: commands.size.height > 0, "list laid out")
        before = commands.highlighted
        await pilot.press("pagedown")
        await pilot.pause()
        assert commands.highlighted is not None and commands.highlighted > (before or 0)


# Found by the walk: "!" did nothing on the app's dialogs (Textual offers App bindings to a
# ModalScreen only when they have priority).
@pytest.mark.parametrize("screen", ["not-sure", "help", "confirm-delete"])
async def test_exclamation_mark_opens_red_flags_over_every_modal(content, tmp_path, screen):
    from tests.support.routes import ROUTES
    from tests.support.stores import seed_history

    start, route = ROUTES[screen]
    if start == "history":
        seed_history(tmp_path)
    clock = FakeClock()
    app = make_app(content, data_dir=tmp_path, clock=clock, start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await route(pilot, clock)
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "RedFlags"


# Seen once in a monkey walk: a click and a key answered the safety check together. The
# second dismiss() popped the screen that came next, or raised on an empty stack.
async def test_a_screen_answered_twice_keeps_the_first_answer(content, tmp_path):
    app = make_app(content, data_dir=tmp_path, clock=FakeClock(), side="back")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: type(app.screen).__name__ == "SafetyCheck", "check")
        check = app.screen
        check.action_answer("no")
        check.action_answer("yes")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "HoldScreen", "hold")
        await settle(pilot)
        assert type(app.screen).__name__ == "HoldScreen"


async def test_a_screen_answered_twice_keeps_the_first_answers_removal(content, tmp_path):
    """The driver waits on `leaving` before the next screen: a second answer must not
    swap it for the empty one it gets back."""
    app = make_app(content, data_dir=tmp_path, clock=FakeClock(), side="back")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: type(app.screen).__name__ == "SafetyCheck", "check")
        check = app.screen
        first = check.dismiss("no")
        second = check.dismiss("yes")
        assert check.leaving is first and second is not first
        await wait_until(pilot, lambda: type(app.screen).__name__ == "HoldScreen", "hold")
        assert first.is_done


async def test_a_dialog_answered_twice_keeps_the_first_answer(content, tmp_path):
    app = make_app(content, data_dir=tmp_path, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: type(app.screen).__name__ == "SidePicker", "picker")
        await pilot.press("n")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "NotSure", "not sure")
        dialog = app.screen
        dialog.dismiss("front")
        dialog.dismiss(None)
        await wait_until(pilot, lambda: type(app.screen).__name__ == "SafetyCheck", "check")
        await settle(pilot)
        assert app.flow is not None and app.flow.episode.side == "front"
        names = [type(s).__name__ for s in app.screen_stack]
        assert names[-2:] == ["SidePicker", "SafetyCheck"], names


@pytest.mark.parametrize("stored_skip", [False, True])
@pytest.mark.parametrize("keys", [["b", "b"], ["b", "f"]])
async def test_two_sides_typed_together_start_one_episode(content, tmp_path, keys, stored_skip):
    # #16: a stored skip_safety_check (from an older version) is ignored: always asked.
    (tmp_path / "settings.json").write_text(json.dumps({"skip_safety_check": stored_skip}))
    app = make_app(content, data_dir=tmp_path, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: type(app.screen).__name__ == "SidePicker", "picker")
        await _send_together(app, pilot, keys)
        await settle(pilot)
        names = [type(s).__name__ for s in app.screen_stack]
        assert names == ["SidePicker", "SafetyCheck"], names
        assert app.flow is not None and app.flow.episode.side == "back"


@pytest.mark.parametrize("key", ["r", "t", "h"])
async def test_a_letter_typed_twice_on_the_first_screen_opens_one_screen(content, tmp_path, key):
    app = make_app(content, data_dir=tmp_path, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: type(app.screen).__name__ == "SidePicker", "picker")
        await settle(pilot)
        await _send_together(app, pilot, [key, key])
        await settle(pilot)
        names = [type(s).__name__ for s in app.screen_stack]
        assert len(names) == 2 and names[0] == "SidePicker", names
