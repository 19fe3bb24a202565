"""Issue 6: the coach never touches the network.

A whole session runs in-process under Pilot while every way Python opens a network
connection is recorded: creating a socket, connecting one, create_connection and name
lookups. The event loop makes one kind of socket itself: asyncio's self-pipe, a
socketpair() of AF_UNIX sockets that wakes the loop from signal handlers and other
threads. It never leaves the machine, so AF_UNIX sockets are allowed; an AF_INET or
AF_INET6 socket, any connect() and any address lookup are not.
"""

from __future__ import annotations

import socket

import pytest

from screens.app.shell import make_app
from tests.conftest import FakeClock
from tests.support.robust_support import wait_until


@pytest.fixture
def network_log(monkeypatch):
    log: list[tuple[str, object]] = []
    real_init = socket.socket.__init__
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def init(self, family=-1, type=-1, proto=-1, fileno=None):
        real_init(self, family, type, proto, fileno)
        log.append(("socket", socket.AddressFamily(self.family).name))

    def connect(self, address):
        log.append(("connect", address))
        return real_connect(self, address)

    def connect_ex(self, address):
        log.append(("connect", address))
        return real_connect_ex(self, address)

    def refuse(name):
        def record(*args, **kwargs):
            log.append((name, args))
            raise OSError(f"test: {name} is not allowed")

        return record

    monkeypatch.setattr(socket.socket, "__init__", init)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, refuse(name))
    return log


def forbidden(log) -> list[tuple[str, object]]:
    return [entry for entry in log if entry != ("socket", "AF_UNIX")]


@pytest.mark.slow  # a whole-app walk: an episode, tips, red flags, history, a routine
async def test_a_whole_session_opens_no_network_socket(content, tmp_path, network_log):
    # By now the test's event loop exists, and its self-pipe is logged as two AF_UNIX sockets.
    # The recorder also sees a network socket made here (then forgets it).
    socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()
    assert forbidden(network_log) == [("socket", "AF_INET")], network_log
    network_log.clear()

    clock = FakeClock()
    app = make_app(content, data_dir=tmp_path, clock=clock)
    screens = []

    async def reach(name: str) -> None:
        await wait_until(pilot, lambda: type(app.screen).__name__ == name, name)
        screens.append(name)

    async with app.run_test(size=(80, 24)) as pilot:
        await reach("SidePicker")
        await pilot.press("b")
        await reach("SafetyCheck")
        await pilot.press("n")
        await reach("HoldScreen")
        for _ in range(6):  # the whole minute, ten seconds at a time
            clock.advance(10)
            app.screen.tick()
            await pilot.pause()
        await pilot.press("enter")
        await reach("FollowUp")
        await pilot.press("7", "y")  # severity 7, then: gone
        await reach("AfterCareScreen")
        await pilot.press("c")
        await reach("CauseCheck")
        await pilot.press("y", *["n"] * (len(content.causes) - 1))
        await reach("TipsScreen")
        episode = app.flow.episode
        await pilot.press("escape")
        await reach("SidePicker")
        await pilot.press("exclamation_mark")
        await reach("RedFlags")
        await pilot.press("escape")
        await reach("SidePicker")
        await pilot.press("h")
        await reach("HistoryScreen")
        assert app.screen.query_one("#episodes").row_count == 1
        await pilot.press("escape")
        await reach("SidePicker")
        await pilot.press("r")
        await reach("RoutineScreen")
        await pilot.press("q")
        await reach("SidePicker")
        await pilot.press("q")
    assert app.return_code == 0
    assert episode.outcome == "gone"
    assert not forbidden(network_log), f"network use during {screens}: {network_log}"
