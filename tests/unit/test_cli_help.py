"""Each command's `--help` says in one line what it does and lists only its own options
(#27 item 12); every command still accepts them all, before or after it."""

from __future__ import annotations

import pytest

from coach.cli_args import COMMANDS, OWN_OPTIONS, parse
from coach.content.load import load

COMMON = ("hold", "position", "plain", "theme", "lang", "region", "voice", "data-dir", "content")


def help_of(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as done:
        parse([*argv, "--help"])
    assert done.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_commands_help_lists_its_own_options_and_says_what_it_does(capsys, command):
    text = help_of(capsys, command)
    own = OWN_OPTIONS[command]
    for option in COMMON:
        assert (f"--{option}" in text) == (option in own), (command, option)
    description = text.split("\n\n")[1]
    assert description.rstrip(".") == COMMANDS[command][0].upper() + COMMANDS[command][1:]


def test_tips_help_lists_the_cause_ids(capsys):
    text = help_of(capsys, "tips")
    for cause in load().causes:
        assert cause.id in text.split("cause ids:")[1]


def test_an_option_a_command_does_not_list_is_still_accepted():
    line = parse(["tips", "--hold", "30", "--data-dir", "/tmp/x", "cold"])
    assert line.command == "tips" and line.causes == ["cold"] and line.hold == 30


def test_the_programs_own_help_lists_every_option(capsys):
    text = help_of(capsys)
    assert all(f"--{option}" in text for option in COMMON)
