"""A content problem is an ordinary exception: it says where, it can be raised through
context managers and sent between processes, and it can be kept in a set."""

from __future__ import annotations

import contextlib
import pickle

import pytest

from coach.content.yamlfile import ContentError


def test_it_names_the_file_line_and_field():
    assert str(ContentError("tips.yaml", 3, "tips[0].text", "missing")) == (
        "tips.yaml:3: tips[0].text: missing"
    )
    assert str(ContentError("tips.yaml", None, "", "cannot read")) == "tips.yaml: cannot read"


def test_it_survives_a_trip_between_processes_and_can_be_kept_in_a_set():
    error = ContentError("guides.yaml", 7, "sides", "no guide")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.path, copy.line, copy.field, copy.message) == (
        "guides.yaml",
        7,
        "sides",
        "no guide",
    )
    assert len({error, copy}) == 2  # two raises are two events


def test_it_passes_through_a_context_manager():
    @contextlib.contextmanager
    def reading():
        yield

    with pytest.raises(ContentError, match="no guide"), reading():
        raise ContentError("guides.yaml", 7, "sides", "no guide")
