"""Histories of 0 to 100,000 episodes for figure 8, written through the app's own store.

About two episodes a night going back from last night (so 100,000 reach back years),
cramps of both sides at night, in each position, with the outcomes, severities,
causes and other relief a diary collects, and a bedtime routine on some nights. Built
once per size into the temp dir and reused by later runs (copied per run, so a run
that deletes or adds never changes the next one's history).
"""

from __future__ import annotations

import random
import shutil
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

from coach.store.history import DB_NAME, EpisodeRecord, History

CACHE = Path(tempfile.gettempdir()) / "calf-bench-scale"
SIZES = (0, 1_000, 10_000, 100_000)
VERSION = 2
"""Raise to rebuild the cached histories after changing how they are made."""
TZ = timezone(timedelta(hours=1))
CAUSES = ("tired", "cold", "rest", "posture", "menopause", "medicine")
OUTCOMES = ("gone", "gone", "gone", "gone", "somewhat", "still", "left", "red_flag", None)


def episodes(size: int, now: datetime, seed: int = 17) -> list[EpisodeRecord]:
    """`size` episodes, newest last night, about two a night."""
    rng = random.Random(seed)
    out: list[EpisodeRecord] = []
    night = now.replace(hour=22, minute=0, second=0, microsecond=0) - timedelta(days=1)
    while len(out) < size:
        if rng.random() < 0.3:  # the bedtime routine, about one night in three
            start = night + timedelta(minutes=rng.randrange(-60, 30))
            out.append(EpisodeRecord(None, "routine", start, actual_seconds=120, holds=1))
        for _ in range(rng.choice((0, 1, 2, 2, 3, 4))):
            if len(out) >= size:
                break
            out.append(_cramp(rng, night + timedelta(minutes=rng.randrange(0, 600))))
        night -= timedelta(days=1)
    return out[:size]


def _cramp(rng: random.Random, start: datetime) -> EpisodeRecord:
    outcome = rng.choice(OUTCOMES)
    held = rng.choice((30, 45, 60, 60, 90, 120, 150, 200))
    return EpisodeRecord(
        None,
        "cramp",
        start,
        side=rng.choice(("back", "back", "back", "front")),
        position=rng.choice(("bed", "bed", "sitting", "standing")),
        planned_seconds=60,
        actual_seconds=held,
        holds=1 + held // 90,
        outcome=outcome,
        causes=tuple(rng.sample(CAUSES, rng.choice((0, 0, 1, 1, 2)))),
        severity=rng.randrange(0, 11) if outcome else None,
        updated_at=start + timedelta(seconds=held + 30),
        eased_minutes=round(rng.uniform(0.5, 6), 2) if outcome in ("gone", "somewhat") else None,
        relief_tried=tuple(rng.sample(("massage", "warmth"), rng.choice((0, 0, 0, 1, 2)))),
        help_reason=rng.choice(("clot", "long-cramp")) if outcome == "red_flag" else None,
    )


def build(size: int) -> Path:
    """The data dir holding a history of `size` episodes (made on first use)."""
    folder = CACHE / f"v{VERSION}-{size}"
    if (folder / "done").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    now = datetime.now(TZ)
    opened = History.open(folder)
    assert opened.store is not None, opened.warning
    try:
        if size:
            opened.store.add_many(episodes(size, now))
    finally:
        opened.store.close()
    (folder / "done").write_text(now.isoformat(), encoding="utf-8")
    return folder


def copy_of(size: int, into: Path) -> Path:
    """`into` (a fresh data dir) with the cached history of `size` copied in."""
    source = build(size)
    if (source / DB_NAME).exists():
        shutil.copy2(source / DB_NAME, into / DB_NAME)
    return into
