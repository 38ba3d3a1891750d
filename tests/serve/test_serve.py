"""Live preview: a real ``mkdocs serve --livereload``, files edited under it, the served HTML polled.

Covers the issues "Live preview and speed" and "Subpage navigation": the plugin keeps one instance and a
conversion cache across rebuilds, so these tests look for anything stale after an edit. Every test edits
its own pages of one shared site (one server per module keeps the suite fast), and after each edit it also
fetches a page it did not touch, which must be current too: its links, its navigation, its subpage bar.
Configuration edits get their own server because they change every page.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.serve.serving import (
    ServedSite,
    content,
    has_text,
    is_live,
    is_red,
    nav,
    nav_section,
    nav_titles,
    serving,
    visible,
    wiki_link,
)
from tests.sitebuild import make_config

SITE: dict[str, str | bytes] = {
    "index.md": "# Home\n\nThe serve test wiki.\n",
    "Main/Bystander.trope": "Bystander text links EditMe and DoomedPage.\n",
    "Main/EditMe.trope": "Original wording of the edited page.\n",
    "Main/Asker.trope": "Asker wants NewPage.\n",
    "Main/DoomedPage.trope": "Doomed text.\n",
    "Main/Mourner.trope": "Mourner remembers DoomedPage.\n",
    "Main/OldName.trope": "Moving page, back to ReferringPage.\n",
    "Main/ReferringPage.trope": "Referrer links OldName and Film/FreshName.\n",
    "Main/Fragile.trope": "Fragile page, first version.\n",
    "Main/Stamped.trope": "Stamped version AAAA here.\n",
    "Main/Trope.trope": "A trope with subpages.\n\n!! Examples\n* Trope/{{Film}}\n* Trope/LiveActionTV\n",
    "Trope/Film.trope": "Film examples.\n",
    "Trope/LiveActionTV.trope": "Live-action TV examples.\n",
    "Main/LonelyPage.trope": "Nobody links here yet.\n",
}

BYSTANDER = "/Main/Bystander/"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """One server for the module: starting one (and its first build) is the slow part."""
    root = tmp_path_factory.mktemp("serve")
    make_config(root, SITE)
    with serving(root) as site:
        yield site


def bystander_is_current(server: ServedSite, *, present: tuple[str, ...] = (), absent: tuple[str, ...] = ()) -> None:
    """The untouched page as served now: its own text, its live link, a nav with the current pages."""
    soup = server.page(BYSTANDER)
    assert "Bystander text links" in visible(content(soup))
    assert content(soup).select('a.twikilink[href="../EditMe/"]'), "the unchanged page lost its live link"
    titles = nav_titles(nav(soup))
    for title in present:
        assert title in titles, f"{title!r} missing from the nav of an unchanged page: {titles}"
    for title in absent:
        assert title not in titles, f"stale {title!r} in the nav of an unchanged page: {titles}"


# ------------------------------------------------------------------------------------------------ pages


def test_an_edited_page_shows_the_change_and_its_new_title_reaches_other_pages(server: ServedSite) -> None:
    soup = server.page("/Main/EditMe/")
    assert "Original wording" in visible(content(soup))

    server.write("Main/EditMe.trope", "---\ntitle: Edited Title\n---\nRevised wording, now with HeroicSacrifice.\n")
    soup = server.wait_for("/Main/EditMe/", has_text("Revised wording"), "the edit")
    text = visible(content(soup))
    assert "Original wording" not in text
    assert soup.select_one("div[role=main] h1").get_text() == "Edited Title"
    assert is_red(soup, "Heroic Sacrifice")

    # the unchanged page links to it with its new title, and the nav shows that title everywhere
    bystander = server.page(BYSTANDER)
    assert is_live(bystander, "Edited Title", "../EditMe/")
    bystander_is_current(server, present=("Edited Title",), absent=("Edit Me",))


def test_a_new_page_turns_red_links_on_an_unchanged_page_live(server: ServedSite) -> None:
    assert is_red(server.page("/Main/Asker/"), "New Page")

    server.write("Main/NewPage.trope", "The page that was missing.\n")
    soup = server.wait_for("/Main/Asker/", lambda s: is_live(s, "New Page", "../NewPage/"), "a live link")
    assert "Asker wants" in visible(content(soup))
    assert "was missing" in visible(content(server.page("/Main/NewPage/")))
    bystander_is_current(server, present=("New Page",))


def test_a_new_link_updates_the_related_list_of_its_target(server: ServedSite) -> None:
    def related(soup: BeautifulSoup) -> list[str]:
        box = content(soup).select_one("details.tvt-related")
        return [a.get_text() for a in box.select("a")] if box else []

    assert related(server.page("/Main/LonelyPage/")) == []
    server.write("Main/Admirer.trope", "The admirer links to LonelyPage.\n")
    server.wait_for("/Main/LonelyPage/", lambda soup: related(soup) == ["Admirer"], "a related page")
    server.write("Main/Admirer.trope", "The admirer forgot.\n")
    server.wait_for("/Main/LonelyPage/", lambda soup: related(soup) == [], "no related page")


def test_a_deleted_page_turns_links_red_again(server: ServedSite) -> None:
    assert is_live(server.page("/Main/Mourner/"), "Doomed Page", "../DoomedPage/")

    server.remove("Main/DoomedPage.trope")
    soup = server.wait_for("/Main/Mourner/", lambda s: is_red(s, "Doomed Page"), "a red link")
    assert wiki_link(soup, "Doomed Page")["title"] == "The page Main/DoomedPage does not exist yet"
    server.wait_gone("/Main/DoomedPage/", "the deleted page")
    assert is_red(server.page(BYSTANDER), "Doomed Page")
    bystander_is_current(server, absent=("Doomed Page",))


def test_a_renamed_page_updates_links_to_both_names_and_its_own_links(server: ServedSite) -> None:
    soup = server.page("/Main/ReferringPage/")
    assert is_live(soup, "Old Name", "../OldName/")
    assert is_red(soup, "Fresh Name")

    server.move("Main/OldName.trope", "Film/FreshName.trope")  # another namespace: its own links change too
    moved_link = "../../Film/FreshName/"
    soup = server.wait_for("/Main/ReferringPage/", lambda s: is_live(s, "Fresh Name", moved_link), "the move")
    assert is_red(soup, "Old Name")
    moved = server.page("/Film/FreshName/")
    assert is_live(moved, "Referring Page", "../../Main/ReferringPage/")
    server.wait_gone("/Main/OldName/", "the old name")
    bystander_is_current(server, present=("Fresh Name",), absent=("Old Name",))

    server.move("Film/FreshName.trope", "Main/OldName.trope")  # and back
    soup = server.wait_for("/Main/ReferringPage/", lambda s: is_live(s, "Old Name", "../OldName/"), "the move back")
    assert is_red(soup, "Fresh Name")
    assert is_live(server.page("/Main/OldName/"), "Referring Page", "../ReferringPage/")
    server.wait_gone("/Film/FreshName/", "the new name after moving back")
    bystander_is_current(server, present=("Old Name",), absent=("Fresh Name",))


@pytest.mark.parametrize(
    ("marker", "source"),
    [
        ("Unclosed one", b"Unclosed one [[Film/Jaws the shark\nand [[more\n"),
        ("Deep two", b"Deep two\n\n" + b"*" * 5000 + b" deep item\n* shallow again\n"),
        ("Bytes three", b"Bytes three \xff\xfe\x80 invalid \xc3( UTF-8\n"),
    ],
    ids=["unclosed-link", "5000-deep-list", "invalid-utf8"],
)
def test_broken_markup_keeps_the_server_up_and_the_next_fix_shows(
    server: ServedSite, marker: str, source: bytes
) -> None:
    server.write("Main/Fragile.trope", source)
    server.wait_for("/Main/Fragile/", has_text(marker), f"the broken version {marker!r}")
    assert server.alive()
    bystander_is_current(server)

    fixed = f"Fixed version {len(source)}."
    server.write("Main/Fragile.trope", f"{fixed}\n")
    soup = server.wait_for("/Main/Fragile/", has_text(fixed), "the fix")
    assert marker not in visible(content(soup))
    bystander_is_current(server)


def test_an_edit_keeping_size_and_mtime_still_shows(server: ServedSite) -> None:
    """``cp -p``, ``rsync -t`` or two saves within one clock tick leave size and mtime as they were."""
    path = server.docs / "Main/Stamped.trope"
    server.wait_for("/Main/Stamped/", has_text("version AAAA"), "the first version")
    before = path.stat()
    staged = server.root / "Stamped.staged"  # saved elsewhere, then moved in: one event, as editors save
    staged.write_text("Stamped version BBBB here.\n", encoding="utf-8")
    os.utime(staged, ns=(before.st_atime_ns, before.st_mtime_ns))
    staged.replace(path)
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    soup = server.wait_for("/Main/Stamped/", has_text("version BBBB"), "the same-size, same-mtime edit")
    assert "AAAA" not in visible(content(soup))
    bystander_is_current(server)


# ------------------------------------------------------------------------------------------- navigation


def trope_section(soup: BeautifulSoup) -> list[object]:
    return nav_section(nav(soup), "Main", "Trope")


def subpage_bar(soup: BeautifulSoup) -> list[str]:
    bar = soup.select_one("nav.tvt-subpages")
    return [] if bar is None else [visible(item) for item in bar.select("li")]


def write_trope(server: ServedSite, *items: str) -> None:
    server.write("Main/Trope.trope", "A trope with subpages.\n\n!! Examples\n" + "".join(f"{i}\n" for i in items))


def wait_for_section(server: ServedSite, expected: list[object], what: str) -> None:
    """The Trope section as the edited page serves it, then as an unchanged subpage and the bystander serve it."""
    server.wait_for("/Main/Trope/", lambda soup: trope_section(soup) == expected, what)
    for path in ("/Trope/Film/", BYSTANDER):
        assert trope_section(server.page(path)) == expected, f"stale nav on {path}"


def test_subpage_navigation_follows_the_list_under_serve(server: ServedSite) -> None:
    soup = server.page(BYSTANDER)
    assert trope_section(soup) == ["Trope", "Film", "Live Action TV"]
    assert subpage_bar(server.page("/Trope/LiveActionTV/")) == ["Trope", "Film", "Live Action TV"]

    # (a) a nested item, and its page, nest under Film
    server.write("Trope/NestedSeries.trope", "Nested examples.\n")
    write_trope(server, "* Trope/{{Film}}", "** Trope/NestedSeries", "* Trope/LiveActionTV")
    nested = ["Trope", {"Film": ["Film", "Nested Series"]}, "Live Action TV"]
    wait_for_section(server, nested, "the nested subpage")
    assert subpage_bar(server.page("/Trope/LiveActionTV/")) == ["Trope", "Film", "Nested Series", "Live Action TV"]

    # (b) reordering the list reorders the nav
    write_trope(server, "* Trope/LiveActionTV", "* Trope/{{Film}}", "** Trope/NestedSeries")
    wait_for_section(server, ["Trope", "Live Action TV", {"Film": ["Film", "Nested Series"]}], "the new order")
    assert subpage_bar(server.page("/Trope/NestedSeries/")) == ["Trope", "Live Action TV", "Film", "Nested Series"]

    # (c) a removed item leaves the section (its page, still there, joins its namespace's pages)
    write_trope(server, "* Trope/{{Film}}", "** Trope/NestedSeries")
    wait_for_section(server, ["Trope", {"Film": ["Film", "Nested Series"]}], "the removed item gone")
    assert nav_section(nav(server.page(BYSTANDER)), "Trope") == ["Trope", "Live Action TV"]  # its index page first
    assert subpage_bar(server.page("/Trope/LiveActionTV/")) == []

    # (d) an item listed before its page exists appears once the page is created
    write_trope(server, "* Trope/{{Film}}", "** Trope/NestedSeries", "* Trope/VideoGames")
    server.wait_for("/Main/Trope/", lambda s: is_red(s, "Video Games"), "the listed, still missing subpage")
    wait_for_section(server, ["Trope", {"Film": ["Film", "Nested Series"]}], "no entry for the missing page")
    server.write("Trope/VideoGames.trope", "Video game examples.\n")
    wait_for_section(server, ["Trope", {"Film": ["Film", "Nested Series"]}, "Video Games"], "the created subpage")
    assert is_live(server.page("/Main/Trope/"), "Video Games", "../../Trope/VideoGames/")
    assert subpage_bar(server.page("/Trope/VideoGames/")) == ["Trope", "Film", "Nested Series", "Video Games"]


# ----------------------------------------------------------------------------------------- configuration


CONFIG_SITE: dict[str, str | bytes] = {
    "index.md": "# Home\n",
    "Main/Configured.trope": "Configured intro.\n\n! Top heading\nSee TitledPage and GhostPage.\n",
    "Main/TitledPage.trope": "Titled text.\n",
}


def test_editing_mkdocs_yml_takes_effect_on_the_next_reload(tmp_path: Path) -> None:
    """Options are part of the conversion cache key: pages nobody touched must follow the new config."""
    config_file = make_config(tmp_path, CONFIG_SITE)
    plain = config_file.read_text(encoding="utf-8")
    with serving(tmp_path) as server:
        soup = server.page("/Main/Configured/")
        assert content(soup).select_one("h2").get_text() == "Top heading"
        assert is_live(soup, "Titled Page", "../TitledPage/")
        assert not [line for line in server.log().splitlines() if "WARNING" in line and "GhostPage" in line]

        settings = {"missing_pages": "warning", "heading_shift": 2, "titles": {"Main/TitledPage": "Custom Caption"}}
        data = yaml.safe_load(plain)
        data["plugins"] = ["search", {"trope": settings}]
        log_mark = server.log_size()
        config_file.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")

        soup = server.wait_for("/Main/Configured/", lambda s: content(s).select_one("h3") is not None, "heading_shift")
        assert content(soup).select_one("h3").get_text() == "Top heading"
        assert content(soup).select_one("h2") is None
        assert is_live(soup, "Custom Caption", "../TitledPage/")
        titled = server.page("/Main/TitledPage/")
        assert content(titled).select_one("h1").get_text() == "Custom Caption"
        assert "Custom Caption" in nav_titles(nav(titled))
        warned = [line for line in server.log(log_mark).splitlines() if "WARNING" in line and "GhostPage" in line]
        assert warned, f"missing_pages: warning did not warn\n{server.log(log_mark)}"

        config_file.write_text(plain, encoding="utf-8")  # and back
        soup = server.wait_for("/Main/Configured/", lambda s: content(s).select_one("h2") is not None, "the revert")
        assert is_live(soup, "Titled Page", "../TitledPage/")
        titled = server.page("/Main/TitledPage/")
        assert content(titled).select_one("h1").get_text() == "Titled Page"
        assert "Custom Caption" not in nav_titles(nav(titled))


REBUILD_FAILED = "An error happened during the rebuild"
REBUILT = "Reloading browsers"


def test_strict_serve_keeps_failing_until_the_page_is_fixed(tmp_path: Path) -> None:
    """Cached pages report their warnings again under ``--strict``: an unrelated edit must not hide them."""
    make_config(tmp_path, {"index.md": "# Home\n", "Main/Strict.trope": "Fine.\n", "Main/Other.trope": "Other v1.\n"})
    with serving(tmp_path, "--strict") as server:
        mark = server.log_size()
        server.write("Main/Strict.trope", "Strict page [[never closed\n")
        log = server.wait_for_log((REBUILD_FAILED, REBUILT), mark, "the rebuild after the broken edit")
        assert REBUILD_FAILED in log, log
        assert "Main/Strict.trope:1:13" in log, log

        mark = server.log_size()
        server.write("Main/Other.trope", "Other v2.\n")  # the broken page is unchanged, its conversion cached
        log = server.wait_for_log((REBUILD_FAILED, REBUILT), mark, "the rebuild after an unrelated edit")
        assert REBUILD_FAILED in log, f"a strict rebuild passed with the warning still there\n{log}"
        assert "Main/Strict.trope:1:13" in log, log

        server.write("Main/Strict.trope", "Strict page fixed.\n")
        server.wait_for("/Main/Strict/", has_text("Strict page fixed."), "the fix")
        assert "Other v2." in visible(content(server.page("/Main/Other/")))
