"""Saves episodes as they happen, and keeps coaching if history cannot be saved.

The store is opened on first use, not at start-up, so the first screen is not
delayed by disk work; any failure becomes one sentence for the user and history
is switched off for the rest of the session.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite3 is imported on first save, not at start-up
    from coach.episode import Episode
    from coach.history import EpisodeRecord, History


class Recorder:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._store: History | None = None
        self._opened = False
        self._pending: str | None = None

    def store(self) -> tuple[History | None, str | None]:
        """The open store (or None) and a warning the user has not seen yet."""
        if not self._opened:
            from coach.history import History

            self._opened = True
            result = History.open(self.data_dir)
            self._store, self._pending = result.store, result.warning
        warning, self._pending = self._pending, None
        return self._store, warning

    def save(self, episode: Episode) -> str | None:
        """Add or update the episode's record; return a warning to show, if any."""
        from coach.history import HistoryError

        store, warning = self.store()
        if store is None:
            return warning
        record = to_record(episode)
        try:
            if episode.record_id is None:
                episode.record_id = store.add(record)
            else:
                store.update(record)
        except HistoryError as exc:
            self._store = None
            return f"History is off for now: {exc}"
        return warning

    def routine_done(self, started: datetime, seconds: float, version: str) -> str | None:
        from coach.history import EpisodeRecord, HistoryError

        store, warning = self.store()
        if store is None:
            return warning
        record = EpisodeRecord(
            None,
            "routine",
            started,
            position=version,
            planned_seconds=round(seconds),
            actual_seconds=round(seconds),
        )
        try:
            store.add(record)
        except HistoryError as exc:
            self._store = None
            return f"History is off for now: {exc}"
        return warning

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def to_record(episode: Episode) -> EpisodeRecord:
    from coach.history import EpisodeRecord

    return EpisodeRecord(
        id=episode.record_id,
        kind="cramp",
        started_at=episode.started_at,
        side=episode.side,
        position=episode.position,
        planned_seconds=episode.planned_seconds,
        actual_seconds=episode.actual_seconds,
        holds=episode.holds,
        outcome=episode.outcome,
        causes=tuple(episode.causes),
        severity=episode.severity,
    )
