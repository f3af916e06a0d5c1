"""The preview's page width choices: Fit follows the pane at full size; a device width is
drawn smaller, whole, when the pane is narrower (never below MIN_ZOOM)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.ui.preview.page_width import (
    FIT,
    MIN_ZOOM,
    NARROWEST,
    WIDTHS,
    fit,
    mode_of,
    name_of,
)


@given(room=st.integers(min_value=NARROWEST, max_value=4000))
def test_fit_lays_the_page_out_as_wide_as_the_pane_at_full_size(room):
    assert fit(FIT, room) == (room, 1.0)


@given(room=st.integers(min_value=1, max_value=NARROWEST - 1))
def test_fit_scales_the_narrowest_layout_into_a_tiny_pane(room):
    width, zoom = fit(FIT, room)
    assert width == NARROWEST
    assert zoom == max(MIN_ZOOM, room / NARROWEST)


@given(mode=st.sampled_from([1280, 768, 375]), room=st.integers(min_value=1, max_value=4000))
def test_a_device_width_is_kept_and_drawn_to_fit(mode, room):
    width, zoom = fit(mode, room)
    assert width == mode
    assert MIN_ZOOM <= zoom <= 1.0
    assert round(width * zoom) <= room or zoom == MIN_ZOOM


@pytest.mark.parametrize("name", list(WIDTHS))
def test_choices_round_trip_by_name(name):
    assert name_of(mode_of(name)) == name


def test_an_unknown_remembered_choice_means_fit():
    assert mode_of("Watch") == FIT
    assert mode_of(None) == FIT
