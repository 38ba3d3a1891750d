"""Shared helpers for the golden tests: trope text in, parsed HTML (and diagnostics) out."""

from __future__ import annotations

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from mkdocs_trope import render_html
from mkdocs_trope.markup import Diagnostic, convert


def html(trope: str, **config: object) -> BeautifulSoup:
    """Render trope markup to HTML (default links ``/{namespace}/{name}/``) and parse it."""
    return BeautifulSoup(render_html(trope, **config), "html.parser")


def text(node: BeautifulSoup | Tag) -> str:
    """Visible text with runs of whitespace collapsed to one space (a ``<br>`` counts as whitespace)."""
    parts: list[str] = []
    for item in node.descendants:
        if isinstance(item, NavigableString) and not isinstance(item, Comment):
            parts.append(str(item))
        elif isinstance(item, Tag) and item.name == "br":
            parts.append(" ")
    return " ".join("".join(parts).split())


def links(soup: BeautifulSoup | Tag) -> list[tuple[str, str]]:
    """Every ``<a>`` as (href, visible text), in document order."""
    return [(a.get("href", ""), text(a)) for a in soup.find_all("a")]


def wiki_links(soup: BeautifulSoup | Tag) -> list[tuple[str, str]]:
    """Every wiki link (class ``twikilink``) as (href, visible text)."""
    return [(a.get("href", ""), text(a)) for a in soup.find_all("a", class_="twikilink")]


def diagnostics(trope: str) -> tuple[Diagnostic, ...]:
    return convert(trope).diagnostics


def warnings(trope: str) -> list[Diagnostic]:
    """Diagnostics of severity warning or error (not info)."""
    return [d for d in convert(trope).diagnostics if d.severity != "info"]


def codes(trope: str) -> list[str]:
    return [d.code for d in convert(trope).diagnostics]


def only(soup: BeautifulSoup | Tag, name: str | None = None, **kwargs: object) -> Tag:
    """The single element matching; fails if there are none or several."""
    found = soup.find_all(name, **kwargs)
    assert len(found) == 1, f"expected one <{name}> {kwargs}, found {len(found)} in {soup}"
    return found[0]
