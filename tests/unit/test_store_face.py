"""coach.store names its API, and loads each module only when a name is used."""

from __future__ import annotations

import subprocess
import sys

import pytest

import coach.store
from tests.conftest import ROOT


@pytest.mark.parametrize("name", coach.store.__all__)
def test_every_name_is_the_object_its_module_defines(name):
    from importlib import import_module

    module, attribute = coach.store._WHERE[name]
    assert getattr(coach.store, name) is getattr(import_module(f"coach.store.{module}"), attribute)


def test_the_list_of_names_and_where_they_live_agree():
    assert sorted(coach.store._WHERE) == coach.store.__all__
    assert set(coach.store.__all__) <= set(dir(coach.store))


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        coach.store.nothing  # noqa: B018


def test_the_package_and_its_settings_load_no_sqlite():
    code = (
        "import sys, coach.store, coach.store.settings\n"
        "from coach.store import load_settings, data_dir\n"
        "print(sorted(m for m in sys.modules if m in "
        "('sqlite3', 'coach.store.history', 'coach.store.recorder')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, timeout=60, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
