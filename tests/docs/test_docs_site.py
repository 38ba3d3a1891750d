"""The documentation site at the top of the repository builds with ``mkdocs build --strict`` (Material + this
plugin), and its markup reference shows each construct's source beside the plugin's own rendering of it."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup, Tag

from mkdocs_trope import render_html
from tests.reference import REPO
from tests.sitebuild import Site, run_build


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    site_dir = tmp_path_factory.mktemp("docs-site")
    config, records = run_build(REPO / "mkdocs.yml", strict=True, site_dir=str(site_dir))
    return Site(REPO, config, records)


def _nav_sources(entries: list[object]) -> list[str]:
    found: list[str] = []
    for entry in entries:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        found.extend(_nav_sources(value) if isinstance(value, list) else [str(value)])
    return found


def test_every_nav_page_is_built(site: Site) -> None:
    sources = _nav_sources(site.config.nav)
    assert {"index.md", "getting-started.md", "options.md", "cli.md", "api.md", "performance.md"} <= set(sources)
    for source in sources:
        assert site.page_path(source).is_file(), source
    assert not site.warnings()


def _rows(site: Site, source: str) -> list[tuple[str, Tag]]:
    rows = []
    for row in site.content(source).select("table.tvt-table tr"):
        cells = row.find_all("td")
        if len(cells) == 2 and cells[0].code is not None:
            rows.append((cells[0].code.get_text(), cells[1]))
    return rows


def _inner(html: str) -> str:
    return re.sub(r"\s+", " ", html).strip()


def test_text_examples_show_what_the_plugin_renders_from_their_source(site: Site) -> None:
    rows = _rows(site, "Markup/Text.trope")
    assert len(rows) >= 15
    for source, result in rows:
        expected = BeautifulSoup(render_html(source), "html.parser")
        paragraph = expected.p if expected.p is not None else expected
        assert _inner(paragraph.decode_contents()) == _inner(result.decode_contents()), source


def test_link_examples_are_live_links(site: Site) -> None:
    rows = dict(_rows(site, "Markup/Links.trope"))
    inner = rows["Markup/{{Blocks}}"].select_one("a.twikilink")
    assert inner is not None and inner["href"] == "../Blocks/"
    red = rows["HeroicSacrifice"].select_one("a")
    assert red is not None and red["href"] == "https://tvtropes.org/pmwiki/pmwiki.php/Main/HeroicSacrifice"
    assert rows["[[https://www.mkdocs.org]]"].get_text() == "[1]"


def test_block_examples_render_their_constructs(site: Site) -> None:
    content = site.content("Markup/Blocks.trope")
    assert content.select_one("details.folder summary").get_text() == "Film"
    assert content.select_one("figure.quoteright img")["src"].endswith("sample.svg")
    assert content.select_one("ul ul ul li").get_text() == "deeper still"
    assert [th.get_text() for th in content.select("table.tvt-table th")] == ["Work", "Year"]
