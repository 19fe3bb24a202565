"""The command line's options and commands, for argparse.

Apart from cli.py so that each stays short; argparse itself is imported only inside
these functions, when a command line is more than `quick_parse` reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING

from coach import __version__

if TYPE_CHECKING:
    import argparse

HOLD_RANGE = (5, 600)


def _hold_seconds(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of seconds") from None
    low, high = HOLD_RANGE
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(f"hold must be {low} to {high} seconds, not {value}")
    return value


def _weeks(text: str) -> int:
    import argparse

    if not text.isdigit() or not 1 <= int(text) <= 104:
        raise argparse.ArgumentTypeError(
            f"weeks must be a whole number from 1 to 104, not {text!r}"
        )
    return int(text)


def _common() -> argparse.ArgumentParser:
    """Options accepted before or after a command (`calf-coach back --hold 30`)."""
    import argparse

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--hold",
        type=_hold_seconds,
        metavar="SECONDS",
        default=argparse.SUPPRESS,
        help="length of each stretch hold, 5-600 seconds (default 60)",
    )
    common.add_argument(
        "--content",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="use another content folder (for reviewers and translators)",
    )
    common.add_argument(
        "--plain",
        action="store_true",
        default=argparse.SUPPRESS,
        help="line-by-line mode for screen readers and dumb terminals "
        "(automatic when not in a terminal)",
    )
    common.add_argument(
        "--theme",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help="night (dim), light (high contrast) or any Textual theme; remembered",
    )
    common.add_argument(
        "--lang",
        choices=("en", "zh"),
        default=argparse.SUPPRESS,
        help="language: en (English) or zh (简体中文); default from the locale",
    )
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="where history and settings live (also CALF_COACH_HOME)",
    )
    common.add_argument(
        "--region",
        metavar="ID",
        default=argparse.SUPPRESS,
        help="whose emergency numbers to show: a country code such as uk, us, ca, au, de, "
        "or eu or default (default: from the locale; an unknown one lists them all)",
    )
    common.add_argument(
        "--position",
        choices=("bed", "sitting", "standing"),
        default=argparse.SUPPRESS,
        help="start holds in this position (default: the one used last time)",
    )
    common.add_argument(
        "--voice",
        action=argparse.BooleanOptionalAction,
        default=argparse.SUPPRESS,
        help="speak each step, the last seconds and time's up (v on the hold); remembered",
    )
    return common


COMMANDS = {
    "back": "start a hold for the back of the calf now",
    "front": "start a hold for the front (shin side) now",
    "routine": "run the bedtime stretch routine",
    "history": "review past cramps and routines",
    "red-flags": "print when to get medical help",
    "export": "write all episodes as CSV or JSON",
    "report": "write one HTML page for your doctor",
    "checkin": "answer the morning check-in: any cramps last night?",
    "tips": "print prevention tips and exit",
    "check-content": "check a content folder and exit 0 or 2",
}


def build_parser() -> argparse.ArgumentParser:
    import argparse

    common = _common()
    parser = argparse.ArgumentParser(
        prog="calf-coach",
        parents=[common],
        description="Talks you through a calf cramp, then helps you prevent the next one.",
        epilog="Run with no command to start at 'Where is the cramp?'.",
    )
    parser.add_argument("--version", action="version", version=f"calf-coach {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, summary in COMMANDS.items():
        command = sub.add_parser(name, parents=[common], help=summary)
        if name == "export":
            command.add_argument("--format", choices=("csv", "json"), default="csv")
            command.add_argument(
                "-o", "--output", metavar="FILE", help="file to write (default: stdout)"
            )
        elif name == "report":
            command.add_argument(
                "-o",
                "--output",
                metavar="FILE",
                help="file to write (default calf-coach-report.html; - for stdout)",
            )
            command.add_argument(
                "--weeks", type=_weeks, default=12, help="how many weeks back (1-104, default 12)"
            )
        elif name == "tips":
            command.add_argument(
                "causes", nargs="*", metavar="CAUSE-ID", help="put tips for these first"
            )
        elif name == "check-content":
            command.add_argument(
                "dir", nargs="?", metavar="DIR", help="folder to check (default: built-in)"
            )
    return parser


_QUICK_OPTIONS = {
    "--data-dir": "data_dir",
    "--content": "content",
    "--lang": "lang",
    "--hold": "hold",
    "--theme": "theme",
    "--region": "region",
    "--position": "position",
}
_QUICK_FLAGS = {
    "--voice": ("voice", True),
    "--no-voice": ("voice", False),
    "--plain": ("plain", True),
}
_QUICK_COMMAND_OPTIONS = {
    "export": {"--format": "format", "--output": "output", "-o": "output"},
    "report": {"--output": "output", "-o": "output"},
}
_QUICK_CHOICES = {
    "format": ("csv", "json"),
    "lang": ("en", "zh"),
    "position": ("bed", "sitting", "standing"),
}
_QUICK_DEFAULTS = {
    "export": {"format": "csv", "output": None},
    "report": {"output": None, "weeks": 12},
}


def quick_parse(argv: Sequence[str]) -> SimpleNamespace | None:
    """What `build_parser().parse_args(argv)` gives, for the common command lines only:
    a command first, then `--name value` (or `--name=value`) options of a short list.

    argparse, with the gettext, locale and shutil it loads, costs a printing command
    about 6 ms and 0.3 MiB (`back --hold 90` included). Anything else, or anything odd
    (a repeat, a value that looks like an option, a bad choice, a hold out of range),
    gives None: the real parser then reads it and explains.
    """
    if not argv:
        return SimpleNamespace(command=None)
    command, *rest = argv
    if command not in COMMANDS:
        return None
    known = {**_QUICK_OPTIONS, **_QUICK_COMMAND_OPTIONS.get(command, {})}
    values: dict[str, object] = {}
    words: list[str] = []
    args = iter(rest)
    for arg in args:
        if not arg.startswith("-"):
            words.append(arg)
            continue
        if arg in _QUICK_FLAGS:
            dest, flag = _QUICK_FLAGS[arg]
            if dest in values:
                return None
            values[dest] = flag
            continue
        name, equals, value = arg.partition("=")
        dest = known.get(name)
        if dest is None or dest in values or (equals and name == "-o"):
            return None
        if not equals:
            value = next(args, "")
        if not value or (value.startswith("-") and value != "-"):
            return None
        if value not in _QUICK_CHOICES.get(dest, (value,)):
            return None
        if dest == "hold":
            if not (value.isascii() and value.isdigit()):
                return None
            value = int(value)
            if not HOLD_RANGE[0] <= value <= HOLD_RANGE[1]:
                return None
        values[dest] = value
    if words and values:
        return None  # argparse mixes options and words in ways not worth copying
    if command == "tips":
        return SimpleNamespace(command=command, causes=words, **values)
    if command == "check-content" and len(words) <= 1:
        return SimpleNamespace(command=command, dir=words[0] if words else None, **values)
    if words:
        return None
    return SimpleNamespace(command=command, **{**_QUICK_DEFAULTS.get(command, {}), **values})
