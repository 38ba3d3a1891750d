"""Render the document tree as Markdown with small HTML islands.

Plain structure (paragraphs, headings, lists, rules) is Markdown. Constructs Markdown has no syntax for become
HTML: inline ones as spans (``spoiler``, notes, small text), block ones as ``md_in_html`` islands (folders,
indents, tables). Wiki links are Markdown links to ``trope:Namespace/Page`` that the wiki-link extension resolves;
page images become ``[[quoteright:W:...]]`` directive lines for the image extension. All literal text passes
through :func:`escape_markdown`, and every attribute value is generated or validated here.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from .escape import escape_attribute, escape_markdown
from .nodes import (
    Anchor,
    Block,
    Box,
    Break,
    Colored,
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
    PlaceLink,
    Redirect,
    Rule,
    Styled,
    Table,
    Text,
    UrlLink,
    WikiLink,
)

WIKI_SCHEME = "trope:"
"""Pseudo-scheme of wiki links in the Markdown; the wiki-link extension turns them into real URLs."""

AUTO_TITLE_FLAG = "?auto"
"""Marks a link whose text was derived from the page name, so a custom title may replace it."""

SPOILER_TITLE = "Spoiler: click or press Enter to reveal, again or Escape to hide"
SPOILER_NAME = "Spoiler"
"""Accessible name of a hidden spoiler: a screen reader announces a spoiler button, not the text it hides."""

_BLANKS = " \t\n"
"""What may be trimmed from rendered content: ASCII blanks only, so a cell's no-break space survives."""

_SIMPLE_TAGS = {
    "em": ("<em>", "</em>"),
    "strong": ("<strong>", "</strong>"),
    "strongem": ("<strong><em>", "</em></strong>"),
    "asscaps": ('<span class="asscaps">', "</span>"),
    "strike": ("<s>", "</s>"),
    "sup": ("<sup>", "</sup>"),
    "sub": ("<sub>", "</sub>"),
    "code": ("<code>", "</code>"),
    "spoiler": (
        f'<span class="spoiler" tabindex="0" role="button" aria-expanded="false" aria-label="{SPOILER_NAME}"'
        f' title="{SPOILER_TITLE}">',
        "</span>",
    ),
}
_EMPHASIS = {"em": "*", "strong": "**", "strongem": "***"}
_BOX_CLASSES = {"center": "tvt-center", "wmg": "tvt-wmg", "rtl": "tvt-rtl", "indentbox": "tvt-indentbox"}
_FIGURE_KINDS = {"quoteright": "right", "quoteleft": "left"}
_CAPTION_KINDS = {"caption-right": "right", "caption-left": "left"}

FOLDER_CONTROL = (
    '<p class="foldercontrol"><button type="button" class="foldercontrol-button" aria-expanded="false">'
    "open/close all folders</button></p>"
)
"""``[[foldercontrol]]`` as on TV Tropes; the script keeps ``aria-expanded`` true while all folders are open."""


# ------------------------------------------------------------------------------------------------- inline


def render_inline(nodes: Iterable[Inline]) -> str:
    if type(nodes) is not tuple:
        nodes = tuple(nodes)
    out: list[str] = []
    last = len(nodes) - 1
    for index, node in enumerate(nodes):
        kind = type(node)
        if kind is Styled and node.style in _EMPHASIS:
            following = nodes[index + 1] if index < last else None
            crowded = (out and out[-1].endswith("*")) or (
                type(following) is Styled and following.style in _EMPHASIS
            )
            out.append(_emphasis(node, markdown=not crowded))
        else:
            out.append(_INLINE_RENDERERS[kind](node))
    return "".join(out)


def _emphasis(node: Styled, *, markdown: bool) -> str:
    """``*x*``, ``**x**`` or ``***x***`` where Markdown reads it unambiguously, else the HTML tags.

    Markdown emphasis is much cheaper for Python-Markdown to render than raw tags (one pattern match instead of
    two stashed HTML fragments), which matters on pages with hundreds of italic work titles. It is unambiguous
    when the content neither starts nor ends with a blank or an asterisk and no other emphasis touches it.
    """
    inner = render_inline(node.children)
    if markdown and inner and not inner[0].isspace() and not inner[-1].isspace() and "*" not in (inner[0], inner[-1]):
        marks = _EMPHASIS[node.style]
        return f"{marks}{inner}{marks}"
    opening, closing = _SIMPLE_TAGS[node.style]
    return f"{opening}{inner}{closing}"


def _text(node: Text) -> str:
    return escape_markdown(node.text)


def _wikilink(node: WikiLink) -> str:
    children = node.children
    if len(children) == 1 and type(children[0]) is Text:
        return _plain_wikilink(str(node.target), node.auto, children[0].text)
    flag = AUTO_TITLE_FLAG if node.auto else ""
    return f"[{render_inline(children)}]({WIKI_SCHEME}{node.target}{flag})"


@lru_cache(maxsize=1 << 14)
def _plain_wikilink(target: str, auto: bool, text: str) -> str:
    """A link whose text is plain, memoised: pages repeat the same WikiWords many times."""
    flag = AUTO_TITLE_FLAG if auto else ""
    return f"[{escape_markdown(text)}]({WIKI_SCHEME}{target}{flag})"


def _urllink(node: UrlLink) -> str:
    return f"[{render_inline(node.children)}](<{node.url}>)"  # <..>: the URL's parentheses stay as written


def _place_link(node: PlaceLink) -> str:
    """A link to an anchor: ``#name`` in this page, or ``trope:Page#name`` for the wiki-link resolver."""
    inner = render_inline(node.children)
    if node.target is None:
        return f"[{inner}](#{node.anchor})"
    flag = AUTO_TITLE_FLAG if node.auto else ""
    return f"[{inner}]({WIKI_SCHEME}{node.target}#{node.anchor}{flag})"


def _colored(node: Colored) -> str:
    return f'<span class="tvt-color" style="color:{escape_attribute(node.color)}">{render_inline(node.children)}</span>'


def _styled(node: Styled) -> str:
    inner = render_inline(node.children)
    if node.style in _SIMPLE_TAGS:
        opening, closing = _SIMPLE_TAGS[node.style]
        return f"{opening}{inner}{closing}"
    if node.style in ("small", "big"):
        size = max(1, min(int(node.argument or 1), 4))
        if node.style == "small" and size == 1:
            return f'<small class="tvt-small">{inner}</small>'
        percent = round(100 * (5 / 6) ** size) if node.style == "small" else round(100 * 1.2**size)
        return f'<span class="tvt-size" style="font-size:{percent}%">{inner}</span>'
    name = escape_attribute(node.argument.lower())
    return f'<span class="tvt-style tvt-{name}">{inner}</span>'


def _note(node: Note) -> str:
    kind = "" if node.kind == "note" else f" {node.kind}"
    label = render_inline(node.label)
    body = render_inline(node.body)
    return (
        f'<span class="tvt-note{kind}"><button type="button" class="notelabel" aria-expanded="false">'
        f'{label}</button><span class="notebody">{body}</span></span>'
    )


def _inline_box(node: Box) -> str:
    inner = render_inline(node.children)
    if node.kind in _FIGURE_KINDS:
        return f'<span class="quote{_FIGURE_KINDS[node.kind]}" style="width:{int(node.argument)}px">{inner}</span>'
    if node.kind in _CAPTION_KINDS:
        side = _CAPTION_KINDS[node.kind]
        return (
            f'<span class="captionbox caption{side}" style="width:{int(node.argument)}px">'
            f'<span class="caption">{inner}</span></span>'
        )
    return f"<span{_box_attributes(node)}>{inner}</span>"


_INLINE_RENDERERS = {
    Text: _text,
    Break: lambda node: "<br />",
    WikiLink: _wikilink,
    UrlLink: _urllink,
    Image: lambda node: f"![](<{node.url}>)",
    Styled: _styled,
    Note: _note,
    Box: _inline_box,
    Anchor: lambda node: f'<span class="tvt-anchor" id="{escape_attribute(node.name)}"></span>',
    PlaceLink: _place_link,
    Colored: _colored,
}
"""One renderer per inline node type (a dictionary lookup: this runs for every node of every page)."""


def _box_attributes(node: Box) -> str:
    attributes = f' class="{_BOX_CLASSES[node.kind]}"'
    if node.kind == "rtl":
        attributes += ' dir="rtl"'
    if node.kind == "indentbox":
        amount = node.argument if not node.argument.replace(".", "").isdigit() else f"{node.argument}px"
        attributes += f' style="padding-left:{escape_attribute(amount)}"'
    return attributes


# -------------------------------------------------------------------------------------------------- blocks


def render_blocks(blocks: Iterable[Block]) -> str:
    return "\n\n".join(_BlockRenderer().chunks(list(blocks))) + "\n"


class _BlockRenderer:
    """Turns a container's children into Markdown chunks separated by blank lines."""

    def chunks(self, blocks: list[Block]) -> list[str]:
        out: list[str] = []
        index = 0
        previous_list = False
        while index < len(blocks):
            block = blocks[index]
            if isinstance(block, Indent):
                run_end = index
                while run_end < len(blocks) and isinstance(blocks[run_end], Indent):
                    run_end += 1
                out.extend(self._indent_run(blocks[index:run_end]))  # type: ignore[arg-type]
                index = run_end
                previous_list = False
                continue
            if previous_list and _list_at(block, 0):
                out.append("<!-- -->")  # keeps two lists apart: Markdown would merge them
            previous_list = _list_at(block, -1)
            if isinstance(block, Paragraph):
                self._paragraph(block, out)
            else:
                out.extend(self._block(block))
            index += 1
        return out

    def _block(self, block: Block) -> list[str]:
        if isinstance(block, Heading):
            content = render_inline(block.content).strip()
            return [f"{'#' * block.level} {content}"] if content else []
        if isinstance(block, Rule):
            return ["----"]
        if isinstance(block, ListBlock):
            if _has_sibling_sublists(block):
                return ["\n".join(_list_html(block))]
            return ["\n".join(_list_lines(block, 0))]
        if isinstance(block, Table):
            return [_table(block)]
        if isinstance(block, Container):
            return self._container(block)
        if isinstance(block, FolderControl):
            return [FOLDER_CONTROL]
        if isinstance(block, Redirect):
            return [f"This page redirects to [{escape_markdown(str(block.target))}]({WIKI_SCHEME}{block.target})."]
        return []

    def _container(self, block: Container) -> list[str]:
        inner = self.chunks(block.children) if block.children else []
        if block.kind == "index":
            return inner
        if block.kind == "quoteblock":
            return ['<blockquote class="tvt-quoteblock" markdown="1">', *inner, "</blockquote>"]
        title = render_inline(block.title).strip()
        return [
            f'<details class="folder" markdown="1">\n<summary class="folderlabel" markdown="span">{title}</summary>',
            *inner,
            "</details>",
        ]

    def _paragraph(self, block: Paragraph, out: list[str]) -> None:
        """Paragraph lines, with lone page images, captions and boxes lifted out as their own blocks."""
        lines: list[str] = []

        def flush() -> None:
            if lines:
                out.append("<br />\n".join(lines))
                lines.clear()

        for content in block.lines:
            box = _lone_box(content)
            if box is not None and box.kind in _CAPTION_KINDS and out and _is_open_figure(out[-1]) and not lines:
                out[-1] += "\n" + _directive(box)
            elif box is not None and (box.kind in _FIGURE_KINDS or box.kind in _CAPTION_KINDS):
                flush()
                out.append(_directive(box))
            elif box is not None:
                flush()
                out.append(f'<div{_box_attributes(box)} markdown="span">{render_inline(box.children)}</div>')
            else:
                rendered = render_inline(content).strip()
                if rendered:
                    lines.append(rendered)
        flush()

    def _indent_run(self, run: list[Indent]) -> list[str]:
        out: list[str] = []
        depth = 0
        for indent in run:
            while depth < indent.depth:
                out.append('<div class="indent" markdown="1">')
                depth += 1
            while depth > indent.depth:
                out.append("</div>")
                depth -= 1
            rendered = render_inline(indent.content).strip()
            if rendered:
                out.append(rendered)
        out.extend(["</div>"] * depth)
        return out


def _list_at(block: Block, end: int) -> bool:
    """True if ``block`` renders with a list at its start (``end`` 0) or its end (-1): a list itself, or an index
    block (rendered transparently) whose first or last block is one."""
    while isinstance(block, Container) and block.kind == "index" and block.children:
        block = block.children[end]
    return isinstance(block, ListBlock)


def _lone_box(content: tuple[Inline, ...]) -> Box | None:
    meaningful = [node for node in content if not (isinstance(node, Text) and not node.text.strip())]
    if len(meaningful) == 1 and isinstance(meaningful[0], Box):
        return meaningful[0]
    return None


def _directive(box: Box) -> str:
    name = box.kind if box.kind in _FIGURE_KINDS else f"caption-width-{_CAPTION_KINDS[box.kind]}"
    return f"[[{name}:{int(box.argument)}:{render_inline(box.children).strip()}]]"


def _is_open_figure(chunk: str) -> bool:
    return chunk.startswith(("[[quoteright:", "[[quoteleft:")) and "\n" not in chunk


def _list_lines(block: ListBlock, level: int) -> list[str]:
    lines: list[str] = []
    marker = "1.  " if block.ordered else "*   "
    pad = "    " * level
    for item in block.items:
        content = _item_content(item)
        lines.append(f"{pad}{marker}{content or '<span></span>'}")
        for sublist in item.sublists:
            lines.extend(_list_lines(sublist, level + 1))
    return lines


def _item_content(item: ListItem) -> str:
    content = render_inline(item.content).strip()
    for indent in item.indents:
        inner = render_inline(indent.content).strip()
        opening = '<span class="indent">' * indent.depth
        content += f"{opening}{inner}{'</span>' * indent.depth}"
    return content


def _has_sibling_sublists(block: ListBlock) -> bool:
    """True if some item holds two sublists (``**`` then ``*#``): Markdown would merge them into one list."""
    return any(len(item.sublists) > 1 or any(map(_has_sibling_sublists, item.sublists)) for item in block.items)


def _list_html(block: ListBlock) -> list[str]:
    """A list as an ``md_in_html`` island, for the shapes Markdown list syntax cannot express."""
    tag = "ol" if block.ordered else "ul"
    lines = [f'<{tag} markdown="1">']
    for item in block.items:
        lines.append(f'<li markdown="1">{_item_content(item)}')
        for sublist in item.sublists:
            lines.extend(_list_html(sublist))
        lines.append("</li>")
    lines.append(f"</{tag}>")
    return lines


def _table(table: Table) -> str:
    classes = " ".join(["tvt-table", *(value for name, value in table.attributes if name == "class")])
    attributes = "".join(
        f' {name}="{escape_attribute(value)}"' for name, value in table.attributes if name != "class"
    )
    rows = [f'<table class="{escape_attribute(classes)}"{attributes} markdown="1">']
    for row in table.rows:
        cells = []
        for cell in row:
            tag = "th" if cell.header else "td"
            extra = f' align="{cell.align}"' if cell.align else ""
            extra += f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
            cells.append(f'<{tag}{extra} markdown="span">{render_inline(cell.content).strip(_BLANKS)}</{tag}>')
        rows.append(f'<tr markdown="1">{"".join(cells)}</tr>')
    rows.append("</table>")
    if table.caption is not None:
        # ``md_in_html`` has no span parsing for ``<caption>``: a figure around the table carries the caption.
        caption = f'<figcaption markdown="span">{render_inline(table.caption).strip()}</figcaption>'
        rows = ['<figure class="tvt-table-figure" markdown="1">', caption, *rows, "</figure>"]
    return "\n".join(rows)
