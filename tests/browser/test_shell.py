import pytest

from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_login_switch_language_and_organization(page, exporter, other_exporter, owner):
    from seaward.organizations.models import Membership

    Membership.objects.create(user=owner, organization=other_exporter, role="viewer")
    sign_in(page, owner.email)
    nav = page.locator("[data-testid=main-nav]")
    assert "Dashboard" in nav.inner_text() and "Parties" in nav.inner_text()
    assert page.locator("[data-testid=dashboard-org]").inner_text() == exporter.name

    # when: the user picks 中文 in the language switcher
    with page.expect_navigation():  # the switcher submits its form on change
        page.select_option("[data-testid=language-switch]", "zh-hans")
    # then: the navigation is translated
    nav_text = page.locator("[data-testid=main-nav]").inner_text()
    assert "仪表盘" in nav_text and "往来方" in nav_text

    # when: the user switches organization
    with page.expect_navigation():
        page.select_option("[data-testid=org-switch]", str(other_exporter.pk))
    assert page.locator("[data-testid=dashboard-org]").inner_text() == other_exporter.name
    assert not [e for e in page.console_errors if "Content Security Policy" in e]


def test_create_a_party_in_the_browser(page, owner):
    sign_in(page, owner.email)
    page.goto(page.base_url + "/parties/new/")
    page.fill("input[name=name]", "Cocinas Browser S.L.")
    page.check("input[name=is_buyer]")
    page.fill("input[name=country]", "ES")
    page.fill("input[name=city]", "Valencia")
    page.click("button:has-text('Save')")
    page.wait_for_url("**/parties/*/")
    assert "Cocinas Browser S.L." in page.locator("h1").inner_text()
