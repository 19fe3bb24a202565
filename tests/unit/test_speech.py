"""Speaking through a child process: engines found on PATH, cut, reaped, never waited on."""

from __future__ import annotations

import time

from coach.system.notice import notice, osc_for
from coach.system.speech import Engine, Speaker, Voice, command, find_engine
from tests.support.speech_support import fake_engine, gone, no_engine, spoken, wait_until


def test_engines_are_found_on_path_in_order():
    found = {"espeak": "/x/espeak", "spd-say": "/x/spd-say"}
    assert find_engine(found.get) == Engine("spd-say", "/x/spd-say")
    assert find_engine({}.get) is None


def test_each_engine_speaks_quietly_and_in_mandarin_for_zh():
    espeak = Engine("espeak-ng", "/e")
    assert command(espeak, "hi", "en") == ["/e", "-a", "60", "-v", "en", "--", "hi"]
    assert command(espeak, "好", "zh")[3:5] == ["-v", "cmn"]
    assert command(Engine("spd-say", "/s"), "hi", "zh")[1:6] == ["-w", "-i", "-40", "-l", "zh"]
    assert command(Engine("say", "/m"), "hi", "en") == ["/m", "[[volm 0.6]] hi"]


def test_a_new_cue_cuts_the_old_one_and_close_leaves_no_child(tmp_path, monkeypatch):
    log = fake_engine(tmp_path, monkeypatch)
    speaker = Speaker("en", find_engine())
    started = time.monotonic()
    assert speaker.say("one")
    assert time.monotonic() - started < 0.5  # started, not waited for
    wait_until(lambda: len(spoken(log)) == 1)
    first = spoken(log)[0].pid
    speaker.say("two")
    wait_until(lambda: len(spoken(log)) == 2)
    wait_until(lambda: speaker.reap() == 1 and gone(first))  # cut, then reaped by poll()
    assert [said.text for said in spoken(log)] == ["one", "two"]
    assert speaker.speaking
    speaker.close()
    assert not speaker.speaking
    assert all(gone(said.pid) for said in spoken(log))


def test_no_engine_gives_one_note_and_says_nothing(tmp_path, monkeypatch):
    no_engine(tmp_path, monkeypatch)
    voice = Voice(True)
    note = voice.take_note()
    assert note and "espeak-ng" in note and "apt install" in note
    assert voice.take_note() is None  # once
    voice.say("anything")  # no engine: nothing happens, nothing raises
    assert Voice(False).take_note() is None  # off: no engine looked for, no note


def test_voice_off_says_nothing_and_turning_it_off_cuts_speech(tmp_path, monkeypatch):
    log = fake_engine(tmp_path, monkeypatch)
    voice = Voice(False)
    voice.say("not said")
    voice.set(True)
    voice.say("said")
    wait_until(lambda: len(spoken(log)) == 1)
    pid = spoken(log)[0].pid
    voice.toggle()
    voice.close()
    assert gone(pid)
    assert [said.text for said in spoken(log)] == ["said"]


def test_notice_escapes_per_terminal_and_inside_tmux():
    assert osc_for({}) == "9"
    assert osc_for({"TERM": "xterm-kitty"}) == "99"
    assert osc_for({"VTE_VERSION": "7000"}) == "777"
    assert notice("Time's up", "Let go", {}) == "\x1b]9;Time's up: Let go\x07"
    assert notice("T", "B", {"VTE_VERSION": "1"}) == "\x1b]777;notify;T;B\x07"
    wrapped = notice("T", "B", {"TMUX": "/tmp/tmux-1/default,1,0"})
    assert wrapped == "\x1bPtmux;\x1b\x1b]9;T: B\x07\x1b\\"
    assert "\x1b" not in notice("a\x1b]evil", "b\x07c", {})[1:-1]  # no escape inside
