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
from coach.core.choices import is_night
from coach.core.i18n import t
from coach.core.profile import CONDITIONS
from coach.documents.export import UsageError, check_target, write_text
from coach.store.history import DB_NAME, History, HistoryError
from coach.store.records import HELP_REASONS, OUTCOMES, RELIEF_NAMES
from coach.store.report_queries import FLAG_ROWS, Nights, ReportData, gather

STYLE = """
body{font:13px/1.35 system-ui,sans-serif;color:#111;max-width:48em;margin:1em auto;padding:0 1em}
h1{font-size:1.4em;margin:0}h2{font-size:1.05em;margin:.7em 0 .2em;border-bottom:1px solid #999}
p{margin:.2em 0}table{border-collapse:collapse}td,th{padding:0 .6em 0 0;text-align:left}
td.n{text-align:right;white-space:nowrap}.meta,.note{color:#444}svg{display:block}
.who{margin:.5em 0;white-space:pre}ul{margin:.1em 0;padding-left:1.2em}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:0 2em}
@page{size:A4;margin:11mm}
@media print{body{font-size:9.5pt;margin:0;max-width:none}h2{break-after:avoid}
section{break-inside:avoid}}
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _num(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _bars_svg(
    rows: list[tuple[str, float, str]],
    width: int = 640,
    top: float | None = None,
    h: int = 17,
    label_w: int = 90,
) -> str:
    """Horizontal bars with the label left and the value written at the end; the bars
    take at most half the width so the longest value text always fits after them.
    `top`: the value of a full bar (1 for a rate), else the largest value."""
    top = top or max((v for _, v, _ in rows), default=0) or 1
    bar_w = width // 2 - label_w
    height = h * len(rows) + 4
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 {width} {height}"'
        f' style="max-width:{width}px" role="img">'
    ]
    for i, (label, value, text) in enumerate(rows):
        y = i * h + 2
        w = round(min(value, top) / top * bar_w) if value > 0 else 0
        parts.append(
            f'<text x="0" y="{y + 12}" font-size="12">{_e(label)}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{max(w, 1 if value > 0 else 0)}"'
            f' height="{h - 6}" fill="#3465a4"/>'
            f'<text x="{label_w + w + 6}" y="{y + 12}" font-size="12">{_e(text)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _hours_svg(hours: tuple[int, ...], width: int = 320, height: int = 64) -> str:
    """Cramps by hour, noon to noon so the night reads as one stretch; the night hours
    (coach.core.choices.NIGHT_HOURS) shaded."""
    order = [(12 + n) % 24 for n in range(24)]
    top = max(hours) or 1
    col = width / 24
    base = height - 14
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 {width} {height}"'
        f' style="max-width:{width}px" role="img">'
    ]
    for i, hour in enumerate(order):
        x = round(i * col, 1)
        if is_night(hour):
            parts.append(
                f'<rect x="{x}" y="0" width="{round(col, 1)}" height="{base}" fill="#eee"/>'
            )
        n = hours[hour]
        if n:
            bar = max(1, round(n / top * (base - 2)))
            parts.append(
                f'<rect x="{round(x + 1, 1)}" y="{base - bar}" width="{round(col - 2, 1)}"'
                f' height="{bar}" fill="#3465a4"/>'
            )
        if hour % 6 == 0:
            parts.append(f'<text x="{x}" y="{height - 2}" font-size="10">{hour:02d}</text>')
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


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{_e(i)}</li>" for i in items) + "</ul>"


def _minutes(value: float | None, n: int) -> str:
    """ "2.0 (n=4)", or "n/a (n=0)": never a mean of nothing shown as 0.0."""
    return t("n/a (n=0)") if not n or value is None else f"{value:.1f} (n={n})"


def _stretch(name: str, nights: Nights) -> str:
    """One run of nights as counts: cramps, per week, nights with cramps, of recorded
    nights, and the nights with no record."""
    return t(
        "{name}: {cramps} cramps ({per_week} a week), on {with_cramps} of {recorded} recorded"
        " nights; {unrecorded} of {nights} nights not recorded.",
        name=name,
        cramps=nights.cramps,
        per_week=f"{nights.per_week:.1f}",
        with_cramps=nights.with_cramps,
        recorded=nights.recorded,
        unrecorded=nights.unrecorded,
        nights=nights.nights,
    )


FLAG_WHAT = {
    "clot": "said one leg was swollen, warm or red: no stretch, advised same-day help",
    "tear": "said it began with a kick or pop: no stretch, advised help",
    "cold-foot": "said the foot was cold, pale or numb: no stretch, advised urgent help",
    "long-cramp": "not gone after about 10 minutes: advised to get help",
    "morning-swollen": "morning check-in: one calf still swollen, warm or painful:"
    " advised same-day help",
}
"""What happened at each red flag, as the page says it (the flow's GetHelp for each)."""
FLAG_OLD = "reason not recorded (older version)"


def _how_often(data: ReportData) -> str:
    rows = [
        (
            f"{w.first:%m-%d}",
            w.cramps,
            t(
                "{cramps} cramps; {with_cramps} nights with cramps; {recorded} recorded,"
                " {unrecorded} not",
                cramps=w.cramps,
                with_cramps=w.with_cramps,
                recorded=w.recorded,
                unrecorded=w.unrecorded,
            ),
        )
        for w in data.weeks
    ]
    lines: list[str] = []
    if data.baseline is not None and data.latest is not None:
        lines.append(_stretch(t("First 4 weeks (baseline)"), data.baseline))
        lines.append(_stretch(t("Last 4 weeks"), data.latest))
    for mark, before, after in data.marked:
        lines += [
            t("Marked {day}: {label}.", day=mark.day.isoformat(), label=mark.label),
            _stretch(t("Before"), before),
            _stretch(t("From then on"), after),
        ]
    lines.append(
        t(
            "{episodes} cramps recorded during episodes, {cramps} counting the morning"
            " check-ins; nights recorded: {recorded} of {nights}. A night not recorded is"
            " unknown, not a night without cramps.",
            episodes=data.cramps,
            cramps=sum(w.cramps for w in data.weeks),
            recorded=sum(w.recorded for w in data.weeks),
            nights=len(data.weeks) * 7,
        )
    )
    return _section(
        t("How often: cramps per week (week starting)"),
        _bars_svg(rows, h=16),
        "".join(_p(line) for line in lines),
    )


def _legs(data: ReportData) -> str:
    names = {
        "left": t("Left"),
        "right": t("Right"),
        "both": t("Both"),
        "": t("not recorded"),
        "unknown": t("not recorded"),
    }
    rows = [(names.get(leg, leg), n) for leg, n in data.legs]
    recorded = [leg for leg, n in data.legs if leg and n]
    body = [_table(rows) if rows else _p(t("None."))]
    if len(recorded) == 1 and recorded[0] in ("left", "right"):
        body.append(_p(t("Cramps in one leg only: worth mentioning.")))
    body.append(
        _p(
            t(
                "Side of the calf: {sides}.",
                sides=t(", ").join(f"{names.get(s, t(s))} {n}" for s, n in data.sides),
            )
            if data.sides
            else ""
        )
    )
    return _section(t("Which leg"), *body)


def _when(data: ReportData) -> str:
    night, day = data.night_and_day
    return _section(
        t("When (hour of the day, night shaded)"),
        _hours_svg(data.hours),
        _p(t("At night (21:00-07:00): {night}; in the day: {day}.", night=night, day=day)),
    )


def _severity(data: ReportData) -> str:
    top, mean, rated = data.severity
    low, mid, high = data.severity_bands
    answered, with_cramps, skipped = data.checkins
    disturbed, slept = data.sleep
    return _section(
        t("Severity (0 none to 10 worst) and sleep"),
        _table(
            [
                (t("cramps with a severity"), rated),
                (t("highest"), "-" if top is None else top),
                (t("mean"), _num(mean)),
                (t("rated 0-3 / 4-6 / 7-10"), f"{low} / {mid} / {high}"),
                (t("mean seconds held"), _num(data.held_seconds, 0)),
                (t("mean minutes until eased"), _minutes(*data.eased_minutes)),
                (t("check-ins: mean worst"), _num(data.checkin_worst)),
                (
                    t("nights sleep disturbed 5/10 or more"),
                    t("{n} of {of} rated", n=disturbed, of=slept),
                ),
            ]
        ),
        _p(
            t(
                "Check-ins answered on {answered} mornings ({with_cramps} with cramps,"
                " {skipped} skipped).",
                answered=answered,
                with_cramps=with_cramps,
                skipped=skipped,
            )
        ),
    )


def _eased(data: ReportData) -> str:
    rows = [
        (
            t(p),
            eased / finished,
            t(
                "{rate}% ({eased} of {finished})",
                rate=round(100 * eased / finished),
                eased=eased,
                finished=finished,
            ),
        )
        for p, eased, finished in data.eased_by_position
    ]
    return _section(
        t("What eased them (gone or sore, of finished stretches)"),
        _bars_svg(rows, width=340, top=1, label_w=70)
        if rows
        else _p(t("No finished cramps in these weeks.")),
        _p(
            t(
                "Other relief tried: {relief}",
                relief=t(", ").join(
                    f"{t(RELIEF_NAMES.get(r, r))} {n}" for r, n in data.relief_tried
                )
                or t("none"),
            )
        ),
        _p(
            t(
                "Outcomes: {outcomes}.",
                outcomes=t(", ").join(f"{t(OUTCOMES.get(o, o))} {n}" for o, n in data.outcomes)
                or t("none"),
            )
        ),
    )


def _red_flags(data: ReportData) -> str:
    shown = data.red_flags[:FLAG_ROWS]
    items = [
        f"{f.at} — "
        + (
            t(HELP_REASONS.get(f.reason, f.reason)) + ": " + t(FLAG_WHAT[f.reason])
            if f.reason in FLAG_WHAT and f.reason in HELP_REASONS
            else t(FLAG_WHAT[f.reason])
            if f.reason in FLAG_WHAT
            else t(FLAG_OLD)
        )
        for f in shown
    ]
    more = len(data.red_flags) - len(shown)
    body = [_list(items) if items else _p(t("None."))]
    if more:
        body.append(_p(t("and {n} more (calf-coach export lists them all).", n=more)))
    return _section(t("Red-flag events and cramps over 10 minutes"), *body)


def _profile(data: ReportData) -> str:
    meds = [
        t("{name}, since {day}", name=m.name, day=m.started.isoformat())
        if m.started
        else t("{name}, start date not given", name=m.name)
        for m in data.medicines
    ]
    conds = [t(CONDITIONS.get(c, c)) for c in data.conditions]  # type: ignore[call-overload]
    return _section(
        t("Medicines and conditions (as the person listed them)"),
        _p(t("Medicines: {list}", list="; ".join(meds) or t("none listed"))),
        _p(t("Conditions: {list}", list="; ".join(conds) or t("none listed"))),
    )


def _causes(data: ReportData, names: dict[str, str]) -> str:
    medicine = dict(data.causes).get("medicine", 0)
    return _section(
        t("Possible causes answered yes"),
        _p(t(", ").join(f"{names.get(c, c)} {n}" for c, n in data.causes))
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
        _p(
            t(
                "Bedtime routine done on {n} of {nights} nights.",
                n=data.routine_nights,
                nights=len(data.weeks) * 7,
            )
        ),
    )


def render(data: ReportData, made: datetime, lang: str = "en", names=None) -> str:
    """The whole page. `names`: cause id -> the content's name for it."""
    names = names or {}
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
            t("Name: ______________________________   Date of birth: ______________"),
            "who",
        ),
        _p(
            t(
                "Recorded by the person with the app and their morning check-ins: their own "
                "record, not a trial and not a diagnosis."
            ),
            "note",
        ),
    ]
    if data.left_out:
        parts.append(
            _p(
                t(
                    "{n} rows of the history could not be read and are left out.",
                    n=data.left_out,
                ),
                "note",
            )
        )
    parts += [
        _how_often(data),
        '<div class="grid">',
        _legs(data),
        _when(data),
        _severity(data),
        _eased(data),
        "</div>",
        _red_flags(data),
        '<div class="grid">',
        _profile(data),
        _causes(data, names),
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
