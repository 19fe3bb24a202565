"""Importing a layer, in a fresh interpreter, loads nothing above it (as harlequin's
import-hygiene test does): what the static drawing in tests/unit/test_layers.py says,
checked where it matters, at run time."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.support.imports import all_modules

FORBIDDEN = {
    "coach.content": ("coach.core", "coach.store", "coach.plain", "coach.documents", "screens"),
    "coach.core": ("coach.store", "coach.plain", "coach.documents", "coach.text", "screens"),
    "coach.store": ("coach.plain", "coach.documents", "screens"),
    "coach.system": ("coach.store", "coach.plain", "coach.documents", "screens"),
    "coach.text": ("coach.plain", "coach.documents", "screens"),
    "coach.documents": ("coach.plain", "screens"),
    "coach.plain": ("coach.documents", "screens"),
}
"""Per layer, what importing every one of its modules must not load."""


def modules_of(layer: str) -> list[str]:
    return [name for name in all_modules() if name == layer or name.startswith(layer + ".")]


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_a_layer_loads_nothing_above_it_and_no_textual(layer):
    code = (
        "import importlib, sys\n"
        f"for name in {modules_of(layer)!r}:\n"
        "    importlib.import_module(name)\n"
        f"above = {FORBIDDEN[layer]!r} + ('textual',)\n"
        "print([m for m in sys.modules if m.startswith(above)])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, timeout=60, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
