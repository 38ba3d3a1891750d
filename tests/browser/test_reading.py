"""Reading the demo wiki on a phone, on paper, by touch, by keyboard and through the accessibility tree.

Each of the four theme variants (``mkdocs``, ``readthedocs``, Material light and Material slate) builds the demo
site once for the whole module. Screenshots go to ``test-output/screenshots/reading-*.png``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest

from tests.browser.test_behaviour import DEMO_THEMES, _route_remote, build_demo
from tests.browser_support import launch_chromium, require_browser, save_screenshot, serve_directory

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

SEED = "Main/InterspeciesRomance/"
SHOWCASE = "Main/MarkupShowcase/"
PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
DESKTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 900}}
CONTENT = "div.md-content article, div[role=main]"

MIN_CONTRAST = 4.5
MIN_TARGET = 24


@dataclass(frozen=True)
class Demo:
    variant: str
    base_url: str


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    require_browser()
    with launch_chromium() as chromium:
        yield chromium


@pytest.fixture(scope="module", params=list(DEMO_THEMES))
def demo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """The demo wiki built once per theme variant, served over HTTP."""
    require_browser()
    site_dir = tmp_path_factory.mktemp(request.param) / "site"
    build_demo(site_dir, DEMO_THEMES[request.param])
    with serve_directory(site_dir) as base_url:
        yield Demo(request.param, base_url)


def _tab(browser: Browser, demo: Demo, options: dict[str, Any]) -> Iterator[Page]:
    context = browser.new_context(**options)
    context.route(lambda url: not url.startswith((demo.base_url, "data:", "about:")), _route_remote)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture(scope="module")
def desktop_tab(browser: Browser, demo: Demo) -> Iterator[Page]:
    """One desktop tab per theme variant, shared by the module's tests (each opens the page it needs)."""
    yield from _tab(browser, demo, DESKTOP)


@pytest.fixture(scope="module")
def phone_tab(browser: Browser, demo: Demo) -> Iterator[Page]:
    """One 390 x 844 touch-screen tab per theme variant."""
    yield from _tab(browser, demo, PHONE)


@pytest.fixture
def open_page(desktop_tab: Page, phone_tab: Page, demo: Demo) -> Iterator[Any]:
    """``open_page(path, phone=False)``: a page of the demo in the shared tab, on screen, no forced colours."""

    def opener(path: str, phone: bool = False) -> Page:
        page = phone_tab if phone else desktop_tab
        page.emulate_media(media="screen", forced_colors="none")
        response = page.goto(f"{demo.base_url}/{path}")
        assert response is not None and response.ok, path
        page.wait_for_load_state("load")
        return page

    yield opener


def content(page: Page) -> Any:
    return page.locator(CONTENT).first


# -------------------------------------------------------------------------------------------------- phones


def test_phone_first_screen_shows_the_first_paragraph(open_page: Any, demo: Demo) -> None:
    page = open_page(SEED, phone=True)
    first = content(page).locator("p", has_text="A romance, sexual or otherwise").first
    box = first.bounding_box()
    assert box is not None and box["y"] + 40 < 844, f"first paragraph starts at {box}"
    bar = content(page).locator("nav.tvt-subpages").bounding_box()
    assert bar is not None and bar["height"] < 50, f"the subpage bar is one line on a phone: {bar}"
    scroller = content(page).locator("nav.tvt-subpages > ul")
    assert scroller.evaluate("ul => ul.scrollWidth > ul.clientWidth && getComputedStyle(ul).overflowX === 'auto'")
    figure = content(page).locator("figure.quoteright").bounding_box()
    assert figure is not None and figure["x"] >= 0 and figure["x"] + figure["width"] <= 390
    assert figure["height"] <= 844 / 2 + 40, "a page image takes at most half the screen (plus its caption)"
    save_screenshot(page, f"reading-phone-{demo.variant}", full_page=False)


def test_phone_current_subpage_is_scrolled_into_the_bar(open_page: Any) -> None:
    page = open_page("InterspeciesRomance/WesternAnimation/", phone=True)
    current = content(page).locator("nav.tvt-subpages li.current")
    bar = content(page).locator("nav.tvt-subpages > ul")
    inside = bar.evaluate(
        """(ul, li) => { const a = ul.getBoundingClientRect(), b = li.getBoundingClientRect();
            return ul.scrollLeft > 0 && b.left >= a.left - 1 && b.right <= a.right + 1; }""",
        current.element_handle(),
    )
    assert inside, "the current page, last in the bar, is scrolled into view"


def test_phone_tables_stay_inside_their_box(open_page: Any, demo: Demo) -> None:
    page = open_page(SHOWCASE, phone=True)
    page.evaluate("document.querySelectorAll('details.folder').forEach(d => d.open = true)")
    tables = content(page).locator("table.tvt-table")
    assert tables.count() >= 2
    for index in range(tables.count()):
        fits = tables.nth(index).evaluate(
            """t => { const box = t.getBoundingClientRect();
                const cells = [...t.querySelectorAll("th, td")].map(c => c.getBoundingClientRect());
                const scroller = t.closest(".wy-table-responsive, .md-typeset__scrollwrap") || t.parentElement;
                const view = scroller.getBoundingClientRect();
                return cells.every(c => c.right <= box.right + 1)
                    && (box.right <= view.right + 1 || scroller.scrollWidth > scroller.clientWidth); }"""
        )
        assert fits, f"table {index} on {demo.variant}: cells overflow the table or its box cannot scroll"


# ---------------------------------------------------------------------------------------------------- touch


def test_first_tap_reveals_a_spoiler_and_the_second_follows_its_link(open_page: Any, demo: Demo) -> None:
    page = open_page(SHOWCASE, phone=True)
    spoiler = content(page).locator("span.spoiler", has=page.locator("a", has_text="an ogre by night"))
    link = spoiler.locator("a")
    assert spoiler.get_attribute("aria-expanded") == "false"
    link.tap()
    assert spoiler.get_attribute("aria-expanded") == "true"
    assert page.url.endswith(SHOWCASE), "the first tap must not follow the link"
    colour, background = spoiler.evaluate("s => [getComputedStyle(s).color, getComputedStyle(s).backgroundColor]")
    assert colour != background
    link.tap()
    page.wait_for_url("**/Main/BeastAndBeauty/")


# -------------------------------------------------------------------------------- spoilers, notes, folders


def _hidden(spoiler: Any) -> bool:
    return bool(spoiler.evaluate("s => getComputedStyle(s).color === getComputedStyle(s).backgroundColor"))


def test_spoiler_is_a_state_the_reader_controls(open_page: Any) -> None:
    page = open_page(SHOWCASE)
    spoiler = content(page).locator("span.spoiler", has_text="descended from human colonists")
    assert _hidden(spoiler)
    spoiler.click()
    page.mouse.move(0, 0)
    content(page).locator("h1").first.click()  # clicking elsewhere keeps it revealed
    assert not _hidden(spoiler) and spoiler.get_attribute("aria-expanded") == "true"
    assert spoiler.get_attribute("aria-label") is None, "revealed, its text is its name"
    spoiler.click()
    assert _hidden(spoiler) and spoiler.get_attribute("aria-label") == "Spoiler"
    spoiler.focus()
    assert _hidden(spoiler), "focus alone reveals nothing"
    page.keyboard.press("Enter")
    assert not _hidden(spoiler)
    page.keyboard.press("Escape")
    assert _hidden(spoiler)
    page.keyboard.press("Space")
    assert not _hidden(spoiler)


def test_escape_closes_an_open_note(open_page: Any) -> None:
    page = open_page(SHOWCASE)
    label = content(page).locator("span.labelnote > button.notelabel")
    label.click()
    assert label.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    assert label.get_attribute("aria-expanded") == "false"
    assert not content(page).locator("span.labelnote > span.notebody").is_visible()
    assert label.evaluate("b => b === document.activeElement")


def test_open_close_all_reports_its_state(open_page: Any) -> None:
    page = open_page(SHOWCASE)
    button = content(page).get_by_role("button", name="Open/Close All Folders")
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    content(page).locator("details.folder > summary").first.click()  # one closed again: the button will open
    assert button.get_attribute("aria-expanded") == "false"


# ---------------------------------------------------------------------------------------------------- print


def test_print_shows_all_text_and_no_controls(open_page: Any, demo: Demo) -> None:
    page = open_page(SHOWCASE)
    page.emulate_media(media="print")
    area = content(page)
    folders = area.locator("details.folder")
    for index in range(folders.count()):
        last = folders.nth(index).locator(":scope > :not(summary)").last
        assert last.is_visible(), f"folder {index} prints its content"
    bodies = area.locator("span.tvt-note > span.notebody")
    assert bodies.count() >= 4
    for index in range(bodies.count()):
        assert bodies.nth(index).is_visible(), f"note body {index} prints"
    spoilers = area.locator("span.spoiler")
    for index in range(spoilers.count()):
        assert not _hidden(spoilers.nth(index)), f"spoiler {index} prints readable"
    assert not area.locator("p.foldercontrol").is_visible()
    assert not area.locator("span.tvt-note:not(.labelnote) > button.notelabel").first.is_visible()
    save_screenshot(page, f"reading-print-{demo.variant}")


# ------------------------------------------------------------------------------ contrast and target sizes

MEASURE = """(selectors) => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext("2d", {willReadFrequently: true});
    const rgba = c => {
        ctx.clearRect(0, 0, 1, 1);
        ctx.fillStyle = "rgba(0, 0, 0, 0)";
        ctx.fillStyle = c;
        ctx.fillRect(0, 0, 1, 1);
        const d = ctx.getImageData(0, 0, 1, 1).data;
        return [d[0], d[1], d[2], d[3] / 255];
    };
    const over = (top, base) => top.slice(0, 3).map((v, i) => v * top[3] + base[i] * (1 - top[3]));
    const background = el => {
        const layers = [];
        for (let e = el; e; e = e.parentElement) {
            const c = rgba(getComputedStyle(e).backgroundColor);
            if (c[3] > 0) layers.push(c);
            if (c[3] >= 1) break;
        }
        let colour = [255, 255, 255];
        for (const layer of layers.reverse()) colour = over(layer, colour);
        return colour;
    };
    const luminance = rgb => {
        const [r, g, b] = rgb.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const out = {};
    for (const selector of selectors) {
        const el = document.querySelector(selector);
        if (!el) { out[selector] = null; continue; }
        const bg = background(el);
        const fg = over(rgba(getComputedStyle(el).color), bg);
        const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
        const box = el.getBoundingClientRect();
        out[selector] = {contrast: Math.round(((a + 0.05) / (b + 0.05)) * 100) / 100,
                         width: Math.round(box.width * 10) / 10, height: Math.round(box.height * 10) / 10};
    }
    return out;
}"""

SHOWCASE_TEXT = [
    "span.tvt-note:not(.labelnote):not(.hottip) > button.notelabel",
    "span.tvt-note.hottip > button.notelabel",
    "span.tvt-note.labelnote > button.notelabel",
    "button.foldercontrol-button",
    "details.folder > summary.folderlabel",
    "figure.quoteright figcaption",
    "span.twikilink.redlink",
    "span.spoiler[aria-expanded=true]",
    "span.tvt-note > button.notelabel[aria-expanded=true] + span.notebody",
]
SHOWCASE_TARGETS = SHOWCASE_TEXT[:5]
SEED_TEXT = [
    "nav.tvt-subpages .tvt-subpages-label",
    "nav.tvt-subpages li:not(.current) > a",
    "nav.tvt-subpages li.current > span",
]
SEED_TARGETS = SEED_TEXT[1:]


def measure(page: Page, selectors: list[str]) -> dict[str, dict[str, float]]:
    found: dict[str, dict[str, float] | None] = page.evaluate(MEASURE, selectors)
    missing = [selector for selector, value in found.items() if value is None]
    assert not missing, f"nothing matches {missing}"
    return {selector: value for selector, value in found.items() if value is not None}


def test_text_contrast_and_target_sizes(open_page: Any, demo: Demo) -> None:
    page = open_page(SHOWCASE)
    area = content(page)
    area.locator("span.spoiler", has_text="descended from human colonists").click()
    area.locator("span.tvt-note:not(.labelnote):not(.hottip) > button.notelabel").first.click()
    page.mouse.move(0, 0)
    showcase = measure(page, SHOWCASE_TEXT)
    seed = measure(open_page(SEED), SEED_TEXT)
    figures = {**showcase, **seed}
    low = {selector: value["contrast"] for selector, value in figures.items() if value["contrast"] < MIN_CONTRAST}
    assert not low, f"{demo.variant}: text contrast below {MIN_CONTRAST}:1 {low}"
    small = {
        selector: (figures[selector]["width"], figures[selector]["height"])
        for selector in SHOWCASE_TARGETS + SEED_TARGETS
        if min(figures[selector]["width"], figures[selector]["height"]) < MIN_TARGET
    }
    assert not small, f"{demo.variant}: targets smaller than {MIN_TARGET} px {small}"


def test_hidden_spoiler_is_a_bar_in_forced_colours(open_page: Any) -> None:
    page = open_page(SHOWCASE)
    page.emulate_media(forced_colors="active")
    spoiler = content(page).locator("span.spoiler", has_text="descended from human colonists")
    colour, background, page_text = spoiler.evaluate(
        "s => [getComputedStyle(s).color, getComputedStyle(s).backgroundColor, getComputedStyle(document.body).color]"
    )
    assert colour == background == page_text, "hidden: a bar in the text colour"
    spoiler.click()
    assert spoiler.evaluate("s => getComputedStyle(s).borderBottomStyle") == "dashed"


# ------------------------------------------------------------------------------------ accessibility tree


def test_accessible_names(open_page: Any, demo: Demo) -> None:
    page = open_page(SEED)
    figure = content(page).locator("figure.quoteright").aria_snapshot()
    assert 'link "Shrek"' in figure, figure
    page = open_page(SHOWCASE)
    area = content(page)
    tree = area.aria_snapshot()
    assert 'button "Which rocket?"' in tree, "a labelnote is named by its label, without brackets"
    assert 'button "Spoiler"' in tree
    assert "[expanded]" not in tree.split('button "Open/Close All Folders"')[1].split("\n")[0]
    summaries = area.locator("details.folder > summary.folderlabel")
    for index in range(summaries.count()):
        name = summaries.nth(index).aria_snapshot()
        assert name.startswith(("- text: A folder", "- group: A folder")), f"no +/- before the title: {name}"
    revealed = area.locator("span.spoiler", has_text="descended from human colonists")
    revealed.click()
    assert "descended from human colonists" in revealed.aria_snapshot()


def test_images_have_width_alt_and_lazy_loading(open_page: Any) -> None:
    page = open_page(SHOWCASE)
    loading = content(page).locator("img").evaluate_all(
        "imgs => imgs.map(i => [i.closest('figure.quoteright, figure.quoteleft') !== null, i.loading])"
    )
    figure_images = content(page).locator("figure.quoteright img, figure.quoteleft img")
    declared = figure_images.evaluate_all(
        "imgs => imgs.map(i => [i.getAttribute('width'), i.closest('figure').style.width, i.alt])"
    )
    assert declared and all(f"{width}px" == style and alt for width, style, alt in declared), declared
    first_page_image = [in_figure for in_figure, _ in loading].index(True)
    assert loading[first_page_image][1] == "auto", "the page image at the top loads at once"
    assert all(lazy == "lazy" for index, (_, lazy) in enumerate(loading) if index != first_page_image), loading
