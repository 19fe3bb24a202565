"""The diary's read at start: a connection of its own, closed after, unless the reading
store (the history screen's) is open already. Nothing of it is kept through a hold."""

from __future__ import annotations

import pytest

from coach.store.history import History, HistoryError
from coach.store.recorder import Recorder
from tests.support.stores import make_store


def test_a_read_at_start_closes_the_connection_it_opened(tmp_path):
    make_store(tmp_path).close()
    recorder = Recorder(tmp_path)
    used: list[History] = []

    def rows(store: History) -> int:
        used.append(store)
        return store.past_record("back").episodes

    got, warning = recorder.read(rows)
    assert got == 1 and warning is None
    with pytest.raises(HistoryError):  # closed: nothing of it outlives the read
        used[0].past_record("back")
    reader, _ = recorder.store()  # the history screen still gets a store of its own
    assert reader is not None and reader is not used[0]
    assert reader.past_record("back").episodes == 1
    recorder.close()


def test_a_read_uses_the_reading_store_when_it_is_open_and_leaves_it_open(tmp_path):
    make_store(tmp_path).close()
    recorder = Recorder(tmp_path)
    reader, _ = recorder.store()
    got, _ = recorder.read(lambda store: store)
    assert got is reader
    assert reader is not None and reader.past_record("back").episodes == 1  # still open
    recorder.close()


def test_a_damaged_history_read_at_start_is_moved_aside_and_said(tmp_path):
    (tmp_path / "history.db").write_bytes(b"not a database, a text file " * 100)
    recorder = Recorder(tmp_path)
    got, warning = recorder.read(lambda store: store.past_record("back").episodes)
    assert got == 0  # a new, empty history
    assert warning is not None and "moved to" in warning
    assert [p.name for p in tmp_path.glob("history.db.corrupt-*")]  # kept, never overwritten
    recorder.close()
