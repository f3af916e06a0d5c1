"""The start-up timeline: each step is noted once, with ms since the process started; marks
made before logging is set up are logged when it is."""

from __future__ import annotations

import logging
import time

from editor import timeline


def test_a_step_is_noted_once_and_logged_after_replay(monkeypatch, caplog):
    monkeypatch.setattr(timeline, "_marks", {})
    monkeypatch.setattr(timeline, "_replayed", False)
    with caplog.at_level(logging.INFO, logger="byline.startup"):
        first = timeline.mark("early step")
        assert not caplog.records  # not yet: logging is not set up
        time.sleep(0.002)
        assert timeline.mark("early step") == first  # the first time counts
        timeline.replay()
        later = timeline.mark("later step")
    assert 0 <= first <= later
    assert list(timeline.marks()) == ["early step", "later step"]
    said = [r.getMessage() for r in caplog.records]
    assert len(said) == 2 and "early step" in said[0] and "later step" in said[1]


def test_the_origin_is_the_process_start():
    # The interpreter and the test run came before this: more than nothing, less than an hour.
    assert 0 < timeline.since_start_ms() < 3_600_000
    assert timeline.origin() <= time.monotonic()
