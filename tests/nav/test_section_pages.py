"""Each page once in the nav and the breadcrumbs: a trope with subpages (or a namespace's index page) is its
section's own link on readthedocs and on Material, with or without ``navigation.indexes`` in the site's config."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

from tests.browser_support import browser_page, require_browser, save_screenshot, serve_directory
from tests.nav.test_nav import build, seed_wiki
from tests.sitebuild import Site

SUBPAGE = "InterspeciesRomance/TabletopGames.trope"
TROPE = "Main/InterspeciesRomance.trope"


def texts(elements: Any) -> list[str]:
    return [element.get_text(" ", strip=True) for element in elements]


def readthedocs_menu(site: Site, src: str) -> BeautifulSoup:
    menu = site.soup(src).select_one(".wy-menu")
    assert menu is not None
    return menu


def test_readthedocs_shows_a_trope_with_subpages_once_as_a_link_over_them(tmp_path: Path) -> None:
    site, _ = build(tmp_path, seed_wiki(), theme="readthedocs")
    menu = readthedocs_menu(site, SUBPAGE)
    entries = texts(menu.select("a"))
    assert entries.count("Interspecies Romance") == 1 and entries.count("Tabletop Games") == 1
    trope = menu.find("a", string="Interspecies Romance")
    assert trope["href"] == "../../Main/InterspeciesRomance/"
    subpages = trope.find_next_sibling("ul").find_all("li", recursive=False)
    assert texts(subpages)[0] == "Advertising" and len(subpages) == 19
    tabletop = menu.find("a", string="Tabletop Games")
    assert tabletop["href"] == "#" and "current" in tabletop.parent["class"]
    assert texts(tabletop.find_next_sibling("ul").select("a")) == ["Dungeons And Dragons"]
    caption = menu.find("span", class_="caption-text", string="Main").find_parent("a")
    assert caption["href"] == "../../Main/"  # the namespace caption leads to its index page

    crumbs = site.soup(SUBPAGE).select(".wy-breadcrumbs li.breadcrumb-item")
    assert texts(crumbs) == ["Main", "Interspecies Romance", "Tabletop Games"]
    assert [crumb.a["href"] for crumb in crumbs[:2]] == ["../../Main/", "../../Main/InterspeciesRomance/"]
    assert texts(site.soup(TROPE).select(".wy-breadcrumbs li.breadcrumb-item")) == ["Main", "Interspecies Romance"]
    # previous/next still run through every page in nav order
    footer = site.soup(TROPE).select(".rst-footer-buttons a")
    assert {a.get("title") for a in footer} == {"Green Skinned Space Babe", "Advertising"}


def test_material_without_navigation_indexes_shows_each_page_once(tmp_path: Path) -> None:
    site, _ = build(tmp_path, seed_wiki(), theme={"name": "material", "features": ["navigation.sections"]})
    nav = site.soup(SUBPAGE).select_one("nav.md-nav--primary")
    entries = texts(nav.select("a.md-nav__link"))
    assert entries.count("Interspecies Romance") == 1 and entries.count("Tabletop Games") == 1
    links = {a.get_text(strip=True): a["href"] for a in nav.select(".md-nav__container > a.md-nav__link")}
    assert links["Interspecies Romance"] == "../../Main/InterspeciesRomance/"
    assert links["Main"] == "../../Main/"


def test_the_option_off_keeps_the_section_and_its_page_apart(tmp_path: Path) -> None:
    plugins = ["search", {"trope": {"section_pages": False}}]
    site, _ = build(tmp_path, seed_wiki(), theme="readthedocs", plugins=plugins)
    assert texts(readthedocs_menu(site, SUBPAGE).select("a")).count("Interspecies Romance") == 2
    crumbs = texts(site.soup(SUBPAGE).select(".wy-breadcrumbs li.breadcrumb-item"))
    assert crumbs == ["Main", "Interspecies Romance", "Tabletop Games", "Tabletop Games"]  # the repetition


def test_readthedocs_sidebar_in_chromium_reads_each_page_once(tmp_path: Path) -> None:
    require_browser()
    site, _ = build(tmp_path, seed_wiki(), theme="readthedocs")
    with serve_directory(site.site_dir) as base_url, browser_page(viewport={"width": 1280, "height": 900}) as page:
        page.goto(f"{base_url}/InterspeciesRomance/TabletopGames/")
        sidebar = page.locator(".wy-menu").inner_text()
        lines = [line.strip() for line in sidebar.splitlines() if line.strip()]
        assert lines.count("Interspecies Romance") == 1 and lines.count("Tabletop Games") == 1
        assert page.locator(".wy-breadcrumbs").inner_text().count("Interspecies Romance") == 1
        save_screenshot(page, "nav-readthedocs-subpage")
        page.locator(".wy-menu a", has_text="Interspecies Romance").click()
        page.wait_for_url(f"{base_url}/Main/InterspeciesRomance/")
        assert page.locator("h1").first.inner_text() == "Interspecies Romance"
