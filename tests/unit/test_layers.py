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


SEAMS = {
    "screens": (
        "The full-screen face and each screen load when used: cli choosing the face, "
        "for_step's loader and the app for a flow's screens, a dialog opened on a key.",
        {
            "screens.app.shell",
            "screens.app.textual_private",
            "coach.plain.driver",
            "screens.app.flow_driver",
            "screens.side_picker",
            "screens.tips",
            "screens.country",
            "screens.help",
            "screens.red_flags",
            "screens.app.palette",
            "screens.history",
            "screens.confirm_delete",
            "screens.profile",
            "screens.checkin",
            "screens.not_sure",
        },
    ),
    "store": (
        "What reads or writes the person's files (settings, the content cache, SQLite and "
        "the history) loads when first read or written, off the first frame.",
        {
            "coach.store.locations",
            "coach.store.settings",
            "coach.store.content_cache",
            "coach.content.load",
            "coach.store.recorder",
            "coach.store.history",
            "coach.store.pending",
            "coach.store.records",
            "coach.store.report_queries",
            "coach.text.history_view",
            "coach.text.history_text",
        },
    ),
    "documents": (
        "The report, the export and the printed documents load when their command runs "
        "(and the advice left on the terminal, once the app has ended).",
        {
            "coach.documents.check",
            "coach.documents.export",
            "coach.documents.printing",
            "coach.documents.profile_cli",
            "coach.documents.import_file",
            "coach.documents.red_flags",
            "coach.documents.report",
            "coach.documents.textout",
        },
    ),
}
"""The three places a project module may be imported inside a function; each such
import says which seam it is at, where it happens."""


def off_the_seams(edges: list[Import]) -> set[tuple[str, str]]:
    allowed = set().union(*(targets for _reason, targets in SEAMS.values()))
    return {
        (edge.importer, edge.imported)
        for edge in edges
        if edge.deferred and not edge.type_only and edge.imported not in allowed
    }


def test_a_project_module_is_imported_in_a_function_only_at_a_seam():
    assert off_the_seams(EDGES) == set()


def test_a_deferred_import_off_the_seams_would_be_caught():
    """The check itself can fail: a function-level import of the flow is reported; the
    same import at the top of the module, or for the type checker only, is not."""
    edge = Import("screens.app.shell", "coach.core.flow", 1, True)
    assert off_the_seams([edge]) == {("screens.app.shell", "coach.core.flow")}
    assert off_the_seams([edge._replace(deferred=False)]) == set()
    assert off_the_seams([edge._replace(type_only=True)]) == set()
    assert off_the_seams([edge._replace(imported="screens.tips")]) == set()
