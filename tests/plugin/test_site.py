"""The plugin in real MkDocs builds: every built-in theme and Material, both ``use_directory_urls`` values.

The shared wiki is small but covers what a site does with trope pages: wiki links between namespaces and folders,
red links, case-insensitive names, Markdown pages next to trope pages, titles, search, sitemap, edit links and the
plugin's assets. Each build is shared by the tests of its theme/URL combination (module-scoped fixture).
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from tests.reference import DEMO_SEED
from tests.sitebuild import REPO, Site, build_site, collect_logs, make_config, visible_text

THEMES = ("mkdocs", "readthedocs", "material")
SITE_URL = "https://wiki.example.org/"
REPO_URL = "https://github.com/example/wiki"
EDIT_URI = "edit/main/docs/"
ASSET_CSS = "assets/mkdocs-trope/trope.css"
ASSET_JS = "assets/mkdocs-trope/trope.js"

WIKI: dict[str, str] = {
    "index.md": (
        "# Home\n\n"
        "Read [[InterspeciesRomance the trope]], see {{Shrek}} (Main/Shrek does not exist) "
        "and [the film](WesternAnimation/Shrek.trope).\n"
    ),
    "about.md": (
        "# About this wiki\n\n"
        "Plain Markdown: [home](index.md), [[Main/InterSpeciesRomance a case-insensitive link]] and "
        "[[Film/FooBar the Foo Bar film]].\n"
    ),
    "Main/InterspeciesRomance.trope": DEMO_SEED.read_text(encoding="utf-8"),
    "InterspeciesRomance/AnimeAndManga.trope": "* ''Manga/{{Monster Musume}}''\n",
    "InterspeciesRomance/TabletopGames.trope": "Back to InterspeciesRomance.\n",
    "InterspeciesRomance/DungeonsAndDragons.trope": "Half-elves everywhere. See also TabletopGames.\n",
    "Main/GreenSkinnedSpaceBabe.trope": (
        "Often part of an InterSpeciesRomance.\n\n"
        "->''Indented quote with a [[spoiler:secret]].''\n\n"
        "||!Show||!Babe||\n||WesternAnimation/{{Shrek}}||Fiona, sort of||\n"
    ),
    "WesternAnimation/Shrek.trope": "An ogre film. It has an InterspeciesRomance and a BeastAndBeauty couple.\n",
    "Film/Foo.trope": (
        "! Links\n\n"
        "The sequel is FooBar; the trope is BazQux; nobody wrote NoSuchPage.\n\n"
        "[[foldercontrol]]\n\n"
        "[[folder:Spoilers]]\n* A listed item with a [[labelnote:note]]note text[[/labelnote]].\n[[/folder]]\n"
    ),
    "Film/FooBar.trope": "The sequel to Film/{{Foo}}.\n",
    "Main/BazQux.trope": "A trope in Main, linked bare from the Film namespace.\n",
    "Deep/Sub/Page.trope": (
        "In namespace Sub: the sibling is SiblingPage, the babe is GreenSkinnedSpaceBabe, and MissingHere is red.\n"
    ),
    "Deep/Sub/SiblingPage.trope": "Back to Sub/{{Page}}.\n",
}

TROPE_PAGES = sorted(src for src in WIKI if src.endswith(".trope"))

# Source page → its expected title (AsSpaced name).
TITLES = {
    "Main/InterspeciesRomance.trope": "Interspecies Romance",
    "Main/GreenSkinnedSpaceBabe.trope": "Green Skinned Space Babe",
    "InterspeciesRomance/AnimeAndManga.trope": "Anime And Manga",
    "InterspeciesRomance/DungeonsAndDragons.trope": "Dungeons And Dragons",
    "WesternAnimation/Shrek.trope": "Shrek",
    "Film/Foo.trope": "Foo",
    "Film/FooBar.trope": "Foo Bar",
    "Main/BazQux.trope": "Baz Qux",
    "Deep/Sub/Page.trope": "Page",
    "Deep/Sub/SiblingPage.trope": "Sibling Page",
}


# ------------------------------------------------------------------------------------------------ helpers


def html_pages(site: Site) -> dict[str, Path]:
    """Every documentation page's output, by source path."""
    return {src: site.page_path(src) for src in WIKI}


def resolve_href(site: Site, page: Path, href: str) -> Path | None:
    """The built file a relative ``href`` on ``page`` leads to, or None if it leads outside the site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("/"):
        return None
    target = (page.parent / parts.path).resolve() if parts.path else page
    if target.is_dir():
        target = target / "index.html"
    site_dir = site.site_dir.resolve()
    assert target.is_relative_to(site_dir), f"{href} on {page} leaves the site"
    return target


def link_target(site: Site, src: str, element: Any) -> Path:
    target = resolve_href(site, site.page_path(src), element["href"])
    assert target is not None, f"{element} on {src} is not a link within the site"
    return target


def links_to(site: Site, src: str, text: str, content: BeautifulSoup | None = None) -> Any:
    """The first link in the text of ``src`` (not the subpage bar) showing ``text``."""
    content = content or site.content(src)
    for anchor in content.select("a[href]:not(nav.tvt-subpages a)"):
        if anchor.get_text(" ", strip=True) == text:
            return anchor
    raise AssertionError(f"no link {text!r} on {src}")


def heading_text(element: Any) -> str:
    for permalink in element.select("a.headerlink"):
        permalink.decompose()
    return element.get_text(" ", strip=True)


PREFIX = "mkdocs_trope: "
"""What MkDocs' plugin logger puts before the plugin's messages."""


def case_warnings(site: Site) -> list[str]:
    return [m.removeprefix(PREFIX) for m in site.warnings() if "only when case is ignored" in m]


# ---------------------------------------------------------------------------------------- theme matrix


@pytest.fixture(
    scope="module",
    params=[(theme, urls) for theme in THEMES for urls in (True, False)],
    ids=lambda p: f"{p[0]}-{'dirurls' if p[1] else 'fileurls'}",
)
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    theme_name, directory_urls = request.param
    theme: dict[str, Any] = {"name": theme_name}
    if theme_name == "material":
        theme["features"] = ["content.action.edit"]
    return build_site(
        tmp_path_factory.mktemp(f"{theme_name}-{directory_urls}"),
        WIKI,
        theme=theme,
        use_directory_urls=directory_urls,
        site_url=SITE_URL,
        repo_url=REPO_URL,
        edit_uri=EDIT_URI,
    )


def test_every_page_is_built(site: Site) -> None:
    for src, path in html_pages(site).items():
        assert path.is_file(), f"{src} was not built at {path}"
    assert not list(site.site_dir.rglob("*.trope")), "trope sources must not be copied into the site"


def test_every_wiki_link_reaches_a_built_page(site: Site) -> None:
    checked = 0
    for src, path in html_pages(site).items():
        soup = site.content(src)
        for anchor in soup.select("a.twikilink[href], nav.tvt-subpages a[href]"):
            if "redlink" in anchor.get("class", []):
                continue
            target = resolve_href(site, path, anchor["href"])
            assert target is not None and target.is_file(), f"{src}: {anchor} leads to {target}"
            assert ".trope" not in anchor["href"], f"{src}: MkDocs did not rewrite {anchor}"
            checked += 1
    assert checked > 20


def test_links_land_on_the_right_pages(site: Site) -> None:
    expectations = [
        ("index.md", "the trope", "Main/InterspeciesRomance.trope"),
        ("index.md", "the film", "WesternAnimation/Shrek.trope"),
        ("about.md", "home", "index.md"),
        ("about.md", "the Foo Bar film", "Film/FooBar.trope"),
        ("Main/InterspeciesRomance.trope", "Green Skinned Space Babe", "Main/GreenSkinnedSpaceBabe.trope"),
        ("Main/InterspeciesRomance.trope", "Anime And Manga", "InterspeciesRomance/AnimeAndManga.trope"),
        ("WesternAnimation/Shrek.trope", "Interspecies Romance", "Main/InterspeciesRomance.trope"),
        # A bare name means the current namespace when that page exists, else Main.
        ("Film/Foo.trope", "Foo Bar", "Film/FooBar.trope"),
        ("Film/Foo.trope", "Baz Qux", "Main/BazQux.trope"),
        # A page in a nested folder is in the folder's namespace; links leave and enter folders correctly.
        ("Deep/Sub/Page.trope", "Sibling Page", "Deep/Sub/SiblingPage.trope"),
        ("Deep/Sub/Page.trope", "Green Skinned Space Babe", "Main/GreenSkinnedSpaceBabe.trope"),
        ("Deep/Sub/SiblingPage.trope", "Page", "Deep/Sub/Page.trope"),
        ("InterspeciesRomance/DungeonsAndDragons.trope", "Tabletop Games", "InterspeciesRomance/TabletopGames.trope"),
    ]
    contents = {src: site.content(src) for src in {src for src, _, _ in expectations}}
    for src, text, destination in expectations:
        anchor = links_to(site, src, text, contents[src])
        if text not in {"the film", "home"}:
            assert "twikilink" in anchor.get("class", []), f"{src}: {anchor} should be a wiki link"
        assert link_target(site, src, anchor) == site.page_path(destination).resolve(), f"{src}: {text!r}"


def test_red_links_are_marked_spans(site: Site) -> None:
    expectations = [
        ("index.md", "Shrek", "Main/Shrek"),
        ("Main/InterspeciesRomance.trope", "Friendly Neighborhood Vampire", "Main/FriendlyNeighborhoodVampire"),
        # A bare name that exists nowhere falls back to Main, wherever it is written.
        ("Film/Foo.trope", "No Such Page", "Main/NoSuchPage"),
        ("Deep/Sub/Page.trope", "Missing Here", "Main/MissingHere"),
    ]
    for src, text, page in expectations:
        reds = {span.get_text(" ", strip=True): span for span in site.content(src).select("span.twikilink.redlink")}
        assert text in reds, f"{src}: no red link {text!r} among {sorted(reds)}"
        assert reds[text]["title"] == f"The page {page} does not exist yet"
    for src in WIKI:
        assert not site.content(src).select("a.redlink"), f"{src}: without missing_page_url a red link is a <span>"


def test_case_insensitive_links_work_and_warn(site: Site) -> None:
    anchor = links_to(site, "Main/GreenSkinnedSpaceBabe.trope", "Inter Species Romance")
    assert link_target(site, "Main/GreenSkinnedSpaceBabe.trope", anchor) == site.page_path(
        "Main/InterspeciesRomance.trope"
    ).resolve()
    anchor = links_to(site, "about.md", "a case-insensitive link")
    assert "twikilink" in anchor["class"]
    assert link_target(site, "about.md", anchor) == site.page_path("Main/InterspeciesRomance.trope").resolve()
    warnings = case_warnings(site)
    assert any(w.startswith("docs/Main/GreenSkinnedSpaceBabe.trope: link 'InterSpeciesRomance'") for w in warnings)
    assert any(w.startswith("docs/about.md: link 'Main/InterSpeciesRomance'") for w in warnings)
    assert all("write 'InterspeciesRomance'" in w or "write 'Main/InterspeciesRomance'" in w for w in warnings)
    assert len(site.warnings()) == len(warnings) == 2, "only the case warnings are expected"


def test_markdown_pages_keep_working(site: Site) -> None:
    home = site.content("index.md")
    assert heading_text(home.select_one("h1")) == "Home"
    about = site.content("about.md")
    assert heading_text(about.select_one("h1")) == "About this wiki"
    assert "Plain Markdown:" in visible_text(about)
    # A Markdown link to a .trope source is rewritten by MkDocs to the page's URL.
    film = links_to(site, "index.md", "the film")
    assert not film["href"].endswith(".trope")
    assert "twikilink" not in film.get("class", [])


def test_titles_are_spaced_names(site: Site) -> None:
    for src, title in TITLES.items():
        soup = site.soup(src)
        assert soup.title is not None
        assert soup.title.get_text(strip=True).startswith(title), f"{src}: <title> {soup.title}"
        headings = site.content(src).select("h1")
        assert [heading_text(h) for h in headings] == [title], f"{src}: exactly one <h1>, the title"


def test_search_index_contains_trope_pages(site: Site) -> None:
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    by_location = {entry["location"]: entry for entry in index["docs"] if "#" not in entry["location"]}
    for src in WIKI:
        location = site.page_path(src).relative_to(site.site_dir).as_posix()
        if site.config.use_directory_urls:
            location = location.removesuffix("index.html")
        assert location in by_location, f"{src} ({location}) missing from the search index"
    seed = by_location[
        "Main/InterspeciesRomance/" if site.config.use_directory_urls else "Main/InterspeciesRomance.html"
    ]
    assert seed["title"] == "Interspecies Romance"
    assert "A romance, sexual or otherwise" in seed["text"]
    assert "[[" not in seed["text"] and "{{" not in seed["text"], "search must index rendered text, not markup"


def test_sitemap_lists_trope_pages(site: Site) -> None:
    tree = ElementTree.parse(site.site_dir / "sitemap.xml")
    locations = {element.text for element in tree.iter() if element.tag.endswith("loc")}
    for src in TROPE_PAGES:
        url = SITE_URL + site.page_path(src).relative_to(site.site_dir).as_posix()
        if site.config.use_directory_urls:
            url = url.removesuffix("index.html")
        assert url in locations, f"{src}: {url} not in sitemap"


def test_edit_links_point_at_trope_sources(site: Site) -> None:
    for src in ["Main/InterspeciesRomance.trope", "Deep/Sub/Page.trope", "about.md"]:
        expected = f"{REPO_URL}/{EDIT_URI}{src}"
        hrefs = {a["href"] for a in site.soup(src).select("a[href]")}
        assert expected in hrefs, f"{src}: no edit link {expected}"


def test_assets_are_published_and_linked_from_every_page(site: Site) -> None:
    css = site.site_dir / ASSET_CSS
    js = site.site_dir / ASSET_JS
    assert css.is_file() and "details.folder" in css.read_text(encoding="utf-8")
    assert js.is_file() and "foldercontrol" in js.read_text(encoding="utf-8")
    for src, path in html_pages(site).items():
        soup = site.soup(src)
        styles = {resolve_href(site, path, link["href"]) for link in soup.select("link[rel=stylesheet][href]")}
        scripts = {resolve_href(site, path, script["src"]) for script in soup.select("script[src]")}
        assert css.resolve() in styles, f"{src} does not link trope.css"
        assert js.resolve() in scripts, f"{src} does not load trope.js"


def test_md_in_html_leaves_no_markdown_attributes(site: Site) -> None:
    for src in WIKI:
        soup = site.soup(src)
        leftovers = soup.find_all(attrs={"markdown": True})
        assert not leftovers, f"{src}: {leftovers[:3]}"
    foo = site.content("Film/Foo.trope")
    folder = foo.select_one("details.folder")
    assert folder is not None and folder.select_one("summary.folderlabel").get_text(strip=True) == "Spoilers"
    assert folder.select_one("li span.tvt-note.labelnote button.notelabel") is not None
    babe = site.content("Main/GreenSkinnedSpaceBabe.trope")
    assert babe.select_one("div.indent em span.spoiler") is not None
    table = babe.select_one("table.tvt-table")
    assert table is not None and [th.get_text(strip=True) for th in table.select("th")] == ["Show", "Babe"]
    assert table.select_one("td a.twikilink") is not None


def test_seed_page_figure_and_subpages(site: Site) -> None:
    seed = site.content("Main/InterspeciesRomance.trope")
    figure = seed.select_one("figure.quoteright")
    assert figure is not None and "width:348px" in figure["style"].replace(" ", "")
    assert figure.select_one("img") is not None
    assert figure.select_one("figcaption.caption") is not None
    bar = seed.select_one("nav.tvt-subpages")
    assert bar is not None
    assert [li.get_text(strip=True) for li in bar.select("li")] == [
        "Interspecies Romance",
        "Anime And Manga",
        "Tabletop Games",
        "Dungeons And Dragons",
    ]


# ------------------------------------------------------------------------------------------------ strict


CLEAN_WIKI = {
    "index.md": "# Home\n\nSee [[InterspeciesRomance the trope]].\n",
    "Main/InterspeciesRomance.trope": "Two species, one romance: a GreenSkinnedSpaceBabe, say.\n",
    "Main/GreenSkinnedSpaceBabe.trope": "Back to InterspeciesRomance.\n",
}


def test_strict_build_passes_on_a_clean_site(tmp_path: Path) -> None:
    site = build_site(tmp_path, CLEAN_WIKI, strict=True)
    assert site.warnings() == []
    assert site.page_path("Main/GreenSkinnedSpaceBabe.trope").is_file()


def test_strict_build_fails_on_red_link_when_missing_pages_warn(tmp_path: Path) -> None:
    files = {**CLEAN_WIKI, "Main/GreenSkinnedSpaceBabe.trope": "See NoSuchTrope.\n"}
    with pytest.raises(Abort, match="strict"):
        build_site(tmp_path, files, strict=True, plugins=["search", {"trope": {"missing_pages": "warning"}}])


def test_strict_build_ignores_red_links_by_default(tmp_path: Path) -> None:
    files = {**CLEAN_WIKI, "Main/GreenSkinnedSpaceBabe.trope": "See NoSuchTrope.\n"}
    site = build_site(tmp_path, files, strict=True)
    summary = "1 link to 1 page that does not exist yet (listed on the page Wanted Pages)"
    assert any(m.endswith(summary) for m in site.messages())
    assert not any("NoSuchTrope" in m for m in site.messages(logging.INFO))  # the details show at -v
    assert any("links to 'Main/NoSuchTrope', which does not exist yet" in m for m in site.messages(logging.DEBUG))


def test_strict_build_fails_on_converter_warning(tmp_path: Path) -> None:
    files = {**CLEAN_WIKI, "Main/GreenSkinnedSpaceBabe.trope": "An unclosed [[HeroicSacrifice link.\n"}
    with pytest.raises(Abort, match="strict"):
        build_site(tmp_path / "strict", files, strict=True)
    site = build_site(tmp_path / "lenient", files)
    warnings = site.warnings()
    assert len(warnings) == 1 and "docs/Main/GreenSkinnedSpaceBabe.trope:1:13: '[[' is never closed" in warnings[0]
    assert [record.levelname for record in site.records if record.levelno >= logging.WARNING] == ["ERROR"]


def test_strict_build_fails_on_case_mismatch(tmp_path: Path) -> None:
    files = {**CLEAN_WIKI, "Main/GreenSkinnedSpaceBabe.trope": "Back to InterSpeciesRomance.\n"}
    with pytest.raises(Abort, match="strict"):
        build_site(tmp_path, files, strict=True)


# ----------------------------------------------------------------------------------------------- options


def test_missing_page_url_sends_red_links_to_the_external_wiki(tmp_path: Path) -> None:
    pattern = "https://tvtropes.org/pmwiki/pmwiki.php/{namespace}/{name}"
    files = {**CLEAN_WIKI, "Main/GreenSkinnedSpaceBabe.trope": "See NoSuchTrope and Film/{{Missing Film}}.\n"}
    site = build_site(tmp_path, files, plugins=[{"trope": {"missing_page_url": pattern}}])
    reds = site.content("Main/GreenSkinnedSpaceBabe.trope").select("a.twikilink.redlink")
    assert [(a.get_text(strip=True), a["href"]) for a in reds] == [
        ("No Such Trope", "https://tvtropes.org/pmwiki/pmwiki.php/Main/NoSuchTrope"),
        ("Missing Film", "https://tvtropes.org/pmwiki/pmwiki.php/Film/MissingFilm"),
    ]
    assert reds[0]["title"] == "The page Main/NoSuchTrope does not exist here yet"
    assert not site.content("Main/GreenSkinnedSpaceBabe.trope").select("span.redlink")


def test_titles_front_matter_and_note_lines(tmp_path: Path) -> None:
    files = {
        **CLEAN_WIKI,
        "index.md": "# Home\n\nSee InterspeciesRomance, [[Main/TVTropes]] and {{Custom Titled}}.\n",
        "Main/TVTropes.trope": "Note: this first line looks like Markdown metadata, and must stay.\n\nMore.\n",
        "Main/CustomTitled.trope": "---\ntitle: My Own Title\n---\nA page with a title of its own.\n",
        "Main/InterspeciesRomance.trope": "Read about TVTropes and CustomTitled and GreenSkinnedSpaceBabe.\n",
    }
    titles = {"Main/InterspeciesRomance": "Romance Across Species", "GreenSkinnedSpaceBabe": "Green Babes"}
    site = build_site(tmp_path, files, plugins=[{"trope": {"titles": titles}}])
    for src, title in [
        ("Main/InterspeciesRomance.trope", "Romance Across Species"),
        ("Main/GreenSkinnedSpaceBabe.trope", "Green Babes"),
        ("Main/CustomTitled.trope", "My Own Title"),
        ("Main/TVTropes.trope", "TV Tropes"),
    ]:
        soup = site.soup(src)
        assert soup.title is not None and soup.title.get_text(strip=True).startswith(title), src
        assert [heading_text(h) for h in site.content(src).select("h1")] == [title], src
    note = site.content("Main/TVTropes.trope")
    assert "Note: this first line looks like Markdown metadata, and must stay." in visible_text(note)
    custom = site.content("Main/CustomTitled.trope")
    assert "title:" not in visible_text(custom) and "A page with a title of its own." in visible_text(custom)
    # Automatic link text (WikiWords, free links without a pipe) uses custom titles; potholes keep their own.
    romance = site.content("Main/InterspeciesRomance.trope")
    shown = [a.get_text(strip=True) for a in romance.select("a.twikilink")]
    assert shown == ["TV Tropes", "My Own Title", "Green Babes"]
    home = site.content("index.md")
    assert [a.get_text(strip=True) for a in home.select("a.twikilink")] == ["[1]", "My Own Title"]


BAD_OPTIONS: list[dict[str, Any]] = [
    {"missing_pages": "loud"},
    {"case_mismatch": "sometimes"},
    {"missing_page_url": "{bogus}"},
    {"missing_page_url": "https://example.org/{name.upper}"},
    {"missing_page_url": 42},
    {"titles": {"A": 1}},
    {"titles": ["A"]},
    {"heading_shift": 9},
    {"heading_shift": "two"},
    {"page_heading": "yes please"},
]


@pytest.mark.parametrize("options", BAD_OPTIONS, ids=[f"{k}={v!r}" for o in BAD_OPTIONS for k, v in o.items()])
def test_bad_option_values_are_configuration_errors(tmp_path: Path, options: dict[str, Any]) -> None:
    """Caught when ``mkdocs.yml`` is loaded (before any build or serve), with the option named in the message."""
    (name,) = options
    config_file = make_config(tmp_path, CLEAN_WIKI, plugins=[{"trope": options}])
    with collect_logs() as records, pytest.raises(Abort, match="Aborted with a configuration error"):
        load_config(str(config_file))  # MkDocs turns the ConfigurationError into Abort, as `mkdocs build` does
    errors = [record.getMessage() for record in records if record.levelno >= logging.ERROR]
    assert len(errors) == 1 and f"Plugin 'trope' option '{name}'" in errors[0], errors
    assert "Traceback" not in errors[0]


# --------------------------------------------------------------------------------- Material features


def test_material_instant_navigation_and_section_indexes(tmp_path: Path) -> None:
    """A page with subpages is its section's index page (clickable section label, not listed twice)."""
    theme = {"name": "material", "features": ["navigation.instant", "navigation.indexes", "navigation.sections"]}
    site = build_site(tmp_path, WIKI, theme=theme, site_url=SITE_URL)
    assert len(site.warnings()) == 2, site.warnings()  # the two case mismatches, nothing from Material
    path = site.page_path("Main/InterspeciesRomance.trope")
    nav = site.soup("Main/InterspeciesRomance.trope").select_one("nav.md-nav--primary")
    assert nav is not None
    sections = {}
    for container in nav.select("div.md-nav__container"):
        link = container.select_one("a.md-nav__link[href]")
        sections[link.get_text(strip=True)] = resolve_href(site, path, link["href"])
    assert {title: sections.pop(title) for title in ("Interspecies Romance", "Tabletop Games")} == {
        "Interspecies Romance": path.resolve(),
        "Tabletop Games": site.page_path("InterspeciesRomance/TabletopGames.trope").resolve(),
    }
    assert sections["Main"] == (site.site_dir / "Main" / "index.html").resolve()  # the namespace's index page
    assert all(target.name == "index.html" for target in sections.values())
    entries = [a.get_text(strip=True) for a in nav.select("a.md-nav__link")]
    assert entries.count("Interspecies Romance") == 1 and entries.count("Tabletop Games") == 1
    # Instant navigation swaps page content without reloading scripts: trope.js must be loaded on every page.
    for src in WIKI:
        assert any(s["src"].endswith(ASSET_JS) for s in site.soup(src).select("script[src]")), src


# -------------------------------------------------------------------------------------------- ProperDocs


def run_properdocs(root: Path, files: dict[str, str]) -> tuple[subprocess.CompletedProcess[str], Path]:
    """``properdocs build --strict`` on a small site with ProperDocs' own ``mkdocs`` theme package."""
    config_file = make_config(root, files, theme="mkdocs")
    site_dir = root / "out"
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(config_file), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=os.environ | {"NO_COLOR": "1"},
    )
    return result, site_dir


def test_properdocs_builds_trope_pages(tmp_path: Path) -> None:
    """ProperDocs (the MkDocs 1.x fork) loads the plugin from the same entry point and builds the same pages."""
    result, site_dir = run_properdocs(tmp_path, CLEAN_WIKI | {"Main/Red.trope": "See NoSuchTrope."})
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((site_dir / "Main/GreenSkinnedSpaceBabe/index.html").read_text("utf-8"), "html.parser")
    main = page.select_one("div[role=main]")
    assert main is not None and heading_text(main.select_one("h1")) == "Green Skinned Space Babe"
    link = main.select_one("a.twikilink")
    assert link is not None and link["href"] == "../InterspeciesRomance/"
    assert (site_dir / ASSET_CSS).is_file()
    assert any(s["href"].endswith(ASSET_CSS) for s in page.select("link[rel=stylesheet]"))
    red = BeautifulSoup((site_dir / "Main/Red/index.html").read_text("utf-8"), "html.parser")
    assert red.select_one("span.twikilink.redlink")["title"] == "The page Main/NoSuchTrope does not exist yet"


def test_properdocs_strict_counts_plugin_warnings(tmp_path: Path) -> None:
    """The plugin logs through ``mkdocs.plugins``, which ProperDocs aliases, so its strict mode sees them too."""
    result, _ = run_properdocs(tmp_path, CLEAN_WIKI | {"Main/Bad.trope": "An unclosed [[HeroicSacrifice link.\n"})
    assert result.returncode != 0
    assert "ERROR   -  mkdocs_trope: docs/Main/Bad.trope:1:13: '[[' is never closed" in result.stderr
    assert "Aborted with 1 errors in strict mode" in result.stdout + result.stderr


# -------------------------------------------------------------------------------------------- demo site


def test_demo_site_builds_strict(tmp_path: Path) -> None:
    demo = REPO / "demo_site" / "mkdocs.yml"
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(demo), "-d", str(tmp_path / "site")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=os.environ | {"NO_COLOR": "1", "NO_MKDOCS_2_WARNING": "1"},
    )
    elapsed = time.perf_counter() - started
    print(f"demo_site strict build: {elapsed:.2f} s")  # recorded, never asserted
    problems = [line for line in result.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert result.returncode == 0, "\n".join(problems) or result.stderr
    assert (tmp_path / "site" / "Main" / "InterspeciesRomance" / "index.html").is_file()
