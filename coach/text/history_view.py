"""What the history screen reads, for any size of history: the first frame (count,
newest rows, headline) and then the other tabs' text. Both faces' words come from
coach/text/history_text.py and coach/text/diary_text.py; the numbers are the store's SQL sums.

Apart from the screen (screens/history.py) so it is tested without Textual, and so
`calf-coach history` can read the first frame on a thread while Textual starts.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from datetime import datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from coach.core.diary import night_of
from coach.core.i18n import t
from coach.store.history import EpisodeRecord, History, HistoryError
from coach.text.diary_text import nights_text
from coach.text.history_text import charts_text, helped_text, summary_line

PAGE = 100
"""Episodes read at a time: the first frame's, and each page the table asks for."""


class FirstView(NamedTuple):
    """What the history screen shows first: never the whole history."""

    total: int
    first_page: list[EpisodeRecord]
    headline: str
    skipped: str | None


class Opened(NamedTuple):
    """A store opened off the UI thread, with what it has to say."""

    store: History | None
    warning: str | None = None
    first: FirstView | None = None
    """What the first frame shows, when it was read right after opening."""


class TabTexts(NamedTuple):
    """The other tabs' text, read after the first frame."""

    nights: str
    charts: str
    helped: str


def first_view(store: History, now: datetime, rows: int) -> FirstView:
    """The count, the newest `rows` episodes, the headline and the skipped-rows note:
    a few index lookups, whatever the size of the history. Never raises: a failed
    read is said in the headline."""
    try:
        total = store.count()
        skipped = store.skipped_note()
        first = store.page(0, rows, total)
        return FirstView(total, first, summary_line(store.summary(now), total), skipped)
    except HistoryError as error:
        return FirstView(0, [], str(error), None)


def tab_texts(store: History, now: datetime, episodes: int, bar_width: int) -> TabTexts:
    """Nights, charts and what helped. `bar_width` 0: the nights as numbers alone."""
    nothing = t("Nothing to chart yet.")
    try:
        last = night_of(now)
        since = last - timedelta(weeks=12)
        nights = nights_text(
            store.cramps_per_night(since, last),
            store.routine_nights(since),
            last,
            bar_width=bar_width,
        )
        if not episodes:
            return TabTexts(nights or nothing, nothing, nothing)
        charts = store.charts(now)
        return TabTexts(nights or nothing, charts_text(charts), helped_text(charts))
    except HistoryError:
        return TabTexts(nothing, nothing, nothing)


def read_early(directory: Path) -> Future[Opened]:
    """Open the history and read the first frame on a thread of its own, starting now:
    `calf-coach history` does it before Textual is even imported. The app's recorder
    adopts the store (Recorder(early=...)) and says its warning."""
    future: Future[Opened] = Future()

    def run() -> None:
        try:
            result = History.open(directory)
            now = datetime.now().astimezone()
            first = first_view(result.store, now, PAGE) if result.store else None
            future.set_result(Opened(result.store, result.warning, first))
        except BaseException as error:
            future.set_exception(error)

    threading.Thread(target=run, name="history-early", daemon=True).start()
    return future
