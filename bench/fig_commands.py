"""Figures 6 and 7: the printing commands and the content load.

`tips`, `red-flags`, `check-content` and `export` are used from scripts and in a
hurry, so they must start like a small Rich script, and must never pay for
importing Textual. Content loading runs on every start, so it gets its own figure.
"""

from __future__ import annotations

import statistics
import subprocess
import time

from common import APP, PYTHON, Policy, Row, child_env, data_dir, until_exit

REFERENCE = [PYTHON, "-c", "import rich, yaml"]
COMMANDS = {
    "tips": ["tips"],
    "red-flags": ["red-flags"],
    "check-content": ["check-content"],
    "export --format csv": ["export", "--format", "csv", "--data-dir", "{empty}"],
}


def imports_textual(args: list[str]) -> bool:
    """Run the command under -X importtime and look for any textual module."""
    result = subprocess.run(
        [PYTHON, "-X", "importtime", "-m", "coach", *args],
        capture_output=True,
        text=True,
        check=True,
        env=child_env(),
    )
    names = (line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines())
    return any(name.split(".")[0] == "textual" for name in names)


def command_rows(policy: Policy) -> list[Row]:
    with data_dir() as empty:
        commands = {
            name: [arg.format(empty=empty) for arg in args] for name, args in COMMANDS.items()
        }
        return _command_rows(policy, commands)


def _command_rows(policy: Policy, commands: dict[str, list[str]]) -> list[Row]:
    argvs = {name: [*APP, *args] for name, args in commands.items()}
    for argv in (REFERENCE, *argvs.values()):  # warm-up
        until_exit(argv)
    ref_times: list[float] = []
    times: dict[str, list[float]] = {name: [] for name in argvs}
    # Three times the start-up runs: each command lasts ~50 ms, so 21 rounds cost ~5 s,
    # and a slow moment of the machine, which can push one round 50% up, cannot land on
    # enough of them to move a median (one run read 1.56x, its neighbours 1.35x, 1.34x).
    for _ in range(3 * policy.runs):  # interleaved, so drift hits every command alike
        ref_times.append(until_exit(REFERENCE))
        for name, argv in argvs.items():
            times[name].append(until_exit(argv))
    ref = statistics.median(ref_times) * 1e3
    table = []
    for name, args in commands.items():
        textual = imports_textual(args)
        row = Row(f"6 {name}", statistics.median(times[name]) * 1e3, ref, "ms", 1.5)
        row.detail = "IMPORTS TEXTUAL" if textual else "no textual import"
        row.ok = not textual and bool(row.passed)
        table.append(row)
    return table


def content_rows(policy: Policy) -> list[Row]:
    """Time coach.content.load.load() in this process, after one call to warm it up."""
    from coach.content.load import load

    load()
    times = []
    for _ in range(policy.many):
        started = time.perf_counter()
        load()
        times.append(time.perf_counter() - started)
    median = statistics.median(times) * 1e3
    return [
        Row("7 coach.content.load.load() in-process", median, None, "ms", 10, f"{policy.many} runs")
    ]


def rows(policy: Policy) -> list[Row]:
    return [*command_rows(policy), *content_rows(policy)]
