"""Run a program in a real pseudo-terminal and read its screen the way a person would.

Why a pty and a terminal emulator (pyte) instead of timing the Python code: what
matters to someone with a cramp is when the words reach the glass, which includes
interpreter start, imports, layout, and the bytes crossing the terminal. Every
figure in the suite is taken through this one driver, so the app and its reference
are measured identically.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import resource
import select
import signal
import struct
import termios
import time
from collections.abc import Mapping, Sequence

import pyte

KEYS = {"ctrl+c": "\x03", "enter": "\r", "escape": "\x1b", "space": " "}
_CPR = b"\x1b[6n"
_DA1 = (b"\x1b[c", b"\x1b[0c")


class ScreenTimeout(RuntimeError):
    """The expected text never showed; carries the last screen for the report."""


class PtyScreen:
    """One child process on an 80x24 (by default) pty, with its screen emulated.

    Timestamps are `time.monotonic()` values taken when bytes are read, before
    pyte parses them, so the emulator's own cost is not charged to the program.
    """

    def __init__(
        self,
        argv: Sequence[str],
        *,
        cols: int = 80,
        rows: int = 24,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        env = dict(os.environ if env is None else env)
        env["TERM"] = "xterm-256color"
        self.started = time.monotonic()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # child: size the terminal before the program can ask
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            try:
                os.execvpe(argv[0], list(argv), env)
            finally:
                os._exit(127)
        self.rusage: resource.struct_rusage | None = None
        self.status: int | None = None
        self.eof = False
        self.closed = False
        self.ended = 0.0

    # -- reading -----------------------------------------------------------------

    def pump(self, timeout: float) -> float | None:
        """Wait up to `timeout` s for output, take all that is ready, and feed pyte.

        Returns the read time, or None if nothing came. Draining before parsing keeps a
        frame that arrives in several chunks from being timed by the slowest parse.
        """
        if self.eof:
            time.sleep(timeout)
            return None
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return None
        stamp = time.monotonic()
        chunks = []
        while True:
            try:
                data = os.read(self.fd, 1 << 16)
            except OSError:  # EIO: the child closed the terminal
                data = b""
            if not data:
                self.eof = True
                break
            chunks.append(data)
            if not select.select([self.fd], [], [], 0)[0]:
                break
        data = b"".join(chunks)
        if data:
            self.stream.feed(data)
            self._answer_queries(data)
        return stamp

    def _answer_queries(self, data: bytes) -> None:
        """Reply to cursor-position and device-attribute queries like a real terminal,
        so a program that waits for an answer is not timed waiting for nothing."""
        if _CPR in data:
            self.write(f"\x1b[{self.screen.cursor.y + 1};{self.screen.cursor.x + 1}R")
        if any(query in data for query in _DA1):
            self.write("\x1b[?62;22c")

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, pattern: str, timeout: float = 20.0) -> float:
        """Seconds from fork until `pattern` is on screen (read time of the bytes)."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            stamp = self.pump(deadline - time.monotonic())
            if stamp is not None and regex.search(self.text()):
                return stamp - self.started
            if self.eof:
                break
        raise ScreenTimeout(f"/{pattern}/ not seen in {timeout} s; screen:\n{self.text()}")

    def idle(self, seconds: float) -> None:
        """Keep reading for `seconds`, so the program never blocks on a full pty."""
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            self.pump(min(left, 0.1))

    # -- writing and ending --------------------------------------------------------

    def write(self, text: str) -> None:
        with contextlib.suppress(OSError):  # the child may already be gone
            os.write(self.fd, text.encode())

    def press(self, key: str) -> None:
        self.write(KEYS.get(key, key))

    def cpu_seconds(self) -> float:
        """User+system CPU so far: rusage once reaped; while alive, the scheduler's own
        count for each thread where the kernel shows it, else /proc/PID/stat."""
        if self.rusage is not None:
            return self.rusage.ru_utime + self.rusage.ru_stime
        ticks = self._stat_seconds()
        precise = self._sched_seconds()
        # /proc/PID/stat counts 10 ms ticks, so a countdown's 2-3 ms a second reads in
        # steps of a few per cent over a minute's window. The scheduler's count (in ns,
        # where the kernel was built to show it) sums the threads alive now: if it falls
        # short of the ticks by more than a tick or two, a thread has ended, so the
        # ticks are used.
        if precise is not None and precise >= ticks - 0.02:
            return precise
        return ticks

    def _stat_seconds(self) -> float:
        with open(f"/proc/{self.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def _sched_seconds(self) -> float | None:
        total = 0.0
        try:
            for task in os.listdir(f"/proc/{self.pid}/task"):
                with open(f"/proc/{self.pid}/task/{task}/sched") as sched:
                    for line in sched:
                        if line.startswith("se.sum_exec_runtime"):
                            total += float(line.split(":")[1])  # ms
                            break
                    else:
                        return None
        except OSError:  # no such file on this kernel, or the thread just ended
            return None
        return total / 1000

    def reap(self, block: bool) -> bool:
        """Collect the exit status and rusage if the child has ended."""
        if self.rusage is None:
            pid, status, usage = os.wait4(self.pid, 0 if block else os.WNOHANG)
            if pid == 0:
                return False
            self.status, self.rusage = os.waitstatus_to_exitcode(status), usage
            self.ended = time.monotonic()
        return True

    def finish(self, key: str | None = "ctrl+c", grace: float = 5.0) -> resource.struct_rusage:
        """Ask the program to quit with `key`, then SIGKILL if it will not; return rusage."""
        if key is not None and not self.reap(block=False):
            self.press(key)
        end = time.monotonic() + grace
        while not self.reap(block=False) and time.monotonic() < end:
            self.pump(0.05)
        self.close()
        assert self.rusage is not None
        return self.rusage

    def close(self) -> None:
        """Kill the child if it still runs, reap it, and release the pty."""
        if self.rusage is None:
            os.kill(self.pid, signal.SIGKILL)
            self.reap(block=True)
        if not self.closed:
            os.close(self.fd)
            self.closed = True

    def __enter__(self) -> PtyScreen:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
