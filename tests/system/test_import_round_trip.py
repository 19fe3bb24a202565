"""Backup and a new computer (#28): `calf-coach export --format json`, then
`calf-coach import` into an empty data folder, gives the same doctor's page byte for
byte; importing it again adds nothing and leaves the page as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from coach.documents.report import make_page
from coach.store.history import History
from tests.support.backups import NAMES, NOW, fill_twelve_weeks
from tests.support.robust_support import coach_env, no_traceback, run_coach


def page(folder: Path, lang: str) -> str:
    """The page `calf-coach report` writes, at a fixed "now" (the made time and the
    12 weeks it covers), so the comparison is whole, the made line included."""
    store = History.open(folder).store
    assert store is not None
    try:
        return make_page(store, 12, lang, NAMES, NOW)
    finally:
        store.close()


def counts(folder: Path) -> dict[str, int]:
    with sqlite3.connect(folder / "history.db") as conn:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("episodes", "checkins", "medicines", "conditions", "marks")
        }


def test_export_then_import_into_an_empty_folder_gives_the_same_page(tmp_path: Path):
    old, new = tmp_path / "old-laptop", tmp_path / "new-laptop"
    store = History.open(old).store
    assert store is not None
    fill_twelve_weeks(store)
    store.close()
    env = coach_env(tmp_path)
    backup = tmp_path / "backup.json"
    out = run_coach(["export", "--format", "json", "--data-dir", str(old), "-o", str(backup)], env)
    assert out.returncode == 0 and no_traceback(out.stderr), out.stderr

    dry = run_coach(["import", str(backup), "--dry-run", "--data-dir", str(new)], env)
    assert dry.returncode == 0, dry.stderr
    assert not new.exists()
    assert "Would add 40 episode(s), 17 check-in(s), 2 medicine(s)" in dry.stdout

    out = run_coach(["import", str(backup), "--data-dir", str(new)], env)
    assert out.returncode == 0 and out.stderr == "", out.stderr
    assert "Added 40 episode(s), 17 check-in(s), 2 medicine(s), 2 condition(s)" in out.stdout
    assert counts(new) == counts(old)
    for lang in ("en", "zh"):
        assert page(new, lang) == page(old, lang)
    shown = page(new, "en")
    for seen in (
        "Amlodipine 5mg, since 2026-06-01",
        "Heart failure or water tablets",
        "Marked 2026-10-24: started the routine.",
        "2026-10-07 08:07",  # the swollen calf one morning (the check-in's time)
        "2026-10-12 04:07",  # a red flag
        "Not drinking enough",
        "massage",
        "5 skipped",
    ):
        assert seen in shown

    again = run_coach(["import", str(backup), "--data-dir", str(new)], env)
    assert again.returncode == 0, again.stderr
    assert "Added 0 episode(s), 0 check-in(s), 0 medicine(s), 0 condition(s) and 0 marked" in (
        again.stdout
    )
    back = run_coach(["import", str(backup), "--data-dir", str(old)], env)
    assert "; 62 already there." in back.stdout and "Added 0 episode(s)" in back.stdout
    assert counts(new) == counts(old)
    assert page(new, "en") == page(old, "en")
