"""Histories made for tests: seeded stores and the apps that show them."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

from textual.app import App

from coach.store.history import EpisodeRecord, History
from screens.history import HistoryScreen

NOW = datetime(2026, 11, 24, 15, 30, tzinfo=timezone(timedelta(hours=1)))
"""The history screen's "now" in HistoryApp and make_store."""
MIXED_NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone(timedelta(hours=1)))
"""The "now" that mixed() spreads its year of episodes around."""


class HistoryApp(App[None]):
    def __init__(self, store: History | None) -> None:
        super().__init__()
        self.store = store

    def on_mount(self) -> None:
        self.push_screen(HistoryScreen(self.store, now=lambda: NOW))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The screen's `!` and `?` (screens/base.py HELP_KEYS) open the app's dialogs,
        which this bare host has not: not shown, as before screens bound them."""
        return action not in ("red_flags", "help")


def make_store(tmp_path: Path, count: int = 3) -> History:
    store = History.open(tmp_path, now=lambda: NOW).store
    assert store is not None
    for n in range(count):
        started = NOW - timedelta(days=n + 1, hours=12)
        store.add(
            EpisodeRecord(
                None,
                "cramp",
                started,
                side="back" if n % 2 else "front",
                position="bed",
                actual_seconds=45 + 30 * n,
                holds=1,
                outcome="gone",
                severity=5,
            )
        )
    store.add(EpisodeRecord(None, "routine", NOW - timedelta(days=2, hours=18)))
    return store


async def settled(pilot) -> None:
    """Reads, deletes and undos run on thread workers (the diary's read on a thread of its
    own): wait for them, then for what they hand back to the screen (call_from_thread)."""
    from tests.support.pilot import diary_read

    await diary_read(pilot)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def mixed(count: int, seed: int = 7) -> list[EpisodeRecord]:
    """Cramps and routines over about a year, in several offsets, with every outcome,
    missing sides and positions, and a few in the future."""
    rng = random.Random(seed)
    zones = [timezone(timedelta(hours=h)) for h in (-8, -5, 0, 1, 5.5, 9, 13)]
    out = []
    for _ in range(count):
        started = MIXED_NOW - timedelta(minutes=rng.randrange(-3 * 1440, 400 * 1440))
        started = started.astimezone(rng.choice(zones))
        if rng.random() < 0.25:
            out.append(EpisodeRecord(None, "routine", started, actual_seconds=120))
            continue
        out.append(
            EpisodeRecord(
                None,
                "cramp",
                started,
                side=rng.choice(("back", "front", None)),
                position=rng.choice(("bed", "sitting", "standing", None)),
                actual_seconds=rng.choice((0, 30, 59, 60, 90, 120, 121, 300)),
                holds=rng.randrange(0, 4),
                outcome=rng.choice(("gone", "somewhat", "still", "left", "red_flag", None)),
                severity=rng.choice((None, *range(11))),
                causes=tuple(rng.sample(("cold", "tired", "rest"), rng.randrange(0, 3))),
            )
        )
    return out


def seed_history(data_dir) -> None:
    store = History.open(data_dir).store
    now = datetime.now().astimezone()
    for days, outcome in ((1, "gone"), (3, "somewhat"), (9, "still")):
        store.add(
            EpisodeRecord(
                None,
                "cramp",
                now - timedelta(days=days, hours=2),
                side="back",
                position="bed",
                planned_seconds=60,
                actual_seconds=55,
                holds=1,
                outcome=outcome,
                severity=days % 10,
            )
        )
    store.close()


MORNING = datetime(2026, 11, 24, 8, 0).astimezone()


def seeded(data: Path, sittings: int = 3, beds: int = 1) -> Path:
    store = History.open(data).store
    assert store is not None
    start = MORNING - timedelta(days=10)
    for n, position in enumerate(["sitting"] * sittings + ["bed"] * beds):
        store.add(
            EpisodeRecord(
                None,
                "cramp",
                start + timedelta(days=n),
                side="back",
                position=position,
                outcome="gone",
                holds=1,
                actual_seconds=60,
            )
        )
    store.close()
    return data
