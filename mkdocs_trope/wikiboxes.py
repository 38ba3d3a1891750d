"""HTML of the wiki features around a page's text: namespace tabs, the "aka" line, index boxes, related pages and
the wanted-pages list. Pure functions of the site model's answers; every title, name and URL is escaped here.

They are put into pages after Python-Markdown has run (or instead of it), so they are plain HTML and use the
classes styled by ``assets/mkdocs-trope/trope-wiki.css``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from html import escape

from mkdocs.structure.files import File

from .names import as_spaced
from .site import IndexBox, Tab, WantedPage

UrlOf = Callable[[File], str]
TitleOf = Callable[[File], str]


def _link(file: File, url_of: UrlOf, title_of: TitleOf) -> str:
    return f'<a href="{_escaped(url_of(file))}">{_escaped(title_of(file))}</a>'


_escaped = lru_cache(maxsize=1 << 16)(escape)
"""The same titles and URLs are escaped on many pages."""


def tabs_html(tabs: Sequence[Tab], current: File, url_of: UrlOf) -> str:
    """A row of links to the pages of one work across namespaces, the current one marked."""
    if not tabs:
        return ""
    items = []
    for tab in tabs:
        label = escape(as_spaced(tab.label))
        if tab.file.src_uri == current.src_uri:
            items.append(f'<li class="current"><span aria-current="page">{label}</span></li>')
        else:
            items.append(f'<li><a href="{escape(url_of(tab.file))}">{label}</a></li>')
    return f'<nav class="tvt-tabs" aria-label="Namespaces"><ul>{"".join(items)}</ul></nav>\n'


def aka_html(redirects: Sequence[File], title_of: TitleOf) -> str:
    """The "aka: Old Name, Other Name" line: the names of the redirect pages that lead here, as TV Tropes shows them."""
    if not redirects:
        return ""
    names = sorted({title_of(file) for file in redirects}, key=str.casefold)
    return f'<p class="tvt-aka">aka: {escape(", ".join(names))}</p>\n'


def index_boxes_html(boxes: Sequence[IndexBox], url_of: UrlOf, title_of: TitleOf) -> str:
    """One box per index the page is listed in: the index's title, the previous and the next member."""
    if not boxes:
        return ""
    rows = []
    for box in boxes:
        previous = (
            f'<span class="tvt-index-prev">← {_link(box.previous, url_of, title_of)}</span>' if box.previous else ""
        )
        following = f'<span class="tvt-index-next">{_link(box.next, url_of, title_of)} →</span>' if box.next else ""
        rows.append(
            f'<li><span class="tvt-index-name">{_link(box.index, url_of, title_of)}</span>{previous}{following}</li>'
        )
    return f'<nav class="tvt-index-boxes" aria-label="Indexes"><ul>{"".join(rows)}</ul></nav>\n'


def related_html(groups: Sequence[tuple[str, Sequence[File]]], url_of: UrlOf, title_of: TitleOf) -> str:
    """The pages linking here, by namespace with counts, folded by default as TV Tropes' "Related" list is."""
    total = sum(len(files) for _, files in groups)
    if not total:
        return ""
    sections = []
    for namespace, files in groups:
        items = "".join(f"<li>{_link(file, url_of, title_of)}</li>" for file in files)
        sections.append(
            f'<section><h2 class="tvt-related-namespace">{escape(as_spaced(namespace))} '
            f'<span class="tvt-count">({len(files)})</span></h2><ul>{items}</ul></section>'
        )
    noun = "page links" if total == 1 else "pages link"
    return (
        f'<details class="tvt-related"><summary>Related: {total} {noun} here</summary>{"".join(sections)}</details>\n'
    )


def wanted_html(
    wanted: Sequence[WantedPage], url_of: UrlOf, title_of: TitleOf, missing_url: Callable[[str, str], str | None]
) -> str:
    """The wanted-pages list: each missing page (a red link), how many pages link to it, and those pages."""
    if not wanted:
        return '<p class="tvt-wanted-none">Every linked page exists.</p>\n'
    rows = []
    for page in wanted:
        name = escape(page.name.qualified())
        title = f"The page {name} does not exist yet"
        url = missing_url(page.name.namespace or "", page.name.name)
        red = (
            f'<a class="twikilink redlink" href="{escape(url)}" title="{title}">{name}</a>'
            if url
            else f'<span class="twikilink redlink" title="{title}">{name}</span>'
        )
        count = len(page.linked_from)
        by_title = sorted(page.linked_from, key=lambda file: title_of(file).casefold())
        linkers = ", ".join(_link(file, url_of, title_of) for file in by_title)
        noun = "page" if count == 1 else "pages"
        rows.append(f'<li>{red} <span class="tvt-count">({count} {noun})</span>: {linkers}</li>')
    return f'<ol class="tvt-wanted">{"".join(rows)}</ol>\n'
