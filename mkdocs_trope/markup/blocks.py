"""The block pass: logical lines in, a tree of block nodes out.

Each logical line is classified by its first characters (spec §1 step 5); paired block tags (folders,
quoteblocks, index) open and close containers. Inline content is parsed as each line is met, so nodes keep their
source line and numbered links count up in page order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .brackets import index_brackets
from .diagnostics import DiagnosticSink, Severity
from .folder_titles import join_folder_titles
from .inline import InlineParser, parse_page_target
from .nodes import (
    Block,
    Container,
    FolderControl,
    Heading,
    Indent,
    Inline,
    ListBlock,
    ListItem,
    Paragraph,
    Redirect,
    Rule,
    Table,
    TableCell,
    Text,
)
from .source import BREAK, LogicalLine

MAX_CONTAINER_DEPTH = 24
"""Folders, quoteblocks and index blocks nested deeper than this are shown as text (no real page comes close)."""

MAX_LIST_DEPTH = 8
"""Deeper list or indent levels are clamped (TV Tropes' own editor clamps to three) with a warning."""

_BLOCK_TAGS = ("folder:", "/folder", "foldercontrol", "index", "/index", "quoteblock", "/quoteblock")
_BLOCK_TAG_HINT = re.compile(r"\[\[\s*/?(?:folder|index|quoteblock)", re.IGNORECASE)
_INDENT = re.compile(r"(?<!-)(-++)>")
"""Possessive, and starting only at the first hyphen of a run: a long run of hyphens is read once."""
LIST_MARKERS = re.compile(r"[*#+]+")
_TABLE_ATTRIBUTE = re.compile(r"(?<![A-Za-z])([A-Za-z]++)\s*+=\s*+(\"[^\"]*+\"|'[^']*+'|\S++)")
"""``name=value``. Linear: a name starts only where no letter precedes it, and no run is given back once taken
(without both, ``||`` and a long run of letters costs a retry from every letter, each to the end of the run)."""
_TABLE_ATTRIBUTES = {
    "border": re.compile(r"[0-9]{1,2}\Z"),
    "width": re.compile(r"[0-9]{1,4}%?\Z"),
    "cellpadding": re.compile(r"[0-9]{1,2}\Z"),
    "cellspacing": re.compile(r"[0-9]{1,2}\Z"),
    "align": re.compile(r"(?:left|right|center)\Z"),
    "class": re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,40}\Z"),
}
_TITLE_BLANKS = " \t\n" + BREAK
"""What a folder title may start or end with and lose: blanks, and the line ends of a title over several lines."""
_REDIRECT = re.compile(r"\[\[redirect:([^\]]+)\]\]\s*\Z", re.IGNORECASE)


@dataclass(frozen=True)
class _TagLine:
    name: str
    title: LogicalLine | None
    line: int
    column: int


class BlockParser:
    """Builds the block tree of one page."""

    def __init__(self, sink: DiagnosticSink, inline: InlineParser, heading_shift: int = 1) -> None:
        self.sink = sink
        self.inline = inline
        self.heading_shift = heading_shift
        self.redirect: Redirect | None = None

    def parse(self, lines: list[LogicalLine]) -> list[Block]:
        root = Container("document", (), 1)
        self._stack: list[Container] = [root]
        self._paragraph: list[tuple[Inline, ...]] = []
        self._paragraph_line = 0
        self._lists: list[ListBlock] = []
        self._table: list[LogicalLine] = []
        self._seen_content = False
        self._too_deep_open: dict[str, int] = {}
        lines = join_folder_titles(lines)
        for index, line in enumerate(lines):
            if self.redirect is not None:
                self._after_redirect(lines[index:])
                break
            for item in split_block_tags([line]):
                if isinstance(item, _TagLine):
                    self._tag(item)
                else:
                    self._line(item)
        self._flush()
        while len(self._stack) > 1:
            self._close_open(
                "opened here is never closed; closed at the end of the page", "where it should end", "unclosed-block"
            )
        return root.children

    def _after_redirect(self, rest: list[LogicalLine]) -> None:
        """A redirect page shows nothing but the redirect (spec §5.8); say so if it had more to show."""
        hidden = next((line for line in rest if line.text.strip()), None)
        if hidden is not None:
            self.sink.add(
                (hidden.line, 1),
                "text after '[[redirect:..]]' is not shown: the page only redirects",
                "remove it, or remove the redirect",
                Severity.INFO,
                "redirect-text",
            )

    # ----------------------------------------------------------------------------------- block tags

    def _tag(self, tag: _TagLine) -> None:
        self._flush()
        if tag.name in ("folder", "index", "quoteblock"):
            title: tuple[Inline, ...] = ()
            if tag.title is not None:
                stripped = tag.title.text.strip(_TITLE_BLANKS)
                title = self.inline.parse(_trimmed(tag.title)) if stripped else ()
            if len(self._stack) > MAX_CONTAINER_DEPTH:
                self._too_deep(tag, title)
                return
            container = Container(tag.name, title, tag.line)
            self._stack[-1].children.append(container)
            self._stack.append(container)
            self._seen_content = True
        elif tag.name == "foldercontrol":
            self._stack[-1].children.append(FolderControl(tag.line))
        elif self._too_deep_open.get(tag.name[1:], 0):
            self._too_deep_open[tag.name[1:]] -= 1
            self._stack[-1].children.append(Paragraph(((Text(f"[[{tag.name}]]"),),), tag.line))
        else:
            self._close(tag.name[1:], tag)

    def _too_deep(self, tag: _TagLine, title: tuple[Inline, ...]) -> None:
        """A block tag nested deeper than :data:`MAX_CONTAINER_DEPTH` is shown as text (with its closer)."""
        self.sink.add(
            (tag.line, tag.column),
            f"'[[{tag.name}]]' nested more than {MAX_CONTAINER_DEPTH} deep; shown as text",
            "close the blocks before opening new ones",
            code="deep-nesting",
        )
        self._too_deep_open[tag.name] = self._too_deep_open.get(tag.name, 0) + 1
        opening = (Text(f"[[{tag.name}:"), *title, Text("]]")) if tag.title is not None else (Text(f"[[{tag.name}]]"),)
        self._stack[-1].children.append(Paragraph((opening,), tag.line))

    def _close(self, kind: str, tag: _TagLine) -> None:
        open_kinds = [container.kind for container in self._stack[1:]]
        if kind not in open_kinds:
            self.sink.add(
                (tag.line, tag.column),
                f"'[[/{kind}]]' closes nothing; removed",
                f"remove it, or add [[{kind}{':Title' if kind == 'folder' else ''}]] where the block starts",
                code="orphan-close",
            )
            return
        while self._stack[-1].kind != kind:
            self._close_open(
                f"is still open at the '[[/{kind}]]' on line {tag.line}; closed there",
                f"before line {tag.line}",
                "misnested-block",
            )
        self._stack.pop()

    def _close_open(self, problem: str, where: str, code: str) -> None:
        """Close the innermost open container that its author did not close, and say so."""
        container = self._stack.pop()
        self.sink.add(
            (container.line, 1), f"'[[{container.kind}]]' {problem}", f"add [[/{container.kind}]] {where}", code=code
        )

    # -------------------------------------------------------------------------------------- lines

    def _line(self, line: LogicalLine) -> None:
        text = line.text
        if not text.strip():
            self._flush()
            return
        first = text[0]
        if not self._seen_content and self.redirect is None and (match := _REDIRECT.match(text)):
            target = parse_page_target(match.group(1).strip())
            if target is not None:
                self._flush()
                self.redirect = Redirect(target, line.line)
                self._stack[-1].children.append(self.redirect)
                return
        self._seen_content = True
        if first == "!":
            self._heading(line)
        elif first == "-" and (match := _INDENT.match(text)):
            self._indent(line, len(match.group(1)), match.end())
        elif text.startswith("----"):
            self._flush()
            self._stack[-1].children.append(Rule(line.line))
            rest = len(text) - len(text.lstrip("-"))
            if text[rest:].strip():
                self._text(line.slice(rest, len(text)))
        elif first in "*#+" and (match := LIST_MARKERS.match(text)):
            self._list_item(line, match.group(), match.end())
        elif text.startswith("||"):
            self._flush_paragraph()
            self._flush_list()
            self._table.append(line)
        elif first == ":":
            depth = len(text) - len(text.lstrip(":"))
            self._indent(line, depth, depth)
        else:
            self._text(line)

    def _heading(self, line: LogicalLine) -> None:
        self._flush()
        text = line.text
        marks = len(text) - len(text.lstrip("!"))
        level = min(marks, 6)
        start = level
        while start < len(text) and text[start] == " ":
            start += 1
        content = self.inline.parse(line.slice(start, len(text))) if start < len(text) else ()
        shifted = max(1, min(6, level + self.heading_shift))
        self._stack[-1].children.append(Heading(shifted, content, line.line))

    def _indent(self, line: LogicalLine, depth: int, start: int) -> None:
        depth = self._clamp(depth, line, "indent")
        content = self.inline.parse(line.stripped_slice(start, len(line.text)))
        if self._lists:
            item = self._lists[-1].items[-1]
            relative = max(1, depth - len(self._lists))
            item.indents.append(Indent(relative, content, line.line))
            return
        self._flush_paragraph()
        self._flush_table()
        self._stack[-1].children.append(Indent(depth, content, line.line))

    def _list_item(self, line: LogicalLine, markers: str, start: int) -> None:
        self._flush_paragraph()
        self._flush_table()
        depth = self._clamp(len(markers), line, "list")
        markers = markers[:depth]
        first_link = len(self.inline.links)
        content = self.inline.parse(line.stripped_slice(start, len(line.text)))
        targets = tuple(link.target for link in self.inline.links[first_link:])
        item = ListItem(content, line.line, targets=targets)
        ordered = [marker == "#" for marker in markers]
        lists = self._lists
        del lists[depth:]
        if lists and lists[-1].ordered != ordered[len(lists) - 1] and len(lists) == depth:
            if depth == 1:
                self._flush_list()
                lists = self._lists
            else:
                lists.pop()
                fresh = ListBlock(ordered[depth - 1])
                lists[-1].items[-1].sublists.append(fresh)
                lists.append(fresh)
        if not lists:
            root = ListBlock(ordered[0])
            self._stack[-1].children.append(root)
            lists.append(root)
        while len(lists) < depth:
            parent = lists[-1]
            if not parent.items:
                parent.items.append(ListItem((), line.line))
            nested = ListBlock(ordered[len(lists)])
            parent.items[-1].sublists.append(nested)
            lists.append(nested)
        lists[-1].items.append(item)

    def _clamp(self, depth: int, line: LogicalLine, what: str) -> int:
        if depth <= MAX_LIST_DEPTH:
            return depth
        self.sink.add(
            (line.line, 1),
            f"{what} nested {depth} levels deep; shown at level {MAX_LIST_DEPTH}",
            "use at most three levels, as TV Tropes asks",
            Severity.INFO,
            "deep-nesting",
        )
        return MAX_LIST_DEPTH

    def _text(self, line: LogicalLine) -> None:
        self._flush_list()
        self._flush_table()
        if not self._paragraph:
            self._paragraph_line = line.line
        self._paragraph.append(self.inline.parse(line))

    # ------------------------------------------------------------------------------------ flushing

    def _flush(self) -> None:
        self._flush_paragraph()
        self._flush_list()
        self._flush_table()

    def _flush_paragraph(self) -> None:
        if self._paragraph:
            self._stack[-1].children.append(Paragraph(tuple(self._paragraph), self._paragraph_line))
            self._paragraph = []

    def _flush_list(self) -> None:
        self._lists = []

    def _flush_table(self) -> None:
        if self._table:
            self._stack[-1].children.extend(self._tables(self._table))
            self._table = []

    def _tables(self, lines: list[LogicalLine]) -> Iterator[Table]:
        attributes: tuple[tuple[str, str], ...] = ()
        caption: tuple[Inline, ...] | None = None
        caption_line: LogicalLine | None = None
        rows: list[tuple[TableCell, ...]] = []
        first_line = lines[0].line
        for line in lines:
            body = line.text[2:]
            if "||" not in body and (not body.strip() or not _TABLE_ATTRIBUTE.sub(" ", body).strip()):
                if rows:
                    yield Table(attributes, caption, tuple(rows), first_line)
                    rows, caption, caption_line, first_line = [], None, None, line.line
                attributes = self._table_attributes(body, line)
                continue
            if "||" not in body and _TABLE_ATTRIBUTE.search(body):  # PmWiki would drop the text
                self.sink.add(
                    line.position(0),
                    "a table attribute line holds other text; shown as a row",
                    "put attributes alone on their line (||width=50%) and text in cells (||text||)",
                    code="table-row",
                )
            elif "||" not in body:  # PmWiki would read ``||cell`` as attributes and lose the text
                self.sink.add(
                    line.position(0),
                    "a one-cell table row needs a closing '||'; shown as a row",
                    "write ||cell||",
                    code="table-row",
                )
            is_caption = body.startswith("!") and body.rstrip().endswith("!||") and body.count("||") == 1
            if is_caption and not rows and caption_line is None:
                caption = self.inline.parse(line.slice(3, len(line.text.rstrip()) - 3))
                caption_line = line
                continue
            rows.append(self._table_row(line))
        if not rows and caption_line is not None:  # a lone ``||!Header!||`` is a one-cell table, not a caption
            rows, caption = [self._table_row(caption_line)], None
        if rows:
            yield Table(attributes, caption, tuple(rows), first_line)

    def _table_attributes(self, body: str, line: LogicalLine) -> tuple[tuple[str, str], ...]:
        kept: list[tuple[str, str]] = []
        for match in _TABLE_ATTRIBUTE.finditer(body):
            name, value = match.group(1).lower(), match.group(2).strip("\"'")
            pattern = _TABLE_ATTRIBUTES.get(name)
            if pattern and pattern.match(value):
                kept.append((name, value))
            else:
                self.sink.add(
                    line.position(2 + match.start()),
                    f"table attribute '{match.group()}' is not allowed; dropped",
                    "use border, width, align, cellpadding, cellspacing or class with a plain value",
                    code="table-attribute",
                )
        return tuple(kept)

    def _table_row(self, line: LogicalLine) -> tuple[TableCell, ...]:
        text = line.text
        bounds: list[tuple[int, int]] = []
        start = 2
        while True:
            end = text.find("||", start)
            if end < 0:
                if text[start:].strip():
                    bounds.append((start, len(text)))
                break
            bounds.append((start, end))
            start = end + 2
        cells: list[TableCell] = []
        for start, end in bounds:
            raw = text[start:end]
            if not raw and cells:
                previous = cells[-1]
                cells[-1] = TableCell(previous.content, previous.header, previous.align, previous.colspan + 1)
                continue
            header = raw.startswith("!")
            inner_start = start + 1 if header else start
            inner = text[inner_start:end]
            align = ""
            if inner.strip():
                leading, trailing = inner[:1] == " ", inner[-1:] == " "
                align = "center" if leading and trailing else "right" if leading else "left" if trailing else ""
            content = self.inline.parse(line.stripped_slice(inner_start, end)) if inner.strip() else ()
            cells.append(TableCell(content or (Text("\u00a0"),), header, align))
        return tuple(cells)


def _trimmed(line: LogicalLine) -> LogicalLine:
    text = line.text
    start, end = 0, len(text)
    while start < end and text[start] in _TITLE_BLANKS:
        start += 1
    while end > start and text[end - 1] in _TITLE_BLANKS:
        end -= 1
    return line.slice(start, end)


def split_block_tags(lines: Iterable[LogicalLine]) -> Iterator[LogicalLine | _TagLine]:
    """Cut top-level ``[[folder:..]]``-style tags out of lines, so each stands alone (and so does the text around
    them: ``* [[folder:x]]`` is an empty list item, then a folder)."""
    for line in lines:
        if not _BLOCK_TAG_HINT.search(line.text):
            yield line
            continue
        brackets = index_brackets(line.text)
        cursor = 0
        depth = 0
        for token, position in enumerate(brackets.positions):
            partner = brackets.partner[token]
            if partner < 0:
                continue
            if brackets.is_open[token]:
                depth += 1
                if depth != 1:
                    continue
                close = brackets.positions[partner]
                content = line.text[position + 2 : close]
                name = _block_tag_name(content)
                if name is None:
                    continue
                if line.text[cursor:position].strip():
                    yield line.slice(cursor, position)
                title = None
                if name == "folder":
                    title = line.slice(position + 2 + content.index(":") + 1, close)
                line_no, column = line.position(position)
                yield _TagLine(name, title, line_no, column)
                cursor = close + 2
            else:
                depth -= 1
        if line.text[cursor:].strip():
            yield line.slice(cursor, len(line.text)) if cursor else line


def _block_tag_name(content: str) -> str | None:
    lowered = content.strip().lower()
    for tag in _BLOCK_TAGS:
        if tag.endswith(":"):
            if lowered.startswith(tag):
                return tag[:-1]
        elif lowered == tag:
            return tag
    return None


def redirect_block(blocks: list[Block]) -> Redirect | None:
    for block in blocks:
        if isinstance(block, Redirect):
            return block
    return None
