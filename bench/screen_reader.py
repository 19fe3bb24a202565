"""When would a console screen reader say each step of a plain-mode hold?

Runs `python -m coach --plain back --hold N` under Debian's `yasr` (a console screen
reader) in a real pseudo-terminal, driven by keys as a person would, with a logging
speech server in place of speech-dispatcher: yasr talks SSIP to it over TCP, and it
records every SPEAK and CANCEL with the time it came. A simulated voice then replays
the log as a real server would: one utterance after another, each as long as
`espeak-ng -w` makes it (its default rate), cut or dropped by a CANCEL (yasr sends one
on every key press). The table says, for each step line and TIME'S UP, when it was
printed and when it would be heard.

Not a test and not part of `run.py`: it needs yasr and espeak-ng, and takes the length
of the holds. Figures and how to read them: bench/README.md, "Screen reader".

    python bench/screen_reader.py                     # English, 60 s and 20 s holds
    python bench/screen_reader.py --lang en zh --hold 60 20
    python bench/screen_reader.py --app 10            # the full-screen app, 10 s, then q
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import wave
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pyte
from common import SKIP_SETTINGS, data_dir
from ptyscreen import PtyScreen

ROOT = Path(__file__).resolve().parent.parent
DAY_HOUR = 13
"""The coach reads the hour from the local clock (night changes the wording); TZ is set
so that the local hour is this one, whatever the machine's clock says."""
ANSI = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-B]|[=>78DEHM])")
ROWS = {
    "en": (r"^Step \d+ of \d+:", r"^Time's up", r"^\d+:\d\d left\."),
    "zh": (r"^第 ?\d+ ?步", r"^时间到", r"^还剩 ?\d+:\d\d"),
}
HOLD_HEADER = {"en": r"hold for \d+:\d\d", "zh": r"保持 ?\d+:\d\d"}
GATE = {"en": r"Answer 1-3 or n, y, q:", "zh": r"1-3"}
AFTER = {"en": r"Has the cramp eased\?", "zh": r"缓解"}
VOICE = {"en": "en", "zh": "cmn"}
APP_READY = {"en": r"Where is the cramp\?", "zh": r"哪里抽筋"}
SCREEN_READER = {"en": r"Screen reader\?", "zh": r"读屏"}


# -- the logging speech server (SSIP, the protocol yasr speaks to speech-dispatcher) --


@dataclass
class Said:
    """One SPEAK as yasr queued it, and when the simulated voice would say it."""

    queued: float
    text: str
    seconds: float = 0.0
    start: float | None = None
    end: float | None = None
    cut: bool = False


@dataclass
class SpeechServer:
    """Answers SSIP on 127.0.0.1 and logs SPEAK (with its text) and CANCEL/STOP."""

    events: list[tuple[float, str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn, contextlib.suppress(OSError):  # yasr may go before our reply
            self._talk(conn)

    def _talk(self, conn: socket.socket) -> None:
        buf, body = b"", None
        while data := conn.recv(65536):
            buf += data
            while b"\r\n" in buf:
                raw, buf = buf.split(b"\r\n", 1)
                line = raw.decode("utf-8", "replace")
                if body is not None:  # inside SPEAK: text lines up to a lone "."
                    if line == ".":
                        self.events.append((time.monotonic(), "speak", "\n".join(body)))
                        body = None
                        conn.sendall(b"225-1\r\n225 OK MESSAGE QUEUED\r\n")
                    else:
                        body.append(line[1:] if line.startswith("..") else line)
                    continue
                word = line.split(" ", 1)[0].upper()
                if word == "SPEAK":
                    body = []
                    conn.sendall(b"230 OK RECEIVING DATA\r\n")
                elif word in ("CANCEL", "STOP"):
                    self.events.append((time.monotonic(), "cancel", line))
                    conn.sendall(b"210 OK CANCELED\r\n")
                elif word == "QUIT":
                    return
                else:  # SET ...: accept every setting
                    conn.sendall(b"208 OK SET\r\n")

    def close(self) -> None:
        self.sock.close()


# -- the simulated voice ----------------------------------------------------------------


class Voice:
    """How long espeak-ng takes to say a text (the length of the wav it writes)."""

    def __init__(self, voice: str) -> None:
        self.voice, self.cache = voice, {}
        self.folder = Path(tempfile.mkdtemp(prefix="sr-voice-"))

    def seconds(self, text: str) -> float:
        if not text.strip():
            return 0.0
        if text not in self.cache:
            wav = self.folder / "said.wav"
            subprocess.run(
                ["espeak-ng", "-v", self.voice, "-w", str(wav), "--stdin"],
                input=text.encode(),
                check=True,
            )
            with wave.open(str(wav)) as w:
                self.cache[text] = w.getnframes() / w.getframerate()
        return self.cache[text]

    def replay(self, events: list[tuple[float, str, str]]) -> list[Said]:
        """Each SPEAK starts when the voice is free, and a CANCEL cuts the one being said
        and drops the queued ones, as speech-dispatcher does."""
        said: list[Said] = []
        free = 0.0
        for at, kind, text in sorted(events, key=lambda e: e[0]):
            if kind == "speak":
                one = Said(at, text, self.seconds(text))
                one.start = max(at, free)
                one.end = free = one.start + one.seconds
                said.append(one)
                continue
            for one in said:
                if one.start is not None and one.start >= at:
                    one.start = one.end = None  # never heard
                elif one.end is not None and one.end > at:
                    one.end, one.cut = at, True
            free = min(free, at)
        return said

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


# -- yasr in a pty ----------------------------------------------------------------------


class Printed(PtyScreen):
    """A PtyScreen that also keeps every line of output with the time it was read."""

    def __init__(self, *args, **kwargs) -> None:
        self.lines: list[tuple[float, str]] = []
        self._partial = b""
        super().__init__(*args, **kwargs)
        self.stream = Tolerant(self.screen)

    def _answer_queries(self, data: bytes) -> None:
        stamp = time.monotonic()
        self._partial += ANSI.sub(b"", data).replace(b"\r", b"")
        *done, self._partial = self._partial.split(b"\n")
        self.lines += [(stamp, line.decode("utf-8", "replace")) for line in done]
        super()._answer_queries(data)


class Tolerant:
    """pyte's byte stream, started again after a sequence it cannot parse (yasr passes
    on what Textual writes, and pyte raised TypeError on one CSI sequence)."""

    def __init__(self, screen: pyte.Screen) -> None:
        self.screen, self.stream = screen, pyte.ByteStream(screen)

    def feed(self, data: bytes) -> None:
        try:
            self.stream.feed(data)
        except (TypeError, ValueError):
            self.stream = pyte.ByteStream(self.screen)


def yasr_setup(folder: Path, port: int) -> Path:
    """A private copy of the system's yasr.conf that speaks SSIP to our server."""
    conf = Path("/etc/yasr/yasr.conf").read_text(encoding="latin-1")
    conf = re.sub(r"(?m)^synthesizer=.*$", "synthesizer=speech dispatcher", conf)
    conf = re.sub(r"(?m)^synthesizer port=.*$", f"synthesizer port=127.0.0.1:{port}", conf)
    path = folder / "yasr.conf"
    path.write_text(conf, encoding="latin-1")
    return path


def day_tz() -> str:
    """A POSIX TZ in which it is DAY_HOUR o'clock now (TZ "X-8" is UTC+8)."""
    ahead = DAY_HOUR - datetime.now(timezone.utc).hour
    return f"CC{-ahead:+d}".replace("+", "")


def under_yasr(args: list[str], lang: str, home: Path, server: SpeechServer, cols=80, rows=24):
    """`python -m coach ARGS` under yasr, in an 80x24 pty; returns the started screen."""
    script = home / "run.sh"
    script.write_text(
        "#!/bin/sh\n"
        f"cd {ROOT} && exec {sys.executable} -m coach --lang {lang} --data-dir {home} "
        + " ".join(args)
        + "\n"
    )
    script.chmod(0o755)
    env = dict(os.environ, HOME=str(home), USER="bench", TZ=day_tz(), LANG="C.UTF-8")
    env.pop("PYTHONUNBUFFERED", None)  # as in a person's shell: a tty's stdout is line-buffered
    env["PYTHONPATH"] = str(ROOT)
    conf = yasr_setup(home, server.port)
    return Printed(["yasr", "-C", str(conf), str(script)], cols=cols, rows=rows, env=env)


# -- the plain-mode hold -----------------------------------------------------------------


@dataclass
class Row:
    text: str
    printed: float
    start: float | None
    end: float | None
    cut: bool
    next_printed: float | None


def plain_hold(lang: str, seconds: int, verbose: bool = False) -> tuple[list[Row], float]:
    """One hold in plain mode under yasr: answer the gate 'n' (then Enter), wait for the
    question after TIME'S UP, leave with q. Rows are times from the hold's first line."""
    server, voice = SpeechServer(), Voice(VOICE[lang])
    try:
        with data_dir(SKIP_SETTINGS) as home:
            term = under_yasr(["--plain", "back", "--hold", str(seconds)], lang, home, server)
            with term:
                term.wait_for(GATE[lang], timeout=30)
                term.idle(1.0)  # a person hears the question start before answering
                term.write("n\r")
                term.wait_for(AFTER[lang], timeout=seconds + 30)
                term.idle(1.0)
                # no key until all that was queued has been said: a key flushes the speech
                heard = [s.end for s in voice.replay(server.events) if s.end is not None]
                term.idle(max(heard, default=0.0) - time.monotonic() + 1.0)
                term.write("q\r")
                term.idle(2.0)
                term.finish(None, grace=5.0)
            said = voice.replay(server.events)
            lines = term.lines
    finally:
        server.close()
        voice.close()
    header = re.compile(HOLD_HEADER[lang])
    zero = next(at for at, line in lines if header.search(line))
    if verbose:
        for one in said:
            print(
                f"{one.queued - zero:8.2f} {fmt(one.start, zero)} {fmt(one.end, zero)} "
                f"{'CUT ' if one.cut else ''}{one.text!r}"
            )
    return rows_of(lines, said, lang, zero), zero


def rows_of(lines, said: list[Said], lang: str, zero: float) -> list[Row]:
    """Each step line, "left" line and TIME'S UP with the speech it set off: the SPEAKs
    queued from its printing until the next line was printed (yasr speaks new output
    within milliseconds; lines printed in the same read share their speech)."""
    wanted = [re.compile(p) for p in ROWS[lang]]
    rows: list[Row] = []
    stamps = sorted({at for at, _ in lines if at >= zero})
    is_row = [any(p.search(line) for p in wanted) for _, line in lines]
    for i, (at, line) in enumerate(lines):
        if at < zero or not is_row[i]:
            continue
        group = [line]  # and the lines it was wrapped into (Chinese is folded at 80)
        for (later_at, more), row in zip(lines[i + 1 :], is_row[i + 1 :], strict=True):
            if row or later_at - at > 0.1 or group[-1].rstrip().endswith(tuple(".!?。！？")):
                break  # a line that ends a sentence was not folded
            group.append(more)
        later = [s for s in stamps if s > at + 0.1]  # one burst of output: one line
        until = later[0] if later else float("inf")
        near = [s for s in said if at - 0.05 <= s.queued < until - 0.05]
        mine = [s for s in near if s.text.strip() and any(same(s.text, g) for g in group)]
        mine = mine or near
        heard = [s for s in mine if s.start is not None]
        rows.append(
            Row(
                line,
                at - zero,
                heard[0].start - zero if heard else None,
                heard[-1].end - zero if heard else None,
                any(s.cut or s.start is None for s in mine),
                until - zero if later else None,
            )
        )
    return rows


def same(said: str, line: str) -> bool:
    """The utterance is (part of) the printed line, or the line is part of it."""
    a, b = (" ".join(x.split()) for x in (said, line))
    return a == b or (len(a) >= 10 and a in b) or b in a


def fmt(value: float | None, zero: float = 0.0) -> str:
    return "   never" if value is None else f"{value - zero:8.1f}"


def print_table(lang: str, seconds: int, rows: list[Row]) -> None:
    print(f"\n{lang}, --hold {seconds}: seconds from the hold's first line")
    print(f"{'line':42} {'printed':>8} {'heard':>8} {'to':>8}  note")
    for row in rows:
        notes = []
        if row.start is not None and row.start - row.printed > 1.0:
            notes.append(f"{row.start - row.printed:.1f} s late")
        if row.next_printed is not None and row.end is not None and row.end > row.next_printed:
            notes.append(f"still heard {row.end - row.next_printed:.1f} s after the next line")
        if row.cut:
            notes.append("cut by a key")
        print(
            f"{row.text[:42]:42} {row.printed:8.1f} {fmt(row.start)} {fmt(row.end)}  "
            + "; ".join(notes)
        )
    up = [r for r in rows if re.search(ROWS[lang][1], r.text)]
    if up and up[0].start is not None:
        late = up[0].start - up[0].printed
        print(f"TIME'S UP heard {late:.1f} s after printing: {'on time' if late <= 1 else 'LATE'}")
    steps = [r for r in rows if re.search(ROWS[lang][0], r.text)]
    overlap = [r for r in steps if r.end and r.next_printed and r.end > r.next_printed]
    print(f"steps still heard after the next line was printed: {len(overlap)} of {len(steps)}")


# -- the full-screen app ----------------------------------------------------------------


def full_screen(seconds: float, lang: str) -> None:
    """`python -m coach` (80x24) under yasr for `seconds`, then q: what would be said."""
    server, voice = SpeechServer(), Voice(VOICE[lang])
    try:
        with data_dir(SKIP_SETTINGS) as home, under_yasr([], lang, home, server) as term:
            started = term.started
            term.idle(seconds)
            pressed = time.monotonic()
            term.write("q")
            term.idle(3.0)
            term.finish(None, grace=5.0)
        said = voice.replay(server.events)
    finally:
        server.close()
        voice.close()
    queued = sum(s.seconds for s in said)
    print(f"\nfull-screen app, {lang}: {len(said)} utterances, {queued:.1f} s of speech queued")
    print(f"q pressed at {pressed - started:.1f} s")
    # the same speech had nobody pressed a key: when each line would have been reached
    waited = voice.replay([e for e in server.events if e[0] < pressed])
    for pattern in (APP_READY[lang], SCREEN_READER[lang]):
        first = next((s for s in waited if re.search(pattern, s.text)), None)
        when = "never shown" if first is None else f"queued {first.queued - started:.2f} s, "
        if first is not None:
            when += f"heard {first.start - started:.1f}-{first.end - started:.1f} s"
        print(f"/{pattern}/ with no key pressed: {when}")
    print(f"{'queued':>7} {'heard':>8} {'to':>8}  text (seconds from the start of yasr)")
    for one in said:
        if not one.text.strip():
            continue  # blank cells: said as nothing
        text = one.text.replace("\n", " / ")
        print(
            f"{one.queued - started:7.2f} {fmt(one.start, started)} {fmt(one.end, started)}  "
            f"{'CUT ' if one.cut else ''}{text[:120]!r}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", nargs="+", default=["en"], choices=sorted(VOICE))
    parser.add_argument("--hold", nargs="+", type=int, default=[60, 20])
    parser.add_argument(
        "--app",
        type=float,
        metavar="SECONDS",
        help="instead: the full-screen app for SECONDS, then q",
    )
    parser.add_argument("--log", action="store_true", help="also print every utterance")
    options = parser.parse_args()
    for tool in ("yasr", "espeak-ng"):
        if shutil.which(tool) is None:
            print(f"needs {tool}", file=sys.stderr)
            return 2
    print(
        f"calf-coach {commit()}, yasr {package('yasr')}, espeak-ng {package('espeak-ng')}, "
        f"local hour pinned to {DAY_HOUR}:00, {datetime.now():%Y-%m-%d}"
    )
    if options.app is not None:
        for lang in options.lang:
            full_screen(options.app, lang)
        return 0
    for lang in options.lang:
        for seconds in options.hold:
            rows, _ = plain_hold(lang, seconds, verbose=options.log)
            print_table(lang, seconds, rows)
    return 0


def commit() -> str:
    done = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    )
    return done.stdout.strip() or "?"


def package(name: str) -> str:
    done = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Version}", name], capture_output=True, text=True
    )
    return done.stdout.strip() or "?"


if __name__ == "__main__":
    sys.exit(main())
