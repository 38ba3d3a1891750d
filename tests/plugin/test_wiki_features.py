"""The wiki around the pages, in real builds on every theme: related pages, wanted pages, index boxes, redirects as
aliases (with loops and chains) and namespace tabs; each one off by its option. One build per theme is shared by
the tests of that theme (module-scoped fixture)."""

from __future__ import annotations

import itertools
import json
import logging
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import Tag

from mkdocs_trope.site import MAX_REDIRECT_HOPS
from tests.sitebuild import REPO, Site, build_site, make_config

EVIL_TITLE = '<img src=x onerror="alert(1)"> & Co'

WIKI: dict[str, str] = {
    "index.md": "# Home\n\nSee [[Main/TrueRomance the trope]], [[Main/OldRomance the old name]] and [[WantedPages]].\n",
    "Main/TrueRomance.trope": (
        "The romance index.\n\n[[index]]\n* BeastAndBeauty\n* GreenSkinnedSpaceBabe: also NoSuchMember\n"
        "* NoSuchPage\n* [[OfficialCouple the couple]]\n[[/index]]\n\nSee NeverWritten.\n"
    ),
    "Main/BeastAndBeauty.trope": "Links to OldRomance, to ChainStart and to NeverWritten.\n",
    "Main/GreenSkinnedSpaceBabe.trope": "WesternAnimation/{{Shrek}} has one; so does TrueRomance. NeverWritten too.\n",
    "Main/OfficialCouple.trope": "---\ntitle: '" + EVIL_TITLE.replace("'", "''") + "'\n---\nA couple: TrueRomance.\n",
    "Main/OldRomance.trope": "[[redirect:TrueRomance]]\n",
    "Main/ChainStart.trope": "[[redirect:Main/OldRomance]]\n",
    "Main/SelfLoop.trope": "[[redirect:SelfLoop]]\n",
    "Main/CaseTwin.trope": "[[redirect:Main/CASETwin]]\n",
    "Main/LoopA.trope": "\n[[redirect:LoopB]]\n",
    "Main/LoopB.trope": "[[redirect:LoopA]]\n",
    "Main/LinksLoops.trope": "Links to LoopA and SelfLoop.\n",
    "WesternAnimation/Shrek.trope": "An ogre film about TrueRomance.\n",
    "YMMV/Shrek.trope": "Opinions about the film.\n",
    "Trivia/Shrek.trope": "Facts about the film.\n",
}

ALL_OFF = {
    "related_pages": False,
    "wanted_pages": False,
    "index_boxes": False,
    "redirect_aliases": False,
    "namespace_tabs": False,
}


@pytest.fixture(scope="module", params=["mkdocs", "readthedocs", "material"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_site(tmp_path_factory.mktemp(request.param), WIKI, theme={"name": request.param})


def texts(elements: list[Tag]) -> list[str]:
    return [element.get_text(" ", strip=True) for element in elements]


def resolve(site: Site, src: str, href: str) -> Path:
    """The output file a relative ``href`` on the page ``src`` points at."""
    target = (site.page_path(src).parent / unquote(href)).resolve()
    return target / "index.html" if target.is_dir() else target


# ------------------------------------------------------------------------------------------ related


def test_related_pages_are_grouped_by_namespace_with_counts(site: Site) -> None:
    related = site.content("Main/TrueRomance.trope").select_one("details.tvt-related")
    assert related is not None
    assert related.summary is not None and related.summary.get_text(strip=True) == "Related: 5 pages link here"
    groups = related.select("section")
    assert texts([group.h2 for group in groups]) == ["Main (4)", "Western Animation (1)"]
    # the home page and the pages linking through a redirect count; the redirect pages themselves do not
    assert texts(groups[0].select("a")) == [EVIL_TITLE, "Beast And Beauty", "Green Skinned Space Babe", "Home"]
    assert texts(groups[1].select("a")) == ["Shrek"]
    for link in related.select("a"):
        assert resolve(site, "Main/TrueRomance.trope", link["href"]).is_file(), link


def test_related_lists_escape_page_titles(site: Site) -> None:
    related = site.content("Main/TrueRomance.trope").select_one("details.tvt-related")
    assert related is not None and related.find("img") is None
    assert EVIL_TITLE in texts(related.select("a"))


def test_related_lists_stay_out_of_the_search_index(site: Site) -> None:
    index = site.site_dir / "search" / "search_index.json"
    if not index.is_file():
        pytest.skip("the theme's search writes no plain index")
    docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
    assert docs and not any("link here" in doc["text"] for doc in docs)


# ------------------------------------------------------------------------------------------ aliases


def test_links_to_a_redirect_go_to_its_target_with_the_target_title(site: Site) -> None:
    page = site.content("Main/BeastAndBeauty.trope")
    links = {a.get_text(strip=True): a["href"] for a in page.select("a.twikilink")}
    assert set(links) == {"True Romance"}  # OldRomance and ChainStart both show as the page they end at
    assert resolve(site, "Main/BeastAndBeauty.trope", links["True Romance"]) == site.page_path("Main/TrueRomance.trope")
    home = site.content("index.md").select("a.twikilink")
    assert [resolve(site, "index.md", a["href"]) for a in home[:2]] == [site.page_path("Main/TrueRomance.trope")] * 2


def test_the_target_says_aka_and_redirects_refresh_to_the_end_of_the_chain(site: Site) -> None:
    aka = site.content("Main/TrueRomance.trope").select_one("p.tvt-aka")
    assert aka is not None and aka.get_text() == "aka: Chain Start, Old Romance"
    for src in ("Main/OldRomance.trope", "Main/ChainStart.trope"):
        refresh = site.soup(src).select_one('meta[http-equiv="refresh"]')
        assert refresh is not None, src
        url = refresh["content"].split("url=", 1)[1]
        assert resolve(site, src, url) == site.page_path("Main/TrueRomance.trope"), src


def test_redirect_loops_warn_and_do_not_refresh(site: Site) -> None:
    warnings = site.warnings()
    for src, line in [("SelfLoop", 1), ("CaseTwin", 1), ("LoopA", 2), ("LoopB", 1)]:
        assert any(f"Main/{src}.trope:{line}: redirect loop" in w for w in warnings), (src, warnings)
        assert site.soup(f"Main/{src}.trope").select_one('meta[http-equiv="refresh"]') is None, src
    links = site.content("Main/LinksLoops.trope").select("a.twikilink")
    assert [resolve(site, "Main/LinksLoops.trope", a["href"]) for a in links] == [
        site.page_path("Main/LoopA.trope"),
        site.page_path("Main/SelfLoop.trope"),
    ]


def test_a_long_redirect_chain_is_reported_and_bounded(tmp_path: Path) -> None:
    hops = MAX_REDIRECT_HOPS + 2
    names = [f"ChainHop{chr(ord('A') + n)}" for n in range(hops + 1)]
    files = {f"Main/{name}.trope": f"[[redirect:{after}]]\n" for name, after in itertools.pairwise(names)}
    files[f"Main/{names[-1]}.trope"] = "The end.\n"
    files["Main/NearEnd.trope"] = f"[[redirect:{names[-3]}]]\n"
    site = build_site(tmp_path, files)
    assert any(f"Main/{names[0]}.trope:1: redirect chain longer than" in w for w in site.warnings())
    assert site.soup(f"Main/{names[0]}.trope").select_one('meta[http-equiv="refresh"]') is None
    near = site.soup("Main/NearEnd.trope").select_one('meta[http-equiv="refresh"]')
    assert near is not None
    assert resolve(site, "Main/NearEnd.trope", near["content"].split("url=")[1]) == site.page_path(
        f"Main/{names[-1]}.trope"
    )


# ------------------------------------------------------------------------------------------- indexes


def test_index_members_show_their_index_with_previous_and_next(site: Site) -> None:
    def box(src: str) -> tuple[str, str, str]:
        found = site.content(src).select_one("nav.tvt-index-boxes li")
        assert found is not None, src
        parts = [found.select_one(css) for css in (".tvt-index-name", ".tvt-index-prev", ".tvt-index-next")]
        for part in parts:
            for link in part.select("a") if part else []:
                assert resolve(site, src, link["href"]).is_file()
        return tuple(part.get_text(" ", strip=True) if part else "" for part in parts)  # type: ignore[return-value]

    assert box("Main/BeastAndBeauty.trope") == ("True Romance", "", "Green Skinned Space Babe →")
    assert box("Main/GreenSkinnedSpaceBabe.trope") == ("True Romance", "← Beast And Beauty", f"{EVIL_TITLE} →")
    assert box("Main/OfficialCouple.trope") == ("True Romance", "← Green Skinned Space Babe", "")
    assert site.content("Main/TrueRomance.trope").select_one("nav.tvt-index-boxes") is None


# ---------------------------------------------------------------------------------------------- tabs


def test_a_work_shows_its_namespace_tabs_and_each_tab_links_back(site: Site) -> None:
    pages = ["WesternAnimation/Shrek.trope", "Trivia/Shrek.trope", "YMMV/Shrek.trope"]
    for src in pages:
        tabs = site.content(src).select_one("nav.tvt-tabs")
        assert tabs is not None, src
        assert texts(tabs.select("li")) == ["Main", "Trivia", "YMMV"]
        current = tabs.select_one("li.current")
        assert current is not None and current.select_one("[aria-current=page]") is not None
        targets = {resolve(site, src, a["href"]) for a in tabs.select("a")}
        assert targets == {site.page_path(other) for other in pages if other != src}
    assert site.content("Main/TrueRomance.trope").select_one("nav.tvt-tabs") is None


# -------------------------------------------------------------------------------------------- wanted


def test_red_links_are_summed_up_in_one_line(site: Site) -> None:
    infos = [m for m in site.messages(logging.INFO) if "not exist" in m]
    assert infos == ["mkdocs_trope: 5 links to 3 pages that do not exist yet (listed on the page Wanted Pages)"]
    details = [m for m in site.messages(logging.DEBUG) if "which does not exist yet" in m]
    assert len(details) == 5


def test_the_wanted_pages_page_lists_missing_pages_most_linked_first(site: Site) -> None:
    wanted = site.content("WantedPages.md")
    assert texts(wanted.select("h1")) == ["Wanted Pages"]
    rows = wanted.select("ol.tvt-wanted > li")
    names = [row.select_one(".redlink").get_text() for row in rows]  # type: ignore[union-attr]
    assert names == ["Main/NeverWritten", "Main/NoSuchMember", "Main/NoSuchPage"]
    assert rows[0].select_one(".tvt-count").get_text() == "(3 pages)"  # type: ignore[union-attr]
    assert texts(rows[0].select("a")) == ["Beast And Beauty", "Green Skinned Space Babe", "True Romance"]
    for link in wanted.select("a"):
        assert resolve(site, "WantedPages.md", link["href"]).is_file()
    home = site.content("index.md").select("a.twikilink")
    assert resolve(site, "index.md", home[2]["href"]) == site.page_path("WantedPages.md")


def test_missing_pages_as_warnings_lists_each(tmp_path: Path) -> None:
    site = build_site(tmp_path, WIKI, plugins=[{"trope": {"missing_pages": "warning"}}])
    assert len([w for w in site.warnings() if "which does not exist yet" in w]) == 5


# ---------------------------------------------------------------------------------------------- off


def test_each_feature_turns_off(tmp_path: Path) -> None:
    site = build_site(tmp_path, WIKI, plugins=[{"trope": ALL_OFF}])
    for src in WIKI:
        page = site.content(src)
        for css in ("details.tvt-related", "nav.tvt-index-boxes", "nav.tvt-tabs", "p.tvt-aka"):
            assert page.select_one(css) is None, (src, css)
    assert not site.page_path("WantedPages.md").exists()
    links = site.content("Main/BeastAndBeauty.trope").select("a.twikilink")
    assert resolve(site, "Main/BeastAndBeauty.trope", links[0]["href"]) == site.page_path("Main/OldRomance.trope")
    assert site.soup("Main/OldRomance.trope").select_one('meta[http-equiv="refresh"]') is not None
    assert any("Main/SelfLoop.trope:1: redirect loop" in w for w in site.warnings())  # loops still reported


def test_a_site_page_named_wanted_pages_wins(tmp_path: Path) -> None:
    site = build_site(tmp_path, {**WIKI, "Main/WantedPages.trope": "Our own list.\n"})
    assert "Our own list." in site.content("Main/WantedPages.trope").get_text()
    assert not site.page_path("WantedPages.md").exists()
    assert any(m.endswith("(listed with mkdocs build -v)") for m in site.messages())


# ----------------------------------------------------------------------------------------------- CLI


def test_the_wanted_command_lists_missing_pages(tmp_path: Path) -> None:
    make_config(tmp_path, WIKI)
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs_trope", "wanted", str(tmp_path / "docs")],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Main/NeverWritten (3): Main/BeastAndBeauty, Main/GreenSkinnedSpaceBabe, Main/TrueRomance"
    assert [line.split(" ", 1)[0] for line in lines[1:3]] == ["Main/NoSuchMember", "Main/NoSuchPage"]
    assert lines[-1] == "5 links to 3 pages that do not exist yet"


def test_hostile_file_names_are_text_in_tabs_and_related_lists(tmp_path: Path) -> None:
    evil = 'Bad<i>"Name&'
    files = {f"Film/{evil}.trope": "The work.\n", f"YMMV/{evil}.trope": "Opinions.\n", "Main/HubPage.trope": "Hub.\n"}
    files['Main/Worse<b>"&.trope'] = "Links to HubPage.\n"
    site = build_site(tmp_path, files)
    for src in (f"Film/{evil}.trope", f"YMMV/{evil}.trope"):
        tabs = site.content(src).select_one("nav.tvt-tabs")
        assert tabs is not None and tabs.find("i") is None
        assert texts(tabs.select("li")) == ["Main", "YMMV"]
        for link in tabs.select("a"):
            assert resolve(site, src, link["href"]).is_file()
    related = site.content("Main/HubPage.trope").select_one("details.tvt-related")
    assert related is not None and related.find("b") is None
    assert texts(related.select("a")) == ['Worse<b>"&']
