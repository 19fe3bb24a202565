"""`calf-coach meds` and `calf-coach mark` (#28): what the person keeps for the doctor's
page, in the same private database; names only, and the page lists them."""

from __future__ import annotations

import stat
from pathlib import Path

from coach.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_meds_add_list_remove_and_conditions(tmp_path: Path, capsys):
    data = str(tmp_path / "data")
    code, out, _ = run(
        capsys, "meds", "add", "Amlodipine", "5", "mg", "--date", "2026-10-20", "--data-dir", data
    )
    assert code == 0 and "Amlodipine 5 mg, since 2026-10-20" in out
    code, out, _ = run(
        capsys, "meds", "add", "Amlodipine", "5", "mg", "--date", "2026-10-20", "--data-dir", data
    )
    assert code == 0 and "kept already" in out and out.count("Amlodipine") == 1
    code, out, _ = run(capsys, "meds", "conditions", "add", "kidney", "--data-dir", data)
    assert "[x] kidney" in out and "[ ] diabetes" in out
    code, _, err = run(capsys, "meds", "conditions", "add", "elbow", "--data-dir", data)
    assert code == 2 and "Unknown condition elbow" in err
    code, _, err = run(capsys, "meds", "add", "X", "--date", "2026-13-01", "--data-dir", data)
    assert code == 2 and "YYYY-MM-DD" in err
    code, out, _ = run(
        capsys, "mark", "started", "the", "routine", "--date", "2026-11-01", "--data-dir", data
    )
    assert code == 0 and "2026-11-01  started the routine" in out
    code, out, _ = run(capsys, "meds", "remove", "amlodipine 5 mg", "--data-dir", data)
    assert "Removed." in out and "none listed" in out
    assert stat.S_IMODE((tmp_path / "data" / "history.db").stat().st_mode) == 0o600


def test_control_characters_are_never_kept_or_printed(tmp_path: Path, capsys):
    data = str(tmp_path / "data")
    code, out, _ = run(capsys, "meds", "add", "Evil\x1b]52;c;aGk=\x07pill", "--data-dir", data)
    assert code == 0 and "\x1b" not in out and "\x07" not in out and "Evil]52;c;aGk=pill" in out


def test_meds_in_chinese(tmp_path: Path, capsys):
    data = str(tmp_path / "data")
    code, out, _ = run(capsys, "meds", "--lang", "zh", "--data-dir", data)
    assert code == 0 and "药物：" in out and "糖尿病" in out
