"""Publish a wiki written in TV Tropes markup as an MkDocs site.

The public entry points are :func:`mkdocs_trope.markup.convert` (trope text to Markdown), the Python-Markdown
extensions in :mod:`mkdocs_trope.extensions`, and the MkDocs plugin ``trope``.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def render_html(text: str, **config: Any) -> str:
    """Trope markup straight to HTML, as Python-Markdown with this package's extensions renders it (no MkDocs).

    ``config`` goes to :class:`~mkdocs_trope.extensions.trope.TropeExtension` (``url_pattern``, ``resolver``,
    ``heading_shift``). The HTML is made from the document tree when that is exact, else by Python-Markdown.
    """
    from .exact import Finisher
    from .extensions.trope import TropeExtension
    from .extensions.wikilinks import WikiLinkExtension
    from .markup import ConvertOptions, convert_to_html
    from .markup.html import NotExactError

    extension = TropeExtension(**config)
    options = ConvertOptions(heading_shift=int(extension.getConfig("heading_shift")))
    document = convert_to_html(text, options)
    if document is not None:
        links = WikiLinkExtension(resolver=extension.resolver, url_pattern=extension.getConfig("url_pattern"))
        try:
            return Finisher(links.resolver).finish(document).html
        except NotExactError:
            pass
    return markdown_html(text, **config)


def markdown_html(text: str, **config: Any) -> str:
    """:func:`render_html` always through Python-Markdown: the reference the direct HTML must equal."""
    import markdown

    from .extensions.trope import TropeExtension

    return markdown.markdown(text, extensions=[TropeExtension(**config)])
