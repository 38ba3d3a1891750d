"""Generated namespace index pages: every page of a namespace A to Z, each trope with its subpage family under it.

They are what TV Tropes' own index pages are to its wiki, and what keeps a large wiki's generated navigation short:
MkDocs writes the whole nav into every page, so past a size the nav holds only these pages (see the
``nav_full_limit`` option). Each is a real MkDocs page (``File.generated``) at ``<Namespace>/index.md``, so it
has a URL (``Main/``), takes the site's theme and search, and is Material's section index for its namespace.

Everything on them comes from page authors (titles from file names, front matter and the ``titles`` option;
namespaces from folder names), so every name is written as escaped text: HTML-escaped, and with the characters
Markdown extensions read (brackets, braces, emphasis, backslashes, backticks) as character references, inside
a raw HTML block that Python-Markdown passes through untouched.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from .markup.escape import escape_markdown
from .names import as_spaced
from .nav import NamespaceIndex, NavNode, family

INDEX_STEM = "index"
OTHER_INITIAL = "#"
"""Heading of the titles that do not start with a letter A to Z (TV Tropes lists them first, under "#")."""

_MARKUP_CHARACTERS = str.maketrans({char: f"&#{ord(char)};" for char in "[]{}*_`\\|~^=:!+-%$@"})


def namespace_indexes(groups: dict[str, list[NavNode]], files: Files, config: MkDocsConfig) -> list[NamespaceIndex]:
    """An index page per namespace group, generated and added to ``files`` unless the author wrote one."""
    indexes = []
    for namespace, roots in groups.items():
        folder = posixpath.dirname(roots[0].file.src_uri)
        own = _own_index(files, folder)
        if own is not None:
            listed = [root for root in roots if root.file.src_uri != own.src_uri]
            indexes.append(NamespaceIndex(as_spaced(namespace), own, listed, generated=False))
            continue
        file = File.generated(config, f"{folder}/{INDEX_STEM}.md", content="")
        indexes.append(NamespaceIndex(as_spaced(namespace), file, roots, generated=True))
        files.append(file)
    return indexes


def _own_index(files: Files, folder: str) -> File | None:
    for suffix in (".trope", ".md"):
        file = files.get_file_from_path(f"{folder}/{INDEX_STEM}{suffix}")
        if file is not None:
            return file
    return None


def fill(index: NamespaceIndex, url_of: Callable[[File, File], str]) -> None:
    """Write the page's Markdown now that every page of the site is known (``url_of(target, from_page)``)."""
    if index.generated:
        index.file.content_string = index_markdown(index, url_of)


ListWriter = Callable[[list[NavNode], File, Callable[[File, File], str]], str]
"""Writes one initial's list of families (``roots``, the index page, ``url_of``)."""


def index_markdown(
    index: NamespaceIndex, url_of: Callable[[File, File], str], write_list: ListWriter | None = None
) -> str:
    """``# Namespace``, a count, then one ``## Letter`` heading per initial (the page's table of contents) over a
    list of that initial's pages, each with its subpages nested under it.

    ``write_list`` writes each initial's list: by default a raw HTML block (:func:`html_list`); an export to a plain
    Markdown site passes one that writes Markdown links instead."""
    write_list = write_list or html_list
    roots = sorted(index.roots, key=lambda node: (_initial(node.title) != OTHER_INITIAL, node.title.casefold()))
    count = sum(1 for root in roots for _ in family(root))
    noun = "page" if count == 1 else "pages"
    parts = [
        f"# {escape_markdown(index.title)}\n\n",
        f'<p class="tvt-index-count">{count} {noun}, A to Z.</p>\n\n',
    ]
    start = 0
    for position in range(1, len(roots) + 1):
        if position == len(roots) or _initial(roots[position].title) != _initial(roots[start].title):
            parts.append(f"## {escape_markdown(_initial(roots[start].title))}\n\n")
            parts.append(write_list(roots[start:position], index.file, url_of))
            parts.append("\n")
            start = position
    return "".join(parts).rstrip("\n") + "\n"


def html_list(roots: list[NavNode], page: File, url_of: Callable[[File, File], str]) -> str:
    """One initial's families as ``<ul class="tvt-index">``: a raw HTML block Python-Markdown passes through."""
    return '<ul class="tvt-index">\n' + "".join(_family_items(root, page, url_of) for root in roots) + "</ul>\n"


def _family_items(root: NavNode, page: File, url_of: Callable[[File, File], str]) -> str:
    """``<li>`` of a page with a nested ``<ul>`` per level of subpages, written in one pass (no recursion)."""
    out: list[str] = []
    depth = 0
    for node, level in family(root):
        if level > depth:
            out.append("<ul>")
        else:
            out.append("</li>")
            out.append("</ul></li>" * (depth - level))
        depth = level
        out.append(f'<li><a href="{_text(url_of(node.file, page))}">{_text(node.title)}</a>')
    out.append("</li>")
    out.append("</ul></li>" * depth)
    return "".join(out) + "\n"


def _initial(title: str) -> str:
    first = title[:1].upper()
    return first if "A" <= first <= "Z" else OTHER_INITIAL


def _text(value: str) -> str:
    """Author text as inert HTML text: escaped, with every character a Markdown extension might read referenced."""
    return html.escape(value).translate(_MARKUP_CHARACTERS)
