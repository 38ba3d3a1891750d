"""Page-image directives for Python-Markdown: ``[[quoteright:W:image]]`` with the caption line that follows.

A paragraph that starts with ``[[quoteright:348:...]]`` (or ``quoteleft``) becomes a ``<figure>`` floated to
that side at that width; a ``[[caption-width-right:348:...]]`` line right after it becomes its
``<figcaption>``. A caption alone becomes a caption box. The directive's content stays Markdown (and wiki links),
processed inline as usual. The trope converter writes page images in exactly this form, so ``.trope`` pages and
Markdown pages share one rendering.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor

from ..markup.urls import image_source

MAX_WIDTH = 2000
_DIRECTIVE = re.compile(r"\A\[\[(quoteright|quoteleft|caption-width-right|caption-width-left):([0-9]{1,4}):(.*)\]\]\Z")
_SIDES = {"quoteright": "right", "quoteleft": "left", "caption-width-right": "right", "caption-width-left": "left"}


def parse_directive(line: str) -> tuple[str, int, str] | None:
    """(name, width, content) of a directive line, or None if the line is not one (or its width is bad)."""
    match = _DIRECTIVE.match(line.strip())
    if not match or not 0 < int(match.group(2)) <= MAX_WIDTH:
        return None
    return match.group(1), int(match.group(2)), match.group(3)


class FigureProcessor(BlockProcessor):
    """Turns directive lines at the start of a block into a figure."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return block.startswith(("[[quote", "[[caption-width-"))

    def run(self, parent: etree.Element, blocks: list[str]) -> bool | None:
        block = blocks.pop(0)
        lines = block.split("\n")
        first = parse_directive(lines[0])
        if first is None:
            blocks.insert(0, block)
            return False
        name, width, content = first
        used = 1
        side = _SIDES[name]
        if name.startswith("quote"):
            figure = etree.SubElement(parent, "figure", {"class": f"quote{side}", "style": f"width:{width}px"})
            source = image_source(content)
            if source is not None:  # a bare image URL, as written in Markdown pages
                etree.SubElement(figure, "img", {"src": source, "alt": ""})
            else:
                figure.text = content
            caption = parse_directive(lines[1]) if len(lines) > 1 else None
            if caption is not None and caption[0].startswith("caption"):
                etree.SubElement(figure, "figcaption", {"class": "caption"}).text = caption[2]
                used = 2
        else:
            figure = etree.SubElement(
                parent, "figure", {"class": f"captionbox caption{side}", "style": f"width:{width}px"}
            )
            etree.SubElement(figure, "figcaption", {"class": "caption"}).text = content
        rest = "\n".join(lines[used:])
        if rest.strip():
            blocks.insert(0, rest)
        return True


class ImageDirectiveExtension(Extension):
    """Register with ``markdown.Markdown(extensions=[ImageDirectiveExtension()])`` or by entry-point name."""

    def __init__(self, **kwargs: Any) -> None:
        self.config: dict[str, list[Any]] = {}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        md.parser.blockprocessors.register(FigureProcessor(md.parser), "trope_figure", 95)


def makeExtension(**kwargs: Any) -> ImageDirectiveExtension:  # noqa: N802 - Python-Markdown's API
    return ImageDirectiveExtension(**kwargs)
