"""Speaking through a child process: engines found on PATH, cut, reaped, never waited on."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from coach.system.notice import notice, osc_for
from coach.system.speech import GRACE_SECONDS, Engine, Speaker, Voice, command, find_engine
from tests.conftest import ROOT
from tests.support.speech_support import (
    alive,
    all_pids,
    fake_engine,
    gone,
    no_engine,
    spoken,
    wait_until,
    wrapper_engine,
)


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


# Getting help is said first (#27 item 9); no process of ours outlives the app (#29 item 12).


def test_getting_help_is_not_cut_by_a_cue_or_a_screen_closing(tmp_path, monkeypatch):
    log = fake_engine(tmp_path, monkeypatch)
    voice = Voice(True)
    voice.say_first("Stop stretching. Get help now: call NHS 111.")
    wait_until(lambda: len(spoken(log)) == 1)
    help_pid = spoken(log)[0].pid
    voice.say("5")  # a count, or the next screen's question: not said over it
    voice.stop()  # a screen closing
    assert not gone(help_pid) and len(spoken(log)) == 1
    voice.set(False)  # `v`: silence, getting help too
    wait_until(lambda: gone(help_pid) or voice._speaker.reap() == 0)
    voice.close()
    assert gone(help_pid)


def test_a_wrapper_engine_that_ignores_sigterm_leaves_nothing_behind(tmp_path, monkeypatch):
    log = wrapper_engine(tmp_path, monkeypatch)
    speaker = Speaker("en", find_engine())
    speaker.say("one")
    wait_until(lambda: len(all_pids(log)) == 2)
    speaker.say("two")  # cuts "one": its script and the script's child, after the grace
    first = all_pids(log)[:2]
    wait_until(lambda: not any(alive(pid) for pid in first), timeout=GRACE_SECONDS + 5)
    wait_until(lambda: len(all_pids(log)) == 4)
    started = time.monotonic()
    speaker.close()
    assert time.monotonic() - started < GRACE_SECONDS + 1.0
    # close() has sent SIGKILL to every group; the kernel ends the processes a moment
    # later (on a busy machine, after close returns), so this waits for that, briefly.
    wait_until(lambda: not any(alive(pid) for pid in all_pids(log)), timeout=2.0)
    assert not any(alive(pid) for pid in all_pids(log))


def test_nothing_of_ours_outlives_a_coach_killed_with_sigkill(tmp_path, monkeypatch):
    log = wrapper_engine(tmp_path, monkeypatch)
    program = (
        "import sys, time\n"
        "from coach.system.speech import Speaker, find_engine\n"
        "speaker = Speaker('en', find_engine())\n"
        "speaker.say('one')\n"
        "print('ready', flush=True)\n"
        "time.sleep(60)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    coach = subprocess.Popen(
        [sys.executable, "-c", program], stdout=subprocess.PIPE, env=env, cwd=ROOT
    )
    try:
        assert coach.stdout is not None and coach.stdout.readline() == b"ready\n"
        wait_until(lambda: len(all_pids(log)) == 2)
    finally:
        coach.kill()  # SIGKILL: nothing of the coach runs after this
        coach.wait()
    wait_until(lambda: not any(alive(pid) for pid in all_pids(log)))


def test_the_escalation_is_said_with_its_number_first_and_the_signs_to_watch(content):
    from coach.core.steps import GetHelp
    from coach.text.aloud import help_said
    from coach.text.wording import get_help

    uk = content.regions["uk"]
    said = help_said(get_help(GetHelp("long-cramp", 10), content, uk))
    assert said.startswith("Stop stretching. Get help now: call NHS 111")
    assert "Call 999 at once if you are short of breath" in said
    assert "Watch for. One leg swollen" in said and "Source" not in said
    assert "Press !" not in said and "calf-coach" not in said


def test_mandarin_prefers_an_engine_that_speaks_it_well(tmp_path):
    prefix = tmp_path / "usr"
    (prefix / "bin").mkdir(parents=True)
    espeak = prefix / "bin" / "espeak-ng"
    espeak.write_text("")
    found = {"spd-say": "/x/spd-say", "espeak-ng": str(espeak)}
    # Without the pinyin voice: the usual order, and "cmn".
    assert find_engine(found.get, "zh") == Engine("spd-say", "/x/spd-say")
    assert find_engine({"espeak-ng": str(espeak)}.get, "zh").mandarin == "cmn"
    voices = prefix / "lib" / "x86_64-linux-gnu" / "espeak-ng-data" / "lang" / "sit"
    voices.mkdir(parents=True)
    (voices / "cmn-Latn-pinyin").write_text("")
    best = find_engine(found.get, "zh")
    assert best == Engine("espeak-ng", str(espeak), "cmn-latn-pinyin")
    assert command(best, "好", "zh")[3:5] == ["-v", "cmn-latn-pinyin"]
    assert find_engine(found.get, "en").name == "spd-say"  # English: the order as before


def test_a_poor_mandarin_voice_is_said_once(tmp_path):
    poor = Voice(True, "zh", find=lambda: Engine("espeak-ng", "/x/espeak-ng"))
    note = poor.take_note()
    assert note and "espeak-ng" in note and "cmn-latn-pinyin" in note
    assert poor.take_note() is None
    good = Voice(True, "zh", find=lambda: Engine("espeak-ng", "/x", "cmn-latn-pinyin"))
    assert good.take_note() is None
    assert Voice(True, "en", find=lambda: Engine("espeak-ng", "/x")).take_note() is None
