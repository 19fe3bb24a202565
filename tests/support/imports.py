"""The house drawn from the imports: every `import` of every module under coach/ and
screens/, at module level, in a function or under TYPE_CHECKING, read with `ast`.

A static read sees what a run-time check cannot: a deferred import that a test never
reaches, and a type-only import that would still tie two layers together.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("coach", "screens")


class Import(NamedTuple):
    """One import line: who imports what, and where in the file it sits."""

    importer: str
    imported: str
    line: int
    deferred: bool
    """Inside a function or an `if TYPE_CHECKING:` block, not run at import time."""
    type_only: bool = False
    """Under `if TYPE_CHECKING:`: read by the type checker, never run."""


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            found[module_name(path)] = path
    return found


def _resolve(name: str, known: dict[str, Path]) -> str | None:
    """The longest known module that `name` names (a module, or a name inside one)."""
    while name:
        if name in known:
            return name
        name = name.rpartition(".")[0]
    return None


def imports_of(module: str, path: Path, known: dict[str, Path]) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[Import] = []

    def visit(node: ast.AST, deferred: bool, type_only: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = deferred or isinstance(
                child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
            )
            typing = type_only
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                inner = typing = True
            names: list[str] = []
            if isinstance(child, ast.Import):
                names = [alias.name for alias in child.names]
            elif isinstance(child, ast.ImportFrom) and child.module and not child.level:
                names = [f"{child.module}.{alias.name}" for alias in child.names]
            for name in names:
                target = _resolve(name, known)
                if target and target != module:
                    found.append(Import(module, target, child.lineno, deferred, type_only))
            visit(child, inner, typing)

    visit(tree, False, False)
    return found


def graph() -> list[Import]:
    known = all_modules()
    edges: list[Import] = []
    for module, path in known.items():
        edges.extend(imports_of(module, path, known))
    return edges


def cycles(edges: list[Import]) -> list[list[str]]:
    """Every strongly connected group of two or more modules (Tarjan's algorithm)."""
    after: dict[str, set[str]] = {}
    for edge in edges:
        if edge.imported.startswith(edge.importer + "."):
            continue  # a package's face naming its own modules is no circle
        after.setdefault(edge.importer, set()).add(edge.imported)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(after.get(node, ())):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(after):
        if node not in index:
            connect(node)
    return groups
