"""Fidelity constructs in a real build: places in other pages, troper pages, one-word subpages, two files with
one page name."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.structure.files import File

from mkdocs_trope.files import TropeFile
from mkdocs_trope.names import PageName
from mkdocs_trope.pages import PageIndex
from tests.sitebuild import Site, build_site

WIKI = {
    "index.md": "# Home\n\nSee [[Film/TheMatrix#cast the cast]], [[@/FastEddie Eddie]] and [[Deep/X the deep page]].\n",
    "Film/TheMatrix.trope": "Plot.\n\n[[#cast]]The cast.\n\nBack [[#cast to the cast]].\n",
    "Main/Reviews.trope": "By @/FastEddie: see [[Film/TheMatrix#cast the cast]] and {{Film/The Matrix#cast}}.\n",
    "Tropers/FastEddie.trope": "Fast Eddie's page.\n",
    "Main/MyTrope.trope": "* MyTrope/Film\n* MyTrope/Other\n* MyTrope/{{Series}}\n",
    "MyTrope/Film.trope": "Films.\n",
    "MyTrope/Series.trope": "Series.\n",
    "A/Deep/X.trope": "The first X.\n",
    "B/Deep/X.trope": "The second X.\n",
    "Film/Foo.trope": "Foo.\n",
    "film/foo.trope": "foo.\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_site(tmp_path_factory.mktemp("fidelity"), WIKI)


def href(site: Site, src: str, shown: str) -> str:
    link = next(a for a in site.content(src).find_all("a") if a.get_text(strip=True) == shown)
    return str(link["href"])


def target(site: Site, src: str, link: str) -> Path:
    """The built file a relative link from page ``src`` lands on (fragment dropped)."""
    page = site.page_path(src)
    path = (page.parent / link.split("#", 1)[0]).resolve()
    return path / "index.html" if path.is_dir() else path


def test_links_reach_places_in_other_pages(site: Site) -> None:
    for src in ("Main/Reviews.trope", "index.md"):
        link = href(site, src, "the cast")
        assert link.endswith("#cast")
        assert target(site, src, link) == site.page_path("Film/TheMatrix.trope").resolve()
    assert href(site, "Main/Reviews.trope", "The Matrix").endswith("#cast")
    matrix = site.content("Film/TheMatrix.trope")
    assert matrix.find(id="cast").name == "span"
    assert href(site, "Film/TheMatrix.trope", "to the cast") == "#cast"


def test_troper_handles_reach_tropers_pages(site: Site) -> None:
    for src, shown in (("Main/Reviews.trope", "Fast Eddie"), ("index.md", "Eddie")):
        assert target(site, src, href(site, src, shown)) == site.page_path("Tropers/FastEddie.trope").resolve()


def test_a_one_word_subpage_that_exists_is_reported_with_the_fix(site: Site) -> None:
    reports = [m for m in site.warnings() if "one word" in m]
    assert len(reports) == 1
    assert "docs/Main/MyTrope.trope:1:3: 'MyTrope/Film' is text" in reports[0]
    assert "write MyTrope/{{Film}}" in reports[0]
    assert "My Trope/Film" in site.content("Main/MyTrope.trope").get_text()


def test_two_files_with_one_page_name_warn_and_resolve_in_order(site: Site) -> None:
    duplicates = [m for m in site.warnings() if "are both the page" in m]
    assert len(duplicates) == 2
    assert any("docs/B/Deep/X.trope and docs/A/Deep/X.trope are both the page 'Deep/X'" in m for m in duplicates)
    assert any("docs/film/foo.trope and docs/Film/Foo.trope are both the page 'Film/Foo'" in m for m in duplicates)
    deep = href(site, "index.md", "the deep page")
    assert target(site, "index.md", deep) == site.page_path("A/Deep/X.trope").resolve()
    assert site.page_path("B/Deep/X.trope").is_file()  # still built, only unreachable by name


def test_the_order_does_not_depend_on_the_file_list(tmp_path: Path) -> None:
    def files(order: list[str]) -> list[File]:
        made = [File(path, str(tmp_path), str(tmp_path / "site"), True) for path in order]
        return [TropeFile.replacing(f, str) if f.src_uri.endswith(".trope") else f for f in made]

    paths = ["B/Deep/X.trope", "A/Deep/X.md", "A/Deep/X.trope", "a/deep/x.trope"]
    for order in (paths, paths[::-1]):
        index = PageIndex.build(files(order))
        assert index.by_key[PageName("Deep", "X").key].src_uri == "A/Deep/X.trope"
        assert sorted(loser for _, _, loser in index.duplicates) == ["A/Deep/X.md", "B/Deep/X.trope", "a/deep/x.trope"]


def test_check_reports_a_one_word_subpage_that_exists(tmp_path: Path) -> None:
    (tmp_path / "MyTrope").mkdir()
    (tmp_path / "MyTrope.trope").write_text("* MyTrope/Film\n* MyTrope/Other\n", encoding="utf-8")
    (tmp_path / "MyTrope" / "Film.trope").write_text("Films.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs_trope", "check", str(tmp_path)], capture_output=True, text=True, timeout=60
    )
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith(f"{tmp_path / 'MyTrope.trope'}:1:3: warning: 'MyTrope/Film' is text")
    assert lines[0].endswith("— write MyTrope/{{Film}} to link to the page")
    assert lines[1] == "checked 2 files: 0 infos, 1 warning, 0 errors"
