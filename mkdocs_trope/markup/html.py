"""Render the document tree straight to HTML: the same HTML Python-Markdown makes of :mod:`.render`'s Markdown.

Python-Markdown re-reading the converter's Markdown is most of a trope site's build time, yet the converter
already holds the document tree. This renderer walks that tree and writes, for every construct, the HTML that
Python-Markdown (with ``md_in_html`` and this package's extensions) gives for the Markdown :mod:`.render` writes.
Exactness is a tested property (the differential tests compare both paths), not an assumption: a node type or a
shape this module does not know raises :class:`NotExactError`, and the caller then renders the Markdown as usual.

What depends on the site (where a wiki link goes, a heading's id, how MkDocs rewrites a relative URL, an
image's ``alt`` taken from the page it links to or from its figure's caption) is not known here: the result is
an :class:`HtmlDocument`, a list of HTML strings with slots for links, URLs, headings, images and page-image
figures, which :mod:`mkdocs_trope.exact` fills in. The document pickles cheaply, so a worker process can
make it along with the Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import NamedTuple

from .escape import escape_attribute
from .nodes import (
    Block,
    Box,
    Break,
    Container,
    FolderControl,
    Heading,
    Image,
    Indent,
    Inline,
    ListBlock,
    ListItem,
    Note,
    Paragraph,
    Redirect,
    Rule,
    Styled,
    Table,
    Text,
    UrlLink,
    WikiLink,
)
from .render import (
    _BLANKS,
    _BOX_CLASSES,
    _CAPTION_KINDS,
    _EMPHASIS,
    _FIGURE_KINDS,
    _INLINE_RENDERERS,
    _SIMPLE_TAGS,
    FOLDER_CONTROL,
    _box_attributes,
    _emphasis,
    _has_sibling_sublists,
    _lone_box,
    render_inline,
)
from .urls import image_source

MAX_FIGURE_WIDTH = 2000
"""Widths the image directive accepts (``extensions.images.MAX_WIDTH``); anything else is not rendered here."""


_RAW_BLOCK_END = "\n"
"""Python-Markdown ends a raw HTML block with a newline of its own (a blank line before the next block)."""


class NotExactError(Exception):
    """The tree holds something this renderer cannot promise to render exactly as Python-Markdown would."""


class LinkSlot(NamedTuple):
    """A wiki link: resolved per site (URL, red link, custom title) when the page is rendered."""

    target: str
    auto: bool
    inner: tuple[Part, ...]
    plain: bool
    """True if the link's content is text only: only then may a custom title replace it."""


class UrlSlot(NamedTuple):
    """A URL written by the author (``href`` of a link, ``src`` of an image): MkDocs may rewrite relative ones."""

    url: str


class ImageSlot(NamedTuple):
    """An image: its ``alt``, ``width`` and ``loading`` depend on the link around it (the linked page's title),
    the figure it is in (declared width, caption) and whether it is the page's first page image."""

    url: str


class Stashed(NamedTuple):
    """Raw HTML in the Markdown: Python-Markdown keeps it out of the tree's text as a placeholder, which the image
    attribute processor leaves out of a caption's ``alt`` (see ``extensions/images.py``)."""

    html: str


AltPart = str | Stashed | LinkSlot
"""A caption's text as the image attribute processor reads it: tree text (escaped as HTML text), raw HTML, and
wiki links (whose text is their content or the linked page's title); a link's ``inner`` holds alt parts too."""


class FigureSlot(NamedTuple):
    """A page image's figure (``quoteright``/``quoteleft``, with its caption if it has one): images in it take its
    declared width and, if they have no ``alt``, its caption's text."""

    width: int
    parts: tuple[Part, ...]
    alt: tuple[AltPart, ...] = ()


class HeadingSlot(NamedTuple):
    """A heading: its id, level shift and permalink come from the site's ``toc`` settings."""

    level: int
    inner: tuple[Part, ...]


Part = str | LinkSlot | UrlSlot | HeadingSlot | ImageSlot | FigureSlot


class HtmlDocument(NamedTuple):
    parts: tuple[Part, ...]


_TEXT = str.maketrans(
    {
        **{chr(code): "\ufffd" for code in range(32) if chr(code) not in "\t\n"},
        "\n": " ",
        "\t": " ",
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "|": "&#124;",
        "~": "&#126;",
        "^": "&#94;",
        "$": "&#36;",
        "=": "&#61;",
    }
)
"""What :func:`escape_markdown` writes as character references, which Python-Markdown passes through as they are;
its backslash escapes come out as the bare character."""
_COLON = re.compile(r":(?=[A-Za-z0-9/])")
_MAYBE = re.compile("[" + re.escape("".join(map(chr, _TEXT))) + ":]")


def escape_text(text: str) -> str:
    """Literal text as the HTML Python-Markdown makes of :func:`escape_markdown`'s Markdown, byte for byte."""
    if _MAYBE.search(text) is None:
        return text
    text = text.translate(_TEXT)
    return _COLON.sub("&#58;", text) if ":" in text else text


def render_document(blocks: Iterable[Block]) -> HtmlDocument:
    """The page body (what follows the page heading) as HTML with slots; raises :class:`NotExactError`."""
    out: list[Part] = []
    _Blocks(out).blocks(list(blocks))
    parts = _merged(out)
    if parts and type(parts[-1]) is str:  # Python-Markdown strips its output
        parts[-1] = parts[-1].rstrip()
    return HtmlDocument(tuple(parts))


def _merged(parts: list[Part]) -> list[Part]:
    """Adjacent strings joined: fewer objects to keep and to pickle."""
    merged: list[Part] = []
    run: list[str] = []
    for part in parts:
        if type(part) is str:
            run.append(part)
            continue
        if run:
            merged.append("".join(run))
            run = []
        merged.append(part)
    if run:
        merged.append("".join(run))
    return merged


# ------------------------------------------------------------------------------------------------- inline


def _inline(nodes: tuple[Inline, ...], out: list[Part]) -> None:
    for node in nodes:
        kind = type(node)
        if kind is Text:
            out.append(escape_text(node.text))  # type: ignore[union-attr]
        elif kind is WikiLink:
            out.append(_link(node))  # type: ignore[arg-type]
        elif kind is Styled:
            _styled(node, out)  # type: ignore[arg-type]
        elif kind is Break:
            out.append("<br />")
        elif kind is UrlLink:
            # Python-Markdown strips the ``<url>`` of a link (Unicode blanks such as an em space included)
            out.extend(('<a href="', UrlSlot(node.url.strip()), '">'))  # type: ignore[union-attr]
            _inline(node.children, out)  # type: ignore[union-attr]
            out.append("</a>")
        elif kind is Image:
            out.append(ImageSlot(node.url.strip()))  # type: ignore[union-attr]
        elif kind is Note:
            _note(node, out)  # type: ignore[arg-type]
        elif kind is Box:
            _inline_box(node, out)  # type: ignore[arg-type]
        else:
            raise NotExactError(f"inline node {kind.__name__}")


def _inline_parts(nodes: tuple[Inline, ...]) -> list[Part]:
    out: list[Part] = []
    _inline(nodes, out)
    return _merged(out)


def _link(node: WikiLink) -> LinkSlot:
    children = node.children
    plain = all(type(child) is Text for child in children)
    if plain and len(children) == 1:
        inner: tuple[Part, ...] = (escape_text(children[0].text),)  # type: ignore[union-attr]
    else:
        inner = tuple(_inline_parts(children))
    return LinkSlot(str(node.target), node.auto, inner, plain)


def _styled(node: Styled, out: list[Part]) -> None:
    style = node.style
    if style in _SIMPLE_TAGS:
        opening, closing = _SIMPLE_TAGS[style]
        out.append(opening)
        _inline(node.children, out)
        out.append(closing)
        return
    if style in ("small", "big"):
        size = max(1, min(int(node.argument or 1), 4))
        if style == "small" and size == 1:
            out.append('<small class="tvt-small">')
            _inline(node.children, out)
            out.append("</small>")
            return
        percent = round(100 * (5 / 6) ** size) if style == "small" else round(100 * 1.2**size)
        out.append(f'<span class="tvt-size" style="font-size:{percent}%">')
    else:
        out.append(f'<span class="tvt-style tvt-{escape_attribute(node.argument.lower())}">')
    _inline(node.children, out)
    out.append("</span>")


def _note(node: Note, out: list[Part]) -> None:
    kind = "" if node.kind == "note" else f" {node.kind}"
    out.append(
        f'<span class="tvt-note{kind}"><button type="button" class="notelabel" aria-expanded="false">'
    )
    _inline(node.label, out)
    out.append('</button><span class="notebody">')
    _inline(node.body, out)
    out.append("</span></span>")


def _inline_box(node: Box, out: list[Part]) -> None:
    if node.kind in _FIGURE_KINDS:
        out.append(f'<span class="quote{_FIGURE_KINDS[node.kind]}" style="width:{int(node.argument)}px">')
        _inline(node.children, out)
        out.append("</span>")
    elif node.kind in _CAPTION_KINDS:
        side = _CAPTION_KINDS[node.kind]
        out.append(
            f'<span class="captionbox caption{side}" style="width:{int(node.argument)}px"><span class="caption">'
        )
        _inline(node.children, out)
        out.append("</span></span>")
    elif node.kind in _BOX_CLASSES:
        out.append(f"<span{_box_attributes(node)}>")
        _inline(node.children, out)
        out.append("</span>")
    else:
        raise NotExactError(f"box {node.kind}")


def _alt_parts(nodes: tuple[Inline, ...]) -> list[AltPart]:
    """What ``itertext()`` yields for inline content in Python-Markdown's tree, as :data:`AltPart` s.

    Emphasis the Markdown writes as ``*x*`` is an element (only its text counts); everything the Markdown writes
    as raw HTML tags is stashed, and its tags come back verbatim into the attribute.
    """
    out: list[AltPart] = []
    last = len(nodes) - 1
    markdown: list[str] = []
    """The chunks :func:`.render.render_inline` writes, for its choice between ``*x*`` and ``<em>x</em>``."""
    for index, node in enumerate(nodes):
        kind = type(node)
        if kind is Styled and node.style in _EMPHASIS:  # type: ignore[union-attr]
            following = nodes[index + 1] if index < last else None
            crowded = bool(markdown and markdown[-1].endswith("*")) or (
                type(following) is Styled and following.style in _EMPHASIS
            )
            markdown.append(_emphasis(node, markdown=not crowded))  # type: ignore[arg-type]
        else:
            markdown.append(_INLINE_RENDERERS[kind](node))
        if kind is Text:
            out.append(escape_text(node.text))  # type: ignore[union-attr]
        elif kind is WikiLink:
            children = node.children  # type: ignore[union-attr]
            plain = all(type(child) is Text for child in children)
            out.append(LinkSlot(str(node.target), node.auto, tuple(_alt_parts(children)), plain))  # type: ignore[union-attr, arg-type]
        elif kind is UrlLink:
            out.extend(_alt_parts(node.children))  # type: ignore[union-attr]
        elif kind is Image:
            pass
        elif kind is Styled and markdown[-1].startswith("*"):
            out.extend(_alt_parts(node.children))  # type: ignore[union-attr]
        elif kind is Break:
            out.append(Stashed("<br />"))
        elif kind is Note:
            _alt_around(node, ("label", "body"), out)
        elif kind is Styled or kind is Box:
            _alt_around(node, ("children",), out)
        else:
            raise NotExactError(f"caption text of {kind.__name__}")
    return out


_GAP = (Text("\x00"),)
"""Content that :func:`escape_text` writes as U+FFFD: marks where a construct's content goes between its tags."""


def _alt_around(node: Inline, fields: tuple[str, ...], out: list[AltPart]) -> None:
    """A construct the Markdown writes as raw HTML tags around content: the tags stashed, the content as text."""
    gapped: Inline = replace(node, **dict.fromkeys(fields, _GAP))  # type: ignore[arg-type]
    html = _inline_parts((gapped,))
    tags = html[0].split("\ufffd") if len(html) == 1 and type(html[0]) is str else []
    if len(tags) != len(fields) + 1:
        raise NotExactError("caption text around a slot or U+FFFD")
    for tag, name in zip(tags, fields, strict=False):
        out.append(Stashed(tag))
        out.extend(_alt_parts(getattr(node, name)))
    out.append(Stashed(tags[-1]))


def _stripped(parts: list[Part], blanks: str | None = None) -> list[Part]:
    """The parts with leading and trailing blanks of the text at either end removed (``str.strip``).

    Stripping the Markdown and stripping the HTML agree: both start and end with the same literal text, and
    the escapes of either never turn a blank into a non-blank or back.
    """
    while parts and type(parts[0]) is str:
        first = parts[0].lstrip(blanks)
        if first:
            parts[0] = first
            break
        parts.pop(0)
    while parts and type(parts[-1]) is str:
        last = parts[-1].rstrip(blanks)
        if last:
            parts[-1] = last
            break
        parts.pop()
    return parts


def _content(nodes: tuple[Inline, ...], blanks: str | None = None) -> list[Part]:
    return _stripped(_inline_parts(nodes), blanks)


# -------------------------------------------------------------------------------------------------- blocks


class _Blocks:
    """Mirrors :class:`.render._BlockRenderer` block by block, writing Python-Markdown's HTML for each chunk."""

    def __init__(self, out: list[Part]) -> None:
        self.out = out
        self.first = True
        self.open_figure = False
        """True right after a page image without a caption: a caption line right after it joins it."""
        self.after_list = False
        """True right after a list: Markdown would merge a list written right after it into it."""

    def _start(self) -> None:
        """Python-Markdown puts a newline between sibling blocks."""
        if not self.first:
            self.out.append("\n")
        self.first = False
        self.open_figure = False
        self.after_list = False

    def blocks(self, blocks: list[Block]) -> None:
        index = 0
        previous_list = False
        while index < len(blocks):
            block = blocks[index]
            if type(block) is Indent:
                run_end = index
                while run_end < len(blocks) and type(blocks[run_end]) is Indent:
                    run_end += 1
                self._indent_run(blocks[index:run_end])  # type: ignore[arg-type]
                index = run_end
                previous_list = False
                continue
            if type(block) is ListBlock and previous_list:
                self._start()
                self.out.append(_RAW_BLOCK_END.join(("<!-- -->", "")))
            previous_list = type(block) is ListBlock
            if previous_list and self.after_list:
                raise NotExactError("a list right after a list across an index")
            self._block(block)
            index += 1

    def _block(self, block: Block) -> None:
        kind = type(block)
        out = self.out
        if kind is Paragraph:
            self._paragraph(block)  # type: ignore[arg-type]
        elif kind is Heading:
            content = _content(block.content)  # type: ignore[union-attr]
            if content:
                self._start()
                out.append(HeadingSlot(block.level, tuple(_merged(content))))  # type: ignore[union-attr]
        elif kind is Rule:
            self._start()
            out.append("<hr />")
        elif kind is ListBlock:
            self._start()
            self._list(block, island=_has_sibling_sublists(block))  # type: ignore[arg-type]
            self.after_list = True
        elif kind is Table:
            self._start()
            self._table(block)  # type: ignore[arg-type]
        elif kind is Container:
            self._container(block)  # type: ignore[arg-type]
        elif kind is FolderControl:
            self._start()
            out.append(FOLDER_CONTROL + _RAW_BLOCK_END)
        elif kind is Redirect:
            self._start()
            target = str(block.target)  # type: ignore[union-attr]
            out.extend(("<p>This page redirects to ", LinkSlot(target, False, (escape_text(target),), True), ".</p>"))
        else:
            raise NotExactError(f"block {kind.__name__}")

    def _container(self, block: Container) -> None:
        if block.kind == "index":
            self.open_figure = False  # the Markdown renderer renders the children as a list of their own
            self.blocks(block.children)
            return
        out = self.out
        self._start()
        if block.kind == "quoteblock":
            out.append('<blockquote class="tvt-quoteblock">')
            closing = "</blockquote>"
        elif block.kind == "folder":
            out.append('<details class="folder">\n<summary class="folderlabel">')
            out.extend(_content(block.title))
            out.append("</summary>")
            closing = "</details>"
        else:
            raise NotExactError(f"container {block.kind}")
        before = len(out)
        inner = _Blocks(out)
        inner.first = False
        inner.blocks(block.children)
        empty = len(out) == before and block.kind != "folder"  # a folder's summary is a child
        out.append(closing if empty else "\n" + closing)

    def _paragraph(self, block: Paragraph) -> None:
        out = self.out
        lines: list[list[Part]] = []

        def flush() -> None:
            if lines:
                self._start()
                out.append("<p>")
                for number, line in enumerate(lines):
                    if number:
                        out.append("<br />\n")
                    out.extend(line)
                out.append("</p>")
                lines.clear()

        for content in block.lines:
            box = _lone_box(content)
            if box is not None and box.kind in _CAPTION_KINDS and self.open_figure and not lines:
                out.append(self._captioned(out.pop(), box))
                self.open_figure = False
                continue
            if box is not None and box.kind in _FIGURE_KINDS:
                flush()
                self._start()
                width = _width(box)
                opening = f'<figure class="quote{_FIGURE_KINDS[box.kind]}" style="width:{width}px">'
                out.append(FigureSlot(width, tuple(_merged([opening, *self._directive_content(box), "</figure>"]))))
                self.open_figure = True
            elif box is not None and box.kind in _CAPTION_KINDS:
                flush()
                self._start()
                side = _CAPTION_KINDS[box.kind]
                out.append(
                    f'<figure class="captionbox caption{side}" style="width:{_width(box)}px">\n'
                    '<figcaption class="caption">'
                )
                out.extend(self._directive_content(box))
                out.append("</figcaption>\n</figure>")
            elif box is not None:
                flush()
                self._start()
                out.append(f"<div{_box_attributes(box)}>")
                _inline(box.children, out)
                out.append("</div>")
            else:
                rendered = _content(content)
                if rendered:
                    lines.append(rendered)
        flush()

    def _captioned(self, figure: Part, caption: Box) -> FigureSlot:
        """The page image's figure with the caption line that follows it, as the image extension joins them."""
        if type(figure) is not FigureSlot or type(figure.parts[-1]) is not str:
            raise NotExactError("a caption after something else than a page image")
        *inside, last = figure.parts
        inside.append(str(last).removesuffix("</figure>"))
        inside.append('<figcaption class="caption">')
        inside.extend(self._directive_content(caption))
        inside.append("</figcaption>\n</figure>")
        return figure._replace(parts=tuple(_merged(inside)), alt=tuple(_alt_parts(caption.children)))

    @staticmethod
    def _directive_content(box: Box) -> list[Part]:
        """A directive's content, inline (the image extension would read a bare image URL differently)."""
        if image_source(render_inline(box.children)) is not None:
            raise NotExactError("bare image URL in a directive")
        return _content(box.children)

    def _indent_run(self, run: list[Indent]) -> None:
        out = self.out
        filled: list[bool] = []
        """Per open ``<div>``: whether anything is inside (an empty one closes on the same line)."""
        for indent in run:
            while len(filled) < indent.depth:
                self._start()
                filled[:] = [True] * len(filled)
                out.append('<div class="indent">')
                filled.append(False)
            while len(filled) > indent.depth:
                out.append("\n</div>" if filled.pop() else "</div>")
            rendered = _content(indent.content)
            if rendered:
                self._start()
                filled[:] = [True] * len(filled)
                out.append("<p>")
                out.extend(rendered)
                out.append("</p>")
        while filled:
            out.append("\n</div>" if filled.pop() else "</div>")

    def _list(self, block: ListBlock, island: bool) -> None:
        """A list in Markdown list syntax (tight, nested lists right after the item's text), or written as an
        ``md_in_html`` island (:func:`.render._list_html`), which Python-Markdown spaces out differently."""
        out = self.out
        tag = "ol" if block.ordered else "ul"
        out.append(f"<{tag}>\n")
        for item in block.items:
            out.append("<li>")
            content = _item_content(item)
            out.extend(content if content or island else ["<span></span>"])
            if island:
                out.append("\n")
            for sublist in item.sublists:
                if island:
                    out.append("\n")
                self._list(sublist, island)
                out.append("\n")
            out.append("</li>\n")
        out.append(f"</{tag}>")

    def _table(self, table: Table) -> None:
        out = self.out
        classes = " ".join(["tvt-table", *(value for name, value in table.attributes if name == "class")])
        named = {name: value for name, value in table.attributes if name != "class"}
        named["class"] = classes
        attributes = "".join(f' {name}="{escape_attribute(named[name])}"' for name in sorted(named))
        if table.caption is not None:
            out.append('<figure class="tvt-table-figure">\n<figcaption>')
            out.extend(_content(table.caption))
            out.append("</figcaption>\n")
        out.append(f"<table{attributes}>")
        for row in table.rows:
            out.append("\n<tr>")
            for cell in row:
                tag = "th" if cell.header else "td"
                extra = f' align="{cell.align}"' if cell.align else ""
                extra += f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
                out.append(f"\n<{tag}{extra}>")
                out.extend(_content(cell.content, _BLANKS))
                out.append(f"</{tag}>")
            out.append("\n</tr>")
        out.append("\n</table>")
        if table.caption is not None:
            out.append("\n</figure>")


def _item_content(item: ListItem) -> list[Part]:
    content = _content(item.content)
    for indent in item.indents:
        content.append('<span class="indent">' * indent.depth)
        content.extend(_content(indent.content))
        content.append("</span>" * indent.depth)
    return content


def _width(box: Box) -> int:
    width = int(box.argument)
    if not 0 < width <= MAX_FIGURE_WIDTH:
        raise NotExactError("figure width")  # the image extension would leave the directive as text
    return width
