"""The layers stay as the folders draw them: arrows point one way, no circles.

Read statically (tests.support.imports), so a deferred or type-only import counts too.
The run-time half, in a fresh interpreter per layer, is tests/system/test_layer_imports.py.
"""

from __future__ import annotations

import pytest

from tests.support.imports import Import, cycles, graph

FLOOR = {
    "coach": 0,  # the package's version number, read by every layer
    "content": 1,
    "core": 2,
    "store": 3,
    "system": 3,
    "text": 4,
    "documents": 5,
    "plain": 5,
    "screens": 6,
    "cli": 7,
}
"""A module may import its own layer and any lower floor; never a sibling on its floor."""


def layer(module: str) -> str:
    parts = module.split(".")
    if parts[0] == "screens":
        return "screens"
    if len(parts) == 1:
        return "coach"
    if parts[1] in ("cli", "cli_args", "__main__"):
        return "cli"
    return parts[1]


EDGES = graph()


def crossings(edges: list[Import]) -> list[Import]:
    wrong = []
    for edge in edges:
        here, there = layer(edge.importer), layer(edge.imported)
        if here != there and FLOOR[here] <= FLOOR[there]:
            wrong.append(edge)
    return wrong


def test_the_house_has_no_import_circle():
    assert cycles(EDGES) == []


def test_every_arrow_points_down_a_floor():
    assert crossings(EDGES) == []


@pytest.mark.parametrize(
    ("importer", "imported"),
    [
        ("coach.core.flow", "coach.store.history"),
        ("coach.content.load", "coach.core.flow"),
        ("coach.store.settings", "coach.plain.driver"),
        ("coach.plain.driver", "screens.hold"),
        ("coach.documents.report", "coach.plain.driver"),
    ],
)
def test_a_core_module_importing_the_store_would_be_caught(importer, imported):
    """The check itself can fail: an arrow up or across is reported, deferred or not."""
    for deferred in (False, True):
        assert crossings([Import(importer, imported, 1, deferred)])


def test_a_circle_would_be_caught():
    loop = [
        Import("coach.core.a", "coach.core.b", 1, False),
        Import("coach.core.b", "coach.core.a", 1, True),
    ]
    assert cycles(loop) == [["coach.core.a", "coach.core.b"]]
