"""The `calf-coach` command.

Kept free of Textual imports: the printing commands must start fast and work where
no full-screen terminal exists. The TUI is imported only when it is needed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from coach.cli_args import COMMANDS, HOLD_RANGE, build_parser, quick_parse

if TYPE_CHECKING:  # argparse loads only when there are arguments to parse
    import argparse
    from pathlib import Path

__all__ = ["COMMANDS", "HOLD_RANGE", "build_parser", "main", "quick_parse"]


_PRINTING = ("tips", "red-flags", "check-content")
"""Commands that load the content, print and end: see `main` on the collector."""


def main(argv: Sequence[str] | None = None) -> int:
    """Every command runs inside coach.system.streams.guarded: a closed pipe, a full disk or a
    terminal that cannot show a character never ends one with a traceback.

    A printing command makes thousands of objects that all live until it ends, and no
    garbage cycles worth finding: the cyclic collector stays off while it runs, and,
    when the program ends with it, what exists is frozen so the interpreter's last
    collection does not walk it all once more. Together 5-8 ms of a 60 ms command.
    """
    import gc

    from coach.system.streams import guarded

    args = sys.argv[1:] if argv is None else list(argv)
    if not args or args[0] not in _PRINTING:
        return guarded(lambda: _main(args))
    gc.disable()
    try:
        return guarded(lambda: _main(args))
    finally:
        if argv is None:  # the program, not a caller that goes on: it ends now
            gc.freeze()
        gc.enable()


def _main(argv: list[str]) -> int:
    args = quick_parse(argv) or build_parser().parse_args(argv)
    command = args.command
    content_dir = getattr(args, "content", None)
    if command == "check-content":
        return _check_content(args.dir or content_dir)
    from coach.store.locations import data_dir

    if command == "export":
        from coach.documents.export import run_export

        return run_export(args.format, args.output, data_dir(getattr(args, "data_dir", None)))
    content = _load_or_explain(content_dir, _language(args))
    if content is None:
        return 2
    asked = getattr(args, "region", None)
    if asked is not None and asked not in content.regions:
        known = ", ".join(content.regions)
        print(f"calf-coach: unknown region {asked!r}; known: {known}", file=sys.stderr)
        return 2
    if command == "tips":
        from coach.documents.printing import print_tips

        return print_tips(content, args.causes)
    if command == "red-flags":
        from coach.documents.printing import print_red_flags

        return print_red_flags(content, content.regions[_printing_region(content, args, asked)])
    where = data_dir(getattr(args, "data_dir", None))  # after tips: they need no data
    if command == "report":
        from coach.documents.report import run_report

        names = {c.id: c.name for c in content.causes}
        return run_report(args.output, args.weeks, where, _language(args), names)
    if command == "checkin" or _want_plain(args):
        return _run_plain(content, args, where, asked, command)
    return _run_app(
        content,
        data_dir=where,
        start=command,
        hold_seconds=getattr(args, "hold", None),
        position=getattr(args, "position", None),
        region=asked,  # the app adds the remembered country, the locale's, or asks
        theme=getattr(args, "theme", None),
        voice=getattr(args, "voice", None),
        voice_lang=_language(args),
    )


def _want_plain(args: argparse.Namespace) -> bool:
    """Plain mode when asked, or when a full-screen app could not be seen or used."""
    if getattr(args, "plain", False):
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


def _run_plain(content, args: argparse.Namespace, where: Path, asked, command) -> int:
    from coach.core.i18n import choose_region
    from coach.plain.driver import PlainCoach
    from coach.store.recorder import Recorder
    from coach.store.settings import load_settings

    prefs = load_settings(where)
    region = choose_region(content.regions, asked, prefs.settings.region, os.environ)
    saved = None
    if asked is not None and asked != prefs.settings.region:  # --region changes it
        prefs.settings.region = asked
        saved = prefs.save()
    voice = _plain_voice(prefs, getattr(args, "voice", None), _language(args))
    coach = PlainCoach(
        content,
        recorder=Recorder(where),
        prefs=prefs,
        region=content.regions[region.id],
        ask_region=region.ask,
        hold_seconds=getattr(args, "hold", None),
        position=getattr(args, "position", None),
        data_dir=where,
        voice=voice,
    )
    coach.warn(prefs.warning)
    coach.warn(saved)
    ended_by: list[int] = []
    _leave_on_signals(ended_by)
    coach.warn(voice.take_note())
    try:
        code = coach.run(command)
    finally:
        coach.recorder.close()  # again, in case printing a note failed before run's own
    return 128 + ended_by[0] if ended_by else code


def _leave_on_signals(ended_by: list[int]) -> None:
    """A closed terminal (SIGHUP) or `kill` (SIGTERM) leaves plain mode as Ctrl+C does:
    the flow records what happened and the safety net is printed (if the terminal is
    still there). The exit code is 128 + the signal's number, as a shell expects."""
    import contextlib
    import signal

    def leave(signum: int, _frame: object) -> None:
        ended_by.append(signum)
        raise KeyboardInterrupt

    for sig in (signal.SIGTERM, signal.SIGHUP):
        with contextlib.suppress(ValueError, OSError, AttributeError):  # not main thread
            signal.signal(sig, leave)


def _plain_voice(prefs, wanted: bool | None, lang: str):
    """Plain mode speaks too: --voice/--no-voice, else the remembered choice (kept)."""
    from coach.system.speech import Voice

    if wanted is not None and wanted != prefs.settings.voice:
        prefs.settings.voice = wanted
        prefs.save()
    return Voice(prefs.settings.voice if wanted is None else wanted, lang)


def _run_app(content, **options) -> int:
    """The full-screen app, with the cyclic garbage collector off until its first screen
    is drawn (the app turns it back on, see CalfCoach.started) or it ends.

    Start-up builds a few hundred thousand objects that all live to the end (most of
    them Textual's, as it is imported), and the collector would walk them over and
    over while they are made: about 14 ms of CPU, in-process.
    """
    import gc

    gc.disable()
    app = None
    if options.get("start") == "history":  # read the history while Textual is imported
        from coach.text.history_view import read_early

        options["history_early"] = read_early(options["data_dir"])
    try:
        from screens.app.shell import make_app
        from screens.app.textual_private import drop_undecodable_input

        drop_undecodable_input()
        app = make_app(content, **options)
        app.run()
    finally:
        gc.enable()
        # The app flushed its history writer on the way out; what is still unsaved (a
        # database locked all along) is said here, where the terminal is back to normal.
        note = app.recorder.close() if app is not None else None
        if note:
            print(f"calf-coach: {note}", file=sys.stderr)
    if app.farewell:  # left mid-episode: the safety net, once the terminal is back
        from coach.text.wording import plain_text

        print(plain_text(app.farewell))
    return app.return_code or 0


def _printing_region(content, args: argparse.Namespace, asked: str | None) -> str:
    """--region, else the country the person chose in the app, else the locale's."""
    from coach.core.i18n import choose_region

    remembered = None
    if asked is None:
        from coach.store.locations import data_dir
        from coach.store.settings import load_settings

        remembered = load_settings(data_dir(getattr(args, "data_dir", None))).settings.region
    return choose_region(content.regions, asked, remembered, os.environ).id


def _language(args: argparse.Namespace) -> str:
    from coach.core.i18n import language_from_locale

    return getattr(args, "lang", None) or language_from_locale()


def _load_or_explain(directory: str | Path | None, lang: str = "en", cached: bool = True):
    """Content (and interface strings) in `lang`, or None after printing why not.

    `cached=False` reads and checks every file (check-content must not trust a copy).
    """
    from coach.content.model import default_dir
    from coach.content.yamlfile import ContentError
    from coach.core import i18n

    root = os.fspath(directory) if directory else default_dir()
    folder = os.path.join(root, lang) if lang != "en" else root
    try:
        if cached:  # a hit imports no YAML checker (coach.store.content_cache)
            from coach.store import content_cache as cache

            content, ui = cache.load(folder)
        else:
            from coach.content.load import load, load_ui

            content, ui = load(folder), load_ui(folder)
        i18n.use(ui)
    except ContentError as exc:
        print(f"calf-coach: content problem: {exc}", file=sys.stderr)
        return None
    return content


def _check_content(directory: str | Path | None) -> int:
    """Check the folder and every translation beside it."""
    from coach.content.model import default_dir
    from coach.core.i18n import LANGUAGES

    root = os.fspath(directory) if directory else default_dir()
    for lang in LANGUAGES:
        if lang != "en" and not os.path.isdir(os.path.join(root, lang)):
            continue
        content = _load_or_explain(root, lang, cached=False)
        if content is None:
            return 2
        print(
            f"content ok ({lang}): {len(content.guides)} guides, {len(content.causes)} causes, "
            f"{len(content.tips)} tips, {len(content.red_flags)} red flags"
        )
    return 0
