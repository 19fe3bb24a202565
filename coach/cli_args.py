"""The command line: its commands and options, and what a line asked for (`parse`).

argparse (with the gettext, locale and shutil it loads) is imported only for a line
with more than a command: `calf-coach`, `calf-coach back` or `calf-coach tips` alone are
what a person in pain types and what scripts run, and they start without it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from coach import __version__
from coach.core.i18n import LANGUAGES
from coach.core.profile import CONDITION_IDS
from coach.core.record import POSITIONS  # each command's parser is built, so each loads it

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

    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 104:
        raise argparse.ArgumentTypeError(
            f"weeks must be a whole number from 1 to 104, not {text!r}"
        )
    return int(text)


def _add_common(parser: argparse.ArgumentParser, shown: Sequence[str] | None = None) -> None:
    """Options accepted before or after a command (`calf-coach back --hold 30`). Every
    command accepts them all (a script's `--data-dir` before any command still works);
    its `--help` lists only those in `shown` (None: all). Added to each parser itself,
    not through a parent parser per command: each parser argparse builds costs the
    command line's start (bench figure 6)."""
    import argparse

    def add_argument(flag: str, *flags: str, **options: object) -> None:
        if shown is not None and flag.removeprefix("--") not in shown:
            options["help"] = argparse.SUPPRESS  # accepted, not listed
        parser.add_argument(flag, *flags, **options)  # type: ignore[arg-type]

    add_argument(
        "--hold",
        type=_hold_seconds,
        metavar="SECONDS",
        help="length of each stretch hold, 5-600 seconds (default 60)",
    )
    add_argument(
        "--content",
        metavar="DIR",
        help="use another content folder (for reviewers and translators)",
    )
    add_argument(
        "--plain",
        action="store_true",
        help="line-by-line mode for screen readers and dumb terminals "
        "(automatic when not in a terminal)",
    )
    add_argument(
        "--theme",
        metavar="NAME",
        help="day (dark), night (dim), light (high contrast) or any Textual theme; "
        "default: night from 21:00 to 07:00, else day; remembered",
    )
    add_argument(
        "--lang",
        choices=LANGUAGES,
        help="language: en (English) or zh (简体中文); default from the locale",
    )
    add_argument(
        "--data-dir",
        metavar="DIR",
        help="where history and settings live (also CALF_COACH_HOME)",
    )
    add_argument(
        "--region",
        metavar="ID",
        help="whose emergency numbers to show: a country code such as uk, us, ca, au, de, "
        "or eu or default (default: from the locale; an unknown one lists them all)",
    )
    add_argument(
        "--position",
        choices=POSITIONS,
        help="start holds in this position (default: the one used last time)",
    )
    add_argument(
        "--voice",
        action=argparse.BooleanOptionalAction,
        help="speak each step, the last seconds and time's up (v on the hold); remembered",
    )


COMMANDS = {
    "back": "start a hold for the back of the calf now",
    "front": "start a hold for the front (shin side) now",
    "routine": "run the bedtime stretch routine",
    "history": "review past cramps and routines",
    "red-flags": "print when to get medical help",
    "export": "write all episodes as CSV or JSON",
    "report": "write one HTML page for your doctor",
    "import": "bring in a backup that export wrote (JSON: everything; CSV: episodes)",
    "checkin": "answer the morning check-in: any cramps last night?",
    "meds": "list or change the medicines and conditions the doctor's page shows",
    "mark": 'mark a date for the doctor\'s page, e.g. "started the routine"',
    "tips": "print prevention tips and exit",
    "check-content": "check a content folder and exit 0 or 2",
}


APP = ("hold", "position", "plain", "theme", "lang", "region", "voice", "data-dir", "content")
OWN_OPTIONS: dict[str, tuple[str, ...]] = {
    "back": APP,
    "front": APP,
    "routine": ("plain", "theme", "lang", "region", "voice", "data-dir", "content"),
    "history": ("plain", "theme", "lang", "region", "data-dir", "content"),
    "red-flags": ("region", "lang", "data-dir", "content"),
    "export": ("data-dir",),
    "report": ("lang", "data-dir", "content"),
    "checkin": ("lang", "region", "data-dir", "content"),
    "tips": ("lang", "content"),
    "check-content": ("content",),
    "meds": ("data-dir",),
    "mark": ("data-dir",),
    "import": ("data-dir",),
}
"""The options each command's `--help` lists, of those every command accepts; a
command not here lists them all."""


class CommandLine(NamedTuple):
    """What a command line asked for: each option None (or its default) when not given,
    so a value from the command line is told from a remembered one."""

    command: str | None = None
    hold: int | None = None
    content: str | None = None
    plain: bool = False
    theme: str | None = None
    lang: str | None = None
    data_dir: str | None = None
    region: str | None = None
    position: str | None = None
    voice: bool | None = None
    format: str = "csv"
    """export: csv or json."""
    output: str | None = None
    """export, report: the file to write."""
    weeks: int = 12
    """report: how many weeks back."""
    causes: Sequence[str] = ()
    """tips: the cause ids whose tips come first."""
    dir: str | None = None
    """check-content: the folder to check."""
    words: Sequence[str] = ()
    """meds, mark: what to do and the name or label."""
    date: str | None = None
    """meds add, mark: the date (YYYY-MM-DD)."""
    file: str | None = None
    """import: the backup to read (- for stdin)."""
    dry_run: bool = False
    """import: say what would be added, write nothing."""


def parse(argv: Sequence[str]) -> CommandLine:
    """Read a command line; argparse exits with a message for one it cannot read."""
    if not argv or (len(argv) == 1 and argv[0] in COMMANDS):  # a command alone
        return CommandLine(argv[0] if argv else None)
    return CommandLine(**vars(build_parser().parse_args(argv)))


def build_parser() -> argparse.ArgumentParser:
    """Every option and command. Nothing given is left out of what it reads (SUPPRESS):
    an option may come before or after the command, and the command's own parser
    must not put a default over a value given before it. `CommandLine` has the
    defaults."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="calf-coach",
        argument_default=argparse.SUPPRESS,
        description="Talks you through a calf cramp, then helps you prevent the next one.",
        epilog="Run with no command to start at 'Where is the cramp?'. "
        "Screen reader? Run calf-coach --plain: the same questions, one line at a time.",
    )
    _add_common(parser)
    parser.add_argument("--version", action="version", version=f"calf-coach {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, summary in COMMANDS.items():
        command = sub.add_parser(
            name,
            help=summary,
            description=summary[0].upper() + summary[1:] + ".",
            argument_default=argparse.SUPPRESS,
        )
        _add_common(command, OWN_OPTIONS.get(name))
        if name == "export":
            command.add_argument("--format", choices=("csv", "json"), help="default csv")
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
                "--weeks",
                type=_weeks,
                help=f"how many weeks back (1-104, default {CommandLine().weeks})",
            )
        elif name in ("meds", "mark"):
            command.add_argument(
                "words",
                nargs="*",
                metavar="WORDS",
                help=(
                    "nothing to list; add NAME, remove NAME, or conditions add|remove ID"
                    f" ({', '.join(CONDITION_IDS)})"
                    if name == "meds"
                    else "the label, e.g. started the routine"
                ),
            )
            command.add_argument(
                "--date", metavar="YYYY-MM-DD", help="the date started (meds add) or marked"
            )
        elif name == "import":
            command.add_argument(
                "file", nargs="?", metavar="FILE", help="what export wrote (- for stdin)"
            )
            command.add_argument(
                "--dry-run", action="store_true", help="say what would be added; write nothing"
            )
        elif name == "tips":
            command.add_argument(
                "causes", nargs="*", metavar="CAUSE-ID", help="put tips for these first"
            )
            command.format_help = _with_cause_ids(command.format_help)  # type: ignore[method-assign]
        elif name == "check-content":
            command.add_argument(
                "dir", nargs="?", metavar="DIR", help="folder to check (default: built-in)"
            )
    return parser


def _with_cause_ids(format_help: Callable[[], str]) -> Callable[[], str]:
    """`tips --help` ends with the cause ids, read from the content when asked for (not
    on every command line): the content is where they are defined."""

    def with_ids() -> str:
        from coach.content.load import ContentError, load

        try:
            ids = [cause.id for cause in load().causes]
        except (ContentError, OSError):
            return format_help()
        return format_help() + f"\ncause ids: {', '.join(ids)}\n"

    return with_ids
