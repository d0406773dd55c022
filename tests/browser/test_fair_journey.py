# ruff: noqa: F811  (the shared `fair` fixture is imported, then requested by name)
"""The hybrid fair journey in the browser: a Spanish visitor scans a sample's QR code in
the hall, books a meeting with the factory, the exporter finds the lead, accepts, and the
meeting shows in both time zones (Europe/Madrid and Asia/Shanghai)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import sign_in
from tests.fair.test_services_fair import Fair, fair  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_scan_lead_meeting(browser, page, fair: Fair) -> None:  # type: ignore[no-untyped-def]
    from seaward.fair.models import Lead, Meeting

    # given: an anonymous visitor in Madrid whose browser speaks Spanish
    visitor = browser.new_context(
        locale="es-ES", timezone_id="Europe/Madrid", viewport={"width": 420, "height": 900}
    ).new_page()
    visitor.set_default_timeout(15000)
    visitor.goto(f"{page.base_url}/fair/s/{fair.sample.token}/?src=qr")
    assert visitor.locator("[data-testid=product-title]").inner_text() == "不锈钢汤锅 带玻璃盖"
    assert visitor.locator("[data-testid=original-language-note]").is_visible()

    # when: the visitor books a meeting with the factory
    visitor.click("[data-testid=tab-meeting]")
    visitor.fill("input[name=name]", "Javier Ortega")
    visitor.fill("input[name=company]", "Hostelería Ortega S.L.")
    visitor.fill("input[name=email]", "javier@example.test")
    visitor.select_option("select[name=slot]", index=2)
    visitor.fill("textarea[name=message]", "¿Pueden poner nuestro logotipo?")
    visitor.click("[data-testid=submit-lead]")
    visitor.wait_for_selector("[data-testid=visitor-meeting]")
    meeting = Meeting.all_objects.get()
    assert meeting.lead is not None and meeting.buyer_time_zone == "Europe/Madrid"
    assert Lead.all_objects.get().language == "es"

    # then: the lead appears for the exporter, who accepts the meeting
    sign_in(page, fair.seller.email)
    page.goto(page.base_url + "/fair/leads/")
    page.click("text=Javier Ortega")
    page.click("[data-testid=lead-meeting]")
    page.click("[data-testid=accept-meeting]")
    lines = page.locator("[data-testid=meeting-times] li").all_inner_texts()
    shanghai = next(line for line in lines if "Asia/Shanghai" in line)
    madrid = next(line for line in lines if "Europe/Madrid" in line)
    # the second slot is 09:30 in Madrid (the organizer's zone): 16:30 or 17:30 in Shanghai
    assert "09:30" in madrid and ("16:30" in shanghai or "17:30" in shanghai)
    assert page.locator("[data-testid=meeting-status]").inner_text() == "Accepted"

    # and the visitor's page shows the booked time in both zones too
    visitor.reload()
    visitor_lines = visitor.locator("[data-testid=meeting-times] li").all_inner_texts()
    assert any("09:30" in line and "Europe/Madrid" in line for line in visitor_lines)
    assert any("Asia/Shanghai" in line and "09:30" not in line for line in visitor_lines)
    assert not page.console_errors
    visitor.context.close()
