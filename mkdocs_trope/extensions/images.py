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
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

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


class ImageAttributeProcessor(Treeprocessor):
    """Gives images what a browser needs before they load: page images their declared ``width`` and an ``alt``
    from their caption (a linked image is already named after the linked page), and every image but the page's
    first page image ``loading="lazy"``, so images below the fold wait until the reader scrolls near them.

    Runs after the wiki-link resolver (15), which names linked images.
    """

    PRIORITY = 10

    def run(self, root: etree.Element) -> None:
        first_page_image = None
        for figure in root.iter("figure"):
            if figure.get("class") not in ("quoteright", "quoteleft"):
                continue
            width = figure.get("style", "").removeprefix("width:").removesuffix("px")
            caption = figure.find("figcaption")
            alt = self._caption_text(caption) if caption is not None else ""
            for image in figure.iter("img"):
                first_page_image = first_page_image if first_page_image is not None else image
                image.set("width", width)
                if not image.get("alt") and alt:
                    image.set("alt", alt)
        for image in root.iter("img"):
            if image is not first_page_image:
                image.set("loading", "lazy")

    def _caption_text(self, caption: etree.Element) -> str:
        """A caption's words for an image's ``alt``: its tree text, blanks collapsed, without its raw HTML tags.

        Raw HTML in the caption (a spoiler's or a note's tags, a line break) is only a placeholder in the tree,
        which Python-Markdown would write back verbatim even inside the attribute, where the tags' own quotes
        would end the value early; each becomes a blank. Character references stay (they are text).
        """
        stash = self.md.htmlStash.rawHtmlBlocks

        def text_only(placeholder: re.Match[str]) -> str:
            raw = stash[int(placeholder.group(1))]
            return placeholder.group(0) if isinstance(raw, str) and raw.startswith("&") else " "

        return " ".join(HTML_PLACEHOLDER_RE.sub(text_only, "".join(caption.itertext())).split())


class ImageDirectiveExtension(Extension):
    """Register with ``markdown.Markdown(extensions=[ImageDirectiveExtension()])`` or by entry-point name."""

    def __init__(self, **kwargs: Any) -> None:
        self.config: dict[str, list[Any]] = {}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        md.parser.blockprocessors.register(FigureProcessor(md.parser), "trope_figure", 95)
        attributes = ImageAttributeProcessor(md)
        md.treeprocessors.register(attributes, "trope_image_attributes", ImageAttributeProcessor.PRIORITY)


def makeExtension(**kwargs: Any) -> ImageDirectiveExtension:  # noqa: N802 - Python-Markdown's API
    return ImageDirectiveExtension(**kwargs)

