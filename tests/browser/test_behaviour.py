"""Trope pages in a real browser: folders, "open/close all folders", spoilers, labelnotes and the page image.

Headless Debian Chromium (via ``tests.browser_support``) on the ``mkdocs`` theme and on Material's dark scheme with
``navigation.instant`` (pages reached by clicking a link, so the page is swapped in without reloading scripts).
The demo site's seed page is also photographed on every theme, into ``test-output/screenshots/``.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import DEMO_THEMES
from tests.browser_support import require_browser, save_screenshot, serve_directory
from tests.reference import DEMO_SEED
from tests.sitebuild import build_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route

PLAYGROUND = """\
[[foldercontrol]]

[[folder:First folder]]
Text of the first folder.
[[/folder]]

[[folder:Second folder]]
* Text of the second folder.
[[/folder]]

The killer: [[spoiler:the butler did it]].

Also [[labelnote:Click to see more]]The hidden labelnote body.[[/labelnote]] here.
"""

WIKI = {
    "index.md": "# Home\n\nGo to [[Main/Playground the playground]] or [[InterspeciesRomance the seed page]].\n",
    "Main/InterspeciesRomance.trope": DEMO_SEED.read_text(encoding="utf-8"),
    "Main/Playground.trope": PLAYGROUND,
}

THEMES: dict[str, dict[str, Any]] = {
    "mkdocs": {"name": "mkdocs"},
    "material-slate": {"name": "material", "palette": {"scheme": "slate"}, "features": ["navigation.instant"]},
}

CONTENT_AREA = "div.md-content article, div[role=main]"
"""The element holding the page content on Material, and on the mkdocs and readthedocs themes."""


@dataclass(frozen=True)
class Served:
    theme: str
    base_url: str


@pytest.fixture(scope="module", params=list(THEMES))
def served(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The small wiki built with one theme and served; Material's instant navigation needs the served site_url."""
    require_browser()
    root = tmp_path_factory.mktemp(request.param)
    site_dir = root / "site"
    site_dir.mkdir()
    with serve_directory(site_dir) as base_url:
        build_site(root, WIKI, theme=THEMES[request.param], site_dir=str(site_dir), site_url=f"{base_url}/")
        yield Served(request.param, base_url)


def placeholder_png(width: int, height: int) -> bytes:
    """A ``width`` x ``height`` PNG (a diagonal two-tone pattern), standing in for images on other hosts."""
    rows = b"".join(
        b"\x00" + b"".join(b"\x4a\x8a\x3c" if (x + y) // 24 % 2 else b"\xc8\xd8\xa0" for x in range(width))
        for y in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


PLACEHOLDER = placeholder_png(350, 263)
"""The seed's page image is 350 x 263 px; without network every remote image is this placeholder."""


def _route_remote(route: Route) -> None:
    if urlsplit(route.request.url).path.lower().endswith((".png", ".jpg", ".jpeg", ".gif")):
        route.fulfill(status=200, content_type="image/png", body=PLACEHOLDER)
    else:
        route.abort("blockedbyclient")


def _new_page(browser: Browser, base_url: str, **context_options: Any) -> Page:
    """A page in a fresh context that only reaches the test server: remote images get a local placeholder, other
    remote requests (themes' CDN fonts) are refused at once."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **context_options)
    context.route(lambda url: not url.startswith((base_url, "data:", "about:")), _route_remote)
    return context.new_page()


@pytest.fixture
def page(browser: Browser, served: Served) -> Iterator[Page]:
    tab = _new_page(browser, served.base_url)
    try:
        yield tab
    finally:
        tab.context.close()


def open_by_link(page: Page, served: Served, link_text: str, path: str, title: str) -> None:
    """Open the home page, then follow a link the way a reader does (Material: instant navigation)."""
    page.goto(f"{served.base_url}/")
    if served.theme.startswith("material"):
        # Instant navigation hooks clicks only once Material's bundle is running and has fetched the sitemap.
        page.wait_for_function("typeof window.document$ !== 'undefined'")
        page.wait_for_load_state("networkidle")
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("link", name=link_text).first.click()
    page.wait_for_url(f"{served.base_url}/{path}")
    # The URL changes before instant navigation swaps the content in: wait for the new page's heading.
    page.locator(CONTENT_AREA).first.locator("h1", has_text=title).wait_for()
    if served.theme.startswith("material"):
        assert page.evaluate("window.__sameDocument === true"), "Material's instant navigation did not take over"


def open_playground(page: Page, served: Served) -> None:
    open_by_link(page, served, "the playground", "Main/Playground/", "Playground")


# ---------------------------------------------------------------------------------------------- folders


def test_clicking_a_folder_label_shows_its_text(page: Page, served: Served) -> None:
    require_browser()
    open_playground(page, served)
    folder = page.locator("details.folder").first
    text = folder.get_by_text("Text of the first folder.")
    assert not text.is_visible()
    folder.locator("summary.folderlabel").click()
    assert text.is_visible()
    assert folder.get_attribute("open") is not None
    folder.locator("summary.folderlabel").click()
    assert not text.is_visible()


def test_foldercontrol_opens_and_closes_every_folder(page: Page, served: Served) -> None:
    require_browser()
    open_playground(page, served)
    folders = page.locator("details.folder")
    assert folders.count() == 2
    page.locator("details.folder").nth(1).locator("summary").click()  # one open already: the button opens the rest
    page.get_by_role("button", name="open/close all folders").click()
    assert page.evaluate("[...document.querySelectorAll('details.folder')].every(d => d.open)")
    assert page.get_by_text("Text of the first folder.").is_visible()
    assert page.get_by_text("Text of the second folder.").is_visible()
    page.get_by_role("button", name="open/close all folders").click()
    assert page.evaluate("[...document.querySelectorAll('details.folder')].every(d => !d.open)")
    assert not page.get_by_text("Text of the first folder.").is_visible()


# --------------------------------------------------------------------------------------- spoilers, notes


def _colours(page: Page, selector: str) -> tuple[str, str]:
    colour, background = page.eval_on_selector(
        selector, "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]"
    )
    return colour, background


def test_spoiler_is_hidden_until_clicked(page: Page, served: Served) -> None:
    require_browser()
    open_playground(page, served)
    spoiler = page.locator("span.spoiler")
    colour, background = _colours(page, "span.spoiler")
    assert colour == background, "a hidden spoiler's text is painted in its bar colour"
    assert background not in {"rgba(0, 0, 0, 0)", "transparent"}
    spoiler.click()
    page.mouse.move(0, 0)
    colour, background = _colours(page, "span.spoiler")
    assert colour != background
    page.locator("h1").first.click()  # clicking elsewhere leaves it revealed: the reader hides it
    colour, background = _colours(page, "span.spoiler")
    assert colour != background
    spoiler.click()
    colour, background = _colours(page, "span.spoiler")
    assert colour == background


def test_spoiler_is_revealed_by_keyboard(page: Page, served: Served) -> None:
    require_browser()
    open_playground(page, served)
    page.locator("span.spoiler").focus()
    page.keyboard.press("Enter")
    colour, background = _colours(page, "span.spoiler")
    assert colour != background
    page.keyboard.press("Escape")
    colour, background = _colours(page, "span.spoiler")
    assert colour == background


def test_labelnote_opens_on_click(page: Page, served: Served) -> None:
    require_browser()
    open_playground(page, served)
    label = page.locator("span.labelnote > button.notelabel")
    body = page.locator("span.labelnote > span.notebody")
    assert label.get_attribute("aria-expanded") == "false"
    assert not body.is_visible()
    label.click()
    assert label.get_attribute("aria-expanded") == "true"
    assert body.is_visible()
    assert body.inner_text() == "The hidden labelnote body."
    label.click()
    assert label.get_attribute("aria-expanded") == "false"
    assert not body.is_visible()


def test_labelnote_label_is_small_raised_and_apart_from_the_word(page: Page, served: Served) -> None:
    """As on TV Tropes (``<sup>Label</sup>`` after the word), not a full-size bracketed link."""
    require_browser()
    open_playground(page, served)
    style = page.locator("span.labelnote > button.notelabel").evaluate(
        """label => {
            const own = getComputedStyle(label), text = getComputedStyle(label.closest("p"));
            const before = getComputedStyle(label, "::before").content;
            return [own.verticalAlign, parseFloat(own.fontSize) / parseFloat(text.fontSize),
                    parseFloat(own.marginLeft), before];
        }"""
    )
    align, scale, margin, before = style
    assert align == "super"
    assert scale < 0.9
    assert margin > 0
    assert before in ("none", "normal")


# ------------------------------------------------------------------------------------------ page image


FIGURE_GEOMETRY = """() => {
    const figure = document.querySelector("figure.quoteright");
    const area = figure.closest("article, [role=main]");
    const style = getComputedStyle(area);
    const box = r => ({left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height});
    return {
        figure: box(figure.getBoundingClientRect()),
        image: box(figure.querySelector("img").getBoundingClientRect()),
        caption: box(figure.querySelector("figcaption").getBoundingClientRect()),
        contentRight: area.getBoundingClientRect().right - parseFloat(style.paddingRight)
            - parseFloat(style.borderRightWidth),
        float: getComputedStyle(figure).float,
    };
}"""


def assert_page_image_layout(page: Page, width: float) -> None:
    """The seed's ``quoteright`` figure: floated to the right edge of the content, ``width`` wide, caption below."""
    geometry = page.evaluate(FIGURE_GEOMETRY)
    figure, image, caption = geometry["figure"], geometry["image"], geometry["caption"]
    assert geometry["float"] == "right"
    assert abs(figure["width"] - width) < 0.5, geometry
    assert abs(figure["right"] - geometry["contentRight"]) < 1.5, geometry
    assert abs(image["width"] - width) < 0.5 and image["height"] > 100, "the image fills the figure's width"
    assert caption["top"] >= image["bottom"] - 0.5, geometry
    assert figure["left"] - 0.5 <= caption["left"] and caption["right"] <= figure["right"] + 0.5, geometry


def test_seed_page_image_floats_right_with_caption_below(page: Page, served: Served) -> None:
    require_browser()
    open_by_link(page, served, "the seed page", "Main/InterspeciesRomance/", "Interspecies Romance")
    page.locator("figure.quoteright img").evaluate("img => img.decode()")
    assert_page_image_layout(page, 348)
    save_screenshot(page, f"behaviour-seed-{served.theme}", full_page=False)


# ---------------------------------------------------------------------------------- demo screenshots

DEMO_PAGES = {"seed": "Main/InterspeciesRomance/", "showcase": "Main/MarkupShowcase/"}


@pytest.mark.parametrize("variant", list(DEMO_THEMES))
def test_demo_screenshots(browser: Browser, demo_site: Callable[[str], str], variant: str) -> None:
    require_browser()
    base_url = demo_site(variant)
    tab = _new_page(browser, base_url)
    try:
        for name, path in DEMO_PAGES.items():
            response = tab.goto(f"{base_url}/{path}")
            assert response is not None and response.ok, path
            tab.wait_for_load_state("load")
            if name == "seed":
                assert_page_image_layout(tab, 348)
            save_screenshot(tab, f"demo-{name}-{variant}")
    finally:
        tab.context.close()
