"""Slugs read as the headline does: an apostrophe joins a word, it does not split it."""

from __future__ import annotations

import pytest

from editor.services.slugs import make_slug


@pytest.mark.parametrize(
    ("headline", "slug"),
    [
        ("Lima's best radio", "limas-best-radio"),
        ("Lima\u2019s best radio", "limas-best-radio"),
        ("\u2018Quoted\u2019 words don't split", "quoted-words-dont-split"),
        ("Rock 'n' roll in the '80s", "rock-n-roll-in-the-80s"),
        ("Plain words", "plain-words"),
    ],
)
def test_apostrophes_are_dropped_not_turned_into_hyphens(headline, slug):
    assert make_slug(headline) == slug
