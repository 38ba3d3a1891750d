"""Python-Markdown's passes over converted text stay linear on wide shapes: one table row of thousands of cells,
thousands of sibling sublists, thousands of tiny paragraphs.

Why: stock ``md_in_html`` and the block parser shift whole lists (the stash, the block list, an island's
children) once per item, and the inline pass looks each tail up among all its siblings. The work is counted
here, not timed: no shift of the stash, blocks always taken from a :class:`FrontList`, no element with more
than :data:`SIBLINGS` children in the inline pass. The output must equal stock Python-Markdown's.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

import markdown
import pytest
from markdown.extensions.md_in_html import MarkdownInHtmlExtension
from markdown.treeprocessors import Treeprocessor

from mkdocs_trope import markdown_html
from mkdocs_trope.extensions.chunks import SIBLINGS, ChunkExtension
from mkdocs_trope.extensions.images import ImageDirectiveExtension
from mkdocs_trope.extensions.linear_html import FrontList, LinearHtmlExtension
from mkdocs_trope.extensions.trope import TropeExtension, TropePreprocessor
from mkdocs_trope.extensions.wikilinks import WikiLinkExtension
from mkdocs_trope.markup import ConvertOptions

SHAPES = {
    "one table row of many cells": lambda n: "||" + "a||" * n,
    "sibling sublists, markers alternating": lambda n: "* top\n" + "".join(
        ("** a\n", "*# b\n", "*+ c\n")[k % 3] for k in range(n)),
    "tiny paragraphs": lambda n: "a\n\n" * n,
    "wide row of formatted cells": lambda n: "||" + "''a'' [[b]] x||" * n,
}


def _stock(text: str) -> str:
    """The page through Python-Markdown's own ``md_in_html`` and block parser (the reference)."""

    class Stock(markdown.Extension):
        def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802
            md.preprocessors.register(TropePreprocessor(md, ConvertOptions(heading_shift=1)), "trope", 35)
            links = WikiLinkExtension(url_pattern="/{namespace}/{name}/")
            links.converted_text = True
            md.registerExtensions([links, ImageDirectiveExtension(), MarkdownInHtmlExtension()], {})

    return markdown.markdown(text, extensions=[Stock()])


@pytest.mark.parametrize("shape", SHAPES, ids=list(SHAPES))
def test_output_equals_stock_python_markdown(shape: str) -> None:
    text = SHAPES[shape](300)
    assert markdown_html(text) == _stock(text)


class _CountingStash(list[Any]):
    """A stash that counts the items moved by inserting or removing anywhere but at the end."""

    shifted = 0

    def pop(self, index: Any = -1) -> Any:
        if index != -1 and index < len(self) - 1:
            _CountingStash.shifted += len(self) - 1 - index
        return super().pop(index)

    def insert(self, index: Any, value: Any) -> None:
        if index < len(self):
            _CountingStash.shifted += len(self) - index
        super().insert(index, value)


class _Probe(Treeprocessor):
    """Runs just before the inline pass: records the most children any element has."""

    widest = 0

    def run(self, root: etree.Element) -> None:
        _Probe.widest = max(len(element) for element in root.iter())


class _ProbeExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802
        md.htmlStash.rawHtmlBlocks = _CountingStash()
        md.treeprocessors.register(_Probe(md), "probe", 20.1)
        parse_blocks = md.parser.parseBlocks

        def spy(parent: etree.Element, blocks: Any) -> None:
            assert isinstance(blocks, FrontList), "blocks must be taken off the front in constant time"
            parse_blocks(parent, blocks)

        md.parser.parseBlocks = spy  # type: ignore[method-assign]


@pytest.mark.parametrize("shape", SHAPES, ids=list(SHAPES))
def test_no_pass_shifts_or_scans_all_siblings(shape: str) -> None:
    text = SHAPES[shape](3000)
    _CountingStash.shifted = 0
    md = markdown.Markdown(extensions=[_ProbeExtension(), TropeExtension()])
    md.reset = lambda: md  # type: ignore[method-assign]  # keep the counting stash
    html = md.convert(text)
    assert _CountingStash.shifted == 0
    assert _Probe.widest <= SIBLINGS + 1
    assert html.count("<p>") + html.count("<td>") + html.count("<li>") >= 3000


def test_front_list_behaves_as_a_list() -> None:
    reference = ["a", "b", "c", "d"]
    blocks = FrontList(reference)
    assert list(blocks) == reference and len(blocks) == 4 and blocks[0] == "a" and blocks[-1] == "d"
    for sequence in (reference, blocks):
        assert sequence.pop(0) == "a"
        sequence.insert(0, "x")
        sequence.insert(2, "y")
        sequence[1] = "z"
        del sequence[-1]
        sequence.append("e")
        sequence[1:3] = ["p", "q", "r"]
    assert list(blocks) == reference == blocks[:]


def test_linear_extension_replaces_md_in_html_registered_before_it() -> None:
    md = markdown.Markdown(extensions=["md_in_html", ChunkExtension(), LinearHtmlExtension()])
    assert type(md.parser.blockprocessors["markdown_block"]).__name__ == "LinearMarkdownInHtmlProcessor"
