"""Pins every private Textual name Calf Coach uses (listed in screens/textual_private.py)."""

from __future__ import annotations

from textual.message import Message

from screens.textual_private import key_clock


def test_key_clock_is_the_clock_events_are_stamped_with():
    before = key_clock()
    message = Message()
    after = key_clock()
    assert before <= message.time <= after
