"""The `calf-coach` command: it reads the command line, decides the run's choices once
(coach.core.choices: the country, the voice, the theme, the language) and hands them
to what runs: a printing command, plain mode or the full-screen app.

Free of Textual imports: the printing commands must start fast and work where no
full-screen terminal exists. What a command alone needs loads when that command runs,
at one of three seams (tests/unit/test_layers.py lists them): a face (the full-screen
app or plain mode), the store (settings, the content cache, the history), a document
(tips, red flags, the report, the export).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from coach.cli_args import COMMANDS, HOLD_RANGE, CommandLine, build_parser, parse
from coach.core import i18n
from coach.core.choices import Choices, Remembered, choose_language, resolve
from coach.system.collector import CollectorPause
from coach.system.streams import CLOSED, data_stdout, guarded

if TYPE_CHECKING:
    from pathlib import Path

    from coach.content.model import Content

__all__ = ["COMMANDS", "HOLD_RANGE", "CommandLine", "build_parser", "main", "parse"]


_PRINTING = ("tips", "red-flags", "check-content", "export")
"""Commands that print (or write a file) and end: see `main` on the collector."""


def main(argv: Sequence[str] | None = None) -> int:
    """Every command runs inside coach.system.streams.guarded: a closed pipe, a full disk or a
    terminal that cannot show a character never ends one with a traceback.

    A printing command makes thousands of objects that all live until it ends, and no
    garbage cycles worth finding: the cyclic collector stays paused while it runs, and,
    when the program ends with it, what exists is frozen so the interpreter's last
    collection does not walk it all once more.
    """
    args = sys.argv[1:] if argv is None else list(argv)
    if not args or args[0] not in _PRINTING:
        return guarded(lambda: _main(args))
    pause = CollectorPause.start()
    try:
        return guarded(lambda: _main(args))
    finally:
        if argv is None:  # the program, not a caller that goes on: it ends now
            pause.freeze()
        pause.resume()


def _main(argv: list[str]) -> int:
    line = parse(argv)
    if line.command == "check-content":
        # The documents seam: check-content's YAML checkers load when it runs.
        from coach.documents.check import check_content

        return check_content(line.dir or line.content)
    if line.command == "export" and line.output in (None, "-") and "stdout" in CLOSED:
        print(
            "calf-coach: standard output is closed; nothing was exported. "
            "Give a file with -o FILE.",
            file=sys.stderr,
        )
        return 1
    if line.command == "export":
        # The documents seam: the export (and SQLite) load when it runs.
        from coach.documents.export import run_export

        data_stdout()  # the rows as they are stored, into a pipe or a file
        return run_export(line.format, line.output, _data_dir(line))
    lang = choose_language(line.lang, os.environ)
    content = _load_or_explain(line.content, lang)
    if content is None:
        return 2
    if line.region is not None and line.region not in content.regions:
        known = ", ".join(content.regions)
        print(f"calf-coach: unknown region {line.region!r}; known: {known}", file=sys.stderr)
        return 2
    if line.command == "tips":
        # The documents seam: the printer loads when a printing command runs.
        from coach.documents.printing import print_tips

        return print_tips(content, list(line.causes))
    where = _data_dir(line)  # after tips: they need no data
    if line.command == "red-flags":
        # The documents and store seams: the printer, and the settings for the country.
        from coach.documents.red_flags import print_red_flags
        from coach.store.settings import load_settings

        choices = _choices(line, lang, content, load_settings(where).settings)
        return print_red_flags(content, content.regions[choices.region])
    if line.command == "report":
        # The documents seam: the report (and SQLite) load when it runs.
        from coach.documents.report import run_report

        names = {c.id: c.name for c in content.causes}
        return run_report(line.output, line.weeks, where, lang, names)
    if line.command in ("meds", "mark"):
        # The documents seam: the profile commands (and SQLite) load when one runs.
        from coach.documents.profile_cli import run_mark, run_meds

        run = run_meds if line.command == "meds" else run_mark
        return run(list(line.words), line.date, where)
    if line.command == "import":
        # The documents seam: the import (and SQLite) load when it runs.
        from coach.documents.import_file import run_import

        if line.file is None:
            print("calf-coach: give the file to import: calf-coach import FILE", file=sys.stderr)
            return 2
        return run_import(line.file, line.dry_run, where)
    if line.command == "checkin" or _want_plain(line):
        return _run_plain(content, line, lang, where)
    return _run_app(content, line, lang, where)


def _data_dir(line: CommandLine) -> Path:
    """Where the person's files are: the --data-dir given, or the platform's place."""
    # The store seam: check-content and tips need no data, and no pathlib.
    from coach.store.locations import data_dir

    return data_dir(line.data_dir)


def _choices(
    line: CommandLine,
    lang: str,
    content: Content,
    remembered: Remembered,
    themes: Collection[str] = (),
) -> Choices:
    """This run's choices, from the command line, the settings and the locale."""
    return resolve(
        remembered,
        content.regions,
        os.environ,
        lang=lang,
        region=line.region,
        voice=line.voice,
        theme=line.theme,
        themes=themes,
    )


def _want_plain(line: CommandLine) -> bool:
    """Plain mode when asked, or when a full-screen app could not be seen or used."""
    if line.plain or CLOSED:  # a closed stream: the full screen could not be drawn or used
        return True
    if os.environ.get("TERM", "") in ("dumb", "unknown"):
        return True
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return True
    encoding = (sys.stdout.encoding or "").lower().replace("-", "").replace("_", "")
    if encoding != "utf8":
        # The full-screen app draws with box and block characters; in a Latin-1 (or
        # other non-UTF-8) terminal they arrive as escapes, so use plain lines instead.
        print(
            f"calf-coach: this terminal is not UTF-8 ({sys.stdout.encoding}); using "
            "plain mode. Set a UTF-8 locale for the full-screen app.",
            file=sys.stderr,
        )
        for stream in (sys.stdout, sys.stderr):
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
        return True
    return False


def _run_plain(content: Content, line: CommandLine, lang: str, where: Path) -> int:
    # The screens seam (plain mode is the other face) and the store seam: plain mode
    # and the settings load when plain mode is chosen.
    from coach.plain.driver import run_plain
    from coach.store.settings import load_settings

    prefs = load_settings(where)
    choices = _choices(line, lang, content, prefs.settings)
    return run_plain(
        content, choices, prefs, line.command, hold=line.hold, position=line.position, where=where
    )


def _run_app(content: Content, line: CommandLine, lang: str, where: Path) -> int:
    """The full-screen app, with the cyclic garbage collector paused for start-up: the
    app resumes it once its first screen is drawn (CalfCoach.started), and this does
    when the app ends, however it ends.

    Start-up builds a few hundred thousand objects that all live to the end (most of
    them Textual's, as it is imported), and the collector would walk them over and
    over while they are made.
    """
    pause = CollectorPause.start()
    app = None
    early = None
    if line.command == "history":
        # The store seam: the history is read on a thread while Textual is imported.
        from coach.text.history_view import read_early

        early = read_early(where)
    try:
        # The screens and store seams: the full-screen face loads when it is chosen.
        from coach.store.settings import load_settings
        from screens.app.shell import make_app, theme_names
        from screens.app.textual_private import drop_undecodable_input

        drop_undecodable_input()
        prefs = load_settings(where)
        app = make_app(
            content,
            _choices(line, lang, content, prefs.settings, theme_names()),
            prefs=prefs,
            data_dir=where,
            start=line.command,
            hold_seconds=line.hold,
            position=line.position,
            history_early=early,
            collector=pause,
        )
        app.run()
    finally:
        pause.resume()
        # However the app ended (a crash too): the last episode's last advice, settled
        # before the history writer's final flush, printed once the terminal is back.
        farewell = app.farewell_text() if app is not None else ""
        # The app flushed its history writer on the way out; what is still unsaved (a
        # database locked all along) is said here, where the terminal is back to normal.
        note = app.recorder.close() if app is not None else None
        if note:
            print(f"calf-coach: {note}", file=sys.stderr)
        if farewell:
            # The documents seam: printing loads once the app has ended.
            from coach.documents.textout import print_folded

            print_folded(farewell)
    return app.return_code or 0


def _load_or_explain(directory: str | Path | None, lang: str = "en") -> Content | None:
    """Content (and interface strings) in `lang`, or None after printing why not."""
    # The store seam: the checked content is read from its cache when a command first
    # needs it (export needs none); a hit imports no YAML checker.
    from coach.store import content_cache

    try:
        content, ui = content_cache.load(content_cache.language_folder(directory, lang))
    except content_cache.ContentError as exc:
        print(f"calf-coach: content problem: {exc}", file=sys.stderr)
        return None
    i18n.use(ui)
    return content
