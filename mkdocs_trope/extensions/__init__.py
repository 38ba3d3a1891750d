"""Python-Markdown extensions: wiki links, image directives, and whole-page trope conversion.

They work in any Python-Markdown host (MkDocs, ProperDocs, Zensical, plain ``markdown.markdown``); the MkDocs
plugin only swaps in a site-aware :class:`~mkdocs_trope.extensions.resolver.Resolver`.
"""

from __future__ import annotations

from .images import ImageDirectiveExtension
from .resolver import Resolution, Resolver, UrlPatternResolver
from .trope import TropeExtension
from .wikilinks import WikiLinkExtension

__all__ = [
    "ImageDirectiveExtension",
    "Resolution",
    "Resolver",
    "TropeExtension",
    "UrlPatternResolver",
    "WikiLinkExtension",
]
