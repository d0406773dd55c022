"""The DCSA event vocabulary and the CSV parser (pure)."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from seaward.logistics import milestones


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_parses_to_events_or_row_errors(text):
    parsed = milestones.parse_csv(text)
    for error in parsed.errors:
        assert isinstance(error["row"], int) and error["message"]


def test_bare_carriage_returns_are_line_ends():
    text = "shipment,event_type,classifier,code,date_time\rX,TRANSPORT,EST,ARRI,2026-01-01T00:00\r"
    [(row, event)] = milestones.parse_csv(text).events
    assert row == 2 and event.date_time == datetime(2026, 1, 1, tzinfo=UTC)


def test_effect_of_an_estimated_arrival_elsewhere_is_nothing():
    event = milestones.EventInput(
        "TRANSPORT", "EST", "ARRI", datetime(2026, 1, 1, tzinfo=UTC), location="ESBCN"
    )
    effect = milestones.effect_of(event, origin="CNNBO", destination="ESVLC")
    assert effect == milestones.Effect()
