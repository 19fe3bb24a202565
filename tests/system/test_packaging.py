"""The wheel carries the content and works installed outside the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("wheel")]  # one worker builds it once


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """Build the wheel and install it (without dependencies) into a fresh venv.

    The venv reaches this environment's textual/rich/yaml through a .pth file, so
    the test needs no network and still runs only the wheel's own code.
    """
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(work),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(work.glob("calf_coach-*.whl"))
    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    py = env_dir / "bin" / "python"
    site = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(py),
            "install",
            "--no-deps",
            "--no-index",
            "--quiet",
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return env_dir


def run_installed(env_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(
        [str(env_dir / "bin" / "calf-coach"), *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env=env,
    )


def test_installed_tips_and_check_content(installed, tmp_path):
    tips = run_installed(installed, "tips", "posture", cwd=tmp_path)
    assert tips.returncode == 0, tips.stderr
    assert "Untuck the covers" in tips.stdout
    check = run_installed(installed, "check-content", cwd=tmp_path)
    assert check.returncode == 0, check.stderr
    assert "content ok" in check.stdout


def test_installed_package_uses_its_own_content(installed, tmp_path):
    out = subprocess.run(
        [
            str(installed / "bin" / "python"),
            "-c",
            "import coach.content.load as c; print(c.default_dir())",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    where = Path(out.stdout.strip())
    assert where.name == "_content" and installed in where.parents
    assert (where / "guides.yaml").is_file()


def test_source_checkout_finds_the_top_level_content(tmp_path):
    out = subprocess.run(
        [sys.executable, "-c", "import coach.content.load as c; print(c.default_dir())"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert Path(out.stdout.strip()) == ROOT / "content"


def test_this_interpreter_finds_the_source_content():
    from coach.content.load import default_dir

    assert default_dir() == str(ROOT / "content")
