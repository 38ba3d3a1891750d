"""The exported demo, built by Zensical, in Debian's Chromium: folders open, spoilers hide until revealed, notes
expand, redirect pages redirect (the plugin's CSS and script, copied into the export, do the work there too)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from tests.browser_support import browser_page, require_browser, serve_directory
from tests.export.conftest import DemoBuilds

if TYPE_CHECKING:
    from playwright.sync_api import Page


@pytest.fixture(scope="module")
def served(demo_builds: DemoBuilds) -> Iterator[tuple[Page, str]]:
    require_browser()
    with serve_directory(demo_builds.zensical_site) as base_url, browser_page() as page:
        yield page, base_url


@pytest.fixture
def showcase(served: tuple[Page, str]) -> Page:
    page, base_url = served
    if not page.url.endswith("/Main/MarkupShowcase/"):
        page.goto(f"{base_url}/Main/MarkupShowcase/")
    return page


def _colours(page: Page, selector: str) -> tuple[str, str]:
    colour, background = page.eval_on_selector(
        selector, "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]"
    )
    return colour, background


def test_folder_opens_and_closes(showcase: Page) -> None:
    folder = showcase.locator("details.folder").first
    body = folder.locator(":scope > :not(summary)").first
    assert not body.is_visible()
    folder.locator("summary").click()
    assert body.is_visible()
    folder.locator("summary").click()
    assert not body.is_visible()


def test_spoiler_hides_until_the_reader_reveals_it(showcase: Page) -> None:
    selector = "article span.spoiler"
    spoiler = showcase.locator(selector).first
    colour, background = _colours(showcase, selector)
    assert colour == background and background not in {"rgba(0, 0, 0, 0)", "transparent"}
    spoiler.click()
    assert spoiler.get_attribute("aria-expanded") == "true"
    colour, background = _colours(showcase, selector)
    assert colour != background
    spoiler.press("Escape")
    assert spoiler.get_attribute("aria-expanded") == "false"


def test_note_expands_on_click(showcase: Page) -> None:
    note = showcase.locator("article span.tvt-note.labelnote").first
    label, body = note.locator("button.notelabel"), note.locator("span.notebody")
    assert label.get_attribute("aria-expanded") == "false"
    assert not body.is_visible()
    label.click()
    assert label.get_attribute("aria-expanded") == "true"
    assert body.is_visible()


def test_redirect_page_sends_the_reader_on(served: tuple[Page, str]) -> None:
    page, base_url = served
    page.goto(f"{base_url}/Main/RedirectExample/")
    page.wait_for_url(f"{base_url}/Main/InterspeciesRomance/")
