"""One page for the doctor: `calf-coach report` and `r` on the history screen.

A self-contained HTML file: inline SVG charts drawn by hand, one short style sheet
with print rules for A4, no script, no font or picture from anywhere. Every piece of
text goes through html.escape, whatever its origin. The file is written the way
exports are (coach/documents/export.py): atomically, private, never inside the data folder.
"""

from __future__ import annotations

import sys
from datetime import datetime
from html import escape
from pathlib import Path

from coach import __version__
from coach.core.i18n import t
from coach.documents.export import UsageError, check_target, write_text
from coach.store.history import DB_NAME, History, HistoryError
from coach.store.records import HELP_REASONS, OUTCOMES, RELIEF_NAMES
from coach.store.report_queries import ReportData, gather

STYLE = """
body{font:14px/1.4 system-ui,sans-serif;color:#111;max-width:46em;margin:1em auto;padding:0 1em}
h1{font-size:1.5em;margin:0}h2{font-size:1.1em;margin:1em 0 .3em;border-bottom:1px solid #999}
table{border-collapse:collapse}td,th{padding:.1em .6em;text-align:left}
td.n{text-align:right;white-space:nowrap}.meta,.note{color:#444}svg{display:block}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:0 2em}
@page{size:A4;margin:12mm}
@media print{body{font-size:10.5pt;margin:0;max-width:none}h2{break-after:avoid}
section{break-inside:avoid}}
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _num(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _bars_svg(rows: list[tuple[str, float, str]], width: int = 640) -> str:
    """Horizontal bars with the label left and the value written at the end; the bars
    take at most half the width so the longest value text always fits after them."""
    top = max((v for _, v, _ in rows), default=0) or 1
    h, label_w, bar_w = 18, 90, width // 2 - 90
    height = h * len(rows) + 4
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 {width} {height}"'
        f' style="max-width:{width}px" role="img">'
    ]
    for i, (label, value, text) in enumerate(rows):
        y = i * h + 2
        w = round(value / top * bar_w) if value > 0 else 0
        parts.append(
            f'<text x="0" y="{y + 13}" font-size="12">{_e(label)}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{max(w, 1 if value > 0 else 0)}"'
            f' height="{h - 6}" fill="#3465a4"/>'
            f'<text x="{label_w + w + 6}" y="{y + 13}" font-size="12">{_e(text)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _table(rows: list[tuple[object, ...]]) -> str:
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{_e(c)}</td>' if i else f"<td>{_e(c)}</td>" for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table>{body}</table>"


def _section(title: str, *body: str) -> str:
    return f"<section><h2>{_e(title)}</h2>{''.join(body)}</section>"


def _p(text: str, cls: str = "") -> str:
    return f'<p class="{cls}">{_e(text)}</p>' if cls else f"<p>{_e(text)}</p>"


def render(data: ReportData, made: datetime, lang: str = "en", names=None) -> str:
    """The whole page. `names`: cause id -> the content's name for it."""
    names = names or {}
    weeks = [
        (
            w.start.isoformat(),
            w.cramps / w.nights_known if w.nights_known else 0,
            t(
                "{rate} a night ({cramps} cramps, nights known: {known})",
                rate=f"{w.cramps / w.nights_known:.1f}",
                cramps=w.cramps,
                known=w.nights_known,
            )
            if w.nights_known
            else t("no nights known"),
        )
        for w in data.weeks
    ]
    top, mean, rated = data.severity
    low, mid, high = data.severity_bands
    answered, with_cramps, skipped = data.checkins
    medicine = dict(data.causes).get("medicine", 0)
    tried = data.relief_tried
    parts = [
        f'<!DOCTYPE html><html lang="{_e("zh-Hans" if lang == "zh" else "en")}"><head>'
        '<meta charset="utf-8"><meta name="viewport" content="width=device-width">'
        f"<title>{_e(t('Calf cramp diary for your doctor'))}</title>"
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{_e(t('Calf cramp diary for your doctor'))}</h1>",
        _p(
            t(
                "Nights {first} to {last} ({weeks} weeks). Made {made} by Calf Coach {version}.",
                first=data.first_night.isoformat(),
                last=data.last_night.isoformat(),
                weeks=len(data.weeks),
                made=made.strftime("%Y-%m-%d %H:%M"),
                version=__version__,
            ),
            "meta",
        ),
        _p(
            t(
                "Recorded by the person with the app and their morning check-ins: their own "
                "record, not a trial and not a diagnosis."
            ),
            "note",
        ),
        _section(
            t("Cramps per night, by week (week starting)"),
            _bars_svg(weeks),
            _p(
                t(
                    "{cramps} cramps recorded during episodes; check-ins answered on {answered} "
                    "mornings ({with_cramps} with cramps, {skipped} skipped).",
                    cramps=data.cramps,
                    answered=answered,
                    with_cramps=with_cramps,
                    skipped=skipped,
                )
            ),
        ),
        '<div class="grid">',
        _section(
            t("Severity (0-10) and duration"),
            _table(
                [
                    (t("cramps with a severity"), rated),
                    (t("highest"), "-" if top is None else top),
                    (t("mean"), _num(mean)),
                    (t("rated 0-3 / 4-6 / 7-10"), f"{low} / {mid} / {high}"),
                    (t("mean seconds held"), _num(data.held_seconds, 0)),
                    (t("mean minutes until eased"), _num(data.eased_minutes)),
                    (t("check-ins: mean worst"), _num(data.checkin_worst)),
                    (t("check-ins: mean sleep disturbed"), _num(data.checkin_sleep)),
                ]
            ),
        ),
        _section(
            t("Sides and outcomes"),
            _table(
                [(t(s), n) for s, n in data.sides]
                + [(t(OUTCOMES.get(o, o)), n) for o, n in data.outcomes]
            ),
        ),
        "</div>",
        _section(
            t("What eased them (stretch position: gone / finished)"),
            _bars_svg([(t(p), g, f"{g} / {n}") for p, g, n in data.eased_by_position])
            if data.eased_by_position
            else _p(t("No finished cramps in these weeks.")),
            _p(
                t(
                    "Other relief tried: {relief}",
                    relief=", ".join(f"{t(RELIEF_NAMES.get(r, r))} {n}" for r, n in tried)
                    or t("none"),
                )
            ),
        ),
        '<div class="grid">',
        _section(
            t("Possible causes answered yes"),
            _table([(names.get(c, c), n) for c, n in data.causes])
            if data.causes
            else _p(t("None answered.")),
            _p(
                t(
                    "A new medicine was named as a possible cause in {n} of {total} cramps "
                    "whose causes were answered.",
                    n=medicine,
                    total=data.cramps_with_causes,
                )
            ),
        ),
        _section(
            t("Red-flag events"),
            _table([(t(HELP_REASONS.get(r, r)), n) for r, n in data.red_flags])
            if data.red_flags
            else _p(t("None.")),
            _p(
                t(
                    "Bedtime routine done on {n} of {nights} nights.",
                    n=data.routine_nights,
                    nights=len(data.weeks) * 7,
                )
            ),
        ),
        "</div></body></html>\n",
    ]
    return "".join(parts)


def make_page(store: History, weeks: int, lang: str, names, now: datetime | None = None) -> str:
    now = now or datetime.now().astimezone()
    return render(gather(store, now, weeks), now, lang, names)


def write_report(store: History, target: Path, lang: str, names, data_dir: Path) -> str:
    """For `r` on the history screen (on a worker thread): the line to show."""
    try:
        path = check_target(str(target), data_dir)
        write_text(path, make_page(store, 12, lang, names))
    except UsageError as error:
        return str(error)
    except (HistoryError, OSError) as error:
        return t("The report could not be written ({error}).", error=error)
    return t("Report written to {path}.", path=path)


def run_report(output: str | None, weeks: int, directory: Path, lang: str, names) -> int:
    """The CLI's entry point: the page to `-o FILE` (default calf-coach-report.html in
    the current folder) or to stdout with `-o -`."""
    output = output or "calf-coach-report.html"
    target = None
    if output != "-":
        try:
            target = check_target(output, directory)
        except UsageError as error:
            print(error, file=sys.stderr)
            return 2
    if not (Path(directory).expanduser() / DB_NAME).exists():
        print(f"No history yet in {directory}.", file=sys.stderr)
        return 1
    opened = History.open(directory)
    if opened.warning:
        print(opened.warning, file=sys.stderr)
    if opened.store is None:
        return 1
    try:
        page = make_page(opened.store, weeks, lang, names)
    except HistoryError as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        opened.store.close()
    if target is None:
        sys.stdout.write(page)
        return 0
    try:
        write_text(target, page)
    except OSError as error:
        print(f"calf-coach: could not write {output}: {error.strerror or error}.", file=sys.stderr)
        return 1
    print(t("Report written to {path}.", path=target), file=sys.stderr)
    return 0
