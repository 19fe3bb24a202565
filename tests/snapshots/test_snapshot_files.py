"""Every picture kept under __snapshots__ belongs to a snapshot test that still exists.

syrupy fails a run that leaves a snapshot unused, but only in one process: with the
tests spread over workers (pytest-xdist, on by default in pyproject.toml) it skips that
check, and a renamed or deleted test would leave its old SVG behind unnoticed.
"""

from __future__ import annotations

import ast
from pathlib import Path

HERE = Path(__file__).parent


def snapshot_tests(module: Path) -> set[str]:
    """The names of the module's tests that take `snap_compare`."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    return {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.name.startswith("test_")
        and any(arg.arg == "snap_compare" for arg in node.args.args)
    }


def test_every_kept_snapshot_has_its_test():
    folders = sorted(p for p in (HERE / "__snapshots__").iterdir() if p.is_dir())
    assert folders
    for folder in folders:
        module = HERE / f"{folder.name}.py"
        assert module.is_file(), f"{folder.name}/ has no test module {module.name}"
        tests = snapshot_tests(module)
        assert tests, module.name
        # syrupy names a picture after its test, with the parameters in brackets.
        unused = sorted(
            svg.name
            for svg in folder.iterdir()
            if svg.name.removesuffix(".svg").split("[")[0] not in tests
        )
        assert not unused, f"{folder.name}: no test takes these (delete them): {unused}"
