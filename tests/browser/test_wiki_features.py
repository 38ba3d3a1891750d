"""The wiki features as a reader sees them in Chromium on every theme: tabs in one row with the current one marked,
the index box's previous/next links, the related list folded until opened. Screenshots go to
``test-output/screenshots/wiki-<theme>-*.png``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tests.browser_support import browser_page, require_browser, save_screenshot, serve_directory
from tests.plugin.test_wiki_features import WIKI
from tests.sitebuild import build_site

if TYPE_CHECKING:
    from playwright.sync_api import Page

THEMES = ("mkdocs", "readthedocs", "material")


def test_wiki_features_in_the_browser(tmp_path: Path) -> None:
    require_browser()
    for theme in THEMES:
        build_site(tmp_path / theme, WIKI, theme={"name": theme})
    with serve_directory(tmp_path) as base, browser_page() as page:
        for theme in THEMES:
            check_theme(page, f"{base}/{theme}/site", theme)


def check_theme(page: Page, site: str, theme: str) -> None:
    page.goto(f"{site}/YMMV/Shrek/")
    tabs = page.locator("nav.tvt-tabs li")
    assert tabs.count() == 3
    tops = {round(tabs.nth(n).bounding_box()["y"]) for n in range(3)}  # type: ignore[index]
    assert len(tops) == 1, f"{theme}: tabs are not in one row: {tops}"
    current = page.locator("nav.tvt-tabs li.current span")
    assert current.inner_text() == "YMMV"
    shade = "e => getComputedStyle(e).backgroundColor"
    assert current.evaluate(shade) != tabs.nth(0).locator("a").evaluate(shade), theme
    save_screenshot(page, f"wiki-{theme}-tabs", full_page=False)
    page.locator("nav.tvt-tabs a", has_text="Main").click()
    page.wait_for_url("**/WesternAnimation/Shrek/")

    page.goto(f"{site}/Main/GreenSkinnedSpaceBabe/")
    box = page.locator("nav.tvt-index-boxes li")
    assert box.is_visible()
    assert "True Romance" in box.inner_text() and "Beast And Beauty" in box.inner_text()
    related = page.locator("details.tvt-related")
    assert not related.locator("section").first.is_visible(), theme  # folded until the reader opens it
    related.locator("summary").click()
    assert related.locator("section").first.is_visible(), theme
    related.scroll_into_view_if_needed()
    save_screenshot(page, f"wiki-{theme}-foot", full_page=False)
    box.locator(".tvt-index-prev a").click()
    page.wait_for_url("**/Main/BeastAndBeauty/")
