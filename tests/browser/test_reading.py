"""Reading the demo wiki on a phone, on paper, by touch, by keyboard and through the accessibility tree.

Each of the four theme variants (``mkdocs``, ``readthedocs``, Material light and Material slate) builds the demo
site once for the whole module. Screenshots go to ``test-output/screenshots/reading-*.png``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

from tests.browser.conftest import DEMO_THEMES
from tests.browser.test_behaviour import CONTENT_AREA, Served, _route_remote
from tests.browser_support import require_browser, save_screenshot

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

SEED = "Main/InterspeciesRomance/"
SHOWCASE = "Main/MarkupShowcase/"
PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
DESKTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 900}}

MIN_CONTRAST = 4.5
MIN_TARGET = 24


@pytest.fixture(scope="module", params=list(DEMO_THEMES))
def demo(request: pytest.FixtureRequest, demo_site: Callable[[str], str]) -> Served:
    """The demo wiki with one theme variant (built once per session), served over HTTP."""
    require_browser()
    return Served(request.param, demo_site(request.param))


def _tab(browser: Browser, demo: Served, options: dict[str, Any]) -> Iterator[Page]:
    context = browser.new_context(**options)
    context.route(lambda url: not url.startswith((demo.base_url, "data:", "about:")), _route_remote)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture(scope="module")
def desktop_tab(browser: Browser, demo: Served) -> Iterator[Page]:
    """One desktop tab per theme variant, shared by the module's tests (each opens the page it needs)."""
    yield from _tab(browser, demo, DESKTOP)


@pytest.fixture(scope="module")
def phone_tab(browser: Browser, demo: Served) -> Iterator[Page]:
    """One 390 x 844 touch-screen tab per theme variant."""
    yield from _tab(browser, demo, PHONE)


@pytest.fixture
def open_page(desktop_tab: Page, phone_tab: Page, demo: Served) -> Iterator[Any]:
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
    return page.locator(CONTENT_AREA).first


# -------------------------------------------------------------------------------------------------- phones

PHONE_FIRST_SCREEN = """area => {
    const box = e => e.getBoundingClientRect();
    const first = [...area.querySelectorAll("p")].find(p => p.textContent.startsWith("A romance, sexual"));
    const bar = area.querySelector("nav.tvt-subpages"), list = bar.querySelector("ul");
    return {paragraph: box(first).top, bar: box(bar).height, figure: box(area.querySelector("figure.quoteright")),
            scrolls: list.scrollWidth > list.clientWidth && getComputedStyle(list).overflowX === "auto"};
}"""

CURRENT_IN_BAR = """area => {
    const list = area.querySelector("nav.tvt-subpages > ul"), current = list.querySelector("li.current");
    const a = list.getBoundingClientRect(), b = current.getBoundingClientRect();
    return list.scrollLeft > 0 && b.left >= a.left - 1 && b.right <= a.right + 1;
}"""

TABLES_FIT = """area => [...area.querySelectorAll("table.tvt-table")].map(t => {
    const box = t.getBoundingClientRect();
    const cells = [...t.querySelectorAll("th, td")].map(c => c.getBoundingClientRect());
    const scroller = t.closest(".wy-table-responsive, .md-typeset__scrollwrap") || t.parentElement;
    return cells.every(c => c.right <= box.right + 1)
        && (box.right <= scroller.getBoundingClientRect().right + 1 || scroller.scrollWidth > scroller.clientWidth);
})"""


def test_phone_reading(open_page: Any, demo: Served) -> None:
    """390 x 844: the seed page's first paragraph on the first screen, a one-line subpage bar scrolled to the
    current page, tables that fit or scroll in their own box, and a first tap on a spoiler that only reveals it."""
    page = open_page(SEED, phone=True)
    screen = content(page).evaluate(PHONE_FIRST_SCREEN)
    save_screenshot(page, f"reading-phone-{demo.theme}", full_page=False)
    assert screen["paragraph"] + 40 < 844, screen
    assert screen["bar"] < 50 and screen["scrolls"], f"the subpage bar is one line that scrolls: {screen}"
    figure = screen["figure"]
    assert figure["left"] >= 0 and figure["right"] <= 390, screen
    assert figure["height"] <= 844 / 2 + 40, "a page image takes at most half the screen (plus its caption)"

    page = open_page("InterspeciesRomance/WesternAnimation/", phone=True)
    assert content(page).evaluate(CURRENT_IN_BAR), "the current page, last in the bar, is scrolled into view"

    page = open_page(SHOWCASE, phone=True)
    page.evaluate("document.querySelectorAll('details.folder').forEach(d => d.open = true)")
    fits = content(page).evaluate(TABLES_FIT)
    assert len(fits) >= 2 and all(fits), f"cells overflow a table, or its box cannot scroll: {fits}"

    spoiler = content(page).locator("span.spoiler", has=page.locator("a", has_text="an ogre by night"))
    link = spoiler.locator("a")
    assert _hidden(spoiler) and spoiler.get_attribute("aria-expanded") == "false"
    link.tap()
    assert not _hidden(spoiler) and spoiler.get_attribute("aria-expanded") == "true"
    assert page.url.endswith(SHOWCASE), "the first tap must not follow the link"
    link.tap()
    page.wait_for_url("**/Main/BeastAndBeauty/")


# ---------------------------------------------------------------------------------------- keyboard, clicks


def _hidden(spoiler: Any) -> bool:
    return bool(spoiler.evaluate("s => getComputedStyle(s).color === getComputedStyle(s).backgroundColor"))


def test_spoilers_notes_and_folders_by_click_and_keyboard(open_page: Any) -> None:
    from playwright.sync_api import expect

    page = open_page(SHOWCASE)
    area = content(page)
    spoiler = area.locator("span.spoiler", has_text="descended from human colonists")
    assert _hidden(spoiler)
    spoiler.click()
    area.locator("h1").first.click()  # clicking elsewhere keeps it revealed
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

    label = area.locator("span.labelnote > button.notelabel")
    label.click()
    assert label.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    assert label.get_attribute("aria-expanded") == "false"
    assert not area.locator("span.labelnote > span.notebody").is_visible()
    assert label.evaluate("b => b === document.activeElement"), "focus stays on the note's label"

    button = area.get_by_role("button", name="open/close all folders")
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    area.locator("details.folder > summary").first.click()  # one closed again: the button will open
    expect(button).to_have_attribute("aria-expanded", "false")  # set on the (asynchronous) toggle event


# ---------------------------------------------------------------------------------------------------- print

PRINTED = """area => {
    const shown = e => e.checkVisibility();
    const hidden = s => getComputedStyle(s).color === getComputedStyle(s).backgroundColor;
    const all = selector => [...area.querySelectorAll(selector)];
    return {
        folders: all("details.folder").map(d => shown(d.lastElementChild)),
        notes: all("span.tvt-note > span.notebody").map(shown),
        spoilers: all("span.spoiler").map(s => !hidden(s)),
        controls: all("p.foldercontrol, span.tvt-note:not(.labelnote) > button.notelabel").map(shown),
        labels: all("span.labelnote > button.notelabel").map(shown),
    };
}"""


def test_print_shows_all_text_and_no_controls(open_page: Any, demo: Served) -> None:
    page = open_page(SHOWCASE)
    page.emulate_media(media="print")
    printed = content(page).evaluate(PRINTED)
    content(page).locator("p", has=page.locator("span.labelnote")).evaluate("p => p.scrollIntoView()")
    save_screenshot(page, f"reading-print-notes-{demo.theme}", full_page=False)  # the notes, printed inline
    assert len(printed["folders"]) >= 3 and all(printed["folders"]), f"every folder prints its content: {printed}"
    assert len(printed["notes"]) >= 4 and all(printed["notes"]), f"every note body prints: {printed}"
    assert len(printed["spoilers"]) >= 5 and all(printed["spoilers"]), f"every spoiler prints readable: {printed}"
    assert printed["labels"] and all(printed["labels"]), "a labelnote's label is text, so it prints"
    assert printed["controls"] and not any(printed["controls"]), f"buttons do not print: {printed}"


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


def test_contrast_target_sizes_and_forced_colours(open_page: Any, demo: Served) -> None:
    seed = measure(open_page(SEED), SEED_TEXT)
    page = open_page(SHOWCASE)
    area = content(page)
    spoiler = area.locator("span.spoiler", has_text="descended from human colonists")
    spoiler.click()
    area.locator("span.tvt-note:not(.labelnote):not(.hottip) > button.notelabel").first.click()
    page.mouse.move(0, 0)
    figures = {**measure(page, SHOWCASE_TEXT), **seed}
    low = {selector: value["contrast"] for selector, value in figures.items() if value["contrast"] < MIN_CONTRAST}
    assert not low, f"{demo.theme}: text contrast below {MIN_CONTRAST}:1 {low}"
    small = {
        selector: (figures[selector]["width"], figures[selector]["height"])
        for selector in SHOWCASE_TARGETS + SEED_TARGETS
        if min(figures[selector]["width"], figures[selector]["height"]) < MIN_TARGET
    }
    assert not small, f"{demo.theme}: targets smaller than {MIN_TARGET} px {small}"

    page.emulate_media(forced_colors="active")
    assert spoiler.evaluate("s => getComputedStyle(s).borderBottomStyle") == "dashed", "revealed: its extent shows"
    spoiler.click()
    colour, background, text = spoiler.evaluate(
        "s => [getComputedStyle(s).color, getComputedStyle(s).backgroundColor, getComputedStyle(document.body).color]"
    )
    assert colour == background == text, "hidden in high contrast: a bar in the text colour"


# ------------------------------------------------------------------------------------ accessibility tree


def test_accessible_names_and_image_attributes(open_page: Any) -> None:
    page = open_page(SEED)
    figure = content(page).locator("figure.quoteright").aria_snapshot()
    assert 'link "Shrek"' in figure, figure
    page = open_page(SHOWCASE)
    area = content(page)
    tree = area.aria_snapshot()
    assert 'button "Which rocket?"' in tree, "a labelnote is named by its label, without brackets"
    assert 'button "Spoiler"' in tree, "a hidden spoiler is announced as a spoiler button"
    summaries = area.locator("details.folder > summary.folderlabel")
    names = [summaries.nth(index).aria_snapshot() for index in range(summaries.count())]
    assert names and all(name.startswith("- text: A folder") for name in names), f"no +/- before titles: {names}"
    revealed = area.locator("span.spoiler", has_text="descended from human colonists")
    revealed.click()
    assert "descended from human colonists" in revealed.aria_snapshot()

    declared = area.locator("figure.quoteright img, figure.quoteleft img").evaluate_all(
        "imgs => imgs.map(i => [i.getAttribute('width'), i.closest('figure').style.width, i.alt])"
    )
    assert declared and all(f"{width}px" == style and alt for width, style, alt in declared), declared
    loading = area.locator("img").evaluate_all(
        "imgs => imgs.map(i => [i.closest('figure.quoteright, figure.quoteleft') !== null, i.loading])"
    )
    first_page_image = [in_figure for in_figure, _ in loading].index(True)
    assert loading[first_page_image][1] == "auto", "the page image at the top loads at once"
    assert all(lazy == "lazy" for index, (_, lazy) in enumerate(loading) if index != first_page_image), loading
