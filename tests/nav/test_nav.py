"""Navigation from subpage lists, asserted on MkDocs' final nav (captured by a hook) and on the themes' HTML."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.reference import DEMO_SEED
from tests.sitebuild import Site, build_site

CAPTURE_HOOK = '''
import json
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Section, Link

def _item(item):
    if isinstance(item, Section):
        return {item.title: [_item(child) for child in item.children]}
    if isinstance(item, Link):
        return {item.title: item.url}
    if item.children:  # a page that is also its section (readthedocs): shown as the section it replaced
        return {item.title: [[item.title, item.file.src_uri], *(_item(child) for child in item.children)]}
    return [item.title, item.file.src_uri]

_seen = {}

@event_priority(-100)
def on_nav(nav, config, files):
    _seen["nav"] = nav

def on_post_build(config):
    # titles are known once every page has been read
    with open(config.config_file_path.replace("mkdocs.yml", "nav.json"), "w") as out:
        json.dump([_item(item) for item in _seen["nav"].items], out)
'''

SEED_SUBPAGES = [
    "Advertising", "AnimeAndManga", "Apparel", "ComicBooks", "Fanfic", "Film", "Literature", "LiveActionTV",
    "Music", "MusicVideos", "MythologyAndReligion", "TabletopGames", "DungeonsAndDragons", "Theatre", "VideoGames",
    "VisualNovels", "WebAnimation", "Webcomics", "WebOriginal", "WesternAnimation",
]  # fmt: skip
SPACED = {"AnimeAndManga": "Anime And Manga", "ComicBooks": "Comic Books", "LiveActionTV": "Live Action TV",
          "MusicVideos": "Music Videos", "MythologyAndReligion": "Mythology And Religion",
          "TabletopGames": "Tabletop Games", "DungeonsAndDragons": "Dungeons And Dragons",
          "VideoGames": "Video Games", "VisualNovels": "Visual Novels", "WebAnimation": "Web Animation",
          "WebOriginal": "Web Original", "WesternAnimation": "Western Animation"}  # fmt: skip


def build(root: Path, files: dict[str, str], **settings: Any) -> tuple[Site, list[Any]]:
    (root / "capture_nav.py").parent.mkdir(parents=True, exist_ok=True)
    (root / "capture_nav.py").write_text(CAPTURE_HOOK, encoding="utf-8")
    site = build_site(root, files, hooks=["capture_nav.py"], **settings)
    return site, json.loads((root / "nav.json").read_text(encoding="utf-8"))


def seed_wiki() -> dict[str, str]:
    files = {"index.md": "# Home\n", "Main/InterspeciesRomance.trope": DEMO_SEED.read_text(encoding="utf-8")}
    for name in SEED_SUBPAGES:
        files[f"InterspeciesRomance/{name}.trope"] = f"Examples for [={name}=].\n"
    files["Main/GreenSkinnedSpaceBabe.trope"] = "A babe.\n"
    files["Film/Shrek.trope"] = "An ogre.\n"
    return files


def section(nav: list[Any], title: str) -> list[Any]:
    for item in nav:
        if isinstance(item, dict) and title in item:
            return item[title]
    raise AssertionError(f"no section {title!r} in {nav}")


def namespace(nav: list[Any], title: str) -> list[Any]:
    """A namespace's section of the generated nav: its index page first (checked here), then the rest."""
    entries = section(nav, title)
    assert entries[0] == [title, f"{title}/index.md"], entries
    return entries[1:]


def test_seed_page_becomes_a_section_with_its_subpages_in_list_order(tmp_path: Path) -> None:
    _, nav = build(tmp_path, seed_wiki())
    assert nav[0] == ["Home", "index.md"]
    main = namespace(nav, "Main")
    assert main[0] == ["Green Skinned Space Babe", "Main/GreenSkinnedSpaceBabe.trope"]
    romance = section(main, "Interspecies Romance")
    assert romance[0] == ["Interspecies Romance", "Main/InterspeciesRomance.trope"]
    entries = romance[1:]
    assert len(entries) == 19
    expected = [name for name in SEED_SUBPAGES if name != "DungeonsAndDragons"]
    titles = [entry[0] if isinstance(entry, list) else next(iter(entry)) for entry in entries]
    assert titles == [SPACED.get(name, name) for name in expected]
    tabletop = section(entries, "Tabletop Games")
    assert tabletop == [
        ["Tabletop Games", "InterspeciesRomance/TabletopGames.trope"],
        ["Dungeons And Dragons", "InterspeciesRomance/DungeonsAndDragons.trope"],
    ]
    assert namespace(nav, "Film") == [["Shrek", "Film/Shrek.trope"]]


def test_every_link_form_counts_and_other_items_are_ignored(tmp_path: Path) -> None:
    files = {
        "Main/Trope.trope": (
            "* Trope/AlphaOne\n* Trope/{{Beta}}\n* [[Trope/GammaRay the gamma page]]\n* {{Trope/Delta}}\n"
            "* ''Film/SomeWork'': an example, not a subpage\n* Just text\n** Trope/{{Epsilon}}\n"
        ),
        **{f"Trope/{name}.trope": "Sub.\n" for name in ("AlphaOne", "Beta", "GammaRay", "Delta", "Epsilon")},
        "Film/SomeWork.trope": "A work.\n",
    }
    _, nav = build(tmp_path, files)
    trope = section(namespace(nav, "Main"), "Trope")
    assert trope == [
        ["Trope", "Main/Trope.trope"],
        ["Alpha One", "Trope/AlphaOne.trope"],
        ["Beta", "Trope/Beta.trope"],
        ["Gamma Ray", "Trope/GammaRay.trope"],
        {"Delta": [["Delta", "Trope/Delta.trope"], ["Epsilon", "Trope/Epsilon.trope"]]},
    ]
    assert namespace(nav, "Film") == [["Some Work", "Film/SomeWork.trope"]]


def test_subpages_of_subpages_nest_and_unreached_pages_sort_by_title(tmp_path: Path) -> None:
    files = {
        "Main/Zeta.trope": "* Zeta/InnerPage\n",
        "Zeta/InnerPage.trope": "* InnerPage/{{Deepest}}\n",
        "InnerPage/Deepest.trope": "Deep.\n",
        "Main/AlphaTrope.trope": "Alpha.\n",
        "Main/BetaTrope.trope": "Beta.\n",
        "Series/Gamma.trope": "A series.\n",
        "Film/Delta.trope": "A film.\n",
    }
    _, nav = build(tmp_path, files)
    main = namespace(nav, "Main")
    assert main[0] == ["Alpha Trope", "Main/AlphaTrope.trope"]
    assert main[1] == ["Beta Trope", "Main/BetaTrope.trope"]
    zeta = section(main, "Zeta")
    inner = {"Inner Page": [["Inner Page", "Zeta/InnerPage.trope"], ["Deepest", "InnerPage/Deepest.trope"]]}
    assert zeta == [["Zeta", "Main/Zeta.trope"], inner]
    assert [next(iter(item)) for item in nav if isinstance(item, dict)] == ["Main", "Film", "Series"]


def test_cycles_and_two_parents_are_deterministic_with_warnings(tmp_path: Path) -> None:
    files = {
        "Main/RootPage.trope": "* RootPage/ChildA\n* RootPage/SharedOne\n",
        "Series/RootPage.trope": "A work with the same name also lists it:\n* RootPage/SharedOne\n",
        "RootPage/ChildA.trope": "* ChildA/{{Loop}}\n",
        "ChildA/Loop.trope": "* Loop/ChildA\n",
        "Loop/ChildA.trope": "Same name, other namespace.\n",
        "RootPage/SharedOne.trope": "Listed by two parents.\n",
        "Main/PingPage.trope": "* PingPage/PongPage\n",
        "PingPage/PongPage.trope": "* PongPage/PingPage\n",
        "PongPage/PingPage.trope": "* PingPage/PongPage\n",
    }
    site, nav = build(tmp_path, files)
    _, nav2 = build(tmp_path / "again", files)
    assert nav == nav2
    warnings = site.warnings()
    assert any("already listed under" in message for message in warnings), warnings
    main = namespace(nav, "Main")
    root = section(main, "Root Page")
    assert ["Shared One", "RootPage/SharedOne.trope"] in root
    assert namespace(nav, "Series") == [["Root Page", "Series/RootPage.trope"]]
    ping = section(main, "Ping Page")
    assert ping[0] == ["Ping Page", "Main/PingPage.trope"]
    assert any("makes a cycle" in message for message in warnings), warnings
    flat = json.dumps(nav)
    for page in files:
        assert flat.count(f'"{page}"') == 1, page


def test_missing_subpages_are_red_links_left_out_of_the_nav(tmp_path: Path) -> None:
    files = {"Main/Trope.trope": "* Trope/{{Present}}\n* Trope/{{Absent}}\n", "Trope/Present.trope": "Here.\n"}
    site, nav = build(tmp_path, files, plugins=["search", {"trope": {"missing_pages": "warning"}}])
    trope = section(namespace(nav, "Main"), "Trope")
    assert trope == [["Trope", "Main/Trope.trope"], ["Present", "Trope/Present.trope"]]
    assert site.content("Main/Trope.trope").select_one("span.redlink").get_text() == "Absent"
    assert any("Main/Trope.trope:2: subpage 'Trope/Absent' is listed but does not exist" in m for m in site.warnings())


def test_explicit_nav_is_respected_and_gains_subpages(tmp_path: Path) -> None:
    explicit = [{"Start": "index.md"}, {"The trope": "Main/InterspeciesRomance.trope"}, "Film/Shrek.trope"]
    _, nav = build(tmp_path, seed_wiki(), nav=explicit)
    assert nav[0] == ["Start", "index.md"]
    romance = nav[1]["The trope"]
    assert romance[0] == ["Interspecies Romance", "Main/InterspeciesRomance.trope"]
    assert len(romance) == 20
    assert nav[2] == ["Shrek", "Film/Shrek.trope"]
    _, plain = build(tmp_path / "off", seed_wiki(), nav=explicit,
                     plugins=["search", {"trope": {"nav_subpages": False}}])
    assert plain[1] == ["The trope", "Main/InterspeciesRomance.trope"]


def test_titles_map_and_own_titles(tmp_path: Path) -> None:
    files = seed_wiki()
    files["InterspeciesRomance/Theatre.trope"] = "---\ntitle: Stage and Theatre\n---\nPlays.\n"
    settings = {"plugins": ["search", {"trope": {"titles": {"AnimeAndManga": "Anime & Manga"}}}]}
    site, nav = build(tmp_path, files, **settings)
    titles = json.dumps(nav)  # MkDocs' nav titles are HTML, as its templates print them
    assert "Anime &amp; Manga" in titles and "Stage and Theatre" in titles
    assert site.content("InterspeciesRomance/AnimeAndManga.trope").h1.get_text() == "Anime & Manga"
    assert site.soup("InterspeciesRomance/Theatre.trope").title.get_text().startswith("Stage and Theatre")


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs", "material"])
def test_rendered_nav_and_subpage_bar_on_every_theme(tmp_path: Path, theme: str) -> None:
    theme_config: Any = theme if theme != "material" else {"name": "material", "features": ["navigation.indexes"]}
    site, _ = build(tmp_path, seed_wiki(), theme=theme_config)
    soup = site.soup("InterspeciesRomance/TabletopGames.trope")
    nav_links = [a.get_text(" ", strip=True) for a in soup.select("nav a, .wy-menu a, .dropdown-menu a, .md-nav a")]
    assert "Dungeons And Dragons" in nav_links and "Anime And Manga" in nav_links
    bar = site.content("InterspeciesRomance/TabletopGames.trope").select_one("nav.tvt-subpages")
    assert bar.select_one("li.current").get_text() == "Tabletop Games"
    assert [a.get_text() for a in bar.select("a")][:2] == ["Interspecies Romance", "Advertising"]
    assert "depth-2" in bar.find("a", string="Dungeons And Dragons").parent["class"]
    parent_bar = site.content("Main/InterspeciesRomance.trope").select_one("nav.tvt-subpages")
    assert parent_bar.select_one("li.current").get_text() == "Interspecies Romance"
    assert len(parent_bar.select("li")) == 21
    if theme == "material":
        index_link = soup.select_one(".md-nav__container > a.md-nav__link[href]")
        assert index_link is not None


def test_a_subpage_named_like_a_namespace_does_not_adopt_works(tmp_path: Path) -> None:
    files = {
        "Main/Trope.trope": "* Trope/{{Film}}\n",
        "Trope/Film.trope": "* ''Film/SomeWork'': an example in a film.\n",
        "Film/SomeWork.trope": "A work.\n",
    }
    _, nav = build(tmp_path, files)
    assert section(namespace(nav, "Main"), "Trope") == [["Trope", "Main/Trope.trope"], ["Film", "Trope/Film.trope"]]
    assert namespace(nav, "Film") == [["Some Work", "Film/SomeWork.trope"]]


def test_explicit_nav_that_already_lists_subpages_is_not_duplicated(tmp_path: Path) -> None:
    explicit = [
        "index.md",
        {"Romance": ["Main/InterspeciesRomance.trope", "InterspeciesRomance/TabletopGames.trope"]},
    ]
    _, nav = build(tmp_path, seed_wiki(), nav=explicit)
    romance = nav[1]["Romance"]
    flat = json.dumps(nav)
    for page in seed_wiki():
        if page.startswith(("InterspeciesRomance/", "Main/InterspeciesRomance")):
            assert flat.count(f'"{page}"') == 1, page
    trope = section(romance, "Interspecies Romance")
    assert trope[0] == ["Interspecies Romance", "Main/InterspeciesRomance.trope"]
    assert len(trope) == 1 + 18  # the subpages the author did not place (TabletopGames and its child are placed)
    assert section(romance, "Tabletop Games") == [
        ["Tabletop Games", "InterspeciesRomance/TabletopGames.trope"],
        ["Dungeons And Dragons", "InterspeciesRomance/DungeonsAndDragons.trope"],
    ]
