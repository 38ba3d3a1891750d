"""The exported demo wiki, built by plain MkDocs (no plugin) and by Zensical, shows what the plugin's site shows.

Every trope page of the demo is compared, element by element, with the plugin's build of the same page: live links
(by the URL they lead to), red links, figures, folders, spoilers, notes, the subpage bar, the article's text and
the site navigation.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from tests.export.conftest import DEMO, DemoBuilds

TROPE_PAGES = sorted(path.relative_to(DEMO / "docs").as_posix() for path in (DEMO / "docs").rglob("*.trope"))


def _url(src_uri: str) -> str:
    stem = src_uri.rsplit(".", 1)[0]
    return "/" if stem == "index" else f"/{stem}/"


def _html(site: Path, src_uri: str) -> BeautifulSoup:
    return BeautifulSoup((site / _url(src_uri)[1:] / "index.html").read_text(encoding="utf-8"), "html.parser")


def _text(element: Tag | None) -> str:
    return " ".join(element.get_text(" ").split()) if element is not None else ""


@cache
def page_facts(site: Path, src_uri: str) -> dict[str, Any]:
    """What a reader gets from one page, with every link made absolute (sites differ only in relative paths)."""
    html = (site / _url(src_uri)[1:] / "index.html").read_text(encoding="utf-8")
    start, end = html.index("<article"), html.rindex("</article>")
    article = BeautifulSoup(html[start : end + len("</article>")], "html.parser").article
    assert article is not None
    for aka in article.select("p.tvt-aka"):  # the "aka" line comes from the link graph of a rendered site
        aka.decompose()
    here = _url(src_uri)

    def absolute(href: object) -> str | None:
        return urljoin(here, str(href)) if href is not None else None

    bar = article.select_one("nav.tvt-subpages")
    return {
        "live": [(absolute(a["href"]), _text(a)) for a in article.select("a.twikilink:not(.redlink)")],
        "red": [(a.name, _text(a), a.get("title"), a.get("href")) for a in article.select(".twikilink.redlink")],
        "other links": [(absolute(a["href"]), _text(a)) for a in article.select("a[href]:not(.twikilink)")],
        "figures": [
            (f.get("class"), f.get("style"), [absolute(img.get("src")) for img in f.select("img")], _text(f.figcaption))
            for f in article.select("figure")
        ],
        "folders": [(_text(d.summary), len(d.select("li, p"))) for d in article.select("details.folder")],
        "spoilers": [(_text(s), s.get("tabindex")) for s in article.select("span.spoiler")],
        "notes": [
            (n.get("class"), _text(n.select_one(".notelabel")), _text(n.select_one(".notebody")))
            for n in article.select(".tvt-note")
        ],
        "bar": [
            (absolute(a.get("href")), _text(a), item.get("class"))
            for item in (bar.select("li") if bar else [])
            for a in item.select("a, span")
        ],
        "headings": [(h.name, _text(h)) for h in article.select("h1, h2, h3, h4, h5, h6")],
        "text": _text(article),
    }


def nav_links(site: Path, src_uri: str) -> set[tuple[str, str]]:
    soup = _html(site, src_uri)
    links = soup.select("nav.md-nav--primary a.md-nav__link[href]")
    return {(urljoin(_url(src_uri), str(a["href"])), _text(a)) for a in links}


def test_every_trope_page_becomes_a_markdown_page(demo_builds: DemoBuilds) -> None:
    docs = demo_builds.exported / "docs"
    exported = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    # the namespace index pages the plugin generates for its nav: one per namespace folder (the demo has none)
    indexes = [path for path in exported if path.endswith("/index.md")]
    assert indexes and all((DEMO / "docs" / path).parent.is_dir() for path in indexes)
    assert all(not (DEMO / "docs" / path).exists() for path in indexes)
    assert exported == sorted(["index.md", *(page[: -len(".trope")] + ".md" for page in TROPE_PAGES), *indexes])
    assert not list(docs.rglob("*.trope"))
    assert demo_builds.result.pages == len(TROPE_PAGES)
    for name in ("images/sample.svg",):
        assert (docs / name).read_bytes() == (DEMO / "docs" / name).read_bytes(), name
    assets = Path(__file__).resolve().parents[2] / "mkdocs_trope" / "assets"
    for name in ("trope.css", "trope.js", "trope-wiki.css"):
        assert (docs / "assets/mkdocs-trope" / name).read_bytes() == (assets / name).read_bytes()


def test_exported_config_has_no_plugin_and_the_generated_nav(demo_builds: DemoBuilds) -> None:
    config = yaml.safe_load((demo_builds.exported / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["plugins"] == ["search"]
    assert config["docs_dir"] == "docs"
    assert config["theme"]["name"] == "material"
    assert {"attr_list", "md_in_html"} <= set(config["markdown_extensions"])
    assert config["extra_css"] == ["assets/mkdocs-trope/trope.css", "assets/mkdocs-trope/trope-wiki.css"]
    assert config["extra_javascript"] == ["assets/mkdocs-trope/trope.js"]
    main = next(item["Main"] for item in config["nav"] if isinstance(item, dict) and "Main" in item)
    romance = next(item["Interspecies Romance"] for item in main if "Interspecies Romance" in item)
    assert romance[0] == "Main/InterspeciesRomance.md"
    assert {"Advertising": "InterspeciesRomance/Advertising.md"} in romance


def test_plain_mkdocs_builds_the_export_strictly(demo_builds: DemoBuilds) -> None:
    assert demo_builds.mkdocs_warnings == []


def test_export_markdown_needs_no_plugin_syntax(demo_builds: DemoBuilds) -> None:
    for page in TROPE_PAGES:
        text = (demo_builds.exported / "docs" / (page[: -len(".trope")] + ".md")).read_text(encoding="utf-8")
        assert "](trope:" not in text and "\n[[quote" not in text and "[[caption-" not in text, page


@pytest.mark.parametrize("builder", ["mkdocs", "zensical"])
def test_pages_show_what_the_plugin_shows(demo_builds: DemoBuilds, builder: str) -> None:
    site = demo_builds.mkdocs_site if builder == "mkdocs" else demo_builds.zensical_site
    totals = dict.fromkeys(("live", "red", "figures", "folders", "spoilers", "notes", "bar"), 0)
    for page in ["index.md", *TROPE_PAGES]:
        expected = page_facts(demo_builds.plugin_site, page)
        actual = page_facts(site, page)
        for key, value in expected.items():
            assert actual[key] == value, f"{builder}: {page}: {key}"
        for key in totals:
            totals[key] += len(expected[key])
    assert all(totals.values()), totals  # the demo exercises every construct compared


@pytest.mark.parametrize("builder", ["mkdocs", "zensical"])
def test_navigation_is_the_plugins(demo_builds: DemoBuilds, builder: str) -> None:
    site = demo_builds.mkdocs_site if builder == "mkdocs" else demo_builds.zensical_site
    for page in ("Main/MarkupShowcase.trope", "InterspeciesRomance/DungeonsAndDragons.trope"):
        expected = nav_links(demo_builds.plugin_site, page)
        assert len(expected) > len(TROPE_PAGES)
        assert nav_links(site, page) == expected, page


def test_red_links_keep_the_plugins_marking(demo_builds: DemoBuilds) -> None:
    page = page_facts(demo_builds.zensical_site, "Main/InterspeciesRomance.trope")
    assert ("span", "Mars Needs Women", "The page Main/MarsNeedsWomen does not exist yet", None) in page["red"]
