"""Issue 29 item 9: terminal replies are not keys (screens/app/textual_private.py, reach 6).

`TerminalReplies` on a fake clock: each reply kind, whole, split and late, is taken out;
every key, mouse report, paste and the replies Textual reads itself go through unchanged.
Then the reach into Textual, pinned: the driver builds its parser from a module-level
name, calls only `feed` and `tick`, and Textual's own parser reads replies as keys.
"""

from __future__ import annotations

import inspect

import pytest
from textual import constants, events
from textual._xterm_parser import XTermParser
from textual.drivers import linux_driver

from screens.app.textual_private import TerminalReplies, drop_terminal_replies

WHOLE_REPLIES = {
    "device-attributes": "\x1b[?62;22c",
    "device-attributes-long": "\x1b[?64;1;2;6;9;15;16;17;18;21;22;28c",
    "device-attributes-secondary": "\x1b[>0;276;0c",
    "device-attributes-tertiary": "\x1bP!|00000000\x1b\\",
    "colour-bel": "\x1b]11;rgb:dddd/dddd/dddd\x07",
    "colour-st": "\x1b]10;rgb:1111/2222/3333\x1b\\",
    "palette-colour": "\x1b]4;1;rgb:cdcd/0000/0000\x07",
    "mode-report-ansi": "\x1b[12;2$y",
    "mode-report-two-digit-setting": "\x1b[?1049;12$y",
    "extended-cursor-position": "\x1b[?12;40;1R",
    "status-report": "\x1b[0n",
    "window-size": "\x1b[8;24;80t",
    "kitty-keyboard-flags": "\x1b[?1u",
    "terminal-version": "\x1bP>|xterm(390)\x1b\\",
    "setting-query": "\x1bP1$r0m\x1b\\",
    "kitty-graphics": "\x1b_Gi=1;OK\x1b\\",
}

KEPT = {
    "letters": "dq?12",
    "arrow": "\x1b[A",
    "ctrl-arrow": "\x1b[1;5C",
    "kitty-key": "\x1b[97;5u",
    "function-key-ss3": "\x1bOP",
    "alt-letter": "\x1bd",
    "sgr-mouse": "\x1b[<0;3;4M",
    "paste": "\x1b[200~hello\x1b[201~",
    "focus": "\x1b[O\x1b[I",
    "cursor-position": "\x1b[12;40R",
    "sync-output-mode-report": "\x1b[?2026;2$y",
    "in-band-resize": "\x1b[48;24;80;480;800t",
}


@pytest.mark.parametrize("reply", list(WHOLE_REPLIES.values()), ids=list(WHOLE_REPLIES))
def test_a_whole_reply_among_keys_is_taken_out(reply):
    assert TerminalReplies().without_replies(f"a{reply}b", now=0.0) == "ab"


@pytest.mark.parametrize("reply", list(WHOLE_REPLIES.values()), ids=list(WHOLE_REPLIES))
def test_a_reply_split_anywhere_is_taken_out(reply):
    for cut in range(1, len(reply)):
        replies = TerminalReplies()
        kept = replies.without_replies("a" + reply[:cut], now=0.0) + replies.without_replies(
            reply[cut:] + "b", 0.05
        )
        assert kept == "ab", (cut, kept)


@pytest.mark.parametrize(
    "first, rest",
    [
        ("\x1b[?6", "2;22c"),
        ("\x1b[12;", "40R"),
        ("\x1b]11;rgb:dd", "dd/0/0\x07"),
        ("\x1b[?2026;", "2$y"),
    ],
    ids=["device-attributes", "cursor-position", "colour", "mode-report"],
)
def test_the_late_rest_of_a_reply_is_taken_out_with_it(first, rest):
    replies = TerminalReplies(wait=0.1, tail_wait=1.0)
    assert replies.without_replies(first, now=0.0) == ""
    assert replies.expire(0.3) == ""  # no key sends a piece like this and stops
    assert replies.without_replies(rest + "d", now=0.5) == "d"


def test_a_piece_whose_rest_never_comes_is_dropped_and_keys_go_on():
    replies = TerminalReplies(wait=0.1, tail_wait=1.0)
    replies.without_replies("\x1b[?6", now=0.0)
    replies.expire(0.5)
    assert replies.expire(1.2) == ""
    assert replies.without_replies("d", now=1.3) == "d"


@pytest.mark.parametrize("keys", list(KEPT.values()), ids=list(KEPT))
def test_keys_mouse_paste_and_what_textual_reads_go_through(keys):
    assert TerminalReplies().without_replies(keys, now=0.0) == keys


@pytest.mark.parametrize("key", ["\x1b", "\x1b[", "\x1b]", "\x1bP"])
def test_escape_and_alt_keys_at_the_end_of_a_read_go_on_after_the_wait(key):
    replies = TerminalReplies(wait=0.1)
    assert replies.without_replies(key, now=0.0) == ""
    assert replies.expire(0.05) == ""
    assert replies.expire(0.1) == key
    assert replies.without_replies("d", now=0.2) == "d"


def test_a_string_reply_broken_by_a_control_key_keeps_the_key():
    assert TerminalReplies().without_replies("\x1b]11;rgb:dd\r", now=0.0) == "\r"


# The reach into Textual


def test_the_driver_builds_its_parser_through_a_module_name_and_feeds_and_ticks_it():
    assert hasattr(linux_driver, "XTermParser")
    source = inspect.getsource(linux_driver.LinuxDriver.run_input_thread)
    assert "parser = XTermParser(self._debug)" in source
    assert "feed = parser.feed" in source and "tick = parser.tick" in source
    assert 'feed("")' in source  # the end of input, passed on as it is


def keys_read(parser, data: str) -> list[str]:
    out = list(parser.feed(data)) + list(parser.tick())
    return [event.key for event in out if isinstance(event, events.Key)]


def test_textual_alone_reads_a_reply_as_keys(monkeypatch):
    """Why the hook is there; if this fails, Textual reads replies itself now."""
    monkeypatch.setattr(constants, "ESCAPE_DELAY", 0.0)
    assert "question_mark" in keys_read(XTermParser(), "\x1b[?62;22c")
    assert "d" in keys_read(XTermParser(), "\x1b]11;rgb:dddd/0/0\x07")


def test_after_the_hook_the_driver_parser_reads_no_reply_as_keys(monkeypatch):
    monkeypatch.setattr(linux_driver, "XTermParser", XTermParser)
    monkeypatch.setattr(constants, "ESCAPE_DELAY", 0.0)
    drop_terminal_replies()
    drop_terminal_replies()  # twice: wrapped once
    parser_class = linux_driver.XTermParser
    assert parser_class.__mro__[1] is XTermParser
    for reply in WHOLE_REPLIES.values():
        assert keys_read(parser_class(), f"{reply}d") == ["d"], reply
    focus = list(parser_class().feed("\x1b[O"))
    assert [type(event) for event in focus] == [events.AppBlur]
    assert list(parser_class().feed("")) == []


def test_without_the_parser_name_the_hook_patches_nothing(monkeypatch):
    monkeypatch.delattr(linux_driver, "XTermParser")
    drop_terminal_replies()
    assert not hasattr(linux_driver, "XTermParser")
