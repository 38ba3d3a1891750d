"""TV Tropes markup → Markdown. No MkDocs import anywhere in this package.

>>> result = convert("A HeroicSacrifice, ''again''.", page="Main/Example")
>>> result.markdown
'A [Heroic Sacrifice](trope:HeroicSacrifice?auto), <em>again</em>\\\\.\\n'

The Markdown needs the project's Python-Markdown extensions (``mkdocs_trope.extensions``: wiki links, image
directives, and ``md_in_html``) to render; :func:`mkdocs_trope.render_html` does all of it in one call.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from ..names import PageName
from .blocks import LIST_MARKERS, MAX_LIST_DEPTH, BlockParser, redirect_block, split_block_tags
from .diagnostics import Diagnostic, DiagnosticSink, Severity
from .frontmatter import DEFAULT_KEYS, MetaValue, read_front_matter, split_front_matter
from .html import HtmlDocument, NotExactError, render_document
from .inline import InlineParser
from .nodes import Block, Container, ListBlock
from .render import render_blocks
from .source import LogicalLine, logical_lines

__all__ = [
    "Conversion",
    "ConvertOptions",
    "Diagnostic",
    "LinkRef",
    "MetaValue",
    "OutlineItem",
    "PageName",
    "Severity",
    "convert",
]

CONVERTER_VERSION = "1"
"""Bumped whenever output changes for the same input (part of the plugin's cache key)."""



@dataclass(frozen=True)
class ConvertOptions:
    """How to convert: ``heading_shift`` moves ``!`` from ``<h1>`` to ``<h2>`` by default (spec decision A8)."""

    heading_shift: int = 1
    front_matter_keys: frozenset[str] = DEFAULT_KEYS
    """Front matter keys a page may set (the rest are reported and ignored); see :mod:`.frontmatter`."""


@dataclass(frozen=True)
class LinkRef:
    """An outgoing wiki link, as written (``target.namespace`` is None for bare names)."""

    target: PageName
    line: int


@dataclass(frozen=True)
class OutlineItem:
    """One list item: its depth, line and the wiki pages it links to (for subpage navigation)."""

    depth: int
    line: int
    targets: tuple[PageName, ...]
    list_index: int
    """Which list of the page (0-based, in page order) the item belongs to."""
    in_index: bool = False
    """True inside ``[[index]]..[[/index]]``, the explicit marker of a page's member list."""


@dataclass(frozen=True)
class Conversion:
    markdown: str
    links: tuple[LinkRef, ...]
    outline: tuple[OutlineItem, ...]
    diagnostics: tuple[Diagnostic, ...]
    redirect: PageName | None = None
    front_matter: str = ""
    """The page's front matter block as written, when it was read (it is not part of ``markdown``)."""
    meta: Mapping[str, MetaValue] = field(default_factory=dict)
    """The front matter values the page may set, checked (``title`` and the keys in ``front_matter_keys``)."""
    if_page_exists: tuple[tuple[PageName, Diagnostic], ...] = ()
    """Diagnostics that apply only if the page named with them exists (``MyTrope/Film`` written as text), for a
    caller that knows the wiki's pages to report."""
    redirect_line: int = 0
    """The source line of ``[[redirect:..]]`` (0 when the page does not redirect), for reports about it."""
    html: HtmlDocument | None = None
    """The body straight as HTML (see :mod:`.html`), if asked for and exact."""


def convert(
    text: str, *, page: str | None = None, options: ConvertOptions | None = None, html: bool = False
) -> Conversion:
    """Convert one page of trope markup. Never raises on bad markup: problems become ``diagnostics``.

    ``page`` (``Namespace/Name``) is informational for callers; resolution of bare names happens later, in the
    wiki-link resolver. With ``html``, the body is also rendered straight to HTML from the same tree.
    """
    del page  # resolution is the resolver's job; kept in the signature for symmetry with the plugin
    options = options or ConvertOptions()
    sink = DiagnosticSink()
    front_matter, body = read_front_matter(text, options.front_matter_keys)
    for problem in front_matter.diagnostics:
        sink.add((problem.line, problem.column), problem.message, problem.hint, problem.severity, problem.code)
    inline = InlineParser(sink)
    blocks = BlockParser(sink, inline, options.heading_shift).parse(logical_lines(body, sink))
    markdown = render_blocks(blocks)
    links = tuple(LinkRef(link.target, link.line) for link in inline.links)
    redirect = redirect_block(blocks)
    document = None
    if html:
        try:
            document = render_document(blocks)
        except NotExactError:
            document = None
    return Conversion(
        markdown=markdown,
        links=links,
        outline=tuple(_outline(blocks)),
        diagnostics=sink.finish(),
        redirect=redirect.target if redirect else None,
        front_matter=front_matter.text,
        meta=front_matter.values,
        if_page_exists=tuple(inline.one_word_subpages),
        redirect_line=redirect.line if redirect else 0,
        html=document,
    )


def convert_to_html(text: str, options: ConvertOptions | None = None) -> HtmlDocument | None:
    """The page's body straight as HTML (None where that would not be exact).

    What :func:`convert` does up to the document tree, then only the HTML renderer: no Markdown, outline or
    link list, for callers that need none of them. Front matter is read as :func:`convert` reads it, and, as
    there, is not part of the body.
    """
    options = options or ConvertOptions()
    sink = DiagnosticSink()
    _, body = read_front_matter(text, options.front_matter_keys)
    blocks = BlockParser(sink, InlineParser(sink), options.heading_shift).parse(logical_lines(body, sink))
    try:
        return render_document(blocks)
    except NotExactError:
        return None


def _outline(blocks: list[Block]) -> Iterator[OutlineItem]:
    counter = [0]

    def walk(children: list[Block], in_index: bool) -> Iterator[OutlineItem]:
        for block in children:
            if isinstance(block, ListBlock):
                list_index = counter[0]
                counter[0] += 1
                yield from _list_outline(block, 1, list_index, in_index)
            elif isinstance(block, Container):
                yield from walk(block.children, in_index or block.kind == "index")

    yield from walk(blocks, False)


def _list_outline(block: ListBlock, depth: int, list_index: int, in_index: bool) -> Iterator[OutlineItem]:
    for item in block.items:
        yield OutlineItem(depth, item.line, item.targets, list_index, in_index)
        for sublist in item.sublists:
            yield from _list_outline(sublist, depth + 1, list_index, in_index)


def list_items_mentioning(text: str, name: str) -> tuple[OutlineItem, ...]:
    """The outline items :func:`convert` would give for list items whose text mentions ``name``, much faster.

    Subpage navigation needs, before pages are converted, only the list items that link to ``Name/Sub``; those
    must mention the name. They are parsed exactly as in a full conversion (same pre-pass, same inline parser), and
    everything else is skipped.
    """
    needle = name.casefold()
    if not needle or needle not in text.casefold():
        return ()
    sink = DiagnosticSink()
    inline = InlineParser(sink)
    items: list[OutlineItem] = []
    for line in split_block_tags(logical_lines(split_front_matter(text)[1], sink)):
        if not isinstance(line, LogicalLine):
            continue
        marker = LIST_MARKERS.match(line.text)
        if marker is None or needle not in line.text.casefold():
            continue
        first_link = len(inline.links)
        inline.parse(line.stripped_slice(marker.end(), len(line.text)))
        targets = tuple(link.target for link in inline.links[first_link:])
        if targets:
            items.append(OutlineItem(min(marker.end(), MAX_LIST_DEPTH), line.line, targets, 0))
    return tuple(items)
