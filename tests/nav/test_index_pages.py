"""Generated namespace index pages, and the short nav of a large wiki that lists only them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.nav.test_nav import build, seed_wiki
from tests.sitebuild import Site, build_site

HOSTILE_TITLE = '<img src=x onerror="alert(1)"> & [[javascript:alert(2)]] {{Free}} *em* _u_ `code` \\ --8<-- x'


def index_entries(site: Site, src: str) -> list[tuple[str, int, str]]:
    """(link text, list depth, target file) of each entry of an index page, in page order."""
    content = site.content(src)
    page_path = site.page_path(src)
    entries = []
    for link in content.select("ul.tvt-index a"):
        target = (page_path.parent / link["href"]).resolve()
        target = target / "index.html" if target.is_dir() else target
        assert target.is_file(), link
        entries.append((link.get_text(), len(link.find_parents("ul")), target.relative_to(site.site_dir).as_posix()))
    return entries


@pytest.mark.parametrize("directory_urls", [True, False])
def test_a_namespace_index_lists_its_pages_a_to_z_with_their_families(tmp_path: Path, directory_urls: bool) -> None:
    files = seed_wiki()
    files["Main/ZebraTrope.trope"] = "Stripes.\n"
    files["Main/AardvarkTrope.trope"] = "Ants.\n"
    files["Main/9Lives.trope"] = "Cats.\n"
    site, _ = build(tmp_path, files, use_directory_urls=directory_urls)
    content = site.content("Main/index.md")
    assert content.h1.get_text() == "Main"
    assert content.select_one("p.tvt-index-count").get_text() == "25 pages, A to Z."
    assert [h2.get_text() for h2 in content.select("h2")] == ["#", "A", "G", "I", "Z"]
    entries = index_entries(site, "Main/index.md")
    assert [text for text, _, _ in entries[:4]] == ["9 Lives", "Aardvark Trope", "Green Skinned Space Babe",
                                                     "Interspecies Romance"]  # fmt: skip
    assert entries[4][:2] == ("Advertising", 2)
    assert ("Dungeons And Dragons", 3) in [entry[:2] for entry in entries]
    assert (
        "Tabletop Games",
        2,
        site.page_path("InterspeciesRomance/TabletopGames.trope").relative_to(site.site_dir).as_posix(),
    ) in entries
    assert len(entries) == 25
    film = index_entries(site, "Film/index.md")
    assert [text for text, _, _ in film] == ["Shrek"]


def test_names_on_an_index_page_are_text(tmp_path: Path) -> None:
    files = {
        "Main/Hostile.trope": "---\ntitle: '" + HOSTILE_TITLE.replace("'", "''") + "'\n---\nBody.\n",
        "Main/Titled.trope": "Body.\n",
        "Main/Plain.trope": "Body.\n",
    }
    plugins = ["search", {"trope": {"titles": {"Titled": "</a><script>alert(3)</script>"}}}]
    site = build_site(tmp_path, files, plugins=plugins)
    content = site.content("Main/index.md")
    index = content.select_one("ul.tvt-index").find_parent()
    assert not index.select("script, img, em, code, strong")
    assert {a.get_text() for a in content.select("ul.tvt-index a")} == {
        HOSTILE_TITLE,
        "</a><script>alert(3)</script>",
        "Plain",
    }
    assert all(set(a.attrs) == {"href"} for a in content.select("ul.tvt-index a"))


def test_an_index_the_author_wrote_is_kept_and_not_listed_twice(tmp_path: Path) -> None:
    files = {**seed_wiki(), "Main/index.md": "# Our main index\n\nHand written.\n"}
    site, nav = build(tmp_path, files)
    main = next(item["Main"] for item in nav if isinstance(item, dict) and "Main" in item)
    assert main[0] == ["Our main index", "Main/index.md"]
    assert json.dumps(nav).count('"Main/index.md"') == 1
    assert "Hand written." in site.content("Main/index.md").get_text()


def test_past_the_limit_the_nav_lists_only_the_index_pages(tmp_path: Path) -> None:
    plugins = ["search", {"trope": {"nav_full_limit": 5}}]
    site, nav = build(tmp_path, seed_wiki(), plugins=plugins)
    assert nav == [["Home", "index.md"], ["Main", "Main/index.md"], ["Film", "Film/index.md"]]
    subpage = site.content("InterspeciesRomance/TabletopGames.trope")
    assert subpage.select_one("nav.tvt-subpages li.current").get_text() == "Tabletop Games"
    menu = [a.get_text(strip=True) for a in site.soup("Film/Shrek.trope").select(".navbar-nav a")]
    assert menu[:3] == ["Home", "Main", "Film"] and "Shrek" not in menu
    assert not any("not included in the \"nav\"" in message for message in site.messages())


def test_an_explicit_nav_gets_no_index_pages(tmp_path: Path) -> None:
    site, nav = build(tmp_path, seed_wiki(), nav=["index.md", "Main/InterspeciesRomance.trope"])
    assert not (site.site_dir / "Main" / "index.html").exists()
    assert nav[0] == ["Home", "index.md"]
