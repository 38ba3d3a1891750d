"""Whole-page trope markup for Python-Markdown: the converter as a preprocessor, plus the extensions it needs.

``markdown.markdown(trope_text, extensions=["mkdocs_trope.extensions.trope"])`` renders a trope page without
MkDocs. Diagnostics of the last conversion are left on ``md.trope_diagnostics``.
"""

from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from ..markup import ConvertOptions, convert
from .chunks import ChunkExtension
from .images import ImageDirectiveExtension
from .linear_html import LinearHtmlExtension
from .resolver import Resolver
from .wikilinks import WikiLinkExtension

PREPROCESSOR_PRIORITY = 35
"""Before whitespace normalisation (30) and raw-HTML extraction (20): the input is trope, not Markdown."""


class TropePreprocessor(Preprocessor):
    def __init__(self, md: Markdown, options: ConvertOptions) -> None:
        super().__init__(md)
        self.options = options

    def run(self, lines: list[str]) -> list[str]:
        result = convert("\n".join(lines), options=self.options)
        self.md.trope_diagnostics = result.diagnostics  # type: ignore[attr-defined]
        return result.markdown.split("\n")


class TropeExtension(Extension):
    """The converter plus wiki links, image directives, ``md_in_html`` and linear inline processing (chunks)."""

    def __init__(self, resolver: Resolver | None = None, **kwargs: Any) -> None:
        self.resolver = resolver
        self.config = {
            "url_pattern": ["/{namespace}/{name}/", "URL for a page when no resolver is given"],
            "heading_shift": [1, "Added to heading levels: 1 makes '!' an <h2>"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        options = ConvertOptions(heading_shift=int(self.getConfig("heading_shift")))
        md.preprocessors.register(TropePreprocessor(md, options), "trope", PREPROCESSOR_PRIORITY)
        links = WikiLinkExtension(resolver=self.resolver, url_pattern=self.getConfig("url_pattern"))
        links.converted_text = True
        md.registerExtensions([links, ImageDirectiveExtension(), ChunkExtension(), LinearHtmlExtension()], {})


def makeExtension(**kwargs: Any) -> TropeExtension:  # noqa: N802 - Python-Markdown's API
    return TropeExtension(**kwargs)
