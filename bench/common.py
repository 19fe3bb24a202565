"""What every figure shares: the commands under test, a scratch data dir, the run
policy (warm-up, then the median of N), and the table row each figure returns."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from ptyscreen import PtyScreen

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent
APP = [str(BIN / "calf-coach")]
BARE = [PYTHON, str(HERE / "bare_app.py")]
TERMDOWN = [str(BIN / "termdown")]

APP_READY = r"Where is the cramp\?"
HOLD_READY = r"HOLD the stretch: \d+:\d\d left"
BARE_READY = r"Bare Textual reference app is ready\."
TERMDOWN_30 = r"\"Y888888P'\s+\"Y8888P\""
"""Bottom row of termdown's big "30" (its default font), so the digits are complete."""

SKIP_SETTINGS = {"disclaimer_seen": True}
"""Settings for a returning user. The swollen-leg question is asked in every episode
(no setting skips it): runs that need the hold answer it with `past_safety()`."""
SAFETY_READY = r"Before you stretch: any of these\?"


@dataclass
class Row:
    """One line of the results table.

    `budget` is a ratio limit when `ref` is set, else an absolute limit in `unit`;
    None means the row is context only and cannot fail.
    """

    figure: str
    app: float
    ref: float | None
    unit: str
    budget: float | None
    detail: str = ""
    ok: bool | None = None
    pair_ratio: float | None = None
    """For paired figures: the median of each round's own ratio (see `paired`)."""

    @property
    def ratio(self) -> float | None:
        if self.pair_ratio is not None:
            return self.pair_ratio
        return self.app / self.ref if self.ref else None

    @property
    def passed(self) -> bool | None:
        if self.ok is not None or self.budget is None:
            return self.ok
        value = self.ratio if self.ref is not None else self.app
        return value is not None and value <= self.budget


@dataclass(frozen=True)
class Policy:
    """How many measured runs follow the warm-up.

    `runs` is for the sub-second figures, `long_runs` for the ones that sit through a
    whole hold, `many` for the in-process timing.
    """

    runs: int
    long_runs: int
    many: int

    @property
    def paired_runs(self) -> int:
        """Rounds for figures 1, 2 and 8's screen rows: their budgets (1.10-1.30x) sit
        a few percent above what the app costs, and with `runs` rounds one slow spell of
        the machine decided a run (README.md, "How runs are kept fair")."""
        return 5 * self.runs


def median_of(runs: int, measure: Callable[[], float]) -> float:
    """One warm-up, then the median of `runs` measurements."""
    measure()
    return statistics.median(measure() for _ in range(runs))


class Paired(NamedTuple):
    app: float
    """Median of the app's values."""
    ref: float
    """Median of the reference's values."""
    ratio: float
    """Median of app / reference within each round: the figure that is judged."""


def paired(
    runs: int,
    app: Callable[[], float],
    ref: Callable[[], float],
    warm_up: tuple[Callable[[], object], ...] | None = None,
) -> Paired:
    """The app and the reference measured alternately after one warm-up each.

    Alternating keeps slow drift on the machine (thermal, other jobs) from landing on
    one side only, and each side goes first in every other round: the app started
    right after the bare app reached its first frame 8% later than right after
    itself, while the bare app's time did not depend on what ran before it (40
    rounds of each order), so a fixed order put that on the app in every round.
    The warm-up fills the page cache and compiles .pyc files.

    The judged ratio is the median of each round's own ratio, not the ratio of the
    two medians: this VM has slow spells (a bare start read 330 ms for a dozen rounds,
    then 220 ms), and a round's two starts share its spell, where two medians may
    each come from a different one (README.md, "How runs are kept fair").
    """
    for step in warm_up if warm_up is not None else (app, ref):
        step()
    app_values, ref_values = [], []
    for round_ in range(runs):
        if round_ % 2:
            app_values.append(app())
            ref_values.append(ref())
        else:
            ref_values.append(ref())
            app_values.append(app())
    ratios = [a / r for a, r in zip(app_values, ref_values, strict=True)]
    median = statistics.median
    return Paired(median(app_values), median(ref_values), median(ratios))


def paired_row(figure: str, pair: Paired, budget: float, detail: str) -> Row:
    """A paired figure in milliseconds, judged on its rounds' own ratios."""
    return Row(figure, pair.app * 1e3, pair.ref * 1e3, "ms", budget, detail, pair_ratio=pair.ratio)


@contextmanager
def data_dir(settings: dict | None = None, like: Path | None = None) -> Iterator[Path]:
    """A fresh data dir per run, so no run sees history written by another; with
    `like`, a copy of that one (a returning user's: settings and a history)."""
    path = Path(tempfile.mkdtemp(prefix="calf-bench-"))
    try:
        if like is not None:
            shutil.copytree(like, path, dirs_exist_ok=True)
        if settings is not None:
            (path / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


PYCACHE = Path(tempfile.gettempdir()) / "calf-bench-pycache"
"""Bytecode for every child goes here, written on the warm-up and reused after.

Like an installed app, runs then load compiled .pyc files, whatever the caller's
PYTHONDONTWRITEBYTECODE says and whether or not someone just edited a source file;
and the suite writes nothing into the source tree.
"""


CONTENT_CACHE = Path(tempfile.gettempdir()) / "calf-bench-content-cache"
"""The app's checked-content cache (coach/store/content_cache.py), filled on the warm-up like the
bytecode: the figures are for every start but the very first. The first start, with
an empty cache, is a context row of figure 1."""


def child_env(home: Path | None = None, cache: Path = CONTENT_CACHE) -> dict[str, str]:
    """The caller's environment with the caches above and, if given, the data dir."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    env["CALF_COACH_CACHE"] = str(cache)
    if home is not None:
        env["CALF_COACH_HOME"] = str(home)
    return env


def first_frame(
    argv: list[str], pattern: str, quit_key: str | None = "ctrl+c", cold: bool = False
) -> float:
    """Seconds from fork until `pattern` is on an 80x24 screen, then quit the program.

    `cold`: with an empty content cache, as on the first start after an install or an
    edit of the content.
    """
    with data_dir(SKIP_SETTINGS) as home:
        env = child_env(home, home / "empty-cache") if cold else child_env(home)
        with PtyScreen(argv, env=env) as term:
            seconds = term.wait_for(pattern)
            term.finish(quit_key)
    return seconds


def past_safety(term) -> None:
    """Answer "no" to the swollen-leg question, as a person would once it is drawn."""
    term.wait_for(SAFETY_READY)
    term.press("n")


def until_exit(argv: list[str]) -> float:
    """Seconds from fork until the program has written everything and exited."""
    with data_dir() as home, PtyScreen(argv, env=child_env(home)) as term:
        while not term.eof:
            term.pump(5.0)
        term.reap(block=True)
        if term.status != 0:
            raise RuntimeError(f"{argv} exited {term.status}:\n{term.text()}")
        return term.ended - term.started
