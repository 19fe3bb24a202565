"""Every reach into Textual's private API, in one place.

Each name below is pinned by tests/test_textual_private.py, so a Textual upgrade that
moves or changes one fails there first, with the reason beside it here.
"""

from __future__ import annotations

from textual._time import get_time as key_clock

__all__ = ["key_clock"]

# key_clock: the clock Textual stamps every event with (`Message.time`), monotonic on
# Linux and macOS. Screens compare a key's stamp with the moment they were first
# drawn, to drop keys pressed before the question was on view. Public alternatives
# (time.monotonic) differ from it on Windows, where Textual uses perf_counter.
