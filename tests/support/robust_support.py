"""Helpers shared by the issue-6 robustness tests (tests/test_robust_*.py).

Some helpers read Textual internals (message queue sizes, the screen's layout flags, the
compositor) the way Pilot itself does; textual is pinned in the test extra, so a change
there shows up as a failing robustness test rather than silently.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import io
import json
import os
import select
import signal
import struct
import sys
import termios
import time
from collections.abc import Callable

import pyte
from rich.console import Console
from textual.errors import NoWidget
from textual.geometry import Region

from tests.conftest import ROOT

# --- In-process (Pilot) helpers -------------------------------------------------------------


def _busy(app) -> bool:
    if app._batch_count:  # updates held back, e.g. delay_update()'s 50 ms after a palette pick
        return True
    screen = app.screen
    if app.message_queue_size or not screen.is_mounted:
        return True
    return any(node.message_queue_size for node in screen.walk_children(with_self=True))


def _needs_paint(screen) -> bool:
    return bool(
        screen._layout_required
        or screen._scroll_required
        or screen._repaint_required
        or screen._recompose_required
        or screen._dirty_widgets
    )


async def settle(pilot, quiet_spins: int = 3, give_up_after: float = 10.0) -> None:
    """Let the app finish reacting to what was sent, as if a person paused before the next key.

    `pilot.pause()` sleeps at least 20 ms each time to detect an idle CPU, far too slow for
    thousands of events (and it can time out if the screen closes while it waits). Instead
    spin the event loop until the app, the top screen and its widgets have empty queues, the
    top screen has mounted and no batch update holds painting back, several spins in a row
    (so a worker woken by a dismiss has had its turn to push the next screen); then lay out
    and paint the screen as its 60 Hz update timer would (Pilot does the same at the end of
    a pause), and repeat until nothing is left to do. After a few hundred spins it sleeps
    a little between checks, for work that waits on a real-time timer.
    """
    app = pilot.app
    quiet = 0
    deadline = time.monotonic() + give_up_after
    spins = 0
    while time.monotonic() < deadline:
        spins += 1
        await asyncio.sleep(0 if spins < 300 else 0.002)
        if not app.is_running or app._exception is not None:
            return
        if _busy(app):
            quiet = 0
            continue
        quiet += 1
        if quiet < quiet_spins:
            continue
        screen = app.screen
        if not _needs_paint(screen):
            return
        screen._on_timer_update()
        quiet = 0
    raise AssertionError(f"the app did not settle within {give_up_after} s on {app.screen!r}")


async def wait_until(pilot, condition: Callable[[], bool], what: str, tries: int = 100) -> None:
    """Pause until `condition()` holds; fail with `what` if it never does."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause()
    if not condition():
        raise AssertionError(f"never happened: {what}; on {pilot.app.screen!r}")


def screen_text(app) -> str:
    """What the terminal shows right now, as plain text (one line per row)."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        record=True,
        force_terminal=True,
        color_system=None,
        legacy_windows=False,
    )
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    console.print(update)
    return console.export_text(styles=False)


def flat(text: str) -> str:
    """Text with runs of whitespace (line ends included) made single spaces."""
    return " ".join(text.split())


def shown_region(widget) -> Region:
    """The part of `widget` that is on screen: inside the terminal and not clipped away by a
    scrolling container. Region() when it is not displayed at all."""
    screen = widget.screen
    try:
        geometry = screen.find_widget(widget)
    except NoWidget:
        return Region()
    return geometry.region.intersection(geometry.clip).intersection(screen.region)


def fully_shown(target) -> bool:
    """True when all of the widget is on screen and it has a size; or, for a (widget,
    region) pair, all of that region of the widget (a step of the hold's step list)."""
    widget, region = target if isinstance(target, tuple) else (target, target.region)
    return bool(region.area) and shown_region(widget).intersection(region) == region


def opening_words(text: str, limit: int = 14) -> str:
    """The first words of `text`, at most `limit` characters: short enough to sit on one line
    at 40 columns, so they can be looked for in the screen text."""
    out = ""
    for word in text.split():
        candidate = f"{out} {word}".strip()
        if len(candidate) > limit and out:
            break
        out = candidate
    return out


# --- A real pseudo-terminal -----------------------------------------------------------------


class PtyRun:
    """One `python -m coach ...` in a real pseudo-terminal, its screen read through pyte.

    Built from os.openpty() and os.fork() (what pty.fork() does inside) so that this
    process keeps the terminal's slave end open: its termios settings can be read after
    the app has exited, to see whether the app put them back.
    """

    def __init__(self, args: list[str], env: dict[str, str], size=(80, 24), cwd=None) -> None:
        self.columns, self.lines = size
        self.master, self.slave = os.openpty()
        winsize = struct.pack("HHHH", self.lines, self.columns, 0, 0)
        fcntl.ioctl(self.slave, termios.TIOCSWINSZ, winsize)
        self.attrs_before = termios.tcgetattr(self.slave)
        self.raw = bytearray()
        self.screen = pyte.Screen(self.columns, self.lines)
        self.stream = pyte.ByteStream(self.screen)
        self.status: int | None = None
        argv = [sys.executable, "-m", "coach", *args]
        pid = os.fork()
        if pid == 0:  # the child: the pty becomes its controlling terminal and its stdio
            try:
                os.setsid()
                fcntl.ioctl(self.slave, termios.TIOCSCTTY, 0)
                for fd in (0, 1, 2):
                    os.dup2(self.slave, fd)
                os.close(self.master)
                if cwd is not None:
                    os.chdir(cwd)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid = pid

    def _read(self, wait: float) -> bool:
        """Take in what the app wrote (waiting up to `wait` s); False once nothing can come."""
        ready, _, _ = select.select([self.master], [], [], wait)
        if not ready:
            return True
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # EIO: every slave end is closed
            return False
        if not chunk:
            return False
        self.raw += chunk
        self.stream.feed(chunk)
        return True

    def _pending(self) -> bool:
        return bool(select.select([self.master], [], [], 0)[0])

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for_text(self, words: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if words in self.text():
                return
            if self.poll() is not None:
                break
            self._read(0.05)
        raise AssertionError(
            f"{words!r} not shown within {timeout} s (exit status {self.status});\n"
            f"screen:\n{self.text()}\nlast output: {bytes(self.raw[-600:])!r}"
        )

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def signal(self, number: int) -> None:
        os.kill(self.pid, number)

    def poll(self) -> int | None:
        """The exit code once the app has ended (negative: killed by that signal)."""
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
        return self.status

    def wait_exit(self, timeout: float) -> int | None:
        """Read output until the app ends; its exit code, or None if still running."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._read(0.02)
            if self.poll() is not None:
                while self._pending() and self._read(0):
                    pass
                return self.status
        return None

    def attrs_now(self):
        return termios.tcgetattr(self.slave)

    def hang_up(self) -> None:
        """Close the terminal as a closed window does: the kernel hangs up its session."""
        os.close(self.master)
        self.master = -1

    def close(self) -> None:
        if self.poll() is None:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.status = -signal.SIGKILL
        for fd in (self.master, self.slave):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)


# --- `python -m coach` in a fresh process (issue 16) ----------------------------------------


def coach_env(home, **extra: str) -> dict[str, str]:
    """A small, predictable environment for a child `python -m coach`: its own HOME, data
    and cache folders under `home`, a UTF-8 locale, nothing from the machine running it."""
    from tests.conftest import ROOT

    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
        "HOME": str(home),
        "CALF_COACH_HOME": str(home / "data"),
        "CALF_COACH_CACHE": str(home / "cache"),
        "LANG": "C.UTF-8",
        "TERM": "dumb",
    }
    env.update(extra)
    return env


def run_coach(args: list[str], env: dict[str, str], stdin: str = "", stdout=None, timeout=60):
    """Run `python -m coach ARGS`; a CompletedProcess with text output (undecodable bytes
    replaced). `stdout` may be a file descriptor or file (a closed pipe, /dev/full)."""
    import subprocess

    return subprocess.run(
        [sys.executable, "-m", "coach", *args],
        input=stdin,
        stdout=subprocess.PIPE if stdout is None else stdout,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
        env=env,
        cwd=env["HOME"],
        timeout=timeout,
    )


def no_traceback(stderr: str) -> bool:
    """Neither a traceback nor Python's "Exception ignored" complaint at exit."""
    return "Traceback" not in stderr and "Exception ignored" not in stderr


def start_hold(tmp_path) -> PtyRun:
    """`calf-coach back --hold 60` in a pseudo-terminal, the gate answered "n", two
    seconds into the hold (a data folder of its own, the disclaimer already seen)."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"disclaimer_seen": True}))
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
        "HOME": str(tmp_path),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
    }
    run = PtyRun(["back", "--data-dir", str(data), "--hold", "60"], env, cwd=tmp_path)
    run.wait_for_text("Before you stretch: any of these?", timeout=30)
    run.send(b"n")
    run.wait_for_text("0:58 left", timeout=30)  # two seconds held
    return run
