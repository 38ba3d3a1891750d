"""Keep Python-Markdown's block pass and ``md_in_html`` linear in the number of sibling blocks and elements.

Why: converted trope text is HTML islands (``<table markdown="1">``, ``<ul markdown="1">``) holding Markdown, and a
hostile page can make one island hold hundreds of thousands of children (one table row of 330k cells, a list
with 170k sibling sublists) or make a page of hundreds of thousands of tiny paragraphs. Python-Markdown 3.x
handles each of those in quadratic time:

- ``md_in_html`` flattens an island by removing its children one by one from the front (each removal shifts
  the rest) and by rebuilding the parent's whole text after each child (``text.rstrip(...) + ...``);
- it clears each used stash entry with ``pop(index)`` + ``insert(index, "")``, shifting the whole stash;
- the block parser takes each block off the front of a Python list (``blocks.pop(0)``).

The classes here do the same work in linear time and produce the same tree, stash and output, byte for byte:
the flattening keeps the parent's text as a list of parts (only the last part can hold trailing newlines, as
each appended part starts with a placeholder), the stash entry is overwritten in place, and the block list is
a :class:`FrontList`, a sequence whose front is the end of a reversed Python list.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections import deque
from collections.abc import Iterable, Iterator, MutableSequence
from typing import Any, overload

from markdown import Markdown
from markdown.extensions.md_in_html import (
    HtmlBlockPreprocessor,
    HTMLExtractorExtra,
    MarkdownInHtmlExtension,
    MarkdownInHtmlProcessor,
)
from markdown.htmlparser import blank_line_re
from markdown.util import HTML_PLACEHOLDER_RE


class FrontList(MutableSequence[str]):
    """A list of blocks taken from and pushed back onto the front in O(1): stored reversed."""

    def __init__(self, items: Iterable[str] = ()) -> None:
        self._reversed = list(items)
        self._reversed.reverse()

    def _at(self, index: int) -> int:
        size = len(self._reversed)
        if index < 0:
            index += size
        if not 0 <= index < size:
            raise IndexError("block index out of range")
        return size - 1 - index

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return list(self)[index]
        return self._reversed[self._at(index)]

    def __setitem__(self, index: Any, value: Any) -> None:
        if isinstance(index, slice):
            items = list(self)
            items[index] = value
            self.__init__(items)  # type: ignore[misc]
        else:
            self._reversed[self._at(index)] = value

    def __delitem__(self, index: Any) -> None:
        if isinstance(index, slice):
            items = list(self)
            del items[index]
            self.__init__(items)  # type: ignore[misc]
        else:
            del self._reversed[self._at(index)]

    def __len__(self) -> int:
        return len(self._reversed)

    def __iter__(self) -> Iterator[str]:
        return reversed(self._reversed)

    def insert(self, index: int, value: str) -> None:
        size = len(self._reversed)
        index = max(0, min(size, index + size if index < 0 else index))
        self._reversed.insert(size - index, value)


class LinearHTMLExtractor(HTMLExtractorExtra):
    """``md_in_html``'s extractor with the flattening of a closed island done in linear time."""

    def handle_endtag(self, tag: str) -> None:
        stacks: Any = self  # md_in_html sets these in reset(), untyped
        if tag not in self.block_level_tags or self.inraw or tag not in stacks.mdstack:
            super().handle_endtag(tag)
            return
        while stacks.mdstack:  # close the element and any unclosed children
            item = stacks.mdstack.pop()
            stacks.mdstate.pop()
            stacks.mdstarted.pop()
            stacks.treebuilder.end(item)
            if item == tag:
                break
        if stacks.mdstack:
            return
        element = self.get_element()
        last = self.cleandoc[-1] if self.cleandoc else ""
        if not last.endswith("\n\n") and last.endswith("\n"):
            self.cleandoc.append("\n")
        self._flatten(element)
        self.cleandoc.append(self.md.htmlStash.store(element))
        self.cleandoc.append("\n\n")
        stacks.state = []
        if not blank_line_re.match(self.rawdata[self.line_offset + self.offset + len(self.get_endtag_text(tag)):]):
            self.intail = True  # more content follows the end tag

    def _flatten(self, element: etree.Element) -> None:
        """Stash each child in its parent's text, as ``md_in_html`` does, breadth first."""
        pending: deque[etree.Element] = deque()
        current: etree.Element | None = element
        while current is not None:
            children = list(current)
            if children:
                del current[:]
                parts = [current.text if current.text is not None else ""]
                for child in children:
                    tail = child.tail if child.tail is not None else ""
                    child.tail = None
                    if tail != "\n":
                        tail = "\n" + tail.rstrip("\n")
                    if not parts[-1].endswith("\n\n"):
                        parts[-1] = parts[-1].rstrip("\n") + "\n\n"
                    if child.attrib.get("markdown", "off") in ("span", "block"):
                        pending.append(child)
                    else:  # raw HTML is not parsed again: drop the markers, keep it whole
                        child.attrib.pop("markdown")
                        for descendant in child.iter():
                            descendant.attrib.pop("markdown", None)
                    parts.append(f"{self.md.htmlStash.store(child)}{tail}")
                current.text = "".join(parts)
            current = pending.popleft() if pending else None


class LinearHtmlBlockPreprocessor(HtmlBlockPreprocessor):
    def run(self, lines: list[str]) -> list[str]:
        parser = LinearHTMLExtractor(self.md)
        parser.feed("\n".join(lines))
        parser.close()
        return "".join(parser.cleandoc).split("\n")


class LinearMarkdownInHtmlProcessor(MarkdownInHtmlProcessor):
    """``md_in_html``'s block processor, clearing used stash entries in place instead of shifting the stash."""

    def parse_element_content(self, element: etree.Element) -> None:
        if element.attrib.get("markdown") != "span":
            super().parse_element_content(element)
            return
        del element.attrib["markdown"]
        # Stashed elements under a span are expanded here; the span's text waits for the inline pass.
        block = element.text if element.text is not None else ""
        stash = self.parser.md.htmlStash.rawHtmlBlocks
        parts: list[str] = []
        child: etree.Element | None = None
        start = 0
        for match in HTML_PLACEHOLDER_RE.finditer(block):
            index = int(match.group(1))
            stashed = stash[index]
            parts.append(block[start:match.start()])
            if isinstance(stashed, etree.Element):
                self._close(element, child, parts)
                element.append(stashed)
                self.parse_element_content(stashed)
                child = stashed
                stash[index] = ""
            start = match.start()
        parts.append(block[start:])
        self._close(element, child, parts)

    @staticmethod
    def _close(element: etree.Element, child: etree.Element | None, parts: list[str]) -> None:
        """Add the text gathered since the last child to that child's tail (or the element's text)."""
        if child is None:
            element.text = "".join(parts)
        else:
            child.tail = (child.tail or "") + "".join(parts)
        parts.clear()

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        match = HTML_PLACEHOLDER_RE.match(blocks[0])
        if match:
            index = int(match.group(1))
            stash = self.parser.md.htmlStash.rawHtmlBlocks
            element = stash[index]
            if isinstance(element, etree.Element):
                block = blocks.pop(0)
                parent.append(element)
                self.parse_element_content(element)
                stash[index] = ""
                content = block[match.end(0):]
                if content:
                    blocks.insert(0, content)
                return True
        return False


class LinearHtmlExtension(MarkdownInHtmlExtension):
    """``md_in_html`` and the block parser in linear time. Register it after any ``md_in_html``: it replaces it."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        super().extendMarkdown(md)
        md.preprocessors.register(LinearHtmlBlockPreprocessor(md), "html_block", 20)
        md.parser.blockprocessors.register(LinearMarkdownInHtmlProcessor(md.parser), "markdown_block", 105)
        parse_blocks = md.parser.parseBlocks

        def linear_parse_blocks(parent: etree.Element, blocks: list[str]) -> None:
            parse_blocks(parent, blocks if isinstance(blocks, FrontList) else FrontList(blocks))  # type: ignore[arg-type]

        md.parser.parseBlocks = linear_parse_blocks  # type: ignore[method-assign]


def makeExtension(**kwargs: Any) -> LinearHtmlExtension:  # noqa: N802 - Python-Markdown's API
    return LinearHtmlExtension(**kwargs)
